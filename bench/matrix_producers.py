"""The producers of the rendering matrix (bench/render_matrix.py): a seed's layout as HTML in three
table styles, its Word file restyled three ways, and the programs that turn them into PDF.

The layout (paragraph styles, tables, comment rows) is bench/render_layout.py's, so every producer
gets the same content the fixtures were made from; only the page design differs.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from html import escape
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_layout import _COMMENT, Grid, Layout, Para  # noqa: E402
from render_seed import _table_font_size, write_docx  # noqa: E402

_NUMBER = regex.compile(r"^[-−+]?\s?\d[\d\s\u00a0]*(?:[,.]\d+)?\s?(?:%|st|kr|tkr|mnkr|dagar)?$")

_BASE_CSS = """
@page { size: A4; margin: 2cm 2.2cm;
        @top-left { content: "%(organ)s"; font: 8pt "Liberation Sans", Arial, sans-serif; }
        @bottom-right { content: "Sida " counter(page) " (" counter(pages) ")";
                        font: 8pt "Liberation Sans", Arial, sans-serif; } }
body { font: 10pt/1.3 "Liberation Serif", "Times New Roman", serif; }
h1, h2, h3, h4, h5, h6 { font-family: "Liberation Sans", Arial, sans-serif; margin: 0.6em 0 0.3em; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; } h3 { font-size: 12pt; } h4 { font-size: 11pt; }
h5, h6 { font-size: 10pt; }
p { margin: 0 0 0.4em; }
.break { break-before: page; }
.toc { display: flex; justify-content: space-between; font-family: "Liberation Sans", Arial, sans-serif; }
.toc2 { padding-left: 1.5em; }
table { border-collapse: collapse; margin: 0.3em 0 0.8em; width: 100%%;
        font-family: "Liberation Sans", Arial, sans-serif; }
