"""Indicator, activity and financial tables recognised on blocks.

An indicator or activity table may be cut by page breaks into several Table blocks, each
repeating the header; rows wrap; comment rows follow the row they comment on. `TableAssembler`
keeps the logical table open across blocks until a paragraph comes between them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from normalizers.dates import find_period, parse_date
from normalizers.numbers import SEK_PER_UNIT, money_unit_in, parse_quantity, to_sek
from normalizers.text import (
    collapse,
    first_letter_is_lower,
    indicator_key,
    is_only_markers,
    squash,
    strip_markers,
)
from parsers.blocks import Paragraph, Row, Table
from pipeline.recognise import vocabulary as aliases
from pipeline.recognise.labels import table_kind

_COLUMN_PATTERNS = {
    "indicator": [(name, regex.compile(pattern)) for name, pattern in aliases.INDICATOR_COLUMNS],
    "activity": [(name, regex.compile(pattern)) for name, pattern in aliases.ACTIVITY_COLUMNS],
}
_YEAR_ONLY = regex.compile(r"^(?:19|20)\d\d$")
_WORDY = regex.compile(r"\p{L}{3,}")
_PERCENT_HEADER = regex.compile(r"%|\bprocent\b", regex.IGNORECASE)


@dataclass
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
        return fewer <= more and len(more) - len(fewer) <= max(1, len(more) // 3)


def read_header(cells: list[str], year: int | None = None) -> Layout | None:
    """The layout an indicator or activity header row announces; None for any other row.
    `year` is the year the report covers: an outcome column dated with it is this period's."""
    filled = [k for k, cell in enumerate(cells) if cell and not is_only_markers(cell)]
    if not filled:
        return None
    name_col = filled[0]
    kind = table_kind(cells[name_col])
    if kind is None:
        return None
    columns: dict[str, int] = {}
    dated_outcomes: list[int] = []  # "Utfall VB 2012", "Utfall 2013": outcome columns named by period
    for k in filled[1:]:
        key = squash(cells[k])
        for name, pattern in _COLUMN_PATTERNS[kind]:
            if pattern.search(key):
                if name == "previous_outcome":
                    dated_outcomes.append(k)
                elif name not in columns:
                    columns[name] = k
                break
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


def _period_order(header: str) -> tuple[int, int]:
    found = find_period(header)
    if not found:
        return (0, 0)
    period = found[1]
    return (period.year or 0, period.number or 9)


def _is_value(text: str) -> bool:
    return bool(text) and not is_only_markers(text)


def _looks_like_name(text: str) -> bool:
    return (len(text) >= 15 and bool(_WORDY.search(text)) and parse_quantity(text).value is None
            and parse_date(text) is None and find_period(text) is None)


_NUMERIC_FIELDS = frozenset(aliases.INDICATOR_NUMBERS)
_NOT_A_NUMBER_YET = regex.compile(r"(?i)^(?:tas\s+fram|-+$|saknas|ej\s|inget|ingen|n/?a$)")
_FREQUENCY = regex.compile(r"(?i)^(?:år|halvår|tertial|kvartal|månad|vecka|dag|löpande)\w*$")


def _fit(column: str, text: str) -> int:
    """+1 when a cell's text is what its column holds, -1 when it clearly is not, 0 when unsure."""
    if not text or is_only_markers(text):
        return 0
    if column == "name":
        return 1 if _looks_like_name(text) else -1
    if column in _NUMERIC_FIELDS:
        if _YEAR_ONLY.match(text):
            return 0  # a year is more likely a period that slid into a value column
        quantity = parse_quantity(text)
        ok = quantity.value is not None or quantity.direction is not None or _NOT_A_NUMBER_YET.match(text)
        return 1 if ok else -1
    if column in ("start", "end"):
        return 1 if parse_date(text) else -1
    if column == "period":
        found = find_period(text)
        return 1 if found and len(found[0]) >= len(text) - 1 else -1
    if column == "frequency":
        return 1 if _FREQUENCY.match(text) else -1
    if column == "deviation":
        return -1 if parse_date(text) else 0
    return 0


def _fitness(cells: list[str], layout: Layout) -> int:
    columns = {"name": layout.name_col, **layout.columns}
    return sum(_fit(name, cells[k]) for name, k in columns.items() if k < len(cells))


