"""Word .docx reports.

The body's XML is walked directly, in document order, rather than through python-docx's
`doc.paragraphs` / `doc.tables` (which lose the order between them) and `row.cells` (which
repeats a merged cell once per grid column). python-docx is used to open the package and to
resolve styles.

Choices a reader of the output should know:
- A run of table-of-contents paragraphs (styles "TOC 1", "TOC 2", ...) becomes one Table of
  two-cell rows [title, page], split at the last TAB: that is how the text reader sees a TOC,
  so both formats give the recogniser the same thing to skip.
- A nested table is flattened into the cell that holds it, one line per nested cell paragraph.
- Text boxes anchored in a paragraph are emitted as blocks right after that paragraph.
- `bold` is a hint for body text: a heading's bold comes from its style and is not repeated.
- Header and footer parts are never read, so running headers and page numbers stay out.
"""
from __future__ import annotations

import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path

import regex
from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.styles.style import BaseStyle
from lxml import etree

from normalizers.text import collapse
from parsers.blocks import (
    Block,
    Paragraph,
    ParsedDocument,
    Place,
    Row,
    Table,
    UnreadableFile,
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# Elements that only wrap content (content controls, custom XML, smart tags): read through them.
_WRAPPERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag"}
# mc:Fallback repeats the content of mc:Choice for older readers; text boxes are read as blocks.
_SKIPPED = {f"{_MC}Fallback", f"{_W}txbxContent", f"{_W}pPr", f"{_W}rPr", f"{_W}tcPr", f"{_W}trPr"}
_HEADING_STYLE = regex.compile(r"(?i)^(?:heading\s?([1-6])|title)$")
_TOC_STYLE = regex.compile(r"(?i)^toc\s?\d$")
_OFF = {"0", "false", "off", "none"}
_MAX_SPAN = 1000  # Word's own grid limit is 63 columns; anything far above is a damaged file


def _val(element: etree._Element | None, default: str | None = None) -> str | None:
    return default if element is None else element.get(f"{_W}val", default)


def _is_on(element: etree._Element | None) -> bool | None:
    """A Word toggle property (<w:b/>, <w:tblHeader w:val="0"/>): None when absent."""
    if element is None:
        return None
    return (_val(element) or "true").lower() not in _OFF


def _count(element: etree._Element | None, default: int) -> int:
    """A span or skip count; a malformed or absurd value must not sink the file or eat memory."""
    value = _val(element) or ""
    return min(int(value), _MAX_SPAN) if value.isdigit() and int(value) > 0 else default


def _content(parent: etree._Element) -> Iterator[etree._Element]:
    """The children of `parent`, reading through wrapper elements."""
    for child in parent:
        if child.tag in _WRAPPERS:
            yield from _content(child)
        else:
            yield child


def _clean(text: str) -> str:
    return collapse(unicodedata.normalize("NFC", text).replace("\u00ad", ""))


def _clean_lines(text: str) -> str:
    """Whitespace collapsed within lines, empty lines dropped: the form of a cell's text."""
    return "\n".join(line for line in map(_clean, text.split("\n")) if line)


class _Styles:
    """Style lookups by style id, following `basedOn` chains."""

    def __init__(self, styles: list[BaseStyle]):
        self._by_id = {style.style_id: style for style in styles}

    def _chain(self, style_id: str | None) -> Iterator[BaseStyle]:
        style = self._by_id.get(style_id) if style_id else None
        seen: set[str] = set()
        while style is not None and style.style_id not in seen:  # a basedOn loop is possible
            seen.add(style.style_id)
            yield style
            style = style.base_style

    def bold(self, style_id: str | None) -> bool | None:
        return next((s.font.bold for s in self._chain(style_id) if s.font.bold is not None), None)

    def heading_level(self, style_id: str | None, p_pr: etree._Element | None) -> int | None:
        # The id is tried too: a file whose styles part lacks the style still says "Heading2".
        for name in [style_id or ""] + [s.name or "" for s in self._chain(style_id)]:
            match = _HEADING_STYLE.match(name)
            if match:
                return int(match.group(1) or 1)
        # A custom heading style ("Rubrik 1 numrerad") may say so only by its outline level.
        for properties in [p_pr] + [s.element.pPr for s in self._chain(style_id)]:
            level = _val(properties.find(f"{_W}outlineLvl")) if properties is not None else None
            if level and level.isdigit():
                # Level 9 is Word's "body text"; 0-8 are heading levels, capped at the model's 6.
                return min(int(level) + 1, 6) if int(level) < 9 else None
        return None

    def is_toc(self, style_id: str | None) -> bool:
        style = self._by_id.get(style_id) if style_id else None
        names = [style_id or ""] + ([style.name or ""] if style is not None else [])
        return any(_TOC_STYLE.match(name) for name in names)


def _text_pieces(element: etree._Element, run: etree._Element | None = None
                 ) -> Iterator[tuple[str, etree._Element | None]]:
    """(text, run it belongs to) in document order. Soft line breaks give "\\n"."""
    for child in element:
        tag = child.tag
        if tag in _SKIPPED:
            continue
        if tag == f"{_W}t":
            yield child.text or "", run
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            yield "\t", run
        elif tag in (f"{_W}br", f"{_W}cr"):
            yield (" " if child.get(f"{_W}type") in ("page", "column") else "\n"), run
        elif tag == f"{_W}noBreakHyphen":
            yield "-", run
        elif tag == f"{_W}sym":
            code = child.get(f"{_W}char", "")
            # Symbol-font glyphs land in the private-use area, where the marker stripping expects them.
            yield (chr(int(code, 16)) if regex.fullmatch(r"[0-9A-Fa-f]{1,6}", code) else ""), run
        else:
            yield from _text_pieces(child, child if tag == f"{_W}r" else run)


def _text_boxes(element: etree._Element) -> Iterator[etree._Element]:
    for child in element:
        if child.tag == f"{_W}txbxContent":
            yield child
        elif child.tag != f"{_MC}Fallback":
            yield from _text_boxes(child)


def _row_cells(tr: etree._Element) -> tuple[list[str], int]:
    """One string per grid column covered by the row, and the number of cells in the row."""
    cells = [""] * _count(tr.find(f"{_W}trPr/{_W}gridBefore"), 0)
    count = 0
    for tc in _content(tr):
        if tc.tag != f"{_W}tc":
            continue
        count += 1
        span = _count(tc.find(f"{_W}tcPr/{_W}gridSpan"), 1)
        v_merge = tc.find(f"{_W}tcPr/{_W}vMerge")
        # A vMerge without "restart" continues the cell above, which already holds the text.
        continued = v_merge is not None and _val(v_merge, "continue") != "restart"
        cells += ["" if continued else _cell_text(tc)] + [""] * (span - 1)
    return cells, count

def _cell_text(container: etree._Element) -> str:
    lines = []
    for element in _content(container):
        if element.tag == f"{_W}p":
            lines.append("".join(text for text, _ in _text_pieces(element)))
        elif element.tag == f"{_W}tbl":
            lines.extend(_cell_text(tc) for tr in _content(element) if tr.tag == f"{_W}tr"
                         for tc in _content(tr) if tc.tag == f"{_W}tc")
    return _clean_lines("\n".join(lines))


class _BodyReader:
    def __init__(self, styles: _Styles):
        self.styles = styles
        self.blocks: list[Block] = []
        self.ordinal = 0  # paragraphs and table rows of the body, counted as Word shows them
        self._toc: Table | None = None  # the TOC table being filled, while TOC paragraphs run

    def read(self, container: etree._Element) -> None:
        for element in _content(container):
            if element.tag == f"{_W}p":
                self._paragraph(element)
            elif element.tag == f"{_W}tbl":
                self._emit(self._table(element))

    def _emit(self, block: Block | None) -> None:
        if block is not None:
            self.blocks.append(block)
            self._toc = None

    def _paragraph(self, p: etree._Element) -> None:
        self.ordinal += 1
        place = Place(line=self.ordinal)
        p_pr = p.find(f"{_W}pPr")
        style_id = _val(p_pr.find(f"{_W}pStyle")) if p_pr is not None else None
        pieces = list(_text_pieces(p))
        raw = "".join(text for text, _ in pieces)
        if self.styles.is_toc(style_id):
            self._toc_entry(raw, place)
        elif _clean(raw):
            heading = self.styles.heading_level(style_id, p_pr)
            bold = heading is None and all(self._run_bold(run, style_id) for text, run in pieces if text.strip())
            self._emit(Paragraph(_clean(raw), place, heading=heading, bold=bold))
        for box in _text_boxes(p):
            self.read(box)

    def _toc_entry(self, raw: str, place: Place) -> None:
        title, tab, page = raw.rpartition("\t")
        row = Row([_clean(title), _clean(page)] if tab else [_clean(raw), ""], place)
        if not any(row.cells):
            return
        if self._toc is None:
            self._emit(Table([], place))
            self._toc = self.blocks[-1]
        self._toc.rows.append(row)

    def _run_bold(self, run: etree._Element | None, paragraph_style: str | None) -> bool:
        r_pr = run.find(f"{_W}rPr") if run is not None else None
        if r_pr is not None:
            explicit = _is_on(r_pr.find(f"{_W}b"))
            if explicit is not None:
                return explicit
            character_style = self.styles.bold(_val(r_pr.find(f"{_W}rStyle")))
            if character_style is not None:
                return character_style
        return bool(self.styles.bold(paragraph_style))

    def _table(self, tbl: etree._Element) -> Table | None:
        grid_width = len(tbl.findall(f"{_W}tblGrid/{_W}gridCol"))
        rows: list[tuple[list[str], int, bool, Place]] = []
        for tr in _content(tbl):
            if tr.tag == f"{_W}tr":
                self.ordinal += 1
                cells, cell_count = _row_cells(tr)
                header = bool(_is_on(tr.find(f"{_W}trPr/{_W}tblHeader")))
                rows.append((cells, cell_count, header, Place(line=self.ordinal)))
        if not rows:
            return None
        width = max([grid_width] + [len(cells) for cells, _, _, _ in rows])
        return Table([Row(cells + [""] * (width - len(cells)), place,
                          spanning=width > 1 and count == 1 and len(cells) == width and bool(cells[0]),
                          header=header)
                      for cells, count, header, place in rows], rows[0][3])

def read_docx(path: Path) -> ParsedDocument:
    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as error:
        raise UnreadableFile("damaged_docx", "the Word file is damaged or incomplete (not a valid .docx zip): "
                                             "re-save it from Word or re-download it") from error
    except ValueError as error:  # python-docx: a zip package, but of another kind (.xlsx, .pptx)
        raise UnreadableFile("not_a_word_file", f"the file is a zip package but not a Word document ({error}): "
                                                f"give it its real extension or export it as .docx") from error
    reader = _BodyReader(_Styles(list(document.styles)))
    reader.read(document.element.body)
    return ParsedDocument(reader.blocks, "docx")
