"""How closely the PDF reader's blocks match the text reader's blocks for the same seed.

    .venv/bin/python bench/compare_pdf.py [fixtures_dir] [seeds_dir] [-v]

For every `<stem>.pdf` / `<stem>.plain.pdf` with a seed text, prints
- paragraphs: share of the text's paragraphs found, in order, with the same text
  (and the share of the PDF's paragraphs that are in the text);
- cells: share of the text's table cells found with the same text at the same row and column
  (rows aligned in order; "\\n" inside a cell counts as a space in the lenient figure);
- tables: number of tables in the text and in the PDF.
`-v` lists the differences.
"""
from __future__ import annotations

import argparse
import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parsers.pdf import read_pdf  # noqa: E402
from parsers.text import read_text  # noqa: E402
from parsers.blocks import Block, Paragraph, Table  # noqa: E402

_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass
class Agreement:
    paragraphs_found: float
    paragraphs_precise: float
    cells_strict: float
    cells_lenient: float
    tables_text: int
    tables_pdf: int
    differences: list[str]


def _rows(blocks: list[Block]) -> list[list[str]]:
    return [row.cells for b in blocks if isinstance(b, Table) for row in b.rows]


def _cell_matches(want: list[str], got: list[str], lenient: bool) -> int:
    fix = _norm if lenient else (lambda s: s)
    return sum(1 for k, cell in enumerate(want) if k < len(got) and fix(cell) == fix(got[k]))


def compare(text_blocks: list[Block], pdf_blocks: list[Block]) -> Agreement:
    differences: list[str] = []
    want_p = [_norm(b.text) for b in text_blocks if isinstance(b, Paragraph)]
    got_p = [_norm(b.text) for b in pdf_blocks if isinstance(b, Paragraph)]
    matcher = difflib.SequenceMatcher(None, want_p, got_p, autojunk=False)
    same = sum(m.size for m in matcher.get_matching_blocks())
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag != "equal":
            differences.append(f"PARA {tag}: text {want_p[a0:a1][:3]!r}\n           pdf  {got_p[b0:b1][:3]!r}")

    want_r = _rows(text_blocks)
    got_r = _rows(pdf_blocks)
    keys = difflib.SequenceMatcher(None, ["\t".join(map(_norm, r)) for r in want_r],
                                   ["\t".join(map(_norm, r)) for r in got_r], autojunk=False)
    strict = lenient = 0
    for tag, a0, a1, b0, b1 in keys.get_opcodes():
        for k in range(a0, a1):
            candidates = got_r[b0:b1] if tag != "equal" else [got_r[b0 + k - a0]]
            best = max(candidates, key=lambda g: _cell_matches(want_r[k], g, True), default=[])
            strict += _cell_matches(want_r[k], best, False)
            lenient += _cell_matches(want_r[k], best, True)
            if tag != "equal":
                differences.append(f"ROW {tag}: text {[c[:30] for c in want_r[k]]}\n          pdf  "
                                   f"{[c[:30] for c in best]}")
        if tag == "insert":
            differences.extend(f"ROW extra: pdf {[c[:30] for c in g]}" for g in got_r[b0:b1])
    n_cells = sum(len(r) for r in want_r) or 1
    return Agreement(same / max(len(want_p), 1), same / max(len(got_p), 1), strict / n_cells, lenient / n_cells,
                     sum(isinstance(b, Table) for b in text_blocks), sum(isinstance(b, Table) for b in pdf_blocks),
                     differences)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("fixtures", nargs="?", type=Path, default=ROOT.parent / "shared" / "fixtures")
    parser.add_argument("seeds", nargs="?", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("-v", action="store_true", help="list the differences")
    args = parser.parse_args(argv)
    fixtures, seeds, verbose = args.fixtures, args.seeds, args.v
    print(f"{'file':40} {'para found':>10} {'para prec':>10} {'cells':>7} {'cells~':>7} {'tables':>9}")
    for pdf in sorted(fixtures.glob("*.pdf")):
        stem = pdf.name.split(".")[0]
        seed = seeds / f"{stem}.txt"
        if not seed.exists() or pdf.name.endswith(".scan.pdf"):
            continue
        result = compare(read_text(seed).blocks, read_pdf(pdf).blocks)
        print(f"{pdf.name:40} {result.paragraphs_found:10.1%} {result.paragraphs_precise:10.1%} "
              f"{result.cells_strict:7.1%} {result.cells_lenient:7.1%} {result.tables_text:4}/{result.tables_pdf:<4}")
        if verbose:
            print("\n".join("    " + d for d in result.differences))


if __name__ == "__main__":
    main(sys.argv[1:])
