"""A line-free table set as tight as its cells, with its rows padded further apart than a
closely set stretch of text goes (as LibreOffice prints an HTML table without borders): two
figures in neighbouring columns stand less than a gutter apart ("100 %" just before "100 %"),
where the next column's text starts. The rows after the first still fit the table's columns,
so they stay rows of the one table instead of starting tables of their own."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

SIZE = 10.0
NAME_X = 64.0
# Each column starts where the widest figure of the one before ends, plus less than half a
# font size.
STARTS = [200.0, 200.0 + text_width("100 %", SIZE) + 4.3]
STARTS.append(STARTS[1] + text_width("100 %", SIZE) + 4.3)
HEADER = ["Indikator", "Nu", "Förr", "Mål"]
ROWS = [["Andel nöjda brukare", "9 %", "8 %", "85 %"],
        ["Andel placerade barn", "100 %", "100 %", "98 %"],
        ["Andel godkända elever", "7 %", "6 %", "80 %"]]
PITCH = 32.0  # 10 pt text, 22 pt between the rows' text


def test_tight_cells_in_padded_rows_stay_one_table(tmp_path: Path) -> None:
    page = Page()
    for text, x in zip(HEADER, [NAME_X, *STARTS]):
        page.text(x, 100, text, size=SIZE, bold=True)
    for n, row in enumerate(ROWS, start=1):
        for text, x in zip(row, [NAME_X, *STARTS]):
            page.text(x, 100 + n * PITCH, text, size=SIZE)
    tables = [b for b in read_pdf(write_pdf(tmp_path / "tight_padded_rows.pdf", [page])).blocks
              if isinstance(b, Table)]
    assert [[row.cells for row in table.rows] for table in tables] == [[HEADER, *ROWS]]
