"""A run: discover the files, extract the new and changed ones in isolated workers, rebuild the
dataset from the cache and publish it atomically."""
from __future__ import annotations

import fcntl
import logging
import os
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pipeline
from parsers import SUFFIX_FORMATS
from pipeline.dataset.cache import (
    MANIFEST_NAME,
    Cache,
    FileRecord,
    StateDir,
    cache_key,
    load_manifest,
    password_digest,
    problem_counts,
    write_manifest,
)
from pipeline.dataset.datapackage import published_tables
from pipeline.dataset.writer import recover
from pipeline.run.discover import NotARegularFile, discover, escaped, sha256_of_regular_file, source_name
from pipeline.run.local import LocalPool, start_workers_server, sweep
from pipeline.run.options import EXIT_LOCKED, RunError, RunOptions, RunSummary
from pipeline.run.worker import Task, WriteJob, write_here

if TYPE_CHECKING:
    import pyarrow as pa

    from pipeline.run.cluster import DaskPool

# The heavy modules (pyarrow, the readers, the Parquet writer) are imported where rows are made,
# read or written: a run over an unchanged archive, or an empty one, needs none of them.

log = logging.getLogger(__name__)


class Progress(Protocol):
    def start(self, total: int, cached: int) -> None: ...
    def advance(self, source_path: str, problems: list[dict[str, object]]) -> None: ...
    def finish(self) -> None: ...


@contextmanager
def _locked(path: Path, out: Path) -> Iterator[None]:
    # flock, not a pid file: the kernel drops the lock when its holder dies, even by kill -9.
    handle = path.open("a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise RunError(f"another rapportdata run ({holder}) is writing {out}; wait for it to finish "
                           f"(the lock is {path})", EXIT_LOCKED) from None
        handle.truncate(0)
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield
    finally:
        handle.close()


def _check_paths(root: Path, out: Path) -> None:
    if not root.is_dir():
        raise RunError(f"the input folder {root} does not exist or is not a folder; give one with --input")
    if root == out or root.is_relative_to(out):
        raise RunError(f"the output folder {out} holds the input folder {root}: the output is replaced "
                       "on every run, so choose an output folder outside the input")
    if out.exists() and not out.is_dir():
        raise RunError(f"the output {out} exists and is not a folder; choose another --output")
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST_NAME).exists():
        raise RunError(f"the output folder {out} is not empty and holds no rapportdata dataset "
                       f"({MANIFEST_NAME} is missing); it would be replaced, so choose a new or empty folder")


def run(options: RunOptions, progress: Progress | None = None) -> RunSummary:
    """One run over options.input into options.output. Raises RunError when the run cannot go on."""
    started = time.monotonic()
    options.check()
    root = options.input.resolve()
    out = options.output.resolve()
    _check_paths(root, out)
    state = StateDir(out)
    try:
        state.root.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise RunError(f"cannot write beside the output folder ({state.root}): {error.strerror}; "
                       "choose an --output in a writable folder") from error
    with _locked(state.lock, out):
        try:
            return _run_locked(options, root, out, state, progress, started)
        except OSError as error:
            raise RunError(f"could not write the dataset to {out}: {error}; check free space and "
                           "permissions (the previous dataset is untouched)") from error


