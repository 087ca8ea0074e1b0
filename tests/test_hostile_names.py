"""A file named with control characters (a CR, an escape sequence): the run's key=value lines on
stderr quote and escape them, so the name cannot rewrite the terminal's line or forge a line."""
from __future__ import annotations

from pathlib import Path

from runs import cli


def test_control_characters_in_a_name_are_escaped_on_stderr(tmp_path: Path) -> None:
    src = tmp_path / "raw"
    src.mkdir()
    (src / "a\rb\x1b[2Jc.txt").write_bytes(b"x\x00y")  # binary: one problem line naming the file
    done = cli("run", "--input", src, "--output", tmp_path / "out")
    assert done.returncode == 1
    line = next(line for line in done.stderr.splitlines() if "event=problem" in line)
    assert 'path="a\\rb\\u001b[2Jc.txt"' in line
    assert "\r" not in done.stderr and "\x1b" not in done.stderr
