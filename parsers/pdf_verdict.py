"""Whether a grid found in the text's alignment is a table at all: page layouts leave gutters
too. Multi-column prose gives rows of long runs of words and no figures, justified prose rows
of one width; a chart's labels give rows with a single figure scattered over many columns. Pure functions of a layout's cell texts.
"""
from __future__ import annotations

from parsers.pdf_layout import TableLayout
from parsers.pdf_model import PdfSettings
from parsers.pdf_rows import is_figure


def cell_texts(table: TableLayout) -> list[list[str]]:
    """Each row's cell texts, lines joined, for rows that are not one cell across the table."""
    return [[" ".join(line.text for line in cell.lines) for cell in row.cells]
            for row in table.rows if not row.spanning]


def is_prose(rows: list[list[str]], settings: PdfSettings) -> bool:
    """Most cells are runs of many words and hardly any is a figure: columns of running text."""
    cells = [text for row in rows for text in row if text]
    if not cells:
        return True
    long = sum(1 for text in cells if len(text.split()) >= settings.prose_words)
    figures = sum(1 for text in cells if is_figure(text))
    return long > settings.prose_share * len(cells) and figures < settings.prose_figures * len(cells)


def is_scatter(rows: list[list[str]], settings: PdfSettings) -> bool:
    """Most rows hold one cell, away from the first column: labels of a chart's bars or points,
    which a table's label column would hold."""
    lone = sum(1 for row in rows if sum(1 for text in row if text) == 1 and not row[0])
    return len(rows) >= 2 and lone > settings.scatter_share * len(rows)


def is_justified(table: TableLayout, rows: list[list[str]], settings: PdfSettings) -> bool:
    """Every row but the last starts and ends at the same place and hardly a cell is a figure:
    justified running text, whose stretched word spaces line up by chance."""
    extents = []
    for row in table.rows:
        lines = [line for cell in row.cells for line in cell.lines]
        if lines:
            extents.append((min(line.x0 for line in lines), max(line.x1 for line in lines)))
    cells = [text for row in rows for text in row if text]
    if len(extents) < 3 or sum(1 for text in cells if is_figure(text)) >= settings.prose_figures * len(cells):
        return False
    body = extents[:-1]
    return (max(x0 for x0, _ in body) - min(x0 for x0, _ in body) < 1.0
            and max(x1 for _, x1 in body) - min(x1 for _, x1 in body) < 1.0)


def is_lone_line(rows: list[list[str]], settings: PdfSettings) -> bool:
    """One row of a few cells: a caption or a numbered heading with a wide space after its
    number ("Table 1:   Real GDP growth", "1.   General policy context"), or a note; a table
    of one row names more columns than that (its header)."""
    full = [row for row in rows if sum(1 for text in row if text) >= 2]
    return len(full) <= 1 and all(sum(1 for text in row if text) < settings.min_lone_row_columns for row in full)


def verdict(table: TableLayout, settings: PdfSettings) -> str:
    """"table"; "line" for a lone line of a few cells (the lines after it may still start a
    table); "text" for prose or a chart's labels (nothing in that stretch is a table)."""
    rows = cell_texts(table)
    if is_lone_line(rows, settings):
        return "line"
    if is_prose(rows, settings) or is_scatter(rows, settings) or is_justified(table, rows, settings):
        return "text"
    return "table"
