"""The rendering matrix (issue 7): the five seeds printed by other PDF producers, each run through
`rapportdata run --full --jobs 1`, scored against gold and against the dataset of its own text.

    .venv/bin/python bench/render_matrix.py [--work DIR] [--producers a,b] [--seeds 000,002] [--holdout] [-v]

Producers (bench/matrix_producers.py), every one from bench/render_seed.py's layout of the seed:
  chromium-{ruled,rules,zebra}   headless Chromium print-to-PDF of an HTML page; tables with full
                                 borders / horizontal rules only / zebra rows, bottom-aligned
                                 wrapped headers and right-aligned numbers
  weasyprint-{rules,zebra}       WeasyPrint of the same pages
  soffice-{none,rules,zebra}     LibreOffice headless of render_seed's DOCX, its tables restyled:
                                 no borders / horizontal rules only / zebra
  soffice-html-rules             LibreOffice headless of the HTML page (Writer/Web)
  wkhtmltopdf-zebra              wkhtmltopdf (Qt WebKit) of the zebra page
  pandoc-wkhtmltopdf             pandoc reading the DOCX, printing its own HTML with wkhtmltopdf
  abiword-docx                   AbiWord printing the DOCX (another word processor's layout)
  fixture-soffice-ruled          the fixtures' own producer (LibreOffice of the ruled DOCX): the
                                 baseline, which should match the text
`--holdout` runs instead the producers no rule of the reader was tuned on (matrix_producers.HOLDOUT):
  pandoc-weasyprint, soffice-docx-html-chromium (LibreOffice's HTML export printed by Chromium),
  wkhtmltopdf-ruled, weasyprint-ruled, pandoc-xelatex (pandoc through XeLaTeX: justified, hyphenated,
  run-in headings), chromium-dark and weasyprint-dark (Word's "Grid Table 4" look: a header row
  white on dark blue, banded rows)

For each producer all five PDFs go to WORK/<producer>/ (default WORK /tmp/matrix, not committed)
and are read by one `rapportdata run --full --jobs 1` into WORK/<producer>.out; the text seeds
likewise into WORK/text.out. Printed per producer x seed:
  gold   /work/shared/eval/score.py's overall for the gold seeds (000, 001, 004)
  text   agreement with the text's dataset: F1 of goals, indicators, activities and budget rows
         compared by content as compare_renderings.KEYS does, averaged over the four tables
  gap    gold score minus the text's gold score (gold seeds), else text agreement minus 1;
         the target is a gap within 0.01
`-v` writes WORK/details.txt: per producer, seed and table the rows lost (as the text has them,
with its line) and the rows that came out instead (with their PDF page).

Needs, besides the project venv: the `bench` extra (`pip install -e '.[bench]'`: WeasyPrint);
Debian packages chromium, libreoffice-writer, pandoc, wkhtmltopdf, abiword (and for the holdout
texlive-xetex, texlive-fonts-recommended, lmodern); the Liberation fonts (Arial and Times metrics). The fonts are taken from
WORK/fontroot when there (`apt-get download fonts-liberation2 && dpkg -x fonts-liberation2_*.deb
WORK/fontroot`) through a private fontconfig file, so the machine's fonts, which other renderings
in tests depend on, stay as they are.
A missing program leaves its producer's row as the error.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyarrow.dataset as ds

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from compare_renderings import KEYS  # noqa: E402
from matrix_producers import HOLDOUT, PRODUCERS, render_all  # noqa: E402

SEEDS = ROOT / "data" / "raw"
GOLD = ROOT.parent / "shared" / "gold"
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
BIN = ROOT / ".venv" / "bin"
TARGET = 0.01


def _fonts(work: Path) -> None:
    root = work / "fontroot" / "usr" / "share" / "fonts"
    if not root.is_dir():
        return
    conf = work / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
                    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    f"<dir>{root}</dir></fontconfig>\n", encoding="utf-8")
    os.environ["FONTCONFIG_FILE"] = str(conf)


def run_dataset(inputs: Path, out: Path) -> None:
    done = subprocess.run([str(BIN / "rapportdata"), "run", "--input", str(inputs), "--output", str(out),
                           "--full", "--jobs", "1"], capture_output=True, text=True, timeout=3600)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"rapportdata run over {inputs} failed ({done.returncode}): {done.stderr[-500:]}")


def gold_scores(out: Path) -> dict[str, float]:
    """score.py's overall per seed stem (the file name up to its first dot)."""
    report = out.parent / f"{out.name}.score.json"
    subprocess.run([str(BIN / "python"), str(SCORE), "--out", str(out), "--gold", str(GOLD),
                    "--json", str(report)], check=True, capture_output=True, timeout=600)
    documents = json.loads(report.read_text(encoding="utf-8"))["documents"]
    return {Path(source).name.split(".")[0]: r["overall"] for source, r in documents.items()}


def _table(out: Path, name: str) -> list[dict]:
    folder = out / name
    if not folder.exists():
        return []
    return ds.dataset(str(folder), format="parquet", partitioning="hive").to_table().to_pylist()


def dataset_rows(out: Path) -> dict[str, dict[str, list[dict]]]:
    """Per seed stem, per compared table, the rows of a dataset."""
    stems = {d["doc_id"]: Path(d["source_path"]).name.split(".")[0] for d in _table(out, "documents")}
    rows: dict[str, dict[str, list[dict]]] = {stem: {name: [] for name in KEYS} for stem in stems.values()}
    for name in KEYS:
        for row in _table(out, name):
            rows[stems[row["doc_id"]]][name].append(row)
    return rows


