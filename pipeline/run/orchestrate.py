"""A run: discover the files, extract the new and changed ones in isolated workers, rebuild the
dataset from the cache and publish it atomically.

Isolation: each file is read in a worker process that has a memory cap (RLIMIT_AS) and a time
limit enforced by the parent, which kills the worker when it is exceeded. A worker that hangs,
dies or runs out of memory costs its file only: the file becomes a `problems` row, the worker is
replaced and the run goes on. The pool is hand-rolled rather than ProcessPoolExecutor because
that cannot kill one hung task, and one dead worker breaks the whole executor.
"""
from __future__ import annotations

import fcntl
import logging
import multiprocessing
import multiprocessing.connection
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pyarrow as pa

import pipeline
from pipeline.run.discover import discover
from pipeline.run.extract import extract_file, file_sha256
from pipeline.dataset.cache import (
    MANIFEST_NAME,
    Cache,
    FileRecord,
    StateDir,
    cache_key,
    load_manifest,
    problem_counts,
    write_manifest,
)
from pipeline.schema import TABLES
from pipeline.dataset.writer import (
    Part,
    fsync_tree,
    problem_tables,
    publish,
    recover,
    to_tables,
    write_dataset,
)

log = logging.getLogger(__name__)

EXIT_OK = 0            # every file was read
EXIT_PROBLEMS = 1      # the dataset was written, but some files could not be read (error problems)
EXIT_FAILED = 2        # the run itself failed: bad arguments, unreadable input, unwritable output
EXIT_LOCKED = 3        # another run is writing the same output
EXIT_INTERRUPTED = 130  # stopped by Ctrl-C / SIGTERM; the previous dataset is untouched

DEFAULT_TIMEOUT = 300.0
DEFAULT_MAX_MEMORY_MB = 4096


