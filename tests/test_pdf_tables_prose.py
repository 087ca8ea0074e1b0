"""Page layouts that leave gutters without being tables: a page set in two columns of prose is
read as paragraphs, never as a table of two columns."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEFT = ["Healthy homes are essential to a healthy", "community and population. They contribute",
        "to meeting physical needs such as air and", "water and to the psychological and social", "needs of those who live in them."]
RIGHT = ["To assess the share of persons living in", "inadequate or unhealthy homes the office", "analysed data from the housing survey for",
         "two years and compared the results with", "the findings of earlier surveys."]


def test_two_columns_of_prose_are_no_table(tmp_path: Path) -> None:
    page = Page()
    for n, (left, right) in enumerate(zip(LEFT, RIGHT)):
        page.text(72, 100 + 12 * n, left, size=9)
        page.text(300, 100 + 12 * n, right, size=9)
    doc = read_pdf(write_pdf(tmp_path / "case.pdf", [page]))
    assert not [b for b in doc.blocks if isinstance(b, Table)]


def test_caption_or_numbered_heading_with_a_wide_space_is_no_table(tmp_path: Path) -> None:
    page = Page()
    page.text(72, 100, "Table 1:", bold=True)
    page.text(130, 100, "Real GDP growth rate in Finland and the EU", bold=True)
    page.text(72, 130, "1.", bold=True)
    page.text(110, 130, "General policy context", bold=True)
    page.text(72, 150, "Finland is a republic which became independent in 1917.")
    doc = read_pdf(write_pdf(tmp_path / "case.pdf", [page]))
    assert not [b for b in doc.blocks if isinstance(b, Table)]
