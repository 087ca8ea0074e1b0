"""Indicator tables on blocks: one record per indicator row with its numbers, units, periods and
comment, under the headers the templates have printed (2013 and 2018 layouts, outcome columns
named by year, a Kommentar column); names wrapped onto rows of their own; comment rows. The
expected records are read off the input by hand.
"""
from __future__ import annotations

from blocks_builder import (
    ACT_HEADER,
    IND_HEADER_2013,
    IND_HEADER_2018,
    lone,
    para,
    paras,
    recognise_blocks,
    row,
    table,
)

# values, units and headers ---------------------------------------------------------------------


def test_indicator_table_values_units_and_markers():
    found = recognise_blocks(
        *paras("KF:s mål för verksamhetsområdet:", "1.2 Invånare i Stockholm är självförsörjande"),
        table(IND_HEADER_2013, [
            ["■ Antal praktikplatser som kan tillhandahållas för aspiranter", "", "", "0 st", "1600 st", "VB 2013"],
            ["● Andel barn som lever i familjer som är beroende av ekonomiskt bistånd", "0,45 %", "0,5 %", "0,5 %",
             "4,4 %", "VB 2013"]], line=5),
    )
    goal_id = found.goals[0].goal_id
    first, second = found.indicators
    assert first.name == "Antal praktikplatser som kan tillhandahållas för aspiranter"
    assert (first.outcome, first.previous_outcome, first.target, first.kf_target) == (None, None, 0.0, 1600.0)
    assert (first.unit, first.period, first.previous_label) == ("st", "VB 2013", "VB 2012")
    assert second.name == "Andel barn som lever i familjer som är beroende av ekonomiskt bistånd"
    assert (second.outcome, second.previous_outcome, second.target, second.kf_target) == (0.45, 0.5, 0.5, 4.4)
    assert second.outcome_raw == "0,45 %" and second.unit == "%"
    assert {first.goal_id, second.goal_id} == {goal_id}
    assert second.line == 7


def test_header_printed_one_cell_per_line_gives_nothing():
    header = ["KF:s indikatorer", "Årsmål", "KF:s årsmål", "Periodicitet"]
    found = recognise_blocks(
        para("KF:s MÅL FÖR VERKSAMHETSOMRÅDET:"), para("1.3 En hållbar livsmiljö ska värnas och utvecklas", bold=True),
        *paras(*header),
        table(header, [["Elförbrukning (alla nämnder/bolag)", "3 500 000 kWh", "minska", "År"]]),
    )
    assert len(found.goals) == 1
    (indicator,) = found.indicators
    assert (indicator.name, indicator.indicator_key, indicator.target, indicator.unit, indicator.kf_target_raw) == \
        ("Elförbrukning (alla nämnder/bolag)", "elförbrukning", 3_500_000.0, "kWh", "minska")


def test_indicator_comment_column():
    found = recognise_blocks(
        *paras("Nämndmål:", "Stadsdelsförvaltningen ska vara en attraktiv arbetsgivare"),
        table(["Enhetens indikatorer", "Periodens utfall", "Årsmål", "Period", "Kommentar"],
              [["Svarsfrekvens i medarbetarenkät", "85,71 %", "80 %", "2013", "Högre än förra året."]]),
    )
    (indicator,) = found.indicators
    assert (indicator.kind, indicator.outcome, indicator.target, indicator.period, indicator.comment) == \
        ("Enhetens indikatorer", 85.71, 80.0, "2013", "Högre än förra året.")


def test_outcome_columns_named_by_year_latest_is_this_periods():
    found = recognise_blocks(
        *paras("Nämndmål:", "Invånarna är självförsörjande"),
        table(["Indikator", "Utfall 2012", "Utfall 2013", "Årsmål"],
              [["Andel hushåll med ekonomiskt bistånd", "3,1 %", "2,9 %", "3 %"]]),
    )
    (indicator,) = found.indicators
    assert (indicator.outcome, indicator.previous_outcome, indicator.target, indicator.previous_label) == (2.9, 3.1, 3.0, "2012")


def test_outcome_column_dated_with_the_reports_own_year_is_this_periods():
    found = recognise_blocks(
        *paras("Verksamhetsberättelse 2014", "Sammanfattning", "Nämndmål:", "Invånarna är självförsörjande"),
        table(["Indikator", "Utfall 2014", "Årsmål", "Period"],
              [["Andel hushåll med ekonomiskt bistånd", "2,9 %", "3 %", "VB 2014"]]),
        table(["Indikator", "Utfall 2013", "Årsmål", "Period"],
              [["Andel vuxna med långvarigt ekonomiskt bistånd", "1,1 %", "1 %", "VB 2014"]]),
    )
    first, second = found.indicators
    assert (first.outcome, first.previous_outcome, first.previous_label) == (2.9, None, None)
    assert (second.outcome, second.previous_outcome, second.previous_label) == (None, 1.1, "2013")


# names wrapped onto rows of their own ------------------------------------------------------------

def test_name_that_wraps_onto_a_row_of_its_own():
    found = recognise_blocks(
        *paras("Nämndmål:", "Barn och ungdomar får stöd"),
        table(IND_HEADER_2018, [
            ["♀ Andel barn/ungdomar under 18 år som vid avslutad kontakt inte har en problematisk",
             "66 %", "65 %", "68 %", "74 %", "70 %", "", "", "Halvår 1 2018"],
            lone("alkoholkonsumtion (Framtid Stockholm).", 9)]),
    )
    (indicator,) = found.indicators
    assert indicator.name == ("Andel barn/ungdomar under 18 år som vid avslutad kontakt inte har en problematisk "
                        "alkoholkonsumtion (Framtid Stockholm).")
    assert (indicator.outcome, indicator.outcome_men, indicator.outcome_women, indicator.previous_outcome, indicator.forecast) == \
        (66.0, 65.0, 68.0, 74.0, 70.0)
    assert (indicator.target, indicator.period, indicator.comment) == (None, "Halvår 1 2018", None)


