"""What a PDF page holds, read with pdfium: glyphs with their boxes, and the ruling lines that
draw table grids, borders and row shading. Then glyphs become words and words become lines.

pdfium is used through its C API because that is an order of magnitude faster than pdfminer's
layout analysis, which the reader does not need: a page's text is taken in one call, and only a
word's ends are measured, with the calls made in that loop bound without ctypes' argument checks.
"""
from __future__ import annotations

import ctypes
import re
import struct
from operator import attrgetter
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsers.pdf_glyph_marks import glyph_marks
from parsers.pdf_model import Line, Mark, PageContent, PageView, PdfSettings, Word, line_as_made
from parsers.pdf_open import GLYPH_UNICODE, unchecked
from parsers.pdf_paths import page_paths
from parsers.pdf_styles import TEXT_OBJECT, Styles
from parsers.pdf_turn import Frame, page_frame

# pdfium's text page inserts line ends (CR/LF) between lines; they are no glyphs. It writes a
# hyphen that ends a line as 0x02 or 0xFFFE: that is the hyphen glyph on the page.
_NOT_GLYPHS = {0x0D, 0x0A, 0x00}
_LINE_END_HYPHENS = {0x02, 0xFFFE}
_SPACES = {0x20, 0xA0, 0x09, 0x2002, 0x2003, 0x2009, 0x202F, 0x3000}
# A Latin font's ascender and descender as shares of its size.
_ASCENT = 0.8
_DESCENT = 0.2


_LOOSE_CHAR_BOX = unchecked(pdfium_c.FPDFText_GetLooseCharBox, None)
_CHAR_ORIGIN = unchecked(pdfium_c.FPDFText_GetCharOrigin, None)


def read_page(document: pdfium.PdfDocument, index: int, settings: PdfSettings) -> PageContent:
    page = document[index]
    try:
        # Measured from the visible box's top, in user space (get_size() is the page as shown,
        # turned by /Rotate): a crop box starting above y 0 put the page's top lines off it.
        view = _View(*page.get_bbox())
        textpage = page.get_textpage()
        try:
            frame = page_frame(textpage.raw, view.right, view.top, settings.direction_samples)
            if frame.degrees:
                raw = textpage.raw
                words = words_of(_chars(raw, 0, pdfium_c.FPDFText_CountChars(raw), frame, view), settings)
            else:
                words = _words(textpage, frame, view, settings)
            glyphs = glyph_marks(textpage.raw, textpage.get_text_range(), view.top)
        finally:
            textpage.close()
        segments, marks = page_paths(page, view.top, settings)
        marks += glyphs
        shown = PageView(frame.degrees, page.get_rotation(), view.left, view.bottom, view.right, view.top)
    finally:
        page.close()
    if frame.degrees:
        segments = [frame.segment(seg) for seg in segments]
        marks = [Mark(*frame.box(m.x0, frame.page_height - m.bottom, m.x1, frame.page_height - m.top), m.name)
                 for m in marks]
    return PageContent(index + 1, frame.width, frame.height, words, segments, marks, shown)


# Two glyph boxes (FS_RECTF: left, top, right, bottom), then an origin (x, y).
_BOXES = struct.Struct("8f")
_ORIGIN_Y = struct.Struct("d")
# A word, the hyphen glyph that ends it with it; a lone hyphen glyph too. Its run of letters is
# scanned once, without backtracking to look for the hyphen inside it.
_TOKEN = re.compile(r"([^\s\x00\x02\ufffe]+[\x02\ufffe]?|[\x02\ufffe])")


