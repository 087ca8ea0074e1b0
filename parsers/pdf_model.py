"""Geometry types and the one settings object shared by the PDF reader's modules.

Coordinates are PDF points with the origin at the top left of the page (y grows downwards),
as a reader looks at the page, so "above" is a smaller `top`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.blocks import PageView as PageView  # a page's place as shown, which PageContent carries


@dataclass(frozen=True, slots=True)
class PdfSettings:
    # Two glyphs belong to one line when their vertical extents overlap by this share of the
    # smaller one; lower values glue sub- and superscripts on, higher ones split tight leading.
    line_overlap: float = 0.5
    # A horizontal gap wider than this many font sizes splits a word even without a space glyph
    # (justified text and some producers position words without emitting spaces).
    word_gap: float = 0.25
    # A gap wider than this many font sizes between words on one line is a column gutter.
    column_gap: float = 0.9
    # In a table whose columns are known, a narrower gap still parts two cells when a column edge
    # runs through it: a cell's text may reach almost to its neighbour's (tight cell padding),
    # yet stays wider apart than a word space (about 0.3 font sizes).
    cell_gap: float = 0.5
    # A header word that starts exactly where a column's text starts starts that cell after a
    # gap this many font sizes wide: wider than a word space (0.25-0.28), which a header cell set
    # as tight as its text leaves before the next (a clear gap, between the two, elsewhere).
    header_cell_gap: float = 0.3
    # ...and on a plain line after a gap this many times its usual word space (and no
    # narrower than `header_cell_gap`): justified text stretches all its spaces alike.
    cell_space_ratio: float = 1.25
    # Rulings: segments thinner than this are lines, shorter than `min_segment` are noise.
    ruling_thickness: float = 3.0
    min_segment: float = 3.0
    # Two rulings closer than this are one grid line (double borders, cell-by-cell strokes).
    snap: float = 2.5
    # Row rules further apart than this are not rows of one table drawn with row rules only,
    # unless the text between them has column gutters; nor are rules with this many lines
    # without gutters between them.
    max_row_height: float = 120.0
    min_rule_band_lines: int = 3
    # Lines with gutters this many line heights or less above or below a table of row rules or
    # shading only are its unshaded first or last rows.
    band_reach: float = 0.6
    # Points a row's text may sit further from a rule, or two rows further apart, than the
    # page's rows between row rules or shading bands do (rounding of the producer's layout).
    band_slack: float = 1.0
    # Points a cell's or paragraph's text may start from where a table's column sets its text and
    # still be set there (rounding of the producer's layout): a cut table's rows printed
    # without its rules (pdf_table_rest) or at the next page's top (pdf_top_row).
    start_slack: float = 1.0
    # A line-free grid is prose when more than `prose_share` of its cells have `prose_words`
    # words or more and fewer than `prose_figures` of them are figures; it is a chart's labels
    # when more than `scatter_share` of its rows hold one cell outside the first column.
    prose_words: int = 6
    prose_share: float = 0.5
    prose_figures: float = 0.2
    scatter_share: float = 0.5
    # More than this share of a document's characters in bold fonts: the fonts mark the body as
    # bold too, and bold tells nothing.
    bold_body_share: float = 0.6
    # A filled shape this many points across (both ways) is an assessment symbol, not a rule.
    symbol_min: float = 3.0
    symbol_max: float = 16.0
    # Glyphs sampled on a page to find the direction its text runs in.
    direction_samples: int = 60
    # A text layer with fewer letters and digits than this share of its first `text_sample`
    # characters (leaders left out) is not the text printed (fonts without a Unicode map, as a
    # PostScript print distilled again leaves them): reports and the ICDAR set run above 0.85,
    # such layers below 0.1. Fewer characters than `min_text_sample` are not judged.
    min_text_share: float = 0.5
    text_sample: int = 20_000
    min_text_sample: int = 200
    # A page is a scan under an OCR layer when an image covers this share of it and this share of
    # its text objects are not drawn (render mode 3, invisible).
    scan_image_share: float = 0.5
    scan_invisible_share: float = 0.9
    # Running headers and footers live in this share of the page height at the top and bottom.
    margin_band: float = 0.12
    # A line in the margin band is running matter when its text repeats on this share of pages.
    repeat_share: float = 0.5
    # A vertical gap larger than this many line heights between two lines ends a paragraph.
    paragraph_gap: float = 0.6
    # A gap between two lines larger than the page's usual gap inside paragraphs by this many
    # line heights ends a paragraph (below `paragraph_gap` where the leading is tight); and a
    # line whose size differs by more than this share from the line before starts one.
    paragraph_gap_step: float = 0.25
    paragraph_size_step: float = 0.05
    # Lines that start more than this many font sizes right of a line do not show where it may
    # end: the right margin it stops short of is measured over the lines that start left of it.
    margin_indent: float = 0.25
    # Text this much larger than the body size is a heading.
    heading_ratio: float = 1.12
    # A line-free table needs this many consecutive multi-column lines to count as a table.
    min_table_lines: int = 2
    # ...or one line with this many columns: running text never leaves that many gutters on a
    # line, a table with only its header row does.
    min_lone_row_columns: int = 4
    # Lines of one table cell are at most this many font sizes apart (the gap between them); when
    # even a table's closest lines are further apart, each of its lines is a row.
    cell_leading: float = 0.45
    # A line with fewer than 1/this of the cells of a table's densest line may be a header
    # spanning groups of columns: it does not decide where the columns are.
    spanning_share: float = 2.0
    # Rows are padded when some line gaps are larger than the closest ones by this many points
    # and this factor: smaller steps are the jitter of one line spacing.
    row_gap_step: float = 1.5
    row_gap_ratio: float = 1.6
    # A line-free table whose cells are padded goes on over gaps between rows of up to this many
    # font sizes, and over this many stretches of running text across the table between rows
    # (comments under a row).
    row_padding: float = 2.5
    max_comment_stretches: int = 3
    # A header cell of a line-free table whose middle is this many font sizes or less from the
    # middle of a group of columns (and further from its own column's) is centred over them.
    span_centre: float = 0.6


DEFAULT_SETTINGS = PdfSettings()

# A table's or figure's title: "Table 3.", "Tabell 2:", "TABLE IV", "Figur 1".
CAPTION = re.compile(r"^(tab(le|ell|\.)|fig(ure|ur|\.)|diagram|chart|exhibit)\s*([0-9]+|[IVXL]+\b)", re.IGNORECASE)

# Glyphs a word processor draws in front of a list item; the text behind them is the item.
LIST_MARKERS = frozenset({"\uf0b7", "\uf0a7", "\uf076", "\uf0d8", "•", "◦", "▪", "‣", "∙"})


@dataclass(slots=True)
class Word:
    """A word, or while words are being built from glyphs measured one by one, a single glyph."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    # The name of the font it is set in, as the PDF gives it ("ABCDEF+LiberationSerif-Bold");
    # empty when its glyphs are in several fonts or the name is not known.
    font: str = ""


