"""Rows of a table without row rules: which of its lines start a new row and which run on in
the row above (a wrapped cell).

The steps, each a pure function of lines and column bounds:
- `row_break`: the gap above which a line starts a row, when the table pads its rows;
- `starts_row`: what the text says when the gaps do not tell;
- `stacked_figures`: figures do not wrap, so a line with a figure under a figure of its row is
  a new row, however evenly the lines are spaced;
- `row_groups`: the lines grouped into rows with both.
"""
from __future__ import annotations

import re

from parsers.pdf_model import Line, PdfSettings, Word, stops_short

# A figure or a placeholder for one: "2,753,438", "$8,242", "-1.2", "45 %", "(3.4)", "—", "n/a",
# with a short unit after it ("1 600 st", "12,5 mnkr"). Ranges ("(102.7–103.6)", "2003–04") are
# figures too.
_FIGURE = re.compile(r"^[(\[]?[-−–+]?[$€£]?\s?\d[\d\s,.:/–−-]*\s?[%‰]?[)\]]?[*a-z†‡]?(\s[a-zåäö]{1,5}\.?)?$"
                     r"|^[-−–—.…]{1,3}$|^n/?a$", re.IGNORECASE)

# A figure's leading digits before its thousands space (with the groups that fitted the line:
# "3 500" over "000 kWh"), and a group of three digits after it that no figure of its own starts
# with (a leading zero: "008,6", "000 kWh" with its unit; "140" under "120" is a row's).
_THOUSANDS = re.compile(r"^[-−–]?\d{1,3}(\s\d{3})*$")
_GROUP = re.compile(r"^0\d{2}(?!\d|\s\d)")
# A figure broken after a hyphen ("2009-12-" over "31", a date too wide for its cell).
_BROKEN = re.compile(r"\d-$")


def column_of(word: Word, bounds: list[float]) -> int:
    """A word that runs over a gutter (a merged header cell) belongs to the column it starts in."""
    for k, bound in enumerate(bounds):
        if word.x0 < bound:
            return k
    return len(bounds)


def column_parts(line: Line, bounds: list[float]) -> dict[int, Line]:
    parts: dict[int, list[Word]] = {}
    for word in line.words:
        parts.setdefault(column_of(word, bounds), []).append(word)
    return {k: Line(words, words[0].x0, words[-1].x1, line.top, line.bottom) for k, words in parts.items()}


def is_figure(text: str) -> bool:
    return bool(_FIGURE.match(text.strip()))


def stacked_figures(row: list[dict[int, Line]], here: dict[int, Line], name: int) -> bool:
    """A figure right of the name column stands under a figure of the row so far: two rows,
    since a typesetter never wraps a number onto a second line of its cell, but at the space
    that sets its thousands apart, where a cell is too narrow for it ("1" over "008,6"), or
    after a hyphen ("2009-12-" over "31")."""
    return any(k != name and is_figure(part.text) and any(
        k in over and is_figure(over[k].text) and not (_THOUSANDS.match(over[k].text) and _GROUP.match(part.text))
        and not (_BROKEN.search(over[k].text) and part.text[:1].isdigit())
        for over in row) for k, part in here.items())


def _new_figures(over: dict[int, Line], line: Line, here: dict[int, Line], bounds: list[float]) -> bool:
    """The line brings figures in columns `over` has no text in, and keeps to the columns (no
    word runs over a column edge, as running text across the table does)."""
    if any(w.x0 < b < w.x1 for w in line.words for b in bounds):
        return False
    return any(k not in over and is_figure(part.text) for k, part in here.items())


def group_header(over: dict[int, Line], here: dict[int, Line]) -> bool:
    """`over` is a header line over groups of the columns of `here`: fewer cells, none of them
    aligned with a cell below it at its start, end or middle, as the first line of a wrapped
    header cell is."""
    def aligned(part: Line) -> bool:
        return any(abs(part.x0 - below.x0) < 1.0 or abs(part.x1 - below.x1) < 1.0
                   or abs(part.x0 + part.x1 - below.x0 - below.x1) < 2.0 for below in here.values())

    return len(over) < len(here) and not any(aligned(part) for part in over.values())


def _extent(line: Line) -> tuple[float, float]:
    """The top and bottom of a line's own words."""
    return min(w.top for w in line.words), max(w.bottom for w in line.words)


def line_gap(above: dict[int, Line], here: dict[int, Line], top: float, bottom: float) -> float:
    """The space between two lines of a table, column by column: a line made of cells set at
    different heights (a figure centred in a tall row beside a wrapped name) reaches lower than
    its name's line does, so its gap to the next name line is measured from the name's own
    words. Lines that share no column are as far apart as the lines are (`top` of the lower
    one, `bottom` of the upper)."""
    shared = [k for k in here if k in above]
    if not shared:
        return top - bottom
    return min(_extent(here[k])[0] - _extent(above[k])[1] for k in shared)


