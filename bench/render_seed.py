"""Render a seed text as the fixture generator does: a Word file, a ruled PDF and a line-free PDF.

    .venv/bin/python bench/render_seed.py SEED.txt OUT_DIR

Writes OUT_DIR/<stem>.docx (python-docx), OUT_DIR/<stem>.pdf (LibreOffice headless of that DOCX)
and OUT_DIR/<stem>.plain.pdf (reportlab). The generator of /work/shared/fixtures is kept outside
the project; this is our reading of its README, made to try the readers on seeds whose fixtures we
do not have. reportlab is a development tool here, not a project dependency: without it the
line-free PDF is skipped. Nothing in the pipeline imports this file.

The layout (styles, TOC, comment rows, dropped empty columns) is bench/render_layout.py's; the
page decisions here are the generator's: fonts, column widths, header rows repeated.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_layout import _COMMENT, Grid, Layout, Para, layout  # noqa: E402

# ---------------------------------------------------------------- DOCX

def _table_font_size(columns: int) -> float:
    return 7 if columns >= 9 else 7.5 if columns >= 7 else 8


def write_docx(page: Layout, out: Path) -> None:
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    text_width = section.page_width - section.left_margin - section.right_margin
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(10)
    for level in range(1, 7):
        heading = doc.styles[f"Heading {level}"]
        heading.font.name, heading.font.color.rgb = "Arial", RGBColor(0, 0, 0)
    underrubrik = doc.styles.add_style("Underrubrik", WD_STYLE_TYPE.PARAGRAPH)
    underrubrik.base_style, underrubrik.font.bold = normal, True
    for level in (1, 2):
        toc = doc.styles.add_style(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = normal
        toc.paragraph_format.left_indent = Cm(0.5 * (level - 1))
        toc.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)

    def field(paragraph, instruction: str) -> None:
        paragraph._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} ">'
                                      f"<w:r><w:t>1</w:t></w:r></w:fldSimple>"))

    header = section.header.paragraphs[0]
    header.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    header.add_run(f"{page.organ}\t{page.title}")
    footer = section.footer.paragraphs[0]
    footer.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run("Stockholms stad\tSida ")
    field(footer, "PAGE")
    footer.add_run(" (")
    field(footer, "NUMPAGES")
    footer.add_run(")")

    for item in page.items:
        if isinstance(item, Para):
            paragraph = doc.add_paragraph(style=item.style)
            paragraph.paragraph_format.page_break_before = item.page_break or None
            run = paragraph.add_run(item.text + (f"\t{item.page}" if item.page else ""))
            run.bold = item.bold or None
        else:
            _docx_table(doc, item, text_width)
            doc.add_paragraph()  # Word would join two tables that touch
    doc.save(str(out))


def _docx_table(doc, grid: Grid, text_width: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Pt, Twips

    columns = len(grid.rows[0])
    size = Pt(_table_font_size(columns))
    table = doc.add_table(rows=len(grid.rows), cols=columns)
    table.autofit = False  # a fixed layout: LibreOffice keeps the grid's widths
    for column, width in zip(table.columns, _column_twips(grid, text_width // 635)):
        column.width = Twips(width)
        for cell in column.cells:
            cell.width = Twips(width)
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:color="999999"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    table._tbl.tblPr.append(parse_xml(f'<w:tblBorders {nsdecls("w")}>{borders}</w:tblBorders>'))
    for index, (cells, comment) in enumerate(zip(grid.rows, grid.comment)):
        row = table.rows[index]
        header = index == 0 and not comment
        if header:
            row._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
        targets = [row.cells[0].merge(row.cells[-1])] if comment else row.cells
        texts = [next(c for c in cells if c)] if comment else cells
        for cell, text in zip(targets, texts):
            if header or comment:
                fill = "D9D9D9" if header else "F2F2F2"
                cell._tc.get_or_add_tcPr().append(parse_xml(
                    f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))
            for k, line in enumerate(text.split("\n") if text else []):
                paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                run = paragraph.add_run(line)
                run.font.size = size
                run.bold = header or (comment and k == 0 and bool(_COMMENT.fullmatch(line))) or None


def _column_twips(grid: Grid, total: int) -> list[int]:
    """Fixed column widths as the generator sets them: every column but the first as wide as its
    longest word (bold in the header) needs, within a quarter of the text width; the first
    column gets the rest."""
    size = _table_font_size(len(grid.rows[0]))
    words = [max([len(w) for r, c in zip(grid.rows, grid.comment) if not c for w in r[k].split()] or [1])
             for k in range(len(grid.rows[0]))]
    # ~0.6 em per character of Arial, 20 twips a point, and the cell's own padding
    others = [min(int(n * size * 0.6 * 20) + 110, total // 4) for n in words[1:]]
    return [max(total - sum(others), total // 4)] + others


def write_ruled_pdf(docx: Path, out_dir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as profile:  # a private profile: runs may go in parallel
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out_dir), str(docx)], check=True, capture_output=True, timeout=600)
    return out_dir / f"{docx.stem}.pdf"


# ---------------------------------------------------------------- line-free PDF (reportlab)

_FONT_DIRS = [Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/liberation"),
              Path("/usr/share/fonts/truetype/dejavu")]
_FONTS = {"Serif": "LiberationSerif-Regular.ttf", "Serif-Bold": "LiberationSerif-Bold.ttf",
          "Sans": "LiberationSans-Regular.ttf", "Sans-Bold": "LiberationSans-Bold.ttf",
          "Glyphs": "DejaVuSans.ttf", "Glyphs-Bold": "DejaVuSans-Bold.ttf"}


def _register_fonts() -> dict[str, set[int]]:
    """Registers the fonts; returns the code points each text font has."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    covered: dict[str, set[int]] = {}
    for name, file in _FONTS.items():
        path = next(d / file for d in _FONT_DIRS if (d / file).exists())
        font = TTFont(name, str(path))
        pdfmetrics.registerFont(font)
        covered[name] = set(font.face.charToGlyph)
    for family in ("Serif", "Sans", "Glyphs"):
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, f"{family}-Bold")
        addMapping(family, 0, 1, family)
        addMapping(family, 1, 1, f"{family}-Bold")
    return covered


