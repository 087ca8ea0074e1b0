"""A line-free table whose header stands a blank band above the rest of a comment that runs
across the table, and then its rows (LibreOffice repeats the header at a page's top over the
rest of a comment the break cut, an empty band away): a header is never a table of its own,
so the comment is a row across the table and the rows under it are the header's."""
from __future__ import annotations

from pathlib import Path

import pytest

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

SIZE = 10.0
XS = (64.0, 200.0, 260.0, 320.0, 380.0)
HEADER = ["Indikator", "Utfall", "Årsmål", "KF:s mål", "Period"]
PITCH = 32.0  # 10 pt text, 22 pt between the rows' text
LEAD = 15.0
COMMENT = ["I och med årets medarbetarenkäter ser enheten en viss ökning av periodens utfall, och",
           "det är främst inom området motivation som ökningen syns tydligast i år, se vidare."]
ROWS = [["Sjukfrånvaro", "8 %", "9,5 %", "9 %", "2023"], ["Sjukfrånvaro dag 1-14", "2,1 %", "3,5 %", "3 %", "2023"]]


def _line(page: Page, top: float, cells: list[str], bold: bool = False) -> None:
    for text, x in zip(cells, XS):
        page.text(x, top, text, size=SIZE, bold=bold)


@pytest.mark.parametrize("band", [70.0, 90.0])
def test_rows_under_a_comment_a_blank_band_below_the_header_are_the_headers(tmp_path: Path, band: float) -> None:
    page = Page()
    _line(page, 100, HEADER, bold=True)
    for n, text in enumerate(COMMENT):
        page.text(XS[0], 100 + band + n * LEAD, text, size=SIZE)
    top = 100 + band + LEAD + PITCH
    for n, cells in enumerate(ROWS):
        _line(page, top + n * PITCH, cells)
    page.text(XS[0], top + 3 * PITCH, "Nämndmål: Stadsdelsnämnden är en attraktiv arbetsgivare", size=SIZE, bold=True)
    blocks = read_pdf(write_pdf(tmp_path / "header_over_band.pdf", [page])).blocks
    [table] = [b for b in blocks if isinstance(b, Table)]
    assert [(row.header, row.spanning, row.cells) for row in table.rows] == [
        (True, False, HEADER), (False, True, [" ".join(COMMENT), "", "", "", ""]),
        (False, False, ROWS[0]), (False, False, ROWS[1])]
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [
        "Nämndmål: Stadsdelsnämnden är en attraktiv arbetsgivare"]
