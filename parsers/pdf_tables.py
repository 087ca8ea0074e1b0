"""Tables on one page, before their text is joined: which lines belong to which cell.

Two ways to find a table:
- ruled: rulings that touch each other form a grid; the grid's lines are the row and column
  edges, and a column edge missing across a row band means the cells there are merged. A grid
  with row rules but no column rules (only horizontal lines, or shaded rows) takes its columns
  from the text's alignment, as a line-free table does.
- line-free: lines with a column gutter in them, plus the lines that run on from them, form a
  table; columns are the vertical strips that no word of those lines crosses, rows are told
  apart by the extra space between rows (or, failing that, by text in the first column).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from parsers.pdf_model import LIST_MARKERS, Line, PdfSettings, Segment, Word
from parsers.pdf_rows import column_of, is_figure, row_groups


@dataclass(slots=True)
class CellLayout:
    lines: list[Line]
    # The right edge text in this cell can reach: a line that stops short of it by more than the
    # next line's first word ended a paragraph inside the cell.
    right: float


@dataclass(slots=True)
class RowLayout:
    cells: list[CellLayout]
    top: float
    spanning: bool = False
    header: bool = False


@dataclass(slots=True)
class TableLayout:
    rows: list[RowLayout]
    top: float
    bottom: float
    x0: float
    x1: float
    # Line-free tables only: the strips between their columns and their text size, for a table
    # that goes on from this one to take its columns from.
    gutters: list[tuple[float, float]] = field(default_factory=list)
    size: float = 0.0


# ---------------------------------------------------------------- ruled tables

def ruled_tables(lines: list[Line], segments: list[Segment], settings: PdfSettings) -> list[TableLayout]:
    horizontal = _merge_collinear([s for s in segments if s.horizontal], True, settings)
    vertical = _merge_collinear([s for s in segments if not s.horizontal], False, settings)
    tables = []
    for h_group, v_group in _grids(horizontal, vertical, settings):
        table = _grid_table(lines, h_group, v_group, settings)
        if table is not None:
            tables.append(table)
    return tables


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


def _grids(horizontal: list[Segment], vertical: list[Segment],
           settings: PdfSettings) -> list[tuple[list[Segment], list[Segment]]]:
    """Connected groups of rulings: a row rule and a column rule that touch are connected. Row
    rules that touch no column rule are a table drawn with row rules (or shading) only: those
    with the same left and right ends, one close below the other, are connected too."""
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
    for a, b in zip(loose, loose[1:]):
        upper, lower = horizontal[a], horizontal[b]
        if (abs(upper.x0 - lower.x0) <= tol and abs(upper.x1 - lower.x1) <= tol
                and lower.top - upper.top <= settings.max_row_height):
            parent[find(a)] = find(b)
    groups: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for i, seg in enumerate(nodes):
        h_list, v_list = groups.setdefault(find(i), ([], []))
        (h_list if i < n_h else v_list).append(seg)
    return [g for g in groups.values() if g[0]]


def _cluster(values: list[float], tolerance: float) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if out and value - out[-1] <= tolerance:
            continue
        out.append(value)
    return out


def _grid_table(lines: list[Line], h_group: list[Segment], v_group: list[Segment],
                settings: PdfSettings) -> TableLayout | None:
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
        # Row rules or shading only: the columns are where the text leaves gutters.
        found = _gutters(inner, settings, x0)
        xs = [x0] + [(lo + hi) / 2 for lo, hi in found] + [x1]
        v_group = [Segment(x, top, x, bottom) for x in xs]
    if len(xs) < 3 and len(ys) < 3:
        return None  # a box around text (a frame, a callout), not a table
    rows = []
    for r in range(len(ys) - 1):
        band = [line for line in inner if ys[r] <= (line.top + line.bottom) / 2 < ys[r + 1]]
        if not band:
            continue
        edges = _row_edges(band, xs, v_group, (ys[r] + ys[r + 1]) / 2, tol)
        rows.append(_row(band, edges, len(xs) - 1, xs))
    if not rows:
        return None
    return TableLayout(rows, top, bottom, x0, x1)


def _clip(line: Line, x0: float, x1: float, top: float, bottom: float) -> Line | None:
    mid = (line.top + line.bottom) / 2
    if not top <= mid <= bottom:
        return None
    words = [w for w in line.words if x0 <= (w.x0 + w.x1) / 2 <= x1]
    if not words:
        return None
    return Line(words, words[0].x0, max(w.x1 for w in words), line.top, line.bottom)


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
    for a, b in zip(edges, edges[1:]):
        cells[a].lines = [line for line in (_clip(line, xs[a], xs[b], -1e9, 1e9) for line in band) if line]
        # Cell padding is the same on both sides.
        pad = min((line.x0 for line in cells[a].lines), default=xs[a]) - xs[a]
        cells[a].right = xs[b] - max(pad, 0.0)
    spanning = n_columns > 1 and len(edges) == 2
    header = all(w.bold for line in band for w in line.words)
    return RowLayout(cells, min(line.top for line in band), spanning, header)


# ---------------------------------------------------------------- line-free tables

def free_tables(lines: list[Line], settings: PdfSettings,
                carried: TableLayout | None = None) -> list[tuple[int, int, TableLayout]]:
    """Tables made by whitespace alignment among `lines` (top to bottom, outside ruled tables):
    (first line index, end line index, table). `carried` is a line-free table that ended just
    before `lines` begin (at the foot of the previous page): a table that goes on from it, or
    from a table right above it on this page, keeps its columns, so columns that happen to be
    empty on this stretch are not lost."""
    left = _left_margin(lines)
    out: list[tuple[int, int, TableLayout]] = []
    i = 0
    while i < len(lines):
        before = out[-1][2] if out and out[-1][1] == i else carried if i == 0 else None
        if before is None and not _structured(lines[i], left, settings):
            i += 1
            continue
        end = _region_end(lines, i, settings)
        table = _free_table(lines[i:end], left, settings, before)
        if table is None:
            i += 1
            continue
        split = _next_header(table)
        if split is not None:
            # A header row after body rows starts the next table: tables that follow each other
            # closely are still separate tables.
            end = i + next(k for k, line in enumerate(lines[i:end]) if line.top == split)
            table = _free_table(lines[i:end], left, settings, before)
            if table is None:
                i = end
                continue
        out.append((i, end, table))
        i = end
    return out


def _next_header(table: TableLayout) -> float | None:
    """The top of the first header row that comes after a body row. A bold row with one cell
    (a comment's label) is not a header: a header names several columns; nor is a bold row of
    figures (a total): a header names, it does not count."""
    seen_body = False
    for row in table.rows:
        texts = [" ".join(line.text for line in cell.lines) for cell in row.cells if cell.lines]
        if row.header and seen_body and len(texts) >= 2 and not any(is_figure(t) for t in texts[1:]):
            return row.top
        seen_body = seen_body or not row.header
    return None


def _left_margin(lines: list[Line]) -> float:
    counts: dict[int, int] = {}
    for line in lines:
        counts[round(line.x0)] = counts.get(round(line.x0), 0) + 1
    return float(max(counts, key=lambda x: (counts[x], -x))) if counts else 0.0


def _segments(line: Line, settings: PdfSettings, starts: list[float] | tuple[()] = ()) -> list[list[Word]]:
    """The line's words in runs split at gaps wide enough to be column gutters, or, given where
    the table's columns start, at a gap wider than a word space before a word that starts a
    column. The space after a list bullet is an indent, not a gutter."""
    runs = [[line.words[0]]]
    gutter = settings.column_gap * line.size
    narrow = settings.cell_gap * line.size
    for a, b in zip(line.words, line.words[1:]):
        gap = b.x0 - a.x1
        if (gap >= narrow and a.text not in LIST_MARKERS
                and (gap >= gutter or any(a.x1 < start <= b.x0 + 0.5 for start in starts))):
            runs.append([b])
        else:
            runs[-1].append(b)
    return runs


def _wide_gaps(line: Line, left: float, settings: PdfSettings) -> list[tuple[float, float]]:
    """Gaps on the line wide enough to be column gutters; an indent far from the text's left
    margin counts too, since a continuation line may start in a later column."""
    runs = _segments(line, settings)
    gaps = [(a[-1].x1, b[0].x0) for a, b in zip(runs, runs[1:])]
    if line.x0 - left >= 2 * settings.column_gap * line.size:
        gaps.insert(0, (left, line.x0))
    return gaps


def _structured(line: Line, left: float, settings: PdfSettings) -> bool:
    return bool(_wide_gaps(line, left, settings))


def _region_end(lines: list[Line], start: int, settings: PdfSettings) -> int:
    """The table runs on over lines of its own text size that follow closely."""
    size = lines[start].size
    end = start + 1
    while end < len(lines):
        line, previous = lines[end], lines[end - 1]
        height = previous.bottom - previous.top
        if abs(line.size - size) > 0.1 * size or line.top - previous.bottom > 1.5 * height:
            break
        end += 1
    return end


def _open_strips(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The stretches between the spans that no span covers."""
    out: list[tuple[float, float]] = []
    reach = None
    for a, b in sorted(spans):
        if reach is not None and a > reach:
            out.append((reach, a))
        reach = b if reach is None else max(reach, b)
    return out


def _bridges(x0: float, x1: float, strips: list[tuple[float, float]]) -> bool:
    return any(x0 < lo and hi < x1 for lo, hi in strips)


def _gutters(lines: list[Line], settings: PdfSettings, left: float) -> list[tuple[float, float]]:
    """Vertical strips that no word of a column-structured line covers, and that more of those
    lines start or end a column at (a wide gap with an edge on the strip's edge) than run across
    with a plain word space: the spaces between columns.

    The body decides where the strips are: a header cell that names a group of columns
    ("augusti 2017" over Budget, Utfall, Förbrukn) runs across the gaps between them, so a run
    of words of a bold or sparse line that bridges a gap the body leaves open does not close it."""
    structured = [line for line in lines if _structured(line, left, settings)]
    runs = {id(line): [(run[0].x0, max(w.x1 for w in run)) for run in _segments(line, settings)]
            for line in structured}
    densest = max((len(runs[id(line)]) for line in structured if not line.bold), default=0)
    # A line with far fewer cells than the densest is a header over groups of columns too
    # ("Actual" over five years), bold or not.
    body = [line for line in structured
            if not line.bold and len(runs[id(line)]) * settings.spanning_share >= densest] or structured
    spans = [(w.x0, w.x1) for line in body for w in line.words]
    body_strips = _open_strips(spans)
    if body is not structured:
        chosen = {id(line) for line in body}
        for line in structured:
            if id(line) not in chosen:
                spans.extend(run for run in runs[id(line)] if not _bridges(*run, body_strips))
    wide = [_wide_gaps(line, left, settings) for line in structured]
    out = []
    for lo, hi in _open_strips(spans):
        votes = 0
        for line, gaps in zip(structured, wide):
            around = [(g_lo, g_hi) for g_lo, g_hi in gaps if g_lo <= lo + 0.01 and hi - 0.01 <= g_hi]
            if around:
                votes += any(abs(g_hi - hi) < 1.0 or abs(g_lo - lo) < 1.0 for g_lo, g_hi in around)
            elif any(a.x1 <= lo + 0.01 and hi - 0.01 <= b.x0 for a, b in zip(line.words, line.words[1:])):
                votes -= 1  # the line runs across the strip with an ordinary space
        if votes > 0:
            out.append((lo, hi))
    return out


def _narrowed(gutters: list[tuple[float, float]], lines: list[Line],
              settings: PdfSettings) -> list[tuple[float, float]] | None:
    """The gutters narrowed to the space that all of `lines` leave free: a wrapped line of a
    cell can reach further right than the lines that show the columns, and a run of words that
    starts inside a gutter starts a cell there. A plain line that runs across a gutter is a row
    of one cell, and a bold one a header cell over several columns; neither narrows anything.
    None when a line with columns of its own runs across a gutter: the lines do not fit these
    columns."""
    strips = list(gutters)
    for line in lines:
        runs = [(run[0].x0, max(w.x1 for w in run)) for run in _segments(line, settings)]
        if any(_bridges(*run, strips) for run in runs):
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


def _free_table(lines: list[Line], left: float, settings: PdfSettings,
                before: TableLayout | None) -> TableLayout | None:
    structured = [line for line in lines if _structured(line, left, settings)]
    own = _own_gutters(lines, structured, left, settings) if _enough(structured, left, settings) else []
    gutters = own
    if before is not None and structured and abs(lines[0].size - before.size) <= 0.1 * before.size:
        kept = _narrowed(before.gutters, lines, settings)
        if kept is not None and all(any(lo < b_hi and b_lo < hi for b_lo, b_hi in kept) for lo, hi in own):
            gutters = kept
    if not gutters:
        return None
    bounds = [(lo + hi) / 2 for lo, hi in gutters]
    x0 = min(line.x0 for line in lines)
    x1 = max([line.x1 for line in lines] + ([before.x1] if gutters is not own and before else []))
    rights = _column_rights(structured, bounds, gutters, x1, settings)
    starts = [hi for _, hi in gutters]
    rows = [_free_row(group, bounds, starts, rights, settings)
            for group in row_groups(lines, bounds, rights, settings)]
    return TableLayout(rows, lines[0].top, lines[-1].bottom, x0, x1, gutters, max(line.size for line in lines))


def _column_rights(structured: list[Line], bounds: list[float], gutters: list[tuple[float, float]],
                   x1: float, settings: PdfSettings) -> list[float]:
    """Where each column's text can reach: the widest text in it among the lines that show the
    columns. Lines of one cell's own that reach further may be a row across the table, so they
    do not move it; a narrower estimate only keeps fewer paragraph breaks inside a cell."""
    widest: dict[int, float] = {}
    for line in structured:
        for run in _segments(line, settings):
            k = column_of(run[0], bounds)
            widest[k] = max(widest.get(k, 0.0), max(w.x1 for w in run))
    # The last column reaches the table's right edge, which a row across the table reaches too.
    return [min(lo, widest.get(k, lo)) for k, (lo, _) in enumerate(gutters)] + [x1]


def _enough(structured: list[Line], left: float, settings: PdfSettings) -> bool:
    if len(structured) >= settings.min_table_lines:
        return True
    return any(len(_wide_gaps(line, left, settings)) + 1 >= settings.min_lone_row_columns for line in structured)


def _own_gutters(lines: list[Line], structured: list[Line], left: float,
                 settings: PdfSettings) -> list[tuple[float, float]]:
    found = _gutters(lines, settings, left)
    bounds = [(lo + hi) / 2 for lo, hi in found]
    # A column that words start in on one line only (a wide space inside a cell) is no column,
    # unless the table is that short or the line is a header, which names every column even
    # when the body leaves one empty; a column no line starts in is an indent.
    support = Counter(k for line in structured for k in {column_of(w, bounds) for w in line.words}
                      for _ in range(2 if line.bold else 1))
    needed = 2 if len(structured) > 2 else 1
    used = sorted(k for k, n in support.items() if n >= needed)
    if len(used) < 2:
        return []
    found = [found[k - 1] for k in used[1:]]
    x0 = min(line.x0 for line in lines)
    if x0 - left >= 2 * settings.column_gap * lines[0].size:
        # Every line starts a column's width right of the text's margin: the first column is
        # there, and empty.
        found.insert(0, (left, x0))
    return _narrowed(found, lines, settings) or found


def _crosses(line: Line, bounds: list[float]) -> bool:
    return any(w.x0 < b < w.x1 for w in line.words for b in bounds)


def _free_row(lines: list[Line], bounds: list[float], starts: list[float], rights: list[float],
              settings: PdfSettings) -> RowLayout:
    n_columns = len(bounds) + 1
    header = all(w.bold for line in lines for w in line.words)
    plain = all(len(_segments(line, settings, starts)) == 1 for line in lines)
    if plain and any(_crosses(line, bounds) for line in lines):
        # Running text across the column edges: one cell across the table (a comment row).
        cells = [CellLayout(lines, rights[-1])] + [CellLayout([], r) for r in rights[1:]]
        return RowLayout(cells, lines[0].top, spanning=True, header=header)
    per_column: list[list[Line]] = [[] for _ in range(n_columns)]
    for line in lines:
        # A run of words belongs to the column it starts in: a header cell merged over several
        # columns gives its text at its first column.
        for run in _segments(line, settings, starts):
            k = column_of(run[0], bounds)
            per_column[k].append(Line(run, run[0].x0, max(w.x1 for w in run), line.top, line.bottom))
    cells = [CellLayout(col, rights[k]) for k, col in enumerate(per_column)]
    return RowLayout(cells, lines[0].top, header=header)
