"""A table's caption: the title printed above it ("Table 3. Net costs"), which a reader sees as
the table's name and not as its first row. Pure functions of the block model."""
from __future__ import annotations

from parsers.blocks import Block, Paragraph, Row, Table
from parsers.pdf_model import CAPTION


def split_caption(rows: list[Row]) -> tuple[str | None, list[Row]]:
    """The caption the table's first rows hold, and the rows after it. A caption row has text in
    one cell only and starts like a caption; a bold caption goes on over the bold one-cell rows
    right under it (a title wrapped over two lines). Short of a caption, the rows stay as they are."""
    if not rows or not _lone(rows[0]) or not CAPTION.match(_text(rows[0])):
        return None, rows
    end = 1
    while end < len(rows) and rows[0].header and rows[end].header and _lone(rows[end]) and end < 3:
        end += 1
    return " ".join(_text(row) for row in rows[:end]), rows[end:]


def caption_from_above(blocks: list[Block]) -> None:
    """A table without a caption of its own takes the paragraph right above it when that reads
    as a caption; the paragraph stays, as the text printed there."""
    for above, block in zip(blocks, blocks[1:]):
        if (isinstance(block, Table) and block.caption is None and isinstance(above, Paragraph)
                and above.place.page == block.place.page and CAPTION.match(above.text)):
            block.caption = above.text


def _lone(row: Row) -> bool:
    return sum(1 for cell in row.cells if cell) == 1


def _text(row: Row) -> str:
    return " ".join(cell for cell in row.cells if cell).replace("\n", " ")
