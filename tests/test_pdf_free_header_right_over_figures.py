"""A line-free table whose header is bottom-aligned over three lines (a browser's print of an
HTML table, figures right-aligned): a header cell wrapped over all three lines ("Periodens /
utfall VB / 2012") stands left of a header right-aligned over its figures ("Årsmål" over
"0 %"), which reaches further left into the gutter than the figures do. The columns part in the
middle of the space all the lines leave free, so the label stays over its own column."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

SIZE = 8.0  # Helvetica-Bold at 8 pt is about as wide as the browser's bold at 10


def test_a_header_right_aligned_over_its_figures_stays_over_its_column(tmp_path: Path) -> None:
    page = Page()
    page.text(370.3, 100, "Periodens", SIZE, bold=True)
    page.text(320.8, 110.5, "Periodens", SIZE, bold=True)
    page.text(370.3, 110.5, "utfall VB", SIZE, bold=True)
    page.text(454.9, 110.5, "KF:s", SIZE, bold=True)
    page.text(72.0, 121, "Indikator", SIZE, bold=True)
    page.text(320.8, 121, "utfall", SIZE, bold=True)
    page.text(370.3, 121, "2012", SIZE, bold=True)
    page.text(419.8, 121, "Årsmål", SIZE, bold=True)  # right-aligned on 446.9
    page.text(454.9, 121, "årsmål", SIZE, bold=True)
    page.text(72.0, 137, "Andelen försökslägenheter som övergått", SIZE)
    page.right(446.9, 137, "0 %", SIZE)
    page.text(454.9, 137, "-", SIZE)
    page.text(72.0, 147.5, "till eget kontrakt i nämnden", SIZE)
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "header_right_over_figures.pdf", [page])).blocks
               if isinstance(b, Table)]
    assert [" ".join(cell.split()) for cell in table.rows[0].cells] == [
        "Indikator", "Periodens utfall", "Periodens utfall VB 2012", "Årsmål", "KF:s årsmål"]
    assert table.rows[1].cells[1:] == ["", "", "0 %", "-"]
