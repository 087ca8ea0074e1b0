"""The report structure, recognised on the block model, whatever format the blocks came from.

One pass over the blocks: goal labels open goals (the title on the same line or the next),
a status line right under a goal assesses it, sub-headings open the goal's text fields, and
tables go to the TableAssembler under the innermost open goal. The table of contents is skipped
and its entries are kept to confirm numbered headings that carry no label.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from normalizers.text import strip_markers
from parsers.blocks import Block, Paragraph, ParsedDocument, Table
from pipeline.recognise import vocabulary
from pipeline.recognise.assemble import TableAssembler, row_box
from pipeline.recognise.cell_columns import CellColumns
from pipeline.recognise.finance import box_columns
from pipeline.recognise.labels import (
    Label,
    Numbered,
    Section,
    match_label,
    match_status,
    read_paragraph,
    split_number,
    symbol_assessment,
)
from pipeline.recognise.goal_table import TableGoal, read_goal_table
from pipeline.recognise.header import heading_in_header
from pipeline.recognise.metadata import Metadata, read_metadata
from pipeline.recognise.page_view import as_shown
from pipeline.recognise.settings import SETTINGS
from pipeline.recognise.toc import find_toc
from pipeline.schema import (
    ActivityRecord,
    BudgetRecord,
    GoalRecord,
    IndicatorRecord,
)


@dataclass
class Goal:
    goal_id: str
    level: str
    number: str | None
    title: str
    parent: Goal | None
    block: Paragraph
    assessment: str | None = None
    assessment_raw: str | None = None
    fields: dict[str, list[str]] = field(default_factory=dict)

    def text(self, name: str) -> str | None:
        return "\n".join(self.fields[name]) if self.fields.get(name) else None

    @property
    def rank(self) -> int:
        return vocabulary.GOAL_RANK[self.level]


class Recogniser:
    def __init__(self, parsed: ParsedDocument, doc_id: str, year: int | None = None):
        self.blocks = _headings_out_of_tables(parsed.blocks, year)
        self.doc_id = doc_id
        self.skip, self.toc, self.toc_sections = find_toc(self.blocks)
        self.goals: list[Goal] = []
        self.stack: list[Goal] = []
        self.tables = TableAssembler(doc_id, year)
        self.pending: tuple[Label, Paragraph] | None = None
        # Paragraphs left in which the innermost goal's status line may still come: right under
        # the heading in most templates, after a "Bedömning" sub-heading in some.
        self.status_window = 0
        self.field: str | None = None
        self.since_table: list[Paragraph] = []

    def run(self) -> None:
        for k, block in enumerate(self.blocks):
            if k in self.skip:
                continue
            if isinstance(block, Table):
                self.status_window = 0
                table_goals = read_goal_table(block)
                if table_goals is not None:
                    found, end = table_goals
                    self.goal_table(Table(block.rows[:end], block.place, block.caption), found)
                    self.since_table = []
                    if end == len(block.rows):
                        continue
                    # The activity table printed right under the goals, read as one grid.
                    block = Table(block.rows[end:], block.rows[end].place)
                after = next((b for b in self.blocks[k + 1:k + 2] if isinstance(b, Paragraph)), None)
                self.tables.add(block, self.stack[-1].goal_id if self.stack else None, self.since_table[-SETTINGS.paragraphs_before_table:], after)
                self.since_table = []
            elif not self.tables.rest_of_row(block):
                self.tables.interrupt()
                self.since_table.append(block)
                self.paragraph(k, block)

    def paragraph(self, k: int, block: Paragraph) -> None:
        text = block.text
        reading = read_paragraph(text)
        heading = reading.heading
        label = heading if isinstance(heading, Label) else None
        if self.pending is not None:
            pending_label, pending_block = self.pending
            self.pending = None
            if heading is None and match_status(text) is None:
                self.open_goal(pending_label.level, pending_label.number, text, pending_block)
                return
        if label is not None:
            if label.rest:
                self.open_goal(label.level, label.number, label.rest, block)
            else:
                self.pending = (label, block)
            return
        level = self.unlabelled_level(k, reading.numbered) if reading.numbered is not None else None
        if level:
            self.open_goal(level, None, text, block)
            return
        if self.status_window:
            self.status_window -= 1
            status = match_status(text)
            if status is None and vocabulary.ASSESSMENT_ONLY.match(strip_markers(text)):
                status = symbol_assessment(block.symbol)  # "Bedömning:" and the symbol drawn after it
            if status is not None:
                self.stack[-1].assessment, self.stack[-1].assessment_raw = status
                self.status_window = 0
                return
        if isinstance(heading, Section):
            self.field = heading.field
            return
        if self.field and self.stack:
            self.stack[-1].fields.setdefault(self.field, []).append(text)

    def unlabelled_level(self, k: int, numbered: Numbered) -> str | None:
        """A numbered heading without a level label ("3. Stadens verksamheter ...", "3.1 Budgeten
        är i balans") is a KF goal when the table of contents lists it, or when the numbering fits
        the goals around it."""
        level = numbered.level
        if numbered.key in self.toc:
            return level
        if numbered.key in self.toc_sections:
            return None  # the contents list it outside the goals: a section
        current = next((g for g in reversed(self.stack) if g.level == "inriktningsmål"), None)
        if level == "verksamhetsområdesmål":
            return level if current is not None and current.number == numbered.first else None
        # Only the goals' own numbering confirms one: a sibling of the goal before ("3." after
        # a labelled "2."), never a heading's style alone.
        previous = next((g.number for g in reversed(self.goals) if g.level == "inriktningsmål"), None)
        if previous is None or not _follows(previous, numbered.first):
            return None
        prefix = f"{numbered.first}."
        for later in self.blocks[k + 1:k + 1 + SETTINGS.goal_lookahead]:
            if isinstance(later, Paragraph):
                label = match_label(later.text)
                candidate = label.rest if label and label.rest else later.text
                if (label is None or label.level == "verksamhetsområdesmål") and \
                        (split_number(candidate)[0] or "").startswith(prefix):
                    return level
        return None

    def goal_table(self, table: Table, found: list[TableGoal]) -> None:
        """Goals stated as rows: each opens a goal, so the tables after it fall under the last."""
        self.tables.goal_table(table)
        for item in found:
            level = item.level or self.level_below()
            self.open_goal(level, None, item.title, Paragraph(item.title, item.row.place, box=row_box(item.row)))
            goal = self.stack[-1]
            if item.assessment is not None:
                goal.assessment, goal.assessment_raw = item.assessment
            if item.comments:
                goal.fields["analysis"] = list(item.comments)
        self.status_window, self.field = 0, None

    def level_below(self) -> str:
        """The level one below the innermost open goal: a goal table that names no level."""
        rank = min(self.stack[-1].rank + 1, max(vocabulary.GOAL_RANK.values())) if self.stack else vocabulary.GOAL_RANK["nämndmål"]
        if self.stack and self.stack[-1].rank == rank:
            return self.stack[-1].level
        return next(level for level, r in vocabulary.GOAL_RANK.items() if r == rank)

    def open_goal(self, level: str, label_number: str | None, text: str, block: Paragraph) -> None:
        number, title, run_in = _goal_title(text)
        rank = vocabulary.GOAL_RANK[level]
        while self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()
        goal = Goal(f"{self.doc_id}:g{len(self.goals) + 1:03d}", level, number or label_number, title,
                    self.stack[-1] if self.stack else None, block)
        shown = symbol_assessment(block.symbol)
        if shown is not None:  # a traffic light beside the heading; a status line below still wins
            goal.assessment, goal.assessment_raw = shown
        if run_in is not None:
            goal.assessment, goal.assessment_raw = run_in
        self.goals.append(goal)
        self.stack.append(goal)
        self.status_window, self.field = SETTINGS.status_window, None
        self.tables.interrupt()

    def goal_records(self, year: int | None) -> list[GoalRecord]:
        return [GoalRecord(
            goal_id=g.goal_id, doc_id=self.doc_id, year=year, parent_goal_id=g.parent.goal_id if g.parent else None,
            level=g.level, number=g.number, title=g.title, assessment=g.assessment, assessment_raw=g.assessment_raw,
            description=g.text("description"), expected_result=g.text("expected_result"), analysis=g.text("analysis"),
            page=g.block.place.page, line=g.block.place.line, **box_columns(g.block.box),
        ) for g in self.goals]


# Goal headings repeat report after report ("Budgeten är i balans"): a heading's number, title and
# run-in status are read once per text; at most 4,096 headings are kept.
@lru_cache(maxsize=4096)
def _goal_title(text: str) -> tuple[str | None, str, tuple[str | None, str] | None]:
    """A goal heading's number, its title, and the status a reader ran into the title's end."""
    number, title = split_number(strip_markers(text))
    return (number, *_status_run_in(title))


def _status_run_in(title: str) -> tuple[str, tuple[str | None, str] | None]:
    """A goal's title and the status line a reader ran into its end ("Barn i Stockholm har bra
    uppväxtvillkor Uppfylls helt": the heading and the status printed right under it in the
    same bold, no space between): the last words, from a capital, that are a whole status line."""
    words = title.split(" ")
    for k in range(max(2, len(words) - 4), len(words)):
        tail = " ".join(words[k:])
        if tail[:1].isupper() and (status := match_status(tail)) is not None and status[1] == tail:
            return " ".join(words[:k]), status
    return title, None


def _headings_out_of_tables(blocks: list[Block], year: int | None) -> list[Block]:
    """The blocks with each goal heading a reader took into an indicator or activity header
    (heading_in_header) as the paragraph it is, between the table's rows above the header and
    the header with the rows under it."""
    out: list[Block] = []
    for block in blocks:
        while isinstance(block, Table) and (found := heading_in_header(block, year)) is not None:
            k, lead, header = found
            if k:
                out.append(Table(block.rows[:k], block.place, block.caption))
            out.append(Paragraph(lead, header.place, bold=True))
            block = Table([header, *block.rows[k + 1:]], header.place, None if k else block.caption)
        out.append(block)
    return out


def _follows(previous: str, number: str) -> bool:
    """Whether `number` is the goal number after `previous` ("3" after "2"; Roman numerals
    are taken on trust)."""
    if previous.isdigit() and number.isdigit():
        return int(number) == int(previous) + 1
    return not (previous.isdigit() or number.isdigit())


@dataclass
class Recognised:
    """What recognition finds in one document: its metadata and the records of its tables."""

    metadata: Metadata
    goals: list[GoalRecord]
    indicators: list[IndicatorRecord]
    activities: list[ActivityRecord]
    budget_rows: list[BudgetRecord]
    table_cells: CellColumns


def recognise(parsed: ParsedDocument, doc_id: str) -> Recognised:
    """The report structure of one parsed document."""
    metadata = read_metadata(parsed)
    recogniser = Recogniser(parsed, doc_id, metadata.year)
    recogniser.run()
    tables = recogniser.tables
    goals, indicators, activities = recogniser.goal_records(metadata.year), tables.indicator_records(), \
        tables.activity_records()
    budget, cells = tables.budget, tables.cells
    if parsed.shown:
        goals, indicators = as_shown(goals, parsed.shown), as_shown(indicators, parsed.shown)
        activities, budget = as_shown(activities, parsed.shown), as_shown(budget, parsed.shown)
        cells.show(parsed.shown)
    return Recognised(metadata, goals, indicators, activities, budget, cells)
