"""A file's `table_cells` held as the table's columns, not as a record a cell.

A report's cells are most of its rows (490 a file of the bench corpus, against 153 rows of all
its other tables), and a cell is only ever tabulated: a CellRecord cost about 20,000 instructions
to make and 8,000 more to take apart into Arrow values; as columns a cell costs about 5,000 in
all (callgrind, 100,000 cells). What is the same for a row (table, kind, row, page, line) is
repeated for its cells in C, and what is the same for the file (doc_id, year) or missing in a
source (the spans and boxes of text) becomes an Arrow array in one call. The columns are
CellRecord's, named by the schema: a field added there without a column here fails at once.
"""
from __future__ import annotations

from itertools import compress
from typing import Any

import pyarrow as pa

from parsers.blocks import Box, PageView, Span, Table
from pipeline.schema import TABLES, CellRecord, Columnar


def _same(value: Any, type_: pa.DataType, count: int) -> pa.Array:
    """`count` times one value (null for None) as an Array of the column's type."""
    return pa.nulls(count, type_) if value is None else pa.repeat(pa.scalar(value, type_), count)


class CellColumns(Columnar[CellRecord]):
    """The filled cells of a file's tables, in the order they are added."""

    record = CellRecord

    def __init__(self, doc_id: str, year: int | None) -> None:
        self.doc_id, self.year = doc_id, year
        self._table_ids: list[str] = []
        self._kinds: list[str] = []
        self._rows: list[int] = []
        self._cols: list[int] = []
        self._texts: list[str] = []
        self._pages: list[int | None] = []
        self._lines: list[int | None] = []
        # cell index -> its span or box: only paged and Word sources give them, and few cells span
        self._spans: dict[int, Span] = {}
        self._boxes: dict[int, Box] = {}

    def __len__(self) -> int:
        return len(self._texts)

    def add(self, table: Table, table_id: str, kinds: list[str]) -> None:
        """Every filled cell of the table, each row of the kind given for it."""
        # The lists bound to names once a table, so that a row's values are added to them in place.
        texts, cols, table_ids, kinds_, rows, pages, lines = (self._texts, self._cols, self._table_ids, self._kinds,
                                                              self._rows, self._pages, self._lines)
        for r, (row, kind) in enumerate(zip(table.rows, kinds)):
            cells, start = row.cells, len(texts)
            # The filled cells and their columns, both taken in C.
            texts += filter(None, cells)
            count = len(texts) - start
            if not count:
                continue
            cols += compress(range(len(cells)), cells)
            place = row.place
            table_ids += [table_id] * count
            kinds_ += [kind] * count
            rows += [r] * count
            pages += [place.page] * count
            lines += [place.line] * count
            if row.spans or row.boxes:
                for index in range(start, start + count):
                    if (span := row.spans.get(cols[index])) is not None:
                        self._spans[index] = span
                    if (box := row.boxes.get(cols[index])) is not None:
                        self._boxes[index] = box

    def show(self, views: dict[int, PageView]) -> None:
        """The boxes of cells on the pages of `views` as shown (`pipeline.recognise.page_view`)."""
        for index, box in self._boxes.items():
            page = self._pages[index]
            if page is not None and page in views:
                self._boxes[index] = views[page].shown(box)

    def at(self, index: int) -> CellRecord:
        span, box = self._spans.get(index), self._boxes.get(index)
        return CellRecord(
            doc_id=self.doc_id, year=self.year, table_id=self._table_ids[index], kind=self._kinds[index],
            row=self._rows[index], col=self._cols[index], row_span=span.rows if span else 1,
            col_span=span.columns if span else 1, text=self._texts[index], page=self._pages[index],
            line=self._lines[index], x0=box.x0 if box else None, y0=box.y0 if box else None,
            x1=box.x1 if box else None, y1=box.y1 if box else None)

    def arrays(self) -> list[pa.Array]:
        schema, count = TABLES["table_cells"].schema, len(self)
        types = {field.name: field.type for field in schema}
        columns = {"doc_id": _same(self.doc_id, types["doc_id"], count), "year": _same(self.year, types["year"], count)}
        for name, values in (("table_id", self._table_ids), ("kind", self._kinds), ("row", self._rows),
                             ("col", self._cols), ("text", self._texts), ("page", self._pages), ("line", self._lines)):
            columns[name] = pa.array(values, type=types[name])
        spans = [self._spans.get(k) for k in range(count)] if self._spans else None
        for name, extent in (("row_span", "rows"), ("col_span", "columns")):
            columns[name] = (_same(1, types[name], count) if spans is None else
                             pa.array([getattr(span, extent) if span else 1 for span in spans], type=types[name]))
        boxes = [self._boxes.get(k) for k in range(count)] if self._boxes else None
        for edge in ("x0", "y0", "x1", "y1"):
            columns[edge] = (_same(None, types[edge], count) if boxes is None else
                             pa.array([getattr(box, edge) if box else None for box in boxes], type=types[edge]))
        return [columns[name] for name in schema.names]
