"""Opening a PDF with PDFium, with a reason a person can act on when it cannot be opened, and
PDFium's functions bound for calls made once per glyph, word or drawing.

Both readers of PDFs use it: `pdf` (text layer) and `ocr` (scans), so neither imports the other
for it.
"""
from __future__ import annotations

import ctypes
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped, unused-ignore]  # ships no type information
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped, unused-ignore]
import regex

from parsers.blocks import UnreadableFile


def open_pdf(path: Path, password: str | None) -> pdfium.PdfDocument:
    """The PDF opened with PDFium, or UnreadableFile saying why not (shared with the OCR reader)."""
    data = path.read_bytes()
    if not data:
        raise UnreadableFile("empty_file", "the PDF is empty (0 bytes): check that the download or copy completed")
    try:
        document = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as error:
        # PDFium's last error is one value for the process: a load failing with an error of its
        # own sets it, one failing without (an empty page tree: "Success") or succeeding leaves
        # it as it was. So a worker that had met an encrypted or damaged PDF gave the next PDF
        # without pages that one's reason; what the bytes show decides where it may be stale.
        encrypted = b"/Encrypt" in data
        if error.err_code == 0 or (not encrypted and b"%%EOF" in data[-2048:] and _without_pages(data)):
            raise _no_pages() from error
        reason = str(error).lower()
        if "password" in reason and encrypted:
            if password:
                raise UnreadableFile("encrypted_pdf", "wrong password for this encrypted PDF: check the password "
                                                      "given with --password") from error
            raise UnreadableFile("encrypted_pdf", "encrypted PDF: supply the password with --password "
                                                  "or decrypt it") from error
        if not data.lstrip()[:1024].count(b"%PDF-"):
            raise UnreadableFile("not_a_pdf", f"the file is not a PDF ({error}): give it its real extension") from error
        if b"%%EOF" not in data[-2048:]:
            raise UnreadableFile("truncated_pdf", f"the PDF is damaged or incomplete (it ends before its end "
                                                  f"marker; {error}): re-download or re-export it") from error
        raise UnreadableFile("damaged_pdf", f"the PDF is damaged or incomplete ({error}): "
                                            f"re-download or re-export it") from error
    if len(document) == 0:  # should PDFium one day open such a file, the reason stays the same
        document.close()
        raise _no_pages()
    return document


def _without_pages(data: bytes) -> bool:
    """The file has a page tree and not one page object: where its objects are compressed (object
    streams) the bytes do not tell, and it is not said to have none."""
    return (b"/ObjStm" not in data and regex.search(rb"/Type\s*/Pages\b", data) is not None
            and regex.search(rb"/Type\s*/Page(?![A-Za-z])", data) is None)


def _no_pages() -> UnreadableFile:
    return UnreadableFile("no_pages", "the PDF has no pages (its page list is empty), so there is nothing to read: "
                                      "the export or scan that made it probably failed; re-export or re-download it")


def unchecked(function: Any, restype: Any = ctypes.c_int) -> Any:
    """pdfium's function called without ctypes' conversion of its arguments, which costs more
    than the call itself (0.16 against 0.67 us) in the loops run for every word, glyph or
    drawing. Its arguments must be what C takes already: pdfium handles as pypdfium2 gives them
    (or as `restype` a pypdfium2 handle type returns them), ctypes.byref of a struct or number,
    an index (a C int); a plain Python number as a handle would be cut to a C int. `restype`
    None where the result is not looked at: ctypes then makes no Python object of it.

    The call keeps the GIL (PYFUNCTYPE): these calls return in well under a microsecond, and
    giving the GIL up and taking it back around each one cost 8 % of the call (callgrind); none
    of them calls back into Python, nor blocks."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    assert address, "pypdfium2 binds every function it declares"
    return ctypes.PYFUNCTYPE(restype)(address)


# Asked of glyphs by the page reader and by the sampling of a page's text direction.
GLYPH_UNICODE = unchecked(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
GLYPH_MATRIX = unchecked(pdfium_c.FPDFText_GetMatrix, None)
