"""The format-neutral block model.

Every parser turns one file into a `ParsedDocument`: an ordered list of paragraphs and tables,
each carrying the place it came from. The structure recogniser reads only this model, so it
never knows whether a report was a PDF, a Word file or text.

Contract for parsers (tests/test_parsers_agree.py holds them to it):
- Text is free of markup (HTML tags, markdown `**`/`#`, Word fields). Marker glyphs
  (● ■ ◆ ✓ ♀ ...) are kept: the recogniser strips them where it needs to.
- Runs of whitespace are collapsed to one space and ends trimmed, except that a table cell may
  hold several paragraphs separated by "\\n".
- Empty and whitespace-only paragraphs are not emitted.
- Lines that were glued by a converter (`NÄMNDMÅL:**Title****ÅTAGANDE:**...`) are separate
  paragraphs, as a Word document shows them.
- A table has one `Row` per source row with one string per grid column. A cell merged across
  several grid columns gives its text at its first column and "" for the others; a row that is
  one cell across the full width has `spanning=True`.
- A cell that spans several rows or columns in the source says so in `Row.spans` (its first
  row and column hold the text; the positions it covers hold ""), so header structure survives.
- Paged readers give each paragraph and cell its box on the page (`Box`, PDF points from the
  page's top left, in the reader's frame: text upright), so a row can be shown where it was
  printed; other readers leave them None. Where the page as a viewer shows it differs (turned
  by /Rotate, cropped), `ParsedDocument.shown` says how (`PageView`).
- A coloured shape or icon standing for an assessment (a green circle, a red square) is a
  `symbol` description ("green circle") on the paragraph or cell, never invented text.
- Running page headers and footers ("Sida 3 (16)") are not emitted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True, slots=True)
class Place:
    """Where a block came from: `page` for paged sources (1-based), `line` for text sources
    (1-based line of the file) or, for Word, the 1-based ordinal of the paragraph or table row
    in the body."""

    page: int | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on a page in PDF points, origin at the top left (y grows downwards)."""

    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True, slots=True)
class PageView:
    """Where a paged reader's boxes lie on the page as a viewer shows it, for a page where the
    two differ. The reader measures a page in the space its content is drawn in, from the top of
    its visible box, turned so that its text runs upright (`degrees`: 90 for text running up
    the sheet); a viewer shows the visible box alone (the crop box, `left` ... `top` in user
    space), turned clockwise by the page's /Rotate (`rotation`). The dataset gives boxes as
    shown, so that a row is found where a viewer, or a rendering of the page, puts it."""

    degrees: int
    rotation: int
    left: float
    bottom: float
    right: float
    top: float

    @property
    def moves(self) -> bool:
        """Whether the page as shown is other than the reader's frame."""
        return bool(self.degrees or self.rotation or self.left)

    def shown(self, box: Box) -> Box:
        (ax, ay), (bx, by) = self._shown(*self._user(box.x0, box.y0)), self._shown(*self._user(box.x1, box.y1))
        return Box(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))

    def _user(self, u: float, v: float) -> tuple[float, float]:
        """The point in user space (y up) of a point of the reader's frame."""
        if self.degrees == 90:
            return v, u
        if self.degrees == 180:
            return self.right - u, v
        if self.degrees == 270:
            return self.right - v, self.top - u
        return u, self.top - v

    def _shown(self, x: float, y: float) -> tuple[float, float]:
        """The point from the shown page's top left (y down) of a point in user space."""
        if self.rotation == 90:
            return y - self.bottom, x - self.left
        if self.rotation == 180:
            return self.right - x, y - self.bottom
        if self.rotation == 270:
            return self.top - y, self.right - x
        return x - self.left, self.top - y


@dataclass(frozen=True, slots=True)
class Span:
    """How many source rows and grid columns a cell covers, counted from the cell itself."""

    rows: int = 1
    columns: int = 1


@dataclass(slots=True)
class Paragraph:
    text: str
    place: Place
    # Heading level 1-6 when the source marks the paragraph as a heading (Word heading style,
    # markdown '#', HTML <h1>); None for body text. A hint only: goal labels decide structure.
    heading: int | None = None
    bold: bool = False
    box: Box | None = None
    symbol: str | None = None  # "green circle": a coloured shape or icon printed with the text


@dataclass(slots=True)
class Row:
    cells: list[str]
    place: Place
    spanning: bool = False
    header: bool = False  # the source marks it as a header row (<th>, repeated Word header)
    # grid column -> its span, only for cells covering more than one row or column
    spans: dict[int, Span] = field(default_factory=dict)
    # grid column -> the cell's box on the page (paged sources only)
    boxes: dict[int, Box] = field(default_factory=dict)
    # grid column -> a coloured shape or icon in the cell ("red circle")
    symbols: dict[int, str] = field(default_factory=dict)


@dataclass(slots=True)
class Table:
    rows: list[Row]
    place: Place
    caption: str | None = None  # the title printed above the table ("Tabell 3. Nettokostnader")


Block = Union[Paragraph, Table]


@dataclass(frozen=True, slots=True)
class Problem:
    """Something a reader could not read, or read only in part."""

    severity: str  # "error" | "warning"
    code: str
    message: str
    page: int | None = None
    line: int | None = None


@dataclass(slots=True)
class ParsedDocument:
    blocks: list[Block]
    source_format: str  # pdf | docx | doc | txt | md | html
    page_count: int | None = None
    ocr: bool = False
    problems: list[Problem] = field(default_factory=list)
    # What the file says of itself (PDF Info, DOCX core properties, HTML <title>/<meta>):
    # "title", "author", "created" (ISO date), "subject". A last resort for the metadata.
    properties: dict[str, str] = field(default_factory=dict)
    # page number -> where its boxes lie on the page as shown, for pages where that differs
    # from the reader's frame (a /Rotate, a crop box off the page's left, text turned up the sheet)
    shown: dict[int, PageView] = field(default_factory=dict)


class UnreadableFile(Exception):
    """Raised by a parser when a file cannot be read at all. `code` is a short machine-readable
    reason, the message says what a person can do about it."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message
