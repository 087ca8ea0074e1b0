"""Paragraphs as a browser prints them: every paragraph's lines at one leading (0.28 of the size),
a goal's title and its status line ("Uppfylls helt") in the same bold type only a little
further apart than that, or the status a size smaller than the title. The status is a
paragraph of its own; a heading wrapped at the page's leading stays one paragraph."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEAD = 0.28  # the gap between a paragraph's lines, in sizes
BODY = ["Enheten följer upp sin budget varje månad och redovisar utfallet för nämnden vid varje",
        "tertial, så att avvikelser upptäcks tidigt och åtgärder kan sättas in i tid under året",
        "av alla chefer."]
TITLE = "Alla medarbetare ska vara medvetna om enhetens och förvaltningens budgetläge."


def _body(page: Page, top: float, size: float = 8.0) -> float:
    for line in BODY:
        page.text(72, top, line, size=size)
        top += size * (1 + LEAD)
    return top - size * LEAD


def _texts(tmp_path: Path, page: Page) -> list[str]:
    doc = read_pdf(write_pdf(tmp_path / "flow.pdf", [page]))
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def _goal(tmp_path: Path, title_size: float, gap: float, status_size: float) -> list[str]:
    """Body text, a goal's label and title in bold at `title_size`, its status `gap` sizes
    below the title in bold at `status_size`, and a sub-heading and body text after it."""
    page = Page()
    y = _body(page, 100) + 10
    page.text(72, y, "Åtagande:", size=title_size, bold=True)
    y += title_size + 9.5
    page.text(72, y, TITLE, size=title_size, bold=True)
    y += title_size + gap * title_size
    page.text(72, y, "Uppfylls helt", size=status_size, bold=True)
    y += status_size + 8.7
    page.text(72, y, "Förväntat resultat", size=status_size, bold=True)
    _body(page, y + status_size + 9.5)
    return _texts(tmp_path, page)


def test_a_status_line_a_little_below_its_title_is_a_paragraph(tmp_path: Path) -> None:
    # 0.58 of the size: twice the leading, yet less than a blank line's gap.
    texts = _goal(tmp_path, 10, 0.58, 10)
    assert TITLE in texts and "Uppfylls helt" in texts


def test_a_status_line_a_size_smaller_than_its_title_is_a_paragraph(tmp_path: Path) -> None:
    texts = _goal(tmp_path, 11, LEAD, 10)
    assert TITLE in texts and "Uppfylls helt" in texts


def test_a_heading_wrapped_at_the_pages_leading_stays_one_paragraph(tmp_path: Path) -> None:
    page = Page()
    y = _body(page, 100) + 10
    first, second = "Alla medarbetare ska vara medvetna om enhetens, avdelningens och", "förvaltningens budgetläge."
    page.text(72, y, first, size=10, bold=True)
    page.text(72, y + 10 * (1 + LEAD), second, size=10, bold=True)
    _body(page, y + 2 * 10 * (1 + LEAD) + 10)
    assert f"{first} {second}" in _texts(tmp_path, page)
