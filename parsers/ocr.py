"""Scanned PDFs: pages that are only images, read with Tesseract (Swedish).

`parsers.pdf` calls `read_scanned_pdf` when a PDF has no text layer. Each page is rendered,
deskewed, its dark fills made black on white (`ocr_fills`), cleared of isolated specks of dust
(which Tesseract reads as stray ":", "|" or letters), and split into ruled tables and the text
around them; a page that can hold colour is rendered in colour too, for its symbols (`ocr_colour`):

- Tables are found from their rules (see `ocr_image`). Each cell is OCR'd on its own, because
  whole-page OCR runs cells together and misreads numbers in them; a column whose cells look
  like numbers or dates gets the matching correction (`ocr_text`).
- The rest of the page is OCR'd with the tables blanked out, and its lines are joined into
  paragraphs by their spacing.
- Lines repeated at the top or bottom of most pages (organ, title, "Stockholms stad",
  "Sida N (M)") are running headers and footers and are dropped.
"""
from __future__ import annotations

import difflib
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex

from parsers.blocks import Paragraph, ParsedDocument, Place, Problem, Row, Table, UnreadableFile
from parsers.ocr_engine import EngineError, SheetSettings, languages, read_sheet, read_words
from parsers.ocr_image import (
    Grey,
    Grid,
    GridRow,
    ImageSettings,
    MarkerSettings,
    despeckle,
    find_grids,
    skew_angle,
    specks,
    turned,
)
from parsers.ocr_fills import FillSettings, lighten_fills
from parsers.ocr_colour import Colour, may_hold_colour, page_symbols, without_misread_symbols
from parsers.ocr_pages import read_pages
from parsers.ocr_text import (
    Line,
    cell_text,
    fix_date,
    join_lines,
    looks_date,
    looks_numeric,
    make_lines,
    merge_readings,
    percent_suspects,
    restore_decimal_commas,
    split_paragraphs,
    with_percent,
    word_crop,
)
from parsers.pdf_open import open_pdf

INSTALL_HINT = ("this PDF is scanned (no text layer) and needs OCR: install Tesseract with Swedish "
                "(apt-get install tesseract-ocr tesseract-ocr-swe)")


@dataclass(frozen=True, slots=True)
class OcrSettings:
    lang: str = "swe"
    # Numbers are language-neutral, and the English model reads "%" where the Swedish one
    # reads "96" or "Ho": number cells are read with both (when installed) and merged.
    number_lang: str = "eng"
    # Tesseract reads 8 pt table text best at about 300 dpi; pixel sizes below are at this dpi.
    dpi: int = 300
    image: ImageSettings = field(default_factory=ImageSettings)
    markers: MarkerSettings = field(default_factory=MarkerSettings)
    fills: FillSettings = field(default_factory=FillSettings)
    # A page larger than this (A3 at 300 dpi is 17 M) is not rendered in colour too, for its
    # symbols: three bytes a pixel more would take a poster past a worker's memory cap.
    max_colour_pixels: int = 40_000_000
    # Page text is one column, so Tesseract's uniform-block mode is enough and faster than
    # full layout analysis.
    page_psm: int = 6
    # A page's cells are read in one call, stacked on a sheet (`ocr_engine`), as one uniform
    # block; so are the second readings of number cells and words. (The single-column mode,
    # 4, drops cells of one lone glyph, a "9" or a "-", as noise.)
    cell_psm: int = 6
    number_psm: int = 6
    sheet: SheetSettings = field(default_factory=SheetSettings)
    # Cells are cut this far inside their rules: a sliver of rule at the edge of a crop makes
    # Tesseract misread the whole first line.
    cell_inset: int = 8
    # White margin around a cell crop; Tesseract expects some paper around text.
    cell_border: int = 20
    # Cells are binarised at this grey level before OCR: Tesseract's own threshold fails on
    # shaded header and comment cells, where a few words sit on noisy grey.
    ink_threshold: int = 150
    # A cell with fewer ink pixels than this is empty (dust only); a "-" has about 40.
    min_cell_ink: int = 20
    # A number column's decimal comma is put back into a cell that lost it when at least this
    # many cells show the same decimals and the cells without a comma are at most this share.
    min_decimal_cells: int = 3
    max_commaless_share: float = 0.25
    # Specks of dust smaller than this (px) that Tesseract reads as ";", ":" or "|" are dropped.
    dust_size: int = 8
    # A gap between lines wider than this share of the usual line height starts a paragraph.
    paragraph_gap: float = 0.4
    # Running headers and footers: lines in this top and bottom share of the page that recur,
    # this similar, on at least this share of the pages.
    margin_zone: float = 0.08
    repeat_similarity: float = 0.8
    repeat_share: float = 0.5
    # Pages are read in parallel, one Tesseract process each, on the cores this process may
    # use (sched_getaffinity honours CPU pinning by containers and taskset; cpu_count does not).
    workers: int = field(default_factory=lambda: len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                         else os.cpu_count() or 1)


