"""Activity tables on blocks: one record per activity with its dates, deviation and comment,
under headers with an empty leading column or a Kommentar column, after indicator rows in the
same table, with a chart's data spread over them, and with dates cut at their dash. The
expected records are read off the input by hand.
"""
from __future__ import annotations

import datetime as dt

from blocks_builder import ACT_HEADER, lone, para, paras, recognise_blocks, row, table


def test_activity_table_with_an_empty_leading_column_and_a_comment_column():
    found = recognise_blocks(
        *paras("Nämndmål:", "Stadsdelens budget ska vara i balans"),
        table(["", "Aktivitet", "Startdatum", "Slutdatum", "Avvikelse", "Kommentar"], [
            ["", "Alla chefer med kostnadsansvar ska vidta åtgärder för att få budget i balans.", "2013-01-01",
             "2013-12-31", "", "Chefer och medarbetare är kostnadsmedvetna."],
            ["", "✓ Alla medarbetare ska få information om enhetens budget.", "2013-01-01", "2013-12-31",
             "Försenad", ""]]),
    )
    first, second = found.activities
    assert first.name == "Alla chefer med kostnadsansvar ska vidta åtgärder för att få budget i balans."
    assert (first.start_date, first.end_date) == (dt.date(2013, 1, 1), dt.date(2013, 12, 31))
    assert (first.deviation, first.comment) == (None, "Chefer och medarbetare är kostnadsmedvetna.")
    assert second.name == "Alla medarbetare ska få information om enhetens budget."
    assert (second.deviation, second.comment) == ("Försenad", None)


def test_indicator_table_followed_directly_by_an_activity_table():
    found = recognise_blocks(
        para("KF:s MÅL FÖR VERKSAMHETSOMRÅDET:"), para("1.2 Jobb istället för bidrag", bold=True),
        table(["KF:s indikatorer", "Årsmål", "KF:s årsmål", "Periodicitet"], [
            ["Antal praktikplatser för de aspiranter som Jobbtorg Stockholm kan matcha (alla nämnder/bolag)", "",
             "1 400 st", "Tertial"],
            ["Andel vuxna personer beroende av ekonomiskt bistånd", "0,4 %", "minska", "Tertial"],
            ["Elförbrukning per kvadratmeter", "55,5 kWh/kvm", "tas fram 2010", "År"],
            ["KF:s aktiviteter", "Startdatum", "Slutdatum", ""],
            ["Utarbeta rutiner för att stävja felaktiga utbetalningar av ekonomiskt bistånd", "2008-01-01",
             "2010-12-31", ""]]),
    )
    places, adults, power = found.indicators
    assert places.indicator_key == "antal praktikplatser för de aspiranter som jobbtorg stockholm kan matcha"
    assert (places.target, places.kf_target, places.unit, places.frequency) == (None, 1400.0, "st", "Tertial")
    assert (adults.target, adults.kf_target, adults.kf_target_raw, adults.unit) == (0.4, None, "minska", "%")
    assert (power.target, power.unit, power.kf_target, power.frequency) == (55.5, "kWh/kvm", None, "År")
    assert places.kind == "KF:s indikatorer"
    (activity,) = found.activities
    assert activity.name == "Utarbeta rutiner för att stävja felaktiga utbetalningar av ekonomiskt bistånd"
    assert (activity.kind, activity.start_date, activity.end_date) == \
        ("KF:s aktiviteter", dt.date(2008, 1, 1), dt.date(2010, 12, 31))
    assert activity.goal_id == places.goal_id == found.goals[0].goal_id


def test_table_cells_carry_the_kind_of_their_own_rows():
    found = recognise_blocks(
        *paras("Nämndmål:", "Invånarna är självförsörjande"),
        table(["KF:s indikatorer", "Årsmål", "KF:s årsmål", "Periodicitet"], [
            ["Andel barn i familjer med ekonomiskt bistånd", "1 %", "6,0 %", "Tertial"],
            ["KF:s aktiviteter", "Startdatum", "Slutdatum"],
            ["Utarbeta rutiner mot felaktiga utbetalningar", "2008-01-01", "2010-12-31"]]),
    )
    kinds = {(cell.row, cell.kind) for cell in found.table_cells}
    assert kinds == {(0, "indicator"), (1, "indicator"), (2, "activity"), (3, "activity")}
    assert len({cell.table_id for cell in found.table_cells}) == 1


