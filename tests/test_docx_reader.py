"""The DOCX reader on the fixtures (made from the seed texts) and on small built documents."""
from __future__ import annotations

import datetime
import re
import zipfile
from pathlib import Path

import docx
import docx.enum.style
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

import parsers
from parsers.docx import read_docx
from parsers.text import read_text
from parsers.blocks import Paragraph, Span, Table, UnreadableFile
from goldcheck import dataset_rows
from compare_blocks_docx import DOCX_STEMS, FIXTURES, SEEDS, compare


# Tables per fixture README (TAB blocks minus TOC blocks), and the TOC tables the reader adds:
# 004's text TOC is cut in two by a page break, Word's is one run of TOC paragraphs.
README_TABLES = {"000_05871d331dd0cb08": 19, "001_0037d1aa6ba7bc46": 14, "004_522f212c0b3259a2": 43}
TOC_TABLES = {"000_05871d331dd0cb08": 1, "001_0037d1aa6ba7bc46": 0, "004_522f212c0b3259a2": 1}
# Measured: every paragraph and every non-empty cell of the seed text comes back (100 %).
MIN_AGREEMENT = 0.995


def _read(stem: str):
    return read_docx(FIXTURES / f"{stem}.docx")


def _tables(blocks) -> list[Table]:
    return [block for block in blocks if isinstance(block, Table)]


@pytest.mark.parametrize("stem", DOCX_STEMS)
def test_table_count_is_readme_count_plus_toc_table(stem):
    tables = _tables(_read(stem).blocks)
    assert len(tables) == README_TABLES[stem] + TOC_TABLES[stem]


@pytest.mark.parametrize("stem", [s for s in DOCX_STEMS if TOC_TABLES[s]])
def test_toc_paragraphs_become_one_title_page_table_after_its_heading(stem):
    blocks = _read(stem).blocks
    heading = next(i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.text == "Innehållsförteckning")
    toc = blocks[heading + 1]
    assert isinstance(toc, Table)
    assert all(len(row.cells) == 2 for row in toc.rows)
    assert toc.rows[0].cells == ["Sammanfattande analys", toc.rows[0].cells[1]]
    assert toc.rows[0].cells[1].isdigit()
    assert toc.rows[-1].cells[1] == "Error! Bookmark not defined."


@pytest.mark.parametrize("stem", DOCX_STEMS)
def test_agrees_with_text_reader_on_paragraphs_and_cells(stem):
    agreement = compare(read_text(SEEDS / f"{stem}.txt").blocks, _read(stem).blocks)
    assert agreement.paragraph_ratio >= MIN_AGREEMENT, agreement.paragraph_misses[:5]
    assert agreement.cell_ratio >= MIN_AGREEMENT, agreement.cell_misses[:5]
    # and nothing extra: headers, footers or repeated merged cells would show up here
    assert agreement.paragraphs_actual <= agreement.paragraphs_expected * (2 - MIN_AGREEMENT)
    assert agreement.cells_actual <= agreement.cells_expected * (2 - MIN_AGREEMENT)


def test_merged_comment_row_comes_back_once_with_spanning():
    indicator = _tables(_read("000_05871d331dd0cb08").blocks)[1]
    comment = indicator.rows[3]
    assert comment.spanning
    assert comment.cells[0].startswith("Kommentar\nAntal barn i familjer")
    assert comment.cells[1:] == [""] * 5
    assert not any(row.spanning for row in indicator.rows[:3])
    assert comment.spans == {0: Span(1, 6)} and not any(row.spans for row in indicator.rows[:3])


def test_two_level_header_of_004_keeps_grouped_columns_on_the_grid():
    table = next(t for t in _tables(_read("004_522f212c0b3259a2").blocks)
                 if "augusti 2017" in t.rows[0].cells)
    top, sub = table.rows[0], table.rows[1]
    assert top.cells == ["Riktvärde 66,7%", "augusti 2017", "", "", "augusti 2018", "", ""]
    assert sub.cells == ["", "Budget", "Utfall", "Förbrukn", "Budget", "Utfall", "Förbrukn"]
    assert top.header and sub.header and not table.rows[2].header
    assert not top.spanning
    # the groups keep their extent, so the second header level can be joined to its group
    assert top.spans == {1: Span(1, 3), 4: Span(1, 3)} and sub.spans == {}


