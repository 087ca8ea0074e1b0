"""Every rendering of a gold seed (Word, ruled PDF, line-free PDF, scan) against the gold, and
against the score of the text it was made from: a report must give the same dataset in every format."""
from __future__ import annotations

import pytest
from goldcheck import dataset_rows, score
from paths import FIXTURES, GOLD, SEEDS

STEMS = sorted(p.name for p in GOLD.iterdir() if p.is_dir())
RENDERINGS = ("docx", "pdf", "plain.pdf")


def overall(path, stem: str) -> float:
    return score(stem, dataset_rows(path, path.parent)).overall


@pytest.fixture(scope="module")
def text_scores() -> dict[str, float]:
    return {stem: overall(SEEDS / f"{stem}.txt", stem) for stem in STEMS}


@pytest.mark.parametrize("rendering", RENDERINGS)
@pytest.mark.parametrize("stem", STEMS)
def test_rendering_scores_as_well_as_its_text(text_scores, stem, rendering):
    path = FIXTURES / f"{stem}.{rendering}"
    result = overall(path, stem)
    assert result >= 0.93
    assert result >= text_scores[stem] - 0.02, (result, text_scores[stem])


def test_scanned_copy_read_by_ocr_scores_at_least_085(scan_000):
    stem = "000_05871d331dd0cb08"
    tables = dataset_rows(scan_000, scan_000.parent)
    assert tables["documents"][0]["ocr"] is True
    assert score(stem, tables).overall >= 0.85
