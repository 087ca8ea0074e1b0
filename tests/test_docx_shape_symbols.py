"""Traffic lights drawn as shapes in a Word file (Insert > Shapes: an oval filled green; an older
file's VML oval), as a planning template draws them. The reader looked at pictures only, so
these goals had no assessment. Printed to PDF, the same shapes went each to the row below its own
(single-line rows, closer than a symbol's height) and the triangle was a square."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

import make_reports
from parsers import read
from parsers.doc import find_soffice

from parsers.docx import read_docx
from pipeline.recognise.structure import recognise

NAMESPACES = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
              'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
              'xmlns:v="urn:schemas-microsoft-com:vml"')


def _drawing(geometry: str, fill: str, number: int) -> str:
    return (f'<w:r {NAMESPACES}><w:drawing><wp:inline><wp:extent cx="144000" cy="144000"/>'
            f'<wp:docPr id="{number}" name="Ellips {number}"/><a:graphic><a:graphicData '
            f'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr>'
            f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="144000" cy="144000"/></a:xfrm><a:prstGeom prst="{geometry}">'
            f'<a:avLst/></a:prstGeom>{fill}</wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
            f'</wp:inline></w:drawing></w:r>')


def shape_report(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Verksamhetsplan 2016", style="Title")
    table = document.add_table(rows=5, cols=2, style="Table Grid")  # ruled, as templates draw goal tables
    goals = ["Nämndmål", "Alla barn går i en bra förskola", "Fler unga har ett arbete", "Äldre bor tryggt",
             "Parkerna sköts väl"]
    for row, text in zip(table.rows, goals):
        row.cells[0].text = text
    table.rows[0].cells[1].text = "Bedömning"
    runs = [_drawing("ellipse", '<a:solidFill><a:srgbClr val="00B050"/></a:solidFill>', 1),
            f'<w:r {NAMESPACES}><w:pict><v:oval style="width:9pt;height:9pt" fillcolor="#ff0000" stroked="f"/>'
            f'</w:pict></w:r>',
            _drawing("triangle", '<a:solidFill><a:srgbClr val="FFC000"/></a:solidFill>', 2),
            _drawing("ellipse", '<a:solidFill><a:schemeClr val="accent6"/></a:solidFill>', 3)]
    for row, run in zip(table.rows[1:], runs):
        row.cells[1].paragraphs[0]._p.append(parse_xml(run))
    document.save(str(path))
    return path


EXPECTED = [("Alla barn går i en bra förskola", "helt"), ("Fler unga har ett arbete", "ej"),
            ("Äldre bor tryggt", "delvis"), ("Parkerna sköts väl", "delvis")]


def test_shapes_filled_in_a_colour_assess_the_goals_of_their_rows(tmp_path: Path) -> None:
    parsed = read_docx(shape_report(tmp_path / "plan.docx"))
    (table,) = [b for b in parsed.blocks if hasattr(b, "rows")]
    # accent6, a theme colour: the theme's orange (F79646 in python-docx's template), as Word shows it
    assert [row.symbols for row in table.rows] == [{}, {1: "green circle"}, {1: "red circle"},
                                                   {1: "yellow triangle"}, {1: "orange circle"}]
    assert [(g.title, g.assessment) for g in recognise(parsed, "doc").goals] == EXPECTED


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not on PATH")
def test_the_pdf_printed_from_it_gives_each_shape_to_its_own_row(tmp_path: Path) -> None:
    pdf = make_reports.to_pdf(shape_report(tmp_path / "plan.docx"))
    (table,) = [b for b in read(pdf).blocks if hasattr(b, "rows")]
    # LibreOffice prints the theme colour (accent6) as the theme's orange, as the Word reader reads it
    assert [row.symbols for row in table.rows] == [{}, {1: "green circle"}, {1: "red circle"},
                                                   {1: "yellow triangle"}, {1: "orange circle"}]
