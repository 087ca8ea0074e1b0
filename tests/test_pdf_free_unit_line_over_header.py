"""A unit line in lower case ('tkr') set a row's padding above a line-free table's bold header at
a page's top is no rest of the row the page break cut: the table before keeps its last row's
name, and the unit stays the paragraph it is."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, figures_row, write_pdf

NAME_X = 72.0
ENDS = (330.0, 410.0, 490.0)
HEADER = ["Verksamhet", "Budget", "Utfall", "Avvikelse"]


def test_a_unit_over_the_next_pages_header_stays_off_the_cut_row(tmp_path: Path) -> None:
    first, second = Page(), Page()
    y = 700.0
    for cells in [HEADER, ["Förskola", "120 000", "118 500", "1 500"], ["Skola", "80 000", "82 000", "-2 000"]]:
        figures_row(first, y, cells, NAME_X, ENDS, cells is HEADER)
        y += 19.0
    second.text(NAME_X, 60.0, "tkr")
    y = 79.0
    for cells in [HEADER, ["Äldreomsorg", "80 000", "82 000", "-2 000"], ["Summa", "200 000", "200 500", "-500"]]:
        figures_row(second, y, cells, NAME_X, ENDS, cells is HEADER)
        y += 19.0
    blocks = read_pdf(write_pdf(tmp_path / "unit_over_header.pdf", [first, second])).blocks
    names = [row.cells[0] for block in blocks if isinstance(block, Table) for row in block.rows]
    assert "Skola" in names and "tkr" not in " ".join(names)
    assert "tkr" in [block.text for block in blocks if isinstance(block, Paragraph)]
