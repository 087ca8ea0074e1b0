"""A Word file saved with tracked changes left in reads as Word shows it with the changes made:
inserted text in, deleted text out, and moved text once, at the place it was moved to."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml

from parsers.blocks import Paragraph
from parsers.docx import read_docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CHANGE = 'w:id="{}" w:author="Handläggare" w:date="2014-01-20T10:00:00Z"'


def _paragraph(inner: str) -> object:
    return parse_xml(f"<w:p {W}>{inner}</w:p>")


def test_tracked_insertions_deletions_and_moves_read_as_accepted(tmp_path: Path) -> None:
    document = docx.Document()
    body = document.element.body
    for inner in [
        "<w:r><w:t>Nämndmål: Alla barn har en </w:t></w:r>"
        f"<w:del {CHANGE.format(1)}><w:r><w:delText>otrygg</w:delText></w:r></w:del>"
        f"<w:ins {CHANGE.format(2)}><w:r><w:t>trygg</w:t></w:r></w:ins><w:r><w:t> uppväxt</w:t></w:r>",
        f'<w:moveFrom {CHANGE.format(3)}><w:r><w:t>Andel barn i familjer med ekonomiskt bistånd</w:t></w:r></w:moveFrom>',
        "<w:r><w:t>Åtagande: Barnen får stöd</w:t></w:r>",
        f'<w:moveTo {CHANGE.format(4)}><w:r><w:t>Andel barn i familjer med ekonomiskt bistånd</w:t></w:r></w:moveTo>',
    ]:
        body.insert(len(body) - 1, _paragraph(inner))  # before the section properties
    path = tmp_path / "spårade.docx"
    document.save(str(path))
    texts = [b.text for b in read_docx(path).blocks if isinstance(b, Paragraph)]
    assert texts == ["Nämndmål: Alla barn har en trygg uppväxt", "Åtagande: Barnen får stöd",
                     "Andel barn i familjer med ekonomiskt bistånd"]


def test_a_table_row_deleted_with_its_changes_tracked_is_left_out(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(table.rows, [("Kostnader", "Budget"), ("Personal", "-12,0"), ("Lokaler", "-3,1")]):
        row.cells[0].text, row.cells[1].text = label, value
    table.rows[1]._tr.get_or_add_trPr().append(parse_xml(f"<w:del {W} {CHANGE.format(5)}/>"))
    path = tmp_path / "rad.docx"
    document.save(str(path))
    (read_back,) = [b for b in read_docx(path).blocks if not isinstance(b, Paragraph)]
    assert [row.cells for row in read_back.rows] == [["Kostnader", "Budget"], ["Lokaler", "-3,1"]]
