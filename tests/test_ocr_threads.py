"""The threads that read a scan's pages: under a worker's memory cap a thread may not start, and
the scan must then cost its own file only, at once, never the time limit. Thread starts are made
to fail in the run's processes by a sitecustomize module (Python imports it at start-up, so the
fork server and its workers have it too), for the threads the OCR reader starts only."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generated import endless_scan_pdf
from pipeline.run.options import MIN_MEMORY_MB
from runs import cli, table

# Starts a thread for the OCR reader as `make` says; any other thread starts as before. Both
# names are patched: threading keeps its own reference to the bare call.
_PATCH = """
import _thread, sys, threading
_real = _thread.start_new_thread

def _for_ocr():
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_globals.get("__name__") == "parsers.ocr":
            return True
        frame = frame.f_back
    return False

def _fails_at_once():
    raise MemoryError

def _start(function, args, kwargs={}):
    if not _for_ocr():
        return _real(function, args, kwargs)
    MAKE

_thread.start_new_thread = threading._start_new_thread = _start
"""
# The thread cannot be made (no room for its stack): Python raises at once.
NOT_MADE = 'raise RuntimeError("can\'t start new thread")'
# The thread is made, and fails before it runs anything (an allocation of its own at the cap):
# threading.Thread.start waits for it to say it runs, which it never does.
FAILS_AT_ONCE = "return _real(_fails_at_once, ())"


def _run(tmp_path: Path, make: str, seed_dir: Path) -> tuple[int, Path]:
    src, site = tmp_path / "raw", tmp_path / "site"
    src.mkdir()
    site.mkdir()
    (src / "scan.pdf").write_bytes(endless_scan_pdf(pages=3))
    shutil.copy(sorted(seed_dir.glob("*.txt"))[0], src / "seed.txt")
    (site / "sitecustomize.py").write_text(_PATCH.replace("MAKE", make), encoding="utf-8")
    out = tmp_path / "out"
    # A limit that a wait for a thread would reach, and the reading of three pages never does.
    done = cli("run", "--input", src, "--output", out, "--max-memory-mb", MIN_MEMORY_MB, "--timeout", 60,
               "--timeout-per-page", 0, env={**os.environ, "PYTHONPATH": str(site)})
    return done.returncode, out


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Tesseract")
def test_a_scan_whose_reading_thread_cannot_start_is_a_memory_limit_at_once(tmp_path: Path, seed_dir: Path):
    code, out = _run(tmp_path, NOT_MADE, seed_dir)
    problems = table(out, "problems")
    assert list(zip(problems.source_path, problems.code)) == [("scan.pdf", "memory_limit")]
    assert f"more than the {MIN_MEMORY_MB} MB allowed" in problems.message.iloc[0]
    assert "--max-memory-mb" in problems.message.iloc[0]
    assert list(table(out, "documents").source_path) == ["seed.txt"] and code == 1


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Tesseract")
def test_a_scan_whose_reading_thread_fails_before_it_runs_is_read_by_the_others(tmp_path: Path, seed_dir: Path):
    code, out = _run(tmp_path, FAILS_AT_ONCE, seed_dir)
    assert table(out, "problems").empty and code == 0
    documents = table(out, "documents").set_index("source_path")
    assert sorted(documents.index) == ["scan.pdf", "seed.txt"]
    assert documents.loc["scan.pdf", "ocr"] and documents.loc["scan.pdf", "page_count"] == 3
