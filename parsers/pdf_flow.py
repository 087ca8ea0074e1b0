"""From lines back to the author's text: running headers and footers, paragraphs, line-end
hyphens, and the text of table cells."""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from normalizers.text import first_letter_is_lower
from parsers.blocks import Paragraph
from parsers.pdf_layout import CellLayout
from parsers.pdf_model import LIST_MARKERS, Line, PdfSettings, stops_short

_DIGITS = re.compile(r"\d+")
# "X- och Y" (rehabiliterings- och arbetsmarknads-): the hyphen is the author's, and so is the space.
SUSPENDED_HYPHEN_NEXT = frozenset({"och", "eller", "samt", "respektive", "resp.", "till", "som", "and", "or"})
# A table-of-contents entry: title, dot leader, page reference.
_LEADER = re.compile(r"^(?P<title>.+?)\s*[.·…_]{4,}\s*(?P<ref>[^.·…_\s].{0,40})$")
_LEADER_RUN = re.compile(r"[.·…_]{4}")
_WORD_EDGE = re.compile(r"^\W+|\W+$")
# A font's name as a typeface: without the subset tag ("ABCDEF+"), its style after a hyphen or
# comma ("-BoldItalic", ",Bold") or run on ("BoldMT"), and the foundry's "MT" / "PS".
_FACE_SUBSET = re.compile(r"^[A-Z]{6}\+")
_FACE_STYLE = re.compile(r"[-,].*$")
_FACE_RUN_ON = re.compile(r"(bold|italic|oblique)*(ps)?(mt)?$")


def running_keys(pages: list[tuple[float, list[Line]]], settings: PdfSettings) -> set[tuple[str, str]]:
    """Lines that recur in the top or bottom margin on many pages, numbers aside ("Sida 3 (16)"
    and "Sida 4 (16)" are one running line)."""
    counts: Counter[tuple[str, str]] = Counter()
    for height, lines in pages:
        counts.update({key for line in lines if (key := _margin_key(line, height, settings))})
    needed = max(2, settings.repeat_share * len(pages))
    return {key for key, n in counts.items() if n >= needed}


def _margin_key(line: Line, height: float, settings: PdfSettings) -> tuple[str, str] | None:
    band = settings.margin_band * height
    if line.bottom <= band:
        where = "top"
    elif line.top >= height - band:
        where = "bottom"
    else:
        return None
    return where, _DIGITS.sub("#", line.text.lower())


def is_running(line: Line, height: float, keys: set[tuple[str, str]], settings: PdfSettings) -> bool:
    return _margin_key(line, height, settings) in keys


def vocabulary(lines: list[Line], bare: dict[str, str] | None = None) -> set[str]:
    """Words as the document spells them within lines; used to tell a word split by
    hyphenation ("arbets-|marknaden") from a hyphenated compound ("OSA-|anställning"). The
    words either side of a slash are words too ("män/pojkar"): a line may break after it.
    `bare`: the lines' `bare_words`, where the caller has them."""
    words = set()
    for text in (bare_words(lines) if bare is None else bare).values():
        words.add(text)
        if "/" in text:
            words.update(_WORD_EDGE.sub("", part) for part in text.split("/"))
    words.discard("")
    return words


def bare_words(lines: list[Line]) -> dict[str, str]:
    """Each word's text, lower-case without the punctuation around it; the regular expression
    run once per spelling, not for each of the thousands of times a document uses it."""
    return {text: _bare(text) for text in {w.text for line in lines for w in line.words}}


def _bare(text: str) -> str:
    # A word that starts and ends with a word character (as \w has it) has no punctuation to
    # drop: the common case, without the expression.
    if text and (text[0].isalnum() or text[0] == "_") and (text[-1].isalnum() or text[-1] == "_"):
        return text.lower()
    return _WORD_EDGE.sub("", text).lower()


