"""Page images for OCR: deskewing and finding ruled tables, with numpy and Pillow only.

A scanned page is a grey image. Tables in the reports are drawn with a full grid of thin grey
rules, so a table is found from its rules rather than from the text: long horizontal runs of
dark pixels are row borders, and columns of dark pixels that cross a whole row are cell borders.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PIL import Image

# A grey page or crop, 0 ink to 255 paper; a mask of pixels (ink, specks); counts of pixels.
Grey = npt.NDArray[np.uint8]
Pixels = npt.NDArray[np.uint8]  # grey, or height x width x RGB
Mask = npt.NDArray[np.bool_]
Counts = npt.NDArray[np.uint16]


@dataclass(frozen=True, slots=True)
class ImageSettings:
    # Pixels darker than this count as ink of a rule. The reports' grey grid sits near 125 and
    # shaded header and comment cells near 220, so the cut lies between them.
    rule_threshold: int = 200
    # Skew search: the scanner's rotation is small; searching wider only costs time.
    max_skew_degrees: float = 2.0
    skew_coarse_step_degrees: float = 0.25
    skew_step_degrees: float = 0.05
    skew_search_scale: float = 0.25  # the page is shrunk for the search, which needs no detail
    # A row border is at least this long (fraction of page width); words and headings never are.
    min_rule_fraction: float = 0.15
    # Gaps this short (px) inside a rule are JPEG noise, not the end of the rule.
    rule_gap: int = 3
    # Rows of pixels this close (px) belong to the same, thick or slightly tilted, rule.
    rule_merge: int = 6
    # A cell border crosses at least this share of its row's height; text strokes never do.
    border_coverage: float = 0.8
    # Borders closer than this (px) across rows are the same grid column.
    column_tolerance: int = 10
    # Dust: a blot of ink that fits in a square this wide (px) with no other ink within
    # speck_clearance around it. Tesseract reads such specks as ":", "|", "i" or a stray
    # letter at the end of a line, and they make one text line look like two. Punctuation and
    # diacritics sit closer than that to their letters, and a hyphen is wider.
    speck_size: int = 7
    speck_clearance: int = 8
    # Along the line a full stop can sit further from the letter before it ("r.", "j.").
    speck_clearance_along: int = 16


@dataclass(frozen=True, slots=True)
class Rule:
    y: int
    x0: int
    x1: int


@dataclass(frozen=True, slots=True)
class GridRow:
    top: int
    bottom: int
    borders: tuple[int, ...]  # x of each vertical border in this row, left to right


@dataclass(frozen=True, slots=True)
class Grid:
    """One ruled table on a page: its rows, and the x of every column border of the whole grid."""

    rows: tuple[GridRow, ...]
    columns: tuple[int, ...]

    @property
    def top(self) -> int:
        return self.rows[0].top

    @property
    def bottom(self) -> int:
        return self.rows[-1].bottom

    @property
    def left(self) -> int:
        return self.columns[0]

    @property
    def right(self) -> int:
        return self.columns[-1]


def skew_angle(page: Grey, settings: ImageSettings) -> float:
    """The rotation (degrees, Pillow's sense) that makes text lines and rules horizontal: the one
    whose row profile of ink is sharpest, since level lines concentrate ink in few rows.
    Searched coarse to fine, as the profile's peak is smooth enough not to be stepped over."""
    small = Image.fromarray(page).reduce(round(1 / settings.skew_search_scale))
    ink = Image.fromarray(np.where(np.asarray(small) < settings.rule_threshold, 255, 0).astype(np.uint8))

    def sharpness(angle: float) -> float:
        rotated = np.asarray(ink.rotate(angle, resample=Image.Resampling.BILINEAR), dtype=np.float64)
        return float(rotated.sum(axis=1).var())

    best, step = 0.0, settings.skew_coarse_step_degrees
    span = settings.max_skew_degrees
    while True:
        steps = round(span / step)
        best = max((best + k * step for k in range(-steps, steps + 1)), key=sharpness)
        if step <= settings.skew_step_degrees:
            return round(best, 3)
        span, step = step, max(step / 5, settings.skew_step_degrees)


def turned(page: Pixels, angle: float) -> Pixels:
    """The page (grey, or RGB) turned by `angle` (skew_angle's), paper filling the corners."""
    if angle == 0:
        return page
    paper = 255 if page.ndim == 2 else (255,) * page.shape[2]
    return np.asarray(Image.fromarray(page).rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=paper))


