"""A line-free table whose left-aligned columns stand as close to the name before them as a
cell's padding on both sides of the edge leaves (LibreOffice's print of an HTML table): a name
that runs up to 3.5 pt before the next column's text, where the line's word spaces are 2.8 pt,
still ends its cell there. Each case is one small PDF of that layout."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

SIZE = 10.0
NAME_X = 64.0
LONG = "Andel barn med plan under hela perioden, alla"
# Where the second column's text starts: 3.5 pt after the long name's last word (a word space
# at 10 pt Helvetica is 2.8 pt; a gutter would be 9 pt).
FIRST = NAME_X + text_width(LONG, SIZE) + 3.5
STARTS = (FIRST, FIRST + 50.0, FIRST + 100.0)
HEADER = ["Indikatorer", "Årsmål", "Utfall", "Period"]


def _row(page: Page, top: float, cells: list[str], bold: bool = False) -> None:
    page.text(NAME_X, top, cells[0], SIZE, bold)
    for x, text in zip(STARTS, cells[1:]):
        page.text(x, top, text, SIZE, bold)


def test_a_name_a_cell_padding_before_the_next_column_ends_its_cell(tmp_path: Path) -> None:
    # Rows 30 pt apart, each a name line with its figures and a wrapped second line; the last
    # row's name runs up to the next column, on the last lines of the page.
    page = Page()
    page.text(NAME_X, 600, "Nämnden följer upp indikatorerna varje år.", SIZE)
    _row(page, 640, HEADER, bold=True)
    rows = [["Andel miljöbilar i fordonsparken", "75 %", "80 %", "Månad"],
            ["Andel ekologiska livsmedel", "25 %", "30 %", "År"],
            [LONG, "100 %", "90 %", "År"]]
    top = 672.0
    for cells in rows:
        _row(page, top, cells)
        page.text(NAME_X, top + 15, "och andra varor (alla nämnder)", SIZE)
        top += 47
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "name_near_column.pdf", [page])).blocks
               if isinstance(b, Table)]
    assert [row.cells[1:] for row in table.rows] == [HEADER[1:]] + [cells[1:] for cells in rows]
    assert table.rows[-1].cells[0] == f"{LONG} och andra varor (alla nämnder)"


def test_a_justified_line_across_the_table_is_not_cut_at_a_column_start(tmp_path: Path) -> None:
    # A comment across the table, justified, whose word after a stretched space happens to
    # start where a column's text starts: all its spaces are as wide, so it stays one cell.
    page = Page()
    _row(page, 100, HEADER, bold=True)
    _row(page, 130, ["Andel miljöbilar i fordonsparken", "75 %", "80 %", "Månad"])
    words = "Kommentar: nämnden har under året bytt ut bilar mot nya".split()
    x = NAME_X
    space = 3.6
    gaps = []
    for word in words:
        gaps.append(x)
        x += text_width(word, SIZE) + space
    # Shift the comment so that one of its words starts where the second column starts.
    shift = STARTS[0] - gaps[-2]
    for start, word in zip(gaps, words):
        page.text(start + shift, 150, word, SIZE)
    _row(page, 180, ["Andel ekologiska livsmedel", "25 %", "30 %", "År"])
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "justified_comment.pdf", [page])).blocks
               if isinstance(b, Table)]
    assert any(" ".join(words) in cell for row in table.rows for cell in row.cells)
