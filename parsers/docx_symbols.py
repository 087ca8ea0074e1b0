"""Assessment symbols in a Word file: a small one-colour picture (a drawing or an older file's
VML image), a small shape drawn and filled (Insert > Shapes: an oval filled green), and a marker
glyph typed in a colour ("●" in green, Wingdings' "l"), described as parsers.symbols names them
("green circle")."""
from __future__ import annotations

import regex
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from lxml import etree

from parsers.symbols import hex_colour_name, image_symbol
from parsers.table_symbols import css_colour_name, glyph_shape

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_V = "{urn:schemas-microsoft-com:vml}"
_WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
# A preset shape's name, and a VML shape's element, as the shape a symbol is named by.
_PRESET_SHAPES = {"ellipse": "circle", "flowChartConnector": "circle", "rect": "square", "roundRect": "square",
                  "flowChartProcess": "square", "triangle": "triangle", "diamond": "diamond", "star5": "star"}
_VML_SHAPES = {f"{_V}oval": "circle", f"{_V}rect": "square", f"{_V}roundrect": "square"}
_VML_SIZE = regex.compile(r"(?i)(width|height)\s*:\s*(\d+(?:\.\d+)?|\.\d+)\s*(pt|in|cm|mm|px)?")
_THEME_ALIASES = {"tx1": "dk1", "tx2": "dk2", "bg1": "lt1", "bg2": "lt2"}
_POINTS = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, None: 1.0}
_DINGBAT_FONTS = ("wingdings", "webdings")
_MAX_SYMBOL_EMU = 914400  # an image shown larger than an inch is a picture, not a symbol
# The theme part is parsed as python-docx parses the others: no entities resolved, no network.
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True)


def in_dingbats(run: etree._Element) -> bool:
    fonts = run.find(f"{_W}rPr/{_W}rFonts")
    return fonts is not None and (fonts.get(f"{_W}ascii") or "").lower().startswith(_DINGBAT_FONTS)


def _drawn_shape(drawing: etree._Element, theme: dict[str, str]) -> str | None:
    """"green circle" of a DrawingML shape: a preset geometry filled with an RGB colour, or with
    one of the theme's (`theme`: its names to RGB; a tint or shade of it keeps its hue)."""
    properties = drawing.find(f".//{_WPS}spPr")
    if properties is None:
        return None
    geometry = properties.find(f"{_A}prstGeom")
    fill = properties.find(f"{_A}solidFill")
    rgb = fill.find(f"{_A}srgbClr") if fill is not None else None
    scheme = fill.find(f"{_A}schemeClr") if fill is not None else None
    value = rgb.get("val") if rgb is not None else theme.get(scheme.get("val", "")) if scheme is not None else None
    shape = _PRESET_SHAPES.get(geometry.get("prst", "")) if geometry is not None else None
    colour = hex_colour_name(value)
    return f"{colour} {shape}" if shape and colour else None


def theme_colours(theme: bytes) -> dict[str, str]:
    """The theme's colour names (accent1-6, dk1, lt1, ... and the tx1/bg1 a shape may name for
    them) to their RGB, from the theme part's XML."""
    try:
        scheme = etree.fromstring(theme, _SAFE).find(f".//{_A}clrScheme")
    except etree.XMLSyntaxError:
        return {}
    colours: dict[str, str] = {}
    for entry in scheme if scheme is not None else []:
        given = entry.find(f"{_A}srgbClr")
        system = entry.find(f"{_A}sysClr")
        value = given.get("val") if given is not None else system.get("lastClr") if system is not None else None
        if value and isinstance(entry.tag, str):
            colours[etree.QName(entry).localname] = value
    for alias, name in _THEME_ALIASES.items():
        if name in colours:
            colours[alias] = colours[name]
    return colours


def _vml_shape(element: etree._Element) -> str | None:
    """"red circle" of an older Word file's small VML oval or rectangle filled in a colour."""
    sizes = {name.lower(): float(value) * _POINTS[unit.lower() if unit else None]
             for name, value, unit in _VML_SIZE.findall(element.get("style", ""))}
    if any(size > 72 for size in sizes.values()):  # larger than an inch: a drawing, not a symbol
        return None
    colour = css_colour_name(element.get("fillcolor", "")) if element.get("filled", "t") not in ("f", "false") else None
    return f"{colour} {_VML_SHAPES[element.tag]}" if colour else None


def _glyph_symbol(run: etree._Element) -> str | None:
    """"green circle" of a run of one marker glyph in a saturated colour (its own, not a style's:
    a style colours headings, a traffic light is coloured where it is typed)."""
    r_pr = run.find(f"{_W}rPr")
    colour_element = r_pr.find(f"{_W}color") if r_pr is not None else None
    colour = hex_colour_name(colour_element.get(f"{_W}val")) if colour_element is not None else None
    if colour is None:
        return None
    symbol = run.find(f"{_W}sym")
    if symbol is not None:  # Insert > Symbol: the font's character code, F000 above its letter
        char = symbol.get(f"{_W}char", "")
        code = int(char, 16) if regex.fullmatch(r"[0-9A-Fa-f]{1,4}", char) else 0
        shape = glyph_shape(chr(code & 0xFF), symbol.get(f"{_W}font"))
    else:
        fonts = r_pr.find(f"{_W}rFonts") if r_pr is not None else None
        shape = glyph_shape("".join(t.text or "" for t in run.iter(f"{_W}t")),
                            fonts.get(f"{_W}ascii") if fonts is not None else None)
    return f"{colour} {shape}" if shape else None


class Symbols:
    """Symbols in the images of the body, decoded once per image part, and in coloured marker glyphs."""

    def __init__(self, part: Part):
        self._part = part
        self._seen: dict[str, str | None] = {}
        self._theme: dict[str, str] | None = None  # read when a shape first names a theme colour

    def symbol(self, element: etree._Element) -> str | None:
        """The symbol of the first small one-colour image or filled shape inside `element`, else
        of its first marker glyph typed in a colour ("●" in green), if any."""
        for drawing in element.iter(f"{_W}drawing"):
            extent = drawing.find(f".//{_WP}extent")
            sizes = [extent.get(k, "") for k in ("cx", "cy")] if extent is not None else []
            if any(size.isdigit() and int(size) > _MAX_SYMBOL_EMU for size in sizes):
                continue
            blip = drawing.find(f".//{_A}blip")
            symbol = self._decode(blip.get(f"{_R}embed") if blip is not None else None) or _drawn_shape(
                drawing, self._themed())
            if symbol:
                return symbol
        for image in element.iter(f"{_V}imagedata"):  # VML pictures of older Word files
            symbol = self._decode(image.get(f"{_R}id"))
            if symbol:
                return symbol
        shapes = (_vml_shape(shape) for shape in element.iter(*_VML_SHAPES))
        return next(filter(None, shapes), None) or next(filter(None, map(_glyph_symbol, element.iter(f"{_W}r"))), None)

    def _themed(self) -> dict[str, str]:
        if self._theme is None:
            themes = [rel.target_part for rel in self._part.rels.values()
                      if rel.reltype == RT.THEME and not rel.is_external]
            self._theme = theme_colours(themes[0].blob) if themes else {}
        return self._theme

    def _decode(self, rel_id: str | None) -> str | None:
        if not rel_id:
            return None
        if rel_id not in self._seen:
            related = self._part.related_parts.get(rel_id)  # a dangling id is a damaged picture only
            self._seen[rel_id] = image_symbol(related.blob) if related is not None else None
        return self._seen[rel_id]
