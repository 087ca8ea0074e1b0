"""Tables drawn with row rules or shading only (browsers' and LibreOffice's table styles:
horizontal rules, zebra bands): a shaded band is a row, its top and bottom are row separators
and its sides the table's extent, never column edges. A run of such rules with the text between
them is one table as long as the text fills the space between two rules as a row's cells do
(the cell padding above and below it, the spacing of a cell's lines inside), and the rows just
above the first rule and below the last (a header standing on its rule, the unshaded first and
last rows of a zebra table) go with it (`pdf_band_ends`). The columns come from the text's
alignment, as in a line-free table (`pdf_columns`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile

from parsers.pdf_columns import (
    bridges,
    cell_runs,
    column_rights,
    free_row,
    has_gutter,
    median,
    narrow_gutters,
)
from parsers.pdf_layout import RowLayout, TableLayout
from parsers.pdf_model import Line, PdfSettings, Segment
from parsers.pdf_rows import (
    clearly_wider,
    column_of,
    column_parts,
    figure_rows,
    is_figure,
    row_break,
    row_groups,
)

# A figure broken after a hyphen at a narrow cell's edge: digits, then the hyphen.
_BROKEN_FIGURE = re.compile(r"\d-$")


@dataclass(frozen=True, slots=True)
class Padding:
    """The space a page's rule-bounded rows leave between a rule and the text: above the first
    line (`top`) and below the last (`bottom`), the cell padding of its table style."""

    top: float
    bottom: float


def _between(lines: list[Line], upper: Segment, lower: Segment) -> list[Line]:
    x0, x1 = max(upper.x0, lower.x0), min(upper.x1, lower.x1)
    return [line for line in lines if upper.top < (line.top + line.bottom) / 2 < lower.top
            and x0 <= (line.x0 + line.x1) / 2 <= x1]


def page_padding(pairs: list[tuple[Segment, Segment]], lines: list[Line], settings: PdfSettings) -> Padding | None:
    """The typical padding between a rule and the text of the row it bounds, from the pairs of
    rules whose text has column gutters (rows of a table for sure); None when no pair has."""
    tops, bottoms = [], []
    for upper, lower in pairs:
        band = _between(lines, upper, lower)
        if band and any(has_gutter(line, max(upper.x0, lower.x0), settings) for line in band):
            tops.append(band[0].top - upper.top)
            bottoms.append(lower.top - band[-1].bottom)
    return Padding(median(tops), median(bottoms)) if tops else None


def fills_band(upper: Segment, lower: Segment, lines: list[Line], pad: Padding, settings: PdfSettings) -> bool:
    """The text between two rules sits in them as rows of one table: as close to each rule as
    the page's rows are, and with no gap wider than the padding between two rows inside. Notes
    or a paragraph between two tables keep the tables' margins away from the rules."""
    band = _between(lines, upper, lower)
    if not band:
        return False
    slack = settings.band_slack
    if band[0].top - upper.top > pad.top + slack or lower.top - band[-1].bottom > pad.bottom + slack:
        return False
    return all(b.top - a.bottom <= pad.top + pad.bottom + slack for a, b in zip(band, band[1:]))


def starts_new_table(upper: Segment, lower: Segment, lines: list[Line], pad: Padding, settings: PdfSettings) -> bool:
    """The upper rule ends a table: the text under it keeps a margin away from it, wider than
    the padding of the page's rows; or after a gap wider than two rows are apart comes a bold
    line with gutters (the next table's header: the lower rule is its header rule, however
    close the tables are), a line left of where the rows' text starts (a heading or paragraph
    after the table, set on the page's margin without a cell's padding) or a line set larger
    than the rows (a heading or paragraph, though set where the cells' text starts)."""
    band = _between(lines, upper, lower)
    if not band or band[0].top - upper.top > pad.top + settings.band_slack:
        return True
    x0 = max(upper.x0, lower.x0)
    structured = [line for line in band if has_gutter(line, x0, settings)]
    inset = min((line.x0 for line in structured), default=x0)
    # Text larger than the rows' is no row of theirs: a heading, or the page's body text.
    larger = settings.heading_ratio * min((line.size for line in structured), default=float("inf"))
    return any(b.top - a.bottom > pad.top + pad.bottom + settings.band_slack
               and ((b.bold and has_gutter(b, x0, settings)) or b.x0 < inset - settings.band_slack or b.size > larger)
               for a, b in zip(band, band[1:]))


