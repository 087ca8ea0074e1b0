"""Two workers against one, and what a run costs before it reads anything.

    .venv/bin/python bench/bench_parallel.py [--copies 40] [--rounds 3] [--tree DIR]

On a machine shared with others a single pair of runs says little, so `--jobs 1` and `--jobs 2`
run alternately on the same corpus (`copies` variants of every seed text, each its own hash),
`rounds` times each, every run a fresh `rapportdata run` process with an empty cache; it prints
each round, the ratio of the medians and the spread of the rounds' ratios.

Start-up, each the median of five processes: the interpreter alone (`python -c pass`), a run over
an empty folder (first and again), over the unchanged corpus (all from the cache) and over the
five seeds read afresh; and the modules an unchanged run imports (`python -X importtime`): their
count, their total, and whether pyarrow is among them. `--tree` measures another copy of the
project's code instead (say `git archive` of an older commit), with the same interpreter.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_archive import build_corpus

ROOT = Path(__file__).resolve().parents[1]
MAIN = "import sys; from pipeline.run.cli import main; sys.exit(main())"  # what the rapportdata script runs
TREE = ROOT


def timed(command: list[str]) -> float:
    started = time.monotonic()
    subprocess.run(command, check=False, capture_output=True, env={**os.environ, "PYTHONPATH": str(TREE)})
    return time.monotonic() - started


def rapportdata(*args: object, python: tuple[str, ...] = ()) -> list[str]:
    return [sys.executable, *python, "-c", MAIN, *map(str, args)]


def run(source: Path, out: Path, jobs: int = 2, fresh: bool = False) -> float:
    if fresh:
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(out.parent / f".{out.name}.rapportdata", ignore_errors=True)
    return timed(rapportdata("run", "--input", source, "--output", out, "--jobs", jobs))


def median_of(times: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(times))


def imports(source: Path, out: Path) -> tuple[int, float, bool]:
    """Modules an unchanged run imports: how many, their total seconds, whether pyarrow is one."""
    done = subprocess.run(rapportdata("run", "--input", source, "--output", out, python=("-X", "importtime")),
                          capture_output=True, text=True, check=False, env={**os.environ, "PYTHONPATH": str(TREE)})
    rows = [row for line in done.stderr.splitlines() if line.startswith("import time:")
            and (row := line.split("|"))[1].strip().isdigit()]
    top = [int(row[1]) for row in rows if not row[2].startswith("  ")]  # cumulative of the top-level ones
    names = {row[2].strip() for row in rows}
    return len(rows), sum(top) / 1e6, "pyarrow" in names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=40, help="variants of each seed (default: %(default)s)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each --jobs (default: %(default)s)")
    parser.add_argument("--tree", type=Path, default=ROOT, help="the code to measure (default: this checkout)")
    args = parser.parse_args()
    global TREE
    TREE = args.tree.resolve()

    with tempfile.TemporaryDirectory(prefix="rapportdata-parallel-") as temp:
        base = Path(temp)
        files = build_corpus(base / "raw", args.copies, docx=False)
        print(f"corpus: {files} files; --jobs 1 and --jobs 2 alternated, {args.rounds} rounds")
        one: list[float] = []
        two: list[float] = []
        for n in range(args.rounds):
            one.append(run(base / "raw", base / "out1", jobs=1, fresh=True))
            two.append(run(base / "raw", base / "out2", jobs=2, fresh=True))
            print(f"round {n + 1}: jobs1 {one[-1]:6.2f} s  jobs2 {two[-1]:6.2f} s  ratio {one[-1] / two[-1]:.2f}x")
        ratios = [a / b for a, b in zip(one, two)]
        print(f"jobs 2 vs 1: {statistics.median(one) / statistics.median(two):.2f}x of the medians; rounds "
              f"{min(ratios):.2f}x-{max(ratios):.2f}x (target >= 1.8x)")

        (base / "empty").mkdir()
        (base / "seeds").mkdir()
        for seed in sorted((ROOT / "data" / "raw").glob("*.txt")):
            shutil.copy(seed, base / "seeds")
        rows = {
            "python -c pass": median_of(5, lambda: timed([sys.executable, "-c", "pass"])),
            "empty folder, first run": median_of(5, lambda: run(base / "empty", base / "oe", fresh=True)),
            "empty folder, again": median_of(5, lambda: run(base / "empty", base / "oe")),
            f"unchanged archive ({files} files)": median_of(5, lambda: run(base / "raw", base / "out2")),
            "5 seed files, read afresh": median_of(5, lambda: run(base / "seeds", base / "os", fresh=True)),
        }
        for name, seconds in rows.items():
            print(f"{name:<34}{seconds:7.2f} s")
        count, total, pyarrow = imports(base / "raw", base / "out2")
        print(f"unchanged run imports {count} modules in {total:.2f} s; pyarrow {'among them' if pyarrow else 'not loaded'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
