"""Columns from the alignment of text, for tables without column rules: the steps that turn a
table's lines into gutters (the vertical strips between columns) and a row's lines into cells.

A gutter is a strip that no word of the body crosses and that lines start or end a column at,
as in the text-edge method behind tabula and camelot stream; headers over groups of columns
and rows of one cell across the table are told apart so that they do not close gutters.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from parsers.pdf_layout import CellLayout, RowLayout
from parsers.pdf_model import LIST_MARKERS, Line, PdfSettings, Word
from parsers.pdf_rows import column_of, is_figure
from parsers.pdf_spans import header_spans


def median(values: list[float]) -> float:
    """statistics.median, for values that are there: statistics imports fractions and compiles its
    patterns, 11.6M instructions of the PDF reader's import (callgrind), for this alone."""
    ordered = sorted(values)
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def clear_gap(size: float, settings: PdfSettings) -> float:
    """A gap clearly wider than a word space at this size: halfway from a word break to a
    cell's padding."""
    return (settings.word_gap + settings.cell_gap) / 2 * size


def left_margin(lines: list[Line]) -> float:
    counts: dict[int, int] = {}
    for line in lines:
        counts[round(line.x0)] = counts.get(round(line.x0), 0) + 1
    return float(max(counts, key=lambda x: (counts[x], -x))) if counts else 0.0


def cell_runs(line: Line, settings: PdfSettings, starts: list[float] | tuple[()] = ()) -> list[list[Word]]:
    """The line's words in runs split at gaps wide enough to be column gutters, or, given where
    the table's columns start, at a gap wider than a word space before a word that starts a
    column. A word that starts exactly where a column's text starts (a left-aligned column)
    starts that cell after any gap clearly wider than a word space: a table set as tight as its
    widest cells leaves its header cells barely further apart than words ("Startdatum
    Slutdatum"), and on a bold line (a header) after a gap only just wider than a word space
    (`header_cell_gap`: "kvinnor/fl" 3.1 pt before "utfall" at 10 pt, where a word space is
    2.5), or after less than a word space: two words that close, not glued into one, are the
    texts of two cells that touch (a header word too long for its cell runs up to the next
    cell's text, "kvinnor/flickor" 0.7 pt before "2017"). The space after a list bullet is an
    indent, not a gutter."""
    runs = [[line.words[0]]]
    if not starts:
        # Without the columns' starts only a gutter parts two words: the common case (every
        # line asked whether it has gutters), without the tests of the starts per gap.
        for b, parts in zip(line.words[1:], _gutter_breaks(line, settings)):
            if parts:
                runs.append([b])
            else:
                runs[-1].append(b)
        return runs
    gutter = settings.column_gap * line.size
    narrow = settings.cell_gap * line.size
    exact = clear_gap(line.size, settings)
    aligned = settings.header_cell_gap * line.size if line.bold else exact
    if starts and not line.bold:
        aligned = min(aligned, _past_spaces(line, exact, settings))
    for a, b in zip(line.words, line.words[1:]):
        gap = b.x0 - a.x1
        if a.text not in LIST_MARKERS and (
                (gap >= exact and (gap >= gutter or (gap >= narrow and any(a.x1 < start <= b.x0 + 0.5 for start in starts))))
                or ((gap >= aligned or (line.bold and gap < settings.word_gap * line.size))
                    and any(abs(b.x0 - start) <= 0.5 for start in starts))):
            runs.append([b])
        else:
            runs[-1].append(b)
    return runs


def _gutter_breaks(line: Line, settings: PdfSettings) -> Iterator[bool]:
    """Per gap between the line's words, whether it is a column gutter (cell_runs without the
    columns' starts): at least a gutter wide, and clearly wider than a word space, not after a
    list bullet."""
    wide = max(clear_gap(line.size, settings), settings.column_gap * line.size)
    return (b.x0 - a.x1 >= wide and a.text not in LIST_MARKERS for a, b in zip(line.words, line.words[1:]))