def tops_next_table(upper: Segment, lower: Segment, lines: list[Line], pad: Padding, settings: PdfSettings) -> bool:
    """The lower rule is the top of the next table: the text above it keeps further from it
    than the page's rows keep from the rule under them (the table above ends without a foot
    rule, a header over no rows), and a header stands right under it (bold lines, one of them
    with gutters, before any plain line)."""
    band = _between(lines, upper, lower)
    slack = settings.band_slack
    if not band or lower.top - band[-1].bottom <= pad.bottom + slack:
        return False
    under = sorted((line for line in lines if (line.top + line.bottom) / 2 > lower.top
                    and lower.x0 <= (line.x0 + line.x1) / 2 <= lower.x1), key=lambda line: line.top)
    head = list(takewhile(lambda line: line.bold, under))
    return bool(head) and head[0].top - lower.top <= pad.top + slack and any(
        has_gutter(line, lower.x0, settings) for line in head)



def band_table(inner: list[Line], ys: list[float], gutters: list[tuple[float, float]],
               box: tuple[float, float, float, float], pad: Padding | None, settings: PdfSettings) -> TableLayout:
    """Row rules or shading only: the columns are where the text leaves gutters, and the rules
    part rows, but a band between two rules may hold several rows (rules under the header and
    at the foot only), told apart as in a line-free table. A band whose lines are closer than
    rows are apart is one row, as a grid's band is: a comment under its bold label, a wrapped
    cell, unless figures stand under figures. A band of bold lines only is one
    header row, its cells wrapped over several lines (set on the rule below, bottom-aligned),
    unless a line of it names a group of columns across a gutter: then each line is a level."""
    x0, top, x1, bottom = box
    # A header cell set left over a column of right-aligned figures starts inside the gutter.
    gutters = _unbridged(gutters, inner, settings)
    gutters = _header_starts(narrow_gutters(gutters, inner, settings) or gutters, inner, settings)
    gutters = _one_column_each(gutters, inner, settings)
    bounds = [(lo + hi) / 2 for lo, hi in gutters]
    # The last column's text reaches the table's edge less the cell padding its first column shows.
    inset = max(min(line.x0 for line in inner) - x0, 0.0)
    rights = column_rights([line for line in inner if has_gutter(line, x0, settings)], bounds, gutters, x1 - inset,
                           settings)
    starts = [hi for _, hi in gutters]
    bold, end = _header_end(inner, gutters, settings)
    labels = [run[0].x0 for line in inner[bold:end] for run in cell_runs(line, settings)]
    rows: list[RowLayout] = []
    for r in range(len(ys) - 1):
        band = [line for line in inner if ys[r] <= (line.top + line.bottom) / 2 < ys[r + 1]]
        if not band:
            continue
        if len(band) > 1 and all(line.bold for line in band) and not any(
                bridges(run[0].x0, max(w.x1 for w in run), gutters)
                for line in band for run in cell_runs(line, settings, starts)):
            rows.append(free_row(band, bounds, starts, rights, settings))
            continue
        # Bold lines of several cells over plain ones are the header over the first row (both
        # between the table's top and its first rule).
        head = next((k for k, line in enumerate(band) if not line.bold), len(band))
        if 0 < head < len(band) and any(len(cell_runs(line, settings, starts)) > 1 for line in band[:head]):
            rows.append(free_row(band[:head], bounds, starts, rights, settings))
            band = band[head:]
        gaps = [b.top - a.bottom for a, b in zip(band, band[1:])]
        one_row = pad is not None and all(gap < pad.top + pad.bottom - settings.band_slack for gap in gaps)
        structured = any(has_gutter(line, x0, settings) for line in band)
        if one_row and pad is not None and not structured and r > 0:
            # Under a rule (every band but the first, whose top may be a header's line) the
            # band's first line shows its rows' own top padding: the page's, measured over
            # header bands too (cells set lower in them), may be wider, and lines without
            # gutters set a row's padding apart (the rest of a cut row, a bold label, the
            # comment under it, in a body without rules between its rows) are rows.
            own = min(pad.top, max(band[0].top - ys[r], 0.0))
            one_row = all(gap < own + pad.bottom - settings.band_slack for gap in gaps)
        if one_row and len(band) > 2 and structured:
            # Rules under the header and at the foot only leave the body one band: where some of
            # its lines are clearly further apart than the closest, those gaps part its rows. A
            # band of running text only is one cell, its paragraphs spaced (a comment), however
            # far apart. (Lines that overlap stand side by side: no spacing to learn from.)
            spaced = [gap for gap in gaps if gap >= 0]
            threshold = row_break(spaced, max(line.size for line in band), settings)
            one_row = threshold is None or threshold < min(spaced)
            if threshold is not None and one_row:
                # Lines all further apart than a cell's leading are rows when a column shows
                # the leading between lines of a cell: figures centred beside a wrapped cell
                # overlap its lines, so that the line gaps are those between rows only.
                one_row = not clearly_wider(min(spaced), min(_column_gaps(band, bounds), default=min(spaced)),
                                            settings)
        groups = figure_rows(band, bounds) if one_row else row_groups(band, bounds, rights, settings)
        rows += [_left_set(_broken_at_edge(free_row(group, bounds, starts, rights, settings)), labels, bounds)
                 for group in unbroken(groups, bounds)]
    return TableLayout(rows, top, bottom, x0, x1, gutters, max(line.size for line in inner))


