"""Text drawn off the page (a browser's line wider than the sheet, a font's test glyphs set
beyond the media box) stays in some PDFs' text layer, but nobody sees it: glyphs wholly outside
the page are no text of the page, while a word that runs over the edge keeps what is on it."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from parsers.pdf_model import DEFAULT_SETTINGS
from parsers.pdf_page import read_page
from test_pdf_maker import Page, text_width, write_pdf


def _words(tmp_path: Path, page: Page) -> list[str]:
    document = pdfium.PdfDocument(str(write_pdf(tmp_path / "off.pdf", [page])))
    try:
        return [w.text for w in read_page(document, 0, DEFAULT_SETTINGS).words]
    finally:
        document.close()


def test_words_beyond_the_right_edge_are_not_read(tmp_path: Path) -> None:
    page = Page()
    page.text(72, 100, "Nämnden begär budgetjustering")
    # The line goes on past the sheet's right edge (595 pt), which its "h" straddles.
    start = 595 - text_width("Stock", 9) - 1
    page.text(start - text_width("och ", 9), 120, "och Stockholm stad godkänner begäran")
    assert _words(tmp_path, page) == ["Nämnden", "begär", "budgetjustering", "och", "Stockh"]


def test_words_above_and_beside_the_page_are_not_read(tmp_path: Path) -> None:
    page = Page()
    page.text(-200, 300, "ABCDEFGH")  # wholly left of the page
    page.text(72, -40, "abcdefgh")  # wholly above it
    page.text(72, 300, "Uppfylls helt")
    assert _words(tmp_path, page) == ["Uppfylls", "helt"]
