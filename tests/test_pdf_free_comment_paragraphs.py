"""A line-free padded table whose rows carry comments of several paragraphs under a bold
label ("Analys"), as LibreOffice prints an indicator table without borders: the label and all
its paragraphs are one comment between two rows, so the rows after it stay in the table."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, figures_row, write_pdf

NAME_X = 72.0
ENDS = [330.0, 410.0, 490.0]  # where the right-aligned figure columns end
LEAD = 11.0  # 9 pt text on 11 pt lines
PAD = 12.0  # the padding between two rows' text, above the line gap
HEADER = ["Indikator", "Utfall", "Mål", "Period"]
ROWS = [["Andel nöjda brukare", "92 %", "90 %", "2013"], ["Antal platser i boende", "140", "150", "2013"]]
PARAGRAPHS = [["Nöjdheten har ökat i alla verksamheter sedan förra året, mest inom hemtjänsten, där",
               "kontinuiteten har förbättrats."],
              ["Enkäten besvarades av fler brukare än förra året, och svaren spreds jämnare över",
               "verksamheterna."],
              ["Förvaltningen följer upp resultaten med varje enhet under hösten."],
              ["Arbetet med bemötande fortsätter under nästa år."]]


def _line(page: Page, top: float, cells: list[str], bold: bool = False) -> None:
    figures_row(page, top, cells, NAME_X, ENDS, bold)


def test_a_comment_of_several_paragraphs_under_its_label_keeps_the_next_row(tmp_path: Path) -> None:
    page = Page()
    _line(page, 100, HEADER, bold=True)
    y = 100 + LEAD + PAD
    _line(page, y, ROWS[0])
    y += LEAD + PAD
    page.text(NAME_X, y, "Analys", bold=True)
    y += LEAD + PAD
    for paragraph in PARAGRAPHS:
        for n, text in enumerate(paragraph):
            page.text(NAME_X, y + n * LEAD, text)
        y += len(paragraph) * LEAD + PAD
    _line(page, y, ROWS[1])
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "comment_paragraphs.pdf", [page])).blocks
               if isinstance(b, Table)]
    cells = [row.cells for row in table.rows]
    assert cells[:2] == [HEADER, ROWS[0]] and cells[-1] == ROWS[1]
    assert ["Analys", "", "", ""] in cells
    assert [" ".join(PARAGRAPHS[2]), "", "", ""] in cells
