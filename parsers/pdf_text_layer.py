"""Text layers that are not to be read as the page's text; the file is then read by OCR.

- A layer that is not the text printed: a PDF's fonts may carry no map from their codes to
  characters. A report printed through a PostScript driver and distilled again keeps the glyphs'
  shapes and loses what they are, and every reader of its text layer (ours, pdftotext, a copy and
  paste) gets punctuation soup in the place of words.
- A scan under an invisible OCR layer (a "searchable" scan, as scanners, ocrmypdf and Acrobat make
  them): the text is right, or nearly, but the tables' rulings are in the page image, where the
  text reader does not look, so the tables fall apart. The OCR reader finds the rulings.
Either way the run says so in a warning; read as text, the file would give a poor dataset with
nothing in `problems` to tell why.
"""
from __future__ import annotations

from collections.abc import Iterable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex

from parsers.pdf_model import Line, PdfSettings

_NOT_LETTER_OR_DIGIT = regex.compile(r"[^\p{L}\p{N}]+")
# A table of contents' dot leaders (one word or spaced), a line of underscores: signs repeated
# in any text layer, which do not tell text from soup.
_LEADERS = regex.compile(r"([^\p{L}\p{N}])\1{2,}")


class TextLayerSkipped(Exception):
    """The text layer is not to be read; `code` and the message say why, for `problems`."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code


def check_text_layer(lines: Iterable[Line], settings: PdfSettings) -> None:
    """Raise TextLayerSkipped when the document's first characters are mostly neither letters
    nor digits.

    The share is taken over the whole document's start, not per page: a table of contents'
    dot leaders or a page of signs alone may fall low, a whole document of text does not."""
    sample: list[str] = []
    size = 0
    for line in lines:
        for word in line.words:
            sample.append(word.text)
            size += len(word.text)
        if size >= settings.text_sample:
            break
    if size < settings.min_text_sample:
        return
    text = _LEADERS.sub("", "".join(sample))
    if not text:
        return
    share = len(_NOT_LETTER_OR_DIGIT.sub("", text)) / len(text)
    if share < settings.min_text_share:
        raise TextLayerSkipped("garbled_text_layer",
                               f"the PDF's text layer is not the text printed ({share:.0%} of its characters "
                               f"are letters or digits: its fonts map their glyphs to no characters)")


def check_scan_layer(document: pdfium.PdfDocument, index: int, settings: PdfSettings) -> None:
    """Raise TextLayerSkipped when page `index` (the first with text) is an image of the page
    under text that is not drawn.

    One page decides: a searchable scan is made so page by page, and a born-digital report's
    first page of text is no image under invisible text."""
    page = document[index]
    try:
        area = page.get_width() * page.get_height()
        invisible, drawn, covered = _layers(page, area, settings)
    except pdfium.PdfiumError:
        return  # an object pdfium cannot measure: the page is not judged, and reads as text
    finally:
        page.close()
    if covered and invisible >= settings.scan_invisible_share * (invisible + drawn) > 0:
        raise TextLayerSkipped("scan_text_layer",
                               f"the PDF is a scan under an invisible OCR text layer (page {index + 1}: an image "
                               f"covers the page, and its text is not drawn), whose tables are ruled only in the "
                               f"images")


def _layers(page: pdfium.PdfPage, area: float, settings: PdfSettings) -> tuple[int, int, bool]:
    """The page's text objects not drawn and drawn, and whether an image covers it."""
    invisible = drawn = 0
    covered = False
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_IMAGE), max_depth=3):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            left, bottom, right, top = obj.get_bounds()
            covered = covered or (right - left) * (top - bottom) >= settings.scan_image_share * area
        elif pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE:
            invisible += 1
        else:
            drawn += 1
    return invisible, drawn, covered
