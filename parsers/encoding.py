"""Text bytes as the archives hold them: UTF-8, Windows-1252 in older Swedish office files, and
UTF-16 where Windows saved "Unicode text"."""
from __future__ import annotations

import codecs

from parsers.blocks import Problem, UnreadableFile

# Control characters that never occur in text (TAB, LF, CR and FF do).
_CONTROLS = {code: None for code in range(32) if chr(code) not in "\t\r\n\f"}
_SAMPLE = 4096  # bytes looked at to tell BOM-less UTF-16 by its NUL pattern


def _utf16_without_bom(raw: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" when the bytes look like UTF-16 without a BOM: text of Latin
    letters in UTF-16 has a NUL as every other byte (the high byte of each character), binary
    data has NULs anywhere."""
    sample = raw[:_SAMPLE - _SAMPLE % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _decode_utf16(raw: bytes, codec: str) -> str | None:
    try:
        # An odd byte at the end is half a character, as a copy that did not complete leaves it:
        # the text before it is whole (decode says so), and the half goes with a warning.
        text = raw[:len(raw) - len(raw) % 2].decode(codec)
    except UnicodeDecodeError:
        return None
    # Binary data can pass for UTF-16 by its NUL pattern ("\x00\x01" repeated); text it is not
    # when it holds NULs or more than the odd control character.
    controls = len(text) - len(text.translate(_CONTROLS))
    return None if "\x00" in text or controls > len(text) / 100 else text


def _binary(offset: int) -> UnreadableFile:
    return UnreadableFile("binary_file", f"the file holds binary data (a NUL byte at byte {offset:,}), not text: "
                                         "if it is a document, give it its real extension (.pdf, .docx, .doc)")


def decode(raw: bytes) -> tuple[str, list[Problem]]:
    """UTF-16 when a BOM or the bytes' NUL pattern says so; else UTF-8 (with or without BOM)
    and, when the bytes are not UTF-8, Windows-1252, the encoding of older Swedish office files.
    Binary data is refused: a NUL byte anywhere in the file (the whole file is searched: binary
    data appended to a text must not slip through), except NUL padding at its very end, which a
    copy or download that did not complete leaves and which is dropped with a warning."""
    problems: list[Problem] = []
    if len(raw) % 2:
        problems = [Problem("warning", "truncated_utf_16", "the file is UTF-16 but ends in half a character, as a "
                                                         "copy or download that did not complete leaves it; it was "
                                                         "left out: check that the file is complete")]
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_utf16(raw, "utf-16")  # the BOM tells the byte order and is removed
        if text is not None:
            return text, problems
    guessed = _utf16_without_bom(raw)
    if guessed:
        text = _decode_utf16(raw, guessed)
        if text is not None:
            order = "little" if guessed.endswith("le") else "big"
            return text, [Problem("warning", "utf_16", f"the file is UTF-16 ({order}-endian) without a byte order "
                                                       "mark; it was read as UTF-16"), *problems]
    problems = []
    content = raw.rstrip(b"\x00")
    if len(content) < len(raw):
        problems.append(Problem("warning", "nul_padding", f"the file ends in {len(raw) - len(content):,} NUL bytes, "
                                                          "as a copy or download that did not complete leaves it; "
                                                          "they were left out: check that the file is complete"))
    nul = content.find(b"\x00")
    if nul >= 0:
        raise _binary(nul)
    try:
        return content.decode("utf-8-sig"), problems
    except UnicodeDecodeError:
        pass
    text = content.decode("cp1252", errors="replace")
    controls = len(text) - len(text.translate(_CONTROLS))
    if "\ufffd" in text or controls > len(text) / 100:
        raise UnreadableFile("not_text", "the file is neither UTF-8, UTF-16 nor Windows-1252 text: "
                                         "convert it to UTF-8, or give it its real extension")
    return text, problems + [Problem("warning", "windows_1252", "the file is not UTF-8; it was read as Windows-1252")]
