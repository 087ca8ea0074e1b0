"""Speed and memory of our PDF and DOCX extraction next to pdftotext and pypdfium2's plain text,
and issue 7's bar: `rapportdata run --jobs 1` over the ruled fixture PDFs, start-up included.

    .venv/bin/python bench/bench_pdf.py [fixtures_dir] [--repeat N] [--baseline TREE]

Per file: "ours-pdf" and "ours-docx" are the whole per-file work of `rapportdata run --jobs 1`:
reading, hashing, recognising the structure, the rows of every table
(`pipeline.run.extract.extract_file`). Every tool runs in a fresh process per file, so peak memory
(ru_maxrss of that process) is its own. Python tools time only the work: their imports, the
readers' included, are excluded, as a long-running worker pays them once. pdftotext is timed as a
whole process, which is how it is used.

The run: `rapportdata run --jobs 1 --full` over a folder of the ruled fixtures (not .plain, not
.scan), timed as a process from start to exit (Python's start, the imports, the worker's start,
the Parquet written), against pdftotext run once per file over the same files; and the same run
over one line of text, which is what the run costs whatever it reads.

Every measurement is taken `--repeat` times in rounds, each round running every tool once in
turn (every other round in reverse order), so that a shared machine's load falls on all of them
alike. Pages/s is of the best round; the run's ratio is given for the best rounds and as the
median of the ratios within a round. With --baseline, the same is measured, in the same rounds,
for the sources in TREE (an export of an earlier commit: `git archive REV | tar -x -C TREE`).
DOCX files are counted with the page count of the PDF of the same seed, so pages/s compare like
with like.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BAR = 0.2  # issue 7: the run at >= 1/5 of pdftotext's pages per second

# Child programs: each reads argv[1] and prints {"seconds": work time}.
_EXTRACT = ("import parsers.docx, parsers.pdf\nfrom pipeline.run.extract import extract_file\n"
            "def read(path):\n    extract_file(path, path.parent)\n")
_CHILD = {
    "ours-pdf": _EXTRACT,
    "ours-docx": _EXTRACT,
    "pypdfium2-text": (
        "import pypdfium2 as pdfium\n"
        "def read(path):\n"
        "    doc = pdfium.PdfDocument(path)\n"
        "    for page in doc:\n"
        "        page.get_textpage().get_text_range()\n"
    ),
}
_TIMED = (
    "import json, sys, time\n"
    "from pathlib import Path\n"
    "{setup}"
    "start = time.perf_counter()\n"
    "read(Path(sys.argv[1]))\n"
    "print(json.dumps({{'seconds': time.perf_counter() - start}}))\n"
)


@dataclass
class Run:
    seconds: float
    max_rss_mib: float


def _run(argv: list[str], timed_inside: bool, tree: Path = ROOT) -> Run:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tree, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    out = process.stdout.read().decode() if process.stdout else ""
    err = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(err.strip().splitlines()[-1] if err.strip() else f"exit status {status}")
    seconds = json.loads(out.strip().splitlines()[-1])["seconds"] if timed_inside else wall
    # Linux reports ru_maxrss in KiB.
    return Run(seconds, usage.ru_maxrss / 1024)


def _page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def _tool_argv(tool: str, path: Path) -> tuple[list[str], bool]:
    if tool == "pdftotext":
        return ["pdftotext", "-q", str(path), os.devnull], False
    return [sys.executable, "-c", _TIMED.format(setup=_CHILD[tool]), str(path)], True


def _rounds(jobs: list[tuple[str, Callable[[], float]]], repeat: int) -> dict[str, list[float]]:
    """Each job's seconds, `repeat` times: a round runs every job once, in turn."""
    times: dict[str, list[float]] = {name: [] for name, _ in jobs}
    for k in range(repeat):
        for name, job in (jobs if k % 2 == 0 else jobs[::-1]):
            times[name].append(job())
    return times


