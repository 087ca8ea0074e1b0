"""A line-free padded table broken over a page break inside a row: the next page repeats the
header at its top, and the rest of the cut row's name stands a row's padding under it, alone
in the first column and going on in lower case. The repeated header takes that rest, so the
table joined across the pages has the whole name in the cut row."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, figures_row, write_pdf

NAME_X = 72.0
ENDS = (330.0, 410.0, 490.0)
LEAD = 11.0  # 9 pt text on 11 pt lines
PAD = 12.0  # the padding between two rows' text, above the line gap
HEADER = ["Indikator", "Utfall", "Mål", "Period"]
ROWS = [["Andel nöjda brukare", "92 %", "90 %", "2013"], ["Andel personer med insatser i", "34 %", "25 %", "2013"]]


def _line(page: Page, top: float, cells: list[str], bold: bool = False) -> None:
    figures_row(page, top, cells, NAME_X, ENDS, bold)


def test_rest_of_a_cut_row_under_the_repeated_header_joins_the_row(tmp_path: Path) -> None:
    first, second = Page(), Page()
    y = 700.0
    for cells in [HEADER, *ROWS]:
        _line(first, y, cells, bold=cells is HEADER)
        y += LEAD + PAD
    _line(second, 60, HEADER, bold=True)
    second.text(NAME_X, 60 + LEAD + PAD, "förvaltningens verksamhet.")
    second.text(NAME_X, 60 + 2 * LEAD + 4 * PAD, "Kommentar Insatsen har gett fler personer en egen försörjning i år.")
    tables = [b for b in read_pdf(write_pdf(tmp_path / "cut_row_rest.pdf", [first, second])).blocks
              if isinstance(b, Table)]
    assert [[row.cells for row in table.rows] for table in tables] == [
        [HEADER, ROWS[0], ["Andel personer med insatser i förvaltningens verksamhet.", *ROWS[1][1:]]]]


def test_rest_of_a_cut_row_under_a_header_repeated_on_the_page_joins_the_row(tmp_path: Path) -> None:
    # A page of the document the PDF was printed from broke the row: the PDF page holds the
    # row's start, the header again and the rest.
    page = Page()
    y = 100.0
    for cells in [HEADER, *ROWS]:
        _line(page, y, cells, bold=cells is HEADER)
        y += LEAD + PAD
    _line(page, y + 2 * PAD, HEADER, bold=True)
    page.text(NAME_X, y + LEAD + 3 * PAD, "förvaltningens verksamhet.")
    page.text(NAME_X, y + 2 * LEAD + 5 * PAD, "Kommentar Insatsen har gett fler personer en egen försörjning i år.")
    tables = [b for b in read_pdf(write_pdf(tmp_path / "cut_row_rest_same_page.pdf", [page])).blocks
              if isinstance(b, Table)]
    assert [[row.cells for row in table.rows] for table in tables] == [
        [HEADER, ROWS[0], ["Andel personer med insatser i förvaltningens verksamhet.", *ROWS[1][1:]]]]
