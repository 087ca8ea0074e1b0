"""Every output column, defined once.

The writer casts each table to these schemas, the tests check the written files against them,
and `python -m pipeline.dataset.docs` generates docs/data-dictionary.md from them.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    doc: str


@dataclass(frozen=True)
class TableSpec:
    name: str
    doc: str
    columns: tuple[Column, ...]

    @property
    def schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.type) for c in self.columns])

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


S, F, I, D, B = pa.string(), pa.float64(), pa.int32(), pa.date32(), pa.bool_()

DOC_ID = Column("doc_id", S, "Stable id of the source file's content: the first 16 hex digits of its SHA-256.")
YEAR = Column("year", I, "Year the report covers (copied from `documents` so every table can be "
                         "partitioned and filtered by it). Stored as the hive partition `year=N`; a "
                         "year that could not be read is `year=0`, since pandas cannot read a null "
                         "partition: filter `year > 0` for dated rows.")
GOAL_ID = Column("goal_id", S, "The innermost goal the row sits under (`goals.goal_id`); null if none.")
TABLE_ID = Column("table_id", S, "Id of the source table: `<doc_id>:t<ordinal>` in document order.")
PAGE = Column("page", I, "1-based page in paged sources (PDF); null for text and Word.")
LINE = Column("line", I, "1-based line in text sources; for Word, the 1-based ordinal of the paragraph "
                         "or table row in the body; for PDF, the line on the page.")


def _numeric(name: str, label: str) -> tuple[Column, Column]:
    return (Column(name, F, f"{label} as a number (decimal comma read, thousands spaces removed, "
                            "percent kept in percent units); null when the cell holds no number."),
            Column(f"{name}_raw", S, f"The {label} cell as printed, markup and markers removed."))


_INDICATOR_NUMBERS = (
    ("outcome", '"Periodens utfall"'),
    ("outcome_men", '"Utfall män/pojkar"'),
    ("outcome_women", '"Utfall kvinnor/flickor"'),
    ("previous_outcome", "The previous period's outcome (\"Periodens utfall VB 2012\")"),
    ("forecast", '"Prognos helår"'),
    ("target", '"Årsmål"'),
    ("kf_target", '"KF:s årsmål"'),
)

DOCUMENTS = TableSpec("documents", "One row per input file that was read.", (
    DOC_ID,
    Column("source_path", S, "Path of the file relative to the input folder."),
    Column("source_format", S, "`pdf`, `docx`, `doc`, `txt`, `md` or `html`."),
    Column("sha256", S, "SHA-256 of the file's bytes."),
    Column("title", S, 'Report title as printed ("Verksamhetsberättelse VB 2013").'),
    Column("report_type", S, "`verksamhetsberättelse`, `verksamhetsplan`, `tertialrapport`, "
                             "`delårsrapport` or `other`."),
    YEAR,
    Column("tertial", I, "1 or 2 for tertialrapporter, else null."),
    Column("organ", S, "The board (nämnd) the report is addressed to."),
    Column("unit", S, "The reporting unit (enhet) if the report is a unit's, else null."),
    Column("dnr", S, "Diarienummer as printed, else null."),
    Column("document_date", D, "The document's own date, if printed."),
    Column("meeting_date", D, "Date of the board meeting (sammanträde) it goes to, if printed."),
    Column("page_count", I, "Pages, for paged sources."),
    Column("ocr", B, "True when the text was read by OCR from page images."),
))

GOALS = TableSpec("goals", "Every goal heading of the body (never the table of contents).", (
    Column("goal_id", S, "Id of the goal: `<doc_id>:g<ordinal>` in document order."),
    DOC_ID,
    YEAR,
    Column("parent_goal_id", S, "The enclosing goal one level up (or more, where a level is skipped)."),
    Column("level", S, "`inriktningsmål`, `verksamhetsområdesmål`, `nämndmål`, `åtagande` or `enhetsmål`."),
    Column("number", S, 'The goal\'s number as printed ("1", "1.2", "I.1"), no trailing dot.'),
    Column("title", S, "The goal's text, without number and level label."),
    Column("assessment", S, "`helt`, `delvis` or `ej`, from the status line (\"Uppfylls helt\")."),
    Column("assessment_raw", S, 'The status line as printed, markers removed ("Ingen" where the report '
                                "says no assessment)."),
    Column("description", S, 'The "Beskrivning" text under the goal.'),
    Column("expected_result", S, 'The "Förväntat resultat" text under the goal.'),
    Column("analysis", S, 'The "Analys"/"Kommentar" text under the goal.'),
    PAGE, LINE,
))

INDICATORS = TableSpec("indicators", "One row per indicator row of an indicator table.", (
    DOC_ID, YEAR, GOAL_ID, TABLE_ID,
    Column("kind", S, 'The table\'s header word as printed ("Indikator", "KF:s indikatorer").'),
    Column("name", S, "Indicator name, wrapped lines joined, markers removed."),
    Column("indicator_key", S, "Normalised name for joining the same indicator across reports: "
                               "case-folded, punctuation and scope notes such as \"(alla nämnder)\" removed."),
    *[c for name, label in _INDICATOR_NUMBERS for c in _numeric(name, label)],
    Column("unit", S, "Unit the numbers are in (`%`, `st`, `kr`, `kWh`, `kWh/kvm`, `dagar`, ...), "
                      "from the row's cells; null if none is printed."),
    Column("previous_label", S, 'The period named in the previous-outcome header ("VB 2012").'),
    Column("period", S, 'The "Period" cell ("VB 2013", "Tertial 2 2018").'),
    Column("frequency", S, 'The "Periodicitet" cell ("Tertial", "År").'),
    Column("comment", S, 'The indicator\'s "Kommentar"/"Analys" text, label removed.'),
    PAGE, LINE,
))

ACTIVITIES = TableSpec("activities", "One row per activity row of an activity table.", (
    DOC_ID, YEAR, GOAL_ID, TABLE_ID,
    Column("kind", S, 'The table\'s header word as printed ("Aktivitet", "KF:s aktiviteter").'),
    Column("name", S, "The activity text, wrapped lines joined, markers removed."),
    Column("start_date", D, 'The "Startdatum" cell as a date.'),
    Column("end_date", D, 'The "Slutdatum" cell as a date.'),
    Column("start_raw", S, 'The "Startdatum" cell as printed.'),
    Column("end_raw", S, 'The "Slutdatum" cell as printed.'),
    Column("deviation", S, 'The "Avvikelse" cell.'),
    Column("comment", S, 'Its "Kommentar"/"Analys" text, from a comment row or a Kommentar column.'),
    PAGE, LINE,
))

BUDGET_ROWS = TableSpec("budget_rows", "One row per number in a financial table.", (
    DOC_ID, YEAR, TABLE_ID,
    Column("table_title", S, "Nearest heading or caption above the table."),
    Column("row_label", S, "The row's label cell."),
    Column("column", S, 'The column header; two header levels joined with " / " ("augusti 2017 / Budget").'),
    Column("value", F, "The number as printed, sign kept."),
    Column("unit", S, "`mnkr` (also for mkr, miljoner kr), `tkr`, `kr` or `%`: from the cell, the "
                      "table's header or caption, or the text right before or after the table."),
    Column("value_sek", F, "The value in kronor when the unit is money."),
    Column("raw", S, "The cell as printed."),
    PAGE, LINE,
))

TABLE_CELLS = TableSpec("table_cells", "Every cell of every table, raw, so nothing in a table is lost.", (
    DOC_ID, YEAR, TABLE_ID,
    Column("kind", S, "`indicator`, `activity`, `budget` or `other`."),
    Column("row", I, "0-based row within the table."),
    Column("col", I, "0-based column within the row."),
    Column("text", S, "The cell text, markup removed."),
    PAGE, LINE,
))

PROBLEMS = TableSpec("problems", "What could not be read, and why: one row per problem.", (
    Column("source_path", S, "Path of the file relative to the input folder."),
    Column("doc_id", S, "The file's doc_id, null if it could not be read at all."),
    Column("severity", S, "`error` (the file gave no rows) or `warning` (it gave rows, some may be missing)."),
    Column("code", S, "Short machine-readable reason, e.g. `encrypted_pdf`, `not_utf8`, `timeout`."),
    Column("message", S, "What happened and what a person can do about it."),
    PAGE, LINE,
))

TABLES: dict[str, TableSpec] = {t.name: t for t in (
    DOCUMENTS, GOALS, INDICATORS, ACTIVITIES, BUDGET_ROWS, TABLE_CELLS, PROBLEMS)}
