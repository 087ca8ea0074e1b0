"""Assessment symbols given to what they stand beside: a coloured shape in a table goes to the
cell of its row and column, one at the start of a paragraph (a goal's heading) to the
paragraph, a fill in a colour to the one cell it shades. Pure functions of the block model's boxes."""
from __future__ import annotations

from parsers.blocks import Block, Paragraph, Row, Table
from parsers.pdf_model import SHADING, Mark

# A symbol this far left of a paragraph's first word still marks it (a bullet-like icon).
_REACH = 30.0


def attach_marks(blocks: list[Block], marks: list[Mark]) -> None:
    left = list(marks)
    for block in blocks:
        if not left:
            return
        if isinstance(block, Table):
            left = _mark_table(block, left)
        else:
            left = _mark_paragraph(block, left)


def _mark_table(table: Table, marks: list[Mark]) -> list[Mark]:
    rows = [row for row in table.rows if row.boxes]
    if not rows:
        return marks
    tops = [min(box.y0 for box in row.boxes.values()) for row in rows]
    bottoms = [max(box.y1 for box in row.boxes.values()) for row in rows]
    bottom = bottoms[-1]
    columns = _column_ranges(rows)
    x0 = min(lo for lo, _ in columns.values()) - _REACH
    x1 = max(hi for _, hi in columns.values())
    left = []
    for mark in marks:
        if mark.name.endswith(SHADING):
            if not _shade_cell(rows, tops, bottoms, columns, mark):
                left.append(mark)
            continue
        cx, cy = (mark.x0 + mark.x1) / 2, (mark.top + mark.bottom) / 2
        r = max((k for k, top in enumerate(tops) if top <= cy), default=None)
        # A symbol may sit a little above its row's text (centred on a taller cell): below the
        # row above's text, within its own height of the next row's, it is the next row's. Within
        # a row's text it is that row's, however close the next row (single lines 13 pt apart
        # and a symbol 11 pt tall gave every symbol to the row below).
        after = 0 if r is None else r + 1
        if after < len(rows) and (r is None or cy > bottoms[r]) and tops[after] - (mark.bottom - mark.top) <= cy:
            r = after
        if r is None or cy > bottom or not x0 <= cx <= x1:
            left.append(mark)
            continue
        rows[r].symbols.setdefault(_column(columns, cx), mark.name)
    return left


def _shade_cell(rows: list[Row], tops: list[float], bottoms: list[float],
                columns: dict[int, tuple[float, float]], mark: Mark) -> bool:
    """Give a fill to the cells it shades when it shades one column only (the rows whose text's
    middle it covers); a fill across columns, a header's or a band's, is no symbol."""
    shaded = [k for k, (lo, hi) in columns.items() if mark.x0 - 1 <= (lo + hi) / 2 <= mark.x1 + 1]
    covered = [r for r, (top, bottom) in enumerate(zip(tops, bottoms)) if mark.top - 1 <= (top + bottom) / 2 <= mark.bottom + 1]
    if len(shaded) != 1 or not covered:
        return False
    for r in covered:
        rows[r].symbols.setdefault(shaded[0], mark.name)
    return True


def _column_ranges(rows: list[Row]) -> dict[int, tuple[float, float]]:
    out: dict[int, tuple[float, float]] = {}
    for row in rows:
        for k, box in row.boxes.items():
            lo, hi = out.get(k, (box.x0, box.x1))
            out[k] = (min(lo, box.x0), max(hi, box.x1))
    return out


def _column(columns: dict[int, tuple[float, float]], x: float) -> int:
    """The column the point is in, else the nearest to its right (a symbol before its text),
    else the nearest."""
    inside = [k for k, (lo, hi) in columns.items() if lo <= x <= hi]
    if inside:
        return inside[0]
    right = [k for k, (lo, _) in columns.items() if lo >= x]
    if right:
        return min(right, key=lambda k: columns[k][0])
    return min(columns, key=lambda k: abs(columns[k][1] - x))


def _mark_paragraph(paragraph: Paragraph, marks: list[Mark]) -> list[Mark]:
    box = paragraph.box
    if box is None or paragraph.symbol is not None:
        return marks
    left = []
    for mark in marks:
        if mark.name.endswith(SHADING):  # a shaded box of text, not a symbol before it
            left.append(mark)
            continue
        cy = (mark.top + mark.bottom) / 2
        first_line = box.y0 - 2 <= cy <= box.y0 + (mark.bottom - mark.top) + 4
        if paragraph.symbol is None and first_line and box.x0 - _REACH <= mark.x1 <= box.x0 + 2:
            paragraph.symbol = mark.name
        else:
            left.append(mark)
    return left
