"""Limits: a file that takes too long, needs too much memory or kills its worker costs only its
own rows, is reported with advice, is never cached (it is read again next run), and leaves no
worker behind that met a MemoryError. The memory floor is checked against what a worker needs."""
from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from generated import endless_scan_pdf, huge_table_text, wide_row_text
from paths import BAD, FIXTURES
from pipeline.dataset.cache import StateDir
from pipeline.run.discover import sha256_of_regular_file
from pipeline.run.local import LocalPool
from pipeline.run.options import MIN_MEMORY_MB, RunError
from pipeline.run.orchestrate import run
from pipeline.run.worker import Job, Result, Task, WriteJob, file_pages, outcome
from runs import cli, options, rows_of, table


def test_timeout_and_memory_limit_cost_only_their_file(tmp_path: Path, seed_dir: Path, endless_scan: Path):
    src = tmp_path / "raw"
    src.mkdir()
    # Slow by construction, not by size: the endless scan needs 5,000 Tesseract runs (minutes on
    # any machine), the seed a fraction of a second, so a limit of 1 s and 2 ms for each of the
    # scan's 5,000 pages (11 s) parts them however loaded the machine is.
    shutil.copy(endless_scan, src / "endless.pdf")
    seed = sorted(seed_dir.glob("*.txt"))[0]
    shutil.copy(seed, src)
    summary = run(options(src, tmp_path / "t", timeout=1.0, timeout_per_page=0.002))
    problems = table(tmp_path / "t", "problems")
    assert list(problems.code) == ["timeout"]
    assert ("longer than 11 s (1 s and 0.002 s for each of its 5000 pages)" in problems.message.iloc[0]
            and "--timeout-per-page" in problems.message.iloc[0])
    assert list(problems.source_path) == ["endless.pdf"]
    assert list(table(tmp_path / "t", "documents").source_path) == [seed.name]
    assert summary.exit_code == 1
    # A file that hit a limit is not cached: the next run reads it again (it times out again:
    # the shorter limit, the same for every file, cannot touch the seed, which comes from the cache).
    again = run(options(src, tmp_path / "t", timeout=2.0, timeout_per_page=0.0))
    assert again.read == 1 and again.from_cache == 1 and again.exit_code == 1
    problems = table(tmp_path / "t", "problems")
    assert list(problems.code) == ["timeout"] and "longer than 2 s and" in problems.message.iloc[0]

    # Big by construction: one table row of 40 million cells needs several GB to hold (the
    # list of cells alone is 320 MB, a record per cell comes after), past a 1 GB cap anywhere.
    (src / "endless.pdf").unlink()
    (src / "wide_row.txt").write_bytes(wide_row_text())
    run(options(src, tmp_path / "m", max_memory_mb=1024))
    problems = table(tmp_path / "m", "problems")
    assert list(problems.source_path) == ["wide_row.txt"]
    assert problems.code.iloc[0] in ("memory_limit", "worker_crashed")
    assert list(table(tmp_path / "m", "documents").source_path) == [seed.name]


def test_a_killed_worker_costs_only_its_file(tmp_path: Path, seed_dir: Path, endless_scan: Path):
    src = tmp_path / "raw"
    src.mkdir()
    # The endless scan keeps its worker busy for minutes, so the kill a second in finds it at work.
    shutil.copy(endless_scan, src / "a_endless.pdf")
    shutil.copy(sorted(seed_dir.glob("*.txt"))[0], src / "b_seed.txt")

    def kill_the_worker() -> None:  # the worker reading a_endless.pdf (jobs=1: the only one)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            for server in psutil.Process().children():
                if "forkserver" in " ".join(server.cmdline()) and server.children():
                    time.sleep(1.0)
                    server.children()[0].send_signal(signal.SIGKILL)
                    return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_the_worker)
    killer.start()
    summary = run(options(src, tmp_path / "out", jobs=1))
    killer.join()
    problems = table(tmp_path / "out", "problems")
    assert list(problems.code) == ["worker_crashed"] and "SIGKILL" in problems.message.iloc[0]
    assert list(table(tmp_path / "out", "documents").source_path) == ["b_seed.txt"]
    assert summary.files == 2