th, td { padding: 2pt 4pt; vertical-align: top; text-align: left; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
"""

# The table styles of the browser and WeasyPrint renderings, named as in the matrix.
TABLE_CSS = {
    "ruled": "th, td { border: 0.75pt solid #999; } th { background: #d9d9d9; }",
    "rules": ("th, td { border: none; border-bottom: 0.5pt solid #777; }"
              " thead th { border-top: 1pt solid #000; border-bottom: 1pt solid #000; }"),
    "zebra": ("th, td { border: none; } tbody tr:nth-child(even) td { background: #e8eef4; }"
              " thead th { vertical-align: bottom; border-bottom: 1.5pt solid #2b4f76; max-width: 5.5em; }"
              " td.num, th.num { text-align: right; }"),
    # As Word's "Grid Table 4 Accent 1" prints: a header row white on dark blue, banded rows.
    "dark": ("th, td { border: 0.5pt solid #8eaadb; } thead th { background: #4472c4; color: #fff; }"
             " tbody tr:nth-child(odd) td { background: #d9e2f3; } td.num, th.num { text-align: right; }"),
}


def _cell_html(text: str, tag: str, bold_label: bool) -> str:
    lines = [escape(line) for line in text.split("\n")] if text else []
    if bold_label and lines and _COMMENT.fullmatch(text.split("\n")[0]):
        lines[0] = f"<b>{lines[0]}</b>"
    css = ' class="num"' if text and _NUMBER.match(text) else ""
    return f"<{tag}{css}>{'<br>'.join(lines)}</{tag}>"


def _table_html(grid: Grid) -> str:
    columns = len(grid.rows[0])
    out = [f'<table style="font-size: {_table_font_size(columns)}pt">']
    body_start = 0
    if grid.rows and not grid.comment[0]:
        out.append("<thead><tr>" + "".join(_cell_html(c, "th", False) for c in grid.rows[0]) + "</tr></thead>")
        body_start = 1
    out.append("<tbody>")
    for cells, comment in zip(grid.rows[body_start:], grid.comment[body_start:]):
        if comment:
            text = next(c for c in cells if c)
            out.append(f'<tr><td colspan="{columns}">' + _cell_html(text, "span", True) + "</td></tr>")
        else:
            out.append("<tr>" + "".join(_cell_html(c, "td", False) for c in cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _para_html(item: Para) -> str:
    text = escape(item.text)
    css = ' class="break"' if item.page_break else ""
    if item.style and item.style.startswith("Heading"):
        level = item.style[-1]
        return f"<h{level}{css}>{text}</h{level}>"
    if item.style and item.style.startswith("TOC"):
        return f'<p class="toc toc{item.style[-1]}"><span>{text}</span> <span>{escape(item.page)}</span></p>'
    if item.style == "List Bullet":
        return f"<ul><li>{text}</li></ul>"
    return f"<p{css}><b>{text}</b></p>" if item.bold else f"<p{css}>{text}</p>"


def write_html(page: Layout, style: str, out: Path) -> Path:
    css = _BASE_CSS % {"organ": page.organ.replace('"', "'")} + TABLE_CSS[style]
    body = "\n".join(_para_html(i) if isinstance(i, Para) else _table_html(i) for i in page.items)
    out.write_text(f'<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8"><title>{escape(page.title)}'
                   f"</title><style>{css}</style></head><body>\n{body}\n</body></html>\n", encoding="utf-8")
    return out


# ---------------------------------------------------------------- Word table styles

def restyle_docx(docx: Path, style: str, out: Path) -> Path:
    """render_seed's Word file with its tables drawn another way: `none` (no borders, no shading),
    `rules` (horizontal rules only) or `zebra` (no borders, shaded alternate rows, numbers
    right-aligned)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    doc = Document(str(docx))
    sides = {"none": (), "rules": ("top", "bottom", "insideH"), "zebra": ()}[style]
    for table in doc.tables:
        tbl_pr = table._tbl.tblPr
        for old in tbl_pr.findall(qn("w:tblBorders")):
            tbl_pr.remove(old)
        borders = "".join(f'<w:{side} w:val="{"single" if side in sides else "nil"}" w:sz="4" w:color="666666"/>'
                          for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        tbl_pr.append(parse_xml(f'<w:tblBorders {nsdecls("w")}>{borders}</w:tblBorders>'))
        for index, row in enumerate(table.rows):
            for cell in row.cells:
                tc_pr = cell._tc.get_or_add_tcPr()
                for old in tc_pr.findall(qn("w:shd")):
                    tc_pr.remove(old)
                if style == "zebra" and index % 2 == 0 and index > 0:
                    tc_pr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="E8EEF4"/>'))
                if style == "zebra" and index > 0 and _NUMBER.match(cell.text.strip() or "x"):
                    for paragraph in cell.paragraphs:
                        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.save(str(out))
    return out


# ---------------------------------------------------------------- the programs

def _run(command: list[str], timeout: int = 600) -> None:
    done = subprocess.run(command, capture_output=True, timeout=timeout, env=os.environ, check=False)
    if done.returncode:  # the producer's last words say what it missed (a font, a package)
        said = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()[-3:]
        raise RuntimeError(f"{Path(command[0]).name} exited with {done.returncode}: {' / '.join(said)}")


def chromium_pdf(html: Path, out: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        raise RuntimeError("chromium is not installed")
    with tempfile.TemporaryDirectory() as profile:
        _run([browser, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
              "--no-pdf-header-footer", f"--print-to-pdf={out}", html.resolve().as_uri()])


def weasyprint_pdf(html: Path, out: Path) -> None:
    from weasyprint import HTML

    HTML(filename=str(html)).write_pdf(str(out))


def soffice_pdf(source: Path, out: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as outdir:
        _run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
              "--outdir", outdir, str(source)])
        shutil.move(str(Path(outdir) / f"{source.stem}.pdf"), out)


def wkhtmltopdf_pdf(html: Path, out: Path) -> None:
    if not shutil.which("wkhtmltopdf"):
        raise RuntimeError("wkhtmltopdf is not installed")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # Debian's wkhtmltopdf runs on an unpatched Qt
    _run(["wkhtmltopdf", "--quiet", "--page-size", "A4", str(html), str(out)])


def pandoc_pdf(docx: Path, out: Path) -> None:
    """pandoc reads the Word file and prints its own HTML through wkhtmltopdf."""
    if not (shutil.which("pandoc") and shutil.which("wkhtmltopdf")):
        raise RuntimeError("pandoc and wkhtmltopdf are not installed")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _run(["pandoc", str(docx), "--pdf-engine=wkhtmltopdf", "-V", "papersize=A4", "-o", str(out)])


def pandoc_weasyprint_pdf(docx: Path, out: Path) -> None:
    """pandoc reads the Word file and prints its own HTML through WeasyPrint."""
    weasyprint = Path(sys.executable).with_name("weasyprint")
    if not (shutil.which("pandoc") and weasyprint.exists()):
        raise RuntimeError("pandoc and WeasyPrint (the bench extra) are not installed")
    _run(["pandoc", str(docx), f"--pdf-engine={weasyprint}", "-o", str(out)])


def pandoc_xelatex_pdf(docx: Path, out: Path) -> None:
    """pandoc reads the Word file and sets it with LaTeX (XeTeX): justified, hyphenated text and
    longtable tables ruled only at the top, under the header and at the foot. DejaVu Sans is the
    installed font that has the reports' check marks."""
    if not (shutil.which("pandoc") and shutil.which("xelatex")):
        raise RuntimeError("pandoc and xelatex (texlive-xetex) are not installed")
    _run(["pandoc", str(docx), "--pdf-engine=xelatex", "-V", "papersize=a4", "-V", "geometry:margin=2cm",
          "-V", "mainfont=DejaVu Sans", "-o", str(out)])


def abiword_pdf(docx: Path, out: Path) -> None:
    """AbiWord, another word processor's layout engine, prints the Word file (through cairo)."""
    if not shutil.which("abiword"):
        raise RuntimeError("AbiWord is not installed")
    _run(["abiword", "--to=pdf", "-o", str(out), str(docx)])


def soffice_html_chromium_pdf(docx: Path, out: Path) -> None:
    """LibreOffice saves the Word file as HTML (its own table markup), which Chromium prints."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as outdir:
        _run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
              "html:HTML (StarWriter)", "--outdir", outdir, str(docx)])
        chromium_pdf(Path(outdir) / f"{docx.stem}.html", out)


# A producer: (name, what it renders from, how). `html:STYLE` is write_html's page in that table
# style; `docx` is render_seed's Word file; `docx:STYLE` that file restyled.
Producer = tuple[str, str, Callable[[Path, Path], None]]
PRODUCERS: list[Producer] = [
    ("fixture-soffice-ruled", "docx", soffice_pdf),  # the fixtures' own producer: the matrix's baseline
    *((f"chromium-{s}", f"html:{s}", chromium_pdf) for s in ("ruled", "rules", "zebra")),
    *((f"weasyprint-{s}", f"html:{s}", weasyprint_pdf) for s in ("rules", "zebra")),
    *((f"soffice-{s}", f"docx:{s}", soffice_pdf) for s in ("none", "rules", "zebra")),
    ("soffice-html-rules", "html:rules", soffice_pdf),
    ("wkhtmltopdf-zebra", "html:zebra", wkhtmltopdf_pdf),
    ("pandoc-wkhtmltopdf", "docx", pandoc_pdf),
    ("abiword-docx", "docx", abiword_pdf),  # first run in the holdout, where it found the per-line fills
]
# Producers no rule of the reader was tuned on (render_matrix.py --holdout): other engines and
# styles, to measure the reader on PDFs its makers did not look at.
HOLDOUT: list[Producer] = [
    ("pandoc-weasyprint", "docx", pandoc_weasyprint_pdf),
    ("soffice-docx-html-chromium", "docx", soffice_html_chromium_pdf),
    ("wkhtmltopdf-ruled", "html:ruled", wkhtmltopdf_pdf),
    ("weasyprint-ruled", "html:ruled", weasyprint_pdf),
    ("pandoc-xelatex", "docx", pandoc_xelatex_pdf),
    ("chromium-dark", "html:dark", chromium_pdf),
    ("weasyprint-dark", "html:dark", weasyprint_pdf),
]  # not Writer/Web of another table style: it ignores the page's CSS (same pages as soffice-html-rules)


def source(page: Layout, docx: Path, kind: str, work: Path, stem: str) -> Path:
    """The file a producer reads: made once per seed and kind in `work`."""
    medium, _, style = kind.partition(":")
    if medium == "html":
        path = work / f"{stem}.{style}.html"
        return path if path.exists() else write_html(page, style, path)
    if not style:
        return docx
    path = work / f"{stem}.{style}.docx"
    return path if path.exists() else restyle_docx(docx, style, path)


def render_all(seed: Path, work: Path, names: set[str] | None,
               producers: list[Producer] = PRODUCERS) -> dict[str, Path | str]:
    """Every producer's PDF of `seed` under work/<producer>/<stem>.pdf, or the error that stopped it."""
    from render_layout import layout

    stem = seed.stem
    sources = work / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    page = layout(seed)
    docx = sources / f"{stem}.docx"
    if not docx.exists():
        write_docx(page, docx)
    result: dict[str, Path | str] = {}
    for name, kind, produce in producers:
        if names and name not in names:
            continue
        out = work / name / f"{stem}.pdf"
        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            src = source(page, docx, kind, sources, stem)
            if not out.exists():
                produce(src, out)
            result[name] = out
        except (RuntimeError, subprocess.SubprocessError, OSError) as error:
            result[name] = f"{type(error).__name__}: {error}"
    return result