def agreement(text: dict[str, list[dict]], got: dict[str, list[dict]]) -> dict[str, float]:
    """F1 per table of the rendering's rows against the text's, rows the same by KEYS."""
    result = {}
    for name, key in KEYS.items():
        want, have = Counter(map(key, text[name])), Counter(map(key, got[name]))
        if not want and not have:
            continue
        both = sum((want & have).values())
        result[name] = 2 * both / (sum(want.values()) + sum(have.values()))
    return result


def differences(text: dict[str, list[dict]], got: dict[str, list[dict]], limit: int = 8) -> list[str]:
    lines = []
    for name, key in KEYS.items():
        want, have = Counter(map(key, text[name])), Counter(map(key, got[name]))
        lost, extra = want - have, have - want
        if not lost and not extra:
            continue
        lines.append(f"  {name}: {sum(lost.values())} lost, {sum(extra.values())} extra")
        where = {key(r): r.get("line") for r in text[name]}
        pages = {key(r): r.get("page") for r in got[name]}
        lines += [f"    lost  (text line {where[k]}): {str(k)[:160]}" for k in list(lost)[:limit]]
        lines += [f"    extra (pdf page {pages[k]}): {str(k)[:160]}" for k in list(extra)[:limit]]
    return lines


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=Path("/tmp/matrix"),
                        help="where the PDFs, datasets and details go (default /tmp/matrix)")
    parser.add_argument("--producers", default="", help="only these producers, comma-separated")
    parser.add_argument("--seeds", default="", help="only the seeds whose names start so, comma-separated")
    parser.add_argument("--holdout", action="store_true", help="the producers no rule was tuned on instead")
    parser.add_argument("-v", dest="verbose", action="store_true", help="write WORK/details.txt")
    args = parser.parse_args(argv)
    work: Path = args.work
    names = set(filter(None, args.producers.split(","))) or None
    wanted = tuple(filter(None, args.seeds.split(",")))
    seeds = [s for s in sorted(SEEDS.glob("*.txt")) if not wanted or s.name.startswith(wanted)]
    producers = HOLDOUT if args.holdout else PRODUCERS
    work.mkdir(parents=True, exist_ok=True)
    _fonts(work)

    errors: dict[tuple[str, str], str] = {}
    for seed in seeds:
        for producer, made in render_all(seed, work, names, producers).items():
            if isinstance(made, str):
                errors[producer, seed.stem[:3]] = made
    text_in = work / "text"
    text_in.mkdir(exist_ok=True)
    for seed in seeds:
        (text_in / seed.name).write_bytes(seed.read_bytes())
    run_dataset(text_in, work / "text.out")
    text_gold, text_rows = gold_scores(work / "text.out"), dataset_rows(work / "text.out")

    stems = [s.stem for s in seeds]
    print(f"{'producer':20}" + "".join(f" {s[:3]:>18}" for s in stems) + f" {'worst gap':>9}")
    print(f"{'':20}" + "".join(f" {'gold  text    gap':>18}" for _ in stems))
    print(f"{'text (data/raw)':20}" + "".join(f" {f'{text_gold[s]:5.3f}' if s in text_gold else '':>5} {1:5.3f} {0:+6.3f}"
                                             for s in stems))
    details = []
    for producer, _, _ in producers:
        if names and producer not in names:
            continue
        inputs, out = work / producer, work / f"{producer}.out"
        if all((producer, stem[:3]) in errors for stem in stems):  # nothing to read: say why, go on
            print(f"{producer:20}" + "".join(f" {'error':>18}" for _ in stems))
            details += [f"{producer} {stem[:3]}: {errors[producer, stem[:3]]}" for stem in stems]
            continue
        run_dataset(inputs, out)
        scores, rows = gold_scores(out), dataset_rows(out)
        cells, gaps = [], []
        for stem in stems:
            if (producer, stem[:3]) in errors:
                cells.append(f" {'error':>18}")
                details.append(f"{producer} {stem[:3]}: {errors[producer, stem[:3]]}")
                continue
            got = rows.get(stem, {name: [] for name in KEYS})
            parts = agreement(text_rows[stem], got)
            text_score = sum(parts.values()) / len(parts) if parts else 1.0
            gold = scores.get(stem)
            gap = gold - text_gold[stem] if gold is not None and stem in text_gold else text_score - 1
            gaps.append(gap)
            shown = f"{gold:5.3f}" if gold is not None else f"{'':5}"
            cells.append(f" {shown} {text_score:5.3f} {gap:+6.3f}")
            details.append(f"{producer} {stem[:3]}: " + " ".join(f"{n} {v:.3f}" for n, v in parts.items()))
            details += differences(text_rows[stem], got)
        worst = min(gaps, default=float("nan"))
        mark = "" if worst >= -TARGET else " *"
        print(f"{producer:20}" + "".join(cells) + f" {worst:+9.3f}{mark}")
    print(f"* a rendering more than {TARGET} below its text")
    if args.verbose:
        (work / "details.txt").write_text("\n".join(details) + "\n", encoding="utf-8")
        print(f"details: {work / 'details.txt'}")


if __name__ == "__main__":
    main(sys.argv[1:])
