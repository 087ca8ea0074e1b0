"""Local worker processes, each reading one file at a time under a time and memory limit.

Isolation: each file is read in a worker process that has a memory cap (RLIMIT_AS) and a time
limit enforced by the parent, which kills the worker when it is exceeded. A worker that hangs,
dies or runs out of memory costs its file only: the file becomes a `problems` row, the worker is
replaced and the run goes on. The pool is hand-rolled rather than ProcessPoolExecutor because
that cannot kill one hung task, and one dead worker breaks the whole executor.

Each worker has a private scratch folder under the run's state folder as its TMPDIR, so the
temporary copies readers make (a .doc for LibreOffice) stay beside the output, and the parent
removes the folder, and kills the helper processes it names, once the worker is gone, however
it ended: a stopped worker cleans up itself, a killed one cannot.
"""
from __future__ import annotations

import importlib
import logging
import multiprocessing
import multiprocessing.connection
import multiprocessing.context
import os
import resource
import shutil
import signal
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterator, Set as AbstractSet
from dataclasses import replace
from itertools import count
from pathlib import Path
from types import FrameType

from parsers import READERS, SCAN_LIBRARIES, detect_format, looks_scanned
from pipeline.run.options import RunError, RunOptions
from pipeline.run.server import FIRST, PRELOAD, ensure_server, give_tracker_back, safe_path
from pipeline.run.server import end_workers_server as end_workers_server  # the run's names for them
from pipeline.run.server import start_workers_server as start_workers_server
from pipeline.run.worker import (Job, Outcome, Result, Started, Task, WriteJob, Written, file_pages, outcome,
                                 paged, run_job, run_write)


log = logging.getLogger(__name__)
STOP_GRACE_S = 3.0  # a stopped worker's time to end its helpers and remove its files before SIGKILL
# The longest the run waits for its workers at once: poll() takes a C int of milliseconds (24 days),
# and a PDF of 200,000 pages at 30 s a page, or --timeout 1e9, asks for more (OverflowError, the
# whole run lost). Waking once an hour to look again costs nothing.
MAX_WAIT_S = 3600.0


def _stopped(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # unwinds: readers end their helper processes, temp folders go


def _worker_main(conn: multiprocessing.connection.Connection, max_memory_mb: int, log_level: int,
                 log_file: Path | None, scratch: Path) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it stops the workers
    signal.signal(signal.SIGTERM, _stopped)
    scratch.mkdir(parents=True, exist_ok=True)
    os.environ["TMPDIR"] = tempfile.tempdir = str(scratch)  # for helper programs too
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if log_file is not None:
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))  # appends, like the parent's
    logging.basicConfig(level=log_level, handlers=handlers, force=True,
                        format=f"%(asctime)s worker-{os.getpid()} %(levelname)s %(name)s: %(message)s")
    uncapped = resource.getrlimit(resource.RLIMIT_AS)[1]
    cap = (max_memory_mb * 1024 * 1024, uncapped) if max_memory_mb else None  # soft: it can be lifted
    if cap:
        resource.setrlimit(resource.RLIMIT_AS, cap)
    log.debug("timeline worker ready")
    files, busy, idle, answered = 0, 0.0, 0.0, None
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        received = time.monotonic()
        if job is None:
            log.debug("timeline worker done: %d files, busy %.3f s, waited %.3f s between files (cpu %.3f s)",
                      files, busy, idle, time.process_time())
            return
        if isinstance(job, WriteJob):
            # The cap is a file's; the dataset is written as uncapped as the run's own process.
            resource.setrlimit(resource.RLIMIT_AS, (uncapped, uncapped))
            written = run_write(job)
            log.debug("timeline worker wrote %d files in %.3f s", len(written.paths), time.monotonic() - received)
            try:
                conn.send(written)
            except (BrokenPipeError, OSError):
                return
            continue
        idle += received - (answered or received)
        # A file without pages keeps the base limit, as Started(None) would leave it: no message,
        # so a text run's parent wakes once a file, not twice, on cores its workers keep busy.
        if paged(job.path):
            try:
                conn.send(Started(file_pages(job)))
            except (BrokenPipeError, OSError):
                return
        # Under the limit the file's pages give it: a scan's libraries take a while to load.
        _load_readers(Path(job.path), job.password, cap)
        result = run_job(job)
        try:
            conn.send(result)
        except MemoryError:
            conn.send(Result("memory"))
        except (BrokenPipeError, OSError):
            return
        answered = time.monotonic()
        files, busy = files + 1, busy + answered - received
        if result.status == "memory":
            return  # after a MemoryError the process may be half-broken: let a fresh one take over


