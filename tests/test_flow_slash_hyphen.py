"""A line broken after a slash and a hyphen, where a word shortened after the slash goes on
("kontaktpersoner/-|familjer": contact persons and families), joins without a space and keeps
the author's hyphen; '+/-' before a figure is no such word."""
from __future__ import annotations

from parsers.pdf_flow import join_text


def test_a_shortened_word_after_a_slash_joins_without_a_space():
    assert join_text("behovet av kontaktpersoner/-", "familjer", set()) == "behovet av kontaktpersoner/-familjer"


def test_plus_minus_before_a_figure_keeps_its_space():
    assert join_text("prognossäkerhet +/-", "1 %", set()) == "prognossäkerhet +/- 1 %"
