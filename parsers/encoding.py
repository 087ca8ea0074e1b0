"""Text bytes as the archives hold them: UTF-8, or Windows-1252 in older Swedish office files."""
from __future__ import annotations

from parsers.blocks import Problem, UnreadableFile


def decode(raw: bytes) -> tuple[str, list[Problem]]:
    """UTF-8 (with or without BOM) first; Windows-1252, the encoding of older Swedish office
    files, when the bytes are not UTF-8. Binary data is refused."""
    if b"\x00" in raw[:65536]:
        raise UnreadableFile("binary_file", "the file holds binary data (NUL bytes), not text: "
                                            "if it is a document, give it its real extension (.pdf, .docx, .doc)")
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    text = raw.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\r\n\f")
    if "\ufffd" in text or controls > len(text[:65536]) / 100:
        raise UnreadableFile("not_text", "the file is neither UTF-8 nor Windows-1252 text: "
                                         "convert it to UTF-8, or give it its real extension")
    return text, [Problem("warning", "windows_1252", "the file is not UTF-8; it was read as Windows-1252")]
