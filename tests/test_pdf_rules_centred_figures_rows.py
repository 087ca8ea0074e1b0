"""Rows of a table ruled under its header and at its foot only, whose names wrap over two lines
with the figures set vertically centred beside them (pandoc's HTML printed by wkhtmltopdf): a
figure line overlaps both lines of its name, so that the gaps between lines are those between
rows only, each wider than a cell's leading. The name column shows that leading, and the rows
are told apart by it, not read as one cell of loosely spaced lines."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEFT, RIGHT = 68.0, 446.0
SIZE = 9.0
NAME_X, ENDS = 72.0, (330.0, 410.0)
HEADER = ["Verksamhetsområde", "Kostnader", "Intäkter"]
ROWS = [(["Entreprenader inom", "socialtjänstområdet"], "35,6", "0,0"),
        (["Stöd till utomstående", "organisationer"], "128,1", "-13,8"),
        (["Utomlänsplacerade", "funktionshindrade"], "76,0", "0,0")]


def test_rows_of_wrapped_names_beside_centred_figures_are_rows(tmp_path: Path) -> None:
    page = Page()
    page.line(LEFT, 95, RIGHT, 95)
    page.text(NAME_X, 100, HEADER[0], bold=True)
    for text, x1 in zip(HEADER[1:], ENDS):
        page.right(x1, 100, text, bold=True)
    page.line(LEFT, 113, RIGHT, 113)
    # Each name's lines 4 pt apart, its figures halfway down; rows 7.5 pt apart, less than the
    # padding at the rules (5 pt above the first line, 4 pt under the last) adds up to.
    y = 118.0
    for name, *figures in ROWS:
        page.text(NAME_X, y, name[0])
        page.text(NAME_X, y + SIZE + 4, name[1])
        for text, x1 in zip(figures, ENDS):
            page.right(x1, y + (SIZE + 4) / 2, text)
        y += 2 * SIZE + 4 + 7.5
    page.line(LEFT, y - 7.5 + 4, RIGHT, y - 7.5 + 4)
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "rules_centred_figures.pdf", [page])).blocks
               if isinstance(b, Table)]
    assert [row.cells for row in table.rows] == [HEADER, *([" ".join(name), *figures] for name, *figures in ROWS)]
