"""A goal's heading and its status line ("Uppfylls helt") set a little further apart than a
paragraph's lines, between two tables: the few lines there show neither the page's right
margin nor its leading, so both are taken from the page's text outside tables, and the status
is a paragraph of its own rather than the end of the heading."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, figures_table, write_pdf

BODY = ["Förvaltningen bidrar till en hållbar livsmiljö genom att minska miljöpåverkan från sina",
        "egna verksamheter och genom att arbeta för en hållbar utveckling av staden, där stadens",
        "miljöprogram ger vägledning för hur verksamheterna ska prioritera sitt arbete under året",
        "och hur de ska följa upp resultaten."]


def test_a_status_under_a_heading_between_tables_is_its_own_paragraph(tmp_path: Path) -> None:
    page = Page()
    y = 72.0
    for line in BODY:  # 9 pt text on 11 pt lines
        page.text(72, y, line)
        y += 11
    y = figures_table(page, y + 30) + 40
    page.text(72, y, "Åtagande:", bold=True)
    page.text(72, y + 15, "Försörjningsstödsenheten ska verka för en miljöeffektiv arbetsplats.", bold=True)
    page.text(72, y + 28.5, "Uppfylls helt", bold=True)  # 4.5 pt under the heading, not 2
    figures_table(page, y + 70)
    blocks = read_pdf(write_pdf(tmp_path / "status.pdf", [page])).blocks
    assert [type(b) for b in blocks] == [Paragraph, Table, Paragraph, Paragraph, Paragraph, Table]
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts == [" ".join(BODY), "Åtagande:", "Försörjningsstödsenheten ska verka för en miljöeffektiv arbetsplats.",
                     "Uppfylls helt"]
