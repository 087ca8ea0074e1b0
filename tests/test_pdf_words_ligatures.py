"""Ligature glyphs mapped to their own code points by the font's ToUnicode map ("ﬂ" U+FB02,
"ﬁ" U+FB01, as some browsers' PDF output has them) read as their letters, whether the page
is read word by word or glyph by glyph, so that words match what the author wrote."""
from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium

from parsers.pdf_model import DEFAULT_SETTINGS
from parsers.pdf_page import read_page
from test_pdf_maker import Page, write_pdf

# Codes 0x80 and 0x82 of the first font (cp1252 "€" and "‚" in the text) are the ligatures.
_CMAP = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Ligatures def "
         b"1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <80> <FB02> <82> <FB01> "
         b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")


def _with_ligature_map(path: Path) -> Path:
    """An incremental update of the made PDF that gives its first font (object 3) the map."""
    data = path.read_bytes()
    size = int(re.search(rb"/Size (\d+)", data).group(1))  # type: ignore[union-attr]
    prev = int(re.search(rb"startxref\n(\d+)", data).group(1))  # type: ignore[union-attr]
    objects = {3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
                  b"/ToUnicode %d 0 R >>" % size,
               size: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(_CMAP), _CMAP)}
    out = bytearray(data)
    offsets = {}
    for number, body in objects.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n" + b"".join(b"%d 1\n%010d 00000 n \n" % (n, o) for n, o in sorted(offsets.items()))
    out += b"trailer\n<< /Size %d /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (size + 1, prev, xref)
    path.write_bytes(bytes(out))
    return path


def _words(tmp_path: Path, angle: float) -> list[str]:
    page = Page()
    page.text(72, 300, "kvinnor/\u20acickor och \u201anansiering", angle=angle)
    document = pdfium.PdfDocument(str(_with_ligature_map(write_pdf(tmp_path / "lig.pdf", [page]))))
    try:
        return [w.text for w in read_page(document, 0, DEFAULT_SETTINGS).words]
    finally:
        document.close()


def test_ligatures_read_as_letters(tmp_path: Path) -> None:
    assert _words(tmp_path, 0.0) == ["kvinnor/flickor", "och", "finansiering"]


def test_ligatures_read_as_letters_on_a_page_read_glyph_by_glyph(tmp_path: Path) -> None:
    # A page whose text runs up the sheet is read glyph by glyph, in its own direction.
    assert _words(tmp_path, 90.0) == ["kvinnor/flickor", "och", "finansiering"]
