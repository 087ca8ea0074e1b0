"""Throughput, incremental cost and memory of `rapportdata run` on a synthetic archive.

    .venv/bin/python bench/bench_archive.py [--copies 60] [--docx] [--huge] [--json]

Builds a corpus of `copies` variants of every seed text (one changed line each, so every file
has its own hash; with --docx also the fixture DOCX files), then measures, each as a separate
`rapportdata run` process: a full run with --jobs 1 and --jobs 2, and an unchanged rerun.
Peak memory is sampled every 20 ms over the run's whole process tree (parent, fork server,
workers): the largest single process and the largest sum. With --huge it also times
fixtures/bad/huge_table.txt alone.
"""
from __future__ import annotations

import argparse
import compileall
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RAPPORTDATA = Path(sys.executable).with_name("rapportdata")


def build_corpus(folder: Path, copies: int, docx: bool) -> int:
    folder.mkdir(parents=True)
    seeds = sorted((ROOT / "data" / "raw").glob("*.txt"))
    for n in range(copies):
        for seed in seeds:
            text = seed.read_text(encoding="utf-8")
            (folder / f"{seed.stem}_{n:04d}.txt").write_text(f"{text}\nArkivkopia {n}\n", encoding="utf-8")
    if docx:
        for path in sorted((SHARED / "fixtures").glob("*.docx")):
            shutil.copy(path, folder / path.name)
    return sum(1 for _ in folder.iterdir())


def measure(args: list[str]) -> dict:
    """Run rapportdata, sampling the memory of its process tree."""
    started = time.monotonic()
    process = subprocess.Popen([str(RAPPORTDATA), "run", *args], stderr=subprocess.PIPE, text=True)
    peak_single = peak_total = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_single, peak_total
        root = psutil.Process(process.pid)
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                sizes = []
                for member in tree:
                    try:
                        sizes.append(member.memory_info().rss)
                    except psutil.Error:
                        pass
                peak_single = max(peak_single, max(sizes, default=0))
                peak_total = max(peak_total, sum(sizes))
            except psutil.Error:
                pass
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    done.set()
    sampler.join()
    summary = next((line for line in stderr.splitlines() if "event=summary" in line), stderr.strip()[-300:])
    fields = dict(pair.split("=", 1) for pair in summary.split() if "=" in pair)
    return {"seconds": round(time.monotonic() - started, 2), "exit": process.returncode,
            "read": int(fields.get("read", -1)), "from_cache": int(fields.get("from_cache", -1)),
            "peak_process_mb": round(peak_single / 2**20), "peak_tree_mb": round(peak_total / 2**20)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=60, help="variants of each seed (default: %(default)s)")
    parser.add_argument("--docx", action="store_true", help="add the fixture DOCX files")
    parser.add_argument("--huge", action="store_true", help="also time huge_table.txt alone")
    parser.add_argument("--json", action="store_true", help="write bench/results/archive-<time>.json")
    args = parser.parse_args()
    byte_compiled(ROOT)

    with tempfile.TemporaryDirectory(prefix="rapportdata-bench-") as temp:
        base = Path(temp)
        files = build_corpus(base / "raw", args.copies, args.docx)
        results = {"files": files}
        for jobs in (1, 2):
            results[f"jobs{jobs}"] = measure(["--input", str(base / "raw"), "--output", str(base / f"out{jobs}"),
                                             "--jobs", str(jobs)])
        results["rerun"] = measure(["--input", str(base / "raw"), "--output", str(base / "out2"), "--jobs", "2"])
        if args.huge:
            (base / "huge").mkdir()
            shutil.copy(SHARED / "fixtures" / "bad" / "huge_table.txt", base / "huge")
            results["huge"] = measure(["--input", str(base / "huge"), "--output", str(base / "outh"), "--jobs", "1"])

    one, two, rerun = results["jobs1"], results["jobs2"], results["rerun"]
    print(f"corpus: {files} files")
    print(f"{'run':<14}{'seconds':>9}{'files/s':>9}{'read':>6}{'cached':>8}{'peak proc MB':>14}{'peak tree MB':>14}")
    for name, row in results.items():
        if isinstance(row, dict):
            rate = row["read"] / row["seconds"] if row["read"] > 0 else 0.0
            print(f"{name:<14}{row['seconds']:>9.2f}{rate:>9.1f}{row['read']:>6}{row['from_cache']:>8}"
                  f"{row['peak_process_mb']:>14}{row['peak_tree_mb']:>14}")
    print(f"speed-up jobs 2 vs 1: {one['seconds'] / two['seconds']:.2f}x (target >= 1.7x on 2 cores)")
    print(f"unchanged rerun: {100 * rerun['seconds'] / two['seconds']:.1f} % of the full run (target < 5 %)")
    if args.json:
        save_results(results, "archive")
    return 0


def byte_compiled(*trees: Path) -> None:
    """Write the bytecode of each tree's packages, as an installation does (pip, `make run`), so a
    run is timed as users run it. Where PYTHONDONTWRITEBYTECODE is set (as on this project's
    machines) nothing else writes it, and each of a run's processes would compile every module it
    imports again: a tenth of a second of every run's start."""
    for tree in trees:
        for package in ("parsers", "pipeline", "normalizers"):
            compileall.compile_dir(str(tree / package), quiet=1)


def save_results(results: dict[str, object], kind: str) -> None:
    """Keep a run's figures as bench/results/<kind>-<time>.json, to compare runs later."""
    folder = ROOT / "bench" / "results"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{kind}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    sys.exit(main())
