"""Zebra tables whose one-line header keeps further from the rows than the rows keep from each
other, as browsers and LibreOffice print them: the header's rule, its bold metrics or its
paragraph style add to the cell padding. The header is still the table's first row; and a
figure with its unit ("100 %") whose word space a column's other text happens to leave open
makes no column of its own."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

LEFT, RIGHT = 68.0, 446.0
SIZE = 9.0
SHADES = ((0.88, 0.9, 0.94), (0.95, 0.95, 0.97))


def _cell(page: Page, x: float, top: float, text: str, align: str, bold: bool = False) -> None:
    if align == "right":
        page.right(x, top, text, bold=bold)
    else:
        page.text(x, top, text, bold=bold)


def _table(page: Page, top: float, header: list[str], rows: list[list[str]], starts: list[float],
           body_x: list[tuple[float, str]], apart: float, pad: tuple[float, float], shade_all: bool) -> None:
    """The bold header at `starts`, `apart` points further from the first row than rows are
    from each other, then rows padded `pad` (above, below) and shaded every other one (no
    rule under the header), or all in two alternating shades (each row a band of its own,
    the header on a rule)."""
    above, below = pad
    for x, text in zip(starts, header):
        page.text(x, top, text, bold=True)
    y = top + SIZE + below + apart
    if shade_all:
        page.line(LEFT, y, RIGHT, y, width=1.0)
    for k, cells in enumerate(rows):
        bottom = y + above + SIZE + below
        if shade_all or k % 2 == 1:
            page.rect(LEFT, y, RIGHT, bottom, SHADES[k % 2])
        for (x, align), text in zip(body_x, cells):
            if text:
                _cell(page, x, y + above, text, align)
        y = bottom


def _tables(path: Path) -> list[Table]:
    return [b for b in read_pdf(path).blocks if isinstance(b, Table)]


HEADER = ["Indikator", "Årsmål", "Utfall", "Period"]
STARTS = [72.0, 260.0, 320.0, 390.0]
FIGURES = [(72.0, "left"), (300.0, "right"), (370.0, "right"), (390.0, "left")]
ROWS = [["Andel nöjda brukare", "90 %", "92 %", "År"], ["Antal platser", "140", "132", "Tertial"],
        ["Andel sjukfrånvaro", "5,0 %", "6,1 %", "År"], ["Antal ärenden", "2 400", "2 310", "Månad"]]


def test_a_header_a_little_further_above_its_rule_than_rows_is_the_first_row(tmp_path: Path) -> None:
    page = Page()
    page.text(LEFT, 80, "Nämndens indikatorer för verksamhetsåret", bold=True)
    _table(page, 100, HEADER, ROWS, STARTS, FIGURES, 1.6, (2.5, 2.2), shade_all=True)
    [table] = _tables(write_pdf(tmp_path / "zebra_header_apart.pdf", [page]))
    assert [row.cells for row in table.rows] == [HEADER, *ROWS]


def test_a_header_over_an_unshaded_first_row_lined_up_with_its_cells_is_the_first_row(tmp_path: Path) -> None:
    """LibreOffice pads rows unevenly (1 pt above the text, 11 below), and its header keeps a
    few points more; a paragraph right above the header stays outside, and a header cell with
    no text under it (an empty column) does not part them."""
    page = Page()
    header = ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse", "Kommentar"]
    starts = [72.0, 190.0, 250.0, 310.0, 365.0]
    rows = [["Införa arbetssättet", "2013-01-01", "2013-12-31", "", "Klart"],
            ["Utbilda personalen", "2013-02-01", "2013-06-30", "", "Pågår"],
            ["Följa upp resultatet", "2013-03-01", "2013-12-31", "", "Klart"]]
    page.text(LEFT, 100 - SIZE - 3, "Säkra prognoser och budget i balans.")
    _table(page, 100, header, rows, starts, [(x, "left") for x in starts], 2.5, (1.0, 11.0), shade_all=False)
    doc = read_pdf(write_pdf(tmp_path / "zebra_header_over_unshaded_row.pdf", [page]))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert [row.cells for row in table.rows] == [header, *rows]


def test_a_figure_and_its_unit_over_a_strip_the_column_leaves_open_is_one_cell(tmp_path: Path) -> None:
    """The column's text ("tas fram 2009", set left) ends where the space of a right-aligned
    "100 %" lies: the strip between them is open on every other row, yet no column edge."""
    page = Page()
    end = 320.0 + text_width("tas fram 2009", SIZE)
    x1 = end + 0.4 + text_width(" %", SIZE)
    rows = [["Antal hemlösa", "3 231", "tas fram 2009", "År"], ["Nöjda brukare", "90 %", "tas fram 2009", "År"],
            ["Andel i öppenvård", "9 %", "100 %", "Tertial"], ["Antal beslut", "0", "tas fram 2009", "Tertial"],
            ["Antal domar", "0", "tas fram 2009", "År"]]
    page.text(72, 100, "Indikator", bold=True)
    page.text(260, 100, "Årsmål", bold=True)
    page.text(320, 100, "KF:s årsmål", bold=True)
    page.text(400, 100, "Period", bold=True)
    y = 100 + SIZE + 2.2
    page.line(LEFT, y, RIGHT, y, width=1.0)
    for k, cells in enumerate(rows):
        page.rect(LEFT, y, RIGHT, y + 2.5 + SIZE + 2.2, SHADES[k % 2])
        page.text(72, y + 2.5, cells[0])
        page.right(300, y + 2.5, cells[1])
        _cell(page, x1 if cells[2] == "100 %" else 320.0, y + 2.5, cells[2],
              "right" if cells[2] == "100 %" else "left")
        page.text(400, y + 2.5, cells[3])
        y += 2.5 + SIZE + 2.2
    [table] = _tables(write_pdf(tmp_path / "zebra_figure_unit_strip.pdf", [page]))
    assert [row.cells for row in table.rows] == [["Indikator", "Årsmål", "KF:s årsmål", "Period"], *rows]



def test_a_heading_set_where_the_cells_text_starts_parts_two_zebra_tables(tmp_path: Path) -> None:
    """LibreOffice sets a table's cell text on the page's margin: a heading and a paragraph
    between two zebra tables (each ending on an unshaded row) start where the rows' text does,
    yet they are set larger than the rows, after a gap wider than rows leave."""
    page = Page()
    _table(page, 100, HEADER, ROWS[:3], STARTS, FIGURES, 0.0, (2.5, 2.2), shade_all=False)
    page.text(72, 170, "Uppföljning av ekonomi", size=11, bold=True)
    page.text(72, 188, "Nämnden redovisar utfallet per kostnadsgrupp.", size=10)
    _table(page, 201, HEADER, ROWS, STARTS, FIGURES, 0.0, (2.5, 2.2), shade_all=False)
    doc = read_pdf(write_pdf(tmp_path / "zebra_heading_between.pdf", [page]))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [[row.cells for row in t.rows] for t in tables] == [[HEADER, *ROWS[:3]], [HEADER, *ROWS]]
    assert any(isinstance(b, Paragraph) and b.text == "Uppföljning av ekonomi" for b in doc.blocks)
