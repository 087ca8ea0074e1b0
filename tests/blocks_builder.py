"""Small reports built as blocks, for the recognition tests, and their records read back.

Recognition reads only the block model of parsers/blocks.py, so its tests build the blocks a
reader hands over (texts already free of markup, ends trimmed) and leave the readers to their own
tests. Recognition never reads a block's place, it only copies it onto the records: a block gets
a line or page only where a test checks one.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from parsers.blocks import Block, Paragraph, ParsedDocument, Place, Row, Table
from pipeline.recognise.structure import Recognised, recognise
from pipeline.schema import GoalRecord

IND_HEADER_2013 = ["Indikator", "Periodens utfall", "Periodens utfall VB 2012", "Årsmål", "KF:s årsmål", "Period"]
# The 2018 template's header as the PDF converter split its words.
IND_HEADER_2018 = ["Indikator", "Periodens utfall", "Utfall män/ pojkar", "Utfall kvinn or/ flickor",
                   "Periodens utfall VB 2017", "Prognos helår", "Årsmål", "KF:s årsmål", "Period"]
ACT_HEADER = ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"]


def para(text: str, *, line: int | None = None, page: int | None = None, heading: int | None = None,
         bold: bool = False) -> Paragraph:
    return Paragraph(text, Place(page=page, line=line), heading=heading, bold=bold)


def paras(*texts: str) -> list[Paragraph]:
    """Body paragraphs, one per text."""
    return [para(text) for text in texts]


def row(cells: Sequence[str], *, line: int | None = None, page: int | None = None, spanning: bool = False,
        header: bool = False) -> Row:
    return Row(list(cells), Place(page=page, line=line), spanning=spanning, header=header)


def table(first: Sequence[str], rest: Sequence[Sequence[str] | Row] = (), *, line: int | None = None,
          page: int | None = None, header: bool = False) -> Table:
    """A table of the row `first` (its header, in the tables that have one) and the rows `rest`:
    lists of cells, or Rows built with `row` where one needs more. From `line` on, the rows take
    one line each, as a text file prints them; on `page`, they all stand on that page.
    `header` marks the first row as a header, as the Word and HTML readers do."""
    rows = [row(first, header=header)] + [r if isinstance(r, Row) else row(r) for r in rest]
    for k, r in enumerate(rows):
        if r.place == Place():
            r.place = Place(page=page, line=None if line is None else line + k)
    return Table(rows, rows[0].place)


def lone(text: str, width: int) -> list[str]:
    """A row with only its first cell filled, as comment rows and wrapped names are printed."""
    return [text] + [""] * (width - 1)


def recognise_blocks(*blocks: Block) -> Recognised:
    # Recognition never looks at the source format: the same blocks give the same records.
    return recognise(ParsedDocument(list(blocks), "docx"), "doc")


def outline(found: Recognised) -> list[tuple[str, str | None, str, str | None]]:
    """(level, number, title, parent's title) per goal, in order."""
    by_id: dict[str, GoalRecord] = {g.goal_id: g for g in found.goals}
    return [(g.level, g.number, g.title, by_id[g.parent_goal_id].title if g.parent_goal_id else None)
            for g in found.goals]


def one(records: Sequence[Any], **match: Any) -> Any:
    """The one record whose attributes have the values given."""
    found = [r for r in records if all(getattr(r, k) == v for k, v in match.items())]
    assert len(found) == 1, (match, records)
    return found[0]
