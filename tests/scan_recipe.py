"""The scan recipe: a "scanned archive copy" of a text-layer PDF, made the way the
original 000 scan fixture was made.

Each page is rasterised with `pdftoppm -r 200 -gray`, rotated, put on grey paper, given
Gaussian noise and dust specks, and JPEG-compressed at quality 50, one image per page, with no
text layer. It lives with the tests because they make the 000 scan from the ruled PDF at test
time (the 6.4 MB scan is not shipped); `bench/make_scan.py` is its command line, for scans of
reports we only have as text PDFs.
"""
from __future__ import annotations

import io
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image


@dataclass(frozen=True, slots=True)
class ScanSettings:
    dpi: int = 200
    angle: float = 0.5  # degrees, counter-clockwise as Pillow rotates
    # Grey level of the paper, and the noise's standard deviation in grey levels: measured on
    # blank margins of the 000 scan fixture (paper about 246, spread about 5 after JPEG).
    paper: int = 246
    noise: float = 7.0
    # The fixture's dust is about a thousand specks per page, nearly all a single dark pixel
    # at 200 dpi; a larger radius makes bigger specks.
    dust: int = 1200  # specks per page
    max_dust_radius: float = 1.0  # px at 200 dpi
    jpeg_quality: int = 50
    seed: int = 0


def rasterise(pdf: Path, dpi: int, first: int | None = None, last: int | None = None) -> list[Image.Image]:
    """The PDF's pages as grey images, as pdftoppm renders them."""
    with tempfile.TemporaryDirectory() as folder:
        pages = ["-f", str(first)] if first else []
        pages += ["-l", str(last)] if last else []
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", *pages, "-png", str(pdf), f"{folder}/p"], check=True)
        return [Image.open(path).convert("L") for path in sorted(Path(folder).glob("p-*.png"))]


def _add_dust(grey: np.ndarray, settings: ScanSettings, rng: np.random.Generator) -> None:
    """Small dark round specks of random darkness scattered over the page."""
    r = int(np.ceil(settings.max_dust_radius))
    yy, xx = np.mgrid[-r:r + 1, -r:r + 1]
    for _ in range(settings.dust):
        y, x = rng.integers(r, grey.shape[0] - r), rng.integers(r, grey.shape[1] - r)
        speck = yy ** 2 + xx ** 2 <= rng.uniform(0.5, settings.max_dust_radius) ** 2
        patch = grey[y - r:y + r + 1, x - r:x + r + 1]
        patch[speck] = np.minimum(patch[speck], rng.uniform(0, 110))


def scan_page(page: Image.Image, settings: ScanSettings, rng: np.random.Generator) -> Image.Image:
    """One rendered page as the scanner would give it: JPEG-decoded grey pixels."""
    rotated = page.rotate(settings.angle, resample=Image.BICUBIC, fillcolor=255)
    # Ink stays black and white becomes the paper's grey, as on a scanned sheet.
    grey = np.asarray(rotated, dtype=np.float32) * (settings.paper / 255)
    grey += rng.normal(0.0, settings.noise, grey.shape).astype(np.float32)
    _add_dust(grey, settings, rng)
    image = Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=settings.jpeg_quality)
    return Image.open(buffer)


def make_scan(pdf: Path, out: Path, settings: ScanSettings, first: int | None = None,
              last: int | None = None) -> Path:
    rng = np.random.default_rng(settings.seed)
    pages = [scan_page(page, settings, rng) for page in rasterise(pdf, settings.dpi, first, last)]
    # Pillow embeds a JPEG image as it is (DCTDecode), so the PDF holds the q50 pixels.
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=settings.dpi,
                  quality=settings.jpeg_quality)
    return out


def plain_scan(pdf: Path, out: Path, grey: bool, dpi: int = 200) -> Path:
    """The PDF's first page as a scanner in colour (or grey) gives it, no noise: one JPEG image."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", *(["-gray"] if grey else []), "-png",
                        str(pdf), f"{folder}/p"], check=True)
        [image] = [Image.open(p).convert("L" if grey else "RGB") for p in Path(folder).glob("p-*.png")]
    image.save(out, "PDF", resolution=dpi, quality=75)
    return out
