"""A zebra table's unshaded last row that the producer set further below the last band than
rows are apart (wkhtmltopdf pushes a row down before a page break): its cells start and end
where the row above's do, so it is the table's last row, not a table or paragraph of its own."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEFT, RIGHT, SIZE, PAD = 14.4, 579.7, 6.3, 2.4
SHADE = (0.91, 0.93, 0.96)
ENDS = [417.0, 487.0, 576.6]
ROWS = [["Barn och ungdom", "158,9", "-103,8", "55,0"], ["Funktionshindrade", "67,7", "-45,4", "22,3"],
        ["Jourverksamhet", "19,6", "0,0", "19,6"], ["Hemlösa och missbrukare", "517,6", "-311,4", "206,2"],
        ["Stadsövergripande frågor", "40,2", "-0,5", "39,7"], ["Utomlänsplacerade", "76,0", "0,0", "76,0"]]


def _row(page: Page, y: float, cells: list[str]) -> None:
    page.text(17.4, y + PAD, cells[0], size=SIZE)
    for x1, text in zip(ENDS, cells[1:]):
        page.right(x1, y + PAD, text, size=SIZE)


def test_an_unshaded_last_row_pushed_down_is_the_tables(tmp_path: Path) -> None:
    page = Page()
    page.text(14.4, 40, "Nämndens budget delas in i följande verksamhetsområden 2009. Alla belopp i mnkr.", size=7.5)
    for x, text in ((17.4, "Verksamhetsområde"), (380.0, "Kostnader"), (455.0, "Intäkter"), (550.0, "KF-anslag")):
        page.text(x, 60 + PAD, text, size=SIZE, bold=True)
    y = 60 + 2 * PAD + SIZE
    page.rect(LEFT, y, RIGHT, y + 1.0, (0.17, 0.31, 0.46))
    y += 1.0
    height = 2 * PAD + SIZE + 0.3
    for k, cells in enumerate(ROWS[:-1]):
        if k % 2 == 0:
            page.rect(LEFT, y, RIGHT, y + height, SHADE)
        _row(page, y, cells)
        y += height
    _row(page, y + 7.6, ROWS[-1])  # unshaded, pushed down
    page.text(14.4, y + 40, "Under 2009 kommer nämnden att följa det ekonomiska utfallet per verksamhetsområde.", size=7.5)
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "last_row_pushed_down.pdf", [page])).blocks
               if isinstance(b, Table)]
    assert [row.cells for row in table.rows][1:] == ROWS
