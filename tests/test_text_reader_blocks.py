"""Reports as converters leave them in text, read by the text reader and then recognised: the cases
whose point is the blocks the reader makes of converter output (goal labels glued to their titles
with bold markers, markdown and HTML headings, whitespace-only lines left by lost glyphs, HTML
paragraphs in a cell). The expected records are read off the input by hand.
"""
from __future__ import annotations

from blocks_builder import IND_HEADER_2013, outline
from parsers.blocks import ParsedDocument
from parsers.text import parse_lines
from pipeline.recognise.structure import Recognised, recognise


def read(lines: list[str]) -> Recognised:
    return recognise(ParsedDocument(parse_lines(lines), "txt"), "doc")


def test_label_glued_to_its_title_with_bold_markers():
    found = read([
        "KF:s INRIKTNINGSMÅL 1:**1. Stockholm ska vara en attraktiv, trygg, tillgänglig och växande stad**",
        "",
        "KF:s MÅL FÖR VERKSAMHETSOMRÅDET:**1.2 Jobb istället för bidrag**",
        "",
        "NÄMNDMÅL:**Antalet hushåll som är beroende av försörjningsstöd ska minska**",
    ])
    top = "Stockholm ska vara en attraktiv, trygg, tillgänglig och växande stad"
    assert outline(found) == [
        ("inriktningsmål", "1", top, None),
        ("verksamhetsområdesmål", "1.2", "Jobb istället för bidrag", top),
        ("nämndmål", None, "Antalet hushåll som är beroende av försörjningsstöd ska minska", "Jobb istället för bidrag"),
    ]


def test_several_goals_glued_on_one_line():
    found = read([
        "NÄMNDMÅL:**Bidragstiden för personer beroende av försörjningsstöd ska förkortas****ÅTAGANDE:****"
        "Bidragstiden för försörjningsstöd ska kortas****Arbetsätt**",
        "",
        "Alla arbetslösa och arbetsföra ska hänvisas omgående till Jobbtorg.",
    ])
    assert outline(found) == [
        ("nämndmål", None, "Bidragstiden för personer beroende av försörjningsstöd ska förkortas", None),
        ("åtagande", None, "Bidragstiden för försörjningsstöd ska kortas",
         "Bidragstiden för personer beroende av försörjningsstöd ska förkortas"),
    ]
    # "Arbetsätt" is a sub-heading with no field: its text is no description or analysis.
    atagande = found.goals[1]
    assert (atagande.description, atagande.expected_result, atagande.analysis) == (None, None, None)
    assert found.goals[0].line == found.goals[1].line == 1


def test_two_goal_levels_glued_on_one_line_with_a_stray_star():
    found = read([
        "KF:s INRIKTNINGSMÅL 2:**2. Kvalitet och valfrihet ska utvecklas och förbättras****KF:s MÅL FÖR "
        "VERKSAMHETSOMRÅDET:****2.3 Kvaliteten inom stadens omsorgsverksamheter ska öka**",
        "",
        "NÄMNDMÅL:**1. Våld, alkohol- och drogbruk ska motverkas****ÅTAGANDE:****Våld ska motverkas.****Arbetsätt*",
    ])
    assert outline(found) == [
        ("inriktningsmål", "2", "Kvalitet och valfrihet ska utvecklas och förbättras", None),
        ("verksamhetsområdesmål", "2.3", "Kvaliteten inom stadens omsorgsverksamheter ska öka",
         "Kvalitet och valfrihet ska utvecklas och förbättras"),
        ("nämndmål", "1", "Våld, alkohol- och drogbruk ska motverkas", "Kvaliteten inom stadens omsorgsverksamheter ska öka"),
        ("åtagande", None, "Våld ska motverkas.", "Våld, alkohol- och drogbruk ska motverkas"),
    ]


def test_goal_title_glued_to_a_sub_heading():
    found = read(["Nämndmål:", "", "5. Hemlöshet ska motverkas**Beskrivning**", "",
                  "Förvaltningen har väl genomarbetade rutiner för samarbetet kring personer som riskerar att vräkas."])
    assert outline(found) == [("nämndmål", "5", "Hemlöshet ska motverkas", None)]
    assert found.goals[0].description == \
        "Förvaltningen har väl genomarbetade rutiner för samarbetet kring personer som riskerar att vräkas."


def test_labelled_heading_with_the_title_on_the_next_line_2013():
    # 2013 template: mixed-case label alone, whitespace-only lines left by lost glyphs, then the title.
    found = read(["KF:s mål för verksamhetsområdet:", "", "2.4 Stockholms stad är en attraktiv arbetsgivare",
                  "", "Nämndmål:", "", " ", "Stadsdelsförvaltningen ska vara en attraktiv arbetsgivare", " ", "",
                  "Beskrivning", "", "Alla chefer med personalansvar ska arbeta med förebyggande insatser."])
    assert outline(found) == [
        ("verksamhetsområdesmål", "2.4", "Stockholms stad är en attraktiv arbetsgivare", None),
        ("nämndmål", None, "Stadsdelsförvaltningen ska vara en attraktiv arbetsgivare",
         "Stockholms stad är en attraktiv arbetsgivare"),
    ]
    assert found.goals[1].description == "Alla chefer med personalansvar ska arbeta med förebyggande insatser."


def test_markdown_and_html_headings():
    found = read([
        "### **KF:s inriktningsmål: 1. Ett Stockholm som håller samman**",
        "",
        "## KF:s mål för verksamhetsområdet: 1.1 Alla barn i Stockholm har goda och jämlika uppväxtvillkor",
        "",
        "<h4>Nämndmål:</h4>",
        "<h4>Barn i Stockholm har bra uppväxtvillkor</h4>",
        "<b>Analys</b>",
        "Målet bedöms kunna nås.",
    ])
    assert outline(found) == [
        ("inriktningsmål", "1", "Ett Stockholm som håller samman", None),
        ("verksamhetsområdesmål", "1.1", "Alla barn i Stockholm har goda och jämlika uppväxtvillkor",
         "Ett Stockholm som håller samman"),
        ("nämndmål", None, "Barn i Stockholm har bra uppväxtvillkor",
         "Alla barn i Stockholm har goda och jämlika uppväxtvillkor"),
    ]
    assert found.goals[2].analysis == "Målet bedöms kunna nås."


def test_comment_of_several_html_paragraphs():
    found = read([
        "Nämndmål:", "", "Individen klarar sin egen försörjning", "",
        "\t".join(IND_HEADER_2013),
        "\t".join(["● Andel vuxna med långvarigt ekonomiskt bistånd", "0,26 %", "0,28 %", "0,4 %", "1,4 %", "VB 2013"]),
        "<p>Kommentar</p> <p>Andelen har minskat i jämförelse med förra året.</p> <p>Kungsholmen: 0,25 %</p>"
        + "\t" * 5,
    ])
    (indicator,) = found.indicators
    assert indicator.comment.startswith("Andelen har minskat i jämförelse med förra året.")
    assert indicator.comment.endswith("Kungsholmen: 0,25 %")
    assert "Kommentar" not in indicator.comment and "<p>" not in indicator.comment
