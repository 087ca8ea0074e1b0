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

def test_indicator_table_values_units_and_markers():
    result = run([
        "KF:s mål för verksamhetsområdet:", "", "1.2 Invånare i Stockholm är självförsörjande", "",
        IND_HEADER_2013,
        tabs("■ Antal praktikplatser som kan tillhandahållas för aspiranter", "", "", "0 st", "1600 st", "VB 2013"),
        tabs("● Andel barn som lever i familjer som är beroende av ekonomiskt bistånd", "0,45 %", "0,5 %", "0,5 %",
             "4,4 %", "VB 2013"),
    ])
    goal_id = result["goals"][0]["goal_id"]
    first, second = result["indicators"]
    assert first["name"] == "Antal praktikplatser som kan tillhandahållas för aspiranter"
    assert (first["outcome"], first["previous_outcome"], first["target"], first["kf_target"]) == (None, None, 0.0, 1600.0)
    assert (first["unit"], first["period"], first["previous_label"]) == ("st", "VB 2013", "VB 2012")
    assert second["name"] == "Andel barn som lever i familjer som är beroende av ekonomiskt bistånd"
    assert (second["outcome"], second["previous_outcome"], second["target"], second["kf_target"]) == (0.45, 0.5, 0.5, 4.4)
    assert second["outcome_raw"] == "0,45 %" and second["unit"] == "%"
    assert {first["goal_id"], second["goal_id"]} == {goal_id}
    assert second["line"] == 7


def test_name_that_wraps_onto_a_row_of_its_own():
    result = run([
        "Nämndmål:", "", "Barn och ungdomar får stöd", "",
        IND_HEADER_2018,
        tabs("♀ Andel barn/ungdomar under 18 år som vid avslutad kontakt inte har en problematisk",
             "66 %", "65 %", "68 %", "74 %", "70 %", "", "", "Halvår 1 2018"),
        tabs("alkoholkonsumtion (Framtid Stockholm).", "", "", "", "", "", "", "", ""),
    ])
    (row,) = result["indicators"]
    assert row["name"] == ("Andel barn/ungdomar under 18 år som vid avslutad kontakt inte har en problematisk "
                           "alkoholkonsumtion (Framtid Stockholm).")
    assert (row["outcome"], row["outcome_men"], row["outcome_women"], row["previous_outcome"], row["forecast"]) == \
        (66.0, 65.0, 68.0, 74.0, 70.0)
    assert (row["target"], row["period"], row["comment"]) == (None, "Halvår 1 2018", None)


def test_name_that_wraps_onto_a_row_starting_with_a_proper_noun():
    result = run([
        "Nämndmål:", "", "Individen klarar sin egen försörjning", "",
        IND_HEADER_2013,
        tabs("■ Antal praktikplatser som kan tillhandahållas för de aspiranter som", "", "", "0 st", "1600 st", "VB 2013"),
        tabs("Jobbtorg Stockholm kan matcha", "", "", "", "", ""),
    ])
    assert [i["name"] for i in result["indicators"]] == [
        "Antal praktikplatser som kan tillhandahållas för de aspiranter som Jobbtorg Stockholm kan matcha"]


def test_activity_table_with_an_empty_leading_column_and_a_comment_column():
    result = run([
        "Nämndmål:", "", "Stadsdelens budget ska vara i balans", "",
        tabs("", "Aktivitet", "Startdatum", "Slutdatum", "Avvikelse", "Kommentar"),
        tabs("", "Alla chefer med kostnadsansvar ska vidta åtgärder för att få budget i balans.", "2013-01-01",
             "2013-12-31", "", "Chefer och medarbetare är kostnadsmedvetna."),
        tabs("", "✓ Alla medarbetare ska få information om enhetens budget.", "2013-01-01", "2013-12-31",
             "Försenad", ""),
    ])
    first, second = result["activities"]
    assert first["name"] == "Alla chefer med kostnadsansvar ska vidta åtgärder för att få budget i balans."
    assert (first["start_date"], first["end_date"]) == (dt.date(2013, 1, 1), dt.date(2013, 12, 31))
    assert (first["deviation"], first["comment"]) == (None, "Chefer och medarbetare är kostnadsmedvetna.")
    assert second["name"] == "Alla medarbetare ska få information om enhetens budget."
    assert (second["deviation"], second["comment"]) == ("Försenad", None)


