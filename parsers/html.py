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
- A cell with colspan or rowspan keeps its extent in `Row.spans`.
- `properties` come from <title> and the author / description / date <meta> tags.
- A small one-colour picture (a traffic light) and a saturated cell background are described in
  `Paragraph.symbol` / `Row.symbols` as the Word reader describes them (parsers.html_symbols).
- A page whose text is placed element by element at positions (`pdftohtml -c`: a PDF's pages)
  is read as those pages, by the PDF reader's page assembly (parsers.html_positioned).
- Elements nested deeper than 200 levels (only hostile or broken pages do that; lxml itself
  stops at 256, or 2048 with huge_tree, and drops the rest of the page) are read as flat text
  at level 200, with a `deep_nesting` warning: nothing is lost, some paragraph breaks may be.
"""
from __future__ import annotations

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
    Span,
    Table,
    UnreadableFile,
)
from parsers.html_charset import decode_html
from parsers.html_positioned import positioned_blocks
from parsers.html_symbols import Pictures, beside, cell_fill, glyph_symbol, in_dingbats, with_class_styles
from parsers.table_symbols import row_symbols

_DROPPED = {"script", "style", "nav", "noscript", "template", "head", "iframe", "object", "svg", "button", "select"}
_PAGE_CHROME = {"header", "footer"}
_SECTIONING = {"article", "section", "main"}
_BLOCK = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "section", "article", "main", "aside",
          "figure", "figcaption", "address", "pre", "hr", "form", "fieldset", "center", "body", "html",
          "header", "footer", "caption"}
_BOLD = {"b", "strong"}
_HEADING = regex.compile(r"^h([1-6])$")
_XML_DECLARATION = regex.compile(r"(?<=^\s*)<\?xml[^>]*\?>")
# A DOCTYPE with an internal subset (`<!DOCTYPE html [<!ENTITY ...>]>`, XHTML's, or an attack's):
# lxml's HTML parser ends the DOCTYPE at its first ">" and reads the rest, "]>" and all, as text.
_DOCTYPE_SUBSET = regex.compile(r"(?si)\s*<!DOCTYPE([^\[>]*)\[.*?\]\s*>")
_MAX_COLSPAN = 1000  # the HTML spec's own cap: a typo such as colspan=99999 must not eat memory
# The walker recurses per level (two frames each) and Python stops at 1000 frames; no real page
# nests a tenth as deep.
MAX_DEPTH = 200
_TAG = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*?>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
         "wbr"}
_BREAKING = _BLOCK | {"table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"}
# <meta name=...> -> property; the first one given wins.
_META_PROPERTIES = {"author": "author", "dc.creator": "author", "dcterms.creator": "author",
                    "description": "subject", "subject": "subject", "dc.subject": "subject",
                    "dc.description": "subject", "dc.title": "title", "dcterms.title": "title", "og:title": "title",
                    "date": "created", "created": "created", "dc.date": "created", "dcterms.created": "created",
                    "dc.date.created": "created", "article:published_time": "created"}
_ISO_DATE = regex.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def _clean(text: str) -> str:
    return collapse(unicodedata.normalize("NFC", text).replace("\u00ad", ""))


def _span(cell: etree._Element, attribute: str, limit: int) -> int:
    value = regex.match(r"\s*(\d+)", cell.get(attribute, ""))
    return min(max(int(value.group(1)), 1), limit) if value else 1


def _sourceline(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def _is_page_chrome(element: etree._Element) -> bool:
    return element.tag in _PAGE_CHROME and not any(a.tag in _SECTIONING for a in element.iterancestors())


def _is_list_marker(element: etree._Element) -> bool:
    """Word's web export writes the bullet or number it generates for a list paragraph in a span
    marked mso-list:Ignore; the DOCX reader does not see generated markers either."""
    return "mso-list:ignore" in (element.get("style") or "").replace(" ", "").lower()


def _table_rows(table: etree._Element) -> Iterator[etree._Element]:
    """The table's own rows in display order: a browser draws <tfoot> last wherever it stands."""
    footer: list[etree._Element] = []
    for child in table:
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody"):
            yield from (row for row in child if row.tag == "tr")
        elif child.tag == "tfoot":
            footer.extend(row for row in child if row.tag == "tr")
    yield from footer


class _Walker:
    def __init__(self, first_line: int = 1, pictures: Pictures | None = None) -> None:
        self._line_offset = first_line - 1  # a fragment's lines count from where it stands in its file
        self._pictures = pictures  # None: the page's pictures are not to be looked at (a cell's text)
        self._symbol: str | None = None  # of the open paragraph
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
            self.blocks.append(Paragraph(text, self._place(self._line), heading=self._heading, bold=bold,
                                         symbol=self._symbol))
        self._pieces, self._line, self._symbol = [], None, None

    def _text(self, text: str | None, element: etree._Element, bold: bool) -> None:
        if text:
            if self._line is None and text.strip():
                self._line = _sourceline(element)
            self._pieces.append((text, bold))

    def _node(self, element: etree._Element, bold: bool) -> None:
        tag = element.tag
        if tag == "svg" and self._pictures is not None and self._symbol is None:
            self._symbol = self._pictures.symbol(element)  # a drawing's only text is its own labels
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
        elif tag == "img":
            if self._pictures is not None and self._symbol is None:
                self._symbol = self._pictures.symbol(element)
        elif self._pictures is not None and self._symbol is None and (glyph := glyph_symbol(element)):
            self._symbol = glyph
            self.contents(element, bold or tag in _BOLD)
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
        extents: list[dict[int, Span]] = [{} for _ in rows]
        shown: list[list[tuple[int, str | None, str | None]]] = [[] for _ in rows]  # (column, picture, fill)
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
                picture = (self._pictures.symbol(cell) or next(filter(None, map(glyph_symbol, cell.iter())), None)
                           if self._pictures is not None else None)
                shown[index].append((column, picture, cell_fill(cell)))
                spans.append((index, colspan))
                if colspan > 1 or rowspan > 1:
                    extents[index][column] = Span(rowspan, colspan)
                column += colspan
        width = max((len(row) for row in grid), default=0)
        if not width:
            return
        full_width = {index for index, colspan in spans if colspan == width}
        self.blocks.append(Table([
            Row([cell or "" for cell in row] + [""] * (width - len(row)), self._place(_sourceline(tr)),
                spanning=width > 1 and cell_counts[index] == 1 and index in full_width,
                header=_is_header_row(tr), spans=extents[index], symbols=row_symbols(shown[index]))
            for index, (tr, row) in enumerate(zip(rows, grid))], self._place(_sourceline(table))))


def _is_header_row(tr: etree._Element) -> bool:
    """In <thead>, or made only of <th> (a <th> at the start of a body row heads the row, not
    the column, so one <td> makes it a data row)."""
    cells = [cell.tag for cell in tr if cell.tag in ("td", "th")]
    parent = tr.getparent()
    return parent is not None and parent.tag == "thead" or bool(cells) and all(tag == "th" for tag in cells)


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


def _depth_limit_hit(parser: lxml_html.HTMLParser) -> bool:
    return any("Excessive depth" in entry.message for entry in parser.error_log)


def flatten_source(text: str, limit: int = MAX_DEPTH) -> str:
    """The page with the tags below nesting level `limit` taken out (block tags become <br>,
    so their paragraphs stay apart): what lets lxml read a page past its own depth limit.
    Counting by tags alone over-counts where HTML leaves end tags out, which only flattens a
    few more levels of a page that is pathological anyway."""
    stack: list[tuple[str, bool]] = []  # open element, kept?

    def replace(match: regex.Match[str]) -> str:
        closing, name = match.group(1) == "/", match.group(2).lower()
        breaking = "<br>" if name in _BREAKING else ""
        if name in _VOID:
            return match.group(0)
        if not closing:
            kept = len(stack) < limit
            stack.append((name, kept))
            return match.group(0) if kept else breaking
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == name:
                kept = stack[k][1]
                del stack[k:]
                return match.group(0) if kept else breaking
        return match.group(0)  # a stray end tag: lxml ignores it

    return str(_TAG.sub(replace, text))


def flatten_tree(root: etree._Element, limit: int = MAX_DEPTH) -> int:
    """Take out the elements below level `limit` (their text and children move up); returns the
    depth the tree had. Iterative, as the tree may be deeper than Python may recurse."""
    deepest, too_deep = 0, []
    pending = [(root, 0)]
    while pending:
        element, depth = pending.pop()
        deepest = max(deepest, depth)
        if depth > limit:
            too_deep.append(element)
        pending.extend((child, depth + 1) for child in element)
    # Outermost first: each element taken out then hands up only its own few children, where
    # innermost first would carry the growing flattened content up level by level (quadratic).
    for element in too_deep:
        if isinstance(element.tag, str) and (element.tag in _BREAKING or _HEADING.match(element.tag)):
            element.addprevious(etree.Element("br"))
            element.append(etree.Element("br"))
        if isinstance(element, lxml_html.HtmlElement):
            element.drop_tag()
        else:  # a comment or processing instruction: it has no text to keep
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
    return deepest


def _parse(text: str, fragment: bool) -> tuple[etree._Element, list[Problem]]:
    """The page's tree, read in full however deep it nests."""
    parser = lxml_html.HTMLParser(huge_tree=True)  # huge_tree: also text nodes over 10 MB
    build = (lambda t: lxml_html.fragment_fromstring(t, create_parent="div", parser=parser)) if fragment else \
        (lambda t: lxml_html.document_fromstring(t, parser=parser))
    root = build(text)
    flattened = _depth_limit_hit(parser)
    if flattened:  # lxml stopped at its limit and dropped the rest: read it again, flattened
        parser = lxml_html.HTMLParser(huge_tree=True)
        root = build(flatten_source(text))
    depth = flatten_tree(root)
    if not flattened and depth <= MAX_DEPTH:
        return root, []
    return root, [Problem("warning", "deep_nesting",
                          f"the page nests its elements more than {MAX_DEPTH} levels deep (as no real page does); "
                          f"the content below level {MAX_DEPTH} was read as flat text, so some paragraph breaks "
                          "there may be lost: check the page, which may have been made to attack readers")]


def _properties(root: etree._Element) -> dict[str, str]:
    properties: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = _META_PROPERTIES.get((meta.get("name") or meta.get("property") or "").strip().lower())
        value = _clean(meta.get("content") or "")
        if key and value and key not in properties:
            properties[key] = value
    title = root.find(".//title")
    text = _clean("".join(str(piece) for piece in title.itertext())) if title is not None else ""
    if text:
        properties["title"] = text  # the page's own title outranks meta tags
    if "created" in properties:
        date = _ISO_DATE.match(properties["created"])
        if date:
            properties["created"] = "-".join(date.groups())
        else:
            del properties["created"]  # "3 maj" or a timestamp in another form: no ISO date to give
    return properties


def fragment_blocks(fragment: str, first_line: int) -> list[Block]:
    """The blocks of a piece of HTML inside another kind of file, such as the `<table>` an OCR
    converter leaves in its text output; places count from the fragment's first line there."""
    try:
        root, _ = _parse(fragment, fragment=True)
    except (etree.ParserError, ValueError):
        return []
    walker = _Walker(first_line)
    walker.contents(root)
    walker.flush()
    return walker.blocks


def read_html(path: Path) -> ParsedDocument:
    return html_document(*decode_html(path.read_bytes()), Pictures(beside(path)))


def html_document(text: str, problems: list[Problem], pictures: Pictures | None = None) -> ParsedDocument:
    """The blocks of a page's decoded text (`problems`: what decoding it found), its symbols
    from the pictures `pictures` fetches."""
    # lxml refuses a str that still carries an XML encoding declaration; it says nothing anyway
    # once the text is decoded. Removing it on its line keeps source lines right.
    text = _XML_DECLARATION.sub("", text, count=1)
    if subset := _DOCTYPE_SUBSET.match(text):  # left out, its lines kept as blank ones
        text = f"<!DOCTYPE{subset.group(1)}>" + "\n" * subset.group(0).count("\n") + text[subset.end():]
    try:
        root, deep = _parse(text, fragment=False)
    except (etree.ParserError, ValueError) as error:
        raise UnreadableFile("empty_html", f"the web page has no content to read ({error}): "
                                           "check that the page was saved completely") from error
    rules = with_class_styles(root)
    in_dingbats(root)
    body = root.find("body")
    if (placed := positioned_blocks(body if body is not None else root, rules, pictures)) is not None:
        return ParsedDocument(placed, "html", problems=problems + deep, properties=_properties(root))
    walker = _Walker(pictures=pictures)
    walker.contents(body if body is not None else root)
    walker.flush()
    return ParsedDocument(walker.blocks, "html", problems=problems + deep, properties=_properties(root))
