"""Tables as browsers and LibreOffice's table styles print them: rows parted by horizontal rules
only or by shading (zebra bands), comment rows across the table, and a header whose cells wrap
over several lines set on the header's rule (bottom-aligned). Each case is one small PDF drawn
as such a producer lays the table out: every row padded above and below its text."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph, Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEFT, RIGHT = 68.0, 446.0
STARTS = [72.0, 250.0, 330.0, 410.0]  # where each column's text starts (the header's cells)
ENDS = [0.0, 310.0, 390.0, 440.0]  # where the right-aligned figures end
PAD = 3.0  # cell padding above and below the text
LEAD = 11.0  # 9 pt text on 11 pt lines
SHADE = (0.91, 0.93, 0.96)

# A header whose cells wrap over one to three lines.
HEADER = [["Indikator"], ["Periodens", "utfall"], ["Utfall", "föregående", "period"], ["Årsmål"]]
BODY = [["Andel nöjda brukare", "92 %", "90 %", "85 %"], ["Antal platser", "140", "132", "150"],
        ["Andel sjukfrånvaro", "6,1 %", "6,4 %", "5,0 %"], ["Antal ärenden", "2 310", "2 250", "2 400"]]
COMMENT = ["Kommentar", "Nöjdheten har ökat i alla verksamheter sedan förra året, mest inom hemtjänsten",
           "där kontinuiteten har förbättrats."]
JOINED_HEADER = [" ".join(cell) for cell in HEADER]
JOINED_COMMENT = "\n".join(COMMENT)


def _header(page: Page, top: float, rule: float) -> float:
    """The header's cells set on its bottom line (bottom-aligned), a rule of `rule` points under it."""
    depth = max(len(cell) for cell in HEADER)
    for x, cell in zip(STARTS, HEADER):
        for k, text in enumerate(cell):
            page.text(x, top + PAD + (depth - len(cell) + k) * LEAD, text, bold=True)
    bottom = top + 2 * PAD + depth * LEAD - 2
    page.line(LEFT, bottom, RIGHT, bottom, width=rule)
    return bottom


def _row(page: Page, top: float, cells: list[str], shaded: bool, ruled: bool) -> float:
    bottom = top + 2 * PAD + LEAD - 2
    if shaded:
        page.rect(LEFT, top, RIGHT, bottom, SHADE)
    page.text(STARTS[0], top + PAD, cells[0])
    for text, x1 in zip(cells[1:], ENDS[1:]):
        page.right(x1, top + PAD, text)
    if ruled:
        page.line(LEFT, bottom, RIGHT, bottom)
    return bottom


def _comment(page: Page, top: float, shaded: bool, ruled: bool) -> float:
    bottom = top + 2 * PAD + len(COMMENT) * LEAD - 2
    if shaded:
        page.rect(LEFT, top, RIGHT, bottom, SHADE)
    for k, text in enumerate(COMMENT):
        page.text(STARTS[0], top + PAD + k * LEAD, text, bold=k == 0)
    if ruled:
        page.line(LEFT, bottom, RIGHT, bottom)
    return bottom


def _table(page: Page, top: float, ruled: bool, comment_after: int | None = None) -> float:
    """The header, then BODY with every other row shaded (zebra) or every row ruled, and the
    comment row after body row `comment_after`; the bottom of the last row."""
    y = _header(page, top, 1.5)
    shaded = False
    for k, cells in enumerate(BODY):
        y = _row(page, y, cells, shaded and not ruled, ruled)
        shaded = not shaded
        if k == comment_after:
            y = _comment(page, y, shaded and not ruled, ruled)
            shaded = not shaded
    return y


def _cells(table: Table) -> list[list[str]]:
    return [row.cells for row in table.rows]


def _tables(path: Path) -> list[Table]:
    return [b for b in read_pdf(path).blocks if isinstance(b, Table)]


def _expected(comment_after: int | None) -> list[list[str]]:
    rows = [JOINED_HEADER]
    for k, cells in enumerate(BODY):
        rows.append(cells)
        if k == comment_after:
            rows.append([JOINED_COMMENT, "", "", ""])
    return rows


def test_zebra_table_with_bottom_aligned_wrapped_header_is_one_table(tmp_path: Path) -> None:
    page = Page()
    _table(page, 100, ruled=False)
    [table] = _tables(write_pdf(tmp_path / "zebra_wrapped_header.pdf", [page]))
    assert _cells(table) == _expected(None)
    assert table.rows[0].header and not any(row.header for row in table.rows[1:])


