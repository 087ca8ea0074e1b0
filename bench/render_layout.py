"""The layout the fixture generator gives a seed text: its paragraphs with their styles (headings by
content, Underrubrik for short isolated lines, the TOC) and its tables as grids (comment rows merged
across the table, empty right-hand columns dropped). bench/render_seed.py and
bench/matrix_producers.py print this layout; nothing in the pipeline imports this file.

The text is read through the text reader (`parsers.text.parse_lines`), so the content is by
construction what the text reader sees; only the layout decisions are the generator's.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parsers.text import decode, parse_lines  # noqa: E402
from parsers.blocks import Paragraph, Table  # noqa: E402

_TITLE = regex.compile(r"(?i)^(?:verksamhetsberättelse|verksamhetsplan|tertialrapport)\b")
_MAJOR = regex.compile(r"(?i)^(?:innehållsförteckning|inledning|sammanfattande analys|bilagor|övrigt"
                       r"|förslag till beslut|synpunkter och klagomål|budget(?: \d{4})?"
                       r"|(?:enhetens )?uppföljning av (?:ekonomi|kommunfullmäktiges inriktningsmål))$")
# (pattern, level): goal labels and the section labels under them.
_LABELS = [(regex.compile(r"(?i)^kf:s inriktningsmål\b"), 2),
           (regex.compile(r"(?i)^kf:s mål för verksamhetsområdet\b"), 3),
           (regex.compile(r"(?i)^nämndmål\b"), 4),
           (regex.compile(r"(?i)^(?:åtagande|enhetsmål)\b"), 5),
           (regex.compile(r"(?i)^(?:beskrivning|förväntat resultat|kommentar|analys|arbetsätt|arbetssätt"
                          r"|resursanvändning|uppföljning|utveckling):?$"), 6)]
_LABEL_ONLY = regex.compile(r"^[^:]{1,40}:?\s*(?:[IVX\d]+:)?$")
_COMMENT = regex.compile(r"(?i)^(?:kommentar|analys)\b")
_PAGE_NUMBER = regex.compile(r"^(?:\d{1,3}|Error! Bookmark not defined\.)$")
_DOT_LEADER = regex.compile(r"\s*\.{3,}\s*$")
_TOC_LEVEL_2 = regex.compile(r"^\d+\.\d+")
_ORGAN = regex.compile(r"(?i)(?:nämnd|förvaltning(?:en)?|styrelse)\W*$")


@dataclass
class Para:
    text: str
    style: str | None = None  # "Heading N", "Underrubrik", "List Bullet", "TOC N"; None is body text
    bold: bool = False
    page_break: bool = False
    page: str = ""  # TOC entries: the page number printed in the seed


@dataclass
class Grid:
    rows: list[list[str]]  # cells; "\n" separates paragraphs in a cell
    comment: list[bool] = field(default_factory=list)  # the row is one cell across the table


@dataclass
class Layout:
    title: str
    organ: str
    items: list[Para | Grid]


def _heading_level(text: str) -> int | None:
    if _MAJOR.match(text):
        return 1
    return next((level for pattern, level in _LABELS if pattern.match(text)), None)


def _isolated(lines: list[str], number: int) -> bool:
    before = lines[number - 2] if number >= 2 else ""
    after = lines[number] if number < len(lines) else ""
    return not before.strip() and not after.strip()


def _title_like(text: str) -> bool:
    return (len(text) <= 60 and len(text.split()) <= 7 and text[:1].isupper()
            and not regex.search(r"[\d.:;,!?]$|\d", text))


def _paragraph_items(blocks: list[Paragraph], lines: list[str], state: dict) -> list[Para]:
    """The styles of the paragraphs of one stretch of body text."""
    items: list[Para] = []
    carry: str | None = None  # a label alone on its line gives its style to the next paragraph
    for block in blocks:
        text, number = block.text, block.place.line
        raw = lines[number - 1]
        level = _heading_level(text)
        if level is None and not state["title"] and _TITLE.match(text):
            level, state["title"] = 1, text
        style = f"Heading {level}" if level else carry
        carry = style if level and level > 1 and _LABEL_ONLY.match(text) else None
        if style is None:
            alone = sum(1 for b in blocks if b.place.line == number) == 1
            if raw.lstrip().startswith("- "):
                style = "List Bullet"
            elif state["title"] and alone and _title_like(text) and (block.heading or _isolated(lines, number)):
                style = "Underrubrik"
        items.append(Para(text, style, bold=block.bold or style == "Underrubrik",
                          page_break=bool(level == 1 and (text.lower() == "innehållsförteckning"
                                                          or state.pop("after_toc", False)))))
    return items


def _toc_entries(table: Table) -> list[Para] | None:
    entries = []
    for row in table.rows:
        cells = [c for c in row.cells if c]
        if len(cells) < 2 or not _PAGE_NUMBER.match(cells[-1]):
            return None
        title = _DOT_LEADER.sub("", " ".join(cells[:-1]).replace("\n", " "))
        entries.append(Para(title, "TOC 2" if _TOC_LEVEL_2.match(title) else "TOC 1", page=cells[-1]))
    return entries


def _grid(table: Table) -> Grid:
    width = max((k + 1 for row in table.rows for k, c in enumerate(row.cells) if c), default=1)
    rows = [(row.cells + [""] * width)[:width] for row in table.rows]
    comment, in_comment = [], False
    for cells in rows:
        filled = [k for k, c in enumerate(cells) if c]
        lone = len(filled) == 1
        starts = lone and filled[0] <= 1 and bool(_COMMENT.match(cells[filled[0]]))
        in_comment = width > 1 and lone and (starts or in_comment or len(cells[filled[0]]) >= 150)
        comment.append(in_comment)
    return Grid(rows, comment)


def layout(seed: Path) -> Layout:
    text, _ = decode(seed.read_bytes())
    lines = [line.rstrip("\r") for line in text.split("\n")]
    blocks = parse_lines(lines)
    state: dict = {"title": ""}
    items: list[Para | Grid] = []
    pending: list[Paragraph] = []
    toc_open = False  # a TOC table may follow the TOC heading or another TOC table

    def flush() -> None:
        items.extend(_paragraph_items(pending, lines, state))
        pending.clear()

    for block in blocks:
        if isinstance(block, Paragraph):
            pending.append(block)
            toc_open = block.text.lower() == "innehållsförteckning"
            continue
        flush()
        entries = _toc_entries(block) if toc_open else None
        if entries is not None:
            items.extend(entries)
            state["after_toc"] = True
        else:
            items.append(_grid(block))
            toc_open = False
    flush()
    organ = next((line.strip().rstrip(",") for line in lines[:60]
                  if line.strip() and "\t" not in line and _ORGAN.search(line.strip())), "Stockholms stad")
    return Layout(state["title"] or seed.stem, organ, items)
