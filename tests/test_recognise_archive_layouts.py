"""Reports as other municipalities' archives hold them (issue 8): Word files made at test time in
planning-system layouts (tests/make_reports.py) and the PDFs LibreOffice prints from them, read
through the whole extraction; and the recognition rules behind them on blocks: goal tables,
symbols, numbered sections that are no goals, report types, letterhead fields."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

import make_reports
from blocks_builder import para, paras, recognise_blocks, table
from parsers.blocks import Paragraph, Place, Row, Table
from parsers.docx import read_docx
from pipeline.recognise.structure import Recognised, recognise


def _read(path: Path) -> Recognised:
    if path.suffix == ".pdf":
        from parsers.pdf import read_pdf
        return recognise(read_pdf(path), "doc")
    return recognise(read_docx(path), "doc")


def _metadata(found: Recognised) -> tuple[Any, ...]:
    m = found.metadata
    return (m.title, m.report_type, m.year, m.year_source, m.organ, m.dnr)


def _goals(found: Recognised) -> list[tuple[Any, ...]]:
    titles = {g.goal_id: g.title for g in found.goals}
    return [(g.level, g.title, g.assessment, g.assessment_raw, g.analysis,
             titles.get(g.parent_goal_id or "")) for g in found.goals]


def _activities(found: Recognised) -> list[tuple[Any, ...]]:
    titles = {g.goal_id: g.title for g in found.goals}
    return [(a.name, a.status, a.completion, titles.get(a.goal_id or "")) for a in found.activities]


def _indicators(found: Recognised) -> list[tuple[Any, ...]]:
    return [(i.kind, i.name, i.outcome, i.forecast, i.target) for i in found.indicators]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("archive")
    return {"goal_table": make_reports.goal_table_report(folder / "delarsrapport.docx"),
            "cover": make_reports.cover_report(folder / "arsredovisning.docx"),
            "properties": make_reports.properties_report(folder / "budget.docx")}


def test_goal_table_export_gives_its_goals_assessments_and_comments(made):
    found = _read(made["goal_table"])
    assert _goals(found) == make_reports.EXPECTED["goal_table"]["goals"]


def test_activity_tables_give_status_and_completion_under_the_goal_above(made):
    found = _read(made["goal_table"])
    assert _activities(found) == make_reports.EXPECTED["goal_table"]["activities"]


def test_indicator_tables_named_matt_and_nyckeltal(made):
    assert _indicators(_read(made["goal_table"])) == make_reports.EXPECTED["goal_table"]["indicators"]


def test_goal_table_cells_are_kept_as_goal_cells(made):
    found = _read(made["goal_table"])
    assert {c.text for c in found.table_cells if c.kind == "goal"} >= {"Nämndmål", "Bedömning",
                                                                       "Fler barn och unga deltar i kulturlivet"}


@pytest.mark.parametrize("layout", ["goal_table", "cover", "properties"])
def test_metadata_from_what_the_report_prints_then_its_properties(made, layout):
    assert _metadata(_read(made[layout])) == make_reports.EXPECTED[layout]["metadata"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by make test")
def test_the_pdf_printed_from_the_export_gives_the_same_goals_and_activities(made):
    found = _read(make_reports.to_pdf(made["goal_table"]))
    expected = make_reports.EXPECTED["goal_table"]
    # PDF shows the circles as images the PDF reader may or may not describe: titles, levels,
    # written assessments and the activities' printed values are compared.
    assert [(g[0], g[1]) for g in _goals(found)] == [(g[0], g[1]) for g in expected["goals"]]
    assert _goals(found)[1][2:4] == ("delvis", "Delvis uppfyllt")
    assert [(a[0], a[2], a[3]) for a in _activities(found)] == [(a[0], a[2], a[3]) for a in expected["activities"]]
    assert _metadata(found)[:4] == expected["metadata"][:4]


# the rules on blocks ----------------------------------------------------------------------------


def test_numbered_sections_without_goal_labels_are_no_goals():
    found = recognise_blocks(para("Delårsrapport 2026", heading=1), para("2. Verksamhet", heading=1),
                             para("2.1 Verksamhetens utveckling", heading=2), para("Besöken ökade."),
                             para("2.3 Ekonomisk uppföljning", heading=2), para("Ett nollresultat."))
    assert found.goals == []


def test_toc_entries_outside_the_goal_headings_confirm_no_goals():
    toc = table(["Uppföljning av Kommunfullmäktiges inriktningsmål", "4"], [["1. Ett Stockholm som håller samman", "4"],
                ["Uppföljning av ekonomi", "9"], ["2. Ekonomisk översikt", "9"], ["2.1 Driftbudget", "10"]])
    found = recognise_blocks(para("Innehållsförteckning"), toc, *paras(
        "KF:s inriktningsmål:", "1. Ett Stockholm som håller samman", "2. Ekonomisk översikt", "2.1 Driftbudget",
        "Budgeten är i balans."))
    assert [(g.level, g.title) for g in found.goals] == [("inriktningsmål", "Ett Stockholm som håller samman")]


@pytest.mark.parametrize("symbol, assessment", [("green circle", "helt"), ("yellow triangle", "delvis"),
                                                ("orange circle", "delvis"), ("red square", "ej"),
                                                ("blue circle", None)])
def test_a_symbol_beside_a_goal_heading_assesses_it(symbol, assessment):
    heading = Paragraph("Nämndmål: Alla barn har en trygg uppväxt", Place(line=1), heading=2, symbol=symbol)
    goal = recognise_blocks(heading, para("Text om målet.")).goals[0]
    assert (goal.assessment, goal.assessment_raw) == \
        ((assessment, f"symbol: {symbol}") if assessment else (None, None))


def test_a_status_line_below_the_heading_wins_over_its_symbol():
    heading = Paragraph("Nämndmål: Alla barn har en trygg uppväxt", Place(line=1), symbol="green circle")
    goal = recognise_blocks(heading, para("Målet uppfylls delvis")).goals[0]
    assert (goal.assessment, goal.assessment_raw) == ("delvis", "Målet uppfylls delvis")


def test_bedomning_followed_by_its_symbol():
    found = recognise_blocks(para("Nämndmål: Äldre får god vård"),
                             Paragraph("Bedömning:", Place(line=2), symbol="yellow circle"))
    assert (found.goals[0].assessment, found.goals[0].assessment_raw) == ("delvis", "symbol: yellow circle")


@pytest.mark.parametrize("cell, assessment", [("◐", "delvis"), ("✔", "helt"), ("✘", "ej"), ("Helt", "helt"),
                                              ("Ej uppfyllt", "ej"), ("Uppfylls delvis", "delvis")])
def test_goal_table_assessment_written_or_as_a_glyph(cell, assessment):
    goals = Table([Row(["Mål", "Måluppfyllelse"], Place(line=1)), Row(["Budgeten är i balans", cell], Place(line=2))],
                  Place(line=1))
    found = recognise_blocks(goals)
    assert [(g.level, g.title, g.assessment) for g in found.goals] == [("nämndmål", "Budgeten är i balans", assessment)]


def test_goal_table_without_a_level_goes_one_below_the_goal_above():
    goals = Table([Row(["Mål", "Status"], Place(line=2)),
                   Row(["Alla elever når målen", ""], Place(line=3), symbols={1: "green shading"})], Place(line=2))
    found = recognise_blocks(para("Nämndmål: Skolan ger alla en god start"), goals)
    assert [(g.level, g.title, g.assessment) for g in found.goals] == [
        ("nämndmål", "Skolan ger alla en god start", None), ("åtagande", "Alla elever når målen", "helt")]


def test_a_table_with_a_goal_column_but_no_assessment_column_is_no_goal_table():
    found = recognise_blocks(table(["Nämndmål", "Ansvarig"], [["Budgeten är i balans", "Ekonomichef"]]))
    assert found.goals == []


@pytest.mark.parametrize("title, report_type", [
    ("Årsredovisning 2025", "årsredovisning"), ("Årsbokslut 2025", "årsbokslut"), ("Bokslut 2024", "årsbokslut"),
    ("Mål och budget 2026", "budget"), ("Budget 2026", "budget"), ("Delårsrapport augusti 2025", "delårsrapport"),
    ("Tertialrapport 1 2026", "tertialrapport"), ("Verksamhetsplan 2026", "verksamhetsplan"),
    ("Kultur- och fritidsnämnden Verksamhetsberättelse 2025", "verksamhetsberättelse"),
    ("Protokoll från sammanträde", "other"),
])
def test_report_types(title, report_type):
    found = recognise_blocks(para(title, heading=1), para("Sammanfattning"))
    assert found.metadata.report_type == report_type


@pytest.mark.parametrize("line, year", [("Rapportperiod: 2025-12-31", 2025),
                                        ("Redovisningsperiod: 2025-01-01 - 2025-08-31", 2025),
                                        ("Period: januari-december 2024", 2024)])
def test_year_from_the_report_period(line, year):
    doc = recognise_blocks(para("Uppföljning av verksamheten"), para(line), para("Sammanfattning")).metadata
    assert (doc.year, doc.year_source) == (year, "period")


def test_year_from_a_running_header_the_reader_kept():
    lines = [para("Nämndens uppföljning"), para("Sammanfattning")] + [b for k in range(3) for b in (
        para("Delårsrapport 2026 för Kulturnämnden"), para(f"Text på sidan {k + 1}."))]
    doc = recognise_blocks(*lines).metadata
    assert (doc.year, doc.year_source) == (2026, "text")
