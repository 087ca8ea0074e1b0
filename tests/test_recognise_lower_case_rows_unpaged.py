"""Rows in lower case without values at the top of a Word or HTML table (no pages, so no page
break cut a sentence before it) are the table's activities and indicators, not text."""
from __future__ import annotations

from blocks_builder import ACT_HEADER, paras, recognise_blocks, table


def test_a_lower_case_activity_without_dates_in_an_unpaged_table_is_kept():
    found = recognise_blocks(
        *paras("Nämndmål:", "Stockholm ska vara en stad för alla"),
        table(ACT_HEADER, [["e-tjänst för bygglov ska införas", "", "", ""],
                           ["Stadsdelen ska ta fram en handlingsplan", "", "", ""]], header=True),
    )
    assert [a.name for a in found.activities] == ["e-tjänst för bygglov ska införas",
                                                  "Stadsdelen ska ta fram en handlingsplan"]


def test_a_lower_case_indicator_without_values_in_an_unpaged_table_is_kept():
    found = recognise_blocks(
        *paras("Nämndmål:", "Stockholm ska vara en stad för alla"),
        table(["Indikator", "Periodens utfall", "Årsmål", "Period"],
              [["andel elever med behörighet till gymnasiet", "", "", ""], ["Antal hemlösa", "", "", ""]],
              header=True),
    )
    assert [i.name for i in found.indicators] == ["andel elever med behörighet till gymnasiet", "Antal hemlösa"]
