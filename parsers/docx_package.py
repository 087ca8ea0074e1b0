"""Opening a .docx package for the DOCX reader (parsers.docx), and saying in words why one
cannot be: a zip that is damaged, of another Office kind, past the XML parser's safety limits,
or one that would unpack past what Word itself writes (a zip bomb).

Word also saves "Strict Open XML" (ISO/IEC 29500 Strict, which some archives ask for): the same
package under other namespace names (http://purl.oclc.org/ooxml/...), which python-docx does not
know, so that it finds no document in it. Such a package is read with its names given in the
transitional form, as Word reads both; so is a macro-enabled document (.docm) as a document.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from parsers.blocks import UnreadableFile

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

# Twice Word's own limit on a document (512 MB, pictures included). python-docx inflates every
# part into memory before anything can be checked, and lxml fails on a part past 1 GB with an
# "unknown error": such a package is refused by the sizes its zip declares, unopened.
MAX_UNPACKED_MB = 1024

# Strict's namespaces and their transitional names. The relationships namespace is also the
# stem of every relationship type (".../officeDocument", ".../styles", ...), which keep their last step.
_STRICT = "http://purl.oclc.org/ooxml/"
_TRANSITIONAL = {
    "wordprocessingml/main": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "officeDocument/relationships": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "officeDocument/math": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "officeDocument/docPropsVTypes": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    "drawingml/main": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "drawingml/wordprocessingDrawing": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "drawingml/picture": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "drawingml/chart": "http://schemas.openxmlformats.org/drawingml/2006/chart",
}
_STRICT_DOCUMENT = (_STRICT + "officeDocument/relationships/officeDocument").encode()
# A macro-enabled document (.docm: a municipality's template with macros, saved) is a document
# with a VBA part beside it, which is not read; python-docx takes its main part for no document.
_DOCUMENT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MACRO_DOCUMENT = b"application/vnd.ms-word.document.macroEnabled.main+xml"


def _renamed(path: Path) -> io.BytesIO | None:
    """The package as python-docx reads a Word document, in memory, where it is a Strict one or a
    macro-enabled one; None when it is neither (or no zip: Document() then says what it is)."""
    try:
        with zipfile.ZipFile(path) as package:
            strict = _STRICT_DOCUMENT in package.read("_rels/.rels")
            macros = _MACRO_DOCUMENT in package.read("[Content_Types].xml")
            if not strict and not macros:
                return None
            copy = io.BytesIO()
            with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as renamed:
                for item in package.infolist():
                    data = package.read(item)
                    if strict and item.filename.endswith((".xml", ".rels")):
                        for name, transitional in _TRANSITIONAL.items():
                            data = data.replace((_STRICT + name).encode(), transitional.encode())
                    if item.filename == "[Content_Types].xml":
                        data = data.replace(_MACRO_DOCUMENT, _DOCUMENT)
                    # Stored: deflating the pictures again would cost more than reading them.
                    renamed.writestr(item.filename, data, compress_type=zipfile.ZIP_STORED)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return None
    copy.seek(0)
    return copy


def _unpacked_mb(path: Path) -> int:
    """The megabytes the zip's parts declare unpacked: an upper bound on what reading them
    inflates to (zipfile stops a part at its declared size); 0 when it is no zip, which
    Document() then says."""
    try:
        with zipfile.ZipFile(path) as package:
            return sum(item.file_size for item in package.infolist()) >> 20
    except (zipfile.BadZipFile, OSError, ValueError):
        return 0


def _xml_refusal(error: etree.XMLSyntaxError) -> UnreadableFile:
    """Why lxml refused a part of a sound zip, in words: its safety limits are not damage."""
    reason = str(error)
    if "Excessive depth" in reason:
        return UnreadableFile("docx_xml_too_deep", "the Word file is a valid .docx zip, but its XML nests elements "
                                                   "more than 256 levels deep, past the XML parser's safety limit, "
                                                   "so it was not read: no Word document nests so deep; open it in "
                                                   "Word and save it again, or ask where it came from")
    if "too long" in reason or "huge" in reason.lower():
        return UnreadableFile("docx_xml_too_large", "the Word file is a valid .docx zip, but its XML holds a single "
                                                    "text of more than 10 MB, past the XML parser's safety limit, so "
                                                    "it was not read: open it in Word and save it again, or ask "
                                                    "where it came from")
    return UnreadableFile("damaged_docx", f"the Word file is a valid zip but its XML is malformed ({reason}): "
                                          "re-save it from Word or re-download it")


def open_docx(path: Path) -> WordDocument:
    """The python-docx document of `path`; UnreadableFile, saying why, when there is none."""
    unpacked = _unpacked_mb(path)
    if unpacked > MAX_UNPACKED_MB:
        raise UnreadableFile("docx_too_large", f"the Word file unpacks to {unpacked:,} MB, more than Word itself "
                                               "writes (512 MB, pictures included), so it was not read: it is "
                                               "damaged or a zip bomb; ask where it came from")
    try:
        return Document(_renamed(path) or str(path))
    except etree.XMLSyntaxError as error:
        raise _xml_refusal(error) from error
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as error:
        raise UnreadableFile("damaged_docx", "the Word file is damaged or incomplete (not a valid .docx zip): "
                                             "re-save it from Word or re-download it") from error
    except ValueError as error:  # python-docx: a zip package, but of another kind (.xlsx, .pptx)
        raise UnreadableFile("not_a_word_file", f"the file is a zip package but not a Word document ({error}): "
                                                f"give it its real extension or export it as .docx") from error
