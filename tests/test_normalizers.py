"""The normalizers' pure functions: numbers and units, dates and periods, text clean-up.

Examples are cells and lines as the seed reports print them; the properties say what must hold
for any input of the same shape (Swedish number formatting, every supported date spelling,
text with markup and marker glyphs).
"""
from __future__ import annotations

import datetime as dt
import sys
import unicodedata

import pytest
import regex
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from normalizers.dates import Period, find_date, find_period, parse_date
from normalizers.numbers import NUMBER, Quantity, money_unit_in, normalize_unit, parse_quantity, to_sek
from normalizers.text import (_ANY_TAG, _BREAK_TAGS, MARKER_CHARS, collapse, first_letter_is_lower, indicator_key,
                              squash, strip_markers, strip_markup)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

THOUSANDS_SEPARATORS = [" ", "\u00a0", "\u202f", "\u2009"]
MINUS_SIGNS = ["-", "\u2212", "\u2013"]
# Printed spelling -> the dataset's unit.
PRINTED_UNITS = {
    "%": "%", "procent": "%", "st": "st", "st.": "st", "kr": "kr", "kronor": "kr", "tkr": "tkr",
    "mnkr": "mnkr", "mkr": "mnkr", "Mkr": "mnkr", "miljoner kr": "mnkr", "miljoner kronor": "mnkr",
    "kWh": "kWh", "KWH": "kWh", "kWh/kvm": "kWh/kvm", "kWh/m2": "kWh/kvm", "dagar": "dagar", "hushåll": "hushåll",
}
SWEDISH_LETTERS = "abcdefghijklmnopqrstuvwxyzåäöéABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ"
MARKERS = ["●", "■", "◆", "✓", "♀", "—", "\uf0b7", "▶"]


# parse_quantity: examples --------------------------------------------------------------------

@pytest.mark.parametrize("raw, value, unit", [
    ("1 400 st", 1400.0, "st"),
    ("1\u00a0400 st", 1400.0, "st"),
    ("1\u202f400 st", 1400.0, "st"),
    ("1\u2009400 st", 1400.0, "st"),
    ("9 000 st", 9000.0, "st"),
    ("0 st", 0.0, "st"),
    ("3 500 000 kWh", 3_500_000.0, "kWh"),
    ("55,5 kWh/kvm", 55.5, "kWh/kvm"),
    ("0,45 %", 0.45, "%"),
    ("85,71 %", 85.71, "%"),
    ("45%", 45.0, "%"),
    ("1,6%", 1.6, "%"),
    ("5100", 5100.0, None),
    ("1 150,9", 1150.9, None),
    ("118,", 118.0, None),
    ("0,0", 0.0, None),
    ("-0,2", -0.2, None),
    ("\u221215,7", -15.7, None),
    ("\u201315,7", -15.7, None),
    ("-3 %", -3.0, "%"),
    ("\u2212552,3", -552.3, None),
    ("66,4%", 66.4, "%"),
    ("12 tkr", 12.0, "tkr"),
    ("741,4 mnkr", 741.4, "mnkr"),
    ("2,4 mkr", 2.4, "mnkr"),
    ("3 miljoner kr", 3.0, "mnkr"),
    ("250 kr", 250.0, "kr"),
    ("1.400", 1400.0, None),  # a dot as thousands separator
    ("1.5", 1.5, None),
    ("  ● 83 %", 83.0, "%"),
    ("<p>90 %</p>", 90.0, "%"),
])
def test_parse_quantity_reads_number_and_unit(raw, value, unit):
    quantity = parse_quantity(raw)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit
    assert quantity.comparator is None and quantity.direction is None


@pytest.mark.parametrize("raw, value, unit, comparator", [
    ("max 6 %", 6.0, "%", "max"),
    ("Max 6 %", 6.0, "%", "max"),
    ("högst 10 dagar", 10.0, "dagar", "max"),
    ("minst 80 %", 80.0, "%", "min"),
    ("+/- 1 %", 1.0, "%", "±"),
    ("± 2 %", 2.0, "%", "±"),
    ("ca 400 st", 400.0, "st", "ca"),
    ("< 5 %", 5.0, "%", "max"),
])
def test_parse_quantity_reads_comparators(raw, value, unit, comparator):
    assert parse_quantity(raw) == Quantity(value, unit, comparator)