@dataclass(slots=True)
class OcrTable:
    top: int
    rows: list[tuple[int, list[str], bool]]  # (top, cells, spanning)
    symbols: dict[int, dict[int, str]] = field(default_factory=dict)  # row -> column -> symbol


@dataclass(slots=True)
class OcrPage:
    number: int
    height: int
    lines: list[Line]  # text outside the tables
    tables: list[OcrTable]
    symbols: dict[int, str] = field(default_factory=dict)  # line -> the symbol at its start


def check_engine(settings: OcrSettings) -> str:
    """Fail with what to install when Tesseract or its Swedish model is missing; return the
    language to read number and date cells with."""
    try:
        installed = languages()
    except EngineError:
        raise UnreadableFile("ocr_unavailable", INSTALL_HINT) from None
    if settings.lang not in installed:
        raise UnreadableFile("ocr_unavailable", INSTALL_HINT)
    return settings.number_lang if settings.number_lang in installed else settings.lang


@dataclass(slots=True)
class _Cell:
    table: int
    row: int
    column: int
    image: Grey  # black on white with paper around it
    lines: list[Line] = field(default_factory=list)


def _cell_image(page: Grey, row: GridRow, left: int, right: int, settings: OcrSettings) -> Grey | None:
    """The cell's content as black on white with paper around it, or None when it is empty."""
    inset = settings.cell_inset
    ink = page[row.top + inset:row.bottom - inset, left + inset:right - inset] < settings.ink_threshold
    ink &= ~specks(ink, settings.image)
    if int(ink.sum()) < settings.min_cell_ink:
        return None
    return np.pad(np.where(ink, 0, 255).astype(np.uint8), settings.cell_border, constant_values=255)