def box_sums(mask: Mask, half_height: int, half_width: int) -> Counts:
    """For every pixel, how many pixels of mask lie in the box of (2*half+1) pixels around it.
    The box must hold fewer than 65,536 pixels."""
    # Separable running sums from cumulative sums: slices, no gathering. In uint16, whose
    # wrap-around leaves every difference of two running sums exact as long as the box's own
    # count fits: a quarter of the memory traffic of int64, seven times faster on a page.
    height, width = mask.shape
    total = np.zeros((height + 2 * half_height + 1, width + 2 * half_width + 1), dtype=np.uint16)
    total[half_height + 1:half_height + 1 + height, half_width + 1:half_width + 1 + width] = mask
    np.cumsum(total, axis=0, out=total)
    total = total[2 * half_height + 1:] - total[:-2 * half_height - 1]
    np.cumsum(total, axis=1, out=total)
    sums: Counts = total[:, 2 * half_width + 1:] - total[:, :-2 * half_width - 1]
    return sums


def specks(ink: Mask, settings: ImageSettings) -> Mask:
    """The pixels of ink that are isolated specks of dust."""
    half = settings.speck_size // 2
    inner = box_sums(ink, half, half)
    # Where all ink around a pixel lies inside its small square, that ink is a speck.
    outer = box_sums(ink, half + settings.speck_clearance, half + settings.speck_clearance_along)
    lone = (inner > 0) & (outer == inner)
    return (box_sums(lone, half, half) > 0) & ink


def despeckle(page: Grey, settings: ImageSettings) -> Grey:
    """The page with isolated specks of dust on white paper turned to paper. (On shaded cells
    the shading's noise hides them: cells are cleaned again once binarised.)"""
    return np.where(specks(page < settings.rule_threshold, settings), np.uint8(255), page)


def ink_runs(mask: Mask, min_length: int) -> npt.NDArray[np.intp]:
    """(row, start, end) of every run of True along axis 1 that is at least min_length long."""
    padded = np.pad(mask, ((0, 0), (1, 1))).astype(np.int8)
    edges = np.diff(padded, axis=1)
    starts = np.argwhere(edges == 1)
    ends = np.argwhere(edges == -1)
    # Starts and ends come row by row in the same order, so they pair up.
    lengths = ends[:, 1] - starts[:, 1]
    keep = lengths >= min_length
    return np.column_stack([starts[keep, 0], starts[keep, 1], ends[keep, 1]])


def _close_gaps(mask: Mask, gap: int) -> Mask:
    """Fill gaps of up to `gap` pixels along axis 1 (a 1-D morphological closing)."""
    grown = mask.copy()
    for shift in range(1, gap + 1):
        grown[:, shift:] |= mask[:, :-shift]
    shrunk = grown.copy()
    for shift in range(1, gap + 1):
        shrunk[:, :-shift] &= grown[:, shift:]
    return shrunk | mask


def find_rules(ink: Mask, settings: ImageSettings) -> list[Rule]:
    """Horizontal rules: long runs of ink, with runs in neighbouring pixel rows merged into one
    rule (a grey 1 pt line is 2-4 px thick at 300 dpi and a residual tilt spreads it further)."""
    # Ink in the pixel row above or below counts too, so a rule tilted by a fraction of a
    # degree still gives one long run instead of staircase pieces.
    tolerant = ink.copy()
    tolerant[1:] |= ink[:-1]
    tolerant[:-1] |= ink[1:]
    min_length = round(settings.min_rule_fraction * ink.shape[1])
    runs = ink_runs(_close_gaps(tolerant, settings.rule_gap), min_length)
    rules: list[list[int]] = []  # x0, x1, last y, sum of y, count
    for y, x0, x1 in runs[np.argsort(runs[:, 0], kind="stable")].tolist():
        growing = next((r for r in reversed(rules) if y - r[2] <= settings.rule_merge
                        and x0 < r[1] and x1 > r[0]), None)
        if growing is None:
            rules.append([x0, x1, y, y, 1])
        else:
            growing[:] = min(growing[0], x0), max(growing[1], x1), y, growing[3] + y, growing[4] + 1
    merged = sorted((Rule(round(total / count), x0, x1) for x0, x1, _, total, count in rules),
                    key=lambda r: r.x1 - r.x0, reverse=True)
    # Pieces of a rule that a noisy pixel row broke off stay next to the whole rule: drop them.
    kept: list[Rule] = []
    for rule in merged:
        if not any(abs(rule.y - k.y) <= settings.rule_merge and rule.x0 < k.x1 and rule.x1 > k.x0 for k in kept):
            kept.append(rule)
    return kept


