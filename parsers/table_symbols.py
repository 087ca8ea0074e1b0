"""What the Word and HTML readers share in describing assessment symbols: which cells of a row
hold one, the shape a marker glyph printed in a colour stands for, and colours as CSS and VML
write them."""
from __future__ import annotations

from collections.abc import Sequence

import regex

from parsers.symbols import colour_name, hex_colour_name

# Marker glyphs typed and coloured as a traffic light (Word's "●" in green): their shape.
_GLYPH_SHAPES = {"●": "circle", "⬤": "circle", "•": "circle", "◉": "circle", "■": "square", "◼": "square",
                 "▪": "square", "⬛": "square", "▲": "triangle", "▴": "triangle", "◆": "diamond", "♦": "diamond",
                 "⬥": "diamond", "★": "star"}
# The same glyphs as the letters of the Wingdings font they are typed in ("l" is its filled circle).
_WINGDINGS_SHAPES = {"l": "circle", "n": "square", "u": "diamond", "«": "star"}


def dingbats(text: str) -> str:
    """Text typed in a dingbat font, as the pictures it prints: in the private-use area, as Word's
    Insert > Symbol characters are, where the recogniser's marker stripping expects them."""
    return "".join(chr(0xF000 + ord(char)) if ord(char) < 0x100 else char for char in text)


def glyph_shape(text: str, font: str | None = None) -> str | None:
    """The shape of a run of text made only of one marker glyph (repeated or spaced), in `font`."""
    marks = set(text.split()) if text.strip() else set()
    if len(marks) != 1:
        return None
    (mark,) = marks
    if font and font.lower().startswith("wingdings"):
        return _WINGDINGS_SHAPES.get(chr(ord(mark[0]) & 0xFF)) if len(set(mark)) == 1 else None
    return _GLYPH_SHAPES.get(mark[0]) if len(set(mark)) == 1 else None


def row_symbols(cells: Sequence[tuple[int, str | None, str | None]]) -> dict[int, str]:
    """Grid column -> symbol, of the row's cells as (column, picture's symbol, shading's colour
    name): a picture, else a shading the cell does not share with its whole row (a header or
    zebra band shades every cell alike)."""
    symbols = {column: symbol for column, symbol, _ in cells if symbol}
    fills = [fill for _, _, fill in cells]
    for column, _, fill in cells:
        if fill and column not in symbols and (len(cells) == 1 or fills.count(fill) < len(cells)):
            symbols[column] = f"{fill} shading"
    return symbols


_HEX = regex.compile(r"#([0-9a-f]{6}|[0-9a-f]{3})\b", regex.IGNORECASE)
_RGB = regex.compile(r"rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})", regex.IGNORECASE)
# CSS's named colours that a traffic light is given in (the saturated ones; grey and white are
# layout, never a symbol).
_NAMED = {"red": "FF0000", "darkred": "8B0000", "crimson": "DC143C", "firebrick": "B22222", "orangered": "FF4500",
          "orange": "FFA500", "darkorange": "FF8C00", "gold": "FFD700", "yellow": "FFFF00",
          "green": "008000", "darkgreen": "006400", "forestgreen": "228B22", "limegreen": "32CD32",
          "lime": "00FF00", "seagreen": "2E8B57", "blue": "0000FF"}


def css_colour_name(value: str) -> str | None:
    """colour_name of a CSS or HTML colour: "#00B050", "#0b5", "rgb(0, 176, 80)", "green"."""
    if match := _HEX.search(value):
        digits = match.group(1)
        return hex_colour_name(digits if len(digits) == 6 else "".join(d * 2 for d in digits))
    if match := _RGB.search(value):
        red, green, blue = (min(int(v), 255) for v in match.groups())
        return colour_name(red, green, blue)
    words = value.lower().split()
    return hex_colour_name(_NAMED[words[0]]) if words and words[0] in _NAMED else None
