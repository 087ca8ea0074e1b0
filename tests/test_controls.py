"""Control characters as converters, Word's own text and PDF fonts leave them: read as what they
stand for, or left out, with one warning; the seeds' texts, which hold none, as they were."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from parsers import read
from parsers.blocks import Paragraph, ParsedDocument, Place, Row, Table
from parsers.controls import cleaned
from parsers.text import read_text
from paths import SEEDS

SEED = SEEDS / "000_05871d331dd0cb08.txt"
_STRAY = ["\x01", "\x08", "\x7f", "\x1b", "\x9d", "\x13 PAGE \x14\x15", "\x02\x03"]


def _with_stray_controls(text: str) -> str:
    """Every fifth line with words gets a control character (or an empty Word field) in the middle
    of a word, where no reader could take it for a separator."""
    lines, marked = text.split("\n"), 0
    for number, line in enumerate(lines):
        if line.strip() and number % 5 == 2:
            middle = len(line) // 2
            lines[number] = line[:middle] + _STRAY[marked % len(_STRAY)] + line[middle:]
            marked += 1
    assert marked > 50
    return "\n".join(lines)


def test_stray_controls_in_a_report_leave_its_blocks_as_the_clean_report_has_them(tmp_path: Path) -> None:
    damaged = tmp_path / "report.txt"
    damaged.write_text(_with_stray_controls(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    read_back, clean = read_text(damaged), read_text(SEED)
    assert read_back.blocks == clean.blocks
    assert [p.code for p in read_back.problems] == ["control_characters"]
    assert "U+0001 ×" in read_back.problems[0].message
    assert clean.problems == []


def test_lines_ending_in_a_carriage_return_alone_are_lines(tmp_path: Path) -> None:
    # Old Macintosh text: the whole report was one line, and no goal was found in it.
    mac = tmp_path / "mac.txt"
    mac.write_bytes(SEED.read_bytes().replace(b"\n", b"\r"))
    read_back = read_text(mac)
    assert read_back.blocks == read_text(SEED).blocks
    assert read_back.problems == []


def test_windows_1252_signs_decoded_as_latin_1_are_the_signs() -> None:
    found: Counter[str] = Counter()
    assert cleaned("Period 2015\x962016, \x93mål\x94 \x80", found) == "Period 2015–2016, “mål” €"
    assert sum(found.values()) == 4


def test_words_own_marks_are_read_as_word_shows_them() -> None:
    found: Counter[str] = Counter()
    text = ("Se sidan \x13 PAGEREF _Toc1 \\h \x1412\x15, \x13 HYPERLINK \"http://x\" \x13 REF a \x14\x15\x14"
            "webbplatsen\x15.\x0bNy rad: icke\x1ebrytande och av\x1fstavning\x07Nästa cell")
    assert cleaned(text, found) == "Se sidan 12, webbplatsen.\nNy rad: icke-brytande och avstavning\tNästa cell"


def test_a_pdf_fonts_unknown_glyphs_are_replacement_characters() -> None:
    place = Place(1)
    parsed = ParsedDocument([Paragraph("Exponering 20 \x01g/kg", place),
                             Table([Row(["\x99 Rådgivning", "12"], place)], place)], "pdf")
    from parsers.controls import clean_blocks

    clean_blocks(parsed)
    assert [parsed.blocks[0].text, parsed.blocks[1].rows[0].cells] == \
        ["Exponering 20 \ufffdg/kg", ["\ufffd Rådgivning", "12"]]
    assert [p.code for p in parsed.problems] == ["control_characters"]


def test_the_readers_of_other_formats_are_cleaned_too(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><h2>Nämndmål: Stockholm \x96 en st\x01ad för alla</h2></body></html>", encoding="utf-8")
    parsed = read(page)
    assert [b.text for b in parsed.blocks if isinstance(b, Paragraph)] == ["Nämndmål: Stockholm – en stad för alla"]
    assert "control_characters" in [p.code for p in parsed.problems]


@given(st.text())
def test_no_control_character_is_left_and_cleaning_again_changes_nothing(text: str) -> None:
    found: Counter[str] = Counter()
    once = cleaned(text, found)
    assert not any(ord(c) < 32 and c not in "\t\n\f" or 0x7F <= ord(c) < 0xA0 for c in once)
    assert cleaned(once, Counter()) == once
    if found == Counter() and "\r" not in text:
        assert once == text
