"""The OCR reader next to plain Tesseract on the same scan, in one run (issue 11).

    .venv/bin/python bench/bench_ocr.py [fixtures_dir] [--jobs 2]

- "rapportdata": `rapportdata run --jobs N --full` over a folder holding only the scan, timed
  as a whole process (start-up, reading, recognition, the write), then scored against the gold.
- "plain tesseract": the same pages rendered at the reader's dpi, then `tesseract page.png -
  -l swe` on each, N processes at a time, each with one OpenMP thread: what the engine alone
  costs to read the pages whole. Rendering is timed apart and not counted.

Targets: rapportdata at most 1.5x plain Tesseract's seconds, at a gold score of at least 0.98.
The machine may be shared: the load average before and after is printed beside the figures.
Skips, with exit 0, when the scan is not there.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parsers.ocr import OcrSettings  # noqa: E402
from parsers.pdf_open import open_pdf  # noqa: E402

SCAN = "000_05871d331dd0cb08.scan.pdf"
MAX_RATIO = 1.5
MIN_SCORE = 0.98


def render(scan: Path, folder: Path, dpi: int) -> list[Path]:
    document = open_pdf(scan, None)
    try:
        paths = []
        for k in range(len(document)):
            path = folder / f"page-{k + 1:03d}.png"
            document[k].render(scale=dpi / 72, grayscale=True).to_pil().convert("L").save(path, compress_level=1)
            paths.append(path)
        return paths
    finally:
        document.close()


def plain_tesseract(pages: list[Path], jobs: int) -> float:
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    started = time.perf_counter()
    running: list[subprocess.Popen[bytes]] = []
    for page in pages:
        if len(running) == jobs:
            running.pop(0).wait()
        running.append(subprocess.Popen(["tesseract", str(page), "-", "-l", "swe"], env=environment,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    for process in running:
        process.wait()
    return time.perf_counter() - started


def rapportdata(scan: Path, work: Path, jobs: int) -> tuple[float, Path]:
    inputs, output = work / "in", work / "out"
    inputs.mkdir()
    shutil.copy(scan, inputs / scan.name)
    command = [str(Path(sys.executable).with_name("rapportdata")), "run", "--input", str(inputs),
               "--output", str(output), "--full", "--jobs", str(jobs)]
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started, output


def score(output: Path, shared: Path, work: Path) -> float | None:
    scorer, gold = shared / "eval" / "score.py", shared / "gold"
    if not scorer.exists() or not gold.exists():
        return None
    report = work / "score.json"
    subprocess.run([sys.executable, str(scorer), "--out", str(output), "--gold", str(gold), "--json", str(report)],
                   check=True, stdout=subprocess.DEVNULL)
    overall = json.loads(report.read_text())["overall"]
    return None if overall is None else float(overall)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("fixtures", nargs="?", type=Path, default=ROOT.parent / "shared" / "fixtures",
                        help="folder holding the scan fixture (default: ../shared/fixtures)")
    parser.add_argument("--jobs", type=int, default=2, help="workers of the run, Tesseract processes at a time")
    args = parser.parse_args(argv)
    scan = args.fixtures / SCAN
    if not scan.exists():
        print(f"skipped: no scan fixture at {scan}")
        return 0
    if shutil.which("tesseract") is None:
        print("skipped: Tesseract is not installed (scripts/install-system-deps.sh installs it)")
        return 0
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench_ocr_") as name:
        work = Path(name)
        (work / "pages").mkdir()
        started = time.perf_counter()
        pages = render(scan, work / "pages", OcrSettings().dpi)
        rendering = time.perf_counter() - started
        plain = plain_tesseract(pages, args.jobs)
        ours, output = rapportdata(scan, work, args.jobs)
        result = score(output, args.fixtures.parent, work)
    load_after = os.getloadavg()
    ratio = ours / plain
    print(f"scan: {scan.name}, {len(pages)} pages, {args.jobs} at a time")
    print(f"plain tesseract   {plain:7.1f} s  ({plain / len(pages):.2f} s a page; rendering {rendering:.1f} s apart)")
    print(f"rapportdata run   {ours:7.1f} s  ({ours / len(pages):.2f} s a page)")
    print(f"ratio             {ratio:7.2f} x  (target <= {MAX_RATIO})")
    print(f"gold score        {result if result is None else f'{result:7.4f}'}  (target >= {MIN_SCORE})")
    print(f"load average      {load_before[0]:.2f} before, {load_after[0]:.2f} after "
          f"(on {len(os.sched_getaffinity(0))} cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
