"""Control characters, which no report's words hold, as readers and converters leave them.

Where they come from, and what each stands for:
- Word's own text (a .doc's text stream, and converters that copy it out): a field is
  U+0013 instruction U+0014 result U+0015 ({ PAGE }, a hyperlink, a table of contents' entries),
  of which the reader sees the result; U+000B is a manual line break, U+001E a non-breaking
  hyphen, U+001F an optional hyphen (shown only at a line's end), U+0007 a table cell's end;
- text decoded as Latin-1 where it was Windows-1252 (C1 controls U+0080-U+009F: an en dash
  U+0096 in "2015\\x962016", a right quote U+0092): each stands for the Windows-1252 character of
  its byte, as a web browser reads it;
- a PDF font's codes for glyphs it gives no character (Wingdings' bullet as U+0099, Symbol's
  micro sign as U+0001 in "\x01g/kg"): the glyph was printed, which character it is the file
  does not say, so it is U+FFFD, the replacement character, and no text reads as if it were not
  there ("g/kg");
- old Macintosh text, whose lines end in a carriage return alone: a line feed, as CRLF is.
Anything else of the kind is left out. A document that held any says so, once, in a warning.
Text files are cleaned as a whole, before their lines are read (Word's line breaks and cell ends
shape the blocks there); the other readers' blocks afterwards.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from parsers.blocks import Paragraph, ParsedDocument, Problem, Table

# Tab, line feed and form feed are text's own (a form feed ends a page of pdftotext's output).
# The standard library's engine: it searches a class of characters four times as fast as regex's.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f]")
_C0_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F])  # CR apart: CRLF is common
# Each looked for on its own: a search for one byte is memchr's, where deleting them from a copy of
# the text looked up every byte in a table (1.3 M instructions a 108 kB bench file, 2.5 % of its
# whole extraction).
_C0_SINGLES = tuple(bytes([byte]) for byte in _C0_BYTES)
_FIELD_MARK = re.compile("([\x13\x14\x15])")
_WORD_MARKS = {"\x0b": "\n", "\x07": "\t", "\x1e": "-", "\x1f": ""}
_C1 = {code: bytes([code]).decode("cp1252", errors="ignore") for code in range(0x80, 0xA0)}


def _shown(text: str) -> str:
    """Word's fields as their results. Fields nest (a hyperlink's instruction may hold a { REF }),
    so they are read in one pass with a stack: removing the innermost again and again took time
    with the square of the nesting (20,000 levels: 37 s)."""
    buffers: list[list[str]] = [[]]  # per open field, the text it shows; the first is the text's
    showing = [True]  # per open field, False while in its instruction
    for piece in _FIELD_MARK.split(text):
        if piece == "\x13":
            buffers.append([])
            showing.append(False)
        elif piece == "\x14":
            showing[-1] = True
        elif piece == "\x15" and len(buffers) > 1:
            result = "".join(buffers.pop())
            showing.pop()
            if showing[-1]:
                buffers[-1].append(result)
        elif piece not in ("\x14", "\x15") and showing[-1]:
            buffers[-1].append(piece)
    while len(buffers) > 1:  # fields never closed: what they showed so far
        result = "".join(buffers.pop())
        showing.pop()
        buffers[-1].append(result)
    return "".join(buffers[0])


def _replacement(char: str) -> str:
    code = ord(char)
    if char in _WORD_MARKS:
        return _WORD_MARKS[char]
    return _C1[code] if 0x80 <= code < 0xA0 else ""


def cleaned(text: str, found: Counter[str], glyphs: bool = False) -> str:
    """The text as its characters stand for, its line ends line feeds; each control character
    met (a carriage return is a line end) is counted in `found`. `glyphs`: the text is a PDF's,
    whose control characters are glyphs of unknown characters."""
    if not _CONTROL.search(text):
        return text
    if "\x13" in text:
        found.update(_FIELD_MARK.findall(text))  # each a control character met, as the rest are
        text = _shown(text)
    kept = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = _CONTROL.findall(kept)
    found.update(controls)
    if not controls:
        return kept
    return _CONTROL.sub("\ufffd", kept) if glyphs else _CONTROL.sub(lambda m: _replacement(m.group()), kept)


def _may_hold_controls(raw: bytes) -> bool:
    # What a text's bytes tell in a tenth of the time of a search of its characters (a fortieth of
    # a text file's read): a C0 control or DEL is its own byte in UTF-8 and Windows-1252 (and UTF-16
    # holds NULs: searched), a carriage return is one not followed by a line feed (the line reader
    # takes CRLF as it is); a C1 control is U+00C2 and a second byte of 0x80-0x9F in UTF-8, and
    # no character at all in Windows-1252 (a byte of 0x80-0x9F is a letter or sign there).
    if any(byte in raw for byte in _C0_SINGLES) or (b"\r" in raw and raw.count(b"\r") > raw.count(b"\r\n")):
        return True
    lead = raw.find(b"\xc2")
    while lead >= 0:
        if lead + 1 < len(raw) and 0x80 <= raw[lead + 1] < 0xA0:
            return True
        lead = raw.find(b"\xc2", lead + 2)
    return False


def plain_text(raw: bytes, text: str) -> tuple[str, list[Problem]]:
    """A text file's text (decoded from `raw`) cleaned, with the warning if it held controls."""
    if not _may_hold_controls(raw):
        return text, []
    found: Counter[str] = Counter()
    text = cleaned(text, found)
    return text, warning(found)


def warning(found: Counter[str], glyphs: bool = False) -> list[Problem]:
    if not found:
        return []
    kinds = ", ".join(f"U+{ord(char):04X} ×{count}" for char, count in sorted(found.items()))
    count = sum(found.values())
    held = f"the text held {count:,} control character{'s' if count > 1 else ''} ({kinds}), "
    if glyphs:
        why = ("which a font gives for glyphs whose characters it does not say (a symbol font's bullet, a "
               "micro sign): each is shown as U+FFFD, the replacement character")
    else:
        why = ("as Word's own text and a Windows-1252 text decoded as Latin-1 leave them: Word's fields are read "
               "as their shown result, its line breaks, hyphens and cell ends as such, U+0080-U+009F as the "
               "Windows-1252 characters of their bytes, the rest left out")
    return [Problem("warning", "control_characters", held + why)]


def clean_blocks(parsed: ParsedDocument) -> None:
    """Every text of the document's blocks and properties cleaned in place, with the warning."""
    paragraphs = [block.text for block in parsed.blocks if isinstance(block, Paragraph)]
    cells = [cell for block in parsed.blocks if isinstance(block, Table) for row in block.rows for cell in row.cells]
    captions = [block.caption or "" for block in parsed.blocks if isinstance(block, Table)]
    # One search in C over all of it: a string at a time cost a PDF's read near 1 %.
    if not _CONTROL.search("".join([*paragraphs, *cells, *captions, *parsed.properties.values()])):
        return
    found: Counter[str] = Counter()
    glyphs = parsed.source_format == "pdf"

    def texts(cells: Iterable[str]) -> list[str]:
        return [cleaned(cell, found, glyphs) for cell in cells]

    for block in parsed.blocks:
        if isinstance(block, Paragraph):
            block.text = cleaned(block.text, found, glyphs)
        elif isinstance(block, Table):
            for row in block.rows:
                row.cells = texts(row.cells)
            if block.caption is not None:
                block.caption = cleaned(block.caption, found, glyphs)
    parsed.properties = dict(zip(parsed.properties, texts(parsed.properties.values())))
    parsed.problems += warning(found, glyphs)