def _load_readers(path: Path, password: str | None, cap: tuple[int, int] | None) -> None:
    """Before a file whose reader the fork server did not load (it loaded only the readers of the
    input's formats), every reader; before a PDF that looks scanned, what OCR maps; each outside
    the cap, as a full preload would have."""
    try:
        kind = detect_format(path)[0]
        modules = [] if READERS[kind].split(":")[0] in sys.modules else PRELOAD
        if kind == "pdf" and not all(name in sys.modules for name in SCAN_LIBRARIES) and looks_scanned(path, password):
            modules = [*modules, *SCAN_LIBRARIES]
    except Exception:  # empty, of no known kind, unreadable: the reader says so, without a library
        return
    if not modules:
        return
    # Imported by the fork server first of all, so a worker has it: the run's process never does.
    from pipeline.run.preload import pandas_hidden

    if cap:
        resource.setrlimit(resource.RLIMIT_AS, (cap[1], cap[1]))
    try:
        with pandas_hidden():
            for name in modules:
                importlib.import_module(name)
    finally:
        if cap:
            resource.setrlimit(resource.RLIMIT_AS, cap)


def sweep(scratch: Path) -> None:
    """Kill the helper process groups a reader recorded under `scratch`, then remove it."""
    if not scratch.exists():
        return
    # Workers that started no helper leave empty folders: the record's name is then not needed,
    # and parsers.doc (python-docx, numpy: a third of a second) stays out of the run's process.
    records = [path for path in scratch.rglob("*") if not path.is_dir()]
    if records:
        from parsers.doc import PROCESS_GROUP_FILE

        records = [path for path in records if path.name == PROCESS_GROUP_FILE]
    for record in records:
        try:
            group = int(record.read_text())
            # A live leader must still be the helper started in that folder; without one, the
            # group's number cannot have been reused while any of its members lives.
            leader = Path(f"/proc/{group}/cmdline")
            if not leader.exists() or str(record.parent).encode() in leader.read_bytes():
                os.killpg(group, signal.SIGKILL)
        except (OSError, ValueError):
            pass  # the group is gone already
    shutil.rmtree(scratch, ignore_errors=True)


