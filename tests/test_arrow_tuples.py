"""A file's records turned into Arrow tables all columns in one call (tables of a few thousand rows)
give the tables a column at a time gives: the same types, values, nulls and schema metadata, on
every table of every seed and of a ruled fixture PDF."""
from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest

from paths import FIXTURES, SEEDS
from pipeline.dataset import arrow
from pipeline.run.extract import extract_file

INPUTS = [*sorted(SEEDS.glob("*.txt")), *sorted(FIXTURES.glob("*.pdf"))[:1]]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_records_as_tuples_tabulate_as_columns_do(path: Path):
    rows = extract_file(path, path.parent)
    assert max(len(records) for records in rows.tables.values()) <= arrow.ROWS_AS_TUPLES
    as_tuples = arrow.to_tables(rows)
    with mock.patch.object(arrow, "ROWS_AS_TUPLES", 0):
        by_column = arrow.to_tables(rows)
    assert as_tuples.keys() == by_column.keys() and len(as_tuples) > 3
    for name, table in as_tuples.items():
        assert table.schema.equals(by_column[name].schema, check_metadata=True), name
        assert table.equals(by_column[name], check_metadata=True), name
        assert table.to_pylist() == by_column[name].to_pylist(), name
