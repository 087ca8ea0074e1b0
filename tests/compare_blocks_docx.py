"""How far two readings of the same report agree, block by block.

Used to hold the DOCX (and HTML) readers to the text reader: a fixture made from a seed must give
the same paragraphs and the same table cells as the seed text itself.

Paragraph texts are aligned as sequences; table rows of all tables are aligned as one sequence,
and rows paired up in a changed stretch are compared cell by cell, so one wrong cell costs one
cell, not a row. Known, accepted differences are normalised away before comparing:
- the DOCX drops columns that are empty in every row at a table's right edge, so trailing empty
  cells are ignored;
- a TOC title in the text ends in dot leaders ("Title .....") that Word draws as a tab leader.

Run as a script for a report per fixture: `.venv/bin/python tests/compare_blocks_docx.py`.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import regex

from parsers.blocks import Block, Paragraph, Table

from paths import FIXTURES, SEEDS
DOCX_STEMS = ["000_05871d331dd0cb08", "001_0037d1aa6ba7bc46", "004_522f212c0b3259a2"]

_DOT_LEADER = regex.compile(r"\s*\.{3,}$")


@dataclass
class Agreement:
    paragraphs_expected: int = 0
    paragraphs_actual: int = 0
    paragraphs_matched: int = 0
    cells_expected: int = 0  # non-empty cells of the expected tables
    cells_actual: int = 0  # non-empty cells of the actual tables: more than matched means extra text
    cells_matched: int = 0
    paragraph_misses: list[str] = field(default_factory=list)
    cell_misses: list[tuple[str, str]] = field(default_factory=list)  # (expected, actual)

    @property
    def paragraph_ratio(self) -> float:
        return self.paragraphs_matched / self.paragraphs_expected if self.paragraphs_expected else 1.0

    @property
    def cell_ratio(self) -> float:
        return self.cells_matched / self.cells_expected if self.cells_expected else 1.0

    def summary(self) -> str:
        return (f"paragraphs {self.paragraphs_matched}/{self.paragraphs_expected} matched "
                f"({self.paragraph_ratio:.2%}, {self.paragraphs_actual} read), "
                f"cells {self.cells_matched}/{self.cells_expected} matched "
                f"({self.cell_ratio:.2%}, {self.cells_actual} read)")


def _row_key(cells: list[str]) -> tuple[str, ...]:
    cells = [_DOT_LEADER.sub("", cell) for cell in cells]
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells)


def _rows(blocks: list[Block]) -> list[tuple[str, ...]]:
    return [_row_key(row.cells) for block in blocks if isinstance(block, Table) for row in block.rows]


def _paragraphs(blocks: list[Block]) -> list[str]:
    return [block.text for block in blocks if isinstance(block, Paragraph)]


def compare(expected: list[Block], actual: list[Block]) -> Agreement:
    result = Agreement()
    want, got = _paragraphs(expected), _paragraphs(actual)
    result.paragraphs_expected, result.paragraphs_actual = len(want), len(got)
    for tag, i1, i2, _, _ in SequenceMatcher(None, want, got, autojunk=False).get_opcodes():
        if tag == "equal":
            result.paragraphs_matched += i2 - i1
        else:
            result.paragraph_misses.extend(want[i1:i2])
    want_rows, got_rows = _rows(expected), _rows(actual)
    result.cells_actual = sum(1 for row in got_rows for cell in row if cell)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, want_rows, got_rows, autojunk=False).get_opcodes():
        for k, row in enumerate(want_rows[i1:i2]):
            other = got_rows[j1 + k] if j1 + k < j2 else ()
            for index, cell in enumerate(row):
                if not cell:
                    continue
                result.cells_expected += 1
                found = other[index] if index < len(other) else ""
                if cell == found:
                    result.cells_matched += 1
                else:
                    result.cell_misses.append((cell, found))
    return result


def table_count(blocks: list[Block]) -> int:
    return sum(isinstance(block, Table) for block in blocks)


def assert_same_content(expected: list[Block], actual: list[Block]) -> None:
    """As many tables, and every paragraph and cell of `expected` found in `actual`, in order."""
    assert table_count(actual) == table_count(expected)
    agreement = compare(expected, actual)
    assert agreement.paragraph_ratio == 1.0, agreement.paragraph_misses[:5]
    assert agreement.cell_ratio == 1.0, agreement.cell_misses[:5]


def main() -> int:
    from parsers.docx import read_docx
    from parsers.text import read_text

    for stem in DOCX_STEMS:
        expected = read_text(SEEDS / f"{stem}.txt").blocks
        actual = read_docx(FIXTURES / f"{stem}.docx").blocks
        agreement = compare(expected, actual)
        print(f"{stem}: tables text={table_count(expected)} docx={table_count(actual)}; {agreement.summary()}")
        for text in agreement.paragraph_misses[:20]:
            print(f"   paragraph missing: {text[:110]!r}")
        for want, got in agreement.cell_misses[:20]:
            print(f"   cell {want[:60]!r} != {got[:60]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
