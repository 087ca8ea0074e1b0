"""Indicator, activity and financial tables recognised on blocks.

An indicator or activity table may be cut by page breaks into several Table blocks, each
repeating the header; rows wrap; comment rows follow the row they comment on. `TableAssembler`
keeps the logical table open across blocks until a paragraph comes between them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from normalizers.dates import parse_date
from normalizers.numbers import parse_quantity
from normalizers.text import (
    first_letter_is_lower,
    indicator_key,
    strip_markers,
)
from parsers.blocks import Box, Paragraph, Row, Table
from pipeline.recognise import vocabulary
from pipeline.recognise.cell_columns import CellColumns
from pipeline.recognise.cells import collapsed
from pipeline.recognise.finance import FinanceReader, box_columns
from pipeline.recognise.first_char import FirstChar
from pipeline.recognise.header import Layout, read_header
from pipeline.recognise.realign import fitness, is_value, realign
from pipeline.recognise.regrid import Extents, extents, regrid
from pipeline.schema import ActivityRecord, BudgetRecord, IndicatorRecord

# Asked of nearly every row of an indicator or activity table twice (its first cell's last word
# as a label run into a header, its lead as a comment's): most start with a letter no label does.
_COMMENT_LABEL = FirstChar(vocabulary.COMMENT_LABEL)


@dataclass
class Entry:
    """One indicator or activity as it is being read: its row, and the rows that continue it."""

    layout: Layout
    name: str
    cells: dict[str, str]
    row: Row
    table_id: str
    goal_id: str | None
    comments: list[str] = field(default_factory=list)


@dataclass
class _Open:
    """The logical table being read: its current header, the first one (what page breaks
    repeat), the entry rows are added to, and whether a comment or a page break is open."""

    layout: Layout
    first: Layout
    entry: Entry | None = None
    comment_open: bool = False
    after_break: bool = False
    page: int | None = None  # the page of the table's last row, where a paged source has pages
    extents: Extents = field(default_factory=dict)  # its columns' edges, where the reader gave boxes


class TableAssembler:
    def __init__(self, doc_id: str, year: int | None = None):
        self.doc_id = doc_id
        self.year = year
        self.entries: list[Entry] = []
        self.budget: list[BudgetRecord] = []
        self.cells = CellColumns(doc_id, year)
        self.count = 0
        self.finance = FinanceReader(doc_id, year)
        self._open: _Open | None = None

    def interrupt(self) -> None:
        """Text came between tables: the logical table ends."""
        self._open = None

    def rest_of_row(self, paragraph: Paragraph) -> bool:
        """Whether a paragraph right under a table that was only its repeated header, or at the
        top of the page after the table's last row, is the rest of the row a page break cut
        (going on in lower case): a reader may leave those lines out of the table. It then goes
        on that row."""
        state = self._open
        if state is None or state.entry is None or not first_letter_is_lower(paragraph.text):
            return False
        # Text going on in lower case at the top of the page after the table's last row is
        # that row's rest too: a reader that finds a table by its shaded rows leaves the
        # unshaded lines of a row cut by the page break out of the table on the next page.
        next_page = paragraph.place.page is not None and state.page is not None and paragraph.place.page > state.page
        if not (state.after_break or next_page):
            return False
        self._continue(state, state.entry, paragraph.text)
        state.after_break = False
        return True

    def add(self, table: Table, goal_id: str | None, before: list[Paragraph], after: Paragraph | None) -> None:
        table_id = self._next_id()
        state = self._open
        if state is not None and state.page is not None and table.place.page != state.page and state.extents:
            # The table goes on on a later page: its cells under the columns they stand under,
            # down to a header of its own (a new table's, with columns of its own).
            head = next((k for k, row in enumerate(table.rows)
                         if read_header(collapsed(row.cells), self.year)), len(table.rows))
            width = state.layout.width
            regridded = [regrid(row, state.extents, width) for row in table.rows[:head]]
            table = Table(regridded + table.rows[head:], table.place, table.caption)
        rows = [collapsed(row.cells) for row in table.rows]
        if self._open is not None or _header_under_text(table.rows, rows, self.year):
            if self._open is not None:
                self._open.after_break = True
            kinds = self._structured(table, rows, table_id, goal_id)
            if self._open is not None:
                self._open.page = table.rows[-1].place.page if table.rows else None
                self._open.extents = extents(table.rows, self._open.layout.width) or self._open.extents
        else:
            budget = self.finance.read(table, rows, table_id, before, after)
            self.budget.extend(budget)
            kinds = ["budget" if budget else "other"] * len(rows)
        self.cells.add(table, table_id, kinds)

    def goal_table(self, table: Table) -> None:
        """A table of goals: its rows are goals (the recogniser's), its cells kept raw here."""
        self.interrupt()
        self.cells.add(table, self._next_id(), ["goal"] * len(table.rows))

    def _next_id(self) -> str:
        self.count += 1
        return f"{self.doc_id}:t{self.count:03d}"

    # indicator and activity tables -------------------------------------------------------

    def _structured(self, table: Table, rows: list[list[str]], table_id: str, goal_id: str | None) -> list[str]:
        """Reads the rows into entries; returns each row's kind (one block may hold an indicator
        table and the activity table after it)."""
        kinds = []
        top = next((k for k, cells in enumerate(rows) if any(cells)), 0)
        for k, (row, cells) in enumerate(zip(table.rows, rows)):
            layout = read_header(cells, self.year) if any(cells) else None
            over_label = layout is None and any(cells) and (layout := _header_over_label(cells, self.year)) is not None
            state = self._open
            if layout is not None:
                if state is not None and (layout.repeats(state.layout) or (
                        k == top and layout.repeats(state.first) and self._still_current(rows[k + 1:], layout))):
                    # A page break repeats a table's first header row, also over the activity
                    # rows that a second header inside the same table introduced.
                    state.after_break = True
                elif state is None:
                    self._open = _Open(layout, layout)
                else:
                    self._open = _Open(layout, state.first)
                if over_label and self._open is not None:
                    self._open_comment(self._open, "")
            elif state is not None and any(cells):
                self._row(state, row, realign(cells, state.layout), table_id, goal_id)
                state.after_break = False
            kinds.append(self._open.layout.kind if self._open else "other")
        return kinds

    def _still_current(self, rows: list[list[str]], other: Layout) -> bool:
        """Whether the first data row below a header fits the open layout at least as well as
        the layout that header announces."""
        assert self._open is not None
        current = self._open.layout
        for cells in rows:
            if any(cells) and read_header(cells, self.year) is None:
                return fitness(realign(cells, current), current) >= fitness(realign(cells, other), other)
        return True

    def _row(self, state: _Open, row: Row, cells: list[str], table_id: str, goal_id: str | None) -> None:
        layout = state.layout
        name = strip_markers(cells[layout.name_col])
        values = {f: cells[k] for f, k in layout.columns.items() if k < len(cells)}
        for f, k in layout.columns.items():
            if not values.get(f) and k in row.symbols:
                values[f] = f"symbol: {row.symbols[k]}"
        entry = state.entry
        if layout.kind == "activity" and entry is not None:
            # A date cut at its dash ("2010-12-" over "31") goes on in the row under it.
            for f in ("start", "end"):
                if entry.cells.get(f, "").endswith("-") and values.get(f, "").isdigit():
                    entry.cells[f] += values[f]
                    cells = [c if k != layout.columns[f] else "" for k, c in enumerate(cells)]
                    values[f] = ""
        # Words or counts under Startdatum/Slutdatum: a chart's data or a note a converter spread
        # over the cells, never an activity of its own (a date cut at its dash is still a date).
        chart = layout.kind == "activity" and any(values.get(f) and parse_date(values[f]) is None
                                                  and "-" not in values[f] for f in ("start", "end"))
        has_values = not chart and any(is_value(v) for f, v in values.items() if f != "comment")
        # A comment's label may stand before the name's column (in an empty symbol column's).
        lead = name or " ".join(strip_markers(c) for c in cells[:layout.name_col] if is_value(c))
        label = _COMMENT_LABEL.match(lead)
        if label and not has_values:
            self._open_comment(state, lead[label.end():])
            return
        if not has_values:
            text = " ".join(strip_markers(c) for c in cells if is_value(c))
            if entry is not None and (state.after_break or first_letter_is_lower(text) or _ends_mid_phrase(entry.name)):
                if name and not state.comment_open and any(values.values()):
                    # A row wrapped over two lines of the grid goes on column by column: the
                    # name in the name's column, a comment beside it in the comment's.
                    entry.name = f"{entry.name} {name}"
                    for f, v in values.items():
                        if v:
                            entry.cells[f] = f"{entry.cells[f]} {v}" if entry.cells.get(f) else v
                else:
                    self._continue(state, entry, text)
            elif entry is not None and (state.comment_open or row.spanning or chart):
                self._open_comment(state, text)
            elif entry is None and row.place.page is not None and first_letter_is_lower(text):
                # With no row open, text going on in lower case and no values is the rest of a
                # sentence cut before the table (a page break's, printed under the repeated
                # header), across the table or in its first column: no row of its own. The
                # rows without values under it are that cut cell's further paragraphs. Only a
                # paged source has such breaks: in Word, HTML or text a row in lower case
                # without values is an activity without dates ("e-tjänst för bygglov ...").
                state.comment_open = True
                return
            elif entry is None and state.comment_open:
                return
            elif text and not chart:
                self._new(state, row, name or text, values, table_id, goal_id)
            return
        if entry is not None and state.after_break and first_letter_is_lower(name):
            entry.name = f"{entry.name} {name}"
            for f, v in values.items():
                if v and not entry.cells.get(f):
                    entry.cells[f] = v
            return
        self._new(state, row, name, values, table_id, goal_id)

    def _new(self, state: _Open, row: Row, name: str, values: dict[str, str], table_id: str,
             goal_id: str | None) -> None:
        state.entry = Entry(state.layout, name, dict(values), row, table_id, goal_id)
        self.entries.append(state.entry)
        state.comment_open = False

    @staticmethod
    def _open_comment(state: _Open, text: str) -> None:
        if state.entry is None:
            return
        state.comment_open = True
        if text:
            state.entry.comments.append(text)

    @staticmethod
    def _continue(state: _Open, entry: Entry, text: str) -> None:
        if state.comment_open and entry.comments:
            entry.comments[-1] = f"{entry.comments[-1]} {text}"
        elif state.comment_open:
            entry.comments.append(text)
        else:
            entry.name = f"{entry.name} {text}"

    # output -----------------------------------------------------------------------------------

    def indicator_records(self) -> list[IndicatorRecord]:
        return [_indicator(self.doc_id, self.year, e) for e in self.entries if e.layout.kind == "indicator" and e.name]

    def activity_records(self) -> list[ActivityRecord]:
        return [_activity(self.doc_id, self.year, e) for e in self.entries if e.layout.kind == "activity" and e.name]


def _header_under_text(table: list[Row], rows: list[list[str]], year: int | None) -> bool:
    """Whether an indicator or activity header heads the table, at its top or under rows of
    text alone across it: a PDF reader may take the text printed just above a table (a list, a
    caption) into it, and no table of figures has rows of one cell above its header. A row with
    one cell filled further right is the top line of a wrapped header, no text above the table."""
    for row, cells in zip(table, rows):
        if read_header(cells, year):
            return True
        if not row.spanning and any(cells[1:]):
            return False
    return False


def _header_over_label(cells: list[str], year: int | None) -> Layout | None:
    """The layout of a header row whose first cell ran into the comment label printed under it
    ("Indikator Analys"): a reader joins the label's line to a header cell wrapped over several
    lines when no rule or band parts them. The label still opens the comment of the row above
    the header (a page break repeated the header between them)."""
    k = next(k for k, cell in enumerate(cells) if cell)
    head, _, tail = cells[k].rpartition(" ")
    label = _COMMENT_LABEL.match(tail) if head else None
    if label is None or label.end() != len(tail):
        return None
    return read_header([*cells[:k], head, *cells[k + 1:]], year)


def _ends_mid_phrase(name: str) -> bool:
    """A name cut after a word no name ends with ("... för de aspiranter som") goes on in the next row."""
    words = name.rstrip().split()
    return bool(words) and (words[-1].casefold() in vocabulary.CONTINUING_WORDS or words[-1][-1] in "-,(/")


def _cell(entry: Entry, name: str) -> str | None:
    text = strip_markers(entry.cells.get(name) or "")
    return text or None


def row_box(row: Row) -> Box | None:
    """The box around all of a row's cells, where the reader gave boxes."""
    boxes = list(row.boxes.values())
    if not boxes:
        return None
    return Box(min(b.x0 for b in boxes), min(b.y0 for b in boxes), max(b.x1 for b in boxes), max(b.y1 for b in boxes))


def _indicator(doc_id: str, year: int | None, entry: Entry) -> IndicatorRecord:
    raw = {name: _cell(entry, name) for name in vocabulary.INDICATOR_NUMBERS}
    value = {name: parse_quantity(text) for name, text in raw.items()}
    unit = next((q.unit for q in value.values() if q.unit), None)
    layout = entry.layout
    return IndicatorRecord(
        doc_id=doc_id, year=year, goal_id=entry.goal_id, table_id=entry.table_id, kind=layout.label,
        name=entry.name, indicator_key=indicator_key(entry.name), series_id=None,  # linked when written
        outcome=value["outcome"].value, outcome_raw=raw["outcome"],
        outcome_men=value["outcome_men"].value, outcome_men_raw=raw["outcome_men"],
        outcome_women=value["outcome_women"].value, outcome_women_raw=raw["outcome_women"],
        previous_outcome=value["previous_outcome"].value, previous_outcome_raw=raw["previous_outcome"],
        forecast=value["forecast"].value, forecast_raw=raw["forecast"],
        target=value["target"].value, target_raw=raw["target"],
        kf_target=value["kf_target"].value, kf_target_raw=raw["kf_target"],
        unit=unit, previous_label=layout.previous_label if "previous_outcome" in layout.columns else None,
        period=_cell(entry, "period"), frequency=_cell(entry, "frequency"),
        comment="\n".join(entry.comments) or _cell(entry, "comment"),
        page=entry.row.place.page, line=entry.row.place.line, **box_columns(row_box(entry.row)))


def _activity(doc_id: str, year: int | None, entry: Entry) -> ActivityRecord:
    start, end = _cell(entry, "start"), _cell(entry, "end")
    column_comment = _cell(entry, "comment")
    comments = entry.comments + ([column_comment] if column_comment else [])
    return ActivityRecord(
        doc_id=doc_id, year=year, goal_id=entry.goal_id, table_id=entry.table_id, kind=entry.layout.label,
        name=entry.name, start_date=parse_date(start), end_date=parse_date(end), start_raw=start, end_raw=end,
        deviation=_cell(entry, "deviation"), status=_cell(entry, "status"),
        completion=parse_quantity(_cell(entry, "completion")).value,
        comment="\n".join(comments) or None, page=entry.row.place.page, line=entry.row.place.line,
        **box_columns(row_box(entry.row)))
