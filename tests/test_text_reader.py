"""The text reader on the seed texts and on small inputs in the shapes other converters leave."""
from __future__ import annotations

import sys
import threading

import pytest

from parsers import text
from parsers.text import parse_lines, read_text, split_glued
from paths import FIXTURES, SEEDS
from parsers.blocks import Paragraph, Place, Table, UnreadableFile


def paragraphs(blocks) -> list[str]:
    return [b.text for b in blocks if isinstance(b, Paragraph)]


def test_glued_labels_split_into_paragraphs_but_inline_bold_stays():
    assert [p for p, _ in split_glued("NÄMNDMÅL:**A****ÅTAGANDE:****B****Arbetsätt**")] == \
        ["NÄMNDMÅL:", "A", "ÅTAGANDE:", "B", "Arbetsätt"]
    assert paragraphs(parse_lines(["Insatsen **Boende IntensivStöd** har tagits med"])) == \
        ["Insatsen Boende IntensivStöd har tagits med"]


def test_markdown_heading_and_bold_line():
    (heading, bold) = parse_lines(["### **KF:s inriktningsmål: 1. Ett Stockholm som håller samman**",
                                   "**Till**"])
    assert (heading.text, heading.heading, heading.bold) == ("KF:s inriktningsmål: 1. Ett Stockholm som håller samman", 3, False)
    assert (bold.text, bold.heading, bold.bold) == ("Till", None, True)


def test_tab_run_is_one_table_and_a_blank_line_ends_it():
    blocks = parse_lines(["Aktivitet\tStartdatum", "Städa\t2013-01-01", "", "Aktivitet\tStartdatum", "Tvätta\t2013-02-01"])
    assert [type(b) for b in blocks] == [Table, Table]
    assert blocks[0].rows[1].cells == ["Städa", "2013-01-01"]
    assert [r.place.line for r in blocks[1].rows] == [4, 5]


def test_markdown_separator_rows_are_dropped():
    (table,) = parse_lines(["Indikator\tÅrsmål", "---------\t-----", "Andel\t5 %"])
    assert [r.cells for r in table.rows] == [["Indikator", "Årsmål"], ["Andel", "5 %"]]


def test_html_in_cells_keeps_paragraph_breaks():
    (table,) = parse_lines(["<p><b>Analys</b></p> <p>Året gick bra.</p>\t\t"])
    assert table.rows[0].cells[0] == "Analys\nÅret gick bra."


def test_html_table_outside_tab_lines_becomes_a_table():
    blocks = parse_lines(["Rubrik", '<table border="1"><thead><tr><th>Kategori</th><th>Antal</th></tr></thead>',
                          "<tbody><tr><td>Är utsatt för våld</td><td>34</td></tr></tbody></table>", "Efter"])
    assert paragraphs(blocks) == ["Rubrik", "Efter"]
    (table,) = [b for b in blocks if isinstance(b, Table)]
    assert [r.cells for r in table.rows] == [["Kategori", "Antal"], ["Är utsatt för våld", "34"]]
    assert [r.place.line for r in table.rows] == [2, 3]


def test_pipe_table_rows():
    (table,) = parse_lines(["| Indikator | Årsmål |", "|---|---|", "| Andel | 5 % |"])
    assert [r.cells for r in table.rows] == [["Indikator", "Årsmål"], ["Andel", "5 %"]]


def test_seed_line_numbers_are_the_files():
    parsed = read_text(SEEDS / "000_05871d331dd0cb08.txt")
    title = next(b for b in parsed.blocks if isinstance(b, Paragraph) and b.text == "Verksamhetsberättelse VB 2013")
    assert title.place.line == 16
    first_table = next(b for b in parsed.blocks if isinstance(b, Table) and b.place.line > 100)
    assert first_table.place.line == 176 and first_table.rows[1].place.line == 177


def test_windows_1252_with_crlf_reads_like_utf8():
    utf8 = read_text(SEEDS / "001_0037d1aa6ba7bc46.txt")
    legacy = read_text(FIXTURES / "001_0037d1aa6ba7bc46.cp1252.txt")
    assert legacy.blocks == utf8.blocks
    assert [p.code for p in legacy.problems] == ["windows_1252"]


def test_binary_file_is_refused_with_a_reason():
    with pytest.raises(UnreadableFile) as raised:
        read_text(FIXTURES / "bad" / "binary.txt")
    assert raised.value.code == "binary_file"


def test_lines_keep_their_numbers_past_the_shared_places_and_lose_their_cr():
    # Line places are shared by the files a worker reads up to parsers.text._SHARED_PLACES lines;
    # a longer file's lines are numbered all the same, and CRLF files lose their CRs.
    count = text._SHARED_PLACES + 10
    blocks = parse_lines([f"Rad {n}" if n % 2 else "" for n in range(1, count + 1)])
    assert [(b.text, b.place) for b in blocks[-2:]] == [(f"Rad {count - 3}", Place(None, count - 3)),
                                                        (f"Rad {count - 1}", Place(None, count - 1))]
    first, row = parse_lines(["Rubrik\r\r", "Andel\t5 %\r"])
    assert (first.text, first.place, row.rows[0].cells, row.place) == ("Rubrik", Place(None, 1), ["Andel", "5 %"],
                                                                      Place(None, 2))
    assert parse_lines(["Rubrik"])[0].place is first.place  # one Place for line 1 of every file


def test_line_places_grown_by_threads_at_once_stay_numbered(monkeypatch: pytest.MonkeyPatch) -> None:
    # A Dask worker reads files in threads: four growing the shared places at once, switched as
    # often as the interpreter can, must leave place n the place of line n.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for _ in range(10):
            places: list[Place] = []
            monkeypatch.setattr(text, "_PLACES", places)
            start = threading.Barrier(4)

            def grow(up_to: int) -> None:
                start.wait()
                for count in range(50, up_to, 50):
                    text._line_places(count)

            threads = [threading.Thread(target=grow, args=(3000 + 500 * k,)) for k in range(4)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert [place.line for place in places] == list(range(len(places)))
    finally:
        sys.setswitchinterval(interval)
