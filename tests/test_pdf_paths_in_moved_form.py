"""A page printed scaled to fit another sheet, or placed on one (n-up, imposition), draws its
content in a form XObject moved by the form's matrix. pdfium gives a path in a form its bounds
and points in the form's own space: read so, the rulings missed the text they bound (the gold
fixtures printed on Letter at 94 % of the fit scored 0.634, against 0.996 as printed). Each path
is placed by the matrices of the forms around it, as its text is."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Span, Table
from parsers.pdf import read_pdf
from test_pdf_maker import as_forms, write_pdf
from test_pdf_tables_grid_spans import grid_page


def test_grid_of_a_page_printed_scaled_in_a_form_keeps_its_cells_and_spans(tmp_path: Path) -> None:
    page = write_pdf(tmp_path / "page.pdf", [grid_page()])
    [printed] = [b for b in read_pdf(page).blocks if isinstance(b, Table)]
    [fitted] = [b for b in read_pdf(as_forms(page, tmp_path / "fitted.pdf", 0.85)).blocks
                if isinstance(b, Table)]
    assert [row.cells for row in fitted.rows] == [row.cells for row in printed.rows]
    assert fitted.rows[0].spans == {0: Span(2, 1), 1: Span(1, 2), 3: Span(1, 2)}
