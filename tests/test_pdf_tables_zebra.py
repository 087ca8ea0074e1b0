"""A table whose rows are told apart by shading alone (zebra bands, no rules), with
right-aligned figures: the shaded rows are rows of the one table, not the edges of tables."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import BODY, HEADER, Page, figures_table, write_pdf


def test_zebra_rows_are_one_table(tmp_path: Path) -> None:
    page = Page()
    figures_table(page, 100, shade=(0.85, 0.9, 0.95))
    doc = read_pdf(write_pdf(tmp_path / "case.pdf", [page]))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [[row.cells for row in t.rows] for t in tables] == [[HEADER, *BODY]]
