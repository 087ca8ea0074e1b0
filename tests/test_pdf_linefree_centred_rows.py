"""Line-free tables whose names wrap over many lines, set top-aligned in tall rows, while the
other cells stand vertically centred in the row (pandoc's HTML printed by a browser engine):
a row is the band from one name's first line to the next name's, whatever lines the figures
make between. Each case is one small PDF of that layout."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

SIZE = 9.0
PITCH = 13.5  # 9 pt text on 13.5 pt lines: a line gap of half the size, wider than a cell's usual
PAD = 8.0  # the padding between two rows' text, above the line gap
NAME_X = 72.0
STARTS = (200.0, 260.0, 330.0)  # where the left-aligned columns start
WIDTH = 110.0  # the name column's width: names wrap at it, as a browser wraps a cell's text


def _tables(path: Path) -> list[Table]:
    return [b for b in read_pdf(path).blocks if isinstance(b, Table)]


def _wrap(text: str) -> list[str]:
    lines = [""]
    for word in text.split():
        if lines[-1] and text_width(f"{lines[-1]} {word}", SIZE) > WIDTH:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def _name(page: Page, top: float, lines: list[str]) -> float:
    for n, text in enumerate(lines):
        page.text(NAME_X, top + n * PITCH, text)
    return top + len(lines) * PITCH + PAD


def _centred_rows(page: Page, top: float, rows: list[tuple[str, list[str]]]) -> float:
    """Each row's name wrapped from `top` down, its figures centred on the name's lines."""
    for name, figures in rows:
        lines = _wrap(name)
        for x, text in zip(STARTS, figures):
            page.text(x, top + (len(lines) - 1) * PITCH / 2, text)
        top = _name(page, top, lines)
    return top


def _header(page: Page, labels: tuple[str, ...]) -> float:
    page.text(NAME_X, 100, labels[0], bold=True)
    for x, text in zip(STARTS, labels[1:]):
        page.text(x, 100, text, bold=True)
    return 100 + PITCH + PAD


def test_a_cell_set_lower_than_the_name_lines_does_not_make_each_line_a_row(tmp_path: Path) -> None:
    # The lines a lower cell merges with reach further down than the name's own words: the
    # gaps between the name's lines are measured from its words, not from those lines.
    page = Page()
    y = _header(page, ("Indikator", "Utfall", "Årsmål", "KF:s mål"))
    rows = [("Andel nöjda brukare inom hemtjänsten i stadsdelen", ["92 %", "90 %"], ["95 %"], 0.0),
            ("Andel medarbetare med utbildning i lågaffektivt bemötande", ["60 %", "80 %"], ["80 %"], 0.0),
            ("Andel personer som själva upplever att de får en förbättrad situation",
             ["69 %", "80 %"], ["70 %"], 3.0)]
    for name, figures, last, lower in rows:
        for x, text in zip(STARTS, figures):
            page.text(x, y + PITCH, text)
        for n, text in enumerate(last):
            page.text(STARTS[2], y + lower + n * PITCH, text)
        y = _name(page, y, _wrap(name))
    [table] = _tables(write_pdf(tmp_path / "linefree_lower_cell.pdf", [page]))
    assert [row.cells for row in table.rows] == [
        ["Indikator", "Utfall", "Årsmål", "KF:s mål"], *[[name, *figures, *last] for name, figures, last, _ in rows]]


def test_name_lines_above_figures_centred_on_their_own_line_start_the_first_row(tmp_path: Path) -> None:
    # A table going on at a page's top without its header: the first line with a gutter is
    # the row's figures, set between the name's second and third lines; the name's lines
    # above them are the row's, as many as it has below.
    page = Page()
    page.text(NAME_X, 80, "Uppföljning av nämndens indikatorer under året.")
    y = 110.0
    rows = [("Nämnden ska i samråd med stadsdelarna utreda behovet av stöd till äldre som saknar boende",
             ["30 %", "40 %", "Tertial"]),
            ("Andel medarbetare med utbildning i lågaffektivt bemötande", ["74 %", "70 %", "Tertial"]),
            ("Andel personer som själva upplever att de får en förbättrad situation", ["50", "1 400", "År"])]
    _centred_rows(page, y, rows)
    [table] = _tables(write_pdf(tmp_path / "linefree_centred_first_row.pdf", [page]))
    assert [row.cells for row in table.rows] == [[name, *figures] for name, figures in rows]


def test_a_figure_wrapped_after_its_thousands_groups_keeps_its_unit(tmp_path: Path) -> None:
    # "3 500" over "000 kWh" in a narrow column: the rest of one figure, not a row's figure.
    page = Page()
    y = _header(page, ("Indikator", "Årsmål", "KF:s mål", "Period"))
    rows = [("Andel miljöbilar", ["90 %"], ["85 %"], "År"),
            ("Elförbrukning (alla nämnder/bolag)", ["3 500", "000 kWh"], ["minska"], "År"),
            ("Andel inköp med miljökrav", ["60 %"], ["50 %"], "Tertial")]
    for name, target, goal, period in rows:
        for x, lines in zip(STARTS, (target, goal, [period])):
            for n, text in enumerate(lines):
                page.text(x, y + n * PITCH, text)
        y = _name(page, y, _wrap(name))
    [table] = _tables(write_pdf(tmp_path / "linefree_thousands_unit.pdf", [page]))
    assert [row.cells for row in table.rows] == [
        ["Indikator", "Årsmål", "KF:s mål", "Period"],
        *[[name, " ".join(target), " ".join(goal), period] for name, target, goal, period in rows]]


def test_a_name_column_whose_lines_show_a_gutter_once_is_a_column(tmp_path: Path) -> None:
    # Dates centred on lines of their own beside names of four lines, and on the middle line of
    # a name of three: one line shows the gutter after the names, which their wrapped lines
    # show by ending before it.
    page = Page()
    y = 80.0
    rows = ["Nämnden ska sprida arbetet med stödpersoner i stadsdelarna",
            "Nämnden ska i samråd med stadsdelarna utreda behovet av stöd till äldre som saknar boende",
            "Nämnden ska i samverkan med landstinget utreda möjligheter till fler hembesök"]
    for name in rows:
        lines = _wrap(name)
        page.text(STARTS[0], y + (len(lines) - 1) * PITCH / 2, "2018-01-01")
        page.text(STARTS[1], y + (len(lines) - 1) * PITCH / 2, "2018-12-31")
        y = _name(page, y, lines)
    [table] = _tables(write_pdf(tmp_path / "linefree_name_column.pdf", [page]))
    assert [row.cells for row in table.rows] == [[name, "2018-01-01", "2018-12-31"] for name in rows]


def test_names_wrapped_at_a_line_and_a_half_stay_one_cell_without_row_padding(tmp_path: Path) -> None:
    # Lines set a line and a half apart (a gap of half the size, wider than a cell's usual
    # leading) and no padding between rows: the spacing makes every line a row, the text does
    # not: a line whose first word would not have fitted on the name's line above, in lower
    # case, goes on with that name; a capital starts the next.
    page = Page()
    page.text(NAME_X, 100, "Indikator", bold=True)
    for x, text in zip(STARTS, ("Utfall", "Årsmål", "Period")):
        page.text(x, 100, text, bold=True)
    rows = [("Andel personer som själva upplever att de får en förbättrad situation", ["69 %", "80 %", "2023"]),
            ("Andel medarbetare med utbildning i lågaffektivt bemötande", ["60 %", "80 %", "2023"])]
    y = 100 + PITCH
    for name, figures in rows:
        lines = _wrap(name)
        for x, text in zip(STARTS, figures):
            page.text(x, y + (len(lines) - 1) // 2 * PITCH, text)
        y = _name(page, y, lines) - PAD
    [table] = _tables(write_pdf(tmp_path / "linefree_wrapped_without_padding.pdf", [page]))
    assert [row.cells for row in table.rows] == [["Indikator", "Utfall", "Årsmål", "Period"],
                                                 *[[name, *figures] for name, figures in rows]]


def test_a_wrapped_header_cell_centred_over_an_empty_column_names_a_column(tmp_path: Path) -> None:
    # Header cells centred in a header row of three lines: "KF:s" over "årsmål" stand on lines
    # of their own, between the others' lines, over a column the rows leave empty; their
    # middles line up where their starts do not.
    page = Page()
    kf, period = 350.0, 400.0

    bold_widths = {"KF:s": 2222, "årsmål": 3224}  # Helvetica-Bold's advance widths, per 1000

    def centred(top: float, text: str) -> None:
        page.text(kf - bold_widths[text] * SIZE / 2000, top, text, bold=True)

    half = PITCH / 2
    page.text(STARTS[0], 100, "Utfall", bold=True)
    page.text(STARTS[1], 100, "Utfall", bold=True)
    centred(100 + half, "KF:s")
    for x, text in ((NAME_X, "Indikator"), (STARTS[0], "män/"), (STARTS[1], "kvinnor/"), (period, "Period")):
        page.text(x, 100 + PITCH, text, bold=True)
    centred(100 + PITCH + half, "årsmål")
    page.text(STARTS[0], 100 + 2 * PITCH, "pojkar", bold=True)
    page.text(STARTS[1], 100 + 2 * PITCH, "flickor", bold=True)
    y = 100 + 3 * PITCH + PAD
    rows = [("Andel nöjda brukare", "92 %", "90 %", "2023"), ("Andel sjukfrånvaro", "6 %", "5 %", "VB 2023"),
            ("Antal vräkningar", "8", "2", "2023")]
    for name, men, women, when in rows:
        for x, text in ((STARTS[0], men), (STARTS[1], women), (period, when)):
            page.text(x, y, text)
        y = _name(page, y, [name])
    [table] = _tables(write_pdf(tmp_path / "linefree_centred_header_empty_column.pdf", [page]))
    assert table.rows[0].cells[3:] == ["KF:s årsmål", "Period"]
    assert [row.cells for row in table.rows[1:]] == [[name, men, women, "", when] for name, men, women, when in rows]


def test_a_dates_cell_broken_after_its_hyphen_stays_one_date(tmp_path: Path) -> None:
    # "2009-12-" over "31" in a narrow column, centred beside a name of four lines: the rest
    # of the date, not a figure of a row of its own under the row's figure.
    page = Page()
    y = _header(page, ("Aktivitet", "Startdatum", "Slutdatum"))
    rows = ["Nämnden ska i samråd med stadsdelarna utreda behovet av stöd till äldre som saknar boende",
            "Nämnden ska sprida arbetet med stödpersoner i stadsdelarna"]
    for name in rows:
        lines = _wrap(name)
        middle = y + (len(lines) - 1) * PITCH / 2 - PITCH / 2
        page.text(STARTS[0], middle, "2009-01-01")
        page.text(STARTS[1], middle, "2009-12-")
        page.text(STARTS[1], middle + PITCH, "31")
        y = _name(page, y, lines)
    [table] = _tables(write_pdf(tmp_path / "linefree_broken_date.pdf", [page]))
    assert [row.cells for row in table.rows] == [["Aktivitet", "Startdatum", "Slutdatum"],
                                                 *[[name, "2009-01-01", "2009-12-31"] for name in rows]]


def test_the_rest_of_a_cut_name_above_the_first_row_at_a_page_top_goes_on_the_cut_row(tmp_path: Path) -> None:
    # The table, ruled over and under its header, goes on over a page break without its
    # header; the break cut a name, whose last lines stand in the first column at the next
    # page's top, a row's padding above the next row (its figures centred beside it): they end
    # the cut name.
    first, second = Page(), Page()
    y = _header(first, ("Indikator", "Årsmål", "KF:s mål", "Period"))
    first.line(NAME_X - 4, 96, 400, 96)
    first.line(NAME_X - 4, y - PAD / 2, 400, y - PAD / 2)
    y = _name(first, y, _wrap("Andel personer som har ekonomiskt bistånd"))
    first.text(STARTS[0], y - PAD - 2 * PITCH, "0,05 %")
    first.text(STARTS[1], y - PAD - 2 * PITCH, "max 6 %")
    first.text(STARTS[2], y - PAD - 2 * PITCH, "År")
    cut = _wrap("Genomsnittlig inskrivningstid för personer med ekonomiskt bistånd som fått arbete via Jobbtorg")
    first.text(STARTS[2], y + PITCH, "Tertial")
    _name(first, y, cut[:3])
    y = _name(second, 80.0, cut[3:])
    rows = [("Andel aspiranter som har avslutats efter inskrivning på Jobbtorg", ["30 %", "tas fram", "Tertial"]),
            ("Andel personer i procent som har ett långvarigt beroende", ["74 %", "tas fram", "Tertial"])]
    _centred_rows(second, y, rows)
    [table] = _tables(write_pdf(tmp_path / "linefree_cut_rest_above_first_row.pdf", [first, second]))
    assert [row.cells for row in table.rows] == [
        ["Indikator", "Årsmål", "KF:s mål", "Period"], ["Andel personer som har ekonomiskt bistånd", "0,05 %", "max 6 %", "År"],
        [" ".join(cut), "", "", "Tertial"], *[[name, *figures] for name, figures in rows]]
