"""A line-free table set as tight as its cells, its row cut by a page break of the document it
was printed from, on one PDF page: the header repeated under the row's start has no body under
it to show its columns, so two labels 5 pt apart ("Utfall Mål") make one cell there, where the
row's figures parted them over the row. It is still the table's header, and the rest of the
cut row under it goes on the row."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

SIZE = 10.0
X = (64.0, 200.0, 230.0, 300.0, 360.0)  # bold "Utfall" (25 pt) ends 5 pt before "Mål"
HEADER = ["Indikator", "Utfall", "Mål", "KF", "Period"]
ROW = ["Andel som får stöd av", "4 %", "5 %", "", "2023"]
REST = "Vräkningsförebyggarna"
PITCH = 32.0  # 10 pt text, 22 pt between the rows' text


def _line(page: Page, top: float, cells: list[str], bold: bool = False) -> None:
    for text, x in zip(cells, X):
        if text:
            page.text(x, top, text, size=SIZE, bold=bold)


def test_header_repeated_with_its_labels_cut_otherwise_takes_the_rest(tmp_path: Path) -> None:
    page = Page()
    _line(page, 100, HEADER, bold=True)
    _line(page, 100 + PITCH, ROW)
    _line(page, 100 + 3 * PITCH, HEADER, bold=True)
    page.text(X[0], 100 + 4 * PITCH, REST, size=SIZE)
    page.text(X[0], 100 + 5.3 * PITCH, "Kommentar Insatsen har gett fler hushåll kvar i sin bostad i år.", size=SIZE)
    tables = [[row.cells for row in b.rows] for b in read_pdf(write_pdf(tmp_path / "header_recut.pdf", [page])).blocks
              if isinstance(b, Table)]
    assert tables == [[HEADER, [f"{ROW[0]} {REST}", *ROW[1:]]]]
