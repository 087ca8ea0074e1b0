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


def test_a_wrapped_line_in_another_typeface_that_goes_on_in_lower_case_stays_in_its_paragraph(
        tmp_path: Path) -> None:
    # A whole line of a paragraph set in other type (an emphasised phrase in a font whose name
    # carries its style without a separator, as TeX's CMR10/CMTI10 do): the sentence goes on
    # over it, in lower case, so the paragraph does too.
    lines = ["Nämnden har under året arbetat vidare med uppföljningen av de insatser",
             "beslutades i fjol om samverkan med stadsdelarna om det",  # as wide, in Courier
             "kring arbetet med unga vuxna som varken arbetar eller studerar i staden."]
    page = Page()
    page.text(72, 100, lines[0], 10)
    page.text(72, 113, lines[1], 10, mono=True)
    page.text(72, 126, lines[2], 10)
    page.text(72, 160, "Ett nytt stycke börjar här efter ett tydligt avstånd.", 10)
    assert _paragraphs(write_pdf(tmp_path / "typeface_lower_case_line.pdf", [page]))[0] == " ".join(lines)
