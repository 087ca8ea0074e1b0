"""The year of a report that prints it only in a running header (a line the reader kept on page
after page): the first line repeated often enough that names a report type and a year."""
from __future__ import annotations

from blocks_builder import paras
from parsers.blocks import ParsedDocument
from pipeline.recognise.metadata import read_metadata
from pipeline.recognise.settings import SETTINGS


def _year(*texts: str) -> tuple[int | None, str | None]:
    meta = read_metadata(ParsedDocument(paras("Innehåll", *texts), "txt"))
    return meta.year, meta.year_source


def test_a_running_header_that_names_a_report_type_gives_the_year():
    repeats = SETTINGS.running_line_repeats
    body = ["Stockholm 2019 och 2020 i siffror"] * repeats + ["Text om verksamheten."]
    assert _year(*body, *["Delårsrapport 2 augusti 2023"] * repeats, *["Verksamhetsplan 2024"] * repeats) == (2023, "text")
    # Printed once too few, or without a report type, a line is no running header.
    assert _year(*body, *["Verksamhetsplan 2024"] * (repeats - 1)) == (None, None)
    assert _year(*["Sida 2024"] * repeats) == (None, None)
    # A repeated report type without a year gives none; the next one with a year does.
    assert _year(*["Verksamhetsberättelse"] * repeats, *["Verksamhetsberättelse 2012"] * repeats) == (2012, "text")
