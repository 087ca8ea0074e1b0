"""What a page draws besides text: ruling lines and rectangles (table grids, borders drawn as
thin fills, shading bands), and small filled shapes in a colour, which reports use for
assessments (a green circle for a goal met, a red square for one missed)."""
from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers.pdf_model import Mark, PdfSettings, Segment
from parsers.pdf_open import unchecked
from parsers.symbols import colour_name

# A fill this close to white is paper, not shading.
_WHITE = 245
# Drawings inside form XObjects nested deeper than this are not looked at (pypdfium2's depth).
_MAX_DEPTH = 4

_COUNT_OBJECTS = unchecked(pdfium_c.FPDFPage_CountObjects)
_GET_OBJECT = unchecked(pdfium_c.FPDFPage_GetObject, pdfium_c.FPDF_PAGEOBJECT)
_COUNT_FORM_OBJECTS = unchecked(pdfium_c.FPDFFormObj_CountObjects)
_GET_FORM_OBJECT = unchecked(pdfium_c.FPDFFormObj_GetObject, pdfium_c.FPDF_PAGEOBJECT)
_TYPE = unchecked(pdfium_c.FPDFPageObj_GetType)
_DRAW_MODE = unchecked(pdfium_c.FPDFPath_GetDrawMode)
_FILL_COLOUR = unchecked(pdfium_c.FPDFPageObj_GetFillColor)
_STROKE_COLOUR = unchecked(pdfium_c.FPDFPageObj_GetStrokeColor)
_BOUNDS = unchecked(pdfium_c.FPDFPageObj_GetBounds)
_MATRIX = unchecked(pdfium_c.FPDFPageObj_GetMatrix)
_COUNT_SEGMENTS = unchecked(pdfium_c.FPDFPath_CountSegments)
_SEGMENT = unchecked(pdfium_c.FPDFPath_GetPathSegment, pdfium_c.FPDF_PATHSEGMENT)
_POINT = unchecked(pdfium_c.FPDFPathSegment_GetPoint)
_SEGMENT_TYPE = unchecked(pdfium_c.FPDFPathSegment_GetType)
_SEGMENT_CLOSES = unchecked(pdfium_c.FPDFPathSegment_GetClose)