def test_comment_rows_belong_to_the_row_above():
    result = run([
        "Nämndmål:", "", "Barn i Stockholm har bra uppväxtvillkor", "",
        IND_HEADER_2018,
        tabs("  Andel insatser avslutade enligt plan", "54,5 %", "59,7 %", "23,8 %", "51,4 %", "50 %", "37 %", "37 %",
             "Tertial 2 2018"),
        tabs("<b>Analys</b>", "", "", "", "", "", "", "", ""),
        tabs("Att andelen kvinnor är lägre beror på att underlaget är mindre.", "", "", "", "", "", "", "", ""),
        tabs("  Andel tjänsteutlåtanden med en jämställdhetsanalys", "100 %", "", "", "83,33 %", "100 %", "100 %",
             "100 %", "Tertial 2 2018"),
        tabs("<p>Analys</p> <p>Andelen baseras på samtliga tjänsteutlåtanden.</p>", "", "", "", "", "", "", "", ""),
        tabs(" ♀ Andel ungdomar i sysselsättning", "83 %", "84 %", "75 %", "80 %", "80 %", "80 %", "", "Halvår 1 2018"),
        tabs("Analys Antal flickor i verksamheterna är generellt mycket få.", "", "", "", "", "", "", "", ""),
        "",
        ACT_HEADER,
        tabs(" I samverkan med arbetsmarknadsnämnden implementera bedömningsinstrument", "2013-01-01", "2013-12-31", ""),
        tabs("Kommentar Implementeringen av bedömningsinstrumentet pågår.", "", "", ""),
    ])
    rows = result["indicators"]
    assert [r["name"] for r in rows] == ["Andel insatser avslutade enligt plan",
                                         "Andel tjänsteutlåtanden med en jämställdhetsanalys",
                                         "Andel ungdomar i sysselsättning"]
    assert [r["comment"] for r in rows] == ["Att andelen kvinnor är lägre beror på att underlaget är mindre.",
                                            "Andelen baseras på samtliga tjänsteutlåtanden.",
                                            "Antal flickor i verksamheterna är generellt mycket få."]
    (activity,) = result["activities"]
    assert activity["comment"] == "Implementeringen av bedömningsinstrumentet pågår."
    assert activity["name"] == "I samverkan med arbetsmarknadsnämnden implementera bedömningsinstrument"


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


def test_indicator_table_followed_directly_by_an_activity_table():
    result = run([
        "KF:s MÅL FÖR VERKSAMHETSOMRÅDET:**1.2 Jobb istället för bidrag**",
        "",
        tabs("KF:s indikatorer", "Årsmål", "KF:s årsmål", "Periodicitet"),
        tabs("Antal praktikplatser för de aspiranter som Jobbtorg Stockholm kan matcha (alla nämnder/bolag)", "",
             "1 400 st", "Tertial"),
        tabs("Andel vuxna personer beroende av ekonomiskt bistånd", "0,4 %", "minska", "Tertial"),
        tabs("Elförbrukning per kvadratmeter", "55,5 kWh/kvm", "tas fram 2010", "År"),
        tabs("KF:s aktiviteter", "Startdatum", "Slutdatum", ""),
        tabs("Utarbeta rutiner för att stävja felaktiga utbetalningar av ekonomiskt bistånd", "2008-01-01",
             "2010-12-31", ""),
    ])
    places, adults, power = result["indicators"]
    assert places["indicator_key"] == "antal praktikplatser för de aspiranter som jobbtorg stockholm kan matcha"
    assert (places["target"], places["kf_target"], places["unit"], places["frequency"]) == (None, 1400.0, "st", "Tertial")
    assert (adults["target"], adults["kf_target"], adults["kf_target_raw"], adults["unit"]) == (0.4, None, "minska", "%")
    assert (power["target"], power["unit"], power["kf_target"], power["frequency"]) == (55.5, "kWh/kvm", None, "År")
    assert places["kind"] == "KF:s indikatorer"
    (activity,) = result["activities"]
    assert activity["name"] == "Utarbeta rutiner för att stävja felaktiga utbetalningar av ekonomiskt bistånd"
    assert (activity["kind"], activity["start_date"], activity["end_date"]) == \
        ("KF:s aktiviteter", dt.date(2008, 1, 1), dt.date(2010, 12, 31))
    assert activity["goal_id"] == places["goal_id"] == result["goals"][0]["goal_id"]


