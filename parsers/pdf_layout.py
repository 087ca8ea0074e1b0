"""Where a table's lines go, before their text is joined: tables of rows of cells of lines."""
from __future__ import annotations

from dataclasses import dataclass, field

from parsers.pdf_model import Line


@dataclass(slots=True)
class CellLayout:
    lines: list[Line]
    # The right edge text in this cell can reach: a line that stops short of it by more than the
    # next line's first word ended a paragraph inside the cell.
    right: float
    # Grid columns and rows the cell covers (a merged cell of a ruled table, from its first
    # column and row).
    columns: int = 1
    rows: int = 1


@dataclass(slots=True)
class RowLayout:
    cells: list[CellLayout]
    top: float
    spanning: bool = False
    header: bool = False


@dataclass(slots=True)
class TableLayout:
    rows: list[RowLayout]
    top: float
    bottom: float
    x0: float
    x1: float
    # Line-free tables only: the strips between their columns and their text size, for a table
    # that goes on from this one to take its columns from.
    gutters: list[tuple[float, float]] = field(default_factory=list)
    size: float = 0.0
