"""The document's own fields, read from the letterhead at the top of a report.

The letterhead is everything before the first front-matter heading (table of contents,
"Förslag till beslut", "Sammanfattande analys", ...). Its layout varies by office and year, so
every field is found by what it says ("Till", "Sammanträde", "Dnr"), not by its position.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from normalizers.dates import find_date, parse_date
from parsers.blocks import Block, Paragraph, ParsedDocument, Table
from pipeline.recognise import vocabulary
from pipeline.recognise.goal_table import read_goal_table
from pipeline.recognise.labels import match_label, table_kind
from pipeline.recognise.settings import SETTINGS

_REPORT_TYPES = [(regex.compile(rf"(?i)^\W*(?:{pattern})"), name) for name, pattern in vocabulary.REPORT_TYPES]
# "Socialnämndens verksamhetsberättelse 2014": the type word after the board's name.
_STEM = vocabulary.alternation("organ_stem")
_TYPE_AFTER_ORGAN = [(regex.compile(rf"(?i)^(?P<organ>[\w\- ]*?{_STEM})(?P<genitive>ens|s)\s+(?:{pattern})"), name)
                     for name, pattern in vocabulary.REPORT_TYPES]
_ADDRESSEE = vocabulary.alternation("addressee_label")
_TILL = regex.compile(rf"(?:^|(?<=\S)){_ADDRESSEE}\s*:?\s*$|^{_ADDRESSEE}\s*:?\s+(?P<organ>\S.*)$")
_DATE_LABEL = regex.compile(rf"(?i)^{vocabulary.alternation('date_label')}\s*:?\s*")
_ORGAN = vocabulary.alternation("organ_word")
_ORGAN_WORD = regex.compile(rf"(?i){_ORGAN}$")
_FOR_ORGAN = regex.compile(rf"(?i)\bför\s+(?P<organ>[\w\- ]*?{_ORGAN})\b")
_ENHET = regex.compile(rf"(?i)^{vocabulary.alternation('unit_name')}$")
_DNR = regex.compile(rf"(?i)\b{vocabulary.alternation('dnr_label')}\.?\s*:?\s*(?P<dnr>[\w][\w./:\- ]*?[\w])\s*$")
_SAMMANTRADE = regex.compile(rf"(?i){vocabulary.alternation('meeting_label')}")
_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_ORGAN_LABEL = regex.compile(rf"(?i)^{vocabulary.alternation('organ_label')}\s*:\s*(?P<organ>\S.*)$")
_PERIOD = regex.compile(rf"(?i)^{vocabulary.alternation('period_label')}\s*:?\s*(?P<period>.*(?:19|20)\d\d.*)$")
_TYPE_ANYWHERE = [(regex.compile(rf"(?i)(?<!\w)(?:{pattern})"), name) for name, pattern in vocabulary.REPORT_TYPES]
# Whether a line names any report type: one search where a line is only tested, not read.
_ANY_TYPE = regex.compile(r"(?i)(?<!\w)(?:" + "|".join(f"(?:{pattern})" for _, pattern in vocabulary.REPORT_TYPES) + ")")
_TERTIAL = regex.compile(rf"(?i)\b{vocabulary.alternation('tertial_label')}(?P<n>[12])\b")


def letterhead(blocks: list[Block]) -> list[Paragraph]:
    """The paragraphs of the letterhead. Word templates often lay the letterhead out as a table
    (Handläggare | Till ...): its cells count as paragraphs, row by row."""
    out: list[Paragraph] = []
    for block in blocks[:SETTINGS.letterhead_limit]:
        if isinstance(block, Table):
            if any(table_kind(cell) for row in block.rows for cell in row.cells[:1]) or read_goal_table(block):
                break  # an indicator, activity or goal table: the body has begun
            out.extend(Paragraph(line, row.place) for row in block.rows for cell in row.cells
                       for line in cell.split("\n") if line.strip())
            continue
        if vocabulary.FRONT_MATTER_END.match(block.text) or match_label(block.text):
            break
        out.append(block)
    return out


def _title(paragraphs: list[Paragraph]) -> tuple[int, str, str] | None:
    for patterns in (_REPORT_TYPES, _TYPE_AFTER_ORGAN):
        for k, paragraph in enumerate(paragraphs):
            for pattern, report_type in patterns:
                # A title is no sentence: "Nämndens budget bygger på ..." ends in a full stop.
                if pattern.match(paragraph.text) and len(paragraph.text) <= SETTINGS.max_title_length \
                        and not paragraph.text.endswith("."):
                    return k, paragraph.text, report_type
    return None


def _organ(paragraphs: list[Paragraph], title: str | None) -> tuple[int | None, str | None]:
    for k, paragraph in enumerate(paragraphs):
        labelled = _ORGAN_LABEL.match(paragraph.text)
        if labelled:
            return k, labelled.group("organ").strip(" ,.;")
    for k, paragraph in enumerate(paragraphs):
        match = _TILL.search(paragraph.text)
        if not match:
            continue
        if match.group("organ"):
            return k, match.group("organ").strip(" ,.;")
        if k + 1 < len(paragraphs):
            return k + 1, paragraphs[k + 1].text.strip(" ,.;")
    if title:
        match = _FOR_ORGAN.search(title) or next(
            (m for m in (pattern.match(title) for pattern, _ in _TYPE_AFTER_ORGAN) if m), None)
        if match:
            organ = match.group("organ").strip()
            if match.groupdict().get("genitive") == "ens":
                organ += "en"  # "Socialnämndens" is the genitive of "Socialnämnden"
            return None, organ[:1].upper() + organ[1:]
    for k, paragraph in enumerate(paragraphs):
        text = paragraph.text.strip(" ,.;")
        if len(text) < 60 and _ORGAN_WORD.search(text) and not _TILL.search(text):
            return k, text
    return None, None


def _unit(paragraphs: list[Paragraph], title_at: int | None, title: str | None, report_type: str | None) -> str | None:
    if title and report_type:
        rest = _REPORT_TYPES[[name for _, name in _REPORT_TYPES].index(report_type)][0].sub("", title).strip()
        if _ENHET.match(rest):
            return rest
    order = list(range(len(paragraphs)))
    if title_at is not None:  # the unit is usually printed right under the title
        order = order[title_at + 1:] + order[:title_at]
    for k in order:
        text = paragraphs[k].text.strip(" ,.;")
        if len(text) <= 80 and _ENHET.match(text):
            return text
    return None


def _covered_year(report_type: str, date: dt.date) -> int:
    """A plan is adopted in the autumn before its year, a report early in the year after."""
    if report_type == "verksamhetsplan":
        return date.year + (1 if date.month >= 7 else 0)
    if report_type == "verksamhetsberättelse":
        return date.year - (1 if date.month <= 6 else 0)
    return date.year


def _type_in(text: str) -> str | None:
    """The report type a title names anywhere in it ("Kultur- och fritidsnämnden Delårsrapport")."""
    return next((name for pattern, name in _TYPE_ANYWHERE if pattern.search(text)), None)


def _cover(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The cover page: the letterhead's paragraphs on page 1 (all of them where there are no pages)."""
    return [p for p in paragraphs if p.place.page in (None, 1)]


