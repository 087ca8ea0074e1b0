"""Runs over the seeds: determinism, incremental runs, the cache's fingerprint, the lock, kill -9
safety, the Dask executor and the layout readers see."""
from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from pipeline.dataset.cache import Cache, StateDir, load_manifest
from pipeline.dataset.docs import DICTIONARY, render
from pipeline.dataset.writer import recover, write_tables
from pipeline.run.discover import discover
from pipeline.run.options import EXIT_LOCKED, RunError
from pipeline.run.orchestrate import run
from pipeline.schema import TABLES
from runs import RAPPORTDATA, make_corpus, options, seeds, snapshot, table

__all__ = ["seeds"]  # a fixture


def test_two_runs_give_identical_files(seeds: Path, tmp_path: Path):
    run(options(seeds, tmp_path / "a"))
    run(options(seeds, tmp_path / "b", jobs=1))
    run(options(seeds, tmp_path / "c", jobs=3))  # three workers share the writing of the tables
    first = snapshot(tmp_path / "a")
    assert first and first == snapshot(tmp_path / "b") == snapshot(tmp_path / "c")
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


def test_writers_given_the_same_folder_write_each_table_once(seeds: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(options(seeds, out))
    cache = Cache(StateDir(out.resolve()).cache)
    parts = [cache.part(record.key) for _, record in sorted(load_manifest(out).files.items())]
    folder = tmp_path / "again"
    folder.mkdir()
    written = write_tables(folder, parts)
    assert sorted(p.relative_to(folder).as_posix() for p in written) == sorted(snapshot(out))
    assert write_tables(folder, parts) == []  # every table taken: a second writer finds nothing left
    assert snapshot(folder) == snapshot(out)


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


def test_the_fingerprint_follows_the_code_that_shapes_rows(tmp_path: Path):
    """Changing the Arrow conversion (which runs in the worker and shapes the cached rows) makes
    every cached file stale; changing the command line does not. On a copy of the code."""
    root = Path(pipeline.__file__).resolve().parents[1]
    ignore = shutil.ignore_patterns("__pycache__")
    for package in ("parsers", "normalizers", "pipeline"):
        shutil.copytree(root / package, tmp_path / package, ignore=ignore)
    assert pipeline.PARSER_VERSION.endswith("+" + pipeline.fingerprint(tmp_path))
    before = pipeline.fingerprint(tmp_path)
    with (tmp_path / "pipeline" / "run" / "cli.py").open("a", encoding="utf-8") as handle:
        handle.write("\n# the command line only moves rows about\n")
    assert pipeline.fingerprint(tmp_path) == before
    for shaping in ("pipeline/dataset/arrow.py", "pipeline/run/worker.py", "pipeline/recognise/vocabulary.tsv"):
        with (tmp_path / shaping).open("a", encoding="utf-8") as handle:
            handle.write("\n")
        changed = pipeline.fingerprint(tmp_path)
        assert changed != before, shaping
        before = changed


def test_the_largest_files_are_read_first_and_the_rows_keep_the_files_order(seeds: Path, tmp_path: Path,
                                                                          monkeypatch):
    """Files go to the workers largest first, so that the last ones given out are the smallest
    and no worker reads a big file alone at the end."""
    from pipeline.run.local import LocalPool

    given: list[str] = []
    read = LocalPool.run

    def recorded(self: LocalPool, tasks: list):  # type: ignore[no-untyped-def]
        given.extend(task.source_path for task in tasks)
        return read(self, tasks)

    monkeypatch.setattr(LocalPool, "run", recorded)
    run(options(seeds, tmp_path / "out"))
    sizes = {path.name: path.stat().st_size for path in seeds.iterdir()}
    assert given == sorted(sizes, key=lambda name: -sizes[name]) and given != sorted(sizes)
    assert sorted(table(tmp_path / "out", "documents").source_path) == sorted(sizes)
