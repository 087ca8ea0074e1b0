"""Two lines of one size and weight, set close, where the first is as long as any line of its
size on the page (so it does not stop short of a margin): a goal's title in one typeface over
a unit's name in another (AbiWord's print of a Word report: a bold italic serif over a bold
sans). A paragraph keeps its typeface, so these are two paragraphs; a paragraph whose lines
share a typeface stays one. Each case is one small PDF of that layout."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

TITLE = "Öka andelen elever som uppnår godkända betyg"
UNIT = "Sfi – svenska för invandrare"


def _paragraphs(path: Path) -> list[str]:
    return [b.text for b in read_pdf(path).blocks if isinstance(b, Paragraph)]


def _page(mono_unit: bool) -> Page:
    page = Page()
    page.text(72, 100, "Nämnden redovisar sina mål och hur de följs upp under året som kommer.", 9)
    page.text(72, 140, TITLE, 10)
    page.text(72, 153, UNIT, 10, mono=mono_unit)
    page.text(72, 190, "Svenska för invandrare är en egen skolform för vuxna.", 9)
    return page


def test_a_line_in_another_typeface_starts_a_paragraph(tmp_path: Path) -> None:
    assert TITLE in _paragraphs(write_pdf(tmp_path / "typeface.pdf", [_page(True)]))
    assert UNIT in _paragraphs(tmp_path / "typeface.pdf")


def test_lines_of_one_typeface_stay_one_paragraph(tmp_path: Path) -> None:
    assert f"{TITLE} {UNIT}" in _paragraphs(write_pdf(tmp_path / "one_typeface.pdf", [_page(False)]))
