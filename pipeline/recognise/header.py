"""The header row of an indicator or activity table: which column holds what.

Spellings come from the vocabulary; a header is recognised by its first filled cell naming the
table's kind ("Indikator", "KF:s aktiviteter"), its other cells by the column patterns.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from normalizers.dates import find_period
from normalizers.text import is_only_markers, squash, strip_markers
from parsers.blocks import Row, Table
from pipeline.recognise import vocabulary
from pipeline.recognise.cells import collapsed
from pipeline.recognise.labels import Label, match_heading, starts_with_label, table_kind
from pipeline.recognise.settings import SETTINGS

_COLUMN_PATTERNS = {
    "indicator": [(name, regex.compile(pattern)) for name, pattern in vocabulary.INDICATOR_COLUMNS],
    "activity": [(name, regex.compile(pattern)) for name, pattern in vocabulary.ACTIVITY_COLUMNS],
}


@dataclass(frozen=True)  # shared by the tables whose header row is the same (_layout)
class Layout:
    """What the header row of an indicator or activity table says about its columns."""

    kind: str
    label: str  # the header word as printed
    name_col: int
    columns: dict[str, int]
    previous_label: str | None
    width: int

    def repeats(self, other: Layout) -> bool:
        """Whether this header is `other`'s again (a page break repeats it): the same kind of
        table with its columns in the same places, whatever their spelling ("Årsmål" on one page,
        "Arsmål" on the next) and even when one header cell was misread ("Avwvikelse") and maps
        no column."""
        if (self.kind, self.name_col) != (other.kind, other.name_col):
            return False
        mine, theirs = set(self.columns.items()), set(other.columns.items())
        fewer, more = sorted((mine, theirs), key=len)
        return fewer <= more and len(more) - len(fewer) <= max(1, len(more) // SETTINGS.header_repeat_share)


def read_header(cells: list[str], year: int | None = None) -> Layout | None:
    """The layout an indicator or activity header row announces; None for any other row.
    `year` is the year the report covers: an outcome column dated with it is this period's."""
    # Every row of a table is asked: its first filled cell settles most of them.
    name_col = next((k for k, cell in enumerate(cells) if cell and not is_only_markers(cell)), None)
    if name_col is None:
        return None
    kind = table_kind(cells[name_col])
    if kind is None:
        return None
    return _layout(tuple(cells), year, kind, name_col)


# A header row is repeated page after page and report after report: its Layout, which nothing
# changes once made, is made once.
@lru_cache(maxsize=1024)
def _layout(cells: tuple[str, ...], year: int | None, kind: str, name_col: int) -> Layout:
    filled = [k for k, cell in enumerate(cells) if cell and not is_only_markers(cell)]
    columns: dict[str, int] = {}
    dated_outcomes: list[int] = []  # "Utfall VB 2012", "Utfall 2013": outcome columns named by period
    for k in filled[1:]:
        name = _column(kind, squash(cells[k]))
        if name == "previous_outcome":
            dated_outcomes.append(k)
        elif name is not None and name not in columns:
            columns[name] = k
    # Of several dated outcome columns, or one dated with the report's own year, the latest is
    # this period's outcome when no column is plainly "Periodens utfall"; the next is the previous.
    dated_outcomes.sort(key=lambda k: _period_order(cells[k]), reverse=True)
    if dated_outcomes and "outcome" not in columns and (
            len(dated_outcomes) > 1 or (year is not None and _period_order(cells[dated_outcomes[0]])[0] == year)):
        columns["outcome"] = dated_outcomes.pop(0)
    previous_label = None
    if dated_outcomes:
        columns["previous_outcome"] = dated_outcomes[0]
        found = find_period(cells[dated_outcomes[0]])
        previous_label = found[0] if found else None
    return Layout(kind, strip_markers(cells[name_col]), name_col, columns, previous_label, len(cells))


# A header's cells are the same few spellings table after table, page break after page break.
@lru_cache(maxsize=4096)
def _column(kind: str, key: str) -> str | None:
    """The column a squashed header cell of a `kind` table names: its first pattern that matches."""
    return next((name for name, pattern in _COLUMN_PATTERNS[kind] if pattern.search(key)), None)


def _period_order(header: str) -> tuple[int, int]:
    found = find_period(header)
    if not found:
        return (0, 0)
    period = found[1]
    return (period.year or 0, period.number or 9)


def heading_in_header(table: Table, year: int | None = None) -> tuple[int, str, Row] | None:
    """A goal heading printed right over an indicator or activity header, at a table's top or
    inside it, that the reader took into the header's first cell ("KF:s MÅL FÖR
    VERKSAMHETSOMRÅDET: 3.1 Budgeten ska vara i balans KF:s indikatorer": no rule above the
    header parted them): the first such row, the heading, and the header row as printed.
    None for any other table."""
    for k, row in enumerate(table.rows):
        # One anchored pattern a row, on its first filled cell (a block's text starts trimmed):
        # a row that starts with no goal label is no such header.
        lead_cell = next(filter(None, row.cells), "")
        if not starts_with_label(lead_cell):
            continue
        cells = collapsed(row.cells)
        first = next(j for j, cell in enumerate(cells) if cell)
        if read_header(cells, year) is not None:
            continue
        words = cells[first].split(" ")
        for i in range(1, len(words)):
            rest = " ".join(words[i:])
            if table_kind(rest) is None:
                continue
            header = [*cells[:first], rest, *cells[first + 1:]]
            lead = " ".join(words[:i])
            if read_header(header, year) is not None and isinstance(match_heading(lead), Label):
                return k, lead, replace(row, cells=header)
    return None
