"""Plain-text reports, as other converters leave them.

What the archives hold: TAB-separated table rows (a run of TAB lines is one table), markdown
headings and emphasis, HTML fragments, markdown separator rows, and lines that a converter glued
together with bold markers (`NÄMNDMÅL:**Title****ÅTAGANDE:**...`). Encoded as UTF-8 or, in older
archives, Windows-1252 with CRLF line ends.
"""
from __future__ import annotations

import threading
from functools import lru_cache, partial
from itertools import repeat
from pathlib import Path

import regex

from normalizers.text import strip_markup
from parsers.blocks import Paragraph, ParsedDocument, Place, Row, Table
from parsers.controls import plain_text
from parsers.encoding import decode
from parsers.text_layout import laid_out, read_laid_out
from parsers.text_rules import has_column_rules, with_rule_tables
from parsers.text_underlines import has_underlines, marked
from parsers.text_wrap import unwrapped

_SEPARATOR_CELL = regex.compile(r"^\s*:?-{3,}:?\s*$")
_MD_HEADING = regex.compile(r"^\s*(#{1,6})\s+(.*)$")
_BULLET = regex.compile(r"^\s*[-–]\s+(?=\S)")
_PIPE_ROW = regex.compile(r"^\s*\|.*\|\s*$")
_HTML_PARAGRAPHS = regex.compile(r"(?i)</p>\s*<p\b[^>]*>|<br\s*/?>")
_TABLE_OPEN = regex.compile(r"(?i)<table\b")
_TABLE_CLOSE = regex.compile(r"(?i)</table\s*>")


def split_glued(line: str) -> list[tuple[str, bool]]:
    """Split a line at bold markers that glue separate lines together.

    `**` with text right against it on the outside (`label:**Title**`, `Title****Label`) is glue
    a converter left between lines; `**` with a space outside it is emphasis inside a sentence.
    Returns (piece, whole_piece_was_bold) pairs.
    """
    if "**" not in line:
        return [(line, False)]
    parts = line.split("**")
    pieces: list[tuple[str, bool]] = []
    current = ""
    bold = True  # becomes False once any text outside bold joins the piece
    for k, part in enumerate(parts):
        inside = k % 2 == 1
        if k > 0:
            before, after = parts[k - 1], part
            glue = (not before or not before[-1].isspace()) and (not after or not after[0].isspace())
            if glue and current.strip():
                pieces.append((current, bold))
                current, bold = "", True
        if part.strip() and not inside:
            bold = False
        current += part
    if current.strip():
        pieces.append((current, bold))
    return pieces


# A line's paragraphs, as (text, heading, bold), by the line's text: the function is pure, and
# an archive's lines repeat (template lines, the same report in several formats or years), so a
# repeated line costs one lookup, not the checks and the clean-up of its text. Bounded: a few
# megabytes at most (lines average under 200 characters).
@lru_cache(maxsize=8192)
def _pieces(line: str) -> tuple[tuple[str, int | None, bool], ...]:
    # Each pattern is tried only on a line that holds the character it needs: most lines are
    # plain sentences, and a regex call costs more than a search for one character.
    heading = None
    match = _MD_HEADING.match(line) if "#" in line else None
    if match:
        heading, line = len(match.group(1)), match.group(2)
    if ("-" in line or "–" in line) and line.lstrip()[:1] in ("-", "–"):
        line = _BULLET.sub("", line)
    if "<" not in line and "**" not in line:  # one piece, not bold: most lines
        # strip_markup's own function: a line is cached here, and would take room in its cache
        # from the cells and names that recur there.
        text = _strip_markup(line)
        return ((text, heading, False),) if text else ()
    out = []
    for chunk in _HTML_PARAGRAPHS.split(line) if "<" in line else (line,):
        for piece, bold in split_glued(chunk):
            text = strip_markup(piece)
            if text:
                out.append((text, heading, bold and heading is None))
    return tuple(out)


_strip_markup = strip_markup.__wrapped__


def _is_pipe_row(line: str) -> bool:
    return "|" in line and bool(_PIPE_ROW.match(line))


# A cell's text with its paragraphs kept: strip_markup(cell, True), cached by the one string (a
# lookup by a str alone costs less than by the pair of arguments; cells recur, "", "%", "Ja").
@lru_cache(maxsize=16384)
def _cell_text(cell: str) -> str:
    return _strip_markup(cell, True)