def test_chart_data_spread_over_an_activity_table_is_no_activity():
    # A converter put a chart's data table inside an activity table, after a page break.
    found = recognise_blocks(
        *paras("Enhetsmål:", "Enheten arbetar mot våld i nära relationer"),
        table(ACT_HEADER, [["Enheten upptäcker individer som utsätts för våld", "2022-01-01", "2024-12-31", ""],
                           lone("Analys", 4),
                           lone("Totalt har 40 individer identifierats under 2023.", 4)]),
        table(ACT_HEADER, [["Kategori", "Antal", "", ""],
                           ["Är utsatt för våld", "34", "", ""],
                           ["✓ Enheten stärker samverkan med externa partners", "2022-01-01", "2023-12-31", ""]]),
    )
    assert [(a.name, str(a.start_date)) for a in found.activities] == [
        ("Enheten upptäcker individer som utsätts för våld", "2022-01-01"),
        ("Enheten stärker samverkan med externa partners", "2022-01-01")]
    assert found.activities[0].comment.startswith("Totalt har 40 individer")
    assert "Är utsatt för våld 34" in found.activities[0].comment


def test_chart_data_right_under_an_activity_is_its_comment():
    # Words and counts under Startdatum: a chart's data table printed in the activity's cell.
    found = recognise_blocks(
        *paras("Enhetsmål:", "Enheten arbetar mot våld i nära relationer"),
        table(ACT_HEADER, [["Enheten upptäcker individer som utsätts för våld", "2022-01-01", "2024-12-31", ""],
                           ["Kategori", "Antal", "", ""],
                           ["Är utsatt för våld", "34", "", ""],
                           ["Enheten stärker samverkan med externa partners", "2022-01-01", "2023-12-31", ""]]),
    )
    assert [a.name for a in found.activities] == ["Enheten upptäcker individer som utsätts för våld",
                                                  "Enheten stärker samverkan med externa partners"]
    assert "Är utsatt för våld 34" in found.activities[0].comment


def test_a_date_cut_at_its_dash_goes_on_in_the_row_under_it():
    # A narrow date column broke "2010-12-31" after its dash, the name's second line beside "31".
    found = recognise_blocks(
        *paras("Nämndmål:", "Individen klarar sin egen försörjning"),
        table(ACT_HEADER, [["Stadsdelsnämnderna ska minska behovet av", "2008-01-01", "2010-12-", ""],
                           ["bidrag genom tidiga insatser", "", "31", ""]]),
    )
    (activity,) = found.activities
    assert activity.name == "Stadsdelsnämnderna ska minska behovet av bidrag genom tidiga insatser"
    assert (activity.start_date, activity.end_date) == (dt.date(2008, 1, 1), dt.date(2010, 12, 31))


def test_a_sentence_cut_before_the_table_is_no_activity_under_its_header():
    # A page break cut a paragraph; its lower-case rest came out across the table, under the
    # header repeated on the new page, before the table's first activity.
    found = recognise_blocks(
        *paras("Enhetsmål:", "Enheten arbetar mot våld i nära relationer"),
        table(ACT_HEADER, [row(lone("samt hjälpa socialsekreterare och chefer med statistiska underlag.", 4),
                               spanning=True),
                           ["Enheten stärker samverkan med externa partners", "2022-01-01", "2023-12-31", ""]],
              page=3),
    )
    assert [(a.name, a.start_date) for a in found.activities] == [
        ("Enheten stärker samverkan med externa partners", dt.date(2022, 1, 1))]


def test_a_row_wrapped_over_two_grid_lines_goes_on_column_by_column():
    # The reader split one row at its name's wrap: the name and the comment beside it each go on
    # in their own column, and the date cut at its dash is whole.
    found = recognise_blocks(
        *paras("Åtagande:", "Stadsdelens budget ska vara i balans"),
        table(["Aktivitet", "Startdatum", "Slutdatum", "Avvikelse", "Kommentar"], [
            ["Alla chefer och medarbetare med", "2013-01-01", "2013-12-", "", "Chefer och medarbetare är"],
            ["kostnadsansvar ska vidta åtgärder.", "", "31", "", "kostnadsmedvetna."]]),
    )
    (activity,) = found.activities
    assert activity.name == "Alla chefer och medarbetare med kostnadsansvar ska vidta åtgärder."
    assert activity.end_date == dt.date(2013, 12, 31)
    assert activity.comment == "Chefer och medarbetare är kostnadsmedvetna."