def test_heading_levels_follow_word_heading_styles():
    levels = {}
    for block in _read("000_05871d331dd0cb08").blocks:
        if isinstance(block, Paragraph) and block.heading:
            levels.setdefault(block.text, block.heading)
    assert levels["Verksamhetsberättelse VB 2013"] == 1
    assert levels["KF:s inriktningsmål:"] == 2
    assert levels["KF:s mål för verksamhetsområdet:"] == 3
    assert levels["Nämndmål:"] == 4
    assert levels["Kommentar"] == 6


def test_underrubrik_style_is_bold_body_text_not_heading():
    block = next(b for b in _read("000_05871d331dd0cb08").blocks if isinstance(b, Paragraph) and b.text == "Jobbtorget")
    assert block.heading is None and block.bold


def test_list_bullet_paragraphs_are_plain_paragraphs():
    texts = [b.text for b in _read("004_522f212c0b3259a2").blocks if isinstance(b, Paragraph)]
    assert "Framtid Stockholm Järva, Socialförvaltningen" in texts


@pytest.mark.parametrize("name", ["garbage.docx", "truncated.docx"])
def test_broken_docx_raises_damaged_docx(name):
    with pytest.raises(UnreadableFile) as raised:
        read_docx(FIXTURES / "bad" / name)
    assert raised.value.code == "damaged_docx"
    assert "re-save" in raised.value.message


def test_docx_named_pdf_is_read_as_docx_with_warning():
    parsed = parsers.read(FIXTURES / "bad" / "not_a_pdf.pdf")
    assert parsed.source_format == "docx"
    assert len(_tables(parsed.blocks)) == 14
    assert [p.code for p in parsed.problems] == ["wrong_extension"]


def _dataset(path: Path) -> dict[str, list[dict]]:
    """Every output row without what names the file or a place in it (ids lose their doc_id
    prefix) and without cell spans, which text cannot print: what must not depend on whether
    the report came as text or as Word."""
    def keep(column: str) -> bool:
        return not (column in ("doc_id", "sha256", "ocr", "page_count", "row_span", "col_span")
                    or column.startswith("source_") or "line" in column or "page" in column)

    extraction = dataset_rows(path, path.parent)
    return {name: [{k: re.sub(r"^[0-9a-f]{16}:", "", str(v)) for k, v in row.items() if keep(k)} for row in rows]
            for name, rows in extraction.items()}


@pytest.mark.parametrize("stem", DOCX_STEMS)
def test_extraction_of_docx_gives_same_dataset_as_its_seed_text(stem):
    from_text, from_docx = _dataset(SEEDS / f"{stem}.txt"), _dataset(FIXTURES / f"{stem}.docx")
    assert from_text.keys() == from_docx.keys()
    for name in from_text:
        assert from_docx[name] == from_text[name], name


# --- built documents: cases the fixtures do not have ---------------------------------------


def _save(document, tmp_path: Path) -> Path:
    path = tmp_path / "built.docx"
    document.save(str(path))
    return path


def test_zip_of_another_office_format_raises_not_a_word_file(tmp_path):
    source = _save(docx.Document(), tmp_path)
    other = tmp_path / "sheet.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(other, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml", b"spreadsheetml.sheet.main+xml")
            zout.writestr(item, data)
    with pytest.raises(UnreadableFile) as raised:
        read_docx(other)
    assert raised.value.code == "not_a_word_file"


def test_body_order_places_and_empty_paragraphs(tmp_path):
    document = docx.Document()
    document.add_paragraph("Före  tabellen ")
    document.add_paragraph("   ")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(1, 1).text = "a", "d"
    document.add_paragraph("Efter")
    blocks = read_docx(_save(document, tmp_path)).blocks
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Table", "Paragraph"]
    assert blocks[0].text == "Före tabellen"
    # the empty paragraph is not emitted but still counts: places are Word's own ordinals
    assert [r.place.line for r in blocks[1].rows] == [3, 4]
    assert blocks[2].place.line == 5


