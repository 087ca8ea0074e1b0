"""A figure too wide for its narrow cell wraps at the space that sets its thousands apart ("1"
over "008,6"): the digits under it are the rest of the figure, not a figure of a row of their
own, though a figure never wraps otherwise and figures under figures start rows."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEFT, RIGHT = 68.0, 446.0
SIZE = 9.0
NAME_X, ENDS = 72.0, (330.0, 410.0)


def test_a_figure_wrapped_at_its_thousands_space_stays_one_figure(tmp_path: Path) -> None:
    page = Page()
    rows = [(["Verksamhetsområde"], ["Kostnader"], ["KF-anslag"]),
            (["Summa"], ["1 632,7"], ["1", "008,6"]),
            (["Socialtjänst- och", "arbetsmarknadsnämnden totalt"], ["1 411,7"], ["1", "008,6"])]
    y = 100.0
    page.line(LEFT, y, RIGHT, y)
    for k, row in enumerate(rows):
        for x, lines in zip((NAME_X, *ENDS), row):
            for n, text in enumerate(lines):
                if x == NAME_X:
                    page.text(x, y + 4 + n * (SIZE + 4), text, bold=k == 0)
                else:
                    page.right(x, y + 4 + n * (SIZE + 4), text, bold=k == 0)
        y += 4 + max(len(lines) for lines in row) * (SIZE + 4)
        page.line(LEFT, y, RIGHT, y)
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "rules_thousands_wrap.pdf", [page])).blocks
               if isinstance(b, Table)]
    assert [row.cells for row in table.rows] == [
        ["Verksamhetsområde", "Kostnader", "KF-anslag"], ["Summa", "1 632,7", "1 008,6"],
        ["Socialtjänst- och arbetsmarknadsnämnden totalt", "1 411,7", "1 008,6"]]
