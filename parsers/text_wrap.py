"""Text hard-wrapped at a width, as converters write it (pandoc's plain text at 72 columns, mail
and terminal tools at 80): a paragraph goes on over several lines, and the line reader, which
takes a line for a paragraph, cut goal titles at their wrap ("Stockholm är en attraktiv, trygg,
tillgänglig och växande stad för" without "boende, företagande och besök").

A file is wrapped at the length that all but a few of its lines of up to `_MAX_WIDTH`
characters stay within, when a good share of them end close to it. A line then goes on in the next where the next line's first word
would not have fitted after it: the wrap was forced, where a shorter line ends its paragraph
(a heading, a label, a list item's end). The joined text stands at the paragraph's first line,
its other lines left blank, so that every line keeps its number.

Pure functions of a file's lines.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

# Wider than any wrapping converter's default, narrower than a paragraph left on one line.
_MAX_WIDTH = 100
# Lines with text, of which a share ends within `_NEAR` of the width, in a wrapped file.
_MIN_LINES = 20
_NEAR = 0.8
_WRAPPED_SHARE = 0.3
_WIDTH_RANK = 0.95
# A line that starts a paragraph of its own: a list item, a heading, a table's row.
_STARTS = ("-", "–", "•", "*", "#", "|", "<", "\t")


def unwrapped(lines: list[str]) -> list[str]:
    """The lines with each wrapped paragraph joined at its first line; `lines` itself when the
    text is not wrapped."""
    width = _width(lines)
    if width is None:
        return lines
    out = list(lines)
    k = 0
    while k < len(out):
        first = out[k]
        if not first.strip() or _own(first):
            k += 1
            continue
        parts, last, j = [first.rstrip()], first.rstrip(), k + 1
        while j < len(out) and out[j].strip() and not _own(out[j]) \
                and width >= len(last) > width - 1 - len(out[j].split(None, 1)[0]):
            last = out[j].rstrip()
            parts.append(last.strip())
            out[j] = ""
            j += 1
        out[k] = " ".join(parts)
        k = j
    return out


def _own(line: str) -> bool:
    """A line that is a paragraph or row of its own, whatever stands around it; or a rule
    (a heading's underline, `====`)."""
    text = line.strip()
    return "\t" in line or text.startswith(_STARTS) or not text[-1].isalnum() and len(set(text)) == 1


def _width(lines: list[str]) -> int | None:
    # The lengths sorted in C, and counted by bisection: a Python pass over every line of every
    # text file, to find the few that are wrapped, cost a tenth of reading one.
    lengths = sorted(map(len, lines))
    start, end = bisect_right(lengths, 0), bisect_right(lengths, _MAX_WIDTH)
    # (Some paragraphs may be left whole, longer than any width: pandoc leaves a paragraph with
    # a hard line break in it so.)
    if end - start < _MIN_LINES:
        return None
    # The width lines pile up under; a few lines run past it (a table's row, a link).
    width = lengths[start + int(_WIDTH_RANK * (end - start - 1))]
    near = bisect_right(lengths, width, start, end) - bisect_left(lengths, _NEAR * width, start, end)
    return width if near >= _WRAPPED_SHARE * (end - start) else None
