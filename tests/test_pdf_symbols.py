"""Assessment symbols drawn as small filled shapes: a green circle in a table's assessment
column becomes that cell's symbol, a red square before a goal's heading the paragraph's; grey
and black shapes (bullets) are no assessments."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, circle, write_pdf

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
