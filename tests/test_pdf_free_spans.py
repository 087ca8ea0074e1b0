"""Header cells that span columns in a table without lines: a year centred over the pair of
columns it names, and a header cell whose text runs on over the empty column beside it. The
span is the cell's (Row.spans), its text in its first column. Each case is one small PDF."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Span, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

NAME_X = 72.0
ENDS = [260.0, 320.0, 400.0, 460.0]  # right-aligned figure columns: two pairs
LEAD = 11.0
BODY = [["Taxor och avgifter", "-50,6", "-33,6", "-51,0", "-32,3"],
        ["Personalkostnader", "696,0", "456,3", "689,4", "448,3"],
        ["Lokalkostnader", "160,7", "129,7", "183,0", "134,1"]]


def _body(page: Page, top: float) -> None:
    for k, row in enumerate(BODY):
        page.text(NAME_X, top + k * LEAD, row[0])
        for text, x1 in zip(row[1:], ENDS):
            page.right(x1, top + k * LEAD, text)


def _tables(path: Path) -> list[Table]:
    return [b for b in read_pdf(path).blocks if isinstance(b, Table)]


def test_year_centred_over_its_pair_of_columns_spans_them(tmp_path: Path) -> None:
    page = Page()
    left_of = [x1 - text_width("Budget", 9) for x1 in ENDS]
    for year, (first, last) in (("2017", (0, 1)), ("2018", (2, 3))):
        middle = (left_of[first] + ENDS[last]) / 2
        page.text(middle - text_width(year, 9) / 2, 100, year, bold=True)
    page.text(NAME_X, 111, "Mnkr", bold=True)
    for text, x1 in zip(["Budget", "Utfall", "Budget", "Utfall"], ENDS):
        page.right(x1, 111, text, bold=True)
    _body(page, 125)
    [table] = _tables(write_pdf(tmp_path / "free_year_centred_over_pair.pdf", [page]))
    assert table.rows[0].cells == ["", "2017", "", "2018", ""]
    assert table.rows[0].spans == {1: Span(1, 2), 3: Span(1, 2)}
    assert table.rows[1].cells == ["Mnkr", "Budget", "Utfall", "Budget", "Utfall"] and not table.rows[1].spans
    assert [row.cells for row in table.rows[2:]] == BODY


def test_header_cell_left_aligned_in_its_own_column_spans_nothing(tmp_path: Path) -> None:
    # The first line of a wrapped header ("Periodens" over "utfall") stands in its own column:
    # the empty cell beside it is not its.
    page = Page()
    page.text(ENDS[0] - text_width("Periodens", 9), 100, "Periodens", bold=True)
    page.text(NAME_X, 111, "Mnkr", bold=True)
    for text, x1 in zip(["utfall", "Utfall", "Budget", "Utfall"], ENDS):
        page.right(x1, 111, text, bold=True)
    _body(page, 125)
    [table] = _tables(write_pdf(tmp_path / "free_header_own_column.pdf", [page]))
    assert not any(row.spans for row in table.rows)


def test_group_label_set_left_spans_its_whole_group_up_to_the_next_label(tmp_path: Path) -> None:
    # Left-aligned columns as LibreOffice sets a table without borders: "augusti 2017" starts
    # over Budget and reaches into Utfall only; Förbrukn, empty beside it up to the next label,
    # is still its group's.
    starts = [317.0, 352.0, 386.0, 428.0, 463.0, 497.0]
    page = Page()
    page.text(NAME_X, 100, "Riktvärde 66,7%", bold=True)
    for label, first in (("augusti 2017", 0), ("augusti 2018", 3)):
        page.text(starts[first], 100, label, bold=True)
    for text, x0 in zip(["Budget", "Utfall", "Förbrukn"] * 2, starts):
        page.text(x0, 116, text, bold=True)
    body = [["Taxor och avgifter", "-50,6", "-33,6", "66,4%", "-51,0", "-32,3", "63,4%"],
            ["Hyresintäkter", "-24,2", "-29,9", "123,6%", "-48,0", "-36,2", "75,3%"],
            ["Försäljning", "-10,1", "-7,6", "75,2%", "-12,0", "-6,0", "50,4%"]]
    for k, row in enumerate(body):
        page.text(NAME_X, 134 + k * 18, row[0])
        for text, x0 in zip(row[1:], starts):
            page.text(x0, 134 + k * 18, text)
    [table] = _tables(write_pdf(tmp_path / "free_group_label_left.pdf", [page]))
    assert table.rows[0].cells == ["Riktvärde 66,7%", "augusti 2017", "", "", "augusti 2018", "", ""]
    assert table.rows[0].spans == {1: Span(1, 3), 4: Span(1, 3)}
    assert [row.cells for row in table.rows[2:]] == body
