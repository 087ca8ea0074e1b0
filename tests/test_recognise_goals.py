"""Goals on blocks: labels, unlabelled numbered headings and the table of contents, the hierarchy
and the tables under it, status lines and the sections of a goal's text. Each input is a few
paragraphs in the shape the seed reports print them; the expected records are read off the input
by hand.
"""
from __future__ import annotations

import pytest
import regex

from blocks_builder import (
    ACT_HEADER,
    IND_HEADER_2013,
    outline,
    para,
    paras,
    recognise_blocks,
    table,
)
from normalizers.text import strip_markers
from parsers.blocks import Block, Paragraph
from parsers.text import parse_lines
from paths import SEEDS
from pipeline.recognise import vocabulary
from pipeline.recognise.labels import Label, Section, match_heading, match_label

# goal labels ---------------------------------------------------------------------------------


def test_upper_case_labels_with_the_goal_on_the_next_line():
    found = recognise_blocks(*paras(
        "KF:s INRIKTNINGSMÅL 3:", "3.Stadens verksamheter ska vara kostnadseffektiva",
        "KF:s MÅL FÖR VERKSAMHETSOMRÅDET:", "3.1 Budgeten ska vara i balans",
        "NÄMNDMÅL:", "Stadsdelens budget ska vara i balans",
        "ÅTAGANDE:", "Enheten ska hålla sin budget."))
    assert outline(found) == [
        ("inriktningsmål", "3", "Stadens verksamheter ska vara kostnadseffektiva", None),
        ("verksamhetsområdesmål", "3.1", "Budgeten ska vara i balans", "Stadens verksamheter ska vara kostnadseffektiva"),
        ("nämndmål", None, "Stadsdelens budget ska vara i balans", "Budgeten ska vara i balans"),
        ("åtagande", None, "Enheten ska hålla sin budget.", "Stadsdelens budget ska vara i balans"),
    ]


def test_label_number_used_when_the_title_has_none():
    found = recognise_blocks(*paras("KF:s INRIKTNINGSMÅL 2:", "Kvalitet och valfrihet ska utvecklas och förbättras"))
    assert outline(found) == [("inriktningsmål", "2", "Kvalitet och valfrihet ska utvecklas och förbättras", None)]


def test_label_and_title_on_one_line():
    found = recognise_blocks(*paras("Nämndmål: Vuxna lever ett självständigt liv utifrån sina förutsättningar",
                                    "Åtagande: Enheten ska erbjuda stöd till boende",
                                    "Enhetsmål: Alla brukare har en genomförandeplan"))
    title = "Vuxna lever ett självständigt liv utifrån sina förutsättningar"
    assert outline(found) == [
        ("nämndmål", None, title, None),
        ("åtagande", None, "Enheten ska erbjuda stöd till boende", title),
        # åtagande and enhetsmål are alternatives at one depth: a sibling, not a child
        ("enhetsmål", None, "Alla brukare har en genomförandeplan", title),
    ]


def test_verksamhetsomrade_label_without_final_t():
    found = recognise_blocks(*paras("KF:s inriktningsmål:", "2. Ett klimatsmart Stockholm",
                                    "KF:s mål för verksamhetsområde:", "2.1 Energianvändningen är hållbar"))
    assert outline(found) == [("inriktningsmål", "2", "Ett klimatsmart Stockholm", None),
                              ("verksamhetsområdesmål", "2.1", "Energianvändningen är hållbar",
                               "Ett klimatsmart Stockholm")]


def test_goal_paragraphs_with_heading_hints_markers_and_pages():
    found = recognise_blocks(para("KF:s inriktningsmål:", page=3, heading=2),
                             para("1. Ett Stockholm som håller samman", page=3, heading=2),
                             para("Nämndmål:", page=4, bold=True),
                             para("● Barn i Stockholm har bra uppväxtvillkor", page=4, bold=True),
                             para("● Uppfylls helt", page=4))
    assert outline(found) == [
        ("inriktningsmål", "1", "Ett Stockholm som håller samman", None),
        ("nämndmål", None, "Barn i Stockholm har bra uppväxtvillkor", "Ett Stockholm som håller samman")]
    assert found.goals[1].assessment == "helt"
    assert [g.page for g in found.goals] == [3, 4]


# unlabelled numbered headings and the table of contents ---------------------------------------

