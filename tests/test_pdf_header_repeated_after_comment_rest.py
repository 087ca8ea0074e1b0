"""A line-free table whose header LibreOffice repeats twice on one PDF page: at the page's top
over the rest of a comment the page break cut, and again under it, where the document the PDF
was printed from broke its page, over the next rows. The text between, going on in lower
case, is a row across the table, and the rows under the second header are the same table's."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

SIZE = 10.0
XS = (64.0, 330.0, 400.0, 470.0)
HEADER = ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"]
REST = ["uppdaterats har sektionerna arbetat med större förändringar kopplat till flöde och process,",
        "vilket fortsätter under nästa år med stöd av förvaltningens utvecklingsenhet."]
ROWS = [["Enheten stärker arbetet inom spelberoende", "2023-01-20", "2024-12-31"],
        ["Enheten upptäcker individer som utsätts för våld", "2022-01-01", "2024-12-31"]]


def _page() -> Page:
    page = Page()
    for text, x in zip(HEADER, XS):
        page.text(x, 60, text, size=SIZE, bold=True)
    for n, text in enumerate(REST):
        page.text(XS[0], 100 + n * 15, text, size=SIZE)
    for text, x in zip(HEADER, XS):
        page.text(x, 190, text, size=SIZE, bold=True)
    for n, cells in enumerate(ROWS):
        for text, x in zip(cells, XS):
            page.text(x, 220 + 30 * n, text, size=SIZE)
    return page


def test_rest_of_a_comment_between_a_header_and_its_repeat_is_a_row_of_one_table(tmp_path: Path) -> None:
    blocks = read_pdf(write_pdf(tmp_path / "header_repeated_after_rest.pdf", [_page()])).blocks
    assert [[(row.header, row.spanning, row.cells) for row in b.rows] for b in blocks if isinstance(b, Table)] == [
        [(True, False, HEADER), (False, True, [" ".join(REST), "", "", ""]), (True, False, HEADER)]
        + [(False, False, cells + [""]) for cells in ROWS]]

