"""A table broken over a page break is one table: the part that ends a page and the part that
starts the next have the same columns (count and place on the page), and the rows the
producer repeats at the head of the second part (the whole header, or only its first rows)
are the header again, not rows of the table."""
from __future__ import annotations

from parsers.blocks import Row, Table


def same_columns(above: Table, below: Table) -> bool:
    """Both parts have as many columns, and each column's text lies where the other part's does."""
    if not above.rows or not below.rows:
        return False
    if len({len(row.cells) for row in above.rows + below.rows}) != 1:
        return False
    upper, lower = _extents(above.rows), _extents(below.rows)
    shared = upper.keys() & lower.keys()
    if not shared or len(shared) < min(len(upper), len(lower)):
        return False
    return all(upper[k][0] < lower[k][1] and lower[k][0] < upper[k][1] for k in shared)


def repeated_header(above: Table, below: Table) -> int:
    """How many rows at the head of `below` repeat, in order, the rows that open `above`."""
    count = 0
    for upper, lower in zip(above.rows, below.rows):
        if upper.cells != lower.cells or not any(lower.cells):
            break
        count += 1
    return count if count < len(above.rows) else 0


def _extents(rows: list[Row]) -> dict[int, tuple[float, float]]:
    """Each column's left and right text edge over the cells that cover that column only."""
    extents: dict[int, tuple[float, float]] = {}
    for row in rows:
        for k, box in row.boxes.items():
            span = row.spans.get(k)
            if span is not None and span.columns > 1:
                continue
            x0, x1 = extents.get(k, (box.x0, box.x1))
            extents[k] = (min(x0, box.x0), max(x1, box.x1))
    return extents
