"""A table broken over a page break is one table: the part that ends a page and the part that
starts the next have the same columns (count and place on the page), and the rows the
producer repeats at the head of the second part (the whole header, or only its first rows)
are the header again, not rows of the table. A row the break cut goes on in the first row
under them."""
from __future__ import annotations

from dataclasses import replace

from normalizers.text import first_letter_is_lower
from parsers.blocks import Row, Table
from parsers.pdf_flow import join_text
from parsers.pdf_model import LIST_MARKERS, Line

# A dash before a label marks a sub-row or a list item ("- omslutningsförändringar"), never the
# rest of a sentence.
_ITEM_DASHES = frozenset("-–—")


def printed_twice(above: list[Line], below: list[Line]) -> list[Line]:
    """The lines at the foot of a page (`above`) that the next page (`below`) prints again at its
    head, the same text where it stood: a browser engine that cuts its rendering into pages
    (wkhtmltopdf) prints the line the cut goes through on both pages, each clipped to its
    half. The copy on the page before is the one to drop: the row or paragraph it starts goes
    on whole on the next page."""
    if not above or not below:
        return []
    low, high = max(line.top for line in above), min(line.top for line in below)
    head = [line for line in below if line.top <= high + 0.5 * line.size]
    return [line for line in above if line.top >= low - 0.5 * line.size and any(
        line.text == other.text and abs(line.x0 - other.x0) < 0.5 and abs(line.size - other.size) < 0.1
        for other in head)]


def same_columns(above: Table, below: Table) -> bool:
    """Both parts have as many columns, and each column's text lies where the other part's does."""
    if not above.rows or not below.rows:
        return False
    if len({len(row.cells) for row in above.rows + below.rows}) != 1:
        return False
    upper, lower = _extents(above.rows), _extents(below.rows)
    shared = upper.keys() & lower.keys()
    if not shared or len(shared) < min(len(upper), len(lower)):
        return False
    return all(upper[k][0] < lower[k][1] and lower[k][0] < upper[k][1] for k in shared)


def repeated_header(above: Table, below: Table) -> int:
    """How many rows at the head of `below` repeat, in order, the rows that open `above`."""
    count = 0
    for upper, lower in zip(above.rows, below.rows):
        if upper.cells != lower.cells or not any(lower.cells):
            break
        count += 1
    return count if count < len(above.rows) else 0


def continued_row(above: Table, below: Table) -> tuple[int, dict[int, int]] | None:
    """The row of `below`, a table that starts a page, that goes on with the last row of `above`,
    the table that ended the page before (Word, LibreOffice and browsers let a row break across
    pages), and the column of `above` each of its cells with text goes on; else None.
    It comes first after any repeated header (a comment across the table goes on in a row
    across it, in lower case), its text lies in the cut row's columns, and the
    label under the cut row's label is empty or goes on in lower case (the label's sentence was
    cut) or is one word alone, without the dash or bullet that starts an item. Its other text stands where the cut row has text too, unless the cut row holds only
    the start of its label: cells set in the middle (or at the foot) of a row leave the row's
    figures to the part on the next page. A table whose label column is empty on purpose has
    no label on the cut row either, so its rows stay rows."""
    last = above.rows[-1] if above.rows else None
    k = next((k for k, row in enumerate(below.rows) if not row.header), None)
    if last is None or last.header or k is None:
        return None
    row = below.rows[k]
    if last.spanning:
        # A comment across the table whose sentence the break cut goes on in lower case.
        return (k, {0: 0}) if row.spanning and last.cells[0] and first_letter_is_lower(row.cells[0]) else None
    if row.spanning or not last.cells[0]:
        return None
    columns = columns_under([row], above)
    if columns is None:
        return None
    label = next((row.cells[j] for j, column in columns.items() if column == 0), "")
    # A lone word, alone on its row, under a cut row with figures ends the cut name however it
    # is spelt ('Aktivt' + 'Medskapandeindex'): a row of its own would name more, or show
    # figures beside its name.
    lone = len(columns) == 1 and len(label.split()) == 1 and any(last.cells[1:])
    if label and (label[0] in _ITEM_DASHES or label[0] in LIST_MARKERS or not (first_letter_is_lower(label) or lone)):
        return None
    if any(not last.cells[column] for column in columns.values()) and not (label and not any(last.cells[1:])):
        return None
    return k, columns


def joined_row(cut: Row, rest: Row, columns: dict[int, int], words: set[str]) -> Row:
    """The cut row with the rest's text after its own, column by column, joined as at a line's
    end; a cell the producer printed whole on both pages is kept once."""
    cells = list(cut.cells)
    for k, column in columns.items():
        text = rest.cells[k]
        cells[column] = join_text(cells[column], text, words) if cells[column] and cells[column] != text else \
            cells[column] or text
    return replace(cut, cells=cells)


def columns_under(rows: list[Row], above: Table) -> dict[int, int] | None:
    """Each column of `rows` with text to the column of `above` it stands in: its own when
    both tables have as many columns, else the one column its text lies under (a line-free
    table's columns come from its text: the part on the next page lacks a column none of its
    lines fills). A column's text over all of `rows`, not cell by cell: a figure set right in
    its column ("1" under "34") may stand clear of a left-aligned label's text above, where
    the column's wider cells show which label heads it."""
    if len(rows[0].cells) == len(above.rows[-1].cells):
        return {k: k for k in range(len(rows[0].cells)) if any(row.cells[k] for row in rows)}
    upper = _extents(above.rows)
    spread: dict[int, tuple[float, float]] = {}
    for row in rows:
        for k, cell in enumerate(row.cells):
            box = row.boxes.get(k)
            if not cell:
                continue
            if box is None:
                return None
            x0, x1 = spread.get(k, (box.x0, box.x1))
            spread[k] = (min(x0, box.x0), max(x1, box.x1))
    columns: dict[int, int] = {}
    for k, (lo, hi) in spread.items():
        under = [c for c, (x0, x1) in upper.items() if x0 < hi and lo < x1]
        if len(under) != 1:
            return None
        columns[k] = under[0]
    return columns if len(set(columns.values())) == len(columns) else None


def _extents(rows: list[Row]) -> dict[int, tuple[float, float]]:
    """Each column's left and right text edge over the cells that cover that column only."""
    extents: dict[int, tuple[float, float]] = {}
    for row in rows:
        for k, box in row.boxes.items():
            span = row.spans.get(k)
            if span is not None and span.columns > 1:
                continue
            x0, x1 = extents.get(k, (box.x0, box.x1))
            extents[k] = (min(x0, box.x0), max(x1, box.x1))
    return extents