def test_name_that_wraps_onto_a_row_starting_with_a_proper_noun():
    found = recognise_blocks(
        *paras("Nämndmål:", "Individen klarar sin egen försörjning"),
        table(IND_HEADER_2013, [
            ["■ Antal praktikplatser som kan tillhandahållas för de aspiranter som", "", "", "0 st", "1600 st", "VB 2013"],
            lone("Jobbtorg Stockholm kan matcha", 6)]),
    )
    assert [i.name for i in found.indicators] == [
        "Antal praktikplatser som kan tillhandahållas för de aspiranter som Jobbtorg Stockholm kan matcha"]


# comment rows ------------------------------------------------------------------------------------

def test_comment_rows_belong_to_the_row_above():
    found = recognise_blocks(
        *paras("Nämndmål:", "Barn i Stockholm har bra uppväxtvillkor"),
        table(IND_HEADER_2018, [
            ["Andel insatser avslutade enligt plan", "54,5 %", "59,7 %", "23,8 %", "51,4 %", "50 %", "37 %", "37 %",
             "Tertial 2 2018"],
            lone("Analys", 9),
            lone("Att andelen kvinnor är lägre beror på att underlaget är mindre.", 9),
            ["Andel tjänsteutlåtanden med en jämställdhetsanalys", "100 %", "", "", "83,33 %", "100 %", "100 %",
             "100 %", "Tertial 2 2018"],
            lone("Analys\nAndelen baseras på samtliga tjänsteutlåtanden.", 9),
            ["♀ Andel ungdomar i sysselsättning", "83 %", "84 %", "75 %", "80 %", "80 %", "80 %", "", "Halvår 1 2018"],
            lone("Analys Antal flickor i verksamheterna är generellt mycket få.", 9)]),
        table(ACT_HEADER, [
            ["I samverkan med arbetsmarknadsnämnden implementera bedömningsinstrument", "2013-01-01", "2013-12-31", ""],
            lone("Kommentar Implementeringen av bedömningsinstrumentet pågår.", 4)]),
    )
    rows = found.indicators
    assert [r.name for r in rows] == ["Andel insatser avslutade enligt plan",
                                      "Andel tjänsteutlåtanden med en jämställdhetsanalys",
                                      "Andel ungdomar i sysselsättning"]
    assert [r.comment for r in rows] == ["Att andelen kvinnor är lägre beror på att underlaget är mindre.",
                                         "Andelen baseras på samtliga tjänsteutlåtanden.",
                                         "Antal flickor i verksamheterna är generellt mycket få."]
    (activity,) = found.activities
    assert activity.comment == "Implementeringen av bedömningsinstrumentet pågår."
    assert activity.name == "I samverkan med arbetsmarknadsnämnden implementera bedömningsinstrument"


def test_comment_that_wraps_onto_a_lower_case_row_stays_a_comment():
    found = recognise_blocks(
        *paras("Nämndmål:", "Individen klarar sin egen försörjning"),
        table(IND_HEADER_2013, [
            ["Andel personer som går till egen försörjning", "34,67 %", "33,33 %", "25 %", "", "VB 2013"],
            lone("Kommentar Insatsen utförs av Arbetsmarknads- och rehabiliteringsteamet som består av", 6),
            lone("fyra arbetskonsulenter.", 6)]),
    )
    (indicator,) = found.indicators
    assert indicator.name == "Andel personer som går till egen försörjning"
    assert indicator.comment == ("Insatsen utförs av Arbetsmarknads- och rehabiliteringsteamet som består av "
                           "fyra arbetskonsulenter.")


def test_indicator_table_with_a_spanning_comment_row():
    header = ["Indikator", "Periodens utfall", "Årsmål", "Period"]
    found = recognise_blocks(
        para("Nämndmål:", page=5), para("Barn i Stockholm har bra uppväxtvillkor", page=5),
        table(header, [["● Andel barn i familjer med ekonomiskt bistånd", "0,45 %", "0,5 %", "T2 2018"],
                       row(["Kommentar\nAntalet barn har minskat.", "", "", ""], spanning=True)], page=5, header=True),
        table(header, [["● Antal hemlösa", "", "2 850 st", "T2 2018"]], page=6, header=True),
    )
    first, second = found.indicators
    assert (first.name, first.outcome, first.target, first.period, first.comment, first.page) == \
        ("Andel barn i familjer med ekonomiskt bistånd", 0.45, 0.5, "T2 2018", "Antalet barn har minskat.", 5)
    assert (second.name, second.target, second.unit, second.page) == ("Antal hemlösa", 2850.0, "st", 6)


def test_the_rest_of_a_comment_cut_before_the_table_is_no_indicator():
    # The page break cut a comment printed as a paragraph; its lower-case rest stands in the
    # name column of the table repeated on the next page, above the table's first indicator.
    header = ["Indikator", "Periodens utfall", "Årsmål", "Period"]
    found = recognise_blocks(
        para("Nämndmål:", page=48), para("Barn i Stockholm har bra uppväxtvillkor", page=48),
        table(header, [["eventuellt kan riktade insatser komma att ordnas.", "", "", ""],
                       ["Antal hemlösa", "", "2 850 st", "T2 2018"]], page=49, header=True),
    )
    assert [(i.name, i.target) for i in found.indicators] == [("Antal hemlösa", 2850.0)]
