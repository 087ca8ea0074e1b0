"""The converter matrix (reports as text from other converters): the gold seeds as the text that
converters leave, each read by `rapportdata run --full` and scored against gold, next to the
seed's own text.

    .venv/bin/python bench/converter_matrix.py [--work DIR] [--variants a,b] [--jobs N]

Variants, each made from the seeds 000, 001 and 004 (their Word and PDF fixtures, tests/fixtures):
  pandoc-plain      pandoc -f docx -t plain: tables as simple, multiline or grid tables, text
                    wrapped at 72 columns
  pandoc-plain-wide the same at --columns 160
  pandoc-markdown   pandoc -t markdown (ATX headings, pandoc's tables)
  pandoc-setext     pandoc -t markdown --markdown-headings=setext (headings underlined)
  pandoc-gfm        pandoc -t gfm (pipe tables)
  pandoc-rst        pandoc -t rst (underlined headings, grid and simple tables)
  pdftotext-layout  pdftotext -layout of the ruled PDF (columns set by spaces, a page a form feed)
  pdftotext-plain   pdftotext -layout of the line-free PDF
  pdftotext-raw     pdftotext of the ruled PDF, without -layout (a cell a line: no table survives)
  wrapped-72        the seed text wrapped at 72 columns, its TAB rows left whole

Printed per variant and seed: score.py's overall and the gap to the seed's text. Needs pandoc
and poppler-utils (pdftotext); a missing program leaves its variant's row as the error.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from render_matrix import GOLD, SEEDS, TARGET, gold_scores  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
STEMS = ("000_05871d331dd0cb08", "001_0037d1aa6ba7bc46", "004_522f212c0b3259a2")
BIN = ROOT / ".venv" / "bin"


def _pandoc(*options: str) -> Callable[[str, Path], None]:
    def make(stem: str, dst: Path) -> None:
        subprocess.run(["pandoc", "-f", "docx", *options, "-o", str(dst), str(FIXTURES / f"{stem}.docx")],
                       check=True, capture_output=True, timeout=600)
    return make


def _pdftotext(suffix: str, *options: str) -> Callable[[str, Path], None]:
    def make(stem: str, dst: Path) -> None:
        subprocess.run(["pdftotext", *options, str(FIXTURES / f"{stem}{suffix}"), str(dst)],
                       check=True, capture_output=True, timeout=600)
    return make


def _wrapped(stem: str, dst: Path) -> None:
    lines = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8").split("\n")
    dst.write_text("\n".join(out for line in lines for out in (
        [line] if "\t" in line or not line.strip() else
        textwrap.wrap(line, 72, break_long_words=False, break_on_hyphens=False))), encoding="utf-8")


VARIANTS: dict[str, Callable[[str, Path], None]] = {
    "pandoc-plain": _pandoc("-t", "plain"),
    "pandoc-plain-wide": _pandoc("-t", "plain", "--columns", "160"),
    "pandoc-markdown": _pandoc("-t", "markdown"),
    "pandoc-setext": _pandoc("-t", "markdown", "--markdown-headings=setext"),
    "pandoc-gfm": _pandoc("-t", "gfm"),
    "pandoc-rst": _pandoc("-t", "rst"),
    "pdftotext-layout": _pdftotext(".pdf", "-layout"),
    "pdftotext-plain": _pdftotext(".plain.pdf", "-layout"),
    "pdftotext-raw": _pdftotext(".pdf"),
    "wrapped-72": _wrapped,
}


def _dataset(inputs: Path, out: Path, jobs: int) -> dict[str, float]:
    done = subprocess.run([str(BIN / "rapportdata"), "run", "--input", str(inputs), "--output", str(out),
                           "--full", "--jobs", str(jobs)], capture_output=True, text=True, timeout=3600)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"rapportdata run over {inputs} failed ({done.returncode}): {done.stderr[-300:]}")
    return gold_scores(out)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/converters"), help="where the texts and datasets go")
    parser.add_argument("--variants", help="only these variants, comma-separated")
    parser.add_argument("--jobs", type=int, default=2, help="the runs' --jobs (default 2)")
    args = parser.parse_args(argv)
    if not GOLD.is_dir():
        raise SystemExit(f"no gold labels at {GOLD}: the converter matrix scores against ../shared/gold")
    chosen = args.variants.split(",") if args.variants else list(VARIANTS)
    unknown = set(chosen) - set(VARIANTS)
    if unknown:
        raise SystemExit(f"unknown variants {', '.join(sorted(unknown))}; known: {', '.join(VARIANTS)}")
    base = args.work / "text"
    base.mkdir(parents=True, exist_ok=True)
    for stem in STEMS:
        shutil.copy(SEEDS / f"{stem}.txt", base / f"{stem}.txt")
    reference = _dataset(base, args.work / "text.out", args.jobs)
    print(f"{'variant':18} " + " ".join(f"{stem[:3]:>6} {'gap':>6}" for stem in STEMS) + "  worst gap")
    print(f"{'text (data/raw)':18} " + " ".join(f"{reference.get(s, 0.0):6.3f} {'':6}" for s in STEMS))
    for name in chosen:
        folder = args.work / name
        folder.mkdir(exist_ok=True)
        try:
            for stem in STEMS:
                if not (folder / f"{stem}.txt").exists():
                    VARIANTS[name](stem, folder / f"{stem}.txt")
            scores = _dataset(folder, args.work / f"{name}.out", args.jobs)
        except (RuntimeError, OSError, subprocess.SubprocessError) as error:
            print(f"{name:18} error: {error}")
            continue
        gaps = {s: scores[s] - reference[s] for s in STEMS if s in scores}
        cells = " ".join(f"{scores[s]:6.3f} {gaps[s]:+6.3f}" if s in gaps else f"{'':6} {'':6}" for s in STEMS)
        worst = min(gaps.values(), default=0.0)
        print(f"{name:18} {cells}  {worst:+.3f}{' *' if worst < -TARGET else ''}", flush=True)
    print(f"* more than {TARGET} below the seed's text")


if __name__ == "__main__":
    main(sys.argv[1:])
