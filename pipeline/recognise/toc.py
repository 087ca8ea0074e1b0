"""The table of contents: skipped as body, its entries in goal context kept to confirm numbered
headings that carry no label."""
from __future__ import annotations

import regex

from normalizers.text import first_letter_is_lower, strip_markers
from parsers.blocks import Block, Paragraph, Table
from pipeline.recognise import vocabulary
from pipeline.recognise.cells import collapsed
from pipeline.recognise.first_char import FirstChar
from pipeline.recognise.labels import split_number, toc_key

# Leaders between a TOC entry's title and its page number: layout, not a template's words.
_LEADERS = regex.compile(r"(?:\s*\.{2,}\s*|\s*…+\s*)$")
_NAMES_GOAL = regex.compile(rf"(?i)(?<!\w){vocabulary.alternation('goal_level')}(?!\w)")
# What every entry ends in, matched from the end (REVERSE): _ENTRY's lazy title, tried against
# its ending at every space of a long paragraph under the contents heading, cost 0.2 ms a paragraph.
_ENDS_IN_PAGE = regex.compile(rf"\s(?:{vocabulary.alternation('toc_page')})$", regex.IGNORECASE | regex.REVERSE)
_ENTRY = regex.compile(rf"^(?P<title>.*?\S)(?:\s*\.{{2,}}|\s*…+)?\s+(?P<page>{vocabulary.alternation('toc_page')})$",
                       regex.IGNORECASE)
_TOC_HEADING = FirstChar(vocabulary.TOC_HEADING)  # asked of every paragraph
_LEADS_TO_PAGE = regex.compile(r"\.{2,}|…")


def _without_leaders(title: str) -> str:
    # Leaders hold ".." or "…", which a search in C finds: the pattern, tried at every position of
    # every entry, cost more than the rest of reading the contents.
    return _LEADERS.sub("", title) if ".." in title or "…" in title else title


def _toc_entry(text: str) -> str | None:
    """The title of a table-of-contents line ("1.2 Title ..... 7"), or None."""
    match = _ENTRY.match(text) if _ENDS_IN_PAGE.search(text) else None
    return _without_leaders(match.group("title")) if match else None


def _toc_rows(table: Table) -> list[str] | None:
    """The entries of a table that is a table of contents (every row ends in a page number)."""
    entries = []
    for row in table.rows:
        cells = [c for c in collapsed(row.cells) if c]
        if len(cells) < 2 or not vocabulary.TOC_PAGE.match(cells[-1]):
            return None
        entries.append(_without_leaders(" ".join(cells[:-1])))
    return entries


def _wrapped_rest(following: list[Block]) -> str | None:
    """The title part of the next block's first line where that line is the rest of an entry
    wrapped before it: text going on in lower case and ending in a page number."""
    if not following:
        return None
    block = following[0]
    if isinstance(block, Paragraph):
        line = block.text
    elif block.rows:
        line = " ".join(c for c in collapsed(block.rows[0].cells) if c)
    else:
        return None
    rest = _toc_entry(line)
    # Leaders before the page number, as a contents line has them: a table row or body line in
    # lower case that ends in a count ("antal anställda 120") would take the block before it,
    # the body's first goal heading, for the start of an entry.
    if rest is None or not first_letter_is_lower(rest) or not _LEADS_TO_PAGE.search(line):
        return None
    return rest


class _GoalEntries:
    """The TOC entries that stand in the document's goal context: numbered entries under an entry
    that names a goal level ("Uppföljning av Kommunfullmäktiges inriktningsmål", "KF:s
    INRIKTNINGSMÅL 1:"), until an unnumbered entry that names none ("Synpunkter och klagomål").
    Numbered entries elsewhere ("2.3 Ekonomisk uppföljning") are sections."""

    def __init__(self) -> None:
        self.keys: set[str] = set()
        self.outside: set[str] = set()  # numbered entries outside the goal context
        self.open = False

    def add(self, entry: str) -> None:
        names_goal = bool(_NAMES_GOAL.search(entry))
        numbered = split_number(strip_markers(entry))[0] is not None
        if names_goal:
            self.open = True
        elif not numbered:
            self.open = False
        if self.open:
            self.keys.add(toc_key(entry))
        elif numbered:
            self.outside.add(toc_key(entry))


def find_toc(blocks: list[Block]) -> tuple[set[int], set[str], set[str]]:
    """Indices of table-of-contents blocks, the keys of its numbered entries in goal context and
    of those outside it."""
    skip: set[int] = set()
    entries = _GoalEntries()
    in_toc = False
    for k, block in enumerate(blocks):
        if isinstance(block, Table):
            rows = _toc_rows(block)
            if rows:
                skip.add(k)
                for row in rows:
                    entries.add(row)
                continue
        elif _TOC_HEADING.match(block.text):
            in_toc = True
            skip.add(k)
            continue
        elif in_toc and (entry := _toc_entry(block.text)):
            skip.add(k)
            entries.add(entry)
            continue
        elif in_toc and (rest := _wrapped_rest(blocks[k + 1:k + 2])):
            # An entry wrapped over two lines: its first line has no page number, and the next
            # line goes on in lower case up to the leaders and the page number.
            skip.add(k)
            entries.add(f"{block.text} {rest}")
            continue
        in_toc = False
    return skip, entries.keys, entries.outside
