"""Line-free tables on one page: lines with a column gutter in them, plus the lines that run on
from them, form a table; columns are the vertical strips that no word of those lines crosses
(`pdf_columns`), rows are told apart by the extra space between rows or by the text
(`pdf_rows`).
"""
from __future__ import annotations

import unicodedata

from normalizers.text import first_letter_is_lower
from parsers.pdf_columns import (
    aligned_gutters,
    clear_starts,
    column_rights,
    free_row,
    has_gutter,
    header_gutters,
    left_margin,
    narrow_gutters,
    table_gutters,
    wide_gaps,
)
from parsers.pdf_layout import RowLayout, TableLayout
from parsers.pdf_model import Line, PdfSettings
from parsers.pdf_padding import padded_region, region_end
from parsers.pdf_rows import clearly_wider, is_figure, row_groups
from parsers.pdf_verdict import verdict


def free_tables(lines: list[Line], settings: PdfSettings,
                carried: TableLayout | None = None) -> list[tuple[int, int, TableLayout]]:
    """Tables made by whitespace alignment among `lines` (top to bottom, outside ruled tables):
    (first line index, end line index, table). `carried` is a line-free table that ended just
    before `lines` begin (at the foot of the previous page): a table that goes on from it, or
    from a table right above it on this page, keeps its columns, so columns that happen to be
    empty on this stretch are not lost."""
    left = left_margin(lines)
    out: list[tuple[int, int, TableLayout]] = []
    i = 0
    while i < len(lines):
        at = i
        edges: list[tuple[float, float]] | None = None
        # A bold line of cells right under a table is the header of the next: it names its
        # own columns.
        header = lines[i].bold and len(wide_gaps(lines[i], left, settings)) >= 1
        before = out[-1][2] if out and out[-1][1] == i and not header else carried if i == 0 else None
        if before is None and not has_gutter(lines[i], left, settings) and not _tight_header(lines, i, settings):
            i += 1
            continue
        end = region_end(lines, i)
        table = _free_table(lines[i:end], left, settings, before)
        kind = "line" if table is None else verdict(table, settings)
        if kind == "line" and table is not None and i == 0 and before is carried and carried is not None \
                and _repeats(carried, table):
            # The header of the table the page before ended with, repeated at this page's top:
            # a header however few columns it names, over the rest of a row the break cut.
            kind = "table"
        if kind == "line" and before is not None and (row := _row_under(lines[i:end], left, before, settings)):
            # A lone line right under a table (after a blank band, or under the header repeated
            # at a page's top) whose cells start where the table's columns' text starts: a row
            # of that table, not a note with a wide space in it. Its label may run up to the
            # next column's text, closer than a gutter. At the page's top it is a table of its
            # own, which the join across pages puts on the table the page before ended with.
            if i > 0:
                before.rows.extend(row.rows)
                before.bottom = row.bottom
                out[-1] = (out[-1][0], end, before)
                i = end
                continue
            table, kind = row, "table"
        if kind == "line":
            under = _header_over(lines, i, end, left, settings, before)
            if under is not None:
                end, table, kind = under
        floor = out[-1][1] if out else 0
        if kind == "line" and header and out and out[-1][1] == i and (
                shifted := _shifted_header(lines, i, left, settings, out[-1][2])):
            end, table, kind = *shifted, "table"
            _take_cut_rest(out[-1][2], table)
        found = (end, table)
        if table is not None and kind != "text" and (
                grown := _grown(lines, i, end, table, left, floor, settings, before)):
            i, end, table, kind = *grown, "table"
        if kind == "line" and (tight := _header_over(lines, i, end, left, settings, before, True)):
            # Nor do the rows under it: their cells may stand closer than a gutter, where the
            # header's text edges show the columns.
            end, table, kind = tight
            edges = table.gutters
            if grown := _grown(lines, i, end, table, left, floor, settings, before, table.gutters):
                i, end, table = grown
        if table is None:
            i += 1
            continue
        if kind != "table":
            # Prose or a chart's labels: none of its tail is a table either.
            i = end if kind == "text" else i + 1
            continue
        if i == 0 and before is carried and all(row.header for row in table.rows) and not (
                carried is not None and carried.rows and carried.rows[-1].spanning):
            # (The rest of a comment across the table is running text, no first cell's.)
            rest = _cut_rest(lines, end, table, settings, carried)
            if rest > end and (longer := _free_table(lines[:rest], left, settings, before)) is not None:
                end, table = rest, longer
        elif out and out[-1][1] == i and _repeats(out[-1][2], table):
            # The header repeated on the page after a cut row (a page break of the document
            # the PDF was printed from): the rest of the cut row under it goes on that row.
            cut = out[-1][2]
            rest = _cut_rest(lines, end, cut, settings, cut)
            if rest > end and not cut.rows[-1].header and cut.rows[-1].cells[0].lines:
                cut.rows[-1].cells[0].lines.extend(lines[end:rest])
                cut.bottom = lines[rest - 1].bottom
                out[-1] = (out[-1][0], rest, cut)
                i = rest
                continue
        split = _next_header(table)
        if split is not None:
            # A header row after body rows starts the next table: tables that follow each other
            # closely are still separate tables.
            end = i + next(k for k, line in enumerate(lines[i:end]) if line.top == split)
            # (A table found by its header's text edges keeps the columns they show.)
            table = _free_table(lines[i:end], left, settings, before, edges)
            if table is None and found[0] == end:
                # Split back to the stretch the table was found on before it grew: that table,
                # whose columns its text edges may show where no gutter does.
                table = found[1]
            if table is None:
                i = max(end, at + 1)
                continue
        if (out and out[-1][1] == i and before is out[-1][2] and all(row.header for row in before.rows)
                and not any(row.header for row in table.rows)):
            # A header alone (a page's repeated header, set further above the rows than rows
            # are apart) and the rows right under it in its columns are one table.
            joined = _free_table(lines[out[-1][0]:end], left, settings, carried if out[-1][0] == 0 else None)
            if joined is not None and verdict(joined, settings) == "table":
                i, table = out.pop()[0], joined
        if not out and i > 0 and _cut_rest_above(lines, i, table, settings):
            # The rest of a row the page break cut, printed above the table's first row at the
            # page's top (no header repeated): a row of the table, so that it goes on the cut row.
            whole = _free_table(lines[:end], left, settings, carried)
            if whole is not None and verdict(whole, settings) == "table":
                i, table = 0, whole
        out.append((i, end, table))
        # A table grown up over the lines before `at` and split again above it ends there:
        # the loop still moves on.
        i = max(end, at + 1)
    return out