def _cell_string(lines: list[Line], width: int, settings: OcrSettings) -> str:
    if not lines:
        return ""
    # The renderer's cell padding is the same on both sides: the text's left offset tells it.
    padding = min(line.left for line in lines) - settings.cell_border
    space = round(0.3 * sorted(line.height for line in lines)[len(lines) // 2])
    return cell_text(lines, width - settings.cell_border - padding, space)


def _column_kinds(rows: list[list[str]]) -> list[str]:
    """"date", "number" or "text" for each grid column, by what most of its cells below the first
    row (usually the header) look like."""
    kinds = []
    for column in zip(*rows[1:]) if len(rows) > 1 else zip(*rows):
        filled = [c for c in column if c]
        if filled and sum(map(looks_date, filled)) * 2 >= len(filled):
            kinds.append("date")
        elif filled and sum(map(looks_numeric, filled)) * 2 >= len(filled):
            kinds.append("number")
        else:
            kinds.append("text")
    return kinds


def _grid_cells(page: Grey, grids: list[Grid], settings: OcrSettings) -> list[_Cell]:
    cells = []
    for t, grid in enumerate(grids):
        width = len(grid.columns) - 1
        for r, row in enumerate(grid.rows):
            for left, right in zip(row.borders, row.borders[1:]):
                column = min(range(width), key=lambda k: abs(grid.columns[k] - left))
                image = _cell_image(page, row, left, right, settings)
                if image is not None:
                    cells.append(_Cell(t, r, column, image))
    return cells


def _second_readings(text: list[Line], text_image: Grey, cells: list[_Cell], numbers: list[_Cell],
                     settings: OcrSettings, number_lang: str) -> tuple[list[Line], list[str]]:
    """One call of the number language for the whole page: every word that may be a misread
    "%" (in the text and in the cells, which are fixed in place) and every number cell whole.
    Returns the text lines fixed and the number cells' readings."""
    sources = [(text, text_image)] + [(cell.lines, cell.image) for cell in cells]
    suspects = [(s, key) for s, (lines, _) in enumerate(sources) for key in percent_suspects(lines)]
    images = [word_crop(sources[s][1], sources[s][0][n].words[k]) for s, (n, k) in suspects]
    readings = read_sheet(images + [cell.image for cell in numbers], number_lang, settings.number_psm, settings.sheet)
    answers: dict[int, dict[tuple[int, int], str]] = {}
    for (s, key), lines in zip(suspects, readings):
        answers.setdefault(s, {})[key] = " ".join(w.text for line in lines for w in line)
    for s, cell in enumerate(cells, start=1):
        if s in answers:
            cell.lines = with_percent(cell.lines, answers[s])
    numbers_read = [_cell_string(make_lines(lines, cell.image, settings.markers, settings.dust_size),
                                 cell.image.shape[1], settings) for cell, lines in zip(numbers, readings[len(images):])]
    return with_percent(text, answers.get(0, {})), numbers_read


def read_page(number: int, image: Grey, settings: OcrSettings, number_lang: str,
              colour: Colour | None = None) -> OcrPage:
    """The page's text and tables; `colour`, the page rendered in colour, gives their symbols."""
    angle = skew_angle(image, settings.image)
    page = despeckle(lighten_fills(turned(image, angle), settings.fills), settings.image)
    grids = find_grids(page, settings.image)
    text_only = page.copy()
    for grid in grids:
        pad = settings.cell_inset
        text_only[max(grid.top - pad, 0):grid.bottom + pad, max(grid.left - pad, 0):grid.right + pad] = 255
    text = make_lines(read_words(text_only, settings.lang, settings.page_psm), text_only,
                      settings.markers, settings.dust_size)
    cells = _grid_cells(page, grids, settings)
    for cell, lines in zip(cells, read_sheet([c.image for c in cells], settings.lang, settings.cell_psm,
                                             settings.sheet)):
        cell.lines = make_lines(lines, cell.image, settings.markers, settings.dust_size)
    tables = [[[""] * (len(grid.columns) - 1) for _ in grid.rows] for grid in grids]
    for cell in cells:
        tables[cell.table][cell.row][cell.column] = _cell_string(cell.lines, cell.image.shape[1], settings)
    kinds = [_column_kinds(rows) for rows in tables]
    numbers = [c for c in cells if kinds[c.table][c.column] == "number"
               and looks_numeric(tables[c.table][c.row][c.column])]
    text, numbers_read = _second_readings(text, text_only, cells, numbers, settings, number_lang)
    for cell in cells:
        tables[cell.table][cell.row][cell.column] = _cell_string(cell.lines, cell.image.shape[1], settings)
    for cell, english in zip(numbers, numbers_read):
        tables[cell.table][cell.row][cell.column] = merge_readings(tables[cell.table][cell.row][cell.column], english)
    cells_marked, lines_marked = page_symbols(colour, angle, grids, text) if colour is not None else ({}, {})
    text = without_misread_symbols(text, lines_marked, tables, cells_marked)
    typed = [_typed_table(grid, rows, kinds[t], settings) for t, (grid, rows) in enumerate(zip(grids, tables))]
    for (t, r), symbols in cells_marked.items():
        typed[t].symbols[r] = symbols
    return OcrPage(number, page.shape[0], text, typed, lines_marked)


def _typed_table(grid: Grid, rows: list[list[str]], kinds: list[str], settings: OcrSettings) -> OcrTable:
    """The table with its date columns as ISO dates and its number columns' lost decimal commas
    put back."""
    for k, kind in enumerate(kinds):
        if kind == "date":
            for cells in rows:
                cells[k] = fix_date(cells[k]) if cells[k] else ""
        elif kind == "number":
            fixed = restore_decimal_commas([cells[k] for cells in rows[1:]], settings.min_decimal_cells,
                                           settings.max_commaless_share)
            for cells, cell in zip(rows[1:], fixed):
                cells[k] = cell
    width = len(grid.columns) - 1
    return OcrTable(grid.top, [(row.top, cells, len(row.borders) == 2 and width > 1)
                               for row, cells in zip(grid.rows, rows)])


_DIGITS = regex.compile(r"\d+")
_PAGE_NUMBER = regex.compile(r"^(?:sida|page|s\.)?\s*\d+\s*(?:\(\s*\d+\s*\)|av\s+\d+|/\s*\d+)?$", regex.IGNORECASE)


def _margin_key(line: Line) -> str:
    # Page numbers differ from page to page; the rest of a running line does not.
    return _DIGITS.sub("#", "".join(line.text.lower().split()))


def running_lines(pages: list[OcrPage], settings: OcrSettings) -> set[tuple[int, int]]:
    """(page, index) of the lines that are running headers or footers."""
    margins: dict[int, list[tuple[int, str]]] = {}
    for page in pages:
        top, bottom = settings.margin_zone * page.height, (1 - settings.margin_zone) * page.height
        margins[page.number] = [(k, _margin_key(line)) for k, line in enumerate(page.lines)
                                if line.bottom < top or line.top > bottom]
    needed = max(2, round(settings.repeat_share * len(pages)))
    running = set()
    for number, candidates in margins.items():
        for k, key in candidates:
            seen = sum(any(difflib.SequenceMatcher(None, key, other).ratio() >= settings.repeat_similarity
                           for _, other in margins[n]) for n in margins)
            if seen >= needed or _PAGE_NUMBER.match(pages[number - 1].lines[k].text):
                running.add((number, k))
    return running


def page_blocks(page: OcrPage, running: set[tuple[int, int]], settings: OcrSettings) -> list[Paragraph | Table]:
    # Place.line counts the visual lines of the page: text lines and table rows alike.
    tops = sorted([line.top for line in page.lines] + [top for t in page.tables for top, _, _ in t.rows])
    line_number = {top: k for k, top in reversed(list(enumerate(tops, start=1)))}
    kept = [line for k, line in enumerate(page.lines) if (page.number, k) not in running]
    symbols = {id(page.lines[k]): symbol for k, symbol in page.symbols.items()}
    placed: list[tuple[int, Paragraph | Table]] = []
    for lines in split_paragraphs(kept, settings.paragraph_gap):
        place = Place(page=page.number, line=line_number[lines[0].top])
        placed.append((lines[0].top, Paragraph(join_lines(lines), place, symbol=symbols.get(id(lines[0])))))
    for table in page.tables:
        rows = [Row(cells, Place(page=page.number, line=line_number[top]), spanning=spanning,
                    symbols=table.symbols.get(r, {})) for r, (top, cells, spanning) in enumerate(table.rows)]
        placed.append((table.top, Table(rows, rows[0].place)))
    return [block for _, block in sorted(placed, key=lambda item: item[0])]


def read_scanned_pdf(path: Path, password: str | None = None,
                     settings: OcrSettings | None = None) -> ParsedDocument:
    chosen = settings or OcrSettings()
    number_lang = check_engine(chosen)
    document = open_pdf(path, password)
    # PDFium is not thread-safe: pages are rendered one at a time, and each only when a worker
    # is ready for it, so memory stays flat however many pages the file has.
    pdfium_lock = threading.Lock()
    unloaded: list[Problem] = []

    def read(index: int) -> OcrPage:
        with pdfium_lock:
            try:
                page = document[index]
            except pdfium.PdfiumError as error:  # a page tree that loops: this page only
                unloaded.append(Problem("warning", "unreadable_page", f"page {index + 1} could not be read "
                                                                      f"({error}); it is left out", page=index + 1))
                return OcrPage(index + 1, 0, [], [])
            if not pdfium_c.FPDFPage_CountObjects(page.raw):  # nothing drawn: no render, no Tesseract's 2 s
                page.close()
                return OcrPage(index + 1, 0, [], [])
            image = np.asarray(page.render(scale=chosen.dpi / 72, grayscale=True).to_pil().convert("L"))
            colour = (np.asarray(page.render(scale=chosen.dpi / 72).to_pil().convert("RGB"))
                      if image.size <= chosen.max_colour_pixels and may_hold_colour(page) else None)
            page.close()
        return read_page(index + 1, image, chosen, number_lang, colour)

    try:
        pages = read_pages(len(document), read, chosen.workers)
    except EngineError as error:
        raise UnreadableFile("ocr_failed", f"Tesseract failed on this scan ({error}); check the "
                                           f"Tesseract installation with `tesseract --version`") from None
    finally:
        document.close()
    running = running_lines(pages, chosen)
    blocks = [block for page in pages for block in page_blocks(page, running, chosen)]
    return ParsedDocument(blocks, "pdf", page_count=len(pages), ocr=True,
                          problems=sorted(unloaded, key=lambda problem: problem.page or 0))
