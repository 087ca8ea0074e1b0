"""Two tables of row rules one right under the other, as a browser prints an indicator table
and the activity table after it: the first one's foot rule stands between its last row and the
second one's top rule, a few points apart. The rows above that rule are the first table's,
however close they come to the second table (a row further from the first rule than rows are
may still go with the table below it when nothing parts them)."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEFT, RIGHT = 68.0, 527.0
SIZE, ABOVE, BELOW = 8.0, 3.8, 3.3


def _table(page: Page, y: float, rows: list[tuple[list[list[str]], bool]], starts: list[float]) -> float:
    """Rows of cells (each cell its lines) between rules; returns the foot rule's place."""
    page.line(LEFT, y, RIGHT, y)
    for cells, bold in rows:
        height = max(len(cell) for cell in cells) * (SIZE + 2.5) - 2.5
        for x, cell in zip(starts, cells):
            for k, text in enumerate(cell):
                page.text(x, y + ABOVE + k * (SIZE + 2.5), text, size=SIZE, bold=bold)
        y += ABOVE + height + BELOW
        page.line(LEFT, y, RIGHT, y)
    return y


def test_a_rule_between_a_tables_last_row_and_the_next_table_keeps_the_row_in_its_own_table(
        tmp_path: Path) -> None:
    page = Page()
    indicator = [([["Indikator"], ["Periodens", "utfall"], ["Årsmål"], ["Period"]], True),
                 ([["Andel anställda som går eller cyklar till", "arbetet"], ["20 %"], ["5 %"], ["2013"]], False)]
    activity = [([["Aktivitet"], ["Startdatum"], ["Slutdatum"]], True),
                ([["Enheterna ska gå igenom miljöplanen"], ["2013-01-01"], ["2013-12-31"]], False),
                ([["Följa upp rutinerna för avvikelser"], ["2013-02-01"], ["2013-12-31"]], False)]
    foot = _table(page, 494.6, indicator, [72.0, 242.0, 410.0, 470.0])
    _table(page, foot + 7.5, activity, [72.0, 388.0, 438.0])
    tables = [b for b in read_pdf(write_pdf(tmp_path / "rules_table_under_table.pdf", [page])).blocks
              if isinstance(b, Table)]
    assert [[row.cells for row in t.rows] for t in tables] == [
        [["Indikator", "Periodens utfall", "Årsmål", "Period"],
         ["Andel anställda som går eller cyklar till arbetet", "20 %", "5 %", "2013"]],
        [["Aktivitet", "Startdatum", "Slutdatum"],
         ["Enheterna ska gå igenom miljöplanen", "2013-01-01", "2013-12-31"],
         ["Följa upp rutinerna för avvikelser", "2013-02-01", "2013-12-31"]]]
