"""Headings marked by the line under them, as reStructuredText and Markdown's setext headings
have them ("Nämndmål:" over "^^^^^^^^^"), and reStructuredText's own markup lines (link targets,
comments: ".. _beskrivning-1:"). Left as lines, each underline was a paragraph of its own between
a goal's label and its title, and pandoc's reStructuredText of the seeds' HTML gave no goal.

The heading becomes a Markdown heading (its level by the order its underline's character first
appears, as reStructuredText ranks them), its underline, and an overline over it, blank lines,
so that every line keeps its number. Pure functions of a file's lines.
"""
from __future__ import annotations

import regex

# A line of one punctuation character repeated, three or more.
_RULE = regex.compile(r"^([=\-~^*+#\"'`])\1{2,}\s*$")
_MAX_LEVEL = 6
# How an underline (levels 1-4 of pandoc and Markdown) or a markup line starts.
_STARTS = frozenset(("===", "---", "~~~", "^^^", ".. "))


def has_underlines(lines: list[str]) -> bool:
    # A line's first three characters, not a pattern over the whole text: that tries every
    # position of it, a few milliseconds a report.
    return any(line[:3] in _STARTS and (line.startswith(".. ") or _RULE.match(line) is not None) for line in lines)


def marked(lines: list[str]) -> list[str]:
    """The lines with underlined headings as Markdown headings and markup lines blank."""
    out = list(lines)
    levels: dict[str, int] = {}
    for k in range(1, len(out)):
        rule = _RULE.match(out[k])
        text = out[k - 1].strip()
        if rule is None or not text or _RULE.match(text) or len(out[k].strip()) < min(len(text), 3) \
                or text.startswith(("#", "|", "+", "-", "*", "\t")) or "\t" in out[k - 1]:
            continue
        level = levels.setdefault(rule.group(1), min(len(levels) + 1, _MAX_LEVEL))
        out[k - 1], out[k] = f"{'#' * level} {text}", ""
        if k >= 2 and out[k - 2].strip() == lines[k].strip():
            out[k - 2] = ""  # the overline of a reStructuredText title
    for k, line in enumerate(out):
        # Explicit markup (a link target ".. _name:", a directive, a comment) starts ".. " and a mark.
        if line.startswith(".. ") and line[3:4].strip():
            out[k] = ""
    return out