def _cover_title(paragraphs: list[Paragraph]) -> str | None:
    """The text in the largest type on the cover, where no line names a report type: the PDF
    reader gives larger type smaller heading levels, Word its Title and Heading styles."""
    headings = [p for p in _cover(paragraphs)
                if p.heading is not None and len(p.text) <= SETTINGS.max_title_length and regex.search(r"\p{L}{3}", p.text)]
    if not headings:
        return None
    top = min(p.heading or 0 for p in headings)
    return next(p.text for p in headings if p.heading == top)


def _period_year(paragraphs: list[Paragraph]) -> tuple[int | None, str | None]:
    """The year a printed report period ends in ("Rapportperiod: 2025-01-01 - 2025-12-31")."""
    for paragraph in paragraphs:
        match = _PERIOD.match(paragraph.text)
        if match:
            return int(_YEAR.findall(match.group("period"))[-1]), "period"
    return None, None


def _text_year(parsed: ParsedDocument, paragraphs: list[Paragraph]) -> tuple[int | None, str | None]:
    """A year printed on the cover beside the title ("mars 2026" under "Delårsrapport"), or in a
    line repeated on page after page that names a report type (a running header the reader kept)."""
    for paragraph in _cover(paragraphs):
        years = _YEAR.findall(paragraph.text)
        if years and len(paragraph.text) <= SETTINGS.max_title_length and (paragraph.heading or _ANY_TYPE.search(paragraph.text)):
            return int(years[-1]), "text"
    # Every short line is counted and only the repeated ones searched for a report type: the
    # same lines in the same order as searching every line first, at a search a repeated line.
    counts: dict[str, int] = {}
    for block in parsed.blocks:
        if isinstance(block, Paragraph) and len(block.text) <= SETTINGS.max_title_length:
            counts[block.text] = counts.get(block.text, 0) + 1
    for text, count in counts.items():
        if count >= SETTINGS.running_line_repeats and _ANY_TYPE.search(text):
            years = _YEAR.findall(text)
            if years:
                return int(years[-1]), "text"
    return None, None


