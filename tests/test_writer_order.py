"""Processes sharing the dataset's write (pipeline.dataset.writer.write_tables) each take the next
table no other has taken: the series first, then the others longest first, so that the last
taken are the shortest and no process writes a long table alone while the others are done."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.dataset import writer
from pipeline.schema import TABLES, TableSpec


def test_the_tables_are_taken_the_series_first_then_the_longest(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    taken: list[str] = []
    write = writer._write_table

    def recorded(folder: Path, spec: TableSpec, parts: list[writer.Part]) -> list[Path]:
        taken.append(spec.name)
        return write(folder, spec, parts)

    monkeypatch.setattr(writer, "_write_table", recorded)
    writer.write_tables(tmp_path, [])
    assert taken[:3] == ["indicators", "indicator_series", "table_cells"]
    assert taken.index("goals") < taken.index("documents") < taken.index("checks") < taken.index("problems")
    assert sorted(taken) == sorted(TABLES)
    # A second process given the same folder finds every table taken and writes none.
    taken.clear()
    assert writer.write_tables(tmp_path, []) == [] and taken == []
