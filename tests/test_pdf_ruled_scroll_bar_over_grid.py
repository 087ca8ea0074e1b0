"""A ruled table printed inside a box that scrolls (wkhtmltopdf, a table too wide for its page):
the box's scroll bar, a thin bar taller than the page, clipped at its edge, stands over the
table and crosses its row rules, drawn cell by cell, where no two pieces meet. It is no column
rule: the table keeps the columns its cells' borders show. A column rule that runs past the
page meets the row rules at their joints and stays one."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

EDGES = [68.0, 200.0, 330.0, 460.0]
ROWS = [(["Namn", "Utfall", "Mål"], True), (["Alfa", "12", "15"], False), (["Beta", "7", "9"], False)]


def _grid(page: Page, top: float, bar: float | None) -> None:
    ys = [top + 16.0 * k for k in range(len(ROWS) + 1)]
    for y in ys:  # each cell's border on its own, as a browser draws it
        for a, b in zip(EDGES, EDGES[1:]):
            page.line(a, y, b, y)
    for x in EDGES:
        page.line(x, ys[0], x, ys[-1])
    for (cells, bold), y in zip(ROWS, ys):
        for x, text in zip(EDGES, cells):
            page.text(x + 4, y + 4, text, bold=bold)
    if bar is not None:
        # The scroll bar: a thin grey bar from above the table to past the page's foot.
        page.rect(bar, top - 10, bar + 0.6, page.height + 300, (0.67, 0.67, 0.67))


def _cells(path: Path) -> list[list[list[str]]]:
    return [[row.cells for row in b.rows] for b in read_pdf(path).blocks if isinstance(b, Table)]


def test_a_scroll_bar_over_a_ruled_table_is_no_column_rule(tmp_path: Path) -> None:
    page = Page()
    page.text(72, 60, "Indikatorer för året.")
    _grid(page, 100.0, bar=300.0)
    assert _cells(write_pdf(tmp_path / "scroll_bar_over_grid.pdf", [page])) == [[cells for cells, _ in ROWS]]


def test_a_column_rule_past_the_page_at_the_joints_stays_one(tmp_path: Path) -> None:
    page = Page()
    page.text(72, 60, "Indikatorer för året.")
    _grid(page, 100.0, bar=None)
    page.rect(EDGES[2] - 0.3, 90.0, EDGES[2] + 0.3, page.height + 300, (0.0, 0.0, 0.0))
    assert _cells(write_pdf(tmp_path / "column_rule_past_page.pdf", [page])) == [[cells for cells, _ in ROWS]]