@dataclass(frozen=True, slots=True)
class Metadata:
    """The document's own fields: what `documents` holds beyond the file's facts."""

    title: str | None
    report_type: str
    year: int | None
    year_source: str | None
    tertial: int | None
    organ: str | None
    unit: str | None
    dnr: str | None
    document_date: dt.date | None
    meeting_date: dt.date | None


def read_metadata(parsed: ParsedDocument) -> Metadata:
    paragraphs = letterhead(parsed.blocks)
    found = _title(paragraphs)
    title_at, title, report_type = found if found else (None, None, None)
    organ_at, organ = _organ(paragraphs, title)

    meeting_date = document_date = None
    for k, paragraph in enumerate(paragraphs):
        if _SAMMANTRADE.search(paragraph.text):
            meeting_date = find_date(paragraph.text) or (
                find_date(paragraphs[k + 1].text) if k + 1 < len(paragraphs) else None)
            break
    for k, paragraph in enumerate(paragraphs):
        labelled = _DATE_LABEL.match(paragraph.text)
        date = parse_date(paragraph.text[labelled.end():] if labelled else paragraph.text)
        if date is None:
            continue
        # A date after the organ's line is the meeting's, unless a label says it is the
        # document's own ("Datum: 2019-09-15", as other municipalities' letterheads print it).
        if meeting_date is None and organ_at is not None and k > organ_at and not labelled:
            meeting_date = date
        elif document_date is None and date != meeting_date:
            document_date = date

    dnr = None
    for paragraph in paragraphs:
        match = _DNR.search(paragraph.text)
        if match:
            dnr = match.group("dnr")
            break

    year = tertial = None
    year_source = None
    if title:
        years = _YEAR.findall(title)
        year = int(years[-1]) if years else None
        year_source = "title" if years else None
        match = _TERTIAL.search(title)
        tertial = int(match.group("n")) if match and report_type == "tertialrapport" else None
    if title is None:
        title = _cover_title(paragraphs)
    if report_type is None and title:
        report_type = _type_in(title)
    if year is None:
        year, year_source = _period_year(paragraphs)
    dated = meeting_date or document_date
    if year is None and dated is not None:
        year, year_source = _covered_year(report_type or "other", dated), "date"
    if year is None:
        year, year_source = _text_year(parsed, paragraphs)
    # Last resort, what the file says of itself: often a template's leftovers, so never
    # preferred to what the document prints.
    properties = parsed.properties
    title = title or properties.get("title") or None
    if report_type is None and title:
        report_type = _type_in(title)
    if year is None:
        years = _YEAR.findall(" ".join(properties.get(k, "") for k in ("title", "subject")))
        created = parse_date(properties.get("created", ""))
        if years:
            year, year_source = int(years[-1]), "properties"
        elif created is not None:
            year, year_source = _covered_year(report_type or "other", created), "properties"

    return Metadata(title=title, report_type=report_type or "other", year=year, year_source=year_source,
                    tertial=tertial, organ=organ, unit=_unit(paragraphs, title_at, title, report_type), dnr=dnr,
                    document_date=document_date, meeting_date=meeting_date)
