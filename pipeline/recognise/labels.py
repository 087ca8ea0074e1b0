"""Reading single paragraphs: goal labels, goal numbers, status lines, section headings.

Compiled once from the alias tables in pipeline.vocabulary.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from normalizers.text import collapse, squash, strip_markers
from pipeline.recognise import vocabulary
from pipeline.recognise.first_char import FirstChar
from pipeline.recognise.settings import SETTINGS

_LABEL_BODY = (
    r"\s*(?:" + "|".join(f"(?P<l{k}>{pattern})" for k, (_, pattern) in enumerate(vocabulary.GOAL_LEVELS)) + r")"
    r"(?=[\s:]|$)(?:\s+(?P<lnum>\d{1,2}|[IVX]{1,4}))?\s*(?::\s*(?P<rest>.*)|$)")
_LABEL = FirstChar(regex.compile(rf"^(?:{_LABEL_BODY})", regex.IGNORECASE))
# "1.2 Title", "1. Title", "3.Title", "I.1 Title", "2.5. Title": a number needs a dot to be one.
_NUMBER = regex.compile(
    r"^\s*(?P<num>(?:\d{1,2}|[IVX]{1,4})(?:\.\d{1,2})+|(?:\d{1,2}|[IVX]{1,4})(?=\.))\.?\s*(?P<rest>\S.*)$")
# A status line: one group per assessment, each anchored at both ends on its own, so that one
# call finds the first assessment whose pattern matches, as the patterns tried in turn would.
_STATUS = FirstChar(regex.compile(
    "^(?:" + "|".join(rf"(?P<a{k}>{vocabulary.ASSESSMENT_LEAD}(?:{pattern})\.?$)"
                      for k, (pattern, _) in enumerate(vocabulary.ASSESSMENTS)) + ")", regex.IGNORECASE))
# A sub-heading: one group per field, whose alternatives are tried in the vocabulary's order as
# separate patterns would be.
_SECTION_BODY = r"(?:" + "|".join(f"(?P<s{k}>{pattern})" for k, (pattern, _) in enumerate(vocabulary.GOAL_SECTIONS)) + r")\s*:?$"
# Every paragraph is tried as a goal label and, when it is none, as a sub-heading: the label's
# alternative comes first, so one call answers both as two patterns one after the other would.
_HEADING = FirstChar(regex.compile(rf"^(?:(?P<label>{_LABEL_BODY})|{_SECTION_BODY})", regex.IGNORECASE))
_TABLE_KINDS = [(regex.compile(rf"^{pattern}$"), kind) for kind, pattern in vocabulary.TABLE_KINDS]


@dataclass(frozen=True, slots=True)
class Label:
    level: str
    number: str | None  # a number printed in the label itself ("INRIKTNINGSMÅL 1:")
    rest: str  # text after the label on the same line: the goal's title, or ""


# Asked of every table row's first filled cell, which names an indicator, an activity or a budget
# line that recur across reports: at most 8,192 cells are kept.
@lru_cache(maxsize=8192)
def starts_with_label(text: str) -> bool:
    """Whether a text starts with a goal label as it stands, markers not looked through: the
    cheap question asked of every table row's first cell."""
    return _LABEL.match(text) is not None


def match_label(text: str) -> Label | None:
    match = _LABEL.match(strip_markers(text))
    return _label(match) if match else None


def _label(match: regex.Match[str]) -> Label:
    level = next(vocabulary.GOAL_LEVELS[k][0] for k in range(len(vocabulary.GOAL_LEVELS)) if match.group(f"l{k}"))
    return Label(level, match.group("lnum"), strip_markers(match.group("rest") or ""))


def split_number(title: str) -> tuple[str | None, str]:
    """("1.2", "Invånare i Stockholm är självförsörjande") from "1.2 Invånare i ..."."""
    # Every paragraph is tried: only one that starts with a digit, I, V, X or a space can match.
    first = title[:1]
    match = _NUMBER.match(title) if first and (first in "IVX" or first.isdigit() or first.isspace()) else None
    if not match:
        return None, title.strip()
    return match.group("num"), match.group("rest").strip()


