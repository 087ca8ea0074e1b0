"""Financial tables on blocks: one budget row per number, with its row label, its column (two
header levels joined), its unit from wherever the report states it, and its value in kronor; and
every table's cells kept raw. The expected rows are read off the input by hand.
"""
from __future__ import annotations

import pytest

from blocks_builder import one, para, paras, recognise_blocks, table
from parsers.blocks import Block


def two_level_budget() -> list[Block]:
    """A budget table with two header levels, its unit said only in the sentence after it; the
    table's rows on lines 5-8."""
    return [*paras("Uppföljning av driftbudget", "Utfall och förbrukning per kostnadsgruppering"),
            table(["Riktvärde 66,7%", "augusti 2017", "", "", "augusti 2018", "", ""], [
                ["", "Budget", "Utfall", "Förbrukn", "Budget", "Utfall", "Förbrukn"],
                ["Taxor och avgifter", "-50,6", "-33,6", "66,4%", "-51,0", "-32,3", "63,4%"],
                ["Summa kostnader", "1 772,2", "1 091,1", "61,6%", "1 742,3", "1 079,1", "61,9%"]], line=5),
            para("Nämndens utfall till och med augusti är 741,4 mnkr vilket motsvarar en förbrukning med "
                 "62,1% av budgeten.")]


def test_two_level_budget_header_and_unit_from_the_sentence_after():
    rows = recognise_blocks(*two_level_budget()).budget_rows
    got = {(r.row_label, r.column, r.value, r.unit, r.raw) for r in rows}
    assert got == {
        ("Taxor och avgifter", "augusti 2017 / Budget", -50.6, "mnkr", "-50,6"),
        ("Taxor och avgifter", "augusti 2017 / Utfall", -33.6, "mnkr", "-33,6"),
        ("Taxor och avgifter", "augusti 2017 / Förbrukn", 66.4, "%", "66,4%"),
        ("Taxor och avgifter", "augusti 2018 / Budget", -51.0, "mnkr", "-51,0"),
        ("Taxor och avgifter", "augusti 2018 / Utfall", -32.3, "mnkr", "-32,3"),
        ("Taxor och avgifter", "augusti 2018 / Förbrukn", 63.4, "%", "63,4%"),
        ("Summa kostnader", "augusti 2017 / Budget", 1772.2, "mnkr", "1 772,2"),
        ("Summa kostnader", "augusti 2017 / Utfall", 1091.1, "mnkr", "1 091,1"),
        ("Summa kostnader", "augusti 2017 / Förbrukn", 61.6, "%", "61,6%"),
        ("Summa kostnader", "augusti 2018 / Budget", 1742.3, "mnkr", "1 742,3"),
        ("Summa kostnader", "augusti 2018 / Utfall", 1079.1, "mnkr", "1 079,1"),
        ("Summa kostnader", "augusti 2018 / Förbrukn", 61.9, "%", "61,9%"),
    }
    assert {r.table_title for r in rows} == {"Utfall och förbrukning per kostnadsgruppering"}
    taxes = one(rows, row_label="Taxor och avgifter", column="augusti 2017 / Budget")
    assert taxes.value_sek == pytest.approx(-50_600_000.0)
    assert one(rows, row_label="Taxor och avgifter", column="augusti 2017 / Förbrukn").value_sek is None
    assert taxes.line == 7


def test_budget_unit_from_a_caption():
    rows = recognise_blocks(
        *paras("Budget 2010", "(mkr)"),
        table(["", "Kostnader", "Intäkter", "Netto", "Netto 2009", "förändr."], [
            ["Försörjningsstöd", "16,0", "0,6", "15,4", "11,0", "4,4"],
            ["Handläggningskostnader (samfinansieras med Kungsholmen och Norrmalm)", "18,2", "13,1", "5,1", "5,3",
             "-0,2"]]),
    ).budget_rows
    assert len(rows) == 10
    assert {r.unit for r in rows} == {"mnkr"}
    assert {r.table_title for r in rows} == {"Budget 2010"}
    cost = one(rows, row_label="Försörjningsstöd", column="Kostnader")
    assert (cost.value, cost.value_sek) == (16.0, pytest.approx(16_000_000.0))
    change = one(rows, row_label="Handläggningskostnader (samfinansieras med Kungsholmen och Norrmalm)", column="förändr.")
    assert (change.value, change.value_sek) == (-0.2, pytest.approx(-200_000.0))


def test_budget_unit_from_the_header_corner_cell():
    rows = recognise_blocks(
        para("Prognos per verksamhetsområde"),
        table(["Mnkr", "Budget 2018", "Prognos 2018", "Avvikelse"], [["Barn och ungdom", "82,6", "98,3", "\u221215,7"]]),
    ).budget_rows
    assert {(r.column, r.value, r.unit) for r in rows} == {
        ("Budget 2018", 82.6, "mnkr"), ("Prognos 2018", 98.3, "mnkr"), ("Avvikelse", -15.7, "mnkr")}
    assert one(rows, column="Avvikelse").value_sek == pytest.approx(-15_700_000.0)


