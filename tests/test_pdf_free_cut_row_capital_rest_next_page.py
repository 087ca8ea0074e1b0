"""A line-free padded table that a page break cuts inside a row's name: the first page ends with
the row's first word and its figures, the next page repeats the header over the rest of the
name, a lone word that starts with a capital ('Aktivt' + 'Medskapandeindex'), and then more
rows. A row of its own would name more, or show figures beside its name: the lone word goes
on the cut row, as it does when the break falls inside one PDF page."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, figures_row, write_pdf

NAME_X = 72.0
ENDS = (330.0, 410.0, 490.0)
LEAD = 11.0
PAD = 12.0
HEADER = ["Indikator", "Utfall", "Årsmål", "Period"]
FIRST = ["Andel nöjda brukare", "92 %", "90 %", "2013"]
CUT = ["Aktivt", "73", "80", "2023"]
REST = "Medskapandeindex"
AFTER = [["Sjukfrånvaro", "8 %", "9,5 %", "2023"], ["Sjukfrånvaro dag 1-14", "2,1 %", "3,5 %", "2023"]]


def test_lone_capitalised_word_atop_the_next_page_ends_the_cut_name(tmp_path: Path) -> None:
    first, second = Page(), Page()
    y = 700.0
    for cells in [HEADER, FIRST, CUT]:
        figures_row(first, y, cells, NAME_X, ENDS, cells is HEADER)
        y += LEAD + PAD
    figures_row(second, 60.0, HEADER, NAME_X, ENDS, True)
    second.text(NAME_X, 60.0 + LEAD + PAD, REST)
    for n, cells in enumerate(AFTER, start=2):
        figures_row(second, 60.0 + n * (LEAD + PAD), cells, NAME_X, ENDS)
    blocks = read_pdf(write_pdf(tmp_path / "capital_rest_next_page.pdf", [first, second])).blocks
    assert [[row.cells for row in b.rows] for b in blocks if isinstance(b, Table)] == [
        [HEADER, FIRST, [f"{CUT[0]} {REST}", *CUT[1:]], *AFTER]]
