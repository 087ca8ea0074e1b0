"""The dataset's boxes are where a viewer shows the row: on the page turned by its /Rotate,
within its crop box, whichever way its text runs. The reader measures a page in the space its
content is drawn in, text upright; a page shown landscape by /Rotate 90 had every box of the
portrait page it is drawn as, so the review site outlined rows where there was nothing, and a
statistician looking for a number at its box in a viewer found another.

The oracle is pdfium's own display transform (FPDF_PageToDevice): where a viewer puts the
start of each cell's text, drawn at a known point of user space."""
from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from goldcheck import dataset_rows
from test_pdf_maker import Page, write_pdf

ROWS = [("Verksamhetsområde", "Budget 2018"), ("Barn och ungdom", "82,6"), ("Hemlöshet och missbruk", "271,6"),
        ("Strategi och utveckling", "94,2"), ("Nämnden totalt", "448,4")]
SIZE = 10.0
# Where each cell's text starts in user space (y up), row by row.
Starts = dict[str, tuple[float, float]]


def _page(rotate: int, turned: bool, crop: tuple[float, float, float, float] | None) -> tuple[Page, Starts]:
    page = Page(rotate=rotate, crop=crop)
    starts: Starts = {}
    if turned:
        page.ops.append("BT /F2 14 Tf 0 1 -1 0 120 150 Tm (Prognos per verksamhetsomr\\345de) Tj ET")
    else:
        page.text(72, 60, "Prognos per verksamhetsområde", size=14, bold=True)
    for n, cells in enumerate(ROWS):
        for text, offset in zip(cells, (0.0, 200.0)):
            if turned:
                # Text running up the sheet, its lines stacked left to right: a landscape table
                # printed on a portrait page.
                x, y = 150.0 + 16 * n, 150.0 + offset
                page.ops.append(f"BT /F1 {SIZE} Tf 0 1 -1 0 {x:.1f} {y:.1f} Tm ({text}) Tj ET")
            else:
                x, y = 72.0 + offset, page.height - 120.0 - 16 * n
                page.ops.append(f"BT /F1 {SIZE} Tf {x:.1f} {y:.1f} Td ({text}) Tj ET")
            starts[text] = (x, y)
    return page, starts


def _shown(pdf: Path, x: float, y: float) -> tuple[float, float]:
    """The point of user space where a viewer shows it, in points from the shown page's top left."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        width, height = page.get_size()
        scale = 10  # device coordinates are whole numbers: a tenth of a point
        dx, dy = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, round(width * scale), round(height * scale), 0, x, y,
                                   ctypes.byref(dx), ctypes.byref(dy))
        page.close()
    finally:
        document.close()
    return dx.value / scale, dy.value / scale


@pytest.mark.parametrize("crop", [None, (20.0, 30.0, 575.0, 800.0)], ids=["whole page", "cropped"])
@pytest.mark.parametrize("turned", [False, True], ids=["text along the sheet", "text up the sheet"])
@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_cell_boxes_are_where_a_viewer_shows_their_text(tmp_path: Path, rotate: int, turned: bool,
                                                        crop: tuple[float, float, float, float] | None) -> None:
    page, starts = _page(rotate, turned, crop)
    pdf = write_pdf(tmp_path / "report.pdf", [page])
    tables = dataset_rows(pdf, tmp_path)
    cells = {row["text"]: row for row in tables["table_cells"]}
    assert set(cells) == set(starts)
    figures = {row["raw"]: row for row in tables["budget_rows"]}
    assert set(figures) == {figure for _, figure in ROWS[1:]}
    for text, (x, y) in starts.items():
        # The start of the text's baseline lies on its box's edge where the text begins.
        sx, sy = _shown(pdf, x, y)
        for box in [cells[text], figures[text]] if text in figures else [cells[text]]:
            assert box["x0"] - 1.5 <= sx <= box["x1"] + 1.5 and box["y0"] - 1.5 <= sy <= box["y1"] + 1.5, (text, box)
        cell = cells[text]
        # And the box is as long as the text, in the direction it runs on the page as shown.
        across = cell["x1"] - cell["x0"] if (rotate // 90 + turned) % 2 == 0 else cell["y1"] - cell["y0"]
        assert across > 0.4 * SIZE * len(text), (text, cell)
