"""Why a PDF cannot be opened, said for each file on its own. PDFium keeps one last error for the
process, which a load failing without an error of its own (an empty page tree) leaves as the
previous file's: a worker that had met a damaged or encrypted PDF called the next PDF without
pages damaged or encrypted."""
from __future__ import annotations

from pathlib import Path

import pytest

from generated import zero_page_pdf
from parsers.blocks import UnreadableFile
from parsers.pdf_open import open_pdf
from paths import BAD


def _reason(path: Path) -> str:
    with pytest.raises(UnreadableFile) as refused:
        open_pdf(path, None)
    return refused.value.code


@pytest.mark.parametrize("before", ["not_a_pdf.pdf", "truncated.pdf", "encrypted.pdf"])
def test_each_file_gets_its_own_reason_whatever_failed_before_it(tmp_path: Path, before: str) -> None:
    empty_tree = tmp_path / "tom.pdf"
    empty_tree.write_bytes(zero_page_pdf())
    reasons = [_reason(path) for path in (BAD / before, empty_tree, BAD / before, BAD / "truncated.pdf", empty_tree)]
    assert reasons == [{"not_a_pdf.pdf": "not_a_pdf", "truncated.pdf": "truncated_pdf",
                        "encrypted.pdf": "encrypted_pdf"}[before], "no_pages", reasons[0], "truncated_pdf", "no_pages"]
