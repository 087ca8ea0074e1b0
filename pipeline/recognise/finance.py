"""Financial tables (mnkr/tkr): every number with its row label, column header and unit.

A table is financial when its header names a financial column or a money unit ("Budget",
"Utfall", "mnkr") and its body holds numbers that are money or percent; a table of counts
("13 st") is statistics, not finance. Header levels spread over the columns they span.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from normalizers.numbers import SEK_PER_UNIT, money_unit_in, parse_quantity, to_sek
from normalizers.text import strip_markers
from parsers.blocks import Box, Paragraph, Row, Table
from pipeline.recognise import vocabulary
from pipeline.recognise.settings import SETTINGS
from pipeline.schema import BudgetRecord

_YEAR_ONLY = regex.compile(r"^(?:19|20)\d\d$")
_WORDY = regex.compile(r"\p{L}{3,}")
_INDENT_DASH = regex.compile(r"^[-–—]\s+(?=\p{L})")
_OWN_UNITS = frozenset(("%", *SEK_PER_UNIT))  # a cell's unit that no column or caption overrides


# Asked of every cell of a table at least twice (where its header ends, its units) and of row
# labels: a pure function of the cell text.
@lru_cache(maxsize=16384)
def is_number(text: str) -> bool:
    return bool(text) and not _YEAR_ONLY.match(text) and parse_quantity(text).value is not None


class FinanceReader:
    """Reads the financial tables of one document in order: a table without a caption of its
    own continues the section, and so the unit, of the one before it."""

    def __init__(self, doc_id: str, year: int | None):
        self.doc_id, self.year = doc_id, year
        self._last_title: str | None = None
        self._last_unit: str | None = None

    def read(self, table: Table, rows: list[list[str]], table_id: str,
             before: list[Paragraph], after: Paragraph | None) -> list[BudgetRecord]:
        """The table's numbers, or [] when it is no financial table."""
        head = 0
        while head < len(rows) and not any(is_number(c) for c in rows[head][1:]):
            head += 1
        if head == 0 or head == len(rows):
            return []
        header_text = " ".join(c for cells in rows[:head] for c in cells)
        caption = table.caption or (before[-1].text if before and len(before[-1].text) <= SETTINGS.max_caption_length
                                    else "")
        if not (vocabulary.BUDGET_HEADER.search(header_text) or money_unit_in(caption)):
            return []
        units = {parse_quantity(c).unit for cells in rows[head:] for c in cells[1:] if is_number(c)}
        if units - {None, "%", *SEK_PER_UNIT}:
            return []  # counts ("13 st") make a statistics table, not a financial one
        columns = column_names(table.rows[:head], rows[:head])
        title = table.caption or _title(before)
        unit = (money_unit_in(header_text) or money_unit_in(table.caption or "") or _unit_before(before)
                or (money_unit_in(after.text) if after is not None else None)
                or (self._last_unit if title is None else None))
        title = title or self._last_title
        self._last_title, self._last_unit = title, unit
        # A column's name says percent for all its rows: asked once a column, not once a cell.
        percent = {k for k, column in enumerate(columns) if column and vocabulary.PERCENT_HEADER.search(column)}
        return [record for row, cells in zip(table.rows[head:], rows[head:])
                for record in self._row(row, cells, columns, percent, table_id, title, unit)]

    def _row(self, row: Row, cells: list[str], columns: list[str | None], percent: set[int], table_id: str,
             title: str | None, unit: str | None) -> list[BudgetRecord]:
        label_col = 1 if not cells[0] and len(cells) > 1 and cells[1] and not is_number(cells[1]) else 0
        label = _sub_row_label(strip_markers(cells[label_col]))
        out = []
        for k in range(label_col + 1, len(cells)):
            quantity = parse_quantity(cells[k])
            if quantity.value is None:
                continue
            column = columns[k] if k < len(columns) else None
            cell_unit: str | None
            if quantity.unit in _OWN_UNITS:
                cell_unit = quantity.unit
            elif k in percent:
                cell_unit = "%"
            else:
                cell_unit = unit
            box = row.boxes.get(k)
            out.append(BudgetRecord(
                doc_id=self.doc_id, year=self.year, table_id=table_id, table_title=title, row_label=label,
                column=column, value=quantity.value, unit=cell_unit, value_sek=to_sek(quantity.value, cell_unit),
                raw=cells[k], page=row.place.page, line=row.place.line, **box_columns(box)))
        return out


def box_columns(box: Box | None) -> dict[str, float | None]:
    if box is None:
        return {"x0": None, "y0": None, "x1": None, "y1": None}
    return {"x0": box.x0, "y0": box.y0, "x1": box.x1, "y1": box.y1}


def _sub_row_label(label: str) -> str:
    """"- Ekonomi" is the sub-row "Ekonomi": the dash is the template's indent, not a sign."""
    return _INDENT_DASH.sub("", label)


def column_names(header_rows: list[Row], header_cells: list[list[str]]) -> list[str | None]:
    """One name per column: a header cell names every column it spans, an upper level with no
    spans recorded is spread over the empty cells after it; levels joined with " / "."""
    width = max(len(cells) for cells in header_cells)
    levels: list[list[str]] = [[""] * width for _ in header_cells]
    for depth, (row, cells) in enumerate(zip(header_rows, header_cells)):
        for k, text in enumerate(cells):
            if not text:
                continue
            span = row.spans.get(k)
            for d in range(depth, min(len(levels), depth + (span.rows if span else 1))):
                for c in range(k, min(width, k + (span.columns if span else 1))):
                    levels[d][c] = levels[d][c] or text
    for depth, level in enumerate(levels[:-1]):
        if not any(header_rows[depth].spans.values()):
            for k in range(2, width):
                if not level[k] and level[k - 1]:
                    level[k] = level[k - 1]
    return [" / ".join(dict.fromkeys(level[k] for level in levels if level[k])) or None for k in range(width)]


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
        if len(text) <= SETTINGS.max_table_title_length and not text.rstrip().endswith((".", ":")):
            return text
    return None
