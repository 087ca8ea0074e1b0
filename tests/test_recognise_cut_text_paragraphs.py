"""A cell cut by a page break and printed on under the header the new page repeats, with no
activity open: its lower-case rest, and the further paragraphs of the same cell after it (rows
without values, starting in upper case), are text, not activities without dates."""
from __future__ import annotations

import datetime as dt

from blocks_builder import ACT_HEADER, lone, para, paras, recognise_blocks, table


def test_the_paragraphs_after_a_cut_sentence_are_no_activities():
    found = recognise_blocks(
        *paras("Enhetsmål:", "Enheten arbetar mot våld i nära relationer"),
        table(ACT_HEADER, [["Data från diagram", "Kategori", "Antal", ""]]),
        para("40 % av dem har beviljats"),
        table(ACT_HEADER, [
            lone("insatser genom RVC. Det kan kräva en längre tid av kontakt.", 4),
            lone("Under 2023 har Relationsvårdcenter besökt enheten för att öka kompetensen.", 4),
            ["Kategori", "Antal", "", ""],
            ["✓ Enheten stärker samverkan med externa partners", "2022-01-01", "2023-12-31", ""],
            lone("Analys", 4),
            lone("Enheten har arbetat med samverkan.", 4),
            lone("Internt har en överenskommelse skrivits.", 4)], page=3),
    )
    assert [(a.name, a.start_date) for a in found.activities] == [
        ("Enheten stärker samverkan med externa partners", dt.date(2022, 1, 1))]
    assert found.activities[0].comment == "Enheten har arbetat med samverkan.\nInternt har en överenskommelse skrivits."
