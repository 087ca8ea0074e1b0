"""Dark filled areas of a scanned page turned black on white: a table's header row printed white
on dark blue, a band of mid-grey shading under black text. Read as they are, a fill darker than
the rule threshold is one thick rule to the grid finder and all ink to a cell's binarisation,
so the header row was lost and its labels came back as junk in the row under it ("rr", "RAA").

A fill is told from print by its extent: most of a square of `window` pixels (larger than any
glyph, marker or rule at the page's resolution) around each of its pixels is dark. Inside a fill, the fill's own
grey becomes paper and whatever differs from it (white or black text, rules) becomes ink; the
fill's outline is drawn as a rule, as its edges are the row's borders.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from parsers.ocr_image import Grey, Mask, box_sums, ink_runs


@dataclass(frozen=True, slots=True)
class FillSettings:
    # Darker than this is fill (the rule finder's threshold: a lighter shading never troubled it).
    threshold: int = 200
    # A square this wide (px at 300 dpi, 2.6 mm) inside a fill: a 10 pt bullet or a bold
    # letter's stroke fits in none, a table row's height does.
    window: int = 31
    # The fill is found on the page shrunk by this factor (the square is then 8 px), which
    # takes a few milliseconds where the page itself would take a tenth of a second.
    shrink: int = 4
    # A fill is at least this wide (px, 12 mm): a traffic light's square is a symbol, not a fill.
    min_width: int = 140
    # Share of the square that must be fill: white text on a fill leaves more than half of it
    # dark; black text on paper, even bold, and a filled marker (a disc fills 36 %) far less.
    cover: float = 0.7


def _regions(page: Grey, settings: FillSettings) -> Mask:
    """The pixels of the page that lie on a fill, the text on it included."""
    step = settings.shrink
    small = page[::step, ::step] < settings.threshold
    half = max(1, settings.window // step // 2)
    side = 2 * half + 1
    cores = box_sums(small, half, half) >= settings.cover * side * side
    if not cores.any():
        return np.zeros(page.shape, dtype=bool)
    grown = _wide(box_sums(cores, half, half) > 0, settings.min_width // step)  # out to the fill's edges
    full = np.repeat(np.repeat(grown, step, axis=0), step, axis=1)[:page.shape[0], :page.shape[1]]
    # Shrunk by a step: the grown mask may overshoot the fill by that much, onto the paper
    # around it, which would turn to ink; a rim of the fill left outside stays dark, a rule.
    region: Mask = box_sums(~full, step, step) == 0
    return region


def _wide(mask: Mask, shortest: int) -> Mask:
    """The mask's runs along its rows at least `shortest` long: a symbol is a compact shape, a
    shading runs along its row or cell."""
    wide = np.zeros_like(mask)
    for row, start, end in ink_runs(mask, shortest).tolist():
        wide[row, start:end] = True
    return wide


def _edge(region: Mask) -> Mask:
    """The region's pixels that touch a pixel outside it."""
    inner = region.copy()
    inner[1:] &= region[:-1]
    inner[:-1] &= region[1:]
    inner[:, 1:] &= region[:, :-1]
    inner[:, :-1] &= region[:, 1:]
    return region & ~inner


def lighten_fills(page: Grey, settings: FillSettings) -> Grey:
    """The page with its dark fills made paper and what stands on them ink, outlined by rules."""
    region = _regions(page, settings)
    if not region.any():
        return page
    fill = float(np.median(page[region & (page < settings.threshold)]))
    values = page[region].astype(np.float32)
    span = np.where(values > fill, max(255.0 - fill, 1.0), max(fill, 1.0))
    out = page.copy()
    out[region] = np.clip(255.0 - np.abs(values - fill) * 255.0 / span, 0, 255).astype(np.uint8)
    out[_edge(region)] = 0
    return out
