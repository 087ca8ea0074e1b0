"""Bars drawn over a table, not its column rules: wkhtmltopdf prints a table too wide for its
page inside a box that scrolls, with the box's scroll bar over the table. The bar runs on past
the page's edge (the box is taller than the page, clipped there), and it crosses the table's row
rules, which a browser draws cell by cell in pieces meeting where the columns meet, at none of
their joints. A column rule that runs past the page (a table cut by a page break, printed by a
browser that clips one long page into sheets) meets the row rules where their pieces meet.
"""
from __future__ import annotations

from parsers.pdf_model import PdfSettings, Segment


def without_bars(segments: list[Segment], height: float, settings: PdfSettings) -> list[Segment]:
    """`segments` without the vertical ones that run past the page's top or bottom edge and run
    through row rules drawn in pieces (not only ending on them, as a cell's side does) where
    none of their pieces meets another or ends; a piece may reach past the line it meets by
    that line's width (a thick border)."""
    snap = settings.snap
    near = snap + settings.ruling_thickness
    rows: dict[float, list[Segment]] = {}
    last = 0.0
    for piece in sorted((s for s in segments if s.horizontal), key=lambda s: (s.top, s.x0)):
        # A piece joins the row rule whose first piece lies within `snap` above it: the pieces
        # come top down and each row starts more than `snap` below the one before, so only the
        # last row can be that near.
        if not rows or piece.top - last > snap:
            last = piece.top
        rows.setdefault(last, []).append(piece)
    # Per row rule drawn in pieces: its extent and where its pieces meet or end.
    ruled: list[tuple[float, float, float, list[float]]] = []
    for y, row in rows.items():
        if any(b.x0 <= a.x1 + snap for a, b in zip(row, row[1:])):
            ends = [x for s in row for x in (s.x0, s.x1)]
            ruled.append((y, min(ends), max(ends), ends))

    def bar(v: Segment) -> bool:
        if v.horizontal or -snap <= v.top and v.bottom <= height + snap:
            return False
        crossed = [ends for y, x0, x1, ends in ruled if v.top + snap < y < v.bottom - snap and x0 + snap < v.x0 < x1 - snap]
        return bool(crossed) and not any(abs(v.x0 - x) <= near for ends in crossed for x in ends)

    return [s for s in segments if not bar(s)]
