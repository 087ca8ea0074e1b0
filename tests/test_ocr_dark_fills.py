"""Scanned tables whose header row is a dark fill: white text on dark blue, black text on mid
grey. The fill was one thick rule to the grid finder and all ink to the cells' binarisation: the
header row was lost and its labels came back as junk in the first body row ("rr Andel nöjda
brukare", "RAA 92 %"). A dark red assessment cell on a colour scan is still its row's symbol."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from parsers.blocks import Table
from parsers.ocr import read_scanned_pdf
from scan_recipe import plain_scan
from test_pdf_maker import Page, ruled_table, write_pdf

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None or shutil.which("pdftoppm") is None,
                                reason="needs Tesseract and pdftoppm")

ROWS = [("Indikator", "Utfall", "Årsmål"), ("Andel nöjda brukare", "92 %", "90 %"),
        ("Andel avslutade ärenden", "71 %", "80 %"), ("Antal besök per vecka", "14 st", "12 st")]
COLUMNS, TOP, HEIGHT = [72.0, 300.0, 400.0, 500.0], 140.0, 22.0


def _page(fill: tuple[float, float, float], header_text: str, cell: tuple[float, float, float] | None) -> Page:
    page = Page()
    page.text(72, 100, "Uppföljning av indikatorer", size=12, bold=True)
    page.rect(COLUMNS[0], TOP, COLUMNS[-1], TOP + HEIGHT, fill)
    if cell is not None:  # the last row's target cell shaded
        page.rect(COLUMNS[2], TOP + 3 * HEIGHT, COLUMNS[3], TOP + 4 * HEIGHT, cell)
    ruled_table(page, ROWS, COLUMNS, TOP, HEIGHT, size=10, header_ink=header_text)
    return page


@pytest.mark.parametrize(("fill", "text"), [((0.2, 0.35, 0.75), "1 1 1 rg"), ((0.6, 0.6, 0.6), "0 0 0 rg")],
                         ids=["white-on-dark-blue", "black-on-mid-grey"])
def test_a_header_row_on_a_dark_fill_is_read(tmp_path: Path, fill: tuple[float, float, float], text: str) -> None:
    pdf = write_pdf(tmp_path / "page.pdf", [_page(fill, text, None)])
    doc = read_scanned_pdf(plain_scan(pdf, tmp_path / "scan.pdf", grey=True))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert [tuple(row.cells) for row in table.rows] == ROWS


def test_a_dark_red_cell_on_a_colour_scan_is_its_rows_symbol(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "page.pdf", [_page((0.2, 0.35, 0.75), "1 1 1 rg", (0.8, 0.1, 0.1))])
    doc = read_scanned_pdf(plain_scan(pdf, tmp_path / "scan.pdf", grey=False))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert [tuple(row.cells) for row in table.rows] == ROWS
    assert [row.symbols for row in table.rows] == [{}, {}, {}, {2: "red shading"}]
