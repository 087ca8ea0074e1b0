"""A table of contents whose entry wraps over two lines: the first line, with no page number,
is the entry's start, not a goal heading of the body; the goal is read where the body has it."""
from __future__ import annotations

from blocks_builder import para, paras, recognise_blocks, table


def test_a_wrapped_contents_entry_is_no_goal_heading():
    found = recognise_blocks(
        para("Innehållsförteckning"),
        table(["KF:s inriktningsmål: 1. Ett Stockholm som håller samman", "5"]),
        para("KF:s mål för verksamhetsområdet: 1.3 Stockholms stad ska ge stöd och omsorg där behoven är som"),
        table(["störst......................................", "5"], [
            ["KF:s inriktningsmål: 2. Ett grönt Stockholm..........14", ""]]),
        para("Sammanfattande analys"),
        para("KF:s inriktningsmål: 1. Ett Stockholm som håller samman"),
        para("KF:s mål för verksamhetsområdet: 1.3 Stockholms stad ska ge stöd och omsorg där behoven är som störst"),
        *paras("Beskrivning", "Stödet ges där det behövs."),
    )
    assert [(g.number, g.title) for g in found.goals] == [
        ("1", "Ett Stockholm som håller samman"),
        ("1.3", "Stockholms stad ska ge stöd och omsorg där behoven är som störst")]
