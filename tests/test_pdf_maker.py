"""Small PDFs written byte by byte for the PDF reader's tests, one per layout case, so that each
case is tested on exactly the drawing it names (no PDF library needed). Coordinates are points
from the page's top left, as the reader reports them; text is Helvetica (the standard font,
not embedded), whose widths are known, so numbers can be set right-aligned."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium

from parsers.pdf_model import Line, Word

# Helvetica's advance widths (per 1000 units of the size) for what the tests set; other
# characters take an average width.
_WIDTHS = {**{d: 556 for d in "0123456789"}, ",": 278, ".": 278, " ": 278, "-": 333, "%": 889, "(": 333,
           ")": 333, "i": 222, "l": 222, "j": 222, "t": 278, "f": 278, "r": 333, "m": 833, "w": 722}


def text_width(text: str, size: float) -> float:
    return sum(_WIDTHS.get(ch, 667 if ch.isupper() else 556) for ch in text) * size / 1000


def _escape(text: str) -> str:
    raw = text.encode("cp1252")
    return "".join(f"\\{b:03o}" if b > 126 or chr(b) in "()\\" else chr(b) for b in raw)


@dataclass
class Page:
    width: float = 595.0
    height: float = 842.0
    ops: list[str] = field(default_factory=list)
    rotate: int = 0  # the page's /Rotate: how a viewer turns it, clockwise, to show it
    crop: tuple[float, float, float, float] | None = None  # its /CropBox, in PDF user space

    def text(self, x: float, top: float, text: str, size: float = 9.0, bold: bool = False,
             scaled: bool = False, angle: float = 0.0, mono: bool = False) -> None:
        """Text whose top is `top`; `scaled` sets it at size 1 scaled by the text matrix, as many
        producers do; `angle` turns it counter-clockwise about its start; `mono` sets it in
        Courier (every character 0.6 of the size wide)."""
        font = "F3" if mono else "F2" if bold else "F1"
        y = self.height - top - 0.8 * size
        c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        if scaled:
            self.ops.append(f"BT /{font} 1 Tf {size * c:.3f} {size * s:.3f} {-size * s:.3f} {size * c:.3f} "
                            f"{x:.2f} {y:.2f} Tm ({_escape(text)}) Tj ET")
        else:
            self.ops.append(f"BT /{font} {size} Tf {c:.4f} {s:.4f} {-s:.4f} {c:.4f} {x:.2f} {y:.2f} Tm "
                            f"({_escape(text)}) Tj ET")

    def right(self, x1: float, top: float, text: str, size: float = 9.0, bold: bool = False) -> None:
        """Text that ends at `x1` (a right-aligned figure)."""
        self.text(x1 - text_width(text, size), top, text, size, bold)

    def line(self, x0: float, top0: float, x1: float, top1: float, width: float = 0.5) -> None:
        self.ops.append(f"{width} w {x0:.2f} {self.height - top0:.2f} m {x1:.2f} {self.height - top1:.2f} l S")

    def zebra_rows(self, rows: list[list[str]], top: float, ends: list[float], band: tuple[float, float],
                   size: float, pad: float, shade: tuple[float, float, float], first_shaded: bool) -> float:
        """Body rows as a browser's zebra table prints them: every other row on a shaded band
        across `band` (its left and right), a name at 72 and figures set right at `ends`, each
        row `pad` above and below its text. Returns the top of what follows."""
        y = top
        for k, row in enumerate(rows):
            if (k % 2 == 0) == first_shaded:
                self.rect(band[0], y, band[1], y + 2 * pad + size + 1.5, shade)
            self.text(72.0, y + pad, row[0], size=size)
            for x1, text in zip(ends, row[1:]):
                self.right(x1, y + pad, text, size=size)
            y += 2 * pad + size + 1.5
        return y

    def rect(self, x0: float, top: float, x1: float, bottom: float, rgb: tuple[float, float, float]) -> None:
        """A filled rectangle without outline (shading, or a border Word draws as a thin fill)."""
        r, g, b = rgb
        self.ops.append(f"{r} {g} {b} rg {x0:.2f} {self.height - bottom:.2f} {x1 - x0:.2f} {bottom - top:.2f} re f")


def ruled_table(page: Page, rows: list[tuple[str, ...]], columns: list[float], top: float, height: float,
                size: float = 9.0, header_ink: str = "0 0 0 rg") -> None:
    """A fully ruled table: `rows` of text set left in cells `height` tall between the x of
    `columns`, the first row bold in `header_ink` (a fill colour operator), the rest in black."""
    for n, row in enumerate(rows):
        page.ops.append(header_ink if n == 0 else "0 0 0 rg")
        for x, text in zip(columns, row):
            if text:
                page.text(x + 5, top + n * height + (height - size) / 2, text, size=size, bold=n == 0)
    page.ops.append("0 0 0 rg")
    for n in range(len(rows) + 1):
        page.line(columns[0], top + n * height, columns[-1], top + n * height)
    for x in columns:
        page.line(x, top, x, top + len(rows) * height)


def figures_row(page: Page, top: float, cells: list[str], name_x: float, ends: tuple[float, ...] | list[float],
                bold: bool = False) -> None:
    """One line of a line-free table: its name set left at `name_x`, its figures right-aligned on
    `ends`."""
    page.text(name_x, top, cells[0], bold=bold)
    for text, x1 in zip(cells[1:], ends):
        page.right(x1, top, text, bold=bold)


def circle(page: Page, cx: float, cy: float, radius: float, rgb: tuple[float, float, float]) -> None:
    """A filled circle (four Bézier curves) centred at (cx, cy) from the top left."""
    k = 0.5523 * radius
    y = page.height - cy
    r, g, b = rgb
    page.ops.append(
        f"{r} {g} {b} rg {cx + radius:.2f} {y:.2f} m "
        f"{cx + radius:.2f} {y + k:.2f} {cx + k:.2f} {y + radius:.2f} {cx:.2f} {y + radius:.2f} c "
        f"{cx - k:.2f} {y + radius:.2f} {cx - radius:.2f} {y + k:.2f} {cx - radius:.2f} {y:.2f} c "
        f"{cx - radius:.2f} {y - k:.2f} {cx - k:.2f} {y - radius:.2f} {cx:.2f} {y - radius:.2f} c "
        f"{cx + k:.2f} {y - radius:.2f} {cx + radius:.2f} {y - k:.2f} {cx + radius:.2f} {y:.2f} c f")


def write_pdf(path: Path, pages: list[Page], info: dict[str, str] | None = None,
              to_unicode: bytes | None = None) -> Path:
    """The PDF of `pages`; `to_unicode` is a ToUnicode CMap given to the regular font (F1): what
    a reader takes its codes for, whatever glyphs they draw."""
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: pages (filled in below)
    if to_unicode is not None:
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(to_unicode), to_unicode))
    mapped = f" /ToUnicode {len(objects)} 0 R" if to_unicode is not None else ""
    fonts = []
    for name in ("Helvetica", "Helvetica-Bold", "Courier"):
        objects.append(f"<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding"
                       f"{mapped if name == 'Helvetica' else ''} >>".encode())
        fonts.append(len(objects))
    kids = []
    for page in pages:
        stream = "\n".join(page.ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page.width} {page.height}] "
                       f"/Resources << /Font << /F1 {fonts[0]} 0 R /F2 {fonts[1]} 0 R /F3 {fonts[2]} 0 R >> >> "
                       f"/Contents {content} 0 R{f' /Rotate {page.rotate}' if page.rotate else ''}"
                       f"{' /CropBox [%g %g %g %g]' % page.crop if page.crop else ''} >>".encode())
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    info_ref = ""
    if info:
        objects.append(("<< " + " ".join(f"/{k} ({_escape(v)})" for k, v in info.items()) + " >>").encode("latin-1"))
        info_ref = f" /Info {len(objects)} 0 R"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info_ref} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def as_forms(source: Path, target: Path, fill: float, sheet: tuple[float, float] = (612.0, 792.0)) -> Path:
    """Every page of `source` drawn as a form XObject centred on a sheet (Letter by default) at
    `fill` of the scale that fits it, as a PDF printer's fit to page or an n-up tool places it."""
    src, dst = pdfium.PdfDocument(str(source)), pdfium.PdfDocument.new()
    try:
        for index in range(len(src)):
            width, height = src[index].get_size()
            scale = min(sheet[0] / width, sheet[1] / height) * fill
            form = src.page_as_xobject(index, dst).as_pageobject()
            form.transform(pdfium.PdfMatrix().scale(scale, scale).translate((sheet[0] - width * scale) / 2,
                                                                            (sheet[1] - height * scale) / 2))
            page = dst.new_page(*sheet)
            page.insert_obj(form)
            page.gen_content()
        dst.save(str(target))
    finally:
        src.close()
        dst.close()
    return target


