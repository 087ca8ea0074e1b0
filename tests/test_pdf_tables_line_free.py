"""A table without any lines whose rows are evenly spaced (no padding between rows): each line
of figures is a row of its own, the caption above it is its caption, and its columns come from
the alignment of the figures (right-aligned) and the names (left-aligned)."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import BODY, HEADER, Page, figures_table, write_pdf


def _tables(tmp_path: Path, page: Page) -> list[Table]:
    doc = read_pdf(write_pdf(tmp_path / "case.pdf", [page]))
    return [b for b in doc.blocks if isinstance(b, Table)]


def test_evenly_spaced_rows_are_rows(tmp_path: Path) -> None:
    page = Page()
    figures_table(page, 100)
    [table] = _tables(tmp_path, page)
    assert [row.cells for row in table.rows] == [HEADER, *BODY]
    assert table.rows[0].header and not table.rows[1].header


def test_caption_above_is_the_tables_caption(tmp_path: Path) -> None:
    page = Page()
    page.text(72, 80, "Table 3. Enrolment by year and control of school", bold=True)
    figures_table(page, 100)
    [table] = _tables(tmp_path, page)
    assert table.caption == "Table 3. Enrolment by year and control of school"
    assert table.rows[0].cells == HEADER


def test_section_rows_and_wider_gaps_do_not_merge_rows(tmp_path: Path) -> None:
    # Sections ("Actual", "Projected") put a wider gap before their label: the evenly spaced
    # figures under them are still one row a line.
    page = Page()
    page.text(72, 100, HEADER[0], bold=True)
    for text, x1 in zip(HEADER[1:], (250, 330, 410)):
        page.right(x1, 100, text, bold=True)
    y = 115.0
    for label, rows in (("Actual", BODY[:3]), ("Projected", BODY[3:])):
        page.text(72, y, label, bold=True)
        y += 11
        for row in rows:
            page.text(80, y, row[0])
            for text, x1 in zip(row[1:], (250, 330, 410)):
                page.right(x1, y, text)
            y += 11
        y += 4
    [table] = _tables(tmp_path, page)
    cells = [row.cells for row in table.rows]
    for row in BODY:
        assert row in cells
    assert ["Actual", "", "", ""] in cells and ["Projected", "", "", ""] in cells


def test_box_of_each_cell_is_where_it_was_printed(tmp_path: Path) -> None:
    page = Page()
    figures_table(page, 100)
    [table] = _tables(tmp_path, page)
    box = table.rows[1].boxes[1]
    assert 240 < box.x1 < 252 and 110 < box.y0 < 120
