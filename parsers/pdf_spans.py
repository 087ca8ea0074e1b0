"""Header cells of a line-free table that span several columns: a cell whose text runs over
the edge between columns, or one set centred over a group of columns whose other cells in its
row are empty ("2017" over Budget, Utfall, Förbrukn). Pure functions of a row's cells and the
table's column extents.
"""
from __future__ import annotations

from parsers.pdf_model import Line


def header_spans(cells: list[list[Line]], starts: list[float], rights: list[float],
                 tolerance: float) -> tuple[list[list[Line]], dict[int, int]]:
    """The row's cells with a spanning cell's text in its first column, and per first column
    the number of columns it spans. `starts[k - 1]` is where column k's text starts,
    `rights[k]` where it can reach; `tolerance` is how far (points) a centred cell's middle may
    sit from its group's."""
    out = [list(cell) for cell in cells]
    spans: dict[int, int] = {}
    for k, cell in enumerate(cells):
        if len(cell) != 1 or k == 0:
            continue
        line = cell[0]
        group = _crossed(line, k, starts, out) or _centred(line, k, starts, rights, out, tolerance)
        if group is None:
            continue
        first, last = group
        out[k] = []
        out[first] = [line]
        spans[first] = last - first + 1
    return out, spans


def _empty(cells: list[list[Line]], first: int, last: int, own: int) -> bool:
    return all(not cells[j] for j in range(first, last + 1) if j != own)


def _crossed(line: Line, k: int, starts: list[float], cells: list[list[Line]]) -> tuple[int, int] | None:
    """The text reaches into the columns after its own, which are empty in the row. A group
    label set left over its group reaches into only part of it; the group goes on over the empty
    cells after it, up to the next label ("augusti 2017" over Budget, Utfall, Förbrukn)."""
    last = k
    while last < len(starts) and line.x1 > starts[last] + 0.5:
        last += 1
    if last == k or not _empty(cells, k, last, k):
        return None
    while last + 1 < len(cells) and not cells[last + 1]:
        last += 1
    return k, last


def _centred(line: Line, k: int, starts: list[float], rights: list[float], cells: list[list[Line]],
             tolerance: float) -> tuple[int, int] | None:
    """The smallest group of two or more columns around column k, empty but for it, whose
    middle the text's middle sits on, when it does not sit on the middle of its own column."""
    middle = (line.x0 + line.x1) / 2

    def centre(first: int, last: int) -> float:
        return (starts[first - 1] + rights[last]) / 2

    if abs(middle - centre(k, k)) <= tolerance:
        return None
    fits = [(last - first, first, last) for first in range(1, k + 1) for last in range(k, len(rights))
            if last > first and _empty(cells, first, last, k) and abs(middle - centre(first, last)) <= tolerance]
    if not fits:
        return None
    _, first, last = min(fits)
    return first, last