def _cells(line: str) -> list[str]:
    if "\t" not in line and _is_pipe_row(line):
        line = line.strip().strip("|").replace("|", "\t")
    return list(map(_cell_text, line.split("\t")))


# Place(None, n) of line n, made once a worker for the lines of every text file it reads: a Place
# is frozen, and making one cost 5,000 instructions (a fifth of reading a line), where a file's
# lines are numbered as every other file's. Shared up to this many lines; a longer file's other
# places are its own.
_SHARED_PLACES = 1 << 16
_PLACES: list[Place] = []
_GROWING = threading.Lock()


def _line_places(count: int) -> list[Place]:
    """A list whose item n is Place(None, n), for n up to count."""
    shared = min(count, _SHARED_PLACES) + 1
    if len(_PLACES) < shared:
        # Grown by one thread at a time: a Dask worker reads files in threads, and two growing
        # it at once appended their places twice, so that item n was another line's place.
        with _GROWING:
            have = len(_PLACES)
            _PLACES.extend(map(Place, repeat(None), range(have, max(have, shared))))
    if count < len(_PLACES):
        return _PLACES
    return _PLACES + list(map(Place, repeat(None), range(len(_PLACES), count + 1)))


def parse_lines(lines: list[str]) -> list[Paragraph | Table]:
    blocks: list[Paragraph | Table] = []
    append = blocks.append
    table: Table | None = None
    html_start: int | None = None  # first line of an HTML table being collected
    places = _line_places(len(lines))
    # Most files hold no CR, which one search of their text in C tells: no line needs stripping.
    crlf = "\r" in "\n".join(lines)
    for number, line in enumerate(lines, start=1):
        if crlf:
            line = line.rstrip("\r")
        if html_start is None:
            if not line:  # half the lines of a report: a blank line ends a table
                table = None
                continue
            if "<" in line and "\t" not in line and _TABLE_OPEN.search(line):
                html_start = number
        if html_start is not None:
            # An HTML table left by a converter is a table, not text to strip: its rows and cells
            # go through the HTML reader.
            if _TABLE_CLOSE.search(line) or number == len(lines):
                # Imported here: lxml, its parser, is a third of a text reader's import, and few
                # text files hold an HTML table, so a text input's fork server goes without it.
                from parsers.html import fragment_blocks

                table = None
                blocks.extend(fragment_blocks("\n".join(lines[html_start - 1:number]), html_start))
                html_start = None
            continue
        if not line or line.isspace():
            table = None  # a blank line ends a table
            continue
        if "\t" in line or "|" in line and _is_pipe_row(line):  # most lines hold neither: no call
            place = places[number]
            cells = _cells(line)
            if table is None:
                table = Table([], place)
                blocks.append(table)
            # A markdown separator row is layout, not content; a row whose cells hold no "---" is
            # one only when it is empty, which scans in C tell.
            if not any(cells) or "---" in "".join(cells) and all(not c or "---" in c and _SEPARATOR_CELL.match(c)
                                                                 for c in cells):
                continue
            table.rows.append(Row(cells, place))
            continue
        table = None
        pieces = _pieces(line)
        if len(pieces) == 1:  # most lines: one paragraph, made without a comprehension's list
            text, heading, bold = pieces[0]
            append(Paragraph(text, places[number], heading, bold))
        elif pieces:
            place = places[number]
            blocks += [Paragraph(text, place, heading, bold) for text, heading, bold in pieces]
    # A table whose only rows were separators has no content.
    return [b for b in blocks if not isinstance(b, Table) or b.rows]


def read_text(path: Path) -> ParsedDocument:
    raw = path.read_bytes()
    text, problems = decode(raw)
    text, controls = plain_text(raw, text)
    problems += controls
    fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
    if laid_out(text):
        return ParsedDocument(read_laid_out(text), fmt, problems=problems)
    # Converters' layouts, each found by a quick look at the text: a table's column rules,
    # headings' underlines, paragraphs wrapped at a width.
    lines = text.split("\n")
    parse = partial(_parsed, underlined=has_underlines(lines))
    if has_column_rules(text):
        return ParsedDocument(with_rule_tables(lines, parse), fmt, problems=problems)
    return ParsedDocument(parse(lines), fmt, problems=problems)


def _parsed(lines: list[str], underlined: bool) -> list[Paragraph | Table]:
    return parse_lines(unwrapped(marked(lines) if underlined else lines))
