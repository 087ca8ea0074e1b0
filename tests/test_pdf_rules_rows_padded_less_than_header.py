"""A table ruled over and under its header only (pandoc's HTML printed by wkhtmltopdf), cut by
a page break: the rows under the header rule (the rest of the cut row's name, a bold label, its
comment) are set their cells' padding apart, and that padding is narrower than the header's,
whose cells are set lower in theirs. The page's padding, measured on the header's band, is no
measure of the body's rows: each row's own line under the rule shows it."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEFT, RIGHT = 68.0, 480.0
SIZE = 9.0
PITCH = 13.5  # the lines of one cell: 4.5 pt apart
STARTS = [72.0, 200.0, 290.0, 360.0, 430.0]


def test_rows_under_a_header_rule_set_their_padding_apart_are_rows_of_their_own(tmp_path: Path) -> None:
    page = Page()
    page.line(LEFT, 100, RIGHT, 100)
    # The header: 5.6 pt under its top rule, 4.2 pt over the rule under it.
    page.text(STARTS[1], 105.6, "Periodens", bold=True)
    page.text(STARTS[2], 105.6, "Utfall", bold=True)
    for x, text in zip(STARTS, ["Indikator", "utfall", "VB 2022", "Årsmål", "Period"]):
        page.text(x, 105.6 + PITCH, text, bold=True)
    rule = 105.6 + PITCH + SIZE + 4.2
    page.line(LEFT, rule, RIGHT, rule)
    # The body's rows: 3.8 pt under the rule, 3.8 + 4.2 pt apart.
    rest, label = "missbruk)", "Analys"
    comment = ["Årets enkät besvarades av betydligt fler brukare än föregående år, efter att",
               "enheten i högre utsträckning uppmärksammat enkäten och dess syfte än",
               "tidigare år och resultatet för året är bra."]
    y = rule + 3.8
    page.text(STARTS[0], y, rest)
    y += SIZE + 8.0
    page.text(STARTS[0], y, label, bold=True)
    y += SIZE + 8.0
    for line in comment:
        page.text(STARTS[0], y, line)
        y += PITCH
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "rules_rows_padded_less.pdf", [page])).blocks
               if isinstance(b, Table)]
    assert [" ".join(row.cells[0].split()) for row in table.rows] == ["Indikator", rest, label, " ".join(comment)]