def toc() -> list[Block]:
    """A table of contents on lines 1-8, its entries a table of title and page."""
    return [para("Innehållsförteckning", line=1),
            table(["Sammanfattande analys", "3"], [
                ["Enhetens uppföljning av Kommunfullmäktiges inriktningsmål", "7"],
                ["3. Stadens verksamheter är kostnadseffektiva.....", "19"],
                ["3.1 Budgeten är i balans", "19"],
                ["Synpunkter och klagomål", "21"],
                ["Övrigt", "Error! Bookmark not defined."]], line=3)]


def body_after_the_toc() -> list[Block]:
    """The report after it, from line 10: the KF goals it lists, numbered but without labels."""
    return [para("Sammanfattande analys", line=10),
            para("Arbetsmiljön upplevs som god enligt årets medarbetarenkät.", line=12),
            para("3. Stadens verksamheter är kostnadseffektiva", line=14),
            para("3.1 Budgeten är i balans", line=18),
            para("Nämndmål:", line=20),
            para("Stadsdelens budget ska vara i balans", line=22)]


def test_numbered_headings_without_labels_confirmed_by_the_toc():
    found = recognise_blocks(*toc(), *body_after_the_toc())
    assert outline(found) == [
        ("inriktningsmål", "3", "Stadens verksamheter är kostnadseffektiva", None),
        ("verksamhetsområdesmål", "3.1", "Budgeten är i balans", "Stadens verksamheter är kostnadseffektiva"),
        ("nämndmål", None, "Stadsdelens budget ska vara i balans", "Budgeten är i balans"),
    ]
    assert [g.line for g in found.goals][:2] == [14, 18]


def test_table_of_contents_gives_no_goals_and_no_tables():
    found = recognise_blocks(*toc())
    assert found.goals == []
    assert found.indicators == [] and found.budget_rows == []
    assert all(g.line > 8 for g in recognise_blocks(*toc(), *body_after_the_toc()).goals)


def test_table_of_contents_as_paragraphs_with_leaders_is_skipped():
    found = recognise_blocks(
        *paras("Innehåll",
               "1. Ett Stockholm som håller samman ..... 6",
               "1.1 Alla barn i Stockholm har goda och jämlika uppväxtvillkor ..... 6",
               "Övrigt Error! Bookmark not defined.",
               "Förslag till beslut",
               "1. Socialnämnden godkänner tertialrapport 2 per den 31 augusti 2018.",
               "2. Paragrafen justeras omedelbart."),
        para("KF:s inriktningsmål:", line=11),
        para("1. Ett Stockholm som håller samman", line=13))
    assert outline(found) == [("inriktningsmål", "1", "Ett Stockholm som håller samman", None)]
    assert found.goals[0].line in (11, 13)


def test_numbered_list_in_analysis_text_is_no_goal():
    found = recognise_blocks(*paras(
        "KF:s inriktningsmål:", "1. Ett Stockholm som håller samman",
        "KF:s mål för verksamhetsområdet:", "1.2 Tidiga sociala insatser skapar jämlika livschanser för alla",
        "Analys", "Forskningsprojekten under året:",
        "1. Stärkt tidigt stöd till barn i förskoleåldern",
        "2. Bättre uppföljning av placerade barn",
        "3. Samverkan mellan skola och socialtjänst"))
    assert [g.title for g in found.goals] == ["Ett Stockholm som håller samman",
                                              "Tidiga sociala insatser skapar jämlika livschanser för alla"]
    assert "2. Bättre uppföljning av placerade barn" in found.goals[1].analysis


def test_numbered_headings_without_labels_confirmed_by_their_numbering():
    # No table of contents: "3." is a goal because "3.1" follows it, after labelled goals 1 and 2.
    found = recognise_blocks(*paras(
        "KF:s inriktningsmål:", "2. Ett klimatsmart Stockholm",
        "KF:s mål för verksamhetsområdet:", "2.1 Energianvändningen är hållbar",
        "3. Ett ekonomiskt hållbart Stockholm", "3.1 Budgeten är i balans",
        "Nämndmål:", "Nämnden har en budget i balans"))
    assert outline(found)[2:] == [
        ("inriktningsmål", "3", "Ett ekonomiskt hållbart Stockholm", None),
        ("verksamhetsområdesmål", "3.1", "Budgeten är i balans", "Ett ekonomiskt hållbart Stockholm"),
        ("nämndmål", None, "Nämnden har en budget i balans", "Budgeten är i balans"),
    ]


