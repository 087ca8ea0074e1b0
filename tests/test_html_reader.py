"""The HTML reader on report fragments built here, and on the seeds rendered as HTML and read back."""
from __future__ import annotations

import html
from pathlib import Path

import pytest

import parsers
from compare_blocks_docx import DOCX_STEMS, SEEDS, assert_same_content
from parsers.html import read_html
from parsers.text import read_text
from parsers.blocks import Block, Paragraph, Span, Table, UnreadableFile

REPORT = """<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><title>Tertialrapport</title>
<style>td { padding: 2px }</style><script>track("visit");</script></head>
<body>
<header><img src="logo.png" alt="Stockholms stad"> Socialnämnden</header>
<nav><ul><li><a href="#a">Innehåll</a></li></ul></nav>
<h1>Tertialrapport 2 2018</h1>
<h4>Nämndmål:</h4>
<h4>Barn i Stockholm har bra uppväxtvillkor</h4>
<p><strong>Förväntat resultat</strong></p>
<p>Barn och unga   ska ha <b>trygga</b> uppväxtvillkor.</p>
<table class="indikatorer">
  <thead>
    <tr><th>Indikator</th><th>Periodens utfall</th><th>Årsmål</th><th>Period</th></tr>
  </thead>
  <tbody>
    <tr><td>● Andel barn i familjer med ekonomiskt bistånd</td><td>0,45 %</td><td>0,5 %</td><td>T2 2018</td></tr>
    <tr><td colspan="4">Kommentar<br>Antalet barn har minskat.<br> Kungsholmen: 0,43 %</td></tr>
  </tbody>
</table>
<h3>Utfall och förbrukning per kostnadsgruppering</h3>
<table>
  <tr><th rowspan="2">Riktvärde 66,7%</th><th colspan="3">augusti 2017</th><th colspan="3">augusti 2018</th></tr>
  <tr><th>Budget</th><th>Utfall</th><th>Förbrukn</th><th>Budget</th><th>Utfall</th><th>Förbrukn</th></tr>
  <tr><td>Taxor och avgifter</td><td>-50,6</td><td>-33,6</td><td>66,4%</td><td>-51,0</td><td>-32,3</td><td>63,4%</td></tr>
</table>
<footer>Sida 3 (16)</footer>
</body>
</html>
"""


