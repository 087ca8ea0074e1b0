"""A line-free table whose header is bottom-aligned over three lines and set as tight as its
cells (LibreOffice Writer/Web's print of an HTML table): on the middle line a header cell's text
ends only just more than a word space before the next column's ("2022-23" 0.31 font sizes before
"utfall"), where the lines above and below start that column's cell after a clear gap. The
word starts that column's cell, and the column stays apart though the body leaves the one
before it empty."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

NAME_X = 72.0
A, B = 200.0, 260.0
# Digits and "-" are as wide in Helvetica-Bold as in Helvetica, whose widths the maker knows.
C = B + text_width("2022-23", 9) + 0.31 * 9
LEAD = 7.5  # the header's lines, 9 pt text bottom-aligned 7.5 pt apart
PAD = 24.0  # from one row's line to the next


def test_a_header_word_close_to_the_cell_before_it_starts_its_own_column(tmp_path: Path) -> None:
    page = Page()
    for top, cells in ((100, ["", "Utfall", "Utfall", "Periodens"]), (100 + LEAD, ["Indikator", "män/", "2022-23", "utfall"]),
                       (100 + 2 * LEAD, ["", "pojkar", "flickor", "2021"])):
        for x, text in zip([NAME_X, A, B, C], cells):
            if text:
                page.text(x, top, text, bold=True)
    rows = [["Andel nöjda brukare", "96 %", "", "86"], ["Andel trygga brukare", "100 %", "", "98"]]
    y = 100 + 2 * LEAD + PAD
    for row in rows:
        for x, text in zip([NAME_X, A, B, C], row):
            if text:
                page.text(x, y, text)
        y += PAD
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "tight_header_cells.pdf", [page])).blocks
               if isinstance(b, Table)]
    assert [" ".join(cell.split()) for cell in table.rows[0].cells] == [
        "Indikator", "Utfall män/pojkar", "Utfall 2022-23 flickor", "Periodens utfall 2021"]
    assert [row.cells for row in table.rows[1:]] == rows
