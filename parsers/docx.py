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
- Merged cells keep their extent in `Row.spans` (gridSpan: columns, vMerge: rows).
- Assessment symbols: a small one-colour image in a cell or a paragraph, or a cell's own
  saturated shading (not one a whole row shares: that is a header or zebra band), is described in
  `Row.symbols` / `Paragraph.symbol` ("green circle", "red shading"); which column holds the
  assessment is the recogniser's call, by its header.
- `properties` are the core properties (title, subject, author, created as an ISO date).
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
from docx.styles.style import CharacterStyle
from lxml import etree

from normalizers.text import collapse
from parsers.blocks import (
    Block,
    Paragraph,
    ParsedDocument,
    Place,
    Problem,
    Row,
    Span,
    Table,
)
from parsers.docx_package import open_docx
from parsers.docx_symbols import Symbols, in_dingbats
from parsers.symbols import hex_colour_name
from parsers.table_symbols import dingbats, row_symbols

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# Elements that only wrap content (content controls, custom XML, smart tags): read through them.
_WRAPPERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag"}
# mc:Fallback repeats the content of mc:Choice for older readers; text boxes are read as blocks.
# A tracked move's old place (moveFrom) is read as Word shows the change accepted: the text is
# where it was moved to (moveTo), once. A deletion's text is w:delText, never read as w:t is.
_SKIPPED = {f"{_MC}Fallback", f"{_W}txbxContent", f"{_W}pPr", f"{_W}rPr", f"{_W}tcPr", f"{_W}trPr",
            f"{_W}moveFrom"}
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

    def __init__(self, styles: list[CharacterStyle]):
        self._by_id = {style.style_id: style for style in styles}

    def _chain(self, style_id: str | None) -> Iterator[CharacterStyle]:
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
            yield (dingbats(child.text or "") if run is not None and in_dingbats(run) else child.text or ""), run
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


@dataclass(slots=True)
class _Cell:
    column: int  # first grid column
    columns: int
    merge: str | None  # vMerge: None, "restart" or "continue"
    symbol: str | None
    fill: str | None  # colour name of the cell's shading


def _row_cells(tr: etree._Element, images: Symbols) -> tuple[list[str], list[_Cell]]:
    """One string per grid column covered by the row, and the row's cells."""
    cells = [""] * _count(tr.find(f"{_W}trPr/{_W}gridBefore"), 0)
    found = []
    for tc in _content(tr):
        if tc.tag != f"{_W}tc":
            continue
        span = _count(tc.find(f"{_W}tcPr/{_W}gridSpan"), 1)
        v_merge = tc.find(f"{_W}tcPr/{_W}vMerge")
        merge = None if v_merge is None else _val(v_merge, "continue")
        # A vMerge without "restart" continues the cell above, which already holds the text.
        continued = merge is not None and merge != "restart"
        shading = tc.find(f"{_W}tcPr/{_W}shd")
        fill = hex_colour_name(shading.get(f"{_W}fill")) if shading is not None else None
        found.append(_Cell(len(cells), span, None if merge is None else ("continue" if continued else "restart"),
                           None if continued else images.symbol(tc), fill))
        cells += ["" if continued else _cell_text(tc)] + [""] * (span - 1)
    return cells, found


def _spans(rows: list[list[_Cell]]) -> list[dict[int, Span]]:
    """Per row, grid column -> Span of each cell covering more than one row or column."""
    merges = [{cell.column: cell.merge for cell in row} for row in rows]
    spans: list[dict[int, Span]] = []
    for index, row in enumerate(rows):
        spans.append({})
        for cell in row:
            if cell.merge == "continue":
                continue
            down = 1
            while cell.merge == "restart" and index + down < len(rows) and \
                    merges[index + down].get(cell.column) == "continue":
                down += 1
            if down > 1 or cell.columns > 1:
                spans[-1][cell.column] = Span(down, cell.columns)
    return spans

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
    def __init__(self, styles: _Styles, images: Symbols):
        self.styles = styles
        self.images = images
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
            self._emit(Paragraph(_clean(raw), place, heading=heading, bold=bold, symbol=self.images.symbol(p)))
        for box in _text_boxes(p):
            self.read(box)

    def _toc_entry(self, raw: str, place: Place) -> None:
        title, tab, page = raw.rpartition("\t")
        row = Row([_clean(title), _clean(page)] if tab else [_clean(raw), ""], place)
        if not any(row.cells):
            return
        if self._toc is None:
            toc = Table([], place)
            self._emit(toc)
            self._toc = toc
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
        rows: list[tuple[list[str], list[_Cell], bool, Place]] = []
        for tr in _content(tbl):
            # A row deleted with its changes tracked is no row of the table Word shows accepted.
            if tr.tag == f"{_W}tr" and tr.find(f"{_W}trPr/{_W}del") is None:
                self.ordinal += 1
                cells, found = _row_cells(tr, self.images)
                header = bool(_is_on(tr.find(f"{_W}trPr/{_W}tblHeader")))
                rows.append((cells, found, header, Place(line=self.ordinal)))
        if not rows:
            return None
        width = max([grid_width] + [len(cells) for cells, _, _, _ in rows])
        spans = _spans([found for _, found, _, _ in rows])
        return Table([Row(cells + [""] * (width - len(cells)), place,
                          spanning=width > 1 and len(found) == 1 and len(cells) == width and bool(cells[0]),
                          header=header, spans=row_spans, symbols=row_symbols([(c.column, c.symbol, c.fill) for c in found]))
                      for (cells, found, header, place), row_spans in zip(rows, spans)], rows[0][3])

def _properties(core: Any) -> dict[str, str]:
    """Title, subject, author and created date of the core properties, where they are given."""
    found = {"title": core.title, "subject": core.subject, "author": core.author}
    properties = {key: _clean(value) for key, value in found.items() if isinstance(value, str) and _clean(value)}
    if core.created is not None:
        properties["created"] = core.created.date().isoformat()
    return properties


def _core_properties(document: Any) -> Any | None:
    """The package's core properties, related as Word relates them or as LibreOffice does
    (".../officedocument/2006/relationships/metadata/core-properties"), which python-docx does not
    know: asked for them then, it made up its defaults (title "Word Document")."""
    for rel in document.part.package.rels.values():
        if not rel.is_external and rel.reltype.lower().endswith("/relationships/metadata/core-properties"):
            return getattr(rel.target_part, "core_properties", None)
    return None


def read_docx(path: Path) -> ParsedDocument:
    document = open_docx(path)
    # Paragraph styles are character styles too; table and numbering styles style no text.
    styles = [style for style in document.styles if isinstance(style, CharacterStyle)]
    reader = _BodyReader(_Styles(styles), Symbols(document.part))
    reader.read(document.element.body)
    try:
        core = _core_properties(document)
        properties = _properties(core) if core is not None else {}
    except (ValueError, KeyError, etree.XMLSyntaxError):
        properties = {}  # a malformed docProps/core.xml costs the last-resort metadata only
    # An altChunk embeds a part in another format (HTML, RTF, a whole .docx) that Word merges in
    # when it opens the file; it is not read here, and what it holds must not go missing unsaid.
    chunks = sum(1 for _ in document.element.body.iter(f"{_W}altChunk"))
    problems = [Problem("warning", "docx_alt_chunk", f"the Word file embeds {chunks} part(s) in another format "
                                                     "(altChunk: HTML, RTF or Word, as generating programs leave "
                                                     "them), which were not read: open the file in Word and save "
                                                     "it again, which merges them into the document")] if chunks else []
    return ParsedDocument(reader.blocks, "docx", problems=problems, properties=properties)