def _paths(parent: Any, form: bool = False, level: int = 0) -> Iterator[Any]:
    """The path objects of a page (or of a form XObject on it), in drawing order, those inside
    forms where the form is drawn; as pdfium handles, which is all that is asked of them."""
    count = _COUNT_FORM_OBJECTS(parent) if form else _COUNT_OBJECTS(parent)
    if count < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    for i in range(count):
        obj = _GET_FORM_OBJECT(parent, i) if form else _GET_OBJECT(parent, i)
        if not obj:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        kind = _TYPE(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield obj
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and level < _MAX_DEPTH - 1:
            yield from _paths(obj, True, level + 1)


class _Paint:
    """How a path is painted, read into buffers made once per page."""

    def __init__(self) -> None:
        self.fill_mode, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.red, self.green, self.blue, self.alpha = (ctypes.c_uint() for _ in range(4))
        self._mode = (ctypes.byref(self.fill_mode), ctypes.byref(self.stroke))
        self._colour = tuple(ctypes.byref(part) for part in (self.red, self.green, self.blue, self.alpha))

    def visible(self, obj: Any) -> tuple[bool, bool]:
        """(draws its outline, draws a non-white fill)."""
        _DRAW_MODE(obj, *self._mode)
        filled = False
        if self.fill_mode.value:
            _FILL_COLOUR(obj, *self._colour)
            filled = self._seen()
        stroked = False
        if self.stroke.value:
            _STROKE_COLOUR(obj, *self._colour)
            stroked = self._seen()
        return stroked, filled

    def fill(self, obj: Any) -> tuple[int, int, int]:
        _FILL_COLOUR(obj, *self._colour)
        return self.red.value, self.green.value, self.blue.value

    def _seen(self) -> bool:
        return self.alpha.value > 0 and min(self.red.value, self.green.value, self.blue.value) < _WHITE


def page_paths(page: pdfium.PdfPage, height: float, settings: PdfSettings) -> tuple[list[Segment], list[Mark]]:
    """The page's rulings, and the small coloured shapes on it (assessment symbols)."""
    out: list[Segment] = []
    marks: list[Mark] = []
    paint = _Paint()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    bounds = tuple(ctypes.byref(side) for side in (left, bottom, right, top))
    painted: dict[tuple[int, int, int], list[Segment]] = {}
    for obj in _paths(page.raw):
        stroked, filled = paint.visible(obj)
        if not (stroked or filled):
            continue
        if not _BOUNDS(obj, *bounds):
            raise pdfium.PdfiumError("Failed to locate pageobject.")
        box = Segment(left.value, height - top.value, right.value, height - bottom.value)
        mark = symbol_of(obj, box, paint, settings) if filled else None
        if mark is not None:
            marks.append(mark)
            continue
        thin_h = box.bottom - box.top <= settings.ruling_thickness
        thin_v = box.x1 - box.x0 <= settings.ruling_thickness
        if thin_h or thin_v:
            # A stroked line or a thin filled bar: one ruling along its long side.
            if thin_h and box.x1 - box.x0 >= settings.min_segment:
                mid = (box.top + box.bottom) / 2
                out.append(Segment(box.x0, mid, box.x1, mid))
            elif thin_v and box.bottom - box.top >= settings.min_segment:
                mid = (box.x0 + box.x1) / 2
                out.append(Segment(mid, box.top, mid, box.bottom))
            continue
        edges = _path_edges(obj, height, settings)
        if stroked:
            out.extend(edges)
            continue
        # A fill without an outline (shading, a zebra band) parts rows with its top and bottom;
        # its sides are no column rules, or every shaded row would be a table of its own. A word
        # processor may paint a shaded cell's colour again behind each line of its text: an edge
        # inside a fill of its own colour shows nothing, so it parts no rows.
        same = painted.setdefault(paint.fill(obj), [])
        out.extend(edge for edge in edges if edge.horizontal and not any(_within(edge, under) for under in same))
        same.append(box)
    return out, marks


def _within(edge: Segment, under: Segment) -> bool:
    return under.x0 - 0.5 <= edge.x0 and edge.x1 <= under.x1 + 0.5 and under.top + 0.5 < edge.top < under.bottom - 0.5


def _path_edges(obj: Any, height: float, settings: PdfSettings) -> list[Segment]:
    """The axis-aligned straight edges of a larger path: the four sides of a cell's shading or
    border box, the lines of a grid drawn as one path. Curves are never rulings."""
    matrix = pdfium_c.FS_MATRIX()
    _MATRIX(obj, ctypes.byref(matrix))
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    x = ctypes.c_float()
    y = ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    shortest = settings.min_segment
    line_to, move_to = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_MOVETO
    edges: list[Segment] = []
    start: tuple[float, float] | None = None
    previous: tuple[float, float] | None = None
    # A chart may be one path of thousands of segments: the loop keeps to locals.
    for k in range(_COUNT_SEGMENTS(obj)):
        seg = _SEGMENT(obj, k)
        _POINT(seg, x_ref, y_ref)
        px, py = x.value, y.value
        point = (a * px + c * py + e, height - (b * px + d * py + f))
        kind = _SEGMENT_TYPE(seg)
        if kind == line_to and previous is not None and (edge := _axis_segment(previous, point, shortest)):
            edges.append(edge)
        if kind == move_to:
            start = point
        if _SEGMENT_CLOSES(seg) and start is not None and (edge := _axis_segment(point, start, shortest)):
            edges.append(edge)
        previous = point
    return edges


def _axis_segment(a: tuple[float, float], b: tuple[float, float], shortest: float) -> Segment | None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= 0.5 and abs(ax - bx) >= shortest:
        return Segment(min(ax, bx), ay, max(ax, bx), ay)
    if abs(ax - bx) <= 0.5 and abs(ay - by) >= shortest:
        return Segment(ax, min(ay, by), ax, max(ay, by))
    return None


def symbol_of(obj: Any, box: Segment, paint: _Paint, settings: PdfSettings) -> Mark | None:
    """A small, about square, filled shape in a clear colour: its colour and shape by name
    ("green circle"); curves make a circle, three sides a triangle, four a square."""
    width, height = box.x1 - box.x0, box.bottom - box.top
    if not (settings.symbol_min <= width <= settings.symbol_max and settings.symbol_min <= height <= settings.symbol_max
            and 0.7 <= width / height <= 1.4):
        return None
    colour = colour_name(*paint.fill(obj))
    if colour is None:
        return None
    kinds = [pdfium_c.FPDFPathSegment_GetType(pdfium_c.FPDFPath_GetPathSegment(obj, k))
             for k in range(pdfium_c.FPDFPath_CountSegments(obj))]
    if pdfium_c.FPDF_SEGMENT_BEZIERTO in kinds:
        shape = "circle"
    else:
        shape = "triangle" if kinds.count(pdfium_c.FPDF_SEGMENT_LINETO) == 2 else "square"
    return Mark(box.x0, box.top, box.x1, box.bottom, f"{colour} {shape}")
