"""The pieces of a review page: PDF pages as images with the extracted rows outlined at their
boxes, and text sources with the same rows marked on their lines."""
from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

# Pixels per PDF point of the page images (1.5: 108 dpi, legible text at a modest file size).
SCALE = 1.5
# What is outlined, drawn in this order (a check on top of the cell it is about).
KINDS = ("goal", "indicator", "budget", "check")
COLOURS = {"goal": "#1f5fbf", "indicator": "#1a9641", "budget": "#e08000", "check": "#e00000"}
STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
table.list { border-collapse: collapse; margin: 0.5em 0 1.5em; }
table.list td, table.list th { border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }
.sheet { position: relative; margin: 0 0 1.5em; box-shadow: 0 0 4px #888; }
.sheet img { display: block; }
body.bare { margin: 0; } body.bare .sheet { box-shadow: none; margin: 0; } body.bare p { margin: 1em; }
.box { position: absolute; box-sizing: border-box; }
.line { white-space: pre-wrap; font: 12px/1.5 monospace; padding-left: 6px; border-left: 6px solid transparent; }
.line .no { color: #999; display: inline-block; width: 4em; }
.legend span { display: inline-block; padding: 0 8px; margin-right: 8px; border: 2px solid; }
""" + "".join(f".box.{k} {{ border: {3 if k == 'check' else 2}px solid {c}; }}\n"
              f".line.{k} {{ border-left-color: {c}; }}\n" for k, c in COLOURS.items()) + \
    ".line.check { background: #fde0e0; }\n"


@dataclass(frozen=True)
class Mark:
    """A row of the dataset at its place in the source."""

    kind: str  # one of KINDS
    label: str  # what the row says, for the tooltip
    page: int | None
    line: int | None
    box: tuple[float, float, float, float] | None  # x0, y0, x1, y1 in points from the top left


def document(title: str, body: str, bare: bool = False) -> str:
    """A whole HTML page; `bare`: no margin, so a page image sits at the window's top left."""
    attribute = ' class="bare"' if bare else ""
    return (f'<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<style>{STYLE}</style></head><body{attribute}>\n{body}\n</body></html>\n')


def legend() -> str:
    names = {"goal": "goal", "indicator": "indicator row", "budget": "budget cell", "check": "check flag"}
    return '<p class="legend">' + "".join(
        f'<span style="border-color:{COLOURS[k]}">{names[k]}</span>' for k in KINDS) + "</p>"


def _boxes(marks: Iterable[Mark]) -> str:
    out = []
    for mark in sorted(marks, key=lambda m: KINDS.index(m.kind)):
        if mark.box is None:
            continue
        x0, y0, x1, y1 = (v * SCALE for v in mark.box)
        pad = 2.0  # the outline around the text, not over it
        out.append(f'<div class="box {mark.kind}" title="{html.escape(mark.label)}" style="left:{x0 - pad:.1f}px;'
                   f'top:{y0 - pad:.1f}px;width:{x1 - x0 + 2 * pad:.1f}px;height:{y1 - y0 + 2 * pad:.1f}px"></div>')
    return "".join(out)


def pdf_sheets(pdf: Path, images: Path, prefix: str, marks: Sequence[Mark]) -> list[tuple[int, str]]:
    """Every page of the PDF rendered to images/<prefix>-<n>.png, and each page's HTML: the image
    with the marks of that page outlined. `src` paths are relative to the folder of `images`."""
    images.mkdir(parents=True, exist_ok=True)
    sheets = []
    document_ = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document_)):
            page = document_[index]
            number = index + 1
            name = f"{prefix}-{number}.png"
            page.render(scale=SCALE).to_pil().save(images / name)
            width, height = (round(v * SCALE) for v in page.get_size())
            boxes = _boxes(m for m in marks if m.page == number)
            sheets.append((number, f'<div class="sheet" id="p{number}" style="width:{width}px;height:{height}px">'
                                   f'<img src="{images.name}/{name}" width="{width}" height="{height}" '
                                   f'alt="page {number}">{boxes}</div>'))
            page.close()
    finally:
        document_.close()
    return sheets


def text_lines(text: str, marks: Sequence[Mark]) -> str:
    """The source's lines, numbered, each line holding a row marked with its kind's colour."""
    by_line: dict[int, list[Mark]] = {}
    for mark in marks:
        if mark.line is not None:
            by_line.setdefault(mark.line, []).append(mark)
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        here = by_line.get(number, [])
        kind = max((m.kind for m in here), key=KINDS.index, default="")
        title = " | ".join(dict.fromkeys(m.label for m in here))
        out.append(f'<div class="line {kind}" id="l{number}" title="{html.escape(title)}"><span class="no">{number}'
                   f"</span>{html.escape(line)}</div>")
    return "\n".join(out)


class Html(str):
    """Text that is HTML already (a link), put in a table as it is."""


def rows_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    def cell(value: object) -> str:
        if isinstance(value, Html):
            return value
        return "" if value is None or value != value else html.escape(str(value))  # NaN != NaN
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>\n" for row in rows)
    return f'<table class="list"><tr>{head}</tr>\n{body}</table>'
