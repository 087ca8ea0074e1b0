"""A line-free table set as tight as its cells (LibreOffice's print of a web page), where a
column of percentages ends barely more than a word space before the figures of the next
column ('33,33 %' 5.8 pt before '100' at 10 pt). A unit sign belongs to the figure before it,
so figures stand on both sides of that space and it parts two columns, as the header's labels
over them show."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

SIZE = 10.0
HEADER = ["Indikator", "Utfall", "VB", "Årsmål", "Period"]
ROWS = [["Andel personer som behåller kontraktet", "50", "33,33 %", "100", "2023"],
        ["Andel som fått stöd av enheten", "48", "12,50 %", "75", "2023"],
        ["Andel nöjda brukare", "91", "81,25 %", "80", "2023"]]
GAP = 5.8  # after the percentages: more than a word space (2.5 pt), less than a gutter (9 pt)


def test_percent_sign_and_the_next_columns_figure_are_two_columns(tmp_path: Path) -> None:
    xs = [64.0, 290.0, 330.0]
    xs.append(xs[2] + text_width("33,33 %", SIZE) + GAP)
    xs.append(xs[3] + 50.0)
    page = Page()
    for n, cells in enumerate([HEADER, *ROWS]):
        for text, x in zip(cells, xs):
            page.text(x, 100 + 24 * n, text, size=SIZE, bold=n == 0)
    blocks = read_pdf(write_pdf(tmp_path / "percent_before_figure.pdf", [page])).blocks
    assert [[row.cells for row in b.rows] for b in blocks if isinstance(b, Table)] == [[HEADER, *ROWS]]