def _past_spaces(line: Line, exact: float, settings: PdfSettings) -> float:
    """A gap a plain line's word needs before it to start a column there: one clearly wider than
    the line's own word spaces, as a cell's padding on both sides of a column edge leaves it
    ("kontorsmöbler," 3.7 pt before "100", spaces of 2.5 pt on the line), and no narrower than
    a bold header's. A justified line (a comment across the table) stretches all its spaces
    alike, so none of them stands out."""
    spaces = [b.x0 - a.x1 for a, b in zip(line.words, line.words[1:]) if b.x0 - a.x1 < exact]
    if len(spaces) < 2:
        return exact
    return max(settings.header_cell_gap * line.size, settings.cell_space_ratio * median(spaces))


def wide_gaps(line: Line, left: float, settings: PdfSettings) -> list[tuple[float, float]]:
    """Gaps on the line wide enough to be column gutters; an indent far from the text's left
    margin counts too, since a continuation line may start in a later column."""
    runs = cell_runs(line, settings)
    gaps = [(a[-1].x1, b[0].x0) for a, b in zip(runs, runs[1:])]
    if line.x0 - left >= 2 * settings.column_gap * line.size:
        gaps.insert(0, (left, line.x0))
    return gaps


def has_gutter(line: Line, left: float, settings: PdfSettings) -> bool:
    """Whether wide_gaps finds any: asked of most lines, so it stops at the first."""
    return line.x0 - left >= 2 * settings.column_gap * line.size or any(_gutter_breaks(line, settings))


