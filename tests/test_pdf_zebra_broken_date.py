"""A zebra table (each row its own band) whose end-date column is narrower than some of its
dates: one breaks after its second hyphen ("2009-12-" over "31"), while a date in another row
fits whole. The broken date reached its cell's edge, so "31" is its rest: one date."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEFT, RIGHT = 68.0, 446.0
SIZE, LEAD, PAD = 9.0, 11.0, 2.5
SHADES = ((0.88, 0.9, 0.94), (0.95, 0.95, 0.97))
HEADER = ["Aktivitet", "Startdatum", "Slutdatum"]
ROWS = [(["Införa ett nytt arbetssätt i", "alla verksamheter"], "2009-01-01", ["2009-12-31"]),
        (["Utbilda personalen i det nya", "arbetssättet"], "2009-02-01", ["2009-12-", "31"]),
        (["Följa upp resultatet"], "2009-03-01", ["2009-06-30"])]


def test_a_date_broken_at_its_cells_edge_is_one_date_beside_a_whole_one(tmp_path: Path) -> None:
    page = Page()
    for x, text in zip((72.0, 300.0, 380.0), HEADER):
        page.text(x, 100, text, bold=True)
    y = 100 + SIZE + PAD
    page.line(LEFT, y, RIGHT, y, width=1.0)
    for k, (name, start, end) in enumerate(ROWS):
        depth = max(len(name), len(end))
        bottom = y + 2 * PAD + (depth - 1) * LEAD + SIZE
        page.rect(LEFT, y, RIGHT, bottom, SHADES[k % 2])
        for j, text in enumerate(name):
            page.text(72, y + PAD + j * LEAD, text)
        page.text(300, y + PAD, start)
        for j, text in enumerate(end):
            page.text(380, y + PAD + j * LEAD, text)
        y = bottom
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "zebra_broken_date.pdf", [page])).blocks
               if isinstance(b, Table)]
    assert [row.cells[1:] for row in table.rows] == [HEADER[1:], ["2009-01-01", "2009-12-31"],
                                                     ["2009-02-01", "2009-12-31"], ["2009-03-01", "2009-06-30"]]
