"""The ruling lines and symbols of a page drawn as its background picture: PDF converters that
place a page's text element by element (`pdftohtml -c`) paint the rest of the page, its table
grids and traffic lights included, into one image under the text. Its thin dark runs of pixels
are the rules the PDF had, given back to the page assembly as the PDF reader's segments, so that
a ruled table's columns come from its rules and not only from where its text stands (read
without them, a ruled table whose values nearly touch the next column's merged those columns);
its coloured shapes and fills are the PDF reader's marks.
"""
from __future__ import annotations

import io

from typing import TYPE_CHECKING

from parsers.pdf_model import SHADING, Mark, Segment

if TYPE_CHECKING:
    from parsers.ocr_colour import Colour
    from parsers.ocr_image import Mask

_INK = 200  # darker than this is a rule's ink: grey grids yes, zebra and header shading no
_THICKEST = 4  # pixels: a thicker band is a filled shape (a header's shading), not a rule
_SHORTEST = 6.0  # points: a shorter run is a letter's or a picture's, never a cell's edge
_MAX_PIXELS = 40_000_000  # a page at 600 dpi; a larger picture is not a page's background
_SYMBOL = (3.0, 16.0)  # points: a symbol's size, as the PDF reader's settings have it
_FILLED = 0.9  # of its box: a coloured box this full is a fill
_RULE_GAP = 3  # pixels: a gap in a colour this narrow is a rule drawn across it


def background_shapes(data: bytes, width: float, height: float) -> tuple[list[Segment], list[Mark]]:
    """The horizontal and vertical rules and the coloured marks of a page's background picture
    `data`, shown `width` x `height` points; none where it is not a picture Pillow reads."""
    import numpy as np
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as opened:
            if opened.size[0] * opened.size[1] > _MAX_PIXELS:
                return [], []
            rgb = np.asarray(opened.convert("RGB"))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return [], []
    grey = np.asarray(Image.fromarray(rgb).convert("L"))
    return _rules(grey < _INK, width, height), _marks(rgb, width / rgb.shape[1], height / rgb.shape[0])


def _rules(ink: Mask, width: float, height: float) -> list[Segment]:
    across, down = width / ink.shape[1], height / ink.shape[0]
    horizontal = [Segment(x0 * across, y * down, x1 * across, y * down)
                  for y, x0, x1 in _thin_runs(ink, max(2, round(_SHORTEST / across)), edges=True)]
    vertical = [Segment(x * across, y0 * down, x * across, y1 * down)
                for x, y0, y1 in _thin_runs(ink.T, max(2, round(_SHORTEST / down)), edges=False)]
    return horizontal + vertical


def _thin_runs(ink: Mask, shortest: int, edges: bool) -> list[tuple[float, int, int]]:
    """(middle row, start, end) of the lines along axis 1 at most _THICKEST rows thick: runs of
    ink at least `shortest` long, those in touching rows with the same ends (within a pixel, as
    antialiasing leaves them) taken as one line. With `edges`, a thicker band (a fill: a shaded
    header row) gives its first and last rows, which part it from the rows above and below, as
    the PDF reader takes a fill's top and bottom (its sides are no column rules)."""
    from parsers.ocr_image import ink_runs

    open_lines: list[list[int]] = []  # first row, last row, start, end
    lines: list[list[int]] = []
    for row, start, end in ink_runs(ink, shortest).tolist():
        line = next((line for line in open_lines if line[1] == row - 1 and abs(line[2] - start) <= 1
                     and abs(line[3] - end) <= 1), None)
        if line is None:
            line = [row, row, start, end]
            open_lines.append(line)
            lines.append(line)
        line[1] = row
        open_lines = [o for o in open_lines if o[1] >= row - 1]
    thin = [((first + last) / 2, start, end) for first, last, start, end in lines if last - first < _THICKEST]
    if edges:
        thin += [(row, start, end) for first, last, start, end in lines if last - first >= _THICKEST
                 for row in (first, last)]
    return thin


def _marks(rgb: Colour, across: float, down: float) -> list[Mark]:
    """The coloured shapes of the picture, each a box of coloured pixels apart from the others
    (cut by rows, then columns, then rows again; a rule drawn across a fill does not cut it,
    but where that box holds two colours, as two shaded cells side by side, its parts are
    taken one by one): a shape of a symbol's size is named as the PDF reader names a drawn one
    ("green circle"), a box it fills a fill ("red shading"); other coloured pictures (a logo, a
    chart) are neither."""
    from parsers.symbols import coloured_pixels

    mask = coloured_pixels(rgb)
    marks: list[Mark] = []
    for top, bottom in _spans(mask.any(axis=1), _RULE_GAP):
        for left, right in _spans(mask[top:bottom].any(axis=0), _RULE_GAP):
            for upper, lower in _spans(mask[top:bottom, left:right].any(axis=1), _RULE_GAP):
                box = (top + upper, top + lower, left, right)
                mark = _mark(rgb, mask, box, across, down)
                if mark is None:
                    y0, y1 = box[:2]
                    parts = [(y0 + a, y0 + b, left + c, left + d) for c, d in _spans(mask[y0:y1, left:right].any(axis=0), 0)
                             for a, b in _spans(mask[y0:y1, left + c:left + d].any(axis=1), 0)]
                    marks += filter(None, (_mark(rgb, mask, part, across, down) for part in parts if len(parts) > 1))
                else:
                    marks.append(mark)
    return marks


def _mark(rgb: Colour, mask: Mask, box: tuple[int, int, int, int], across: float, down: float) -> Mark | None:
    from parsers.symbols import pixels_symbol

    y0, y1, x0, x1 = box
    described = pixels_symbol(rgb[y0:y1, x0:x1])
    if described is None:
        return None
    size = max((x1 - x0) * across, (y1 - y0) * down)
    if " " in described and _SYMBOL[0] <= size <= _SYMBOL[1]:
        name = described
    elif mask[y0:y1, x0:x1].mean() >= _FILLED and size > _SYMBOL[1]:
        name = f"{described.split()[0]} {SHADING}"
    else:
        return None
    return Mark(x0 * across, y0 * down, x1 * across, y1 * down, name)


def _spans(present: object, gap: int) -> list[tuple[int, int]]:
    """(start, end) of each run of True in a row of flags (what numpy's any() gives), runs at
    most `gap` apart taken as one."""
    import numpy as np

    from parsers.ocr_image import ink_runs

    spans: list[tuple[int, int]] = []
    for _, start, end in ink_runs(np.asarray(present, dtype=bool)[None, :], 1).tolist():
        if spans and start - spans[-1][1] <= gap:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans
