"""A line-free table row whose cell in a later column wraps over several lines (a narrow
Target column: "Tas fram av nämnd/ styrelse" under "Tas"), as LibreOffice prints a row that a
comment and a page break cut off from its header: the wrapped lines are one cell, so they do
not make the row a longer table whose columns each need two lines to start in them."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEAD = 10.0  # 7.5 pt text on 10 pt lines


def test_cell_wrapped_in_a_later_column_keeps_the_rows_columns(tmp_path: Path) -> None:
    page = Page()
    # The page's text margin: a comment above the row.
    for n, text in enumerate(["Enhetens personalomsättning har minskat något, även om viss omsättning",
                              "fortsatt sker. Detta beror bland annat på medarbetarnas olika behov och",
                              "på att enheten aktivt arbetar med delaktigheten i verksamheten."]):
        page.text(72, 60 + n * LEAD, text, size=7.5)
    page.text(72, 100, "Sjukfrånvaro", size=7.5)
    for text, x in zip(["8 %", "3,6 %", "9,6 %", "7,9 %"], (280.0, 325.0, 358.0, 400.0)):
        page.text(x, 100, text, size=7.5)
    for n, text in enumerate(["Tas", "fram av", "nämnd/", "styrelse"]):
        page.text(440, 100 + n * LEAD, text, size=7.5)
    page.text(500, 100, "VB", size=7.5)
    page.text(500, 100 + LEAD, "2023", size=7.5)
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "wrapped_later_cell.pdf", [page])).blocks
               if isinstance(b, Table)]
    assert [row.cells for row in table.rows] == [
        ["Sjukfrånvaro", "8 %", "3,6 %", "9,6 %", "7,9 %", "Tas fram av nämnd/styrelse", "VB 2023"]]
