"""What the run's own process imports: the tables of formats and readers (parsers), not the block
model the readers build (parsers.blocks), which only a worker, or a process reading a file itself,
needs; a run over an unchanged archive so starts with less than the interpreter's twice."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from paths import ROOT

_IMPORTED = """
import sys
from pathlib import Path
import pipeline.run.cli, pipeline.run.orchestrate, pipeline.run.server
from pipeline.run.orchestrate import run
from pipeline.run.options import RunOptions
summary = run(RunOptions(input=Path(sys.argv[1]), output=Path(sys.argv[2]), jobs=1))
print(summary.read, "parsers.blocks" in sys.modules)
"""


def test_the_runs_process_does_without_the_block_model(tmp_path: Path, seed_dir: Path) -> None:
    src = tmp_path / "raw"
    src.mkdir()
    seed = sorted(seed_dir.glob("*.txt"))[0]
    (src / seed.name).write_bytes(seed.read_bytes())
    out = tmp_path / "out"
    answers = [subprocess.run([sys.executable, "-c", _IMPORTED, str(src), str(out)], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.split() for _ in range(2)]
    assert answers == [["1", "False"], ["0", "False"]]  # read by a worker, then from the cache
