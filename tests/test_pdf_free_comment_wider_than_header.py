"""A line-free table set as wide as the page's text column whose header and first row end well
short of it (as LibreOffice prints an HTML table without borders): the comment under the first
row fills the text column, further right than any of the table's text so far. It is still a
row across the table, and the row of figures under it stays in the table."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

SIZE = 10.0
NAME_X = 64.0
COLUMNS = (200.0, 260.0, 320.0)  # the header ends at about 350, the text column at 530
HEADER = ["Indikator", "Utfall", "Årsmål", "Period"]
PITCH = 32.0  # 10 pt text, 22 pt between the rows' text
LEAD = 15.0  # the comment's lines: 5 pt apart
COMMENT = ["I och med årets medarbetarenkäter ser enheten en viss ökning av periodens utfall, och",
           "det är främst inom området motivation som ökningen syns tydligast i år."]
ROW = ["Sjukfrånvaro", "8 %", "9,5 %", "2023"]


def _line(page: Page, top: float, cells: list[str], bold: bool = False) -> None:
    for text, x in zip(cells, (NAME_X, *COLUMNS)):
        page.text(x, top, text, size=SIZE, bold=bold)


def test_comment_wider_than_the_header_is_a_row_of_the_table(tmp_path: Path) -> None:
    page = Page()
    _line(page, 100, HEADER, bold=True)
    page.text(NAME_X, 100 + PITCH, "Medskapandeindex", size=SIZE)
    top = 100 + 2 * PITCH
    page.text(NAME_X, top, "Analys", size=SIZE, bold=True)
    for n, text in enumerate(COMMENT, start=1):
        page.text(NAME_X, top + n * LEAD, text, size=SIZE)
    _line(page, top + 2 * LEAD + PITCH, ROW)
    tables = [b for b in read_pdf(write_pdf(tmp_path / "comment_wider_than_header.pdf", [page])).blocks
              if isinstance(b, Table)]
    assert len(tables) == 1
    rows = tables[0].rows
    assert [rows[0].cells, rows[1].cells, rows[-1].cells] == [HEADER, ["Medskapandeindex", "", "", ""], ROW]
    assert len(rows) == 4 and rows[2].spanning and COMMENT[1] in rows[2].cells[0]
