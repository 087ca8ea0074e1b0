"""A table of row rules continued on the next page, where the producer repeats the header's bold
level and leaves the row of column labels under it empty: nothing between two rules a row's
height apart, under a header, is an empty row of the table, not the margin between two
tables, so the part after the break goes on from the part before it."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEFT, RIGHT = 68.0, 446.0
SIZE, PAD = 9.0, 3.0
ROW = 2 * PAD + SIZE
ENDS = [300.0, 360.0]
GROUP = [(72.0, "Mnkr"), (250.0, "2017")]
LABELS = [(250.0, "Budget"), (320.0, "Utfall")]
BODY = [["Taxor och avgifter", "-50,6", "-33,6"], ["Hyresintäkter", "-24,2", "-29,9"],
        ["Försäljning", "-284,9", "-214,3"], ["Personalkostnader", "696,0", "456,3"],
        ["Lokalkostnader", "160,7", "129,7"], ["Netto", "1 219,9", "714,1"]]


def _page(y: float, labels: list[tuple[float, str]], rows: list[list[str]]) -> Page:
    page = Page()
    page.line(LEFT, y, RIGHT, y)
    for band in (GROUP, labels):
        for x, text in band:
            page.text(x, y + PAD, text, bold=band is GROUP)
        y += ROW
        page.line(LEFT, y, RIGHT, y)
    for row in rows:
        page.text(72, y + PAD, row[0])
        for x1, text in zip(ENDS, row[1:]):
            page.right(x1, y + PAD, text)
        y += ROW
        page.line(LEFT, y, RIGHT, y)
    return page


def test_a_repeated_header_over_an_empty_label_row_continues_the_table(tmp_path: Path) -> None:
    pages = [_page(600.0, LABELS, BODY[:3]), _page(72.0, [], BODY[3:])]
    tables = [b for b in read_pdf(write_pdf(tmp_path / "rules_repeated_header.pdf", pages)).blocks
              if isinstance(b, Table)]
    assert [[row.cells for row in t.rows] for t in tables] == [
        [["Mnkr", "2017", ""], ["", "Budget", "Utfall"], *BODY]]


def test_a_header_ruled_as_a_table_of_its_own_right_over_a_table_is_no_empty_row_of_it(tmp_path: Path) -> None:
    # A browser's print: the header alone between two rules, and 7 pt under it, too little for
    # a line of text, the table with its own header.
    page = Page()
    header = [(72.0, "Indikator"), (250.0, "Utfall"), (330.0, "Årsmål")]
    page.line(LEFT, 100, RIGHT, 100)
    for x, text in header:
        page.text(x, 100 + PAD, text, bold=True)
    page.line(LEFT, 100 + ROW, RIGHT, 100 + ROW)
    y = 100 + ROW + 7
    page.line(LEFT, y, RIGHT, y)
    for x, text in header:
        page.text(x, y + PAD, text, bold=True)
    y += ROW
    page.line(LEFT, y, RIGHT, y)
    rows = [["Andel nöjda brukare", "45 %", "50 %"], ["Andel avslutade ärenden", "18 %", "20 %"]]
    for row in rows:
        page.text(72, y + PAD, row[0])
        for x1, text in zip([290.0, 370.0], row[1:]):
            page.right(x1, y + PAD, text)
        y += ROW
        page.line(LEFT, y, RIGHT, y)
    tables = [b for b in read_pdf(write_pdf(tmp_path / "rules_header_table_over_table.pdf", [page])).blocks
              if isinstance(b, Table)]
    assert [row.cells for row in tables[-1].rows] == [[text for _, text in header], *rows]


def test_the_rest_of_a_cut_comment_under_the_repeated_header_continues_the_table(tmp_path: Path) -> None:
    """After the page break the repeated header's bold level stands over the rest of a comment
    the break cut, set two lines below its rule (the blank line the comment went on with):
    that rest is a row of the table, not a paragraph between two tables."""
    second = Page()
    y = 72.0
    second.line(LEFT, y, RIGHT, y)
    for x, text in GROUP:
        second.text(x, y + PAD, text, bold=True)
    y += ROW
    second.line(LEFT, y, RIGHT, y)
    second.text(72, y + PAD + 2 * 11, "och förbättringsområden har tagits fram för nästa år.")
    y += 2 * PAD + 3 * 11
    second.line(LEFT, y, RIGHT, y)
    for row in BODY[3:]:
        second.text(72, y + PAD, row[0])
        for x1, text in zip(ENDS, row[1:]):
            second.right(x1, y + PAD, text)
        y += ROW
        second.line(LEFT, y, RIGHT, y)
    tables = [b for b in read_pdf(write_pdf(tmp_path / "rules_cut_comment.pdf",
                                            [_page(600.0, LABELS, BODY[:3]), second])).blocks
              if isinstance(b, Table)]
    assert len(tables) == 1
    assert [row.cells[0] for row in tables[0].rows][-4:] == [
        "och förbättringsområden har tagits fram för nästa år.", *[row[0] for row in BODY[3:]]]