def open_strips(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The stretches between the spans that no span covers."""
    out: list[tuple[float, float]] = []
    reach = None
    for a, b in sorted(spans):
        if reach is not None and a > reach:
            out.append((reach, a))
        reach = b if reach is None else max(reach, b)
    return out


def bridges(x0: float, x1: float, strips: list[tuple[float, float]]) -> bool:
    return any(x0 < lo and hi < x1 for lo, hi in strips)


def find_gutters(lines: list[Line], settings: PdfSettings, left: float) -> list[tuple[float, float]]:
    """Vertical strips that no word of a column-structured line covers, and that more of those
    lines start or end a column at (a wide gap with an edge on the strip's edge) than run across
    with a plain word space: the spaces between columns.

    The body decides where the strips are: a header cell that names a group of columns
    ("augusti 2017" over Budget, Utfall, Förbrukn) runs across the gaps between them, so a run
    of words of a bold or sparse line that bridges a gap the body leaves open does not close it."""
    structured = [line for line in lines if has_gutter(line, left, settings)]
    runs = {id(line): [(run[0].x0, max(w.x1 for w in run)) for run in cell_runs(line, settings)]
            for line in structured}
    densest = max((len(runs[id(line)]) for line in structured if not line.bold), default=0)
    # A line with far fewer cells than the densest is a header over groups of columns too
    # ("Actual" over five years), bold or not.
    body = [line for line in structured
            if not line.bold and len(runs[id(line)]) * settings.spanning_share >= densest] or structured
    spans = [(w.x0, w.x1) for line in body for w in line.words]
    body_strips = open_strips(spans)
    narrow = settings.cell_gap * max((line.size for line in body), default=0.0)
    wide = [(lo, hi) for lo, hi in body_strips if hi - lo >= narrow]
    if body is not structured:
        spans.extend(_header_spans(structured, body, runs, body_strips, wide, densest, settings))
    gaps_of = [wide_gaps(line, left, settings) for line in structured]
    out = []
    for lo, hi in open_strips(spans):
        votes = 0
        for line, gaps in zip(structured, gaps_of):
            around = [(g_lo, g_hi) for g_lo, g_hi in gaps if g_lo <= lo + 0.01 and hi - 0.01 <= g_hi]
            if around:
                votes += any(abs(g_hi - hi) < 1.0 or abs(g_lo - lo) < 1.0 for g_lo, g_hi in around)
            else:
                k = next((k for k in range(1, len(line.words))
                          if line.words[k - 1].x1 <= lo + 0.01 and hi - 0.01 <= line.words[k].x0), None)
                if k is not None:
                    # The line runs across the strip with an ordinary space: no gutter, unless
                    # figures stand on both sides (columns of figures a space apart, as a
                    # typewriter's or a fixed-width font's table sets them, or dates in a
                    # table as tight as its cells) wider apart than a thousands separator
                    # ("1 600"); a figure's unit is the figure's ("33,33 %" before "100").
                    a, b = line.words[k - 1], line.words[k]
                    before = a.text if k < 2 else f"{line.words[k - 2].text} {a.text}"
                    figures = ((is_figure(a.text) or is_figure(before)) and is_figure(b.text)
                               and b.x0 - a.x1 >= clear_gap(line.size, settings))
                    votes += 1 if figures else -1
        if votes > 0:
            out.append((lo, hi))
    return out


def _header_spans(structured: list[Line], body: list[Line], runs: dict[int, list[tuple[float, float]]],
                  body_strips: list[tuple[float, float]], wide: list[tuple[float, float]], densest: int,
                  settings: PdfSettings) -> list[tuple[float, float]]:
    """The runs of the lines with columns that are not the body's which keep strips closed.
    A bold run over a word space of the body ("Utfall" over "92 %") and no gutter of it still
    names a column: it keeps the strip beside it open. A run of a line of few cells within a
    gutter of the body is a header over the columns on both sides of it ("2017" over Budget
    and Utfall): no column; unless another such line has a run that starts where it starts, or
    centred, has its middle where its middle is (a header cell wrapped over lines, "KF:s" over
    "årsmål": a column's label, over a column the body leaves empty)."""
    chosen = {id(line) for line in body}
    others = [line for line in structured if id(line) not in chosen]
    starts = [run[0] for line in others for run in runs[id(line)]]
    # Where runs of two of these lines start, a header cell's lines do: a bold run of a header
    # line set as tight as its cells is cut there ("män/po kvinnor/fl utfall VB" under "Utfall
    # Utfall Periodens").
    stacked = [x for x in starts if sum(1 for y in starts if abs(x - y) <= 0.5) >= 2]
    # A header cell centred over its column and wrapped ("KF:s" over "årsmål") has its lines'
    # middles in one place instead.
    middles = [(run[0] + run[1]) / 2 for line in others for run in runs[id(line)]]
    out = []
    for line in others:
        sparse = len(runs[id(line)]) * settings.spanning_share < densest
        cut = [(run[0].x0, max(w.x1 for w in run)) for run in cell_runs(line, settings, stacked)]
        for run in cut if line.bold else runs[id(line)]:
            if bridges(*run, body_strips) and not (
                    line.bold and not any(lo < run[1] and run[0] < hi for lo, hi in wide)):
                continue
            if (sparse and any(lo <= run[0] and run[1] <= hi for lo, hi in wide)
                    and sum(1 for x in starts if abs(x - run[0]) <= 0.5) < 2
                    and sum(1 for x in middles if abs(x - (run[0] + run[1]) / 2) <= 1.0) < 2):
                continue
            out.append(run)
    return out


def narrow_gutters(gutters: list[tuple[float, float]], lines: list[Line], settings: PdfSettings,
                   starts: list[float] | tuple[()] = ()) -> list[tuple[float, float]] | None:
    """The gutters narrowed to the space that all of `lines` leave free: a wrapped line of a
    cell can reach further right than the lines that show the columns, and a run of words that
    starts inside a gutter starts a cell there. A plain line that runs across a gutter is a row
    of one cell, and a bold one a header cell over several columns; neither narrows anything.
    None when a line with columns of its own runs across a gutter: the lines do not fit these
    columns. `starts`: where the columns' text starts, which parts cells closer than a gutter
    (`cell_runs`)."""
    strips = list(gutters)
    for line in lines:
        runs = [(run[0].x0, max(w.x1 for w in run)) for run in cell_runs(line, settings, starts)]
        # (A run from a gutter's very edge over it, as text at the margin over a first column
        # empty so far, runs across it too.)
        if any(r0 <= lo and hi < r1 for r0, r1 in runs for lo, hi in strips):
            if line.bold or len(runs) == 1:
                continue
            return None
        for k, (lo, hi) in enumerate(strips):
            for r0, r1 in runs:
                if lo < r0 < hi:
                    hi = r0
                elif r0 <= lo < r1:
                    lo = r1
            if lo >= hi:
                return None
            strips[k] = (lo, hi)
    return strips


def column_rights(structured: list[Line], bounds: list[float], gutters: list[tuple[float, float]],
                   x1: float, settings: PdfSettings) -> list[float]:
    """Where each column's text can reach: the widest text in it among the lines that show the
    columns. Lines of one cell's own that reach further may be a row across the table, so they
    do not move it; a narrower estimate only keeps fewer paragraph breaks inside a cell."""
    widest: dict[int, float] = {}
    for line in structured:
        for run in cell_runs(line, settings):
            k = column_of(run[0], bounds)
            widest[k] = max(widest.get(k, 0.0), max(w.x1 for w in run))
    # The last column reaches the table's right edge, which a row across the table reaches too.
    return [min(lo, widest.get(k, lo)) for k, (lo, _) in enumerate(gutters)] + [x1]


def table_gutters(lines: list[Line], structured: list[Line], left: float,
                 settings: PdfSettings) -> list[tuple[float, float]]:
    found = find_gutters(lines, settings, left)
    # Columns part in the middle of the space all the lines leave free: a header right-aligned
    # over its figures ("Årsmål" over "0 %") reaches further left into a gutter than they do.
    bounds = [(lo + hi) / 2 for lo, hi in narrow_gutters(found, lines, settings) or found]
    # A column that words start in on one line only (a wide space inside a cell) is no column,
    # unless the table is that short or the line is a header, which names every column even
    # when the body leaves one empty; a column no line starts in is an indent.
    support = Counter(k for line in structured for k in {column_of(w, bounds) for w in line.words}
                      for _ in range(2 if line.bold else 1))
    # The first column's wrapped lines show it too: a name wrapped over many lines beside
    # figures set in the middle of its row leaves a gutter on one line of them at most.
    chosen = {id(line) for line in structured}
    support[0] += sum(1 for line in lines if id(line) not in chosen and bounds and line.x1 < bounds[0])
    # The indented lines of one cell wrapped in a later column ("fram av", "nämnd/", under
    # "Tas" of "Tas fram av nämnd/styrelse") make no longer table: they are not counted.
    wrapped = _wrapped_on(lines, settings)
    needed = 2 if sum(1 for line in structured if id(line) not in wrapped) > 2 else 1
    used = sorted(k for k, n in support.items() if n >= needed)
    if len(used) < 2:
        return []
    found = [found[k - 1] for k in used[1:]]
    x0 = min(line.x0 for line in lines)
    if x0 - left >= 2 * settings.column_gap * lines[0].size:
        # Every line starts a column's width right of the text's margin: the first column is
        # there, and empty.
        found.insert(0, (left, x0))
    return narrow_gutters(found, lines, settings) or found


def header_gutters(lines: list[Line], gutters: list[tuple[float, float]],
                   settings: PdfSettings) -> list[tuple[float, float]]:
    """The gutters with those of columns only the header shows: a bold word that starts right
    of all the body's text in its column, clearly more than a word space after the header word
    before it, names a column the body leaves empty ("Avvikelse" after "Slutdatum" over a
    column of end dates)."""
    bounds = [(lo + hi) / 2 for lo, hi in gutters]
    reach: dict[int, float] = {}
    for line in lines:
        # A row of running text across the table (a comment) is in no column.
        if not line.bold and not crosses(line, bounds):
            for word in line.words:
                k = column_of(word, bounds)
                reach[k] = max(reach.get(k, word.x1), word.x1)
    if not reach:
        return gutters
    added: list[tuple[float, float]] = []
    for line in lines:
        if not line.bold:
            continue
        exact = clear_gap(line.size, settings)
        for a, b in zip(line.words, line.words[1:]):
            k = column_of(a, bounds)
            if (column_of(b, bounds) == k and k in reach and b.x0 - a.x1 >= exact
                    and b.x0 > reach[k] + 0.5
                    and not any(lo < b.x0 and a.x1 < hi for lo, hi in added)):
                added.append((max(a.x1, reach[k]), b.x0))
    return sorted(gutters + added) if added else gutters


def clear_starts(line: Line, settings: PdfSettings) -> list[float]:
    gap = clear_gap(line.size, settings)
    return [b.x0 for a, b in zip(line.words, line.words[1:]) if b.x0 - a.x1 >= gap]


def aligned_gutters(header: list[Line], body: list[Line], settings: PdfSettings) -> list[tuple[float, float]]:
    """Columns a table as tight as its cells shows only by its text edges: words of the header
    and of the plain lines under it that start at the same place, each after a gap clearly
    wider than a word space ("Startdatum" over "2010-01-01", "Slutdatum" over "2010-12-31",
    6 pt after the date before). Empty unless two such edges line up and no word of the lines
    runs over one."""
    plain = [line for line in body if not line.bold]
    edges = sorted(x for x in {x for line in header for x in clear_starts(line, settings)}
                   if any(abs(x - y) <= 0.5 for line in plain for y in clear_starts(line, settings)))
    words = [w for line in header + body for w in line.words]
    if len(edges) < 2 or any(w.x0 < x - 0.5 and w.x1 > x + 0.5 for w in words for x in edges):
        return []
    return [(max((w.x1 for w in words if w.x1 <= x + 0.5 and (k == 0 or w.x0 >= edges[k - 1] - 0.5)), default=x), x)
            for k, x in enumerate(edges)]


def _wrapped_on(lines: list[Line], settings: PdfSettings) -> set[int]:
    """The lines (by id) of one run that start where a run of the line above starts: the next
    lines of that cell."""
    out = set()
    for above, line in zip(lines, lines[1:]):
        runs = cell_runs(line, settings)
        if len(runs) == 1 and any(abs(run[0].x0 - line.x0) < 1.0 for run in cell_runs(above, settings)):
            out.add(id(line))
    return out


def crosses(line: Line, bounds: list[float]) -> bool:
    return any(w.x0 < b < w.x1 for w in line.words for b in bounds)


def free_row(lines: list[Line], bounds: list[float], starts: list[float], rights: list[float],
              settings: PdfSettings) -> RowLayout:
    n_columns = len(bounds) + 1
    header = all(w.bold for line in lines for w in line.words)
    plain = all(len(cell_runs(line, settings, starts)) == 1 for line in lines)
    if plain and any(crosses(line, bounds) for line in lines):
        # Running text across the column edges: one cell across the table (a comment row).
        cells = [CellLayout(lines, rights[-1])] + [CellLayout([], r) for r in rights[1:]]
        return RowLayout(cells, lines[0].top, spanning=True, header=header)
    per_column: list[list[Line]] = [[] for _ in range(n_columns)]
    for line in lines:
        # A run of words belongs to the column it starts in: a header cell merged over several
        # columns gives its text at its first column.
        for run in cell_runs(line, settings, starts):
            k = column_of(run[0], bounds)
            per_column[k].append(Line(run, run[0].x0, max(w.x1 for w in run), line.top, line.bottom))
    spans: dict[int, int] = {}
    if header:
        size = max(line.size for line in lines)
        per_column, spans = header_spans(per_column, starts, rights, settings.span_centre * size)
    cells = [CellLayout(col, rights[k + spans.get(k, 1) - 1], columns=spans.get(k, 1))
             for k, col in enumerate(per_column)]
    return RowLayout(cells, lines[0].top, header=header)
