"""Web pages that are a PDF's pages: every line of text an element placed at its own position
(`<p style="position:absolute;top:98px;left:94px">`), as `pdftohtml -c` and converters like it
write a PDF. Document order there is the converter's, not the reading order, and the tables are
only words at positions: read as flowing HTML, the ruled fixtures' pdftohtml pages gave no
indicator, activity or budget row (gold 0.36). So the words are placed on pages as the PDF's
were and read by the PDF reader's page assembly, as text laid out by spaces is (text_layout).

A line's left end and top are the page's own; its words' widths are not written, so they are
measured with Helvetica's advance widths (Arial's and Liberation Sans's are the same), scaled for
a serif face: exact for digits, which is where right-aligned columns need them.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import regex
from lxml import etree

from parsers.blocks import Block
from parsers.html_symbols import Pictures
from parsers.pdf_model import Mark, PageContent, Segment, Word
from parsers.table_symbols import css_colour_name, glyph_shape
from parsers.text_layout import in_source

_PX = 0.75  # CSS's pixel in points
_FARTHEST = 100_000.0  # points: a length past this (or inf, from 400 digits) is a broken page's, not read
_SMALLEST = 1.0  # points: a font size under this is a broken page's (a zero size has no width)
_POSITIONED = regex.compile(r"(?i)position\s*:\s*absolute")
_LENGTH = r"\s*:\s*(-?\d+(?:\.\d+)?)\s*(px|pt)?"
_TOP = regex.compile(rf"(?i)(?<![-\w])top{_LENGTH}")
_LEFT = regex.compile(rf"(?i)(?<![-\w])left{_LENGTH}")
_WIDTH = regex.compile(rf"(?i)(?<![-\w])width{_LENGTH}")
_LENGTH_VALUE = regex.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(px|pt)?\s*$")
_COVERS = 0.8  # of the page's width: a picture this wide is the page's background
_HEIGHT = regex.compile(rf"(?i)(?<![-\w])height{_LENGTH}")
_FONT_SIZE = regex.compile(rf"(?i)font-size{_LENGTH}")
_LINE_HEIGHT = regex.compile(rf"(?i)line-height{_LENGTH}")
_COLOUR = regex.compile(r"(?i)(?<![-\w])color\s*:\s*([^;]+)")
_BOLD_STYLE = regex.compile(r"(?i)font-weight\s*:\s*(?:bold|[6-9]00)|font-family\s*:[^;]*bold")
_SERIF = regex.compile(r"(?i)font-family\s*:[^;]*(?:times|serif|roman|georgia|cambria|garamond)(?![^;]*sans)")
_WORD = regex.compile(r"\S+")
_BOLD_TAGS = {"b", "strong"}
_NOT_TEXT = {"style", "script", "noscript", "template"}
# Helvetica's advance widths in thousandths of the size; a letter not listed is 556 wide.
_ADVANCES = {**dict.fromkeys(" \u00a0,./:;!|'[]ftI", 278), **dict.fromkeys("ijl", 222), **dict.fromkeys("ckxvsyzJ", 500),
             **dict.fromkeys("r-()", 333), **dict.fromkeys("mM", 833), **dict.fromkeys("wCDHNRU", 722),
             **dict.fromkeys("ABEKPSVXYÅÄ", 667), **dict.fromkeys("FTZ", 611), **dict.fromkeys("GOQÖ", 778),
             "W": 944, "%": 889}
_SERIF_SCALE = 0.9  # Times sets its letters about a tenth narrower
_LINE_SPACING = 1.15  # a line's pitch in sizes where the page does not say
# A page is read so when most of its text is placed: a page with a positioned banner or menu
# and flowing content is a web page as any other.
_MIN_PLACED = 10
_PLACED_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class _Run:
    text: str
    bold: bool
    colour: str | None


def _length(pattern: regex.Pattern[str], style: str) -> float | None:
    match = pattern.search(style)
    if match is None:
        return None
    value = float(match.group(1)) * (1.0 if (match.group(2) or "px").lower() == "pt" else _PX)
    return value if abs(value) <= _FARTHEST else None


def _placed(root: etree._Element) -> list[etree._Element]:
    """The outermost elements set at a position of their own that hold text."""
    placed = [element for element in root.iter()
              if isinstance(element.tag, str) and _POSITIONED.search(style := element.get("style") or "")
              and _TOP.search(style) and _LEFT.search(style) and _words_in(element)]
    inner = set(placed)
    return [element for element in placed if not any(a in inner for a in element.iterancestors())]


def _words_in(element: etree._Element) -> int:
    """The words of the element's text, a style sheet's or script's left out."""
    count = 0
    for node in element.iter():
        if node.text and node.tag not in _NOT_TEXT and isinstance(node.tag, str):
            count += len(node.text.split())
        if node.tail and node is not element:
            count += len(node.tail.split())
    return count


