"""One file's records as Arrow tables cast to their schemas: what the cache keeps of a file."""
from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import Any

import pyarrow as pa

from pipeline.schema import (
    RECORD_TABLES,
    TABLES,
    Columnar,
    FileRows,
    ProblemRecord,
    Record,
    TableSpec,
)


# A table of up to this many records is converted in one call from each record's values as a
# tuple; a larger one a column at a time, so that a large file holds no tuple a record besides its
# records.
ROWS_AS_TUPLES = 4096


# Per table: the struct type of its rows and the getter of a record's values as a tuple. Made
# once a process, not once a file's table: a run makes seven tables a file, most of them a few
# rows long, where building the struct type cost a sixth of the conversion.
_ROW_TYPES: dict[str, tuple[pa.Schema, pa.StructType, attrgetter[Any]]] = {}


def _row_type(spec: TableSpec) -> tuple[pa.StructType, attrgetter[Any]]:
    found = _ROW_TYPES.get(spec.name)
    if found is None or found[0] is not spec.schema:  # the schema is made once a spec (cached_property)
        found = _ROW_TYPES[spec.name] = (spec.schema, pa.struct(list(spec.schema)), attrgetter(*spec.schema.names))
    return found[1], found[2]


def _table(spec: TableSpec, records: Sequence[Record]) -> pa.Table:
    if isinstance(records, Columnar):  # held as its columns already (a file's cells)
        return pa.Table.from_arrays(records.arrays(), schema=spec.schema)
    if len(records) <= ROWS_AS_TUPLES:
        # The values taken by attrgetter in C, all columns in one pyarrow call: a call a column
        # cost a fifth of a file's tabulating (most tables of a report are a few dozen rows).
        # The struct's fields are the schema's, so its columns are the table as they stand:
        # flattening them and checking them against the schema again cost as much as converting
        # a table of a few rows (a third of the seven tables a file).
        struct, values = _row_type(spec)
        return pa.Table.from_struct_array(pa.array(list(map(values, records)), type=struct))
    # A column at a time, its values taken by map in C: a table cell costs no Python step of its
    # own (a file's records are mostly table cells), and no more than one column is held besides
    # the records (taking each record's values as a tuple and transposing them held them all).
    return pa.Table.from_arrays([pa.array(list(map(attrgetter(field.name), records)), type=field.type)
                                 for field in spec.schema], schema=spec.schema)


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
        # Columns of one record type hold nothing else; their records are built only if asked for.
        kinds = {records.record} if isinstance(records, Columnar) else set(map(type, records))
        if kinds != {spec.record}:
            wrong = {kind.__name__ for kind in kinds if RECORD_TABLES.get(kind) != name}
            raise TypeError(f"records of {', '.join(sorted(wrong))} given as rows of {name}")
        try:
            tables[name] = _table(spec, records)
        except MemoryError:
            raise
        except (pa.ArrowException, TypeError, ValueError):
            problems.append(ProblemRecord(
                source_path=rows.source_path, doc_id=rows.doc_id, severity="warning", code="invalid_rows",
                message=f"{len(records)} rows of {name} were left out: a value does not fit the column "
                        f"({_column_error(spec, records)}); this is a bug in rapportdata, please report it",
                page=None, line=None))
    if problems:
        tables["problems"] = _table(TABLES["problems"], problems)
    return tables