def test_budget_unit_from_the_sentence_before():
    rows = recognise_blocks(
        *paras("Prognos per verksamhetsområde", "Alla belopp är i tusen kronor."),
        table(["Verksamhetsområde", "Bokslut 2017", "Budget 2018", "Justering"], [
            ["Övrig verksamhet", "118,", "108,9", ""],
            ["Extraordinära intäkter", "", "0,0", ""]]),
    ).budget_rows
    assert {(r.row_label, r.column, r.value, r.unit, r.raw) for r in rows} == {
        ("Övrig verksamhet", "Bokslut 2017", 118.0, "tkr", "118,"),
        ("Övrig verksamhet", "Budget 2018", 108.9, "tkr", "108,9"),
        ("Extraordinära intäkter", "Budget 2018", 0.0, "tkr", "0,0"),
    }
    assert one(rows, raw="118,").value_sek == pytest.approx(118_000.0)
    assert {r.table_title for r in rows} == {"Prognos per verksamhetsområde"}


def test_budget_unit_from_the_sentence_after():
    rows = recognise_blocks(
        para("Prognos per verksamhetsområde"),
        table(["Verksamhetsområde", "Budget 2018", "Prognos 2018", "Justeradavvikelse"],
              [["Nämnden totalt", "1 194,6", "1 196,3", "2,4"]]),
        para("Nämndens prognos för hela året innebär ett överskott med 2,4 mnkr efter begärda justeringar."),
    ).budget_rows
    assert {(r.column, r.value, r.unit) for r in rows} == {
        ("Budget 2018", 1194.6, "mnkr"), ("Prognos 2018", 1196.3, "mnkr"), ("Justeradavvikelse", 2.4, "mnkr")}


def test_budget_percent_column_named_in_the_header():
    rows = recognise_blocks(
        *paras("Utfall per verksamhetsområde", "(mnkr)"),
        table(["Verksamhetsområde", "Budget", "Utfall", "Förbrukning %"], [["Barn och ungdom", "82,6", "55,1", "66,7"]]),
    ).budget_rows
    assert {(r.column, r.value, r.unit) for r in rows} == {
        ("Budget", 82.6, "mnkr"), ("Utfall", 55.1, "mnkr"), ("Förbrukning %", 66.7, "%")}
    assert one(rows, column="Förbrukning %").value_sek is None


def test_budget_table_with_year_columns_and_the_money_unit_in_its_caption():
    rows = recognise_blocks(
        para("Nettokostnad per verksamhetsområde (mnkr)"),
        table(["Verksamhetsområde", "2017", "2018"], [["Barn och ungdom", "70,0", "82,6"],
                                                      ["Hemlöshet och missbruk", "266,9", "271,6"]]),
    ).budget_rows
    assert {(r.row_label, r.column, r.value, r.unit) for r in rows} == {
        ("Barn och ungdom", "2017", 70.0, "mnkr"), ("Barn och ungdom", "2018", 82.6, "mnkr"),
        ("Hemlöshet och missbruk", "2017", 266.9, "mnkr"), ("Hemlöshet och missbruk", "2018", 271.6, "mnkr")}


def test_budget_row_label_in_the_second_column():
    rows = recognise_blocks(
        *paras("Resultaträkning", "(tkr)"),
        table(["", "", "Budget", "Utfall"], [["", "Intäkter", "-1 200", "-1 100"], ["Summa", "", "300", "250"]]),
    ).budget_rows
    assert [(r.row_label, r.column, r.value, r.unit, r.value_sek) for r in rows] == [
        ("Intäkter", "Budget", -1200.0, "tkr", -1_200_000.0), ("Intäkter", "Utfall", -1100.0, "tkr", -1_100_000.0),
        ("Summa", "Budget", 300.0, "tkr", 300_000.0), ("Summa", "Utfall", 250.0, "tkr", 250_000.0)]


def test_budget_without_any_stated_unit_has_no_unit():
    rows = recognise_blocks(
        para("Prognos per verksamhetsområde"),
        table(["Verksamhetsområde", "Budget 2018", "Prognos 2018"], [["Nämnden totalt", "1 194,6", "1 196,3"]]),
        para("Prognosen har tagits fram i dialog med förvaltningens chefer."),
    ).budget_rows
    assert [(r.value, r.unit, r.value_sek) for r in rows] == [(1194.6, None, None), (1196.3, None, None)]


def test_participants_table_without_money_words_is_no_budget_table():
    found = recognise_blocks(
        *paras("Östermalm:", "8 avslutade 2012 som fortfarande är självförsörjande dvs. 100 %."),
        table(["", "Avslutad", "Avslutad till", "Aktuella", "Avslutade+", "Resultat"], [
            ["", "Totalt", "Egen/annan försörjning", "", "Aktuella", "SDF"],
            ["Kungsholmen", "9", "8", "12", "21", "38,1%"],
            ["Norrmalm", "15", "13", "23", "38", "34,2%"]]),
    )
    assert found.budget_rows == []
    assert found.indicators == [] and found.activities == []
    cells = found.table_cells
    assert {c.kind for c in cells} == {"other"}
    assert one(cells, row=2, col=5).text == "38,1%"


def test_table_cells_keep_every_cell_raw():
    cells = recognise_blocks(*two_level_budget()).table_cells
    assert {c.kind for c in cells} == {"budget"}
    assert one(cells, row=0, col=0).text == "Riktvärde 66,7%"
    assert one(cells, row=3, col=1).text == "1 772,2"
    # 3 filled cells in the upper header row, 6 in the lower, 7 in each body row
    assert len(cells) == 3 + 6 + 7 + 7
