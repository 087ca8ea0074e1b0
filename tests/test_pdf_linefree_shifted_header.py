"""A line-free table that the document the PDF was printed from cut at its own page break, and
set again after the break with its columns further right, each as wide as its text needs: the
header is printed twice on one page, the second time with the same words where its own columns
start, and the rest of the cut row's name comes first under it (LibreOffice Writer/Web printing
an HTML page, no rules). The cells stand closer than a gutter; the header's text edges show
the columns. One small PDF of that layout."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

SIZE = 10.0
NAME_X = 64.0
HEADER = ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"]
START, END = "2013-01-01", "2013-12-31"


def _starts(first: float) -> list[float]:
    # Startdatum, Slutdatum, Avvikelse about 4 and 8 pt apart as printed, closer than a gutter
    # (`text_width` is a little off the font's widths: the offsets give those gaps).
    second = first + max(text_width(HEADER[1], SIZE), text_width(START, SIZE)) + 6.0
    third = second + max(text_width(HEADER[2], SIZE), text_width(END, SIZE)) + 6.0
    return [first, second, third]


def _header(page: Page, top: float, starts: list[float]) -> None:
    page.text(NAME_X, top, HEADER[0], SIZE, True)
    for x, text in zip(starts, HEADER[1:]):
        page.text(x, top, text, SIZE, True)


def _dated(page: Page, top: float, name: str, starts: list[float]) -> None:
    page.text(NAME_X, top, name, SIZE)
    page.text(starts[0], top, START, SIZE)
    page.text(starts[1], top, END, SIZE)


def test_a_header_repeated_further_right_heads_the_rest_of_the_cut_table(tmp_path: Path) -> None:
    cut = "Enheter ska gå igenom och diskutera resultatet av"
    # The dates about 9 pt after the name as printed, closer than a gutter.
    first = _starts(NAME_X + text_width(cut, SIZE) + 4.7)
    rest = ["medarbetarenkäten samt ta fram handlingsplaner för alla identifierade", "förbättringsområden."]
    comment = "Kommentar Resultaten i medarbetarenkäten har diskuterats inom enheten och har identifierats."
    name = ["Erbjudna praktikplatser för personer med funktionsnedsättning från",
            "Jobbtorg Resurs, Arbetsförmedlingen, olika arbetsmarknadsprojekt/åtgärder)",
            "samt utse ansvarig för praktikanter med funktionsnedsättning."]
    # Set again about 11 pt after its widest name's line as printed, past the columns above.
    shifted = _starts(NAME_X + text_width(name[1], SIZE) + 2.6)
    page = Page()
    page.text(NAME_X, 60, "Förväntat resultat", SIZE, True)
    _header(page, 100, first)
    _dated(page, 132, cut, first)
    _header(page, 164, shifted)
    page.text(NAME_X, 196, rest[0], SIZE)
    page.text(NAME_X, 211, rest[1], SIZE)
    page.text(NAME_X, 243, comment, SIZE)
    page.text(NAME_X, 275, name[0], SIZE)
    _dated(page, 290, name[1], shifted)
    page.text(NAME_X, 305, name[2], SIZE)
    blocks = read_pdf(write_pdf(tmp_path / "shifted_header.pdf", [page])).blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert [[row.cells for row in table.rows] for table in tables] == [
        [HEADER, [f"{cut} {' '.join(rest)}", START, END, ""]],
        [HEADER, [comment, "", "", ""], [" ".join(name), START, END, ""]]]