# the hierarchy, and the tables under it -------------------------------------------------------

def test_parent_links_when_levels_are_skipped():
    found = recognise_blocks(*paras(
        "KF:s inriktningsmål:", "1. Ett Stockholm som håller samman",
        "Nämndmål:", "Barn i Stockholm har bra uppväxtvillkor",
        "Åtagande:", "Enheten ska följa upp alla placeringar",
        "KF:s mål för verksamhetsområdet:", "1.2 Tidiga sociala insatser skapar jämlika livschanser",
        "Åtagande:", "Enheten ska erbjuda föräldrastöd",
        "KF:s inriktningsmål:", "2. Ett klimatsmart Stockholm",
        "Nämndmål:", "Förvaltningen minskar sin energianvändning"))
    assert outline(found) == [
        ("inriktningsmål", "1", "Ett Stockholm som håller samman", None),
        ("nämndmål", None, "Barn i Stockholm har bra uppväxtvillkor", "Ett Stockholm som håller samman"),
        ("åtagande", None, "Enheten ska följa upp alla placeringar", "Barn i Stockholm har bra uppväxtvillkor"),
        ("verksamhetsområdesmål", "1.2", "Tidiga sociala insatser skapar jämlika livschanser",
         "Ett Stockholm som håller samman"),
        ("åtagande", None, "Enheten ska erbjuda föräldrastöd", "Tidiga sociala insatser skapar jämlika livschanser"),
        ("inriktningsmål", "2", "Ett klimatsmart Stockholm", None),
        ("nämndmål", None, "Förvaltningen minskar sin energianvändning", "Ett klimatsmart Stockholm"),
    ]


def test_tables_belong_to_the_innermost_goal_open_above_them():
    found = recognise_blocks(
        *paras("KF:s mål för verksamhetsområdet:", "1.2 Invånare i Stockholm är självförsörjande",
               "Analys", "Andelen har minskat."),
        table(ACT_HEADER, [["Implementera bedömningsinstrument", "2013-01-01", "2013-12-31", ""]]),
        *paras("Nämndmål:", "Individen klarar sin egen försörjning", "Förväntat resultat", "Fler blir självförsörjande."),
        table(IND_HEADER_2013, [["Andel personer som går till egen försörjning", "34,67 %", "33,33 %", "25 %", "",
                                 "VB 2013"]]),
        *paras("Åtagande:", "Antal hushåll beroende av försörjningsstöd ska minska.", "Uppfylls helt"),
        table(ACT_HEADER, [["Utveckla arbetet med praktikplatser", "2013-01-01", "2013-12-31", ""]]),
    )
    vmal, namndmal, atagande = (g.goal_id for g in found.goals)
    assert [(a.name, a.goal_id) for a in found.activities] == [
        ("Implementera bedömningsinstrument", vmal), ("Utveckla arbetet med praktikplatser", atagande)]
    assert [(i.name, i.goal_id) for i in found.indicators] == [
        ("Andel personer som går till egen försörjning", namndmal)]
    assert found.goals[2].assessment == "helt"


def test_table_without_goals_has_no_goal_id():
    found = recognise_blocks(table(IND_HEADER_2013, [["Sjukfrånvaro", "5,7 %", "6 %", "6 %", "4,4 %", "VB 2013"]]))
    (row,) = found.indicators
    assert (row.name, row.goal_id, row.outcome) == ("Sjukfrånvaro", None, 5.7)


# status lines and sections -------------------------------------------------------------------

@pytest.mark.parametrize("status, assessment, raw", [
    ("Uppfylls helt", "helt", "Uppfylls helt"),
    ("● Uppfylls helt", "helt", "Uppfylls helt"),
    ("◆ Uppfylls delvis", "delvis", "Uppfylls delvis"),
    ("Målet uppfylls inte", "ej", "Målet uppfylls inte"),
    ("— Ingen", None, "Ingen"),
])
def test_status_lines(status, assessment, raw):
    found = recognise_blocks(*paras("KF:s mål för verksamhetsområdet:",
                                    "2.3 Stockholm har en hållbar mark- och vattenanvändning",
                                    status, "Förväntat resultat", "Marken används hållbart."))
    goal = found.goals[0]
    assert (goal.assessment, goal.assessment_raw) == (assessment, raw)
    assert goal.expected_result == "Marken används hållbart."


