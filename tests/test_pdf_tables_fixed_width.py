"""A table set in a fixed-width font, as a typewriter or a plain-text export sets it: columns of
figures one space apart are columns all the same, since every row leaves the same strip open
with figures on both sides; a number with a space as thousands separator stays one number."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

ROWS = [["0.99", "800", "880", "960", "1,040"], ["0.95", "160", "176", "192", "208"],
        ["0.90", "80", "88", "96", "104"], ["0.85", "53", "59", "64", "69"]]


def test_figure_columns_one_space_apart_are_columns(tmp_path: Path) -> None:
    page = Page()
    page.text(72, 100, "Proportion     Design effect", mono=True, size=12)
    for n, row in enumerate(ROWS):
        # Right-aligned in 6-character columns after a 12-character label column.
        line = row[0].ljust(12) + "".join(cell.rjust(6) for cell in row[1:])
        page.text(72, 114 + 13 * n, line, mono=True, size=12)
    doc = read_pdf(write_pdf(tmp_path / "case.pdf", [page]))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert [row.cells for row in table.rows][-4:] == ROWS


def test_thousands_separated_by_a_space_stay_one_figure(tmp_path: Path) -> None:
    page = Page()
    for n, (name, figure, target) in enumerate((("Antal platser", "1 600 st", "1 400 st"),
                                                ("Antal besök", "2 350 st", "2 000 st"),
                                                ("Antal ärenden", "5 120 st", "4 800 st"))):
        page.text(72, 100 + 12 * n, name)
        page.right(300, 100 + 12 * n, figure)
        page.right(380, 100 + 12 * n, target)
    doc = read_pdf(write_pdf(tmp_path / "case.pdf", [page]))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert [row.cells for row in table.rows][0] == ["Antal platser", "1 600 st", "1 400 st"]
