"""A fully ruled grid (a browser's print of a table with borders) whose date column is too
narrow for "2009-01-01": the date breaks after its hyphen, and the "01" under it is the rest of
the date, not a row of its own, though figures under figures part rows of a grid band."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

EDGES = [68.0, 290.0, 340.0, 420.0]  # the grid's column rules
PAD, LEAD = 3.0, 11.0


def test_a_date_broken_after_its_hyphen_in_a_grid_stays_one_cell(tmp_path: Path) -> None:
    page = Page()
    rows = [(["Aktivitet"], ["Start"], ["Slut"]),
            (["Införa ett nytt arbetssätt i", "alla verksamheter"], ["2009-01-", "01"], ["2009-12-", "31"]),
            (["Utbilda personalen"], ["2009-02-", "01"], ["2009-06-", "30"])]
    y = 100.0
    page.line(EDGES[0], y, EDGES[-1], y)
    for cells in rows:
        depth = max(len(cell) for cell in cells)
        for x, cell in zip(EDGES, cells):
            for k, text in enumerate(cell):
                page.text(x + 4, y + PAD + k * LEAD, text, bold=cells is rows[0])
        bottom = y + 2 * PAD + depth * LEAD - 2
        page.line(EDGES[0], bottom, EDGES[-1], bottom)
        y = bottom
    for x in EDGES:
        page.line(x, 100.0, x, y)
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "grid_broken_date.pdf", [page])).blocks
               if isinstance(b, Table)]
    # The label's lines may be kept apart (its first stops short of the cell's edge); the date's join.
    assert [["".join(cell.split()) if k else " ".join(cell.split()) for k, cell in enumerate(row.cells)]
            for row in table.rows] == [["Aktivitet", "Start", "Slut"],
                                       ["Införa ett nytt arbetssätt i alla verksamheter", "2009-01-01", "2009-12-31"],
                                       ["Utbilda personalen", "2009-02-01", "2009-06-30"]]
