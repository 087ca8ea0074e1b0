"""A table of one row under its header, parted by the header's rule alone, as browsers print a
one-row zebra table (its only row unshaded): the rule is drawn cell by cell, so the pieces meet
where the columns do, and "Årsmål" set left keeps the "90" set right under it. A rule drawn in
one piece under a bold line shows no columns."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

EDGES = [68.0, 344.0, 418.0, 527.0]  # the header cells' borders


def _page(pieces: list[tuple[float, float]]) -> Page:
    page = Page()
    page.text(68, 60, "Stadens mål är att fler ska få stöd i tid.")
    for x, text in ((72.0, "Nämndens indikatorer"), (349.0, "Årsmål"), (423.0, "Periodicitet")):
        page.text(x, 100, text, bold=True)
    for x0, x1 in pieces:
        page.line(x0, 112.5, x1, 112.5, width=1.5)
    page.text(72, 116, "Beläggning Kriscentrum för kvinnor")
    page.right(414, 116, "90")
    page.text(423, 116, "Tertial")
    page.text(68, 136, "NÄMNDMÅL:", size=11, bold=True)
    return page


def test_a_one_row_table_under_a_header_rule_drawn_cell_by_cell_keeps_its_columns(tmp_path: Path) -> None:
    page = _page(list(zip(EDGES, EDGES[1:])))
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "one_row_header_rule.pdf", [page])).blocks
               if isinstance(b, Table)]
    assert [row.cells for row in table.rows] == [["Nämndens indikatorer", "Årsmål", "Periodicitet"],
                                                 ["Beläggning Kriscentrum för kvinnor", "90", "Tertial"]]
    assert table.rows[0].header


def test_a_rule_in_one_piece_makes_no_columns(tmp_path: Path) -> None:
    """The same lines over a rule of one piece: whatever the line-free reader makes of them, the
    rule adds no column edge (no "90" beside "Årsmål" because of it)."""
    def tables(page: Page, name: str) -> list[list[list[str]]]:
        blocks = read_pdf(write_pdf(tmp_path / name, [page])).blocks
        return [[row.cells for row in b.rows] for b in blocks if isinstance(b, Table)]

    assert tables(_page([(EDGES[0], EDGES[-1])]), "one_piece.pdf") == tables(_page([]), "no_rule.pdf")
