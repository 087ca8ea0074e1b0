"""Runs over real inputs: isolation of bad files, determinism, incremental runs, the lock,
kill -9 safety, the Dask executor, the layout readers see, and the CLI's exit codes."""
from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import psutil
import pytest

import pipeline
from pipeline.run.discover import discover
from pipeline.dataset.docs import DICTIONARY, render
from pipeline.dataset.cache import StateDir
from pipeline.run.options import EXIT_LOCKED, RunError, RunOptions
from pipeline.run.orchestrate import run
from pipeline.schema import TABLES
from pipeline.dataset.writer import recover

from generated import wide_row_text
from paths import BAD

RAPPORTDATA = Path(sys.executable).with_name("rapportdata")
BAD_WITHOUT_ROWS = ("binary.txt", "empty.pdf", "encrypted.pdf", "garbage.docx", "truncated.docx", "truncated.pdf")


def options(src: Path, out: Path, **kwargs) -> RunOptions:
    return RunOptions(input=src, output=out, jobs=kwargs.pop("jobs", 2), **kwargs)


def snapshot(out: Path) -> dict[str, bytes]:
    """Every table file of a dataset, by relative path (the manifest holds mtimes, so it is left out)."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.parquet"))}


def table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(out / name)


def make_corpus(seed_dir: Path, folder: Path, copies: int) -> Path:
    """`copies` variants of each seed, each with one changed line, so every file has its own hash."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(seed_dir.glob("*.txt"))
    for n in range(copies):
        for seed in seeds:
            text = seed.read_text(encoding="utf-8")
            (folder / f"{seed.stem}_{n:03d}.txt").write_text(text + f"\nKopia {n}\n", encoding="utf-8")
    return folder


@pytest.fixture
def seeds(tmp_path: Path, seed_dir: Path) -> Path:
    folder = tmp_path / "raw"
    shutil.copytree(seed_dir, folder)
    return folder


# ---------------------------------------------------------------- bad files


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory, seed_dir: Path, bad_dir: Path):
    """One seed plus every bad fixture (huge_table.txt included) in one folder, and the seed alone."""
    base = tmp_path_factory.mktemp("bad")
    mixed, alone = base / "mixed", base / "alone"
    mixed.mkdir()
    alone.mkdir()
    seed = sorted(seed_dir.glob("*.txt"))[0]
    for folder in (mixed, alone):
        shutil.copy(seed, folder / seed.name)
    for bad in bad_dir.iterdir():
        shutil.copy(bad, mixed / bad.name)
    summary = run(options(mixed, base / "out-mixed"))
    run(options(alone, base / "out-alone"))
    return summary, base / "out-mixed", base / "out-alone", seed.name


def test_every_bad_file_is_a_problem_with_an_actionable_message(bad_run):
    summary, out, _, _ = bad_run
    problems = table(out, "problems")
    errors = problems[problems.severity == "error"]
    assert sorted(errors.source_path) == sorted(BAD_WITHOUT_ROWS)
    for row in errors.itertuples():
        assert row.code and len(row.message) > 30, row  # says what happened and what to do
    assert summary.files_with_errors == len(BAD_WITHOUT_ROWS) and summary.exit_code == 1
    assert set(table(out, "documents").source_path) >= {"huge_table.txt", "not_a_pdf.pdf"}
    wrong = problems[problems.source_path == "not_a_pdf.pdf"]
    assert list(wrong.code) == ["wrong_extension"]


def test_bad_files_cost_no_other_rows(bad_run):
    _, mixed, alone, seed = bad_run
    doc_id = table(alone, "documents").doc_id.iloc[0]
    for name in ("goals", "indicators", "activities", "budget_rows", "table_cells"):
        ours = table(mixed, name)
        expected = table(alone, name)
        assert len(expected) > 0 or name == "budget_rows"
        pd.testing.assert_frame_equal(ours[ours.doc_id == doc_id].reset_index(drop=True),
                                      expected.reset_index(drop=True), check_categorical=False,
                                      check_dtype=False)


def test_huge_table_goes_through(bad_run):
    _, out, _, _ = bad_run
    documents = table(out, "documents")
    huge = documents[documents.source_path == "huge_table.txt"].doc_id.iloc[0]
    indicators = table(out, "indicators")
    assert (indicators.doc_id == huge).sum() == 50_000


# ---------------------------------------------------------------- limits


