"""The one settings object of recognition, as `PdfSettings` is for the PDF reader: every
threshold the recogniser uses, with the reason for its value."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RecogniseSettings:
    # Paragraphs searched after an unlabelled numbered heading for the sub-goals that confirm
    # it is a goal ("3. ..." followed by "3.1 ..."): about one goal's text in every template.
    goal_lookahead: int = 12
    # Paragraphs under a goal heading in which its status line may still come: right under the
    # heading in most templates, after a "Bedömning" sub-heading in some.
    status_window: int = 3
    # A status line is short ("Målet uppfylls delvis"); longer text merely mentions the words.
    max_status_length: int = 60
    # A numbered line longer than this is body text that starts with a number, not a heading.
    max_heading_length: int = 200
    # Paragraphs right above a table that may hold its caption, unit or heading.
    paragraphs_before_table: int = 4
    # A financial table's caption is short; a longer paragraph above it is body text.
    max_caption_length: int = 120
    # A heading taken as a financial table's title.
    max_table_title_length: int = 100
    # A cell this long with words and no number is an indicator or activity name, not a value
    # that slid out of its column.
    min_name_length: int = 15
    # A repeated header may differ from the first in one of this many of its mapped columns (a
    # misread cell on the next page) and still repeat it.
    header_repeat_share: int = 3
    # Blocks at the top of a document searched for the letterhead (title, board, dates, dnr).
    letterhead_limit: int = 60
    # A report title is a line; a paragraph longer than this that names a report type is text.
    max_title_length: int = 150
    # A line printed this often on its pages is a running header or footer ("Delårsrapport 2026").
    running_line_repeats: int = 3


SETTINGS = RecogniseSettings()
