"""A paragraph cut by a page break: the last paragraph of a page goes on at the top of the next
when it ends without a sentence's end and the next page's first paragraph, set alike, starts
in lower case, which no paragraph of its own does (a goal's heading '... ska minska jämfört' +
'med 2012.'). A paragraph that ends its sentence, or a next one in capitals, stays apart."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf


def _paragraphs(tmp_path: Path, last: str, first: str) -> list[str]:
    one, two = Page(), Page()
    one.text(72, 72, "Åtagande:", bold=True)
    for k in range(4):  # body text filling the page, 9 pt on 11 pt lines
        one.text(72, 100 + 11 * k, "Förvaltningen arbetar med att minska antalet hushåll som har försörjningsstöd")
    one.text(72, 790, last, bold=True)
    two.text(72, 60, first, bold=True)
    two.text(72, 90, "Uppfylls helt", bold=True)
    blocks = read_pdf(write_pdf(tmp_path / "cut.pdf", [one, two])).blocks
    return [b.text for b in blocks if isinstance(b, Paragraph)][2:]


def test_a_heading_cut_by_the_page_break_is_one_paragraph(tmp_path: Path) -> None:
    assert _paragraphs(tmp_path, "Antal hushåll beroende av försörjningsstöd ska minska jämfört", "med 2012.") == [
        "Antal hushåll beroende av försörjningsstöd ska minska jämfört med 2012.", "Uppfylls helt"]


def test_paragraphs_either_side_of_a_page_break_stay_apart(tmp_path: Path) -> None:
    assert _paragraphs(tmp_path, "Antal hushåll ska minska.", "med 2012.")[:2] == ["Antal hushåll ska minska.", "med 2012."]
    assert _paragraphs(tmp_path, "Antal hushåll ska minska", "Med 2012.")[:2] == ["Antal hushåll ska minska", "Med 2012."]
