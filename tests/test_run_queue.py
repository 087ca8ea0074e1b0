"""A worker is sent its next file while it reads one (pipeline.run.local.LocalPool._fill), so it
never waits for the run between files; a file queued so and never started is read by another
worker when the one it was sent to is stopped."""
from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.run.discover import sha256_of_regular_file
from pipeline.run.local import LocalPool
from pipeline.run.worker import Task
from runs import options


def _tasks(folder: Path, timeout: float = 300.0) -> list[Task]:
    return [Task(p, p.name, sha256_of_regular_file(p), p.name, timeout) for p in sorted(folder.iterdir())]


def test_a_worker_has_its_next_file_before_it_answers_for_the_one_it_reads(tmp_path: Path, seed_dir: Path) -> None:
    src, cache = tmp_path / "raw", tmp_path / "cache"
    src.mkdir()
    cache.mkdir()
    for seed in sorted(seed_dir.glob("*.txt"))[:4]:
        shutil.copy(seed, src)
    tasks = _tasks(src)
    with LocalPool(options(src, tmp_path / "out", jobs=1), src, cache, tmp_path / "scratch") as pool:
        outcomes = pool.run(tasks)
        first = next(outcomes)
        (worker,) = pool.workers
        # The second file was sent with the first and is being read; the third waits in the pipe.
        assert (worker.task, worker.queued) == (tasks[1], tasks[2])
        rest = list(outcomes)
        # The last file went out only once the worker was free: no other worker could take it.
        assert worker.queued is None and worker.task is None
    assert [o.task for o in [first, *rest]] == tasks and all(o.stored and o.final for o in [first, *rest])
    assert sorted(p.name for p in cache.iterdir()) == [t.key for t in tasks]


def test_a_file_queued_behind_one_that_times_out_is_read_by_a_fresh_worker(tmp_path: Path, seed_dir: Path,
                                                                          endless_scan: Path) -> None:
    src, cache = tmp_path / "raw", tmp_path / "cache"
    src.mkdir()
    cache.mkdir()
    shutil.copy(endless_scan, src / "a_endless.pdf")  # minutes of OCR: stopped at its limit
    for seed in sorted(seed_dir.glob("*.txt"))[:3]:
        shutil.copy(seed, src)
    tasks = _tasks(src, timeout=1.0)
    with LocalPool(options(src, tmp_path / "out", jobs=1), src, cache, tmp_path / "scratch") as pool:
        outcomes = list(pool.run(tasks))
    by_path = {o.task.source_path: o for o in outcomes}
    assert sorted(by_path) == sorted(t.source_path for t in tasks) and len(outcomes) == len(tasks)
    stopped = by_path.pop("a_endless.pdf")
    assert not stopped.final and stopped.tables["problems"]["code"].to_pylist() == ["timeout"]
    # The file sent behind it was never started: it is read in full, not reported as stopped.
    assert all(o.final and o.stored for o in by_path.values())