# Asked of the paragraphs under every goal heading, of the tails of every goal title and of goal
# tables' cells: the same few status lines everywhere. At most 4,096 texts are kept.
@lru_cache(maxsize=4096)
def match_status(text: str) -> tuple[str | None, str] | None:
    """(assessment, status line without markers) for a status line, else None."""
    line = strip_markers(text)
    if len(line) > SETTINGS.max_status_length:
        return None
    match = _STATUS.match(line)
    if match is None:
        return None
    return next(value for k, (_, value) in enumerate(vocabulary.ASSESSMENTS) if match.group(f"a{k}") is not None), line


@dataclass(frozen=True, slots=True)
class Section:
    """A sub-heading inside a goal; `field` is the goal column its text goes to, None for a
    sub-heading whose text belongs to no column (it closes the field before it)."""

    field: str | None


def _section(match: regex.Match[str]) -> Section:
    return next(Section(value) for k, (_, value) in enumerate(vocabulary.GOAL_SECTIONS)
                if match.group(f"s{k}") is not None)


def match_heading(text: str) -> Label | Section | None:
    """The goal label a paragraph is (match_label), else the sub-heading it is, else None."""
    match = _HEADING.match(strip_markers(text))
    if not match:
        return None
    return _label(match) if match.group("label") is not None else _section(match)


def toc_key(text: str) -> str:
    """A heading as the table of contents is looked up by: markers, spacing, case and a closing dot
    do not count."""
    return collapse(strip_markers(text)).casefold().rstrip(" .")


@dataclass(frozen=True, slots=True)
class Numbered:
    """A paragraph that may be a numbered goal heading without a level label ("3. Stadens
    verksamheter ...", "3.1 Budgeten är i balans"), as far as its text alone tells: the level its
    number gives, the number's first part, and its key in the table of contents."""

    level: str
    first: str
    key: str


def _numbered(text: str) -> Numbered | None:
    if len(text) > SETTINGS.max_heading_length:  # body text: asked before the number is read
        return None
    number, title = split_number(text)
    if number is None or text.endswith(":") or len(title) < 3:
        return None
    parts = number.split(".")
    if len(parts) > 2:
        return None
    return Numbered("inriktningsmål" if len(parts) == 1 else "verksamhetsområdesmål", parts[0], toc_key(text))


@dataclass(frozen=True, slots=True)
class Reading:
    """What a paragraph's text says by itself: the goal label or sub-heading it is, and whether it
    may be a numbered goal heading. Frozen, as one reading is shared by every paragraph of its text."""

    heading: Label | Section | None
    numbered: Numbered | None


# Every paragraph is read for its heading: boilerplate repeats within a report and across an archive
# (a quarter of the paragraphs of 200 bench files are distinct), so a text is read once and then
# costs a lookup. At most 16,384 readings are kept, each a few small objects and its key text.
@lru_cache(maxsize=16384)
def read_paragraph(text: str) -> Reading:
    return Reading(match_heading(text), _numbered(text))


# Every row of a table is asked by its first filled cell: the header spellings and the indicators'
# names repeat across page breaks, reports and years.
@lru_cache(maxsize=8192)
def table_kind(cell: str) -> str | None:
    key = squash(strip_markers(cell))
    for pattern, kind in _TABLE_KINDS:
        if pattern.match(key):
            return kind
    return None


def symbol_assessment(symbol: str | None) -> tuple[str | None, str] | None:
    """(assessment, "symbol: green circle") for a symbol whose colour carries an assessment."""
    if not symbol:
        return None
    for value, pattern in vocabulary.SYMBOL_ASSESSMENTS:
        if pattern.search(symbol):
            return value, f"symbol: {symbol}"
    return None


def cell_assessment(text: str, symbol: str | None = None) -> tuple[str | None, str] | None:
    """The assessment an assessment cell shows: its words ("Uppfylls delvis"), a marker glyph
    standing alone (◐), or the symbol drawn in it."""
    for value, pattern in vocabulary.GLYPH_ASSESSMENTS:
        if pattern.match(text):
            return value, text.strip()
    return match_status(text) if strip_markers(text) else symbol_assessment(symbol)
