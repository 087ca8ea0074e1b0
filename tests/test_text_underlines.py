"""Headings marked by the line under them (reStructuredText, Markdown's setext headings) and
reStructuredText's markup lines: each underline was a paragraph of its own between a goal's
label and its title, so the underline was taken for the title ("^^^^^^^^^"), and pandoc's
reStructuredText of the seeds' HTML gave no goal (gold 0.76 -> 0.94). The fixtures are
pandoc 2.17's reStructuredText and setext Markdown of tests/fixtures/pandoc/headings.html."""
from __future__ import annotations

import pytest

from goldcheck import dataset_rows
from parsers.text_underlines import marked
from paths import FIXTURES, SEEDS

PANDOC = FIXTURES / "pandoc"
GOALS = [("inriktningsmål", "Ett Stockholm som håller samman"),
         ("verksamhetsområdesmål", "Stockholm är en stad där alla barn har goda uppväxtvillkor"),
         ("nämndmål", "Barn och unga har goda förutsättningar att lyckas i livet"),
         ("åtagande", "Socialnämnden erbjuder stöd till barn i familjehem")]


@pytest.mark.parametrize("name", ["headings.rst.txt", "headings.setext.md"])
def test_underlined_headings_give_the_goal_hierarchy(name: str) -> None:
    goals = dataset_rows(PANDOC / name, PANDOC)["goals"]
    assert [(goal["level"], goal["title"]) for goal in goals] == GOALS
    assert goals[-1]["assessment"] == "helt"


def test_a_title_between_over_and_underline_is_one_heading() -> None:
    assert marked(["=====", "Rubrik", "=====", "", "Text.", ".. _rubrik:", "Mer text.", "-- ", "A", "---"]) == [
        "", "# Rubrik", "", "", "Text.", "", "Mer text.", "-- ", "## A", ""]


def test_seed_lines_are_left_as_they_are() -> None:
    for seed in sorted(SEEDS.glob("*.txt")):
        lines = seed.read_text(encoding="utf-8").split("\n")
        assert marked(lines) == lines, seed.name
