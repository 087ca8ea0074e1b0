"""Indicator series: the same indicator across reports, years and boards, renamed variants included.

Two keys (`indicators.indicator_key`) are one series when they are equal, or when the words
that tell them apart are only a rewording: function words (Swedish ones are short: "som", "har",
"av", "med"), a verb phrase put another way ("som har" / "som är beroende av"), or a spelling
("stockholms enkäten" / "stockholmsenkäten"). They stay apart when the difference holds a number
("Sjukfrånvaro dag 1-14"), a word put in the place of another ("alkohol" / "tobak", "bidragstagare"
/ "invånare", "tre" / "tolv"), or a qualifier added ("vuxna personer" / "personer"); when one report prints both
(a report does not list one indicator twice under two names); or when their units differ.
Nothing here knows a word of the templates: function words are told by their length.

Computed over every file's indicators when the dataset is written (pipeline/dataset/writer.py).
"""
from __future__ import annotations

import difflib
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import pyarrow as pa

from pipeline.schema import TABLES, IndicatorSeriesRecord

# A word this long or longer carries content; shorter ones are function words. Swedish function
# words are almost all of one to three letters, its content words rarely are.
CONTENT_LETTERS = 4
# Two spellings of one word or phrase: difflib's ratio of the letters, spaces left out.
SPELLING = 0.85
# The lowest similarity (content letters in common) at which a rewording links two keys.
MIN_SCORE = 0.7
# Keys compared with one another share a content word that at most this many keys hold: bounds
# the work on large archives ("andel" is in most keys and tells nothing).
BLOCK_LIMIT = 500

Part = Callable[[str], "pa.Table | None"]


def _same_spelling(left: list[str], right: list[str]) -> bool:
    a, b = "".join(left), "".join(right)
    if a == b:
        return True
    # ratio() <= quick_ratio() <= real_quick_ratio(): the cheap bounds settle most pairs exactly.
    # real_quick_ratio() as difflib computes it, from the lengths, before a matcher indexes b.
    if 2.0 * min(len(a), len(b)) / (len(a) + len(b)) < SPELLING:
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= SPELLING and matcher.ratio() >= SPELLING


class _Words:
    """A key split once for all the pairs it is in: its tokens, the letters each gives the score,
    the tokens holding a digit, and a matcher holding it as the second sequence (difflib keeps
    what it learns of that one, so each key is indexed once, not once a pair)."""

    def __init__(self, key: str):
        self.key = key
        self.tokens = key.split()
        self.letters = [len(t) if len(t) >= CONTENT_LETTERS else 0 for t in self.tokens]
        self.numbers = [t for t in self.tokens if any(ch.isdigit() for ch in t)]
        self._matcher: difflib.SequenceMatcher[str] | None = None

    def opcodes(self, left: _Words) -> Sequence[tuple[str, int, int, int, int]]:
        """difflib's opcodes from `left`'s tokens to these."""
        if self._matcher is None:
            self._matcher = difflib.SequenceMatcher(None, [], self.tokens, autojunk=False)
        self._matcher.set_seq1(left.tokens)
        return self._matcher.get_opcodes()


def _numbers_differ(left: _Words, right: _Words) -> bool:
    """True when the tokens holding a digit are not the same in the same order: the equal parts
    of any alignment pair tokens one to one and in order, so one of those tokens is in a part that
    is not equal, which makes the difference more than a rewording. Settles most pairs of an
    archive's keys ("... 12 månader" / "... 6 månader") without aligning them."""
    return left.numbers != right.numbers


def similarity(a: str, b: str) -> float | None:
    """How alike two keys are (shared content letters over all of them), or None when their
    difference is more than a rewording."""
    return _similarity(_Words(a), _Words(b))


def _similarity(left: _Words, right: _Words) -> float | None:
    if _numbers_differ(left, right):
        return None
    digits = set(left.numbers + right.numbers)
    matched = 0
    for tag, i1, i2, j1, j2 in right.opcodes(left):
        one, other = left.tokens[i1:i2], right.tokens[j1:j2]
        letters = sum(left.letters[i1:i2]), sum(right.letters[j1:j2])
        if tag == "equal":
            matched += 2 * letters[0]
            continue
        if digits and any(t in digits for t in one + other):
            return None
        if one and other and _same_spelling(one, other):
            matched += letters[0] + letters[1]
            continue
        if all(letters) or len(one) == len(other) == 1 and any(letters):
            return None  # a word in place of another ("tre" / "tolv" månader too)
        if not (one and other) and any(letters):
            return None  # a qualifier added
    total = sum(left.letters) + sum(right.letters)
    return matched / total if total else (1.0 if left.key == right.key else None)


@dataclass
class _Key:
    key: str
    names: Counter[str] = field(default_factory=Counter)
    name_year: dict[str, int] = field(default_factory=dict)
    docs: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    units: Counter[str] = field(default_factory=Counter)
    rows: int = 0


@dataclass
class _Series:
    keys: list[_Key]
    score: float = 1.0

    @property
    def docs(self) -> set[str]:
        return set().union(*(k.docs for k in self.keys))

    @property
    def unit(self) -> str | None:
        units: Counter[str] = sum((k.units for k in self.keys), Counter())
        return units.most_common(1)[0][0] if units else None


