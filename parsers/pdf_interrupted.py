"""A table that a blank band and a stretch of text part from its own header. A header is never
a table of its own: a table of header rows only, followed on the page by plain paragraphs and
then by a table without a header whose cells stand under the header's columns, is one table
with them, the paragraphs rows across it (LibreOffice repeats a header at a page's top over the
rest of a comment cut by the break, a cut row's empty band away)."""
from __future__ import annotations

from dataclasses import replace

from normalizers.text import first_letter_is_lower
from parsers.blocks import Block, Paragraph, Row, Table
from parsers.pdf_continued import columns_under


def rejoin_headers(blocks: list[Block]) -> list[Block]:
    """The page's blocks in reading order, each header-only table given the rows it heads."""
    out: list[Block] = []
    k = 0
    while k < len(blocks):
        block = blocks[k]
        out.append(block)
        k += 1
        if not isinstance(block, Table) or not block.rows or not all(row.header for row in block.rows):
            continue
        end = k
        while end < len(blocks) and _plain(blocks[end]):
            end += 1
        below = blocks[end] if end < len(blocks) else None
        between = [paragraph for paragraph in blocks[k:end] if isinstance(paragraph, Paragraph)]
        rows = _rows_under(block, below, between) if isinstance(below, Table) else None
        if rows is None:
            continue
        width = len(block.rows[0].cells)
        block.rows.extend(_across(paragraph, width) for paragraph in between)
        block.rows.extend(rows)
        k = end + 1
    return out


def _plain(block: Block) -> bool:
    return isinstance(block, Paragraph) and block.heading is None


def _rows_under(header: Table, table: Table, between: list[Paragraph]) -> list[Row] | None:
    """The rows of `table` in the columns of `header`; None when it has a header of its own, a
    column whose text stands under none of the header's columns, or under two, or when its
    first label goes on in lower case: then the text above it is the start of that row, not a
    comment. A header of its own that repeats `header`, after plain text that goes on in lower
    case (the rest of a comment the break cut), is the producer's again at a page break of the
    document the PDF was printed from (LibreOffice repeats the header at the PDF page's top
    and again there): the rows are the table's as they stand, under their own header. A bold
    line between (a goal's label) starts a table of its own under the same header."""
    n = len(header.rows)
    if (len(table.rows) > n and [row.cells for row in table.rows[:n]] == [row.cells for row in header.rows]
            and between and first_letter_is_lower(between[0].text)
            and not any(paragraph.bold for paragraph in between)):
        return table.rows
    if not table.rows or table.rows[0].header or first_letter_is_lower(table.rows[0].cells[0]):
        return None
    width = len(header.rows[0].cells)
    body = [row for row in table.rows if not row.spanning]
    columns = columns_under(body, header) if body else {}
    if columns is None:
        return None
    rows = []
    for row in table.rows:
        if row.spanning:
            rows.append(replace(row, cells=[row.cells[0]] + [""] * (width - 1), spans={},
                                boxes={0: row.boxes[0]} if 0 in row.boxes else {}))
            continue
        cells = [""] * width
        for k, column in columns.items():
            cells[column] = row.cells[k]
        rows.append(replace(row, cells=cells, boxes={columns[k]: box for k, box in row.boxes.items() if k in columns},
                            spans={columns[k]: span for k, span in row.spans.items() if k in columns}))
    return rows


def _across(paragraph: Paragraph, width: int) -> Row:
    return Row([paragraph.text] + [""] * (width - 1), paragraph.place, spanning=True,
               boxes={0: paragraph.box} if paragraph.box is not None else {})
