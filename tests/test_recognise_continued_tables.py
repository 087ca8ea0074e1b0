"""Indicator and activity tables continued across page breaks, on blocks: the header repeated
(also misread or respelled) over the rest of the table, a name or comment cut by the break, text
between tables ending the table, and rows whose cells are shifted against the header (realign).
Each table is one Table block per page, as the readers give them; the expected records are read
off the input by hand.
"""
from __future__ import annotations

import datetime as dt

from blocks_builder import (
    ACT_HEADER,
    IND_HEADER_2013,
    IND_HEADER_2018,
    lone,
    para,
    paras,
    recognise_blocks,
    table,
)

# page breaks and repeated headers -------------------------------------------------------------


def test_table_split_by_a_page_break_with_the_header_repeated():
    found = recognise_blocks(
        *paras("KF:s mål för verksamhetsområdet:", "2.4 Stockholms stad är en attraktiv arbetsgivare"),
        table(IND_HEADER_2013, [["Antal ungdomar som fått", "225 st", "335 st", "205 st", "5100", "2013"]], line=5),
        table(IND_HEADER_2013, [lone("sommarjobb i stadens regi", 6),
                                lone("Kommentar", 6),
                                lone("Kungsholmen: 308 ansökningar, 65 erbjudna platser.", 6),
                                lone("Norrmalm: 371 ansökningar, 110 erbjudna platser.", 6),
                                ["Sjukfrånvaro", "5,7 %", "6 %", "6 %", "4,4 %", "VB 2013"]], line=8),
    )
    jobs, sick = found.indicators
    assert jobs.name == "Antal ungdomar som fått sommarjobb i stadens regi"
    assert (jobs.outcome, jobs.previous_outcome, jobs.target, jobs.kf_target) == (225.0, 335.0, 205.0, 5100.0)
    assert (jobs.unit, jobs.period, jobs.line) == ("st", "2013", 6)
    assert jobs.comment.split("\n") == ["Kungsholmen: 308 ansökningar, 65 erbjudna platser.",
                                    "Norrmalm: 371 ansökningar, 110 erbjudna platser."]
    assert (sick.name, sick.outcome, sick.unit, sick.comment) == ("Sjukfrånvaro", 5.7, "%", None)
    assert jobs.goal_id == sick.goal_id == found.goals[0].goal_id


def test_split_table_continues_under_a_header_spelled_arsmal():
    header_2 = [cell.replace("Årsmål", "Arsmål").replace("Periodens utfall VB", "Perio dens utfall VB")
                for cell in IND_HEADER_2018]
    found = recognise_blocks(
        *paras("Nämndmål:", "Barn och unga har en god hälsa"),
        table(IND_HEADER_2018, [["Andel ungdomar som i stockholmsenkäten uppger att de inte", "", "", "", "62 %", "",
                                 "60 %", "60 %", "2018"]]),
        table(header_2, [lone("använder alkohol", 9),
                         ["Antal hemlösa", "", "", "", "", "", "2 850 st", "tas fram av nämnden", "2018"]]),
    )
    alcohol, homeless = found.indicators
    assert alcohol.name == "Andel ungdomar som i stockholmsenkäten uppger att de inte använder alkohol"
    assert (alcohol.previous_outcome, alcohol.target, alcohol.kf_target, alcohol.unit) == (62.0, 60.0, 60.0, "%")
    assert alcohol.previous_label == "VB 2017"
    assert homeless.name == "Antal hemlösa"
    assert (homeless.target, homeless.kf_target, homeless.kf_target_raw) == (2850.0, None, "tas fram av nämnden")
    assert homeless.unit == "st"


def test_activity_name_split_by_a_page_break():
    found = recognise_blocks(
        *paras("KF:s mål för verksamhetsområdet:", "3.6 Stockholm har en väl fungerande äldreomsorg"),
        table(ACT_HEADER, [["Socialnämnden och äldrenämnden ska i samråd med stadsdelsnämnderna utreda hur samverkan och",
                            "2018-01-01", "2018-12-31", ""]], line=5),
        table(ACT_HEADER, [["samhandläggningen inom socialtjänsten kan öka runt personer som fyllt 65 år", "2018-01-01",
                            "2018-12-31", ""],
                           ["Socialnämnden ska utveckla stödet till anhöriga", "2018-01-01", "2018-12-31", ""]], line=8),
    )
    assert [a.name for a in found.activities] == [
        "Socialnämnden och äldrenämnden ska i samråd med stadsdelsnämnderna utreda hur samverkan och "
        "samhandläggningen inom socialtjänsten kan öka runt personer som fyllt 65 år",
        "Socialnämnden ska utveckla stödet till anhöriga",
    ]
    first = found.activities[0]
    assert (first.start_date, first.end_date, first.deviation, first.line) == \
        (dt.date(2018, 1, 1), dt.date(2018, 12, 31), None, 6)
    assert first.kind == "Aktivitet"


def test_comment_label_before_a_page_break_and_its_text_after_it():
    found = recognise_blocks(
        *paras("Nämndmål:", "Stadsdelsförvaltningen ska vara en attraktiv arbetsgivare"),
        table(IND_HEADER_2013, [["Sjukfrånvaro", "5,7 %", "6 %", "6 %", "4,4 %", "VB 2013"], lone("Analys", 6)]),
        table(IND_HEADER_2013, [lone("Sjukfrånvaron har minskat under året.", 6),
                                ["Andel medarbetare som är nöjda", "85 %", "", "80 %", "", "VB 2013"]]),
    )
    assert [(i.name, i.comment) for i in found.indicators] == [
        ("Sjukfrånvaro", "Sjukfrånvaron har minskat under året."), ("Andel medarbetare som är nöjda", None)]


