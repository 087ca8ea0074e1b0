"""PDF reports: glyphs and rulings from pdfium, tables found from rulings or from the text's
alignment, paragraphs rebuilt from lines, running headers and footers dropped.

The modules behind it, each a few small steps driven by the one `PdfSettings`:
- what the page holds: `pdf_page` (glyphs, words, lines), `pdf_turn` (pages whose text runs up
  or down the sheet), `pdf_paths` (rulings, shading bands, coloured symbols);
- tables: `pdf_ruled` (grids, row rules only, shading), `pdf_tables` (line-free tables),
  `pdf_columns` (columns from text edges), `pdf_rows` (rows from spacing, figures and wraps),
  `pdf_verdict` (prose, charts and lone lines are no tables), `pdf_layout` (their types);
- blocks: `pdf_flow` (paragraphs, hyphens, running lines, cell text), `pdf_caption`
  (captions), `pdf_marks` (symbols to their cell or paragraph), `pdf_table_rest` (a cut
  table's rows printed without its rules, as paragraphs after it), `pdf_top_row` (a row at a
  page's top of the table the page before ended with);
- `pdf_model` (geometry and the settings they all take).
"""
from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium

from parsers.blocks import (
    Block,
    Box,
    PageView,
    Paragraph,
    ParsedDocument,
    Place,
    Problem,
    Row,
    Span,
    Table,
    UnreadableFile,
)
from parsers.pdf_caption import caption_from_above, split_caption
from parsers.pdf_continued import continued_row, joined_row, printed_twice, repeated_header, same_columns
from parsers.pdf_flow import (
    CellWords,
    bare_words,
    cell_text,
    cell_words,
    heading_levels,
    is_running,
    page_break_joint,
    paragraph_text,
    paragraphs,
    running_keys,
    toc_entry,
    vocabulary,
)
from parsers.pdf_interrupted import rejoin_headers
from parsers.pdf_layout import TableLayout
from parsers.pdf_marks import attach_marks
from parsers.pdf_model import DEFAULT_SETTINGS, Line, Mark, PageContent, PdfSettings
from parsers.pdf_open import open_pdf
from parsers.pdf_page import lines_of, plain_body, read_page
from parsers.pdf_ruled import ruled_tables
from parsers.pdf_table_rest import take_rows
from parsers.pdf_tables import free_tables
from parsers.pdf_text_layer import TextLayerSkipped, check_scan_layer, check_text_layer
from parsers.pdf_top_row import lowest, top_row


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    # id(line) -> the line and its 1-based number on the page, before anything is dropped. The
    # line is kept with it: a line dropped later (a running header) and freed would leave its id
    # to a line made after it (a cell's clipped copy), which would then take its number.
    line_numbers: dict[int, tuple[Line, int]]
    tables: list[TableLayout]
    marks: list[Mark] = field(default_factory=list)


def read_pdf(path: Path, password: str | None = None, settings: PdfSettings = DEFAULT_SETTINGS) -> ParsedDocument:
    # The reader makes objects for every glyph, word and line, and no reference cycles that must
    # go before it ends: the cycle collector's passes over them, started by the count of objects
    # made, took 6 % of its time. Collection resumes after, for anything left.
    collecting = gc.isenabled()
    gc.disable()
    skipped: TextLayerSkipped | None = None
    try:
        parsed = _read_text_layer(path, password, settings)
    except TextLayerSkipped as error:
        parsed, skipped = None, error
    finally:
        if collecting:
            gc.enable()
    return parsed if parsed is not None else _scanned(path, password, skipped)


