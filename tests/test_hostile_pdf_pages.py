"""PDFs whose pages cannot be read, or hold nothing: a clear row in `problems`, and no hours
spent. A page tree that loops back on itself made every page fail to load, the text-layer read
found no text and handed the file to OCR, which failed on the same pages: one `parser_error`
("report it"). A PDF of blank pages went to OCR page by page, 2 s a page under a time limit of
30 s a page: 200,000 blank pages (20 MB) were allowed 69 days."""
from __future__ import annotations

from pathlib import Path

import pytest

import parsers.ocr
from generated import pdf_bytes
from goldcheck import dataset_rows

CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
BLANK = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"


def _problems(tmp_path: Path, name: str, objects: list[bytes]) -> list[dict]:
    path = tmp_path / name
    path.write_bytes(pdf_bytes(objects))
    return dataset_rows(path, tmp_path)["problems"]


def test_a_page_tree_with_no_page_is_a_damaged_pdf(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "loop.pdf", [CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                                 b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"])
    assert [(p["severity"], p["code"]) for p in problems] == [("error", "damaged_pdf")]
    assert "page tree" in problems[0]["message"]


def test_a_page_the_tree_loops_to_is_left_out_and_the_rest_read(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "loop.pdf", [CATALOG, b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>", BLANK])
    assert [(p["severity"], p["code"], p["page"]) for p in problems] == [("warning", "unreadable_page", 2)]


def test_blank_pages_are_not_read_by_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[int] = []
    monkeypatch.setattr(parsers.ocr, "read_page", lambda number, *_: read.append(number))
    pages = 40
    path = tmp_path / "blank.pdf"
    path.write_bytes(pdf_bytes([CATALOG, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % (3 + k) for k in range(pages)), pages)] + [BLANK] * pages))
    [document] = dataset_rows(path, tmp_path)["documents"]
    assert (document["page_count"], document["ocr"], read) == (pages, True, [])
