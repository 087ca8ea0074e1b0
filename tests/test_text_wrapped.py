"""Text hard-wrapped at a width, as converters write it (pandoc's plain text at 72 columns, mail
and terminal tools at 80): a paragraph wrapped over several lines is one paragraph again, so a
goal's title is not cut at its wrap. The seeds wrapped at 72 columns (their TAB rows left
whole, as a converter leaves a table) give the seeds' own dataset; read line by line their
goals scored 0.88, 0.70 and 0.88."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from goldcheck import dataset_rows, score
from parsers.text_wrap import unwrapped
from paths import GOLD, SEEDS

STEMS = sorted(p.name for p in GOLD.iterdir() if p.is_dir())


def _wrapped(text: str, width: int) -> str:
    return "\n".join(line for raw in text.split("\n") for line in (
        [raw] if "\t" in raw or not raw.strip() else
        textwrap.wrap(raw, width, break_long_words=False, break_on_hyphens=False)))


@pytest.mark.parametrize("stem", STEMS)
def test_seed_wrapped_at_72_columns_gives_the_seed_goals(tmp_path: Path, stem: str) -> None:
    path = tmp_path / f"{stem}.txt"
    path.write_text(_wrapped((SEEDS / f"{stem}.txt").read_text(encoding="utf-8"), 72), encoding="utf-8")
    result = score(stem, dataset_rows(path, tmp_path))
    assert result.goals == 1.0, result.wrong.get("goals")
    assert result.overall >= 0.98, result


def test_lines_not_wrapped_at_a_width_stay_as_they_are() -> None:
    for seed in sorted(SEEDS.glob("*.txt")):
        lines = seed.read_text(encoding="utf-8").split("\n")
        assert unwrapped(lines) is lines, seed.name


def test_a_short_line_heading_and_underline_end_their_paragraph() -> None:
    body = "Ett stycke om verksamheten som fyller raden nästan helt ut till kanten av"
    lines = ["Rubrik", "======", "", body, "sin bredd, och går vidare här.", "Nämndmål:", "Barn och unga har goda",
             "förutsättningar"] + [body] * 20
    out = unwrapped(lines)
    assert out[:8] == ["Rubrik", "======", "", f"{body} sin bredd, och går vidare här.", "", "Nämndmål:",
                       "Barn och unga har goda", "förutsättningar"]
