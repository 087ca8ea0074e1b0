"""Pages whose text runs up or down the sheet (a landscape table printed on a portrait page):
the page is read in the text's own frame, so that its lines run left to right and top to
bottom as on any other page, and the rest of the reader needs to know nothing of it."""
from __future__ import annotations

import ctypes
import math
from collections import Counter
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from parsers.pdf_model import Segment
from parsers.pdf_open import GLYPH_MATRIX, GLYPH_UNICODE


@dataclass(frozen=True, slots=True)
class Frame:
    """From PDF user space (y up) to the reading frame of text at `degrees` (y down, origin at
    the top left of the turned page)."""

    degrees: int
    width: float
    height: float
    page_width: float
    page_height: float

    def point(self, x: float, y: float) -> tuple[float, float]:
        if self.degrees == 90:
            return y, x
        if self.degrees == 180:
            return self.page_width - x, y
        if self.degrees == 270:
            return self.page_height - y, self.page_width - x
        return x, self.page_height - y

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """x0, top, x1, bottom in the frame of a box given in user space."""
        (ax, ay), (bx, by) = self.point(left, bottom), self.point(right, top)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    def segment(self, seg: Segment) -> Segment:
        """A ruling given top-left on the page, in the frame."""
        x0, top, x1, bottom = self.box(seg.x0, self.page_height - seg.bottom, seg.x1, self.page_height - seg.top)
        return Segment(x0, top, x1, bottom)


def upright(width: float, height: float) -> Frame:
    return Frame(0, width, height, width, height)


def page_frame(raw: pdfium_c.FPDF_TEXTPAGE, width: float, height: float, samples: int) -> Frame:
    """The frame of the direction most of the page's glyphs run in, from a sample of them."""
    count = pdfium_c.FPDFText_CountChars(raw)
    matrix = pdfium_c.FS_MATRIX()
    matrix_ref = ctypes.byref(matrix)
    votes: Counter[int] = Counter()
    for i in range(0, count, max(1, count // samples)):
        if GLYPH_UNICODE(raw, i) <= 0x20:
            continue
        GLYPH_MATRIX(raw, i, matrix_ref)
        a, b = matrix.a, matrix.b
        # Upright text, nearly every glyph: the angle is 0 without the trigonometry.
        votes[0 if b == 0.0 and a > 0.0 else round(math.degrees(math.atan2(b, a)) / 90) % 4 * 90] += 1
    degrees = votes.most_common(1)[0][0] if votes else 0
    if degrees in (90, 270):
        return Frame(degrees, height, width, width, height)
    return Frame(degrees, width, height, width, height)