def _words(textpage: pdfium.PdfTextPage, frame: Frame, view: _View, settings: PdfSettings) -> list[Word]:
    """Words from pdfium's text, which already breaks words at spaces and gaps and lines at
    line ends. Only a word's first and last glyph are measured, which is what makes this fast;
    a word whose ends do not sit on one line left to right, or that runs off the page, is
    measured glyph by glyph."""
    raw = textpage.raw
    text = textpage.get_text_range()
    if len(text) != pdfium_c.FPDFText_CountChars(raw):
        # Characters outside the BMP take two places in pdfium's text: measure every glyph.
        return words_of(_chars(raw, 0, pdfium_c.FPDFText_CountChars(raw), frame, view), settings)
    # pdfium writes a word's first and last glyph box and its origin into one buffer, read back
    # by unpacking: a ctypes field read costs as much as the call that filled it.
    measured = (ctypes.c_double * 6)()
    first_ref, last_ref = ctypes.byref(measured, 0), ctypes.byref(measured, 16)
    origin_x_ref, origin_y_ref = ctypes.byref(measured, 32), ctypes.byref(measured, 40)
    unpack, unpack_origin_y = _BOXES.unpack_from, _ORIGIN_Y.unpack_from
    styles = Styles()
    known = styles.known
    # Per text object whose glyphs share a baseline, that baseline. pdfium places a glyph's
    # origin at the object's matrix applied to (advance, 0), whose y is the matrix's own when its
    # b is 0: every glyph of the object has the same, and it is asked once, not for every word.
    # Only a word of two glyphs or more that runs left to right shows that its object's advance
    # runs along x (in vertical writing it runs down, and the origin with it).
    baselines: dict[int | None, float] = {}
    hyphens = "\x02" in text or "\ufffe" in text
    page_height = frame.page_height
    v_left, v_bottom, v_right, v_top = view.left, view.bottom, view.right, view.top
    # Bound to locals: this loop runs for every word of the document.
    char_box, text_object, char_origin, find = _LOOSE_CHAR_BOX, TEXT_OBJECT, _CHAR_ORIGIN, text.find
    ascent, descent = _ASCENT, _DESCENT
    words: list[Word] = []
    # The words from one pass over the text; a page without a line-end hyphen or a NUL (most)
    # is split at its white space, as the pattern would split it, without a match per word.
    tokens = _TOKEN.findall(text) if hyphens or "\x00" in text else text.split()
    b = 0
    for token in tokens:
        # Only white space (and NULs) lies between two words, none of which starts a word.
        a = find(token, b)
        b = a + len(token)
        if hyphens and ("\x02" in token or "\ufffe" in token):
            token = token.replace("\x02", "-").replace("\ufffe", "-")
        char_box(raw, a, first_ref)
        char_box(raw, b - 1, last_ref)
        left, top, first_right, bottom, last_left, last_top, right, last_bottom = unpack(measured)
        # Both glyphs lie wholly inside the page's visible box.
        if not (v_left <= left and first_right <= v_right and v_bottom <= bottom and top <= v_top
                and v_left <= last_left and right <= v_right and v_bottom <= last_bottom and last_top <= v_top):
            words.extend(words_of(_chars(raw, a, b, frame, view), settings))
            continue
        obj = text_object(raw, a)
        size, turned, bold, font, level = known.get(obj) or styles.measure(raw, a, obj)
        if turned:
            # A word running up or down an upright page (a turned column header): whole, in
            # its own order, at its box.
            x0, y0, x1, y1 = frame.box(min(left, last_left), min(bottom, last_bottom),
                                       max(first_right, right), max(top, last_top))
            words.append(Word(token, x0, x1, y0, y1, size, bold, font))
            continue
        if right < left or abs(last_top - top) > 0.5 * size:
            words.extend(words_of(_chars(raw, a, b, frame, view), settings))
            continue
        # Height from the baseline and the size, not from glyph boxes, which vary with the
        # glyph: lines then have one height, and gaps between them measure the spacing.
        baseline = baselines.get(obj)
        if baseline is None:
            char_origin(raw, a, origin_x_ref, origin_y_ref)
            baseline = page_height - unpack_origin_y(measured, 40)[0]
            if level and obj and b - a > 1:
                baselines[obj] = baseline
        words.append(Word(token, left, right, baseline - ascent * size, baseline + descent * size, size, bold, font))
    return words


