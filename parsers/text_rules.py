"""Tables whose columns lines of dashes set, as pandoc writes tables into plain text and
Markdown and reStructuredText have them. A simple or multiline table has its header over a rule
of one run of dashes per column, the rows under it in the columns the runs set: a multiline
table stands between two lines of dashes across it, its rows apart at blank lines, a cell's
text wrapped over the lines of its row; a simple table has a row a line and ends at a blank
line. A grid table draws its cells: rows between border lines (`+----+----+`, `+====+` under
the header), cells between the bars under the border's `+`. Read as plain lines, pandoc's text
of the seeds' HTML gave no indicator or activity row (gold 0.43).

Pure functions of a file's lines; the lines a table takes are blanked for the line reader.
"""
from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator

import regex

from normalizers.text import strip_markup
from parsers.blocks import Paragraph, Place, Row, Table

# The rule under a header: a run of dashes per column, two columns or more.
_COLUMN_RULE = regex.compile(r"^ *-{3,}(?: +-{3,})+ *\r?$")
_RUN = regex.compile(r"-+")
# A grid table's border between rows, `=` under its header.
_BORDER = regex.compile(r"^ *\+(?:[-=:]{3,}\+)+ *\r?$")
# A multiline table's first and last line: dashes across it.
_EDGE = regex.compile(r"^ *-{3,} *\r?$")
# How far a multiline table's last line may stand under its first: a table of a report is
# shorter, and a lone line of dashes further on is some other line's.
_MAX_LINES = 5000


def lines_with(text: str, needle: str) -> Iterator[str]:
    """The text's lines that hold `needle`, found by the string's own search: a pattern searched
    over a whole report tries every position of it (4 ms of a 145 kB report's 10 ms read)."""
    start = 0
    while (at := text.find(needle, start)) >= 0:
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        yield text[text.rfind("\n", 0, at) + 1:end]
        start = end + 1


def has_column_rules(text: str) -> bool:
    return any(_COLUMN_RULE.match(line) or _BORDER.match(line) for line in lines_with(text, "---"))


def with_rule_tables(lines: list[str],
                     parse: Callable[[list[str]], list[Paragraph | Table]]) -> list[Paragraph | Table]:
    """The blocks of the file's lines: its rule tables, and what `parse` (the line reader) makes
    of the other lines, in file order."""
    tables = rule_tables(lines)
    if not tables:
        return parse(lines)
    rest = list(lines)
    for first, end, _ in tables:
        rest[first:end] = [""] * (end - first)
    return list(heapq.merge(parse(rest), [table for _, _, table in tables], key=lambda b: b.place.line or 0))


def rule_tables(lines: list[str]) -> list[tuple[int, int, Table]]:
    """Each table as (first line index, end line index, table), in file order, 0-based."""
    out: list[tuple[int, int, Table]] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        if "---" not in line:
            k += 1
            continue
        found = _table(lines, k, out[-1][1] if out else 0) if _COLUMN_RULE.match(line) else \
            _grid(lines, k) if _BORDER.match(line) else None
        if found is None:
            k += 1
            continue
        out.append(found)
        k = found[1]
    return out


def _table(lines: list[str], rule: int, floor: int) -> tuple[int, int, Table] | None:
    """The table whose column rule is lines[rule]; `floor`: where the table before it ends."""
    runs = [(m.start(), m.end()) for m in _RUN.finditer(lines[rule])]
    starts, widths = [lo for lo, _ in runs], [hi - lo for lo, hi in runs]
    top = rule
    while top > floor and lines[top - 1].strip() and not _EDGE.match(lines[top - 1]):
        top -= 1
    header = lines[top:rule]
    edged = top > floor and _EDGE.match(lines[top - 1]) is not None
    if edged or not header:
        # A multiline table (a headerless one starts at its column rule): its rows end at the
        # line of dashes under them.
        end = next((j for j in range(rule + 1, min(len(lines), rule + _MAX_LINES))
                    if _EDGE.match(lines[j]) or _COLUMN_RULE.match(lines[j])), None)
        if end is None:
            return None
        groups = _groups(lines, rule + 1, end)
        first, last = top - 1 if edged else rule, end + 1
    else:
        end = next((j for j in range(rule + 1, len(lines)) if not lines[j].strip()), len(lines))
        groups = [[j] for j in range(rule + 1, end)]
        # A simple table may close with a line of dashes.
        if groups and _EDGE.match(lines[groups[-1][0]]):
            groups.pop()
        first, last = top, end
    if not groups:
        return None
    rows = [Row(_cells(header, starts, widths=widths), Place(None, top + 1), header=True)] if header else []
    rows += [Row(_cells([lines[j] for j in group], starts, widths=widths), Place(None, group[0] + 1))
             for group in groups]
    return first, last, Table(rows, rows[0].place)


def _grid(lines: list[str], top: int) -> tuple[int, int, Table] | None:
    """The grid table whose first border is lines[top]."""
    bars = [m.start() for m in regex.finditer(r"\+", lines[top])]
    widths = [hi - lo - 3 for lo, hi in zip(bars, bars[1:])]  # a bar and a space each side
    rows: list[Row] = []
    group: list[str] = []
    end = top + 1
    while end < len(lines):
        line = lines[end]
        if _BORDER.match(line):
            if group:
                rows.append(Row(_cells(group, bars[:-1], 1, bars[1:], widths), Place(None, end - len(group) + 1)))
            group = []
            if "=" in line:  # what stands above is the header
                for row in rows:
                    row.header = True
        elif line.lstrip().startswith("|"):
            group.append(line)
        else:
            break
        end += 1
    if group or len(rows) < 2:
        return None  # not closed by a border, or no row under a header
    return top, end, Table(rows, rows[0].place)


def _groups(lines: list[str], start: int, end: int) -> list[list[int]]:
    """The indexes of each row's lines: rows apart at blank lines."""
    groups: list[list[int]] = []
    fresh = True
    for j in range(start, end):
        if not lines[j].strip():
            fresh = True
        elif fresh:
            groups.append([j])
            fresh = False
        else:
            groups[-1].append(j)
    return groups


def _cells(lines: list[str], starts: list[int], skip: int = 0, ends: list[int] | None = None,
           widths: list[int] | None = None) -> list[str]:
    """A row's cells: each column's slice of its lines, from where its run of dashes starts to
    where the next one does (or, in a grid, between the bars), the lines of a wrapped cell
    joined. `widths`: how many characters a column's text may take on a line: a word longer
    than that fills the line alone and goes on on the next (pandoc breaks it: "Perio" / "dens")."""
    his: list[int | None] = list(ends) if ends else [*starts[1:], None]
    out = []
    for k, (lo, hi) in enumerate(zip(starts, his)):
        text, previous = "", ""
        for line in lines:
            part = line[lo + skip:hi].strip()
            if part:
                # (A sign alone on its line is a figure's, moved on whole to the next.)
                glued = widths is not None and (previous in ("-", "\u2212") and part[0].isdigit() or len(
                    previous) >= widths[k] and " " not in previous and _goes_on(previous, part))
                text = f"{text}{part}" if glued or not text else f"{text} {part}"
                previous = part
        out.append(strip_markup(text, True))
    return out


def _goes_on(previous: str, part: str) -> bool:
    """The part goes on with the word that fills the line before, as a word broken at the
    column's edge does: a letter in lower case after a letter, a digit after a digit or a decimal
    comma, a mark."""
    return (part[0].islower() and previous[-1].isalpha() or part[0].isdigit() and previous[-1] in "0123456789,."
            or part[0] in ":;,.%)")
