"""Hostile inputs at the DOCX and HTML readers whose content went missing unsaid or came out as
junk: a Word file whose text is an embedded part in another format (altChunk), and a page with a
DOCTYPE internal subset (entity declarations, as an XHTML file or an attack carries them)."""
from __future__ import annotations

from pathlib import Path

from generated import docx_with_document_xml, one_goal_docx
from parsers.blocks import Paragraph
from parsers.docx import read_docx
from parsers.html import read_html

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def test_an_alt_chunk_not_read_is_said(tmp_path: Path) -> None:
    base = one_goal_docx(tmp_path / "base.docx")
    xml = (f"<w:document {_W} {_R}><w:body><w:p><w:r><w:t>Inledning</w:t></w:r></w:p>"
           '<w:altChunk r:id="rId99"/><w:tbl><w:tr><w:tc><w:altChunk r:id="rId98"/></w:tc></w:tr></w:tbl>'
           "</w:body></w:document>").encode()
    parsed = read_docx(docx_with_document_xml(base, tmp_path / "chunk.docx", xml))
    assert [b.text for b in parsed.blocks if isinstance(b, Paragraph)] == ["Inledning"]
    assert [(p.severity, p.code) for p in parsed.problems] == [("warning", "docx_alt_chunk")]
    assert "embeds 2 part(s)" in parsed.problems[0].message
    assert read_docx(base).problems == []


def test_a_doctype_internal_subset_is_not_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "entiteter.xhtml"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE html [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n'
                    '<!ENTITY a "aaaa">\n]>\n<html><body>\n<p>Nämndmål &amp; mer</p>\n<p>&x;</p>\n</body></html>\n',
                    encoding="utf-8")
    parsed = read_html(path)
    paragraphs = [b for b in parsed.blocks if isinstance(b, Paragraph)]
    assert [p.text for p in paragraphs] == ["Nämndmål & mer", "&x;"]  # never the file's content
    assert paragraphs[0].place.line == 7 and parsed.problems == []


def test_utf16_text_cut_in_half_a_character_is_read_with_a_warning(tmp_path: Path) -> None:
    # It was refused as binary data ("a NUL byte at byte 3"): the odd last byte failed the decoding.
    from parsers.text import read_text
    from paths import SEEDS

    seed = SEEDS / "001_0037d1aa6ba7bc46.txt"
    text = seed.read_text(encoding="utf-8")
    for name, raw, codes in (("bom.txt", text.encode("utf-16") + b"\x00", ["truncated_utf_16"]),
                             ("nobom.txt", text.encode("utf-16-le") + b"\x00", ["utf_16", "truncated_utf_16"])):
        (tmp_path / name).write_bytes(raw)
        parsed = read_text(tmp_path / name)
        assert parsed.blocks == read_text(seed).blocks
        assert [p.code for p in parsed.problems] == codes and "half a character" in parsed.problems[-1].message


def test_a_doc_keeps_its_own_properties_not_python_docx_defaults(tmp_path: Path) -> None:
    # LibreOffice relates docProps/core.xml by a relationship type python-docx does not know, which
    # then made up its defaults: every legacy .doc was titled "Word Document" (and lost its title,
    # author and date). A .doc saved from the 000 fixture keeps the fixture's.
    import subprocess

    import pytest

    from parsers.doc import find_soffice, read_doc
    from paths import FIXTURES

    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not on PATH")
    source = FIXTURES / "000_05871d331dd0cb08.docx"
    subprocess.run([find_soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc:MS Word 97", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    parsed = read_doc(tmp_path / "000_05871d331dd0cb08.doc")
    expected = read_docx(source).properties
    assert expected["title"] == "Verksamhetsberättelse VB 2013"
    assert {key: parsed.properties.get(key) for key in ("title", "author")} == \
        {key: expected[key] for key in ("title", "author")}
    rtf = tmp_path / "rtf.doc"
    rtf.write_bytes(b"{\\rtf1\\ansi N\\'e4mndm\\'e5l: Alla barn\\par}")
    assert "title" not in read_doc(rtf).properties  # none of its own, none made up


def test_plain_text_named_doc_is_read_as_text(tmp_path: Path) -> None:
    # It was refused (not_a_word_file): LibreOffice is given Word 97-2003 and RTF only.
    import pytest

    import parsers
    from parsers.blocks import UnreadableFile
    from paths import SEEDS

    seed = SEEDS / "001_0037d1aa6ba7bc46.txt"
    named = tmp_path / "export.doc"
    named.write_bytes(seed.read_bytes())
    parsed = parsers.read(named)
    assert parsed.blocks == parsers.read(seed).blocks
    assert [(p.severity, p.code) for p in parsed.problems] == [("warning", "wrong_extension")]
    assert "plain text" in parsed.problems[0].message
    binary = tmp_path / "dos.doc"  # binary without Word's or RTF's signature: still not a Word file
    binary.write_bytes(b"\x31\xbe\x00\x00" + bytes(range(256)) * 4)
    with pytest.raises(UnreadableFile) as refused:
        parsers.read(binary)
    assert refused.value.code == "not_a_word_file"
