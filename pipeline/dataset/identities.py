"""Identities a financial table keeps, found from its numbers alone, and the cells breaking them.

A column that is the sum, difference or percentage of two others in most rows (Resultat =
Intäkter + Kostnader, Avvikelse = Budget - Utfall, Förbrukning = Utfall / Budget), and a row that
sums the rows (or the subtotals) above it in most columns. Nothing here knows a label. See
pipeline/dataset/checks.py for how the breaks become rows of `checks`.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from normalizers.numbers import half_unit
from pipeline.schema import BudgetRecord

MIN_AGREEING = 3
# A total is looked for among this many rows (or subtotals) above a row: bounds the work on
# very long tables; no report sums more rows than this in one line.
MAX_TERMS = 200
EPSILON = 1e-9
_ROUNDING = 1e-12  # relative: the float error the screening of sums allows for


@dataclass(frozen=True, slots=True)  # slots: its fields are read in the innermost loops
class _Cell:
    row: int
    column: int
    value: float
    half: float
    record: BudgetRecord


@dataclass
class _Table:
    table_id: str
    labels: list[str]
    columns: list[str | None]
    cells: list[dict[int, _Cell]]  # per row: column index -> cell
    units: list[str | None] = field(default_factory=list)  # per column: its one unit, else None
    # per column: its cell in each row or None; the rules read columns down the rows
    by_column: list[list[_Cell | None]] = field(default_factory=list)

    def unit(self, column: int) -> str | None:
        return self.units[column]

    def name(self, column: int) -> str:
        return self.columns[column] or f"column {column + 1}"


def tables(rows: Iterable[BudgetRecord]) -> list[_Table]:
    """The financial tables as grids, rows and columns in document order."""
    grouped: dict[str, dict[tuple[int | None, int | None, str], list[BudgetRecord]]] = {}
    for record in rows:
        grouped.setdefault(record.table_id, {}).setdefault((record.page, record.line, record.row_label), []).append(record)
    tables = []
    for table_id, table_rows in grouped.items():
        columns: list[str | None] = []
        for records in table_rows.values():
            left = -1
            for record in records:
                if record.column not in columns:
                    # Right of the column left of it in its row: a column blank in the first rows
                    # still takes its printed place (Avvikelse, Justering, Justerad avvikelse).
                    columns.insert(left + 1, record.column)
                left = columns.index(record.column)
        table = _Table(table_id, [], columns, [])
        position = {column: index for index, column in enumerate(columns)}
        for number, (key, records) in enumerate(table_rows.items()):
            table.labels.append(key[2])
            table.cells.append({position[r.column]: _Cell(number, position[r.column], r.value, half_unit(r.raw), r)
                                for r in records})
        # Every rule asks for its columns' units: found once, not by a pass over the rows each time.
        for column in range(len(columns)):
            units = {row[column].record.unit for row in table.cells if column in row}
            table.units.append(units.pop() if len(units) == 1 else None)
            table.by_column.append([row.get(column) for row in table.cells])
        tables.append(table)
    return tables


@dataclass(frozen=True)
class Break:
    """A cell breaking a rule the rest of its table keeps."""

    cell: _Cell
    expected: float
    tolerance: float


@dataclass(frozen=True)
class Rule:
    words: str
    columns: frozenset[int]  # the columns the rule ties together (for a total: its row's columns)
    kept_by: int
    breaks: list[Break]
    kept_in: frozenset[int] = frozenset()  # the rows that keep it
    terms: tuple[tuple[int, int], ...] = ()  # for a sum: (column, +1 or -1) of the terms beside the result


def _kept(words: str, columns: Iterable[int], agreeing: int, breaks: list[Break], kept_in: Iterable[int],
          terms: Iterable[tuple[int, int]] = ()) -> Rule | None:
    if agreeing < MIN_AGREEING or agreeing <= len(breaks):
        return None
    return Rule(words, frozenset(columns), agreeing, breaks, frozenset(kept_in), tuple(terms))


def _hopeless(agreeing: int, breaks: int, rows_left: int) -> bool:
    """Whether a rule cannot be kept even if every row left keeps it: most candidate rules
    break in most rows, and are given up halfway."""
    return agreeing + rows_left < MIN_AGREEING or agreeing + rows_left <= breaks


Terms = tuple[tuple[int, int], tuple[int, int]]  # (column, +1 or -1) of a sum's two terms


@lru_cache(maxsize=64)
def _sums(width: int) -> tuple[tuple[tuple[int, Terms], ...], ...]:
    """Per target column of a table this wide, the sums (result column, terms) first met there,
    in order: the same for every table of a width, so found once (30 columns: 12,180 sums)."""
    seen: set[frozenset[tuple[int, int]]] = set()
    out = []
    for target in range(width):
        mine: list[tuple[int, Terms]] = []
        others = [c for c in range(width) if c != target]
        for a, b in itertools.combinations(others, 2):
            for sa, sb in ((1, 1), (1, -1), (-1, 1)):
                # Said with the rightmost column as the result, the way tables print it.
                terms = {target: 1, a: -sa, b: -sb}
                last = max(terms)
                relation = frozenset((c, k * terms[last]) for c, k in terms.items())
                if relation not in seen:
                    seen.add(relation)
                    first, second = ((c, -k * terms[last]) for c, k in terms.items() if c != last)
                    mine.append((last, (first, second)))
        out.append(tuple(mine))
    return tuple(out)


def _column_rules(table: _Table) -> list[Rule]:
    """Columns that are the sum, difference or percentage of two others."""
    rules: list[Rule | None] = []
    width = len(table.columns)
    for target, sums in enumerate(_sums(width)):
        rules += [_sum_rule(table, last, terms) for last, terms in sums]
        others = [c for c in range(width) if c != target]
        if table.unit(target) == "%":
            rules += [_ratio_rule(table, target, a, b) for a, b in itertools.permutations(others, 2)
                      if table.unit(a) != "%" and table.unit(b) != "%"]
    return [rule for rule in rules if rule is not None]


def _sum_rule(table: _Table, target: int, terms: Terms) -> Rule | None:
    (a, ka), (b, kb) = terms
    unit = table.units[target]
    if table.units[a] != unit or table.units[b] != unit:
        return None
    agreeing, breaks, kept_in = 0, [], []
    rows = len(table.cells)
    for number, (result, first, second) in enumerate(zip(table.by_column[target], table.by_column[a],
                                                         table.by_column[b])):
        # A blank term is nothing (Justering left empty where nothing was adjusted). Summed in
        # the terms' order from the same 0.0, so to the same floats as any sum of them.
        if result is None or first is None and second is None:
            continue
        expected, tolerance, shown = 0.0, 0.0 + result.half, int(result.value != 0)  # 0 = 0 + 0 shows nothing
        for cell, k in ((first, ka), (second, kb)):
            if cell is not None:
                expected += k * cell.value
                tolerance += cell.half
                shown += cell.value != 0
        if abs(result.value - expected) <= tolerance + EPSILON:
            agreeing += shown >= 2
            kept_in.append(number)
        else:
            breaks.append(Break(result, expected, tolerance))
            if _hopeless(agreeing, len(breaks), rows - number - 1):
                return None
    said = sorted(terms, key=lambda term: -term[1])  # "B - A", not "-A + B"
    words = " ".join(("" if n == 0 else "+ " if k > 0 else "- ") + ("-" if n == 0 and k < 0 else "")
                     + table.name(c) for n, (c, k) in enumerate(said))
    return _kept(f"{table.name(target)} = {words}", (target, a, b), agreeing, breaks, kept_in, terms)


def _ratio_rule(table: _Table, target: int, a: int, b: int) -> Rule | None:
    agreeing, breaks, kept_in = 0, [], []
    rows = len(table.cells)
    for number, (cell, numerator, denominator) in enumerate(zip(table.by_column[target], table.by_column[a],
                                                               table.by_column[b])):
        if cell is None or numerator is None or denominator is None:
            continue
        bounds = _ratio_bounds(numerator, denominator)
        if bounds is None:
            continue
        low, high = bounds
        if low - cell.half - EPSILON <= cell.value <= high + cell.half + EPSILON:
            agreeing += numerator.value != 0
            kept_in.append(number)
        else:
            breaks.append(Break(cell, 100 * numerator.value / denominator.value, (high - low) / 2 + cell.half))
            if _hopeless(agreeing, len(breaks), rows - number - 1):
                return None
    return _kept(f"{table.name(target)} = {table.name(a)} / {table.name(b)} x 100", (target, a, b), agreeing, breaks, kept_in)


def _ratio_bounds(numerator: _Cell, denominator: _Cell) -> tuple[float, float] | None:
    """The range of 100 * a / b over the values the printed a and b may have been rounded from."""
    d_low, d_high = denominator.value - denominator.half, denominator.value + denominator.half
    if d_low <= 0 <= d_high:
        return None
    corners = [100 * n / d for n in (numerator.value - numerator.half, numerator.value + numerator.half)
               for d in (d_low, d_high)]
    return min(corners), max(corners)


@dataclass(frozen=True)
class _Total:
    row: int
    terms: list[int]
    signs: list[int]
    agreeing: list[int]
    breaks: list[Break]

    @property
    def rank(self) -> tuple[int, int, int]:
        # Most columns kept, then the fewest terms (a zero row above adds nothing), plain sums first.
        return len(self.agreeing) - len(self.breaks), -len(self.signs), self.signs[-1]


def _total_rows(table: _Table) -> list[_Total]:
    """Rows that sum the rows or subtotals above them, found top down: a total replaces its terms,
    so a later total may sum subtotals (Summa kostnader = Summa externa + Summa interna) or take
    one from another (Netto = Summa kostnader - Summa intäkter)."""
    additive = [c for c in range(len(table.columns)) if table.unit(c) != "%"]
    items: list[int] = []
    found: list[_Total] = []
    for row in range(len(table.cells)):
        candidates = [[1] * k for k in _possible_sums(table, row, items, additive)]
        candidates += [[1, -1]] if len(items) >= 2 else []
        totals = [t for t in (_total(table, row, items[-len(s):], s, additive) for s in candidates) if t]
        best = max(totals, key=lambda t: t.rank, default=None)
        if best is None:
            items.append(row)
        else:
            items[-len(best.terms):] = [row]
            found.append(best)
    return found


def _possible_sums(table: _Table, row: int, items: list[int], additive: list[int]) -> list[int]:
    """The counts k of the items right above a row whose plain sum `_total` may find in it.

    Trying every k term by term costs k squared additions a row, a table of many rows without
    totals the cube of its rows. Running sums from the row upwards rule most k out at a few
    additions each: a k is left out only where, even with the running sums' rounding (another
    order of the same additions) allowed for, too few columns can agree for a total."""
    target = table.cells[row]
    columns = [c for c in additive if c in target]
    if len(columns) < 2:
        return []  # a total needs two agreeing columns
    printed = [(target[c].value, target[c].half, abs(target[c].value)) for c in columns]
    value, half, size, nonzero, present = ([0.0] * len(columns), [0.0] * len(columns), [0.0] * len(columns),
                                           [0] * len(columns), [False] * len(columns))
    indexed = list(enumerate(columns))
    possible: list[int] = []
    rows = table.cells
    for k in range(1, min(len(items), MAX_TERMS) + 1):
        cells = rows[items[-k]]
        for i, column in indexed:
            cell = cells.get(column)
            if cell is not None:
                term = cell.value
                value[i] += term
                half[i] += cell.half
                size[i] += abs(term)
                nonzero[i] += term != 0
                present[i] = True
        if k < 2:
            continue
        agree = breaking = 0
        for i, (printed_value, printed_half, printed_size) in enumerate(printed):
            if not present[i]:
                continue
            miss = abs(printed_value - value[i]) - (printed_half + half[i] + EPSILON)
            # Float sums of up to MAX_TERMS terms in two orders differ by far less than this (a
            # positive bound: a miss of at most 0 never passes it, and is not worked out).
            if miss > 0 and miss > _ROUNDING * (size[i] + half[i] + printed_size + printed_half + 1):
                breaking += 1
            elif nonzero[i] >= 2:
                agree += 1
        if agree >= 2 and agree > breaking:
            possible.append(k)
    return possible


def _total(table: _Table, row: int, terms: list[int], signs: list[int], additive: list[int]) -> _Total | None:
    target = table.cells[row]
    agreeing: list[int] = []
    breaks: list[Break] = []
    for column in additive:
        # A blank cell in a column of amounts is nothing to add.
        present = [(table.cells[t][column], s) for t, s in zip(terms, signs) if column in table.cells[t]]
        if column not in target or not present:
            continue
        expected = sum(s * cell.value for cell, s in present)
        tolerance = target[column].half + sum(cell.half for cell, _ in present)
        if abs(target[column].value - expected) <= tolerance + EPSILON:
            if sum(1 for cell, _ in present if cell.value != 0) >= 2:
                agreeing.append(column)
        else:
            breaks.append(Break(target[column], expected, tolerance))
    if len(agreeing) < 2 or len(agreeing) <= len(breaks):
        return None
    return _Total(row, terms, signs, agreeing, breaks)


def _total_words(table: _Table, total: _Total) -> str:
    label = table.labels[total.row]
    if total.signs == [1, -1]:
        return f"{label} = {table.labels[total.terms[0]]} - {table.labels[total.terms[1]]}"
    return (f"{label} = the sum of the {len(total.terms)} rows above it "
            f"({table.labels[total.terms[0]]} … {table.labels[total.terms[-1]]})")


def _located(table: _Table, rule: Rule, brk: Break, totals: list[_Total]) -> tuple[str, Break, _Cell] | None:
    """The one cell to blame for a broken sum in a detail row, where a total below points at it.

    Row i breaks "Avvikelse = Budget - Utfall"; if the Utfall column's total misses by the
    amount that would mend row i too, the printed Utfall of row i is the cell that is off."""
    row = brk.cell.row
    for total in totals:
        if row not in total.terms:
            continue
        sign = total.signs[total.terms.index(row)]
        for miss in total.breaks:
            column = miss.cell.column
            if column not in rule.columns or column not in table.cells[row]:
                continue
            cell = table.cells[row][column]
            mended = cell.value + sign * (miss.cell.value - miss.expected)
            if column == brk.cell.column:
                holds = abs(mended - brk.expected) <= brk.tolerance + EPSILON
            else:
                coefficient = dict(rule.terms).get(column, 0)
                holds = abs(brk.cell.value - brk.expected - coefficient * (mended - cell.value)) <= brk.tolerance + EPSILON
            if holds:
                words = f"{rule.words}, and {table.labels[total.row]} sums the column"
                return words, Break(cell, mended, brk.tolerance + miss.tolerance), miss.cell
    return None


def table_rules(table: _Table) -> tuple[bool, list[tuple[str, int, Break]]]:
    """(whether the table keeps any identity, each cell breaking one: the rule, how many keep it).

    A column rule broken in a detail row is told at the cell a total below also points at, where
    one does. A total kept by only two columns is still a rule where the cell breaking it also
    breaks a column rule of its row: two identities point at the same cell. A column rule broken
    only because one of its cells in a total row is off is told once, at that cell."""
    found = _column_rules(table)
    # A row that keeps another rule for the same cell, one as well kept, breaks only a rule that
    # happens to hold elsewhere (Justerad = Budget - Prognos, where Justering is mostly blank).
    column_rules = [Rule(rule.words, rule.columns, rule.kept_by, [b for b in rule.breaks if not any(
        other is not rule and other.kept_by >= rule.kept_by and b.cell.row in other.kept_in
        and b.cell.column in other.columns for other in found)], rule.kept_in, rule.terms) for rule in found]
    totals = _total_rows(table)
    kept = bool(column_rules) or any(len(t.agreeing) >= MIN_AGREEING for t in totals)
    flags: list[tuple[str, int, Break]] = []
    explained: set[int] = set()  # total cells whose miss a detail cell explains
    broken_rows: dict[int, list[Rule]] = {}
    for rule in column_rules:
        for brk in rule.breaks:
            located = _located(table, rule, brk, totals)
            if located:
                words, brk, total_cell = located
                explained.add(id(total_cell))
                flags.append((words, rule.kept_by, brk))
            else:
                flags.append((rule.words, rule.kept_by, brk))
                broken_rows.setdefault(brk.cell.row, []).append(rule)
    for total in totals:
        words = _total_words(table, total)
        for brk in total.breaks:
            corroborated = any(brk.cell.column in rule.columns for rule in broken_rows.get(brk.cell.row, []))
            if id(brk.cell) not in explained and (len(total.agreeing) >= MIN_AGREEING or corroborated):
                # The total's cell is the one off: its row's column rules break because of it.
                flags = [f for f in flags if f[2].cell is brk.cell or f[2].cell.row != brk.cell.row
                         or not any(brk.cell.column in r.columns for r in broken_rows.get(brk.cell.row, []))]
                if all(f[2].cell is not brk.cell for f in flags):
                    flags.append((words, len(total.agreeing), brk))
    # A cell breaking several rules is told once, with the rule most rows keep.
    best: dict[int, tuple[str, int, Break]] = {}
    for flag in flags:
        if id(flag[2].cell) not in best or flag[1] > best[id(flag[2].cell)][1]:
            best[id(flag[2].cell)] = flag
    return kept, [flag for flag in flags if best[id(flag[2].cell)] is flag]
