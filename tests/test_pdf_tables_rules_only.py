"""A table drawn with horizontal rules only: one above the header, one under it and one at the
foot, as statistical and browser-printed tables are. The rules bound the table; the rows
between them are told apart by the text, and text between two such tables stays outside."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import BODY, HEADER, LEADING, Page, figures_table, write_pdf


def _ruled(page: Page, top: float) -> float:
    page.line(68, top - 3, 414, top - 3)
    bottom = figures_table(page, top)
    page.line(68, top + LEADING + 1, 414, top + LEADING + 1)
    page.line(68, bottom, 414, bottom)
    return bottom


def test_rows_between_the_header_rule_and_the_foot_rule_are_rows(tmp_path: Path) -> None:
    page = Page()
    _ruled(page, 100)
    doc = read_pdf(write_pdf(tmp_path / "case.pdf", [page]))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert [row.cells for row in table.rows] == [HEADER, *BODY]


def test_notes_and_next_caption_between_two_ruled_tables_stay_outside(tmp_path: Path) -> None:
    page = Page()
    bottom = _ruled(page, 100)
    page.text(72, bottom + 6, "Note: figures in thousands.", size=8)
    page.text(72, bottom + 22, "Table 2. The same table again", bold=True)
    _ruled(page, bottom + 44)
    doc = read_pdf(write_pdf(tmp_path / "case.pdf", [page]))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [[row.cells for row in t.rows] for t in tables] == [[HEADER, *BODY]] * 2
    assert tables[1].caption == "Table 2. The same table again"
    assert any(isinstance(b, Paragraph) and b.text.startswith("Note:") for b in doc.blocks)