def realign(cells: list[str], layout: Layout) -> list[str]:
    """Undo the cell shifts converters leave in indicator and activity rows.

    When the name cell is empty or holds only a marker glyph, the row may have been pushed one
    cell right (an empty or marker cell in front of it), or only the name may sit one cell too
    far right. Each reading is tried, and the one under which most cells hold what their column
    holds (dates under dates, numbers under numbers, a period under Period) wins; the row as
    printed wins ties.
    """
    cells = list(cells) + [""] * (layout.width - len(cells))
    n = layout.name_col
    if cells[n] and not is_only_markers(cells[n]):
        return cells
    shifted = cells[:n] + cells[n + 1:] + [""]
    shifts = [shifted]
    if not shifted[-1] and shifted[-2]:  # keep a trailing period under the last column
        shifts.append(shifted[:-2] + ["", shifted[-2]])
    moves = []
    for k in sorted(layout.columns.values()):
        if k < len(cells) and _looks_like_name(cells[k]):
            moved = list(cells)
            moved[n], moved[k] = cells[k], ""
            moves.append(moved)
            break
    # On a tie, a marker glyph in its own cell speaks for a pushed row, an empty cell for a
    # name that slid right.
    candidates = [cells] + (shifts + moves if cells[n] else moves + shifts)
    return max(candidates, key=lambda c: _fitness(c, layout))


@dataclass
class Record:
    kind: str  # indicator | activity
    layout: Layout
    name: str
    cells: dict[str, str]
    row: Row
    table_id: str
    goal_id: str | None
    comments: list[str] = field(default_factory=list)


