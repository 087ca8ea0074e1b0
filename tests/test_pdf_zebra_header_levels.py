"""Zebra tables as LibreOffice prints them, its rows padded unevenly (1 pt above the text, 11
below) and whatever stands between the first band and the header a little further: a budget
header of a bold level over groups and a plain level of column labels, and an activity table
whose unshaded first row keeps a few points more from the first band. The header and that row
are the table's, each a row of its own."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEFT, RIGHT = 68.0, 446.0
SIZE, ABOVE, BELOW, EXTRA = 9.0, 1.0, 11.0, 2.5
SHADE = (0.9, 0.92, 0.95)


def _tables(path: Path) -> list[Table]:
    return [b for b in read_pdf(path).blocks if isinstance(b, Table)]


def _rows(page: Page, y: float, rows: list[list[tuple[float, str]]], first_shaded: bool, figures: bool) -> None:
    """Rows of (x, text) cells, shaded every other one; with `figures` those set right, given
    by their end."""
    for k, cells in enumerate(rows):
        bottom = y + ABOVE + SIZE + BELOW
        if (k % 2 == 0) == first_shaded:
            page.rect(LEFT, y, RIGHT, bottom, SHADE)
        for x, text in cells:
            if figures and text[0] in "-0123456789":
                page.right(x, y + ABOVE, text)
            else:
                page.text(x, y + ABOVE, text)
        y = bottom


def test_a_budget_headers_plain_level_of_column_labels_a_little_further_off_is_the_tables(tmp_path: Path) -> None:
    page = Page()
    # The bold level over groups, the plain level of labels padded as a row of its own.
    for x, text in ((72.0, "Mnkr"), (250.0, "augusti 2017"), (350.0, "augusti 2018")):
        page.text(x, 100, text, bold=True)
    labels = [(250.0, "Budget"), (300.0, "Utfall"), (350.0, "Budget"), (400.0, "Utfall")]
    for x, text in labels:
        page.text(x, 100 + SIZE + BELOW + ABOVE, text)
    body = [["Taxor och avgifter", "-50,6", "-33,6", "-51,0", "-32,3"],
            ["Hyresintäkter", "-24,2", "-29,9", "-48,0", "-36,2"],
            ["Försäljning", "-284,9", "-214,3", "-396,1", "-199,5"],
            ["Summa intäkter", "-359,7", "-277,8", "-495,1", "-268,0"]]
    ends = [290.0, 335.0, 390.0, 435.0]
    _rows(page, 100 + 2 * (SIZE + BELOW) + ABOVE + EXTRA,
          [[(72.0, row[0]), *zip(ends, row[1:])] for row in body], first_shaded=True, figures=True)
    [table] = _tables(write_pdf(tmp_path / "zebra_budget_header_levels.pdf", [page]))
    assert [row.cells for row in table.rows] == [["Mnkr", "augusti 2017", "", "augusti 2018", ""],
                                                 ["", "Budget", "Utfall", "Budget", "Utfall"], *body]


def test_an_unshaded_first_row_a_little_further_from_the_first_band_is_a_row_under_the_header(
        tmp_path: Path) -> None:
    page = Page()
    header = ["Aktivitet", "Startdatum", "Slutdatum"]
    starts = [72.0, 300.0, 370.0]
    for x, text in zip(starts, header):
        page.text(x, 100, text, bold=True)
    rows = [["Se över verksamhetens flöden", "2023-01-10", "2024-12-31"],
            ["Utveckla samverkan", "2023-01-01", "2023-12-31"], ["Följa upp rutinerna", "2023-02-01", "2023-12-31"]]
    # The header keeps closer to the first row than rows keep from each other.
    y = 100 + SIZE + BELOW - 2
    for x, text in zip(starts, rows[0]):
        page.text(x, y + ABOVE, text)
    _rows(page, y + ABOVE + SIZE + BELOW + EXTRA, [list(zip(starts, row)) for row in rows[1:]], first_shaded=True,
          figures=False)
    [table] = _tables(write_pdf(tmp_path / "zebra_first_row_apart.pdf", [page]))
    assert [row.cells for row in table.rows] == [header, *rows]
