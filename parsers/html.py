"""Reports exported as web pages.

The page is parsed with lxml.html (a forgiving HTML parser, as browsers are) and walked in
document order: headings become heading paragraphs, every other block element (p, div, li, ...)
and every <br> outside a table ends a paragraph, tables are laid out on their grid with colspan
and rowspan as a browser does.

Choices a reader of the output should know:
- Page chrome is dropped: script, style, nav, and header/footer of the page (a header inside an
  article or section holds that part's title and is kept).
- A <caption> becomes a paragraph right before its table.
- A nested table is flattened into the cell that holds it, one line per nested cell paragraph,
  as the DOCX reader does.
- A cell covered by a rowspan from above is "" in the rows below, like a Word vMerge.
- `bold` is a hint for body text (all its text inside <b>/<strong>); headings are never bold.
"""
from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import regex
from lxml import etree
from lxml import html as lxml_html

from normalizers.text import collapse
from parsers.blocks import (
    Block,
    Paragraph,
    ParsedDocument,
    Place,
    Problem,
    Row,
    Table,
    UnreadableFile,
)
from parsers.encoding import decode

_DROPPED = {"script", "style", "nav", "noscript", "template", "head", "iframe", "object", "svg", "button", "select"}
_PAGE_CHROME = {"header", "footer"}
_SECTIONING = {"article", "section", "main"}
_BLOCK = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "section", "article", "main", "aside",
          "figure", "figcaption", "address", "pre", "hr", "form", "fieldset", "center", "body", "html",
          "header", "footer", "caption"}
_BOLD = {"b", "strong"}
_HEADING = regex.compile(r"^h([1-6])$")
_META_CHARSET = regex.compile(rb"""(?i)<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""")
_XML_DECLARATION = regex.compile(r"(?<=^\s*)<\?xml[^>]*\?>")
# WHATWG: pages labelled Latin-1 or ASCII are decoded as Windows-1252 by every browser.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
                    "ascii": "cp1252"}
_WESTERN_SINGLE_BYTE = {"cp1252", "iso8859-15", "iso8859-1"}
_MAX_COLSPAN = 1000  # the HTML spec's own cap: a typo such as colspan=99999 must not eat memory


def decode_html(raw: bytes) -> tuple[str, list[Problem]]:
    """Per the declared charset (meta tag or XML declaration); UTF-8 with a Windows-1252 fallback
    when there is none, or when the bytes do not fit the one declared."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):  # a byte order mark outranks any declaration (as in browsers)
            return raw.decode(name, errors="replace"), []
    declared = _META_CHARSET.search(raw[:4096]) or regex.search(rb"""^\s*<\?xml[^>]*encoding=["']([^"']+)""",
                                                                 raw[:200])
    if not declared:
        return decode(raw)
    name = declared.group(1).decode("ascii", "replace").lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        if codecs.lookup(name).name in _WESTERN_SINGLE_BYTE and _is_utf8_text(raw):
            # Re-saved pages keep a stale legacy declaration; a legacy single-byte text is almost
            # never valid UTF-8 with multi-byte sequences, so the bytes are believed over the label.
            return raw.decode("utf-8"), [Problem("warning", "wrong_charset",
                                                 f"the page declares charset {name!r} but is UTF-8; it was read as UTF-8")]
        return raw.decode(name), []
    except (LookupError, UnicodeDecodeError):
        text, problems = decode(raw)
        return text, [Problem("warning", "wrong_charset",
                              f"the page declares charset {name!r} but is not in it; it was read as "
                              f"{'Windows-1252' if problems else 'UTF-8'}")]