def test_assessment_prose_under_an_inriktningsmal_is_no_status_line():
    found = recognise_blocks(*paras("KF:s inriktningsmål:", "1. Ett Stockholm som håller samman",
                                    "Förvaltningen gör bedömningen att inriktningsmålet uppfylls under året."))
    assert (found.goals[0].assessment, found.goals[0].assessment_raw) == (None, None)


def test_status_line_with_a_lead_in_word():
    found = recognise_blocks(*paras("Nämndmål:", "Budgeten är i balans", "Bedömning: Uppfylls delvis",
                                    "Analys", "Prognosen visar ett litet underskott."))
    (only,) = found.goals
    assert (only.assessment, only.assessment_raw, only.analysis) == \
        ("delvis", "Bedömning: Uppfylls delvis", "Prognosen visar ett litet underskott.")


def test_status_line_under_a_bedomning_heading():
    found = recognise_blocks(*paras("Åtagande:", "Hemlöshet ska motverkas", "Bedömning", "◆ Uppfylls delvis",
                                    "Förväntat resultat", "Färre vräkningar."))
    (only,) = found.goals
    assert (only.assessment, only.assessment_raw, only.expected_result) == \
        ("delvis", "Uppfylls delvis", "Färre vräkningar.")


def test_section_texts_go_to_their_fields():
    found = recognise_blocks(*paras(
        "Nämndmål:", "Individen klarar sin egen försörjning", "Uppfylls helt",
        "Beskrivning", "Genom aktiv handläggning ska beroendet av försörjningsstöd minska.",
        "Förväntat resultat", "Antalet hushåll som är beroende av försörjningsstöd minskar.",
        "Fler blir självförsörjande.",
        "Analys:", "Målet bedöms kunna nås.",
        "Arbetsätt", "Alla arbetslösa hänvisas till Jobbtorg.",
        "Åtagande:", "Antal hushåll beroende av försörjningsstöd ska minska jämfört med 2012.",
        "Kommentar", "Antalet hushåll har minskat med 45."))
    nm, at = found.goals
    assert nm.description == "Genom aktiv handläggning ska beroendet av försörjningsstöd minska."
    assert nm.expected_result == "Antalet hushåll som är beroende av försörjningsstöd minskar.\nFler blir självförsörjande."
    assert nm.analysis == "Målet bedöms kunna nås."
    assert (at.description, at.expected_result, at.analysis) == (None, None, "Antalet hushåll har minskat med 45.")
    assert (nm.assessment, at.assessment) == ("helt", None)


# one pattern for labels and sub-headings -------------------------------------------------------


def _section_by_its_own_patterns(text: str) -> Section | None:
    line = strip_markers(text)
    return next((Section(value) for pattern, value in vocabulary.GOAL_SECTIONS
                 if regex.match(rf"^(?:{pattern})\s*:?$", line, regex.IGNORECASE)), None)


_HEADING_CASES = ["Beskrivning", "Förväntat resultat:", "förväntade  resultat :", "■ Analys", "KOMMENTARER",
                  "Arbetssätt", "Uppföljning av verksamheten", "NÄMNDMÅL:", "● Nämndmål: Budgeten i balans",
                  "KF:s INRIKTNINGSMÅL 3:", "Mål för verksamhetsområdet", "Enhetens åtagande 2: x",
                  "Nämndmålen", "Analys av målet", "Bedömning", "Måluppfyllelse:", "Indikatorer", " aktiviteter"]


def test_a_paragraph_is_the_label_it_matches_else_the_sub_heading_its_spellings_match():
    # Labels and sub-headings are read by one pattern: the label first, as match_label has it, then
    # the sub-heading as the vocabulary's spellings of one say. Over the cases and every short
    # paragraph of the seeds.
    seeds = {p.text for path in sorted(SEEDS.glob("*.txt")) for p in parse_lines(path.read_text("utf-8").split("\n"))
             if isinstance(p, Paragraph) and len(p.text) < 80}
    found = {text: match_heading(text) for text in [*_HEADING_CASES, *sorted(seeds)]}
    assert {t: h for t, h in found.items() if h != (match_label(t) or _section_by_its_own_patterns(t))} == {}
    assert sum(isinstance(h, Section) for h in found.values()) > 10 and sum(isinstance(h, Label) for h in found.values()) > 10
