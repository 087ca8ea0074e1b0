"""Every output column, defined once: the typed record of each table.

A record class is the table: its fields, in order, are the table's columns, each field carrying
its Arrow type and its description. The recogniser builds rows only as these records (a
misspelled or missing column is a TypeError, and mypy sees it), the writer casts them to the
Arrow schema derived here, and `python -m pipeline.dataset.docs` generates docs/data-dictionary.md
and datapackage.json from the same definitions. This module imports nothing of the pipeline: it
is the contract between recognition and the dataset, as `parsers.blocks` is between the readers
and recognition.
"""
from __future__ import annotations

import datetime as dt
from abc import abstractmethod
from collections.abc import Sequence
from dataclasses import MISSING, dataclass, field, fields
from functools import cached_property
from typing import Any, TypeVar, Union, overload

import pyarrow as pa

S, F, I, D, B = pa.string(), pa.float64(), pa.int32(), pa.date32(), pa.bool_()
R = TypeVar("R")


def _column(type_: pa.DataType, doc: str) -> Any:
    """A record field that is a column: required (no default), with its Arrow type and meaning."""
    return field(metadata={"type": type_, "doc": doc})


def _doc_id() -> Any:
    return _column(S, "Stable id of the source file's content: the first 16 hex digits of its SHA-256.")


def _year() -> Any:
    return _column(I, "Year the report covers (copied from `documents` so every table can be "
                     "partitioned and filtered by it). Stored as the hive partition `year=N`; a "
                     "year that could not be read is `year=0`, since pandas cannot read a null "
                     "partition: filter `year > 0` for dated rows.")


def _goal_id() -> Any:
    return _column(S, "The innermost goal the row sits under (`goals.goal_id`); null if none.")


def _table_id() -> Any:
    return _column(S, "Id of the source table: `<doc_id>:t<ordinal>` in document order.")


def _page() -> Any:
    return _column(I, "1-based page in paged sources (PDF; HTML that is a PDF's pages, as pdftohtml -c writes it); null for text, Word and other HTML.")


def _line() -> Any:
    return _column(I, "1-based line in text sources and HTML; for Word, the 1-based ordinal of the paragraph "
                     "or table row in the body; for PDF, the line on the page.")


def _box(edge: str) -> Any:
    return _column(F, f"The {edge} edge of the row's box on its PDF page as a viewer shows it (turned by /Rotate, "
                     "cropped), in points from its top left (y grows downwards); null for sources without pages.")


def _numeric(label: str) -> Any:
    return _column(F, f"{label} as a number (decimal comma read, thousands spaces removed, "
                     "percent kept in percent units); null when the cell holds no number.")


def _raw(label: str) -> Any:
    return _column(S, f"The {label} cell as printed, markup and markers removed.")