def test_made_pdf_opens_with_its_text(tmp_path: Path) -> None:
    page = Page()
    page.text(72, 72, "Tabell 1. Nettokostnader", bold=True)
    page.right(300, 90, "1 234,5")
    pdf = pdfium.PdfDocument(str(write_pdf(tmp_path / "made.pdf", [page])))
    assert "Tabell 1. Nettokostnader" in pdf[0].get_textpage().get_text_range()


# A table of figures as statistical reports print them: a name column and right-aligned figures.
HEADER = ["Year", "Total", "Public", "Private"]
BODY = [["2001", "51,544", "45,611", "5,933"], ["2002", "52,071", "46,127", "5,944"],
        ["2003", "52,526", "46,539", "5,988"], ["2004", "52,875", "46,857", "6,018"],
        ["2005", "53,373", "47,204", "6,169"], ["2006", "53,992", "47,672", "6,320"]]
RIGHTS = [0.0, 250.0, 330.0, 410.0]  # where the figure columns end; the name column starts at 72
LEADING = 11.0  # 9 pt text on 11 pt lines: 2 pt between lines, as in a table without padding


def figures_table(page: Page, top: float, shade: tuple[float, float, float] | None = None) -> float:
    """Draws HEADER and BODY from `top`, every other body row shaded when `shade` is given;
    returns the bottom of the last row."""
    y = top
    for row in [HEADER, *BODY]:
        bold = row is HEADER
        if shade is not None and not bold and BODY.index(row) % 2 == 1:
            page.rect(68, y - 1.5, 414, y + 9 + 1.5, shade)
        page.text(72, y, row[0], bold=bold)
        for text, x1 in zip(row[1:], RIGHTS[1:]):
            page.right(x1, y, text, bold=bold)
        y += LEADING + (3 if bold else 0)
    return y


def word_line(texts: list[str], x0: float, top: float, char: float = 4.0) -> Line:
    """A line of the reader's model built directly, for its pure steps: each word `char` points a
    character wide, one character's space between words, 8 pt high."""
    words, x = [], x0
    for text in texts:
        words.append(Word(text, x, x + char * len(text), top, top + 8, 8.0, False))
        x += char * (len(text) + 1)
    return Line(words, words[0].x0, words[-1].x1, top, top + 8)