def _run_locked(options: RunOptions, root: Path, out: Path, state: StateDir,
                progress: Progress | None, started: float) -> RunSummary:
    recover(state.staging, out, state.aside)
    sweep(state.scratch)  # what workers of a killed run left
    cache = Cache(state.cache)
    if options.full:
        cache.keep_only(set())
    manifest = load_manifest(out)
    previous = {} if options.full else manifest.files
    parser_version = pipeline.PARSER_VERSION  # read at run time, so a test can change it
    secret = password_digest(options.password)

    records: dict[str, FileRecord] = {}
    held: dict[str, dict[str, pa.Table]] = {}  # files that hit a limit and paths not read: never cached
    tasks: list[Task] = []
    stats: dict[str, os.stat_result] = {}
    hashed = 0
    first_with: dict[str, str] = {}  # SHA-256 -> the first file listed with that content
    listing = discover(root)
    _timeline("listed %d files", len(listing.files))

    def not_read(source_path: str, severity: str, code: str, message: str,
                 seen: tuple[os.stat_result, str] | None = None) -> None:
        """A path the run does not read, with its reason; `seen`: its stat and SHA-256, where it
        was hashed (the next run then need not hash it again)."""
        from pipeline.dataset.arrow import to_tables
        from pipeline.run.extract import problem
        from pipeline.schema import FileRows

        row = problem(source_path, seen[1][:16] if seen else None, severity, code, escaped(message))
        held[source_path] = to_tables(FileRows(source_path, None, problems=[row]))
        # The key names the reason, so an unchanged listing leaves the dataset as it is.
        key = "not-read-" + cache_key(source_path, code, parser_version, row.message)
        size, mtime, sha256 = (seen[0].st_size, seen[0].st_mtime_ns, seen[1]) if seen else (0, 0, "")
        records[source_path] = FileRecord(size, mtime, sha256, parser_version, key,
                                          *problem_counts(held[source_path]["problems"]), retry=True)

    for skipped in listing.skipped:
        not_read(source_name(skipped.path, root)[0], skipped.severity, skipped.code, skipped.message)
    for path in listing.files:
        source_path = source_name(path, root)[0]
        try:
            stat = path.stat()
            known = previous.get(source_path)
            if known and (known.size, known.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
                sha256 = known.sha256
            else:
                sha256, hashed = sha256_of_regular_file(path), hashed + 1
        except NotARegularFile:
            not_read(source_path, "warning", "not_a_regular_file", "not a regular file (it was replaced while "
                     "the input was listed): only regular files are read")
            continue
        except OSError as error:
            not_read(source_path, "error", "unreadable_file", f"the file could not be read: {error.strerror}; "
                     "check that it still exists and that its permissions let this user read it")
            continue
        # A copy of a file listed before it (the same report saved in two folders) would repeat
        # its rows under the same doc_id, goal_ids and all: it is named in problems instead.
        original = first_with.setdefault(sha256, source_path)
        if original != source_path:
            not_read(source_path, "warning", "duplicate_file",
                     f"the file has the same content as {original}, which was read: its rows are that file's, "
                     f"under the same doc_id, and are not repeated", (stat, sha256))
            continue
        key = cache_key(source_path, sha256, parser_version, secret)
        stats[source_path] = stat
        if cache.has(key):
            errors, warnings = ((known.errors, known.warnings) if known and known.key == key
                                else problem_counts(cache.table(key, "problems")))
            records[source_path] = FileRecord(stat.st_size, stat.st_mtime_ns, sha256, parser_version,
                                              key, errors, warnings)
        else:
            if not tasks and options.executor == "local":
                # Its imports go on while the rest of the input is hashed.
                start_workers_server({SUFFIX_FORMATS.get(p.suffix.lower()) for p in listing.files})
                _timeline("fork server started")
            tasks.append(Task(path, source_path, sha256, key, options.timeout, options.timeout_per_page))

    # The largest files first: the last ones given out are then the smallest, and no worker
    # reads a big file alone at the end while the others have nothing left (the rows keep the
    # files' order whatever the order they are read in).
    tasks.sort(key=lambda task: stats[task.source_path].st_size, reverse=True)
    from_cache = len(records) - len(held)
    _timeline("hashed %d files; %d to read", hashed, len(tasks))
    if progress:
        progress.start(len(tasks), from_cache)
    with ExitStack() as stack:
        writers = None  # the local workers, which write the dataset once they have read the files
        if tasks:
            pool: DaskPool | LocalPool
            if options.executor == "dask":
                from pipeline.run.cluster import DaskPool  # its threads and queues: Dask's only

                # Dask workers may run on other machines, without the cache folder: they send rows back.
                pool = DaskPool(options, root)
            else:
                pool = writers = LocalPool(options, root, cache.folder, state.scratch)
            stack.enter_context(pool)
            for outcome in pool.run(tasks):
                task, problem_table = outcome.task, outcome.tables.get("problems")
                if not outcome.final:
                    held[task.source_path] = outcome.tables
                elif not outcome.stored:
                    cache.store(task.key, outcome.tables)
                stat = stats[task.source_path]
                records[task.source_path] = FileRecord(stat.st_size, stat.st_mtime_ns, task.sha256,
                                                       parser_version, task.key,
                                                       *problem_counts(problem_table), retry=not outcome.final)
                if progress:
                    failures = [] if problem_table is None else [p for p in problem_table.to_pylist()
                                                                 if p["severity"] == "error"]
                    progress.advance(task.source_path, failures)
        if progress:
            progress.finish()
        _timeline("files read")

        # The tables the published datapackage.json lists are the schema's of the code that wrote
        # them, which the cache keys name: a key unchanged means the same tables.
        tables = published_tables(out)
        unchanged = (not tasks and manifest.counts is not None and tables is not None
                     and {p: r.key for p, r in previous.items()} == {p: r.key for p, r in records.items()}
                     and all((out / name).is_dir() for name in tables))
        if not unchanged:
            from pipeline.dataset.writer import fsync_tree, publish

            state.staging.mkdir()
            job = WriteJob(str(state.staging), str(cache.folder),
                           [held[p] if p in held else records[p].key for p in sorted(records)])
            counts = writers.write(job) if writers else write_here(job)
            _timeline("tables written")
            fsync_tree([write_manifest(state.staging, records, counts)])
            _timeline("manifest written, files flushed to disk")
            publish(state.staging, out, state.aside)
        else:
            assert manifest.counts is not None
            counts = manifest.counts
            if previous != records:
                write_manifest(out, records, counts)  # only sizes or mtimes changed: same rows, fresh stat data
    cache.keep_only({r.key for r in records.values() if not r.retry})
    _timeline("published")

    return RunSummary(
        files=len(records), read=len(tasks), from_cache=from_cache, hashed=hashed,
        removed=len(previous.keys() - records.keys()),
        errors=sum(r.errors for r in records.values()),
        warnings=sum(r.warnings for r in records.values()),
        files_with_errors=sum(1 for r in records.values() if r.errors),
        seconds=time.monotonic() - started, rewritten=not unchanged, tables_checked=counts[0], checks=counts[1])


def _timeline(event: str, *args: object) -> None:
    """A step of the run, for the log (--log-file): with its time stamp and the run's CPU seconds
    so far, it tells where a run spends its own time, beside its workers' (bench/bench_parallel.py)."""
    log.debug("timeline " + event + " (cpu %.3f s)", *args, time.process_time())


