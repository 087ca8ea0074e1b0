"""Ligature glyphs mapped to their own code points by the font's ToUnicode map ("ﬂ" U+FB02,
"ﬁ" U+FB01, as some browsers' PDF output has them) read as their letters, whether the page
is read word by word or glyph by glyph, so that words match what the author wrote."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from parsers.pdf_model import DEFAULT_SETTINGS
from parsers.pdf_page import read_page
from test_pdf_maker import Page, write_pdf

# Codes 0x80 and 0x82 of the regular font (cp1252 "€" and "‚" in the text) are the ligatures.
_CMAP = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Ligatures def "
         b"1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <80> <FB02> <82> <FB01> "
         b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")


def _words(tmp_path: Path, angle: float) -> list[str]:
    page = Page()
    page.text(72, 300, "kvinnor/\u20acickor och \u201anansiering", angle=angle)
    document = pdfium.PdfDocument(str(write_pdf(tmp_path / "lig.pdf", [page], to_unicode=_CMAP)))
    try:
        return [w.text for w in read_page(document, 0, DEFAULT_SETTINGS).words]
    finally:
        document.close()


def test_ligatures_read_as_letters(tmp_path: Path) -> None:
    assert _words(tmp_path, 0.0) == ["kvinnor/flickor", "och", "finansiering"]


def test_ligatures_read_as_letters_on_a_page_read_glyph_by_glyph(tmp_path: Path) -> None:
    # A page whose text runs up the sheet is read glyph by glyph, in its own direction.
    assert _words(tmp_path, 90.0) == ["kvinnor/flickor", "och", "finansiering"]
