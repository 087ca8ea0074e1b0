"""The legacy .doc reader: a fixture .docx is saved as .doc by LibreOffice, then read back.

Needs LibreOffice Writer (Debian: libreoffice-writer-nogui or libreoffice-writer); the tests that
convert are skipped without it, the missing-LibreOffice message is tested either way.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from compare_blocks_docx import FIXTURES, assert_same_content, table_count
from parsers import doc as doc_reader
from parsers.doc import find_soffice, read_doc
from parsers.docx import read_docx
from parsers.blocks import Paragraph, Table, UnreadableFile

needs_soffice = pytest.mark.skipif(find_soffice() is None,
                                   reason="LibreOffice (soffice) is not on PATH: apt-get install libreoffice-writer-nogui")
STEM = "000_05871d331dd0cb08"


@pytest.fixture(scope="module")
def legacy_doc(tmp_path_factory) -> Path:
    """The 000 fixture saved as Word 97-2003 .doc."""
    workdir = tmp_path_factory.mktemp("doc")
    subprocess.run([find_soffice(), f"-env:UserInstallation={(workdir / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc:MS Word 97", "--outdir", str(workdir), str(FIXTURES / f"{STEM}.docx")],
                   check=True, capture_output=True, timeout=180)
    return workdir / f"{STEM}.doc"


@needs_soffice
def test_doc_reads_like_the_docx_it_was_saved_from(legacy_doc):
    expected = read_docx(FIXTURES / f"{STEM}.docx").blocks
    parsed = read_doc(legacy_doc)
    assert parsed.source_format == "doc"
    assert_same_content(expected, parsed.blocks)


@needs_soffice
def test_doc_keeps_headings_merged_comment_rows_and_header_rows(legacy_doc):
    expected = read_docx(FIXTURES / f"{STEM}.docx").blocks
    actual = read_doc(legacy_doc).blocks

    def marks(blocks):
        return ([(b.text, b.heading, b.bold) for b in blocks if isinstance(b, Paragraph)],
                [(r.spanning, r.header) for b in blocks if isinstance(b, Table) for r in b.rows])

    assert marks(actual) == marks(expected)


@needs_soffice
def test_doc_sniffed_behind_a_wrong_name_is_still_converted(legacy_doc, tmp_path):
    renamed = tmp_path / "rapport.pdf"
    renamed.write_bytes(legacy_doc.read_bytes())
    assert table_count(read_doc(renamed).blocks) == 20


@needs_soffice
def test_damaged_doc_raises_damaged_doc(tmp_path):
    broken = tmp_path / "broken.doc"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 64)
    with pytest.raises(UnreadableFile) as raised:
        read_doc(broken)
    assert raised.value.code == "damaged_doc"


@needs_soffice
def test_conversion_over_time_limit_raises_conversion_timeout(legacy_doc, tmp_path):
    with pytest.raises(UnreadableFile) as raised:
        doc_reader.convert_to_docx(legacy_doc, tmp_path, timeout=0.01)
    assert raised.value.code == "conversion_timeout"


def test_file_that_is_neither_word_nor_rtf_raises_not_a_word_file(tmp_path):
    text = tmp_path / "notes.doc"
    text.write_text("just text")
    with pytest.raises(UnreadableFile) as raised:
        read_doc(text)
    assert raised.value.code == "not_a_word_file"


def test_missing_libreoffice_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing on PATH: no soffice, no libreoffice
    fake = tmp_path / "old.doc"
    fake.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    with pytest.raises(UnreadableFile) as raised:
        read_doc(fake)
    assert raised.value.code == "libreoffice_missing"
    assert "apt-get install libreoffice-writer" in raised.value.message
