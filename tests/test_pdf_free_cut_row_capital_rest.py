"""A line-free padded table whose row a page break of the document it was printed from cut, on
one PDF page: the header repeated under the row's start, and the rest of the row's name under
it. The rest is a lone word that starts with a capital ('... vid kontakt med' +
'Vräkningsförebyggarna'), and the repeated header may read a letter without its accent where
the first did not; the rest still goes on the cut row."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, figures_row, write_pdf

NAME_X = 72.0
ENDS = (330.0, 410.0, 490.0)
LEAD = 11.0  # 9 pt text on 11 pt lines
PAD = 12.0  # the padding between two rows' text, above the line gap
HEADER = ["Indikator", "Utfall", "Årsmål", "Period"]
ROWS = [["Andel nöjda brukare", "92 %", "90 %", "2013"], ["Andel som får stöd av", "34 %", "25 %", "2013"]]
REST = "Vräkningsförebyggarna"


def _line(page: Page, top: float, cells: list[str], bold: bool = False) -> None:
    figures_row(page, top, cells, NAME_X, ENDS, bold)


def _tables(tmp_path: Path, first_header: list[str]) -> list[list[list[str]]]:
    page = Page()
    y = 100.0
    for cells in [first_header, *ROWS]:
        _line(page, y, cells, bold=cells is first_header)
        y += LEAD + PAD
    _line(page, y + 2 * PAD, HEADER, bold=True)
    page.text(NAME_X, y + LEAD + 3 * PAD, REST)
    page.text(NAME_X, y + 2 * LEAD + 5 * PAD, "Kommentar Insatsen har gett fler hushåll kvar i sin bostad i år.")
    return [[row.cells for row in b.rows] for b in read_pdf(write_pdf(tmp_path / "capital_rest.pdf", [page])).blocks
            if isinstance(b, Table)]


def test_lone_capitalised_word_under_the_repeated_header_ends_the_cut_name(tmp_path: Path) -> None:
    assert _tables(tmp_path, HEADER) == [[HEADER, ROWS[0], [f"{ROWS[1][0]} {REST}", *ROWS[1][1:]]]]


def test_repeated_header_is_known_without_its_accents(tmp_path: Path) -> None:
    first = ["Indikator", "Utfall", "Arsmål", "Period"]
    assert _tables(tmp_path, first) == [[first, ROWS[0], [f"{ROWS[1][0]} {REST}", *ROWS[1][1:]]]]
