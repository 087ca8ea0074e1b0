"""What a PDF says of itself in its Info dictionary becomes the document's properties."""
from __future__ import annotations

from pathlib import Path

from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf


def test_info_dictionary_gives_title_author_and_date(tmp_path: Path) -> None:
    page = Page()
    page.text(72, 72, "Verksamhetsberättelse 2013")
    info = {"Title": "Verksamhetsberättelse 2013", "Author": "Stockholms stad", "CreationDate": "D:20140212093000+01'00'"}
    doc = read_pdf(write_pdf(tmp_path / "case.pdf", [page], info))
    assert doc.properties == {"title": "Verksamhetsberättelse 2013", "author": "Stockholms stad",
                              "created": "2014-02-12"}


def test_paragraphs_carry_their_box(tmp_path: Path) -> None:
    page = Page()
    page.text(72, 72, "Verksamhetsberättelse 2013", size=10)
    [paragraph] = read_pdf(write_pdf(tmp_path / "case.pdf", [page])).blocks
    assert paragraph.box is not None and abs(paragraph.box.x0 - 72) < 1 and abs(paragraph.box.y0 - 72) < 1
