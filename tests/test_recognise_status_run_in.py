"""A goal heading with its status line run into its end by the reader (the two set in the same
bold, right under each other): the title without the status, the goal assessed by it. A title
that only contains the status's words in lower case keeps them."""
from __future__ import annotations

from blocks_builder import para, recognise_blocks


def test_a_status_run_into_the_goal_title():
    found = recognise_blocks(
        para("Nämndmål:", bold=True), para("Barn i Stockholm har bra uppväxtvillkor Uppfylls helt", bold=True),
        para("Förväntat resultat"), para("Barnen mår bra."),
    )
    (goal,) = found.goals
    assert (goal.title, goal.assessment) == ("Barn i Stockholm har bra uppväxtvillkor", "helt")


def test_a_title_with_the_words_in_lower_case_keeps_them():
    found = recognise_blocks(para("Nämndmål:", bold=True), para("Målen som uppfylls helt ska öka", bold=True))
    (goal,) = found.goals
    assert goal.title == "Målen som uppfylls helt ska öka"
