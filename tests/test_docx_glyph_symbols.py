"""Traffic lights typed as a marker glyph and coloured, as a Word user draws them: "●" in green,
Wingdings' "l" (its filled circle) in red, Insert > Symbol's circle in yellow. The reader saw a
"●" with no colour and the goal no assessment; now the glyph's colour is its symbol."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.shared import RGBColor

from parsers.docx import read_docx
from pipeline.recognise.structure import recognise

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


GOALS = ["Alla barn går i en bra förskola", "Fler unga har ett arbete", "Äldre bor tryggt", "Parkerna sköts väl",
         "Biblioteken har öppet"]
ASSESSED = list(zip(GOALS, ["helt", "ej", "delvis", "ej", None]))


def glyph_report(path: Path, wingdings_letter: bool = True) -> Path:
    """A goal table whose assessments are glyphs: "●" in green, Wingdings' "l" in red (or, with
    `wingdings_letter` False, "●" in red), Insert > Symbol's circle in yellow, "■" in red, and a
    black "●", which is no traffic light."""
    document = docx.Document()
    document.add_paragraph("Verksamhetsplan 2015", style="Title")
    table = document.add_table(rows=6, cols=2)
    for row, text in zip(table.rows, ["Nämndmål", *GOALS]):
        row.cells[0].text = text
    table.rows[0].cells[1].text = "Bedömning"
    for row, colour in ((1, RGBColor(0x00, 0xB0, 0x50)), (5, RGBColor(0, 0, 0))):
        run = table.rows[row].cells[1].paragraphs[0].add_run("●")
        run.font.color.rgb = colour
    letter = table.rows[2].cells[1].paragraphs[0].add_run("l" if wingdings_letter else "●")
    letter.font.color.rgb = RGBColor(0xFF, 0x00, 0x00)
    if wingdings_letter:
        letter.font.name = "Wingdings"
    inserted = table.rows[3].cells[1].paragraphs[0].add_run()
    inserted.font.color.rgb = RGBColor(0xFF, 0xC0, 0x00)
    inserted._r.append(parse_xml(f'<w:sym {W} w:font="Wingdings" w:char="F06C"/>'))
    table.rows[4].cells[1].paragraphs[0].add_run("■").font.color.rgb = RGBColor(0xFF, 0x00, 0x00)
    document.save(str(path))
    return path


def test_coloured_marker_glyphs_assess_the_goals_of_their_rows(tmp_path: Path) -> None:
    parsed = read_docx(glyph_report(tmp_path / "plan.docx"))
    (table,) = [b for b in parsed.blocks if hasattr(b, "rows")]
    assert [row.symbols for row in table.rows] == [{}, {1: "green circle"}, {1: "red circle"}, {1: "yellow circle"},
                                                   {1: "red square"}, {}]
    assert [(g.title, g.assessment) for g in recognise(parsed, "doc").goals] == ASSESSED
