"""A zebra table whose column holds text set left ("tas fram") and figures set right ("83"), under
a header set left ("KF:s årsmål") too short to reach over the figures: the text and the
header start the column, the figures end it, and the space between them is no column edge."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEFT, RIGHT = 68.0, 446.0
SIZE, PAD = 9.0, 2.5
SHADE = (0.9, 0.92, 0.95)
SHADES = (SHADE, (0.96, 0.96, 0.97))
HEADER = ["Indikator", "Årsmål", "KF:s årsmål", "Period"]
ROWS = [["Aktivt medskapandeindex", "80", "83", "2023"], ["Sjukfrånvaro", "9,5 %", "tas fram", "VB 2023"],
        ["Antal ärenden", "120", "95", "2023"], ["Sjukfrånvaro dag 1-14", "3,5 %", "tas fram", "VB 2023"]]


def test_text_set_left_and_figures_set_right_under_one_header_are_one_column(tmp_path: Path) -> None:
    page = Page()
    for x, text in zip((72.0, 250.0, 310.0, 400.0), HEADER):
        page.text(x, 100, text, bold=True)
    y = 100 + SIZE + PAD
    page.line(LEFT, y, RIGHT, y, width=1.0)
    for k, (name, target, kf, period) in enumerate(ROWS):
        if k % 2 == 0:
            page.rect(LEFT, y, RIGHT, y + 2 * PAD + SIZE, SHADE)
        page.text(72, y + PAD, name)
        page.right(290, y + PAD, target)
        if kf[0].isdigit():
            page.right(385, y + PAD, kf)
        else:
            page.text(310, y + PAD, kf)
        page.text(400, y + PAD, period)
        y += 2 * PAD + SIZE
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "zebra_mixed_alignment.pdf", [page])).blocks
               if isinstance(b, Table)]
    assert [row.cells for row in table.rows] == [HEADER, *ROWS]



# A browser's print of a wrapped header, bottom-aligned, 7 pt: each word at its x.
WRAPPED = [[(214, "Utfall"), (253, "Utfall"), (299, "Periodens")],
           [(162, "Periodens"), (214, "män/"), (253, "kvinnor/"), (299, "utfall"), (317, "VB"), (350, "Prognos")],
           [(72, "Indikator"), (162, "utfall"), (214, "pojkar"), (253, "flickor"), (299, "2017"), (350, "helår"),
            (397, "Årsmål"), (435, "KF:s"), (452, "årsmål"), (490, "Period")]]
FIGURES = [[(72, "Aktivt"), (91, "index"), (206, "80"), (245, "80"), (291, "80"), (342, "80"), (427, "81"),
            (482, "81"), (507, "2018")],
           [(72, "Sjukfrånvaro"), (206, "6,1 %"), (245, "4,1 %"), (291, "6,8 %"), (342, "6,3 %"), (389, "5,5 %"),
            (427, "5,5 %"), (435, "tas fram"), (490, "Tertial 2")],
           [(72, "Analys: index för bra arbetsgivare består av tre delindex, jämställdhet, attraktiv "
                  "arbetsgivare och rekommendera arbetsplats i staden nu")],
           [(72, "Index"), (91, "Bra"), (206, "84"), (342, "86"), (427, "86"), (482, "84"), (507, "2018")]]


def test_a_header_cell_starting_in_the_gutter_before_its_figures_names_their_column(tmp_path: Path) -> None:
    """"Årsmål" starts in the space between the figures of "Prognos helår" and its own, which
    end further right; on its line "KF:s årsmål" runs over the space between its text and its
    figures. Each header cell names the column of its figures (figures set right: x is their end),
    and a comment row across the table, ending under those figures, makes its column no text
    column."""
    page = Page()
    for k, line in enumerate(WRAPPED):
        for x, text in line:
            page.text(x, 100 + k * 9, text, size=7, bold=True)
    y = 100 + 3 * 9 + 2.0
    page.line(66.9, y, 528.4, y, width=1.0)
    for k, row in enumerate(FIGURES):
        page.rect(66.9, y, 528.4, y + 13.1, SHADES[k % 2])
        for x, text in row:
            if text[0].isdigit() and x < 500:
                page.right(x, y + 2.5, text, size=7)
            else:
                page.text(x, y + 2.5, text, size=7)
        y += 13.1
    [table] = [b for b in read_pdf(write_pdf(tmp_path / "zebra_header_in_gutter.pdf", [page])).blocks
               if isinstance(b, Table)]
    assert table.rows[0].cells[5:8] == ["Prognos helår", "Årsmål", "KF:s årsmål"]
    assert [row.cells[5:8] for row in table.rows[1:] if not row.spanning] == [
        ["", "81", "81"], ["5,5 %", "5,5 %", "tas fram"], ["", "86", "84"]]
