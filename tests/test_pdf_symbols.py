"""Assessment symbols drawn as small filled shapes: a green circle in a table's assessment
column becomes that cell's symbol, a red square before a goal's heading the paragraph's; grey
and black shapes (bullets) are no assessments."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, circle, ruled_table, write_pdf

GREEN = (0.2, 0.7, 0.3)
YELLOW = (1.0, 0.85, 0.1)
RED = (0.85, 0.1, 0.1)


def test_symbols_in_a_tables_assessment_column(tmp_path: Path) -> None:
    page = Page()
    for n, (name, figure) in enumerate((("Indikator", "Utfall"), ("Andel nöjda brukare", "92 %"),
                                        ("Andel avslutade ärenden", "71 %"))):
        y = 100 + 14 * n
        page.text(72, y, name, bold=n == 0)
        page.right(300, y, figure, bold=n == 0)
        if n == 0:
            page.text(330, y, "Bedömning", bold=True)
        else:
            circle(page, 345, y + 4.5, 4, GREEN if n == 1 else YELLOW)
    doc = read_pdf(write_pdf(tmp_path / "case.pdf", [page]))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert [row.symbols for row in table.rows] == [{}, {2: "green circle"}, {2: "yellow circle"}]


def test_square_before_a_heading_and_black_bullets(tmp_path: Path) -> None:
    page = Page()
    page.rect(72, 101, 80, 109, RED)
    page.text(86, 100, "Nämndmål: Stockholm är en trygg stad", bold=True)
    circle(page, 76, 124.5, 2.5, (0.0, 0.0, 0.0))
    page.text(86, 120, "Ett mål med en svart punkt framför")
    doc = read_pdf(write_pdf(tmp_path / "case.pdf", [page]))
    paragraphs = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert [p.symbol for p in paragraphs] == ["red square", None]


def test_a_cell_shaded_in_a_colour_is_its_rows_symbol_and_a_shaded_header_row_none(tmp_path: Path) -> None:
    # As planning systems print an assessment: the cell coloured, no shape in it.
    page = Page()
    columns, top, height = [72.0, 300.0, 400.0], 100.0, 20.0
    page.rect(columns[0], top, columns[-1], top + height, (0.2, 0.35, 0.75))  # the header row, in blue
    page.rect(columns[1], top + height, columns[2], top + 2 * height, GREEN)
    page.rect(columns[1], top + 3 * height, columns[2], top + 4 * height, RED)
    rows = [("Indikator", "Bedömning"), ("Andel nöjda brukare", "Uppfyllt"), ("Andel avslutade ärenden", ""),
            ("Antal besök per vecka", "Ej uppfyllt")]
    ruled_table(page, rows, columns, top, height)
    doc = read_pdf(write_pdf(tmp_path / "case.pdf", [page]))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert [row.symbols for row in table.rows] == [{}, {1: "green shading"}, {}, {1: "red shading"}]
