"""A comment set across a table ruled between its rows, under its row, cut by a page break: the next page
repeats the header and the comment's sentence goes on under it in lower case. The rest is the
comment's, one row across the table, not a comment of its own."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

SIZE = 10.0
XS = (64.0, 230.0, 290.0, 350.0, 420.0)
HEADER = ["Indikator", "Utfall", "Årsmål", "KF:s mål", "Period"]
PITCH = 32.0  # 10 pt text, 22 pt between the rows' text
LEAD = 15.0
COMMENT = ["Inför året infördes indikatorn för att mäta andelen individer som avslutas till orsaken",
           "okänt, och av enkäten framgår att den vanligaste orsaken är att personen"]
# The rules end where the comment's first, longest line does: the table is as wide as its text.
RIGHT = XS[0] + text_width(COMMENT[0], SIZE) + 4
REST = "inte går att nå; det kan även vara individer som inte svarar vid försök till kontakt."
ROWS = [["Andel avslutade enligt plan", "18 %", "50 %", "40 %", "2023"],
        ["Andel övertag av hyreskontrakt", "31 %", "25 %", "20 %", "2023"]]


def _line(page: Page, top: float, cells: list[str], bold: bool = False) -> None:
    for text, x in zip(cells, XS):
        page.text(x, top, text, size=SIZE, bold=bold)


def _rules(page: Page, *tops: float) -> None:
    for top in tops:
        page.line(XS[0] - 4, top, RIGHT, top)


def test_the_rest_of_a_comment_cut_by_the_page_break_goes_on_in_its_row(tmp_path: Path) -> None:
    first, second = Page(), Page()
    top = 842.0 - 72 - PITCH - 2 * LEAD - PITCH
    _line(first, top, HEADER, bold=True)
    _line(first, top + PITCH, ROWS[0])
    for n, text in enumerate(COMMENT):
        first.text(XS[0], top + 2 * PITCH + n * LEAD, text, size=SIZE)
    _rules(first, top - 6, top + PITCH - 6, top + 2 * PITCH - 6, top + 2 * PITCH + 2 * LEAD + 4)
    _rules(second, 54, 60 + PITCH - 6, 60 + PITCH + LEAD + 4, 60 + 2 * PITCH + LEAD)
    _line(second, 60, HEADER, bold=True)
    second.text(XS[0], 60 + PITCH, REST, size=SIZE)
    _line(second, 60 + 2 * PITCH, ROWS[1])
    tables = [b for b in read_pdf(write_pdf(tmp_path / "comment_across_pages.pdf", [first, second])).blocks
              if isinstance(b, Table)]
    rows = [row for table in tables for row in table.rows]
    assert [row.cells[0] for row in rows if row.spanning] == [" ".join([*COMMENT, REST])]
    assert [row.cells for row in rows if not row.spanning and row.cells[0] != HEADER[0]] == ROWS
