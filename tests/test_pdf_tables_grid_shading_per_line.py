"""A fully ruled table whose shaded cells have their colour painted again behind each line of
their text, as a word processor may paint a paragraph's shading: a grey header whose labels wrap
over two lines, and a grey comment cell of three lines across the table. The edges between the
lines' fills lie inside the cell's own fill of the same colour, so they show nothing (the last
line's box may reach a little past the cell's fill, under its border): the wrapped labels stay
one header cell each and the comment stays one row."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

GREY = (0.85, 0.85, 0.85)
XS = [72.0, 250.0, 320.0, 390.0]
LINE = 10.5


def _shaded_lines(page: Page, x0: float, x1: float, top: float, bottom: float, lines: list[str],
                  bold: bool = False) -> None:
    """A cell's shading, then each line's own box of the same grey, then the line's text."""
    page.rect(x0 + 0.5, top + 0.5, x1 - 0.5, bottom - 0.5, GREY)
    for k, text in enumerate(lines):
        y = top + 2 + k * LINE
        page.rect(x0 + 2, y, x0 + 2 + text_width(text, 8), y + LINE, GREY)
        page.text(x0 + 2, y + 1, text, size=8, bold=bold)


def _table(tmp_path: Path) -> Table:
    page = Page()
    header = (100.0, 122.0)  # the second label line's box ends at 123
    row = (122.0, 134.0)
    comment = (134.0, 170.0)
    for k in range(len(XS) - 1):
        labels = [["Indikator"], ["Periodens", "utfall"], ["Årsmål", "2023"]][k]
        _shaded_lines(page, XS[k], XS[k + 1], *header, labels, bold=True)
    page.text(74, row[0] + 2, "Andel nöjda brukare", size=8)
    page.right(XS[2] - 2, row[0] + 2, "82 %")
    page.right(XS[3] - 2, row[0] + 2, "80 %")
    _shaded_lines(page, XS[0], XS[-1], *comment, ["Analys", "Andelen har ökat sedan förra året och målet",
                                                  "är nått för första gången."])
    for y in (header[0], header[1], row[1], comment[1]):
        page.line(XS[0], y, XS[-1], y)
    for x in XS:
        page.line(x, header[0], x, row[1] if x not in (XS[0], XS[-1]) else comment[1])
    doc = read_pdf(write_pdf(tmp_path / "case.pdf", [page]))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    return table


def _words(cells: list[str]) -> list[str]:
    """A cell's words: whether its lines are joined by a space or a line break is not the case here."""
    return [" ".join(cell.split()) for cell in cells]


def test_wrapped_labels_stay_one_header_cell(tmp_path: Path) -> None:
    table = _table(tmp_path)
    assert _words(table.rows[0].cells) == ["Indikator", "Periodens utfall", "Årsmål 2023"]
    assert table.rows[1].cells == ["Andel nöjda brukare", "82 %", "80 %"]


def test_comment_cell_stays_one_row(tmp_path: Path) -> None:
    rows = _table(tmp_path).rows
    assert len(rows) == 3
    assert _words(rows[2].cells)[0] == "Analys Andelen har ökat sedan förra året och målet är nått för första gången."
