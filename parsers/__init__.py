"""One reader per input format, all producing `parsers.blocks.ParsedDocument`.

`read(path)` picks the reader from the file's first bytes, not only its name, so a Word file
saved as `.pdf` is still read (with a warning) and a broken file gets a clear reason.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from parsers.blocks import ParsedDocument, Problem

# The block model (parsers.blocks) is imported where a file is looked at: a run's own process
# needs only the tables of formats and readers here, and never imports it.

# suffix -> format; the order of formats in READERS is the order sniffing tries them.
SUFFIX_FORMATS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".doc": "doc", ".rtf": "doc", ".odt": "doc",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".mht": "mhtml", ".mhtml": "mhtml",
}

# format -> "module:function"; imported lazily so a missing optional library only affects its format.
READERS = {
    "txt": "parsers.text:read_text",
    "md": "parsers.text:read_text",
    "pdf": "parsers.pdf:read_pdf",
    "docx": "parsers.docx:read_docx",
    "doc": "parsers.doc:read_doc",
    "html": "parsers.html:read_html",
    "mhtml": "parsers.mhtml:read_mhtml",
}
TEXT_FORMATS = ("txt", "md")

# The shared libraries reading a scan maps beyond what the PDF reader maps, and pytesseract,
# which imports pandas (for a DataFrame output OCR does not use) unless it is hidden then, as
# the workers do (pipeline.run.preload). A process that has loaded parsers.pdf and these imports
# the OCR modules, pure Python, when it first meets a scan without mapping any library then:
# under a worker's memory cap a library mapped late can fail to map, so a worker loads them,
# outside its cap, before a PDF that looks scanned.
SCAN_LIBRARIES = ("numpy", "PIL.Image", "pytesseract")


def opendocument_text(head: bytes) -> bool:
    """An OpenDocument text (.odt, .ott): a zip whose first part, stored, names its kind."""
    return head.startswith(b"PK\x03\x04") and head[30:].startswith(b"mimetypeapplication/vnd.oasis.opendocument.text")


def sniff(head: bytes) -> str | None:
    """The format the file's first bytes show, or None when they show nothing certain. "doc" is
    what LibreOffice converts: Word 97-2003, RTF and OpenDocument text."""
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if opendocument_text(head):
        return "doc"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith((b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"{\\rtf")):
        return "doc"
    lowered = head[:512].lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    if lowered.startswith((b"mime-version:", b"from:", b"content-type:")) and b"multipart/related" in head.lower():
        return "mhtml"  # a web archive: a MIME message's headers, then the page and its pictures
    return None


def detect_format(path: Path) -> tuple[str, list[Problem]]:
    from parsers.blocks import Problem, UnreadableFile

    by_name = SUFFIX_FORMATS.get(path.suffix.lower())
    with path.open("rb") as handle:
        head = handle.read(2048)
    if not head:
        raise UnreadableFile("empty_file", "the file is empty (0 bytes): nothing to read; "
                                           "check that the download or copy completed")
    by_content = sniff(head)
    if by_content and by_name and by_content != by_name and by_name not in TEXT_FORMATS:
        return by_content, [Problem("warning", "wrong_extension",
                                    f"the file is named .{path.suffix.lstrip('.')} but its content is "
                                    f"{by_content.upper()}; it was read as {by_content.upper()}")]
    if by_content and by_name in TEXT_FORMATS and by_content != "html":
        return by_content, [Problem("warning", "wrong_extension",
                                    f"the file is named {path.suffix} but its content is {by_content.upper()}")]
    if by_name == "doc" and not by_content and b"\x00" not in head:
        # Plain text saved under .doc (as some systems export): LibreOffice is given Word, RTF
        # and OpenDocument alone; the text reader reads it, or says why it is not text.
        return "txt", [Problem("warning", "wrong_extension", f"the file is named {path.suffix} but its content is "
                                                             "plain text; it was read as text")]
    if by_name:
        return by_name, []
    if by_content:
        return by_content, []
    raise UnreadableFile("unknown_format", f"unknown file type {path.suffix!r}: rapportdata reads "
                                           f"{', '.join(sorted(set(SUFFIX_FORMATS)))}")


def page_count(path: Path, password: str | None = None) -> int:
    """How many pages a PDF has, without reading any: what the time its reading (OCR above all)
    grows with. PDFium alone: counting the pages of a PDF with a text layer loads nothing of OCR."""
    from parsers.pdf_open import open_pdf

    document = open_pdf(path, password)
    try:
        return len(document)
    finally:
        document.close()


def looks_scanned(path: Path, password: str | None = None) -> bool:
    """Whether a PDF's first page holds no characters, as a scan's does (PDFium alone, one page):
    what tells a run's worker to load SCAN_LIBRARIES before reading it. The reader decides for
    itself (no text on any page); a PDF this misjudges is read all the same."""
    from parsers.pdf_open import open_pdf

    document = open_pdf(path, password)
    try:
        if not len(document):
            return False
        page = document[0]
        text = page.get_textpage()
        try:
            return not text.count_chars()
        finally:
            text.close()
            page.close()
    finally:
        document.close()


def read(path: Path, password: str | None = None) -> ParsedDocument:
    """Read any supported file. Raises UnreadableFile when nothing can be read."""
    from parsers.controls import clean_blocks

    fmt, problems = detect_format(path)
    module_name, func_name = READERS[fmt].split(":")
    reader = cast("Callable[..., ParsedDocument]", getattr(importlib.import_module(module_name), func_name))
    parsed = reader(path, password=password) if fmt == "pdf" else reader(path)
    if fmt not in TEXT_FORMATS:  # a text file's whole text is cleaned before its lines are read
        clean_blocks(parsed)
    parsed.problems[:0] = problems
    return parsed