@dataclass(frozen=True, slots=True)
class _View:
    """The page's visible box in user space. Some producers leave text that runs off the page
    (a browser's line wider than the sheet, a font's test glyphs) in the text layer: a glyph
    wholly outside the box is not seen, so it is no text of the page."""

    left: float
    bottom: float
    right: float
    top: float

    def shows(self, glyph: pdfium_c.FS_RECTF) -> bool:
        """Some of the glyph lies inside the box, or on its edge."""
        return bool(glyph.right >= self.left and glyph.left <= self.right
                    and glyph.top >= self.bottom and glyph.bottom <= self.top)


def _chars(raw: pdfium_c.FPDF_TEXTPAGE, start: int, end: int, frame: Frame, view: _View) -> list[Word]:
    box = pdfium_c.FS_RECTF()
    box_ref = ctypes.byref(box)
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    origin_refs = (ctypes.byref(origin_x), ctypes.byref(origin_y))
    chars: list[Word] = []
    size = 0.0
    bold = False
    styles = Styles()
    for i in range(start, end):
        code = GLYPH_UNICODE(raw, i)
        if code in _NOT_GLYPHS:
            continue
        if code in _SPACES:
            # Kept as a word break; its box is irrelevant.
            chars.append(Word(" ", 0, 0, 0, 0, size, bold))
            continue
        _LOOSE_CHAR_BOX(raw, i, box_ref)
        if not view.shows(box):
            continue
        _CHAR_ORIGIN(raw, i, *origin_refs)
        size, _, bold, font, _ = styles(raw, i)
        text = "-" if code in _LINE_END_HYPHENS else chr(code)
        x0, _, x1, _ = frame.box(box.left, box.bottom, box.right, box.top)
        _, baseline = frame.point(origin_x.value, origin_y.value)
        chars.append(Word(text, x0, x1, baseline - _ASCENT * size, baseline + _DESCENT * size, size, bold, font))
    return chars


def words_of(chars: list[Word], settings: PdfSettings) -> list[Word]:
    """Glyphs in content-stream order become words; a space, a jump back or down, or a wide
    gap ends a word. A character drawn within the glyph before it is no jump back: pdfium
    gives both letters of a ligature ("ﬂ" read as "fl") the ligature's box."""
    words: list[Word] = []
    current: list[Word] = []
    for ch in chars:
        if ch.text == " ":
            _flush(current, words)
            current = []
            continue
        if current:
            last = current[-1]
            size = max(last.size, 1.0)
            gap = ch.x0 - last.x1
            same_line = min(ch.bottom, last.bottom) - max(ch.top, last.top) > 0.3 * (last.bottom - last.top)
            back = gap < -0.5 * size and not (ch.x0 > last.x0 - 0.05 * size and ch.x1 < last.x1 + 0.05 * size)
            if not same_line or gap > settings.word_gap * size or back:
                _flush(current, words)
                current = []
        current.append(ch)
    _flush(current, words)
    return words


def _flush(chars: list[Word], words: list[Word]) -> None:
    if not chars:
        return
    words.append(Word("".join(c.text for c in chars), min(c.x0 for c in chars), max(c.x1 for c in chars),
                      min(c.top for c in chars), max(c.bottom for c in chars),
                      max(c.size for c in chars), all(c.bold for c in chars),
                      chars[0].font if all(c.font == chars[0].font for c in chars) else ""))


def plain_body(words: list[Word], settings: PdfSettings) -> None:
    """When most of a document's text reads as bold, its fonts say so of the body text too (a
    weight or flag set on every face): bold then tells nothing, and no word is bold."""
    # Lists, not generators, summed: a generator's step costs more than a list's, for every word.
    total = sum([len(w.text) for w in words])
    if total and sum([len(w.text) for w in words if w.bold]) > settings.bold_body_share * total:
        for word in words:
            word.bold = False


