"""Do the Word and PDF renderings of a seed give the dataset its text gives? (development check)

    .venv/bin/python bench/compare_renderings.py [--validate] [--keep DIR] [-v] [stem ...]

Renders each seed of data/raw with bench/render_seed.py (DOCX, ruled PDF via LibreOffice,
line-free PDF via reportlab when installed), runs `extract_file` on the text and on every
rendering, and prints per table the share of the text's rows that the rendering gives exactly
(rows compared by content, ids and positions left out) and, after the slash, the rendering's
row count against the text's. Default stems: 002 and 003, whose fixtures we do not have.

`--validate` first holds the renderer to the real fixtures of the seeds that have them: for each
kind, the block agreement (paragraphs found in order, table cells equal) of text vs. fixture
next to text vs. our rendering. `-v` lists the rows that differ.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import parsers  # noqa: E402
from compare_pdf import compare  # noqa: E402
from pipeline.dataset.arrow import to_tables  # noqa: E402
from pipeline.run.extract import extract_file  # noqa: E402
from render_seed import render  # noqa: E402

SEEDS = ROOT / "data" / "raw"
FIXTURES = ROOT.parent / "shared" / "fixtures"
KINDS = ("docx", "pdf", "plain.pdf")
_NUMBERS = ("outcome", "outcome_men", "outcome_women", "previous_outcome", "forecast", "target", "kf_target")

# What makes two rows the same row, per table.
KEYS: dict[str, Callable[[dict], tuple]] = {
    "goals": lambda r: (r["level"], r["number"], r["title"]),
    "indicators": lambda r: (r["name"], *(r.get(k) for k in _NUMBERS), r["period"]),
    "activities": lambda r: (r["name"], r["start_date"], r["end_date"]),
    "budget_rows": lambda r: (r["row_label"], r["column"], r["value"], r["unit"]),
}


def row_keys(path: Path) -> dict[str, Counter]:
    tables = {name: t.to_pylist() for name, t in to_tables(extract_file(path, path.parent)).items()}
    return {name: Counter(key(row) for row in tables.get(name, [])) for name, key in KEYS.items()}


def match(want: Counter, got: Counter) -> tuple[float, int]:
    total = sum(want.values())
    return (sum((want & got).values()) / total if total else 1.0), sum(got.values())


def dataset_table(stems: list[str], out: Path, verbose: bool) -> None:
    print(f"{'seed':5} {'rendering':10} " + " ".join(f"{name:>18}" for name in KEYS))
    for stem in stems:
        seed = next(SEEDS.glob(f"{stem}*.txt"))
        text = row_keys(seed)
        print(f"{stem:5} {'text':10} " + " ".join(f"{sum(text[n].values()):>18}" for n in KEYS))
        for kind, path in render(seed, out).items():
            got = row_keys(path)
            cells = []
            for name in KEYS:
                share, count = match(text[name], got[name])
                cells.append(f"{share:7.1%} {count:4}/{sum(text[name].values()):<4}")
            print(f"{stem:5} {kind:10} " + " ".join(f"{c:>18}" for c in cells))
            if verbose:
                for name in KEYS:
                    for row in (text[name] - got[name]):
                        print(f"      {name} missing: {str(row)[:150]}")
                    for row in (got[name] - text[name]):
                        print(f"      {name} extra:   {str(row)[:150]}")


def validate(out: Path) -> None:
    """Block agreement with the text: the real fixture next to our rendering of the same seed."""
    print(f"{'seed':5} {'kind':10} {'para found':>21} {'para prec':>21} {'cells':>21} {'tables':>13}")
    print(f"{'':16} {'fixture / ours':>21}")
    for fixture in sorted(FIXTURES.glob("*.docx")):
        stem = fixture.stem
        seed = SEEDS / f"{stem}.txt"
        text = parsers.read(seed).blocks
        ours = render(seed, out)
        for kind in KINDS:
            theirs_path = FIXTURES / f"{stem}.{kind}"
            if kind not in ours or not theirs_path.exists():
                continue
            a, b = compare(text, parsers.read(theirs_path).blocks), compare(text, parsers.read(ours[kind]).blocks)
            print(f"{stem[:3]:5} {kind:10} {a.paragraphs_found:10.1%} {b.paragraphs_found:10.1%} "
                  f"{a.paragraphs_precise:10.1%} {b.paragraphs_precise:10.1%} "
                  f"{a.cells_lenient:10.1%} {b.cells_lenient:10.1%} "
                  f"{a.tables_pdf:6} {b.tables_pdf:6}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("stems", nargs="*", default=["002", "003"], help="seed stems (default: 002 003)")
    parser.add_argument("--validate", action="store_true", help="first hold the renderer to the real fixtures")
    parser.add_argument("--keep", type=Path, help="keep the renderings in this folder")
    parser.add_argument("-v", action="store_true", help="list the rows that differ")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        if args.validate:
            validate(out)
            print()
        dataset_table(args.stems, out, args.v)

if __name__ == "__main__":
    main(sys.argv[1:])
