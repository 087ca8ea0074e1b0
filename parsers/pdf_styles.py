"""What a glyph is set in, asked of pdfium once per text object: its size, whether it runs
other than left to right, whether its font is bold, and the font's name.

Split from `pdf_page`, which reads the words and asks this of each word's first glyph.
"""
from __future__ import annotations

import ctypes
import math
import struct

import pypdfium2.raw as pdfium_c

from parsers.pdf_open import GLYPH_MATRIX, unchecked

_BOLD_WEIGHT = 600
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
_REGULAR_NAMES = ("regular", "roman", "book", "light", "medium", "normal")
_FORCE_BOLD_FLAG = 1 << 18

_FONT_SIZE = unchecked(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_FONT_INFO = unchecked(pdfium_c.FPDFText_GetFontInfo, ctypes.c_ulong)
_MATRIX = struct.Struct("6f")
# The text object a glyph belongs to, as its address (None for a glyph pdfium added).
TEXT_OBJECT = unchecked(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)

# A glyph's style: its size, whether it runs other than left to right, whether it is bold, its
# font's name, and whether its text object's matrix keeps its glyphs on one baseline (no term
# moves y with x, as in all upright text), so that every glyph of the object has the origin
# y of the first one measured.
Style = tuple[float, bool, bool, str, bool]


class Styles:
    """A glyph's style, asked of pdfium once per text object of the page: the glyphs of one text
    object share its font, size and matrix. One per text page, whose text objects' addresses it
    keeps.

    The size a glyph is printed at: many producers set the font at size 1 and scale it with the
    text matrix, so the font size pdfium reports is multiplied by the matrix's vertical scale
    (its length, so that rotated text has its size too). Whether it is bold, and the font's
    name, asked once per font: its name and flags come from one pdfium call into reused
    buffers; only a font not seen before is looked at through its text object (a few calls and
    a pointer cast). The matrix is read back in one unpack, the steps in one method: a ctypes
    field read, or a call of an object, costs about what a pdfium call does."""

    def __init__(self) -> None:
        self._matrix = (ctypes.c_float * 6)()  # FS_MATRIX: a, b, c, d, e, f
        self._matrix_ref = ctypes.byref(self._matrix)
        self._name = ctypes.create_string_buffer(256)
        self._flags = ctypes.c_int()
        self._info = (self._name, ctypes.c_ulong(len(self._name)), ctypes.byref(self._flags))
        self._fonts: dict[tuple[bytes, int], tuple[bool, str]] = {}  # name and flags -> bold, name
        self.known: dict[int | None, Style] = {}  # text object -> its style

    def __call__(self, raw: pdfium_c.FPDF_TEXTPAGE, index: int) -> Style:
        obj = TEXT_OBJECT(raw, index)
        return self.known.get(obj) or self.measure(raw, index, obj)

    def measure(self, raw: pdfium_c.FPDF_TEXTPAGE, index: int, obj: int | None) -> Style:
        GLYPH_MATRIX(raw, index, self._matrix_ref)
        a, b, c, d, _, _ = _MATRIX.unpack_from(self._matrix)
        if b == 0.0 and c == 0.0:  # upright text, the common case
            turned = False
            scale = abs(d)
        else:
            turned = abs(b) > abs(a)
            scale = math.hypot(c, d)
        size = float(_FONT_SIZE(raw, index)) * (scale if scale > 0 else 1.0)
        _FONT_INFO(raw, index, *self._info)
        key = (self._name.value, self._flags.value)
        font = self._fonts.get(key)
        if font is None:
            handle = pdfium_c.FPDFTextObj_GetFont(pdfium_c.FPDFText_GetTextObject(raw, index))
            font = self._fonts[key] = (_is_bold(handle), key[0].decode("latin-1"))
        style = (size, turned, font[0], font[1], b == 0.0)
        if obj:
            self.known[obj] = style
        return style


def _is_bold(font: pdfium_c.FPDF_FONT) -> bool:
    # The name says it when it names a weight: subset fonts often declare weight 400 whatever
    # they are, and some declare a bold weight for their regular face (pdfium then guesses it
    # from the stems). Only a name without a weight leaves it to the declared weight and flags.
    if not font:
        return False
    name = ctypes.create_string_buffer(256)
    pdfium_c.FPDFFont_GetBaseFontName(font, name, 256)
    lowered = name.value.decode("latin-1").lower()
    if any(mark in lowered for mark in _BOLD_NAMES):
        return True
    if any(mark in lowered for mark in _REGULAR_NAMES):
        return False
    return (pdfium_c.FPDFFont_GetWeight(font) >= _BOLD_WEIGHT
            or bool(pdfium_c.FPDFFont_GetFlags(font) & _FORCE_BOLD_FLAG))
