"""Every benchmark and development script answers `--help` with its usage and exits 0.

A user's first call to a script is `--help`; a script that reads '--help' as a folder name and
runs (bench_pdf.py once did, and ended in a ValueError) gives neither help nor a clear error."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from paths import ROOT

SCRIPTS = sorted(p for p in (ROOT / "bench").glob("*.py") if 'if __name__ == "__main__":' in p.read_text("utf-8"))


def test_the_scripts_are_found() -> None:
    assert {"bench_pdf.py", "bench_text.py", "compare_pdf.py", "render_seed.py"} <= {p.name for p in SCRIPTS}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_help_shows_usage(script: Path) -> None:
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: "), done.stdout[:200]
    assert "Traceback" not in done.stderr
