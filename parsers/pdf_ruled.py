"""Ruled tables: rulings that touch each other form a grid; the grid's lines are the row and
column edges, and a column edge missing across a row band means the cells there are merged. A
grid with row rules but no column rules (only horizontal lines, or shaded rows) takes its
columns from the text's alignment, as a line-free table does.
"""
from __future__ import annotations

from bisect import bisect_right

from parsers.pdf_band_ends import band_ends
from parsers.pdf_bands import (
    Padding,
    band_table,
    fills_band,
    page_padding,
    starts_new_table,
    tops_next_table,
    unbroken,
)
from parsers.pdf_columns import cell_runs, find_gutters, has_gutter
from parsers.pdf_layout import CellLayout, RowLayout, TableLayout
from parsers.pdf_model import CAPTION, Line, PdfSettings, Segment, Word, line_as_made
from parsers.pdf_rows import figure_rows


def ruled_tables(lines: list[Line], segments: list[Segment], settings: PdfSettings) -> list[TableLayout]:
    pieces = [s for s in segments if s.horizontal]
    horizontal = _merge_collinear(pieces, True, settings)
    vertical = _merge_collinear([s for s in segments if not s.horizontal], False, settings)
    tables = []
    groups, pad = _grids(horizontal, vertical, lines, settings)
    for h_group, v_group in groups:
        if len(h_group) == 1 and not v_group:
            table = _lone_rule_table(lines, h_group[0], pieces, settings)
        else:
            table = _grid_table(lines, h_group, v_group, pad, horizontal, settings)
        if table is not None:
            tables.append(table)
    return tables


def _lone_rule_table(lines: list[Line], rule: Segment, pieces: list[Segment],
                     settings: PdfSettings) -> TableLayout | None:
    """A table of one row under its header, parted by the header's rule alone (a browser's
    print of a one-row table, its only row unshaded): the rule drawn cell by cell, each header
    cell's border a piece of it, shows the columns where the pieces meet. A bold header over
    the rule with a cell in every piece, one row under it, no word across a joint (but for a
    header word too long for its cell, overflowing into the next); a line with
    gutters right under that row would be a row too, which a table of row rules parts by a
    rule of its own: then this is no such table, unless that line is bold over a rule of its
    own (the next table's header, the two tables set close). A rule drawn in one piece (under
    a caption, above the notes) shows no columns and makes none."""
    spans = sorted({(round(s.x0, 1), round(s.x1, 1)) for s in pieces if abs(s.top - rule.top) <= settings.snap})
    joints = [(a1 + b0) / 2 for (_, a1), (b0, _) in zip(spans, spans[1:]) if b0 <= a1 + settings.snap]
    xs = [rule.x0, *joints, rule.x1]
    within = [line for line in lines if rule.x0 <= line.x0 and line.x1 <= rule.x1]
    above = sorted((line for line in within if line.bottom <= rule.top + 0.5), key=lambda line: line.top)
    below = sorted((line for line in within if line.top >= rule.top - 0.5), key=lambda line: line.top)
    if not joints or not above or not below:
        return None
    header, row = _cell_lines(list(reversed(above)), settings)[::-1], _cell_lines(below, settings)
    reach = settings.row_padding * header[-1].size
    rest = below[len(row):]
    if (rule.top - header[-1].bottom > reach or row[0].top - rule.top > reach
            or not all(line.bold for line in header) or any(line.bold for line in row)
            or not any(has_gutter(line, rule.x0, settings) for line in header)
            or (rest and rest[0].top - row[-1].bottom <= reach and has_gutter(rest[0], rule.x0, settings)
                and not _over_own_rule(rest, pieces, reach, settings))):
        return None
    # A header word too long for its cell runs on past its joint (a browser overflows a word it
    # cannot break), most of it in its own cell; a row's word never crosses one.
    if any(w.x0 < x < w.x1 for line in row for w in line.words for x in joints) or any(
            w.x0 < x < w.x1 and (w.x0 + w.x1) / 2 > x for line in header for w in line.words for x in joints) or not all(
            any(a <= w.x0 < b for line in header for w in line.words) for a, b in zip(xs, xs[1:])):
        return None
    edges = list(range(len(xs)))
    rows = [_row(header, edges, len(xs) - 1, xs), _row(row, edges, len(xs) - 1, xs)]
    return TableLayout(rows, header[0].top - 0.5, row[-1].bottom + 0.5, rule.x0, rule.x1)


