"""Swedish numbers, units and targets as printed in the reports' cells.

"1 400 st", "0,45 %", "−15,7", "118,", "max 6 %", "+/- 1 %", "3 500 000 kWh", "55,5 kWh/kvm",
"minska", "tas fram av nämnden": the raw text is kept by the caller; these functions only read it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from normalizers.text import collapse, strip_markers, strip_markup

# Printed unit -> unit in the dataset. Money in millions has three spellings in the archives.
UNIT_ALIASES: dict[str, str] = {
    "%": "%", "procent": "%", "st": "st", "st.": "st", "stycken": "st",
    "kr": "kr", "kronor": "kr", "tkr": "tkr", "tusen kr": "tkr", "tusen kronor": "tkr",
    "mnkr": "mnkr", "mkr": "mnkr", "mn kr": "mnkr", "milj kr": "mnkr", "milj. kr": "mnkr",
    "miljoner kr": "mnkr", "miljoner kronor": "mnkr",
    "mdkr": "mdkr", "miljarder kr": "mdkr", "miljarder kronor": "mdkr",
    "kwh": "kWh", "kwh/kvm": "kWh/kvm", "kwh/m2": "kWh/kvm", "kwh/m²": "kWh/kvm", "mwh": "MWh",
    "dagar": "dagar", "dag": "dagar", "dygn": "dygn", "timmar": "timmar", "tim": "timmar",
    "veckor": "veckor", "månader": "månader", "år": "år", "personer": "personer", "pers": "personer",
    "hushåll": "hushåll", "index": "index", "poäng": "poäng", "ton": "ton", "kg": "kg",
}
SEK_PER_UNIT = {"kr": 1.0, "tkr": 1e3, "mnkr": 1e6, "mdkr": 1e9}

# Words that put a bound or a tolerance on a target instead of being part of the number.
COMPARATORS: dict[str, str] = {
    "max": "max", "högst": "max", "maximalt": "max", "under": "max", "<": "max", "≤": "max", "<=": "max",
    "min": "min", "minst": "min", "lägst": "min", "över": "min", ">": "min", "≥": "min", ">=": "min",
    "+/-": "±", "±": "±", "+-": "±", "ca": "ca", "cirka": "ca", "ungefär": "ca",
}
# Targets stated as a direction instead of a number.
DIRECTIONS: dict[str, str] = {
    "minska": "minska", "minskar": "minska", "minskning": "minska", "lägre": "minska",
    "öka": "öka", "ökar": "öka", "ökning": "öka", "högre": "öka",
    "bibehålla": "bibehålla", "oförändrat": "bibehålla", "oförändrad": "bibehålla",
}

# The grammar of a printed number, one copy for every reader: `parse_quantity` reads it, and
# the OCR reader builds its patterns for noisy cells from it. A sign (a hyphen or any of the
# minus signs and dashes that stand for one), digits in groups of three parted by a space of
# any width, or not grouped, and decimals after a comma (or a point).
MINUS_SIGNS = "-\u2212\u2013\u2012\ufe63\uff0d"
SIGN = f"[{MINUS_SIGNS}+]"  # the hyphen first, where it is no range
THOUSANDS_SEPARATORS = "[ \u00a0\u202f\u2009]"
INTEGER = rf"\d{{1,3}}(?:{THOUSANDS_SEPARATORS}\d{{3}})+|\d+"
NUMBER = rf"{SIGN}?(?:{INTEGER})(?:[,.]\d+)?"

_MINUS = str.maketrans({sign: "-" for sign in MINUS_SIGNS[1:]})
_NUMBER = regex.compile(rf"(?P<sign>[+-])?\s*(?P<int>{INTEGER})?(?:(?P<sep>[,.])(?P<frac>\d*))?")
_COMPARATOR = regex.compile(
    r"^(?P<cmp>\+/-|\+-|±|<=|>=|[<>≤≥]|(?:max|högst|maximalt|under|min|minst|lägst|över|ca|cirka|ungefär)\b\.?)\s*",
    regex.IGNORECASE)
_UNGROUPED = str.maketrans(dict.fromkeys(THOUSANDS_SEPARATORS.strip("[]")))
_SPACES = regex.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Quantity:
    """What a cell says: a number with its unit, or a bound, or a direction, or nothing numeric."""

    value: float | None
    unit: str | None = None
    comparator: str | None = None  # max | min | ± | ca
    direction: str | None = None  # minska | öka | bibehålla


NOTHING = Quantity(None)


def normalize_unit(text: str) -> str | None:
    """The dataset's spelling of a printed unit, or None if it is not a unit."""
    key = collapse(text).casefold().strip(" ()")
    return UNIT_ALIASES.get(key) or UNIT_ALIASES.get(key.rstrip("."))