@pytest.mark.parametrize("raw, direction", [
    ("minska", "minska"), ("Minska", "minska"), ("öka", "öka"), ("Öka.", "öka"), ("ökning", "öka"),
    ("oförändrat", "bibehålla"),
])
def test_parse_quantity_reads_directions(raw, direction):
    assert parse_quantity(raw) == Quantity(None, direction=direction)


@pytest.mark.parametrize("raw", [
    None, "", "   ", "-", "--", "tas fram av nämnden", "Tas fram av nämnden", "tas fram 2010",
    "10-15 %", "Halvår 1 2018", "VB 2013", "Tertial 2 2018", "saknas", "12 äpplen", "5 st äpplen",
    "ca", "max", "%", "st", "● ", "2018-01-01",
])
def test_parse_quantity_gives_no_value_for_text(raw):
    quantity = parse_quantity(raw)
    assert quantity.value is None
    assert quantity.unit is None


# parse_quantity: properties ------------------------------------------------------------------

def _swedish(value: float, decimals: int, separator: str, grouped: bool, minus: str) -> str:
    """value printed the Swedish way: comma decimal, thousands groups, a minus sign of choice."""
    text = f"{abs(value):.{decimals}f}"
    integer, _, fraction = text.partition(".")
    if grouped:
        groups = []
        while len(integer) > 3:
            groups.insert(0, integer[-3:])
            integer = integer[:-3]
        integer = separator.join([integer, *groups])
    body = integer + ("," + fraction if decimals else "")
    return (minus if value < 0 and float(text) != 0 else "") + body


@FAST
@given(value=st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False),
       decimals=st.integers(0, 3), separator=st.sampled_from(THOUSANDS_SEPARATORS), grouped=st.booleans(),
       minus=st.sampled_from(MINUS_SIGNS), unit=st.sampled_from([None, *PRINTED_UNITS]),
       space=st.sampled_from([" ", "", "\u00a0"]))
def test_swedish_number_round_trips(value, decimals, separator, grouped, minus, unit, space):
    text = _swedish(value, decimals, separator, grouped, minus)
    raw = text if unit is None else f"{text}{space}{unit}"
    quantity = parse_quantity(raw)
    expected = round(value, decimals)
    assert quantity.value == pytest.approx(expected, rel=1e-12, abs=10 ** -(decimals + 1)), raw
    assert quantity.unit == (PRINTED_UNITS[unit] if unit else None), raw


@FAST
@given(value=st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False),
       decimals=st.integers(0, 3), separator=st.sampled_from(THOUSANDS_SEPARATORS), grouped=st.booleans(),
       minus=st.sampled_from(MINUS_SIGNS))
def test_every_printed_number_is_one_match_of_the_shared_grammar(value, decimals, separator, grouped, minus):
    # The OCR reader finds numbers in noisy cells with NUMBER; parse_quantity must read them all.
    text = _swedish(value, decimals, separator, grouped, minus)
    assert regex.fullmatch(NUMBER, text), text
    assert parse_quantity(text).value == pytest.approx(round(value, decimals), rel=1e-12,
                                                       abs=10 ** -(decimals + 1)), text


@FAST
@given(st.from_regex(NUMBER, fullmatch=True,
                     alphabet="0123456789 ,.-+\u2212\u2013\u2012\ufe63\uff0d\u00a0\u202f\u2009"))
def test_what_the_shared_grammar_calls_a_number_has_a_value(text):
    assert parse_quantity(text).value is not None, text


@FAST
@given(st.text())
def test_parse_quantity_never_raises_on_any_text(text):
    quantity = parse_quantity(text)
    assert isinstance(quantity, Quantity)


@FAST
@given(st.text(alphabet="0123456789 ,.-+%/\u2212\u2013\u00a0\u202fabcdefgikmnorstvwxyzåäöKWH<>±", max_size=25))
def test_parse_quantity_never_raises_on_number_like_text(text):
    quantity = parse_quantity(text)
    assert quantity.value is None or quantity.value == quantity.value  # a number, never NaN


@FAST
@given(number=st.integers(0, 10**9), word=st.text(alphabet=SWEDISH_LETTERS, min_size=2, max_size=12))
def test_number_followed_by_a_word_that_is_no_unit_has_no_value(number, word):
    assume(normalize_unit(word) is None)
    assert parse_quantity(f"{number} {word}").value is None
    assert parse_quantity(f"{number} st {word}").value is None


