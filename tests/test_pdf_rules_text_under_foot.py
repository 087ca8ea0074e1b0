"""What follows a table of row rules under its last rule is a row of it only when it is set as
the rows are: a paragraph on the page's margin (the table's left edge, without a cell's
padding) or a heading set larger than the cells is the page's text after the table, however
close to the foot rule (a browser prints the next heading a few points under it)."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEFT, RIGHT = 68.0, 446.0
SIZE = 9.0
STARTS = [72.0, 280.0, 360.0]  # cells' text 4 pt inside the table's edge
ROWS = [["Indikator", "Utfall", "Årsmål"], ["Andel nöjda brukare", "45 %", "50 %"],
        ["Andel aktiva deltagare", "60 %", "70 %"]]


def _ruled_table(page: Page) -> float:
    """ROWS between row rules, each 4 pt under its rule and 4 pt over the next; returns the
    foot rule's top."""
    y = 100.0
    page.line(LEFT, y, RIGHT, y)
    for k, cells in enumerate(ROWS):
        for x, text in zip(STARTS, cells):
            page.text(x, y + 4, text, bold=k == 0)
        y += 4 + SIZE + 4
        page.line(LEFT, y, RIGHT, y)
    return y


def _blocks(path: Path) -> tuple[list[Table], list[str]]:
    blocks = read_pdf(path).blocks
    return [b for b in blocks if isinstance(b, Table)], [b.text for b in blocks if isinstance(b, Paragraph)]


def test_a_paragraph_on_the_tables_edge_under_its_foot_rule_is_no_row(tmp_path: Path) -> None:
    page = Page()
    foot = _ruled_table(page)
    page.text(LEFT, foot + 4, "Nämndmål:", bold=True)
    page.text(LEFT, foot + 4 + SIZE + 4, "Individen klarar sin egen försörjning")
    [table], paragraphs = _blocks(write_pdf(tmp_path / "rules_paragraph_under_foot.pdf", [page]))
    assert [row.cells for row in table.rows] == ROWS
    assert paragraphs == ["Nämndmål:", "Individen klarar sin egen försörjning"]


def test_a_heading_larger_than_the_cells_under_a_tables_last_row_is_no_row(tmp_path: Path) -> None:
    page = Page()
    foot = _ruled_table(page)
    # The table's unshaded last row under its foot rule, then a heading set where cells start.
    last = ["Antal hushåll med bistånd", "120", "100"]
    for x, text in zip(STARTS, last):
        page.text(x, foot + 4, text)
    page.text(STARTS[0], foot + 4 + SIZE + 5, "Invånarna är självförsörjande", size=11.0, bold=True)
    [table], paragraphs = _blocks(write_pdf(tmp_path / "rules_heading_under_foot.pdf", [page]))
    assert [row.cells for row in table.rows] == [*ROWS, last]
    assert paragraphs == ["Invånarna är självförsörjande"]
