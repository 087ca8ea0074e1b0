"""The reader-side hostile inputs of issue 10 (items 2 and 11) in one run with a good report:
each gets the problems row it should, the readable ones give their rows, and the good report's
rows are those it gives alone."""
from __future__ import annotations

from pathlib import Path

import docx
import pandas as pd
import pytest

from generated import deep_html, docx_with_document_xml, zero_page_pdf
from paths import SEEDS
from pipeline.run.options import RunOptions
from pipeline.run.orchestrate import run

GOOD = SEEDS / "000_05871d331dd0cb08.txt"
UNICODE_SEED = SEEDS / "001_0037d1aa6ba7bc46.txt"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# file -> (severity, code) of its one problems row
EXPECTED = {
    "deep.html": ("warning", "deep_nesting"),
    "unicode_no_bom.txt": ("warning", "utf_16"),
    "padded.txt": ("warning", "nul_padding"),
    "nul_inside.txt": ("error", "binary_file"),
    "no_pages.pdf": ("error", "no_pages"),
    "deep.docx": ("error", "docx_xml_too_deep"),
    "big_text.docx": ("error", "docx_xml_too_large"),
}


def _hostile(folder: Path, scratch: Path) -> None:
    (folder / "deep.html").write_text(deep_html(3000), encoding="utf-8")
    text = UNICODE_SEED.read_text(encoding="utf-8")
    (folder / "unicode_bom.txt").write_bytes(text.encode("utf-16"))
    (folder / "unicode_no_bom.txt").write_bytes(text.encode("utf-16-le"))
    (folder / "padded.txt").write_bytes(UNICODE_SEED.read_bytes() + b"\x00" * 4096)
    inside = bytearray((SEEDS / "004_522f212c0b3259a2.txt").read_bytes())
    inside[100_000] = 0
    (folder / "nul_inside.txt").write_bytes(bytes(inside))
    (folder / "no_pages.pdf").write_bytes(zero_page_pdf())
    base = scratch / "base.docx"
    document = docx.Document()
    document.add_paragraph("Nämndmål: Alla barn har en trygg uppväxt")
    document.save(str(base))
    deep = b"<w:sdt><w:sdtContent>" * 200 + b"<w:p/>" + b"</w:sdtContent></w:sdt>" * 200
    docx_with_document_xml(base, folder / "deep.docx", f"<w:document {_W}><w:body>".encode() + deep
                           + b"</w:body></w:document>")
    docx_with_document_xml(base, folder / "big_text.docx", f"<w:document {_W}><w:body><w:p><w:r><w:t>".encode()
                           + b"a" * (11 * 1024 * 1024) + b"</w:t></w:r></w:p></w:body></w:document>")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    mixed, alone, unicode_alone = base / "mixed", base / "alone", base / "unicode_alone"
    for folder in (mixed, alone, unicode_alone):
        folder.mkdir()
    (mixed / GOOD.name).write_bytes(GOOD.read_bytes())
    (alone / GOOD.name).write_bytes(GOOD.read_bytes())
    (unicode_alone / UNICODE_SEED.name).write_bytes(UNICODE_SEED.read_bytes())
    _hostile(mixed, base)
    summary = run(RunOptions(input=mixed, output=base / "out-mixed", jobs=2))
    run(RunOptions(input=alone, output=base / "out-alone", jobs=1))
    run(RunOptions(input=unicode_alone, output=base / "out-unicode", jobs=1))
    return summary, base / "out-mixed", base / "out-alone", base / "out-unicode"


def _table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(out / name)


def test_each_hostile_file_has_its_problem_row(runs):
    summary, mixed, _, _ = runs
    problems = _table(mixed, "problems")
    found = {row.source_path: (row.severity, row.code) for row in problems.itertuples()}
    assert found == EXPECTED and len(problems) == len(EXPECTED)
    for row in problems.itertuples():
        assert "PDFium" not in row.message and "not a valid" not in row.message and len(row.message) > 40, row
    assert summary.exit_code == 1  # some files gave no rows


def test_the_good_report_loses_nothing(runs):
    _, mixed, alone, _ = runs
    doc_id = _table(alone, "documents").doc_id.iloc[0]
    for name in ("goals", "indicators", "activities", "table_cells"):
        ours, expected = _table(mixed, name), _table(alone, name)
        assert len(expected) > 0
        pd.testing.assert_frame_equal(ours[ours.doc_id == doc_id].reset_index(drop=True),
                                      expected.reset_index(drop=True), check_categorical=False, check_dtype=False)


def test_utf16_and_padded_copies_give_the_rows_of_their_utf8_original(runs):
    _, mixed, _, unicode_alone = runs
    documents = _table(mixed, "documents")
    original = _table(unicode_alone, "goals")
    for name in ("unicode_bom.txt", "unicode_no_bom.txt", "padded.txt"):
        doc_id = documents[documents.source_path == name].doc_id.iloc[0]
        goals = _table(mixed, "goals")
        assert list(goals[goals.doc_id == doc_id].title) == list(original.title), name
        indicators, expected = _table(mixed, "indicators"), _table(unicode_alone, "indicators")
        assert (indicators.doc_id == doc_id).sum() == len(expected) > 0, name