class TableAssembler:
    def __init__(self, doc_id: str, year: int | None = None):
        self.doc_id = doc_id
        self.year = year
        self.records: list[Record] = []
        self.budget: list[dict] = []
        self.cells: list[dict] = []
        self.count = 0
        self._layout: Layout | None = None
        self._first: Layout | None = None  # the logical table's first header: what page breaks repeat
        self._record: Record | None = None
        self._comment_open = False
        self._after_break = False
        self._last_title: str | None = None
        self._last_unit: str | None = None

    def interrupt(self) -> None:
        """Text came between tables: the logical table ends."""
        self._layout, self._record, self._comment_open = None, None, False

    def add(self, table: Table, goal_id: str | None, before: list[Paragraph], after: Paragraph | None) -> None:
        self.count += 1
        table_id = f"{self.doc_id}:t{self.count:03d}"
        rows = [[collapse(cell) for cell in row.cells] for row in table.rows]
        if self._layout is not None or (rows and read_header(rows[0], self.year)):
            self._after_break = self._layout is not None
            kinds = self._structured(table, rows, table_id, goal_id)
        else:
            kinds = ["budget" if self._financial(table, rows, table_id, before, after) else "other"] * len(rows)
        for r, (row, kind) in enumerate(zip(table.rows, kinds)):
            for c, text in enumerate(row.cells):
                if text:
                    self.cells.append({"doc_id": self.doc_id, "table_id": table_id, "kind": kind, "row": r,
                                       "col": c, "text": text, "page": row.place.page, "line": row.place.line})

    # indicator and activity tables -------------------------------------------------------

    def _structured(self, table: Table, rows: list[list[str]], table_id: str, goal_id: str | None) -> list[str]:
        """Reads the rows into records; returns each row's kind (one block may hold an indicator
        table and the activity table after it)."""
        kinds = []
        top = next((k for k, cells in enumerate(rows) if any(cells)), 0)
        for k, (row, cells) in enumerate(zip(table.rows, rows)):
            layout = read_header(cells, self.year) if any(cells) else None
            if layout is not None:
                if self._layout is not None and (layout.repeats(self._layout) or (
                        k == top and layout.repeats(self._first) and self._still_current(rows[k + 1:], layout))):
                    # A page break repeats a table's first header row, also over the activity
                    # rows that a second header inside the same table introduced.
                    self._after_break = True
                else:
                    if self._layout is None:
                        self._first = layout
                    self._layout, self._record, self._comment_open = layout, None, False
            elif self._layout is not None and any(cells):
                self._row(row, realign(cells, self._layout), table_id, goal_id)
                self._after_break = False
            kinds.append(self._layout.kind if self._layout else "other")
        return kinds

    def _still_current(self, rows: list[list[str]], other: Layout) -> bool:
        """Whether the first data row below a header fits the open layout at least as well as
        the layout that header announces."""
        for cells in rows:
            if any(cells) and read_header(cells, self.year) is None:
                current = _fitness(realign(cells, self._layout), self._layout)
                return current >= _fitness(realign(cells, other), other)
        return True

    def _row(self, row: Row, cells: list[str], table_id: str, goal_id: str | None) -> None:
        layout = self._layout
        name = strip_markers(cells[layout.name_col])
        values = {f: cells[k] for f, k in layout.columns.items() if k < len(cells)}
        has_values = any(_is_value(v) for f, v in values.items() if f != "comment")
        if layout.kind == "activity" and any(values.get(f) and parse_date(values[f]) is None for f in ("start", "end")):
            # Words or counts under Startdatum/Slutdatum: a chart's data or a note a converter
            # spread over the cells, not an activity.
            has_values = False
        label = aliases.COMMENT_LABEL.match(name)
        if label and not has_values:
            self._open_comment(name[label.end():])
            return
        if not has_values:
            text = " ".join(strip_markers(c) for c in cells if _is_value(c))
            if self._record is not None and (self._after_break or first_letter_is_lower(text)
                                             or _ends_mid_phrase(self._record.name)):
                self._continue(text)
            elif self._record is not None and (self._comment_open or row.spanning):
                self._open_comment(text)
            elif text:
                self._new(row, name or text, values, table_id, goal_id)
            return
        if self._record is not None and self._after_break and first_letter_is_lower(name):
            self._record.name = f"{self._record.name} {name}"
            for f, v in values.items():
                if v and not self._record.cells.get(f):
                    self._record.cells[f] = v
            return
        self._new(row, name, values, table_id, goal_id)

    def _new(self, row: Row, name: str, values: dict[str, str], table_id: str, goal_id: str | None) -> None:
        self._record = Record(self._layout.kind, self._layout, name, dict(values), row, table_id, goal_id)
        self.records.append(self._record)
        self._comment_open = False

    def _open_comment(self, text: str) -> None:
        if self._record is None:
            return
        self._comment_open = True
        if text:
            self._record.comments.append(text)

    def _continue(self, text: str) -> None:
        record = self._record
        if self._comment_open and record.comments:
            record.comments[-1] = f"{record.comments[-1]} {text}"
        elif self._comment_open:
            record.comments.append(text)
        else:
            record.name = f"{record.name} {text}"

    # financial tables -------------------------------------------------------------------------

    def _financial(self, table: Table, rows: list[list[str]], table_id: str,
                   before: list[Paragraph], after: Paragraph | None) -> bool:
        head = 0
        while head < len(rows) and not any(_is_number(c) for c in rows[head][1:]):
            head += 1
        if head == 0 or head == len(rows):
            return False
        header_rows = rows[:head]
        header_text = " ".join(c for cells in header_rows for c in cells)
        caption = before[-1].text if before and len(before[-1].text) <= 120 else ""
        if not (aliases.BUDGET_HEADER.search(header_text) or money_unit_in(caption)):
            return False
        units = {parse_quantity(c).unit for cells in rows[head:] for c in cells[1:] if _is_number(c)}
        if units - {None, "%", *SEK_PER_UNIT}:
            return False  # counts ("13 st") make a statistics table, not a financial one
        columns = _column_names(header_rows)
        title = _title(before)
        unit = (money_unit_in(header_text) or _unit_before(before)
                or (money_unit_in(after.text) if after is not None else None)
                or (self._last_unit if title is None else None))
        # A table with no caption of its own continues the section of the one before it.
        title = title or self._last_title
        self._last_title, self._last_unit = title, unit
        found = False
        for row, cells in zip(table.rows[head:], rows[head:]):
            label_col = 1 if not cells[0] and len(cells) > 1 and cells[1] and not _is_number(cells[1]) else 0
            label = strip_markers(cells[label_col])
            for k in range(label_col + 1, len(cells)):
                quantity = parse_quantity(cells[k])
                if quantity.value is None:
                    continue
                column = columns[k] if k < len(columns) else None
                if quantity.unit in ("%", *SEK_PER_UNIT):
                    cell_unit = quantity.unit
                elif column and _PERCENT_HEADER.search(column):
                    cell_unit = "%"
                else:
                    cell_unit = unit
                self.budget.append({
                    "doc_id": self.doc_id, "table_id": table_id, "table_title": title, "row_label": label,
                    "column": column, "value": quantity.value,
                    "unit": cell_unit, "value_sek": to_sek(quantity.value, cell_unit), "raw": cells[k],
                    "page": row.place.page, "line": row.place.line})
                found = True
        return found

    # output -----------------------------------------------------------------------------------

    def indicator_rows(self) -> list[dict]:
        return [_indicator(self.doc_id, r) for r in self.records if r.kind == "indicator" and r.name]

    def activity_rows(self) -> list[dict]:
        return [_activity(self.doc_id, r) for r in self.records if r.kind == "activity" and r.name]