def clearly_wider(gap: float, than: float, settings: PdfSettings) -> bool:
    """`gap` is wider than `than` by more than the jitter of one line spacing."""
    return gap - than >= settings.row_gap_step and gap >= settings.row_gap_ratio * max(than, 0.5)


def row_break(gaps: list[float], size: float, settings: PdfSettings) -> float | None:
    """The gap above which a line starts a new row, or None when the gaps do not tell (no
    padding between rows). The closest lines are lines of one cell, unless even they are
    further apart than lines of a paragraph: then every line is a row. Otherwise rows start at
    the first clearly larger gap: the gaps above it are padding, or padding plus a header's
    rule, and need not be alike."""
    if not gaps:
        return None
    ordered = sorted(gaps)
    for a, b in zip(ordered, ordered[1:]):
        if clearly_wider(b, a, settings):
            return (a + b) / 2
    if ordered[0] > settings.cell_leading * size:
        return ordered[0] / 2
    return None


def starts_row(above: Line, line: Line, bounds: list[float], rights: list[float], name: int) -> bool:
    """Without padding between rows: a row starts where the name column gets text that does not
    wrap on from the line above, or gets text while another column starts a new cell beside it."""
    over, here = column_parts(above, bounds), column_parts(line, bounds)
    if name not in here:
        return False
    if name not in over or stops_short(over[name], here[name], rights[name]):
        return True
    return any(k not in over for k in here if k != name)


def name_goes_on(row: list[dict[int, Line]], here: dict[int, Line], name: int, right: float) -> bool:
    """The line's name cell wraps on from the row's name so far: its first word would not have
    fitted on the name's last line, and it does not start with a capital, as a new name does."""
    over = next((parts[name] for parts in reversed(row) if name in parts), None)
    if over is None or name not in here or here[name].text[:1].isupper():
        return False
    return not stops_short(over, here[name], right)


def row_groups(lines: list[Line], bounds: list[float], rights: list[float],
               settings: PdfSettings) -> list[list[Line]]:
    """Lines of one row sit closer together than lines of neighbouring rows, when the table has
    padding between rows; without it, the text decides (`starts_row`), and a change between
    header and body starts a row. Either way bold after plain text starts a row (a heading), so
    does plain text after bold that brings figures in columns the bold line lacks (a section
    label above its first row, and plain text after a bold line of several cells, a header;
    other plain text may be a run-in label's text), and so
    do figures under the row's figures with a name beside them: the few wider gaps were then
    between sections."""
    parts = [column_parts(line, bounds) for line in lines]
    gaps = [line_gap(over, here, b.top, a.bottom)
            for over, here, a, b in zip(parts, parts[1:], lines, lines[1:])]
    # Lines that overlap are side by side in one row, set vertically centred beside a cell of
    # more lines: no line spacing to learn from.
    spaced = [gap for gap in gaps if gap >= 0]
    threshold = row_break(spaced, max(line.size for line in lines), settings)
    # Every line further apart than a cell's leading: each line a row, unless the text shows
    # a name wrapped on (a line height of one and a half leaves even a cell's lines that far).
    each_line = threshold is not None and threshold < min(spaced)
    name = min(column_of(line.words[0], bounds) for line in lines)
    groups: list[list[Line]] = [[lines[0]]]
    row = [parts[0]]
    for gap, above, line, here in zip(gaps, lines, lines[1:], parts[1:]):
        if (line.bold != above.bold and (line.bold or len(row[-1]) >= 2
                                         or _new_figures(row[-1], line, here, bounds))) or (
                name in here and stacked_figures(row, here, name)) or (
                gap >= 0 and line.bold and above.bold and group_header(row[-1], here)):
            new = True
        elif gap < 0:
            new = False
        elif threshold is None:
            new = line.bold != above.bold or starts_row(above, line, bounds, rights, name)
        else:
            new = gap > threshold and not (each_line and line.bold == above.bold
                                           and name_goes_on(row, here, name, rights[name]))
        if new:
            groups.append([line])
            row = [here]
        else:
            groups[-1].append(line)
            row.append(here)
    return groups


def figure_rows(lines: list[Line], bounds: list[float]) -> list[list[Line]]:
    """A ruled band's lines as rows: one row, as a grid's cell wraps its text, unless figures
    stand under figures (rules only under the header and at the foot of a grid of columns)."""
    if len(lines) == 1:
        return [[lines[0]]]  # nothing to stand under (most grid rows): its line not split in parts
    name = min(column_of(line.words[0], bounds) for line in lines)
    groups: list[list[Line]] = [[lines[0]]]
    row = [column_parts(lines[0], bounds)]
    for line in lines[1:]:
        here = column_parts(line, bounds)
        if name in here and stacked_figures(row, here, name):
            groups.append([line])
            row = [here]
        else:
            groups[-1].append(line)
            row.append(here)
    return groups
