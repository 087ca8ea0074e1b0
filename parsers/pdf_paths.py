"""What a page draws besides text: ruling lines and rectangles (table grids, borders drawn as
thin fills, shading bands), and small filled shapes in a colour, which reports use for
assessments (a green circle for a goal met, a red square for one missed)."""
from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers.pdf_model import Mark, PdfSettings, Segment
from parsers.symbols import colour_name

# A fill this close to white is paper, not shading.
_WHITE = 245


def _visible(obj: pdfium.PdfObject) -> tuple[bool, bool]:
    """(draws its outline, draws a non-white fill)."""
    fill_mode = ctypes.c_int()
    stroke = ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(obj.raw, fill_mode, stroke)
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    filled = False
    if fill_mode.value:
        pdfium_c.FPDFPageObj_GetFillColor(obj.raw, red, green, blue, alpha)
        filled = alpha.value > 0 and min(red.value, green.value, blue.value) < _WHITE
    stroked = False
    if stroke.value:
        pdfium_c.FPDFPageObj_GetStrokeColor(obj.raw, red, green, blue, alpha)
        stroked = alpha.value > 0 and min(red.value, green.value, blue.value) < _WHITE
    return stroked, filled


def page_paths(page: pdfium.PdfPage, height: float, settings: PdfSettings) -> tuple[list[Segment], list[Mark]]:
    """The page's rulings, and the small coloured shapes on it (assessment symbols)."""
    out: list[Segment] = []
    marks: list[Mark] = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=4):
        stroked, filled = _visible(obj)
        if not (stroked or filled):
            continue
        left, bottom, right, top = obj.get_bounds()
        box = Segment(left, height - top, right, height - bottom)
        mark = symbol_of(obj, box, settings) if filled else None
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
        # A fill without an outline (shading, a zebra band) parts rows with its top and bottom;
        # its sides are no column rules, or every shaded row would be a table of its own.
        out.extend(edges if stroked else [edge for edge in edges if edge.horizontal])
    return out, marks
    return out


def _path_edges(obj: pdfium.PdfObject, height: float, settings: PdfSettings) -> list[Segment]:
    """The axis-aligned straight edges of a larger path: the four sides of a cell's shading or
    border box, the lines of a grid drawn as one path. Curves are never rulings."""
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj.raw, matrix)
    x = ctypes.c_float()
    y = ctypes.c_float()
    edges: list[Segment] = []
    start: tuple[float, float] | None = None
    previous: tuple[float, float] | None = None
    for k in range(pdfium_c.FPDFPath_CountSegments(obj.raw)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj.raw, k)
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        point = (matrix.a * x.value + matrix.c * y.value + matrix.e,
                 height - (matrix.b * x.value + matrix.d * y.value + matrix.f))
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and previous is not None:
            edges.extend(_axis_segment(previous, point, settings))
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            edges.extend(_axis_segment(point, start, settings))
        previous = point
    return edges


def _axis_segment(a: tuple[float, float], b: tuple[float, float], settings: PdfSettings) -> list[Segment]:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= 0.5 and abs(ax - bx) >= settings.min_segment:
        return [Segment(min(ax, bx), ay, max(ax, bx), ay)]
    if abs(ax - bx) <= 0.5 and abs(ay - by) >= settings.min_segment:
        return [Segment(ax, min(ay, by), ax, max(ay, by))]
    return []


def symbol_of(obj: pdfium.PdfObject, box: Segment, settings: PdfSettings) -> Mark | None:
    """A small, about square, filled shape in a clear colour: its colour and shape by name
    ("green circle"); curves make a circle, three sides a triangle, four a square."""
    width, height = box.x1 - box.x0, box.bottom - box.top
    if not (settings.symbol_min <= width <= settings.symbol_max and settings.symbol_min <= height <= settings.symbol_max
            and 0.7 <= width / height <= 1.4):
        return None
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    pdfium_c.FPDFPageObj_GetFillColor(obj.raw, red, green, blue, alpha)
    colour = colour_name(red.value, green.value, blue.value)
    if colour is None:
        return None
    kinds = [pdfium_c.FPDFPathSegment_GetType(pdfium_c.FPDFPath_GetPathSegment(obj.raw, k))
             for k in range(pdfium_c.FPDFPath_CountSegments(obj.raw))]
    if pdfium_c.FPDF_SEGMENT_BEZIERTO in kinds:
        shape = "circle"
    else:
        shape = "triangle" if kinds.count(pdfium_c.FPDF_SEGMENT_LINETO) == 2 else "square"
    return Mark(box.x0, box.top, box.x1, box.bottom, f"{colour} {shape}")
