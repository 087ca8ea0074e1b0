"""A line-free table of a header and one row, set as tight as its cells (LibreOffice's print of
an HTML table sized to its text), with the next table a row's padding under it: one gutter is
wide on the row's line only, the other columns stand a few points after the text before them,
where the header's and the row's words start at the same places. Those text edges show its
columns, also once the stretch it grew over is split again at the next table's header. One
small PDF of that layout."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

SIZE = 10.0
NAME_X = 64.0
HEADER = ["Nämndens indikatorer", "Årsmål", "Stadens mål", "Period"]
ROW = ["Andel godkända elever efter ett år", "30 %", "tas fram 2009", "År"]
NEXT = [["Nämndens aktiviteter", "Startdatum", "Slutdatum"],
        ["Ta fram förslag till nya former för samverkan", "2009-01-01", "2009-12-31"]]


def test_a_tight_table_over_the_next_table_keeps_the_columns_its_text_edges_show(tmp_path: Path) -> None:
    page = Page()
    page.text(NAME_X, 100, "Nämnden bidrar till målet genom undervisningen.", SIZE)
    # Each column starts a few points after the text before it on one of the lines and far
    # after it on the other: 52 pt after the header's first cell, 7 after the row's; 4 pt
    # after "Årsmål", 15 after "30 %"; 7 after "Stadens mål", 5 after "tas fram 2009".
    starts = [221.8, 259.7, 326.0]
    for cells, top, bold in ((HEADER, 140.0, True), (ROW, 172.0, False)):
        page.text(NAME_X, top, cells[0], SIZE, bold)
        for start, text in zip(starts, cells[1:]):
            page.text(start, top, text, SIZE, bold)
    for cells, top, bold in ((NEXT[0], 204.0, True), (NEXT[1], 236.0, False)):
        page.text(NAME_X, top, cells[0], SIZE, bold)
        for start, text in zip((420.0, 480.0), cells[1:]):
            page.text(start, top, text, SIZE, bold)
    page.text(NAME_X, 280, "Undervisningen följs upp varje termin.", SIZE)
    tables = [b for b in read_pdf(write_pdf(tmp_path / "tight_one_row.pdf", [page])).blocks
              if isinstance(b, Table)]
    assert [[row.cells for row in table.rows] for table in tables] == [[HEADER, ROW], NEXT]
