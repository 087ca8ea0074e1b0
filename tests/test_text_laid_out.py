"""Text laid out in columns by spaces, a page a form feed, as `pdftotext -layout` leaves a PDF:
its tables are read as tables (the PDF reader's line-free tables on the characters' columns),
and its rows placed by their lines in the file, as every text file's are. Read as plain lines,
the ruled fixtures' laid-out text gave no indicator, activity or budget row (gold 0.414)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from goldcheck import dataset_rows, score
from parsers.blocks import Row, Table
from parsers.text import read_text
from parsers.text_layout import laid_out
from paths import FIXTURES, SEEDS


def _laid_out(factory: pytest.TempPathFactory, stem: str) -> Path:
    """pdftotext -layout of the stem's ruled fixture, named as the seed (scored against its gold)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext (poppler-utils)")
    out = factory.mktemp("layout") / f"{stem}.txt"
    subprocess.run(["pdftotext", "-layout", str(FIXTURES / f"{stem}.pdf"), str(out)], check=True)
    return out


@pytest.fixture(scope="module")
def laid_out_001(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _laid_out(tmp_path_factory, "001_0037d1aa6ba7bc46")


def _rows(path: Path) -> dict[tuple[str, ...], Row]:
    return {tuple(row.cells): row for b in read_text(path).blocks if isinstance(b, Table) for row in b.rows}


def test_indicator_row_of_laid_out_text_is_the_seed_row(laid_out_001: Path) -> None:
    seed = _rows(SEEDS / "001_0037d1aa6ba7bc46.txt")
    row = ("Antal ungdomar som fått sommarjobb i stadens regi", "80 st", "3000 st", "År")
    assert row in seed
    found = _rows(laid_out_001)
    assert row in found
    place = found[row].place
    assert place.page is None and found[row].boxes == {}
    assert laid_out_001.read_text(encoding="utf-8").split("\n")[place.line - 1].startswith(row[0])  # type: ignore[operator]


def test_seed_texts_are_not_laid_out() -> None:
    assert [seed.name for seed in sorted(SEEDS.glob("*.txt")) if laid_out(seed.read_text(encoding="utf-8"))] == []


@pytest.fixture(scope="module")
def laid_out_000(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _laid_out(tmp_path_factory, "000_05871d331dd0cb08")


def test_paragraphs_a_blank_line_sets_apart_stay_out_of_the_table_under_them(laid_out_000: Path) -> None:
    # Each goal's heading ("Nämndmål:"), title and description stand a blank line apart over
    # its indicator table: read as the table's first rows, 13 of the 32 goals were lost or cut.
    result = score("000_05871d331dd0cb08", dataset_rows(laid_out_000, laid_out_000.parent))
    assert result.goals is not None and result.goals >= 0.9, result.wrong.get("goals")
    assert result.indicators is not None and result.indicators >= 0.95, result.wrong.get("indicators")


def _budget_text() -> str:
    def row(cells: tuple[str, ...]) -> str:
        return (f"{cells[0]:<40}" + "".join(f"{c:<11}" for c in cells[1:])).rstrip()

    rows = [("Taxor och avgifter", "-50,6", "-33,6", "66,4%", "-51,0", "-32,3", "63,4%"),
            ("Personalkostnader", "696,0", "456,3", "65,6%", "689,4", "448,3", "65,0%"),
            ("Netto", "1 219,9", "714,1", "58,5%", "1 194,6", "741,4", "62,1%")]
    prose = [f"Stycke {k} om verksamheten under perioden och dess resultat i stort." for k in range(18)]
    return "\n".join(
        ["Tertialrapport 1 2018", "Socialnämnden", "", *prose, "", "Uppföljning av driftbudget", "mnkr",
         f"{'Riktvärde 66,7%':<40}{'augusti 2017':<33}augusti 2018", "",
         " " * 40 + "Budget     Utfall     Förbrukn   Budget     Utfall     Förbrukn", "",
         *[row(r) for r in rows], "", "Nämndens utfall till och med augusti är 741,4 mnkr."]) + "\n\f"


def test_group_labels_a_blank_line_over_the_column_labels_head_the_budget_table(tmp_path: Path) -> None:
    # As pdftotext -layout sets a two-level budget header: group labels, a blank line, the
    # column labels, a blank line, the rows. The group labels were the table's title.
    path = tmp_path / "budget.txt"
    path.write_text(_budget_text(), encoding="utf-8")
    rows = dataset_rows(path, tmp_path)["budget_rows"]
    assert {(r["table_title"], r["column"]) for r in rows if r["row_label"] == "Netto"} == {
        ("Uppföljning av driftbudget", f"augusti {year} / {label}")
        for year in (2017, 2018) for label in ("Budget", "Utfall", "Förbrukn")}
    assert [r["value"] for r in rows if r["row_label"] == "Netto"][:3] == [1219.9, 714.1, 58.5]
