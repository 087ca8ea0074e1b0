"""A line printed at the foot of one page and again at the head of the next, where it stood: a
browser engine that cuts its rendering into pages (wkhtmltopdf) prints the line its cut goes
through on both pages, each copy clipped to its half. The text is the document's once."""
from __future__ import annotations

from pathlib import Path

from parsers.blocks import Paragraph
from parsers.pdf import read_pdf
from test_pdf_maker import Page, write_pdf

LEAD = 12.0
WORDS = ("Stadsdelsnämnden arbetar vidare med uppföljningen av kontrakten under året",
         "och samverkar med de enheter som har ansvar för boendet i stadsdelen samt",
         "med fastighetsägarna om de lägenheter som ska gå vidare till eget kontrakt",
         "för de hushåll som har bott i försökslägenhet under den tid som avtalats.")


def _texts(path: Path) -> list[str]:
    return [block.text for block in read_pdf(path).blocks if isinstance(block, Paragraph)]


def test_the_line_a_page_cut_goes_through_is_read_once(tmp_path: Path) -> None:
    first, second = Page(), Page()
    for k in range(3):
        first.text(72, 784 - (2 - k) * LEAD, WORDS[k])
    second.text(72, 40, WORDS[2])  # the cut line again, where it stood, at the next page's head
    second.text(72, 40 + LEAD, WORDS[3])
    [text] = _texts(write_pdf(tmp_path / "cut_line_on_both_pages.pdf", [first, second]))
    assert text.count("fastighetsägarna") == 1
    assert text == " ".join(WORDS)


def test_a_line_the_next_page_starts_elsewhere_is_kept(tmp_path: Path) -> None:
    # The same words at the next page's head but set further in: not a copy of the cut line.
    first, second = Page(), Page()
    for k in range(3):
        first.text(72, 784 - (2 - k) * LEAD, WORDS[k])
    second.text(90, 40, WORDS[2])
    second.text(72, 40 + LEAD, WORDS[3])
    texts = _texts(write_pdf(tmp_path / "same_words_set_in.pdf", [first, second]))
    assert sum(text.count("fastighetsägarna") for text in texts) == 2
