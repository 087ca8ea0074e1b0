"""Inputs the tests make at test time instead of shipping: big files (a 50,000-row table), files
that are hostile by construction (a scan no reader can finish, a 0-page PDF, HTML nested past
lxml's limit, zips whose XML is too big or too deep) and small Word documents built with
python-docx. Each is deterministic, so a failure can be reproduced."""
from __future__ import annotations

import random
import zipfile
import zlib
from pathlib import Path

from PIL import Image, ImageDraw

HUGE_TABLE_ROWS = 50_000
_NAMES = ["Andel barn som lever i familjer med ekonomiskt bistånd", "Andel avslutade ärenden enligt plan",
          "Antal personer med socialmedicinska rehabiliteringsskäl som går till egen försörjning",
          "Andel praktikplatser som kan tillhandahållas för aspiranter", "Antal ungdomar som fått sommarjobb "
          "i stadens regi", "Andel brukare som är nöjda med bemötandet", "Antal försökslägenheter som "
          "övergått till eget kontrakt"]
_MARKERS = ["", "", "● ", "■ ", "✓ ", " "]
_WORD_TARGETS = ["minska", "Tas fram av nämnd", "öka"]
_PERIODS = ["2013", "VB 2013", "Tertial 2 2013"]
_HUGE_HEAD = """
Handläggare:

Anna Andersson

Telefon: 08-508 00 000

Till

Östermalms stadsdelsnämnd,
Sammanträde 2014-02-06

Försörjningsstödsenheten

Verksamhetsberättelse VB 2013

Syntetisk testrapport: en indikatortabell med {rows} rader.

Enhetens uppföljning av Kommunfullmäktiges inriktningsmål

KF:s inriktningsmål:

1. Stockholm är en attraktiv, trygg, tillgänglig och växande stad för boende, företagande och besök

KF:s mål för verksamhetsområdet:

1.2 Invånare i Stockholm är självförsörjande

Indikator\tPeriodens utfall\tPeriodens utfall VB 2012\tÅrsmål\tKF:s årsmål\tPeriod
"""


def _value(rng: random.Random, percent: bool) -> str:
    if rng.random() < 0.1:
        return ""
    if percent:
        return f"{rng.uniform(0, 100):.2f}".rstrip("0").rstrip(".").replace(".", ",") + " %"
    return f"{rng.randint(100, 25_000):,}".replace(",", " ") + " st"


def huge_table_text(rows: int = HUGE_TABLE_ROWS, seed: int = 0) -> str:
    """A report like seed 000 whose one indicator table has `rows` data rows of 6 cells: the
    memory and speed case of the workspace's shared bad/huge_table.txt, made here instead of shipped (5.8 MB)."""
    rng = random.Random(seed)
    lines = [_HUGE_HEAD.format(rows=rows)]
    for n in range(1, rows + 1):
        name = rng.choice(_NAMES)
        percent = name.startswith("Andel")
        target = rng.choice(_WORD_TARGETS) if rng.random() < 0.05 else _value(rng, percent)
        cells = [f"{rng.choice(_MARKERS)}{name}, delområde {n:05d}", _value(rng, percent), _value(rng, percent),
                 target, _value(rng, percent), rng.choice(_PERIODS)]
        lines.append("\t".join(cells) + "\n")
    lines.append("\nTabellen ovan är syntetisk och används för att pröva minne och hastighet.\n")
    return "".join(lines)


def wide_row_text(cells: int = 40_000_000) -> bytes:
    """A text whose one table row has `cells` one-letter cells (80 MB): whatever reads it must
    hold a list of that many cells (320 MB of pointers alone, and a record per cell after),
    memory by construction for the memory-limit tests."""
    return b"Verksamhetsber\xc3\xa4ttelse 2013\n" + b"x\t" * (cells - 1) + b"x\n"


def pdf_bytes(objects: list[bytes]) -> bytes:
    """A PDF of the given objects (numbered from 1, the first one the catalog) with a correct xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty, as a failed export leaves one."""
    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def endless_scan_pdf(pages: int = 5000) -> bytes:
    """An image-only PDF of `pages` small pages, each showing one printed word: the OCR reader
    renders every page and runs Tesseract on each, so reading it costs at least `pages` Tesseract
    starts, minutes on any machine, while the file stays about 1 MB (all pages share one image
    and one content stream). A file that is slow by construction, not by size."""
    word = Image.new("L", (300, 75), 255)
    ImageDraw.Draw(word).text((10, 20), "Rapport 2013", fill=0)
    pixels = zlib.compress(word.tobytes())
    image = (b"<< /Type /XObject /Subtype /Image /Width 300 /Height 75 /ColorSpace /DeviceGray "
             b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream" % (len(pixels), pixels))
    content = b"q 72 0 0 18 0 0 cm /Im0 Do Q"
    first_page = 6
    kids = b" ".join(b"%d 0 R" % (first_page + k) for k in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
               b"<< /XObject << /Im0 4 0 R >> >>", image,
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)]
    # Every page its own object: PDFium refuses a page tree that lists one page object twice.
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 18] /Resources 3 0 R /Contents 5 0 R >>"] * pages
    return pdf_bytes(objects)


def deep_html(depth: int) -> str:
    """A page whose first paragraph sits `depth` <div>s deep, followed by a paragraph at the top."""
    return ("<!DOCTYPE html><html><head><title>Djup sida</title></head><body>\n"
            + "<div>" * depth + "<p>Djupt stycke om ekonomiskt bistånd.</p>" + "</div>" * depth
            + "\n<p>Senare stycke: Nämndmål uppfylls helt.</p>\n</body></html>\n")


def docx_with_document_xml(source: Path, target: Path, document_xml: bytes) -> Path:
    """A copy of the Word file `source` whose word/document.xml is replaced: a valid zip around
    whatever XML a test needs (too large, too deep)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = document_xml if item.filename == "word/document.xml" else original.read(item)
            copy.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    return target


def one_goal_docx(path: Path) -> Path:
    """A Word file made by python-docx of one goal's paragraph: the parts a test edits."""
    import docx

    document = docx.Document()
    document.add_paragraph("Nämndmål: Alla barn har en trygg uppväxt")
    document.save(str(path))
    return path
