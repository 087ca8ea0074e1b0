"""What a run does alone, before its workers read and after they have: no process of its own for
multiprocessing's resource tracker, a fork server that imports what its workers need only, and
workers told to end all at once."""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from paths import ROOT
from pipeline.run.discover import sha256_of_regular_file
from pipeline.run.local import LocalPool
from pipeline.run.worker import Task, WriteJob
from runs import options

_TRACKER = """
import json, multiprocessing.resource_tracker as tracker, psutil
from pipeline.run.server import end_workers_server, start_workers_server

start_workers_server({"txt"})
children = [" ".join(child.cmdline()) for child in psutil.Process().children()]
end_workers_server()
print(json.dumps([children, tracker._resource_tracker._pid, tracker._resource_tracker._fd]))
"""


_OTHER_TRACKER = """
import json, multiprocessing.resource_tracker as tracker, psutil
from pipeline.run.server import end_workers_server, start_workers_server

class Other(tracker.ResourceTracker):  # a Python whose tracker keeps its state by other names
    @property
    def _fd(self):
        return self._state
    @_fd.setter
    def _fd(self, value):
        self._state = value

tracker._resource_tracker = other = Other()
tracker.ensure_running, tracker.getfd = other.ensure_running, other.getfd  # as the module binds them
start_workers_server({"txt"})
children = [" ".join(child.cmdline()) for child in psutil.Process().children()]
end_workers_server()
print(json.dumps(children))
"""


def test_a_tracker_of_another_shape_is_left_to_start_its_own_process() -> None:
    # The null device is given only to the tracker whose private field it knows (3.11's `_fd`):
    # another Python's starts its own process, and the run goes on as without the shortcut.
    done = subprocess.run([sys.executable, "-c", _OTHER_TRACKER], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    children = json.loads(done.stdout.splitlines()[-1])
    assert any("multiprocessing.forkserver" in child for child in children), children
    assert any("resource_tracker" in child for child in children), children


def test_the_fork_server_starts_without_a_resource_tracker_process() -> None:
    done = subprocess.run([sys.executable, "-c", _TRACKER], cwd=ROOT, capture_output=True, text=True, check=True)
    children, pid, fd = json.loads(done.stdout.splitlines()[-1])
    assert len(children) == 1 and "multiprocessing.forkserver" in children[0], children
    assert pid is None and fd is None  # multiprocessing's own tracker back for whatever comes next


_IMPORTED = """
import json, pickle, sys
import pipeline.run.preload, pipeline.run.local, pipeline.run.extract, pipeline.dataset.arrow, parsers.text
import pyarrow.lib

pipeline.run.preload._before_first_fork()
print(json.dumps([pyarrow.lib.pickle is pickle, [name in sys.modules for name in sys.argv[1:]]]))
"""


def test_the_fork_server_imports_neither_cloudpickle_nor_importlib_abc() -> None:
    if importlib.util.find_spec("cloudpickle") is None:
        pytest.skip("cloudpickle is not installed: pyarrow takes the standard pickle anyway")
    done = subprocess.run([sys.executable, "-c", _IMPORTED, "cloudpickle", "importlib.abc", "importlib.resources"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.splitlines()[-1]) == [True, [False, False, False]]


def test_a_closing_pool_tells_every_worker_to_end_before_it_waits_for_any(tmp_path: Path, seed_dir: Path) -> None:
    src, cache, staging = tmp_path / "raw", tmp_path / "cache", tmp_path / "new"
    src.mkdir()
    for seed in sorted(seed_dir.glob("*.txt"))[:3]:
        shutil.copy(seed, src)
    tasks = [Task(p, p.name, sha256_of_regular_file(p), p.stem, 300.0) for p in sorted(src.iterdir())]
    cache.mkdir()
    staging.mkdir()
    told: list[list[bool]] = []
    with LocalPool(options(src, tmp_path / "out", jobs=2), src, cache, tmp_path / "scratch") as pool:
        assert all(outcome.stored for outcome in pool.run(tasks))
        pool.write(WriteJob(str(staging), str(cache), [task.key for task in tasks]))
        workers = list(pool.workers)
        for worker in workers:
            join = worker.process.join

            def waited(timeout: float | None = None, join: Callable[[float | None], None] = join) -> None:
                told.append([getattr(w, "asked_to_stop", False) for w in workers])
                join(timeout)

            setattr(worker.process, "join", waited)
    assert len(workers) == 2 and told[0] == [True, True]  # both told before the first wait
    assert [w.process.exitcode for w in workers] == [0, 0]
    assert (staging / "datapackage.json").is_file() and (staging / "documents").is_dir()


_POOL_THEN_SPAWN = """
import multiprocessing as mp, os, signal, sys, time
from pathlib import Path
from pipeline.run.discover import sha256_of_regular_file
from pipeline.run.local import LocalPool
from pipeline.run.worker import Task
from runs import options

def hold(q):
    lock = mp.get_context("spawn").Lock()
    q.put(lock._semlock.name)
    time.sleep(60)

if __name__ == "__main__":
    src, work = Path(sys.argv[1]), Path(sys.argv[2])
    task = Task(src, src.name, sha256_of_regular_file(src), src.stem, 300.0)
    with LocalPool(options(src.parent, work / "out", jobs=1), src.parent, work, work / "scratch") as pool:
        assert all(outcome.stored for outcome in pool.run([task]))
    ctx = mp.get_context("spawn")
    q = ctx.SimpleQueue()
    child = ctx.Process(target=hold, args=(q,))
    child.start()
    name = q.get()
    os.kill(child.pid, signal.SIGKILL)
    child.join()
    print(name)
"""


def test_a_pool_used_without_the_command_gives_multiprocessing_its_tracker_back(tmp_path: Path, seed_dir: Path) -> None:
    # A process that used a pool, then starts a spawn context's process that dies holding a
    # named semaphore: multiprocessing's tracker unlinks it once this process has ended.
    script, work = tmp_path / "pool_then_spawn.py", tmp_path / "work"
    script.write_text(_POOL_THEN_SPAWN)
    work.mkdir()
    seed = sorted(seed_dir.glob("*.txt"))[0]
    done = subprocess.run([sys.executable, str(script), str(seed), str(work)], cwd=ROOT, capture_output=True,
                          text=True, check=True, env={**os.environ, "PYTHONPATH": f"{ROOT}:{ROOT / 'tests'}"})
    left = Path("/dev/shm") / f"sem.{done.stdout.split()[-1].lstrip('/')}"
    for _ in range(50):  # the tracker unlinks it when the process's end reaches it
        if not left.exists():
            break
        time.sleep(0.1)
    assert not left.exists()
