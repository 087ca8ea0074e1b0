"""Text throughput of `rapportdata run --jobs 1` against Python's floor, measured in one run.

    .venv/bin/python bench/bench_text.py [--copies 40] [--repeat 1] [--huge] [--baseline TREE] [--json]

Builds a corpus of `copies` variants of every seed text in data/raw. Each variant has its digits
outside four-digit years remapped by its own permutation of 1-9 and a closing line of its own, so
every file has its own hash and its own numbers (a cell reading repeats across variants only where
the reports' words do, as in a real archive). Then, in the same run, it times

- the bare Python pass: read each file, decode it, split it into lines, one regex a line;
- `rapportdata run --jobs 1 --full` over the same folder, as a process (start-up included), and
  the run's own `seconds` from its summary line;
- an empty folder run, the start-up alone;

and prints MB/s of each and the ratio of the run to the bare pass (target >= 0.25). With --huge it
also times the 50,000-row table of tests/generated.py at 1x and 4x its size alone, as seconds per
MB (the cost per file must grow linearly with its size). With --baseline it also times the run of
another source tree (an export of an earlier commit: `git archive REV | tar -x -C TREE`) on the
same corpus, so that before and after are measured under the same load.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_archive import byte_compiled, save_results  # Python puts the script's folder, bench/, on sys.path

ROOT = Path(__file__).resolve().parents[1]
RAPPORTDATA = Path(sys.executable).with_name("rapportdata")
_DIGITS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\d")
_FLOOR_PATTERN = re.compile(r"^\s*(?:#+\s|\*\*|\d+(?:[.,]\d+)*\s)|\t")


def variant(text: str, n: int) -> str:
    """The seed with digits 1-9 remapped by a permutation of its own (years kept, so that the
    report's period and dates still read), and a closing line naming the copy."""
    digits = list("123456789")
    random.Random(n).shuffle(digits)
    table = str.maketrans("123456789", "".join(digits))
    body = _DIGITS.sub(lambda m: m.group(0) if len(m.group(0)) == 4 else m.group(0).translate(table), text)
    return f"{body}\nArkivkopia {n}\n"


def build_corpus(folder: Path, copies: int) -> int:
    folder.mkdir(parents=True)
    seeds = sorted((ROOT / "data" / "raw").glob("*.txt"))
    for n in range(copies):
        for seed in seeds:
            (folder / f"{seed.stem}_{n:04d}.txt").write_text(variant(seed.read_text(encoding="utf-8"), n),
                                                               encoding="utf-8")
    return sum(path.stat().st_size for path in folder.iterdir())


def bare_pass(folder: Path) -> float:
    """Seconds for the floor: read, decode, split lines, one regex a line."""
    started = time.perf_counter()
    hits = 0
    for path in sorted(folder.iterdir()):
        for line in path.read_bytes().decode("utf-8").split("\n"):
            if _FLOOR_PATTERN.search(line):
                hits += 1
    assert hits > 0
    return time.perf_counter() - started


def run(folder: Path, output: Path, tree: Path | None = None) -> tuple[float, float]:
    """Wall seconds of `rapportdata run --jobs 1 --full`, and the run's own `seconds`; with `tree`,
    the run of the sources in that folder."""
    command = [str(RAPPORTDATA)] if tree is None else [sys.executable, "-m", "pipeline.run.cli"]
    env = None if tree is None else {**os.environ, "PYTHONPATH": str(tree)}
    started = time.perf_counter()
    done = subprocess.run([*command, "run", "--input", str(folder), "--output", str(output), "--jobs", "1", "--full"],
                          stderr=subprocess.PIPE, text=True, check=False, cwd=tree, env=env)
    wall = time.perf_counter() - started
    summary = next((line for line in done.stderr.splitlines() if "event=summary" in line), "")
    fields = dict(pair.split("=", 1) for pair in summary.split() if "=" in pair)
    if done.returncode != 0 or "seconds" not in fields:
        raise SystemExit(f"rapportdata run failed ({done.returncode}): {done.stderr[-500:]}")
    return wall, float(fields["seconds"])


def huge(base: Path) -> dict[str, float]:
    """Seconds per MB of the 50,000-row table alone, at 1x and 4x its rows."""
    sys.path.insert(0, str(ROOT))
    from tests.generated import HUGE_TABLE_ROWS, huge_table_text

    out: dict[str, float] = {}
    for factor in (1, 4):
        folder = base / f"huge{factor}"
        folder.mkdir()
        path = folder / "huge_table.txt"
        path.write_text(huge_table_text(HUGE_TABLE_ROWS * factor), encoding="utf-8")
        megabytes = path.stat().st_size / 1e6
        _, seconds = run(folder, base / f"outh{factor}")
        out[f"huge{factor}x_mb"] = round(megabytes, 2)
        out[f"huge{factor}x_s_per_mb"] = round(seconds / megabytes, 3)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=40, help="variants of each seed (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=1, help="time each pass this many times, keep the best")
    parser.add_argument("--huge", action="store_true", help="also time the 50,000-row table at 1x and 4x")
    parser.add_argument("--baseline", type=Path, help="also time the run of the sources in this folder")
    parser.add_argument("--json", action="store_true", help="write bench/results/text-<time>.json")
    args = parser.parse_args()
    byte_compiled(ROOT, *([args.baseline.resolve()] if args.baseline else []))

    with tempfile.TemporaryDirectory(prefix="rapportdata-bench-text-") as temp:
        base = Path(temp)
        size = build_corpus(base / "raw", args.copies) / 1e6
        (base / "empty").mkdir()
        floor = min(bare_pass(base / "raw") for _ in range(args.repeat))
        timings = [run(base / "raw", base / "out") for _ in range(args.repeat)]
        wall, own = min(t[0] for t in timings), min(t[1] for t in timings)
        start_up = min(run(base / "empty", base / "out_empty")[0] for _ in range(args.repeat))
        results: dict[str, float] = {
            "files": 5 * args.copies, "megabytes": round(size, 2),
            "bare_mb_s": round(size / floor, 2), "run_wall_mb_s": round(size / wall, 2),
            "run_summary_mb_s": round(size / own, 2), "empty_run_s": round(start_up, 2),
            "ratio_wall": round(floor / wall, 3), "ratio_summary": round(floor / own, 3)}
        if args.baseline:
            before = min(run(base / "raw", base / "out_baseline", args.baseline.resolve())[1] for _ in range(args.repeat))
            results.update(baseline_summary_mb_s=round(size / before, 2), baseline_ratio_summary=round(floor / before, 3))
        if args.huge:
            results.update(huge(base))

    print(f"corpus: {results['files']} files, {results['megabytes']} MB")
    print(f"bare Python pass      {results['bare_mb_s']:>8.2f} MB/s")
    print(f"rapportdata --jobs 1  {results['run_wall_mb_s']:>8.2f} MB/s wall (start-up {start_up:.2f} s included), "
          f"{results['run_summary_mb_s']:.2f} MB/s by its summary")
    print(f"ratio run / bare      {results['ratio_wall']:>8.3f} wall, {results['ratio_summary']:.3f} by summary "
          "(target >= 0.25)")
    if args.baseline:
        print(f"baseline tree         {results['baseline_summary_mb_s']:>8.2f} MB/s by its summary, ratio "
              f"{results['baseline_ratio_summary']:.3f}")
    if args.huge:
        print(f"huge table            1x {results['huge1x_mb']} MB: {results['huge1x_s_per_mb']} s/MB, "
              f"4x {results['huge4x_mb']} MB: {results['huge4x_s_per_mb']} s/MB")
    if args.json:
        save_results(results, "text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
