"""Scanned PDFs: pages that are only images, read with Tesseract (Swedish).

`parsers.pdf` calls `read_scanned_pdf` when a PDF has no text layer. Each page is rendered,
deskewed, cleared of isolated specks of dust (which Tesseract reads as stray ":", "|" or letters),
and split into ruled tables and the text around them:

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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytesseract
import regex
from PIL import Image, ImageOps

from parsers.blocks import Paragraph, ParsedDocument, Place, Row, Table, UnreadableFile
from parsers.ocr_image import (
    Grid,
    GridRow,
    ImageSettings,
    MarkerSettings,
    deskew,
    despeckle,
    find_grids,
    specks,
    text_line_count,
)
from parsers.ocr_text import (
    Line,
    cell_text,
    fix_date,
    join_lines,
    looks_date,
    looks_numeric,
    merge_readings,
    read_lines,
    restore_decimal_commas,
    split_paragraphs,
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
    # Page text is one column, so Tesseract's uniform-block mode is enough and faster than
    # full layout analysis.
    page_config: str = "--psm 6"
    cell_line_config: str = "--psm 7"
    cell_block_config: str = "--psm 4"
    # Cells are cut this far inside their rules: a sliver of rule at the edge of a crop makes
    # Tesseract misread the whole first line.
    cell_inset: int = 8
    # White margin around a cell crop; Tesseract expects some paper around text.
    cell_border: int = 20
    # A cell is read as one line only when its ink forms one band of rows: with 7 pt type two
    # lines fit in the height of one 10 pt line, and the one-line mode drops all but one.
    # Bands lower than this share of the tallest are dust or diacritics, not lines.
    line_band_share: float = 0.4
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
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)


@dataclass(slots=True)
class OcrTable:
    top: int
    rows: list[tuple[int, list[str], bool]]  # (top, cells, spanning)


@dataclass(slots=True)
class OcrPage:
    number: int
    height: int
    lines: list[Line]  # text outside the tables
    tables: list[OcrTable]


def check_engine(settings: OcrSettings) -> str:
    """Fail with what to install when Tesseract or its Swedish model is missing; return the
    language to read number and date cells with."""
    try:
        languages = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError):
        raise UnreadableFile("ocr_unavailable", INSTALL_HINT) from None
    if settings.lang not in languages:
        raise UnreadableFile("ocr_unavailable", INSTALL_HINT)
    return settings.number_lang if settings.number_lang in languages else settings.lang


def page_images(path: Path, password: str | None, dpi: int) -> list[np.ndarray]:
    """Every page as a grey image. Rendering rather than taking the embedded image works for any
    scanner's PDF: cropped, masked or several images per page."""
    document = open_pdf(path, password)
    try:
        return [np.asarray(document[k].render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
                for k in range(len(document))]
    finally:
        document.close()


def _cell_image(page: np.ndarray, row: GridRow, left: int, right: int, settings: OcrSettings) -> Image.Image | None:
    """The cell's content as black on white with paper around it, or None when it is empty."""
    inset = settings.cell_inset
    ink = page[row.top + inset:row.bottom - inset, left + inset:right - inset] < settings.ink_threshold
    ink &= ~specks(ink, settings.image)
    if int(ink.sum()) < settings.min_cell_ink:
        return None
    return ImageOps.expand(Image.fromarray(np.where(ink, 0, 255).astype(np.uint8)), settings.cell_border, 255)


def _read_cell(image: Image.Image, lang: str, settings: OcrSettings, percent_lang: str | None = None) -> str:
    one_line = text_line_count(np.asarray(image) < settings.ink_threshold, settings.line_band_share) == 1
    config = settings.cell_line_config if one_line else settings.cell_block_config
    lines = read_lines(image, lang, config, settings.markers, settings.dust_size, percent_lang)
    if not lines:
        return ""
    # The renderer's cell padding is the same on both sides: the text's left offset tells it.
    padding = min(line.left for line in lines) - settings.cell_border
    space = round(0.3 * sorted(line.height for line in lines)[len(lines) // 2])
    return cell_text(lines, image.width - settings.cell_border - padding, space)


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


def read_table(page: np.ndarray, grid: Grid, settings: OcrSettings, number_lang: str) -> OcrTable:
    width = len(grid.columns) - 1
    rows: list[tuple[int, list[str], bool]] = []
    images: dict[tuple[int, int], Image.Image] = {}
    for r, row in enumerate(grid.rows):
        cells = [""] * width
        for left, right in zip(row.borders, row.borders[1:]):
            column = min(range(width), key=lambda k: abs(grid.columns[k] - left))
            image = _cell_image(page, row, left, right, settings)
            if image is not None:
                images[r, column] = image
                cells[column] = _read_cell(image, settings.lang, settings, number_lang)
        rows.append((row.top, cells, len(row.borders) == 2 and width > 1))
    kinds = _column_kinds([cells for _, cells, _ in rows])
    for (r, column), image in images.items():
        cells = rows[r][1]
        if kinds[column] == "date":
            cells[column] = fix_date(cells[column])
        elif kinds[column] == "number" and looks_numeric(cells[column]):
            cells[column] = merge_readings(cells[column], _read_cell(image, number_lang, settings))
    for column in (k for k, kind in enumerate(kinds) if kind == "number"):
        fixed = restore_decimal_commas([cells[column] for _, cells, _ in rows[1:]], settings.min_decimal_cells,
                                       settings.max_commaless_share)
        for (_, cells, _), cell in zip(rows[1:], fixed):
            cells[column] = cell
    return OcrTable(grid.top, rows)


def read_page(number: int, image: np.ndarray, settings: OcrSettings, number_lang: str) -> OcrPage:
    page = despeckle(deskew(image, settings.image), settings.image)
    grids = find_grids(page, settings.image)
    tables = [read_table(page, grid, settings, number_lang) for grid in grids]
    text_only = page.copy()
    for grid in grids:
        pad = settings.cell_inset
        text_only[max(grid.top - pad, 0):grid.bottom + pad, max(grid.left - pad, 0):grid.right + pad] = 255
    lines = read_lines(Image.fromarray(text_only), settings.lang, settings.page_config, settings.markers,
                       settings.dust_size, number_lang)
    return OcrPage(number, page.shape[0], lines, tables)


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
    placed: list[tuple[int, Paragraph | Table]] = []
    for lines in split_paragraphs(kept, settings.paragraph_gap):
        place = Place(page=page.number, line=line_number[lines[0].top])
        placed.append((lines[0].top, Paragraph(join_lines(lines), place)))
    for table in page.tables:
        rows = [Row(cells, Place(page=page.number, line=line_number[top]), spanning=spanning)
                for top, cells, spanning in table.rows]
        placed.append((table.top, Table(rows, rows[0].place)))
    return [block for _, block in sorted(placed, key=lambda item: item[0])]


def read_scanned_pdf(path: Path, password: str | None = None,
                     settings: OcrSettings | None = None) -> ParsedDocument:
    settings = settings or OcrSettings()
    number_lang = check_engine(settings)
    images = page_images(path, password, settings.dpi)
    # Pages run in parallel, one Tesseract process each; Tesseract's own OpenMP threads on top
    # of that fight over the cores and make the whole three times slower. pytesseract hands
    # os.environ to Tesseract, so this is the only way in; a value the user set is kept.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    with ThreadPoolExecutor(max_workers=settings.workers) as pool:
        pages = list(pool.map(lambda item: read_page(item[0], item[1], settings, number_lang),
                              enumerate(images, start=1)))
    running = running_lines(pages, settings)
    blocks = [block for page in pages for block in page_blocks(page, running, settings)]
    return ParsedDocument(blocks, "pdf", page_count=len(pages), ocr=True)