class _Worker:
    def __init__(self, context: multiprocessing.context.ForkServerContext, options: RunOptions, scratch: Path):
        self.conn, child = context.Pipe()
        self.scratch = scratch
        self.process = context.Process(target=_worker_main, daemon=True, args=(
            child, options.max_memory_mb, options.log_level, options.log_file, scratch))
        ensure_server()  # the first start would start the fork server, hearing Ctrl-C
        with safe_path():
            self.process.start()
        child.close()
        self.task: Task | None = None
        # The file sent after `task`, waiting in the pipe: the worker starts it as soon as it
        # has answered for `task`, without waiting for the run to hear the answer and reply.
        self.queued: Task | None = None
        self.writing = False
        self.asked_to_stop = False
        self.begun = 0.0
        self.deadline = float("inf")
        self.pages: int | None = None

    def ask_to_stop(self) -> None:
        """Tell the worker to end, without waiting for it (stop does)."""
        if not self.asked_to_stop:
            self.asked_to_stop = True
            try:
                self.conn.send(None)
            except OSError:
                pass

    def stop(self, kill: bool = False) -> None:
        if kill and self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout=STOP_GRACE_S)
        else:
            self.ask_to_stop()
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()
        sweep(self.scratch)

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

    def __init__(self, options: RunOptions, root: Path, cache: Path, scratch: Path):
        self.options = options
        self.root = root
        self.cache = cache
        self.scratch = scratch
        self.numbers = count()
        # forkserver: workers fork from a clean process with the pipeline preloaded, so a start
        # costs milliseconds and never copies the parent's state (threads, open files).
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload([FIRST, *PRELOAD])
        self.workers: list[_Worker] = []

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        # Every idle worker told to end before any is waited for: their ends (a few milliseconds
        # each, the last thing a run waits for before it exits) go on together.
        for worker in self.workers:
            if worker.task is None and not worker.writing:
                worker.ask_to_stop()
        for worker in self.workers:
            worker.stop(kill=worker.task is not None or worker.writing)
        self.workers.clear()
        give_tracker_back()  # the workers, which alone were given the null device, are gone
        sweep(self.scratch)

    def _assign(self, worker: _Worker, task: Task) -> bool:
        try:
            worker.conn.send(Job(str(task.path), str(self.root), self.options.password, task.sha256,
                                 (str(self.cache), task.key)))
        except OSError:
            return False
        if worker.task is None:
            self._begin(worker, task)
        else:
            worker.queued = task
        return True

    @staticmethod
    def _begin(worker: _Worker, task: Task) -> None:
        # The base limit holds until the worker has counted the file's pages (a PDF that hangs
        # PDFium while being counted is stopped all the same). A queued file's clock starts when
        # the run hears the answer for the one before, a moment after the worker started it.
        worker.task, worker.begun, worker.pages = task, time.monotonic(), None
        worker.deadline = worker.begun + task.limit(None)

    def _retire(self, worker: _Worker, kill: bool, pending: deque[Task] | None = None) -> None:
        worker.stop(kill=kill)
        self.workers.remove(worker)
        if worker.queued is not None and pending is not None:
            pending.appendleft(worker.queued)  # never started: another worker reads it

    def _fill(self, pending: deque[Task], size: int) -> None:
        idle = [w for w in self.workers if w.task is None]
        while pending and (idle or len(self.workers) < size):
            worker = idle.pop() if idle else self._spawn()
            if not self._assign(worker, pending[0]):
                self._retire(worker, kill=True)  # died while idle: a fresh one takes the task
                continue
            pending.popleft()
        # Each worker is sent its next file while it reads one, so that it never waits for the
        # run between files (the run wakes, on cores the workers keep busy, a millisecond or more
        # after each answer: 6 % of a text run's reading with two workers). Only while more files
        # wait than there are workers: the last ones go to whichever worker is free first, so no
        # worker is left with two while another has none.
        for worker in self.workers:
            if len(pending) <= len(self.workers):
                break
            if worker.task is not None and worker.queued is None and self._assign(worker, pending[0]):
                pending.popleft()

    def run(self, tasks: list[Task]) -> Iterator[Outcome]:
        pending = deque(tasks)
        size = max(1, min(self.options.jobs, len(tasks)))
        self._fill(pending, size)
        started, waited = time.monotonic(), 0.0
        while any(w.task for w in self.workers):
            busy = [w for w in self.workers if w.task is not None]
            waiting = time.monotonic()
            wait = min(MAX_WAIT_S, max(0.0, min(w.deadline for w in busy) - waiting))
            ready = set(multiprocessing.connection.wait(
                [w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=wait))
            waited += time.monotonic() - waiting
            done = [outcome for worker in busy if (outcome := self._collect(worker, ready, pending)) is not None]
            # A worker that answered gets its next file before the run handles the answer (the
            # cache, the progress line): it never waits on the parent.
            self._fill(pending, size)
            yield from done
        log.debug("timeline workers done: the run waited %.3f s for them and took %.3f s over their answers",
                  waited, time.monotonic() - started - waited)

    def write(self, job: WriteJob) -> tuple[int, int]:
        """Write the dataset with every worker (as many as --jobs), each taking the tables no other
        has taken and flushing them, then finish it with one: the counts of the checks."""
        for dead in [w for w in self.workers if not w.process.is_alive()]:
            self._retire(dead, kill=True)
        while len(self.workers) < max(1, self.options.jobs):
            self._spawn()
        self._written(self.workers, job)
        finished = self._written(self.workers[:1], replace(job, finish=True))[0]
        assert finished.counts is not None
        return finished.counts

    def _written(self, workers: list[_Worker], job: WriteJob) -> list[Written]:
        answers: list[Written] = []
        for worker in workers:
            worker.writing = True
            try:
                worker.conn.send(job)
            except OSError:
                raise RunError(f"the process writing the dataset died ({worker.death()}); the previous "
                               "dataset is untouched") from None
        for worker in workers:
            try:
                answers.append(worker.conn.recv())
            except (EOFError, OSError):
                raise RunError(f"the process writing the dataset died ({worker.death()}); the previous "
                               "dataset is untouched") from None
            worker.writing = False
        for written in answers:
            if written.error is not None:
                raise written.error
        return answers

    def _spawn(self) -> _Worker:
        worker = _Worker(self.context, self.options, self.scratch / f"worker-{next(self.numbers)}")
        self.workers.append(worker)
        return worker

    def _collect(self, worker: _Worker, ready: AbstractSet[object], pending: deque[Task]) -> Outcome | None:
        task = worker.task
        assert task is not None
        if worker.conn in ready or worker.process.sentinel in ready:
            try:
                if worker.conn.poll():
                    message: Started | Result = worker.conn.recv()
                    if isinstance(message, Started):
                        worker.pages = message.pages
                        worker.deadline = worker.begun + task.limit(message.pages)
                        return None
                    result, worker.task = message, None
                    if result.status == "memory":
                        self._retire(worker, kill=True, pending=pending)
                    elif worker.queued is not None:
                        self._begin(worker, worker.queued)
                        worker.queued = None
                    return outcome(task, result, self.options.max_memory_mb)
            except (EOFError, OSError):
                pass
            reason = worker.death()
            self._retire(worker, kill=True, pending=pending)
            return outcome(task, Result("crashed", detail=reason), self.options.max_memory_mb)
        if time.monotonic() >= worker.deadline:
            self._retire(worker, kill=True, pending=pending)
            return outcome(task, Result("timeout", pages=worker.pages), self.options.max_memory_mb)
        return None
