"""What the Word and HTML readers share in describing assessment symbols: which cells of a row
hold one, and the shape a marker glyph printed in a colour stands for."""
from __future__ import annotations

from collections.abc import Sequence

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