@dataclass(frozen=True, slots=True)
class CellWords:
    """What the document's words tell about a line break at a table cell's edge."""

    # Words seen a word space after another word. The tail of a word broken at a narrow cell's
    # edge ("Perioden|s") only ever starts a line of its cell; on the page's line it may follow
    # the text of the cell beside it, but across a column's padding, not a word space.
    inner: frozenset[str]
    # Words seen a word space before another word: the head of a broken word ("Perio|d") only
    # ever ends a line of its cell, so a word seen so is whole.
    leading: frozenset[str]
    # The document's words in order, so that the longer words a head starts are found quickly.
    ordered: tuple[str, ...]

    def starts_longer_word(self, start: str) -> bool:
        # Words that start with `start` and are longer sort right after it.
        k = bisect_right(self.ordered, start)
        return k < len(self.ordered) and self.ordered[k].startswith(start)

    def has(self, word: str) -> bool:
        k = bisect_right(self.ordered, word)
        return k > 0 and self.ordered[k - 1] == word


def cell_words(lines: list[Line], words: set[str], settings: PdfSettings,
               bare: dict[str, str] | None = None) -> CellWords:
    """`words` is the `vocabulary` of `lines`, `bare` their `bare_words` where the caller has
    them: each spelling is then made bare once for both (thousands of them in a document)."""
    gap = settings.cell_gap
    pairs = [(a.text, b.text) for line in lines for a, b in zip(line.words, line.words[1:]) if b.x0 - a.x1 < gap * b.size]
    spelled = bare_words(lines) if bare is None else bare
    return CellWords(frozenset([spelled[b] for _, b in pairs]), frozenset([spelled[a] for a, _ in pairs]),
                     tuple(sorted(words)))


def _broken_word(before: Line, after: Line, left: float, right: float, known: CellWords) -> bool:
    """A typesetter breaks inside a word only when the word is wider than its column (LibreOffice
    first moves it to a line of its own, reportlab fills the line): the head reaches the
    column's edge and the tail is lower-case. An ordinary wrap ("Periodens|utfall") may look
    the same at the edge, but its words are whole: the pieces are a broken word when together
    they are a word the document uses ("august|i", "nämnd|en"), or when the head is no word
    the document uses within a line, the tail none it uses after another, and the head starts
    a longer word ("uppmärksamm|ar" beside "uppmärksammas") or the tail is a letter or two.
    After a slash the word starts anew ("män/pojka|r")."""
    head, tail = before.words[-1], after.words[0]
    # Only a word wider than its column runs past the edge: a line with other words past it shows
    # that the column was found narrower than its text, and the line wrapped at an edge of its own.
    if len(before.words) > 1 and before.words[-2].x1 > right + 0.6 * before.size:
        return False
    if not (before.x1 > right - 0.6 * before.size and tail.text[:1].islower()
            and (head.x1 - head.x0) + (tail.x1 - tail.x0) > right - left):
        return False
    stem = _bare(head.text.rsplit("/", 1)[-1])
    rest = _bare(tail.text)
    if not stem.isalpha():
        return False
    if known.has(stem + rest):
        return True
    if rest in known.inner or stem in known.leading:
        return False
    # A tail of a letter or two is what a word only just too wide leaves ("Nett|o").
    return len(rest) <= 2 or known.starts_longer_word(stem)


def join_lines(lines: list[Line], words: set[str], right: float | None = None,
               known: CellWords | None = None) -> str:
    """`right` is the edge a table cell's text can reach: given it, a word broken there is made whole."""
    if not lines:
        return ""
    text = lines[0].text
    left = min(line.x0 for line in lines)
    for before, line in zip(lines, lines[1:]):
        piece = line.text
        if right is not None and known is not None and _broken_word(before, line, left, right, known):
            text += piece
            continue
        joint = _joint(text, piece, words)
        text = text[:-1] + piece if joint is None else text + joint + piece
    # str.split() parts at the white space \s matches: runs of it become one space, ends trimmed.
    return " ".join(text.split())


