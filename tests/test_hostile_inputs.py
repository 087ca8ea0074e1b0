"""Hostile and careless inputs at the readers (issue 10, items 2 and 11), each made here: the
reader either reads the content in full, saying what was odd, or refuses the file with a
message that says what it is, never with a library's own words ("PDFium: Success")."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

import parsers
from generated import deep_html, docx_with_document_xml, zero_page_pdf
from parsers.blocks import Paragraph, ParsedDocument, UnreadableFile
from parsers.docx import read_docx
from parsers.html import MAX_DEPTH, read_html
from parsers.pdf import read_pdf
from parsers.text import read_text
from paths import BAD, SEEDS

SEED_001 = SEEDS / "001_0037d1aa6ba7bc46.txt"  # 23 KB
SEED_004 = SEEDS / "004_522f212c0b3259a2.txt"  # 151 KB: past the old 64 KB NUL window
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _texts(parsed: ParsedDocument) -> list[str]:
    return [block.text for block in parsed.blocks if isinstance(block, Paragraph)]


def _refusal(read, path: Path) -> UnreadableFile:
    with pytest.raises(UnreadableFile) as raised:
        read(path)
    return raised.value


# ---------------------------------------------------------------- deep HTML


# 300: past lxml's default limit (256); 3000: past its huge_tree limit (2048), where lxml drops
# the rest of the page whatever the options.
@pytest.mark.parametrize("depth", [300, 3000])
def test_html_nested_past_lxmls_limit_keeps_every_paragraph_and_says_so(tmp_path, depth):
    path = tmp_path / "djup.html"
    path.write_text(deep_html(depth), encoding="utf-8")
    parsed = read_html(path)
    assert _texts(parsed) == ["Djupt stycke om ekonomiskt bistånd.", "Senare stycke: Nämndmål uppfylls helt."]
    assert [(p.severity, p.code) for p in parsed.problems] == [("warning", "deep_nesting")]
    assert f"more than {MAX_DEPTH} levels" in parsed.problems[0].message
    assert parsed.properties == {"title": "Djup sida"}


def test_deeply_nested_paragraphs_stay_apart(tmp_path):
    path = tmp_path / "trappa.html"
    path.write_text("<html><body>" + "<div><p>steg</p>" * 600 + "</div>" * 600 + "<p>slut</p></body></html>")
    parsed = read_html(path)
    assert _texts(parsed) == ["steg"] * 600 + ["slut"]
    assert [p.code for p in parsed.problems] == ["deep_nesting"]


def test_ordinary_nesting_gives_no_warning(tmp_path):
    path = tmp_path / "vanlig.html"
    path.write_text(deep_html(40), encoding="utf-8")
    parsed = read_html(path)
    assert len(_texts(parsed)) == 2 and parsed.problems == []


# ---------------------------------------------------------------- UTF-16 text


@pytest.mark.parametrize("codec, warned", [("utf-16", False), ("utf-16-be-bom", False), ("utf-16-le", True),
                                           ("utf-16-be", True)])
def test_utf16_text_is_decoded_like_its_utf8(tmp_path, codec, warned):
    text = SEED_001.read_text(encoding="utf-8").replace("\n", "\r\n")  # as Windows' Notepad saves it
    raw = b"\xfe\xff" + text.encode("utf-16-be") if codec == "utf-16-be-bom" else text.encode(codec)
    path = tmp_path / "unicode.txt"
    path.write_bytes(raw)
    parsed = read_text(path)
    assert parsed.blocks == read_text(SEED_001).blocks
    assert [p.code for p in parsed.problems] == (["utf_16"] if warned else [])


# ---------------------------------------------------------------- NUL bytes


def test_nul_byte_past_the_first_64_kb_is_found(tmp_path):
    raw = bytearray(SEED_004.read_bytes())
    raw[100_000] = 0
    path = tmp_path / "inbakad.txt"
    path.write_bytes(bytes(raw))
    refused = _refusal(read_text, path)
    assert refused.code == "binary_file" and "byte 100,000" in refused.message


def test_nul_padding_at_the_end_is_dropped_with_a_warning(tmp_path):
    path = tmp_path / "avbruten.txt"
    path.write_bytes(SEED_004.read_bytes() + b"\x00" * 70_000)
    parsed = read_text(path)
    assert parsed.blocks == read_text(SEED_004).blocks
    assert [p.code for p in parsed.problems] == ["nul_padding"] and "70,000 NUL bytes" in parsed.problems[0].message


def test_random_bytes_stay_binary():
    assert _refusal(read_text, BAD / "binary.txt").code == "binary_file"


# ---------------------------------------------------------------- 0-page PDF


def test_pdf_without_pages_says_so(tmp_path):
    path = tmp_path / "tom.pdf"
    path.write_bytes(zero_page_pdf())
    for read in (read_pdf, parsers.read):
        refused = _refusal(read, path)
        assert refused.code == "no_pages" and "has no pages" in refused.message
        assert "PDFium" not in refused.message and "Success" not in refused.message


# ---------------------------------------------------------------- zips with XML past the limits


@pytest.fixture
def word_file(tmp_path) -> Path:
    document = docx.Document()
    document.add_paragraph("Nämndmål: Alla barn har en trygg uppväxt")
    path = tmp_path / "frisk.docx"
    document.save(str(path))
    return path


def test_docx_with_xml_nested_too_deep_says_so(tmp_path, word_file):
    body = b"<w:sdt><w:sdtContent>" * 200 + b"<w:p><w:r><w:t>Djup</w:t></w:r></w:p>" + b"</w:sdtContent></w:sdt>" * 200
    xml = f"<w:document {_W}><w:body>".encode() + body + b"</w:body></w:document>"
    refused = _refusal(read_docx, docx_with_document_xml(word_file, tmp_path / "djup.docx", xml))
    assert refused.code == "docx_xml_too_deep"
    assert "valid .docx zip" in refused.message and "not a valid" not in refused.message
    assert "256 levels" in refused.message


def test_docx_with_a_text_too_large_says_so(tmp_path, word_file):
    xml = f"<w:document {_W}><w:body><w:p><w:r><w:t>".encode() + b"a" * (11 * 1024 * 1024) + \
        b"</w:t></w:r></w:p></w:body></w:document>"
    refused = _refusal(read_docx, docx_with_document_xml(word_file, tmp_path / "stor.docx", xml))
    assert refused.code == "docx_xml_too_large"
    assert "valid .docx zip" in refused.message and "10 MB" in refused.message


def test_docx_with_malformed_xml_is_damaged_but_not_called_a_bad_zip(tmp_path, word_file):
    xml = f"<w:document {_W}><w:body><w:p>".encode()  # cut off: never closed
    refused = _refusal(read_docx, docx_with_document_xml(word_file, tmp_path / "trasig.docx", xml))
    assert refused.code == "damaged_docx" and "valid zip but its XML is malformed" in refused.message


def test_zip_cut_in_half_is_still_not_a_valid_zip():
    refused = _refusal(read_docx, BAD / "truncated.docx")
    assert refused.code == "damaged_docx" and "not a valid .docx zip" in refused.message


def test_the_untouched_word_file_reads(word_file):
    assert _texts(read_docx(word_file)) == ["Nämndmål: Alla barn har en trygg uppväxt"]
