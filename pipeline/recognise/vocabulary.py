"""Every label and header spelling the report templates have used, as data.

`vocabulary.tsv` beside this module holds one row per spelling, in the spirit of PUDL's column
maps: `concept` (what the spelling names: a goal level, an indicator column, a report type...),
`value` (what it maps to, empty where the concept has none), `pattern` (a regular expression
for that one spelling), `seen_in` (the reports of the seeds it was seen in, filled by
`scripts/vocabulary_seen.py`) and `note`. A new template's spelling is a new row; no template
word lives in code elsewhere. The matchers below are built from the rows, in file order, which
matters where the first match wins (indicator columns: "KF:s årsmål" before "Årsmål").

Patterns are matched case-insensitively unless the matcher says otherwise; the column patterns
are matched against the header cell with all whitespace removed and case folded
(normalizers.text.squash), so converter splits such as "kvinn or" need no rows of their own.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import regex

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.tsv")


@dataclass(frozen=True, slots=True)
class Spelling:
    concept: str
    value: str | None
    pattern: str
    seen_in: str
    note: str


def load(path: Path = VOCABULARY_FILE) -> tuple[Spelling, ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(Spelling(row["concept"], row["value"] or None, row["pattern"], row["seen_in"], row["note"])
                     for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


SPELLINGS = load()


def rows(concept: str) -> tuple[Spelling, ...]:
    found = tuple(s for s in SPELLINGS if s.concept == concept)
    if not found:
        raise KeyError(f"no spelling of {concept!r} in {VOCABULARY_FILE.name}")
    return found


def alternation(concept: str) -> str:
    """One regex alternative per spelling of the concept: `(?:a|b|c)`."""
    return "(?:" + "|".join(f"(?:{s.pattern})" for s in rows(concept)) + ")"


def by_value(concept: str) -> tuple[tuple[str | None, str], ...]:
    """(value, alternation of its spellings), values in the order of their first row."""
    grouped: dict[str | None, list[str]] = {}
    for spelling in rows(concept):
        grouped.setdefault(spelling.value, []).append(f"(?:{spelling.pattern})")
    return tuple((value, "|".join(patterns)) for value, patterns in grouped.items())


def ordered(concept: str) -> tuple[tuple[str, str], ...]:
    """(value, pattern) per spelling in file order, for matchers where the first match wins."""
    return tuple((s.value or "", s.pattern) for s in rows(concept))


def words(concept: str) -> frozenset[str]:
    return frozenset(s.pattern for s in rows(concept))


def anchored(concept: str) -> regex.Pattern[str]:
    """The concept's spellings as a whole-line, case-insensitive matcher."""
    return regex.compile(rf"^{alternation(concept)}$", regex.IGNORECASE)


# Goal levels, outermost first, with their depth in the hierarchy: åtagande and enhetsmål are
# alternatives at one depth. This is the management model itself, not a template's spelling.
GOAL_RANK: dict[str, int] = {
    "inriktningsmål": 0, "verksamhetsområdesmål": 1, "nämndmål": 2, "åtagande": 3, "enhetsmål": 3,
}
GOAL_LEVELS: tuple[tuple[str, str], ...] = tuple((v or "", p) for v, p in by_value("goal_level"))
ASSESSMENT_LEAD = rf"(?:{alternation('assessment_lead')}\s*:?\s*)?"
ASSESSMENT_ONLY = regex.compile(rf"^{alternation('assessment_lead')}\s*:?\s*$", regex.IGNORECASE)
ASSESSMENTS: tuple[tuple[str, str | None], ...] = tuple((p, v) for v, p in by_value("assessment"))
GOAL_SECTIONS: tuple[tuple[str, str | None], ...] = tuple((p, v) for v, p in by_value("goal_section"))
TABLE_KINDS: tuple[tuple[str, str], ...] = tuple(
    (v or "", rf"{alternation('table_owner')}?(?:{p})") for v, p in by_value("table_kind"))
INDICATOR_COLUMNS = ordered("indicator_column")
ACTIVITY_COLUMNS = ordered("activity_column")
INDICATOR_NUMBERS = ("outcome", "outcome_men", "outcome_women", "previous_outcome", "forecast",
                     "target", "kf_target")
REPORT_TYPES: tuple[tuple[str, str], ...] = tuple((v or "", p) for v, p in by_value("report_type"))
CONTINUING_WORDS = words("continuing_word")
COMMENT_LABEL = regex.compile(rf"^\s*{alternation('comment_label')}\b\s*:?\s*", regex.IGNORECASE)
BUDGET_HEADER = regex.compile(alternation("budget_header"), regex.IGNORECASE)
PERCENT_HEADER = regex.compile(alternation("percent_header"), regex.IGNORECASE)
NOT_A_NUMBER_YET = regex.compile(rf"^{alternation('not_a_number_yet')}", regex.IGNORECASE)
FREQUENCY = regex.compile(rf"^{alternation('frequency_word')}\w*$", regex.IGNORECASE)
FRONT_MATTER_END = regex.compile(rf"^{alternation('front_matter_end')}\b", regex.IGNORECASE)
TOC_HEADING = anchored("toc_heading")
# Assessments shown, not written: a symbol's description ("green circle") by its colour word, a
# marker glyph alone in an assessment cell.
SYMBOL_ASSESSMENTS = tuple((v, regex.compile(rf"\b(?:{p})\b", regex.IGNORECASE)) for v, p in by_value("symbol_assessment"))
GLYPH_ASSESSMENTS = tuple((v, regex.compile(rf"^\s*(?:{p})\s*$")) for v, p in by_value("glyph_assessment"))
# Goal tables: the first header cell names a level (value None: one below the goal open above),
# another the assessment column; matched on the cell with whitespace removed, case folded.
GOAL_TABLE_LEVEL_VALUES = tuple(v for v, _ in by_value("goal_table_level"))
# One pattern, a group a level: the first level whose spelling is the whole cell, as the levels'
# patterns tried in turn would find it, in one call.
GOAL_TABLE_LEVEL = regex.compile(
    "^(?:" + "|".join(rf"(?P<l{k}>{p})" for k, (_, p) in enumerate(by_value("goal_table_level"))) + ")$")
GOAL_TABLE_ASSESSMENT = regex.compile(rf"^{alternation('goal_table_assessment')}")
GOAL_TABLE_COMMENT = regex.compile(rf"^{alternation('goal_table_comment')}")
TOC_PAGE = anchored("toc_page")
