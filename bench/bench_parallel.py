"""Two workers against one, and what a run costs before it reads anything.

    .venv/bin/python bench/bench_parallel.py [--copies 40] [--rounds 3] [--tree DIR] [--baseline DIR ...]

On a machine shared with others a single pair of runs says little, so `--jobs 1` and `--jobs 2`
run alternately on the same corpus (`copies` variants of every seed text, each its own hash),
`rounds` times each (which goes first alternates too), every run a fresh `rapportdata run`
process with an empty cache; it prints each round, the ratio of the medians and the spread of the
rounds' ratios. Each round also times two processes of pure Python against one (what two cores
give at that moment, with the others' load) and says the load average.

The run's timeline (`--log-file`, the `timeline` lines) splits each run into its start-up (process
start to the first worker ready: the interpreter, listing, hashing, the fork server's imports),
the files read by the workers, and the end (the last answer to the process's exit: the final
write and publish); the first and the last are the run's serial share, given in seconds beside
the workers' busy seconds, their CPU seconds (busy far above CPU: they waited for a core) and
the seconds they waited on the run between files.

Start-up, each the median of five processes: the interpreter alone (`python -c pass`), a run over
an empty folder (first and again), over the unchanged corpus (all from the cache) and over the
five seeds read afresh; and the modules an unchanged run imports (`python -X importtime`): their
count, their total, and whether pyarrow is among them. `--tree` measures another copy of the
project's code instead (say `git archive` of an older commit), with the same interpreter;
`--baseline` runs another copy (or several) in the same rounds, beside `--tree` (which goes first
alternates), so before and after meet the same load.
"""
from __future__ import annotations

import argparse
import datetime
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_archive import build_corpus, byte_compiled

ROOT = Path(__file__).resolve().parents[1]
MAIN = "import sys; from pipeline.run.cli import main; sys.exit(main())"  # what the rapportdata script runs
TREE = ROOT


def timed(command: list[str], tree: Path | None = None) -> float:
    started = time.monotonic()
    subprocess.run(command, check=False, capture_output=True, env={**os.environ, "PYTHONPATH": str(tree or TREE)})
    return time.monotonic() - started


def _stamp(line: str) -> float:
    return datetime.datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f").timestamp()


def timeline(log: Path, began: float, ended: float) -> dict[str, float]:
    """A run's phases in seconds, from the timeline lines of its log: start-up (to the first worker
    ready), reading (to the last file read), end (to the process's exit), the workers' busy and
    waiting seconds. Empty for a tree that logs no timeline."""
    lines = [line for line in log.read_text(encoding="utf-8").splitlines() if " timeline " in line]
    ready = [_stamp(line) for line in lines if line.endswith("timeline worker ready")]
    read = [_stamp(line) for line in lines if "timeline files read" in line]
    if not ready or not read:
        return {}
    busy = waited = cpu = 0.0
    for line in lines:
        if "timeline worker done:" in line:
            words = line.replace("(", " ").split()
            busy += float(words[words.index("busy") + 1])
            waited += float(words[words.index("waited") + 1])
            cpu += float(words[words.index("cpu") + 1]) if "cpu" in words else 0.0
    return {"start": min(ready) - began, "reading": read[0] - min(ready), "end": ended - read[0],
            "busy": busy, "cpu": cpu, "waited": waited}


def _spin() -> None:
    total = 0
    for n in range(5_000_000):
        total += n


def two_cores() -> float:
    """How many cores two processes of pure Python get now: 2.0 on an idle machine."""
    times = []
    for count in (1, 2):
        started = time.monotonic()
        spinners = [multiprocessing.Process(target=_spin) for _ in range(count)]
        for spinner in spinners:
            spinner.start()
        for spinner in spinners:
            spinner.join()
        times.append(time.monotonic() - started)
    return 2 * times[0] / times[1]


