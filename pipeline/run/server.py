"""The fork server the local workers come from: what it preloads, its start and its end.

Apart from the pool (pipeline.run.local) and light, so that the command can start the server
before it imports the rest of the run (pipeline.run.cli): a fresh run's fork server then
imports the readers while the run's own process imports the orchestration and lists the input.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import multiprocessing.resource_tracker
import os
import signal
import threading
from collections.abc import Iterator, Set as AbstractSet
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from parsers import READERS
from pipeline.dataset.datapackage import MANIFEST_NAME
from pipeline.run.basics import named_formats

if TYPE_CHECKING:
    from typing import Any

# Every reader, and the libraries they map, loaded before the memory cap: under the cap a
# library loaded on first use fails with "failed to map segment" (an ImportError or OSError that
# would be reported as a reader bug and cached), and the cap would count what is shared anyway.
PRELOAD = ["pipeline.run.local", "pipeline.run.extract", "pipeline.dataset.arrow",
            *sorted({spec.split(":")[0] for spec in READERS.values()}), "parsers.ocr"]
# First of the fork server's imports: pandas hidden from the rest (pipeline.run.preload).
FIRST = "pipeline.run.preload"
# An input of text files and PDFs needs only their readers. The other readers' libraries (lxml,
# python-docx, a fifth of the fork server's imports, before any worker starts) are loaded by a
# worker that meets a file of another kind (a PDF named .txt), and what a scan maps beyond the
# PDF reader (parsers.SCAN_LIBRARIES: numpy, Pillow, a quarter of a PDF input's fork server) by
# a worker that meets a PDF that looks scanned, each with the worker's cap lifted meanwhile.
LEAN_FORMATS = frozenset({"txt", "md", "pdf"})


@contextmanager
def safe_path() -> Iterator[None]:
    """The fork server runs as `python -c`, with the working directory first on its path: a run
    in a folder with a `parsers` of its own would import that. Set for the server alone
    (PYTHONSAFEPATH is Python 3.11's, which the project requires for it)."""
    before = os.environ.get("PYTHONSAFEPATH")
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        yield
    finally:
        os.environ.pop("PYTHONSAFEPATH") if before is None else os.environ.update(PYTHONSAFEPATH=before)


def _no_resource_tracker() -> None:
    """multiprocessing starts a resource tracker with the fork server, a Python process of its own
    (136M instructions, beside the fork server's start and the run's listing on two cores), to
    unlink the named semaphores and shared memory that processes which die leave behind. A run
    makes none (the pool speaks over pipes), so the tracker is given the null device to write to
    instead of a process: what a library might register is dropped, as a dead tracker would drop
    it, and no tracker's end, after the run's, holds the run's output open (some 20 ms, for
    whoever reads it: cron, a pipe). end_workers_server gives multiprocessing its own back.
    `_fd` is multiprocessing's private state (3.11's): where a Python's tracker keeps no such
    field, its own tracker is left to start, as it would without this."""
    global _NULL_TRACKER
    tracker: Any = multiprocessing.resource_tracker._resource_tracker
    if "_fd" in vars(tracker) and tracker._fd is None:
        tracker._fd = _NULL_TRACKER = os.open(os.devnull, os.O_WRONLY | os.O_CLOEXEC)


_NULL_TRACKER: int | None = None


def ensure_server() -> None:
    """Start the fork server if it is not running, with Ctrl-C ignored in it from its start (a
    disposition exec keeps): it shares the terminal's process group, and multiprocessing ignores
    SIGINT in it only after its preload, so a Ctrl-C during its imports printed a traceback
    ("Fatal Python error: init_import_site") under the run's one line. Ctrl-C is the run's,
    which ends the server (end_workers_server). Only the spawn is covered, not the wait for the
    server a worker's start makes, so the run itself still hears Ctrl-C."""
    _no_resource_tracker()
    main = threading.current_thread() is threading.main_thread()
    handler = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        with safe_path():
            multiprocessing.forkserver.ensure_running()
    finally:
        if main:
            signal.signal(signal.SIGINT, signal.SIG_DFL if handler is None else handler)


def start_workers_server(formats: AbstractSet[str | None]) -> None:
    """Start the fork server the workers come from, for files of these formats (None: a suffix of
    no format), without waiting for it: its imports of the readers (a second or more) go on while
    the run hashes the rest of the input."""
    preload = PRELOAD
    if formats <= LEAN_FORMATS:
        readers = sorted({READERS[str(f)].split(":")[0] for f in formats})
        preload = [*PRELOAD[:3], *readers]
    multiprocessing.get_context("forkserver").set_forkserver_preload([FIRST, *preload])
    ensure_server()


def end_workers_server() -> None:
    """End the fork server at once, in a process about to exit: the server's own exit (a Python
    with pyarrow and the readers to tear down) holds the output it inherited open, so whoever
    reads the run's output (cron, a pipe, a subprocess) waits for it. Its pid is
    multiprocessing's own; without it the server ends as before."""
    server = multiprocessing.forkserver._forkserver
    pid = getattr(server, "_forkserver_pid", None)
    if pid:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass  # gone already
        # A run called again in this process (a test, a notebook) must start a new server:
        # multiprocessing would otherwise wait for the reaped pid and fail with ECHILD.
        alive = getattr(server, "_forkserver_alive_fd", None)
        if alive is not None:
            os.close(alive)
        for name in ("_forkserver_pid", "_forkserver_alive_fd", "_forkserver_address"):
            setattr(server, name, None)
    give_tracker_back()


def give_tracker_back() -> None:
    """multiprocessing's own tracker for whatever this process starts next (a Dask cluster, a
    spawn context's processes, in a test or a notebook), once the run's workers are gone: called
    by the pool's end as well as the run's, since a process that used a pool without the command
    (tests, a library user) would otherwise keep the null device, and a named semaphore of a
    process it starts later and that is killed would stay in /dev/shm until reboot."""
    global _NULL_TRACKER
    tracker: Any = multiprocessing.resource_tracker._resource_tracker
    if _NULL_TRACKER is not None and getattr(tracker, "_fd", None) == _NULL_TRACKER:
        os.close(_NULL_TRACKER)
        tracker._fd = _NULL_TRACKER = None


def start_for_fresh_output(root: Path, out: Path, full: bool) -> bool:
    """Start the fork server, for the formats the input's names show, when the run will read
    files whatever the cache holds: the output holds no dataset yet (or --full) and the input
    holds files named as reports. Otherwise the run starts it once it finds a file to read.
    Whether it was started. Light, as all this module imports (pipeline.run.basics)."""
    try:
        if not full and (out / MANIFEST_NAME).exists():
            return False
        formats = named_formats(root)
    except OSError:
        return False  # the run says what is wrong with the folders
    if formats:
        start_workers_server(formats)
    return bool(formats)