def _markup(text: str, covered: set[int]) -> str:
    """Escaped paragraph markup; glyphs the font lacks are set in DejaVu Sans."""
    out = []
    for ch in text:
        piece = escape(ch)
        out.append(piece if ord(ch) in covered or ch == "\n" else f'<font name="Glyphs">{piece}</font>')
    return "".join(out).replace("\n", "<br/>")


def write_plain_pdf(page: Layout, out: Path) -> bool:
    try:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import cm
        from reportlab.platypus import Paragraph as RLParagraph
        from reportlab.platypus import SimpleDocTemplate, Spacer
        from reportlab.platypus import Table as RLTable
        from reportlab.platypus import TableStyle
    except ImportError:
        return False
    covered = _register_fonts()
    body = ParagraphStyle("body", fontName="Serif", fontSize=10, leading=13, spaceAfter=5)
    bold_body = ParagraphStyle("bold", parent=body, fontName="Sans-Bold")
    headings = {level: ParagraphStyle(f"h{level}", fontName="Sans-Bold", fontSize=size, leading=size * 1.25,
                                      spaceBefore=6, spaceAfter=4)
                for level, size in zip(range(1, 7), (16, 13, 12, 11, 10, 10))}
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=4)
    toc = ParagraphStyle("toc", parent=body, fontName="Sans")
    width = A4[0] - 4.4 * cm

    def paragraph(item: Para):
        if item.style and item.style.startswith("Heading"):
            style = headings[int(item.style[-1])]
        elif item.style == "List Bullet":
            return RLParagraph(_markup(item.text, covered["Serif"]), bullet, bulletText="•")
        elif item.style and item.style.startswith("TOC"):
            return RLTable([[RLParagraph(_markup(item.text, covered["Sans"]), toc), item.page]],
                           colWidths=[width - 2 * cm, 2 * cm], style=[("ALIGN", (1, 0), (1, 0), "RIGHT"),
                                                                      ("FONTNAME", (1, 0), (1, 0), "Sans")])
        else:
            style = bold_body if item.bold else body
        font = style.fontName.split("-")[0]
        return RLParagraph(_markup(item.text, covered[font]), style)

    def table(grid: Grid):
        columns = len(grid.rows[0])
        size = _table_font_size(columns)
        cell = ParagraphStyle("cell", fontName="Sans", fontSize=size, leading=size * 1.2)
        head = ParagraphStyle("head", parent=cell, fontName="Sans-Bold")
        # A column is as wide as its longest word, within bounds; the name column gets the most room.
        natural = [min(max([len(w) for r, c in zip(grid.rows, grid.comment) if not c for w in r[k].split()]
                           + [6]), 30) for k in range(columns)]
        natural[0] = max(natural[0], 40)
        widths = [width * n / sum(natural) for n in natural]
        data, style = [], [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 4)]
        for index, (cells, comment) in enumerate(zip(grid.rows, grid.comment)):
            if comment:
                text = next(c for c in cells if c)
                first, _, rest = text.partition("\n")
                markup = (f"<b>{escape(first)}</b><br/>{_markup(rest, covered['Sans'])}"
                          if _COMMENT.fullmatch(first) and rest else _markup(text, covered["Sans"]))
                data.append([RLParagraph(markup, cell)] + [""] * (columns - 1))
                style.append(("SPAN", (0, index), (-1, index)))
            else:
                data.append([RLParagraph(_markup(c, covered["Sans"]), head if index == 0 else cell)
                             for c in cells])
        repeat = 0 if grid.comment[0] else 1
        return RLTable(data, colWidths=widths, style=TableStyle(style), repeatRows=repeat, hAlign="LEFT")

    def story() -> list:  # flowables keep layout state, so each pass gets fresh ones
        return [flowable for item in page.items
                for flowable in ([paragraph(item)] if isinstance(item, Para) else [table(item), Spacer(1, 6)])]

    def running(total: int):
        def draw(canvas, doc) -> None:
            canvas.saveState()
            canvas.setFont("Sans", 8)
            canvas.drawString(2.2 * cm, A4[1] - 1.3 * cm, page.organ)
            canvas.drawRightString(A4[0] - 2.2 * cm, A4[1] - 1.3 * cm, page.title)
            canvas.drawString(2.2 * cm, 1.2 * cm, "Stockholms stad")
            canvas.drawRightString(A4[0] - 2.2 * cm, 1.2 * cm, f"Sida {doc.page} ({total})")
            canvas.restoreState()
        return draw

    def build(total: int) -> int:
        doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm,
                                topMargin=2 * cm, bottomMargin=2 * cm, title=page.title)
        doc.build(story(), onFirstPage=running(total), onLaterPages=running(total))
        return doc.page

    build(build(0))  # the second pass knows the page count for "Sida N (M)"
    return True


def render(seed: Path, out_dir: Path) -> dict[str, Path]:
    """Writes the renderings of `seed` into `out_dir`; returns them by kind (docx, pdf, plain.pdf)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    page = layout(seed)
    docx = out_dir / f"{seed.stem}.docx"
    write_docx(page, docx)
    result = {"docx": docx, "pdf": write_ruled_pdf(docx, out_dir)}
    plain = out_dir / f"{seed.stem}.plain.pdf"
    if write_plain_pdf(page, plain):
        result["plain.pdf"] = plain
    else:
        print("reportlab is not installed: the line-free PDF is skipped", file=sys.stderr)
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("seed", type=Path, help="a seed text (SEED.txt)")
    parser.add_argument("out", type=Path, help="the folder to write the renderings to")
    args = parser.parse_args()
    for kind, path in render(args.seed, args.out).items():
        print(f"{kind:10} {path}")
