"""A searchable scan, page images under the invisible text layer an OCR engine adds (scanners,
ocrmypdf and Acrobat make them so), is read by OCR as a scan is, with a warning. Read from its
text layer its ruled tables fell apart, their rulings being only in the images: the 000
report's scan made searchable by Tesseract scored 0.516 against gold, where the scan scores 0.985.
Needs Tesseract with Swedish (CI installs it)."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from parsers.blocks import Table
from parsers.pdf import read_pdf
from paths import FIXTURES
from scan_recipe import ScanSettings, make_scan, rasterise


def _tesseract_pdf(folder: Path, name: str, *config: str) -> Path:
    """Page 42 of the 004 report scanned as the 000 fixture was, made a PDF by Tesseract."""
    scan = make_scan(FIXTURES / "004_522f212c0b3259a2.pdf", folder / "page42.scan.pdf", ScanSettings(seed=1),
                     first=42, last=42)
    image = folder / "page42.png"
    rasterise(scan, 200)[0].save(image, dpi=(200, 200))
    subprocess.run(["tesseract", str(image), str(folder / name), "-l", "swe", "--dpi", "200", *config, "pdf"],
                   check=True, capture_output=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    return folder / f"{name}.pdf"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("searchable")


def test_searchable_scan_is_read_by_ocr_with_a_warning(folder: Path) -> None:
    parsed = read_pdf(_tesseract_pdf(folder, "searchable"))
    assert parsed.ocr
    assert [p.code for p in parsed.problems] == ["scan_text_layer"]
    budget = [b for b in parsed.blocks if isinstance(b, Table)][-1]
    row = next(row for row in budget.rows if "Taxor och avgifter" in row.cells[0])
    assert row.cells[1:] == ["-50,6", "-33,6", "66,4%", "-51,0", "-32,3", "63,4%"]


def test_invisible_text_without_a_page_image_is_read_as_text(folder: Path) -> None:
    # The same text layer alone: nothing on the page for OCR to read, so its text is the page's.
    parsed = read_pdf(_tesseract_pdf(folder, "textonly", "-c", "textonly_pdf=1"))
    assert not parsed.ocr
    assert parsed.problems == []
    text = " ".join(" ".join(c for row in b.rows for c in row.cells) if isinstance(b, Table) else b.text
                    for b in parsed.blocks)
    assert "Taxor och avgifter" in text
