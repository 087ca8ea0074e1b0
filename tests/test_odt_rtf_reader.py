"""OpenDocument text (.odt) and RTF, the other word processors' saves an archive holds: read
through LibreOffice as legacy .doc is. Both were left out of a run unseen (no reader had their
names), and an RTF or .odt under another name was refused or read as junk."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from compare_blocks_docx import FIXTURES, assert_same_content, table_count
from parsers import detect_format, read
from parsers.doc import find_soffice
from parsers.docx import read_docx
from pipeline.run.basics import named_as_report

needs_soffice = pytest.mark.skipif(find_soffice() is None,
                                   reason="LibreOffice (soffice) is not on PATH: apt-get install libreoffice-writer-nogui")
STEM = "000_05871d331dd0cb08"


@pytest.fixture(scope="module")
def saves(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The 000 fixture saved by LibreOffice as OpenDocument text and as RTF."""
    workdir = tmp_path_factory.mktemp("saves")
    for kind in ("odt", "rtf"):
        subprocess.run([find_soffice(), f"-env:UserInstallation={(workdir / 'profile').as_uri()}", "--headless",
                        "--convert-to", kind, "--outdir", str(workdir), str(FIXTURES / f"{STEM}.docx")],
                       check=True, capture_output=True, timeout=180)
    return {kind: workdir / f"{STEM}.{kind}" for kind in ("odt", "rtf")}


def test_their_names_are_reports_of_the_run() -> None:
    assert named_as_report("Verksamhetsberättelse 2014.odt") and named_as_report("VB 2009.RTF")


@needs_soffice
@pytest.mark.parametrize("kind", ["odt", "rtf"])
def test_a_save_reads_like_the_docx_it_was_saved_from(saves: dict[str, Path], kind: str) -> None:
    expected = read_docx(FIXTURES / f"{STEM}.docx").blocks
    parsed = read(saves[kind])
    assert parsed.source_format == "doc"
    assert_same_content(expected, parsed.blocks)


@needs_soffice
@pytest.mark.parametrize("kind,name", [("odt", "rapport.docx"), ("rtf", "rapport.txt")])
def test_a_save_under_another_name_is_told_by_its_content(saves: dict[str, Path], tmp_path: Path,
                                                          kind: str, name: str) -> None:
    renamed = tmp_path / name
    renamed.write_bytes(saves[kind].read_bytes())
    fmt, problems = detect_format(renamed)
    assert (fmt, [p.code for p in problems]) == ("doc", ["wrong_extension"])
    assert table_count(read(renamed).blocks) == table_count(read_docx(FIXTURES / f"{STEM}.docx").blocks)
