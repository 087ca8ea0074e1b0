"""Line-free tables whose cells are padded, as LibreOffice prints a table without borders: the
gaps between rows are wider than a line gap, a first cell wrapped over two lines stands
vertically centred beside the line of figures, and a comment under a row runs across the
table. Each case is one small PDF of that layout."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

NAME_X = 72.0
ENDS = [330.0, 410.0, 490.0]  # where the right-aligned figure columns end
HEADER = ["Indikator", "Utfall", "Mål", "Period"]
LEAD = 11.0  # 9 pt text on 11 pt lines
PAD = 12.0  # the padding between two rows' text, above the line gap


def _header(page: Page, top: float) -> float:
    page.text(NAME_X, top, HEADER[0], bold=True)
    for text, x1 in zip(HEADER[1:], ENDS):
        page.right(x1, top, text, bold=True)
    return top + LEAD + PAD


def _row(page: Page, top: float, name: list[str], figures: list[str], centred: bool) -> float:
    """The name over its lines; the figures on the first line, or vertically centred beside the
    name as a cell set to the middle of its row is."""
    for k, text in enumerate(name):
        page.text(NAME_X, top + k * LEAD, text)
    middle = top + (len(name) - 1) * LEAD / 2 if centred else top
    for text, x1 in zip(figures, ENDS):
        page.right(x1, middle, text)
    return top + len(name) * LEAD + PAD


ROWS = [(["Andel nöjda brukare inom", "hemtjänsten"], ["92 %", "90 %", "2013"]),
        (["Antal platser i särskilt", "boende"], ["140", "150", "2013"]),
        (["Andel sjukfrånvaro bland", "medarbetarna"], ["6,1 %", "5,0 %", "2013"])]
JOINED = [[" ".join(name), *figures] for name, figures in ROWS]
# Wrapped at the table's right edge (the Period column ends at 490).
COMMENT = ["Nöjdheten har ökat i alla verksamheter sedan förra året, mest inom hemtjänsten, där kontinuiteten har",
           "förbättrats."]


def _tables(path: Path) -> list[Table]:
    return [b for b in read_pdf(path).blocks if isinstance(b, Table)]


def test_padded_rows_with_centred_figures_are_one_table(tmp_path: Path) -> None:
    page = Page()
    y = _header(page, 100)
    for name, figures in ROWS:
        y = _row(page, y, name, figures, centred=True)
    [table] = _tables(write_pdf(tmp_path / "padded_centred_figures.pdf", [page]))
    assert [row.cells for row in table.rows] == [HEADER, *JOINED]
    assert table.rows[0].header and not any(row.header for row in table.rows[1:])


def test_padded_rows_with_wrapped_names_keep_each_name_in_its_row(tmp_path: Path) -> None:
    page = Page()
    y = _header(page, 100)
    for name, figures in ROWS:
        y = _row(page, y, name, figures, centred=False)
    [table] = _tables(write_pdf(tmp_path / "padded_wrapped_names.pdf", [page]))
    assert [row.cells for row in table.rows] == [HEADER, *JOINED]


def test_comment_across_a_padded_table_is_a_row_of_it(tmp_path: Path) -> None:
    page = Page()
    y = _header(page, 100)
    for k, (name, figures) in enumerate(ROWS):
        y = _row(page, y, name, figures, centred=True)
        if k == 0:
            for n, text in enumerate(COMMENT):
                page.text(NAME_X, y + n * LEAD, text)
            y += len(COMMENT) * LEAD + PAD
    [table] = _tables(write_pdf(tmp_path / "padded_comment_row.pdf", [page]))
    assert [row.cells for row in table.rows] == [HEADER, JOINED[0], [" ".join(COMMENT), "", "", ""], *JOINED[1:]]
    assert table.rows[2].spanning


def test_text_and_a_new_header_after_a_padded_table_are_not_its_rows(tmp_path: Path) -> None:
    # The same columns again under a paragraph: a second table, with the paragraph between.
    page = Page()
    y = _header(page, 100)
    for name, figures in ROWS[:2]:
        y = _row(page, y, name, figures, centred=True)
    page.text(NAME_X, y, "Nämndens egna indikatorer följs upp med samma mått som stadens mål.")
    y = _header(page, y + LEAD + PAD)
    _row(page, y, *ROWS[2], centred=True)
    doc = read_pdf(write_pdf(tmp_path / "padded_two_tables.pdf", [page]))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [[row.cells for row in t.rows] for t in tables] == [[HEADER, *JOINED[:2]], [HEADER, JOINED[2]]]
    assert any(isinstance(b, Paragraph) and b.text.startswith("Nämndens egna") for b in doc.blocks)