def test_header_only_table_before_the_repeated_header_gives_no_rows():
    # The first page holds only the header (the converter printed it over an empty table).
    found = recognise_blocks(
        *paras("Nämndmål:", "Individen klarar sin egen försörjning"),
        table(IND_HEADER_2013),
        table(IND_HEADER_2013, [["Andel personer som går till egen försörjning efter insatser.", "34,67 %", "33,33 %",
                                 "25 %", "", "VB 2013"]]),
    )
    (row,) = found.indicators
    assert (row.name, row.outcome, row.previous_outcome, row.target, row.kf_target) == \
        ("Andel personer som går till egen försörjning efter insatser.", 34.67, 33.33, 25.0, None)


def test_text_between_tables_ends_the_logical_table():
    found = recognise_blocks(
        *paras("Nämndmål:", "Individen klarar sin egen försörjning"),
        table(IND_HEADER_2013, [["Andel personer som går till egen försörjning", "34,67 %", "33,33 %", "25 %", "",
                                 "VB 2013"]], line=5),
        para("Resultatet per stadsdel:", line=8),
        table(["Kungsholmen", "9", "8", "12", "21", "38,1%"], [lone("ökning jämfört med förra året", 6)], line=10),
    )
    (row,) = found.indicators
    assert row.name == "Andel personer som går till egen försörjning"
    assert row.comment is None
    assert {c.kind for c in found.table_cells if c.line >= 10} == {"other"}


def test_page_break_repeats_the_first_header_over_activity_rows():
    # One table holds indicator rows, then an activity header and activity rows; the page break
    # repeats the table's first row, the indicator header, above the remaining activities.
    ind_header = ["KF:s indikatorer", "Årsmål", "KF:s årsmål", "Periodicitet"]
    found = recognise_blocks(
        *paras("NÄMNDMÅL:", "Förbättra levnadsvillkoren för utsatta barn"),
        table(ind_header, [["Antal hemlösa", "3 231 st", "tas fram 2009", "År"],
                           ["KF:s aktiviteter", "Startdatum", "Slutdatum", ""],
                           ["Utveckla det drogpreventiva arbetet", "2007-01-01", "2010-12-31", ""]], page=1, header=True),
        table(ind_header, [["Implementera vägen-vidare-garanti", "2009-01-01", "2009-12-31", ""]], page=2, header=True),
        table(ind_header, [["Andel vuxna i öppenvård", "9 %", "tas fram 2009", "Tertial"]], page=3, header=True),
    )
    assert [a.name for a in found.activities] == ["Utveckla det drogpreventiva arbetet",
                                                  "Implementera vägen-vidare-garanti"]
    assert [i.name for i in found.indicators] == ["Antal hemlösa", "Andel vuxna i öppenvård"]


def test_repeated_header_with_a_misread_cell_still_continues_the_table():
    # OCR read the repeated header's "Avvikelse" as "Avwvikelse": still the same table, so the
    # name cut by the page break is joined.
    found = recognise_blocks(
        *paras("Nämndmål:", "Stadsdelsförvaltningen ska vara en attraktiv arbetsgivare"),
        table(ACT_HEADER, [["✓ Alla medarbetare ska uppmuntras till att föreslå kostnadseffektiva", "2013-01-01",
                            "2013-12-31", ""]]),
        table(["Aktivitet", "Startdatum", "Slutdatum", "Avwvikelse"], [lone("arbetsmetoder.", 4)]),
    )
    assert [a.name for a in found.activities] == [
        "Alla medarbetare ska uppmuntras till att föreslå kostnadseffektiva arbetsmetoder."]


# cells shifted against the header ---------------------------------------------------------------

def test_empty_leading_cell_with_the_name_in_the_second_cell():
    found = recognise_blocks(
        *paras("Nämndmål:", "Barn och ungdomar får stöd"),
        table(IND_HEADER_2018, [
            ["", "Andel kunder med minderåriga barn som anser att insatsen haft betydelse (Familjerådgivningen).",
             "", "", "95 %", "75 %", "75 %", "", "Halvår 1 2018"],
            lone("Analys", 9),
            lone("Enkät görs en gång per år och resultatet redovisas i verksamhetsberättelsen.", 9)]),
    )
    (row,) = found.indicators
    assert row.name == "Andel kunder med minderåriga barn som anser att insatsen haft betydelse (Familjerådgivningen)."
    assert (row.outcome, row.previous_outcome, row.forecast, row.target, row.kf_target) == \
        (None, 95.0, 75.0, 75.0, None)
    assert row.period == "Halvår 1 2018"
    assert row.comment == "Enkät görs en gång per år och resultatet redovisas i verksamhetsberättelsen."


def test_marker_in_a_cell_of_its_own_shifts_the_row():
    found = recognise_blocks(
        *paras("Nämndmål:", "Individen klarar sin egen försörjning"),
        table(IND_HEADER_2013, [["●", "Andel barn som lever i familjer som är beroende av ekonomiskt bistånd", "0,45 %",
                                 "0,5 %", "0,5 %", "4,4 %", "VB 2013"]]),
    )
    (row,) = found.indicators
    assert row.name == "Andel barn som lever i familjer som är beroende av ekonomiskt bistånd"
    assert (row.outcome, row.previous_outcome, row.target, row.kf_target, row.period) == \
        (0.45, 0.5, 0.5, 4.4, "VB 2013")
