"""The block model and the structure recogniser on small reports written here, one structural case
per test. Each input is a few lines in the shape the seed reports print them (labels, glued bold
markers, TAB tables cut by page breaks, comment rows, status lines, letterheads); the expected rows
are read off the input by hand.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, fields

import pytest

from parsers.blocks import Paragraph, ParsedDocument, Place, Row, Table
from parsers.text import parse_lines
from pipeline.recognise.structure import Recognised, recognise


def rows(found: Recognised) -> dict[str, list[dict]]:
    """The records as plain rows, to compare with rows read off the input by hand."""
    tables = {f.name: [asdict(r) for r in getattr(found, f.name)] for f in fields(found) if f.name != "metadata"}
    return {"documents": [asdict(found.metadata)], **tables}


def run(lines: list[str] | str) -> dict[str, list[dict]]:
    if isinstance(lines, str):
        lines = lines.split("\n")
    return rows(recognise(ParsedDocument(parse_lines(lines), "txt"), "doc"))


def run_blocks(blocks) -> dict[str, list[dict]]:
    return rows(recognise(ParsedDocument(blocks, "docx"), "doc"))


def goals(result) -> list[tuple]:
    """(level, number, title, parent's title) per goal, in order."""
    by_id = {g["goal_id"]: g for g in result["goals"]}
    return [(g["level"], g["number"], g["title"],
             by_id[g["parent_goal_id"]]["title"] if g["parent_goal_id"] else None) for g in result["goals"]]


def goal(result, title: str) -> dict:
    found = [g for g in result["goals"] if g["title"] == title]
    assert len(found) == 1, (title, [g["title"] for g in result["goals"]])
    return found[0]


def one(rows: list[dict], **match) -> dict:
    found = [r for r in rows if all(r.get(k) == v for k, v in match.items())]
    assert len(found) == 1, (match, rows)
    return found[0]


def tabs(*cells: str) -> str:
    return "\t".join(cells)


IND_HEADER_2013 = tabs("Indikator", "Periodens utfall", "Periodens utfall VB 2012", "Årsmål", "KF:s årsmål", "Period")
IND_HEADER_2018 = tabs("Indikator", "Periodens utfall", "Utfall män/ pojkar", "Utfall kvinn or/ flickor",
                       "Periodens utfall VB 2017", "Prognos helår", "Årsmål", "KF:s årsmål", "Period")
ACT_HEADER = tabs("Aktivitet", "Startdatum", "Slutdatum", "Avvikelse")


# goal labels ---------------------------------------------------------------------------------

def test_label_glued_to_its_title_with_bold_markers():
    result = run([
        "KF:s INRIKTNINGSMÅL 1:**1. Stockholm ska vara en attraktiv, trygg, tillgänglig och växande stad**",
        "",
        "KF:s MÅL FÖR VERKSAMHETSOMRÅDET:**1.2 Jobb istället för bidrag**",
        "",
        "NÄMNDMÅL:**Antalet hushåll som är beroende av försörjningsstöd ska minska**",
    ])
    top = "Stockholm ska vara en attraktiv, trygg, tillgänglig och växande stad"
    assert goals(result) == [
        ("inriktningsmål", "1", top, None),
        ("verksamhetsområdesmål", "1.2", "Jobb istället för bidrag", top),
        ("nämndmål", None, "Antalet hushåll som är beroende av försörjningsstöd ska minska", "Jobb istället för bidrag"),
    ]


def test_several_goals_glued_on_one_line():
    result = run([
        "NÄMNDMÅL:**Bidragstiden för personer beroende av försörjningsstöd ska förkortas****ÅTAGANDE:****"
        "Bidragstiden för försörjningsstöd ska kortas****Arbetsätt**",
        "",
        "Alla arbetslösa och arbetsföra ska hänvisas omgående till Jobbtorg.",
    ])
    assert goals(result) == [
        ("nämndmål", None, "Bidragstiden för personer beroende av försörjningsstöd ska förkortas", None),
        ("åtagande", None, "Bidragstiden för försörjningsstöd ska kortas",
         "Bidragstiden för personer beroende av försörjningsstöd ska förkortas"),
    ]
    # "Arbetsätt" is a sub-heading with no field: its text is no description or analysis.
    atagande = result["goals"][1]
    assert (atagande["description"], atagande["expected_result"], atagande["analysis"]) == (None, None, None)
    assert result["goals"][0]["line"] == result["goals"][1]["line"] == 1


def test_two_goal_levels_glued_on_one_line_with_a_stray_star():
    result = run([
        "KF:s INRIKTNINGSMÅL 2:**2. Kvalitet och valfrihet ska utvecklas och förbättras****KF:s MÅL FÖR "
        "VERKSAMHETSOMRÅDET:****2.3 Kvaliteten inom stadens omsorgsverksamheter ska öka**",
        "",
        "NÄMNDMÅL:**1. Våld, alkohol- och drogbruk ska motverkas****ÅTAGANDE:****Våld ska motverkas.****Arbetsätt*",
    ])
    assert goals(result) == [
        ("inriktningsmål", "2", "Kvalitet och valfrihet ska utvecklas och förbättras", None),
        ("verksamhetsområdesmål", "2.3", "Kvaliteten inom stadens omsorgsverksamheter ska öka",
         "Kvalitet och valfrihet ska utvecklas och förbättras"),
        ("nämndmål", "1", "Våld, alkohol- och drogbruk ska motverkas", "Kvaliteten inom stadens omsorgsverksamheter ska öka"),
        ("åtagande", None, "Våld ska motverkas.", "Våld, alkohol- och drogbruk ska motverkas"),
    ]


def test_labelled_heading_with_the_title_on_the_next_line_2013():
    # 2013 template: mixed-case label alone, whitespace-only lines left by lost glyphs, then the title.
    result = run(["KF:s mål för verksamhetsområdet:", "", "2.4 Stockholms stad är en attraktiv arbetsgivare",
                  "", "Nämndmål:", "", " ", "Stadsdelsförvaltningen ska vara en attraktiv arbetsgivare", " ", "",
                  "Beskrivning", "", "Alla chefer med personalansvar ska arbeta med förebyggande insatser."])
    assert goals(result) == [
        ("verksamhetsområdesmål", "2.4", "Stockholms stad är en attraktiv arbetsgivare", None),
        ("nämndmål", None, "Stadsdelsförvaltningen ska vara en attraktiv arbetsgivare",
         "Stockholms stad är en attraktiv arbetsgivare"),
    ]
    assert result["goals"][1]["description"] == "Alla chefer med personalansvar ska arbeta med förebyggande insatser."


def test_goal_title_glued_to_a_sub_heading():
    result = run(["Nämndmål:", "", "5. Hemlöshet ska motverkas**Beskrivning**", "",
                  "Förvaltningen har väl genomarbetade rutiner för samarbetet kring personer som riskerar att vräkas."])
    assert goals(result) == [("nämndmål", "5", "Hemlöshet ska motverkas", None)]
    assert result["goals"][0]["description"] == \
        "Förvaltningen har väl genomarbetade rutiner för samarbetet kring personer som riskerar att vräkas."


def test_markdown_and_html_headings():
    result = run([
        "### **KF:s inriktningsmål: 1. Ett Stockholm som håller samman**",
        "",
        "## KF:s mål för verksamhetsområdet: 1.1 Alla barn i Stockholm har goda och jämlika uppväxtvillkor",
        "",
        "<h4>Nämndmål:</h4>",
        "<h4>Barn i Stockholm har bra uppväxtvillkor</h4>",
        "<b>Analys</b>",
        "Målet bedöms kunna nås.",
    ])
    assert goals(result) == [
        ("inriktningsmål", "1", "Ett Stockholm som håller samman", None),
        ("verksamhetsområdesmål", "1.1", "Alla barn i Stockholm har goda och jämlika uppväxtvillkor",
         "Ett Stockholm som håller samman"),
        ("nämndmål", None, "Barn i Stockholm har bra uppväxtvillkor",
         "Alla barn i Stockholm har goda och jämlika uppväxtvillkor"),
    ]
    assert result["goals"][2]["analysis"] == "Målet bedöms kunna nås."


# unlabelled numbered headings and the table of contents ---------------------------------------

# status lines and sections -------------------------------------------------------------------

# indicator and activity tables ---------------------------------------------------------------

def test_comment_of_several_html_paragraphs():
    result = run([
        "Nämndmål:", "", "Individen klarar sin egen försörjning", "",
        IND_HEADER_2013,
        tabs("● Andel vuxna med långvarigt ekonomiskt bistånd", "0,26 %", "0,28 %", "0,4 %", "1,4 %", "VB 2013"),
        "<p>Kommentar</p> <p>Andelen har minskat i jämförelse med förra året.</p> <p>Kungsholmen: 0,25 %</p>"
        + "\t" * 5,
    ])
    (row,) = result["indicators"]
    assert row["comment"].startswith("Andelen har minskat i jämförelse med förra året.")
    assert row["comment"].endswith("Kungsholmen: 0,25 %")
    assert "Kommentar" not in row["comment"] and "<p>" not in row["comment"]


# financial tables ----------------------------------------------------------------------------

# document metadata ---------------------------------------------------------------------------

# template variants beyond the seeds ----------------------------------------------------------
