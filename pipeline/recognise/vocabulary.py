"""Every label and header spelling the report templates have used, in one place.

What changes from one template year to the next is kept here as data, not spread through
the recogniser as code: a new spelling is a new line in a table below. Patterns are matched
case-insensitively; the `*_COLUMNS` patterns are matched against the header cell with all
whitespace removed and case folded (normalizers.text.squash), so converter splits such as
"kvinn or", "Perio dens" or "Progno s" need no entries of their own.
"""
from __future__ import annotations

import regex

# Goal levels, outermost first. The label precedes the goal's title on the same line
# ("Nämndmål: Vuxna ...") or stands alone with the title on the next line; a number may follow
# the label ("KF:s INRIKTNINGSMÅL 1:").
GOAL_LEVELS: tuple[tuple[str, str], ...] = (
    ("inriktningsmål", r"(?:kf:s\s+|kommunfullmäktiges\s+)?inriktningsmål"),
    ("verksamhetsområdesmål", r"(?:kf:s\s+|kommunfullmäktiges\s+)?mål\s+för\s+verksamhetsområdet?"),
    ("nämndmål", r"nämndmål|nämndens\s+mål|stadsdelsnämndens\s+mål"),
    ("åtagande", r"(?:nämndens\s+|enhetens\s+)?åtagande"),
    ("enhetsmål", r"enhetsmål|enhetens\s+mål"),
)
# Depth of each level in the hierarchy; åtagande and enhetsmål are alternatives at one depth.
GOAL_RANK: dict[str, int] = {
    "inriktningsmål": 0, "verksamhetsområdesmål": 1, "nämndmål": 2, "åtagande": 3, "enhetsmål": 3,
}

# A status line under a goal, whole line, after an optional lead-in ("Bedömning:"); None as
# assessment means "no assessment" ("Ingen").
ASSESSMENT_LEAD = r"(?:(?:bedömning|måluppfyllelse|status)\s*:?\s*)?"
ASSESSMENTS: tuple[tuple[str, str | None], ...] = (
    (r"(?:målet\s+)?uppfylls\s+helt|helt\s+uppfyllt|(?:målet\s+)?uppnås\s+helt|uppfyllt|uppnått", "helt"),
    (r"(?:målet\s+)?uppfylls\s+delvis|delvis\s+uppfyllt|(?:målet\s+)?uppnås\s+delvis|delvis", "delvis"),
    (r"(?:målet\s+)?uppfylls\s+(?:ej|inte)|(?:ej|inte)\s+uppfyllt|(?:målet\s+)?uppnås\s+(?:ej|inte)|"
     r"ej\s+uppnått", "ej"),
    (r"ingen(?:\s+bedömning)?|ej\s+bedömt|bedöms\s+ej", None),
)

# Sub-headings inside a goal. Those mapped to a field collect the text under them; those
# mapped to None close the previous field (their text belongs to no SPEC column).
GOAL_SECTIONS: tuple[tuple[str, str | None], ...] = (
    (r"beskrivning", "description"),
    (r"förväntat\s+resultat|förväntade\s+resultat", "expected_result"),
    (r"analys|kommentar|kommentarer|måluppfyllelse|bedömning", "analysis"),
    (r"arbets?sätt|resursanvändning|uppföljning|utveckling|aktiviteter|indikatorer", None),
)

# A table's kind from its first header cell.
TABLE_KINDS: tuple[tuple[str, str], ...] = (
    ("indicator", r"(?:kf:?s|kfs|nämndens|enhetens|stadsdelsnämndens|verksamhetens|förvaltningens)?indikator(?:er|n)?"),
    ("activity", r"(?:kf:?s|kfs|nämndens|enhetens|stadsdelsnämndens|verksamhetens|förvaltningens)?aktivitet(?:er|en)?"),
)

# Indicator table columns, first match wins: the order matters ("Periodens utfall VB 2012"
# is the previous outcome, "Periodens utfall" the outcome; "KF:s årsmål" before "Årsmål").
_PREVIOUS = r"(?:vb|vp|t[123]|tertial\d?|delår|bokslut|helår|år)?(?:19|20)\d\d"
INDICATOR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("outcome_men", r"(?:periodens)?utfall(?:för)?(?:män|pojkar)|^(?:män|pojkar)"),
    ("outcome_women", r"(?:periodens)?utfall(?:för)?(?:kvinnor|flickor)|^(?:kvinnor|flickor)"),
    ("previous_outcome", rf"utfall.*{_PREVIOUS}|^föregående|^fg\.?(?:år|period)|^jämförelse"),
    ("outcome", r"^(?:periodens)?utfall|^resultat|^värde"),
    ("forecast", r"^progno"),
    ("kf_target", r"^kf:?s(?:års)?mål|^kfsmål|^kf-mål|^kf:?s"),
    ("target", r"^(?:nämndens|enhetens|stadsdelsnämndens)?[åa]rsmål|^mål(?:värde)?$|^målnivå"),
    ("frequency", r"^periodicitet|^frekvens|^mätfrekvens"),
    ("period", r"^(?:mät)?period"),
    ("comment", r"^kommentar|^analys"),
)
INDICATOR_NUMBERS = ("outcome", "outcome_men", "outcome_women", "previous_outcome", "forecast",
                     "target", "kf_target")

ACTIVITY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("start", r"^start(?:datum)?|^från(?:datum)?|^påbörja"),
    ("end", r"^slut(?:datum)?|^till(?:datum)?|^klar"),
    ("deviation", r"^avvikelse"),
    ("comment", r"^kommentar|^analys"),
)

# Words a name is never cut after unless it goes on in the next row.
CONTINUING_WORDS = frozenset(
    "som och eller för av i till med att på om från under över vid mot per de den det en ett samt "
    "inom utan efter enligt mellan genom kring hos inför än".split())

# A row of an indicator or activity table that carries the comment for the row above it.
COMMENT_LABEL = regex.compile(r"^\s*(?:kommentar|analys)(?:er)?\b\s*:?\s*", regex.IGNORECASE)

# Financial tables: a header naming one of these (and numbers in the body).
BUDGET_HEADER = regex.compile(
    r"budget|utfall|prognos|avvikelse|kostnad|intäkt|netto|bokslut|förbrukn|anslag|förslag|"
    r"förändr|justering|justerad|belopp|mnkr|mkr|tkr|\bkr\b|omslutning|resultaträkning",
    regex.IGNORECASE)


REPORT_TYPES: tuple[tuple[str, str], ...] = (
    ("verksamhetsberättelse", r"verksamhetsberättelse|årsberättelse"),
    ("verksamhetsplan", r"verksamhetsplan"),
    ("tertialrapport", r"tertialrapport|tertialuppföljning"),
    ("delårsrapport", r"delårsrapport|delårsbokslut"),
)

# Headings that end the letterhead at the top of a report.
FRONT_MATTER_END = regex.compile(
    r"^(?:innehållsförteckning|innehåll|förslag\s+till\s+beslut|sammanfattande\s+analys|sammanfattning|"
    r"inledning|uppföljning\s+av\s+kommunfullmäktiges)\b", regex.IGNORECASE)
TOC_HEADING = regex.compile(r"^(?:innehållsförteckning|innehåll)$", regex.IGNORECASE)
# A table-of-contents entry ends in a page number or Word's broken-bookmark text.
TOC_PAGE = regex.compile(r"^(?:\d{1,3}|error!\s*bookmark\s+not\s+defined\.?|fel!\s*bokmärket.*)$",
                         regex.IGNORECASE)
TOC_LEADERS = regex.compile(r"(?:\s*\.{2,}\s*|\s*…+\s*)$")
