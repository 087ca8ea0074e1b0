"""Patterns the recogniser asks of every table or contents entry, answered by a cheaper test first:
the answers must be the patterns' own, on the vocabulary's spellings and on mixed texts."""
from __future__ import annotations

import random

import regex

from pipeline.recognise import vocabulary
from pipeline.recognise.goal_table import _LEVEL
from pipeline.recognise.toc import _ENDS_IN_PAGE, _ENTRY, _LEADERS, _without_leaders


def _level_by_patterns(text: str) -> tuple[str | None] | None:
    patterns = [(value, regex.compile(rf"^(?:{pattern})$")) for value, pattern in vocabulary.by_value("goal_table_level")]
    return next(((value,) for value, pattern in patterns if pattern.match(text)), None)


def _level_at_once(text: str) -> tuple[str | None] | None:
    found = _LEVEL.match(text)
    if found is None:
        return None
    return (next(v for k, v in enumerate(vocabulary.GOAL_TABLE_LEVEL_VALUES) if found.group(f"l{k}") is not None),)


def _texts() -> list[str]:
    spellings = ["inriktningsmål", "kf:sinriktningsmål", "kfsinriktningsmål", "målförverksamhetsområdet", "nämndmål",
                 "nämndensmål", "enhetsmål", "åtagande", "mål", "verksamhetsmål", "aktivitet", "indikator"]
    pool = [*"abcdefghijklmnopqrstuvwxyzåäö:.… \t\n\u00a0", "..", "...", "…", " .", " 12", "7", *spellings,
            "Error! Bookmark not defined.", "FEL! BOKMÄRKET", " error!bookmark  not defined"]
    rnd = random.Random(5)
    return spellings + ["".join(rnd.choice(pool) for _ in range(rnd.randint(0, 6))) for _ in range(30000)]


def test_goal_table_levels_in_one_pattern_are_the_patterns_in_turn():
    for text in _texts():
        assert _level_at_once(text) == _level_by_patterns(text), text


def test_leaders_are_taken_off_as_the_pattern_takes_them():
    for text in _texts():
        assert _without_leaders(text) == _LEADERS.sub("", text), text


def test_every_contents_entry_ends_in_what_the_reverse_pattern_finds():
    entries = 0
    for text in _texts():
        if _ENTRY.match(text) is not None:
            entries += 1
            assert _ENDS_IN_PAGE.search(text) is not None, text
    assert entries > 500
