"""The body's first goal heading right after the contents, over a table whose first row goes on
in lower case and ends in a count, is a goal: only a line with leaders before its page number
is the rest of a wrapped contents entry."""
from __future__ import annotations

from blocks_builder import para, recognise_blocks, table


def test_a_goal_over_a_lower_case_row_ending_in_a_count_is_no_wrapped_entry():
    found = recognise_blocks(
        para("Innehåll"),
        para("Sammanfattning .......... 2"),
        para("Mål och indikatorer .......... 4"),
        para("KF:s inriktningsmål 1: Ett Stockholm som håller samman"),
        table(["antal anställda", "120"], [["Sjukfrånvaro", "6,1 %"]]),
    )
    assert [(g.number, g.title) for g in found.goals] == [("1", "Ett Stockholm som håller samman")]
