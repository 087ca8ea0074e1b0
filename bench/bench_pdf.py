"""Speed and memory of our PDF and DOCX extraction next to pdftotext and pypdfium2's plain text,
and issue 7's bar: `rapportdata run --jobs 1` over the ruled fixture PDFs, start-up included.

    .venv/bin/python bench/bench_pdf.py [fixtures_dir] [--repeat N] [--baseline TREE]  (--help: the options)

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
alike. Pages/s is of the best round, by the wall clock and by CPU seconds (user and system, of
the process and the children it waited for: a run's fork server and workers), which a loaded
machine changes far less; the run's wall ratio is also given as the median of the ratios within
a round. With --baseline, the same is measured, in the same rounds,
for the sources in TREE (an export of an earlier commit: `git archive REV | tar -x -C TREE`).
DOCX files are counted with the page count of the PDF of the same seed, so pages/s compare like
with like.
"""
from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench_archive import byte_compiled  # Python puts the script's folder, bench/, on sys.path

ROOT = Path(__file__).resolve().parents[1]
BAR = 0.2  # issue 7: the run at >= 1/5 of pdftotext's pages per second
_PR_SET_CHILD_SUBREAPER = 36

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
    "start, cpu = time.perf_counter(), time.process_time()\n"
    "read(Path(sys.argv[1]))\n"
    "print(json.dumps({{'seconds': time.perf_counter() - start, 'cpu': time.process_time() - cpu}}))\n"
)


@dataclass
class Run:
    seconds: float  # wall
    cpu: float  # CPU seconds (user and system) of the same work: what a loaded machine changes least
    max_rss_mib: float


_FAILED = Run(float("inf"), float("inf"), 0.0)


def _adopt_orphans() -> None:
    """Make this process the reaper of its descendants' orphans (Linux): a run's fork server and
    its workers outlive the run's own process by a moment, and only a process that waits for
    them counts their CPU seconds."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(argv: list[str], timed_inside: bool, tree: Path = ROOT) -> Run:
    """The process run to its end. Wall and CPU seconds are the child's own report of its work
    when `timed_inside`, else the whole process tree's, the orphans it leaves waited for."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        before = _children_cpu()
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=err, cwd=tree, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        while True:
            try:
                os.waitpid(-1, 0)
            except ChildProcessError:
                break
        cpu = _children_cpu() - before
        out.seek(0)
        err.seek(0)
        printed, complaint = out.read().decode().strip(), err.read().decode().strip()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(complaint.splitlines()[-1] if complaint else f"exit status {status}")
    # Linux reports ru_maxrss in KiB.
    if timed_inside:
        inside = json.loads(printed.splitlines()[-1])
        return Run(inside["seconds"], inside["cpu"], usage.ru_maxrss / 1024)
    return Run(wall, cpu, usage.ru_maxrss / 1024)


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


def _rounds(jobs: list[tuple[str, Callable[[], Run]]], repeat: int) -> dict[str, list[Run]]:
    """Each job run `repeat` times: a round runs every job once, in turn."""
    runs: dict[str, list[Run]] = {name: [] for name, _ in jobs}
    for k in range(repeat):
        for name, job in (jobs if k % 2 == 0 else jobs[::-1]):
            runs[name].append(job())
    return runs


def _best(runs: list[Run]) -> tuple[float, float]:
    """The fastest round's wall seconds and the least CPU seconds."""
    return min(run.seconds for run in runs), min(run.cpu for run in runs)


def _per_second(pages: float, best: tuple[float, float]) -> tuple[float, float]:
    return pages / best[0], pages / best[1]


def _rates(pages: float, best: tuple[float, float], reference: tuple[float, float] | None) -> str:
    """Pages per wall second and per CPU second, each with its ratio to pdftotext's (`reference`,
    its pages per wall and per CPU second)."""
    wall, cpu = _per_second(pages, best)
    if reference is None:
        return f"{wall:9.1f} {'-':>7} {cpu:9.1f} {'-':>7}"
    return f"{wall:9.1f} {wall / reference[0]:6.2f}x {cpu:9.1f} {cpu / reference[1]:6.2f}x"


_HEADER = f"{'pages/s':>9} {'vs pdft':>7} {'CPU p/s':>9} {'vs pdft':>7}"


