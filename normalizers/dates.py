"""Dates and reporting periods as the reports print them."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import regex

from normalizers.text import collapse, strip_markers

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

_ISO = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/. ](?P<m>\d{1,2})[-/. ](?P<d>\d{1,2})(?!\d)")
_COMPACT = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")
_WORDS = regex.compile(r"(?<!\d)(?P<d>\d{1,2})\s+(?P<month>[a-zåäö]+)\.?\s+(?P<y>(?:19|20)\d\d)(?!\d)",
                       regex.IGNORECASE)

# What may stand beside a date in a cell that is one.
_DATE_WORDS = regex.compile(r"[\d\s\-/.]|" + "|".join(MONTHS))


def _date(year: str, month: int | str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def find_date(text: str | None) -> dt.date | None:
    """The first date in text: "2013-01-01", "2009 12 17", "20130101", "17 december 2009"."""
    if not text:
        return None
    candidates = []
    for pattern in (_ISO, _COMPACT):
        match = pattern.search(text)
        if match:
            candidates.append((match.start(), _date(match["y"], match["m"], match["d"])))
    for match in _WORDS.finditer(text):
        month = MONTHS.get(match["month"].casefold())
        if month:
            candidates.append((match.start(), _date(match["y"], month, match["d"])))
            break
    found = [(start, date) for start, date in candidates if date]
    return min(found, key=lambda pair: pair[0])[1] if found else None


# Activity rows print the same few dates ("2013-01-01", "2013-12-31"), each read twice (is the
# row an activity, then its record): pure, with an immutable result, so a bounded cache serves them.
@lru_cache(maxsize=4096)
def parse_date(raw: str | None) -> dt.date | None:
    """A cell that is a date and nothing else (leading markers and spaces allowed)."""
    if not raw:
        return None
    text = strip_markers(collapse(raw))
    date = find_date(text)
    if date is None:
        return None
    rest = _DATE_WORDS.sub("", text.casefold())
    return date if not rest.strip() else None


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period: "VB 2013" (year), "Tertial 2 2018", "T2 2018", "Halvår 1 2018", "2018"."""

    year: int | None
    kind: str  # år | tertial | halvår | kvartal | månad
    number: int | None = None


_PERIOD = regex.compile(
    r"(?i)(?<!\w)(?:(?P<vb>VB|VP|bokslut|år)\s*(?P<y1>(?:19|20)\d\d)"
    r"|(?:(?P<t>tertial|halvår|kvartal|delår)\s*|(?P<t1>T|H|Q))(?P<n>\d)(?!\d)(?:\s*[,:]?\s*(?P<y2>(?:19|20)\d\d))?"
    r"|(?P<y3>(?:19|20)\d\d))(?!\w)")
_PERIOD_KIND = {"tertial": "tertial", "t": "tertial", "halvår": "halvår", "h": "halvår",
                "kvartal": "kvartal", "q": "kvartal", "delår": "delår"}


def find_period(text: str | None) -> tuple[str, Period] | None:
    """The first period expression in text, as printed and parsed."""
    if not text:
        return None
    match = _PERIOD.search(text)
    if not match:
        return None
    kind = match["t"] or match["t1"]
    if kind:
        year = int(match["y2"]) if match["y2"] else None
        return match.group(0).strip(), Period(year, _PERIOD_KIND[kind.casefold()], int(match["n"]))
    year = int(match["y1"] or match["y3"])
    return match.group(0).strip(), Period(year, "år")
