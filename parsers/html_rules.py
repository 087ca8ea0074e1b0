"""The ruling lines of a page drawn as its background picture: PDF converters that place a page's
text element by element (`pdftohtml -c`) paint the rest of the page, its table grids included,
into one image under the text. Its thin dark runs of pixels are the rules the PDF had, given back
to the page assembly as the PDF reader's segments, so that a ruled table's columns come from
its rules and not only from where its text stands (read without them, a ruled table whose
values nearly touch the next column's merged those columns).
"""
from __future__ import annotations

import io

from typing import TYPE_CHECKING

from parsers.pdf_model import Segment

if TYPE_CHECKING:
    from parsers.ocr_image import Mask

_INK = 200  # darker than this is a rule's ink: grey grids yes, zebra and header shading no
_THICKEST = 4  # pixels: a thicker band is a filled shape (a header's shading), not a rule
_SHORTEST = 6.0  # points: a shorter run is a letter's or a picture's, never a cell's edge
_MAX_PIXELS = 40_000_000  # a page at 600 dpi; a larger picture is not a page's background


def background_segments(data: bytes, width: float, height: float) -> list[Segment]:
    """The horizontal and vertical rules of a page's background picture `data`, shown `width` x
    `height` points; none where it is not a picture Pillow reads."""
    import numpy as np
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as opened:
            if opened.size[0] * opened.size[1] > _MAX_PIXELS:
                return []
            grey = np.asarray(opened.convert("L"))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return []
    ink = grey < _INK
    across, down = width / ink.shape[1], height / ink.shape[0]
    horizontal = [Segment(x0 * across, y * down, x1 * across, y * down)
                  for y, x0, x1 in _thin_runs(ink, max(2, round(_SHORTEST / across)))]
    vertical = [Segment(x * across, y0 * down, x * across, y1 * down)
                for x, y0, y1 in _thin_runs(ink.T, max(2, round(_SHORTEST / down)))]
    return horizontal + vertical


def _thin_runs(ink: Mask, shortest: int) -> list[tuple[float, int, int]]:
    """(middle row, start, end) of the lines along axis 1 at most _THICKEST rows thick: runs of
    ink at least `shortest` long, those in touching rows with the same ends (within a pixel, as
    antialiasing leaves them) taken as one line."""
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
    return [((first + last) / 2, start, end) for first, last, start, end in lines if last - first < _THICKEST]
