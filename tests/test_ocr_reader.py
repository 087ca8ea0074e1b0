"""The OCR reader on the real scanned fixture. Needs Tesseract with Swedish (CI installs it)."""
from __future__ import annotations

import importlib.util
import sys

import numpy as np
import pytest
import pytesseract

from parsers import page_count
from parsers.ocr import OcrSettings, read_scanned_pdf
from parsers.ocr_engine import SheetSettings, read_sheet, read_words
from parsers.ocr_image import ImageSettings, specks
from parsers.ocr_text import fix_date, fix_number, merge_readings, restore_decimal_commas
from parsers.text import read_text
from parsers.blocks import Paragraph, Table, UnreadableFile

from paths import FIXTURES, ROOT, SEEDS
from scan_recipe import ScanSettings, make_scan, rasterise
SEED = SEEDS / "000_05871d331dd0cb08.txt"
REPORT_004 = FIXTURES / "004_522f212c0b3259a2.pdf"
RULED_000 = FIXTURES / "000_05871d331dd0cb08.pdf"


def _bench(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scan(scan_000):
    return read_scanned_pdf(scan_000)


@pytest.fixture(scope="module")
def budget_page(tmp_path_factory):
    """Page 42 of the 004 report scanned the way the 000 fixture was: a 9-column indicator
    table at 7 pt and a budget table with a two-level header."""
    out = tmp_path_factory.mktemp("scan") / "004_page42.scan.pdf"
    make_scan(REPORT_004, out, ScanSettings(seed=1), first=42, last=42)
    return [b for b in read_scanned_pdf(out).blocks if isinstance(b, Table)]


def _tables_on(doc, page: int) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table) and b.place.page == page]


def _row_starting(table: Table, prefix: str):
    return next(row for row in table.rows if prefix in row.cells[0])


def test_scan_is_read_as_a_16_page_ocr_pdf(scan):
    assert (scan.source_format, scan.page_count, scan.ocr) == ("pdf", 16, True)
    assert all(b.place.page is not None and b.place.line is not None for b in scan.blocks)


def test_page_6_indicator_and_activity_tables_have_the_pdf_grid_shape(scan):
    indicators, activities = _tables_on(scan, 6)
    assert [len(indicators.rows), len(indicators.rows[0].cells)] == [8, 6]
    assert [len(activities.rows), len(activities.rows[0].cells)] == [5, 4]
    assert indicators.rows[0].cells[0] == "Indikator"


def test_indicator_value_keeps_decimal_comma_and_percent_sign(scan):
    row = _row_starting(_tables_on(scan, 6)[0], "Andel barn som lever i familjer")
    assert row.cells == ["● Andel barn som lever i familjer som är beroende av ekonomiskt bistånd",
                         "0,45 %", "0,5 %", "0,5 %", "4,4 %", "VB 2013"]


def test_activity_dates_are_iso_dates(scan):
    row = _tables_on(scan, 6)[1].rows[1]
    assert row.cells[1:3] == ["2013-01-01", "2013-12-31"]


def test_comment_row_is_one_spanning_cell_with_its_paragraphs(scan):
    row = _row_starting(_tables_on(scan, 6)[0], "Kommentar")
    assert row.spanning and row.cells[1:] == [""] * 5
    assert row.cells[0].startswith("Kommentar\nAntal barn i familjer")
    assert row.cells[0].endswith("\nKungsholmen: 0,43 % Norrmalm: 0,5 % Östermalm: 0,44 %")


def test_running_header_and_footer_are_dropped(scan):
    texts = [b.text for b in scan.blocks if isinstance(b, Paragraph)]
    assert not [t for t in texts if "Sida" in t or t.startswith("Stockholms stad")]
    assert not [t for t in texts if t.startswith("Östermalms stadsdelsnämnd Verksamhetsberättelse")]


def test_blocks_agree_with_the_text_reader_on_the_seed(scan):
    bench = _bench("compare_ocr")
    agreement = bench.compare(read_text(SEED), scan)
    # Measured on the original scan (workspace shared fixtures): 0.95 of all cells, 0.97 of value cells,
    # paragraph similarity 0.99. The scan is now made at test time by the same recipe, and its
    # noise decides a lot: scans with seeds 0-3 give cells 0.86-0.93, values 0.86-0.92 and
    # paragraphs 0.985-0.994 (OCR at c515e40), so these thresholds hold for any of them.
    assert agreement.tables_paired == agreement.tables_seed == 19
    assert agreement.cells_exact >= 0.85
    assert agreement.values_exact >= 0.85
    assert agreement.paragraph_similarity >= 0.95


def test_page_count_tells_the_pages_of_the_scan(scan_000):
    assert page_count(scan_000) == 16


