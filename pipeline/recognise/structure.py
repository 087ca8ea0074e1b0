"""The report structure, recognised on the block model, whatever format the blocks came from.

One pass over the blocks: goal labels open goals (the title on the same line or the next),
a status line right under a goal assesses it, sub-headings open the goal's text fields, and
tables go to the TableAssembler under the innermost open goal. The table of contents is skipped
and its entries are kept to confirm numbered headings that carry no label.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from normalizers.text import collapse, strip_markers
from parsers.blocks import Block, Paragraph, ParsedDocument, Table
from pipeline.recognise import vocabulary as aliases
from pipeline.recognise.labels import (
    Label,
    is_section,
    match_label,
    match_section,
    match_status,
    split_number,
)
from pipeline.recognise.metadata import read_metadata
from pipeline.recognise.assemble import TableAssembler

_LOOKAHEAD = 12  # paragraphs searched for the sub-goals that confirm an unlabelled heading
_STATUS_WINDOW = 3


def _toc_entry(text: str) -> str | None:
    """The title of a table-of-contents line ("1.2 Title ..... 7"), or None."""
    match = regex.match(r"^(?P<title>.*?\S)(?:\s*\.{2,}|\s*…+)?\s+(?P<page>\d{1,3}|Error!.*|Fel!.*)$", text)
    if match and aliases.TOC_PAGE.match(match.group("page")):
        return aliases.TOC_LEADERS.sub("", match.group("title"))
    return None


def _toc_rows(table: Table) -> list[str] | None:
    """The entries of a table that is a table of contents (every row ends in a page number)."""
    entries = []
    for row in table.rows:
        cells = [c for c in (collapse(c) for c in row.cells) if c]
        if len(cells) < 2 or not aliases.TOC_PAGE.match(cells[-1]):
            return None
        entries.append(aliases.TOC_LEADERS.sub("", " ".join(cells[:-1])))
    return entries


def _toc_key(text: str) -> str:
    return collapse(strip_markers(text)).casefold().rstrip(" .")


def find_toc(blocks: list[Block]) -> tuple[set[int], set[str]]:
    """Indices of table-of-contents blocks, and the TOC's entries as keys."""
    skip: set[int] = set()
    entries: set[str] = set()
    in_toc = False
    for k, block in enumerate(blocks):
        if isinstance(block, Table):
            rows = _toc_rows(block)
            if rows:
                skip.add(k)
                entries.update(_toc_key(e) for e in rows)
                continue
        elif aliases.TOC_HEADING.match(block.text):
            in_toc = True
            skip.add(k)
            continue
        elif in_toc and _toc_entry(block.text):
            skip.add(k)
            entries.add(_toc_key(_toc_entry(block.text)))
            continue
        in_toc = False
    return skip, entries


@dataclass
class Goal:
    goal_id: str
    level: str
    number: str | None
    title: str
    parent: "Goal | None"
    block: Paragraph
    assessment: str | None = None
    assessment_raw: str | None = None
    fields: dict[str, list[str]] = field(default_factory=dict)

    @property
    def rank(self) -> int:
        return aliases.GOAL_RANK[self.level]