def _shifted_header(lines: list[Line], i: int, left: float, settings: PdfSettings,
                    above: TableLayout) -> tuple[int, TableLayout] | None:
    """lines[i], a bold line right under the table `above`, with the words of its header but its
    columns set elsewhere (the document the PDF was printed from cut a table at its page break
    and set the part after it again, each column as wide as its own text needs): the header of a
    table of as many columns, each starting where the header's word after a clear gap starts,
    over the padded rows under it. Its columns may stand closer than a gutter, so the header's
    text edges show them, not the gaps of its rows."""
    line = lines[i]
    starts = clear_starts(line, settings)
    if len(starts) != len(above.gutters):
        return None
    edges = [(max(w.x1 for w in line.words if w.x1 <= x + 0.5), x) for x in starts]
    header = _free_table(lines[i:i + 1], left, settings, None, edges)
    if header is None or not _repeats(above, header):
        return None
    grown = _grown(lines, i, i + 1, header, left, i, settings, None, edges)
    return (grown[1], grown[2]) if grown is not None and grown[0] == i else None


def _take_cut_rest(cut: TableLayout, table: TableLayout) -> None:
    """The first row under `table`'s header, text in its first column only going on in lower
    case, is the rest of the name of `cut`'s last row, which the break before the header cut:
    it goes on that row."""
    k = next((k for k, row in enumerate(table.rows) if not row.header), None)
    if k is None or not cut.rows or cut.rows[-1].header or not cut.rows[-1].cells[0].lines:
        return
    row = table.rows[k]
    # (A row of text in one cell is marked spanning; a comment across the table runs on past
    # the first column's end.)
    if not row.cells[0].lines or any(cell.lines for cell in row.cells[1:]) or not table.gutters \
            or any(line.x1 > table.gutters[0][1] for line in row.cells[0].lines) \
            or not first_letter_is_lower(row.cells[0].lines[0].text):
        return
    cut.rows[-1].cells[0].lines.extend(row.cells[0].lines)
    del table.rows[k]