def _column_gaps(band: list[Line], bounds: list[float]) -> list[float]:
    """The gaps between the lines of each column, one over the next, that do not overlap and
    have no line of the band wholly between them."""
    columns: dict[int, list[Line]] = {}
    for line in band:
        for k, part in column_parts(line, bounds).items():
            columns.setdefault(k, []).append(part)
    return [b.top - a.bottom for parts in columns.values() for a, b in zip(parts, parts[1:])
            if b.top >= a.bottom and not any(a.bottom <= line.top and line.bottom <= b.top for line in band)]


def _broken_at_edge(row: RowLayout) -> RowLayout:
    """A figure broken after a hyphen reached its cell's edge (the rest did not fit there): the
    cell's text reaches no further, so the rest under it goes on the figure, not on a line of
    its own."""
    for cell in row.cells:
        for above, below in zip(cell.lines, cell.lines[1:]):
            if _BROKEN_FIGURE.search(above.text) and below.text[:1].isdigit():
                cell.right = min(cell.right, above.x1)
    return row


def unbroken(groups: list[list[Line]], bounds: list[float]) -> list[list[Line]]:
    """Rows of one band joined again where a figure breaks after a hyphen ("2013-12-" over
    "31"): the digits under it are the rest of that figure, not a row's. A dash standing alone
    is a placeholder for a figure, whole."""
    out = [groups[0]]
    for group in groups[1:]:
        above, here = column_parts(out[-1][-1], bounds), column_parts(group[0], bounds)
        if any(k in above and _BROKEN_FIGURE.search(above[k].text) and here[k].text[:1].isdigit() for k in here):
            out[-1] = out[-1] + group
        else:
            out.append(group)
    return out


def _unbridged(gutters: list[tuple[float, float]], inner: list[Line],
               settings: PdfSettings) -> list[tuple[float, float]]:
    """Without the strips narrower than cells are ever apart that a cell of a body row runs
    across with a word space ("100 %" where the column's other cells end at "100", "1 061,9"):
    a chance alignment of the text, no column edge. Figures wider apart than a thousands
    separator are columns of a tight table ("2006–07 2007–08")."""
    def bridged(lo: float, hi: float) -> bool:
        for line in inner:
            runs = cell_runs(line, settings)
            if line.bold or hi - lo >= settings.cell_gap * line.size or len(runs) < 2:
                continue
            # Halfway from a word break to a cell's padding, as `cell_runs` parts cells.
            narrow = (settings.word_gap + settings.cell_gap) / 2 * line.size
            if any(a.x1 <= lo and hi <= b.x0 and not (is_figure(a.text) and is_figure(b.text) and b.x0 - a.x1 >= narrow)
                   for run in runs for a, b in zip(run, run[1:])):
                return True
        return False

    return [(lo, hi) for lo, hi in gutters if not bridged(lo, hi)]


