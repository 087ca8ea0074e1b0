"""Text laid out in columns by spaces, a page a form feed: what `pdftotext -layout` and converters
like it leave of a PDF. Its tables have no tabs to split at: a cell's text and the next may be a
single space apart, wrapped cells go on on the lines below, and header cells are stacked over
several lines. They are what the PDF reader's line-free tables are, with a character's column
for its position, so the text is read as monospace pages by the PDF reader's page assembly, and
its blocks are given back their lines in the file (read as plain lines, the ruled fixtures'
`pdftotext -layout` text gave no indicator, activity or budget row: gold 0.414).
"""
from __future__ import annotations

from collections.abc import Callable

import regex

from parsers.blocks import Block, Paragraph, Place, Table
from parsers.pdf_model import PageContent, Word

# A column gutter: three spaces or more between two words of a line.
_GUTTER = regex.compile(r"\S {3,}\S")
_WORD = regex.compile(r"\S+")
# The monospace page: a size, a character's advance and a line's pitch, in points. A character
# is 0.3 of the size wide, so one space is a word space and three (the gutter `laid_out` asks
# for) the reader's column gap (0.9 sizes), where two, as a justified line stretches its
# spaces, stay below it. Lines are 1.3 sizes apart, so that a blank line (a gap of 1.6 sizes)
# ends a closely set stretch as a paragraph's space does in a PDF (the reader's stretches go on
# over gaps of up to 1.5 line heights), yet stays within a padded table's row spacing: at 1.2
# (a gap of 1.4) the paragraphs a blank line sets apart ran on into the table under them, and
# a goal's heading and description became its first rows.
_SIZE, _ADVANCE, _PITCH, _MARGIN = 10.0, 3.0, 13.0, 36.0
# Lines with a gutter, of a text's lines with words, from which it is laid out in columns.
_LAID_OUT_SHARE = 0.05
_MIN_LINES = 20


def laid_out(text: str) -> bool:
    """Pages apart at form feeds, no tabs, and columns set by spaces on some of the lines."""
    if "\f" not in text or "\t" in text:
        return False
    lines = [line for line in text.split("\n") if line.strip()]
    return len(lines) >= _MIN_LINES and sum(1 for line in lines if _GUTTER.search(line)) >= _LAID_OUT_SHARE * len(lines)


def read_laid_out(text: str) -> list[Block]:
    from parsers.pdf import read_words  # the PDF reader only for such text

    contents: list[PageContent] = []
    starts: list[int] = []  # the file's 0-based line index of each page's first line
    start = 0
    for number, page in enumerate(text.split("\f"), start=1):
        lines = page.split("\n")
        words = [Word(m.group(), _ADVANCE * m.start(), _ADVANCE * m.end(), _MARGIN + _PITCH * k,
                      _MARGIN + _PITCH * k + _SIZE, _SIZE, False)
                 for k, line in enumerate(lines) for m in _WORD.finditer(line.rstrip("\r"))]
        width = _ADVANCE * max((len(line) for line in lines), default=0) + 2 * _MARGIN
        contents.append(PageContent(number, width, _PITCH * len(lines) + 2 * _MARGIN, words, [], []))
        starts.append(start)
        start += len(lines) - 1  # the form feed ends the page's last line, which the next goes on
    return [in_source(block, lambda top, page: _line(top, page, starts)) for block in read_words(contents).blocks]


def _line(top: float, page: int | None, starts: list[int]) -> int:
    """The 1-based line in the file of a line whose top is `top` on the page."""
    return starts[(page or 1) - 1] + round((top - _MARGIN) / _PITCH) + 1


def in_source(block: Block, line_of: Callable[[float, int | None], int], keep_page: bool = False) -> Block:
    """The block placed by its line in the source, `line_of(top, page)`, as a text file's are,
    without boxes (they measure a page the reader laid out, not one the source shows); with its
    page where the source has pages."""
    if isinstance(block, Paragraph):
        page = block.place.page if keep_page else None
        line = line_of(block.box.y0, block.place.page) if block.box else None
        block.place, block.box = Place(page, line), None
        return block
    assert isinstance(block, Table)
    at: int | None = None
    for row in block.rows:
        tops = [box.y0 for box in row.boxes.values()]
        at = line_of(min(tops), row.place.page) if tops else at
        row.place, row.boxes = Place(row.place.page if keep_page else None, at), {}
    block.place = block.rows[0].place if block.rows else Place(block.place.page if keep_page else None, None)
    return block