def per_file(pdfs: list[Path], fixtures: Path, repeat: int, baseline: Path | None) -> None:
    print(f"{'file':34} {'tool':15} {'pages':>5} {_HEADER} {'peak MiB':>9}")
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

        def job(name: str, tool: str, path: Path, tree: Path) -> Callable[[], Run]:
            def measure() -> Run:
                try:
                    return _run(*_tool_argv(tool, path), tree=tree)
                except RuntimeError as error:
                    print(f"{path.name:34} {name:15} failed: {error}")
                    return _FAILED
            return measure

        runs = _rounds([(name, job(name, tool, path, tree)) for name, tool, path, tree in tools], repeat)
        reference = _per_second(pages, _best(runs["pdftotext"])) if "pdftotext" in runs else None
        for name, _, path, _ in tools:
            best = _best(runs[name])
            if best[0] == float("inf"):
                continue
            peak = max(run.max_rss_mib for run in runs[name])
            print(f"{path.name:34} {name:15} {pages:5} {_rates(pages, best, reference)} {peak:9.1f}")
            total = totals.setdefault(name, [0.0, 0.0, 0.0])
            total[0] += pages
            total[1] += best[0]
            total[2] += best[1]
    print()
    pdftotext = totals.get("pdftotext")
    reference = _per_second(pdftotext[0], (pdftotext[1], pdftotext[2])) if pdftotext else None
    for tool, (counted, wall, cpu) in totals.items():
        print(f"{'all files':34} {tool:15} {int(counted):5} {_rates(counted, (wall, cpu), reference)}")


def _whole_run(folder: Path, output: Path, tree: Path) -> Run:
    """`rapportdata run --jobs 1 --full` over `folder`, start to exit."""
    argv = [sys.executable, "-m", "pipeline.run.cli", "run", "--input", str(folder), "--output", str(output),
            "--jobs", "1", "--full"]
    try:
        return _run(argv, False, tree)
    except RuntimeError as error:
        raise SystemExit(f"rapportdata run failed: {error}") from error


def _pdftotext(pdfs: list[Path]) -> Run:
    runs = [_run(_tool_argv("pdftotext", pdf)[0], False) for pdf in pdfs]
    return Run(sum(r.seconds for r in runs), sum(r.cpu for r in runs), max(r.max_rss_mib for r in runs))


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
        jobs: list[tuple[str, Callable[[], Run]]] = [
            ("pdftotext", lambda: _pdftotext(ruled)),
            ("run", lambda: _whole_run(folder, base / "out", ROOT)),
            ("tiny run", lambda: _whole_run(tiny, base / "out_tiny", ROOT))]
        if baseline:
            jobs.append(("baseline run", lambda: _whole_run(folder, base / "out_baseline", baseline)))
        runs = _rounds(jobs, repeat)
    names = ", ".join(pdf.name.split("_")[0] for pdf in ruled)
    print(f"\n`rapportdata run --jobs 1` over the ruled fixtures ({names}: {pages} pages), start-up included "
          f"(issue 7's bar: {BAR:.2f}x pdftotext)")
    reference = _per_second(pages, _best(runs["pdftotext"]))
    print(f"  {'':34} {_HEADER} {'median of rounds':>17}")
    for name in ("pdftotext", "run", "baseline run"):
        if name not in runs:
            continue
        within = statistics.median(p.seconds / r.seconds for p, r in zip(runs["pdftotext"], runs[name]))
        print(f"  {name:34} {_rates(pages, _best(runs[name]), reference)} {within:16.3f}x")
    tiny_wall, tiny_cpu = _best(runs["tiny run"])
    print(f"  run over one line of text (the fixed cost): {tiny_wall:.2f} s wall, {tiny_cpu:.2f} s CPU; "
          f"the ruled fixtures' run {_best(runs['run'])[0]:.2f} s, pdftotext's {_best(runs['pdftotext'])[0]:.2f} s")


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("fixtures", nargs="?", type=Path, default=ROOT.parent / "shared" / "fixtures",
                        help="folder of the fixture PDFs (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of every measurement (default: %(default)s)")
    parser.add_argument("--baseline", type=Path,
                        help="also measure the sources in this folder (an export of an earlier commit)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    # Said here, before any round: a folder without PDFs left the run's rounds nothing to count
    # (a ValueError in whole_run, after every per-file round).
    if not args.fixtures.is_dir() or not _pdfs(args.fixtures):
        parser.error(f"no fixture PDFs in {args.fixtures}: give the folder that holds them")
    if args.baseline is not None:
        args.baseline = args.baseline.resolve()
        if not (args.baseline / "parsers").is_dir():
            parser.error(f"--baseline {args.baseline} holds no sources (no parsers/ in it)")
    return args


def _pdfs(fixtures: Path) -> list[Path]:
    return sorted(p for p in fixtures.glob("*.pdf") if not p.name.endswith(".scan.pdf"))


def main(argv: list[str]) -> None:
    args = _arguments(argv)
    _adopt_orphans()
    byte_compiled(ROOT, *([args.baseline] if args.baseline else []))
    pdfs = _pdfs(args.fixtures)
    per_file(pdfs, args.fixtures, args.repeat, args.baseline)
    ruled = [p for p in pdfs if ".plain." not in p.name]
    if shutil.which("pdftotext") and ruled:
        whole_run(ruled, args.repeat, args.baseline)


if __name__ == "__main__":
    main(sys.argv[1:])
