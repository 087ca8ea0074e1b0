"""How close the OCR reader's blocks come to the text reader's on the same report.

    .venv/bin/python bench/compare_ocr.py [seed.txt scan.pdf] [--show]

The seed text is the ground truth: the scan was rendered from it. Paragraphs are aligned in
order (the alignment with the largest total similarity); tables are paired the same way by
their first and last rows, and their rows by content, then cells compared one by one. The table of contents is a
table in the seed text and paragraphs in the PDF, so it is left out on both sides.
"""
from __future__ import annotations

import argparse
import difflib
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parsers.ocr import read_scanned_pdf  # noqa: E402
from parsers.text import read_text  # noqa: E402
from parsers.blocks import Paragraph, ParsedDocument, Table  # noqa: E402

FIXTURES = ROOT.parent / "shared"
SEED = FIXTURES / "seeds" / "000_05871d331dd0cb08.txt"
SCAN = FIXTURES / "fixtures" / "000_05871d331dd0cb08.scan.pdf"
MIN_MATCH = 0.6


@dataclass
class Agreement:
    paragraph_similarity: float  # mean over seed paragraphs, 0 for those without a match
    paragraphs_exact: float
    extra_paragraphs: int  # OCR paragraphs no seed paragraph matched
    tables_paired: int
    tables_seed: int
    tables_same_shape: int
    cells_exact: float  # over all cells of the seed's tables
    values_exact: float  # over the seed's cells that hold a number, per cent or date


def norm(text: str) -> str:
    return " ".join(text.split())


def similarity(a: str, b: str) -> float:
    return 1.0 if a == b else difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def align(seed: list[str], ocr: list[str]) -> list[tuple[int, int, float]]:
    """Order-preserving alignment with the largest total similarity (dynamic programming):
    (seed index, ocr index, similarity) of matched pairs. Pairs below MIN_MATCH never match."""
    def score(a: str, b: str) -> float:
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        if a != b and matcher.real_quick_ratio() < MIN_MATCH or matcher.quick_ratio() < MIN_MATCH:
            return 0.0
        ratio = 1.0 if a == b else matcher.ratio()
        return ratio if ratio >= MIN_MATCH else 0.0

    n, m = len(seed), len(ocr)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    sims: dict[tuple[int, int], float] = {}
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            sim = sims[i, j] = score(seed[i], ocr[j])
            best[i][j] = max(best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + sim if sim else 0.0)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        sim = sims[i, j]
        if sim and best[i][j] == best[i + 1][j + 1] + sim:
            pairs.append((i, j, sim))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _is_toc(table: Table) -> bool:
    last = [row.cells[-1] for row in table.rows]
    return sum(cell.strip().isdigit() for cell in last) * 2 > len(last)


def _is_value(cell: str) -> bool:
    import regex
    return bool(regex.fullmatch(r"[-\d\s,.]+(?:%|st)?|\d{4}-\d\d-\d\d", cell)) and any(c.isdigit() for c in cell)


def _row_key(row) -> str:
    return norm(" ".join(row.cells))


def compare(seed: ParsedDocument, ocr: ParsedDocument, show: bool = False) -> Agreement:
    seed_paragraphs = [norm(b.text) for b in seed.blocks if isinstance(b, Paragraph)]
    ocr_paragraphs = [norm(b.text) for b in ocr.blocks if isinstance(b, Paragraph)]
    pairs = align(seed_paragraphs, ocr_paragraphs)
    if show:
        matched = {i: (j, s) for i, j, s in pairs}
        for i, text in enumerate(seed_paragraphs):
            j, s = matched.get(i, (None, 0.0))
            if s < 1.0:
                print(f"P {s:.2f}\n  seed: {text[:150]}\n  ocr:  {ocr_paragraphs[j][:150] if j is not None else '-'}")
    seed_tables = [b for b in seed.blocks if isinstance(b, Table) and not _is_toc(b)]
    ocr_tables = [b for b in ocr.blocks if isinstance(b, Table)]
    table_pairs = align([_row_key(t.rows[0]) + " " + _row_key(t.rows[-1]) for t in seed_tables],
                        [_row_key(t.rows[0]) + " " + _row_key(t.rows[-1]) for t in ocr_tables])
    cells = right = values = values_right = same_shape = 0
    paired = {i: j for i, j, _ in table_pairs}
    for i, table in enumerate(seed_tables):
        other = ocr_tables[paired[i]] if i in paired else None
        if other is not None and len(other.rows) == len(table.rows) and \
                len(other.rows[0].cells) == len(table.rows[0].cells):
            same_shape += 1
        row_pairs = {a: b for a, b, _ in align([_row_key(r) for r in table.rows],
                                                [_row_key(r) for r in other.rows])} if other else {}
        for r, row in enumerate(table.rows):
            got = other.rows[row_pairs[r]].cells if r in row_pairs else []
            for c, cell in enumerate(row.cells):
                mine = got[c] if c < len(got) else None
                ok = mine is not None and norm(mine) == norm(cell)
                cells += 1
                right += ok
                if _is_value(cell):
                    values += 1
                    values_right += ok
                if show and not ok:
                    print(f"C table {i} row {r} col {c}\n  seed: {cell[:100]!r}\n  ocr:  {(mine or '')[:100]!r}")
    return Agreement(
        paragraph_similarity=round(sum(s for _, _, s in pairs) / max(len(seed_paragraphs), 1), 4),
        paragraphs_exact=round(sum(s == 1.0 for _, _, s in pairs) / max(len(seed_paragraphs), 1), 4),
        extra_paragraphs=len(ocr_paragraphs) - len(pairs),
        tables_paired=len(table_pairs), tables_seed=len(seed_tables), tables_same_shape=same_shape,
        cells_exact=round(right / max(cells, 1), 4), values_exact=round(values_right / max(values, 1), 4))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("seed", nargs="?", type=Path, default=SEED)
    parser.add_argument("scan", nargs="?", type=Path, default=SCAN)
    parser.add_argument("--show", action="store_true", help="print every paragraph and cell that differs")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    ocr = read_scanned_pdf(args.scan)
    elapsed = time.perf_counter() - started
    agreement = compare(read_text(args.seed), ocr, show=args.show)
    print(f"OCR of {ocr.page_count} pages: {elapsed:.1f} s")
    for name, value in vars(agreement).items():
        print(f"{name:22} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