def _joint(before: str, after: str, words: set[str]) -> str | None:
    """What goes between the end of one line and the start of the next; None when the line-end
    hyphen was the typesetter's and goes."""
    if before.endswith("/") or after.startswith("/"):
        # "Hässelby-/|Vällingby", "kvinnor|/flickor": a break before or after a slash
        return ""
    if before.endswith(("–", "-")) and len(before) > 1 and before[-2].isdigit() and after[:1].isdigit():
        return ""  # a number range broken after its dash: "2018–|2022"
    if before.endswith("/-") and len(before) > 2 and before[-3].isalpha() and after[:1].isalpha():
        return ""  # the author's hyphen of a word shortened after a slash: "kontaktpersoner/-|familjer"
    if not before.endswith("-") or len(before) < 2 or not before[-2].isalpha():
        return " "
    first = after.split(" ", 1)[0]
    if first.lower() in SUSPENDED_HYPHEN_NEXT:
        return " "
    stem = _bare(before.rsplit(" ", 1)[-1][:-1])
    tail = _bare(first)
    if stem + tail in words and f"{stem}-{tail}" not in words:
        return None
    return ""


def page_break_joint(above: Paragraph, below: Paragraph, words: set[str]) -> str | None:
    """The text of a paragraph a page break cut, when `below`, the first paragraph of a page,
    goes on with `above`, the last of the page before: set alike, `above` ending without a
    sentence's end and `below` starting in lower case, as no paragraph of its own starts
    ('... ska minska jämfört' + 'med 2012.'); else None."""
    if (above.heading != below.heading or above.bold != below.bold or above.text.endswith((".", "!", "?", ":"))
            or not first_letter_is_lower(below.text)):
        return None
    return join_text(above.text, below.text, words)


def join_text(before: str, after: str, words: set[str]) -> str:
    """Two pieces of one text that a line or page break parted, joined as at a line's end: a
    typesetter's hyphen goes, a number broken after its dash is one again ('2007-01-' + '01')."""
    joint = _joint(before, after, words)
    return before[:-1] + after if joint is None else before + joint + after