def _borders(ink: Mask, top: int, bottom: int, left: int, right: int,
             settings: ImageSettings) -> list[int]:
    """x of the vertical rules that cross the band between two row borders."""
    margin = settings.rule_merge
    if bottom - top <= 2 * margin:
        return []
    band = ink[top + margin:bottom - margin, max(left - margin, 0):right + margin + 1]
    # A border one pixel off its column over part of the band is still one border.
    tolerant = band.copy()
    tolerant[:, 1:] |= band[:, :-1]
    tolerant[:, :-1] |= band[:, 1:]
    covered = np.flatnonzero(tolerant.mean(axis=0) >= settings.border_coverage)
    if covered.size == 0:
        return []
    groups = np.split(covered, np.flatnonzero(np.diff(covered) > 1) + 1)
    return [round(group.mean()) + max(left - margin, 0) for group in groups]


def _cluster(values: list[int], tolerance: int) -> list[int]:
    clusters: list[list[int]] = []
    for value in sorted(values):
        if clusters and value - clusters[-1][-1] <= tolerance:
            clusters[-1].append(value)
        else:
            clusters.append([value])
    return [round(sum(c) / len(c)) for c in clusters]


def find_grids(page: Grey, settings: ImageSettings) -> list[Grid]:
    """Ruled tables on a deskewed page, top to bottom. Two successive rules belong to one table
    when vertical borders join them at both ends; a rule with no such partner (an underline,
    a separator) is not a table."""
    ink = page < settings.rule_threshold
    rules = sorted(find_rules(ink, settings), key=lambda r: r.y)
    grids: list[Grid] = []
    rows: list[GridRow] = []
    for upper, lower in zip(rules, rules[1:]):
        left, right = max(upper.x0, lower.x0), min(upper.x1, lower.x1)
        borders = _borders(ink, upper.y, lower.y, left, right, settings) if right > left else []
        closed = (len(borders) >= 2 and abs(borders[0] - left) <= settings.column_tolerance
                  and abs(borders[-1] - right) <= settings.column_tolerance)
        if closed:
            rows.append(GridRow(upper.y, lower.y, tuple(borders)))
            continue
        if rows:
            grids.append(_grid(rows, settings))
        rows = []
    if rows:
        grids.append(_grid(rows, settings))
    return grids


def _grid(rows: list[GridRow], settings: ImageSettings) -> Grid:
    columns = _cluster([x for row in rows for x in row.borders], settings.column_tolerance)
    return Grid(tuple(rows), tuple(columns))


@dataclass(frozen=True, slots=True)
class MarkerSettings:
    ink_threshold: int = 150
    # Share of a glyph's box that is ink: a filled square fills it, a disc fills about pi/4,
    # letters and check marks much less.
    square_fill: float = 0.9
    disc_fill: float = 0.6
    max_aspect: float = 1.35
    # A check mark's top band is ink only at its right tip; a "7" has its bar across the top.
    check_top_band: float = 0.25
    check_top_cover: float = 0.45


def marker_glyph(glyph: Grey, settings: MarkerSettings) -> str | None:
    """The list marker a small grey glyph image shows ("■", "●" or "✓"), or None. Tesseract's
    Swedish model has no such glyphs and reads them as "=", "e" or "7"."""
    ink = glyph < settings.ink_threshold
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if rows.size < 3 or cols.size < 3:
        return None
    ink = ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    height, width = ink.shape
    fill = float(ink.mean())
    if max(height, width) / min(height, width) <= settings.max_aspect:
        if fill >= settings.square_fill:
            return "■"
        if fill >= settings.disc_fill:
            return "●"
    band = ink[:max(1, round(settings.check_top_band * height))]
    left_half = ink[:height // 2, :width // 2]
    if band.any(axis=0).mean() < settings.check_top_cover and not left_half[:height // 4].any():
        return "✓"
    return None
