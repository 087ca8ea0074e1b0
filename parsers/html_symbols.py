"""Assessments a web page draws: a small one-colour picture (<img>: the traffic light Word's and
planning systems' HTML exports put in a goal's row) and a cell's background colour, described
as the Word reader describes them ("green circle", "red shading", parsers.symbols).

A page's pictures are files beside it (Word's "rapport_files/image001.png"), inline data: URIs,
or parts of a web archive (parsers.mhtml); the reader is handed a way to fetch them. Only what
lies within the page's own folder is read: a src naming another place (an absolute path, "..",
another machine) is no picture of the report.
"""
from __future__ import annotations

import base64
import binascii
import urllib.parse
from collections.abc import Callable
from pathlib import Path

import regex
from lxml import etree

from parsers.table_symbols import css_colour_name, dingbats, glyph_shape

Fetch = Callable[[str], "bytes | None"]
MAX_PICTURE_BYTES = 1 << 20  # a symbol is a few kB; a larger file is a photo, never read

_BACKGROUND = regex.compile(r"(?i)background(?:-color)?\s*:\s*([^;]+)")
_COLOUR = regex.compile(r"(?i)(?<![-\w])color\s*:\s*([^;]+)")
_FONT_FAMILY = regex.compile(r"(?i)font-family\s*:\s*([^;,]+)")
_SVG_LENGTH = regex.compile(r"^\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:px)?\s*$")
_MAX_SVG_PX = 64.0  # a larger drawing is a chart or a map, not a symbol
_FILL = regex.compile(r"(?i)(?<![-\w])fill\s*:\s*([^;]+)")
_RULE = regex.compile(r"([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR = regex.compile(r"^[A-Za-z]*\.([\w-]+)$")
_NOT_IN_XML = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CLASS_PROPERTY = regex.compile(r"(?i)^(?:background(?:-color)?|color|font-family|font-size|font-weight|line-height)\s*:")
def cell_fill(cell: etree._Element) -> str | None:
    """The colour name of a cell's background (bgcolor, or a background in its style)."""
    style = _BACKGROUND.search(cell.get("style") or "")
    value = style.group(1) if style else cell.get("bgcolor")
    return css_colour_name(value) if value else None


def glyph_symbol(element: etree._Element) -> str | None:
    """"green circle" of an element whose own text is one marker glyph in a saturated colour
    (<span style="color:#00B050">●</span>, <font color="red">■</font>, Wingdings' "l")."""
    style = element.get("style") or ""
    given = _COLOUR.search(style)
    value = given.group(1) if given else element.get("color") if element.tag == "font" else None
    colour = css_colour_name(value) if value else None
    if colour is None:
        return None
    family = _FONT_FAMILY.search(style)
    shape = glyph_shape(element.text or "", family.group(1).strip("'\" ") if family else element.get("face"))
    return f"{colour} {shape}" if shape else None


def svg_symbol(svg: etree._Element) -> str | None:
    """"green circle" of a small inline SVG drawing one shape in one saturated colour (a circle,
    an ellipse, a rectangle, a three-cornered polygon), as web exports draw traffic lights."""
    sizes = [_SVG_LENGTH.match(svg.get(name) or "") for name in ("width", "height")]
    if any(size and float(size.group(1)) > _MAX_SVG_PX for size in sizes):
        return None
    named: set[str] = set()
    for shape in svg.iter("circle", "ellipse", "rect", "polygon"):
        fill = _FILL.search(shape.get("style") or "")
        colour = css_colour_name(fill.group(1) if fill else shape.get("fill") or "")
        if colour is None:
            continue
        corners = len((shape.get("points") or "").replace(",", " ").split()) // 2
        form = {"circle": "circle", "ellipse": "circle", "rect": "square"}.get(shape.tag) or (
            "triangle" if corners == 3 else None)
        named.add(f"{colour} {form}" if form else colour)
    return named.pop() if len(named) == 1 else None  # several colours: a chart or a logo


def _without_comments(css: str) -> str:
    """The style sheet without its /* comments */ and the HTML comment Word wraps it in. Found by
    scanning, not by a pattern: a lazy /*.*?*/ tried at every "/*" of a sheet that never closes
    one took time with the square of its length."""
    kept: list[str] = []
    at = 0
    while (start := css.find("/*", at)) >= 0:
        kept.append(css[at:start])
        end = css.find("*/", start + 2)
        at = len(css) if end < 0 else end + 2
    kept.append(css[at:])
    return " ".join(kept).replace("<!--", " ").replace("-->", " ")


def with_class_styles(root: etree._Element) -> dict[str, list[str]]:
    """The colours and fonts a page's style sheet gives a class (`.status-green { background:
    #00B050 }`, `td.rod { color: red }`, as planning systems' web exports mark their traffic
    lights; `.ft10 { font-size: 12px }`, as PDF converters size their lines) written into the
    style of each element of that class, where its own style does not say: what the symbol
    checks and html_positioned read. Only rules of one class are followed, not the cascade.
    Returns the rules, class -> declarations."""
    rules: dict[str, list[str]] = {}
    for sheet in root.iter("style"):
        for selectors, body in _RULE.findall(_without_comments(sheet.text or "")):
            # Only what an attribute may hold: a sheet's control characters would not be one.
            declarations = [_NOT_IN_XML.sub("", d).strip() for d in body.split(";") if _CLASS_PROPERTY.match(d.strip())]
            for selector in selectors.split(","):
                named = _CLASS_SELECTOR.match(selector.strip())
                if named and declarations:
                    rules.setdefault(named.group(1), []).extend(declarations)
    if not rules:
        return rules
    for element in root.iter():
        given = [rules[name] for name in (element.get("class") or "").split() if name in rules]
        if given and isinstance(element.tag, str):
            own = element.get("style") or ""
            added = [d for ds in given for d in ds if d.split(":")[0].strip().lower() not in own.lower()]
            element.set("style", ";".join(filter(None, [own.strip().rstrip(";"), *added])))
    return rules


def in_dingbats(root: etree._Element) -> None:
    """Text set in a dingbat font is its pictures, not its letters (Wingdings' "l" prints ●, and
    Word's web pages keep the letter): moved to the private-use area, as the Word reader does."""
    for element in root.iter():
        style = element.get("style") or ""
        family = _FONT_FAMILY.search(style) if "dings" in style.lower() else None
        font = family.group(1) if family else element.get("face") if element.tag == "font" else None
        if font and font.strip("'\" ").lower().startswith(("wingdings", "webdings")):
            for inner in element.iter():
                inner.text = dingbats(inner.text) if inner.text else inner.text
                if inner is not element and inner.tail:
                    inner.tail = dingbats(inner.tail)


def data_uri(src: str) -> bytes | None:
    """The bytes of a base64 data: URI."""
    head, comma, data = src.partition(",")
    if not comma or not head.lower().startswith("data:") or not head.lower().endswith(";base64"):
        return None
    try:
        return base64.b64decode(data, validate=False)[:MAX_PICTURE_BYTES + 1]
    except (binascii.Error, ValueError):
        return None


def beside(page: Path) -> Fetch:
    """Pictures from the page's folder, by src relative to the page."""
    folder = page.resolve().parent

    def fetch(src: str) -> bytes | None:
        parts = urllib.parse.urlsplit(src)
        if parts.scheme or parts.netloc or not parts.path:
            return None
        path = (folder / urllib.parse.unquote(parts.path)).resolve()
        try:
            if not path.is_relative_to(folder) or not path.is_file() or path.stat().st_size > MAX_PICTURE_BYTES:
                return None
            return path.read_bytes()
        except OSError:
            return None

    return fetch


class Pictures:
    """The symbol of an element's first picture that is one, each picture decoded once."""

    def __init__(self, fetch: Fetch):
        self._fetch = fetch
        self._seen: dict[str, str | None] = {}

    def symbol(self, element: etree._Element) -> str | None:
        if element.tag == "svg":
            return svg_symbol(element)
        drawn = next(filter(None, map(svg_symbol, element.iter("svg"))), None)
        if drawn:
            return drawn
        images = [element] if element.tag == "img" else element.iter("img")
        for image in images:
            src = (image.get("src") or "").strip()
            if src and src not in self._seen:
                self._seen[src] = self._decoded(self.data(src))
            if src and self._seen[src]:
                return self._seen[src]
        return None

    def data(self, src: str) -> bytes | None:
        """The bytes of a picture, by its src (a data: URI or a file the fetch finds)."""
        return data_uri(src) if src.lower().startswith("data:") else self._fetch(src)

    @staticmethod
    def _decoded(data: bytes | None) -> str | None:
        if not data or len(data) > MAX_PICTURE_BYTES:
            return None
        from parsers.symbols import image_symbol  # numpy and Pillow: for pages with pictures only

        return image_symbol(data)
