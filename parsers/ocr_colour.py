"""Assessment symbols on colour scans: a traffic light printed in green, yellow or red, or a cell
shaded so, which the grey page OCR reads keeps only as a grey blot (Tesseract reads a dot as
"e", "@" or nothing). A page that can hold colour is rendered in colour as well, turned as the
grey page was, and each table cell and each text line's start is looked at for a coloured
shape, described as the other readers describe symbols ("green circle", "red shading").

Only what a scan cannot show otherwise is taken: a shape with paper around it inside its cell
(a shading that fills the cell is the cell's fill, and one the whole row shares is a header's or
a band's), or a shape at a line's start (coloured text has no shape and is no symbol).
"""
from __future__ import annotations

import ctypes

import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers.ocr_image import Grid, Mask, turned
from parsers.ocr_text import Line
from parsers.symbols import coloured_pixels, pixels_symbol
from parsers.table_symbols import row_symbols

Colour = npt.NDArray[np.uint8]  # height x width x RGB
_GREY_SPACES = {pdfium_c.FPDF_COLORSPACE_DEVICEGRAY, pdfium_c.FPDF_COLORSPACE_CALGRAY}
_MIN_PIXELS = 16  # coloured pixels, fewer are JPEG's colour noise around black ink
_FILLED = 0.6  # of a cell's area: a colour this wide is the cell's shading
_LEAD = 3.0  # line heights left of a line's first word where a symbol before it may stand
_MISREAD = 2  # glyphs: at most what Tesseract makes of a symbol


def may_hold_colour(page: pdfium.PdfPage) -> bool:
    """Whether the page can show colour: a picture in colour (not a grey or bilevel scan), or no
    picture at all (a page drawn as vector graphics, read by OCR for its broken text)."""
    metadata = pdfium_c.FPDF_IMAGEOBJ_METADATA()
    images = 0
    for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, index)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_IMAGE:
            continue
        images += 1
        if not pdfium_c.FPDFImageObj_GetImageMetadata(obj, page.raw, ctypes.byref(metadata)):
            return True
        if metadata.colorspace not in _GREY_SPACES and metadata.bits_per_pixel > 1:
            return True
    return images == 0


def cell_symbols(colour: Colour, mask: Mask, grids: list[Grid]) -> dict[tuple[int, int], dict[int, str]]:
    """(table, row) -> {column: symbol} of the grids' cells, columns as ocr's _grid_cells counts them."""
    found: dict[tuple[int, int], dict[int, str]] = {}
    for t, grid in enumerate(grids):
        width = len(grid.columns) - 1
        for r, row in enumerate(grid.rows):
            cells: list[tuple[int, str | None, str | None]] = []
            for left, right in zip(row.borders, row.borders[1:]):
                column = min(range(width), key=lambda k: abs(grid.columns[k] - left))
                cells.append((column, *_cell(colour[row.top:row.bottom, left:right], mask[row.top:row.bottom, left:right])))
            if symbols := row_symbols(cells):
                found[(t, r)] = symbols
    return found


def _cell(colour: Colour, mask: Mask) -> tuple[str | None, str | None]:
    """(symbol, fill) of one cell's pixels, rules and all."""
    count = int(mask.sum())
    if count < _MIN_PIXELS:
        return None, None
    if count >= _FILLED * mask.size:
        described = pixels_symbol(colour)
        return None, described.split()[0] if described else None
    return _shape_inside(colour, mask), None


def _shape_inside(colour: Colour, mask: Mask) -> str | None:
    """The coloured shape in the crop, when it has paper between it and every edge."""
    rows, columns = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if rows[0] == 0 or columns[0] == 0 or rows[-1] == mask.shape[0] - 1 or columns[-1] == mask.shape[1] - 1:
        return None
    described = pixels_symbol(colour)
    return described if described and " " in described else None


def line_symbols(colour: Colour, mask: Mask, lines: list[Line]) -> dict[int, str]:
    """Line index -> the coloured shape standing at the line's start: in its first word when
    that is a glyph or two (the symbol misread) or in the space just left of it."""
    found: dict[int, str] = {}
    for k, line in enumerate(lines):
        first = line.words[0]
        pad = max(2, line.height // 2)  # a symbol may stand taller than the line's letters
        top, bottom = max(line.top - pad, 0), line.bottom + pad
        right = first.right + 2 if len(first.text) <= _MISREAD else first.left
        left = max(round(first.left - _LEAD * line.height), 0)
        if right - left > 2 and int(mask[top:bottom, left:right].sum()) >= _MIN_PIXELS:
            if symbol := _shape_inside(colour[top:bottom, left:right], mask[top:bottom, left:right]):
                found[k] = symbol
    return found


def page_symbols(colour: Colour, angle: float, grids: list[Grid], lines: list[Line]
                 ) -> tuple[dict[tuple[int, int], dict[int, str]], dict[int, str]]:
    """The symbols of a page's cells and text lines (ocr_colour.cell_symbols, line_symbols), on
    its colour rendering turned by `angle`; none when nothing on it is in colour."""
    mask = coloured_pixels(colour)
    if int(mask.sum()) < _MIN_PIXELS:
        return {}, {}
    if angle:
        colour = turned(colour, angle)
        mask = coloured_pixels(colour)
    return cell_symbols(colour, mask, grids), line_symbols(colour, mask, lines)


def without_misread_symbols(lines: list[Line], lines_marked: dict[int, str], tables: list[list[list[str]]],
                            cells_marked: dict[tuple[int, int], dict[int, str]]) -> list[Line]:
    """The page's text with what Tesseract made of its symbols left out (_misread): a marked
    line's first word ("HH" for a red square) and a marked cell's text ("00" for a dot). `tables` (table -> row -> cells) is changed in
    place; the lines are returned."""
    for (t, r), symbols in cells_marked.items():
        for column in symbols:
            if _misread(tables[t][r][column]):
                tables[t][r][column] = ""
    return [Line(line.words[1:]) if k in lines_marked and len(line.words) > 1 and _misread(line.words[0].text)
            else line for k, line in enumerate(lines)]


def _misread(text: str) -> bool:
    """A glyph or two as Tesseract reads a filled blob: one glyph, twice ("HH", "00"), or signs
    ("@", "*"); a word ("Ej") or a figure ("92") beside a symbol is kept."""
    glyphs = "".join(text.split())
    return 0 < len(glyphs) <= _MISREAD and (len(set(glyphs.casefold())) == 1 or not any(c.isalnum() for c in glyphs))