# units and money -------------------------------------------------------------------------------

@pytest.mark.parametrize("printed, unit", [
    *PRINTED_UNITS.items(),
    ("(mkr)", "mnkr"), ("Mnkr", "mnkr"), ("milj. kr", "mnkr"), ("miljoner  kronor", "mnkr"),
    ("tusen kronor", "tkr"), ("miljarder kr", "mdkr"), ("stycken", "st"), ("KWh/kvm", "kWh/kvm"),
    ("Procent", "%"), ("pers", "personer"),
])
def test_normalize_unit_maps_printed_spellings(printed, unit):
    assert normalize_unit(printed) == unit


@pytest.mark.parametrize("printed", ["äpplen", "Antal", "", "kvm", "Budget", "miljoner"])
def test_normalize_unit_refuses_words_that_are_no_unit(printed):
    assert normalize_unit(printed) is None


@pytest.mark.parametrize("value, unit, sek", [
    (2.5, "mnkr", 2_500_000.0), (-15.7, "mnkr", -15_700_000.0), (3.0, "tkr", 3000.0), (250.0, "kr", 250.0),
    (1.2, "mdkr", 1_200_000_000.0), (0.0, "mnkr", 0.0),
])
def test_to_sek_converts_money(value, unit, sek):
    assert to_sek(value, unit) == pytest.approx(sek)


@pytest.mark.parametrize("value, unit", [(66.4, "%"), (12.0, "st"), (None, "mnkr"), (5.0, None), (3.0, "kWh")])
def test_to_sek_is_none_for_what_is_not_money(value, unit):
    assert to_sek(value, unit) is None


@pytest.mark.parametrize("text, unit", [
    ("(mkr)", "mnkr"),
    ("(Mkr)", "mnkr"),
    ("Alla belopp är i miljoner kr", "mnkr"),
    ("Alla belopp är i miljoner kronor.", "mnkr"),
    ("Belopp i tkr", "tkr"),
    ("Belopp i tusen kronor", "tkr"),
    ("Nämndens utfall till och med augusti är 741,4 mnkr vilket motsvarar en förbrukning med 62,1%", "mnkr"),
    ("Det totala underskottet är 2,4 mkr.", "mnkr"),
    ("Mnkr", "mnkr"),
    ("Kostnad per hushåll, kr", "kr"),
    ("Stadens budget omsluter 50 miljarder kronor", "mdkr"),
])
def test_money_unit_in_finds_the_stated_unit(text, unit):
    assert money_unit_in(text) == unit


@pytest.mark.parametrize("text", [
    "Kostnader", "Budget 2010", "Skrivelse till nämnden", "Kronobergs län", "Förbrukningen ligger lågt", "",
])
def test_money_unit_in_ignores_text_without_money_unit(text):
    assert money_unit_in(text) is None


def test_money_unit_in_reads_mn_kr_as_millions():
    assert money_unit_in("Belopp i mn kr") == "mnkr"


# dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, date", [
    ("2013-01-01", dt.date(2013, 1, 1)),
    ("2009 12 17", dt.date(2009, 12, 17)),
    ("20130101", dt.date(2013, 1, 1)),
    ("17 december 2009", dt.date(2009, 12, 17)),
    ("1 jan. 2018", dt.date(2018, 1, 1)),
    ("Sammanträde 2014-02-06", dt.date(2014, 2, 6)),
    ("sammanträde 2009 12 17", dt.date(2009, 12, 17)),
    ("Socialnämnden godkänner tertialrapport 2 per den 31 augusti 2018 med delårsbokslut", dt.date(2018, 8, 31)),
    ("från 2018-01-01 till 2018-12-31", dt.date(2018, 1, 1)),
    ("Beslutad 3 mars 2015, reviderad 2015-06-01", dt.date(2015, 3, 3)),
    ("Stockholm 2013/05/07", dt.date(2013, 5, 7)),
])
def test_find_date_reads_each_spelling(text, date):
    assert find_date(text) == date


@pytest.mark.parametrize("text", [
    "2013-02-30", "20130230", "30 februari 2013", "2013-13-01", "31 smörgås 2013", "Tertial 2 2018", "VB 2013",
    "Telefon: 508 10 000", "", None, "Box 24156",
])
def test_find_date_is_none_without_a_valid_date(text):
    assert find_date(text) is None