class Recogniser:
    def __init__(self, parsed: ParsedDocument, doc_id: str, year: int | None = None):
        self.blocks = parsed.blocks
        self.doc_id = doc_id
        self.skip, self.toc = find_toc(self.blocks)
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
                after = next((b for b in self.blocks[k + 1:k + 2] if isinstance(b, Paragraph)), None)
                self.tables.add(block, self.stack[-1].goal_id if self.stack else None, self.since_table[-4:], after)
                self.since_table = []
            else:
                self.tables.interrupt()
                self.since_table.append(block)
                self.paragraph(k, block)

    def paragraph(self, k: int, block: Paragraph) -> None:
        text = block.text
        label = match_label(text)
        if self.pending is not None:
            pending_label, pending_block = self.pending
            self.pending = None
            if label is None and not is_section(match_section(text)) and match_status(text) is None:
                self.open_goal(pending_label.level, pending_label.number, text, pending_block)
                return
        if label is not None:
            if label.rest:
                self.open_goal(label.level, label.number, label.rest, block)
            else:
                self.pending = (label, block)
            return
        level = self.unlabelled_level(k, block)
        if level:
            self.open_goal(level, None, text, block)
            return
        if self.status_window:
            self.status_window -= 1
            status = match_status(text)
            if status is not None:
                self.stack[-1].assessment, self.stack[-1].assessment_raw = status
                self.status_window = 0
                return
        section = match_section(text)
        if is_section(section):
            self.field = section
            return
        if self.field and self.stack:
            self.stack[-1].fields.setdefault(self.field, []).append(text)

    def unlabelled_level(self, k: int, block: Paragraph) -> str | None:
        """A numbered heading without a level label ("3. Stadens verksamheter ...", "3.1 Budgeten
        är i balans") is a KF goal when the table of contents lists it, or when the numbering fits
        the goals around it."""
        number, title = split_number(block.text)
        if number is None or len(block.text) > 200 or block.text.endswith(":") or len(title) < 3:
            return None
        parts = number.split(".")
        if len(parts) > 2:
            return None
        level = "inriktningsmål" if len(parts) == 1 else "verksamhetsområdesmål"
        if _toc_key(block.text) in self.toc:
            return level
        if not self.goals and block.heading is None:
            return None
        current = next((g for g in reversed(self.stack) if g.level == "inriktningsmål"), None)
        if level == "verksamhetsområdesmål":
            return level if current is not None and current.number == parts[0] else None
        if current is not None and current.number == parts[0]:
            return None
        prefix = f"{parts[0]}."
        for later in self.blocks[k + 1:k + 1 + _LOOKAHEAD]:
            if isinstance(later, Paragraph):
                label = match_label(later.text)
                candidate = label.rest if label and label.rest else later.text
                if (label is None or label.level == "verksamhetsområdesmål") and \
                        (split_number(candidate)[0] or "").startswith(prefix):
                    return level
        return None

    def open_goal(self, level: str, label_number: str | None, text: str, block: Paragraph) -> None:
        number, title = split_number(strip_markers(text))
        rank = aliases.GOAL_RANK[level]
        while self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()
        goal = Goal(f"{self.doc_id}:g{len(self.goals) + 1:03d}", level, number or label_number, title,
                    self.stack[-1] if self.stack else None, block)
        self.goals.append(goal)
        self.stack.append(goal)
        self.status_window, self.field = _STATUS_WINDOW, None
        self.tables.interrupt()

    def goal_rows(self) -> list[dict]:
        return [{
            "goal_id": g.goal_id, "doc_id": self.doc_id, "parent_goal_id": g.parent.goal_id if g.parent else None,
            "level": g.level, "number": g.number, "title": g.title, "assessment": g.assessment,
            "assessment_raw": g.assessment_raw,
            **{name: "\n".join(g.fields[name]) if g.fields.get(name) else None
               for name in ("description", "expected_result", "analysis")},
            "page": g.block.place.page, "line": g.block.place.line,
        } for g in self.goals]


def recognise(parsed: ParsedDocument, doc_id: str) -> dict[str, list[dict]]:
    """Rows of every table but `problems` for one parsed document."""
    document = {"doc_id": doc_id, **read_metadata(parsed.blocks)}
    recogniser = Recogniser(parsed, doc_id, document["year"])
    recogniser.run()
    tables = {
        "documents": [document],
        "goals": recogniser.goal_rows(),
        "indicators": recogniser.tables.indicator_rows(),
        "activities": recogniser.tables.activity_rows(),
        "budget_rows": recogniser.tables.budget,
        "table_cells": recogniser.tables.cells,
    }
    for name, rows in tables.items():
        for row in rows:
            row["year"] = document["year"]
    return tables