def test_timeout_and_memory_limit_cost_only_their_file(tmp_path: Path, seed_dir: Path, endless_scan: Path):
    src = tmp_path / "raw"
    src.mkdir()
    # Slow by construction, not by size: the endless scan needs 5,000 Tesseract runs (minutes on
    # any machine), the seed a fraction of a second, so a 10 s limit parts them however loaded
    # the machine is.
    shutil.copy(endless_scan, src / "endless.pdf")
    seed = sorted(seed_dir.glob("*.txt"))[0]
    shutil.copy(seed, src)
    summary = run(options(src, tmp_path / "t", timeout=10.0))
    problems = table(tmp_path / "t", "problems")
    assert list(problems.code) == ["timeout"] and "--timeout" in problems.message.iloc[0]
    assert list(problems.source_path) == ["endless.pdf"]
    assert list(table(tmp_path / "t", "documents").source_path) == [seed.name]
    assert summary.exit_code == 1
    # A file that hit a limit is not cached: the next run reads it again (it times out again:
    # the shorter limit cannot touch the seed, which comes from the cache).
    again = run(options(src, tmp_path / "t", timeout=2.0))
    assert again.read == 1 and again.from_cache == 1 and again.exit_code == 1
    assert list(table(tmp_path / "t", "problems").code) == ["timeout"]

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


# ---------------------------------------------------------------- determinism and increments


def test_two_runs_give_identical_files(seeds: Path, tmp_path: Path):
    run(options(seeds, tmp_path / "a"))
    run(options(seeds, tmp_path / "b", jobs=1))
    first = snapshot(tmp_path / "a")
    assert first and first == snapshot(tmp_path / "b")
    run(options(seeds, tmp_path / "a", full=True))
    assert snapshot(tmp_path / "a") == first


def test_incremental_runs_read_only_what_changed(seeds: Path, tmp_path: Path, monkeypatch):
    out = tmp_path / "out"
    first = run(options(seeds, out))
    assert (first.read, first.from_cache) == (5, 0)
    full_tables = snapshot(out)

    again = run(options(seeds, out))
    assert (again.read, again.from_cache, again.hashed, again.rewritten) == (0, 5, 0, False)

    touched = sorted(seeds.iterdir())[0]
    os.utime(touched, ns=(time.time_ns(), time.time_ns()))
    after_touch = run(options(seeds, out))
    assert (after_touch.read, after_touch.hashed) == (0, 1)

    with touched.open("a", encoding="utf-8") as handle:
        handle.write("\nEn ny rad.\n")
    changed = run(options(seeds, out))
    assert (changed.read, changed.from_cache) == (1, 4)

    gone = sorted(seeds.iterdir())[1]
    doc_id = table(out, "documents").set_index("source_path").doc_id[gone.name]
    gone.unlink()
    removed = run(options(seeds, out))
    assert (removed.read, removed.removed, removed.files) == (0, 1, 4)
    for name in ("documents", "goals", "indicators"):
        assert doc_id not in set(table(out, name).doc_id)
    assert len(list(StateDir(out.resolve()).cache.iterdir())) == 4  # its cache entry is gone too

    monkeypatch.setattr(pipeline, "PARSER_VERSION", pipeline.PARSER_VERSION + "-test")
    assert run(options(seeds, out)).read == 4
    assert run(options(seeds, out, full=True)).read == 4
    assert full_tables  # the first run wrote tables


def test_second_run_on_the_same_output_is_refused(seeds: Path, tmp_path: Path):
    out = tmp_path / "out"
    state = StateDir(out.resolve())
    state.root.mkdir(parents=True)
    with state.lock.open("a+") as holder:
        fcntl.flock(holder, fcntl.LOCK_EX)
        holder.write("pid 4242")
        holder.flush()
        with pytest.raises(RunError) as refused:
            run(options(seeds, out))
        assert refused.value.exit_code == EXIT_LOCKED and "pid 4242" in refused.value.message
        cli = subprocess.run([RAPPORTDATA, "run", "--input", seeds, "--output", out],
                             capture_output=True, text=True)
        assert cli.returncode == EXIT_LOCKED and "another rapportdata run" in cli.stderr
    assert run(options(seeds, out)).files == 5  # a released lock (or a dead holder's) is no obstacle


# ---------------------------------------------------------------- crashes


