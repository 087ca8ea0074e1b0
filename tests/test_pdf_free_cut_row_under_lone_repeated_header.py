"""A line-free table of three columns that a page break cuts inside a row's name: the next page
repeats its header over the rest of the name, and a heading follows. A header of three cells
alone on a line looks like a lone line (a caption, a numbered heading), yet it repeats the
header of the table the page before ended with: it is that header, and the rest under it goes
on the cut row."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

SIZE = 10.0
XS = (64.0, 400.0, 470.0)
HEADER = ["KF:s aktiviteter", "Startdatum", "Slutdatum"]
ROWS = [["Stadsdelsnämnderna ska utveckla samverkan med skolan", "2009-01-01", "2009-12-31"],
        ["Jobbtorgen ska utarbeta lokala samverkansöverenskommelser med", "2009-01-01", "2009-12-31"]]
REST = "försäkringskassan m.fl."
HEADING = "NÄMNDMÅL: Öka sysselsättningen och medverka till egenförsörjningen"


def _line(page: Page, top: float, cells: list[str], bold: bool = False) -> None:
    for text, x in zip(cells, XS):
        page.text(x, top, text, size=SIZE, bold=bold)


def test_rest_of_a_cut_name_under_a_lone_repeated_header_goes_on_the_cut_row(tmp_path: Path) -> None:
    first, second = Page(), Page()
    for n, cells in enumerate([HEADER, *ROWS]):
        _line(first, 700 + 32 * n, cells, bold=n == 0)
    _line(second, 60, HEADER, bold=True)
    second.text(XS[0], 92, REST, size=SIZE)
    second.text(XS[0], 130, HEADING, size=SIZE, bold=True)
    blocks = read_pdf(write_pdf(tmp_path / "cut_row_under_lone_header.pdf", [first, second])).blocks
    assert [[row.cells for row in b.rows] for b in blocks if isinstance(b, Table)] == [
        [HEADER, ROWS[0], [f"{ROWS[1][0]} {REST}", *ROWS[1][1:]]]]
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [HEADING]
