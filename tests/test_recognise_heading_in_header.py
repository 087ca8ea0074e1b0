"""A goal heading printed right over an indicator table, taken by the reader into the header's
first cell: the heading is the goal it names, the header still heads the table, and its
indicators belong to that goal."""
from __future__ import annotations

from blocks_builder import para, recognise_blocks, table


def test_a_goal_heading_run_into_the_header_cell_under_it():
    found = recognise_blocks(
        para("KF:s INRIKTNINGSMÅL 3: 3. Stadens verksamheter ska vara kostnadseffektiva", bold=True),
        table(["KF:s MÅL FÖR VERKSAMHETSOMRÅDET: 3.1 Budgeten ska vara i balans KF:s indikatorer", "Årsmål",
               "KF:s årsmål", "Periodicitet"], [
            ["Nämndens budgetföljsamhet efter tekniska justeringar (alla nämnder)", "100 %", "100 %", "Tertial"],
            ["Nämndens prognossäkerhet T2 (alla nämnder)", "", "+/- 1 %", "År"]]),
    )
    assert [(g.number, g.title) for g in found.goals] == [
        ("3", "Stadens verksamheter ska vara kostnadseffektiva"), ("3.1", "Budgeten ska vara i balans")]
    first, second = found.indicators
    assert (first.target, first.kf_target, first.frequency) == (100.0, 100.0, "Tertial")
    assert second.name == "Nämndens prognossäkerhet T2 (alla nämnder)"
    assert first.goal_id == second.goal_id == found.goals[1].goal_id


def test_a_goal_heading_run_into_a_header_inside_the_table():
    # The next goal's heading and its indicator header stood right under the first goal's rows,
    # and the reader read them all as one table.
    found = recognise_blocks(
        table(["KF:s MÅL FÖR VERKSAMHETSOMRÅDET: 3.1 Budgeten ska vara i balans KF:s indikatorer", "Årsmål",
               "KF:s årsmål", "Periodicitet"], [
            ["Nämndens prognossäkerhet T2 (alla nämnder)", "", "+/- 1 %", "År"],
            ["KF:s MÅL FÖR VERKSAMHETSOMRÅDET: 3.2 Effektivitet och fokus på kärnverksamheterna KF:s indikatorer",
             "Årsmål", "KF:s årsmål", "Periodicitet"],
            ["Antal tävlande i kvalitetsutmärkelsen (alla nämnder)", "4 st", "45", "År"]]),
    )
    assert [(g.number, g.title) for g in found.goals] == [
        ("3.1", "Budgeten ska vara i balans"), ("3.2", "Effektivitet och fokus på kärnverksamheterna")]
    first, second = found.indicators
    assert (first.goal_id, second.goal_id) == (found.goals[0].goal_id, found.goals[1].goal_id)
    assert (second.target, second.kf_target) == (4.0, 45.0)
