"""Opening a .docx package for the DOCX reader (parsers.docx), and saying in words why one
cannot be: a zip that is damaged, of another Office kind, past the XML parser's safety limits,
or one that would unpack past what Word itself writes (a zip bomb)."""
from __future__ import annotations

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
        return Document(str(path))
    except etree.XMLSyntaxError as error:
        raise _xml_refusal(error) from error
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as error:
        raise UnreadableFile("damaged_docx", "the Word file is damaged or incomplete (not a valid .docx zip): "
                                             "re-save it from Word or re-download it") from error
    except ValueError as error:  # python-docx: a zip package, but of another kind (.xlsx, .pptx)
        raise UnreadableFile("not_a_word_file", f"the file is a zip package but not a Word document ({error}): "
                                                f"give it its real extension or export it as .docx") from error
