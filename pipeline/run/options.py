"""What a run is asked to do, what it reports, and how it ends: shared by every run module."""
from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from pathlib import Path

# The exit codes, the defaults and RunError live in pipeline.run.basics, which the command imports
# before it starts the fork server; the run's modules take them from here as ever.
from pipeline.run.basics import DEFAULT_MAX_MEMORY_MB as DEFAULT_MAX_MEMORY_MB
from pipeline.run.basics import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT
from pipeline.run.basics import DEFAULT_TIMEOUT_PER_PAGE as DEFAULT_TIMEOUT_PER_PAGE
from pipeline.run.basics import EXIT_FAILED as EXIT_FAILED
from pipeline.run.basics import EXIT_INTERRUPTED as EXIT_INTERRUPTED
from pipeline.run.basics import EXIT_LOCKED as EXIT_LOCKED
from pipeline.run.basics import EXIT_OK as EXIT_OK
from pipeline.run.basics import EXIT_PROBLEMS as EXIT_PROBLEMS
from pipeline.run.basics import MIN_MEMORY_MB as MIN_MEMORY_MB
from pipeline.run.basics import RunError as RunError
from pipeline.run.basics import default_jobs as default_jobs


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