@pytest.mark.parametrize("cell, date", [
    ("2018-01-01", dt.date(2018, 1, 1)),
    (" 2018-12-31 ", dt.date(2018, 12, 31)),
    ("20100101", dt.date(2010, 1, 1)),
    ("17 december 2009", dt.date(2009, 12, 17)),
    ("2009 12 17", dt.date(2009, 12, 17)),
])
def test_parse_date_reads_a_cell_that_is_a_date(cell, date):
    assert parse_date(cell) == date


@pytest.mark.parametrize("cell", [
    "2018-01-01 enligt plan", "Kommentar 2018-01-01", "2013-02-30", "", None, "Halvår 1 2018", "2018",
])
def test_parse_date_refuses_a_cell_that_is_not_only_a_date(cell):
    assert parse_date(cell) is None


@pytest.mark.parametrize("cell", ["● 2018-01-01", "✓ 2018-01-01"])
def test_parse_date_allows_a_leading_marker(cell):
    assert parse_date(cell) == dt.date(2018, 1, 1)


MONTH_NAMES = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
               "oktober", "november", "december"]
MONTH_ABBREVIATIONS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
DATE_FORMATS = {
    "iso": lambda d: d.strftime("%Y-%m-%d"),
    "spaces": lambda d: d.strftime("%Y %m %d"),
    "slashes": lambda d: d.strftime("%Y/%m/%d"),
    "compact": lambda d: d.strftime("%Y%m%d"),
    "words": lambda d: f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}",
    "Words": lambda d: f"{d.day} {MONTH_NAMES[d.month - 1].capitalize()} {d.year}",
    "abbreviated": lambda d: f"{d.day} {MONTH_ABBREVIATIONS[d.month - 1]} {d.year}",
}


@FAST
@given(date=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
       style=st.sampled_from(sorted(DATE_FORMATS)),
       before=st.sampled_from(["", "Sammanträde ", "Stockholm den ", "Dnr 123 "]),
       after=st.sampled_from(["", ".", " kl. 18.00", ", reviderad"]))
def test_dates_round_trip_in_every_supported_spelling(date, style, before, after):
    printed = DATE_FORMATS[style](date)
    assert find_date(before + printed + after) == date
    assert parse_date(printed) == date
    assert parse_date(f"  {printed} ") == date


@st.composite
def impossible_dates(draw):
    """(year, month, day) with a day past the month's end: 2013-02-30, 2019-02-29, 2018-04-31."""
    year, month = draw(st.integers(1900, 2099)), draw(st.integers(1, 12))
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return year, month, draw(st.integers(last + 1, 31)) if last < 31 else 32


@FAST
@given(impossible_dates())
def test_impossible_dates_are_no_dates(ymd):
    year, month, day = ymd
    printed_forms = [f"{year}-{month:02d}-{day}", f"{day} {MONTH_NAMES[month - 1]} {year}"]
    if day <= 31:
        printed_forms.append(f"{year}{month:02d}{day}")
    for printed in printed_forms:
        assert find_date(printed) is None, printed
        assert parse_date(printed) is None, printed


# periods ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, printed, period", [
    ("VB 2013", "VB 2013", Period(2013, "år")),
    ("Tertial 2 2018", "Tertial 2 2018", Period(2018, "tertial", 2)),
    ("T2 2018", "T2 2018", Period(2018, "tertial", 2)),
    ("Halvår 1 2018", "Halvår 1 2018", Period(2018, "halvår", 1)),
    ("2018", "2018", Period(2018, "år")),
    ("Periodens utfall VB 2012", "VB 2012", Period(2012, "år")),
    ("Tertial 1, 2019", "Tertial 1, 2019", Period(2019, "tertial", 1)),
    ("T1", "T1", Period(None, "tertial", 1)),
    ("Tertialrapport Tertial 2 2018 för Socialnämnden", "Tertial 2 2018", Period(2018, "tertial", 2)),
    ("Bokslut 2017", "Bokslut 2017", Period(2017, "år")),
])
def test_find_period_reads_each_spelling(text, printed, period):
    assert find_period(text) == (printed, period)