def default_jobs() -> int:
    # sched_getaffinity honours CPU pinning (containers, taskset); cpu_count does not.
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class RunError(Exception):
    """The run cannot go on; `message` says why and what to do."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


@dataclass(frozen=True)
class RunOptions:
    input: Path = Path("data/raw")
    output: Path = Path("data/out")
    jobs: int = field(default_factory=default_jobs)
    full: bool = False
    password: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB  # 0: no cap
    executor: str = "local"  # local | dask
    scheduler: str | None = None  # dask scheduler address; None starts a LocalCluster
    # How workers log (they are separate processes): the parent's level and log file.
    log_level: int = logging.WARNING
    log_file: Path | None = None


@dataclass(frozen=True)
class RunSummary:
    files: int
    read: int  # extracted in this run
    from_cache: int
    hashed: int  # new files, or files whose size or mtime changed
    removed: int  # in the previous dataset, no longer in the input
    errors: int
    warnings: int
    files_with_errors: int
    seconds: float
    rewritten: bool  # False when nothing changed and the dataset was left as it was

    @property
    def exit_code(self) -> int:
        return EXIT_PROBLEMS if self.files_with_errors else EXIT_OK


class Progress(Protocol):
    def start(self, total: int, cached: int) -> None: ...
    def advance(self, source_path: str, problems: list[dict]) -> None: ...
    def finish(self) -> None: ...


@dataclass(frozen=True)
class Task:
    path: Path
    source_path: str
    sha256: str
    key: str


@dataclass(frozen=True)
class Outcome:
    task: Task
    tables: dict[str, pa.Table]  # all of the file's tables, or only its problems once stored
    final: bool  # False: the file hit a limit; report it, but read it again next run
    stored: bool = False  # the worker has put the tables in the cache


# ---------------------------------------------------------------- the unit of work


def extract_tables(path: str, root: str, password: str | None, sha256: str,
                   cache: tuple[str, str] | None = None) -> tuple[str, object]:
    """Run in a worker: ("ok", tables), ("memory", None) or ("error", description).

    With `cache` (folder, key) the worker stores the tables in the cache itself and answers
    ("stored", its problems table): the parent then neither receives nor writes the rows, which
    would make it the bottleneck of a parallel run."""
    try:
        tables = to_tables(extract_file(Path(path), Path(root), password=password, sha256=sha256))
        if cache is None:
            return "ok", tables
        Cache(Path(cache[0])).store(cache[1], tables)
        return "stored", tables.get("problems")
    except MemoryError:
        return "memory", None
    except Exception as error:  # a recogniser bug: this file only
        log.error("extraction failed on %s", path, exc_info=True)
        return "error", f"{type(error).__name__}: {error}"


def _limit_outcome(task: Task, code: str, message: str) -> Outcome:
    return Outcome(task, problem_tables(task.source_path, code, message), final=False)


def _outcome(task: Task, status: str, payload: object, options: RunOptions) -> Outcome:
    if status == "ok":
        return Outcome(task, payload, final=True)  # type: ignore[arg-type]
    if status == "stored":
        return Outcome(task, {} if payload is None else {"problems": payload}, final=True, stored=True)
    if status == "memory":
        return _limit_outcome(task, "memory_limit", (
            f"reading the file needed more than the {options.max_memory_mb} MB allowed and was stopped; "
            "rerun with a higher --max-memory-mb (0 for no cap), or check whether the file is damaged"))
    if status == "timeout":
        return _limit_outcome(task, "timeout", (
            f"reading the file took longer than {options.timeout:g} s and was stopped; if it is large "
            "but sound, rerun with a higher --timeout (it is retried on every run until it succeeds)"))
    if status == "error":
        return Outcome(task, problem_tables(task.source_path, "internal_error", (
            f"rapportdata failed on this file ({payload}); rerun with --verbose or --log-file for the "
            "details and report it with the file if you can share it")), final=True)
    return _limit_outcome(task, "worker_crashed", (
        f"the process reading this file died ({payload}); the file may be damaged: open it in its "
        "own program to check, and report it with the file if you can share it"))


# ---------------------------------------------------------------- local worker processes


def _worker_main(conn: multiprocessing.connection.Connection, max_memory_mb: int, log_level: int,
                 log_file: Path | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it stops the workers
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if log_file is not None:
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))  # appends, like the parent's
    logging.basicConfig(level=log_level, handlers=handlers, force=True,
                        format=f"%(asctime)s worker-{os.getpid()} %(levelname)s %(name)s: %(message)s")
    if max_memory_mb:
        limit = max_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if job is None:
            return
        result = extract_tables(*job)
        try:
            conn.send(result)
        except MemoryError:
            conn.send(("memory", None))
        except (BrokenPipeError, OSError):
            return
        if result[0] == "memory":
            return  # after a MemoryError the process may be half-broken: let a fresh one take over


class _Worker:
    def __init__(self, context: multiprocessing.context.BaseContext, options: RunOptions):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, daemon=True, args=(
            child, options.max_memory_mb, options.log_level, options.log_file))
        self.process.start()
        child.close()
        self.task: Task | None = None
        self.deadline = float("inf")

    def stop(self, kill: bool = False) -> None:
        if kill and self.process.is_alive():
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()

    def death(self) -> str:
        self.process.join(timeout=5)
        code = self.process.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            hint = ", perhaps killed by the system for using too much memory" if name == "SIGKILL" else ""
            return f"signal {name}{hint}"
        return f"exit code {code}"


class LocalPool:
    """Worker processes, each reading one file at a time under a time and memory limit."""

    def __init__(self, options: RunOptions, root: Path, cache: Path):
        self.options = options
        self.root = root
        self.cache = cache
        # forkserver: workers fork from a clean process with the pipeline preloaded, so a start
        # costs milliseconds and never copies the parent's state (threads, open files).
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(["pipeline.run.orchestrate"])
        self.workers: list[_Worker] = []

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        for worker in self.workers:
            worker.stop(kill=worker.task is not None)
        self.workers.clear()

    def _assign(self, worker: _Worker, task: Task) -> bool:
        try:
            worker.conn.send((str(task.path), str(self.root), self.options.password, task.sha256,
                              (str(self.cache), task.key)))
        except OSError:
            return False
        worker.task, worker.deadline = task, time.monotonic() + self.options.timeout
        return True

    def _retire(self, worker: _Worker, kill: bool) -> None:
        worker.stop(kill=kill)
        self.workers.remove(worker)

    def run(self, tasks: list[Task]) -> Iterator[Outcome]:
        pending = deque(tasks)
        size = max(1, min(self.options.jobs, len(tasks)))
        while pending or any(w.task for w in self.workers):
            idle = [w for w in self.workers if w.task is None]
            while pending and (idle or len(self.workers) < size):
                worker = idle.pop() if idle else self._spawn()
                if not self._assign(worker, pending[0]):
                    self._retire(worker, kill=True)  # died while idle: a fresh one takes the task
                    continue
                pending.popleft()
            busy = [w for w in self.workers if w.task is not None]
            wait = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            ready = set(multiprocessing.connection.wait(
                [w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=wait))
            for worker in busy:
                outcome = self._collect(worker, ready)
                if outcome is not None:
                    yield outcome

    def _spawn(self) -> _Worker:
        worker = _Worker(self.context, self.options)
        self.workers.append(worker)
        return worker

    def _collect(self, worker: _Worker, ready: set) -> Outcome | None:
        task = worker.task
        assert task is not None
        if worker.conn in ready or worker.process.sentinel in ready:
            try:
                if worker.conn.poll():
                    status, payload = worker.conn.recv()
                    worker.task = None
                    if status == "memory":
                        self._retire(worker, kill=True)
                    return _outcome(task, status, payload, self.options)
            except (EOFError, OSError):
                pass
            reason = worker.death()
            self._retire(worker, kill=True)
            return _outcome(task, "crashed", reason, self.options)
        if time.monotonic() >= worker.deadline:
            self._retire(worker, kill=True)
            return _outcome(task, "timeout", None, self.options)
        return None


# ---------------------------------------------------------------- Dask


def _dask_extract(path: str, root: str, password: str | None, sha256: str, timeout: float) -> tuple[str, object]:
    # A Dask task cannot be killed, so the limit is kept by giving up on the thread: the file is
    # reported as timed out and the thread runs on until it ends or the worker is restarted.
    threads = ThreadPoolExecutor(max_workers=1)
    try:
        return threads.submit(extract_tables, path, root, password, sha256).result(timeout)
    except TimeoutError:
        return "timeout", None
    finally:
        threads.shutdown(wait=False)


class DaskPool:
    """Per-file work on a Dask cluster. Workers must see the input folder at the same path and
    have rapportdata installed; the memory cap is the workers' own (`--memory-limit`), whose
    nanny restarts a worker that exceeds it (the file then shows as `worker_crashed`)."""

    def __init__(self, options: RunOptions, root: Path):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as error:
            raise RunError("the dask executor needs dask.distributed, which is not installed: "
                           "pip install 'rapportdata[dask]'") from error
        self.options, self.root = options, root
        self.cluster = None
        try:
            if options.scheduler:
                self.client = Client(options.scheduler, timeout=30)
            else:
                self.cluster = LocalCluster(n_workers=options.jobs, threads_per_worker=1,
                                            dashboard_address=None)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as error:
            raise RunError(f"could not connect to the Dask scheduler at {options.scheduler}: {error}; "
                           "check the address (tcp://host:8786) and that the scheduler runs") from error

    def __enter__(self) -> DaskPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def run(self, tasks: list[Task]) -> Iterator[Outcome]:
        from dask.distributed import as_completed

        futures = {self.client.submit(_dask_extract, str(t.path), str(self.root), self.options.password,
                                      t.sha256, self.options.timeout, key=f"rapportdata-{t.key}",
                                      pure=False): t for t in tasks}
        for future in as_completed(futures):
            task = futures.pop(future)
            try:
                status, payload = future.result()
            except Exception as error:  # KilledWorker, lost connection: this file only
                status, payload = "crashed", f"{type(error).__name__}: {error}"
            future.release()
            yield _outcome(task, status, payload, self.options)


# ---------------------------------------------------------------- the run


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
    if options.executor not in ("local", "dask"):
        raise RunError(f"unknown executor {options.executor!r}: choose local or dask")
    if options.jobs < 1 or options.timeout <= 0 or options.max_memory_mb < 0:
        raise RunError("--jobs must be at least 1, --timeout above 0 and --max-memory-mb 0 or more")
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
    cache = Cache(state.cache)
    if options.full:
        cache.keep_only(set())
    previous = {} if options.full else load_manifest(out)
    parser_version = pipeline.PARSER_VERSION  # read at run time, so a test can change it

    records: dict[str, FileRecord] = {}
    limited: dict[str, dict[str, pa.Table]] = {}  # files that hit a limit: not cached
    tasks: list[Task] = []
    stats: dict[str, os.stat_result] = {}
    hashed = 0
    for path in discover(root):
        source_path = path.relative_to(root).as_posix()
        try:
            stat = path.stat()
            known = previous.get(source_path)
            if known and (known.size, known.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
                sha256 = known.sha256
            else:
                sha256, hashed = file_sha256(path), hashed + 1
        except OSError as error:
            log.warning("cannot read %s: %s", source_path, error)
            continue  # vanished or unreadable since the listing: left out, like a deleted file
        key = cache_key(source_path, sha256, parser_version, options.password is not None)
        stats[source_path] = stat
        if cache.has(key):
            errors, warnings = ((known.errors, known.warnings) if known and known.key == key
                                else problem_counts(cache.table(key, "problems")))
            records[source_path] = FileRecord(stat.st_size, stat.st_mtime_ns, sha256, parser_version,
                                              key, errors, warnings)
        else:
            tasks.append(Task(path, source_path, sha256, key))

    from_cache = len(records)
    if progress:
        progress.start(len(tasks), from_cache)
    if tasks:
        # Dask workers may run on other machines, without the cache folder: they send rows back.
        pool = DaskPool(options, root) if options.executor == "dask" else LocalPool(options, root, cache.folder)
        with pool:
            for outcome in pool.run(tasks):
                task, problems = outcome.task, outcome.tables.get("problems")
                if not outcome.final:
                    limited[task.source_path] = outcome.tables
                elif not outcome.stored:
                    cache.store(task.key, outcome.tables)
                stat = stats[task.source_path]
                records[task.source_path] = FileRecord(stat.st_size, stat.st_mtime_ns, task.sha256,
                                                       parser_version, task.key,
                                                       *problem_counts(problems), retry=not outcome.final)
                if progress:
                    errors = [] if problems is None else [p for p in problems.to_pylist()
                                                          if p["severity"] == "error"]
                    progress.advance(task.source_path, errors)
    if progress:
        progress.finish()

    unchanged = (not tasks and {p: r.key for p, r in previous.items()} == {p: r.key for p, r in records.items()}
                 and all((out / name).is_dir() for name in TABLES))
    if not unchanged:
        parts: list[Part] = [(lambda name, t=limited[p]: t.get(name)) if p in limited
                             else cache.part(records[p].key) for p in sorted(records)]
        state.staging.mkdir()
        written = write_dataset(state.staging, parts)
        fsync_tree(written + [write_manifest(state.staging, records)])
        publish(state.staging, out, state.aside)
    elif previous != records:
        write_manifest(out, records)  # only sizes or mtimes changed: same rows, fresh stat data
    cache.keep_only({r.key for r in records.values() if not r.retry})

    return RunSummary(
        files=len(records), read=len(tasks), from_cache=from_cache, hashed=hashed,
        removed=len(previous.keys() - records.keys()),
        errors=sum(r.errors for r in records.values()),
        warnings=sum(r.warnings for r in records.values()),
        files_with_errors=sum(1 for r in records.values() if r.errors),
        seconds=time.monotonic() - started, rewritten=not unchanged)
