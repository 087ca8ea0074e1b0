"""A one-row table under its header rule, drawn cell by cell, with the next table set close
under it: the next table's bold header stands on a rule of its own, so it is no second row of
the first table (which a table of row rules would part by a rule), and the first table keeps
its columns ("Årsmål" set left over "90" set right)."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf


def _header(page: Page, top: float, cells: list[tuple[float, str]], edges: list[float]) -> None:
    for x, text in cells:
        page.text(x, top, text, bold=True)
    for x0, x1 in zip(edges, edges[1:]):
        page.line(x0, top + 12.5, x1, top + 12.5, width=1.5)


def _page(next_rule: bool) -> Page:
    page = Page()
    page.text(68, 60, "Stadens mål är att fler ska få stöd i tid.")
    _header(page, 100, [(72.0, "Nämndens indikatorer"), (349.0, "Årsmål"), (423.0, "Periodicitet")],
            [68.0, 344.0, 418.0, 527.0])
    page.text(72, 116, "Beläggning Kriscentrum för kvinnor")
    page.right(414, 116, "90")
    page.text(423, 116, "Tertial")
    cells = [(72.0, "Nämndens aktiviteter"), (423.0, "Startdatum"), (478.0, "Slutdatum")]
    if next_rule:
        _header(page, 134, cells, [68.0, 418.0, 473.0, 527.0])
    else:
        for x, text in cells:
            page.text(x, 134, text, bold=True)
    page.text(72, 150, "Kriscentrum ska utveckla sitt stöd till barn")
    page.text(423, 150, "2018-01-01")
    page.text(478, 150, "2018-12-31")
    page.text(68, 172, "NÄMNDMÅL:", size=11, bold=True)
    return page


def _tables(path: Path) -> list[list[list[str]]]:
    return [[row.cells for row in b.rows] for b in read_pdf(path).blocks if isinstance(b, Table)]


def test_a_one_row_table_right_over_the_next_tables_header_rule_keeps_its_columns(tmp_path: Path) -> None:
    first, second = _tables(write_pdf(tmp_path / "one_row_then_header.pdf", [_page(True)]))
    assert first == [["Nämndens indikatorer", "Årsmål", "Periodicitet"],
                     ["Beläggning Kriscentrum för kvinnor", "90", "Tertial"]]
    assert second == [["Nämndens aktiviteter", "Startdatum", "Slutdatum"],
                      ["Kriscentrum ska utveckla sitt stöd till barn", "2018-01-01", "2018-12-31"]]


def test_a_bold_line_without_a_rule_of_its_own_under_the_row_leaves_the_rule_no_table(tmp_path: Path) -> None:
    """The same page without the second rule: a line with gutters right under the row, on no
    rule, could be a second row, so the header's rule alone makes no table there (what the
    line-free reader makes of the lines is its own)."""
    tables = _tables(write_pdf(tmp_path / "one_row_then_bold.pdf", [_page(False)]))
    assert tables[0][0] != ["Nämndens indikatorer", "Årsmål", "Periodicitet"]
