"""A ruled table whose header cells are too narrow for their words: the typesetter breaks a word
at the cell's edge without a hyphen ("august|i 2017", "Nett|o"), as LibreOffice does. The
pieces are one word again when the document uses the whole word, or when the tail is a letter
or two that the document never uses as a word; an ordinary wrap ("Periodens|utfall") and a
head the document uses as a word of its own keep their space."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

PAD = 4.0
SIZE = 9.0
LEADING = 11.0


def _header_table(tmp_path: Path, cells: list[tuple[str, str]], prose: list[str]) -> list[str]:
    """A one-column-per-cell ruled table under a paragraph of `prose`: each header cell holds its
    two lines, the column exactly as wide as its first line (the line reaches the cell's edge),
    and one body row of figures; returns the header cells as read."""
    page = Page()
    y = 72.0
    for line in prose:
        page.text(72, y, line, size=SIZE)
        y += LEADING
    top = y + 20
    xs = [72.0, 160.0]
    for first, _ in cells:
        xs.append(xs[-1] + 2 * PAD + text_width(first, SIZE))
    ys = [top, top + 2 * LEADING + 2 * PAD, top + 3 * LEADING + 4 * PAD]
    for yy in ys:
        page.line(xs[0], yy, xs[-1], yy)
    for x in xs:
        page.line(x, ys[0], x, ys[-1])
    page.text(xs[0] + PAD, ys[0] + PAD, "Post", size=SIZE, bold=True)
    page.text(xs[0] + PAD, ys[1] + PAD, "Intäkter", size=SIZE)
    for x, (first, second) in zip(xs[1:], cells):
        page.text(x + PAD, ys[0] + PAD, first, size=SIZE, bold=True)
        page.text(x + PAD, ys[0] + PAD + LEADING, second, size=SIZE, bold=True)
        page.text(x + PAD, ys[1] + PAD, "1,0", size=SIZE)
    doc = read_pdf(write_pdf(tmp_path / "cells.pdf", [page]))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    return table.rows[0].cells[1:]


PROSE = ["Utfallet för augusti var lägre än i juli, se s 12 om periodens utfall i stort.",
         "Periodens utfall och budgeten följs upp varje månad av alla enheter."]


def test_a_word_broken_at_a_cells_edge_is_whole_when_the_document_uses_it(tmp_path: Path) -> None:
    # "i" and "s" are words of their own in the prose, yet "augusti" and "Periodens" are words too.
    assert _header_table(tmp_path, [("august", "i 2017"), ("Perioden", "s utfall")], PROSE) == [
        "augusti 2017", "Periodens utfall"]


def test_a_tail_of_one_letter_the_document_never_uses_joins_its_head(tmp_path: Path) -> None:
    assert _header_table(tmp_path, [("Nett", "o"), ("Budg", "et")], PROSE) == ["Netto", "Budget"]


def test_an_ordinary_wrap_keeps_its_space(tmp_path: Path) -> None:
    assert _header_table(tmp_path, [("Periodens", "utfall"), ("Budgeten", "följs")], PROSE) == [
        "Periodens utfall", "Budgeten följs"]


def test_a_head_the_document_uses_as_a_word_stays_a_word(tmp_path: Path) -> None:
    # "av" starts longer words of the prose ("avvikelse") but is used as a word within its lines.
    prose = ["Antalet avvikelser av olika slag ökade under året.", "Enheterna rapporterar avvikelser."]
    assert _header_table(tmp_path, [("Antalet av", "ärenden"), ("Del", "av")], prose) == [
        "Antalet av ärenden", "Del av"]
