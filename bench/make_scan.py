"""A "scanned archive copy" of a text-layer PDF, made the way the 000 scan fixture was made.

    .venv/bin/python bench/make_scan.py report.pdf out.scan.pdf [--seed 0] [--angle 0.5]
                                        [--noise 7] [--dust 1200] [--dust-radius 1] [--pages 6-7]

Each page is rasterised with `pdftoppm -r 200 -gray`, rotated, put on grey paper, given
Gaussian noise and dust specks, and JPEG-compressed at quality 50, one image per page, with no
text layer. The OCR reader is scored on scans of reports we only have as text PDFs, so this
makes such scans to measure it on; the angle and noise options make harder ones.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# One recipe for the tests and this command: the tests make their scan fixture with it.
from tests.scan_recipe import ScanSettings, make_scan  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    defaults = ScanSettings()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdf", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--angle", type=float, default=defaults.angle)
    parser.add_argument("--noise", type=float, default=defaults.noise)
    parser.add_argument("--dust", type=int, default=defaults.dust, help="specks per page")
    parser.add_argument("--dust-radius", type=float, default=defaults.max_dust_radius, help="px at 200 dpi")
    parser.add_argument("--pages", help="first-last page, e.g. 6-7")
    args = parser.parse_args(argv)
    first, last = (int(p) for p in args.pages.split("-")) if args.pages else (None, None)
    settings = ScanSettings(angle=args.angle, noise=args.noise, dust=args.dust, max_dust_radius=args.dust_radius,
                            seed=args.seed)
    make_scan(args.pdf, args.out, settings, first, last)
    return 0


if __name__ == "__main__":
    sys.exit(main())
