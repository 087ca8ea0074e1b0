"""A row at the top of a page that goes on the table the page before ended with: a browser's
zebra table cut by a page break prints the row after the cut unshaded and without the header
(the next band, another table's, starts under it), and a header that ended a page leaves its
one row to the next page, the header's rule over it or not. Neither shading nor rules show
such a row a table's; its cells do: each starts where a column of that table starts its text.
"""
from __future__ import annotations

from parsers.pdf_columns import cell_runs, free_row
from parsers.pdf_layout import TableLayout
from parsers.pdf_model import Line, PdfSettings
from parsers.pdf_rows import column_of


def lowest(tables: list[TableLayout], lines: list[Line]) -> TableLayout | None:
    """The table lowest on the page when no line outside the page's tables stands under it."""
    if not tables:
        return None
    last = max(tables, key=lambda t: t.bottom)
    return last if last.gutters and not any(line.top > last.bottom for line in lines) else None


def top_row(lines: list[Line], ended: TableLayout, settings: PdfSettings) -> tuple[int, TableLayout] | None:
    """How many of the page's first `lines` (outside its ruled tables, top down) are one row of
    `ended`, and that row as a table of `ended`'s columns; None when they are no such row.
    The row is plain text, its lines a cell's leading apart; its first line has text in two
    columns or more, and every cell of its lines starts where that column's text starts in
    `ended` (its rows' cells: a body's and a header's)."""
    if not lines or lines[0].bold:
        return None
    row = [lines[0]]
    for line in lines[1:]:
        if line.bold or line.top - row[-1].bottom > settings.cell_leading * line.size:
            break
        row.append(line)
    bounds = [(lo + hi) / 2 for lo, hi in ended.gutters]
    starts: dict[int, float] = {}
    for layout in ended.rows:
        for k, cell in enumerate(layout.cells):
            if cell.lines and cell.columns == 1 and not layout.spanning:
                starts[k] = min([starts.get(k, cell.lines[0].x0)] + [line.x0 for line in cell.lines])
    column_starts = [hi for _, hi in ended.gutters]
    if len(cell_runs(row[0], settings, column_starts)) < 2:
        return None
    for line in row:
        for run in cell_runs(line, settings, column_starts):
            k = column_of(run[0], bounds)
            if k not in starts or abs(run[0].x0 - starts[k]) > settings.start_slack:
                return None
    rights = [*bounds, ended.x1]
    layout = free_row(row, bounds, column_starts, rights, settings)
    if layout.spanning:
        return None
    return len(row), TableLayout([layout], row[0].top - 0.5, row[-1].bottom + 0.5, ended.x0, ended.x1,
                                 ended.gutters, ended.size)
