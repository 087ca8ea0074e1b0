"""A zebra table that goes on from the page before: under the repeated header comes the rest of
the row the page break cut, its name cell's last lines only (the dates were printed on the page
before), unshaded, then the shaded and unshaded rows. Without gutters that rest looks like a
paragraph, but it stands between the header and the first band as rows do."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEFT, RIGHT = 68.0, 446.0
SIZE, LEAD = 9.0, 11.0
ABOVE, BELOW = 1.0, 11.0  # LibreOffice's uneven padding around a row's text
SHADE = (0.9, 0.92, 0.95)
STARTS = [72.0, 250.0, 320.0, 390.0]
HEADER = ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"]
REST = ["medarbetarenkäten samt ta fram", "handlingsplaner för förbättringar."]
ROWS = [["Erbjuda praktikplatser", "2012-01-01", "2013-12-31"],
        ["Åtgärda otillgängligheten", "2012-01-01", "2013-12-31"],
        ["Delta i verksamhetsplanen", "2013-01-01", "2013-12-31"]]


def test_the_rest_of_a_cut_row_under_the_repeated_header_is_a_row(tmp_path: Path) -> None:
    page = Page()
    page.text(LEFT, 60, "Arbetet med medarbetarenkäten fortsätter under året.")
    for x, text in zip(STARTS, HEADER):
        page.text(x, 80, text, bold=True)
    y = 80 + SIZE + BELOW
    for k, text in enumerate(REST):
        page.text(STARTS[0], y + ABOVE + k * LEAD, text)
    # LibreOffice leaves the rest a little more space below than its rows.
    y += ABOVE + (len(REST) - 1) * LEAD + SIZE + BELOW + 2.5
    for k, cells in enumerate(ROWS):
        bottom = y + ABOVE + SIZE + BELOW
        if k % 2 == 0:
            page.rect(LEFT, y, RIGHT, bottom, SHADE)
        for x, text in zip(STARTS, cells):
            page.text(x, y + ABOVE, text)
        y = bottom
    doc = read_pdf(write_pdf(tmp_path / "zebra_cut_row_rest.pdf", [page]))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    # The rest's lines may be kept apart (the first stops short of the cell's edge).
    found = [[" ".join(cell.split()) for cell in row.cells] for row in table.rows]
    assert found == [HEADER, [" ".join(REST), "", "", ""], *[[*r, ""] for r in ROWS]]
    assert any(isinstance(b, Paragraph) and b.text.startswith("Arbetet med") for b in doc.blocks)
