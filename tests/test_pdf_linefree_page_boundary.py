"""A line-free table's row alone on a line under the table, after a blank band: at a page's top
under the header LibreOffice repeats there, or under the rest of a row the break cut. Its
cells start where the table's columns' text starts, so it is a row of that table, even when
its label runs up closer to the next column than a gutter (LibreOffice Writer/Web, no rules).
Each case is one small PDF of that layout."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Block, Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

SIZE = 10.0
PITCH = 14.0
NAME_X = 64.0
STARTS = (300.0, 340.0)  # where the left-aligned columns' text starts
HEADER = ["Enhetens indikatorer", "Årsmål", "Periodicitet"]
ROWS = [["Antal medarbetare med utbildning", "0 st", "Tertial"],
        ["Andel nöjda brukare", "90 %", "År"],
        ["Antal genomförda hembesök", "120 st", "Tertial"]]


def _row(page: Page, top: float, cells: list[str], bold: bool = False) -> None:
    page.text(NAME_X, top, cells[0], SIZE, bold)
    for x, text in zip(STARTS, cells[1:]):
        page.text(x, top, text, SIZE, bold)


def _first_page() -> Page:
    page = Page()
    page.text(NAME_X, 80, "Uppföljning av enhetens indikatorer under året.", SIZE)
    y = 110.0
    _row(page, y, HEADER, bold=True)
    for cells in ROWS:
        y += 2 * PITCH
        _row(page, y, cells)
    return page


def _label_to(x: float) -> str:
    # A label whose last word ends 6 pt before `x`: closer than a gutter, wider than a word space.
    words = "Antal medarbetare som under året har gått en utbildning i bemötande".split()
    label = ""
    for word in words:
        if text_width(f"{label} {word}".strip(), SIZE) + NAME_X > x - 6.0:
            break
        label = f"{label} {word}".strip()
    return label


def _lone_row_on(name: str, page: Page, tmp_path: Path) -> list[Block]:
    """The blocks of the first page and `page`, after checking they hold one table: the first
    page's rows with the lone row of `_label_to` under them."""
    blocks = read_pdf(write_pdf(tmp_path / name, [_first_page(), page])).blocks
    [table] = [b for b in blocks if isinstance(b, Table)]
    assert [row.cells for row in table.rows] == [HEADER, *ROWS, [_label_to(STARTS[0]), "17 st", "Tertial"]]
    return blocks


def test_a_lone_row_under_the_repeated_header_at_a_page_top_is_a_row_of_the_table(tmp_path: Path) -> None:
    page = Page()
    _row(page, 60, HEADER, bold=True)
    label = _label_to(STARTS[0])
    _row(page, 100, [label, "17 st", "Tertial"])
    page.text(NAME_X, 150, "Enheten följer upp indikatorerna varje tertial.", SIZE)
    blocks = _lone_row_on("lone_row_page_top.pdf", page, tmp_path)
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [
        "Uppföljning av enhetens indikatorer under året.", "Enheten följer upp indikatorerna varje tertial."]


def test_a_note_whose_words_stand_elsewhere_stays_a_paragraph(tmp_path: Path) -> None:
    # A wide space in a line under the table, but its words start under no column: a note.
    page = _first_page()
    page.text(NAME_X, 220, "Källa:", SIZE)
    page.text(NAME_X + 60, 220, "enhetens egen uppföljning", SIZE)
    blocks = read_pdf(write_pdf(tmp_path / "note_under_table.pdf", [page])).blocks
    [table] = [b for b in blocks if isinstance(b, Table)]
    assert [row.cells for row in table.rows] == [HEADER, *ROWS]
    assert any(isinstance(b, Paragraph) and b.text.startswith("Källa:") for b in blocks)


def test_a_lone_row_at_a_page_top_without_a_header_goes_on_the_table_before(tmp_path: Path) -> None:
    page = Page()
    label = _label_to(STARTS[0])
    _row(page, 60, [label, "17 st", "Tertial"])
    page.text(NAME_X, 110, "Enheten följer upp indikatorerna varje tertial.", SIZE)
    _lone_row_on("lone_row_no_header.pdf", page, tmp_path)
