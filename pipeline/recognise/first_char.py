"""Patterns tried on every paragraph, which most paragraphs cannot match: told by the first character.

A goal label, a sub-heading or a contents heading starts with one of a few letters; a paragraph
of body text starts with any. Whether a text starting with a given character can match at all is
what `regex`'s partial match of that character alone says (it is the prefix of some text that the
pattern matches), asked once per character, so that most paragraphs cost a dict lookup, not a
match that tries every spelling of the vocabulary in turn.
"""
from __future__ import annotations

import regex

# Assertions that fail at the end of a text yet may hold inside a longer one: at the end of the
# one character a partial match looks at, they would rule out a text they let through.
_END_SENSITIVE = (r"\B", r"\m")


class FirstChar:
    """A pattern matched at the start of a text, skipped where the text's first character rules it out."""

    def __init__(self, pattern: regex.Pattern[str]):
        if any(assertion in pattern.pattern for assertion in _END_SENSITIVE):
            raise ValueError(f"{pattern.pattern!r}: an assertion at the end of one character says nothing "
                             "of a longer text")
        self.pattern = pattern
        self._possible: dict[str, bool] = {}

    def possible(self, first: str) -> bool:
        """Whether a text starting with `first` (one character, or "" for the empty text) may match."""
        known = self._possible.get(first)
        if known is None:
            known = self._possible[first] = self.pattern.match(first, partial=True) is not None
        return known

    def match(self, text: str) -> regex.Match[str] | None:
        known = self._possible.get(text[:1])  # the lookup of possible() without its call
        return self.pattern.match(text) if known or (known is None and self.possible(text[:1])) else None