def _write(tmp_path: Path, text: str, name: str = "rapport.html", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _tables(blocks: list[Block]) -> list[Table]:
    return [block for block in blocks if isinstance(block, Table)]


@pytest.fixture
def report(tmp_path):
    return read_html(_write(tmp_path, REPORT))


def test_headings_and_paragraphs_in_order_without_page_chrome(report):
    paragraphs = [(b.text, b.heading, b.bold) for b in report.blocks if isinstance(b, Paragraph)]
    assert paragraphs == [
        ("Tertialrapport 2 2018", 1, False),
        ("Nämndmål:", 4, False),
        ("Barn i Stockholm har bra uppväxtvillkor", 4, False),
        ("Förväntat resultat", None, True),
        ("Barn och unga ska ha trygga uppväxtvillkor.", None, False),
        ("Utfall och förbrukning per kostnadsgruppering", 3, False),
    ]
    assert report.source_format == "html" and not report.problems


def test_indicator_table_thead_is_header_and_colspan_comment_row_is_spanning(report):
    indicators = _tables(report.blocks)[0]
    assert [r.header for r in indicators.rows] == [True, False, False]
    comment = indicators.rows[2]
    assert comment.cells == ["Kommentar\nAntalet barn har minskat.\nKungsholmen: 0,43 %", "", "", ""]
    assert comment.spanning and not indicators.rows[1].spanning


def test_two_level_budget_header_expands_colspan_and_rowspan_on_the_grid(report):
    budget = _tables(report.blocks)[1]
    assert [r.cells for r in budget.rows] == [
        ["Riktvärde 66,7%", "augusti 2017", "", "", "augusti 2018", "", ""],
        ["", "Budget", "Utfall", "Förbrukn", "Budget", "Utfall", "Förbrukn"],
        ["Taxor och avgifter", "-50,6", "-33,6", "66,4%", "-51,0", "-32,3", "63,4%"],
    ]
    assert [r.header for r in budget.rows] == [True, True, False]
    assert not any(r.spanning for r in budget.rows)


def test_colspan_and_rowspan_cells_keep_their_span(report):
    indicators, budget = _tables(report.blocks)
    assert [r.spans for r in budget.rows] == [{0: Span(2, 1), 1: Span(1, 3), 4: Span(1, 3)}, {}, {}]
    assert [r.spans for r in indicators.rows] == [{}, {}, {0: Span(1, 4)}]


def test_rowspan_past_the_last_row_is_cut_to_the_table(tmp_path):
    page = "<html><body><table><tr><td rowspan=9>a</td><td>b</td></tr><tr><td>c</td></tr></table></body></html>"
    rows = _tables(read_html(_write(tmp_path, page)).blocks)[0].rows
    assert [r.cells for r in rows] == [["a", "b"], ["", "c"]]
    assert [r.spans for r in rows] == [{0: Span(2, 1)}, {}]


def test_title_and_meta_tags_are_the_pages_properties(tmp_path):
    page = ('<html><head><title> Delårsrapport  mars 2026 </title><meta name="author" content="Kommunstyrelsen">'
            '<meta name="description" content="Uppföljning av nämndmål"><meta name="dcterms.created" '
            'content="2026-04-02T08:00:00+02:00"><meta name="og:title" content="Annat"></head>'
            '<body><p>Text</p></body></html>')
    assert read_html(_write(tmp_path, page)).properties == {
        "title": "Delårsrapport mars 2026", "author": "Kommunstyrelsen", "subject": "Uppföljning av nämndmål",
        "created": "2026-04-02"}


def test_meta_title_stands_in_for_a_missing_title_and_a_date_not_iso_is_left_out(tmp_path):
    page = ('<html><head><meta property="og:title" content="Årsredovisning 2025">'
            '<meta name="date" content="3 maj 2026"></head><body><p>Text</p></body></html>')
    assert read_html(_write(tmp_path, page)).properties == {"title": "Årsredovisning 2025"}


def test_places_are_source_lines(report):
    lines = REPORT.split("\n")
    title = report.blocks[0]
    assert "Tertialrapport 2 2018" in lines[title.place.line - 1]
    comment = _tables(report.blocks)[0].rows[2]
    assert "Kommentar" in lines[comment.place.line - 1]


def test_header_inside_article_is_content_not_page_chrome(tmp_path):
    page = "<html><body><header>Stockholms stad</header><article><header><h2>Socialnämnden</h2></header>" \
           "<p>Text</p></article></body></html>"
    assert [b.text for b in read_html(_write(tmp_path, page)).blocks] == ["Socialnämnden", "Text"]


def test_br_outside_tables_separates_paragraphs_and_list_items_are_paragraphs(tmp_path):
    page = "<html><body><p>Box 24156<br>104 51 Stockholm</p><ul><li>Ett</li><li>Två <i>tre</i></li></ul></body></html>"
    assert [b.text for b in read_html(_write(tmp_path, page)).blocks] == [
        "Box 24156", "104 51 Stockholm", "Ett", "Två tre"]


def test_caption_becomes_paragraph_and_tfoot_comes_last(tmp_path):
    page = ("<html><body><table><caption>Tabell 1</caption><tfoot><tr><td>Summa</td><td>3</td></tr></tfoot>"
            "<tbody><tr><td>a</td><td>1</td></tr></tbody></table></body></html>")
    blocks = read_html(_write(tmp_path, page)).blocks
    assert blocks[0].text == "Tabell 1"
    assert [r.cells for r in blocks[1].rows] == [["a", "1"], ["Summa", "3"]]


def test_nested_table_is_flattened_into_its_cell(tmp_path):
    page = ("<html><body><table><tr><td>Yttre</td><td><table><tr><td>inre 1</td><td>inre 2</td></tr></table>"
            "</td></tr></table></body></html>")
    blocks = read_html(_write(tmp_path, page)).blocks
    assert len(blocks) == 1 and blocks[0].rows[0].cells == ["Yttre", "inre 1\ninre 2"]


def test_row_header_th_in_body_row_is_not_a_header_row(tmp_path):
    page = "<html><body><table><tr><th>Intäkter</th><td>-50,6</td></tr></table></body></html>"
    assert not read_html(_write(tmp_path, page)).blocks[0].rows[0].header


def test_meta_charset_windows_1252_is_honoured(tmp_path):
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>' \
           "<body><p>Förväntat resultat – mål</p></body></html>"
    parsed = read_html(_write(tmp_path, page, encoding="cp1252"))
    assert parsed.blocks[0].text == "Förväntat resultat – mål" and not parsed.problems


def test_undeclared_windows_1252_falls_back_with_warning(tmp_path):
    parsed = read_html(_write(tmp_path, "<html><body><p>Åtagande</p></body></html>", encoding="cp1252"))
    assert parsed.blocks[0].text == "Åtagande"
    assert [p.code for p in parsed.problems] == ["windows_1252"]


def test_declared_utf8_that_is_not_utf8_is_read_with_warning(tmp_path):
    page = '<html><head><meta charset="utf-8"></head><body><p>Nämndmål</p></body></html>'
    parsed = read_html(_write(tmp_path, page, encoding="cp1252"))
    assert parsed.blocks[0].text == "Nämndmål"
    assert [p.code for p in parsed.problems] == ["wrong_charset"]


def test_xhtml_with_xml_declaration_keeps_source_lines(tmp_path):
    page = '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">\n' \
           "<body>\n<h2>Enhetsmål:</h2>\n</body></html>"
    block = read_html(_write(tmp_path, page, name="rapport.xhtml")).blocks[0]
    assert (block.text, block.heading, block.place.line) == ("Enhetsmål:", 2, 4)


def test_whitespace_only_page_raises_empty_html(tmp_path):
    with pytest.raises(UnreadableFile) as raised:
        read_html(_write(tmp_path, "  \n  "))
    assert raised.value.code == "empty_html"


def test_html_is_dispatched_by_read(tmp_path):
    assert parsers.read(_write(tmp_path, REPORT, name="export.htm")).source_format == "html"


# --- round trip: a seed's text blocks rendered as HTML must read back as the same blocks ----


def blocks_to_html(blocks: list[Block]) -> str:
    """A web page showing `blocks` the way a report exporter would: one element per block."""
    out = ["<!DOCTYPE html>", '<html><head><meta charset="utf-8"></head><body>']
    for block in blocks:
        if isinstance(block, Paragraph):
            text = html.escape(block.text)
            tag = f"h{block.heading}" if block.heading else "p"
            out.append(f"<{tag}>{f'<b>{text}</b>' if block.bold else text}</{tag}>")
            continue
        out.append("<table>")
        for row in block.rows:
            cells = "".join(f"<td>{'<br>'.join(map(html.escape, cell.split(chr(10))))}</td>" for cell in row.cells)
            out.append(f"<tr>{cells}</tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed texts not found at {SEEDS}")
@pytest.mark.parametrize("stem", DOCX_STEMS)
def test_seed_rendered_as_html_reads_back_as_the_same_blocks(stem, tmp_path):
    expected = read_text(SEEDS / f"{stem}.txt").blocks
    actual = read_html(_write(tmp_path, blocks_to_html(expected))).blocks
    assert_same_content(expected, actual)
    assert [(b.heading, b.bold) for b in actual if isinstance(b, Paragraph)] == \
           [(b.heading, b.bold) for b in expected if isinstance(b, Paragraph)]


def test_stale_windows_1252_declaration_on_utf8_page_is_read_as_utf8(tmp_path):
    page = '<html><head><meta charset="windows-1252"></head><body><p>Förväntat resultat</p></body></html>'
    parsed = read_html(_write(tmp_path, page))
    assert parsed.blocks[0].text == "Förväntat resultat"
    assert [p.code for p in parsed.problems] == ["wrong_charset"]


def test_word_web_export_list_marker_is_dropped_like_in_docx(tmp_path):
    page = ("<html><body><p class=MsoListBullet><![if !supportLists]><span style='font-family:Symbol'>"
            "<span style='mso-list:Ignore'>·<span>&nbsp;&nbsp; </span></span></span><![endif]>"
            "Första punkten<o:p></o:p></p></body></html>")
    assert [b.text for b in read_html(_write(tmp_path, page)).blocks] == ["Första punkten"]
