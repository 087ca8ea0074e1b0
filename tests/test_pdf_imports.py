"""What reading a PDF loads. A PDF with a text layer is read, and its pages counted, without
anything of OCR (pytesseract, pandas, Pillow, numpy, the OCR modules): a run's workers count
the pages of every PDF and read most of them so. A scan needs no library beyond those the PDF
reader and `parsers.SCAN_LIBRARIES` map, so a worker that holds those may meet one under its
memory cap. Each is seen in a fresh Python, whose modules and mappings are the reader's alone;
and a run over PDFs reads a scan and a Word file named .pdf at the memory floor, whatever its
workers' fork server loaded before them."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium

from paths import FIXTURES, ROOT
from pipeline.run.options import MIN_MEMORY_MB
from runs import cli, rows_of, table
from scan_recipe import ScanSettings, make_scan

RULED_000 = FIXTURES / "000_05871d331dd0cb08.pdf"
_OCR_STACK = ("pytesseract", "pandas", "PIL", "numpy", "parsers.ocr", "parsers.ocr_engine",
              "parsers.ocr_image", "parsers.ocr_text")


def _fresh_python(code: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    out: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return out


def test_a_pdf_with_a_text_layer_is_read_and_counted_without_the_ocr_stack():
    out = _fresh_python(f"""
import json, sys
from pathlib import Path
import parsers
path = Path({str(RULED_000)!r})
document = parsers.read(path)
print(json.dumps({{"pages": parsers.page_count(path), "ocr": document.ocr, "blocks": len(document.blocks),
                  "loaded": [name for name in {_OCR_STACK!r} if name in sys.modules]}}))
""")
    pdf = pdfium.PdfDocument(RULED_000)
    assert out["pages"] == len(pdf)
    pdf.close()
    assert out["ocr"] is False and isinstance(out["blocks"], int) and out["blocks"] > 100
    assert out["loaded"] == []


def test_a_scan_maps_no_library_beyond_the_pdf_reader_and_the_scan_libraries(tmp_path: Path):
    scan = make_scan(RULED_000, tmp_path / "page6.scan.pdf", ScanSettings(seed=1), first=6, last=6)
    out = _fresh_python(f"""
import importlib, json
from pathlib import Path
import parsers, parsers.pdf
def mapped():
    with open("/proc/self/maps") as maps:
        return {{fields[-1] for fields in map(str.split, maps) if fields[-1].startswith("/")}}
for name in parsers.SCAN_LIBRARIES:
    importlib.import_module(name)
before = mapped()
document = parsers.read(Path({str(scan)!r}))
print(json.dumps({{"ocr": document.ocr, "cells": [c for b in document.blocks for r in getattr(b, "rows", []) for c in r.cells],
                  "new": sorted(mapped() - before)}}))
""")
    assert out["ocr"] is True
    assert "Indikator" in out["cells"]  # the page's indicator table was read from the image
    assert out["new"] == []


def test_a_pdf_input_reads_a_scan_and_a_word_file_named_pdf_at_the_memory_floor(tmp_path: Path):
    src, out = tmp_path / "raw", tmp_path / "out"
    src.mkdir()
    # One worker takes the files in the listing's order: it meets the scan before the Word file,
    # whose other kind makes it load every reader.
    shutil.copy(RULED_000, src / "a_ruled.pdf")
    make_scan(RULED_000, src / "b_scan.pdf", ScanSettings(seed=1), first=6, last=6)
    shutil.copy(next(FIXTURES.glob("001_*.docx")), src / "c_word.pdf")
    done = cli("run", "--input", src, "--output", out, "--jobs", 1, "--max-memory-mb", MIN_MEMORY_MB)
    assert done.returncode == 0, done.stderr
    assert list(table(out, "problems").code) == ["wrong_extension"]
    documents = table(out, "documents").set_index("source_path")
    assert list(documents.loc[["a_ruled.pdf", "b_scan.pdf", "c_word.pdf"], "ocr"]) == [False, True, False]
    cells = table(out, "table_cells")
    scan_cells = cells[cells.doc_id == documents.loc["b_scan.pdf", "doc_id"]]
    assert "Indikator" in set(scan_cells.text)
    assert all(rows_of(out, name)["table_cells"] > 0 for name in ("a_ruled.pdf", "c_word.pdf"))