def _over_own_rule(lines: list[Line], pieces: list[Segment], reach: float, settings: PdfSettings) -> bool:
    """The first of `lines` (sorted top down) and those a cell's leading under it are bold and
    stand on a rule of their own: a header over its rule, before any other line."""
    head = _cell_lines(lines, settings)
    rest = lines[len(head):]
    below = rest[0].top if rest else float("inf")
    return all(line.bold for line in head) and any(
        head[-1].bottom <= s.top <= min(head[-1].bottom + reach, below) and s.x0 < head[0].x1 and head[0].x0 < s.x1
        for s in pieces)


def _cell_lines(lines: list[Line], settings: PdfSettings) -> list[Line]:
    """The first of `lines` and those after it a cell's leading apart (lines given nearest first)."""
    out = [lines[0]]
    for line in lines[1:]:
        if max(line.top - out[-1].bottom, out[-1].top - line.bottom) > settings.cell_leading * line.size:
            break
        out.append(line)
    return out


def _merge_collinear(segments: list[Segment], horizontal: bool, settings: PdfSettings) -> list[Segment]:
    """One segment per stretch of ruling: cell-by-cell strokes and double borders become one."""
    def position(s: Segment) -> float:
        return s.top if horizontal else s.x0

    def span(s: Segment) -> tuple[float, float]:
        return (s.x0, s.x1) if horizontal else (s.top, s.bottom)

    # Rulings at (nearly) one position, then each such group merged along its length.
    groups: list[list[Segment]] = []
    for seg in sorted(segments, key=position):
        if groups and position(seg) - position(groups[-1][0]) <= settings.snap:
            groups[-1].append(seg)
        else:
            groups.append([seg])
    merged: list[Segment] = []
    for group in groups:
        at = position(group[0])
        ordered = sorted(group, key=span)
        start, end = span(ordered[0])
        for seg in ordered[1:]:
            lo, hi = span(seg)
            if lo <= end + settings.snap:
                end = max(end, hi)
                continue
            merged.append(_segment(at, start, end, horizontal))
            start, end = lo, hi
        merged.append(_segment(at, start, end, horizontal))
    return merged


def _segment(at: float, start: float, end: float, horizontal: bool) -> Segment:
    return Segment(start, at, end, at) if horizontal else Segment(at, start, at, end)


def _touch(h: Segment, v: Segment, tolerance: float) -> bool:
    return (h.x0 - tolerance <= v.x0 <= h.x1 + tolerance
            and v.top - tolerance <= h.top <= v.bottom + tolerance)


