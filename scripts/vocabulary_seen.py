"""Fill the `seen_in` column of pipeline/recognise/vocabulary.tsv from the seed reports.

Each row's pattern is matched against every seed in data/raw line by line, roughly as its matcher
uses it: header-cell concepts (table kinds and owners, indicator, activity and goal-table columns)
against each TAB cell with whitespace removed and case folded, labels, titles and status lines at
the start of a line or cell, the other words anywhere in it, markup and markers removed. A row seen in seeds lists them as
"<seed number> <report type> <year>" ("000 VB 2013; 004 T2 2018"), from the metadata the pipeline
reads from that seed (its `documents` row); a row not seen keeps what its note says of its origin
("generated test layout (issue 8)") or stays empty.

    .venv/bin/python scripts/vocabulary_seen.py [--seeds data/raw]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from normalizers.text import squash, strip_markers  # noqa: E402
from parsers.text import read_text  # noqa: E402
from pipeline.recognise.metadata import read_metadata  # noqa: E402
from pipeline.recognise.vocabulary import VOCABULARY_FILE, load  # noqa: E402

CELL_CONCEPTS = {"table_kind", "table_owner", "indicator_column", "activity_column", "goal_table_level",
                 "goal_table_assessment", "goal_table_comment"}
# How the matchers read a header cell: a table's kind and a goal table's level are the whole cell
# (after an owner: "KF:s indikatorer"), the goal table's other columns begin the cell, the
# indicator and activity columns are found in it.
_KINDS = "|".join(f"(?:{s.pattern})" for s in load() if s.concept == "table_kind")
_OWNERS = "|".join(f"(?:{s.pattern})" for s in load() if s.concept == "table_owner")
_CELL_FORMS = {"table_kind": f"^(?:{_OWNERS})?(?:{{}})$", "table_owner": f"^(?:{{}})(?:{_KINDS})$",
               "goal_table_level": "^(?:{})$", "goal_table_assessment": "^(?:{})", "goal_table_comment": "^(?:{})"}
SHOWN_ONLY = {"symbol_assessment"}
# Concepts whose matchers read the start of a line or cell (labels, titles, status lines).
LINE_START = {"goal_level", "goal_section", "assessment", "assessment_lead", "report_type", "front_matter_end",
              "toc_heading", "comment_label", "date_label", "period_label", "organ_label", "glyph_assessment"}
CASE_SENSITIVE = {"addressee_label", "tertial_label"}
GENERATED = "generated test layout (issue 8)"
TYPE_CODES = {"verksamhetsberättelse": "VB", "verksamhetsplan": "VP", "delårsrapport": "DR",
              "årsredovisning": "ÅR", "årsbokslut": "ÅB", "budget": "B", "other": "?"}
_MARKUP = regex.compile(r"</?\w+[^>]*>|\*\*|^#+\s*")


def seed_label(path: Path) -> str:
    meta = read_metadata(read_text(path))
    code = f"T{meta.tertial or ''}" if meta.report_type == "tertialrapport" else TYPE_CODES[meta.report_type]
    return f"{path.name[:3]} {code} {meta.year or '?'}"


def pieces(text: str) -> tuple[list[str], list[str]]:
    """(lines and cells as text, cells squashed) of one seed."""
    texts, cells = [], []
    for raw in text.splitlines():
        line = strip_markers(_MARKUP.sub("", raw)).strip()
        if not line:
            continue
        parts = [strip_markers(c).strip() for c in line.split("\t")]
        texts.extend([line] + (parts if len(parts) > 1 else []))
        cells.extend(squash(c) for c in parts if c)
    return texts, cells


def seen(concept: str, pattern: str, texts: list[str], cells: list[str]) -> bool:
    if concept in SHOWN_ONLY:
        return False  # a seed as text carries no symbols
    if concept in CELL_CONCEPTS:
        compiled = regex.compile(_CELL_FORMS.get(concept, "{}").format(pattern))
        return any(compiled.search(c) for c in cells)
    flags = 0 if concept in CASE_SENSITIVE else regex.IGNORECASE
    lead = r"^\W*" if concept in LINE_START else r"(?<!\w)"
    compiled = regex.compile(rf"{lead}(?:{pattern})(?!\w)", flags)
    return any(compiled.search(t) for t in texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "data" / "raw")
    args = parser.parse_args()
    seeds = [(seed_label(path), *pieces(path.read_text(encoding="utf-8")))
             for path in sorted(args.seeds.glob("*.txt"))]
    header = VOCABULARY_FILE.read_text(encoding="utf-8").split("\n", 1)[0]
    lines = [header]
    for row in load():
        found = [label for label, texts, cells in seeds if seen(row.concept, row.pattern, texts, cells)]
        seen_in = "; ".join(found) if found else (GENERATED if GENERATED in row.note else "")
        lines.append("\t".join([row.concept, row.value or "", row.pattern, seen_in, row.note]))
    VOCABULARY_FILE.write_text("\n".join(lines), encoding="utf-8")
    print(f"{sum(1 for line in lines[1:] if line.split(chr(9))[3])} of {len(lines) - 1} rows have a seen_in")


if __name__ == "__main__":
    main()
