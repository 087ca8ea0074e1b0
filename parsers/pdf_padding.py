"""How far a line-free table reaches on the page: its lines follow closely, and a table whose
cells are padded goes on over the wider gaps between its rows, over a row of running text
across the table (a comment under a row), and up over the lines of a first cell set
vertically centred beside the line that shows the columns.

Pure functions of the page's lines and of the table found in the closely set lines.
"""
from __future__ import annotations

from parsers.pdf_columns import cell_runs, has_gutter, narrow_gutters, wide_gaps
from parsers.pdf_layout import TableLayout
from parsers.pdf_model import Line, PdfSettings
from parsers.pdf_rows import is_figure


def region_end(lines: list[Line], start: int) -> int:
    """The table runs on over lines of its own text size that follow closely."""
    size = lines[start].size
    end = start + 1
    while end < len(lines):
        line, previous = lines[end], lines[end - 1]
        height = previous.bottom - previous.top
        if not _same_size(line, size) or line.top - previous.bottom > 1.5 * height:
            break
        end += 1
    return end


def padded_region(lines: list[Line], start: int, end: int, table: TableLayout, left: float, floor: int,
                  settings: PdfSettings) -> tuple[int, int]:
    """The stretch of `lines` the table found in `lines[start:end]` covers: back to no further
    than `floor` (where the table before it ends)."""
    if not table.gutters:
        return start, end
    return _centred_start(lines, start, end, table, floor), _padded_end(lines, start, end, table, left, settings)


def _same_size(line: Line, size: float) -> bool:
    return abs(line.size - size) <= 0.1 * size


def _padded_end(lines: list[Line], start: int, end: int, table: TableLayout, left: float,
                settings: PdfSettings) -> int:
    """Rows set apart by the padding of their cells: the next closely set stretch after a gap
    of at most `row_padding` font sizes fits the table's columns. Stretches of running text
    within the table's width between such rows are rows across the table; a header after
    them starts a table of its own, and so the text before it is not this table's.

    Running text after the last row is the table's too where the table then breaks (a wide
    gap, another size, the foot of the page) and the text is that row's comment: it starts
    where the table's first column does, within a word space, and is plain text on a bold
    label's line ("Analys") or right under it, or any plain text when the table's other rows
    have comments across it too; a heading after a table is bold and starts at the page's
    margin. A label alone at the foot of the page has its text on the next (a heading is kept
    with its text), and so has text under a header alone that runs to the foot of the page:
    the comment of a row the page break cut, going on under the header the next page repeats
    (a table does not end with its header)."""
    size = lines[start].size
    reach = end
    prose = 0
    labelled = False
    # A table of labels only so far (a header, bold or not: "Budget Utfall Förbrukn" under its
    # group labels) may name columns its rows then split further.
    header = all(row.header or not any(is_figure(line.text) for cell in row.cells for line in cell.lines)
                 for row in table.rows)
    # The table's width grows with the rows it takes: a header is often narrower than its body.
    # A table of labels only so far may be narrower than the page's text, which a comment
    # under its first row fills (a table set as wide as the text column). A first column empty
    # so far (a status column under an empty header cell) starts at the text's margin.
    x0, x1 = min(table.x0, table.gutters[0][0]), table.x1
    if header:
        x1 = max([x1] + [line.x1 for line in lines if _same_size(line, size)])
    only_header = all(row.header for row in table.rows)
    commented = any(row.spanning for row in table.rows)
    comment = plain = False
    seen = 0  # stretches of running text since the last row
    while reach < len(lines) and prose <= settings.max_comment_stretches:
        gap = lines[reach].top - lines[reach - 1].bottom
        if not _same_size(lines[reach], size) or gap > settings.row_padding * size:
            break
        after = region_end(lines, reach)
        stretch = lines[reach:after]
        if _fits_columns(stretch, table.gutters, header, left, settings) and not (prose and stretch[0].bold):
            commented = commented or prose > 0
            end, prose, labelled, only_header = after, 0, False, False
            x0, x1 = min([x0] + [line.x0 for line in stretch]), max([x1] + [line.x1 for line in stretch])
        elif _runs_across(stretch, x0, x1, left, settings):
            seen = seen + 1 if prose else 1
            if seen == 1:
                comment = abs(stretch[0].x0 - x0) <= settings.word_gap * size and (
                    stretch[0].words[0].bold or commented or only_header)
                plain = any(not word.bold for line in stretch for word in line.words)
            elif seen == 2:
                plain = plain or not any(line.bold for line in stretch)
            # The paragraphs under a comment's bold label ("Analys") are one comment.
            if stretch[0].bold or not labelled:
                prose += 1
                labelled = all(line.bold for line in stretch)
        else:
            return end
        reach = after
    foot = reach == len(lines)
    if comment and (plain or foot and seen == 1) and (foot or not only_header):
        return reach if prose <= settings.max_comment_stretches else end
    return end


