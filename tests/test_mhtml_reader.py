"""Web archives (.mht): Word's "Single File Web Page" save, a MIME message whose HTML part is
the page. Such files were left out of a run unseen (no reader had their names); now their page
reads as the same page saved as .html does."""
from __future__ import annotations

import base64
import quopri
from pathlib import Path

import pytest

from parsers import detect_format, read
from parsers.html import read_html
from pipeline.run.basics import named_as_report
from test_html_reader import REPORT

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
BOUNDARY = "----=_NextPart_01D9A3B2.5C1E2F40"


def web_archive(html: str, charset: str, encoding: str) -> bytes:
    """An .mht as Word writes one: multipart/related, the page first (its charset in its
    Content-Type, quoted-printable or base64), then its pictures."""
    raw = html.encode(charset, errors="xmlcharrefreplace")  # as Word writes what the charset lacks
    body = quopri.encodestring(raw) if encoding == "quoted-printable" else base64.encodebytes(raw)
    return b"\n".join([
        b"MIME-Version: 1.0", f'Content-Type: multipart/related; boundary="{BOUNDARY}"'.encode(), b"",
        b"This document is a Single File Web Page, also known as a Web Archive file.", b"",
        f"--{BOUNDARY}".encode(), b"Content-Location: file:///C:/rapport.htm",
        f"Content-Transfer-Encoding: {encoding}".encode(), f'Content-Type: text/html; charset="{charset}"'.encode(),
        b"", body, f"--{BOUNDARY}".encode(), b"Content-Location: file:///C:/rapport_files/image001.png",
        b"Content-Transfer-Encoding: base64", b"Content-Type: image/png", b"", base64.encodebytes(PNG),
        f"--{BOUNDARY}--".encode(), b""])


@pytest.mark.parametrize("charset,encoding", [("windows-1252", "quoted-printable"), ("utf-8", "base64")])
def test_a_web_archive_reads_as_its_page(tmp_path: Path, charset: str, encoding: str) -> None:
    page = tmp_path / "rapport.html"
    page.write_text(REPORT, encoding="utf-8")
    archive = tmp_path / "rapport.mht"
    archive.write_bytes(web_archive(REPORT.replace('charset="utf-8"', f'charset="{charset}"'), charset, encoding))
    parsed = read(archive)
    assert parsed.source_format == "html"
    assert parsed.blocks == read_html(page).blocks
    assert parsed.problems == []


def test_a_web_archive_is_told_by_its_name_and_by_its_content(tmp_path: Path) -> None:
    assert named_as_report("Tertialrapport 1 2012.mht") and named_as_report("VP 2013.MHTML")
    misnamed = tmp_path / "rapport.txt"
    misnamed.write_bytes(web_archive(REPORT, "utf-8", "base64"))
    fmt, problems = detect_format(misnamed)
    assert (fmt, [p.code for p in problems]) == ("mhtml", ["wrong_extension"])