def test_header_printed_one_cell_per_line_gives_nothing():
    result = run(["KF:s MÅL FÖR VERKSAMHETSOMRÅDET:**1.3 En hållbar livsmiljö ska värnas och utvecklas**", "",
                  "KF:s indikatorer", "", "Årsmål", "", "KF:s årsmål", "", "Periodicitet", "",
                  tabs("KF:s indikatorer", "Årsmål", "KF:s årsmål", "Periodicitet"),
                  tabs("Elförbrukning (alla nämnder/bolag)", "3 500 000 kWh", "minska", "År")])
    assert len(result["goals"]) == 1
    (row,) = result["indicators"]
    assert (row["name"], row["indicator_key"], row["target"], row["unit"], row["kf_target_raw"]) == \
        ("Elförbrukning (alla nämnder/bolag)", "elförbrukning", 3_500_000.0, "kWh", "minska")


def test_indicator_table_built_directly_as_blocks_with_a_spanning_comment_row():
    header = Row(["Indikator", "Periodens utfall", "Årsmål", "Period"], Place(page=5), header=True)
    blocks = [
        Paragraph("Nämndmål:", Place(page=5)), Paragraph("Barn i Stockholm har bra uppväxtvillkor", Place(page=5)),
        Table([header,
               Row(["● Andel barn i familjer med ekonomiskt bistånd", "0,45 %", "0,5 %", "T2 2018"], Place(page=5)),
               Row(["Kommentar\nAntalet barn har minskat.", "", "", ""], Place(page=5), spanning=True)], Place(page=5)),
        Table([Row(list(header.cells), Place(page=6), header=True),
               Row(["● Antal hemlösa", "", "2 850 st", "T2 2018"], Place(page=6))], Place(page=6)),
    ]
    result = run_blocks(blocks)
    first, second = result["indicators"]
    assert (first["name"], first["outcome"], first["target"], first["period"], first["comment"], first["page"]) == \
        ("Andel barn i familjer med ekonomiskt bistånd", 0.45, 0.5, "T2 2018", "Antalet barn har minskat.", 5)
    assert (second["name"], second["target"], second["unit"], second["page"]) == ("Antal hemlösa", 2850.0, "st", 6)


def test_comment_that_wraps_onto_a_lower_case_row_stays_a_comment():
    result = run([
        "Nämndmål:", "", "Individen klarar sin egen försörjning", "",
        IND_HEADER_2013,
        tabs(" Andel personer som går till egen försörjning", "34,67 %", "33,33 %", "25 %", "", "VB 2013"),
        tabs("Kommentar Insatsen utförs av Arbetsmarknads- och rehabiliteringsteamet som består av", "", "", "", "", ""),
        tabs("fyra arbetskonsulenter.", "", "", "", "", ""),
    ])
    (row,) = result["indicators"]
    assert row["name"] == "Andel personer som går till egen försörjning"
    assert row["comment"] == ("Insatsen utförs av Arbetsmarknads- och rehabiliteringsteamet som består av "
                              "fyra arbetskonsulenter.")


