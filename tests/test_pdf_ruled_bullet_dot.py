"""A list bullet a browser draws as a small filled dot (3 pt both ways) is no ruling: a rule
is clearly longer than it is thick. Taken for a short rule, the dot over a one-row table's
header rule made a table of the list item and the header, and the row lost its header."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

EDGES = [68.0, 384.8, 434.2, 483.0, 527.2]


def test_a_bullet_dot_over_a_table_is_no_rule_of_it(tmp_path: Path) -> None:
    page = Page()
    page.text(68, 100, "Verksamheterna bedrivs på ett kostnadseffektivt sätt.", size=10, bold=True)
    page.rect(87.0, 128.5, 90.0, 131.5, (0.0, 0.0, 0.0))
    page.text(98, 125, "Stadsdelsnämnden hyr lokaler som är ändamålsenliga", size=10)
    for x, text in ((72.2, "Aktivitet"), (388.8, "Startdatum"), (438.2, "Slutdatum"), (487.0, "Avvikelse")):
        page.text(x, 149, text, size=8, bold=True)
    for x0, x1 in zip(EDGES, EDGES[1:]):
        page.rect(x0, 160.0, x1, 161.5, (0.17, 0.31, 0.46))
    page.text(72.2, 165, "Stadsdelsnämnden ska utveckla arbetet med resultatuppföljning", size=8)
    page.text(388.8, 165, "2023-01-01", size=8)
    page.text(438.2, 165, "2023-12-31", size=8)
    page.text(68, 190, "Enhetsmål: Enheten bedriver verksamheten inom sin ekonomiska ram", size=10, bold=True)
    blocks = read_pdf(write_pdf(tmp_path / "bullet_dot.pdf", [page])).blocks
    assert [b.text for b in blocks if isinstance(b, Paragraph)][1] == "Stadsdelsnämnden hyr lokaler som är ändamålsenliga"
    [table] = [b for b in blocks if isinstance(b, Table)]
    assert [row.cells for row in table.rows] == [
        ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"],
        ["Stadsdelsnämnden ska utveckla arbetet med resultatuppföljning", "2023-01-01", "2023-12-31", ""]]
