"""A goal's heading wrapped over two lines on a page where a line that starts far right of the
text (the rest of a table row that runs on beside the table, a cell's overflowing text) reaches
beyond the text's right margin: that line does not move the margin of the lines that start at
the text's left edge, so the heading's first line still reaches the margin and its second line
goes on from it, while the status line under it is a paragraph of its own."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph
from parsers.pdf import read_pdf
from test_pdf_maker import Page, text_width, write_pdf

BODY = ["Stadens pågående arbete med att modernisera", "sociala system är väl förankrat inom förvaltningen",
        "och både chefer och medarbetare har deltagit i", "arbets- och referensgrupper under perioden."]
HEADING = ["Administrationen stödjer verksamheterna att", "uppnå fastställda mål"]


def test_a_line_starting_far_right_does_not_split_a_wrapped_heading(tmp_path: Path) -> None:
    page = Page()
    y = 72.0
    for line in BODY:  # 9 pt text on 11 pt lines, ending at most here
        page.text(72, y, line)
        y += 11
    right = 72 + max(text_width(line, 9) for line in BODY)
    page.text(right - 40, y + 30, "om kommunstyrelsen godkänner begäran har nämnden")
    y += 70
    page.text(72, y, "Nämndmål:", bold=True)
    # The first word of the heading's second line would not fit on its first within the margin.
    assert 72 + text_width(HEADING[0] + " uppnå", 9) > right
    page.text(72, y + 20, HEADING[0], bold=True)
    page.text(72, y + 31, HEADING[1], bold=True)
    page.text(72, y + 51, "Uppfylls helt", bold=True)
    texts = [b.text for b in read_pdf(write_pdf(tmp_path / "margin.pdf", [page])).blocks if isinstance(b, Paragraph)]
    assert texts[-3:] == ["Nämndmål:", " ".join(HEADING), "Uppfylls helt"]
