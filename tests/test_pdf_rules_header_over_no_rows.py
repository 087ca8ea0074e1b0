"""A table of row rules whose header stands over no rows (its body empty, no foot rule drawn)
ends where the next table's top rule is: its header keeps the table's margin from that rule,
further than any row keeps from the rule under it, and the next table's own header stands
under the rule. The two headers are no two header levels of one table (pandoc's HTML of a
report whose header row was repeated as a table of its own, printed by a browser)."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEFT, RIGHT = 68.0, 446.0
SIZE = 9.0
STARTS = [72.0, 280.0, 360.0]
HEADER = ["Indikator", "Utfall", "Årsmål"]
BODY = [["Andel nöjda brukare", "45 %", "50 %"], ["Andel aktiva deltagare", "60 %", "70 %"]]


def _header(page: Page, top: float) -> float:
    """A top rule, HEADER 5 pt under it; returns the header's bottom."""
    page.line(LEFT, top, RIGHT, top)
    for x, text in zip(STARTS, HEADER):
        page.text(x, top + 5, text, bold=True)
    return top + 5 + SIZE


def test_a_header_over_no_rows_above_the_next_tables_top_rule_is_a_table_of_its_own(tmp_path: Path) -> None:
    page = Page()
    # The first table's header, then its margin: 14 pt to the next table's top rule.
    second = _header(page, 100.0) + 14
    y = _header(page, second) + 4
    page.line(LEFT, y, RIGHT, y)  # the header rule, 4 pt under it
    y += 5
    for cells in BODY:
        for x, text in zip(STARTS, cells):
            page.text(x, y, text)
        y += SIZE + 7
    page.line(LEFT, y - 7 + 4, RIGHT, y - 7 + 4)  # the foot rule, 4 pt under the last row
    first, *rest = read_pdf(write_pdf(tmp_path / "rules_header_over_no_rows.pdf", [page])).blocks
    # The lone header, without rows to show its columns, is read as a line of text.
    assert isinstance(first, Paragraph) and first.text == " ".join(HEADER)
    assert [[row.cells for row in b.rows] for b in rest if isinstance(b, Table)] == [[HEADER, *BODY]]
