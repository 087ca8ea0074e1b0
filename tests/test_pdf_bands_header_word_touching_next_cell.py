"""A zebra table's bottom-aligned header wrapped over several lines, as a browser prints it:
on the header's last line "kvinnor/flickor", too long for its narrow cell, ends about 1 pt short
of "2017", the last line of the next cell, which starts where that column's text starts. Two
words closer than a word space that are not one word are two cells' texts that touch: "2017"
is the next cell's, and the figures keep their headers."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

LEFT, RIGHT, SIZE, PAD = 68.0, 527.0, 7.3, 2.5
SHADE = (0.91, 0.93, 0.96)
STARTS = [72.0, 200.0, 250.0, 0.0, 370.0]  # the fourth: right after "kvinnor/flickor"
BODY = [["Andel insatser avslutade enligt plan", "54,5 %", "59,7 %", "51,4 %", "50 %"],
        ["Andel ungdomar utan alkohol", "62 %", "60 %", "61 %", "60 %"],
        ["Andel ungdomar utan tobak", "87 %", "90 %", "88 %", "90 %"]]


def test_a_header_word_touching_the_next_cells_text_leaves_it_that_cell(tmp_path: Path) -> None:
    starts = list(STARTS)
    starts[3] = starts[2] + text_width("kvinnor/flickor", SIZE) + 3.0
    ends = [starts[2] - 8, starts[3] - 8, starts[4] - 8, RIGHT - 4]
    page = Page()
    page.text(68, 40, "Mikamottagningen arbetar med råd- och stödsamtal och uppsökande arbete.", size=10)
    lead = SIZE + 1.2
    # Each cell drawn whole, its lines top down, bottom-aligned on the header's last line.
    cells = [["Indikator"], ["Periodens", "utfall"], ["Utfall", "kvinnor/flickor"], ["Periodens", "utfall VB", "2017"],
             ["Prognos", "helår"]]
    last = 100.0
    for x, lines in zip(starts, cells):
        for k, text in enumerate(lines):
            page.text(x, last - (len(lines) - 1 - k) * lead, text, size=SIZE, bold=True)
    y = last + SIZE + PAD
    page.rect(LEFT, y, RIGHT, y + 1.5, (0.17, 0.31, 0.46))
    y += 1.5
    y = page.zebra_rows(BODY, y, ends, (LEFT, RIGHT), SIZE, PAD, SHADE, first_shaded=False)
    page.text(68, y + 14, "Förvaltningen följer upp resultaten varje tertial och redovisar dem för nämnden.", size=10)
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "header_word_touching.pdf", [page])).blocks
               if isinstance(b, Table)]
    # (How a cell's lines are joined, by a space or a line break, is not this case's.)
    assert [[cell.replace("\n", " ") for cell in row.cells] for row in table.rows] == [
        ["Indikator", "Periodens utfall", "Utfall kvinnor/flickor", "Periodens utfall VB 2017", "Prognos helår"], *BODY]
