"""A table cut by a page break whose part on the next page is printed without its rules
(wkhtmltopdf cutting pandoc's HTML table): the rest of the cut row's name, the comment's bold
label and the comment stand at the top of the next page as paragraphs would, but set where the
table's cells set their text (the cell padding in from the table's edge), not at the page's
margin where its paragraphs start. They are the table's rows; the paragraph after them, at the
margin, is not."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

MARGIN, RIGHT = 72.0, 500.0
INSET = MARGIN + 4.6  # the cells' text: the cell padding in from the table's edge
SIZE = 9.0
PITCH = 13.5
COLUMNS = [INSET, 300.0, 400.0]


def _prose(page: Page, top: float, lines: list[str]) -> float:
    for line in lines:
        page.text(MARGIN, top, line, size=SIZE)
        top += PITCH
    return top + 10


def test_rows_of_a_cut_table_printed_without_rules_on_the_next_page_go_on_the_table(tmp_path: Path) -> None:
    first = Page()
    y = _prose(first, 100, ["Enheten har under året arbetat vidare med uppföljningen av insatserna och",
                            "med samverkan med andra verksamheter inom förvaltningen."])
    y = _prose(first, y, ["Resultaten redovisas i tabellen nedan, med en analys under varje indikator."])
    first.line(MARGIN, y, RIGHT, y)
    for x, text in zip(COLUMNS, ["Indikator", "Utfall", "Årsmål"]):
        first.text(x, y + 5.6, text, size=SIZE, bold=True)
    y += 5.6 + SIZE + 4.2
    first.line(MARGIN, y, RIGHT, y)
    y += 3.8
    name = ["Andel personer som själva", "upplever att de får en"]
    first.text(COLUMNS[1], y, "84 %", size=SIZE)
    first.text(COLUMNS[2], y, "80 %", size=SIZE)
    for line in name:
        first.text(INSET, y, line, size=SIZE)
        y += PITCH
    second = Page()
    rest, label = "förbättrad situation", "Analys"
    comment = ["Årets enkät besvarades av betydligt fler brukare än föregående år, efter att",
               "enheten i högre utsträckning uppmärksammat enkäten och dess syfte."]
    y = 60.0
    second.text(INSET, y, rest, size=SIZE)
    second.text(INSET, y + 18, label, size=SIZE, bold=True)
    y += 36
    for line in comment:
        second.text(INSET, y, line, size=SIZE)
        y += PITCH
    after = "Målet nås genom att personer får stöd utifrån sina egna förutsättningar."
    _prose(second, y + 20, [after])
    blocks = read_pdf(write_pdf(tmp_path / "table_rest_after_page_break.pdf", [first, second])).blocks
    [table] = [b for b in blocks if isinstance(b, Table)]
    assert [" ".join(row.cells[0].split()) for row in table.rows] == [
        "Indikator", " ".join(name + [rest]), label, " ".join(comment)]
    assert table.rows[1].cells[1:] == ["84 %", "80 %"]
    assert [b.text for b in blocks if isinstance(b, Paragraph)][-1] == after
