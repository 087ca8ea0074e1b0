"""A header row repeated over the rest of a comment, its first cell run into the comment label
printed under it ("Indikator Analys"): still the header, and the label opens the comment of the
row above the header; the header is no indicator of its own."""
from __future__ import annotations

from blocks_builder import IND_HEADER_2018, lone, recognise_blocks, row, table


def test_a_header_cell_run_into_the_label_under_it():
    width = len(IND_HEADER_2018)
    found = recognise_blocks(
        table(IND_HEADER_2018, [
            ["Andel individer som avslutas till kodningen okänt", "26,47 %", "", "", "32,12 %", "", "20 %", "",
             "2023"]]),
        table(["Indikator Analys", *IND_HEADER_2018[1:]], [
            row(lone("Inför 2023 infördes indikatorn.", width), spanning=True)]),
    )
    (indicator,) = found.indicators
    assert indicator.name == "Andel individer som avslutas till kodningen okänt"
    assert indicator.comment == "Inför 2023 infördes indikatorn."
