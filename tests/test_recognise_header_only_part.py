"""A table cut by a page break whose part on the new page the reader gave only the repeated
header, the rest of the cut row left as a paragraph under it: the paragraph, going on in lower
case, ends the cut row's name; a paragraph in upper case there is text of its own."""
from __future__ import annotations

import datetime as dt

from blocks_builder import ACT_HEADER, para, paras, recognise_blocks, table


def test_the_rest_of_a_cut_row_under_a_header_only_part():
    found = recognise_blocks(
        *paras("Åtagande:", "Kostnaderna ska hållas nere"),
        table(ACT_HEADER, [["✓ Alla medarbetare ska uppmuntras till att föreslå kostnadseffektiva", "2013-01-01",
                            "2013-12-31", ""]]),
        table(ACT_HEADER),
        para("arbetsmetoder."),
        para("Enheten följer upp arbetet."),
    )
    (activity,) = found.activities
    assert activity.name == "Alla medarbetare ska uppmuntras till att föreslå kostnadseffektiva arbetsmetoder."
    assert activity.start_date == dt.date(2013, 1, 1)
