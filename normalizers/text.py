"""Text clean-up: markup left by converters, marker glyphs, whitespace."""
from __future__ import annotations

import html
import unicodedata
from functools import lru_cache

import regex

# Block-level tags end a paragraph; everything else is dropped with its brackets.
_BREAK_TAGS = regex.compile(r"(?i)</?(?:p|br|li|ul|ol|div|tr|h[1-6]|table|thead|tbody|caption)\b[^>]*>")
_ANY_TAG = regex.compile(r"</?[A-Za-z][^>]*>")
_STRONG = regex.compile(r"\*\*+|__+")
_EMPHASIS = regex.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_HEADING_HASHES = regex.compile(r"^\s*#{1,6}\s+")
_INLINE_SPACE = regex.compile(r"[^\S\n]+")

# Status and list markers the templates print before names and status lines, the private-use
# glyphs of symbol fonts, and the "—" that stands before "Ingen".
MARKER_CHARS = "\u25a0-\u25ff\u2600-\u27bf\u2022\u2713\u2714\u2640\u2642\ue000-\uf8ff\u2014\u25b6\u2043\u2219"


def _class_members(spec: str) -> frozenset[str]:
    """The characters of a character class written as singles and "a-b" ranges."""
    members: set[str] = set()
    k = 0
    while k < len(spec):
        if k + 2 < len(spec) and spec[k + 1] == "-":
            members.update(map(chr, range(ord(spec[k]), ord(spec[k + 2]) + 1)))
            k += 3
        else:
            members.add(spec[k])
            k += 1
    return frozenset(members)


# Every character stripped from the ends of a name: the markers and what `\s` matches in `regex`
# (no white space lies above U+3000; \x1c-\x1f, white space to str.isspace, are not `\s`). One scan
# of the code points, not a match a code point: 12,289 calls cost every run 70 ms at import.
_MARKER_OR_SPACE = _class_members(MARKER_CHARS) | frozenset(regex.findall(r"\s", "".join(map(chr, range(0x3001)))))


def collapse(text: str) -> str:
    """Runs of whitespace (no-break and thin spaces included) become one space; ends trimmed."""
    # Most texts are collapsed already (every cell a reader gives): printable text holds no white
    # space but " ", so two scans in C tell it without splitting and joining a copy.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


# Cells and template lines repeat within a report and across an archive ("", "%", "Uppfylls helt"):
# the function is pure and its result a str, so a bounded cache returns them at a lookup's cost.
@lru_cache(maxsize=16384)
def strip_markup(text: str, keep_paragraphs: bool = False) -> str:
    """Remove HTML tags and entities, markdown emphasis and heading hashes.

    Block-level tags become paragraph breaks: with keep_paragraphs they are kept as "\\n",
    otherwise folded into spaces like any other whitespace.
    """
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    if "<" in text:
        text = _BREAK_TAGS.sub("\n", text)
        text = _ANY_TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    if "*" in text or "_" in text:
        # Strong markers first, so the lone stars of stacked emphasis ("***x***") are seen alone.
        text = _EMPHASIS.sub("", _STRONG.sub("", text))
    if "#" in text:
        text = _HEADING_HASHES.sub("", text)
    if not keep_paragraphs:
        return collapse(text)
    if not text.isprintable() or "  " in text:  # printable text has no white space but " "
        text = _single_spaces(text)
    return (_paragraph_breaks(text) if "\n" in text else text).strip()


def _single_spaces(text: str) -> str:
    """_INLINE_SPACE.sub(" ", text): every run of white space within a line is one space."""
    # A cell's paragraphs are joined by "\n", which is no inline space: where it is the only
    # character that is not printable, every inline space is " " and its runs are halved in C,
    # not matched at every position by the pattern (a twentieth of a second over 100 reports).
    if not text.replace("\n", "").isprintable():
        return _INLINE_SPACE.sub(" ", text)
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def _paragraph_breaks(text: str) -> str:
    """Each run of white space holding a "\n" made one "\n" (the pattern `\\s*\n\\s*`), in a text
    whose only white space (to `regex`'s `\\s`) is " " and "\n"; the white space at either end
    may go too, which the caller strips."""
    return "\n".join(piece for piece in (line.strip(" ") for line in text.split("\n")) if piece)


def strip_markers(text: str) -> str:
    """Remove marker glyphs (● ■ ◆ ✓ ♀ and symbol-font glyphs) at both ends of a name or status line."""
    # Most names start and end with a letter; a marked one has a marker or two at an end: a walk
    # in from each end, not a pattern tried at every position for a run that ends the text.
    if not text or (text[0] not in _MARKER_OR_SPACE and text[-1] not in _MARKER_OR_SPACE):
        return text
    start, end = 0, len(text)
    while start < end and text[start] in _MARKER_OR_SPACE:
        start += 1
    while end > start and text[end - 1] in _MARKER_OR_SPACE:
        end -= 1
    return text[start:end]


def is_only_markers(text: str) -> bool:
    return not text or (text[0] in _MARKER_OR_SPACE and _MARKER_OR_SPACE.issuperset(text))


def squash(text: str) -> str:
    """Case-folded with all whitespace removed: the form header aliases are matched in, so that
    converter splits such as "kvinn or" or "Perio dens" do not matter."""
    return "".join(text.split()).casefold()


_SCOPE_NOTES = regex.compile(r"\((?:alla|samtliga)\s+(?:nämnder|bolag)[^)]*\)", regex.IGNORECASE)
_NOT_KEY_CHAR = r"[^\w%/]"
_NOT_KEY = regex.compile(_NOT_KEY_CHAR + "+")
# _NOT_KEY's class over the Latin-1 code points as a byte table, each character outside it made a
# space: the pattern, tried at every character of a name, cost five microseconds a name (a fifth
# of making an indicator's record); a name in Latin-1 (most Swedish ones) is mapped a byte at a
# time in C instead, and its spaces collapsed as collapse() would.
_NOT_KEY_LATIN_1 = "".join(regex.findall(_NOT_KEY_CHAR, "".join(map(chr, range(256))))).encode("latin-1")
_KEY_BYTES = bytes.maketrans(_NOT_KEY_LATIN_1, b" " * len(_NOT_KEY_LATIN_1))


def indicator_key(name: str) -> str:
    """A join key for one indicator across reports and years: markers, case, punctuation and
    scope notes such as "(alla nämnder/bolag)" do not count."""
    text = strip_markers(strip_markup(name))
    if "(" in text:
        text = _SCOPE_NOTES.sub(" ", text)
    text = text.casefold()
    try:
        latin = text.encode("latin-1")
    except UnicodeEncodeError:
        return collapse(_NOT_KEY.sub(" ", text))
    return " ".join(latin.translate(_KEY_BYTES).decode("latin-1").split())


def first_letter_is_lower(text: str) -> bool:
    """Whether the text starts, after markers and punctuation, with a lower-case letter: the
    sign of a line that continues a name or sentence cut by a page break or a wrap."""
    for char in strip_markers(text):
        if char.isalpha():
            return char.islower()
        if char.isdigit():
            return False
    return False
