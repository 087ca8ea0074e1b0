"""A file's cells held as columns (pipeline.recognise.cell_columns) tabulate as their records do:
the same Arrow table, types, values and nulls, from text (no boxes, no spans), Word (spans) and a
ruled PDF (boxes and spans); and read as a sequence they are those records."""
from __future__ import annotations

from pathlib import Path

import pytest

from parsers.blocks import Box, Place, Row, Span, Table
from paths import FIXTURES, SEEDS
from pipeline.dataset.arrow import to_tables
from pipeline.recognise.cell_columns import CellColumns
from pipeline.run.extract import extract_file
from pipeline.schema import CellRecord, Columnar, FileRows

INPUTS = [*sorted(SEEDS.glob("*.txt"))[:2], *sorted(FIXTURES.glob("*.docx"))[:1], *sorted(FIXTURES.glob("*.pdf"))[:1]]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_cell_columns_tabulate_as_their_records(path: Path):
    rows = extract_file(path, path.parent)
    cells = rows.tables["table_cells"]
    assert isinstance(cells, Columnar) and len(cells) > 100
    records = list(cells)
    assert all(type(record) is CellRecord for record in records) and records[-1] == cells[-1]
    as_columns = to_tables(FileRows(rows.source_path, rows.doc_id, {"table_cells": cells}))["table_cells"]
    as_records = to_tables(FileRows(rows.source_path, rows.doc_id, {"table_cells": records}))["table_cells"]
    assert as_columns.schema.equals(as_records.schema, check_metadata=True)
    assert as_columns.equals(as_records) and as_columns.to_pylist() == as_records.to_pylist()


def test_cell_columns_keep_spans_boxes_and_empty_cells_out():
    cells = CellColumns("d", None)
    box = Box(1.0, 2.0, 3.0, 4.0)
    table = Table([Row(["a", "", "b"], Place(2, 7), spans={2: Span(2, 1)}, boxes={0: box}),
                   Row(["", ""], Place(2, 8)), Row(["", "c"], Place(3, 1))], Place(2, 7))
    cells.add(table, "d:t001", ["budget", "budget", "other"])
    assert [(c.row, c.col, c.text, c.kind, c.page, c.line, c.row_span, c.col_span, c.x0, c.y1) for c in cells] == [
        (0, 0, "a", "budget", 2, 7, 1, 1, 1.0, 4.0), (0, 2, "b", "budget", 2, 7, 2, 1, None, None),
        (2, 1, "c", "other", 3, 1, 1, 1, None, None)]
    table_ = to_tables(FileRows("a.pdf", "d", {"table_cells": cells}))["table_cells"]
    assert table_.to_pylist() == [{name: getattr(c, name) for name in table_.schema.names} for c in cells]
    assert cells[1:] == [cells[1], cells[2]] and cells[-3] == cells[0]
    with pytest.raises(IndexError):
        cells[3]
