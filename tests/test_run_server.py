"""The fork server started by the command before the run's own imports and listing
(pipeline.run.server.start_for_fresh_output): for an output without a dataset, for the formats
the input's names show; not where the cache may answer every file, nor for an input of none."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from paths import ROOT

_STARTED = """
import json, multiprocessing.forkserver, sys
from pathlib import Path
from pipeline.run.server import end_workers_server, start_for_fresh_output

seen = []
for src, out, full in json.loads(sys.argv[1]):
    start_for_fresh_output(Path(src), Path(out), full)
    server = multiprocessing.forkserver._forkserver
    seen.append(server._preload_modules if server._forkserver_pid else None)
    end_workers_server()
print(json.dumps(seen))
"""


def test_the_fork_server_starts_before_the_listing_for_an_output_without_a_dataset(tmp_path: Path) -> None:
    texts, mixed, empty, out = tmp_path / "texts", tmp_path / "mixed", tmp_path / "empty", tmp_path / "out"
    for folder in (texts, mixed / "sub", empty / ".hidden", out):
        folder.mkdir(parents=True)
    (texts / "a.txt").write_text("En rad.\n", encoding="utf-8")
    (texts / "notes.csv").write_text("no report\n", encoding="utf-8")
    (mixed / "sub" / "b.docx").write_bytes(b"PK\x03\x04")
    (mixed / "c.pdf").write_bytes(b"%PDF-1.4")
    (empty / ".hidden" / "d.txt").write_text("hidden\n", encoding="utf-8")
    (empty / "~$e.txt").write_text("lock\n", encoding="utf-8")
    (out / "_manifest.json").write_text("{}", encoding="utf-8")  # a dataset: its cache may answer
    cases = [(texts, tmp_path / "new", False), (mixed, tmp_path / "new", False), (empty, tmp_path / "new", False),
             (texts, out, False), (texts, out, True)]
    done = subprocess.run([sys.executable, "-c", _STARTED, json.dumps([(str(a), str(b), c) for a, b, c in cases])],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    lean = ["pipeline.run.preload", "pipeline.run.local", "pipeline.run.extract", "pipeline.dataset.arrow"]
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen[0] == [*lean, "parsers.text"]  # a text input's server loads the text reader alone
    assert seen[1][:4] == lean and "parsers.docx" in seen[1] and "parsers.pdf" in seen[1]
    assert seen[2:] == [None, None, [*lean, "parsers.text"]]  # no report; a dataset; --full


_BEFORE_THE_START = """
import json, sys
import pipeline.run.server as server
heavy = ("dataclasses", "inspect", "logging", "hashlib", "pipeline.run.options", "pipeline.run.orchestrate",
         "pipeline.dataset.cache", "pipeline.run.discover")
seen = []
start = server.start_workers_server
def started(formats):
    seen.append(sorted(name for name in heavy if name in sys.modules))
    start(formats)
server.start_workers_server = started
from pipeline.run.cli import main
code = main(["run", "--input", sys.argv[1], "--output", sys.argv[2]])
print(json.dumps([code, seen[0]]))
"""


def test_the_command_starts_the_fork_server_before_its_heavier_imports(tmp_path: Path) -> None:
    """Every module the command imports before it starts the fork server delays the fork server's
    imports, which no worker can start before: dataclasses, logging and hashlib (and the run's
    modules, which import them) come afterwards, while the server imports the readers."""
    src = tmp_path / "raw"
    src.mkdir()
    (src / "a.txt").write_text("Verksamhetsberättelse 2018\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _BEFORE_THE_START, str(src), str(tmp_path / "out")],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(done.stdout.splitlines()[-1]) == [0, []]


_AT_EXIT = """
import atexit, gc, sys
atexit.register(lambda: print("frozen at exit", gc.get_freeze_count() > 10_000))  # runs after the command's
from pipeline.run.cli import main
code = main(["run", "--input", sys.argv[1], "--output", sys.argv[2]])
print("frozen after the command", gc.get_freeze_count() > 0)
"""


def test_the_command_leaves_the_collector_nothing_to_traverse_at_exit(tmp_path: Path) -> None:
    """The interpreter's end collects every object it tears down: the command freezes them at
    exit (gc.freeze, an exit handler), not when it returns to a caller that goes on."""
    src = tmp_path / "raw"
    src.mkdir()
    (src / "a.txt").write_text("Verksamhetsberättelse 2018\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _AT_EXIT, str(src), str(tmp_path / "out")],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-2:] == ["frozen after the command False", "frozen at exit True"]
