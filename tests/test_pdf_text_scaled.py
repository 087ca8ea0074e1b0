"""Text set at font size 1 and scaled by the text matrix, as many producers write it: the words
have their printed size, so justified prose stays prose and a table's gutters are gutters."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

WORDS = ("Publicly provided adult education is available for anyone and is mostly funded by the "
         "ministry while the main types of provision are listed below in the order of their size").split()


def _justified(page: Page, top: float, right: float = 520.0) -> None:
    """WORDS set justified between 72 and `right`, in 10 pt lines of eight words."""
    for n, start in enumerate(range(0, len(WORDS), 8)):
        line = WORDS[start:start + 8]
        free = right - 72 - sum(text_width(w, 10) for w in line)
        gap = free / (len(line) - 1) if start + 8 < len(WORDS) else text_width(" ", 10)
        x = 72.0
        for word in line:
            page.text(x, top + 13 * n, word, size=10, scaled=True)
            x += text_width(word, 10) + gap


def test_justified_prose_in_scaled_fonts_is_no_table(tmp_path: Path) -> None:
    page = Page()
    _justified(page, 100)
    doc = read_pdf(write_pdf(tmp_path / "case.pdf", [page]))
    assert not [b for b in doc.blocks if isinstance(b, Table)]
    assert " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph)) == " ".join(WORDS)


def test_a_table_in_scaled_fonts_keeps_its_columns(tmp_path: Path) -> None:
    page = Page()
    for n, row in enumerate((["Region", "2010", "2011"], ["North", "120", "130"], ["South", "140", "150"])):
        page.text(72, 100 + 12 * n, row[0], size=9, scaled=True)
        page.text(200, 100 + 12 * n, row[1], size=9, scaled=True)
        page.text(260, 100 + 12 * n, row[2], size=9, scaled=True)
    doc = read_pdf(write_pdf(tmp_path / "case.pdf", [page]))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert [row.cells for row in table.rows] == [["Region", "2010", "2011"], ["North", "120", "130"],
                                                 ["South", "140", "150"]]
