"""The extent of a table drawn with row rules or shading only: the rows that stand outside its
first and last rule and go with it (a header standing on its rule, the unshaded first and last
rows of a zebra table, a comment under the last row), and where they stop (a heading, another
table's rule, a margin wider than rows keep).
"""
from __future__ import annotations

from parsers.pdf_bands import Padding
from parsers.pdf_columns import cell_runs, has_gutter, median
from parsers.pdf_model import CAPTION, Line, PdfSettings, Segment

def _cell_rows(lines: list[Line], settings: PdfSettings) -> list[list[Line]]:
    """Lines grouped as a cell's lines are: each a cell's leading from the next. Bold after
    plain text starts a row (a header under a paragraph set close above it)."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups and line.top - groups[-1][-1].bottom <= settings.cell_leading * line.size and not (
                line.bold and not groups[-1][-1].bold):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def band_ends(lines: list[Line], box: tuple[float, float, float, float], pad: Padding, rules: list[Segment],
              settings: PdfSettings) -> tuple[float, float]:
    """The table's top and bottom with the rows that stand outside its first and last rule:
    above, rows with column gutters (a header over its rule; the upper lines of its wrapped
    cells start right of the first column, which a heading above the table does not); below,
    any row (a zebra table's unshaded last row, a comment), each as close to the rule or the
    row next to it as rows inside the table are and set as their text is, or further, up to a
    padded row's gap, a lone row lined up with the last one (pushed down by a page break). No row above a rule
    that stands between it and the table (the foot of the table above) goes with it."""
    x0, top, x1, bottom = box
    within = [line for line in lines if x0 <= (line.x0 + line.x1) / 2 <= x1 and not CAPTION.match(line.text)]
    left = min((line.x0 for line in within if top <= (line.top + line.bottom) / 2 <= bottom), default=x0)
    slack = settings.band_slack
    # Rows are further apart than their padding where a header's or a section's spacing adds to it.
    height = median([line.bottom - line.top for line in within]) if within else 0.0
    reach = max(pad.top + pad.bottom + slack, settings.band_reach * height)
    above = sorted((line for line in within if line.bottom <= top + 0.5), key=lambda line: line.top)
    edge, allowed = top, pad.bottom + slack
    under = [line for line in within if line.top >= top - 0.5]
    below_row = _cell_rows(sorted(under, key=lambda line: line.top), settings)[0] if under else []
    taken, pending = top, False
    headed = False
    for row in reversed(_cell_rows(above, settings)):
        gap = edge - row[-1].bottom
        if any(row[-1].bottom < rule.top < edge - settings.snap and rule.x0 < x1 and x0 < rule.x1 for rule in rules):
            break
        # A row padded under a rule of its own that keeps a margin from the table, not a row's
        # padding, is another table's (its header over no rows, its foot rule not drawn).
        if gap > allowed and any(row[0].top - pad.top - slack <= rule.top < row[0].top and rule.x0 < x1
                                 and x0 < rule.x1 for rule in rules):
            break
        bold = all(line.bold for line in row)
        if any(has_gutter(line, left, settings) for line in row) and (
                gap <= allowed or _header_over(row, below_row, (x0, edge, x1), reach, rules, settings)):
            if pending and not bold:
                break
            edge, allowed, below_row = row[0].top - 0.5, reach, row
            taken, pending, headed = edge, False, headed or bold
            continue
        # One row between the first rule and the header may keep further from the rule than
        # rows do, its padding as the producer left it: the rest of a row cut by the page break
        # (its other cells on the page before, no gutters), a header's plain level of column
        # labels. It goes with the table when the bold header stands right over it.
        if pending or headed or gap > settings.row_padding * row[-1].size:
            break
        edge, allowed, below_row, pending = row[0].top - 0.5, reach, row, True
    below = sorted((line for line in within if line.top >= bottom - 0.5), key=lambda line: line.top)
    end, allowed = bottom, pad.top + slack
    # A line set larger than the rows' text, or on the table's edge (the page's margin, without
    # a cell's padding), is a heading or paragraph after the table, however close.
    larger = settings.heading_ratio * min((line.size for line in within if top <= (line.top + line.bottom) / 2
                                           <= bottom), default=float("inf"))
    last = [line for line in within if top <= (line.top + line.bottom) / 2 <= bottom][-1:]
    for k, row in enumerate(rows_below := _cell_rows(below, settings)):
        edges, ends = ([(r[0].x0, r[-1].x1) for line in rows for r in cell_runs(line, settings)]
                       for rows in (row, last))
        gap, lone = row[0].top - end, k + 1 == len(rows_below) or rows_below[k + 1][0].top - row[-1].bottom > reach
        if any(line.x0 < x0 + slack or line.size > larger for line in row) or gap > allowed and not (
                lone and gap <= settings.row_padding * row[0].size and len(edges) == len(ends) > 1 and all(
                    any(abs(a - c) <= slack or abs(b - d) <= slack for c, d in ends) for a, b in edges)):
            break
        end, allowed, last = row[-1].bottom + 0.5, reach, row
    return taken, end


def _header_over(row: list[Line], below: list[Line], edge: tuple[float, float, float], reach: float,
                 rules: list[Segment], settings: PdfSettings) -> bool:
    """A bold row with gutters over the row below (at `edge`: its left, top, right) is the
    table's header, though it keeps further from it than body rows do (its rule, bold metrics,
    the header style's spacing): as far as two rows' text are apart; and up to a padded row's
    gap when each cell of the row below starts where one of its cells starts (a heading or a
    paragraph over a table does not line up so; an empty column leaves a header cell with
    nothing under it). Header levels stacked over groups of columns, each underlined by a rule
    of its own, are no one row of it."""
    x0, top, x1 = edge
    if not below or not all(line.bold for line in row) or any(
            row[0].top < rule.top < top - settings.snap and rule.x0 < x1 and x0 < rule.x1 for rule in rules):
        return False
    gap = top - row[-1].bottom
    if gap <= reach:
        return True
    if gap > settings.row_padding * max(line.size for line in row):
        return False
    starts = [run[0].x0 for line in below for run in cell_runs(line, settings)]
    heads = [run[0].x0 for line in row for run in cell_runs(line, settings)]
    return len(heads) > 1 and all(any(abs(x - head) <= settings.band_slack for head in heads) for x in starts)