def _candidates(keys: list[_Words]) -> Iterable[tuple[_Words, _Words]]:
    holders: dict[str, list[int]] = {}
    for n, key in enumerate(keys):
        for token in {t for t, letters in zip(key.tokens, key.letters) if letters}:
            holders.setdefault(token, []).append(n)
    pairs: set[tuple[int, int]] = set()
    for members in holders.values():
        if len(members) <= BLOCK_LIMIT:
            pairs.update((a, b) for i, a in enumerate(members) for b in members[i + 1:])
    return ((keys[a], keys[b]) for a, b in sorted(pairs))


def _in_one_report(first: _Key, second: _Key) -> bool:
    """Two keys one report prints are never linked below, whatever their score (a series only
    gains documents as it grows), so they are not aligned at all."""
    return not first.docs.isdisjoint(second.docs)


def link(rows: Iterable[tuple[str, str, str, int | None, str | None]]) -> tuple[dict[str, str], list[IndicatorSeriesRecord]]:
    """Series over indicator rows given as (indicator_key, name, doc_id, year, unit): the series_id
    of every key, and the indicator_series rows."""
    keys: dict[str, _Key] = {}
    for key, name, doc_id, year, unit in rows:
        entry = keys.get(key)
        if entry is None:  # not setdefault: a _Key made for every row cost a quarter of the linking
            entry = keys[key] = _Key(key)
        entry.names[name] += 1
        entry.docs.add(doc_id)
        entry.rows += 1
        if year:
            entry.years.add(year)
            entry.name_year[name] = max(year, entry.name_year.get(name, 0))
        if unit:
            entry.units[unit] += 1
    series = {key: _Series([entry]) for key, entry in keys.items()}
    scored = sorted(((score, a.key, b.key) for a, b in _candidates([_Words(key) for key in sorted(keys)])
                     if not _in_one_report(keys[a.key], keys[b.key])
                     and (score := _similarity(a, b)) is not None and score >= MIN_SCORE),
                    key=lambda s: (-s[0], s[1], s[2]))
    for score, a, b in scored:
        first, second = series[a], series[b]
        if first is second or first.docs & second.docs:
            continue  # one report printing both names means two indicators
        if first.unit and second.unit and first.unit != second.unit:
            continue
        merged = _Series(first.keys + second.keys, min(first.score, second.score, score))
        for entry in merged.keys:
            series[entry.key] = merged
    ids: dict[str, str] = {}
    records: list[IndicatorSeriesRecord] = []
    for group in {id(s): s for s in series.values()}.values():
        records.append(_record(group))
        ids.update((entry.key, records[-1].series_id) for entry in group.keys)
    records.sort(key=lambda r: r.series_id)
    return ids, records


def _record(group: _Series) -> IndicatorSeriesRecord:
    members = sorted(group.keys, key=lambda k: k.key)
    names: Counter[str] = sum((k.names for k in members), Counter())
    latest = {name: year for k in members for name, year in k.name_year.items()}
    label = max(names, key=lambda n: (names[n], latest.get(n, 0), n))
    docs = sorted(group.docs)
    years = sorted(set().union(*(k.years for k in members)))
    return IndicatorSeriesRecord(
        series_id="s" + hashlib.sha256(members[0].key.encode("utf-8")).hexdigest()[:12], label=label,
        method="exact" if len(members) == 1 else "reworded", score=round(group.score, 3),
        keys=" | ".join(k.key for k in members), documents=len(docs), doc_ids=" ".join(docs),
        years=" ".join(map(str, years)), first_year=years[0] if years else None,
        last_year=years[-1] if years else None, rows=sum(k.rows for k in members))


def with_series(parts: list[Part]) -> list[Part]:
    """The parts with `indicators.series_id` filled in, and one more part holding `indicator_series`."""
    rows: list[tuple[str, str, str, int | None, str | None]] = []
    # Each part's indicators with their keys, read once: they are written from here.
    indicators: list[tuple[pa.Table, list[str]] | None] = []
    for part in parts:
        table = part("indicators")
        if table is not None and len(table):
            columns = [table[c].to_pylist() for c in ("indicator_key", "name", "doc_id", "year", "unit")]
            rows.extend(zip(*columns))
            indicators.append((table, columns[0]))
        else:
            indicators.append(None)
    ids, records = link(rows)
    spec = TABLES["indicator_series"]
    series_table = pa.Table.from_pylist([{n: getattr(r, n) for n in spec.names} for r in records], schema=spec.schema)

    def linked(part: Part, found: tuple[pa.Table, list[str]] | None) -> Part:
        def read(name: str) -> pa.Table | None:
            if name != "indicators":
                return part(name)
            if found is None:
                return None
            table, keys = found
            column = pa.array([ids[k] for k in keys], type=pa.string())
            return table.set_column(table.schema.get_field_index("series_id"), "series_id", column)
        return read

    return ([linked(part, found) for part, found in zip(parts, indicators)]
            + [lambda name: series_table if name == "indicator_series" else None])
