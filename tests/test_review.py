"""`rapportdata review` in a real headless Chromium: a PDF built from a seed's financial table
with a sign error in its total, read by the pipeline, shows its page image with the budget cells
outlined and the flagged cell outlined in red at its box."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PIL import Image

from paths import ROOT, SEEDS
from pipeline.review.pages import COLOURS, SCALE
from pipeline.run.cli import main

sys.path.insert(0, str(ROOT / "bench"))
from render_seed import render  # noqa: E402

CHROMIUM = shutil.which("chromium")
TOTAL = "Nämnden totalt\t1 150,9\t1 194,6\t1 196,3\t-1,7\t4,1\t2,4"


def _report(folder: Path) -> Path:
    seed = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(seed) if line.startswith("Prognos per verksamhetsområde"))
    table = "\n".join(seed[start:start + 15]).replace(TOTAL, TOTAL[:-4] + "\t-2,4")
    text = folder / "t2.txt"
    text.write_text(f"Tertialrapport 2 2018\n\nSocialnämnden\n\nEkonomi\n\n{table}\n", encoding="utf-8")
    return render(text, folder / "pdf")["pdf"]


def _rgb(image: Image.Image, x: float, y: float) -> tuple[int, int, int]:
    r, g, b = image.getpixel((round(x), round(y)))[:3]
    return r, g, b


@pytest.mark.skipif(CHROMIUM is None or shutil.which("soffice") is None, reason="needs chromium and LibreOffice")
def test_the_review_page_shows_the_page_and_outlines_the_flag(tmp_path: Path):
    pdf = _report(tmp_path)
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(pdf, raw / "t2.pdf")
    out, site = tmp_path / "out", tmp_path / "review"
    assert main(["run", "--input", str(raw), "--output", str(out), "--jobs", "1"]) == 0
    assert main(["review", "--output", str(out), "--to", str(site), "--input", str(raw)]) == 0
    import pyarrow.parquet as pq
    [flag] = pq.read_table(out / "checks").to_pylist()
    assert flag["row_label"] == "Nämnden totalt" and flag["printed_raw"] == "-2,4" and flag["page"] == 1
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "t2.pdf" in index and f"doc/{flag['doc_id']}.html" in index
    page = site / "doc" / flag["doc_id"] / "page-1.html"
    shot = tmp_path / "shot.png"
    subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run",
                    f"--user-data-dir={tempfile.mkdtemp(dir=tmp_path)}", "--hide-scrollbars",
                    "--window-size=1000,1300", f"--screenshot={shot}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    image = Image.open(shot).convert("RGB")
    red = tuple(int(COLOURS["check"][k:k + 2], 16) for k in (1, 3, 5))
    x0, y0, x1, y1 = (flag[k] * SCALE for k in ("x0", "y0", "x1", "y1"))
    # The red outline runs 2 px outside the cell's box, 3 px wide: its left edge, mid-height.
    edge = [_rgb(image, x0 - 2 + dx, (y0 + y1) / 2) for dx in (0.5, 1.5)]
    assert any(sum(abs(a - b) for a, b in zip(pixel, red)) < 60 for pixel in edge), edge
    # ... and nowhere else red: well left of it is the white page or black text.
    assert sum(abs(a - b) for a, b in zip(_rgb(image, x0 - 40, (y0 + y1) / 2), red)) > 150
    # The page image is there: dark text pixels inside the flagged cell.
    inside = [_rgb(image, x, (y0 + y1) / 2) for x in range(round(x0) + 1, round(x1))]
    assert min(sum(p) for p in inside) < 300
    # Budget cells in orange: the cell left of the flag (Justering 4,1) on the same line.
    orange = tuple(int(COLOURS["budget"][k:k + 2], 16) for k in (1, 3, 5))
    row = [_rgb(image, x, y0 - 1.5) for x in range(0, round(x0) - 4)]
    assert any(sum(abs(a - b) for a, b in zip(p, orange)) < 60 for p in row)