def _read_text_layer(path: Path, password: str | None, settings: PdfSettings) -> ParsedDocument | None:
    """The document read from its text layer; None when it has none (a scan)."""
    document = open_pdf(path, password)
    try:
        pages, problems, shown = _read_pages(document, settings)
        if pages and sum(problem.code == "unreadable_page" for problem in problems) == len(pages):
            # Not a scan: OCR would load the same pages and fail as PDFium did ("Failed to load page.").
            raise UnreadableFile("damaged_pdf", f"none of the PDF's {len(pages)} pages could be loaded (its page "
                                                "tree is damaged, or loops back on itself): open it in a PDF "
                                                "viewer and save or print it to a new PDF")
        properties = _properties(document)
        first = next((page.number for page in pages if page.lines), None)
        if first is None:
            return None
        check_scan_layer(document, first - 1, settings)
    finally:
        document.close()
    check_text_layer((line for page in pages for line in page.lines), settings)
    parsed = _assembled(pages, problems, properties, settings)
    parsed.shown = shown
    return parsed


def read_words(contents: list[PageContent], settings: PdfSettings = DEFAULT_SETTINGS) -> ParsedDocument:
    """The blocks of pages whose words were placed by another reader (text laid out in columns
    by spaces, one page a form feed): the same paragraphs, tables and joins as a PDF's."""
    return _assembled(_pages_of(contents, [], settings), [], {}, settings)


def _assembled(pages: list[_Page], problems: list[Problem], properties: dict[str, str],
               settings: PdfSettings) -> ParsedDocument:
    keys = running_keys([(p.height, p.lines) for p in pages], settings)
    for page in pages:
        page.lines = [line for line in page.lines if not is_running(line, page.height, keys, settings)]
    all_lines = [line for page in pages for line in page.lines]
    bare = bare_words(all_lines)
    words = vocabulary(all_lines, bare)
    known = cell_words(all_lines, words, settings, bare)
    # Characters per size as printed, then per half point: a document has few sizes and many words.
    printed: Counter[float] = Counter()
    for line in all_lines:
        line_words = line.words
        # A line set in one size (nearly every line) counted at once: its text is its words' joined
        # by single spaces. Sizes enter in the order the words give them, as counted word by word.
        if len(line_words) == 1 or min([w.size for w in line_words]) == line.size:
            printed[line_words[0].size] += len(line.text) - len(line_words) + 1
        else:
            for word in line_words:
                printed[word.size] += len(word.text)
    sizes: Counter[float] = Counter()
    for size, count in printed.items():
        sizes[round(size * 2) / 2] += count
    levels = heading_levels(sizes, settings)
    blocks: list[Block] = []
    carried: TableLayout | None = None
    ended: TableLayout | None = None
    for page in pages:
        if not page.lines:
            continue
        page_blocks, carried, ended = _page_blocks(page, words, known, levels, settings, carried, ended)
        above = blocks[-1] if blocks and blocks[-1].place.page == page.number - 1 else None
        if isinstance(above, Table) and page_blocks and isinstance(page_blocks[0], Table):
            below = page_blocks[0]
            joined = same_columns(above, below)
            if joined:
                del below.rows[:repeated_header(above, below)]
            continued = continued_row(above, below)
            if continued is not None:
                k, columns = continued
                above.rows[-1] = joined_row(above.rows[-1], below.rows.pop(k), columns, words)
            if joined:
                above.rows.extend(below.rows)
                below.rows.clear()
            if not below.rows:
                page_blocks.pop(0)
        if isinstance(above, Paragraph) and page_blocks and isinstance(page_blocks[0], Paragraph):
            cut = page_break_joint(above, page_blocks[0], words)
            if cut is not None:
                above.text = cut
                page_blocks.pop(0)
        blocks.extend(page_blocks)
    blocks = take_rows(blocks, words, settings)
    return ParsedDocument(blocks, "pdf", page_count=len(pages), problems=problems, properties=properties)


_INFO_KEYS = {"Title": "title", "Author": "author", "Subject": "subject"}
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")


def _properties(document: pdfium.PdfDocument) -> dict[str, str]:
    """What the PDF's Info dictionary says of the file; its date ("D:20130405112908+01'00'")
    as an ISO date."""
    info = document.get_metadata_dict()
    out = {ours: text.strip() for key, ours in _INFO_KEYS.items() if (text := str(info.get(key) or "")).strip()}
    date = _PDF_DATE.match(str(info.get("CreationDate") or ""))
    if date:
        out["created"] = "-".join(part for part in date.groups() if part)
    return out


