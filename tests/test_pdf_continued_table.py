"""A ruled budget table broken over a page break, with a two-level header ("2017" over Budget and
Utfall) of which the second page repeats the first row, both or none, and its unit said only in the
sentence after the table: one table, its rows in order, the unit for every row."""
from __future__ import annotations

from pathlib import Path

import pytest

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from pipeline.recognise.structure import recognise
from test_pdf_maker import Page, write_pdf

XS = [72.0, 200.0, 260.0, 320.0, 380.0, 440.0]
HEIGHT = 16.0
FIRST = [["Intäkter", "-50,6", "-33,6", "-51,0", "-32,3"], ["Hyror", "-24,2", "-29,9", "-48,0", "-36,2"]]
SECOND = [["Personal", "696,0", "456,3", "689,4", "448,3"], ["Netto", "1 219,9", "714,1", "1 194,6", "741,4"]]


def _grid(page: Page, top: float, header: list[list[str]], body: list[list[str]]) -> None:
    """A fully ruled table from `top`: the years' cells span two columns each."""
    rows = len(header) + len(body)
    for k in range(rows + 1):
        page.line(XS[0], top + k * HEIGHT, XS[-1], top + k * HEIGHT)
    for k, x in enumerate(XS):
        # Under the years' row the line between Budget and Utfall goes on; above it only the years' edges.
        start = top + HEIGHT if k in (2, 4) and header else top
        page.line(x, start, x, top + rows * HEIGHT)
    for n, row in enumerate(header):
        for x, text in zip(XS, row):
            if text:
                page.text(x + 4, top + n * HEIGHT + 4, text, bold=True)
    for n, row in enumerate(body):
        y = top + (len(header) + n) * HEIGHT + 4
        page.text(XS[0] + 4, y, row[0])
        for x, text in zip(XS[2:], row[1:]):
            if text:
                page.right(x - 4, y, text)


def _pdf(tmp_path: Path, repeated: int = 1) -> Path:
    years = ["Mnkr", "2017", "", "2018", ""]
    columns = ["", "Budget", "Utfall", "Budget", "Utfall"]
    first, second = Page(), Page()
    first.text(72, 700, "Utfall per kostnadsgruppering", size=11, bold=True)
    _grid(first, 730, [years, columns], FIRST)  # ends at the foot of the page
    _grid(second, 60, [years, columns][:repeated], SECOND)
    second.text(72, 140, "Nämndens utfall till och med augusti är 741,4 mnkr.")
    return write_pdf(tmp_path / "continued.pdf", [first, second])


@pytest.mark.parametrize("repeated", [0, 1, 2])
def test_table_broken_over_a_page_with_its_header_repeated_in_part_or_not_is_one_table(
        tmp_path: Path, repeated: int) -> None:
    blocks = read_pdf(_pdf(tmp_path, repeated)).blocks
    [table] = [b for b in blocks if isinstance(b, Table)]
    assert [row.cells[0] for row in table.rows] == ["Mnkr", "", "Intäkter", "Hyror", "Personal", "Netto"]
    assert [row.place.page for row in table.rows[2:]] == [1, 1, 2, 2]
    assert any(isinstance(b, Paragraph) and "741,4 mnkr" in b.text for b in blocks)


def test_unit_after_a_continued_table_applies_to_its_rows_before_the_break(tmp_path: Path) -> None:
    rows = recognise(read_pdf(_pdf(tmp_path)), "doc").budget_rows
    found = {(r.row_label, r.column, r.value, r.unit) for r in rows}
    assert ("Intäkter", "2017 / Budget", -50.6, "mnkr") in found
    assert ("Netto", "2018 / Utfall", 741.4, "mnkr") in found
    assert len(rows) == 4 * (len(FIRST) + len(SECOND))
    assert {r.unit for r in rows} == {"mnkr"}


def test_label_cut_by_the_page_break_goes_on_in_lower_case_on_the_next_page(tmp_path: Path) -> None:
    # The row broke across the pages: its label's sentence ends on the next page, in a row of its
    # own with no figures, below the repeated header.
    years = ["Mnkr", "2017", "", "2018", ""]
    columns = ["", "Budget", "Utfall", "Budget", "Utfall"]
    first, second = Page(), Page()
    _grid(first, 730, [years, columns], [FIRST[0], ["Hyror och avgifter för", *FIRST[1][1:]]])
    _grid(second, 60, [years, columns], [["lokaler", "", "", "", ""], *SECOND])
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "cut_label.pdf", [first, second])).blocks
               if isinstance(b, Table)]
    assert [row.cells[0] for row in table.rows[2:]] == ["Intäkter", "Hyror och avgifter för lokaler",
                                                         "Personal", "Netto"]