def test_kill_9_leaves_the_previous_dataset_and_the_rerun_matches_a_clean_run(seed_dir: Path, tmp_path: Path):
    src = make_corpus(seed_dir, tmp_path / "raw", copies=2)
    out = tmp_path / "out"
    run(options(src, out))
    previous = snapshot(out)
    make_corpus(seed_dir, src, copies=14)  # 60 more files for the killed run to work on
    state = StateDir(out.resolve())

    def entries() -> int:  # finished cache entries; a worker's half-written one is a dot-folder
        return sum(1 for entry in state.cache.iterdir() if not entry.name.startswith("."))

    before = entries()

    process = subprocess.Popen([RAPPORTDATA, "run", "--input", src, "--output", out, "--jobs", "1"],
                               start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while entries() < before + 5 and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert snapshot(out) == previous  # intact while the next run has not started

    resumed = run(options(src, out))
    assert resumed.from_cache >= before + 5  # the entries the killed run finished are reused
    run(options(src, tmp_path / "clean"))
    assert snapshot(out) == snapshot(tmp_path / "clean")


def test_recover_puts_back_a_dataset_left_aside(tmp_path: Path):
    out, state = tmp_path / "out", StateDir(tmp_path / "out")
    (state.aside / "documents").mkdir(parents=True)
    (state.staging / "documents").mkdir(parents=True)
    recover(state.staging, out, state.aside)  # killed between "old aside" and "new in"
    assert (out / "documents").is_dir() and not state.aside.exists() and not state.staging.exists()
    (state.aside / "x").mkdir(parents=True)
    recover(state.staging, out, state.aside)  # killed after the swap, before the clean-up
    assert (out / "documents").is_dir() and not state.aside.exists()


# ---------------------------------------------------------------- executors and readers


def test_dask_run_equals_local_run(seeds: Path, tmp_path: Path):
    distributed = pytest.importorskip("dask.distributed")
    run(options(seeds, tmp_path / "local"))
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        summary = run(options(seeds, tmp_path / "dask", executor="dask", scheduler=cluster.scheduler_address))
    assert summary.read == 5
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "local")


def test_pandas_polars_and_duckdb_read_every_table(seeds: Path, tmp_path: Path):
    import duckdb
    import polars as pl

    out = tmp_path / "out"
    (seeds / "sub").mkdir()
    (seeds / "sub" / "binary.txt").write_bytes(b"\x00\x01" * 100)  # a problems row, in a subfolder
    run(options(seeds, out))
    for name, spec in TABLES.items():
        frame = pd.read_parquet(out / name)
        assert set(frame.columns) == set(spec.names), name
        polars = pl.read_parquet(out / name / "**" / "*.parquet", hive_partitioning=True)
        sql = f"select * from read_parquet('{out / name}/**/*.parquet', hive_partitioning=true)"
        assert len(polars) == len(frame) == len(duckdb.sql(sql).fetchall()), name
    documents = pd.read_parquet(out / "documents")
    years = documents.year.astype("int32")  # categorical from the partition folders
    assert set(years) >= {2013, 2018} and (years > 2000).all()
    assert list(pd.read_parquet(out / "problems").source_path) == ["sub/binary.txt"]


def test_discovery_skips_hidden_and_office_lock_files(tmp_path: Path):
    for name in ("b.txt", "a/c.PDF", "~$open.docx", ".hidden.txt", ".git/x.txt", "notes.csv", "d.docx"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path).files] == ["a/c.PDF", "b.txt", "d.docx"]


def test_data_dictionary_is_current():
    assert DICTIONARY.read_text(encoding="utf-8") == render(), "run python -m pipeline.dataset.docs"


# ---------------------------------------------------------------- the command


def cli(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([RAPPORTDATA, *map(str, args)], capture_output=True, text=True, timeout=120)


def test_exit_codes_and_messages(seeds: Path, tmp_path: Path):
    ok = cli("run", "--input", seeds, "--output", tmp_path / "out")
    assert ok.returncode == 0 and "event=summary files=5" in ok.stderr
    shutil.copy(BAD / "garbage.docx", seeds)
    bad = cli("run", "--input", seeds, "--output", tmp_path / "out")
    assert bad.returncode == 1 and "code=damaged_docx" in bad.stderr and "from_cache=5" in bad.stderr
    missing = cli("run", "--input", tmp_path / "nowhere", "--output", tmp_path / "out")
    assert missing.returncode == 2 and "does not exist" in missing.stderr and "Traceback" not in missing.stderr
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.tex").write_text("precious")
    refused = cli("run", "--input", seeds, "--output", tmp_path / "mine")
    assert refused.returncode == 2 and (tmp_path / "mine" / "thesis.tex").exists()
    assert cli("run", "--jobs", "zero").returncode == 2
    helped = cli("run", "--help")
    for option in ("--input", "--output", "--jobs", "--full", "--password", "--timeout", "--max-memory-mb",
                   "--executor", "--scheduler", "--verbose", "--log-file", "exit codes"):
        assert option in helped.stdout
    assert "exit codes" in cli("--help").stdout