def per_file(pdfs: list[Path], fixtures: Path, repeat: int, baseline: Path | None) -> None:
    print(f"{'file':34} {'tool':15} {'pages':>5} {'pages/s':>9} {'peak MiB':>9} {'vs pdftotext':>12}")
    totals: dict[str, list[float]] = {}
    for pdf in pdfs:
        pages = _page_count(pdf)
        tools = [("pdftotext", "pdftotext", pdf, ROOT)] if shutil.which("pdftotext") else []
        tools += [("pypdfium2-text", "pypdfium2-text", pdf, ROOT), ("ours-pdf", "ours-pdf", pdf, ROOT)]
        if baseline:
            tools.append(("baseline-pdf", "ours-pdf", pdf, baseline))
        docx = fixtures / f"{pdf.name.split('.')[0]}.docx"
        if docx.exists() and ".plain." not in pdf.name:
            tools.append(("ours-docx", "ours-docx", docx, ROOT))
        peaks: dict[str, float] = {}

        def job(name: str, tool: str, path: Path, tree: Path) -> Callable[[], float]:
            def measure() -> float:
                try:
                    run = _run(*_tool_argv(tool, path), tree=tree)
                except RuntimeError as error:
                    print(f"{path.name:34} {name:15} failed: {error}")
                    return float("inf")
                peaks[name] = max(peaks.get(name, 0.0), run.max_rss_mib)
                return run.seconds
            return measure

        times = _rounds([(name, job(name, tool, path, tree)) for name, tool, path, tree in tools], repeat)
        reference = pages / min(times["pdftotext"]) if "pdftotext" in times else None
        for name, _, path, _ in tools:
            best = min(times[name])
            if best == float("inf"):
                continue
            rate = pages / best
            ratio = f"{rate / reference:11.2f}x" if reference else f"{'-':>12}"
            print(f"{path.name:34} {name:15} {pages:5} {rate:9.1f} {peaks[name]:9.1f} {ratio}")
            total = totals.setdefault(name, [0.0, 0.0])
            total[0] += pages
            total[1] += best
    print()
    reference = totals["pdftotext"][0] / totals["pdftotext"][1] if "pdftotext" in totals else None
    for tool, (counted, seconds) in totals.items():
        rate = counted / seconds
        ratio = f"{rate / reference:.2f}x pdftotext" if reference else ""
        print(f"all files  {tool:15} {rate:9.1f} pages/s  {ratio}")


def _whole_run(folder: Path, output: Path, tree: Path) -> float:
    """Wall seconds of `rapportdata run --jobs 1 --full` over `folder`, start to exit."""
    argv = [sys.executable, "-m", "pipeline.run.cli", "run", "--input", str(folder), "--output", str(output),
            "--jobs", "1", "--full"]
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)}, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"rapportdata run failed ({done.returncode}): {done.stderr[-500:]}")
    return time.perf_counter() - started


def whole_run(ruled: list[Path], repeat: int, baseline: Path | None) -> None:
    pages = sum(_page_count(pdf) for pdf in ruled)
    with tempfile.TemporaryDirectory(prefix="rapportdata-bench-pdf-") as temp:
        base = Path(temp)
        folder, tiny = base / "ruled", base / "tiny"
        folder.mkdir()
        tiny.mkdir()
        # One line of text: the run's fixed cost (the worker's start and imports, the write).
        (tiny / "rapport.txt").write_text("Verksamhetsberättelse 2018\n", encoding="utf-8")
        for pdf in ruled:
            shutil.copy(pdf, folder / pdf.name)
        jobs: list[tuple[str, Callable[[], float]]] = [
            ("pdftotext", lambda: sum(_run(_tool_argv("pdftotext", pdf)[0], False).seconds for pdf in ruled)),
            ("run", lambda: _whole_run(folder, base / "out", ROOT)),
            ("tiny run", lambda: _whole_run(tiny, base / "out_tiny", ROOT))]
        if baseline:
            jobs.append(("baseline run", lambda: _whole_run(folder, base / "out_baseline", baseline)))
        times = _rounds(jobs, repeat)
    names = ", ".join(pdf.name.split("_")[0] for pdf in ruled)
    print(f"\n`rapportdata run --jobs 1` over the ruled fixtures ({names}: {pages} pages), start-up included")
    reference = pages / min(times["pdftotext"])
    print(f"  {'pdftotext, a process a file':34} {reference:9.1f} pages/s")
    for name in ("run", "baseline run"):
        if name not in times:
            continue
        rate = pages / min(times[name])
        within = statistics.median(p / r for p, r in zip(times["pdftotext"], times[name]))
        print(f"  {name:34} {rate:9.1f} pages/s  {rate / reference:.3f}x pdftotext (best rounds), "
              f"{within:.3f}x (median within a round); bar {BAR:.2f}x")
    print(f"  {'run over one line of text':34} {min(times['tiny run']):9.2f} s (the fixed cost), "
          f"the ruled fixtures' run {min(times['run']):.2f} s, pdftotext's {min(times['pdftotext']):.2f} s")


def main(argv: list[str]) -> None:
    repeat, baseline = 3, None
    if "--repeat" in argv:
        k = argv.index("--repeat")
        repeat = int(argv[k + 1])
        argv = argv[:k] + argv[k + 2:]
    if "--baseline" in argv:
        k = argv.index("--baseline")
        baseline = Path(argv[k + 1]).resolve()
        argv = argv[:k] + argv[k + 2:]
    fixtures = Path(argv[0]) if argv else ROOT.parent / "shared" / "fixtures"
    pdfs = sorted(p for p in fixtures.glob("*.pdf") if not p.name.endswith(".scan.pdf"))
    per_file(pdfs, fixtures, repeat, baseline)
    if shutil.which("pdftotext"):
        whole_run([p for p in pdfs if ".plain." not in p.name], repeat, baseline)


if __name__ == "__main__":
    main(sys.argv[1:])
