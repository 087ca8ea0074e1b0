"""A zebra budget table as a browser prints it: a bold header level naming groups of columns
over its rule ("augusti 2017" set left over its group), then a plain level of column labels
("Budget" set left, over figures set right that start further right), the row labels' column
empty there, then the shaded and unshaded rows. The labels are the header's too: "Budget" and
the figures under it are one column, as the bold level's cells are with theirs; and a group
label starting where a label under it starts is set left in that column, though its middle may
sit near the middle of a group of columns around it."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEFT, RIGHT = 68.0, 528.0
PAD = 2.5
SHADE = (0.91, 0.93, 0.96)
STARTS = [233.0, 294.0, 335.0, 382.0, 443.0, 484.0]
ENDS = [286.5, 327.5, 374.5, 435.5, 476.5, 523.5]
# A browser's print at 7.3 pt: "augusti 2018", set left over Budget, has its middle nearer the
# middle of Förbrukn..Utfall than the one of its own column.
TIGHT_STARTS = [233.3, 294.3, 335.3, 382.4, 443.4, 484.3]
TIGHT_ENDS = [286.6, 327.5, 374.6, 435.6, 476.5, 523.7]
BODY = [["Taxor och avgifter", "-50,6", "-33,6", "66,4%", "-51,0", "-32,3", "63,4%"],
        ["Hyresintäkter", "-24,2", "-29,9", "123,6%", "-48,0", "-36,2", "75,3%"],
        ["Försäljning", "-284,9", "-214,3", "75,2%", "-396,1", "-199,5", "50,4%"],
        ["Summa intäkter", "-359,7", "-277,8", "77,2%", "-495,1", "-268,0", "54,1%"],
        ["Personalkostnader", "696,0", "456,3", "65,6%", "689,4", "448,3", "65,0%"]]
LABELS = ["Budget", "Utfall", "Förbrukn", "Budget", "Utfall", "Förbrukn"]


def _page(size: float, starts: list[float], ends: list[float]) -> Page:
    page = Page()
    page.text(68, 60, "Utfall och förbrukning per kostnadsgruppering", size=10, bold=True)
    y = 90.0
    for x, text in ((72.0, "Riktvärde 66,7%"), (starts[0], "augusti 2017"), (starts[3], "augusti 2018")):
        page.text(x, y + PAD, text, size=size, bold=True)
    y += 2 * PAD + size
    page.line(LEFT, y, RIGHT, y, width=1.5)
    y += 0.75
    for x, text in zip(starts, LABELS):
        page.text(x, y + PAD, text, size=size)
    y += 2 * PAD + size + 1.5
    y = page.zebra_rows(BODY, y, ends, (LEFT, RIGHT), size, PAD, SHADE, first_shaded=True)
    page.text(68, y + 12, "Nämndens utfall till och med augusti är 741,4 mnkr.", size=10)
    return page


def _cells(page: Page, path: Path) -> list[list[str]]:
    [table] = [b for b in read_pdf(write_pdf(path, [page])).blocks if isinstance(b, Table)]
    return [row.cells for row in table.rows]


def test_a_plain_level_of_column_labels_under_a_bold_header_keeps_its_columns(tmp_path: Path) -> None:
    assert _cells(_page(8.0, STARTS, ENDS), tmp_path / "zebra_label_level.pdf") == [
        ["Riktvärde 66,7%", "augusti 2017", "", "", "augusti 2018", "", ""], ["", *LABELS], *BODY]


def test_a_group_label_set_left_where_a_label_under_it_starts_stays_in_that_column(tmp_path: Path) -> None:
    assert _cells(_page(7.3, TIGHT_STARTS, TIGHT_ENDS), tmp_path / "zebra_label_level_tight.pdf")[:2] == [
        ["Riktvärde 66,7%", "augusti 2017", "", "", "augusti 2018", "", ""], ["", *LABELS]]
