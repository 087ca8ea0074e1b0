"""A page's /Rotate turns how a viewer shows it, not the space its content is drawn in: the
page reads the same, every line kept at the same place, whatever its /Rotate. A portrait page
shown landscape (/Rotate 90, as scanners' and printers' PDFs turn wide tables) was measured in
the shown size, its lines placed from the wrong edge: the top lines fell off the page, and
lines repeated low on every page were taken for running footers and dropped."""
from __future__ import annotations

from pathlib import Path

import pytest

from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf


def _report(path: Path, rotate: int, angle: float) -> list[tuple[int, str, tuple[float, ...]]]:
    pages = []
    for n in range(3):
        page = Page(rotate=rotate)
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
    assert len(upright) == 9 and upright[1][1] == "Uppföljning"
    assert _report(tmp_path / "turned.pdf", rotate, angle) == upright
