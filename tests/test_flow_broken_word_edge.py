"""A word broken at a table cell's edge is made whole only where no other word of its line runs
past that edge (a word wider than its column may): a line whose words run on past the edge the
reader gave the cell (a column found narrower than its text) wrapped at an edge of its own, and
its last word and the next line's first are two words, even where the two together start a word the document uses ("motverka" + "diskriminering",
beside "motverkas")."""
from __future__ import annotations

from parsers.pdf_flow import cell_text, cell_words, vocabulary
from parsers.pdf_layout import CellLayout
from parsers.pdf_model import DEFAULT_SETTINGS
from test_pdf_maker import word_line as _line


def test_a_line_past_the_cells_edge_breaks_no_word():
    cell = [_line(["samt", "motverka"], 0, 0), _line(["diskriminering", "i", "staden"], 0, 10)]
    body = [_line(["våld", "ska", "motverkas"], 0, 40)]
    lines = cell + body
    words = vocabulary(lines)
    known = cell_words(lines, words, DEFAULT_SETTINGS)
    # The first line's two words end at 16 and 52; the column was found to end at 10.
    assert cell_text(CellLayout(cell, right=10.0), words, known) == "samt motverka diskriminering i staden"
    # At its real edge a lower-case tail still ends a word wider than the column.
    broken = [_line(["motverk"], 0, 0), _line(["as"], 0, 10)]
    assert cell_text(CellLayout(broken, right=29.0), words, known) == "motverkas"
