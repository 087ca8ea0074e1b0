"""What a run is asked to do, what it reports, and how it ends: shared by every run module."""
from __future__ import annotations

import logging
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

EXIT_OK = 0            # every file was read
EXIT_PROBLEMS = 1      # the dataset was written, but some files could not be read (error problems)
EXIT_FAILED = 2        # the run itself failed: bad arguments, unreadable input, unwritable output
EXIT_LOCKED = 3        # another run is writing the same output
EXIT_INTERRUPTED = 130  # stopped by Ctrl-C / SIGTERM; the previous dataset is untouched

DEFAULT_TIMEOUT = 300.0
# OCR reads a scanned page in about 6 s on a quiet 2-core machine, two or three times that when
# loaded; a text PDF's page takes milliseconds. A 46-page scan may so take 300 + 46 * 30 s.
DEFAULT_TIMEOUT_PER_PAGE = 30.0
DEFAULT_MAX_MEMORY_MB = 4096
# The address space a worker takes before it reads a file, with every reader and the libraries
# they map loaded (Python, pyarrow, numpy, PDFium, lxml, Pillow and their arenas): 365 MB
# measured (VmSize of an idle worker; 410 MB while the fork server loaded pandas); the fixture
# reports in every format read from 440 MB.
# Below this floor every file would fail with memory_limit; it leaves room for a typical report.
MIN_MEMORY_MB = 512


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
    timeout: float = DEFAULT_TIMEOUT  # seconds any file may take
    timeout_per_page: float = DEFAULT_TIMEOUT_PER_PAGE  # seconds more for each page of a PDF
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB  # 0: no cap
    executor: str = "local"  # local | dask
    scheduler: str | None = None  # dask scheduler address; None starts a LocalCluster
    # How workers log (they are separate processes): the parent's level and log file.
    log_level: int = logging.WARNING
    log_file: Path | None = None

    def check(self) -> None:
        """RunError for options no run can work with, before anything is touched."""
        if self.executor not in ("local", "dask"):
            raise RunError(f"unknown executor {self.executor!r}: choose local or dask")
        if self.jobs < 1:
            raise RunError(f"--jobs must be at least 1 (got {self.jobs})")
        if not (math.isfinite(self.timeout) and self.timeout > 0):
            raise RunError(f"--timeout must be a number of seconds above 0 (got {self.timeout:g})")
        if not (math.isfinite(self.timeout_per_page) and self.timeout_per_page >= 0):
            raise RunError(f"--timeout-per-page must be a number of seconds, 0 or more (got {self.timeout_per_page:g})")
        if self.max_memory_mb < 0 or 0 < self.max_memory_mb < MIN_MEMORY_MB:
            raise RunError(f"--max-memory-mb must be 0 (no cap) or at least {MIN_MEMORY_MB}: a worker "
                           f"takes about 370 MB of address space before it reads any file, and a report "
                           f"needs room beyond that (got {self.max_memory_mb})")


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
    tables_checked: int = 0  # documents.tables_checked summed over the published dataset
    checks: int = 0  # rows of the published checks table

    @property
    def exit_code(self) -> int:
        return EXIT_PROBLEMS if self.files_with_errors else EXIT_OK