def _ends_mid_phrase(name: str) -> bool:
    """A name cut after a word no name ends with ("... för de aspiranter som") goes on in the next row."""
    words = name.rstrip().split()
    return bool(words) and (words[-1].casefold() in aliases.CONTINUING_WORDS or words[-1][-1] in "-,(/")


def _is_number(text: str) -> bool:
    return bool(text) and not _YEAR_ONLY.match(text) and parse_quantity(text).value is not None


def _column_names(header_rows: list[list[str]]) -> list[str | None]:
    """One name per column; upper header levels spread over the columns they were merged across."""
    width = max(len(cells) for cells in header_rows)
    levels = []
    for depth, cells in enumerate(header_rows):
        cells = cells + [""] * (width - len(cells))
        if depth < len(header_rows) - 1:
            for k in range(2, width):
                if not cells[k] and cells[k - 1]:
                    cells[k] = cells[k - 1]
        levels.append(cells)
    names = [" / ".join(dict.fromkeys(level[k] for level in levels if level[k])) or None for k in range(width)]
    return names


def _unit_before(before: list[Paragraph]) -> str | None:
    for paragraph in reversed(before):
        unit = money_unit_in(paragraph.text)
        if unit:
            return unit
    return None


def _title(before: list[Paragraph]) -> str | None:
    """The nearest paragraph above the table that reads as a heading or caption."""
    for paragraph in reversed(before):
        text = paragraph.text
        if money_unit_in(text) and len(text) < 20 or not _WORDY.search(text):
            continue  # a unit caption such as "(mkr)"
        if len(text) <= 100 and not text.rstrip().endswith((".", ":")):
            return text
    return None


def _cell(record: Record, name: str) -> str | None:
    text = strip_markers(record.cells.get(name) or "")
    return text or None


def _indicator(doc_id: str, record: Record) -> dict:
    row = {"doc_id": doc_id, "goal_id": record.goal_id, "table_id": record.table_id, "kind": record.layout.label,
           "name": record.name, "indicator_key": indicator_key(record.name),
           "previous_label": record.layout.previous_label if "previous_outcome" in record.layout.columns else None,
           "period": _cell(record, "period"), "frequency": _cell(record, "frequency"),
           "comment": "\n".join(record.comments) or _cell(record, "comment"),
           "page": record.row.place.page, "line": record.row.place.line}
    unit = None
    for name in aliases.INDICATOR_NUMBERS:
        raw = _cell(record, name)
        quantity = parse_quantity(raw)
        row[name], row[f"{name}_raw"] = quantity.value, raw
        unit = unit or quantity.unit
    row["unit"] = unit
    return row


def _activity(doc_id: str, record: Record) -> dict:
    start, end = _cell(record, "start"), _cell(record, "end")
    comments = record.comments + ([_cell(record, "comment")] if _cell(record, "comment") else [])
    return {"doc_id": doc_id, "goal_id": record.goal_id, "table_id": record.table_id, "kind": record.layout.label,
            "name": record.name, "start_date": parse_date(start), "end_date": parse_date(end),
            "start_raw": start, "end_raw": end, "deviation": _cell(record, "deviation"),
            "comment": "\n".join(comments) or None, "page": record.row.place.page, "line": record.row.place.line}