def rapportdata(*args: object, python: tuple[str, ...] = ()) -> list[str]:
    return [sys.executable, *python, "-c", MAIN, *map(str, args)]


def run(source: Path, out: Path, jobs: int = 2, fresh: bool = False) -> float:
    if fresh:
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(out.parent / f".{out.name}.rapportdata", ignore_errors=True)
    return timed(rapportdata("run", "--input", source, "--output", out, "--jobs", jobs))


def logged_run(source: Path, out: Path, jobs: int, tree: Path) -> tuple[float, dict[str, float]]:
    """A fresh run of the code in `tree` with its log: its seconds and its timeline."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(out.parent / f".{out.name}.rapportdata", ignore_errors=True)
    log = out.parent / f"{out.name}.log"
    log.unlink(missing_ok=True)
    began = time.time()
    seconds = timed(rapportdata("run", "--input", source, "--output", out, "--jobs", jobs, "--log-file", log), tree)
    return seconds, timeline(log, began, time.time())


def phases(runs: list[dict[str, float]]) -> str:
    if not all(runs):
        return "no timeline in the log"
    return "  ".join(f"{name} {statistics.median(r[name] for r in runs):.2f}"
                     for name in ("start", "reading", "end", "busy", "cpu", "waited"))


def alternate(source: Path, work: Path, trees: list[Path], rounds: int) -> None:
    """`rounds` rounds of --jobs 1 and 2 of every tree, in alternating order; each round's
    figures, then the medians, spreads and timelines."""
    seconds: dict[tuple[Path, int], list[float]] = {(tree, jobs): [] for tree in trees for jobs in (1, 2)}
    lines: dict[tuple[Path, int], list[dict[str, float]]] = {key: [] for key in seconds}
    cores: list[float] = []
    for n in range(rounds):
        order = [(tree, jobs) for tree in trees for jobs in (1, 2)]
        for tree, jobs in order if n % 2 == 0 else order[::-1]:
            took, line = logged_run(source, work / f"out{jobs}", jobs, tree)
            seconds[tree, jobs].append(took)
            lines[tree, jobs].append(line)
        cores.append(two_cores())
        for tree in trees:
            last = seconds[tree, 1][-1], seconds[tree, 2][-1]
            print(f"round {n + 1} {tree.name}: jobs1 {last[0]:6.2f} s  jobs2 {last[1]:6.2f} s  "
                  f"ratio {last[0] / last[1]:.2f}x")
        print(f"round {n + 1}: two processes got {cores[-1]:.2f} cores; load {os.getloadavg()[0]:.2f}")
    print(f"two processes got {statistics.median(cores):.2f} cores (median)")
    for tree in trees:
        one, two = seconds[tree, 1], seconds[tree, 2]
        ratios = [a / b for a, b in zip(one, two)]
        print(f"{tree}: jobs 2 vs 1: {statistics.median(one) / statistics.median(two):.2f}x of the medians "
              f"({statistics.median(one):.2f} s / {statistics.median(two):.2f} s); rounds "
              f"{min(ratios):.2f}x-{max(ratios):.2f}x (target >= 1.8x)")
        for jobs in (1, 2):
            print(f"  jobs {jobs} timeline (median s): {phases(lines[tree, jobs])}")


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
    parser.add_argument("--baseline", type=Path, action="append", default=[],
                        help="another copy of the code, run in the same rounds (may be given again)")
    args = parser.parse_args()
    global TREE
    TREE = args.tree.resolve()
    byte_compiled(TREE, *(tree.resolve() for tree in args.baseline))

    with tempfile.TemporaryDirectory(prefix="rapportdata-parallel-") as temp:
        base = Path(temp)
        files = build_corpus(base / "raw", args.copies, docx=False)
        print(f"corpus: {files} files; --jobs 1 and --jobs 2 alternated, {args.rounds} rounds")
        alternate(base / "raw", base, [TREE, *(tree.resolve() for tree in args.baseline)], args.rounds)

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
