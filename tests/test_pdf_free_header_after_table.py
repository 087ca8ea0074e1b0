"""A bold header right under a line-free table, at the table's row padding, starts the next
table with columns of its own (an activity table under an indicator table, as LibreOffice
prints them without borders): it does not take the columns of the table above, whose gutters
its own gaps happen to overlap."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEAD = 11.0  # 9 pt text on 11 pt lines
PAD = 12.0  # the padding between two rows' text, above the line gap
ENDS = (350.0, 420.0, 480.0, 530.0)  # the indicator table's right-aligned figure columns
STARTS = (380.0, 440.0, 495.0)  # the activity table's left-aligned columns


def test_bold_header_under_a_table_names_its_own_columns(tmp_path: Path) -> None:
    page = Page()
    y = 100.0
    for cells, bold in ((["Indikator", "Utfall", "Mål", "KF:s mål", "Period"], True),
                        (["Andel anställda som cyklar", "20 %", "5 %", "", "2013"], False)):
        page.text(72, y, cells[0], bold=bold)
        for text, x1 in zip(cells[1:], ENDS):
            if text:
                page.right(x1, y, text, bold=bold)
        y += LEAD + PAD
    header = ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"]
    row = ["Enheterna ska gå igenom miljöplanen", "2013-01-01", "2013-12-31", ""]
    for cells, bold in ((header, True), (row, False)):
        for text, x in zip(cells, (72.0, *STARTS)):
            if text:
                page.text(x, y, text, bold=bold)
        y += LEAD + PAD
    tables = [b for b in read_pdf(write_pdf(tmp_path / "header_after_table.pdf", [page])).blocks
              if isinstance(b, Table)]
    assert [[row.cells for row in table.rows] for table in tables][-1] == [header, row]