@pytest.mark.parametrize("text", ["", None, "Andel personer beroende av ekonomiskt bistånd", "Periodicitet", "År"])
def test_find_period_is_none_without_a_period(text):
    assert find_period(text) is None


@pytest.mark.parametrize("text", [
    "Antal ungdomar med minst 3 insatser",
    "Andel ungdomar som fått 2 erbjudanden om sommarjobb",
    "Sjukfrånvaro högst 5 dagar per anställd",
])
def test_find_period_needs_the_abbreviation_to_be_a_word(text):
    assert find_period(text) is None


# text clean-up -------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, clean", [
    ("<b>Analys</b>", "Analys"),
    ("<p>Analys</p> <p>Andelen har minskat.</p>", "Analys Andelen har minskat."),
    ("**Antalet hushåll ska minska**", "Antalet hushåll ska minska"),
    ("### **KF:s inriktningsmål: 1. Ett Stockholm som håller samman**", "KF:s inriktningsmål: 1. Ett Stockholm som håller samman"),
    ("1.2 <i>Invånare i Stockholm är självförsörjande</i>", "1.2 Invånare i Stockholm är självförsörjande"),
    ("Våld, alkohol- &amp; drogbruk", "Våld, alkohol- & drogbruk"),
    ("Ar\u00adbets\u00adsätt", "Arbetssätt"),
    ("*Kursiv text* i stycket", "Kursiv text i stycket"),
    ("5 * 3 = 15", "5 * 3 = 15"),
    ("Hämta <span class=\"x\">mer</span>  text", "Hämta mer text"),
    ("värde < 5 % och > 2 %", "värde < 5 % och > 2 %"),
])
def test_strip_markup_examples(raw, clean):
    assert strip_markup(raw) == clean


@pytest.mark.parametrize("raw", ["***Analys***", "***Analys", "__*Analys*__"])
def test_strip_markup_bold_italic(raw):
    assert strip_markup(raw) == "Analys"


def test_strip_markup_keeps_paragraph_breaks_when_asked():
    assert strip_markup("<p>Analys</p> <p>Enkät görs  en gång per år.</p>", keep_paragraphs=True) == \
        "Analys\nEnkät görs en gång per år."
    assert strip_markup("Kungsholmen: 0,25 %<br>Norrmalm: 0,26 %", keep_paragraphs=True) == \
        "Kungsholmen: 0,25 %\nNorrmalm: 0,26 %"


MARKUP_TOKENS = ["<b>", "</b>", "<p>", "</p>", "<i>", "</i>", "<br/>", "<br>", '<span class="x">', "</span>",
                 "**", "*", "__", "&amp;", "&nbsp;", "\u00ad", " < ", " > ", " ", "  ", "\n", "\t", "\u00a0",
                 "Analys", "Nämndmål:", "1.2", "ska", "öka", "%", "5", ",", "."]


@st.composite
def marked_up_text(draw):
    heading = draw(st.sampled_from(["", "# ", "### ", "###### "]))
    return heading + "".join(draw(st.lists(st.sampled_from(MARKUP_TOKENS), max_size=25)))


@FAST
@given(marked_up_text(), st.booleans())
def test_strip_markup_is_idempotent_and_leaves_no_markup(text, keep):
    # Stacked emphasis markers (bold italic: "***", "__*") are the known gap held by
    # test_strip_markup_bold_italic; tags and soft hyphens vanish first, so look through them.
    bare = regex.sub(r"<[^>]*>|\u00ad|&shy;", "", text)
    assume(not regex.search(r"[*_]{3,}", bare))
    once = strip_markup(text, keep_paragraphs=keep)
    assert strip_markup(once, keep_paragraphs=keep) == once
    assert "**" not in once
    assert "__" not in once
    assert "&amp;" not in once and "&nbsp;" not in once
    for tag in ("<b>", "</b>", "<p>", "</p>", "<i>", "<br", "<span", "</span>"):
        assert tag not in once
    if not keep:
        assert "\n" not in once and "  " not in once


