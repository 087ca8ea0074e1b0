"""A line-free activity table set as tight as its cells, rows padded apart (LibreOffice's print
of an HTML table): a row whose dates stand on the middle line of its name, a cell's padding
after the name's text and less than a gutter apart, is a row of the table; its dates show the
columns by where they start; a justified line under the table whose stretched space puts a
word where a column starts brings no figure there, and stays a paragraph. Each case is one
small PDF of that layout."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

SIZE = 10.0
NAME_X = 64.0
PITCH = 15.0
PAD = 22.0  # between one row's last line and the next row's first
# The name's middle line, in letters whose widths the maker knows exactly, ends 6.5 pt before
# the first date column; the date columns stand 6.7 pt apart.
MIDDLE = "nämnden ger ett bättre utfall under hela perioden med att"
START = NAME_X + text_width(MIDDLE, SIZE) + 6.5
DATE = "2018-01-01"
STARTS = (START, START + text_width(DATE, SIZE) + 6.7, START + 2 * (text_width(DATE, SIZE) + 6.7))
HEADER = ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"]


def _row(page: Page, top: float, names: list[str], dates_at: int | None) -> float:
    """A row's name lines from `top`; its dates on name line `dates_at`, or centred on a line
    of their own between the name's lines when None. Returns the next row's top."""
    for n, text in enumerate(names):
        page.text(NAME_X, top + n * PITCH, text, SIZE)
    line = top + (dates_at * PITCH if dates_at is not None else (len(names) - 1) * PITCH / 2)
    for x, text in zip(STARTS, (DATE, "2018-12-31")):
        page.text(x, line, text, SIZE)
    return top + (len(names) - 1) * PITCH + SIZE + PAD


def test_a_row_with_its_dates_on_a_name_line_is_a_row_of_the_table(tmp_path: Path) -> None:
    page = Page()
    page.text(NAME_X, 80, "Nämnden redovisar sina aktiviteter för året.", SIZE)
    page.text(NAME_X, 120, HEADER[0], SIZE, bold=True)
    for x, text in zip((START, STARTS[1], STARTS[2] + 4), HEADER[1:]):
        page.text(x, 120, text, SIZE, bold=True)
    top = _row(page, 152, ["Arbetsmarknadsnämnden ska i samarbete med", "stadsdelsnämnderna se över möjligheten att",
                           "utveckla arbetet för att förbättra", "möjligheterna till egen försörjning."], None)
    middle = MIDDLE
    top = _row(page, top, ["Arbetsmarknadsnämnden ska i samarbete med", middle,
                           "samtliga unga ska studera eller arbeta."], 1)
    page.text(NAME_X, top + 20, "Nämndmål:", SIZE, bold=True)
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "dates_on_name_line.pdf", [page])).blocks
               if isinstance(b, Table)]
    assert [row.cells[1:3] for row in table.rows] == [HEADER[1:3], [DATE, "2018-12-31"], [DATE, "2018-12-31"]]
    assert table.rows[-1].cells[0].startswith(f"Arbetsmarknadsnämnden ska i samarbete med {middle} samtliga")


def test_a_justified_line_under_the_table_with_a_word_on_a_column_start_stays_a_paragraph(tmp_path: Path) -> None:
    # Its stretched spaces put a word where the date column starts, 4 pt after the word
    # before: words there, no figure, so it shows no columns.
    page = Page()
    page.text(NAME_X, 120, HEADER[0], SIZE, bold=True)
    page.text(START, 120, HEADER[1], SIZE, bold=True)
    top = 152.0
    for name in ("Ta fram riktlinjer för kontaktverksamhet", "Stödja arbetet med kontaktfamiljer"):
        page.text(NAME_X, top, name, SIZE)
        page.text(START, top, DATE, SIZE)
        top += SIZE + PAD
    # (Letters whose widths the maker knows exactly, so the spaces are as set.)
    words = "nämnden har under året arbetat med att ta fram en bra ordning för att bättre följa upp arbetet".split()
    widths = [text_width(word, SIZE) for word in words]
    space, at = next(((START - NAME_X - sum(widths[:k])) / k, k) for k in range(1, len(words))
                     if 3.8 <= (START - NAME_X - sum(widths[:k])) / k <= 5.0)
    x = NAME_X
    for word, width in zip(words, widths):
        if x + width > 520:
            break
        page.text(x, top, word, SIZE)
        x += width + space
    page.text(NAME_X, top + PITCH, "kontaktfamiljer och kontaktpersoner.", SIZE)
    blocks = read_pdf(write_pdf(tmp_path / "justified_under_table.pdf", [page])).blocks
    [table] = [b for b in blocks if isinstance(b, Table)]
    assert len(table.rows) == 3
    assert any(isinstance(b, Paragraph) and b.text.startswith("nämnden har under året") for b in blocks)
