"""Speed and memory of our PDF and DOCX extraction next to pdftotext and pypdfium2's plain text.

"ours-pdf" and "ours-docx" are the whole per-file work of `rapportdata run --jobs 1`: reading,
hashing, recognising the structure, the rows of every table (`pipeline.extract.extract_file`).

    .venv/bin/python bench/bench_pdf.py [fixtures_dir] [--repeat N]

Every tool runs in a fresh process per file, so peak memory (ru_maxrss of that process) is
its own. Python tools time only the work (imports excluded, as a long-running pipeline pays
them once); pdftotext is timed as a whole process, which is how it is used. The best of
`--repeat` runs counts. DOCX files are counted with the page count of the PDF of the same
seed, so pages/s compare like with like. Prints pages/s, peak MiB and the ratio to pdftotext.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Child programs: each reads argv[1] and prints {"seconds": work time}.
_EXTRACT = "from pipeline.run.extract import extract_file\ndef read(path):\n    extract_file(path, path.parent)\n"
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


def _run(argv: list[str], timed_inside: bool) -> Run:
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    out = process.stdout.read().decode() if process.stdout else ""
    err = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(err.strip().splitlines()[-1] if err.strip() else f"exit status {status}")
    seconds = json.loads(out.strip().splitlines()[-1])["seconds"] if timed_inside else wall
    # Linux reports ru_maxrss in KiB.
    return Run(seconds, usage.ru_maxrss / 1024)


def _best(argv: list[str], timed_inside: bool, repeat: int) -> Run:
    runs = [_run(argv, timed_inside) for _ in range(repeat)]
    return Run(min(r.seconds for r in runs), max(r.max_rss_mib for r in runs))


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


def main(argv: list[str]) -> None:
    repeat = 3
    if "--repeat" in argv:
        k = argv.index("--repeat")
        repeat = int(argv[k + 1])
        argv = argv[:k] + argv[k + 2:]
    fixtures = Path(argv[0]) if argv else ROOT.parent / "shared" / "fixtures"
    pdfs = sorted(p for p in fixtures.glob("*.pdf") if not p.name.endswith(".scan.pdf"))
    has_pdftotext = shutil.which("pdftotext") is not None
    print(f"{'file':34} {'tool':15} {'pages':>5} {'pages/s':>9} {'peak MiB':>9} {'vs pdftotext':>12}")
    totals: dict[str, list[float]] = {}
    for pdf in pdfs:
        pages = _page_count(pdf)
        jobs = [("pdftotext", pdf)] if has_pdftotext else []
        jobs += [("pypdfium2-text", pdf), ("ours-pdf", pdf)]
        docx = fixtures / f"{pdf.name.split('.')[0]}.docx"
        if docx.exists() and ".plain." not in pdf.name:
            jobs.append(("ours-docx", docx))
        reference = None
        for tool, path in jobs:
            try:
                run = _best(*_tool_argv(tool, path), repeat)
            except RuntimeError as error:
                print(f"{path.name:34} {tool:15} skipped: {error}")
                continue
            rate = pages / run.seconds if run.seconds else float("inf")
            if tool == "pdftotext":
                reference = rate
            ratio = f"{rate / reference:11.2f}x" if reference else f"{'-':>12}"
            print(f"{path.name:34} {tool:15} {pages:5} {rate:9.1f} {run.max_rss_mib:9.1f} {ratio}")
            total = totals.setdefault(tool, [0.0, 0.0])
            total[0] += pages
            total[1] += run.seconds
    print()
    reference = totals["pdftotext"][0] / totals["pdftotext"][1] if "pdftotext" in totals else None
    for tool, (pages, seconds) in totals.items():
        rate = pages / seconds
        ratio = f"{rate / reference:.2f}x pdftotext" if reference else ""
        print(f"all files  {tool:15} {rate:9.1f} pages/s  {ratio}")


if __name__ == "__main__":
    main(sys.argv[1:])
