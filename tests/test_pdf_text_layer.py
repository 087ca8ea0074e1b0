"""A PDF whose text layer is not its text (fonts whose codes map to no letters, as a report
printed through a PostScript driver and distilled again has them) is read by OCR of its pages,
with a warning that says why, instead of as a dataset of punctuation with no problem reported."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

import parsers.pdf_text_layer as text_layer
from parsers.blocks import Paragraph
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

# Every code of the regular font taken for a box-drawing or block sign (U+2500 on): the page
# shows Helvetica's letters, its text layer none.
_SIGNS = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Signs def "
          b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <20> <FF> <2500> "
          b"endbfrange endcmap CMapName currentdict /CMap defineresource pop end end")

_LINES = ["Verksamhetsberättelse 2013", "Stadsdelsnämnden har under året arbetat med att",
          "utveckla verksamheten och stärka kvaliteten i omsorgen om de äldre.",
          "Nämnden bedömer att målet har uppfyllts helt under perioden."]


def _report(path: Path, to_unicode: bytes | None) -> Path:
    page = Page()
    for k, text in enumerate(_LINES):
        page.text(72, 100 + 24 * k, text, size=14)
    return write_pdf(path, [page], to_unicode=to_unicode)


def test_garbled_text_layer_is_read_by_ocr_with_a_warning(tmp_path: Path) -> None:
    parsed = read_pdf(_report(tmp_path / "garbled.pdf", _SIGNS))
    assert parsed.ocr
    assert [p.code for p in parsed.problems] == ["garbled_text_layer"]
    assert "read by OCR" in parsed.problems[0].message
    text = " ".join(b.text for b in parsed.blocks if isinstance(b, Paragraph))
    assert "Verksamhetsberättelse 2013" in text
    assert "uppfyllts helt" in text


def test_text_layer_of_letters_is_read_as_text(tmp_path: Path) -> None:
    parsed = read_pdf(_report(tmp_path / "plain.pdf", None))
    assert not parsed.ocr
    assert parsed.problems == []
    assert parsed.blocks[0].text == "Verksamhetsberättelse 2013"  # type: ignore[union-attr]


def test_page_pdfium_cannot_measure_is_not_judged_a_scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An object whose bounds pdfium cannot give leaves the page unjudged: read from its text,
    # not failed as a file.
    def unmeasurable(*args: object) -> None:
        raise pdfium.PdfiumError("Failed to get the bounds of an object")

    monkeypatch.setattr(text_layer, "_layers", unmeasurable)
    parsed = read_pdf(_report(tmp_path / "plain.pdf", None))
    assert not parsed.ocr and parsed.problems == []
    assert parsed.blocks[0].text == "Verksamhetsberättelse 2013"  # type: ignore[union-attr]
