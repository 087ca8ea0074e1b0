"""What a run's workers load: never pandas, which pyarrow and pytesseract would import though no
worker needs it (pipeline.run.preload), while the dataset stays what a process with pandas writes.
The run is seen in a fresh Python, whose fork server and workers are the run's own; a library
is loaded when it is mapped (/proc/PID/maps), looked at once the dataset is written."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from paths import FIXTURES, ROOT
from pipeline.dataset.cache import Cache
from pipeline.run.discover import sha256_of_regular_file
from pipeline.run.worker import Job, WriteJob, run_job, write_here
from runs import snapshot
from scan_recipe import ScanSettings, make_scan

_RUN = """
import json, multiprocessing.forkserver, sys
from pathlib import Path
from pipeline.run import local
from pipeline.run.orchestrate import run
from pipeline.run.options import RunOptions

def pandas_mapped(pid):
    with open(f"/proc/{pid}/maps") as maps:
        return sorted({fields[-1] for fields in map(str.split, maps) if "/pandas/" in fields[-1]})

seen = {}
leave = local.LocalPool.__exit__
def looked_at(self, *exc):
    seen["fork server"] = pandas_mapped(multiprocessing.forkserver._forkserver._forkserver_pid)
    for n, worker in enumerate(self.workers):
        seen[f"worker {n}"] = pandas_mapped(worker.process.pid)
    return leave(self, *exc)
local.LocalPool.__exit__ = looked_at
outcome = {}
for src in sys.argv[1:]:
    seen = {}
    summary = run(RunOptions(input=Path(src), output=Path(src + ".out"), jobs=2))
    local.end_workers_server()  # the next input's server preloads for its own formats
    outcome[Path(src).name] = {"seen": seen, "read": summary.read}
print(json.dumps(outcome))
"""


def test_a_runs_workers_never_load_pandas_and_write_what_a_process_with_pandas_writes(tmp_path: Path,
                                                                                    seed_dir: Path):
    pdfs, texts = tmp_path / "pdfs", tmp_path / "texts"
    pdfs.mkdir()
    texts.mkdir()
    ruled, seed = FIXTURES / "000_05871d331dd0cb08.pdf", sorted(seed_dir.glob("*.txt"))[0]
    shutil.copy(ruled, pdfs / "a_ruled.pdf")
    make_scan(ruled, pdfs / "b_scan.pdf", ScanSettings(seed=1), first=6, last=6)  # read by OCR
    shutil.copy(seed, pdfs / "c_seed.txt")
    # A text input's fork server loads the text reader only: a Word file named .txt makes its
    # worker load every reader, pytesseract among them.
    shutil.copy(seed, texts / "a_seed.txt")
    shutil.copy(next(FIXTURES.glob("001_*.docx")), texts / "b_word.txt")
    done = subprocess.run([sys.executable, "-c", _RUN, str(pdfs), str(texts)], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    out = json.loads(done.stdout.splitlines()[-1])
    none = {"fork server": [], "worker 0": [], "worker 1": []}
    assert out == {"pdfs": {"seen": none, "read": 3}, "texts": {"seen": none, "read": 2}}

    # The same files read and written here, where pyarrow has pandas (the tests import it).
    assert "pandas" in sys.modules
    for src in (pdfs, texts):
        cache = Cache(tmp_path / f"{src.name}.cache")
        files = sorted(src.iterdir())
        for path in files:
            job = Job(str(path), str(src), None, sha256_of_regular_file(path), (str(cache.folder), path.name))
            assert run_job(job).status == "stored"
        here = tmp_path / f"{src.name}.here"
        here.mkdir()
        write_here(WriteJob(str(here), str(cache.folder), [path.name for path in files]))
        written = Path(f"{src}.out")
        assert snapshot(written) == snapshot(here)
        assert (written / "datapackage.json").read_text() == (here / "datapackage.json").read_text()


_MAPPED = """
import json, multiprocessing.forkserver, sys
from pathlib import Path
from pipeline.run import local
from pipeline.run.orchestrate import run
from pipeline.run.options import RunOptions

LIBRARIES = {"pyarrow.compute": "/pyarrow/_compute.", "numpy": "/numpy/", "lxml": "/lxml/", "ssl": "/_ssl.",
             "remote filesystems": "/pyarrow/_s3fs.", "hdfs": "/pyarrow/_hdfs."}

def mapped(pid):
    with open(f"/proc/{pid}/maps") as maps:
        paths = {fields[-1] for fields in map(str.split, maps)}
    return sorted(name for name, part in LIBRARIES.items() if any(part in path for path in paths))

seen = {}
leave = local.LocalPool.__exit__
def looked_at(self, *exc):
    seen["fork server"] = mapped(multiprocessing.forkserver._forkserver._forkserver_pid)
    seen.update((f"worker {n}", mapped(worker.process.pid)) for n, worker in enumerate(self.workers))
    return leave(self, *exc)
local.LocalPool.__exit__ = looked_at
run(RunOptions(input=Path(sys.argv[1]), output=Path(sys.argv[2]), jobs=2))
print(json.dumps(seen))
"""


@pytest.mark.parametrize("kind", ["text", "pdf"])
def test_a_runs_workers_read_and_write_without_pyarrow_compute_or_numpy(tmp_path: Path, seed_dir: Path, kind: str):
    """pyarrow.compute and numpy (each a twentieth of a second of every run's start) are needed
    by nothing a run's workers do over text files and PDFs with a text layer, the dataset's write
    included, when every file's rows have one year: pyarrow does without numpy (the dataset a
    process with numpy writes is the same: the test above), and numpy comes with a scan. Nor is
    lxml (a third of the text reader's import), which only an HTML table in a text file needs, nor
    ssl and pyarrow's filesystems for other machines (S3, HDFS), which pyarrow.fs loads for its
    remote filesystems alone: a twentieth of the fork server's imports."""
    src = tmp_path / "raw"
    shutil.copytree(seed_dir, src)
    if kind == "pdf":
        shutil.copy(FIXTURES / "001_0037d1aa6ba7bc46.pdf", src)
    done = subprocess.run([sys.executable, "-c", _MAPPED, str(src), str(tmp_path / "out")], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.splitlines()[-1]) == {"fork server": [], "worker 0": [], "worker 1": []}


_COLLECTIONS = """
import gc, json
import pipeline.run.preload  # the fork server's first
collections = []
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(info["generation"]))
import pipeline.run.local, pipeline.run.extract, pipeline.dataset.arrow, parsers.text, parsers.pdf
during, enabled = len(collections), gc.isenabled()
pipeline.run.preload._before_first_fork()
print(json.dumps([during, enabled, gc.isenabled(), gc.get_freeze_count() > 10_000]))
"""


def test_the_fork_servers_imports_set_off_no_collection_and_its_workers_collect() -> None:
    """The workers' modules, imported by the fork server, leave next to nothing for the cyclic
    collector, so it does not run meanwhile (every run of it traversed all that was loaded so
    far); before the first worker is forked what was loaded is frozen and collecting resumes."""
    done = subprocess.run([sys.executable, "-c", _COLLECTIONS], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.splitlines()[-1]) == [0, False, True, True]
