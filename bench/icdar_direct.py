#!/usr/bin/env python3
"""ICDAR 2013 through the PDF reader alone: every table `parsers.pdf.read_pdf` returns, as the
shared benchmark's `rapportdata` tool would see it in `table_cells` (row and column as in the
block, empty cells left out, a table split by the page of its rows), then scored by the shared
benchmark with --reuse. For working on the reader while the pipeline is in motion; the real
figures come from the shared benchmark run on the `rapportdata` command.

    python bench/icdar_direct.py --data /tmp/icdar/icdar2013-dataset --out /tmp/icdar/direct
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from parsers.blocks import Table
from parsers.pdf import read_pdf

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "icdar2013" / "icdar2013_bench.py"


def tables_of(pdf: Path) -> list[dict[str, object]]:
    out = []
    for block in read_pdf(pdf).blocks:
        if not isinstance(block, Table):
            continue
        by_page: dict[int, list[list[object]]] = defaultdict(list)
        for r, row in enumerate(block.rows):
            for c, text in enumerate(row.cells):
                if text:
                    by_page[row.place.page or 0].append([r, r, c, c, text])
        out += [{"page": page, "cells": cells} for page, cells in by_page.items()]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    found: dict[str, list[dict[str, object]]] = {}
    seconds: dict[str, float] = {}
    for subset in ("eu", "us"):
        start = time.perf_counter()
        for pdf in sorted(args.data.rglob(f"{subset}-*.pdf")):
            found[pdf.stem] = tables_of(pdf)
        seconds[subset] = time.perf_counter() - start
    cache = args.out / "extracted" / "rapportdata.json"
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps({"seconds": seconds, "errors": {}, "load": {"eu": [0, 0], "us": [0, 0]},
                                 "found": found}))
    return subprocess.call([sys.executable, str(BENCH), "--data", str(args.data), "--rapportdata", "unused",
                            "--out", str(args.out), "--tools", "rapportdata", "--reuse"])


if __name__ == "__main__":
    sys.exit(main())
