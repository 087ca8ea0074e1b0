"""A line-free table of one row set as tight as its cells (LibreOffice's print of a web page):
no gap on the header line is as wide as a gutter, nor the one after the row's name, yet 'Årsmål' starts where '84'
does and 'Periodicitet' where 'Tertial' does, each a few points after the word before. A bold
line whose text edges line up so with the line right under it is a table's header."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

SIZE = 10.0
XS = (64.0, 178.0, 218.0)  # 8.4 pt after bold 'indikatorer', 6.1 pt after bold 'Årsmål'
HEADER = ["Nämndens indikatorer", "Årsmål", "Periodicitet"]
ROW = ["Beläggning på HVB BoU", "84", "Tertial"]  # 4.5 pt before "84"
HEADING = "NÄMNDMÅL: Öka möjligheterna för personer med funktionsnedsättning att delta"
TEXT = ["Stadsövergripande arbete med riktlinjer, metodutveckling och uppföljning av placeringar",
        "inom barn och ungdom, där resursteamen utreder familjer som stadsdelarna hänvisar."]


def test_bold_line_whose_edges_line_up_with_the_row_under_it_heads_a_table(tmp_path: Path) -> None:
    page = Page()
    for top, cells, bold in ((100.0, HEADER, True), (132.0, ROW, False)):
        for text, x in zip(cells, XS):
            page.text(x, top, text, size=SIZE, bold=bold)
    page.text(XS[0], 170, HEADING, size=SIZE, bold=True)
    for n, text in enumerate(TEXT):
        page.text(XS[0], 190 + 14 * n, text, size=SIZE)
    blocks = read_pdf(write_pdf(tmp_path / "tight_header_without_gutter.pdf", [page])).blocks
    assert [[row.cells for row in b.rows] for b in blocks if isinstance(b, Table)] == [[HEADER, ROW]]
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [HEADING, " ".join(TEXT)]
