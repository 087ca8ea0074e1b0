"""Fixtures shared by the test files."""
from __future__ import annotations

from pathlib import Path

import pytest

from paths import SEEDS, SHARED


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the project (fixtures, gold, eval); the test is skipped without it."""
    if not (SHARED / "fixtures").is_dir():
        pytest.skip(f"the shared folder is not beside the project ({SHARED})")
    return SHARED


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    """data/raw: the seed reports as text."""
    return SEEDS
