"""The seed reports of data/raw against their hand-checked gold labels (tests/gold)."""
from __future__ import annotations

import pytest
from goldcheck import dataset_rows, score
from paths import FIXTURES, GOLD, SEEDS

STEMS = sorted(p.name for p in GOLD.iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def extracted() -> dict[str, dict]:
    return {stem: dataset_rows(SEEDS / f"{stem}.txt", SEEDS) for stem in STEMS}


@pytest.mark.parametrize("stem", STEMS)
def test_seed_text_meets_the_gold_thresholds(extracted, stem):
    result = score(stem, extracted[stem])
    assert result.overall >= 0.95, result
    assert result.cells is None or result.cells >= 0.97, result.wrong.get("indicators")


@pytest.mark.parametrize("stem", STEMS)
def test_goal_hierarchy_and_document_fields_match_gold(extracted, stem):
    result = score(stem, extracted[stem])
    assert result.goals == 1.0
    assert result.document == 1.0, result.wrong.get("document")


def test_only_total_row_beyond_gold_in_001_budget(extracted):
    # The 001 gold stops one line short of the file: its "Budget totalt" row is real table
    # content, so it is the only budget row the gold lacks.
    rows = extracted["001_0037d1aa6ba7bc46"]["budget_rows"]
    assert {r["row_label"] for r in rows if r["line"] == 399} == {"Budget totalt"}
    assert len(rows) == 35


def test_seeds_without_gold_still_give_their_structure():
    tables = dataset_rows(SEEDS / "003_224bbd46f3dd11ca.txt", SEEDS)
    assert tables["documents"][0]["report_type"] == "verksamhetsberättelse"
    assert {g["level"] for g in tables["goals"]} == {"inriktningsmål", "verksamhetsområdesmål", "nämndmål",
                                                     "enhetsmål"}
    assert tables["indicators"] and tables["activities"]
    # 003's only tables with numbers outside indicator tables count complaints ("13 st"): no money.
    assert tables["budget_rows"] == []
    tables = dataset_rows(SEEDS / "002_d3814ae89213c269.txt", SEEDS)
    assert tables["documents"][0]["organ"] == "Socialtjänst- och arbetsmarknadsnämnden"
    for name in ("goals", "indicators", "activities", "budget_rows"):
        assert tables[name], name
    assert {r["unit"] for r in tables["budget_rows"]} == {"mnkr"}


def test_windows_1252_text_gives_the_same_dataset_as_utf8(extracted):
    path = FIXTURES / "001_0037d1aa6ba7bc46.cp1252.txt"
    other = dataset_rows(path, FIXTURES)
    reference = extracted["001_0037d1aa6ba7bc46"]
    for name in ("goals", "indicators", "activities", "budget_rows"):
        strip = lambda rows: [{k: v for k, v in r.items() if k not in ("doc_id", "goal_id", "parent_goal_id",
                                                                      "table_id")} for r in rows]
        assert strip(other[name]) == strip(reference[name]), name
    assert [p["code"] for p in other["problems"]] == ["windows_1252"]