def test_indicator_comment_column():
    result = run([
        "Nämndmål:", "", "Stadsdelsförvaltningen ska vara en attraktiv arbetsgivare", "",
        tabs("Enhetens indikatorer", "Periodens utfall", "Årsmål", "Period", "Kommentar"),
        tabs(" Svarsfrekvens i medarbetarenkät", "85,71 %", "80 %", "2013", "Högre än förra året."),
    ])
    (row,) = result["indicators"]
    assert (row["kind"], row["outcome"], row["target"], row["period"], row["comment"]) == \
        ("Enhetens indikatorer", 85.71, 80.0, "2013", "Högre än förra året.")


# financial tables ----------------------------------------------------------------------------

# document metadata ---------------------------------------------------------------------------

# template variants beyond the seeds ----------------------------------------------------------

def test_outcome_columns_named_by_year_latest_is_this_periods():
    result = run([
        "Nämndmål:", "", "Invånarna är självförsörjande", "",
        tabs("Indikator", "Utfall 2012", "Utfall 2013", "Årsmål"),
        tabs("Andel hushåll med ekonomiskt bistånd", "3,1 %", "2,9 %", "3 %"),
    ])
    (row,) = result["indicators"]
    assert (row["outcome"], row["previous_outcome"], row["target"], row["previous_label"]) == (2.9, 3.1, 3.0, "2012")


def test_outcome_column_dated_with_the_reports_own_year_is_this_periods():
    result = run([
        "Verksamhetsberättelse 2014", "", "Sammanfattning", "",
        "Nämndmål:", "", "Invånarna är självförsörjande", "",
        tabs("Indikator", "Utfall 2014", "Årsmål", "Period"),
        tabs("Andel hushåll med ekonomiskt bistånd", "2,9 %", "3 %", "VB 2014"),
        "",
        tabs("Indikator", "Utfall 2013", "Årsmål", "Period"),
        tabs("Andel vuxna med långvarigt ekonomiskt bistånd", "1,1 %", "1 %", "VB 2014"),
    ])
    first, second = result["indicators"]
    assert (first["outcome"], first["previous_outcome"], first["previous_label"]) == (2.9, None, None)
    assert (second["outcome"], second["previous_outcome"], second["previous_label"]) == (None, 1.1, "2013")


def test_chart_data_spread_over_an_activity_table_is_no_activity():
    # A converter put a chart's data table inside an activity table, after a page break.
    result = run([
        "Enhetsmål:", "", "Enheten arbetar mot våld i nära relationer", "",
        ACT_HEADER,
        tabs(" Enheten upptäcker individer som utsätts för våld", "2022-01-01", "2024-12-31", ""),
        tabs("Analys", "", "", ""),
        tabs("Totalt har 40 individer identifierats under 2023.", "", "", ""),
        "",
        ACT_HEADER,
        tabs("Kategori", "Antal", "", ""),
        tabs("Är utsatt för våld", "34", "", ""),
        tabs("✓ Enheten stärker samverkan med externa partners", "2022-01-01", "2023-12-31", ""),
    ])
    assert [(a["name"], str(a["start_date"])) for a in result["activities"]] == [
        ("Enheten upptäcker individer som utsätts för våld", "2022-01-01"),
        ("Enheten stärker samverkan med externa partners", "2022-01-01")]
    assert result["activities"][0]["comment"].startswith("Totalt har 40 individer")
    assert "Är utsatt för våld 34" in result["activities"][0]["comment"]


def test_table_cells_carry_the_kind_of_their_own_rows():
    result = run([
        "Nämndmål:", "", "Invånarna är självförsörjande", "",
        tabs("KF:s indikatorer", "Årsmål", "KF:s årsmål", "Periodicitet"),
        tabs("Andel barn i familjer med ekonomiskt bistånd", "1 %", "6,0 %", "Tertial"),
        tabs("KF:s aktiviteter", "Startdatum", "Slutdatum"),
        tabs("Utarbeta rutiner mot felaktiga utbetalningar", "2008-01-01", "2010-12-31"),
    ])
    kinds = {(cell["row"], cell["kind"]) for cell in result["table_cells"]}
    assert kinds == {(0, "indicator"), (1, "indicator"), (2, "activity"), (3, "activity")}
    assert len({cell["table_id"] for cell in result["table_cells"]}) == 1

