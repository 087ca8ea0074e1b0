"""Coloured shapes standing for an assessment ("green circle"), described from what is printed.

Reports show an assessment as a traffic-light symbol: a small image, a shaded cell, a coloured
vector shape. A reader describes it in words (colour, and shape when it is obvious) and the
recogniser maps the words to helt / delvis / ej with its alias tables; the reader never turns a
symbol into assessment text itself.
"""
from __future__ import annotations

import colorsys
import io
from typing import TYPE_CHECKING

# numpy and Pillow are imported by the functions that read images: the PDF reader needs only
# colour_name, and importing them cost it 40-170 ms, a fifth of its whole import.
if TYPE_CHECKING:
    import numpy as np

# Hue bands in degrees, for the names the alias tables know. Amber (Word's FFC000, 45 degrees)
# is yellow: it is the middle light of a traffic light; orange (FF8000) has its own band.
_HUES = ((15, "red"), (40, "orange"), (70, "yellow"), (170, "green"), (260, "blue"), (330, "purple"), (360, "red"))
# Below this saturation or value a colour is white, grey or black: paper, ink and layout
# shading (grey header rows, zebra bands), never a symbol.
# In whole numbers (saturation in tenths, value in quarters), so that a page's pixels are told as
# one by one and all at once (coloured_pixels), with no float rounding at the edge between them.
_MIN_SATURATION_TENTHS = 3
_MIN_VALUE_QUARTERS = 1
# A symbol is drawn in one colour: at least this share of its coloured pixels has the main hue.
_MIN_DOMINANT_SHARE = 0.5
# A shape is named only when the coloured pixels fill its outline this well (intersection over union).
_MIN_SHAPE_IOU = 0.85
_MAX_SYMBOL_PIXELS = 512  # wider or taller images are pictures, not symbols


def colour_name(red: int, green: int, blue: int) -> str | None:
    """"green", "red", ... for a saturated colour; None for white, grey and black."""
    top, bottom = max(red, green, blue), min(red, green, blue)
    if 10 * (top - bottom) < _MIN_SATURATION_TENTHS * top or 4 * top < _MIN_VALUE_QUARTERS * 255:
        return None
    degrees = colorsys.rgb_to_hsv(red / 255, green / 255, blue / 255)[0] * 360
    return next(name for limit, name in _HUES if degrees < limit)


def hex_colour_name(value: str | None) -> str | None:
    """colour_name of a "RRGGBB" value as Word writes fills; None for "auto" and malformed values."""
    if not value or len(value) != 6:
        return None
    try:
        red, green, blue = (int(value[k:k + 2], 16) for k in (0, 2, 4))
    except ValueError:
        return None
    return colour_name(red, green, blue)


def _names(pixels: np.ndarray) -> np.ndarray:
    """The colour name of every pixel (RGB rows), "" where it has none."""
    import numpy as np

    unique, inverse = np.unique(pixels, axis=0, return_inverse=True)
    names = np.array([colour_name(*map(int, rgb)) or "" for rgb in unique], dtype=object)
    return names[inverse.reshape(-1)]


def _iou(mask: np.ndarray, outline: np.ndarray) -> float:
    import numpy as np

    union = np.logical_or(mask, outline).sum()
    return float(np.logical_and(mask, outline).sum() / union) if union else 0.0


def _shape(mask: np.ndarray) -> str | None:
    """"circle", "square" or "triangle" when the mask's pixels match that outline in their box."""
    import numpy as np

    rows, columns = np.nonzero(mask)
    if rows.size == 0:
        return None
    box = mask[rows.min():rows.max() + 1, columns.min():columns.max() + 1]
    height, width = box.shape
    if min(height, width) < 4 or not 0.8 <= width / height <= 1.25:
        return None  # too small to tell, or a bar rather than a shape
    y, x = np.mgrid[0:height, 0:width]
    cy, cx = (height - 1) / 2, (width - 1) / 2
    outlines = {
        "circle": ((y - cy) / (height / 2)) ** 2 + ((x - cx) / (width / 2)) ** 2 <= 1.0,
        "square": np.ones(box.shape, dtype=bool),
        # apex up, the usual warning triangle
        "triangle": np.abs(x - cx) <= (y + 0.5) / height * (width / 2),
    }
    name, score = max(((n, _iou(box, o)) for n, o in outlines.items()), key=lambda item: item[1])
    return name if score >= _MIN_SHAPE_IOU else None


def image_symbol(data: bytes) -> str | None:
    """"green circle", "red" ... for a small one-colour image; None for photos, logos, line art
    in black and images Pillow cannot decode."""
    import numpy as np
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as opened:
            if max(opened.size) > _MAX_SYMBOL_PIXELS:
                return None
            image = opened.convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    return pixels_symbol(np.asarray(image))


def coloured_pixels(pixels: np.ndarray) -> np.ndarray:
    """The pixels (RGB or RGBA rows) that colour_name names: saturated and not dark."""
    import numpy as np

    # Channel by channel: numpy's reductions along a short last axis cost ten times as much.
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    top = np.maximum(np.maximum(red, green), blue)
    spread = (top - np.minimum(np.minimum(red, green), blue)).astype(np.int16)
    named: np.ndarray = ((10 * spread >= _MIN_SATURATION_TENTHS * top.astype(np.int16))
                         & (4 * top.astype(np.int16) >= _MIN_VALUE_QUARTERS * 255))
    return named


def pixels_symbol(pixels: np.ndarray) -> str | None:
    """image_symbol of decoded pixels, RGBA or RGB (all opaque)."""
    import numpy as np

    opaque = pixels[..., 3] >= 128 if pixels.shape[-1] == 4 else np.ones(pixels.shape[:2], dtype=bool)
    if int((opaque & coloured_pixels(pixels)).sum()) < 16:
        return None  # told at once, before every pixel is named
    names = _names(pixels[..., :3].reshape(-1, 3)).reshape(opaque.shape)
    coloured = opaque & (names != "")
    if coloured.sum() < 16:
        return None
    values, counts = np.unique(names[coloured], return_counts=True)
    colour = str(values[counts.argmax()])
    if counts.max() < _MIN_DOMINANT_SHARE * coloured.sum():
        return None  # several colours: a picture or a logo
    shape = _shape(names == colour)
    return f"{colour} {shape}" if shape else colour