def _cut_rest_above(lines: list[Line], i: int, table: TableLayout, settings: PdfSettings) -> bool:
    """The page's lines before the table's first row, lines[i], are the rest of a name the page
    break cut: plain lines in its first column only, going on in lower case, set as close as a
    cell's lines and a row's padding above the row (a paragraph stands further off)."""
    above = lines[:i]
    size = lines[i].size
    # Above a bold header the lines are no cut row's rest but what stands over a table (a unit,
    # 'tkr'): a row's rest goes on above the rows of a table whose header was not repeated.
    if lines[i].bold or not table.gutters or not first_letter_is_lower(above[0].text) or not all(
            abs(line.x0 - table.x0) < 1.0 and line.x1 < table.gutters[0][1] and not line.bold
            and abs(line.size - size) <= 0.1 * size for line in above):
        return False
    gap = lines[i].top - above[-1].bottom
    spacing = max((b.top - a.bottom for a, b in zip(above, above[1:])), default=0.0)
    return gap <= settings.row_padding * size and clearly_wider(gap, spacing, settings)


def _row_under(lines: list[Line], left: float, before: TableLayout, settings: PdfSettings) -> TableLayout | None:
    """`lines`, one plain line, as a row in the columns of `before`: its text in two columns or
    more, each cell's text starting within a point of where that column's text starts in
    `before` (a caption's or note's words after a wide space stand anywhere)."""
    if len(lines) != 1 or lines[0].bold or abs(lines[0].size - before.size) > 0.1 * before.size:
        return None
    gutters = narrow_gutters(before.gutters, lines, settings, [hi for _, hi in before.gutters])
    table = _free_table(lines, left, settings, None, gutters) if gutters else None
    if table is None or len(table.rows) != 1:
        return None
    starts: dict[int, float] = {}
    for row in before.rows:
        for k, cell in enumerate(row.cells):
            if cell.lines and cell.columns == 1 and not row.spanning:
                starts[k] = min([starts.get(k, cell.lines[0].x0)] + [line.x0 for line in cell.lines])
    row = table.rows[0]
    filled = {k: min(line.x0 for line in cell.lines) for k, cell in enumerate(row.cells) if cell.lines}
    if row.spanning or len(row.cells) != len(before.gutters) + 1 or len(filled) < 2 or not all(
            k in starts and abs(x0 - starts[k]) < 1.0 for k, x0 in filled.items()):
        return None
    return table


def _tight_header(lines: list[Line], i: int, settings: PdfSettings) -> bool:
    """A bold line without a gutter whose text edges line up with the line under it, a row's
    padding away: the header of a table as tight as its cells ('Årsmål' over '84',
    'Periodicitet' over 'Tertial', each a few points after the word before)."""
    line = lines[i]
    return (line.bold and i + 1 < len(lines) and not lines[i + 1].bold
            and lines[i + 1].top - line.bottom <= settings.row_padding * line.size
            and bool(aligned_gutters([line], [lines[i + 1]], settings)))


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