def _number(text: str) -> tuple[float, str] | None:
    """A whole-number reading of the start of text, and the rest; None if it does not start with one."""
    match = _NUMBER.match(text)
    if not match:
        return None
    sign, digits, sep, frac = match.groups()  # one call: each group by name costs as much
    if not (digits or frac):
        return None
    # The integer part holds digits and the thousands separators only.
    integer = digits.translate(_UNGROUPED) if digits else "0"
    frac = frac or ""
    if sep == "." and len(frac) == 3 and digits:
        integer, frac = integer + frac, ""  # "1.400": a dot as thousands separator
    value = float(f"{integer}.{frac or 0}")
    if sign == "-":
        value = -value
    return value, text[match.end():]


# A cell is read where it is tested as a number and again where its value is taken, and the
# same cells ("", "%", "100 %", "minska") recur: a Quantity is frozen, so one can be shared.
@lru_cache(maxsize=16384)
def parse_quantity(raw: str | None) -> Quantity:
    """Read a cell such as "1 400 st", "0,45 %", "−15,7", "118,", "max 6 %", "minska".

    A cell that holds anything besides a bound word, one number and a unit ("tas fram 2010",
    "10-15 %", "Halvår 1 2018") has no value: a number is only taken when the cell is one.
    """
    if raw is None:
        return NOTHING
    text = strip_markers(strip_markup(raw))
    if not text.isascii():  # every minus sign but the hyphen is outside ASCII
        text = text.translate(_MINUS)
    if not text:
        return NOTHING
    folded = text.casefold().rstrip(".")
    if folded in DIRECTIONS:
        return Quantity(None, direction=DIRECTIONS[folded])
    comparator = None
    match = _COMPARATOR.match(text)
    if match:
        comparator = COMPARATORS[match.group("cmp").casefold().rstrip(".")]
        text = text[match.end():]
    reading = _number(text.strip())
    if reading is None:
        return NOTHING
    value, rest = reading
    rest = rest.strip()
    unit = None
    if rest:
        unit = normalize_unit(rest)
        if unit is None:
            return NOTHING
    return Quantity(value, unit, comparator)


_FRACTION = regex.compile(r"([,.])(\d+)\D*$")


# Printed numbers recur within and across reports ("0", "0,0", "100"): pure, so cached (bounded).
@lru_cache(maxsize=4096)
def half_unit(raw: str | None) -> float:
    """Half a unit of the last printed digit: "1 632,7" -> 0.05, "118," -> 0.5, "1.400" -> 0.5."""
    match = _FRACTION.search(raw or "")
    if not match or (match.group(1) == "." and len(match.group(2)) == 3):
        return 0.5
    return 0.5 * 10.0 ** -len(match.group(2))


def to_sek(value: float | None, unit: str | None) -> float | None:
    if value is None or unit not in SEK_PER_UNIT:
        return None
    return value * SEK_PER_UNIT[unit]


# Every printed spelling of a money unit, longest first so "tusen kr" wins over "kr".
_MONEY_SPELLINGS = sorted((k for k, v in UNIT_ALIASES.items() if v in SEK_PER_UNIT), key=len, reverse=True)
_UNIT_IN_TEXT = regex.compile(
    r"(?<![\w])(" + "|".join(regex.escape(k).replace(r"\ ", r"\s*") for k in _MONEY_SPELLINGS) + r")(?![\w])",
    regex.IGNORECASE)


def money_unit_in(text: str) -> str | None:
    """The first money unit a caption or sentence states ("(mkr)", "Alla belopp är i miljoner kr")."""
    match = _UNIT_IN_TEXT.search(text)
    return normalize_unit(_SPACES.sub(" ", match.group(1))) if match else None