@pytest.mark.parametrize("raw, clean", [
    ("● Uppfylls helt", "Uppfylls helt"),
    (" ♀ Andel barn och ungdomar", "Andel barn och ungdomar"),
    ("Andel medarbetare som har ett arbetsmiljöombud ♀", "Andel medarbetare som har ett arbetsmiljöombud"),
    ("— Ingen", "Ingen"),
    ("◆ Uppfylls delvis", "Uppfylls delvis"),
    ("✓ Åtgärda arbetsplatsens otillgänglighet", "Åtgärda arbetsplatsens otillgänglighet"),
    ("\uf0b7 Text", "Text"),
    ("Kvinnor ● och män", "Kvinnor ● och män"),
    ("■", ""),
])
def test_strip_markers_examples(raw, clean):
    assert strip_markers(raw) == clean


@pytest.mark.parametrize("raw, clean", [
    ("  Andel\u00a0barn \t i\u202ffamiljer\n", "Andel barn i familjer"),
    ("", ""),
    ("Ett", "Ett"),
])
def test_collapse_examples(raw, clean):
    assert collapse(raw) == clean


@FAST
@given(st.text(alphabet=st.sampled_from(list(" \t\n\u00a0\u202f\u2009\u3000abcå1.")), max_size=40))
def test_collapse_is_idempotent_and_leaves_single_spaces(text):
    once = collapse(text)
    assert collapse(once) == once
    assert "  " not in once
    assert once == once.strip()
    assert not any(ch.isspace() and ch != " " for ch in once)
    assert once.replace(" ", "") == "".join(text.split())


@pytest.mark.parametrize("raw, key", [
    ("Perio dens utfall", "periodensutfall"),
    ("Utfall kvinn or/ flickor", "utfallkvinnor/flickor"),
    ("KF:s årsmål", "kf:sårsmål"),
    (" Progno s\u00a0helår", "prognoshelår"),
])
def test_squash_examples(raw, key):
    assert squash(raw) == key


@FAST
@given(st.text(alphabet=SWEDISH_LETTERS + ":/ ", max_size=30), st.data())
def test_squash_ignores_where_spaces_fall(text, data):
    cuts = data.draw(st.lists(st.integers(0, len(text)), max_size=4))
    spaced = text
    for cut in sorted(cuts, reverse=True):
        spaced = spaced[:cut] + " " + spaced[cut:]
    assert squash(spaced) == squash(text)
    assert not any(ch.isspace() for ch in squash(text))


@pytest.mark.parametrize("name, key", [
    ("● Andel personer beroende av ekonomiskt bistånd i förhållande till befolkningen",
     "andel personer beroende av ekonomiskt bistånd i förhållande till befolkningen"),
    ("Elförbrukning (alla nämnder/bolag)", "elförbrukning"),
    ("Andel av verksamheter som har ett systematiskt arbete för effektiva resor (alla nämnder)",
     "andel av verksamheter som har ett systematiskt arbete för effektiva resor"),
    (" ♀ Andel barn/ungdomar under 18 år.", "andel barn/ungdomar under 18 år"),
    ("Elförbrukning per kvadratmeter, kWh/kvm", "elförbrukning per kvadratmeter kwh/kvm"),
    ("Andel  tjänsteutlåtanden  som innehåller en jämställdhetsanalys ♀",
     "andel tjänsteutlåtanden som innehåller en jämställdhetsanalys"),
])
def test_indicator_key_examples(name, key):
    assert indicator_key(name) == key


def test_indicator_key_joins_the_same_indicator_across_reports():
    assert indicator_key("Antal ungdomar som fått sommarjobb i stadens regi") == \
        indicator_key("  ANTAL UNGDOMAR SOM FÅTT SOMMARJOBB I STADENS REGI.")
    assert indicator_key("Antal ungdomar som fått sommarjobb") != indicator_key("Antal ungdomar som fått praktik")


INDICATOR_NAME = st.text(alphabet=SWEDISH_LETTERS + "0123456789 %/,.-()", min_size=1, max_size=40)


@FAST
@given(INDICATOR_NAME)
def test_indicator_key_is_idempotent(name):
    key = indicator_key(name)
    assert indicator_key(key) == key


@FAST
@given(INDICATOR_NAME, st.sampled_from(MARKERS), st.sampled_from(MARKERS),
       st.sampled_from(THOUSANDS_SEPARATORS + ["\t", "  "]))
