"""The rows of a table's part on a later page put back under the table's columns by where they stand.

A reader that finds a table by its shaded rows (wkhtmltopdf's zebra stripes) starts the part on
the next page at its first shaded row, without the header; and it counts that part's columns
from the cells it holds, so a row whose empty cells were dropped comes with fewer columns than
the header above ("62 %" in the fifth of six cells, printed under the eighth of nine). The
columns of one table stand in the same places on every page: each cell goes under the column of
the part before whose cells its box overlaps most.
"""
from __future__ import annotations

from dataclasses import replace

from parsers.blocks import Box, Row

Extents = dict[int, tuple[float, float]]


def extents(rows: list[Row], width: int) -> Extents:
    """Each column's left and right edge over the rows of the full width that give boxes (a
    comment row across the table stands under no one column)."""
    found: Extents = {}
    for row in rows:
        if len(row.cells) != width or row.spanning:
            continue
        for k, box in row.boxes.items():
            x0, x1 = found.get(k, (box.x0, box.x1))
            found[k] = (min(x0, box.x0), max(x1, box.x1))
    return found


def _column(box: Box, columns: Extents) -> int | None:
    overlaps = {k: min(box.x1, x1) - max(box.x0, x0) for k, (x0, x1) in columns.items()}
    best = max(overlaps, key=lambda k: overlaps[k], default=None)
    return best if best is not None and overlaps[best] > 0 else None


def regrid(row: Row, columns: Extents, width: int) -> Row:
    """`row` with its cells under the columns they stand under; the row as it is where a filled
    cell has no box, overlaps no column, or two cells would share one."""
    if len(row.cells) >= width or row.spans:
        return row
    moved: dict[int, int] = {}
    for k, text in enumerate(row.cells):
        if not text:
            continue
        box = row.boxes.get(k)
        target = _column(box, columns) if box is not None else None
        if target is None or target in moved.values():
            return row
        moved[k] = target
    cells = [""] * width
    for k, target in moved.items():
        cells[target] = row.cells[k]
    return replace(row, cells=cells, boxes={moved[k]: b for k, b in row.boxes.items() if k in moved},
                   symbols={moved[k]: s for k, s in row.symbols.items() if k in moved})
