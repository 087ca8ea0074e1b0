"""The damage matrix (issue 7, PDFs we do not have): the fixtures' ruled PDFs after what archives
and offices do to PDFs, each read by `rapportdata run --full` and scored against gold.

    .venv/bin/python bench/damage_matrix.py [--work DIR] [--variants a,b] [--jobs N]

Variants, each made from the ruled fixtures 000, 001 and 004 (searchable-scan: from 000's scan):
  gs-pdfwrite      rewritten by Ghostscript's pdfwrite (fonts re-subset, content re-encoded)
  pdfa             converted to PDF/A-2b by Ghostscript, as archives (e-arkiv) require
  object-streams   linearized with object streams by qpdf
  owner-password   encrypted with an owner password only (opens without one; no printing, no edits)
  cairo            re-drawn by poppler's pdftocairo
  text-reversed    every page's text objects drawn in reverse order
  rotate-90        every page given /Rotate 90 (shown landscape)
  crop-box         a crop box cutting 10 pt off the sides and 30 pt off the foot
  fit-letter       every page drawn as a form on a Letter sheet at 94 % of the fit (printed scaled)
  outlines         text drawn as outlines by Ghostscript (-dNoOutputFonts): no text layer, OCR
  postscript       printed to PostScript and distilled again (pdftops | ps2pdf): fonts that map their
                   glyphs to no characters, read by OCR
  searchable-scan  the 000 scan fixture's pages made a searchable PDF by Tesseract (page images
                   under an invisible text layer), read by OCR
  pdftotext-layout the PDFs' text as `pdftotext -layout` leaves it (columns set by spaces, a page a
                   form feed), as archives converted to text hold reports: a .txt, no PDF
The OCR variants take minutes (72 and 16 scanned pages). Printed per variant and seed: score.py's
overall, and the gap to the same seed's ruled fixture read as it is (the target: within 0.01; the
OCR variants are bound by OCR, whose score on the scan fixture is 0.985).

Needs Ghostscript, qpdf, poppler-utils (pdftocairo, pdftops, pdftoppm, pdftotext) and Tesseract
(Debian packages ghostscript, qpdf, poppler-utils, tesseract-ocr-swe); a missing program leaves its
variant's row as the error.
WORK (default /tmp/damage) keeps the made PDFs, so a second run only reads them again.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from variant_runs import arguments, print_variants, scored_run  # noqa: E402
from test_pdf_maker import as_forms  # noqa: E402

FIXTURES = ROOT.parent / "shared" / "fixtures"
STEMS = ("000_05871d331dd0cb08", "001_0037d1aa6ba7bc46", "004_522f212c0b3259a2")


def _run(*argv: str) -> None:
    done = subprocess.run(argv, capture_output=True, text=True, timeout=1800)
    if done.returncode:
        raise RuntimeError(f"{argv[0]} failed ({done.returncode}): {done.stderr[-300:]}")


def _gs(*options: str) -> Callable[[Path, Path], None]:
    return lambda src, dst: _run("gs", "-q", "-dNOPAUSE", "-dBATCH", *options, "-sDEVICE=pdfwrite",
                                 f"-sOutputFile={dst}", str(src))


def _postscript(src: Path, dst: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _run("pdftops", str(src), f"{folder}/print.ps")
        _run("ps2pdf", f"{folder}/print.ps", str(dst))


def _edited(edit: Callable[[pdfium.PdfDocument, int], None]) -> Callable[[Path, Path], None]:
    """A variant made by editing every page of the document with pypdfium2."""
    def make(src: Path, dst: Path) -> None:
        document = pdfium.PdfDocument(str(src))
        try:
            for index in range(len(document)):
                edit(document, index)
            document.save(str(dst))
        finally:
            document.close()
    return make


def _reverse_text(document: pdfium.PdfDocument, index: int) -> None:
    page = document[index]
    texts = [obj for obj in page.get_objects(max_depth=1) if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT]
    for obj in texts:
        page.remove_obj(obj)
    for obj in reversed(texts):
        page.insert_obj(obj)
    page.gen_content()


def _crop(document: pdfium.PdfDocument, index: int) -> None:
    page = document[index]
    left, bottom, right, top = page.get_mediabox()
    page.set_cropbox(left + 10, bottom + 30, right - 10, top)


def _searchable(src: Path, dst: Path) -> None:
    scan = src.with_name(src.name.replace(".pdf", ".scan.pdf"))
    with tempfile.TemporaryDirectory() as folder:
        _run("pdftoppm", "-r", "200", "-gray", "-png", str(scan), f"{folder}/p")
        for image in sorted(Path(folder).glob("p-*.png")):
            _run("tesseract", str(image), str(image.with_suffix("")), "-l", "swe", "--dpi", "200", "pdf")
        _run("qpdf", "--empty", "--pages", *map(str, sorted(Path(folder).glob("p-*.pdf"))), "--", str(dst))


# A variant's maker, the fixtures it is made from, and the suffix of what it makes.
VARIANTS: dict[str, tuple[Callable[[Path, Path], object], tuple[str, ...], str]] = {
    "gs-pdfwrite": (_gs(), STEMS, ".pdf"),
    "pdfa": (_gs("-dPDFA=2", "-dPDFACompatibilityPolicy=1", "-sColorConversionStrategy=RGB"), STEMS, ".pdf"),
    "object-streams": (lambda s, d: _run("qpdf", "--linearize", "--object-streams=generate", str(s), str(d)),
                       STEMS, ".pdf"),
    "owner-password": (lambda s, d: _run("qpdf", "--encrypt", "", "owner", "256", "--print=none", "--modify=none",
                                         "--", str(s), str(d)), STEMS, ".pdf"),
    "cairo": (lambda s, d: _run("pdftocairo", "-pdf", str(s), str(d)), STEMS, ".pdf"),
    "text-reversed": (_edited(_reverse_text), STEMS, ".pdf"),
    "rotate-90": (lambda s, d: _run("qpdf", "--rotate=+90", str(s), str(d)), STEMS, ".pdf"),
    "crop-box": (_edited(_crop), STEMS, ".pdf"),
    "fit-letter": (lambda s, d: as_forms(s, d, 0.94), STEMS, ".pdf"),
    "outlines": (_gs("-dNoOutputFonts"), STEMS, ".pdf"),
    "postscript": (_postscript, STEMS, ".pdf"),
    "searchable-scan": (_searchable, STEMS[:1], ".pdf"),
    "pdftotext-layout": (lambda s, d: _run("pdftotext", "-layout", str(s), str(d)), STEMS, ".txt"),
}


def main(argv: list[str]) -> None:
    args, names = arguments(argv, __doc__ or "", "/tmp/damage", "PDFs", list(VARIANTS), "damage matrix")
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    base = args.work / "fixture"
    base.mkdir(parents=True, exist_ok=True)
    for stem in STEMS:
        shutil.copy(FIXTURES / f"{stem}.pdf", base / f"{stem}.pdf")

    def make(name: str, folder: Path) -> tuple[str, ...]:
        maker, stems, suffix = VARIANTS[name]
        for stem in stems:
            if not (folder / f"{stem}{suffix}").exists():
                maker(FIXTURES / f"{stem}.pdf", folder / f"{stem}{suffix}")
        return stems

    reference = scored_run(base, args.work / "fixture.out", args.jobs)
    print_variants(args.work, names, make, STEMS, reference, "the fixture", args.jobs)


if __name__ == "__main__":
    main(sys.argv[1:])