def test_arrow_out_of_memory_is_raised_never_a_row_loss():
    """Arrow running out of memory while it tabulates good records is not a bad value: to_tables
    raises MemoryError instead of dropping the table as `invalid_rows`. In a child process whose
    address space is capped just above what it holds: 2,000 cells sharing one 100 KB text cost
    the records almost nothing and Arrow 200 MB, which the cap leaves no room for."""
    child = """
import resource, sys
from pipeline.dataset.arrow import to_tables
from pipeline.schema import CellRecord, FileRows
text = "x" * 100_000
cells = [CellRecord(doc_id="d", year=2018, table_id="t", kind="other", row=n, col=0, row_span=1, col_span=1,
                    text=text, page=None, line=None, x0=None, y0=None, x1=None, y1=None) for n in range(2000)]
rows = FileRows("a.txt", "d", {"table_cells": cells})
size = int(next(l for l in open("/proc/self/status") if l.startswith("VmSize")).split()[1]) * 1024
resource.setrlimit(resource.RLIMIT_AS, (size + 64 * 2**20, resource.RLIM_INFINITY))
try:
    tables = to_tables(rows)
except MemoryError:
    resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    print("MemoryError", len(to_tables(rows)["table_cells"]))  # uncapped, the same records tabulate
else:
    print(sorted(tables), tables.get("problems"))
"""
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "MemoryError 2000", done.stdout + done.stderr


def test_memory_pressure_over_good_files_is_memory_limit_and_retried(tmp_path: Path, seed_dir: Path):
    """Good files only, at the lowest cap allowed: a report of 150,000 table rows needs about 500 MB
    beyond a worker's own (the 50,000-row one about 205 MB, which fits; 100,000 rows fit too since
    a file's cells are held as columns), so it is stopped; it
    becomes memory_limit (never invalid_rows warnings with rows gone), is not cached, and the
    small report beside it keeps every row."""
    src, alone = tmp_path / "raw", tmp_path / "alone"
    src.mkdir()
    alone.mkdir()
    seed = sorted(seed_dir.glob("*.txt"))[0]
    shutil.copy(seed, src / seed.name)
    shutil.copy(seed, alone / seed.name)
    (src / "huge_table.txt").write_text(huge_table_text(150_000), encoding="utf-8")
    run(options(alone, tmp_path / "free"))  # the seed's rows, uncapped
    summary = run(options(src, tmp_path / "out", max_memory_mb=MIN_MEMORY_MB))
    problems = table(tmp_path / "out", "problems")
    assert [(p.source_path, p.severity, p.code) for p in problems.itertuples()] == [
        ("huge_table.txt", "error", "memory_limit")]
    assert "--max-memory-mb" in problems.message.iloc[0]
    assert summary.exit_code == 1
    assert rows_of(tmp_path / "out", seed.name) == rows_of(tmp_path / "free", seed.name)
    again = run(options(src, tmp_path / "out", max_memory_mb=MIN_MEMORY_MB))
    assert (again.read, again.from_cache, again.exit_code) == (1, 1, 1)  # retried, not cached
    assert list(table(tmp_path / "out", "problems").code) == ["memory_limit"]


