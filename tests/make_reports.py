"""Reports in the layouts other municipalities' archives hold (issue 8), built with python-docx at
test time: a planning-system export whose goals are rows of tables ("Nämndmål | Bedömning |
Kommentar", "Verksamhetsmål | Status") with the assessment drawn as a coloured circle image or
written, activity tables with Status (shaded cells) and Färdiggrad, indicator tables named "Mått"
and "Indikator/nyckeltal", a letterhead of "Organisation:" / "Rapportperiod:" / "Handling" lines,
numbered section headings that are no goals; a cover whose largest type is the title and whose
year stands on a line of its own; and a file that prints nothing of itself but has core properties.
`EXPECTED` is what each layout states, read off the builders by hand."""
from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from PIL import Image, ImageDraw

COLOURS = {"green": (0, 176, 80), "yellow": (255, 192, 0), "red": (230, 0, 0)}
FILLS = {"green": "00B050", "yellow": "FFC000", "red": "FF0000"}


def circle_png(colour: str) -> bytes:
    """A traffic-light circle as Stratsys draws it: one colour on a transparent square."""
    image = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((3, 3, 36, 36), fill=COLOURS[colour])
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _fill(cell: Any, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), FILLS[colour])
    cell._tc.get_or_add_tcPr().append(shading)


def _table(document: Any, rows: list[list[str]]) -> Any:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    return table


def goal_table_report(path: Path) -> Path:
    """The planning-system export: goals in tables, symbols, activities with Status and Färdiggrad."""
    document = docx.Document()
    document.add_paragraph("Organisation: Kultur- och fritidsnämnden")
    document.add_paragraph("Delårsrapport mars 2026", style="Title")
    document.add_paragraph("Rapportperiod: 2026-03-31")
    document.add_paragraph("Handling 2026 nr 67")
    document.add_heading("1. Inledning", 1)
    document.add_paragraph("Nämnden följer upp sina mål tre gånger om året.")
    document.add_heading("2. Verksamhet", 1)
    document.add_heading("2.1 Verksamhetens utveckling", 2)
    document.add_paragraph("Besöken i biblioteken ökade under perioden.")
    document.add_heading("2.3 Ekonomisk uppföljning", 2)
    document.add_paragraph("Prognosen för helåret är ett nollresultat.")
    document.add_heading("3. Måluppfyllelse", 1)

    goals = _table(document, [["Nämndmål", "Bedömning", "Kommentar"],
                              ["Fler barn och unga deltar i kulturlivet", "", "Deltagandet ökade med 12 procent."],
                              ["Kommentar: Målet följs upp i augusti.", "", ""]])
    goals.cell(1, 1).paragraphs[0].add_run().add_picture(io.BytesIO(circle_png("green")), width=Cm(0.5))
    activities = _table(document, [["Aktivitet", "Status", "Färdiggrad"],
                                   ["Sommarlovsprogram i alla stadsdelar", "", "75 %"],
                                   ["Ny webbplats för evenemang", "", "20 %"]])
    _fill(activities.cell(1, 1), "green")
    _fill(activities.cell(2, 1), "red")
    document.add_paragraph("")

    unit_goals = _table(document, [["Verksamhetsmål", "Status"],
                                   ["Biblioteken har öppet fler timmar", "Delvis uppfyllt"],
                                   ["Simhallen har jämn beläggning", ""]])
    unit_goals.cell(2, 1).paragraphs[0].add_run().add_picture(io.BytesIO(circle_png("red")), width=Cm(0.5))
    _table(document, [["Aktivitet", "Status", "Färdiggrad"],
                      ["Utökade öppettider på lördagar", "Pågår", "50 %"]])
    document.add_paragraph("Mått och nyckeltal")
    _table(document, [["Mått", "Utfall perioden jämfört med samma period föregående år", "Prognos helår"],
                      ["Antal besök i biblioteken", "1 250 000", "5 000 000"]])
    document.add_paragraph("")
    _table(document, [["Indikator/nyckeltal", "Utfall helår", "Målvärde", "Trend"],
                      ["Andel nöjda besökare", "87 %", "90 %", "Ökande"]])
    document.core_properties.title = "Mall för delårsrapport"
    document.save(str(path))
    return path


def cover_report(path: Path) -> Path:
    """A cover in large type: the report type alone, the year on a line of its own below it."""
    document = docx.Document()
    document.add_paragraph("Årsredovisning", style="Title")
    document.add_heading("Tekniska nämnden 2025", 2)
    document.add_paragraph("Innehållsförteckning")
    document.add_paragraph("Nämnden redovisar årets verksamhet och ekonomi.")
    document.core_properties.title = "Dokument1"
    document.save(str(path))
    return path


def properties_report(path: Path) -> Path:
    """A file that prints no title or date: only its core properties say what it is."""
    document = docx.Document()
    document.add_paragraph("Nämndens budget bygger på fullmäktiges ramar.")
    document.core_properties.title = "Budget 2027"
    document.core_properties.created = dt.datetime(2026, 10, 1, 9, 0)
    document.save(str(path))
    return path


def to_pdf(docx_path: Path) -> Path:
    """The same report as LibreOffice prints it to PDF."""
    out = docx_path.parent
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx_path)],
                   check=True, capture_output=True, timeout=180,
                   env={"HOME": str(out), "PATH": "/usr/bin:/bin:/usr/local/bin"})
    return docx_path.with_suffix(".pdf")


# What each layout states (title, report_type, year, year_source, organ, dnr) and its goals
# (level, title, assessment, assessment_raw, analysis, parent's title) and activities (name,
# status, completion, goal's title), as printed above.
EXPECTED: dict[str, Any] = {
    "goal_table": {
        "metadata": ("Delårsrapport mars 2026", "delårsrapport", 2026, "title", "Kultur- och fritidsnämnden",
                     "2026 nr 67"),
        "goals": [
            ("nämndmål", "Fler barn och unga deltar i kulturlivet", "helt", "symbol: green circle",
             "Deltagandet ökade med 12 procent.\nMålet följs upp i augusti.", None),
            ("enhetsmål", "Biblioteken har öppet fler timmar", "delvis", "Delvis uppfyllt", None,
             "Fler barn och unga deltar i kulturlivet"),
            ("enhetsmål", "Simhallen har jämn beläggning", "ej", "symbol: red circle", None,
             "Fler barn och unga deltar i kulturlivet"),
        ],
        "activities": [
            ("Sommarlovsprogram i alla stadsdelar", "symbol: green shading", 75.0,
             "Fler barn och unga deltar i kulturlivet"),
            ("Ny webbplats för evenemang", "symbol: red shading", 20.0, "Fler barn och unga deltar i kulturlivet"),
            ("Utökade öppettider på lördagar", "Pågår", 50.0, "Simhallen har jämn beläggning"),
        ],
        "indicators": [("Mått", "Antal besök i biblioteken", 1250000.0, 5000000.0, None),
                       ("Indikator/nyckeltal", "Andel nöjda besökare", 87.0, None, 90.0)],
    },
    "cover": {"metadata": ("Årsredovisning", "årsredovisning", 2025, "text", None, None)},
    "properties": {"metadata": ("Budget 2027", "budget", 2027, "properties", None, None)},
}
