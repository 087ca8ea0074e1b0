"""Web pages that are a PDF's pages, every line placed at its own position (`pdftohtml -c`): read
as the PDF's pages are, with the rules of their background pictures. Read as flowing HTML, the
ruled fixtures' pages gave no indicator, activity or budget row (gold 0.36)."""
from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html
from PIL import Image, ImageDraw

from goldcheck import dataset_rows, score
from parsers.blocks import Paragraph, Row, Table
from parsers.html import html_document, read_html
from parsers.html_positioned import positioned_pages
from parsers.html_rules import background_shapes
from parsers.html_symbols import with_class_styles
from parsers.pdf import read_pdf
from paths import FIXTURES, SEEDS
from parsers.text import read_text
from test_pdf_maker import Page, circle, ruled_table, write_pdf


def _pdftohtml(factory: pytest.TempPathFactory, stem: str, *options: str) -> Path:
    """pdftohtml -c of the stem's ruled fixture, one page, named as the seed (scored against its gold)."""
    if shutil.which("pdftohtml") is None:
        pytest.skip("needs pdftohtml (poppler-utils)")
    out = factory.mktemp("pdftohtml") / f"{stem}.html"
    subprocess.run(["pdftohtml", "-q", "-c", "-s", "-noframes", *options, str(FIXTURES / f"{stem}.pdf"), str(out)],
                   check=True)
    return out