@dataclass(slots=True)
class Line:
    """A line of words, left to right. Its words are not changed once it is made, so what is
    asked of a line again and again while tables and paragraphs are built is computed once."""

    words: list[Word]
    x0: float
    x1: float
    top: float
    bottom: float
    text: str = field(init=False)
    size: float = field(init=False)
    bold: bool = field(init=False)

    def __post_init__(self) -> None:
        words = self.words
        if len(words) == 1:  # a cell's figure, most lines of a table: without the three passes
            word = words[0]
            self.text, self.size, self.bold = word.text, word.size, word.bold
            return
        self.text = " ".join([w.text for w in words])
        self.size = max([w.size for w in words])
        self.bold = all([w.bold for w in words])


def line_as_made(words: list[Word], x0: float, x1: float, top: float, bottom: float, text: str, size: float,
                 bold: bool) -> Line:
    """The Line of these words, given its text (the words' texts joined by single spaces), size
    (their largest) and boldness (all bold), which the caller has at hand: a cell's clipped copy
    of a line that keeps all its words has the line's, and the page's lines are made where their
    words are walked anyway. Each computed again costs a comprehension over the words, for each
    of the thousands of lines a document's tables clip."""
    line = Line.__new__(Line)
    line.words, line.x0, line.x1, line.top, line.bottom = words, x0, x1, top, bottom
    line.text, line.size, line.bold = text, size, bold
    return line


@dataclass(frozen=True, slots=True)
class Segment:
    """An axis-aligned ruling: horizontal when `top == bottom` (after snapping), vertical when
    `x0 == x1`."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) >= (self.bottom - self.top)


@dataclass(slots=True)
class PageContent:
    number: int
    width: float
    height: float
    words: list[Word]
    segments: list[Segment]
    marks: list[Mark] = field(default_factory=list)
    shown: PageView | None = None  # None where the page as shown is the reader's frame


# The last word of a Mark that is a fill in a colour ("red shading"): a cell's symbol when it
# covers one cell of a row, as a planning system colours an assessment cell; a fill across the
# row is a header's or a band's.
SHADING = "shading"


@dataclass(frozen=True, slots=True)
class Mark:
    """A small coloured shape on the page and what it looks like ("green circle"), or a fill in
    a colour ("green shading")."""

    x0: float
    top: float
    x1: float
    bottom: float
    name: str


def stops_short(before: Line, after: Line, right: float) -> bool:
    """`before` ends further from `right` than `after`'s first word needs: that word would have
    fitted on it, so `after` does not wrap on from `before` but starts a paragraph of its own."""
    first = after.words[0]
    space = 0.25 * first.size
    return before.x1 + space + (first.x1 - first.x0) < right - 0.5
