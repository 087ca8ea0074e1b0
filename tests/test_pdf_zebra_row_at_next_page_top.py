"""A zebra table that ends a page with a shaded row and goes on at the top of the next page with
an unshaded row, without its header (wkhtmltopdf): no shading or rule shows that row a table's,
and the band under it is another table's. Its cells start where the table's columns start their
text, so it is the table's next row, not a paragraph; the table under it stays a table of its own."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

SIZE = 8.0
SHADE = (0.91, 0.93, 0.96)
LEFT, RIGHT = 66.0, 540.0
ENDS = [460.0, 530.0]
DATES = ["2009-01-01", "2009-12-31"]


def _header(page: Page, top: float, labels: list[str]) -> float:
    page.text(72.0, top, labels[0], size=SIZE, bold=True)
    for x1, text in zip(ENDS, labels[1:]):
        page.right(x1, top, text, size=SIZE, bold=True)
    page.rect(LEFT, top + SIZE + 3, RIGHT, top + SIZE + 4, (0.17, 0.31, 0.46))
    return top + SIZE + 8


def test_an_unshaded_row_at_the_next_page_top_goes_on_the_zebra_table(tmp_path: Path) -> None:
    first = Page()
    first.text(72.0, 60, "Aktiviteter som nämnden ska genomföra under året.", size=10)
    y = _header(first, 90, ["KF:s aktiviteter", "Startdatum", "Slutdatum"])
    names = ["Jobbtorgen ska delta i Länsstyrelsens projekt", "Socialnämnden ska se över formerna för arbetet",
             "Gemensamt med försäkringskassan ta fram metoder", "Stadsdelarna ska redovisa resultaten"]
    first.zebra_rows([[name, *DATES] for name in names], y, ENDS, (LEFT, RIGHT), SIZE, 4.0, SHADE, True)
    second = Page()
    name = ["Riktlinjer för samhällsinformation till flyktingar ska", "tas fram och vara gemensamma för staden"]
    second.text(72.0, 40, name[0], size=SIZE)
    for x1, text in zip(ENDS, DATES):
        second.right(x1, 40, text, size=SIZE)
    second.text(72.0, 40 + SIZE + 2, name[1], size=SIZE)
    y = _header(second, 75, ["Nämndens aktiviteter", "Startdatum", "Slutdatum"])
    second.text(72.0, y + 2, "Ta fram lokala samverkansöverenskommelser", size=SIZE)
    for x1, text in zip(ENDS, DATES):
        second.right(x1, y + 2, text, size=SIZE)
    blocks = read_pdf(write_pdf(tmp_path / "zebra_row_at_next_page_top.pdf", [first, second])).blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    rows = [[" ".join(c.split()) for c in row.cells] for row in tables[0].rows]
    assert rows[-2:] == [[names[-1], *DATES], [" ".join(name), *DATES]]
    assert [row.cells[0] for row in tables[1].rows] == ["Nämndens aktiviteter", "Ta fram lokala samverkansöverenskommelser"]
