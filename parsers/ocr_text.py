"""Tesseract's words back into text: lines, paragraphs, and typed table cells.

Tesseract gives words with boxes. Paragraphs are not marked on a scan, so they are rebuilt
from the geometry: a paragraph ends where the vertical gap to the next line is wider than the
line spacing, or, inside a table cell (where paragraphs have no spacing), where the next line's
first word would still have fitted on the line before.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import regex

from normalizers.numbers import INTEGER, NUMBER, SIGN, normalize_unit
from parsers.ocr_engine import Word
from parsers.ocr_image import Grey, MarkerSettings, marker_glyph
from parsers.pdf_flow import SUSPENDED_HYPHEN_NEXT


@dataclass(frozen=True, slots=True)
class Line:
    words: tuple[Word, ...]

    @property
    def left(self) -> int:
        return self.words[0].left

    @property
    def right(self) -> int:
        return self.words[-1].right

    @property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> int:
        return self.bottom - self.top

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


# "vB" for "VB": the model sometimes drops the capital of a short all-capitals word.
_SHOUTED = regex.compile(r"^\p{Ll}\p{Lu}{1,3}$")


def _is_dust(word: Word, dust_size: int) -> bool:
    # Dust specks come back as tiny ";", ":" or "|" words; real punctuation sits inside words,
    # and a lone dash is wider than any speck.
    tiny = max(word.right - word.left, word.bottom - word.top) < dust_size
    return tiny and not any(c.isalnum() for c in word.text)


def _with_marker(words: list[Word], grey: Grey, settings: MarkerSettings) -> list[Word]:
    first = words[0]
    if len(words) < 2 or len(first.text) > 1:
        return words
    glyph = marker_glyph(grey[first.top:first.bottom, first.left:first.right], settings)
    return words if glyph is None else [Word(glyph, first.left, first.top, first.right, first.bottom), *words[1:]]


def make_lines(raw: list[list[Word]], grey: Grey, markers: MarkerSettings, dust_size: int) -> list[Line]:
    """Tesseract's lines of `grey` top to bottom, with dust dropped and list markers, which the
    Swedish model cannot read, recognised from their shape."""
    lines = []
    for words in raw:
        kept = [Word(_SHOUTED.sub(lambda m: m.group().upper(), w.text), w.left, w.top, w.right, w.bottom)
                for w in words if not _is_dust(w, dust_size)]
        if kept:
            lines.append(Line(tuple(_with_marker(kept, grey, markers))))
    return sorted(lines, key=lambda line: line.top)


# What the Swedish model makes of a "%" after a number: "96", "26", "946", "Ho", "Yo", "W".
_PERCENT_SUSPECT = regex.compile(r"^(?:\d{1,3}|\p{Lu}\p{L}?\d?)([.,;:)]*)$")


def percent_suspects(lines: list[Line]) -> list[tuple[int, int]]:
    """(line, word) of the words after a number that may be a misread "%"; a language whose
    model knows the sign reads them again (`with_percent`)."""
    return [(n, k) for n, line in enumerate(lines) for k in range(1, len(line.words))
            if _PERCENT_SUSPECT.match(line.words[k].text) and line.words[k - 1].text[-1:].isdigit()]


def word_crop(grey: Grey, word: Word) -> Grey:
    """The word with a little of the paper around it, to be read on its own."""
    margin = max(2, (word.bottom - word.top) // 4)
    return grey[max(word.top - margin, 0):word.bottom + margin, max(word.left - margin, 0):word.right + margin]


def with_percent(lines: list[Line], answers: dict[tuple[int, int], str]) -> list[Line]:
    """lines with each suspect word whose second reading starts with "%" made a "%" (keeping its
    trailing punctuation); any other answer leaves the word as it was, so a real number stays."""
    out = []
    for n, line in enumerate(lines):
        words = list(line.words)
        for k, word in enumerate(words):
            suspect = _PERCENT_SUSPECT.match(word.text)
            if suspect and answers.get((n, k), "").startswith("%"):
                words[k] = Word("%" + suspect.group(1), word.left, word.top, word.right, word.bottom)
        out.append(Line(tuple(words)))
    return out


# A line that ends in a slash, or a hyphen inside a word, was broken by the renderer inside
# one word ("stadsdelar/" + "kommuner"); a hyphen before a conjunction is a Swedish
# shared-ending hyphen ("andrahands- och") and keeps its space. The conjunctions are the PDF
# reader's list, so both readers join the same lines the same way.
_GLUE_END = regex.compile(r"(?:\p{L}/|\p{L}-)$")


def join_lines(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        piece = line.text
        if text and _GLUE_END.search(text) and line.words[0].text.lower() not in SUSPENDED_HYPHEN_NEXT:
            text += piece
        else:
            text = f"{text} {piece}" if text else piece
    return text


def cell_text(lines: list[Line], width: int, space: int) -> str:
    """A cell's paragraphs joined by "\\n": a line starts a new paragraph when its first word
    would have fitted at the end of the line before (the renderer would have put it there)."""
    paragraphs: list[list[Line]] = []
    for line in lines:
        first = line.words[0]
        if paragraphs and paragraphs[-1][-1].right + space + (first.right - first.left) > width:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return "\n".join(join_lines(p) for p in paragraphs)


def split_paragraphs(lines: list[Line], gap_factor: float) -> list[list[Line]]:
    """Page text lines grouped into paragraphs: a gap wider than gap_factor times the page's
    usual line height ends a paragraph (the reports space paragraphs and headings apart).
    The usual height rather than each line's own: lines without ascenders or descenders are
    lower, which would make their ordinary line spacing look like a paragraph break."""
    if not lines:
        return []
    usual = float(np.median([line.height for line in lines]))
    paragraphs: list[list[Line]] = [[lines[0]]]
    for previous, line in zip(lines, lines[1:]):
        if line.top - previous.bottom <= gap_factor * usual:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return paragraphs


# Tesseract's Swedish model has no good "%": after a number it reads the sign as "96", "Ho",
# "W", "Yo", "20", "26", "246" and the like. In a table cell a number is followed only by a
# unit, so any such token there is the per cent sign.
_PERCENT_CELL = regex.compile(rf"^({NUMBER})\s*(?:%|[%]?[0-9]{{1,3}}|[A-Za-z][A-Za-z0-9]?|%[A-Za-z0-9]|0/0)[.,]?$")
_UNIT_CELL = regex.compile(rf"^({NUMBER})\s*(\p{{L}}[\p{{L}}/.]*)$")
_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "S": "5", ";": ","})
_NUMERIC_SHAPE = regex.compile(r"^[-–−]?[\dOoDlI|S][\dOoDlI|S  ,.;]*(?:\s*\S{1,3})?$")
_NUMBER_HEAD = regex.compile(r"^[-–−]?[\dOoDlI|S][\dOoDlI|S ,.;]*")
_DATE = regex.compile(r"^(\d{4})\D{0,2}(\d{2})\D{0,2}(\d{2})$")


def _digits(text: str) -> str:
    return text.translate(_LOOKALIKES)


def fix_number(text: str) -> str:
    """A numeric cell as printed: look-alike letters inside the number become digits and a
    misread per cent sign becomes "%". Text that is not a number comes back unchanged."""
    head = _NUMBER_HEAD.match(text)
    if head is None:
        return text
    number = _digits(head.group()).strip()
    rest = text[head.end():].strip()
    gap = " " if head.group() != head.group().rstrip() or not rest.startswith("%") else ""
    candidate = f"{number}{gap}{rest}".strip()
    if regex.fullmatch(NUMBER, candidate):
        return candidate
    unit = _UNIT_CELL.match(candidate)
    if unit and normalize_unit(unit.group(2)) is not None:
        return f"{unit.group(1)} {unit.group(2).lower()}"
    percent = _PERCENT_CELL.match(candidate)
    if percent:
        return f"{percent.group(1)}{gap}%"
    return text


def split_number(text: str) -> tuple[str, str, str] | None:
    """(number, gap, unit) of a clean numeric cell such as "0,45 %" or "1600 st"."""
    match = regex.fullmatch(rf"({NUMBER})(\s?)(%|[a-zåäö]+)?", text)
    return (match.group(1), match.group(2), match.group(3) or "") if match else None


def merge_readings(swedish: str, english: str) -> str:
    """One numeric cell from two models' readings. The Swedish model keeps decimal commas and
    spacing but misreads "%", sometimes as an extra digit ("38,1%" as "38,10"); the English one
    reads "%" but drops commas and spaces ("4,4 %" as "44%")."""
    own, other = split_number(fix_number(swedish)), split_number(fix_number(english))
    if own is None or other is None:
        return fix_number(swedish) if own is not None or other is None else fix_number(english)
    number, gap, unit = own
    if other[2] == "%" and not unit:
        # The Swedish model reads a glued "%" as one to three digits ("66,4%" as "66,424",
        # "91 %" as "9214"), which can also throw its reading of the digits before it. The
        # English number is the one to keep, with the Swedish decimal comma if it lost it.
        return f"{_with_comma(other[0], number)}{other[1]}%"
    return f"{number}{gap}{unit}"


def _with_comma(number: str, model: str) -> str:
    """number with a decimal comma after as many digits as model has before its comma."""
    whole = model.split(",")[0].lstrip("-–−").replace(" ", "")
    digits = number.lstrip("-–−").replace(" ", "")
    if "," in number or "," not in model or len(digits) <= len(whole):
        return number
    sign = number[:len(number) - len(number.lstrip("-–−"))]
    return f"{sign}{digits[:len(whole)]},{digits[len(whole):]}"


_PLAIN_NUMBER = regex.compile(rf"{SIGN}?(?:{INTEGER})(?:,(\d+))?")


def restore_decimal_commas(column: list[str], min_decimals: int, max_share: float) -> list[str]:
    """A number column's cells with the decimal comma put back where the model missed it. The
    reports print a column's plain numbers to the same number of decimals, and a comma at 7-8 pt
    is a few pixels that Tesseract drops ("-0,4" read as "-04"). Only when at least min_decimals
    cells agree on the decimals and the cells without a comma are at most max_share of them:
    a column of whole numbers stays as it is."""
    matches = [_PLAIN_NUMBER.fullmatch(cell) for cell in column]
    places = {len(m.group(1)) for m in matches if m and m.group(1)}
    with_comma = sum(bool(m and m.group(1)) for m in matches)
    without = [k for k, m in enumerate(matches) if m and not m.group(1)]
    if len(places) != 1 or with_comma < min_decimals or len(without) > max_share * with_comma:
        return column
    decimals = places.pop()
    fixed = list(column)
    for k in without:
        digits = sum(c.isdigit() for c in column[k])
        if digits > decimals:
            fixed[k] = f"{column[k][:-decimals]},{column[k][-decimals:]}"
    return fixed


def fix_date(text: str) -> str:
    """A date cell as YYYY-MM-DD when its digits say so."""
    match = _DATE.match(_digits(text.replace(" ", "")))
    return "-".join(match.groups()) if match else text


def looks_numeric(text: str) -> bool:
    return bool(_NUMERIC_SHAPE.match(text))


def looks_date(text: str) -> bool:
    return bool(_DATE.match(_digits(text.replace(" ", ""))))