def _page_of(element: etree._Element, body: etree._Element) -> etree._Element:
    """The page an element is placed on: the nearest block that holds it and has a size."""
    for ancestor in element.iterancestors():
        if ancestor is body or (_WIDTH.search(ancestor.get("style") or "")
                                and _HEIGHT.search(ancestor.get("style") or "")):
            return ancestor
    return body


def _earlier_page_class(element: etree._Element, page: int, rules: dict[str, list[str]]) -> None:
    """pdftohtml names a font's class by the page and the font's number ("ft21": page 2's font 1)
    and defines it only on the page where the font is first used ("ft11"): an element whose class
    is defined nowhere is given the class of its font's number on the earliest page that defines
    it."""
    name = (element.get("class") or "").strip()
    prefix = f"ft{page}"
    if name in rules or not name.startswith(prefix) or not name[len(prefix):].isdigit():
        return
    font = name[len(prefix):]
    for earlier in range(1, page):
        if given := rules.get(f"ft{earlier}{font}"):
            element.set("style", ";".join([(element.get("style") or "").rstrip(";"), *given]))
            return


def _background(page: etree._Element, width: float, pictures: Pictures) -> tuple[list[Segment], list[Mark]]:
    """The rules and coloured marks of the pictures that cover the page (most of its width),
    where they lie on it."""
    from parsers.html_rules import background_shapes  # numpy and Pillow: for such pages only

    segments: list[Segment] = []
    marks: list[Mark] = []
    for image in page.iter("img"):
        shown = [_length(_LENGTH_VALUE, image.get(side) or "") for side in ("width", "height")]
        src = (image.get("src") or "").strip()
        if not src or shown[0] is None or shown[1] is None or shown[0] < _COVERS * width:
            continue
        data = pictures.data(src)
        if not data:
            continue
        style = image.get("style") or ""
        left, top = _length(_LEFT, style) or 0.0, _length(_TOP, style) or 0.0
        drawn, shapes = background_shapes(data, shown[0], shown[1])
        segments += [Segment(s.x0 + left, s.top + top, s.x1 + left, s.bottom + top) for s in drawn]
        marks += [Mark(m.x0 + left, m.top + top, m.x1 + left, m.bottom + top, m.name) for m in shapes]
    return segments, marks


def positioned_pages(body: etree._Element, rules: dict[str, list[str]], pictures: Pictures | None = None
                     ) -> list[tuple[PageContent, list[tuple[float, float, int]]]] | None:
    """The pages of a body whose text is placed element by element, each with its elements'
    (top, left, source line), top to bottom and left to right; None for a page whose text flows. `rules`: the page's
    class rules (html_symbols.with_class_styles), already written into the elements' styles;
    `pictures`: where the pages' background pictures, which hold their rules, are fetched."""
    placed = _placed(body)
    if len(placed) < _MIN_PLACED:
        return None
    if sum(map(_words_in, placed)) < _PLACED_SHARE * _words_in(body):
        return None
    pages: dict[etree._Element, list[etree._Element]] = {}
    for element in placed:
        pages.setdefault(_page_of(element, body), []).append(element)
    for number, elements in enumerate(pages.values(), start=1):
        for element in elements:
            _earlier_page_class(element, number, rules)
    sizes = Counter(size for element in placed if (size := _size(element)) is not None)
    usual = sizes.most_common(1)[0][0] if sizes else 9.0
    result = []
    for number, (page, elements) in enumerate(pages.items(), start=1):
        words: list[Word] = []
        marks: list[Mark] = []
        lines: list[tuple[float, float, int]] = []
        for element in elements:
            _place_element(element, max(_size(element) or usual, _SMALLEST), words, marks)
            place = element.get("style") or ""
            line = element.sourceline
            lines.append((_length(_TOP, place) or 0.0, _length(_LEFT, place) or 0.0, line if isinstance(line, int) else 1))
        style = page.get("style") or ""
        width = _length(_WIDTH, style) or max((w.x1 for w in words), default=0.0)
        height = _length(_HEIGHT, style) or max((w.bottom for w in words), default=0.0)
        segments, drawn = _background(page, width, pictures) if pictures is not None else ([], [])
        marks += drawn
        result.append((PageContent(number, width, height, words, segments, marks), sorted(lines)))
    return result


