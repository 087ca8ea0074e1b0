"""A line-free table set as tight as its cells, as LibreOffice prints an HTML table without
borders: the header's cells stand less than a gutter apart but start exactly where the rows'
cells start, and a row's name ends closer to its first figure than a gutter ("fått" 6 pt before
"225 st"). The text edges the header and the rows share give the columns, so the header is the
table's and the name is its own cell; the rest of a row a page break cut, under the header the
next page repeats, reaches further right than the cut row's name but stays in its column."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

SIZE = 10.0
NAME_X = 64.0
WIDEST = "Antal ungdomar som fått"
# Widths of the bold header cells in Helvetica-Bold at 10 pt; the header's cells 4.7 pt apart.
X1 = NAME_X + text_width(WIDEST, SIZE) + 6.3
X2 = X1 + 75.0 + 4.7  # after "Periodens utfall"
X3 = X2 + 33.9 + 4.7  # after "Årsmål"
HEADER = ["Indikator", "Periodens utfall", "Årsmål", "Period"]
PITCH = 32.0  # 10 pt text, 22 pt between the rows' text


def _line(page: Page, top: float, cells: list[str], bold: bool = False) -> None:
    for text, x in zip(cells, (NAME_X, X1, X2, X3)):
        page.text(x, top, text, size=SIZE, bold=bold)


def _tables(path: Path) -> list[Table]:
    return [b for b in read_pdf(path).blocks if isinstance(b, Table)]


ROWS = [[WIDEST, "225 st", "205 st", "2013"], ["Andel nöjda deltagare", "80 %", "90 %", "2013"]]


def test_header_aligned_with_tight_rows_names_their_columns(tmp_path: Path) -> None:
    page = Page()
    page.text(NAME_X, 60, "Stockholms stad är en attraktiv arbetsgivare", size=SIZE)
    for n, cells in enumerate([HEADER, *ROWS]):
        _line(page, 100 + n * PITCH, cells, bold=n == 0)
    tables = _tables(write_pdf(tmp_path / "aligned_tight_rows.pdf", [page]))
    assert [[row.cells for row in table.rows] for table in tables] == [[HEADER, *ROWS]]


def test_rest_of_a_cut_row_reaches_to_the_next_column(tmp_path: Path) -> None:
    first, second = Page(), Page()
    cut = ["Antal unga som fått", "335 st", "300 st", "2013"]
    for n, cells in enumerate([HEADER, *ROWS, cut]):
        _line(first, 680 + n * PITCH, cells, bold=n == 0)
    _line(second, 60, HEADER, bold=True)
    rest = "sommarjobb hos stadens"  # ends right of "fått" of the widest name, left of X1
    second.text(NAME_X, 60 + PITCH, rest, size=SIZE)
    tables = _tables(write_pdf(tmp_path / "cut_row_rest_wider.pdf", [first, second]))
    assert [[row.cells for row in table.rows] for table in tables] == [
        [HEADER, *ROWS, [f"{cut[0]} {rest}", *cut[1:]]]]
