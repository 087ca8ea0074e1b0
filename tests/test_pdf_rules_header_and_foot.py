"""Tables of row rules that leave the rows' padding to tell them apart: a table ruled only under
its header and at its foot (pandoc's HTML printed by wkhtmltopdf) has its whole body in one
band, its rows further apart than the lines of a wrapped cell; a table ruled row by row keeps a
comment of several paragraphs, spaced apart, in one band, and that band is one cell."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEFT, RIGHT = 68.0, 446.0
SIZE = 9.0
STARTS = [72.0, 280.0, 360.0]


def _tables(path: Path) -> list[Table]:
    return [b for b in read_pdf(path).blocks if isinstance(b, Table)]


def test_rows_under_a_header_rule_with_only_a_foot_rule_below_are_told_apart_by_their_padding(
        tmp_path: Path) -> None:
    page = Page()
    header = ["Aktivitet", "Ansvar", "Uppföljning"]
    for x, text in zip(STARTS, header):
        page.text(x, 100, text, bold=True)
    page.line(LEFT, 113, RIGHT, 113)
    # Each row's cells: the lines of the first one wrapped 3 pt apart; rows 7.5 pt apart, closer
    # than the padding at the rules (5 pt above the first line and below the last) adds up to.
    rows = [(["Utveckla samverkan med skolan", "och polisen i stadsdelen"], "Enheten", "Varje kvartal"),
            (["Följa upp rutinerna"], "Nämnden", "Årligen"),
            (["Se över verksamhetens flöden", "och lokaler"], "Förvaltningen", "Vid behov")]
    y = 118.0
    for name, who, when in rows:
        page.text(STARTS[1], y, who)
        page.text(STARTS[2], y, when)
        for line in name:
            page.text(STARTS[0], y, line)
            y += SIZE + 3
        y += 7.5 - 3
    page.line(LEFT, y - 2.5, RIGHT, y - 2.5)  # 5 pt under the last line
    [table] = _tables(write_pdf(tmp_path / "rules_header_and_foot.pdf", [page]))
    assert [row.cells for row in table.rows] == [header, *([" ".join(name), who, when] for name, who, when in rows)]


def test_a_comment_of_spaced_paragraphs_between_two_row_rules_is_one_cell(tmp_path: Path) -> None:
    page = Page()
    # Rows padded as LibreOffice pads them: 2 pt above the text, 10 below.
    y = 100.0
    page.line(LEFT, y, RIGHT, y)
    for cells, bold in ((["Indikator", "Utfall", "Årsmål"], True), (["Andel nöjda brukare", "45 %", "50 %"], False)):
        for x, text in zip(STARTS, cells):
            page.text(x, y + 2, text, bold=bold)
        y += 2 + SIZE + 10
        page.line(LEFT, y, RIGHT, y)
    comment = [["Resultatet för året är bättre än förra årets och", "årsmålet nås nästan."],
               ["Enheten följer upp enkäten med egna samtal under", "hösten."]]
    page.text(STARTS[0], y + 2, "Analys", bold=True)
    y += 2 + SIZE + 10
    for paragraph in comment:
        for line in paragraph:
            page.text(STARTS[0], y, line)
            y += SIZE + 2.5
        y += 10 - 2.5
    page.line(LEFT, y, RIGHT, y)  # 10 pt under the last line
    [table] = _tables(write_pdf(tmp_path / "rules_comment_paragraphs.pdf", [page]))
    assert len(table.rows) == 3
    assert table.rows[2].cells[0].startswith("Analys")
    assert table.rows[2].cells[0].endswith("hösten.")
