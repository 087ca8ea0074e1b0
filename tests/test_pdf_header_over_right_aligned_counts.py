"""A header alone over a comment and then rows of its table (LibreOffice repeats the header at a
page's top over the rest of a comment the break cut), whose second column holds counts set
right in the column, a chart's data printed in a row, and then dates set left under the
header's label: a count may stand clear of the label's text ('1' right of 'Startdatum'), yet
the column's wider cells ('34', the date) lie under it, so the column is the label's and the
rows are the header's."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

SIZE = 10.0
XS = (64.0, 260.0, 330.0, 400.0)
COUNTS = 320.0  # where the counts end: past bold "Startdatum" (260-312.8 pt), short of "Slutdatum"
HEADER = ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"]
COMMENT = ["insatser genom enheten, och det är dock viktigt att ta i beaktande att alla inte önskar",
           "stöd i stunden för sin situation, vilket gör att arbetet fortsätter under nästa år."]
COUNTED = [("Kategori", "Antal"), ("Är utsatt för våld", "34"), ("Utsätter annan för våld", "1"),
           ("Båda alternativen", "5")]
ACTIVITIES = [["Enheten utvecklar och stärker samverkan", "2022-01-01", "2023-12-31"],
              ["Enheten ser över sina arbetsmetoder", "2023-01-10", "2024-12-31"]]
PITCH = 24.0


def test_counts_right_in_a_column_under_a_header_alone_stay_under_its_label(tmp_path: Path) -> None:
    page = Page()
    for text, x in zip(HEADER, XS):
        page.text(x, 100, text, size=SIZE, bold=True)
    for n, text in enumerate(COMMENT):
        page.text(XS[0], 170 + n * 15, text, size=SIZE)
    top = 230.0
    for n, (name, count) in enumerate(COUNTED):
        page.text(XS[0], top + n * PITCH, name, size=SIZE)
        if n:
            page.right(COUNTS, top + n * PITCH, count, size=SIZE)
        else:
            page.text(XS[1], top, count, size=SIZE)
    for n, cells in enumerate(ACTIVITIES, start=len(COUNTED)):
        for text, x in zip(cells, XS):
            page.text(x, top + n * PITCH, text, size=SIZE)
    blocks = read_pdf(write_pdf(tmp_path / "header_over_right_aligned_counts.pdf", [page])).blocks
    [table] = [b for b in blocks if isinstance(b, Table)]
    assert [(row.header, row.spanning, row.cells) for row in table.rows] == [
        (True, False, HEADER), (False, True, [" ".join(COMMENT), "", "", ""])] + [
        (False, False, [name, count, "", ""]) for name, count in COUNTED] + [
        (False, False, cells + [""]) for cells in ACTIVITIES]
