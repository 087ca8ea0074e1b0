"""A one-row table under its header rule drawn cell by cell, one header word too long for its
narrow cell ("kvinnor/flickor"): a browser does not break the word but lets it run on past its
cell's border into the next cell. The word is still its own cell's, so the rule's pieces still
give the columns, and the figures under them keep their headers."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

EDGES = [68.0, 250.0, 300.0, 347.0, 400.0, 527.0]
HEADER = ["Indikator", "Utfall", "kvinnor/flickor", "Årsmål", "Period"]
ROW = ["Andel med kontakt med hjälpsystem", "69 %", "71 %", "75 %", "Tertial 2 2018"]


def _page() -> Page:
    page = Page()
    page.text(68, 45, "Förvaltningens insatser för vuxna stockholmare är efterfrågade och evidensbaserade.", size=10)
    page.text(68, 60, "Målet bedöms kunna nås.", size=10, bold=True)
    # Each cell's text drawn on its own (here the last first), so the word running into the
    # next cell stays a word of its own, though it reaches past where that cell's text starts.
    for x0, text in reversed(list(zip(EDGES, HEADER))):
        page.text(x0 + 4, 90, text, size=8, bold=True)
    pieces = list(zip(EDGES, EDGES[1:]))
    for x0, x1 in pieces:
        page.rect(x0, 100.5, x1, 102.0, (0.17, 0.31, 0.46))
    page.text(EDGES[0] + 4, 106, ROW[0], size=8)
    for x1, text in zip(EDGES[2:5], ROW[1:4]):
        page.right(x1 - 4, 106, text, size=8)
    page.text(EDGES[4] + 4, 106, ROW[4], size=8)
    page.text(68, 130, "KF:s mål för verksamhetsområdet:", size=11, bold=True)
    page.text(68, 148, "Arbetet med sociala insatsgrupper för dem som vill lämna en kriminell livsstil fortsätter.", size=10)
    return page


def test_a_header_word_overflowing_its_cell_leaves_the_columns_to_the_rule(tmp_path: Path) -> None:
    assert EDGES[2] + 4 + text_width("kvinnor/flickor", 8) > EDGES[3] + 4  # the case: past the next text's start
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "header_word_overflows.pdf", [_page()])).blocks
               if isinstance(b, Table)]
    assert [row.cells for row in table.rows] == [HEADER, ROW]
