"""Cells that converters shifted, put back under their columns by what each column holds."""
from __future__ import annotations

import regex

from normalizers.dates import find_period, parse_date
from normalizers.numbers import parse_quantity
from normalizers.text import is_only_markers
from pipeline.recognise import vocabulary
from pipeline.recognise.header import Layout
from pipeline.recognise.settings import SETTINGS

_YEAR_ONLY = regex.compile(r"^(?:19|20)\d\d$")
_WORDY = regex.compile(r"\p{L}{3,}")


def is_value(text: str) -> bool:
    return bool(text) and not is_only_markers(text)


def looks_like_name(text: str) -> bool:
    return (len(text) >= SETTINGS.min_name_length and bool(_WORDY.search(text)) and parse_quantity(text).value is None
            and parse_date(text) is None and find_period(text) is None)


_NUMERIC_FIELDS = frozenset(vocabulary.INDICATOR_NUMBERS)


def _fit(column: str, text: str) -> int:
    """+1 when a cell's text is what its column holds, -1 when it clearly is not, 0 when unsure."""
    if not text or is_only_markers(text):
        return 0
    if column == "name":
        return 1 if looks_like_name(text) else -1
    if column in _NUMERIC_FIELDS:
        if _YEAR_ONLY.match(text):
            return 0  # a year is more likely a period that slid into a value column
        quantity = parse_quantity(text)
        ok = quantity.value is not None or quantity.direction is not None or vocabulary.NOT_A_NUMBER_YET.match(text)
        return 1 if ok else -1
    if column in ("start", "end"):
        return 1 if parse_date(text) else -1
    if column == "period":
        found = find_period(text)
        return 1 if found and len(found[0]) >= len(text) - 1 else -1
    if column == "frequency":
        return 1 if vocabulary.FREQUENCY.match(text) else -1
    if column == "deviation":
        return -1 if parse_date(text) else 0
    return 0


def fitness(cells: list[str], layout: Layout) -> int:
    columns = {"name": layout.name_col, **layout.columns}
    return sum(_fit(name, cells[k]) for name, k in columns.items() if k < len(cells))


def realign(cells: list[str], layout: Layout) -> list[str]:
    """Undo the cell shifts converters leave in indicator and activity rows.

    When the name cell is empty or holds only a marker glyph, the row may have been pushed one
    cell right (an empty or marker cell in front of it), or only the name may sit one cell too
    far right. Each reading is tried, and the one under which most cells hold what their column
    holds (dates under dates, numbers under numbers, a period under Period) wins; the row as
    printed wins ties.
    """
    cells = list(cells) + [""] * (layout.width - len(cells))
    n = layout.name_col
    if cells[n] and not is_only_markers(cells[n]):
        return cells
    shifted = cells[:n] + cells[n + 1:] + [""]
    shifts = [shifted]
    if not shifted[-1] and shifted[-2]:  # keep a trailing period under the last column
        shifts.append(shifted[:-2] + ["", shifted[-2]])
    moves = []
    for k in sorted(layout.columns.values()):
        if k < len(cells) and looks_like_name(cells[k]):
            moved = list(cells)
            moved[n], moved[k] = cells[k], ""
            moves.append(moved)
            break
    # On a tie, a marker glyph in its own cell speaks for a pushed row, an empty cell for a
    # name that slid right.
    candidates = [cells] + (shifts + moves if cells[n] else moves + shifts)
    return max(candidates, key=lambda c: fitness(c, layout))
