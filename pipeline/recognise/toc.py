"""The table of contents: skipped as body, kept to confirm numbered headings that carry no label."""
from __future__ import annotations

import regex

from normalizers.text import collapse, strip_markers
from parsers.blocks import Block, Table
from pipeline.recognise import vocabulary

# Leaders between a TOC entry's title and its page number: layout, not a template's words.
_LEADERS = regex.compile(r"(?:\s*\.{2,}\s*|\s*…+\s*)$")
_ENTRY = regex.compile(rf"^(?P<title>.*?\S)(?:\s*\.{{2,}}|\s*…+)?\s+(?P<page>{vocabulary.alternation('toc_page')})$",
                       regex.IGNORECASE)


def _toc_entry(text: str) -> str | None:
    """The title of a table-of-contents line ("1.2 Title ..... 7"), or None."""
    match = _ENTRY.match(text)
    return _LEADERS.sub("", match.group("title")) if match else None


def _toc_rows(table: Table) -> list[str] | None:
    """The entries of a table that is a table of contents (every row ends in a page number)."""
    entries = []
    for row in table.rows:
        cells = [c for c in (collapse(c) for c in row.cells) if c]
        if len(cells) < 2 or not vocabulary.TOC_PAGE.match(cells[-1]):
            return None
        entries.append(_LEADERS.sub("", " ".join(cells[:-1])))
    return entries


def toc_key(text: str) -> str:
    return collapse(strip_markers(text)).casefold().rstrip(" .")


def find_toc(blocks: list[Block]) -> tuple[set[int], set[str]]:
    """Indices of table-of-contents blocks, and the TOC's entries as keys."""
    skip: set[int] = set()
    entries: set[str] = set()
    in_toc = False
    for k, block in enumerate(blocks):
        if isinstance(block, Table):
            rows = _toc_rows(block)
            if rows:
                skip.add(k)
                entries.update(toc_key(e) for e in rows)
                continue
        elif vocabulary.TOC_HEADING.match(block.text):
            in_toc = True
            skip.add(k)
            continue
        elif in_toc and (entry := _toc_entry(block.text)):
            skip.add(k)
            entries.add(toc_key(entry))
            continue
        in_toc = False
    return skip, entries
