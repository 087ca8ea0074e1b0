"""A line-free table set as tight as its widest cells, as LibreOffice prints an HTML table: the
header cells stand barely further apart than words (under a column gutter's width), the header
stands a row's padding above the first row, cells are vertically centred beside a wrapped first
cell, and a header names a column the body leaves empty. Each case is one small PDF; the gaps
follow from Helvetica's widths (digits and the bold letters used)."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

NAME_X = 72.0
LEAD = 11.0  # 9 pt text on 11 pt lines
PAD = 12.0  # between two rows' text, above the line gap: 14 pt, more than a line gap


def _tables(path: Path) -> list[Table]:
    return [b for b in read_pdf(path).blocks if isinstance(b, Table)]


# A date is 46.0 pt wide at 9 pt; the second date column starts 5.5 pt after the first ends,
# and "Startdatum" (bold, 47.5 pt) ends 4 pt before it: a word space is 2.5 pt, a gutter 8 pt.
# "Slutdatum" (44.0 pt) ends 4.5 pt before "Avvikelse", which starts right of every end date.
DATE_X = (380.0, 431.5)
HEADER = [("Aktivitet", NAME_X), ("Startdatum", DATE_X[0]), ("Slutdatum", DATE_X[1]), ("Avvikelse", 480.0)]
ACTIVITIES = [(["Utveckla samverkan med skolan och", "socialtjänsten kring barn i behov av stöd"],
               ("2013-01-01", "2013-12-31")),
              (["Ta fram rutiner för uppföljning av", "placerade barn och unga"], ("2013-02-01", "2014-06-30"))]
COMMENT = "Kommentar Arbetet har påbörjats och fortsätter under nästa år."


def test_tight_header_over_centred_rows_names_every_column(tmp_path: Path) -> None:
    page = Page()
    for text, x in HEADER:
        page.text(x, 100, text, bold=True)
    y = 100 + LEAD + PAD
    for k, (name, dates) in enumerate(ACTIVITIES):
        for n, text in enumerate(name):
            page.text(NAME_X, y + n * LEAD, text)
        for date, x in zip(dates, DATE_X):
            page.text(x, y + LEAD / 2, date)  # centred beside the two lines of the name
        y += len(name) * LEAD + PAD
        if k == 0:
            page.text(NAME_X, y, COMMENT)
            y += LEAD + PAD
    [table] = _tables(write_pdf(tmp_path / "tight_header_centred_rows.pdf", [page]))
    assert [row.cells for row in table.rows] == [
        [text for text, _ in HEADER],
        [" ".join(ACTIVITIES[0][0]), *ACTIVITIES[0][1], ""],
        [COMMENT, "", "", ""],
        [" ".join(ACTIVITIES[1][0]), *ACTIVITIES[1][1], ""]]
    assert table.rows[0].header and not table.rows[1].header


# Figures set left in their columns; the bold labels over them 4 pt apart.
FIGURE_X = (250.0, 298.5, 335.0)
LABELS = ["Verksamhetsområde", "Kostnader", "Intäkter", "KF-anslag"]
BUDGET = [["Barn och ungdom", "158,9", "-103,8", "55,0"], ["Funktionshindrade", "67,7", "-45,4", "22,3"],
          ["Jourverksamhet", "19,6", "0,0", "19,6"]]


def test_header_a_rows_padding_above_the_rows_is_their_header(tmp_path: Path) -> None:
    page = Page()
    page.text(NAME_X, 80, "Nämndens budget per verksamhetsområde, mnkr.")
    for text, x in zip(LABELS, (NAME_X, *FIGURE_X)):
        page.text(x, 100, text, bold=True)
    y = 100 + LEAD + PAD
    for row in BUDGET:
        for text, x in zip(row, (NAME_X, *FIGURE_X)):
            page.text(x, y, text)
        y += LEAD + PAD
    [table] = _tables(write_pdf(tmp_path / "header_padded_above_rows.pdf", [page]))
    assert [row.cells for row in table.rows] == [LABELS, *BUDGET]
    assert table.rows[0].header


def test_dates_closer_than_a_gutter_stand_in_two_columns(tmp_path: Path) -> None:
    # The dates 4 pt apart (a word space is 2.5 pt), under plain labels that start where the
    # dates start.
    x = (375.0, 425.0)
    page = Page()
    page.text(NAME_X, 100, "KF:s aktiviteter")
    page.text(x[0], 100, "Startdatum")
    page.text(x[1], 100, "Slutdatum")
    # A name on one line has its dates beside it; one wrapped over two lines, between them.
    rows = [(["Utveckla samverkan med skolan"], ("2013-01-01", "2013-12-31")), *ACTIVITIES]
    y = 100 + LEAD + PAD
    for name, dates in rows:
        for n, text in enumerate(name):
            page.text(NAME_X, y + n * LEAD, text)
        for date, at in zip(dates, x):
            page.text(at, y + (len(name) - 1) * LEAD / 2, date)
        y += len(name) * LEAD + PAD
    [table] = _tables(write_pdf(tmp_path / "dates_closer_than_a_gutter.pdf", [page]))
    assert [row.cells for row in table.rows] == [["KF:s aktiviteter", "Startdatum", "Slutdatum"],
                                                 *[[" ".join(name), *dates] for name, dates in rows]]


def test_column_labels_closer_than_a_gutter_under_group_labels_head_the_rows(tmp_path: Path) -> None:
    # "Förbrukn" ends 4 pt before the next group's "Budget"; the labels are plain, the group
    # labels over them bold, each line a row's padding above the next.
    starts = (200.0, 250.0, 290.0, 330.0, 380.0, 420.0)
    page = Page()
    page.text(NAME_X, 100, "Riktvärde", bold=True)
    page.text(starts[0], 100, "augusti 2017", bold=True)
    page.text(starts[3], 100, "augusti 2018", bold=True)
    labels = ["Budget", "Utfall", "Förbrukn"] * 2
    rows = [["Taxor och avgifter", "-50,6", "-33,6", "66,4%", "-51,0", "-32,3", "63,4%"],
            ["Hyresintäkter", "-24,2", "-29,9", "123,6%", "-48,0", "-36,2", "75,3%"],
            ["Bidrag, ersättningar", "-185,6", "-95,2", "51,3%", "-45,1", "-65,6", "145,5%"]]
    y = 100 + LEAD + PAD
    for line in [["", *labels], *rows]:
        for text, x in zip(line, (NAME_X, *starts)):
            if text:
                page.text(x, y, text)
        y += LEAD + PAD
    [table] = _tables(write_pdf(tmp_path / "labels_under_group_labels.pdf", [page]))
    assert [row.cells for row in table.rows] == [
        ["Riktvärde", "augusti 2017", "", "", "augusti 2018", "", ""], ["", *labels], *rows]


def test_header_set_far_above_its_rows_heads_them(tmp_path: Path) -> None:
    # A header repeated at the top of a page stands further above the rows than rows are apart
    # (LibreOffice Writer/Web): the rows under it in its columns are still its table's.
    page = Page()
    labels = ["Verksamhetsområde", "Kostnader", "Intäkter", "KF-anslag"]
    starts = (NAME_X, 250.0, 310.0, 370.0)
    for text, x in zip(labels, starts):
        page.text(x, 100, text, bold=True)
    y = 100 + LEAD + 3 * PAD
    for row in BUDGET:
        for text, x in zip(row, starts):
            page.text(x, y, text)
        y += LEAD + PAD
    [table] = _tables(write_pdf(tmp_path / "header_far_above_rows.pdf", [page]))
    assert [row.cells for row in table.rows] == [labels, *BUDGET]


def test_columns_shown_by_text_edges_alone(tmp_path: Path) -> None:
    # No gap as wide as a gutter anywhere but after the header's first cell: the name ends 6 pt
    # before the start date, the dates stand 6 pt apart, the header's labels 4.5 pt; the labels
    # start exactly where the dates start ("uppdrag under hela perioden" is 115.6 pt wide).
    dates = (193.6, 245.6)
    page = Page()
    page.text(NAME_X, 100, "Aktiviteter", bold=True)
    page.text(dates[0], 100, "Startdatum", bold=True)
    page.text(dates[1], 100, "Slutdatum", bold=True)
    y = 100 + LEAD + PAD
    row = ["uppdrag under hela perioden", "2010-01-01", "2010-12-31"]
    for text, x in zip(row, (NAME_X, *dates)):
        page.text(x, y, text)
    page.text(NAME_X, y + LEAD + 3 * PAD, "Arbetet följs upp i verksamhetsberättelsen.")
    [table] = _tables(write_pdf(tmp_path / "columns_by_text_edges.pdf", [page]))
    assert [row.cells for row in table.rows] == [["Aktiviteter", "Startdatum", "Slutdatum"], row]
