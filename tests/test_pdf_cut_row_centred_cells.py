"""A table row cut by a page break. Cells set in the middle of their row leave the cut row on
the first page with only the start of its label, and its dates to the part on the next page,
under the repeated header: the two are one row. A date broken at its dash over the break
("2007-01-" + "01") is one date again, also when the part on the next page lacks a column
that only the header fills there (a line-free table's columns come from its text)."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, figures_row, text_width, write_pdf

XS = [72.0, 230.0, 300.0, 370.0, 430.0]
HEADER = ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"]
LEAD = 11.0


def _wrapped(text: str, width: float) -> list[str]:
    """The text's lines as a typesetter fills a cell `width` wide."""
    lines = [""]
    for word in text.split():
        line = f"{lines[-1]} {word}".strip()
        if lines[-1] and text_width(line, 9.0) > width:
            lines.append(word)
        else:
            lines[-1] = line
    return lines


def _grid(page: Page, top: float, rows: list[list[list[str]]]) -> float:
    """A fully ruled table from `top`, each row's cells given as their lines, each cell's lines
    set in the middle of the row's height; returns its bottom."""
    y = top
    page.line(XS[0], y, XS[-1], y)
    for row in rows:
        height = max(len(lines) for lines in row) * LEAD + 8
        for x, lines in zip(XS, row):
            start = y + (height - len(lines) * LEAD) / 2
            for n, text in enumerate(lines):
                page.text(x + 4, start + n * LEAD, text, bold=row is rows[0] and top == y)
        y += height
        page.line(XS[0], y, XS[-1], y)
    for x in XS:
        page.line(x, top, x, y)
    return y


def test_a_cut_row_whose_dates_are_on_the_next_page_is_one_row(tmp_path: Path) -> None:
    header = [[text] for text in HEADER]
    name = ("I samverkan med arbetsmarknadsnämnden och socialnämnden implementera bedömningsinstrument till "
            "personer som är långvarigt beroende av ekonomiskt bistånd.")
    lines = _wrapped(name, XS[1] - XS[0] - 8)
    first, second = Page(), Page()
    first.text(72, 640, "Aktiviteter under året", size=11, bold=True)
    _grid(first, 660, [header, [["Utarbeta rutiner"], ["2008-01-01"], ["2010-12-31"], []],
                       [lines[:2], [], [], []]])
    _grid(second, 60, [header, [lines[2:], ["2013-01-01"], ["2013-12-31"], []],
                       [["Förbättra tillgängligheten"], ["2013-01-01"], ["2013-12-31"], []]])
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "cut_centred.pdf", [first, second])).blocks
               if isinstance(b, Table)]
    assert [row.cells for row in table.rows] == [
        HEADER, ["Utarbeta rutiner", "2008-01-01", "2010-12-31", ""],
        [name, "2013-01-01", "2013-12-31", ""],
        ["Förbättra tillgängligheten", "2013-01-01", "2013-12-31", ""]]


def test_a_date_cut_at_its_dash_by_the_page_break_is_one_date(tmp_path: Path) -> None:
    ends = (380.0, 440.0)
    first, second = Page(), Page()
    y = 700.0
    first.text(72, y, "Aktivitet", bold=True)
    for x, text in zip((330.0, 390.0, 450.0), HEADER[1:]):
        first.text(x, y, text, bold=True)
    rows = [["Utveckla det förebyggande arbetet", "2007-01-01", "2010-12-31"],
            ["Bidra till ökad samverkan med skola och polis", "2007-01-", "2010-12-"]]
    for cells in rows:
        y += LEAD + 6
        first.text(72, y, cells[0])
        first.text(330, y, cells[1])
        first.text(390, y, cells[2])
    second.text(330, 60, "01")
    second.text(390, 60, "31")
    rest = [["För ungdomsmottagningarna formulera mål", "2009-01-01", "2009-12-31"],
            ["Anpassa utbudet vid HVB", "2009-01-01", "2009-12-31"]]
    for n, cells in enumerate(rest):
        figures_row(second, 60 + (n + 1) * (LEAD + 6), cells[:1], 72, ends)
        second.text(330, 60 + (n + 1) * (LEAD + 6), cells[1])
        second.text(390, 60 + (n + 1) * (LEAD + 6), cells[2])
    blocks = read_pdf(write_pdf(tmp_path / "cut_date.pdf", [first, second])).blocks
    rows_read = [row.cells for b in blocks if isinstance(b, Table) for row in b.rows]
    assert ["Bidra till ökad samverkan med skola och polis", "2007-01-01", "2010-12-31", ""] in rows_read
    assert not any(cells[0] == "" for cells in rows_read)


def test_a_sub_row_set_after_a_dash_at_the_page_top_is_a_row_of_its_own(tmp_path: Path) -> None:
    # Every cell of the last row before the break is whole; the first row after it starts with
    # a dash, in lower case: a sub-row, not the rest of the row above.
    header = [["Verksamhet"], ["Kostnader"], ["Intäkter"], ["KF-anslag"]]
    first, second = Page(), Page()
    _grid(first, 700, [header, [["Summa"], ["1 632,7"], ["-624,1"], ["1 008,6"]],
                       [["Varav - interna kostnader"], ["-134,1"], ["134,1"], ["0,0"]]])
    _grid(second, 60, [header, [["- omslutningsförändringar"], ["-86,9"], ["86,9"], ["0,0"]],
                       [["Nämnden totalt"], ["1 411,7"], ["-403,1"], ["1 008,6"]]])
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "sub_row.pdf", [first, second])).blocks
               if isinstance(b, Table)]
    assert [row.cells[0] for row in table.rows] == ["Verksamhet", "Summa", "Varav - interna kostnader",
                                                    "- omslutningsförändringar", "Nämnden totalt"]