def _grids(horizontal: list[Segment], vertical: list[Segment], lines: list[Line],
           settings: PdfSettings) -> tuple[list[tuple[list[Segment], list[Segment]]], Padding | None]:
    """Connected groups of rulings: a row rule and a column rule that touch are connected. Row
    rules that touch no column rule are a table drawn with row rules (or shading) only: each is
    connected to the next one below it across most of its width when they bound one table
    (`_same_table`). Also the padding of the page's rows between such rules."""
    nodes = horizontal + vertical
    parent = list(range(len(nodes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    n_h = len(horizontal)
    tol = settings.snap
    loose: list[int] = []
    for i, h in enumerate(horizontal):
        touching = [j for j, v in enumerate(vertical) if _touch(h, v, tol)]
        for j in touching:
            parent[find(i)] = find(n_h + j)
        if not touching:
            loose.append(i)
    loose.sort(key=lambda k: horizontal[k].top)
    free = set(loose)
    gridded = [h for i, h in enumerate(horizontal) if i not in free]
    pairs = []
    for n, a in enumerate(loose):
        b = next((b for b in loose[n + 1:] if _overlap(horizontal[a], horizontal[b]) >= 0.5), None)
        if b is not None:
            pairs.append((a, b))
    pad = page_padding([(horizontal[a], horizontal[b]) for a, b in pairs], lines, settings)
    over = {b: a for a, b in pairs}
    for a, b in pairs:
        upper, lower = horizontal[a], horizontal[b]
        # A grid between two row rules is a table of its own: the rules around it are not one table.
        if any(upper.top < h.top < lower.top and _overlap(upper, h) > 0 for h in gridded):
            continue
        if _same_table(upper, lower, lines, pad, settings) or (
                a in over and _row_under_header(horizontal[over[a]], upper, lower, lines, pad, settings)):
            parent[find(a)] = find(b)
    groups: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for i, seg in enumerate(nodes):
        h_list, v_list = groups.setdefault(find(i), ([], []))
        (h_list if i < n_h else v_list).append(seg)
    return [g for g in groups.values() if g[0]], pad


def _row_under_header(header_top: Segment, upper: Segment, lower: Segment, lines: list[Line],
                      pad: Padding | None, settings: PdfSettings) -> bool:
    """What stands between two rules under a band of bold lines only, a header of several
    cells, is a row of its table, for a table does not end with its header: the rest of a row
    the page break cut (plain text without gutters, a comment going on with a blank line,
    however far from the rule; another bold level is the header's own), or nothing, a row's
    height apart (a header level the producer repeats empty after a page break), not the
    margin between two tables. A row has room for a line of the header's and the page's
    padding around it, and is no taller than the header; a margin too low for a line of text
    is no row (a header printed as a table of its own right over the table it heads)."""
    def band(top: Segment, bottom: Segment) -> list[Line]:
        return [line for line in lines if top.top < (line.top + line.bottom) / 2 < bottom.top
                and max(top.x0, bottom.x0) <= (line.x0 + line.x1) / 2 <= min(top.x1, bottom.x1)]

    head, rows = band(header_top, upper), band(upper, lower)
    if not head or not all(line.bold for line in head) or _overlap(upper, lower) < 0.9 or _overlap(
            header_top, upper) < 0.9:
        return False
    if not rows:
        room = max(line.bottom - line.top for line in head) + (pad.top + pad.bottom if pad is not None else 0.0)
        return room <= lower.top - upper.top <= upper.top - header_top.top + settings.snap
    x0 = max(upper.x0, lower.x0)
    return (any(has_gutter(line, x0, settings) for line in head) and lower.top - upper.top <= settings.max_row_height
            and not any(line.bold or has_gutter(line, x0, settings) for line in rows))


def _overlap(a: Segment, b: Segment) -> float:
    """How much of the shorter of two horizontal rules the other one covers."""
    shorter = min(a.x1 - a.x0, b.x1 - b.x0)
    return (min(a.x1, b.x1) - max(a.x0, b.x0)) / shorter if shorter > 0 else 0.0


def _same_table(upper: Segment, lower: Segment, lines: list[Line], pad: Padding | None,
                settings: PdfSettings) -> bool:
    """Two row rules bound one table unless the text between them says otherwise: a caption
    between them starts another table, and so does a header after a gap wider than rows leave;
    text that fills the band as the page's rows do is a row (a comment, however long); nothing
    between them is the margin between two tables (rules closer than `snap` are one already). Otherwise text without any column gutter is
    a paragraph or notes between two tables, unless it is a row or two between close rules (a
    label row), and text with gutters is the table's body, however tall."""
    x0, x1 = max(upper.x0, lower.x0), min(upper.x1, lower.x1)
    band = [line for line in lines if upper.top < (line.top + line.bottom) / 2 < lower.top
            and x0 <= (line.x0 + line.x1) / 2 <= x1]
    if any(CAPTION.match(line.text) for line in band):
        return False
    if pad is not None:
        if not band:
            return False
        if starts_new_table(upper, lower, lines, pad, settings) or tops_next_table(upper, lower, lines, pad, settings):
            return False
        if fills_band(upper, lower, lines, pad, settings):
            return True
    if any(has_gutter(line, x0, settings) for line in band):
        return True
    return lower.top - upper.top <= settings.max_row_height and len(band) < settings.min_rule_band_lines


def _cluster(values: list[float], tolerance: float) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if out and value - out[-1] <= tolerance:
            continue
        out.append(value)
    return out


def _grid_table(lines: list[Line], h_group: list[Segment], v_group: list[Segment], pad: Padding | None,
                rules: list[Segment], settings: PdfSettings) -> TableLayout | None:
    tol = settings.snap
    x0 = min([s.x0 for s in h_group] + [s.x0 for s in v_group])
    x1 = max([s.x1 for s in h_group] + [s.x1 for s in v_group])
    top = min([s.top for s in h_group] + [s.top for s in v_group])
    bottom = max([s.bottom for s in h_group] + [s.bottom for s in v_group])
    ys = _cluster([s.top for s in h_group] + [top, bottom], tol)
    inner = [line for line in (_clip(line, x0, x1, top, bottom) for line in lines) if line is not None]
    if len(ys) < 2 or not inner:
        return None
    xs = _cluster([s.x0 for s in v_group] + [x0, x1], tol)
    if len(xs) <= 2:
        if pad is not None or _row_per_band(inner, ys):
            if pad is not None:
                top, bottom = band_ends(lines, (x0, top, x1, bottom), pad, rules, settings)
            else:
                top, bottom = _unruled_ends(lines, x0, x1, top, bottom, settings)
            ys = _cluster(ys + [top, bottom], tol)
            inner = [line for line in (_clip(line, x0, x1, top, bottom) for line in lines) if line is not None]
        found = find_gutters(inner, settings, x0)
        if found:
            return band_table(inner, ys, found, (x0, top, x1, bottom), pad, settings)
    if len(xs) < 3 and len(ys) < 3:
        return None  # a box around text (a frame, a callout), not a table
    rows: list[tuple[RowLayout, int]] = []  # each row and the band it starts in
    for r, band in enumerate(_bands(inner, ys)):
        if not band:
            continue
        edges = _row_edges(band, xs, v_group, (ys[r] + ys[r + 1]) / 2, tol)
        groups = unbroken(figure_rows(band, xs[1:-1]), xs[1:-1])
        row = _row(groups[0], edges, len(xs) - 1, xs)
        if len(groups) == 1 and rows and rows[-1][1] == r - 1 and _spans_down(rows[-1][0], row, h_group, xs,
                                                                                   ys[r], tol):
            continue
        rows += [(row, r)] + [(_row(group, edges, len(xs) - 1, xs), r) for group in groups[1:]]
    if not rows:
        return None
    return TableLayout([row for row, _ in rows], top, bottom, x0, x1)


def _bands(lines: list[Line], ys: list[float]) -> list[list[Line]]:
    """The lines whose middle lies in each band between `ys` (rising, as `_cluster` gives them),
    in their order: each line's band found by bisection, not by every band scanning every line."""
    bands: list[list[Line]] = [[] for _ in ys]  # the last, above the last of ys, is dropped
    for line in lines:
        if (r := bisect_right(ys, (line.top + line.bottom) / 2) - 1) >= 0:
            bands[r].append(line)
    return bands[:-1]


def _spans_down(above: RowLayout, row: RowLayout, h_group: list[Segment], xs: list[float], y: float,
                tol: float) -> bool:
    """Cells of `above` that no rule at `y` closes go on into `row`: their lines join them and
    they span one row more. True when every cell of `row` with text went into a cell above
    (the band is no row of its own, only the lower half of taller cells)."""
    def closed(k: int) -> bool:
        mid = (xs[k] + xs[k + 1]) / 2
        return any(abs(h.top - y) <= tol and h.x0 - tol <= mid <= h.x1 + tol for h in h_group)

    open_cells = [k for k, cell in enumerate(above.cells) if not closed(k)]
    if not open_cells or len(open_cells) == len(above.cells):
        return False
    for k in open_cells:
        above.cells[k].lines += row.cells[k].lines
        above.cells[k].rows += 1
        row.cells[k].lines = []
    return not any(cell.lines for cell in row.cells)


def _row_per_band(inner: list[Line], ys: list[float]) -> bool:
    """Most bands between the rules hold one line: the rules or shading part every row."""
    held = sorted(n for band in _bands(inner, ys) if (n := len(band)))
    return bool(held) and held[len(held) // 2] <= 1


def _unruled_ends(lines: list[Line], x0: float, x1: float, top: float, bottom: float,
                  settings: PdfSettings) -> tuple[float, float]:
    """A table whose rows are parted by shading bands starts and ends with unshaded rows as
    often as not (zebra: every other row shaded): the lines with column gutters right above the first band
    and right below the last go with it, as far as they follow each other closely."""
    within = [line for line in lines if x0 <= (line.x0 + line.x1) / 2 <= x1 and not CAPTION.match(line.text)]
    for line in sorted((line for line in within if line.bottom <= top + 0.5), key=lambda line: -line.top):
        if top - line.bottom > settings.band_reach * (line.bottom - line.top) or len(cell_runs(line, settings)) < 2:
            break
        top = line.top - 0.5
    for line in sorted((line for line in within if line.top >= bottom - 0.5), key=lambda line: line.top):
        if line.top - bottom > settings.band_reach * (line.bottom - line.top) or len(cell_runs(line, settings)) < 2:
            break
        bottom = line.bottom + 0.5
    return top, bottom


def _clip(line: Line, x0: float, x1: float, top: float, bottom: float) -> Line | None:
    mid = (line.top + line.bottom) / 2
    if not top <= mid <= bottom:
        return None
    return _part(line, [w for w in line.words if x0 <= (w.x0 + w.x1) / 2 <= x1])


def _part(line: Line, words: list[Word]) -> Line | None:
    """The line cut to `words`, some of its own in its order; None for none."""
    if not words:
        return None
    if len(words) == len(line.words):  # the line whole (most are, in a cell): a copy with its text
        return line_as_made(words, words[0].x0, max([w.x1 for w in words]), line.top, line.bottom, line.text,
                            line.size, line.bold)
    return Line(words, words[0].x0, max([w.x1 for w in words]), line.top, line.bottom)


def _row_edges(band: list[Line], xs: list[float], v_group: list[Segment], y: float, tol: float) -> list[int]:
    """Indices into xs of the column edges drawn across this row band (outer edges included)."""
    drawn = [0] + [k for k in range(1, len(xs) - 1)
                   if any(abs(v.x0 - xs[k]) <= tol and v.top - tol <= y <= v.bottom + tol for v in v_group)] \
        + [len(xs) - 1]
    if len(drawn) > 2 or len(xs) <= 2:
        return drawn
    # No inner edge drawn in this band. Text flowing across where the edges would be is one cell
    # across the table (a comment row); otherwise the row simply has no vertical rules (shaded
    # or open grid) and takes the table's columns.
    crossing = any(w.x0 < xs[k] - tol < xs[k] + tol < w.x1 for line in band for w in line.words
                   for k in range(1, len(xs) - 1))
    return drawn if crossing else list(range(len(xs)))


def _row(band: list[Line], edges: list[int], n_columns: int, xs: list[float]) -> RowLayout:
    """Cells of one row; a cell merged over several grid columns puts its text at its first
    column and leaves the others empty."""
    cells = [CellLayout([], xs[k + 1]) for k in range(n_columns)]
    # Each word's middle once, not once per cell; a cell takes those within its edges, as `_clip`.
    middles = [(line, [((w.x0 + w.x1) / 2, w) for w in line.words]) for line in band
               if -1e9 <= (line.top + line.bottom) / 2 <= 1e9]
    for a, b in zip(edges, edges[1:]):
        left, right = xs[a], xs[b]
        cells[a].lines = [part for line, placed in middles
                          if (part := _part(line, [w for mid, w in placed if left <= mid <= right]))]
        # Cell padding is the same on both sides.
        pad = min((line.x0 for line in cells[a].lines), default=xs[a]) - xs[a]
        cells[a].right = xs[b] - max(pad, 0.0)
        cells[a].columns = b - a
    spanning = n_columns > 1 and len(edges) == 2
    header = all(w.bold for line in band for w in line.words)
    return RowLayout(cells, min(line.top for line in band), spanning, header)