def paragraphs(lines: list[Line], settings: PdfSettings, page: list[Line] | None = None) -> list[list[Line]]:
    """Consecutive lines grouped into paragraphs. A paragraph ends at extra vertical space, a
    change of size or weight, a list item, a table-of-contents entry, or a line that stops
    short of the right margin by more than the next line's first word needs. The margin and
    the spacing are measured over `page`, the page's text outside tables that `lines` are part
    of: a few lines between two tables (a heading and its status) do not show them."""
    context = lines if page is None else page
    right = _Margins(context, settings)
    gap = _paragraph_gap(context, settings)
    groups: list[list[Line]] = []
    for line in lines:
        if groups and not _ends_paragraph(groups[-1][-1], line, right.at(line.size, groups[-1][-1].x0, line.x1),
                                          gap, settings):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _paragraph_gap(lines: list[Line], settings: PdfSettings) -> float:
    """The gap, in line heights, above which a line starts a paragraph. Producers set the lines
    of a paragraph at one leading, whatever their size, and may set a heading's next line (its
    status, "Uppfylls helt") only a little further off: where the page's closest lines, a
    paragraph's, are closer than `paragraph_gap` by more than a step, the step above their
    gap ends a paragraph."""
    ratios = sorted((b.top - a.bottom) / (a.bottom - a.top) for a, b in zip(lines, lines[1:])
                    if abs(b.size - a.size) <= settings.paragraph_size_step * a.size
                    and 0 <= b.top - a.bottom < settings.paragraph_gap * (a.bottom - a.top))
    if not ratios:
        return settings.paragraph_gap
    return min(settings.paragraph_gap, ratios[len(ratios) // 4] + settings.paragraph_gap_step)


class _Margins:
    """Where text of each size stops at the right, for a line that starts at a given point: the
    end of the longest line of the size that starts no further right. Per size, because a heading
    or a wide contents entry does not move the body text's margin; and over lines that start
    left of the line only, because text that starts further right (the rest of a line cut at a
    table, a table cell's text overflowing its column) does not show where the column ends."""

    def __init__(self, lines: list[Line], settings: PdfSettings) -> None:
        spans: dict[float, list[tuple[float, float]]] = {}
        for line in lines:
            if not _leader(line.text):
                spans.setdefault(line.size, []).append((line.x0, line.x1))
        # Per size, the lines' starts in order and the longest end up to each of them.
        self._starts: dict[float, list[float]] = {}
        self._ends: dict[float, list[float]] = {}
        for size, pairs in spans.items():
            pairs.sort()
            self._starts[size] = [x0 for x0, _ in pairs]
            self._ends[size] = list(accumulate((x1 for _, x1 in pairs), max))
        self._indent = settings.margin_indent

    def at(self, size: float, x0: float, default: float) -> float:
        starts = self._starts.get(size)
        k = bisect_right(starts, x0 + self._indent * size) if starts else 0
        return self._ends[size][k - 1] if k else default


def _ends_paragraph(before: Line, after: Line, right: float, gap: float, settings: PdfSettings) -> bool:
    height = before.bottom - before.top
    if after.top - before.bottom > gap * height:
        return True
    if abs(after.size - before.size) > settings.paragraph_size_step * before.size or after.bold != before.bold:
        return True
    if after.words[0].text in LIST_MARKERS or _leader(before.text):
        return True
    return stops_short(before, after, right) or _other_typeface(before, after)


def _other_typeface(before: Line, after: Line) -> bool:
    """Each line is set in one typeface and they are not the same (a goal's title in a bold
    italic serif over a unit's name in a bold sans): a paragraph keeps its typeface, its
    emphasis (italic, bold) aside. A line that mixes fonts, or whose fonts are not known, says
    nothing, and so does a line going on in lower case: a sentence that runs on over a wrapped
    line in other type (a phrase emphasised in a font whose name carries its style without a
    separator, as TeX's CMR10 and CMTI10) is one paragraph whatever its fonts' names say."""
    # Lines that start in one font are in one typeface or mix fonts: most of a page's lines,
    # told without reading their words.
    if before.words[0].font == after.words[0].font or after.words[0].text[:1].islower():
        return False
    first = _typeface(before)
    second = _typeface(after) if first else ""
    return bool(second) and first != second


def _typeface(line: Line) -> str:
    font = line.words[0].font
    if not font or any(word.font != font for word in line.words):
        return ""
    return _face(font)


# A document has a few fonts: each name is read once. Bounded: a worker reads file after file,
# and each PDF's subset tags ("ABCDEF+") make names of their own, so an unbounded cache grew by
# every PDF's fonts for the worker's life.
@lru_cache(maxsize=512)
def _face(font: str) -> str:
    return _FACE_RUN_ON.sub("", _FACE_STYLE.sub("", _FACE_SUBSET.sub("", font).lower()))


def cell_text(cell: CellLayout, words: set[str], known: CellWords) -> str:
    """A cell's lines joined; a line that ended early inside a left-aligned cell ended one of
    the cell's paragraphs, kept as "\\n"."""
    if not cell.lines:
        return ""
    left = min(line.x0 for line in cell.lines)
    aligned = all(abs(line.x0 - left) < 1.0 for line in cell.lines)
    parts: list[list[Line]] = [[cell.lines[0]]]
    for before, after in zip(cell.lines, cell.lines[1:]):
        if aligned and stops_short(before, after, cell.right):
            parts.append([after])
        else:
            parts[-1].append(after)
    return "\n".join(text for part in parts if (text := paragraph_text(part, words, cell.right, known)))


def paragraph_text(lines: list[Line], words: set[str], right: float | None = None,
                   known: CellWords | None = None) -> str:
    text = join_lines(lines, words, right, known)
    first, _, rest = text.partition(" ")
    if first in LIST_MARKERS:
        return rest.strip()
    return text


def _leader(text: str) -> re.Match[str] | None:
    # Most lines hold no run of four leader dots: a plain search settles them (0.7 us) before
    # the pattern's backtracking (3 us).
    return _LEADER.match(text) if _LEADER_RUN.search(text) else None


def toc_entry(text: str) -> tuple[str, str] | None:
    match = _leader(text)
    return (match.group("title").strip(), match.group("ref").strip()) if match else None


def heading_levels(sizes: Counter[float], settings: PdfSettings) -> dict[float, int]:
    """Text sizes larger than the body text's, largest first, as heading levels 1-6. The body
    size is the size most characters have."""
    if not sizes:
        return {}
    body = sizes.most_common(1)[0][0]
    larger = sorted({s for s in sizes if s >= body * settings.heading_ratio}, reverse=True)
    return {size: min(level, 6) for level, size in enumerate(larger, start=1)}
