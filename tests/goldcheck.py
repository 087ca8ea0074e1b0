"""Compare one document's extracted rows with its hand-checked gold labels (tests/gold/<stem>/).

The same yardstick as the project's evaluation: F1 of goals, indicators, activities and budget
cells matched one-to-one by name, the share of right cells in matched indicators, and the share
of right document fields; `overall` is their mean over the parts that have rows.
"""
from __future__ import annotations

import difflib
import json
import math
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex
from paths import GOLD

from pipeline.dataset.arrow import to_tables
from pipeline.run.extract import extract_file
from pipeline.schema import TABLES

NUMERIC = ("outcome", "outcome_men", "outcome_women", "previous_outcome", "forecast", "target", "kf_target")
DOC_FIELDS = ("report_type", "year", "tertial", "organ", "unit", "dnr", "document_date", "meeting_date")
_NOISE = regex.compile(r"<[^>]+>|[\u25a0-\u25ff\u2600-\u27bf\u2022\u2713\u2714\ue000-\uf8ff*#_]")


def dataset_rows(path: Path, root: Path) -> dict[str, list[dict]]:
    """A file's rows of every table as the dataset holds them (through the Arrow tables the
    worker caches), keyed by column name."""
    tables = to_tables(extract_file(path, root))
    return {name: tables[name].to_pylist() if name in tables else [] for name in TABLES}


def key(text) -> str:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    text = _NOISE.sub(" ", unicodedata.normalize("NFC", str(text)))
    return " ".join(text.split()).strip(" .:;,").casefold()


def similarity(a, b) -> float:
    a, b = key(a), key(b)
    return 1.0 if a == b else difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def same_number(a, b) -> bool:
    if missing(a) or missing(b):
        return missing(a) and missing(b)
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(a)))


def pair_up(gold: list[dict], found: list[dict], score, threshold: float) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching, best scores first."""
    scored = sorted(((score(g, f), i, j) for i, g in enumerate(gold) for j, f in enumerate(found)),
                    reverse=True)
    used_gold, used_found, pairs = set(), set(), []
    for value, i, j in scored:
        if value < threshold:
            break
        if i not in used_gold and j not in used_found:
            used_gold.add(i)
            used_found.add(j)
            pairs.append((gold[i], found[j]))
    return pairs


def f1(matched: int, n_gold: int, n_found: int) -> float:
    if not n_gold and not n_found:
        return 1.0
    precision = matched / n_found if n_found else 0.0
    recall = matched / n_gold if n_gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Score:
    document: float
    goals: float
    indicators: float
    cells: float | None
    activities: float
    budget: float
    wrong: dict

    @property
    def overall(self) -> float:
        parts = [self.document, self.goals, self.indicators, self.activities, self.budget]
        if self.cells is not None:
            parts.append(self.cells)
        return sum(parts) / len(parts)


def load_gold(stem: str) -> dict:
    folder = GOLD / stem
    gold = {"document": json.loads((folder / "document.json").read_text(encoding="utf-8"))}
    for name in ("goals", "indicators", "activities", "budget_rows"):
        lines = (folder / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        gold[name] = [json.loads(line) for line in lines if line.strip()]
    return gold


def score(stem: str, tables: dict[str, list[dict]]) -> Score:
    """tables: the extraction's rows of one document, by table name."""
    gold = load_gold(stem)
    wrong: dict[str, list] = {}
    document = tables["documents"][0]
    right = 0
    for name in DOC_FIELDS:
        expected, got = gold["document"].get(name), document.get(name)
        if name in ("document_date", "meeting_date"):
            ok = str(expected or "")[:10] == str(got or "")[:10]
        elif name in ("year", "tertial"):
            ok = same_number(expected, got)
        elif name == "organ":
            ok = similarity(expected, got) >= 0.9
        else:
            ok = key(expected) == key(got)
        right += ok
        if not ok:
            wrong.setdefault("document", []).append((name, expected, got))

    goals = tables["goals"]
    goal_title = {g["goal_id"]: g["title"] for g in goals}
    goal_pairs = pair_up(gold["goals"], goals, lambda g, f: similarity(g["title"], f["title"])
                         if g["level"] == f["level"] else 0.0, 0.85)
    gold_goal_at = {}
    for g in gold["goals"]:
        gold_goal_at[g["line"]] = g["title"]  # the innermost goal of a line with glued goals

    indicator_pairs = pair_up(gold["indicators"], tables["indicators"],
                              lambda g, f: similarity(g["name"], f["name"]), 0.85)
    checked = correct = 0
    for g, f in indicator_pairs:
        checks = [(n, g["values"].get(n), f.get(n), same_number(g["values"].get(n), f.get(n))) for n in NUMERIC]
        for n in ("period", "frequency"):
            checks.append((n, g["cells"].get(n), f.get(n), key(g["cells"].get(n)) == key(f.get(n))))
        for n in ("previous_label", "unit"):
            checks.append((n, g.get(n), f.get(n), key(g.get(n)) == key(f.get(n))))
        expected_goal = gold_goal_at.get(g.get("goal_line"))
        got_goal = goal_title.get(f.get("goal_id"))
        checks.append(("goal", expected_goal, got_goal,
                       (not expected_goal and not got_goal) or similarity(expected_goal, got_goal) >= 0.9))
        for n, expected, got, ok in checks:
            if missing(expected) and (missing(got) or got == ""):
                continue
            checked += 1
            correct += ok
            if not ok:
                wrong.setdefault("indicators", []).append((g["line"], n, expected, got))

    activity_pairs = pair_up(gold["activities"], tables["activities"],
                             lambda g, f: similarity(g["name"], f["name"]), 0.85)

    def budget_match(g, f) -> float:
        if not same_number(g["value"], f["value"]):
            return 0.0
        row, column = similarity(g["row_label"], f["row_label"]), similarity(g["column"], f["column"])
        return 0.0 if row < 0.85 or column < 0.6 else (row + column) / 2

    budget_pairs = pair_up(gold["budget_rows"], tables["budget_rows"], budget_match, 0.7)
    return Score(
        document=right / len(DOC_FIELDS),
        goals=f1(len(goal_pairs), len(gold["goals"]), len(goals)),
        indicators=f1(len(indicator_pairs), len(gold["indicators"]), len(tables["indicators"])),
        cells=correct / checked if checked else None,
        activities=f1(len(activity_pairs), len(gold["activities"]), len(tables["activities"])),
        budget=f1(len(budget_pairs), len(gold["budget_rows"]), len(tables["budget_rows"])),
        wrong=wrong,
    )