@pytest.fixture(scope="module")
def page_001(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _pdftohtml(tmp_path_factory, "001_0037d1aa6ba7bc46")


def _rows(blocks: list[object]) -> dict[tuple[str, ...], Row]:
    return {tuple(row.cells): row for b in blocks if isinstance(b, Table) for row in b.rows}


def test_indicator_row_of_a_pdftohtml_page_is_the_seed_row(page_001: Path) -> None:
    row = ("Antal ungdomar som fått sommarjobb i stadens regi", "80 st", "3000 st", "År")
    assert row in _rows(read_text(SEEDS / "001_0037d1aa6ba7bc46.txt").blocks)
    found = _rows(read_html(page_001).blocks)
    assert row in found
    place = found[row].place
    assert place.page == 2 and found[row].boxes == {}
    assert "Antal&#160;ungdomar" in page_001.read_text(encoding="utf-8").split("\n")[place.line - 1]  # type: ignore[operator]


def test_pdftohtml_pages_score_as_the_pdf(tmp_path_factory: pytest.TempPathFactory) -> None:
    page = _pdftohtml(tmp_path_factory, "000_05871d331dd0cb08")
    result = score("000_05871d331dd0cb08", dataset_rows(page, page.parent))
    assert result.overall >= 0.99, result.wrong


def test_without_their_background_pictures_the_tables_are_still_read(tmp_path_factory: pytest.TempPathFactory) -> None:
    # -i: no pictures, so no rules: the columns come from where the text stands alone.
    page = _pdftohtml(tmp_path_factory, "001_0037d1aa6ba7bc46", "-i")
    result = score("001_0037d1aa6ba7bc46", dataset_rows(page, page.parent))
    assert result.indicators >= 0.95 and result.activities >= 0.95, result.wrong


def _page(body: str, sheet: str = "") -> lxml_html.HtmlElement:
    return lxml_html.fromstring(f"<html><head><style>{sheet}</style></head><body>{body}</body></html>")


def _lines(texts: list[str], cls: str = "", style: str = "") -> str:
    return "".join(f'<p style="position:absolute;top:{40 + 20 * k}px;left:60px;{style}" class="{cls}">{t}</p>'
                   for k, t in enumerate(texts))


def test_a_font_class_defined_only_on_an_earlier_page_sizes_the_text() -> None:
    # pdftohtml names a font's class by page and font number and defines it on its first page only.
    sheet = ".ft10{font-size:20px} .ft11{font-size:12px}"
    first = _lines([f"Rad {k}" for k in range(6)], "ft11")
    second = _lines([f"Rad {k}" for k in range(6)], "ft21")
    root = _page(f'<div style="position:relative;width:800px;height:1000px">{first}</div>'
                 f'<div style="position:relative;width:800px;height:1000px">{second}</div>', sheet)
    pages = positioned_pages(root.find("body"), with_class_styles(root))
    assert pages is not None and len(pages) == 2
    assert {word.size for word in pages[1][0].words} == {9.0}


def test_a_page_with_a_positioned_banner_flows_as_a_web_page() -> None:
    banner = _lines(["Meny", "Sök", "Kontakt"])
    prose = "".join(f"<p>Stycke {k} om verksamheten.</p>" for k in range(30))
    parsed = html_document(f"<html><body>{banner}{prose}</body></html>", [])
    texts = [b.text for b in parsed.blocks if isinstance(b, Paragraph)]
    assert texts[:4] == ["Meny", "Sök", "Kontakt", "Stycke 0 om verksamheten."]


def test_a_marker_glyph_printed_in_a_colour_is_a_mark() -> None:
    body = _lines([f"Mål {k}" for k in range(10)]) + _lines(["●"], style="color:#00B050")
    root = _page(f'<div style="position:relative;width:800px;height:1000px">{body}</div>')
    pages = positioned_pages(root.find("body"), with_class_styles(root))
    assert pages is not None
    assert [mark.name for mark in pages[0][0].marks] == ["green circle"]


def test_the_rules_of_a_background_picture_are_its_thin_lines() -> None:
    image = Image.new("L", (400, 200), 255)
    draw = ImageDraw.Draw(image)
    for y in (20, 60, 100):
        draw.line([(10, y), (390, y)], fill=120)
    for x in (10, 200, 390):
        draw.line([(x, 20), (x, 100)], fill=120)
    draw.rectangle([(10, 140), (390, 170)], fill=60)  # a dark band: its top and bottom part rows
    draw.rectangle([(10, 180), (390, 182)], fill=235)  # a zebra stripe's light grey: no ink
    data = io.BytesIO()
    image.save(data, format="PNG")
    segments, marks = background_shapes(data.getvalue(), 300.0, 150.0)  # shown at 0.75 pt a pixel
    horizontal = sorted((s.top, s.x0, s.x1) for s in segments if s.top == s.bottom)
    vertical = sorted((s.x0, s.top, s.bottom) for s in segments if s.x0 == s.x1)
    assert horizontal == [(15.0, 7.5, 293.25), (45.0, 7.5, 293.25), (75.0, 7.5, 293.25), (105.0, 7.5, 293.25),
                          (127.5, 7.5, 293.25)]
    assert vertical == [(7.5, 15.0, 75.75), (150.0, 15.0, 75.75), (292.5, 15.0, 75.75)]
    assert marks == []  # grey lines and fills: no colour, no symbol


def test_traffic_lights_in_the_background_picture_are_the_pdfs_symbols(tmp_path: Path) -> None:
    # pdftohtml paints a page's drawing, its traffic lights and shaded cells too, into the
    # picture under the text: read from it, the rows carry the symbols the PDF's own reading gives.
    if shutil.which("pdftohtml") is None:
        pytest.skip("needs pdftohtml (poppler-utils)")
    page = Page()
    columns, top, height = [72.0, 300.0, 400.0], 100.0, 20.0
    page.rect(columns[0], top, columns[-1], top + height, (0.2, 0.35, 0.75))  # a header row in blue
    page.rect(columns[1], top + 3 * height, columns[2], top + 4 * height, (0.85, 0.1, 0.1))
    circle(page, 350, top + 1.5 * height, 5, (0.2, 0.7, 0.3))
    circle(page, 350, top + 2.5 * height, 5, (1.0, 0.8, 0.0))
    rows = [("Indikator", "Bedömning"), ("Andel nöjda brukare", ""), ("Andel avslutade ärenden", ""),
            ("Antal besök per vecka", "Ej uppfyllt")] + [(f"Rad {k} utan bedömning", "") for k in range(8)]
    ruled_table(page, rows, columns, top, height)
    pdf = write_pdf(tmp_path / "case.pdf", [page])
    subprocess.run(["pdftohtml", "-q", "-c", "-s", "-noframes", str(pdf), str(tmp_path / "case.html")], check=True)
    symbols = [[row.symbols for row in b.rows] for b in read_pdf(pdf).blocks if isinstance(b, Table)]
    assert symbols[0][:4] == [{}, {1: "green circle"}, {1: "yellow circle"}, {1: "red shading"}]
    assert [[row.symbols for row in b.rows] for b in read_html(tmp_path / "case.html").blocks
            if isinstance(b, Table)] == symbols
