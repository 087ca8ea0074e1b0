"""One file's records as Arrow tables cast to their schemas: what the cache keeps of a file."""
from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa

from pipeline.schema import (
    RECORD_TABLES,
    TABLES,
    FileRows,
    ProblemRecord,
    Record,
    TableSpec,
)


def _columns(spec: TableSpec, records: Sequence[Record]) -> dict[str, list[object]]:
    return {name: [getattr(record, name) for record in records] for name in spec.names}


def _column_error(spec: TableSpec, records: Sequence[Record]) -> str:
    """Name the first column whose values do not fit the schema, for an actionable message."""
    for field in spec.schema:
        try:
            pa.array([getattr(record, field.name) for record in records], type=field.type)
        except MemoryError:
            raise
        except (pa.ArrowException, TypeError, ValueError) as error:
            return f"{spec.name}.{field.name}: {error}"
    return spec.name


def to_tables(rows: FileRows) -> dict[str, pa.Table]:
    """One file's records as Arrow tables; empty tables are left out.

    A table whose records do not fit the schema (a recogniser bug) is dropped with a `problems`
    row instead of failing the whole file. Running out of memory is no such bug: it is raised,
    so the file is reported as over its memory limit and retried, never cached without rows.
    """
    problems = list(rows.problems)
    tables: dict[str, pa.Table] = {}
    for name, records in rows.tables.items():
        spec = TABLES[name]
        if not records:
            continue
        wrong = {type(r).__name__ for r in records if RECORD_TABLES.get(type(r)) != name}
        if wrong:
            raise TypeError(f"records of {', '.join(sorted(wrong))} given as rows of {name}")
        try:
            tables[name] = pa.Table.from_pydict(_columns(spec, records), schema=spec.schema)
        except MemoryError:
            raise
        except (pa.ArrowException, TypeError, ValueError):
            problems.append(ProblemRecord(
                source_path=rows.source_path, doc_id=rows.doc_id, severity="warning", code="invalid_rows",
                message=f"{len(records)} rows of {name} were left out: a value does not fit the column "
                        f"({_column_error(spec, records)}); this is a bug in rapportdata, please report it",
                page=None, line=None))
    if problems:
        tables["problems"] = pa.Table.from_pydict(_columns(TABLES["problems"], problems),
                                                  schema=TABLES["problems"].schema)
    return tables