def _fits_columns(stretch: list[Line], gutters: list[tuple[float, float]], header: bool, left: float,
                  settings: PdfSettings) -> bool:
    """Some of the lines show columns, no line runs over a gutter with columns of its own,
    and every gap between their cells lies on a gutter of the table (a column further right
    would leave a gap beyond them), unless the table so far is its header: a header cell may
    name a group of columns ("augusti 2017" over Budget, Utfall, Förbrukn)."""
    # A table set as tight as its cells parts them by less than a gutter where its columns start:
    # a line whose text after a clear gap starts where columns start shows them too (dates a
    # cell's padding after a name's line, "att" 6.5 pt before "2018-01-01").
    starts = [hi for _, hi in gutters]
    structured = [line for line in stretch if has_gutter(line, left, settings) or _at_starts(line, starts, settings)]
    if not structured or narrow_gutters(gutters, stretch, settings, starts) is None:
        return False
    return header or all(any(lo < t_hi and t_lo < hi for t_lo, t_hi in gutters)
               for line in structured for lo, hi in wide_gaps(line, left, settings))


def _at_starts(line: Line, starts: list[float], settings: PdfSettings) -> bool:
    """Each run of the line after its first starts where a column's text starts, and one of them
    is a figure: a justified line under the table, whose stretched spaces may put a word on a
    column's start by chance, brings words there, not figures."""
    runs = cell_runs(line, settings, starts)
    return len(runs) > 1 and all(any(abs(run[0].x0 - x) <= 0.5 for x in starts) for run in runs[1:]) \
        and any(is_figure(" ".join(w.text for w in run)) for run in runs[1:])


def _runs_across(stretch: list[Line], x0: float, x1: float, left: float, settings: PdfSettings) -> bool:
    """Running text that starts at the table's left edge and stays within its width."""
    return all(not has_gutter(line, left, settings) and abs(line.x0 - x0) <= line.size
               and line.x1 <= x1 + line.size for line in stretch)


def _centred_start(lines: list[Line], start: int, end: int, table: TableLayout, floor: int) -> int:
    """A first cell of several lines set top-aligned in a row whose other cells stand vertically
    centred in it: the first line with a gutter shows the figures halfway down, so the cell's
    lines above it, at the cell's own spacing, belong to the row, up to where the row's top
    lies, as far above the figures' middle as the cell's last line ends below it (the figures
    may stand on a line of the name, or on lines of their own between the name's lines)."""
    # (A line of the cell above the table may reach further right than its lines in the table
    # do, up to where the next column's text starts.)
    edge = table.gutters[0][1]
    size = lines[start].size

    def first_cell_only(line: Line) -> bool:
        return line.x1 < edge and abs(line.x0 - table.x0) < 1.0 and _same_size(line, size)

    row = table.rows[0] if table.rows else None
    # A bold line over plain ones is a header over the first row, not a row centred in it.
    if row is None or row.header or row.spanning or lines[start].bold:
        return start
    names = row.cells[0].lines
    others = [line for cell in row.cells[1:] for line in cell.lines]
    if len(names) < 2 or not others or not all(first_cell_only(line) for line in names[1:]):
        return start
    middle = (min(line.top for line in others) + max(line.bottom for line in others)) / 2
    top = 2 * middle - max(line.bottom for line in names)
    spacing = names[1].top - names[0].bottom
    first, below = start, names[0]
    while first > floor:
        above = lines[first - 1]
        if (not first_cell_only(above) or abs(below.top - above.bottom - spacing) > 1.0
                or above.top < top - (above.bottom - above.top) / 2):
            break
        first, below = first - 1, above
    return first
