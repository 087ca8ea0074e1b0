"""The shortcuts of series linking settle only what the full computation settles the same way: a
pair told apart by its numbers before alignment, a spelling refused by its lengths, a pair printed
in one report never aligned, a key's matcher reused over many pairs."""
from __future__ import annotations

import difflib
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dataset import series

# Words of the archives' keys: function words, content words, renamings, numbers, a split word.
WORDS = ["andel", "som", "har", "är", "beroende", "av", "i", "de", "barn", "ekonomiskt", "bistånd",
         "stockholms", "enkäten", "stockholmsenkäten", "tobak", "alkohol", "dag", "1", "14", "1-14",
         "12", "6", "tre", "tolv", "månader"]
KEYS = st.lists(st.sampled_from(WORDS), min_size=1, max_size=7).map(" ".join)


def _aligned(a: str, b: str) -> float | None:
    """similarity() with every pair aligned, the numbers' shortcut left out."""
    with mock.patch.object(series, "_numbers_differ", lambda left, right: False):
        return series.similarity(a, b)


@settings(max_examples=2000, deadline=None)
@given(KEYS, KEYS)
def test_numbers_differ_only_where_the_alignment_finds_a_number(a: str, b: str):
    assert series.similarity(a, b) == _aligned(a, b)


def test_numbers_in_another_order_are_apart_without_alignment():
    a, b = "sjukfrånvaro dag 1 14", "sjukfrånvaro dag 14 1"
    assert series._numbers_differ(series._Words(a), series._Words(b)) and _aligned(a, b) is None


# Spellings: a word and the same word with a few letters changed, put in or left out.
EDITS = st.lists(st.tuples(st.sampled_from("idr"), st.integers(0, 30), st.sampled_from("aeknst")), max_size=4)


def _edited(word: str, edits: list[tuple[str, int, str]]) -> str:
    for kind, at, letter in edits:
        at %= len(word) + 1
        word = (word[:at] + letter + word[at:] if kind == "i" else
                word[:at] + word[at + 1:] if kind == "d" else word[:at] + letter + word[at + 1:])
    return word


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(WORDS[:16]), min_size=1, max_size=3), EDITS)
def test_a_spelling_refused_by_its_lengths_is_refused_by_difflib(words: list[str], edits: list[tuple[str, int, str]]):
    other = _edited(" ".join(words), edits).split() or ["x"]
    ratio = difflib.SequenceMatcher(None, "".join(words), "".join(other), autojunk=False).ratio()
    assert series._same_spelling(words, other) is (ratio >= series.SPELLING)


ROWS = st.lists(st.tuples(KEYS, st.sampled_from(["A", "B"]), st.sampled_from(["d1", "d2", "d3", "d4"]),
                          st.sampled_from([None, 2010, 2023]), st.sampled_from([None, "%", "st"])), max_size=12)
# The renaming, so that generated rows link.
RENAMED = ("andel barn som har ekonomiskt bistånd", "andel barn som är beroende av ekonomiskt bistånd")


@settings(max_examples=500, deadline=None)
@given(ROWS, st.lists(st.tuples(st.sampled_from(RENAMED), st.sampled_from(["d1", "d2", "d3", "d4"])), max_size=4))
def test_keys_of_one_report_left_unaligned_link_as_when_aligned(rows: list[tuple[str, str, str, int | None, str | None]],
                                                               renamed: list[tuple[str, str]]):
    rows = rows + [(key, key, doc, 2018, None) for key, doc in renamed]
    with mock.patch.object(series, "_in_one_report", lambda first, second: False):
        aligned = series.link(rows)
    assert series.link(rows) == aligned


@settings(max_examples=300, deadline=None)
@given(KEYS, st.lists(KEYS, min_size=1, max_size=6))
def test_a_keys_matcher_reused_gives_a_fresh_ones_opcodes(b: str, lefts: list[str]):
    right = series._Words(b)
    for a in lefts:
        fresh = difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).get_opcodes()
        assert list(right.opcodes(series._Words(a))) == fresh
