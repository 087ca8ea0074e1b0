"""Fixtures shared by the test files. The inputs too big to ship are made once per session."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generated import endless_scan_pdf, huge_table_text
from paths import BAD, FIXTURES, SEEDS
from scan_recipe import ScanSettings, make_scan

SCAN_STEM = "000_05871d331dd0cb08"


@pytest.fixture(scope="session", autouse=True)
def own_user_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Runs made by the tests keep their compiled patterns (pipeline.run.patterns) in a folder of
    the session's, not in the developer's ~/.cache: a test must not depend on what an earlier
    run left there, nor leave anything."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user_cache"))


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    """data/raw: the seed reports as text."""
    return SEEDS


@pytest.fixture(scope="session")
def scan_000(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scanned copy of report 000, made from its ruled PDF with the project's scan recipe
    (the recipe that made the original 6.4 MB fixture, which is not shipped)."""
    out = tmp_path_factory.mktemp("scan") / f"{SCAN_STEM}.scan.pdf"
    # Seed 1, as the OCR tests' other scan: seed 0's noise puts a speck after two words of page
    # 6 that Tesseract reads as punctuation ("bistånd:", "i'"), which the exact-cell tests there
    # would report as the reader's fault; seeds 1-3 do not.
    return make_scan(FIXTURES / f"{SCAN_STEM}.pdf", out, ScanSettings(seed=1))


@pytest.fixture(scope="session")
def huge_table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """huge_table.txt: a report with one 50,000-row indicator table (5.9 MB, made, not shipped)."""
    path = tmp_path_factory.mktemp("huge") / "huge_table.txt"
    path.write_text(huge_table_text(), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def endless_scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scan of 5,000 pages (0.7 MB) that no reader finishes in less than minutes."""
    path = tmp_path_factory.mktemp("endless") / "endless.scan.pdf"
    path.write_bytes(endless_scan_pdf())
    return path


@pytest.fixture(scope="session")
def bad_dir(tmp_path_factory: pytest.TempPathFactory, huge_table: Path) -> Path:
    """Every broken input of tests/fixtures/bad, with the generated huge_table.txt beside them."""
    folder = tmp_path_factory.mktemp("bad") / "bad"
    shutil.copytree(BAD, folder)
    shutil.copy(huge_table, folder / huge_table.name)
    return folder