def test_a_memory_error_in_a_reader_retires_its_worker(tmp_path: Path, seed_dir: Path):
    """The text reader holding an 80 MB row of 40 million cells runs out of memory at the floor:
    the file is memory_limit with advice, its worker (which may be damaged) is gone before the
    next file is given out, and a fresh worker reads the next file in full."""
    src = tmp_path / "raw"
    src.mkdir()
    (src / "a_wide_row.txt").write_bytes(wide_row_text())
    seed = src / "b_seed.txt"
    shutil.copy(sorted(seed_dir.glob("*.txt"))[0], seed)
    tasks = [Task(p, p.name, sha256_of_regular_file(p), p.name, 300.0) for p in (src / "a_wide_row.txt", seed)]
    pool = LocalPool(options(src, tmp_path / "out", jobs=1, max_memory_mb=MIN_MEMORY_MB), src,
                     tmp_path / "cache", tmp_path / "scratch")
    (tmp_path / "cache").mkdir()
    with pool:
        outcomes = pool.run(tasks)
        first = next(outcomes)
        # Retired at once, not kept for the next file: a fresh worker has it already.
        assert [(w.scratch.name, w.task and w.task.source_path) for w in pool.workers] == [("worker-1", "b_seed.txt")]
        second = next(outcomes)
    problems = first.tables["problems"].to_pylist()
    assert [(p["source_path"], p["code"]) for p in problems] == [("a_wide_row.txt", "memory_limit")]
    assert "--max-memory-mb" in problems[0]["message"] and not first.final and not first.stored
    assert second.final and second.task.source_path == "b_seed.txt" and "problems" not in second.tables
    assert not (tmp_path / "cache" / "a_wide_row.txt").exists() and (tmp_path / "cache" / "b_seed.txt").is_dir()


def test_the_memory_floor_reads_every_format_and_below_it_is_refused(tmp_path: Path, seed_dir: Path):
    src = tmp_path / "raw"
    src.mkdir()
    for fixture in sorted(FIXTURES.glob("00[014]_*")):  # Word, ruled and line-free PDF, cp1252 text
        shutil.copy(fixture, src / fixture.name)
    shutil.copy(sorted(seed_dir.glob("*.txt"))[0], src)
    summary = run(options(src, tmp_path / "out", max_memory_mb=MIN_MEMORY_MB))
    assert summary.files == 11 and summary.errors == 0, table(tmp_path / "out", "problems").to_dict("records")
    with pytest.raises(RunError) as refused:
        run(options(src, tmp_path / "low", max_memory_mb=MIN_MEMORY_MB - 1))
    assert f"at least {MIN_MEMORY_MB}" in refused.value.message
    assert not (tmp_path / "low").exists() and not StateDir((tmp_path / "low").resolve()).root.exists()


def test_a_library_error_at_the_memory_cap_is_memory_limit_not_a_bug(tmp_path: Path):
    """At its cap a C extension may fail without MemoryError (the regex module raises RuntimeError
    "invalid RE code"): once the worker has come near its cap, any error is the limit's. The same
    error far from any cap stays a reader bug."""
    child = """
import resource, sys
import pipeline.run.extract as extract
import pipeline.run.worker as worker
def raise_runtime(*args, **kwargs):
    raise RuntimeError("invalid RE code")
extract.extract_file = raise_runtime
job = worker.Job(sys.argv[1], sys.argv[2], None, "0" * 64)
far = worker.run_job(job).status
size = int(next(l for l in open("/proc/self/status") if l.startswith("VmSize")).split()[1]) * 1024
resource.setrlimit(resource.RLIMIT_AS, (size + 64 * 2**20, resource.RLIM_INFINITY))
held = []
try:
    while True:
        held.append(bytearray(2**20))
except MemoryError:
    held.clear()
print(far, worker.run_job(job).status)
"""
    report = tmp_path / "report.txt"
    report.write_text("Verksamhetsberättelse 2024\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", child, str(report), str(tmp_path)], capture_output=True,
                          text=True, timeout=120)
    assert done.stdout.split() == ["error", "memory"], done.stdout + done.stderr


