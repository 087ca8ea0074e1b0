"""Opening a PDF with PDFium, with a reason a person can act on when it cannot be opened.

Both readers of PDFs use it: `pdf` (text layer) and `ocr` (scans), so neither imports the other
for it.
"""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from parsers.blocks import UnreadableFile


def open_pdf(path: Path, password: str | None) -> pdfium.PdfDocument:
    """The PDF opened with PDFium, or UnreadableFile saying why not (shared with the OCR reader)."""
    data = path.read_bytes()
    if not data:
        raise UnreadableFile("empty_file", "the PDF is empty (0 bytes): check that the download or copy completed")
    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as error:
        reason = str(error).lower()
        if "password" in reason:
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