def _style(element: etree._Element, pattern: regex.Pattern[str]) -> regex.Match[str] | None:
    """The first match in the style of the element or the nearest ancestor whose style has one."""
    for node in (element, *element.iterancestors()):
        if match := pattern.search(node.get("style") or ""):
            return match
    return None


def _runs(element: etree._Element, bold: bool, colour: str | None) -> Iterator[_Run | None]:
    """The element's text in runs of one boldness and colour; None where a <br> ends a line."""
    style = element.get("style") or ""
    bold = bold or element.tag in _BOLD_TAGS or bool(_BOLD_STYLE.search(style))
    colour = (match.group(1) if (match := _COLOUR.search(style)) else colour)
    if element.text:
        yield _Run(element.text, bold, colour)
    for child in element:
        if child.tag == "br":
            yield None
        elif isinstance(child.tag, str):
            yield from _runs(child, bold, colour)
        if child.tail:
            yield _Run(child.tail, bold, colour)


def _size(element: etree._Element) -> float | None:
    return _length(_FONT_SIZE, m.group(0)) if (m := _style(element, _FONT_SIZE)) else None


def _place_element(element: etree._Element, size: float, words: list[Word], marks: list[Mark]) -> None:
    """The element's words, each line at its place, and its coloured marker glyphs as marks."""
    style = element.get("style") or ""
    top = _length(_TOP, style) or 0.0
    left = _length(_LEFT, style) or 0.0
    pitch = _length(_LINE_HEIGHT, m.group(0)) if (m := _style(element, _LINE_HEIGHT)) else None
    pitch = pitch or _LINE_SPACING * size
    scale = size / 1000 * (_SERIF_SCALE if _style(element, _SERIF) else 1.0)
    inherited = m.group(1) if (m := _style(element, _COLOUR)) else None
    bold = any(a.tag in _BOLD_TAGS or _BOLD_STYLE.search(a.get("style") or "") for a in element.iterancestors())
    x, line = left, 0
    for run in _runs(element, bold, inherited):
        if run is None:
            x, line = left, line + 1
            continue
        y = top + line * pitch
        for match in _WORD.finditer(run.text):
            x0 = x + scale * _advance(run.text[:match.start()])
            x1 = x0 + scale * _advance(match.group())
            words.append(Word(match.group(), x0, x1, y, y + size, size, run.bold))
            shape = glyph_shape(match.group())
            colour = css_colour_name(run.colour) if run.colour and shape else None
            if shape and colour:
                marks.append(Mark(x0, y, x1, y + size, f"{colour} {shape}"))
        x += scale * _advance(run.text)


def _advance(text: str) -> float:
    return sum(_ADVANCES.get(char, 556) for char in text)


def positioned_blocks(body: etree._Element, rules: dict[str, list[str]], pictures: Pictures | None = None
                      ) -> list[Block] | None:
    """The blocks of a body whose text is placed element by element, each at its page and the
    source line of the element it starts in; None for a page whose text flows."""
    from parsers.pdf import read_words  # the PDF reader only for such pages

    pages = positioned_pages(body, rules, pictures)
    if pages is None:
        return None

    def line_of(top: float, page: int | None) -> int:
        lines = pages[(page or 1) - 1][1]
        above = [at for at, _, _ in lines if at <= top + 1.0]
        return next(line for at, _, line in lines if at == (max(above) if above else lines[0][0]))

    return [in_source(block, line_of, keep_page=True) for block in read_words([p for p, _ in pages]).blocks]
