"""The unit of work a worker runs, and the typed messages between the run and its workers.

A worker reads one file (`Job`) and answers with a `Result`; the run turns each result into an
`Outcome` for the dataset. Every executor (local processes, Dask) speaks this protocol.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from parsers import SUFFIX_FORMATS
from pipeline.run.discover import escaped, source_name
from pipeline.run.memory import near_memory_cap

if TYPE_CHECKING:
    import pyarrow as pa

    from pipeline.schema import FileRows, Record

# The reading modules (pipeline.run.extract, the Arrow tables) are imported where a job is run or
# a problem row is made: the workers have them preloaded, and the run's own process loads them
# only when it has a row to make, so a run that reads nothing starts in a fraction of a second.

log = logging.getLogger(__name__)
R = TypeVar("R", bound="Record")

# ok: the tables came back; stored: the worker put them in the cache itself (only the problems
# came back); unreadable: the file went or changed after it was hashed (its problem row came
# back, not to be cached); memory / timeout / crashed: a limit stopped the file; error: a bug,
# this file only.
Status = Literal["ok", "stored", "unreadable", "memory", "timeout", "crashed", "error"]


@dataclass(frozen=True)
class Job:
    path: str
    root: str
    password: str | None
    sha256: str
    # (cache folder, key): the worker stores the tables itself, so the parent neither receives
    # nor writes the rows, which would make it the bottleneck of a parallel run.
    cache: tuple[str, str] | None = None


@dataclass(frozen=True)
class WriteJob:
    """Write the dataset's tables into `folder`: workers given the same job share the tables
    (pipeline.dataset.writer.write_tables); `finish`, once all are written, counts the checks and
    describes the files (datapackage.json)."""

    folder: str
    cache: str
    # Each file's rows, in the dataset's order: its cache key, or its tables when they are held
    # in memory (the problems of a file that hit a limit or was not read, never cached).
    parts: list[str | dict[str, pa.Table]]
    finish: bool = False


@dataclass(frozen=True)
class Written:
    paths: list[str]
    counts: tuple[int, int] | None = None  # (tables checked, checks flagged), once finished
    error: BaseException | None = None  # what stopped the write, raised again by the run


@dataclass(frozen=True)
class Started:
    """A worker's first word on a job, before it reads the file: the file's pages (None for a
    format without pages, or a PDF whose pages cannot be counted), which its time limit grows with."""

    pages: int | None


@dataclass(frozen=True)
class Result:
    status: Status
    tables: dict[str, pa.Table] = field(default_factory=dict)
    detail: str = ""
    pages: int | None = None  # of a file that timed out: what its limit was scaled by


@dataclass(frozen=True)
class Task:
    path: Path
    source_path: str
    sha256: str
    key: str
    timeout: float  # --timeout: seconds any file may take
    timeout_per_page: float = 0.0  # --timeout-per-page: seconds more for each page of a paged file

    def limit(self, pages: int | None) -> float:
        """Seconds this file may take, once its pages are known (None: not a paged file)."""
        return self.timeout + self.timeout_per_page * (pages or 0)


# A text file smaller than this is read well within the base limit (a megabyte of laid-out text
# takes about a second): only a larger one is searched for its pages.
_PAGED_TEXT_BYTES = 1 << 20


def paged(path: str) -> bool:
    """Whether the file may have pages (a PDF by its name, a large text file by its name and
    size, which form feeds may split into pages, as pdftotext writes them): only then does its
    time limit wait for its pages, so a worker tells the run them (Started) for such a file alone."""
    kind = SUFFIX_FORMATS.get(Path(path).suffix.lower())
    if kind == "pdf":
        return True
    try:
        return kind in ("txt", "md") and os.stat(path).st_size > _PAGED_TEXT_BYTES
    except OSError:
        return False  # gone: the reader says so


def file_pages(job: Job) -> int | None:
    """The pages of the job's file when it has pages (a PDF's; a text's pages between form
    feeds, when it has any); None otherwise, and for a PDF that cannot be opened (the reader
    then reports why, under the base limit)."""
    if not paged(job.path):
        return None
    if SUFFIX_FORMATS.get(Path(job.path).suffix.lower()) != "pdf":
        try:
            feeds = Path(job.path).read_bytes().count(b"\f")
        except OSError:
            return None
        return feeds + 1 if feeds else None
    from parsers import page_count  # PDFium: loaded in the workers only

    try:
        return page_count(Path(job.path), job.password)
    except Exception:  # damaged, encrypted without the password: the reader says which
        return None


@dataclass(frozen=True)
class Outcome:
    task: Task
    tables: dict[str, pa.Table]  # all of the file's tables, or only its problems once stored
    final: bool  # False: the file hit a limit; report it, but read it again next run
    stored: bool = False  # the worker has put the tables in the cache


def _renamed(rows: FileRows, name: str) -> FileRows:
    """The rows of a file whose name is not UTF-8, under its escaped name, with a warning: every
    text the name reached (source_path, a message quoting the path) is escaped the same way."""
    from pipeline.run.extract import problem
    from pipeline.schema import FileRows

    def clean(record: R) -> R:
        texts = {f.name: getattr(record, f.name) for f in fields(record) if isinstance(getattr(record, f.name), str)}
        changed: dict[str, Any] = {key: escaped(text) for key, text in texts.items() if escaped(text) != text}
        return cast(R, replace(cast(Any, record), **changed))

    note = problem(name, rows.doc_id, "warning", "file_name_not_utf8",
                   "the file name is not valid UTF-8: it was read, and its undecodable bytes are shown as "
                   "backslash escapes (\\xNN) in source_path; rename the file to keep its name as it is")
    return FileRows(name, rows.doc_id, {table: [clean(r) for r in records] for table, records in rows.tables.items()},
                    [note, *map(clean, rows.problems)])


_OUT_OF_MEMORY = Result("memory")  # made beforehand: at the cap, even building it may fail
def run_job(job: Job) -> Result:
    """Run in a worker: read, recognise and tabulate one file; never raises."""
    from pipeline.dataset.arrow import to_tables
    from pipeline.dataset.cache import Cache
    from pipeline.run.extract import extract_file

    try:
        path, root = Path(job.path), Path(job.root)
        rows = extract_file(path, root, password=job.password, sha256=job.sha256)
        name, was_escaped = source_name(path, root)
        tables = to_tables(_renamed(rows, name) if was_escaped else rows)
        if rows.doc_id is None and [p.code for p in rows.problems] == ["unreadable_file"]:
            return Result("unreadable", tables)  # readable when the run hashed it: read it again next run
        if job.cache is None:
            return Result("ok", tables)
        try:
            Cache(Path(job.cache[0])).store(job.cache[1], tables)
        except OSError:
            # The disk is full, or the cache folder went: a fault of the output, not of this file,
            # which must not become its problem row (and be cached as the file's). The run stores
            # the rows itself, or stops, saying what is wrong with the output.
            log.debug("storing the rows of %s in the cache failed", job.path, exc_info=True)
            return Result("ok", tables)
        problems = tables.get("problems")
        return Result("stored", {} if problems is None else {"problems": problems})
    except MemoryError:
        return _OUT_OF_MEMORY
    except Exception as error:  # a recogniser bug, this file only, unless the memory cap caused it
        if near_memory_cap():
            return _OUT_OF_MEMORY
        # The traceback is for --verbose and --log-file, as the problem row says: never on stderr.
        log.debug("extraction failed on %s", job.path, exc_info=True)
        return Result("error", detail=f"{type(error).__name__}: {error}")


def run_write(job: WriteJob) -> Written:
    """Run in a worker, or in the run's own process when it has none: write the tables, or
    finish the dataset; never raises."""
    from pipeline.dataset.cache import Cache
    from pipeline.dataset.writer import fsync_tree, write_tables

    try:
        folder = Path(job.folder)
        if job.finish:
            from pipeline.dataset.checks import published_counts
            from pipeline.dataset.datapackage import write_datapackage

            paths = [write_datapackage(folder)]
            counts: tuple[int, int] | None = published_counts(folder)
        else:
            cache = Cache(Path(job.cache))
            paths = write_tables(folder, [cache.part(source) if isinstance(source, str) else source.get
                                          for source in job.parts])
            counts = None
        # Each writer flushes its own files, all at once: the run flushes only its manifest and
        # the folders above the dataset.
        fsync_tree(paths, within=folder)
        return Written([str(path) for path in paths], counts)
    except Exception as error:  # an OSError (disk full) is the run's to report; anything else a bug
        log.debug("writing the dataset failed", exc_info=True)
        raised = error if isinstance(error, OSError) else RuntimeError(f"{type(error).__name__}: {error}")
        return Written([], error=raised)


def write_here(job: WriteJob) -> tuple[int, int]:
    """Write and finish the dataset in this process, its files flushed: the counts of the checks."""
    written, finished = run_write(job), run_write(replace(job, finish=True))
    for answer in (written, finished):
        if answer.error is not None:
            raise answer.error
    assert finished.counts is not None
    return finished.counts


def problem_tables(source_path: str, code: str, message: str) -> dict[str, pa.Table]:
    from pipeline.dataset.arrow import to_tables
    from pipeline.run.extract import failed

    return to_tables(failed(source_path, code, message))


def outcome(task: Task, result: Result, max_memory_mb: int) -> Outcome:
    """What the run records of a file, from its worker's result."""
    if result.status == "ok":
        return Outcome(task, result.tables, final=True)
    if result.status == "stored":
        return Outcome(task, result.tables, final=True, stored=True)
    if result.status == "unreadable":
        return Outcome(task, result.tables, final=False)
    if result.status == "error":
        return Outcome(task, problem_tables(task.source_path, "internal_error", (
            f"rapportdata failed on this file ({result.detail}); rerun with --verbose or --log-file for the "
            "details and report it with the file if you can share it")), final=True)
    if result.status == "memory":
        code, message = "memory_limit", (
            f"reading the file needed more than the {max_memory_mb} MB allowed and was stopped; "
            "rerun with a higher --max-memory-mb (0 for no cap), or check whether the file is damaged")
    elif result.status == "timeout":
        scaled = (f" ({task.timeout:g} s and {task.timeout_per_page:g} s for each of its {result.pages} pages)"
                  if result.pages and task.timeout_per_page else "")
        option = "--timeout-per-page" if scaled else "--timeout"
        code, message = "timeout", (
            f"reading the file took longer than {task.limit(result.pages):g} s{scaled} and was stopped; if it "
            f"is large but sound, rerun with a higher {option} (it is retried on every run until it succeeds)")
    else:
        code, message = "worker_crashed", (
            f"the process reading this file died ({result.detail}); the file may be damaged: open it in "
            "its own program to check, and report it with the file if you can share it")
    return Outcome(task, problem_tables(task.source_path, code, message), final=False)
