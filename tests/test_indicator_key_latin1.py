"""indicator_key maps a Latin-1 name a byte at a time (normalizers.text._KEY_BYTES) rather than by
its pattern: the keys must be the pattern's, character for character, markers and scope notes
included, for every code point a name may hold."""
from __future__ import annotations

import random

from normalizers.text import _NOT_KEY, _SCOPE_NOTES, collapse, indicator_key, strip_markers, strip_markup


def _by_pattern(name: str) -> str:
    text = strip_markers(strip_markup(name))
    if "(" in text:
        text = _SCOPE_NOTES.sub(" ", text)
    return collapse(_NOT_KEY.sub(" ", text.casefold()))


def test_every_code_point_keys_as_the_pattern_does():
    for code in range(0x3100):
        char = chr(code)
        for name in (char, f"a{char}b", f"{char} Andel {char}", f"x{char}{char}%/y"):
            assert indicator_key(name) == _by_pattern(name), (hex(code), name)


def test_mixed_names_key_as_the_pattern_does():
    pool = [*"abc åäöÅÄÖ%/()-,.:;_µßÿ²½\t\u00a0\u2003–…", "(alla nämnder/bolag)", "**", "<b>", "&amp;", "●"]
    rnd = random.Random(11)
    for _ in range(20000):
        name = "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 14)))
        assert indicator_key(name) == _by_pattern(name), name
