"""Which cells of a table row hold an assessment symbol, from what each cell shows: the rule the
Word and HTML readers share."""
from __future__ import annotations

from collections.abc import Sequence


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