def _record(cls: type[R]) -> type[R]:
    """The record class with an __init__ that sets each field through its slot's own descriptor.

    A frozen dataclass sets every field through object.__setattr__, which costs twice as much,
    and a file makes a record for every cell of its tables. The instance stays as frozen (its
    __setattr__ still refuses), with the same keyword-only, all-required arguments."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    if any(f.default is not MISSING or f.default_factory is not MISSING for f in fields(cls)):  # type: ignore[arg-type]
        raise TypeError(f"{cls.__name__}: a column has no default")
    namespace: dict[str, Any] = {f"_set_{name}": getattr(cls, name).__set__ for name in names}
    exec(f"def __init__(self, *, {', '.join(names)}):\n"  # source made of the field names only
         + "".join(f"    _set_{name}(self, {name})\n" for name in names), namespace)
    namespace["__init__"].__qualname__ = f"{cls.__qualname__}.__init__"
    setattr(cls, "__init__", namespace["__init__"])
    return cls


@_record
@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentRecord:
    doc_id: str = _doc_id()
    source_path: str = _column(S, "Path of the file relative to the input folder; bytes of a name that are not UTF-8 are shown as \\xNN escapes.")
    source_format: str = _column(S, "`pdf`, `docx`, `doc` (Word 97-2003, RTF or OpenDocument text, converted by LibreOffice), `txt`, `md` or `html` (a web archive's page too: .mht).")
    sha256: str = _column(S, "SHA-256 of the file's bytes.")
    title: str | None = _column(S, 'Report title as printed ("Verksamhetsberättelse VB 2013").')
    report_type: str = _column(S, "`verksamhetsberättelse`, `verksamhetsplan`, `tertialrapport`, "
                                 "`delårsrapport`, `årsredovisning`, `årsbokslut`, `budget` or `other`.")
    year: int | None = _year()
    year_source: str | None = _column(S, "Where the year was read: `title`, `period` (\"Rapportperiod: "
                                        "2025-12-31\"), `date` (the document's date), `text` (the "
                                        "letterhead or a running header), `properties` (the file's own "
                                        "metadata); null when no year was found.")
    tertial: int | None = _column(I, "1 or 2 for tertialrapporter, else null.")
    organ: str | None = _column(S, "The board (nämnd) the report is addressed to.")
    unit: str | None = _column(S, "The reporting unit (enhet) if the report is a unit's, else null.")
    dnr: str | None = _column(S, "Diarienummer as printed, else null.")
    document_date: dt.date | None = _column(D, "The document's own date, if printed.")
    meeting_date: dt.date | None = _column(D, "Date of the board meeting (sammanträde) it goes to, if printed.")
    page_count: int | None = _column(I, "Pages, for paged sources.")
    ocr: bool = _column(B, "True when the text was read by OCR from page images.")
    tables_checked: int = _column(I, "Tables of the file whose arithmetic could be checked: a financial "
                                    "table, or the indicator rows with totals and men/women, in which an "
                                    "identity held in three or more rows; what breaks it is in `checks`.")


@_record
@dataclass(frozen=True, slots=True, kw_only=True)
class GoalRecord:
    goal_id: str = _column(S, "Id of the goal: `<doc_id>:g<ordinal>` in document order.")
    doc_id: str = _doc_id()
    year: int | None = _year()
    parent_goal_id: str | None = _column(S, "The enclosing goal one level up (or more, where a level is skipped).")
    level: str = _column(S, "`inriktningsmål`, `verksamhetsområdesmål`, `nämndmål`, `åtagande` or `enhetsmål`.")
    number: str | None = _column(S, 'The goal\'s number as printed ("1", "1.2", "I.1"), no trailing dot.')
    title: str = _column(S, "The goal's text, without number and level label.")
    assessment: str | None = _column(S, "`helt`, `delvis` or `ej`, from the status line (\"Uppfylls helt\"), "
                                       "the assessment column of a goal table or a coloured symbol.")
    assessment_raw: str | None = _column(S, 'What the assessment was read from, markers removed: the status '
                                           'line ("Ingen" where the report says no assessment), or the '
                                           'symbol seen ("symbol: green circle").')
    description: str | None = _column(S, 'The "Beskrivning" text under the goal.')
    expected_result: str | None = _column(S, 'The "Förväntat resultat" text under the goal.')
    analysis: str | None = _column(S, 'The "Analys"/"Kommentar" text under the goal.')
    page: int | None = _page()
    line: int | None = _line()
    x0: float | None = _box("left")
    y0: float | None = _box("top")
    x1: float | None = _box("right")
    y1: float | None = _box("bottom")


@_record
@dataclass(frozen=True, slots=True, kw_only=True)
class IndicatorRecord:
    doc_id: str = _doc_id()
    year: int | None = _year()
    goal_id: str | None = _goal_id()
    table_id: str = _table_id()
    kind: str = _column(S, 'The table\'s header word as printed ("Indikator", "KF:s indikatorer").')
    name: str = _column(S, "Indicator name, wrapped lines joined, markers removed.")
    indicator_key: str = _column(S, "Normalised name for joining the same indicator across reports: "
                                   "case-folded, punctuation and scope notes such as \"(alla nämnder)\" removed.")
    series_id: str | None = _column(S, "The indicator's series (`indicator_series.series_id`): the same "
                                       "indicator across reports, years and boards, renamed variants "
                                       "included. Set when the dataset is written; null in a worker's rows.")
    outcome: float | None = _numeric('"Periodens utfall"')
    outcome_raw: str | None = _raw('"Periodens utfall"')
    outcome_men: float | None = _numeric('"Utfall män/pojkar"')
    outcome_men_raw: str | None = _raw('"Utfall män/pojkar"')
    outcome_women: float | None = _numeric('"Utfall kvinnor/flickor"')
    outcome_women_raw: str | None = _raw('"Utfall kvinnor/flickor"')
    previous_outcome: float | None = _numeric("The previous period's outcome (\"Periodens utfall VB 2012\")")
    previous_outcome_raw: str | None = _raw("The previous period's outcome (\"Periodens utfall VB 2012\")")
    forecast: float | None = _numeric('"Prognos helår"')
    forecast_raw: str | None = _raw('"Prognos helår"')
    target: float | None = _numeric('"Årsmål"')
    target_raw: str | None = _raw('"Årsmål"')
    kf_target: float | None = _numeric('"KF:s årsmål"')
    kf_target_raw: str | None = _raw('"KF:s årsmål"')
    unit: str | None = _column(S, "Unit the numbers are in (`%`, `st`, `kr`, `kWh`, `kWh/kvm`, `dagar`, ...), "
                                 "from the row's cells; null if none is printed.")
    previous_label: str | None = _column(S, 'The period named in the previous-outcome header ("VB 2012").')
    period: str | None = _column(S, 'The "Period" cell ("VB 2013", "Tertial 2 2018").')
    frequency: str | None = _column(S, 'The "Periodicitet" cell ("Tertial", "År").')
    comment: str | None = _column(S, 'The indicator\'s "Kommentar"/"Analys" text, label removed.')
    page: int | None = _page()
    line: int | None = _line()
    x0: float | None = _box("left")
    y0: float | None = _box("top")
    x1: float | None = _box("right")
    y1: float | None = _box("bottom")


@_record
@dataclass(frozen=True, slots=True, kw_only=True)
class ActivityRecord:
    doc_id: str = _doc_id()
    year: int | None = _year()
    goal_id: str | None = _goal_id()
    table_id: str = _table_id()
    kind: str = _column(S, 'The table\'s header word as printed ("Aktivitet", "KF:s aktiviteter").')
    name: str = _column(S, "The activity text, wrapped lines joined, markers removed.")
    start_date: dt.date | None = _column(D, 'The "Startdatum" cell as a date.')
    end_date: dt.date | None = _column(D, 'The "Slutdatum" cell as a date.')
    start_raw: str | None = _column(S, 'The "Startdatum" cell as printed.')
    end_raw: str | None = _column(S, 'The "Slutdatum" cell as printed.')
    deviation: str | None = _column(S, 'The "Avvikelse" cell.')
    status: str | None = _column(S, 'The "Status" cell as printed, or the symbol seen in it ("symbol: green circle").')
    completion: float | None = _column(F, 'The "Färdiggrad" cell as a number (percent units: "75 %" gives 75).')
    comment: str | None = _column(S, 'Its "Kommentar"/"Analys" text, from a comment row or a Kommentar column.')
    page: int | None = _page()
    line: int | None = _line()
    x0: float | None = _box("left")
    y0: float | None = _box("top")
    x1: float | None = _box("right")
    y1: float | None = _box("bottom")


@_record
@dataclass(frozen=True, slots=True, kw_only=True)
class BudgetRecord:
    doc_id: str = _doc_id()
    year: int | None = _year()
    table_id: str = _table_id()
    table_title: str | None = _column(S, "The table's caption, or the nearest heading above it.")
    row_label: str = _column(S, "The row's label cell.")
    column: str | None = _column(S, 'The column header; two header levels joined with " / " ("augusti 2017 / Budget").')
    value: float = _column(F, "The number as printed, sign kept.")
    unit: str | None = _column(S, "`mnkr` (also for mkr, miljoner kr), `tkr`, `kr` or `%`: from the cell, the "
                                 "table's header or caption, or the text right before or after the table.")
    value_sek: float | None = _column(F, "The value in kronor when the unit is money.")
    raw: str = _column(S, "The cell as printed.")
    page: int | None = _page()
    line: int | None = _line()
    x0: float | None = _box("left")
    y0: float | None = _box("top")
    x1: float | None = _box("right")
    y1: float | None = _box("bottom")


@_record
@dataclass(frozen=True, slots=True, kw_only=True)
class CellRecord:
    doc_id: str = _doc_id()
    year: int | None = _year()
    table_id: str = _table_id()
    kind: str = _column(S, "`indicator`, `activity`, `goal` (a goal table), `budget` or `other`.")
    row: int = _column(I, "0-based row within the table.")
    col: int = _column(I, "0-based column within the row.")
    row_span: int = _column(I, "Source rows the cell covers (1 unless merged down).")
    col_span: int = _column(I, "Grid columns the cell covers (1 unless merged across).")
    text: str = _column(S, "The cell text, markup removed.")
    page: int | None = _page()
    line: int | None = _line()
    x0: float | None = _column(F, "The cell's left edge on its PDF page as a viewer shows it (as the rows' "
                                 "boxes), in points from the page's left; null for sources without pages.")
    y0: float | None = _column(F, "The cell's top edge, in points from the page's top.")
    x1: float | None = _column(F, "The cell's right edge.")
    y1: float | None = _column(F, "The cell's bottom edge.")


@_record
@dataclass(frozen=True, slots=True, kw_only=True)
class ProblemRecord:
    source_path: str = _column(S, "Path of the file relative to the input folder; bytes of a name that are not UTF-8 are shown as \\xNN escapes.")
    doc_id: str | None = _column(S, "The file's doc_id, null if it could not be read at all.")
    severity: str = _column(S, "`error` (the file gave no rows) or `warning` (it gave rows, some may be missing).")
    code: str = _column(S, "Short machine-readable reason, e.g. `encrypted_pdf`, `timeout`, `unreadable_page`: every code is listed under Problem codes below.")
    message: str = _column(S, "What happened and what a person can do about it.")
    page: int | None = _page()
    line: int | None = _line()


@_record
@dataclass(frozen=True, slots=True, kw_only=True)
class CheckRecord:
    doc_id: str = _doc_id()
    year: int | None = _year()
    table_id: str = _table_id()
    kind: str = _column(S, "`budget` (a financial table) or `indicator` (the totals and men/women of "
                           "indicator rows).")
    row_label: str = _column(S, "The label of the row that breaks the rule (the indicator's name).")
    column: str | None = _column(S, "The column of the cell that breaks the rule, as in `budget_rows.column`; "
                                    "for indicators the `indicators` column (`outcome`).")
    rule: str = _column(S, 'The identity the rest of the table keeps, in words ("Netto = Kostnader - '
                           'Intäkter", "Summa = the sum of the 9 rows above it").')
    kept_by: int = _column(I, "Rows (for a column rule) or columns (for a total row) that keep the rule; "
                              "never fewer than three.")
    expected: float = _column(F, "The value the rule gives for the cell from the other printed cells "
                                 "(for a rule that bounds it, the nearest bound).")
    printed: float = _column(F, "The value printed in the cell.")
    printed_raw: str = _column(S, "The cell as printed.")
    difference: float = _column(F, "printed - expected.")
    tolerance: float = _column(F, "The difference rounding alone can make: half a unit of the last printed "
                                  "digit of every number in the rule. Flags are differences beyond it.")
    page: int | None = _page()
    line: int | None = _line()
    x0: float | None = _box("left")
    y0: float | None = _box("top")
    x1: float | None = _box("right")
    y1: float | None = _box("bottom")


@_record
@dataclass(frozen=True, slots=True, kw_only=True)
class IndicatorSeriesRecord:
    series_id: str = _column(S, "Id of the series (`indicators.series_id`): `s` and 12 hex digits of the "
                                "SHA-256 of its first key in sort order.")
    label: str = _column(S, "The name the series is printed with most often (the latest year's on a tie).")
    method: str = _column(S, "How its keys were linked: `exact` (one `indicator_key`) or `reworded` "
                             "(keys that differ only in wording: function words, a verb phrase, spelling; "
                             "never in a number, an added qualifier or a substituted word, never two keys "
                             "printed in one report).")
    score: float = _column(F, "How sure the link is: 1 for `exact`; for `reworded`, the lowest similarity "
                              "of the links that joined the series (share of the content words' letters "
                              "two names have in common).")
    keys: str = _column(S, 'The series\' `indicator_key`s, joined with " | ".')
    documents: int = _column(I, "Documents that report it.")
    doc_ids: str = _column(S, "Their doc_ids, joined with spaces.")
    years: str = _column(S, 'The years it is reported in, ascending, joined with spaces ("2010 2013 2023").')
    first_year: int | None = _column(I, "The first of them; null if no year is known.")
    last_year: int | None = _column(I, "The last of them.")
    rows: int = _column(I, "Rows of `indicators` in the series.")


Record = Union[DocumentRecord, GoalRecord, IndicatorRecord, ActivityRecord, BudgetRecord, CellRecord, ProblemRecord,
               CheckRecord, IndicatorSeriesRecord]


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    doc: str


@dataclass(frozen=True)
class TableSpec:
    name: str
    doc: str
    record: type[Any]

    # Derived once: every file's tables are cast to them.
    @cached_property
    def columns(self) -> tuple[Column, ...]:
        return tuple(Column(f.name, f.metadata["type"], f.metadata["doc"]) for f in fields(self.record))

    @cached_property
    def schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.type) for c in self.columns])

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


TABLES: dict[str, TableSpec] = {t.name: t for t in (
    TableSpec("documents", "One row per input file that was read.", DocumentRecord),
    TableSpec("goals", "Every goal of the body (never the table of contents): goal headings and the "
                       "rows of goal tables.", GoalRecord),
    TableSpec("indicators", "One row per indicator row of an indicator table.", IndicatorRecord),
    TableSpec("activities", "One row per activity row of an activity table.", ActivityRecord),
    TableSpec("budget_rows", "One row per number in a financial table.", BudgetRecord),
    TableSpec("table_cells", "Every cell of every table, raw, so nothing in a table is lost.", CellRecord),
    TableSpec("problems", "What could not be read, and why: one row per problem.", ProblemRecord),
    TableSpec("checks", "Statements about the source: one row per cell that breaks an arithmetic identity "
                        "the rest of its table keeps (a column that is the sum or difference of others, "
                        "a total row, men and women beside a total).", CheckRecord),
    TableSpec("indicator_series", "One row per indicator series: the same indicator across reports, years "
                                  "and boards, and how its names were linked.", IndicatorSeriesRecord),
)}
RECORD_TABLES: dict[type[Any], str] = {spec.record: name for name, spec in TABLES.items()}


class Columnar(Sequence[R]):
    """A table's records held as its columns, for a table a file makes many records of that are
    only tabulated (its cells): a record object costs more than its row's Arrow values. As a
    sequence it gives each record, built when asked for (tests, a renamed file's rows)."""

    record: type[R]

    @abstractmethod
    def arrays(self) -> list[pa.Array]:
        """The columns as Arrow arrays of the table's schema, in the record's field order."""

    @abstractmethod
    def at(self, index: int) -> R:
        """The record at a non-negative index."""

    @overload
    def __getitem__(self, index: int) -> R: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[R]: ...
    def __getitem__(self, index: int | slice) -> R | Sequence[R]:
        if isinstance(index, slice):
            return [self.at(k) for k in range(len(self))[index]]
        return self.at(range(len(self))[index])


@dataclass
class FileRows:
    """One file's records of every table, as the recogniser and the readers left them."""

    source_path: str
    doc_id: str | None
    tables: dict[str, Sequence[Record]] = field(default_factory=dict)  # table name -> its records
    problems: list[ProblemRecord] = field(default_factory=list)