def test_indicator_key_ignores_case_markers_and_whitespace(name, lead, trail, space):
    key = indicator_key(name)
    assert indicator_key(name.upper()) == key
    assert indicator_key(name.lower()) == key
    assert indicator_key(f"{lead} {name} {trail}") == key
    assert indicator_key(f" {lead}{name}") == key
    assert indicator_key(name.replace(" ", space)) == key
    assert key == key.strip() and "  " not in key and key == key.casefold()


@pytest.mark.parametrize("text, lower", [
    ("sommarjobb i stadens regi", True),
    ("medarbetarenkäten samt ta fram handlingsplaner", True),
    ("● medarbetarenkäten", True),
    ("(och mer) text", True),
    ("samhandläggningen inom socialtjänsten", True),
    ("Sjukfrånvaro", False),
    ("Kommentar", False),
    ("2018 års mål", False),
    ("65 år och äldre", False),
    ("", False),
    ("● ", False),
    ("Öka", False),
    ("åtgärder", True),
])
def test_first_letter_is_lower(text, lower):
    assert first_letter_is_lower(text) is lower


@FAST
@given(st.text(alphabet=st.sampled_from(list(" \t\n\r\x1c\x85\u00a0\u1680\u2028\u202f\u2009\u3000\u200babcå1.")), max_size=40)
       | st.text(max_size=40))
def test_collapse_gives_the_split_and_join_of_its_text(text):
    # The fast path for text that is collapsed already must agree with splitting and joining.
    assert collapse(text) == " ".join(text.split())


_MARKED = st.text(alphabet=st.sampled_from(list(" \t\n\u00a0\u2009\u3000\x1c\x85●■◆✓♀\u2014\uf0b7\ue000aå1.")), max_size=30)


@FAST
@given(_MARKED | st.text(max_size=30))
def test_strip_markers_strips_what_the_marker_class_matches_at_either_end(text):
    # The spec of strip_markers: a run of white space (`\s` of regex) and markers at each end.
    leading = regex.sub(rf"^[\s{MARKER_CHARS}]+", "", text)
    assert strip_markers(text) == regex.sub(rf"[\s{MARKER_CHARS}]+$", "", leading)


def test_strip_markers_strips_every_code_point_the_marker_class_matches_and_no_other():
    # The set behind strip_markers is built without a regex match a code point; over all of
    # Unicode it must still hold exactly what `[\s<markers>]` of regex matches, one character alone.
    one = regex.compile(rf"[\s{MARKER_CHARS}]")
    code_points = [chr(c) for c in range(sys.maxunicode + 1)]
    expected = {c for c in code_points if one.fullmatch(c)}
    assert {c for c in code_points if strip_markers(c) == ""} == expected
    assert {c for c in code_points if strip_markers(f"x{c}") == "x" and strip_markers(f"{c}x") == "x"} == expected


# strip_markup's white space, as the patterns had it ----------------------------------------

_INLINE_SPACE = regex.compile(r"[^\S\n]+")
_NEWLINES = regex.compile(r"\s*\n\s*")
# Every white space of `regex`'s \s, and what str.isspace counts as white space besides (\x1c-\x1f).
SPACES = ["\n", " ", "  ", "\t", "\r", "\x0b", "\x0c", "\x85", "\u00a0", "\u1680", "\u2003", "\u2028", "\u2029",
          "\u202f", "\u205f", "\u3000", "\x1c", "\x1f", "<p>", "</p>", "<br>", "a", "ö", "Analys", "5 %", "\u00ad"]


def _paragraphs_by_the_patterns(text: str) -> str:
    """strip_markup(text, keep_paragraphs=True) as it was written with two patterns, for text
    without entities, emphasis or heading hashes."""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    text = _ANY_TAG.sub("", _BREAK_TAGS.sub("\n", text))
    return _NEWLINES.sub("\n", _INLINE_SPACE.sub(" ", text)).strip()


def test_every_white_space_but_a_space_is_not_printable():
    # What lets strip_markup halve runs of " " where a cell holds no other character that is
    # not printable: every other white space of regex's \s is not printable.
    spaces = regex.findall(r"\s", "".join(map(chr, range(sys.maxunicode + 1))))
    assert spaces and all(not c.isprintable() for c in spaces if c != " ")


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(SPACES), max_size=30))
def test_strip_markup_keeps_paragraphs_as_its_patterns_did(tokens):
    text = "".join(tokens)
    assert strip_markup(text, keep_paragraphs=True) == _paragraphs_by_the_patterns(text)
