"""A page is read in the space its content is drawn in, measured from the top of its visible box.

- Its /Rotate turns how a viewer shows it, not that space: the page reads the same, every line
  at the same place, whatever its /Rotate. A portrait page shown landscape (/Rotate 90, as
  scanners' and printers' PDFs turn wide tables) was measured in the shown size, its lines
  placed from the wrong edge: the top lines fell off the page, and lines repeated low on every
  page were taken for running footers and dropped.
- A crop box that cuts the page's foot and sides (a cropped scan, a page trimmed in Acrobat)
  leaves the lines it shows where they were; measured in its height from y 0, the page's top
  line fell off the page."""
from __future__ import annotations

from pathlib import Path

import pytest

from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf


def _report(path: Path, rotate: int, angle: float,
            crop: tuple[float, float, float, float] | None = None) -> list[tuple[int, str, tuple[float, ...]]]:
    pages = []
    for n in range(3):
        page = Page(rotate=rotate, crop=crop)
        if n == 0:
            page.text(72, 40, "Verksamhetsberättelse 2013", size=14, bold=True)
        # Text along the sheet, or up it (a landscape page printed on a portrait sheet).
        at = (lambda x, top: (top, 842.0 - x)) if angle else (lambda x, top: (x, top))
        for top, text, bold in ((100, f"Sida {n + 1} börjar med en mening om verksamheten.", False),
                                (480, "Uppföljning", True),
                                (500, f"Nämnden följer upp målet {n + 1} varje tertial.", False)):
            page.text(*at(72, top), text, size=11, bold=bold, angle=angle)
        pages.append(page)
    parsed = read_pdf(write_pdf(path, pages))
    return [(b.place.page or 0, b.text, (round(b.box.x0), round(b.box.y0)) if b.box else ())  # type: ignore[union-attr]
            for b in parsed.blocks]


@pytest.mark.parametrize("angle", [0.0, 90.0], ids=["text along the sheet", "text up the sheet"])
@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_page_reads_the_same_whatever_its_rotate(tmp_path: Path, rotate: int, angle: float) -> None:
    upright = _report(tmp_path / "upright.pdf", 0, angle)
    assert len(upright) == 10 and upright[2][1] == "Uppföljning"
    assert _report(tmp_path / "turned.pdf", rotate, angle) == upright


def test_crop_box_over_the_page_foot_and_sides_keeps_the_lines_it_shows(tmp_path: Path) -> None:
    whole = _report(tmp_path / "whole.pdf", 0, 0.0)
    assert whole[0] == (1, "Verksamhetsberättelse 2013", (72, 40))
    assert _report(tmp_path / "cropped.pdf", 0, 0.0, crop=(20, 120, 575, 842)) == whole
