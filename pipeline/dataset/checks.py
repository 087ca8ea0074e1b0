"""The reports' own arithmetic: identities a table keeps, and the cells that break them.

Nothing here knows a label. An identity is found from the numbers alone: a column that is the
sum, difference or percentage of two others in most rows (Resultat = Intäkter + Kostnader,
Avvikelse = Budget - Utfall, Förbrukning = Utfall / Budget), a row that sums the rows (or the
subtotals) above it in most columns, and, for indicators, a total beside men's and women's
figures. A cell is flagged when it breaks an identity that at least three other rows (or columns)
keep and that more of them keep than break. Two numbers agree when they differ by no more than
rounding can explain: half a unit of the last printed digit of every number in the rule.

Pure functions over one file's records; the worker calls `file_checks` (pipeline/run/extract.py).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from normalizers.numbers import half_unit
from pipeline.dataset.identities import EPSILON, MIN_AGREEING, Break, table_rules, tables
from pipeline.schema import BudgetRecord, CheckRecord, IndicatorRecord


def _record(rule: str, kept_by: int, brk: Break) -> CheckRecord:
    source = brk.cell.record
    return CheckRecord(
        doc_id=source.doc_id, year=source.year, table_id=source.table_id, kind="budget",
        row_label=source.row_label, column=source.column, rule=rule, kept_by=kept_by,
        expected=round(brk.expected, 10), printed=brk.cell.value, printed_raw=source.raw,
        difference=round(brk.cell.value - brk.expected, 10), tolerance=round(brk.tolerance, 10),
        page=source.page, line=source.line, x0=source.x0, y0=source.y0, x1=source.x1, y1=source.y1)


@dataclass(frozen=True)
class _Split:
    """An indicator row's total beside its men's and women's figures."""

    record: IndicatorRecord
    total: float
    men: float
    women: float
    tolerance: float

    def expected(self, rule: str) -> float:
        """The total a rule gives: the sum, or (for a rule that bounds it) the nearest bound."""
        if rule == SUM_RULE:
            return self.men + self.women
        return min(max(self.total, min(self.men, self.women)), max(self.men, self.women))

    def telling(self, rule: str) -> bool:
        # A row where men and women are equal keeps "between" by its nature and shows nothing.
        return rule == SUM_RULE or self.men != self.women


SUM_RULE = "outcome = outcome_men + outcome_women"
BETWEEN_RULE = "outcome lies between outcome_men and outcome_women"


def _splits(rows: Sequence[IndicatorRecord]) -> dict[str | None, list[_Split]]:
    by_unit: dict[str | None, list[_Split]] = {}
    for row in rows:
        if row.outcome is not None and row.outcome_men is not None and row.outcome_women is not None:
            tolerance = half_unit(row.outcome_raw) + half_unit(row.outcome_men_raw) + half_unit(row.outcome_women_raw)
            by_unit.setdefault(row.unit, []).append(
                _Split(row, row.outcome, row.outcome_men, row.outcome_women, tolerance))
    return by_unit


def _indicator_rules(rows: Sequence[IndicatorRecord]) -> tuple[set[str], list[CheckRecord]]:
    """Totals beside men's and women's figures, over a report's indicator rows of one unit (one
    template prints them all alike, and its tables are often one row long): a count is the sum
    of the two, a share or a mean lies between them. Returns the tables in which a rule was
    kept, and the rows breaking it."""
    checked: set[str] = set()
    flags: list[CheckRecord] = []
    for group in _splits(rows).values():
        for rule in (SUM_RULE, BETWEEN_RULE):
            agreeing = sum(1 for s in group if abs(s.total - s.expected(rule)) <= s.tolerance + EPSILON
                           and s.telling(rule))
            breaking = [s for s in group if abs(s.total - s.expected(rule)) > s.tolerance + EPSILON]
            if agreeing < MIN_AGREEING or agreeing <= len(breaking):
                continue
            checked.update(s.record.table_id for s in group)
            flags += [_indicator_record(s, rule, agreeing) for s in breaking]
    return checked, flags


def _indicator_record(split: _Split, rule: str, kept_by: int) -> CheckRecord:
    row, expected = split.record, split.expected(rule)
    return CheckRecord(
        doc_id=row.doc_id, year=row.year, table_id=row.table_id, kind="indicator", row_label=row.name,
        column="outcome", rule=rule, kept_by=kept_by, expected=expected, printed=split.total,
        printed_raw=row.outcome_raw or "", difference=round(split.total - expected, 10),
        tolerance=round(split.tolerance, 10), page=row.page, line=row.line,
        x0=row.x0, y0=row.y0, x1=row.x1, y1=row.y1)


def file_checks(budget_rows: Sequence[BudgetRecord], indicators: Sequence[IndicatorRecord]) -> tuple[int, list[CheckRecord]]:
    """(tables checked, the checks rows) of one file's records."""
    checked, flags = _indicator_rules(indicators)
    count = len(checked)
    for table in tables(budget_rows):
        kept, breaks = table_rules(table)
        count += kept
        flags += [_record(rule, kept_by, brk) for rule, kept_by, brk in breaks]
    return count, flags


def published_counts(folder: Path) -> tuple[int, int]:
    """(tables checked, checks flagged) of the dataset in `folder`, read from its files' metadata
    and one column; (0, 0) where there is no such dataset. File by file: pq.read_table would
    import pyarrow.dataset, and with it pandas (pipeline.run.preload); summed in Python, as
    nothing else a worker does needs pyarrow.compute (a twentieth of a second to import)."""
    try:
        tables = sum(count or 0 for path in (folder / "documents").rglob("*.parquet")
                     for count in pq.ParquetFile(path).read(columns=["tables_checked"])["tables_checked"].to_pylist())
        flags = sum(pq.read_metadata(path).num_rows for path in (folder / "checks").rglob("*.parquet"))
    except (OSError, KeyError, pa.ArrowException):
        return 0, 0
    return tables, flags
