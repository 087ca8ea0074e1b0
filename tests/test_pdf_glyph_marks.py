"""Traffic lights typed as coloured glyphs, as a Word report printed to PDF keeps them: "●" in
green, "■" in red, Insert > Symbol's Wingdings circle in yellow (U+F06C in the PDF). The PDF
reader found symbols drawn as shapes only, so these goals had no assessment."""
from __future__ import annotations

from pathlib import Path

import pytest

import make_reports
from parsers import read
from parsers.doc import find_soffice
from pipeline.recognise.structure import recognise
from test_docx_glyph_symbols import ASSESSED, glyph_report

needs_soffice = pytest.mark.skipif(find_soffice() is None,
                                   reason="LibreOffice (soffice) is not on PATH: apt-get install libreoffice-writer-nogui")


@needs_soffice
def test_a_word_report_printed_to_pdf_keeps_its_glyph_assessments(tmp_path: Path) -> None:
    # Wingdings' letter is left out here: where the font is not installed LibreOffice prints the
    # letter itself, in another font, and so does the PDF.
    pdf = make_reports.to_pdf(glyph_report(tmp_path / "plan.docx", wingdings_letter=False))
    assert [(g.title, g.assessment) for g in recognise(read(pdf), "doc").goals] == ASSESSED
