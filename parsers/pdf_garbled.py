"""A text layer that is not the text printed on the page.

A PDF's fonts may carry no map from their codes to characters: a report printed through a
PostScript driver and distilled again keeps the glyphs' shapes and loses what they are, and
every reader of its text layer (ours, pdftotext, a copy and paste) gets punctuation soup in the
place of words. Such a file reads as a scan does, by OCR of its pages, and says so in a warning;
read as text it would give a dataset of garbage with nothing in `problems` to tell why.
"""
from __future__ import annotations

from collections.abc import Iterable

import regex

from parsers.pdf_model import Line, PdfSettings

_NOT_LETTER_OR_DIGIT = regex.compile(r"[^\p{L}\p{N}]+")
# A table of contents' dot leaders (one word or spaced), a line of underscores: signs repeated
# in any text layer, which do not tell text from soup.
_LEADERS = regex.compile(r"([^\p{L}\p{N}])\1{2,}")


class GarbledText(Exception):
    """The text layer's letters and digits are too few a share of its characters to be text."""

    def __init__(self, share: float) -> None:
        super().__init__(f"{share:.0%} of the text layer's characters are letters or digits")
        self.share = share


def check_text_layer(lines: Iterable[Line], settings: PdfSettings) -> None:
    """Raise GarbledText when the document's first characters are mostly neither letters nor digits.

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
        raise GarbledText(share)
