"""The `checks` table: identities found in the seeds' own tables, the seeds' one break, errors
written into a seed, and generated tables (consistent ones give no flag; one changed cell is
flagged, and only it)."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paths import SEEDS
from pipeline.dataset.checks import file_checks, half_unit
from pipeline.dataset.identities import _possible_sums, _total, tables
from pipeline.run.extract import extract_file
from pipeline.schema import BudgetRecord, CheckRecord, FileRows, IndicatorRecord


def _extract(path: Path) -> FileRows:
    return extract_file(path, path.parent)


def _checks(rows: FileRows) -> list[CheckRecord]:
    return [r for r in rows.tables["checks"] if isinstance(r, CheckRecord)]


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def test_precision_is_read_from_the_printed_digits():
    assert half_unit("1 632,7") == pytest.approx(0.05)
    assert half_unit("0,76 %") == pytest.approx(0.005)
    assert half_unit("118,") == 0.5
    assert half_unit("1.400") == 0.5
    assert half_unit("66,4%") == pytest.approx(0.05)


@pytest.mark.parametrize("prefix, tables", [("000", 0), ("001", 1), ("002", 3), ("004", 9)])
def test_seed_tables_keep_their_arithmetic(prefix: str, tables: int):
    rows = _extract(_seed(prefix))
    assert _checks(rows) == []
    document = rows.tables["documents"][0]
    assert getattr(document, "tables_checked") == tables


def test_seed_003_total_below_both_men_and_women_is_the_one_flag():
    rows = _extract(_seed("003"))
    [flag] = _checks(rows)
    # Line 361 prints 0,76 % beside men 0,96 % and women 0,79 %: a total cannot lie below both.
    assert (flag.line, flag.column, flag.printed_raw) == (361, "outcome", "0,76 %")
    assert flag.row_label.startswith("Andel personer som har ekonomiskt bistånd")
    assert flag.expected == pytest.approx(0.79) and flag.difference == pytest.approx(-0.03)
    assert flag.kept_by >= 3 and flag.kind == "indicator"


def _with_line(tmp_path: Path, prefix: str, old: str, new: str) -> Path:
    seed = _seed(prefix)
    text = seed.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / seed.name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


TOTAL_004 = "Nämnden totalt\t1 150,9\t1 194,6\t1 196,3\t-1,7\t4,1\t2,4"


@pytest.mark.parametrize("old, new, column, expected", [
    ("4,1\t2,4", "4,1\t-2,4", "Justeradavvikelse", 2.4),     # a sign error in the total's last column
    ("1 194,6\t1 196,3", "-1 194,6\t1 196,3", "Budget 2018", 1194.6),  # ... in a column the others use
    ("1 150,9", "1 105,9", "Bokslut 2017", 1150.9),           # transposed digits in a total
])
def test_an_error_in_the_total_row_of_seed_004_is_flagged_at_its_cell(tmp_path: Path, old: str, new: str,
                                                                        column: str, expected: float):
    path = _with_line(tmp_path, "004", TOTAL_004, TOTAL_004.replace(old, new))
    [flag] = _checks(_extract(path))
    assert (flag.row_label, flag.column) == ("Nämnden totalt", column)
    assert flag.expected == pytest.approx(expected, abs=0.2)
    assert abs(flag.difference) > flag.tolerance


def test_a_changed_cell_in_a_detail_row_of_seed_002_is_flagged(tmp_path: Path):
    row = "Konsulter\t9,6\t14,1\t4,5"
    path = _with_line(tmp_path, "002", row, "Konsulter\t9,6\t14,1\t5,4")
    [flag] = _checks(_extract(path))
    assert (flag.row_label, flag.column, flag.printed_raw) == ("Konsulter", "Förändring ³⁾", "5,4")
    assert flag.expected == pytest.approx(4.5) and "Budget 2008" in flag.rule and flag.kept_by == 28


def _number(value: float) -> str:
    whole, tenth = divmod(round(abs(value) * 10), 10)
    return ("-" if value < 0 else "") + f"{whole:,}".replace(",", " ") + f",{tenth}"


def _budget_rows(grid: list[list[float]], columns: list[str]) -> list[BudgetRecord]:
    return [BudgetRecord(doc_id="d", year=2020, table_id="d:t001", table_title=None, row_label=f"Rad {r}",
                         column=column, value=round(value, 1), unit="mnkr", value_sek=None, raw=_number(value),
                         page=None, line=10 + r, x0=None, y0=None, x1=None, y1=None)
            for r, row in enumerate(grid) for column, value in zip(columns, row)]


tenths = st.integers(min_value=0, max_value=4999)


@st.composite
def consistent_tables(draw: st.DrawFn) -> tuple[list[list[float]], int]:
    """Rows of Budget, Utfall and Avvikelse = Budget - Utfall (or Resultat = Intäkter + Kostnader),
    and a total row; values are kept apart so that no sum of rows equals another row by chance."""
    sign = draw(st.sampled_from([1, -1]))
    rows = draw(st.lists(st.tuples(tenths, tenths), min_size=4, max_size=12))
    grid = [[(20000 + a) / 10, (5000 + b) / 10, (20000 + a + sign * (5000 + b)) / 10] for a, b in rows]
    grid.append([round(sum(r[c] for r in grid), 1) for c in range(3)])
    return grid, sign


@settings(max_examples=60, deadline=None)
@given(consistent_tables())
def test_a_consistent_table_gives_no_flag(table: tuple[list[list[float]], int]):
    grid, _ = table
    checked, flags = file_checks(_budget_rows(grid, ["Budget", "Utfall", "Avvikelse"]), [])
    assert checked == 1 and flags == []


@settings(max_examples=60, deadline=None)
@given(consistent_tables(), st.data())
def test_one_changed_cell_is_flagged_and_only_it(table: tuple[list[list[float]], int], data: st.DataObject):
    grid, _ = table
    row = data.draw(st.integers(min_value=0, max_value=len(grid) - 1))
    column = data.draw(st.integers(min_value=0, max_value=2))
    delta = data.draw(st.integers(min_value=10, max_value=500).map(lambda n: n / 10) | st.just(-2 * grid[row][column]))
    printed = grid[row][column]
    grid[row][column] = round(printed + delta, 1)
    columns = ["Budget", "Utfall", "Avvikelse"]
    _, flags = file_checks(_budget_rows(grid, columns), [])
    assert [(f.line, f.column) for f in flags] == [(10 + row, columns[column])]
    assert flags[0].expected == pytest.approx(printed, abs=0.2)


def _indicator(line: int, unit: str, total: str, men: str, women: str) -> IndicatorRecord:
    def number(raw: str) -> float:
        return float(raw.split()[0].replace(",", "."))
    return IndicatorRecord(
        doc_id="d", year=2020, goal_id=None, table_id=f"d:t{line:03d}", kind="Indikator", name=f"Indikator {line}",
        indicator_key=f"indikator {line}", series_id=None, outcome=number(total), outcome_raw=total,
        outcome_men=number(men), outcome_men_raw=men, outcome_women=number(women), outcome_women_raw=women,
        previous_outcome=None, previous_outcome_raw=None, forecast=None, forecast_raw=None, target=None,
        target_raw=None, kf_target=None, kf_target_raw=None, unit=unit, previous_label=None, period=None,
        frequency=None, comment=None, page=None, line=line, x0=None, y0=None, x1=None, y1=None)


def test_counts_are_the_sum_of_men_and_women_and_shares_lie_between():
    rows = [_indicator(1, "st", "30 st", "10 st", "20 st"), _indicator(2, "st", "7 st", "3 st", "4 st"),
            _indicator(3, "st", "12 st", "5 st", "7 st"), _indicator(4, "st", "15 st", "5 st", "7 st"),
            _indicator(5, "%", "50 %", "40 %", "60 %"), _indicator(6, "%", "81 %", "80 %", "90 %"),
            _indicator(7, "%", "13,5 %", "12 %", "15 %"), _indicator(8, "%", "80 %", "80 %", "80 %")]
    checked, flags = file_checks([], rows)
    assert checked == 8
    assert [(f.line, f.expected, f.rule) for f in flags] == [(4, 12.0, "outcome = outcome_men + outcome_women")]
    shares = rows[4:7] + [_indicator(9, "%", "95 %", "40 %", "60 %")]
    assert [(f.line, f.expected) for f in file_checks([], shares)[1]] == [(9, 60.0)]
    # Two rows keeping a rule are not enough to infer it.
    assert file_checks([], shares[:2] + shares[3:]) == (0, [])


@st.composite
def summing_tables(draw: st.DrawFn) -> list[list[float]]:
    """Rows of tenths (whose float sums are inexact) with totals of the rows right above them,
    some a tenth off, and blank cells."""
    width = draw(st.integers(min_value=2, max_value=4))
    grid: list[list[float]] = []
    for _ in range(draw(st.integers(min_value=3, max_value=14))):
        terms = draw(st.integers(min_value=0, max_value=len(grid)))
        if terms >= 2 and draw(st.booleans()):
            off = draw(st.sampled_from([0, 0, 0.1, -0.1]))
            grid.append([round(sum(r[c] for r in grid[-terms:]) + off, 1) for c in range(width)])
        else:
            grid.append([draw(tenths) / 10 for _ in range(width)])
    return grid


@settings(max_examples=80, deadline=None)
@given(summing_tables(), st.data())
def test_the_screening_of_sums_keeps_every_total_the_rows_give(grid: list[list[float]], data: st.DataObject):
    columns = [f"K{c}" for c in range(len(grid[0]))]
    records = [r for r in _budget_rows(grid, columns) if data.draw(st.integers(0, 9)) > 0]  # a blank now and then
    [table] = tables(records) if records else [None]
    if table is None:
        return
    additive = list(range(len(table.columns)))
    for row in range(len(table.cells)):
        items = list(range(row))
        kept = [k for k in range(2, row + 1) if _total(table, row, items[-k:], [1] * k, additive) is not None]
        assert set(kept) <= set(_possible_sums(table, row, items, additive))