def _repeats(table: TableLayout, header: TableLayout) -> bool:
    """`header` is header rows only, the same words as the header rows `table` starts with.
    Words, not cells: a header of wrapped labels set as tight as its cells may be cut into
    columns differently over a few rows than over many. Letters are compared without their
    accents: a ring or dots set apart from their letter may be read as a glyph of its own once
    and not the next time ('Arsmål' and 'Årsmål')."""
    def words(rows: list[RowLayout]) -> list[str]:
        return sorted(_bare(word.text) for row in rows for cell in row.cells for line in cell.lines
                      for word in line.words)

    n = next((k for k, row in enumerate(table.rows) if not row.header), len(table.rows))
    return (all(row.header for row in header.rows) and 0 < n < len(table.rows)
            and words(table.rows[:n]) == words(header.rows))


def _bare(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _cut_rest(lines: list[Line], end: int, table: TableLayout, settings: PdfSettings,
              cut: TableLayout | None) -> int:
    """Where the rest of a row the page break cut ends, under the header a table repeats at
    the top of the next page: a row's padding under it, in the first column of `table` (whose
    columns the rows have), going on in lower case (the cut name's sentence), `end` when there
    is none. The join across pages then finds the cut row's rest in the table. `cut` is the
    table whose row was cut, when it is line-free: the rest may reach further right than its
    first column's lines so far, up to where its second column's text starts; else the rest
    stays within the header's first cell (a comment across a ruled table goes on there too)."""
    if end >= len(lines) or lines[end].top - lines[end - 1].bottom > settings.row_padding * lines[end].size:
        return end
    stop = region_end(lines, end)
    rest = lines[end:stop]
    edge = cut.gutters[0][1] if cut and cut.gutters else table.gutters[0][0] if table.gutters else table.x1
    if not all(abs(line.x0 - table.x0) < 1.0 and line.x1 <= edge for line in rest):
        return end
    # A lone word after a cut row with figures is the end of its name however it is spelt
    # ('... vid kontakt med' + 'Vräkningsförebyggarna'): a row of its own would name more, or
    # show figures beside its name.
    lone = (len(rest) == 1 and len(rest[0].words) == 1 and cut is not None and bool(cut.rows)
            and any(cell.lines for cell in cut.rows[-1].cells[1:]))
    return stop if lone or first_letter_is_lower(rest[0].text) else end


def _grown(lines: list[Line], start: int, end: int, table: TableLayout, left: float, floor: int,
           settings: PdfSettings, before: TableLayout | None,
           edges: list[tuple[float, float]] | None = None) -> tuple[int, int, TableLayout] | None:
    """The table over the stretch its padded rows cover (`padded_region`), when that is longer
    and still a table. A header alone names every column, also one its rows fill only now and
    then (a status column's symbols) that a comment across the table hides from the text's
    edges: the rows keep its columns where they fit them, as they keep a table's before them."""
    first, last = padded_region(lines, start, end, table, left, floor, settings)
    if (first, last) == (start, end):
        return None
    if before is None and all(row.header for row in table.rows):
        before = table
    grown = _free_table(lines[first:last], left, settings, before, edges)
    return (first, last, grown) if grown is not None and verdict(grown, settings) == "table" else None


def _header_over(lines: list[Line], start: int, end: int, left: float, settings: PdfSettings,
                 before: TableLayout | None, tight: bool = False) -> tuple[int, TableLayout, str] | None:
    """A lone line of a few cells is the header of the rows under it when they follow at a
    row's padding and its gaps lie on the columns they make together: a padded table's header
    stands as far above its first row as rows stand apart, and names fewer columns than a lone
    line must show. A caption or a numbered heading over a table has its gap inside the table's
    first column, so it stays text. `tight`: the gutters of the rows are not the header's, and
    only text edges that line up with the header's make them its body (`_aligned_header`)."""
    size = lines[start].size
    if (end >= len(lines) or abs(lines[end].size - size) > 0.1 * size
            or lines[end].top - lines[end - 1].bottom > settings.row_padding * size):
        return None
    stop = region_end(lines, end)
    if stop < len(lines) and _labels_only(lines[end:stop]) and abs(lines[stop].size - size) <= 0.1 * size \
            and lines[stop].top - lines[stop - 1].bottom <= settings.row_padding * size:
        # Column labels under group labels, set apart as the rows under them are: the header's
        # second line, and the rows its body.
        stop = region_end(lines, stop)
    if tight or not any(not line.bold and has_gutter(line, left, settings) for line in lines[end:stop]):
        # No plain line there shows columns by a gutter: only text edges that line up with the
        # header's make it a body, else it is a heading under a heading.
        return _aligned_header(lines, start, end, stop, left, settings)
    return _gapped_header(lines, start, end, stop, left, settings, before)


def _labels_only(lines: list[Line]) -> bool:
    return not any(is_figure(word.text) for line in lines for word in line.words)


def _aligned_header(lines: list[Line], start: int, end: int, stop: int, left: float,
                    settings: PdfSettings) -> tuple[int, TableLayout, str] | None:
    """The header's text edges line up with those of the rows under it: a table as tight as its
    cells, whose name column may stand closer to the figures than a gutter ("fått" 6 pt before
    "225 st", where the header's "Periodens" starts)."""
    edges = aligned_gutters(lines[start:end], lines[end:stop], settings)
    table = _free_table(lines[start:stop], left, settings, None, edges) if edges else None
    return None if table is None or verdict(table, settings) != "table" else (stop, table, "table")


def _gapped_header(lines: list[Line], start: int, end: int, stop: int, left: float, settings: PdfSettings,
                   before: TableLayout | None) -> tuple[int, TableLayout, str] | None:
    table = _free_table(lines[start:stop], left, settings, before)
    if table is None or verdict(table, settings) != "table":
        return None
    # The rows under it keep every column they show alone: a line of group labels over a line
    # of column labels does not hide the columns of either.
    under = _free_table(lines[end:stop], left, settings, before)
    if under is not None and not all(any(lo < g_hi and g_lo < hi for g_lo, g_hi in table.gutters)
                                     for lo, hi in under.gutters):
        return None
    own = [gap for line in lines[start:end] for gap in wide_gaps(line, left, settings)]
    if not own or not all(any(lo < g_hi and g_lo < hi for g_lo, g_hi in table.gutters) for lo, hi in own):
        return None
    return stop, table, "table"


def _free_table(lines: list[Line], left: float, settings: PdfSettings, before: TableLayout | None,
                edges: list[tuple[float, float]] | None = None) -> TableLayout | None:
    """`edges`: the gutters when the text edges alone show them (`aligned_gutters`)."""
    structured = [line for line in lines if has_gutter(line, left, settings)]
    if edges:
        own = edges
    else:
        own = table_gutters(lines, structured, left, settings) if _enough(structured, left, settings) else []
    gutters = own
    if before is not None and structured and abs(lines[0].size - before.size) <= 0.1 * before.size:
        kept = narrow_gutters(before.gutters, lines, settings)
        if kept is not None and all(any(lo < b_hi and b_lo < hi for b_lo, b_hi in kept) for lo, hi in own):
            gutters = kept
    if not gutters:
        return None
    gutters = header_gutters(lines, gutters, settings)
    bounds = [(lo + hi) / 2 for lo, hi in gutters]
    # A table that keeps the columns of the table before it keeps its extent too: its first or
    # last column may be empty here.
    went_on = [before] if gutters is not own and before else []
    x0 = min([line.x0 for line in lines] + [t.x0 for t in went_on])
    x1 = max([line.x1 for line in lines] + [t.x1 for t in went_on])
    rights = column_rights(structured, bounds, gutters, x1, settings)
    starts = [hi for _, hi in gutters]
    rows = [free_row(group, bounds, starts, rights, settings)
            for group in row_groups(lines, bounds, rights, settings)]
    return TableLayout(rows, lines[0].top, lines[-1].bottom, x0, x1, gutters, max(line.size for line in lines))


def _enough(structured: list[Line], left: float, settings: PdfSettings) -> bool:
    if len(structured) >= settings.min_table_lines:
        return True
    return any(len(wide_gaps(line, left, settings)) + 1 >= settings.min_lone_row_columns for line in structured)
