"""A fully ruled table whose borders are thin filled rectangles (as Word exports them), with a
two-level header: "Belopp i mnkr" spans both header rows, each year spans two columns. The
labels stay over their own columns and the merged cells say what they span."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Span, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

BLACK = (0.0, 0.0, 0.0)
XS = [72.0, 180.0, 240.0, 300.0, 360.0, 420.0]
YS = [100.0, 116.0, 132.0, 148.0, 164.0]


def _border(page: Page, x0: float, top: float, x1: float, bottom: float) -> None:
    page.rect(x0 - 0.25, top - 0.25, x1 + 0.25, bottom + 0.25, BLACK)


def grid_page() -> Page:
    page = Page()
    for y in (YS[0], YS[2], YS[3], YS[4]):
        _border(page, XS[0], y, XS[-1], y)
    _border(page, XS[1], YS[1], XS[-1], YS[1])  # under the years only: the first cell spans two rows
    for k, x in enumerate(XS):
        top = YS[1] if k in (2, 4) else YS[0]  # the years' cells span two columns
        _border(page, x, top, x, YS[-1])
    page.text(76, 118, "Belopp i mnkr", bold=True)
    page.text(184, 103, "2013", bold=True)
    page.text(304, 103, "2014", bold=True)
    for x, text in zip(XS[1:], ("Budget", "Utfall", "Budget", "Utfall")):
        page.text(x + 4, 119, text, bold=True)
    for y, row in ((135, ["Intäkter", "12,5", "13,1", "14,0", "13,8"]), (151, ["Kostnader", "-40,2", "-41,0",
                                                                                   "-42,3", "-43,9"])):
        page.text(76, y, row[0])
        for x, text in zip(XS[2:], row[1:]):
            page.right(x - 4, y, text)
    return page


def _grid(tmp_path: Path) -> Table:
    doc = read_pdf(write_pdf(tmp_path / "case.pdf", [grid_page()]))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    return table


def test_labels_stay_over_their_columns(tmp_path: Path) -> None:
    table = _grid(tmp_path)
    cells = [row.cells for row in table.rows]
    assert cells[-2:] == [["Intäkter", "12,5", "13,1", "14,0", "13,8"], ["Kostnader", "-40,2", "-41,0", "-42,3",
                                                                        "-43,9"]]
    assert cells[:2] == [["Belopp i mnkr", "2013", "", "2014", ""], ["", "Budget", "Utfall", "Budget", "Utfall"]]


def test_merged_cells_say_what_they_span(tmp_path: Path) -> None:
    first = _grid(tmp_path).rows[0]
    assert first.spans == {0: Span(2, 1), 1: Span(1, 2), 3: Span(1, 2)}