def test_vertical_merge_gives_text_once_and_gridspan_in_middle_is_not_spanning(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "lodrät"
    table.cell(2, 1).merge(table.cell(2, 2)).text = "vågrät"
    table.cell(2, 0).text = "x"
    rows = read_docx(_save(document, tmp_path)).blocks[0].rows
    assert [r.cells for r in rows] == [["lodrät", "", ""], ["", "", ""], ["x", "vågrät", ""]]
    assert not any(r.spanning for r in rows)
    # the merges keep their extent at their first cell; the covered positions have none
    assert [r.spans for r in rows] == [{0: Span(2, 1)}, {}, {1: Span(1, 2)}]


def test_merge_over_two_rows_and_columns_is_one_span(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 1).merge(table.cell(1, 2)).text = "block"
    table.cell(2, 0).text = "under"
    rows = read_docx(_save(document, tmp_path)).blocks[0].rows
    assert [r.cells for r in rows] == [["", "block", ""], ["", "", ""], ["under", "", ""]]
    assert [r.spans for r in rows] == [{1: Span(2, 2)}, {}, {}]


def test_core_properties_are_the_documents_properties(tmp_path):
    document = docx.Document()
    core = document.core_properties
    core.title, core.subject, core.author = "Verksamhetsberättelse  2025", "Socialnämnden", "Anna Andersson"
    core.created = datetime.datetime(2026, 1, 15, 9, 30)
    document.add_paragraph("Text")
    parsed = read_docx(_save(document, tmp_path))
    assert parsed.properties == {"title": "Verksamhetsberättelse 2025", "subject": "Socialnämnden",
                                 "author": "Anna Andersson", "created": "2026-01-15"}


def test_fixture_properties_come_from_its_core_properties():
    assert _read("000_05871d331dd0cb08").properties["title"] == "Verksamhetsberättelse VB 2013"


def test_header_row_flag_and_full_width_merge_is_spanning(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for column, text in enumerate(["Indikator", "Utfall", "Mål"]):
        table.cell(0, column).text = text
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    merged = table.cell(1, 0).merge(table.cell(1, 2))
    merged.text = "Kommentar"
    merged.add_paragraph("Andra stycket")
    rows = read_docx(_save(document, tmp_path)).blocks[0].rows
    assert rows[0].header and not rows[1].header
    assert rows[1].cells == ["Kommentar\nAndra stycket", "", ""] and rows[1].spanning


def test_nested_table_is_flattened_into_its_cell(tmp_path):
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Yttre"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "inre 1", "inre 2"
    blocks = read_docx(_save(document, tmp_path)).blocks
    assert len(blocks) == 1
    assert blocks[0].rows[0].cells == ["Yttre", "inre 1\ninre 2"]


def test_bold_only_when_every_run_is_bold_and_heading_style_gives_level(tmp_path):
    document = docx.Document()
    whole = document.add_paragraph()
    whole.add_run("Helt ").bold = True
    whole.add_run("fet").bold = True
    part = document.add_paragraph()
    part.add_run("Delvis ").bold = True
    part.add_run("fet")
    document.add_heading("Rubrik", level=3)
    document.add_heading("Titel", level=0)
    blocks = read_docx(_save(document, tmp_path)).blocks
    assert [(b.text, b.heading, b.bold) for b in blocks] == [
        ("Helt fet", None, True), ("Delvis fet", None, False), ("Rubrik", 3, False), ("Titel", 1, False)]


def test_header_and_footer_text_is_not_emitted(tmp_path):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Socialnämnden"
    document.sections[0].footer.paragraphs[0].text = "Sida 1 (16)"
    document.add_paragraph("Brödtext")
    assert [b.text for b in read_docx(_save(document, tmp_path)).blocks] == ["Brödtext"]


def test_content_control_text_is_read(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("Inuti")
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt.append(content)
    paragraph._p.addprevious(sdt)
    content.append(paragraph._p)
    assert [b.text for b in read_docx(_save(document, tmp_path)).blocks] == ["Inuti"]


def test_toc_paragraph_without_tab_keeps_title_with_empty_page(tmp_path):
    document = docx.Document()
    entry = document.add_paragraph("Sammanfattande analys")
    entry._p.get_or_add_pPr().insert(0, _style_ref("TOC1"))
    document.add_paragraph("Brödtext")
    blocks = read_docx(_save(document, tmp_path)).blocks
    assert blocks[0].rows[0].cells == ["Sammanfattande analys", ""]
    assert blocks[1].text == "Brödtext"


def _style_ref(style_id: str):
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), style_id)
    return style


def test_custom_style_with_outline_level_is_a_heading(tmp_path):
    document = docx.Document()
    style = document.styles.add_style("Rubrik 2 numrerad", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "1")
    style.element.get_or_add_pPr().append(outline)
    document.add_paragraph("1.2 Jobb istället för bidrag", style=style)
    document.add_paragraph("Brödtext")
    blocks = read_docx(_save(document, tmp_path)).blocks
    assert [(b.text, b.heading) for b in blocks] == [("1.2 Jobb istället för bidrag", 2), ("Brödtext", None)]


def test_malformed_grid_span_is_read_as_one_column(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "a", "b"
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "two")
    table.cell(0, 0)._tc.get_or_add_tcPr().append(span)
    assert read_docx(_save(document, tmp_path)).blocks[0].rows[0].cells == ["a", "b"]
