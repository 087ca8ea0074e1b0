"""What a page draws besides text: ruling lines and rectangles (table grids, borders drawn as
thin fills, shading bands), and small filled shapes in a colour, which reports use for
assessments (a green circle for a goal met, a red square for one missed), as are fills in a
colour (a cell shaded red)."""
from __future__ import annotations

import ctypes
import struct
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers.pdf_joints import without_bars
from parsers.pdf_model import SHADING, Mark, PdfSettings, Segment
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
_TWO_INTS = struct.Struct("2i")
_FOUR_UINTS = struct.Struct("4I")
_FOUR_FLOATS = struct.Struct("4f")
_TWO_FLOATS = struct.Struct("2f")
# A PDF matrix (a, b, c, d, e, f): x' = a x + c y + e, y' = b x + d y + f.
_Matrix = tuple[float, float, float, float, float, float]


def _paths(parent: Any, form: bool = False, level: int = 0,
           outer: _Matrix | None = None) -> Iterator[tuple[Any, _Matrix | None]]:
    """The path objects of a page (or of a form XObject on it), in drawing order, those inside
    forms where the form is drawn; as pdfium handles, each with the matrix of the forms around
    it (None when there is none, or it moves nothing). pdfium gives an object in a form its
    bounds and matrix in the form's space: a page printed scaled to fit, or placed on another
    sheet (n-up, imposition), draws its grid in a form, and read so the rulings missed the text."""
    count = _COUNT_FORM_OBJECTS(parent) if form else _COUNT_OBJECTS(parent)
    if count < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    for i in range(count):
        obj = _GET_FORM_OBJECT(parent, i) if form else _GET_OBJECT(parent, i)
        if not obj:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        kind = _TYPE(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield obj, outer
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and level < _MAX_DEPTH - 1:
            yield from _paths(obj, True, level + 1, _then(_matrix_of(obj), outer))


def _matrix_of(obj: Any) -> _Matrix:
    matrix = pdfium_c.FS_MATRIX()
    _MATRIX(obj, ctypes.byref(matrix))
    return matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f


def _then(inner: _Matrix, outer: _Matrix | None) -> _Matrix | None:
    """`inner` followed by `outer`; None for the identity, which the caller need not apply."""
    a, b, c, d, e, f = inner
    if outer is not None:
        oa, ob, oc, od, oe, of = outer
        a, b, c, d, e, f = (oa * a + oc * b, ob * a + od * b, oa * c + oc * d, ob * c + od * d,
                            oa * e + oc * f + oe, ob * e + od * f + of)
    return None if (a, b, c, d, e, f) == (1.0, 0.0, 0.0, 1.0, 0.0, 0.0) else (a, b, c, d, e, f)


def _box_in(outer: _Matrix, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
    """The page-space box around a box given in a form's space."""
    a, b, c, d, e, f = outer
    xs = [a * x + c * y + e for x in (left, right) for y in (bottom, top)]
    ys = [b * x + d * y + f for x in (left, right) for y in (bottom, top)]
    return min(xs), min(ys), max(xs), max(ys)


class _Paint:
    """How a path is painted, read into buffers made once per page and unpacked in one call each
    (a ctypes field read costs about what the pdfium call that filled it does)."""

    def __init__(self) -> None:
        self._mode = (ctypes.c_int * 2)()  # fill mode, stroked
        self._colour = (ctypes.c_uint * 4)()  # red, green, blue, alpha
        self._mode_refs = tuple(ctypes.byref(self._mode, 4 * k) for k in range(2))
        self._colour_refs = tuple(ctypes.byref(self._colour, 4 * k) for k in range(4))

    def visible(self, obj: Any) -> tuple[bool, tuple[int, int, int] | None]:
        """(draws its outline, the colour of its fill when that is not white): the fill's colour
        is read once, for the symbol and shading checks too."""
        _DRAW_MODE(obj, *self._mode_refs)
        fill_mode, stroke = _TWO_INTS.unpack_from(self._mode)
        fill = None
        if fill_mode:
            _FILL_COLOUR(obj, *self._colour_refs)
            red, green, blue, alpha = _FOUR_UINTS.unpack_from(self._colour)
            if _seen(red, green, blue, alpha):
                fill = red, green, blue
        stroked = False
        if stroke:
            _STROKE_COLOUR(obj, *self._colour_refs)
            stroked = _seen(*_FOUR_UINTS.unpack_from(self._colour))
        return stroked, fill


def _seen(red: int, green: int, blue: int, alpha: int) -> bool:
    return bool(alpha > 0 and min(red, green, blue) < _WHITE)


def page_paths(page: pdfium.PdfPage, height: float, settings: PdfSettings) -> tuple[list[Segment], list[Mark]]:
    """The page's rulings, and the small coloured shapes on it (assessment symbols)."""
    out: list[Segment] = []
    marks: list[Mark] = []
    paint = _Paint()
    bounds = (ctypes.c_float * 4)()  # left, bottom, right, top, as pdfium writes them
    bounds_refs = tuple(ctypes.byref(bounds, 4 * k) for k in range(4))
    thickness, shortest = settings.ruling_thickness, settings.min_segment
    # Per fill colour, the fills painted so far, as the bounds an edge must lie within (left,
    # right, top, bottom, each widened or narrowed by the 0.5 pt allowed): every horizontal edge
    # of a fill is tested against all of them.
    painted: dict[tuple[int, int, int], list[tuple[float, float, float, float]]] = {}
    for obj, outer in _paths(page.raw):
        stroked, fill = paint.visible(obj)
        if not (stroked or fill):
            continue
        if not _BOUNDS(obj, *bounds_refs):
            raise pdfium.PdfiumError("Failed to locate pageobject.")
        left, bottom, right, top = _FOUR_FLOATS.unpack_from(bounds)
        if outer:
            left, bottom, right, top = _box_in(outer, left, bottom, right, top)
        x0, y0, x1, y1 = left, height - top, right, height - bottom
        mark = symbol_of(obj, x0, y0, x1, y1, fill, settings) if fill else None
        if mark is not None:
            marks.append(mark)
            continue
        thin_h = y1 - y0 <= thickness
        thin_v = x1 - x0 <= thickness
        if thin_h or thin_v:
            # A stroked line or a thin filled bar: one ruling along its long side, clearly longer
            # than it is thick; a dot thin both ways (a list bullet a browser draws) is no line.
            if thin_h and x1 - x0 >= max(shortest, 2 * (y1 - y0)):
                mid = (y0 + y1) / 2
                out.append(Segment(x0, mid, x1, mid))
            elif thin_v and y1 - y0 >= max(shortest, 2 * (x1 - x0)):
                mid = (x0 + x1) / 2
                out.append(Segment(mid, y0, mid, y1))
            continue
        edges = _path_edges(obj, height, settings, outer)
        if fill is not None and (colour := colour_name(*fill)):
            marks.append(Mark(x0, y0, x1, y1, f"{colour} {SHADING}"))  # a cell's, if only one's (pdf_marks)
        if stroked:
            out.extend(edges)
            continue
        # A fill without an outline (shading, a zebra band) parts rows with its top and bottom;
        # its sides are no column rules, or every shaded row would be a table of its own. A word
        # processor may paint a shaded cell's colour again behind each line of its text: an edge
        # inside a fill of its own colour shows nothing, so it parts no rows.
        assert fill is not None  # drawn, and not stroked
        same = painted.setdefault(fill, [])
        out.extend(edge for edge in edges if edge.horizontal and not any(
            left <= edge.x0 and edge.x1 <= right and upper < edge.top < lower for left, right, upper, lower in same))
        same.append((x0 - 0.5, x1 + 0.5, y0 + 0.5, y1 - 0.5))
    return without_bars(out, height, settings), marks


def _path_edges(obj: Any, height: float, settings: PdfSettings, outer: _Matrix | None) -> list[Segment]:
    """The axis-aligned straight edges of a larger path: the four sides of a cell's shading or
    border box, the lines of a grid drawn as one path. Curves are never rulings."""
    a, b, c, d, e, f = _then(_matrix_of(obj), outer) or (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    xy = (ctypes.c_float * 2)()
    x_ref, y_ref = ctypes.byref(xy, 0), ctypes.byref(xy, 4)
    unpack = _TWO_FLOATS.unpack_from
    shortest = settings.min_segment
    line_to, move_to = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_MOVETO
    edges: list[Segment] = []
    start: tuple[float, float] | None = None
    previous: tuple[float, float] | None = None
    # A chart may be one path of thousands of segments: the loop keeps to locals.
    for k in range(_COUNT_SEGMENTS(obj)):
        seg = _SEGMENT(obj, k)
        _POINT(seg, x_ref, y_ref)
        px, py = unpack(xy)
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


def symbol_of(obj: Any, x0: float, top: float, x1: float, bottom: float, fill: tuple[int, int, int],
              settings: PdfSettings) -> Mark | None:
    """A small, about square, filled shape in a clear colour: its colour and shape by name
    ("green circle"); curves make a circle, three sides a triangle, four a square."""
    width, height = x1 - x0, bottom - top
    if not (settings.symbol_min <= width <= settings.symbol_max and settings.symbol_min <= height <= settings.symbol_max
            and 0.7 <= width / height <= 1.4):
        return None
    colour = colour_name(*fill)
    if colour is None:
        return None
    segments = [pdfium_c.FPDFPath_GetPathSegment(obj, k) for k in range(pdfium_c.FPDFPath_CountSegments(obj))]
    if any(pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_BEZIERTO for segment in segments):
        shape = "circle"
    else:
        # Its corners, each once: a path may close itself with a line back to its start (as
        # LibreOffice draws a triangle), which counting its lines took for a square's fourth side.
        shape = "triangle" if len({_point(segment) for segment in segments}) == 3 else "square"
    return Mark(x0, top, x1, bottom, f"{colour} {shape}")


def _point(segment: Any) -> tuple[float, float]:
    x, y = ctypes.c_float(), ctypes.c_float()
    pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
    return round(x.value, 1), round(y.value, 1)