def test_a_pdf_may_take_the_base_limit_and_more_for_each_of_its_pages(tmp_path: Path):
    """The limit a file gets: --timeout, plus --timeout-per-page for each page of a PDF (counted
    in the worker); a file without pages, or a PDF whose pages cannot be counted, the base."""
    (tmp_path / "seven.pdf").write_bytes(endless_scan_pdf(pages=7))
    (tmp_path / "seven.txt").write_bytes(endless_scan_pdf(pages=7))  # read by its suffix: text
    shutil.copy(BAD / "not_a_pdf.pdf", tmp_path)
    pages = {name: file_pages(Job(str(tmp_path / name), str(tmp_path), None, "")) for name in
             ("seven.pdf", "seven.txt", "not_a_pdf.pdf")}
    assert pages == {"seven.pdf": 7, "seven.txt": None, "not_a_pdf.pdf": None}
    task = Task(tmp_path / "seven.pdf", "seven.pdf", "", "", timeout=5.0, timeout_per_page=0.5)
    assert (task.limit(7), task.limit(None)) == (8.5, 5.0)
    message = outcome(task, Result("timeout", pages=7), 0).tables["problems"]["message"][0].as_py()
    assert "longer than 8.5 s (5 s and 0.5 s for each of its 7 pages)" in message


def test_a_large_text_in_pages_may_take_more_for_each_of_its_pages(tmp_path: Path):
    """Laid-out text (pdftotext -layout of a long report, a page a form feed) takes time with its
    pages, as a PDF does: 5,000 such pages took 292 s against the 300 s every text file got. A text
    over a megabyte with form feeds counts its pages; a small one, or one without, has none."""
    page = "Nämndmål   Utfall   Årsmål\n" + "Andel nöjda brukare          87 %      90 %\n" * 40
    texts = {"pages.txt": "\f".join([page] * 600), "small.txt": "\f".join([page] * 3),
             "one.md": page * 600}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert (tmp_path / "pages.txt").stat().st_size > 2**20 and (tmp_path / "one.md").stat().st_size > 2**20
    pages = {name: file_pages(Job(str(tmp_path / name), str(tmp_path), None, "")) for name in texts}
    assert pages == {"pages.txt": 600, "small.txt": None, "one.md": None}


def test_a_write_that_fails_in_a_worker_fails_the_run_with_its_error(tmp_path: Path, seed_dir: Path):
    """The workers write the dataset: what stops one (here a folder that is not there, as a full
    disk would) is raised in the run, which then reports it and publishes nothing."""
    pool = LocalPool(options(seed_dir, tmp_path / "out", max_memory_mb=MIN_MEMORY_MB), seed_dir,
                     tmp_path / "cache", tmp_path / "scratch")
    (tmp_path / "cache").mkdir()
    with pool, pytest.raises(FileNotFoundError):
        pool.write(WriteJob(str(tmp_path / "gone" / "new"), str(tmp_path / "cache"), []))
    assert not (tmp_path / "gone").exists()


def test_files_of_other_kinds_in_a_text_input_are_read_in_full_under_the_cap(tmp_path: Path, seed_dir: Path):
    """Workers for an input of text names start with the text reader only: a PDF named .txt and a
    Word file named .md load the other readers in their worker, outside the cap, and give the rows
    they give under their own names (in a fresh process, whose fork server is started for them)."""
    named, misnamed = tmp_path / "named", tmp_path / "misnamed"
    for folder in (named, misnamed):
        folder.mkdir()
        shutil.copy(sorted(seed_dir.glob("*.txt"))[0], folder / "seed.txt")
    pdf, docx = next(FIXTURES.glob("004_*[0-9a-f].pdf")), next(FIXTURES.glob("001_*.docx"))
    shutil.copy(pdf, named / "004.pdf")
    shutil.copy(pdf, misnamed / "004.txt")
    shutil.copy(docx, named / "001.docx")
    shutil.copy(docx, misnamed / "001.md")
    for folder in (named, misnamed):
        done = cli("run", "--input", folder, "--output", tmp_path / f"{folder.name}-out",
                   "--max-memory-mb", MIN_MEMORY_MB)
        assert done.returncode == 0, done.stderr
    for right, wrong in (("004.pdf", "004.txt"), ("001.docx", "001.md")):
        rows = rows_of(tmp_path / "named-out", right)
        assert rows["table_cells"] > 0 and rows_of(tmp_path / "misnamed-out", wrong) == rows
    assert sorted(table(tmp_path / "misnamed-out", "problems").code) == ["wrong_extension"] * 2
