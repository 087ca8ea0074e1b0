"""An activity table cut by a page break inside a comment row, as a reader that finds tables by
their shaded rows (wkhtmltopdf's zebra stripes) hands it over: the comment's unshaded lines at
the top of the next page come as a paragraph between the two Table blocks, and the next page's
table starts at its first shaded row, without the header. The activity in that row is kept; and
where that part came with fewer cells than the header (its empty cells dropped), its cells go
under the columns they stand under."""
from __future__ import annotations

from parsers.blocks import Box, Place, Row, Table
from tests.blocks_builder import ACT_HEADER, para, recognise_blocks, row, table


def _cut_report(rest: str) -> list[str]:
    recognised = recognise_blocks(
        para("1. Alla barn har goda förutsättningar", heading=1, page=5),
        table(ACT_HEADER, [
            ["Första aktiviteten", "2023-01-20", "2024-12-31", ""],
            row(["Analys: arbetet har pågått under året och", "", "", ""], spanning=True),
        ], page=5),
        para(rest, page=6),
        table(["Andra aktiviteten vid sidan av den första", "2022-01-01", "2024-12-31"], [
            row(["Analys: enheten har mätt antalet individer.", "", ""], spanning=True),
        ], page=6),
    )
    return [a.name for a in recognised.activities]


def test_rest_of_a_cut_comment_at_a_page_top_keeps_the_table_open() -> None:
    names = _cut_report("kommer att fortsätta även under nästa år.")
    assert names == ["Första aktiviteten", "Andra aktiviteten vid sidan av den första"]


def test_text_in_upper_case_at_a_page_top_still_ends_the_table() -> None:
    # A sentence of its own under the table: the headerless grid after it is no activity table.
    names = _cut_report("Enheten har också arbetat med annat.")
    assert names == ["Första aktiviteten"]


def _boxed(cells: list[str], lefts: list[float], page: int, *, header: bool = False) -> Row:
    # Boxes 20 points wide from each left edge (only the x-range is read), the filled cells only.
    boxes = {k: Box(x, 0.0, x + 20.0, 10.0) for k, (text, x) in enumerate(zip(cells, lefts)) if text}
    return Row(cells, Place(page=page), header=header, boxes=boxes)


def test_a_part_on_the_next_page_with_its_empty_cells_dropped_keeps_its_columns() -> None:
    # The part on page 9 came with six cells for nine columns: its values go under the columns
    # they stand under on the page, as on page 8 ("62 %" under "Periodens utfall VB 2017").
    header = ["Indikator", "Periodens utfall", "Utfall män/pojkar", "Utfall kvinnor/flickor",
              "Periodens utfall VB 2017", "Prognos helår", "Årsmål", "KF:s årsmål", "Period"]
    lefts = [20.0, 280.0, 320.0, 360.0, 400.0, 440.0, 470.0, 520.0, 560.0]
    first = ["Andel insatser avslutade enligt plan", "54 %", "59 %", "23 %", "51 %", "50 %", "37 %", "37 %", "2018"]
    cut = ["Andel ungdomar som inte använder tobak", "87 %", "", "90 %", "90 %", "2018"]
    recognised = recognise_blocks(
        para("1. Alla barn har goda förutsättningar", heading=1, page=8),
        Table([_boxed(header, lefts, 8, header=True), _boxed(first, lefts, 8)], Place(page=8)),
        Table([_boxed(cut, [lefts[k] for k in (0, 4, 5, 6, 7, 8)], 9)], Place(page=9)),
    )
    tobak = next(i for i in recognised.indicators if "tobak" in i.name)
    assert (tobak.outcome_raw, tobak.target_raw, tobak.kf_target_raw) == (None, "90 %", "90 %")