def _header_starts(gutters: list[tuple[float, float]], inner: list[Line],
                   settings: PdfSettings) -> list[tuple[float, float]]:
    """The gutters narrowed to end where a header cell starts inside them (a header set left
    over figures set right that start further right), though the header's line has a cell
    over several columns (which keeps `narrow_gutters` from narrowing by it)."""
    out = []
    for lo, hi in gutters:
        starts = [run[0].x0 for line in inner if line.bold for run in cell_runs(line, settings)
                  if lo < run[0].x0 < hi]
        out.append((lo, min(starts, default=hi)))
    return out


def _one_column_each(gutters: list[tuple[float, float]], inner: list[Line],
                     settings: PdfSettings) -> list[tuple[float, float]]:
    """A column the header (its bold lines, and a plain level of labels under them) starts a
    cell in, and right of it one only the body has cells in, are one column: its header set
    left over figures set right, too short to overlap them; when the body has cells in the first too (text set left
    under the header), the second holds figures only (set right in the same column), no line
    has cells in both, and the header names most columns."""
    bounds = [(lo + hi) / 2 for lo, hi in gutters]
    first_body = _header_end(inner, gutters, settings)[1]
    header, body, text, both = (set[int](), set[int](), set[int](), set[int]())
    for k, line in enumerate(inner):
        columns = set()
        for run in cell_runs(line, settings):
            if k < first_body:
                # A header cell that starts inside a gutter starts the column right of it.
                header.add(next((c + (run[0].x0 > lo) for c, (lo, hi) in enumerate(gutters) if run[0].x0 < hi),
                                len(gutters)))
                continue
            if bridges(run[0].x0, max(w.x1 for w in run), gutters):
                continue  # running text across the columns (a comment row) is in none of them
            # A figure is placed by its end: a thousands' digit may stand left of the column.
            column = column_of(run[-1], bounds)
            columns.add(column)
            if not is_figure(" ".join(w.text for w in run)):
                text.add(column)
        body |= columns
        both |= {c for c in columns if c + 1 in columns}
    # Figures under a text column's header need a header naming the columns, not a title over them.
    named = len(header) * settings.spanning_share > len(gutters) + 1
    merged = {k for k in range(len(gutters)) if k in header and k + 1 in body and k + 1 not in header
              and (k not in body or (named and k not in both and k + 1 not in text))}
    return [gutter for k, gutter in enumerate(gutters) if k not in merged]


def _header_end(inner: list[Line], gutters: list[tuple[float, float]], settings: PdfSettings) -> tuple[int, int]:
    """Where the table's bold lines end, and its header: plain lines of several cells under them,
    no figure, the first column empty (a row names itself there), are a level of column labels."""
    bold = end = next((k for k, line in enumerate(inner) if not line.bold), len(inner))
    while 0 < end < len(inner) and gutters and not inner[end].bold and inner[end].x0 >= gutters[0][1] and len(
            runs := cell_runs(inner[end], settings)) > 1 and not any(is_figure(" ".join(w.text for w in run))
                                                                     for run in runs):
        end += 1
    return bold, end


def _left_set(row: RowLayout, labels: list[float], bounds: list[float]) -> RowLayout:
    """A header cell taken as centred over columns that starts where a label under it does is set left there."""
    for k, cell in enumerate(row.cells):
        own = column_of(cell.lines[0].words[0], bounds) if cell.columns > 1 and len(cell.lines) == 1 else k
        if own != k and not row.cells[own].lines and any(abs(cell.lines[0].x0 - x) <= 0.5 for x in labels):
            row.cells[own].lines, cell.lines, cell.columns = cell.lines, [], 1
    return row
