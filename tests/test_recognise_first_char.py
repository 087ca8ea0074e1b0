"""Patterns asked of every paragraph are skipped by the paragraph's first character: never where
the pattern itself would match, and status lines read by one pattern as by their patterns in turn."""
from __future__ import annotations

import itertools

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalizers.text import strip_markers
from parsers.blocks import Paragraph, Table
from parsers.text import parse_lines
from paths import SEEDS
from pipeline.recognise import labels, toc, vocabulary
from pipeline.recognise.first_char import FirstChar
from pipeline.recognise.settings import SETTINGS

SKIPPED = {"heading": labels._HEADING, "label": labels._LABEL, "status": labels._STATUS, "toc": toc._TOC_HEADING}


def _seed_texts() -> list[str]:
    texts = []
    for path in sorted(SEEDS.glob("*.txt")):
        for block in parse_lines(path.read_text("utf-8").split("\n")):
            if isinstance(block, Paragraph):
                texts.append(block.text)
            elif isinstance(block, Table):
                texts += [cell for row in block.rows for cell in row.cells]
    return texts


def _same(skipping: FirstChar, text: str) -> bool:
    found, plain = skipping.match(text), skipping.pattern.match(text)
    return (found and found.span(), found and found.groupdict()) == (plain and plain.span(), plain and plain.groupdict())


@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_a_pattern_skipped_by_the_first_character_matches_every_seed_text_it_matched(name):
    skipping = SKIPPED[name]
    texts = [t for text in _seed_texts() for t in (text, strip_markers(text), "")]
    assert [t for t in texts if not _same(skipping, t)] == []
    assert any(skipping.pattern.match(t) for t in texts)  # the seeds hold such lines


SPELLINGS = [s.pattern for concept in ("goal_level", "goal_section", "assessment", "assessment_lead", "toc_heading")
             for s in vocabulary.rows(concept)]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.sampled_from(SPELLINGS).flatmap(lambda p: st.from_regex(p, fullmatch=True)),
       st.sampled_from(["", " ", "  ", "\t", ":", ": Budgeten i balans", " 2:", " 3: x", ".", " helt", "s"]),
       st.sampled_from(["", " ", "\u00a0", "KF:s ", "Status: ", "Bedömning ", "x"]),
       st.booleans())
def test_a_pattern_skipped_by_the_first_character_matches_what_the_vocabulary_spells(spelling, after, before, upper):
    text = before + (spelling.upper() if upper else spelling) + after
    assert [name for name, skipping in SKIPPED.items() if not _same(skipping, text)] == []


def test_a_pattern_with_an_assertion_that_fails_at_the_end_is_refused():
    # "a\\B" matches "ab", yet the partial match of "a" alone fails: the skip would be wrong.
    assert regex.match(r"a\B", "ab") and not regex.match(r"a\B", "a", partial=True)
    with pytest.raises(ValueError):
        FirstChar(regex.compile(r"a\B"))


def _status_by_its_patterns(text: str) -> tuple[str | None, str] | None:
    line = strip_markers(text)
    if len(line) > SETTINGS.max_status_length:
        return None
    for pattern, value in vocabulary.ASSESSMENTS:
        if regex.match(rf"^{vocabulary.ASSESSMENT_LEAD}(?:{pattern})\.?$", line, regex.IGNORECASE):
            return value, line
    return None


def test_a_status_line_is_the_first_assessment_whose_patterns_match_it():
    words = ["Bedömning", "status", ":", " ", "Målet", "uppfylls", "uppnås", "helt", "delvis", "ej", "inte",
             "uppfyllt", "uppnått", "ingen", "bedömt", "bedöms", "."]
    texts = ["".join(c) for k in range(1, 5) for c in itertools.product(words, repeat=k)]
    texts += ["● " + t for t in texts[:2000]] + _seed_texts()
    found = {t: labels.match_status(t) for t in texts}
    assert {t: s for t, s in found.items() if s != _status_by_its_patterns(t)} == {}
    assert len({s[0] for s in found.values() if s}) >= 4
