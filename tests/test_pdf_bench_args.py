"""bench/bench_pdf.py takes its options through argparse: --help prints them (it was taken for
the fixtures folder and ended in a ValueError after every round), and a folder without PDFs is
refused before any round is run."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "bench" / "bench_pdf.py"), *args],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)


def test_pdf_bench_help_lists_its_options() -> None:
    done = _bench("--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage:")
    for option in ("--repeat", "--baseline", "fixtures"):
        assert option in done.stdout


def test_pdf_bench_refuses_a_folder_without_pdfs(tmp_path: Path) -> None:
    done = _bench(str(tmp_path), "--repeat", "1")
    assert done.returncode == 2
    assert "no fixture PDFs" in done.stderr
    assert "Traceback" not in done.stderr


def test_pdf_bench_refuses_no_rounds(tmp_path: Path) -> None:
    done = _bench(str(tmp_path), "--repeat", "0")
    assert done.returncode == 2
    assert "--repeat must be at least 1" in done.stderr