def _read_pages(document: pdfium.PdfDocument,
                settings: PdfSettings) -> tuple[list[_Page], list[Problem], dict[int, PageView]]:
    problems: list[Problem] = []
    contents: list[PageContent | None] = []
    for index in range(len(document)):
        try:
            contents.append(read_page(document, index, settings))
        except pdfium.PdfiumError as error:
            problems.append(Problem("warning", "unreadable_page", f"page {index + 1} could not be read ({error}); "
                                                                  f"it is left out", page=index + 1))
            contents.append(None)
    shown = {c.number: c.shown for c in contents if c is not None and c.shown is not None and c.shown.moves}
    return _pages_of(contents, problems, settings), problems, shown


def _pages_of(contents: Sequence[PageContent | None], problems: list[Problem],
              settings: PdfSettings) -> list[_Page]:
    pages: list[_Page] = []
    plain_body([word for content in contents if content for word in content.words], settings)
    page_lines = [lines_of(content.words, settings) if content else [] for content in contents]
    for above, below in zip(page_lines, page_lines[1:]):
        twice = {id(line) for line in printed_twice(above, below)}
        above[:] = [line for line in above if id(line) not in twice]
    for index, content in enumerate(contents):
        if content is None:
            pages.append(_Page(index + 1, 0.0, 0.0, [], {}, []))
            continue
        lines = page_lines[index]
        numbers = {id(line): (line, k) for k, line in enumerate(lines, start=1)}
        tables = ruled_tables(lines, content.segments, settings)
        pages.append(_Page(content.number, content.width, content.height, lines, numbers, tables, content.marks))
    text_pages = [p for p in pages if p.lines]
    if text_pages:
        for page in pages:
            if not page.lines and page.height:
                problems.append(Problem("warning", "page_without_text",
                                        f"page {page.number} has no text layer (a scanned page?); its content "
                                        f"is not read", page=page.number))
    return pages


def _scanned(path: Path, password: str | None, skipped: TextLayerSkipped | None) -> ParsedDocument:
    """The file read by OCR: it has no text layer, or one not to be read as its text."""
    why = str(skipped) if skipped else "the PDF has no text layer (a scan)"
    try:
        from parsers import ocr
    except ImportError as error:
        raise UnreadableFile(skipped.code if skipped else "scanned_pdf",
                             f"{why}, and OCR is not installed: install the OCR support or use a PDF "
                             f"with text") from error
    parsed = ocr.read_scanned_pdf(path, password=password)
    if skipped:
        parsed.problems.append(Problem("warning", skipped.code, f"{why}; its pages were read by OCR"))
    return parsed


def _outside(line: Line, tables: list[TableLayout]) -> Line | None:
    """What of the line lies outside the page's ruled tables: a page line may run from a table's
    row on into the column of text beside the table."""
    mid = (line.top + line.bottom) / 2
    around = [t for t in tables if t.top <= mid <= t.bottom]
    if not around:
        return line
    words = [w for w in line.words if not any(t.x0 <= (w.x0 + w.x1) / 2 <= t.x1 for t in around)]
    if len(words) == len(line.words):
        return line
    return Line(words, words[0].x0, max([w.x1 for w in words]), line.top, line.bottom) if words else None


