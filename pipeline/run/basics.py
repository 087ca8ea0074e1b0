"""What the command needs before it starts the fork server, and nothing heavier: the exit codes,
the options' defaults and which files the input names as reports.

The command starts the fork server (pipeline.run.server) as soon as it has its arguments, and
every module it imports before that is on the critical path of every run: the fork server's
imports, which no worker can start before, begin only then. So this module imports no more than
the command's start needs anyway; dataclasses, logging, json and hashlib (100M instructions of
the 267M the command took to get to the start, callgrind) are imported after it, while the fork
server imports the readers. pipeline.run.options gives these names to the rest of the run.
"""
from __future__ import annotations

import os
from pathlib import Path

from parsers import SUFFIX_FORMATS

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


def named_as_report(name: str) -> bool:
    """Whether the input's listing looks at a file of this name (pipeline.run.discover): a report
    suffix, neither hidden nor an Office lock file (~$report.docx)."""
    return not name.startswith((".", "~$")) and Path(name).suffix.lower() in SUFFIX_FORMATS


def named_formats(root: Path) -> set[str | None]:
    """The formats the names of the files discover would look at show (by suffix), from the
    names alone, without a file's status read: what the fork server is started for, before the
    listing (pipeline.run.server). Empty for an input that holds no such file."""
    formats: set[str | None] = set()
    for _, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        formats.update(SUFFIX_FORMATS.get(Path(name).suffix.lower()) for name in names if named_as_report(name))
    return formats