def _text_bands(page: np.ndarray, count: int) -> list[np.ndarray]:
    """The first `count` lines of text of a page image, each cut out with paper around it."""
    inked = (page < 128).any(axis=1)
    edges = np.flatnonzero(np.diff(inked.astype(np.int8)))
    bands = [(top + 1, bottom + 1) for top, bottom in zip(edges[::2], edges[1::2]) if bottom - top > 15]
    return [np.ascontiguousarray(page[top - 10:bottom + 10]) for top, bottom in bands[:count]]


def test_a_sheet_gives_each_image_the_words_it_gives_alone():
    page = np.asarray(rasterise(RULED_000, 300, 1, 1)[0].convert("L"))
    bands = _text_bands(page, 4)
    alone = [[w.text for line in read_words(band, "swe", 6) for w in line] for band in bands]
    together = read_sheet(bands, "swe", 6, SheetSettings(max_height=2 * max(b.shape[0] for b in bands)))
    assert all(alone) and [[w.text for line in lines for w in line] for lines in together] == alone
    for band, lines in zip(bands, together):  # boxes are the image's own, not the sheet's
        assert all(0 <= w.top < w.bottom <= band.shape[0] for line in lines for w in line)


def test_missing_tesseract_binary_says_what_to_install(monkeypatch, scan_000):
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(UnreadableFile) as error:
        read_scanned_pdf(scan_000)
    assert error.value.code == "ocr_unavailable"
    assert "apt-get install tesseract-ocr tesseract-ocr-swe" in error.value.message


def test_missing_language_model_says_what_to_install(scan_000):
    with pytest.raises(UnreadableFile) as error:
        read_scanned_pdf(scan_000, settings=OcrSettings(lang="xx_not_installed"))
    assert error.value.code == "ocr_unavailable"


@pytest.mark.parametrize("raw, fixed", [
    ("0,38 96", "0,38 %"), ("0,5 Ho", "0,5 %"), ("0,45 240", "0,45 %"), ("Ost", "0 st"),
    ("1600 st", "1600 st"), ("5100", "5100"), ("Periodens utfall", "Periodens utfall")])
def test_number_cell_corrections(raw, fixed):
    assert fix_number(raw) == fixed


def test_two_line_cells_of_a_9_column_7pt_table_keep_both_lines(budget_page):
    indicators = budget_page[0]
    assert len(indicators.rows[0].cells) == 9
    row = _row_starting(indicators, "Andel elektroniska")
    assert row.cells[5:] == ["60 %", "70 %", "Tas fram av nämnden", "Tertial 2 2018"]


def test_two_level_header_puts_the_group_at_its_first_column(budget_page):
    budget = budget_page[-1]
    assert budget.rows[0].cells[1:] == ["augusti 2017", "", "", "augusti 2018", "", ""]
    # The case of a 7 pt bold capital is the model's guess; the grid is what is tested here.
    assert [cell.lower() for cell in budget.rows[1].cells[1:]] == ["budget", "utfall", "förbrukn"] * 2


def test_glued_percent_sign_is_not_read_as_digits(budget_page):
    row = _row_starting(budget_page[-1], "Taxor och avgifter")
    assert row.cells[1:] == ["-50,6", "-33,6", "66,4%", "-51,0", "-32,3", "63,4%"]


def test_dust_specks_are_found_and_punctuation_is_not():
    clean = np.asarray(rasterise(RULED_000, 300, 6, 6)[0])
    settings = ImageSettings()
    assert not specks(clean < settings.rule_threshold, settings).any()  # dots, commas, i, å, "-"
    dusty, dust = clean.copy(), np.zeros(clean.shape, dtype=bool)
    for y, x in [(60, 60), (60, 2400), (3440, 1200)]:  # blank margins of an A4 page at 300 dpi
        dust[y:y + 3, x:x + 3] = True
    dusty[dust] = 40
    assert (specks(dusty < settings.rule_threshold, settings) == dust).all()


@pytest.mark.parametrize("column, fixed", [
    (["-15,7", "-6,6", "-0,8", "-04", "", "1 150,9"], ["-15,7", "-6,6", "-0,8", "-0,4", "", "1 150,9"]),
    (["358", "650", "1 483", "54,5 %"], ["358", "650", "1 483", "54,5 %"]),
    (["1,5", "2,25", "3,1", "12"], ["1,5", "2,25", "3,1", "12"])])
def test_number_column_gets_its_decimal_comma_back(column, fixed):
    assert restore_decimal_commas(column, 3, 0.25) == fixed


@pytest.mark.parametrize("swedish, english, merged", [
    ("4,4 Yo", "44%", "4,4 %"), ("38,10", "38,1%", "38,1%"), ("15", "15", "15"), ("[RA", "0%", "0%"),
    ("9214", "91%", "91%"), ("66,424", "66,4%", "66,4%"), ("15,24", "75,2%", "75,2%"), ("4,46", "44%", "4,4%"),
    ("12 st", "12%", "12 st")])
def test_number_cell_merges_the_two_models(swedish, english, merged):
    assert merge_readings(swedish, english) == merged


def test_date_cell_reads_lookalike_letters_as_digits():
    assert fix_date("2013-0l-O1") == "2013-01-01"
