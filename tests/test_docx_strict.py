"""Word's "Strict Open XML" save (ISO/IEC 29500 Strict): the same package under the Strict
namespace names, read as Word reads it. It was refused as "damaged or incomplete". And a
macro-enabled document (.docm), refused as "not a Word document"."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from parsers.docx import read_docx
from paths import FIXTURES

# What Word's Strict save names differently: each transitional namespace and its Strict name.
STRICT_NAMES = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "http://purl.oclc.org/ooxml/officeDocument/math",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "http://purl.oclc.org/ooxml/drawingml/main",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing":
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "http://purl.oclc.org/ooxml/drawingml/picture",
}


def strict_copy(source: Path, target: Path) -> Path:
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as strict:
        for item in package.infolist():
            data = package.read(item)
            if item.filename.endswith((".xml", ".rels")):
                for transitional, name in STRICT_NAMES.items():
                    data = data.replace(transitional.encode(), name.encode())
            strict.writestr(item, data)
    return target


@pytest.mark.parametrize("stem", ["000_05871d331dd0cb08", "004_522f212c0b3259a2"])
def test_a_strict_save_reads_as_the_transitional_one(tmp_path: Path, stem: str) -> None:
    transitional = FIXTURES / f"{stem}.docx"
    strict = strict_copy(transitional, tmp_path / "strict.docx")
    assert b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" in \
        zipfile.ZipFile(strict).read("_rels/.rels")
    read_back, expected = read_docx(strict), read_docx(transitional)
    assert read_back.blocks == expected.blocks
    assert read_back.properties == expected.properties
    assert read_back.problems == expected.problems


def test_a_macro_enabled_document_reads_as_the_document(tmp_path: Path) -> None:
    transitional = FIXTURES / "000_05871d331dd0cb08.docx"
    macros = tmp_path / "rapport.docm"
    with zipfile.ZipFile(transitional) as package, zipfile.ZipFile(macros, "w", zipfile.ZIP_DEFLATED) as saved:
        for item in package.infolist():
            data = package.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    b"application/vnd.ms-word.document.macroEnabled.main+xml")
            saved.writestr(item, data)
        saved.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    from parsers import read
    from pipeline.run.basics import named_as_report

    assert named_as_report(macros.name)
    assert read(macros).blocks == read_docx(transitional).blocks