def _is_utf8_text(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not raw.isascii()


def _clean(text: str) -> str:
    return collapse(unicodedata.normalize("NFC", text).replace("\u00ad", ""))


def _span(cell: etree._Element, attribute: str, limit: int) -> int:
    value = regex.match(r"\s*(\d+)", cell.get(attribute, ""))
    return min(max(int(value.group(1)), 1), limit) if value else 1


def _is_page_chrome(element: etree._Element) -> bool:
    return element.tag in _PAGE_CHROME and not any(a.tag in _SECTIONING for a in element.iterancestors())


def _is_list_marker(element: etree._Element) -> bool:
    """Word's web export writes the bullet or number it generates for a list paragraph in a span
    marked mso-list:Ignore; the DOCX reader does not see generated markers either."""
    return "mso-list:ignore" in (element.get("style") or "").replace(" ", "").lower()


def _table_rows(table: etree._Element) -> Iterator[etree._Element]:
    """The table's own rows in display order: a browser draws <tfoot> last wherever it stands."""
    footer = []
    for child in table:
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody"):
            yield from (row for row in child if row.tag == "tr")
        elif child.tag == "tfoot":
            footer.extend(row for row in child if row.tag == "tr")
    yield from footer


class _Walker:
    def __init__(self, first_line: int = 1) -> None:
        self._line_offset = first_line - 1  # a fragment's lines count from where it stands in its file
        self.blocks: list[Block] = []
        self._pieces: list[tuple[str, bool]] = []  # inline text of the open paragraph, with boldness
        self._line: int | None = None
        self._heading: int | None = None

    def _place(self, line: int | None) -> Place:
        return Place(line=None if line is None else line + self._line_offset)

    def contents(self, element: etree._Element, bold: bool = False) -> None:
        self._text(element.text, element, bold)
        for child in element:
            self._node(child, bold)
            self._text(child.tail, child, bold)

    def flush(self) -> None:
        text = _clean("".join(text for text, _ in self._pieces))
        if text:
            bold = self._heading is None and all(b for t, b in self._pieces if t.strip())
            self.blocks.append(Paragraph(text, self._place(self._line), heading=self._heading, bold=bold))
        self._pieces, self._line = [], None

    def _text(self, text: str | None, element: etree._Element, bold: bool) -> None:
        if text:
            if self._line is None and text.strip():
                self._line = element.sourceline
            self._pieces.append((text, bold))

    def _node(self, element: etree._Element, bold: bool) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag in _DROPPED or _is_page_chrome(element) or _is_list_marker(element):
            return  # comments, processing instructions, page chrome, generated list markers
        heading = _HEADING.match(tag)
        if heading:
            self.flush()
            self._heading = int(heading.group(1))
            self.contents(element)
            self.flush()
            self._heading = None
        elif tag == "table":
            self.flush()
            self._table(element)
        elif tag == "br":
            self.flush()
        elif tag in _BLOCK:
            self.flush()
            self.contents(element, bold)
            self.flush()
        else:
            self.contents(element, bold or tag in _BOLD)

    def _table(self, table: etree._Element) -> None:
        for caption in table.findall("caption"):
            self.contents(caption)
            self.flush()
        rows = list(_table_rows(table))
        grid: list[list[str | None]] = [[] for _ in rows]  # None: a slot not yet filled
        cell_counts, spans = [], []
        for index, tr in enumerate(rows):
            cells = [cell for cell in tr if cell.tag in ("td", "th")]
            cell_counts.append(len(cells))
            column = 0
            for cell in cells:
                while column < len(grid[index]) and grid[index][column] is not None:
                    column += 1  # taken by a rowspan from above
                colspan = _span(cell, "colspan", _MAX_COLSPAN)
                rowspan = _span(cell, "rowspan", len(rows) - index)
                for below in range(index, index + rowspan):
                    target = grid[below]
                    target.extend([None] * (column + colspan - len(target)))
                    for offset in range(colspan):
                        target[column + offset] = ""
                grid[index][column] = _cell_text(cell)
                spans.append((index, colspan))
                column += colspan
        width = max((len(row) for row in grid), default=0)
        if not width:
            return
        full_width = {index for index, colspan in spans if colspan == width}
        self.blocks.append(Table([
            Row([cell or "" for cell in row] + [""] * (width - len(row)), self._place(tr.sourceline),
                spanning=width > 1 and cell_counts[index] == 1 and index in full_width,
                header=_is_header_row(tr))
            for index, (tr, row) in enumerate(zip(rows, grid))], self._place(table.sourceline)))


def _is_header_row(tr: etree._Element) -> bool:
    """In <thead>, or made only of <th> (a <th> at the start of a body row heads the row, not
    the column, so one <td> makes it a data row)."""
    cells = [cell.tag for cell in tr if cell.tag in ("td", "th")]
    return tr.getparent().tag == "thead" or bool(cells) and all(tag == "th" for tag in cells)


def _cell_text(cell: etree._Element) -> str:
    walker = _Walker()
    walker.contents(cell)
    walker.flush()
    lines = []
    for block in walker.blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
        else:
            lines.extend(text for row in block.rows for text in row.cells if text)
    return "\n".join(lines)


def fragment_blocks(fragment: str, first_line: int) -> list[Block]:
    """The blocks of a piece of HTML inside another kind of file, such as the `<table>` an OCR
    converter leaves in its text output; places count from the fragment's first line there."""
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    walker = _Walker(first_line)
    walker.contents(root)
    walker.flush()
    return walker.blocks


def read_html(path: Path) -> ParsedDocument:
    text, problems = decode_html(path.read_bytes())
    # lxml refuses a str that still carries an XML encoding declaration; it says nothing anyway
    # once the text is decoded. Removing it on its line keeps source lines right.
    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise UnreadableFile("empty_html", f"the web page has no content to read ({error}): "
                                           "check that the page was saved completely") from error
    walker = _Walker()
    body = root.find("body")
    walker.contents(body if body is not None else root)
    walker.flush()
    return ParsedDocument(walker.blocks, "html", problems=problems)
