"""A line-free table whose header is bottom-aligned over several lines (LibreOffice Writer/Web's
print of an HTML table): a header cell wrapped over lines of few cells ("KF:s" over "årsmål")
over a column the body leaves empty stands in a gap of the body, as a header over the groups of
columns on both sides would; its lines starting at one place show it names a column of its own."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

NAME_X = 72.0
PAD = 24.0  # from a row's line to the next row's


def _tables(path: Path) -> list[Table]:
    return [b for b in read_pdf(path).blocks if isinstance(b, Table)]


def test_a_wrapped_header_cell_over_an_empty_column_names_its_column(tmp_path: Path) -> None:
    # The header bottom-aligned over three lines; "KF:s" over "årsmål" right of "Årsmål",
    # in the gap between the body's "Årsmål" and "Period" columns.
    page = Page()
    page.right(310, 100, "Prognos", bold=True)
    page.text(390, 100, "KF:s", bold=True)
    page.text(NAME_X, 107.5, "Indikator", bold=True)
    page.right(250, 107.5, "Utfall", bold=True)
    page.right(370, 107.5, "Årsmål", bold=True)
    page.text(460, 107.5, "Period", bold=True)
    page.right(310, 115, "helår", bold=True)
    page.text(390, 115, "årsmål", bold=True)
    rows = [["Andel nöjda brukare", "95 %", "85 %", "85 %", "2018"],
            ["Andel trygga brukare", "100 %", "100 %", "90 %", "2018"]]
    y = 115 + PAD
    for name, outcome, forecast, target, period in rows:
        page.text(NAME_X, y, name)
        page.right(250, y, outcome)
        page.right(310, y, forecast)
        page.right(370, y, target)
        page.text(460, y, period)
        y += PAD
    [table] = _tables(write_pdf(tmp_path / "wrapped_header_over_empty_column.pdf", [page]))
    assert [" ".join(cell.split()) for cell in table.rows[0].cells] == [
        "Indikator", "Utfall", "Prognos helår", "Årsmål", "KF:s årsmål", "Period"]
    assert [row.cells for row in table.rows[1:]] == [[*row[:4], "", row[4]] for row in rows]
