"""Tables that pandoc writes into plain text (and Markdown and reStructuredText hold): columns
set by lines of dashes, in its three kinds. The files are pandoc 2.17's `-t plain` of one small
report (tests/fixtures/pandoc/report.html; see the fixtures' README): read as plain lines, none
of its tables gave a row (pandoc's text of the seeds' HTML: gold 0.43)."""
from __future__ import annotations

from pathlib import Path

import pytest

from goldcheck import dataset_rows
from parsers.blocks import Table
from parsers.text import read_text
from parsers.text_rules import has_column_rules, rule_tables
from paths import FIXTURES, SEEDS

PANDOC = FIXTURES / "pandoc"
NAME = "Andel barn och ungdomar som bedöms få sina behov tillgodosedda i jour- eller familjehemmet"


@pytest.mark.parametrize("kind", ["simple", "multiline", "grid"])
def test_pandoc_tables_give_the_report_rows(kind: str) -> None:
    path = PANDOC / f"{kind}_tables.txt"
    tables = dataset_rows(path, PANDOC)
    indicators = {row["name"]: row for row in tables["indicators"]}
    # (The grid's narrow first column has pandoc break "tillgodosedda" and "familjehemmet".)
    first = indicators[NAME] if kind != "grid" else next(row for name, row in indicators.items()
                                                           if name.startswith("Andel barn och ungdomar"))
    assert (first["outcome"], first["target"], first["kf_target"], first["period"]) == (95.0, 85.0, 85.0, "VB 2017")
    assert first["comment"] == "Målet är uppnått för året och arbetet fortsätter under nästa år."
    summer = indicators["Antal ungdomar som fått sommarjobb i stadens regi"]
    assert (summer["outcome"], summer["kf_target"], summer["period"]) == (80.0, 3000.0, "2017")
    assert path.read_text(encoding="utf-8").split("\n")[summer["line"] - 1].lstrip("| ").startswith("Antal")
    [activity] = tables["activities"]
    assert (activity["start_date"].isoformat(), activity["end_date"].isoformat()) == ("2017-01-01", "2017-12-31")
    budget = {(row["row_label"], row["column"]): row["value"] for row in tables["budget_rows"]}
    assert budget[("Nämnden totalt", "Budget 2017")] == 1194.6 and budget[("Barn och ungdom", "Avvikelse")] == -15.7
    assert [goal["title"] for goal in tables["goals"]] == [
        "Ett Stockholm som håller samman", "Barn och unga har goda förutsättningar att lyckas i livet"]


def test_a_line_of_dashes_alone_is_no_table(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("Rubrik\n------\n\nText under en markdown-rubrik.\n\n---\n\nMer text.\n", encoding="utf-8")
    assert not has_column_rules(path.read_text(encoding="utf-8"))
    assert {type(block).__name__ for block in read_text(path).blocks} == {"Paragraph"}


def test_no_seed_has_column_rules() -> None:
    assert [p.name for p in sorted(SEEDS.glob("*.txt")) if has_column_rules(p.read_text(encoding="utf-8"))] == []


def test_words_pandoc_breaks_at_a_narrow_column_are_whole_again() -> None:
    # Each figure a column too narrow for it: "12" over "50" over "st" is "1250 st". A word
    # that only fills a line's width ("Antal ... tillhandahållas") still ends at a space.
    [table] = [b for b in read_text(PANDOC / "narrow_grid.txt").blocks if isinstance(b, Table)]
    assert table.rows[1].cells == [
        "Antal praktikplatser som kan tillhandahållas för de aspiranter som Jobbtorg Stockholm kan matcha",
        "1250 st", "0 st", "1600 st", "VB 2013"]


def test_a_decimal_figure_down_a_one_character_column_and_a_sign_moved_alone() -> None:
    # As pandoc's reStructuredText sets a budget table's narrow columns.
    lines = ["+------------+---+-----+", "| Kostnader  | N | fö  |", "+============+===+=====+",
             "| Budget     | 1 | -   |", "|            | 5 | 0,2 |", "|            | , |     |",
             "|            | 4 |     |", "+------------+---+-----+"]
    [(first, end, table)] = rule_tables(lines)
    assert (first, end) == (0, 8)
    assert [row.cells for row in table.rows] == [["Kostnader", "N", "fö"], ["Budget", "15,4", "-0,2"]]
    assert [row.header for row in table.rows] == [True, False]
