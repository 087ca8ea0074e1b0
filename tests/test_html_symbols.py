"""Assessments a web page draws, as the planning-system export of tests/make_reports.py shows
them: the goal table's traffic lights as pictures, the activities' status as shaded cells. The
HTML reader saw neither (a goal's assessment and an activity's status were lost); now a page
gives what the Word file it was saved from gives, whether its pictures lie beside it, inline as
data: URIs or in a web archive."""
from __future__ import annotations

import base64
import re
import subprocess
from pathlib import Path

import pytest

import make_reports
from parsers import read
from parsers.doc import find_soffice
from parsers.table_symbols import css_colour_name
from pipeline.recognise.structure import recognise
from test_mhtml_reader import BOUNDARY
from test_recognise_archive_layouts import _activities, _goals

needs_soffice = pytest.mark.skipif(find_soffice() is None,
                                   reason="LibreOffice (soffice) is not on PATH: apt-get install libreoffice-writer-nogui")
EXPECTED = make_reports.EXPECTED["goal_table"]


@pytest.fixture(scope="module")
def saved_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The export saved as a web page by LibreOffice: pictures in files beside it, shading as bgcolor."""
    folder = tmp_path_factory.mktemp("page")
    source = make_reports.goal_table_report(folder / "delarsrapport.docx")
    subprocess.run([find_soffice(), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "html", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)
    page = folder / "delarsrapport.html"
    assert re.search(r'<img[^>]+src="delarsrapport_html_', page.read_text(encoding="utf-8"))
    return page


def _recognised(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    found = recognise(read(path), "doc")
    return _goals(found), _activities(found)


@needs_soffice
def test_a_saved_page_gives_the_goals_and_activities_of_its_word_file(saved_page: Path) -> None:
    assert _recognised(saved_page) == (EXPECTED["goals"], EXPECTED["activities"])


@needs_soffice
def test_pictures_inline_as_data_uris_give_the_same(saved_page: Path, tmp_path: Path) -> None:
    def inline(match: re.Match[str]) -> str:
        data = (saved_page.parent / match.group(1)).read_bytes()
        return f'src="data:image/png;base64,{base64.b64encode(data).decode()}"'

    page = tmp_path / "inline.html"  # alone in its folder: the pictures are in the page only
    page.write_text(re.sub(r'src="([^"]+\.png)"', inline, saved_page.read_text(encoding="utf-8")), encoding="utf-8")
    assert _recognised(page) == (EXPECTED["goals"], EXPECTED["activities"])


@needs_soffice
def test_a_web_archive_gives_the_same_from_its_picture_parts(saved_page: Path, tmp_path: Path) -> None:
    html = saved_page.read_text(encoding="utf-8")
    parts = [b"MIME-Version: 1.0", f'Content-Type: multipart/related; boundary="{BOUNDARY}"'.encode(), b"",
             f"--{BOUNDARY}".encode(), b"Content-Location: file:///C:/Rapporter/delarsrapport.htm",
             b"Content-Transfer-Encoding: base64", b'Content-Type: text/html; charset="utf-8"', b"",
             base64.encodebytes(html.encode("utf-8"))]
    for name in sorted(set(re.findall(r'src="([^"]+\.png)"', html))):
        parts += [f"--{BOUNDARY}".encode(), f"Content-Location: file:///C:/Rapporter/{name}".encode(),
                  b"Content-Transfer-Encoding: base64", b"Content-Type: image/png", b"",
                  base64.encodebytes((saved_page.parent / name).read_bytes())]
    archive = tmp_path / "delarsrapport.mht"
    archive.write_bytes(b"\n".join([*parts, f"--{BOUNDARY}--".encode(), b""]))
    assert _recognised(archive) == (EXPECTED["goals"], EXPECTED["activities"])


def test_a_picture_outside_the_pages_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "green.png").write_bytes(make_reports.circle_png("green"))
    (tmp_path / "page").mkdir()
    page = tmp_path / "page" / "rapport.html"
    page.write_text('<table><tr><th>Nämndmål</th><th>Bedömning</th></tr>'
                    '<tr><td>Fler barn deltar i kulturlivet</td><td><img src="../green.png"></td></tr></table>',
                    encoding="utf-8")
    (table,) = read(page).blocks
    assert table.rows[1].symbols == {}  # type: ignore[union-attr]
    (tmp_path / "page" / "green.png").write_bytes(make_reports.circle_png("green"))
    page.write_text(page.read_text(encoding="utf-8").replace("../green.png", "green.png"), encoding="utf-8")
    (table,) = read(page).blocks
    assert table.rows[1].symbols == {1: "green circle"}  # type: ignore[union-attr]


@pytest.mark.parametrize("value,name", [("#00B050", "green"), ("#0b5", "green"), ("rgb(255, 192, 0)", "yellow"),
                                        ("red", "red"), ("#D9D9D9", None), ("white", None), ("transparent", None)])
def test_css_colours(value: str, name: str | None) -> None:
    assert css_colour_name(value) == name


def test_coloured_marker_glyphs_are_symbols(tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    page.write_text("<h3><span style='color:#00B050'>●</span> Nämndmål: Alla barn går i en bra förskola</h3>"
                    "<table><tr><th>Nämndmål</th><th>Bedömning</th></tr>"
                    "<tr><td>Fler unga har ett arbete</td><td><font color='red'>■</font></td></tr>"
                    "<tr><td>Äldre bor tryggt</td><td><span style=\"font-family: Wingdings; color: rgb(255,192,0)\">l</span></td></tr>"
                    "<tr><td>Parkerna sköts väl</td><td><span style='color:black'>●</span></td></tr></table>",
                    encoding="utf-8")
    heading, table = read(page).blocks
    assert heading.symbol == "green circle"  # type: ignore[union-attr]
    assert [row.symbols for row in table.rows] == [{}, {1: "red square"}, {1: "yellow circle"}, {}]  # type: ignore[union-attr]
    assert [(g.title, g.assessment) for g in recognise(read(page), "doc").goals] == [
        ("Alla barn går i en bra förskola", "helt"), ("Fler unga har ett arbete", "ej"), ("Äldre bor tryggt", "delvis"),
        ("Parkerna sköts väl", None)]


def test_colours_a_style_sheet_gives_a_class_are_the_cells_and_glyphs(tmp_path: Path) -> None:
    """A planning system's web export: the traffic light is a class ("status-green") whose colour
    the page's style sheet gives, as a shaded cell or a coloured glyph; Word-style comments and
    @-rules around it."""
    page = tmp_path / "export.html"
    page.write_text("<html><head><style><!-- /* Style Definitions */ @page { margin: 2cm }\n"
                    ".status-green, .ok { background-color: #00B050 } td.status-red { background: red; }\n"
                    "span.prick-gul { color: #FFC000; font-weight: bold } .grey { background: #D9D9D9 }\n"
                    "--></style></head><body><table><tr><th>Nämndmål</th><th>Bedömning</th></tr>"
                    "<tr><td>Fler unga har ett arbete</td><td class='status-green'>&nbsp;</td></tr>"
                    "<tr><td>Äldre bor tryggt</td><td class='cell status-red'></td></tr>"
                    "<tr><td>Parkerna sköts väl</td><td><span class='prick-gul'>●</span></td></tr>"
                    "<tr><td>Biblioteken har öppet</td><td class='grey'></td></tr></table></body></html>",
                    encoding="utf-8")
    (table,) = read(page).blocks
    assert [row.symbols for row in table.rows] == [  # type: ignore[union-attr]
        {}, {1: "green shading"}, {1: "red shading"}, {1: "yellow circle"}, {}]
    assert [(g.title, g.assessment) for g in recognise(read(page), "doc").goals] == [
        ("Fler unga har ett arbete", "helt"), ("Äldre bor tryggt", "ej"), ("Parkerna sköts väl", "delvis"),
        ("Biblioteken har öppet", None)]


def test_inline_svg_traffic_lights_are_symbols(tmp_path: Path) -> None:
    """A web export drawing its traffic lights as inline SVG; a chart (several colours, large) is none."""
    circle = '<svg width="12" height="12"><circle cx="6" cy="6" r="5" fill="#00B050"/></svg>'
    triangle = '<svg width="14" height="12"><polygon points="7,0 14,12 0,12" style="fill: rgb(255,192,0)"/></svg>'
    chart = ('<svg width="400" height="200"><rect width="40" height="90" fill="red"/>'
             '<rect x="50" width="40" height="120" fill="green"/></svg>')
    page = tmp_path / "svg.html"
    page.write_text(f"<h3>{circle} Nämndmål: Alla barn går i en bra förskola</h3>"
                    "<table><tr><th>Nämndmål</th><th>Bedömning</th></tr>"
                    f"<tr><td>Äldre bor tryggt</td><td>{triangle}</td></tr>"
                    f"<tr><td>Parkerna sköts väl</td><td>{chart}</td></tr></table>", encoding="utf-8")
    heading, table = read(page).blocks
    assert heading.symbol == "green circle"  # type: ignore[union-attr]
    assert [row.symbols for row in table.rows] == [{}, {1: "yellow triangle"}, {}]  # type: ignore[union-attr]


def test_malformed_sizes_do_not_stop_the_page(tmp_path: Path) -> None:
    page = tmp_path / "trasig.html"
    page.write_text('<p><svg width="1.2.3" height="--"><circle r="5" fill="green"/></svg> Nämndmål: Fler unga</p>',
                    encoding="utf-8")
    (paragraph,) = read(page).blocks
    assert paragraph.symbol == "green circle"  # type: ignore[union-attr]


def test_a_style_sheet_holding_control_characters_does_not_stop_the_page(tmp_path: Path) -> None:
    # Found by mutating a page at random: lxml refuses an attribute holding U+0001.
    page = tmp_path / "trasig.html"
    page.write_text("<style>.g { background: #00B050\x01 }</style><table><tr><th>Nämndmål</th><th>Bedömning</th></tr>"
                    "<tr><td>Fler unga</td><td class='g'></td></tr></table>", encoding="utf-8")
    (table,) = [b for b in read(page).blocks if hasattr(b, "rows")]
    assert table.rows[1].symbols == {1: "green shading"}  # type: ignore[union-attr]
