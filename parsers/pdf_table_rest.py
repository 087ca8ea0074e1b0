"""The rows of a table printed without its rules: a browser engine that cuts a table at a page
break (wkhtmltopdf) may print the rows after the cut, and the last rows before it, without the
rules or shading the reader finds the table by, so they come out as paragraphs after the table:
the rest of the cut row's name, a comment's bold label, the comment. They are told from the
page's own paragraphs by where they start: at the inset of the table's cells (its first
column's text, the cell padding in from the table's edge), where the page's paragraphs start
at its margin, further left.
"""
from __future__ import annotations

from collections import Counter

from normalizers.text import first_letter_is_lower
from parsers.blocks import Block, Box, Paragraph, Place, Row, Table
from parsers.pdf_continued import joined_row
from parsers.pdf_model import PdfSettings

# Points the cells' inset from the page's margin must be, the cell padding, wider by far than
# `start_slack`, for a paragraph set at the one to be told from one set at the other.
_INSET = 2.0


def margin(blocks: list[Block]) -> float | None:
    """Where the document's paragraphs start most often, to the point."""
    starts = Counter(round(b.box.x0) for b in blocks if isinstance(b, Paragraph) and b.box is not None)
    return float(starts.most_common(1)[0][0]) if starts else None


def take_rows(blocks: list[Block], words: set[str], settings: PdfSettings) -> list[Block]:
    """`blocks` with the paragraphs right after a table (on its page, or at the top of the next)
    that start at the table's cells' inset and stay within its width put on it as rows, as far
    as they read as a table's rows do: first, on the next page, the rest of the cut last row's
    name (within the first column, going on in lower case or one word alone); then a bold
    label's row and the comment under it (running text across the table, its paragraphs one
    row). Anything else there (a name of a row of its own, figures) ends them: a row the reader
    lost whole is not rebuilt from a paragraph's text."""
    left = margin(blocks)
    if left is None:
        return blocks
    out: list[Block] = []
    table: Table | None = None
    extent: tuple[float, float, float] | None = None
    for block in blocks:
        if isinstance(block, Table):
            table, extent = block, _extent(block)
            out.append(block)
            continue
        if table is None or extent is None or not _in_table(block, table, extent, left, settings.start_slack) or not _put(
                table, block, extent, words):
            table = extent = None
            out.append(block)
    return out


def _extent(table: Table) -> tuple[float, float, float] | None:
    """Where the table's first column's text starts, where its second column's starts, and how
    far right its text reaches, over its body rows."""
    body = [row for row in table.rows if not row.header]
    firsts = [row.boxes[0].x0 for row in body if 0 in row.boxes]
    seconds = [box.x0 for row in body if not row.spanning for k, box in row.boxes.items() if k > 0]
    rights = [box.x1 for row in table.rows for box in row.boxes.values()]
    if not firsts or not rights:
        return None
    return min(firsts), min(seconds, default=max(rights)), max(rights)


def _in_table(paragraph: Paragraph, table: Table, extent: tuple[float, float, float], left: float,
              slack: float) -> bool:
    start, _, right = extent
    box, last = paragraph.box, table.rows[-1] if table.rows else None
    if box is None or last is None or paragraph.heading is not None or start - left < _INSET:
        return False
    page, before = paragraph.place.page, last.place.page
    if page is None or before is None or page - before not in (0, 1):
        return False
    return abs(box.x0 - start) <= slack and box.x1 <= right + (start - left) + slack


def _put(table: Table, paragraph: Paragraph, extent: tuple[float, float, float], words: set[str]) -> bool:
    """Put the paragraph on the table as what it reads as; False when it reads as none of it."""
    _, second, _ = extent
    box = paragraph.box
    assert box is not None
    last = table.rows[-1]
    width = len(last.cells)
    narrow = box.x1 < second
    if narrow and not paragraph.bold:
        text = paragraph.text
        if paragraph.place.page == last.place.page or last.header or last.spanning or not last.cells[0] or not (
                first_letter_is_lower(text) or len(text.split()) == 1):
            return False
        rest = Row([text] + [""] * (width - 1), paragraph.place, boxes={0: box})
        joined = joined_row(last, rest, {0: 0}, words)
        old = last.boxes.get(0)
        if old is not None:
            joined.boxes = {**last.boxes, 0: Box(old.x0, old.y0, max(old.x1, box.x1), old.y1)}
        table.rows[-1] = joined
        return True
    if paragraph.bold:
        if not narrow:
            return False
        table.rows.append(Row([paragraph.text] + [""] * (width - 1), paragraph.place, header=True, boxes={0: box}))
        return True
    if last.spanning and not last.header:
        # The next paragraph of a comment (or its rest after the page break): one row for the
        # comment, as a cell of paragraphs is.
        last.cells[0] = f"{last.cells[0]}\n{paragraph.text}"
        return True
    if not (last.header and len([c for c in last.cells if c]) == 1):
        return False  # running text across the table comes under a label's row
    table.rows.append(Row([paragraph.text] + [""] * (width - 1), Place(paragraph.place.page, paragraph.place.line),
                          spanning=True, boxes={0: box}))
    return True
