"""The same report saved twice in an archive (two folders, a "kopia"): read once, under its
first path, the copy a warning. Both were read, so the dataset held its rows twice under one
doc_id: goal_ids repeated and every join on doc_id doubled."""
from __future__ import annotations

import shutil
from pathlib import Path

from runs import cli, table
from paths import SEEDS

SEED = SEEDS / "000_05871d331dd0cb08.txt"


def test_a_copy_of_a_report_is_named_in_problems_and_its_rows_are_not_repeated(tmp_path: Path) -> None:
    archive = tmp_path / "arkiv"
    for folder, name in (("2014", "vb2013.txt"), ("kopior", "vb2013 - kopia.txt")):
        (archive / folder).mkdir(parents=True)
        shutil.copy(SEED, archive / folder / name)
    shutil.copy(SEEDS / "001_0037d1aa6ba7bc46.txt", archive / "2014" / "vp2010.txt")
    out = tmp_path / "out"
    first = cli("run", "--input", archive, "--output", out)
    assert first.returncode == 0, first.stderr
    documents, goals = table(out, "documents"), table(out, "goals")
    assert sorted(documents.source_path) == ["2014/vb2013.txt", "2014/vp2010.txt"]
    assert documents.doc_id.is_unique and goals.goal_id.is_unique
    (problem,) = table(out, "problems").itertuples()
    assert (problem.source_path, problem.code, problem.severity) == ("kopior/vb2013 - kopia.txt", "duplicate_file", "warning")
    assert problem.doc_id == documents.set_index("source_path").doc_id["2014/vb2013.txt"]
    assert "2014/vb2013.txt" in problem.message
    again = cli("run", "--input", archive, "--output", out)
    assert again.returncode == 0 and " hashed=0 " in again.stderr  # the copy is not hashed again either