def _page_blocks(page: _Page, words: set[str], known: CellWords, levels: dict[float, int],
                 settings: PdfSettings, carried: TableLayout | None,
                 ended: TableLayout | None) -> tuple[list[Block], TableLayout | None, TableLayout | None]:
    """The page's blocks, the line-free table that ends the page if one does (a table on the
    next page may go on from it), and the table of any kind with nothing under it (a row at the
    next page's top may be its). `ended`: that table of the page before."""
    placed: list[tuple[float, Block]] = []
    free = [kept for line in page.lines if (kept := _outside(line, page.tables)) is not None]
    tables = list(page.tables)
    found = free_tables(free, settings, carried)
    flow: list[list[Line]] = []
    start = 0
    # The page's first lines, before any table, may be a row of the table the page before ended
    # with, which no rule or shading here shows (and that no line-free table goes on from).
    if ended is not None and free and free[0].top < min((t.top for t in tables), default=page.height) and (
            row := top_row(free[:found[0][0]] if found else free, ended, settings)) is not None:
        start = row[0]
        tables.append(row[1])
    last: TableLayout | None = None
    for first, end, table in found:
        flow.append(free[start:first])
        tables.append(table)
        start = end
        last = table
    flow.append(free[start:])
    for table in tables:
        block = _table_block(table, page, words, known)
        if block.rows:
            placed.append((table.top, block))
    outside = [line for run in flow for line in run]
    for run in flow:
        placed.extend(_flow_blocks(run, outside, page, words, levels, settings))
    placed.sort(key=lambda item: item[0])
    ends_page = last is not None and start == len(free) and all(t.top < last.top for t in page.tables)
    blocks = rejoin_headers([block for _, block in placed])
    caption_from_above(blocks)
    attach_marks(blocks, page.marks)
    return blocks, last if ends_page else None, lowest(tables, outside)


def _table_block(table: TableLayout, page: _Page, words: set[str], known: CellWords) -> Table:
    rows = []
    for row in table.rows:
        cells = [cell_text(cell, words, known) for cell in row.cells]
        if not any(cells):
            continue
        first = next(line for cell in row.cells for line in cell.lines)
        boxes = {k: _box(cell.lines) for k, cell in enumerate(row.cells) if cell.lines}
        spans = {k: Span(cell.rows, cell.columns) for k, cell in enumerate(row.cells)
                 if (cell.columns > 1 or cell.rows > 1) and cells[k]}
        rows.append(Row(cells, Place(page.number, _line_number(first, page)), row.spanning, row.header,
                        spans=spans, boxes=boxes))
    caption, rows = split_caption(rows)
    place = rows[0].place if rows else Place(page.number)
    return Table(rows, place, caption=caption)


def _box(lines: list[Line]) -> Box:
    if len(lines) == 1:  # a cell's one line, most of them: its own box, without four passes
        line = lines[0]
        return Box(line.x0, line.top, line.x1, line.bottom)
    # Lists, not generators: a generator's step costs more than a list's.
    return Box(min([line.x0 for line in lines]), min([line.top for line in lines]),
               max([line.x1 for line in lines]), max([line.bottom for line in lines]))


def _line_number(line: Line, page: _Page) -> int | None:
    # Table cells hold clipped copies of the page's lines: find the page line at the same height.
    numbered = page.line_numbers.get(id(line))
    if numbered is not None:
        return numbered[1]
    for original in page.lines:
        if abs(original.top - line.top) < 0.01:
            return page.line_numbers[id(original)][1]
    return None


def _flow_blocks(lines: list[Line], outside: list[Line], page: _Page, words: set[str],
                 levels: dict[float, int], settings: PdfSettings) -> list[tuple[float, Block]]:
    """`outside`: the page's lines outside tables, which `lines` are a stretch of."""
    out: list[tuple[float, Block]] = []
    toc: Table | None = None
    for group in paragraphs(lines, settings, outside):
        text = paragraph_text(group, words)
        if not text:
            continue
        place = Place(page.number, _line_number(group[0], page))
        entry = toc_entry(text)
        if entry is not None:
            # Table-of-contents entries are title/page pairs, as a table.
            if toc is None:
                toc = Table([], place)
                out.append((group[0].top, toc))
            toc.rows.append(Row(list(entry), place))
            continue
        toc = None
        size = round(max(line.size for line in group) * 2) / 2
        bold = all(line.bold for line in group)
        out.append((group[0].top, Paragraph(text, place, heading=levels.get(size), bold=bold, box=_box(group))))
    return out
