"""Goals stated as rows of a table, as planning systems (Stratsys, ILS, Hypergene) export them:
a header naming a goal level ("Nämndmål", "Verksamhetsmål", "Mål") and an assessment column
("Bedömning", "Status", "Måluppfyllelse"), one goal a row, its assessment written, drawn as a
symbol or shaded, and "Kommentar:" rows or a comment column under it."""
from __future__ import annotations

from dataclasses import dataclass, field

from normalizers.text import squash, strip_markers
from parsers.blocks import Row, Table
from pipeline.recognise import vocabulary
from pipeline.recognise.cells import collapsed
from pipeline.recognise.first_char import FirstChar
from pipeline.recognise.labels import cell_assessment, table_kind


# Asked of every table's top row: its first cell's first character rules out most.
_LEVEL = FirstChar(vocabulary.GOAL_TABLE_LEVEL)


@dataclass
class TableGoal:
    level: str | None  # None: the header names no level ("Mål"), one below the goal open above
    title: str
    row: Row
    assessment: tuple[str | None, str] | None = None
    comments: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Header:
    level: str | None
    name_col: int
    assessment_col: int
    comment_col: int | None


def _header(row: Row) -> _Header | None:
    # Every table's top row is asked: its first filled cell rules most out, before the others are read.
    name_col = next((k for k, cell in enumerate(row.cells) if squash(strip_markers(cell))), None)
    if name_col is None:
        return None
    found = _LEVEL.match(squash(strip_markers(row.cells[name_col])))
    if found is None:
        return None
    level = next(value for k, value in enumerate(vocabulary.GOAL_TABLE_LEVEL_VALUES) if found.group(f"l{k}") is not None)
    keys = [squash(strip_markers(cell)) for cell in row.cells]
    filled = [k for k, key in enumerate(keys) if key]
    if len(filled) < 2:
        return None
    assessment = next((k for k in filled[1:] if vocabulary.GOAL_TABLE_ASSESSMENT.match(keys[k])), None)
    if assessment is None:
        return None
    comment = next((k for k in filled[1:] if k != assessment and vocabulary.GOAL_TABLE_COMMENT.match(keys[k])), None)
    return _Header(level, name_col, assessment, comment)


def read_goal_table(table: Table) -> tuple[list[TableGoal], int] | None:
    """The goals of a goal table and the index of the row where it ends (an indicator or activity
    header that a reader joined to its grid, else the row count); None for any other table."""
    top = next((k for k, row in enumerate(table.rows) if any(row.cells)), None)
    header = _header(table.rows[top]) if top is not None else None
    if header is None or top is None:
        return None
    goals: list[TableGoal] = []
    for end, row in enumerate(table.rows[top + 1:], start=top + 1):
        cells = collapsed(row.cells)
        if any(cells) and table_kind(next(c for c in cells if c)):
            return goals, end
        if not any(cells) or _header(row) == header:
            continue  # an empty row, or the header repeated after a page break
        name = strip_markers(cells[header.name_col]) if header.name_col < len(cells) else ""
        label = vocabulary.COMMENT_LABEL.match(name)
        if goals and (label or row.spanning or not name):
            text = " ".join(strip_markers(c) for c in cells if strip_markers(c))
            text = text[label.end():] if label and text.startswith(name) else text
            if text:
                goals[-1].comments.append(text.strip())
            continue
        if not name:
            continue
        goal = TableGoal(header.level, name, row)
        if header.assessment_col < len(cells):
            goal.assessment = cell_assessment(cells[header.assessment_col], row.symbols.get(header.assessment_col))
        if header.comment_col is not None and header.comment_col < len(cells):
            comment = vocabulary.COMMENT_LABEL.sub("", strip_markers(cells[header.comment_col]))
            if comment:
                goal.comments.append(comment)
        goals.append(goal)
    return goals, len(table.rows)
