"""Rows to Arrow tables, Arrow tables to the Parquet dataset, and the atomic swap that publishes it.

Layout of a dataset folder (see docs/data-dictionary.md):

    <out>/<table>/year=<year>/part-0.parquet   every table with a `year` column (hive partitions)
    <out>/problems/part-0.parquet              problems (no year: one file)
    <out>/_manifest.json                       what the dataset was built from (pipeline.dataset.cache)

Rows whose year is unknown go to the partition `year=0`. pyarrow's own null partition
(`year=__HIVE_DEFAULT_PARTITION__`) cannot be read by `pandas.read_parquet` at all ("Cannot yet
unify dictionaries with nulls" next to other years, "couldn't infer type" alone), so a
documented sentinel is the only layout that pandas, polars and DuckDB all read as they are.
"""
from __future__ import annotations

import ctypes
import errno
import logging
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded when a dataset is written: recover and publish need neither
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.schema import TableSpec

log = logging.getLogger(__name__)

UNKNOWN_YEAR = 0
# Rows buffered per partition before they become one row group: bounds the writer's memory on
# large archives while keeping row groups big enough for fast scans.
ROW_GROUP_ROWS = 128 * 1024
PARQUET_OPTIONS = {"compression": "zstd", "write_statistics": True}

# A cache part: given a table name, that part's rows of it (already cast to the table's schema)
# or None when it has none.
Part = Callable[[str], "pa.Table | None"]


class _PartitionWriter:
    """Streams one year-partitioned table to disk, one buffer per partition."""

    def __init__(self, folder: Path, spec: TableSpec):
        self.folder = folder
        self.schema = spec.schema.remove(spec.schema.get_field_index("year"))
        self.buffers: dict[int, list[pa.Table]] = {}
        self.buffered: dict[int, int] = {}  # rows in each buffer, not summed again at every part
        self.writers: dict[int, pq.ParquetWriter] = {}
        self.paths: list[Path] = []

    def add(self, table: pa.Table) -> None:
        import pyarrow as pa

        if not len(table):
            return
        data, column = table.drop_columns(["year"]), table["year"]
        # A file's rows share its report's year, so the filter (and pyarrow.compute, which a
        # worker otherwise never imports) is rarely needed. Told by comparing the column with
        # its first value repeated, in C, not by a Python int made for every row.
        first = column[0].as_py()
        if column.equals(pa.chunked_array([pa.repeat(pa.scalar(first, column.type), len(column))], column.type)):
            parts = [(UNKNOWN_YEAR if first is None else first, data)]
        else:
            import pyarrow.compute as pc

            years = {UNKNOWN_YEAR if year is None else year for year in column.to_pylist()}
            column = column.fill_null(UNKNOWN_YEAR)
            parts = [(year, data.filter(pc.equal(column, year))) for year in sorted(years)]
        for year, part in parts:
            self.buffers.setdefault(year, []).append(part)
            self.buffered[year] = self.buffered.get(year, 0) + len(part)
            if self.buffered[year] >= ROW_GROUP_ROWS:
                self._flush(year)

    def _flush(self, year: int) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = pa.concat_tables(self.buffers.pop(year))
        del self.buffered[year]
        if year not in self.writers:
            path = self.folder / f"year={year}" / "part-0.parquet"
            path.parent.mkdir(parents=True)
            self.writers[year] = pq.ParquetWriter(path, self.schema, **PARQUET_OPTIONS)
            self.paths.append(path)
        self.writers[year].write_table(rows, row_group_size=ROW_GROUP_ROWS)

    def close(self) -> list[Path]:
        for year in sorted(self.buffers):
            self._flush(year)
        for writer in self.writers.values():
            writer.close()
        return self.paths


# Tables written together: indicators.series_id and indicator_series come from the series linked
# over every file's indicators. First, being the longest to write.
SERIES_TABLES = ("indicators", "indicator_series")
# The other tables, the longest to write first (200 text reports: table_cells 94 ms, goals 86,
# activities 69, documents 53, budget_rows 51, checks 10, problems 2; the series 278): processes
# sharing the write each take the next table no other has taken, so the last ones taken are the
# shortest and no process writes a long one alone while the others are done (with two, the
# series and these tables in TABLES' order ended at 352 ms, in this order at 329). A table not
# named here comes last, in TABLES' order.
LONGEST_FIRST = ("table_cells", "goals", "activities", "documents", "budget_rows", "checks", "problems")


