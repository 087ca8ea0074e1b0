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
  pdftohtml         pdftohtml -c -s of the ruled PDF: a web page of the PDF's pages, every line
                    placed at its position, the rules in each page's background picture
  pdftohtml-no-pictures  the same with -i (no pictures: no rules)
  wrapped-72        the seed text wrapped at 72 columns, its TAB rows left whole

Printed per variant and seed: score.py's overall and the gap to the seed's text. Needs pandoc
and poppler-utils (pdftotext, pdftohtml); a missing program leaves its variant's row as the error.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from render_matrix import SEEDS  # noqa: E402
from variant_runs import arguments, print_variants, scored_run  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
STEMS = ("000_05871d331dd0cb08", "001_0037d1aa6ba7bc46", "004_522f212c0b3259a2")


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


def _pdftohtml(*options: str) -> Callable[[str, Path], None]:
    def make(stem: str, dst: Path) -> None:
        subprocess.run(["pdftohtml", "-q", "-c", "-s", "-noframes", *options, str(FIXTURES / f"{stem}.pdf"),
                        str(dst.with_suffix(".html"))], check=True, capture_output=True, timeout=600)
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
    "pdftohtml": _pdftohtml(),
    "pdftohtml-no-pictures": _pdftohtml("-i"),
    "wrapped-72": _wrapped,
}


def main(argv: list[str]) -> None:
    args, names = arguments(argv, __doc__ or "", "/tmp/converters", "texts", list(VARIANTS), "converter matrix")
    base = args.work / "text"
    base.mkdir(parents=True, exist_ok=True)
    for stem in STEMS:
        shutil.copy(SEEDS / f"{stem}.txt", base / f"{stem}.txt")

    def make(name: str, folder: Path) -> tuple[str, ...]:
        for stem in STEMS:
            if not any(folder.glob(f"{stem}.*")):
                VARIANTS[name](stem, folder / f"{stem}.txt")
        return STEMS

    reference = scored_run(base, args.work / "text.out", args.jobs)
    print_variants(args.work, names, make, STEMS, reference, "the seed's text", args.jobs)


if __name__ == "__main__":
    main(sys.argv[1:])
