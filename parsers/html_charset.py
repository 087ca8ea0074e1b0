"""A web page's bytes as text: by the charset it declares (a meta tag, an XML declaration), as
browsers decode it, or, without one, as a text file's bytes are (parsers.encoding)."""
from __future__ import annotations

import codecs

import regex

from parsers.blocks import Problem
from parsers.encoding import decode

_META_CHARSET = regex.compile(rb"""(?i)<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""")
# WHATWG: pages labelled Latin-1 or ASCII are decoded as Windows-1252 by every browser.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
                    "ascii": "cp1252"}
_WESTERN_SINGLE_BYTE = {"cp1252", "iso8859-15", "iso8859-1"}


def decode_html(raw: bytes) -> tuple[str, list[Problem]]:
    """Per the declared charset (meta tag or XML declaration); UTF-8 with a Windows-1252 fallback
    when there is none, or when the bytes do not fit the one declared."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):  # a byte order mark outranks any declaration (as in browsers)
            return raw.decode(name, errors="replace"), []
    declared = _META_CHARSET.search(raw[:4096]) or regex.search(rb"""^\s*<\?xml[^>]*encoding=["']([^"']+)""",
                                                                 raw[:200])
    if not declared:
        return decode(raw)
    name = declared.group(1).decode("ascii", "replace").lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        if codecs.lookup(name).name in _WESTERN_SINGLE_BYTE and _is_utf8_text(raw):
            # Re-saved pages keep a stale legacy declaration; a legacy single-byte text is almost
            # never valid UTF-8 with multi-byte sequences, so the bytes are believed over the label.
            return raw.decode("utf-8"), [Problem("warning", "wrong_charset",
                                                 f"the page declares charset {name!r} but is UTF-8; it was read as UTF-8")]
        return raw.decode(name), []
    except (LookupError, UnicodeDecodeError):
        text, problems = decode(raw)
        return text, [Problem("warning", "wrong_charset",
                              f"the page declares charset {name!r} but is not in it; it was read as "
                              f"{'Windows-1252' if problems else 'UTF-8'}")]


def _is_utf8_text(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not raw.isascii()