def write_tables(folder: Path, parts: Sequence[Part]) -> list[Path]:
    """Write the dataset's tables into `folder`, from `parts` in order; returns the files written.

    Rows keep the order of the parts (the files, sorted by source path) and, within a part, the
    order the extractor gave them (document order), so equal input gives byte-identical files.
    Processes given the same folder and parts share the work: each claims a table by making its
    folder and leaves the tables another has claimed, so together they write each table once.
    """
    from pipeline.schema import TABLES

    written: list[Path] = []
    rest = sorted((name for name in TABLES if name not in SERIES_TABLES),
                  key=lambda name: LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST))
    for names in [SERIES_TABLES, *((name,) for name in rest)]:
        try:
            (folder / names[0]).mkdir()
        except FileExistsError:
            continue
        if names == SERIES_TABLES:
            from pipeline.dataset.series import with_series

            linked = with_series(list(parts))
            log.debug("timeline series linked")
            written += [path for name in names for path in _write_table(folder, TABLES[name], linked)]
        else:
            written += _write_table(folder, TABLES[names[0]], parts)
    return written


def _write_table(folder: Path, spec: TableSpec, parts: Sequence[Part]) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables = [t for t in (part(spec.name) for part in parts) if t is not None and len(t)]
    if "year" not in spec.names:
        path = folder / spec.name / "part-0.parquet"
        path.parent.mkdir(exist_ok=True)
        pq.write_table(pa.concat_tables(tables) if tables else spec.schema.empty_table(), path,
                       row_group_size=ROW_GROUP_ROWS, **PARQUET_OPTIONS)
        return [path]
    writer = _PartitionWriter(folder / spec.name, spec)
    for table in tables:
        writer.add(table)
    # An empty table still gets a file, or readers fail on a missing folder.
    return writer.close() or [_write_empty(folder / spec.name, spec)]


def _write_empty(folder: Path, spec: TableSpec) -> Path:
    import pyarrow.parquet as pq

    path = folder / f"year={UNKNOWN_YEAR}" / "part-0.parquet"
    path.parent.mkdir(parents=True)
    schema = spec.schema.remove(spec.schema.get_field_index("year"))
    pq.write_table(schema.empty_table(), path, **PARQUET_OPTIONS)
    return path


def fsync_tree(paths: Iterable[Path], within: Path | None = None) -> None:
    """Flush files and their folders (those inside `within`, when given) to disk, so a power cut
    after the swap cannot leave a published dataset with empty files. Each flush costs a few
    milliseconds even where nothing is left to write, so each file is flushed by one process."""
    folders: set[Path] = set()
    for path in paths:
        with path.open("rb") as handle:
            os.fsync(handle.fileno())
        folders.update(p for p in path.parents if within is None or p.is_relative_to(within))
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        try:
            descriptor = os.open(folder, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(descriptor)
        except OSError:
            pass
        finally:
            os.close(descriptor)


def _exchange(first: Path, second: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def publish(staging: Path, out: Path, aside: Path) -> None:
    """Replace `out` by the complete dataset in `staging` (same filesystem).

    On Linux the two folders are exchanged in one atomic step: a reader or a crash sees the old
    dataset or the new one, never a mix. Elsewhere `out` is renamed aside first; a crash between
    the two renames leaves the old dataset at `aside`, which `recover` puts back.
    """
    if not out.exists():
        os.rename(staging, out)
    elif _exchange(staging, out):
        shutil.rmtree(staging)
    else:
        os.rename(out, aside)
        os.rename(staging, out)
        shutil.rmtree(aside)


def recover(staging: Path, out: Path, aside: Path) -> None:
    """Undo whatever an interrupted run left behind, before a new one starts.

    Only the folders a previous publish could have left are touched; the caller holds the lock.
    """
    if aside.exists():
        if out.exists():
            shutil.rmtree(aside)  # the swap finished; only the clean-up was cut short
        else:
            log.info("restoring the previous dataset from %s after an interrupted run", aside)
            os.rename(aside, out)
    if staging.exists():
        shutil.rmtree(staging)