def test_zebra_comment_row_between_bands_is_one_row_of_the_table(tmp_path: Path) -> None:
    page = Page()
    _table(page, 100, ruled=False, comment_after=1)
    [table] = _tables(write_pdf(tmp_path / "zebra_comment_row.pdf", [page]))
    assert _cells(table) == _expected(1)
    assert table.rows[3].spanning


def test_row_rules_with_a_comment_row_are_one_table(tmp_path: Path) -> None:
    page = Page()
    _table(page, 100, ruled=True, comment_after=2)
    [table] = _tables(write_pdf(tmp_path / "rules_comment_row.pdf", [page]))
    assert _cells(table) == _expected(2)


def test_two_close_zebra_tables_stay_apart_with_the_paragraph_between(tmp_path: Path) -> None:
    page = Page()
    bottom = _table(page, 100, ruled=False, comment_after=3)
    page.text(LEFT, bottom + 10, "Verksamheten har arbetat vidare med målen.")
    _table(page, bottom + 30, ruled=False)
    doc = read_pdf(write_pdf(tmp_path / "zebra_two_tables.pdf", [page]))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [_cells(t) for t in tables] == [_expected(3), _expected(None)]
    assert any(isinstance(b, Paragraph) and b.text.startswith("Verksamheten har") for b in doc.blocks)


def test_a_zebra_table_right_under_the_last_comment_of_another_starts_at_its_header(tmp_path: Path) -> None:
    page = Page()
    bottom = _table(page, 100, ruled=False, comment_after=3)
    _table(page, bottom + 12, ruled=False)
    tables = _tables(write_pdf(tmp_path / "zebra_tables_close.pdf", [page]))
    assert [_cells(t) for t in tables] == [_expected(3), _expected(None)]


def test_header_set_left_over_right_aligned_figures_names_their_column(tmp_path: Path) -> None:
    """A table of one row: the header's "Årsmål" and the figure under it, set right, do not
    overlap, yet they are one column."""
    page = Page()
    page.text(72, 100 + PAD, "Nämndens indikatorer", bold=True)
    page.text(300, 100 + PAD, "Årsmål", bold=True)
    page.text(400, 100 + PAD, "Periodicitet", bold=True)
    y = 100 + 2 * PAD + LEAD - 2
    page.line(LEFT, y, RIGHT, y, width=1.5)
    page.rect(LEFT, y, RIGHT, y + 2 * PAD + LEAD - 2, SHADE)
    page.text(72, y + PAD, "Beläggning på boendet")
    page.right(380, y + PAD, "90")
    page.text(400, y + PAD, "Tertial")
    [table] = _tables(write_pdf(tmp_path / "header_over_right_figures.pdf", [page]))
    assert _cells(table) == [["Nämndens indikatorer", "Årsmål", "Periodicitet"], ["Beläggning på boendet", "90", "Tertial"]]


def test_a_date_broken_after_its_hyphen_stays_one_cell(tmp_path: Path) -> None:
    """A date column too narrow for "2013-12-31" breaks it after its second hyphen: the "31" under it is
    the rest of the date, not a row of its own, though figures under figures part rows."""
    page = Page()
    for x, text in zip((72, 300, 400), ("Aktivitet", "Startdatum", "Slutdatum")):
        page.text(x, 100 + PAD, text, bold=True)
    y = 100 + 2 * PAD + LEAD - 2
    page.line(LEFT, y, RIGHT, y, width=1.5)
    for k, (label, start, end) in enumerate((("Införa ett nytt arbetssätt i", "2013-01-01", "2013-12-"),
                                              ("alla verksamheter", "", "31"))):
        page.text(72, y + PAD + k * LEAD, label)
        if start:
            page.text(300, y + PAD + k * LEAD, start)
        page.text(400, y + PAD + k * LEAD, end)
    bottom = y + 2 * PAD + 2 * LEAD - 2
    page.line(LEFT, bottom, RIGHT, bottom)
    page.text(72, bottom + PAD, "Utbilda personalen")
    page.text(300, bottom + PAD, "2013-02-01")
    page.text(400, bottom + PAD, "2013-06-30")
    page.line(LEFT, bottom + 2 * PAD + LEAD - 2, RIGHT, bottom + 2 * PAD + LEAD - 2)
    [table] = _tables(write_pdf(tmp_path / "date_broken_at_hyphen.pdf", [page]))
    assert [row.cells[0] for row in table.rows] == ["Aktivitet", "Införa ett nytt arbetssätt i alla verksamheter",
                                                    "Utbilda personalen"]
    assert "".join(table.rows[1].cells[2].split()) == "2013-12-31"
