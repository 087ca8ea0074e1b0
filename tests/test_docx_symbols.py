"""Assessment symbols in Word reports (issue 8): goal tables whose assessment is a coloured
circle image or a shaded cell, built here with python-docx and Pillow, as planning systems
(Stratsys, ILS) export them."""
from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from PIL import Image, ImageDraw

from parsers.blocks import Paragraph, Table
from parsers.docx import read_docx
from parsers.symbols import colour_name, hex_colour_name, image_symbol

GREEN, YELLOW, RED = (0, 176, 80), (255, 192, 0), (255, 0, 0)


def _png(shape: str, colour: tuple[int, int, int], size: int = 48) -> bytes:
    """A symbol as icon sets draw it: an anti-aliased shape on a transparent ground."""
    big = Image.new("RGBA", (size * 4, size * 4), (255, 255, 255, 0))
    draw, box = ImageDraw.Draw(big), (8, 8, size * 4 - 9, size * 4 - 9)
    if shape == "circle":
        draw.ellipse(box, fill=colour)
    elif shape == "square":
        draw.rectangle(box, fill=colour)
    else:
        draw.polygon([(size * 2, 8), (size * 4 - 9, size * 4 - 9), (8, size * 4 - 9)], fill=colour)
    buffer = io.BytesIO()
    big.resize((size, size), Image.LANCZOS).save(buffer, "PNG")
    return buffer.getvalue()


def _photo() -> bytes:
    """A picture in many colours, as a logo or photo is."""
    image = Image.new("RGB", (120, 80), "white")
    draw = ImageDraw.Draw(image)
    for k, colour in enumerate([GREEN, RED, (0, 80, 200), YELLOW, (120, 0, 160)]):
        draw.rectangle((k * 24, 0, k * 24 + 23, 79), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _picture(paragraph, data: bytes, width: Cm) -> None:
    paragraph.add_run().add_picture(io.BytesIO(data), width=width)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> list:
    document = docx.Document()
    document.add_heading("Delårsrapport mars 2026", 1)
    heading = document.add_heading("Nämndmål: Alla barn har en trygg uppväxt ", 4)
    _picture(heading, _png("circle", GREEN), Cm(0.4))

    goals = document.add_table(rows=5, cols=3)
    for column, text in enumerate(["Nämndmål", "Bedömning", "Kommentar"]):
        goals.cell(0, column).text = text
        _shade(goals.cell(0, column), "1F4E79")  # a dark blue header band: layout, not a symbol
    rows = [("Barn och unga är trygga", "circle", GREEN), ("Äldre får god vård", "triangle", YELLOW),
            ("Budgeten är i balans", "square", RED)]
    for r, (goal, shape, colour) in enumerate(rows, start=1):
        goals.cell(r, 0).text = goal
        _picture(goals.cell(r, 1).paragraphs[0], _png(shape, colour), Cm(0.4))
        goals.cell(r, 2).text = "Kommentar: enligt plan"
    goals.cell(4, 0).text = "● Marker i texten"  # a glyph stays text
    goals.cell(4, 1).text = "Uppfylls delvis"

    activities = document.add_table(rows=4, cols=3)
    for column, text in enumerate(["Aktivitet", "Status", "Färdiggrad"]):
        activities.cell(0, column).text = text
    for r, (name, fill) in enumerate([("Ny rutin", "00B050"), ("Utbildning", "FFFF00"), ("Lokaler", "FF0000")],
                                     start=1):
        activities.cell(r, 0).text = name
        _shade(activities.cell(r, 1), fill)
        activities.cell(r, 2).text = "50 %"
    zebra = document.add_table(rows=2, cols=3)
    for column in range(3):
        zebra.cell(1, column).text = f"rad {column}"
        _shade(zebra.cell(1, column), "C6EFCE")  # a pale green band over a whole row
        _shade(zebra.cell(0, column), "D9D9D9")  # grey: never a colour

    pictures = document.add_table(rows=1, cols=2)
    pictures.cell(0, 0).text = "Stadens logotyp"
    _picture(pictures.cell(0, 1).paragraphs[0], _photo(), Cm(1.0))
    large = document.add_paragraph("Karta över stadsdelen ")
    _picture(large, _png("circle", GREEN), Cm(6))  # a big green disc is a picture, not a symbol
    path = tmp_path_factory.mktemp("symbols") / "symboler.docx"
    document.save(str(path))
    return read_docx(path).blocks


def _tables(blocks: list) -> list[Table]:
    return [block for block in blocks if isinstance(block, Table)]


def test_images_in_assessment_cells_are_described_by_colour_and_shape(report):
    goals = _tables(report)[0]
    assert [row.symbols for row in goals.rows] == [{}, {1: "green circle"}, {1: "yellow triangle"},
                                                   {1: "red square"}, {}]
    # the image is not text: the cell stays empty, the goal's text is intact
    assert [row.cells[:2] for row in goals.rows[1:4]] == [["Barn och unga är trygga", ""],
                                                          ["Äldre får god vård", ""], ["Budgeten är i balans", ""]]


def test_marker_glyph_stays_text_and_is_no_symbol(report):
    row = _tables(report)[0].rows[4]
    assert row.cells[:2] == ["● Marker i texten", "Uppfylls delvis"] and row.symbols == {}


def test_shaded_status_cells_are_symbols(report):
    activities = _tables(report)[1]
    assert [row.symbols for row in activities.rows] == [{}, {1: "green shading"}, {1: "yellow shading"},
                                                        {1: "red shading"}]


def test_shading_of_a_whole_row_or_in_grey_is_layout(report):
    goals, _, zebra, _ = _tables(report)
    assert goals.rows[0].symbols == {} and [row.symbols for row in zebra.rows] == [{}, {}]


def test_image_beside_a_goal_heading_is_its_symbol(report):
    heading = next(b for b in report if isinstance(b, Paragraph) and b.text.startswith("Nämndmål"))
    assert heading.text == "Nämndmål: Alla barn har en trygg uppväxt" and heading.symbol == "green circle"
    title = next(b for b in report if isinstance(b, Paragraph) and b.text == "Delårsrapport mars 2026")
    assert title.symbol is None


def test_pictures_are_not_symbols(report):
    assert _tables(report)[3].rows[0].symbols == {}  # many colours
    large = next(b for b in report if isinstance(b, Paragraph) and b.text.startswith("Karta"))
    assert large.symbol is None  # six centimetres wide


@pytest.mark.parametrize("rgb, name", [((0, 176, 80), "green"), ((146, 208, 80), "green"), ((255, 255, 0), "yellow"),
                                       ((255, 192, 0), "yellow"), ((255, 128, 0), "orange"), ((192, 0, 0), "red"),
                                       ((0, 112, 192), "blue"), ((217, 217, 217), None), ((255, 255, 255), None),
                                       ((0, 0, 0), None), ((242, 242, 242), None)])
def test_colour_names(rgb, name):
    assert colour_name(*rgb) == name


def test_word_fill_values(tmp_path: Path):
    assert [hex_colour_name(v) for v in ("00B050", "auto", "", None, "ZZZZZZ", "FF0000")] == \
        ["green", None, None, None, None, "red"]


def test_black_line_art_and_undecodable_bytes_are_no_symbol():
    image = Image.new("RGB", (40, 40), "white")
    ImageDraw.Draw(image).ellipse((4, 4, 35, 35), outline="black", width=3)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    assert image_symbol(buffer.getvalue()) is None
    assert image_symbol(b"not an image") is None
