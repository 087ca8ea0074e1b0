"""A line-free padded activity table (LibreOffice's print of a table without borders) whose last
row carries a comment across the table, after which the table breaks: a wide gap and the same
header again over the rest of the comment, or the foot of the page and the header the next page
repeats. The comment is the last row's, so it stays in the table (as a row across it) and the
rest of it under the header goes on with it, and the rows after it stay activities of the table.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from pipeline.recognise.structure import recognise
from test_pdf_maker import Page, write_pdf

XS = [72.0, 330.0, 400.0, 470.0]  # where the columns' text starts (all left-aligned)
# A numbered first column, empty in the header, as wide as LibreOffice sizes a status column.
NUMBERED = [72.0, 180.0, 360.0, 420.0, 480.0]
HEADER = ["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse"]
LEAD = 11.0  # 9 pt text on 11 pt lines
PAD = 12.0  # the padding between two rows' text, above the line gap
BREAK = 40.0  # the gap between two tables (an empty paragraph between them)
FIRST = ["Enheten ser över sina rutiner", "2023-01-10", "2024-12-31"]
SECOND = ["Enheten stärker arbetet med spel", "2023-01-20", "2024-12-31"]
THIRD = ["Enheten följer upp sina klienter", "2023-02-01", "2023-12-31"]
# Running text across the table, each line ending short of the table's right edge.
COMMENT = ["Under året har verksamheten arbetat med att se över flöden och rutiner, och",
           "sektionerna har arbetat med större förändringar kopplat till flödet."]
CUT = ["Resursgruppen ser över det administrativa arbetet och de flöden som finns, och",
       "utveckla och erbjuda mer stöd till andra funktioner inom verksamheten, som att"]
REST = ["hjälpa socialsekreterare och chefer vid kommunikation av handlingar. Även",
        "arbetsmetoder kopplade till insatslägenheter ses över."]


def _row(page: Page, top: float, cells: list[str], bold: bool = False, xs: list[float] = XS) -> float:
    for x, text in zip(xs, cells):
        if text:
            page.text(x, top, text, bold=bold)
    return top + LEAD + PAD


def _text(page: Page, top: float, lines: list[str], x: float = XS[0]) -> float:
    for n, text in enumerate(lines):
        page.text(x, top + n * LEAD, text)
    return top + len(lines) * LEAD + PAD


def _analysis(page: Page, top: float, lines: list[str], inline: bool) -> float:
    """A comment under its label: 'Analys' on a bold line of its own, or plain at its start."""
    if inline:
        return _text(page, top, [f"Analys {lines[0]}", *lines[1:]])
    page.text(XS[0], top, "Analys", bold=True)
    return _text(page, top + LEAD + PAD, lines)


def _activities(path: Path) -> list[tuple[str, str | None, str | None]]:
    found = recognise(read_pdf(path), "doc")
    return [(a.name, a.start_date and a.start_date.isoformat(), a.end_date and a.end_date.isoformat())
            for a in found.activities]


def _dated(cells: list[str]) -> tuple[str, str, str]:
    return cells[0], cells[1], cells[2]


@pytest.mark.parametrize("numbered", [False, True])
def test_a_labelled_comment_after_the_last_row_stays_with_the_header_again_over_its_rest(
        tmp_path: Path, numbered: bool) -> None:
    # `numbered`: the comment starts at the table's left, left of the header's text.
    xs, first = (NUMBERED, ["", *HEADER]) if numbered else (XS, HEADER)
    page = Page()
    y = _row(page, 100, first, bold=True, xs=xs)
    y = _row(page, y, ["1", *FIRST] if numbered else FIRST, xs=xs)
    y = _analysis(page, y, COMMENT + CUT[:1], inline=False)
    y = _row(page, y - PAD + BREAK, first, bold=True, xs=xs)
    y = _text(page, y, CUT[1:] + REST)
    _row(page, y, ["2", *SECOND] if numbered else SECOND, xs=xs)
    path = write_pdf(tmp_path / "trailing_labelled_comment.pdf", [page])
    assert not [b for b in read_pdf(path).blocks if isinstance(b, Paragraph)]
    assert _activities(path) == [_dated(FIRST), _dated(SECOND)]


def test_a_comment_after_the_last_row_of_a_table_of_commented_rows_is_its_row(tmp_path: Path) -> None:
    # The label is no bold line of its own: the rows before have comments across the table too.
    page = Page()
    y = _row(page, 100, HEADER, bold=True)
    y = _row(page, y, FIRST)
    y = _analysis(page, y, COMMENT, inline=True)
    y = _row(page, y, SECOND)
    y = _analysis(page, y, CUT[:1], inline=True)
    y = _row(page, y - PAD + BREAK, HEADER, bold=True)
    y = _text(page, y, CUT[1:] + REST)
    _row(page, y, THIRD)
    path = write_pdf(tmp_path / "trailing_comment_of_commented_rows.pdf", [page])
    assert not [b for b in read_pdf(path).blocks if isinstance(b, Paragraph)]
    assert _activities(path) == [_dated(FIRST), _dated(SECOND), _dated(THIRD)]


def test_a_comment_under_a_header_alone_at_the_foot_of_the_page_goes_on_under_the_repeated_header(
        tmp_path: Path) -> None:
    first, second = Page(), Page()
    y = _row(first, 600, HEADER, bold=True)
    y = _row(first, y, FIRST)
    y = _analysis(first, y, COMMENT, inline=False)
    y = _row(first, y - PAD + BREAK, HEADER, bold=True)
    _text(first, y, CUT[1:])  # the last line of the page
    y = _row(second, 60, HEADER, bold=True)
    y = _text(second, y, REST)
    _row(second, y, SECOND)
    path = write_pdf(tmp_path / "comment_under_header_at_page_foot.pdf", [first, second])
    assert not [b for b in read_pdf(path).blocks if isinstance(b, Paragraph)]
    assert _activities(path) == [_dated(FIRST), _dated(SECOND)]


def test_a_comment_cut_under_a_repeated_header_with_an_empty_first_column_goes_on(tmp_path: Path) -> None:
    # The rest of the comment starts at the table's left, left of the header's text.
    xs = NUMBERED
    first, second = Page(), Page()
    y = _row(first, 600, [""] + HEADER, bold=True, xs=xs)
    y = _row(first, y, ["1", *FIRST], xs=xs)
    _analysis(first, y, COMMENT + CUT[:1], inline=False)  # down to the foot of the page
    y = _row(second, 60, [""] + HEADER, bold=True, xs=xs)
    y = _text(second, y, REST[1:])
    _row(second, y, ["2", *SECOND], xs=xs)
    path = write_pdf(tmp_path / "comment_cut_empty_first_column.pdf", [first, second])
    assert not [b for b in read_pdf(path).blocks if isinstance(b, Paragraph)]
    assert _activities(path) == [_dated(FIRST), _dated(SECOND)]


def test_a_comment_label_alone_at_the_foot_of_the_page_has_its_text_on_the_next(tmp_path: Path) -> None:
    first, second = Page(), Page()
    y = _row(first, 700, HEADER, bold=True)
    y = _row(first, y, FIRST)
    first.text(XS[0], y, "Analys", bold=True)  # the last line of the page
    y = _row(second, 60, HEADER, bold=True)
    y = _text(second, y, COMMENT)
    _row(second, y, SECOND)
    path = write_pdf(tmp_path / "comment_label_at_page_foot.pdf", [first, second])
    assert not [b for b in read_pdf(path).blocks if isinstance(b, Paragraph)]
    assert _activities(path) == [_dated(FIRST), _dated(SECOND)]


def test_a_header_alone_keeps_its_empty_first_column_under_a_comment_across_the_table(tmp_path: Path) -> None:
    # Only one row fills the first column: the comment across the table, at the table's left,
    # hides the column's edge from the text; the header's empty first cell still shows it.
    page = Page()
    y = _row(page, 100, [""] + HEADER, bold=True, xs=NUMBERED)
    y = _text(page, y, REST)
    for row in (["2", *SECOND], ["", *THIRD], ["", *FIRST]):
        y = _row(page, y, row, xs=NUMBERED)
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "header_empty_first_column.pdf", [page])).blocks
               if isinstance(b, Table)]
    assert [[" ".join(cell.split()) for cell in row.cells] for row in table.rows] == [
        ["", *HEADER], [" ".join(REST), "", "", "", ""], ["2", *SECOND, ""], ["", *THIRD, ""], ["", *FIRST, ""]]
