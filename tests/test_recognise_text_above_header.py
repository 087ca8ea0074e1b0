"""An indicator or activity table whose reader took the text printed just above it (a list of
expected results) into the table, as rows of one cell across it over the header row: the rows
under the header are still the table's entries, and the text rows are none of them."""
from __future__ import annotations

import datetime as dt

from blocks_builder import ACT_HEADER, lone, para, recognise_blocks, row, table


def test_activity_header_under_a_list_taken_into_the_table():
    found = recognise_blocks(
        para("Förväntat resultat"),
        table(lone("Invånare har eget, varaktigt boende och kan leva ett självständigt liv.", 4), [
            row(lone("Vräkningar förhindras genom att invånare får stöd.", 4), spanning=True),
            ACT_HEADER,
            ["Stadsdelsnämnden ska förbättra metoder för träningslägenheter.", "2023-01-01", "2024-12-31", ""],
            row(lone("Analys Arbetet har påbörjats.", 4), spanning=True)]),
    )
    (activity,) = found.activities
    assert activity.name == "Stadsdelsnämnden ska förbättra metoder för träningslägenheter."
    assert (activity.start_date, activity.end_date) == (dt.date(2023, 1, 1), dt.date(2024, 12, 31))
    assert activity.comment == "Arbetet har påbörjats."


def test_a_table_of_figures_with_a_header_like_row_lower_down_is_not_read_as_one():
    # A row of several cells above the header-like row: a table of its own kind, left alone.
    found = recognise_blocks(
        table(["Belopp i mnkr", "Budget", "Utfall"], [
            ["Intäkter", "10,0", "11,0"],
            ACT_HEADER,
            ["Stadsdelsnämnden ska förbättra metoder.", "2023-01-01", "2024-12-31", ""]]),
    )
    assert found.activities == []


def test_a_wrapped_header_top_line_is_no_text_above_the_table():
    # The top line of a header whose third label wraps ("Periodens utfall VB" over "2012") stands
    # over the rest of the header: the next table's full header is the one to read.
    found = recognise_blocks(
        table(["", "", "Periodens utfall VB", "", "", ""], [
            ["Indikator", "Periodens utfall", "2012", "Årsmål", "KF:s årsmål", "Period"]]),
        table(["Indikator", "Periodens utfall", "Periodens utfall VB 2012", "Årsmål", "KF:s årsmål", "Period"], [
            ["Andel personer som går till egen försörjning", "34,67 %", "33,33 %", "25 %", "", "VB 2013"]]),
    )
    (indicator,) = found.indicators
    assert (indicator.outcome, indicator.previous_outcome, indicator.target) == (34.67, 33.33, 25.0)
