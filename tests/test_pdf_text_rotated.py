"""A landscape table printed turned on a portrait page (its text runs up the sheet): it is read
in its own direction, words whole and in order, rows top to bottom as the reader turns the page."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

ROWS = [["Topic", "Enquiries"], ["EU Institutions", "3,597"], ["Air passengers rights", "1,726"],
        ["Customs and taxation", "556"]]


def test_turned_table_is_read_in_its_direction(tmp_path: Path) -> None:
    page = Page()
    # Text at 90 degrees runs up the page; its lines stack from left to right. `top` is then the
    # distance from the page's bottom edge... of the turned line's start: place by hand.
    for n, (name, figure) in enumerate(ROWS):
        x = 100.0 + 14 * n  # each line 14 pt right of the one before
        page.ops.append(f"BT /F1 10 Tf 0 1 -1 0 {x:.1f} 100 Tm ({name}) Tj ET")
        page.ops.append(f"BT /F1 10 Tf 0 1 -1 0 {x:.1f} 300 Tm ({figure}) Tj ET")
    doc = read_pdf(write_pdf(tmp_path / "case.pdf", [page]))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert [row.cells for row in table.rows] == ROWS
