"""Assessment symbols typed as text: a marker glyph printed in a colour ("●" in green, "■" in
red, Wingdings' filled circle), as a Word or web report printed to PDF keeps its traffic lights.
pdf_paths finds the symbols drawn as shapes; these are the same Marks, attached to their cell or
paragraph as those are (pdf_marks), found from one search of the page's text: a glyph's colour
is asked of pdfium only where the text holds a marker glyph.

Word's PDFs give a dingbat font's glyphs as private-use characters (Wingdings' filled circle is
U+F06C), which are searched for too. A producer that gives them as the font's letters ("l") is
not followed: telling such an "l" from a word's would need every lone letter's font, where the
search is to cost next to nothing on pages without traffic lights (004's 46 pages: 0.5 ms, and
1.8 ms to take their text again, of a read of 0.4 s).
"""
from __future__ import annotations

import ctypes
import re

import pypdfium2.raw as pdfium_c

from parsers.pdf_model import Mark
from parsers.symbols import colour_name
from parsers.table_symbols import glyph_shape

# The marker glyphs glyph_shape knows, as Unicode and as Wingdings' glyphs in the private-use area.
_MARKERS = re.compile("[●⬤◉■◼▪⬛▲▴◆♦⬥★\uf06c\uf06e\uf075\uf0ab]")


def _colour(raw: pdfium_c.FPDF_TEXTPAGE, index: int) -> str | None:
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    if not pdfium_c.FPDFText_GetFillColor(raw, index, *map(ctypes.byref, (red, green, blue, alpha))):
        return None
    return colour_name(red.value, green.value, blue.value) if alpha.value else None


def glyph_marks(raw: pdfium_c.FPDF_TEXTPAGE, text: str, height: float) -> list[Mark]:
    """The page's coloured marker glyphs as Marks (x in user space, y down from `height`, as
    pdf_paths gives its marks). `text` is the text page's text (where it is not one character a
    glyph, as with characters beyond the BMP, the page is not searched)."""
    marks: list[Mark] = []
    if not _MARKERS.search(text) or len(text) != pdfium_c.FPDFText_CountChars(raw):
        return marks
    box = pdfium_c.FS_RECTF()
    for match in _MARKERS.finditer(text):
        index, glyph = match.start(), match.group()
        colour = _colour(raw, index)
        shape = glyph_shape(glyph, "Wingdings" if ord(glyph) >= 0xF000 else None)
        if colour is None or shape is None or not pdfium_c.FPDFText_GetLooseCharBox(raw, index, ctypes.byref(box)):
            continue
        marks.append(Mark(box.left, height - box.top, box.right, height - box.bottom, f"{colour} {shape}"))
    return marks