def lines_of(words: list[Word], settings: PdfSettings) -> list[Line]:
    """Words whose vertical extents overlap enough form one line, read left to right; lines are
    returned top to bottom."""
    groups: list[tuple[list[Word], float, float]] = []  # words, top, bottom
    members: list[Word] = []
    top = bottom = 0.0
    share = settings.line_overlap
    # Comparisons rather than min() and max(): this runs for every word of the document. Words
    # by their middles, as sums of top and bottom made in one pass, not by a key function.
    middles = [w.top + w.bottom for w in words]
    for k in sorted(range(len(words)), key=middles.__getitem__):
        word = words[k]
        upper, lower = word.top, word.bottom
        if members:
            overlap = (lower if lower < bottom else bottom) - (upper if upper > top else top)
            if overlap >= share * (lower - upper if lower - upper < bottom - top else bottom - top):
                members.append(word)
                top = upper if upper < top else top
                bottom = lower if lower > bottom else bottom
                continue
            groups.append((members, top, bottom))
        members, top, bottom = [word], upper, lower
    if members:
        groups.append((members, top, bottom))
    lines = []
    for members, top, bottom in groups:
        glued, size, bold = _glue(sorted(members, key=_LEFT))
        text = " ".join([w.text for w in glued])
        ordered = _without_leaders(glued, text)
        if ordered is glued:  # no leader dropped (nearly every line): its text, size and boldness at hand
            lines.append(line_as_made(glued, glued[0].x0, max([w.x1 for w in glued]), top, bottom, text, size, bold))
        else:
            lines.append(Line(ordered, ordered[0].x0, max([w.x1 for w in ordered]), top, bottom))
    return lines


_LEFT = attrgetter("x0")
_LEADER = re.compile(r"[.·…_]{3,}$")
_DOTS = {".", "·", "…", ". ."}
_DOT_RUN = re.compile(r"[.·…_]{3}")


def _without_leaders(words: list[Word], spaced: str) -> list[Word]:
    """The dot leader between a row's label and its figures ("With a disability ...... 54,425
    894 18.7") is no text: dropped, so that the label's cell ends where its words end. A
    contents entry keeps its leader (one page number after it), which is what marks it."""
    # Most lines hold none of the leader's dots, or fewer than its three (a full stop): tests
    # and counts on the line's text (`spaced`: its words joined by spaces, which hold no dot)
    # settle them before the pattern, which is tried at every position of the words' text.
    if (not ("." in spaced or "_" in spaced or "·" in spaced or "…" in spaced)
            or spaced.count(".") + spaced.count("_") + spaced.count("·") + spaced.count("…") < 3
            or not _DOT_RUN.search("".join([w.text for w in words]))):
        return words
    leader = [_LEADER.fullmatch(w.text) is not None for w in words]
    for k in range(len(words) - 2):
        if all(w.text in _DOTS for w in words[k:k + 3]):
            leader[k:k + 3] = [True, True, True]
    if not any(leader):
        trailing = [k for k, w in enumerate(words[:-2]) if _LEADER.search(w.text)]
        if not trailing:
            return words
        k = trailing[-1]
        word = words[k]
        kept = _LEADER.sub("", word.text)
        share = len(kept) / len(word.text)
        words = [*words[:k], Word(kept, word.x0, word.x0 + share * (word.x1 - word.x0), word.top, word.bottom,
                                  word.size, word.bold, word.font), *words[k + 1:]] if kept else words
        return words
    last = max(k for k, is_leader in enumerate(leader) if is_leader)
    if len(words) - last - 1 < 2 or all(leader[:last + 1]):
        return words
    return [w for w, is_leader in zip(words, leader) if not is_leader]


def _glue(words: list[Word]) -> tuple[list[Word], float, bool]:
    """Join pieces of one word that the producer wrote as separate runs (kerning, font
    changes inside a word): they touch, with no space between them. With the line's size (its
    largest word's, as max finds it) and whether all its words are bold, found on the way."""
    last = words[0]
    out = [last]
    size, bold = last.size, last.bold
    for word in words[1:]:
        if -0.2 * word.size < word.x0 - last.x1 < 0.05 * word.size:
            last = out[-1] = Word(last.text + word.text, last.x0, word.x1, min(last.top, word.top),
                                  max(last.bottom, word.bottom), max(last.size, word.size), last.bold and word.bold,
                                  last.font if last.font == word.font else "")
        else:
            out.append(word)
            last = word
        if word.size > size:
            size = word.size
        bold = bold and word.bold
    # As a Line takes them: a lone word's own boldness, all() of several.
    return out, size, bold if len(out) == 1 else bool(bold)
