"""Traffic lights on a colour scan: a green or red dot in a ruled table's assessment column, a
yellow shaded assessment cell and a red square before a goal's heading are read as the symbols
a PDF's drawn shapes give (the grey page OCR reads shows them only as grey blots). A header row
shaded yellow all across is no symbol, and a grey scan of the same page gives none. (The fills
are light, as the grey reading's rule finder needs: a dark fill reads as ink there.)"""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from parsers.blocks import Paragraph, Table
from parsers.ocr import read_scanned_pdf
from parsers.symbols import coloured_pixels, colour_name
from scan_recipe import plain_scan
from test_pdf_maker import Page, circle, ruled_table, write_pdf

GREEN = (0.2, 0.7, 0.3)
YELLOW = (1.0, 0.9, 0.3)
RED = (0.85, 0.1, 0.1)
BLACK = "0 0 0 rg"

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None or shutil.which("pdftoppm") is None,
                                reason="needs Tesseract and pdftoppm")


def _page() -> Page:
    page = Page()
    page.rect(72, 101, 81, 110, RED)
    page.ops.append(BLACK)
    page.text(88, 100, "Nämndmål: Stockholm är en trygg stad", size=11, bold=True)
    page.text(72, 125, "Nämnden bedömer att målet uppfylls delvis under perioden.", size=10)
    columns, top, height = [72.0, 300.0, 400.0, 500.0], 160.0, 22.0
    rows = [("Indikator", "Utfall", "Bedömning"), ("Andel nöjda brukare", "92 %", GREEN),
            ("Andel avslutade ärenden", "71 %", RED), ("Antal besök per vecka", "14 st", "yellow")]
    page.rect(columns[0], top, columns[-1], top + height, YELLOW)  # the header row's shading
    for n, (_, _, assessment) in enumerate(rows):
        y = top + n * height
        if assessment == "yellow":
            page.rect(columns[2], y, columns[3], y + height, YELLOW)
        elif isinstance(assessment, tuple):
            circle(page, columns[2] + 50, y + height / 2, 5, assessment)
    ruled_table(page, [(name, figure, assessment if n == 0 else "") for n, (name, figure, assessment) in enumerate(rows)],
                columns, top, height, size=10)
    return page


def test_symbols_on_a_colour_scan(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "page.pdf", [_page()])
    doc = read_scanned_pdf(plain_scan(pdf, tmp_path / "scan.pdf", grey=False))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert [row.symbols for row in table.rows] == [{}, {2: "green circle"}, {2: "red circle"}, {2: "yellow shading"}]
    assert [row.cells[2] for row in table.rows[1:]] == ["", "", ""]  # the dots were read as "00"
    heading = next(b for b in doc.blocks if isinstance(b, Paragraph) and "trygg stad" in b.text)
    assert heading.symbol == "red square"
    assert heading.text == "Nämndmål: Stockholm är en trygg stad"  # the square was read as "HH"
    assert all(b.symbol is None for b in doc.blocks if isinstance(b, Paragraph) and b is not heading)


def test_a_grey_scan_of_the_same_page_has_no_symbols(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "page.pdf", [_page()])
    doc = read_scanned_pdf(plain_scan(pdf, tmp_path / "scan.pdf", grey=True))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(table.rows) == 4 and all(row.symbols == {} for row in table.rows)
    assert all(b.symbol is None for b in doc.blocks if isinstance(b, Paragraph))


def test_coloured_pixels_are_the_ones_colour_name_names() -> None:
    pixels = np.random.default_rng(0).integers(0, 256, (20_000, 3), dtype=np.uint8)
    assert coloured_pixels(pixels).tolist() == [colour_name(*map(int, rgb)) is not None for rgb in pixels]
