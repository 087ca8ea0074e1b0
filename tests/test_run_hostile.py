"""Hostile and careless inputs, run-stage side (issue 10): broken fixtures, named pipes, links of
every kind, file names that are not UTF-8, passwords and a LibreOffice that never ends. Each
gets the problems row it should, nothing hangs, nothing is cached wrongly, and the good report
beside it keeps every row it has alone."""
from __future__ import annotations

import os
import shutil
import socket
import stat
import threading
import time
from pathlib import Path

import pandas as pd
import psutil
import pytest

from parsers.doc import PROCESS_GROUP_FILE
from paths import BAD
from pipeline.dataset.cache import StateDir
from pipeline.run.discover import NotARegularFile, sha256_of_regular_file
from pipeline.run.orchestrate import run
from runs import cli, options, rows_of, table

BAD_WITHOUT_ROWS = ("binary.txt", "empty.pdf", "encrypted.pdf", "garbage.docx", "truncated.docx", "truncated.pdf")
# The user password the fixture bad/encrypted.pdf was encrypted with (tests/fixtures/README.md).
PASSWORD = "fixture-user"


def problem_rows(out: Path) -> list[tuple[str, str, str]]:
    return sorted((p.source_path, p.severity, p.code) for p in table(out, "problems").itertuples())


@pytest.fixture
def good(tmp_path: Path, seed_dir: Path) -> tuple[Path, Path, str]:
    """An input folder holding one good report, and that report's dataset when run alone."""
    seed = sorted(seed_dir.glob("*.txt"))[0]
    src, alone = tmp_path / "raw", tmp_path / "alone"
    for folder in (src, alone):
        folder.mkdir()
        shutil.copy(seed, folder / seed.name)
    run(options(alone, tmp_path / "alone-out"))
    return src, tmp_path / "alone-out", seed.name


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory, seed_dir: Path, bad_dir: Path):
    """One seed plus every bad fixture (huge_table.txt included) in one folder, and the seed alone."""
    base = tmp_path_factory.mktemp("bad")
    mixed, alone = base / "mixed", base / "alone"
    mixed.mkdir()
    alone.mkdir()
    seed = sorted(seed_dir.glob("*.txt"))[0]
    for folder in (mixed, alone):
        shutil.copy(seed, folder / seed.name)
    for bad in bad_dir.iterdir():
        shutil.copy(bad, mixed / bad.name)
    summary = run(options(mixed, base / "out-mixed"))
    run(options(alone, base / "out-alone"))
    return summary, base / "out-mixed", base / "out-alone", seed.name


def test_every_bad_file_is_a_problem_with_an_actionable_message(bad_run):
    summary, out, _, _ = bad_run
    problems = table(out, "problems")
    errors = problems[problems.severity == "error"]
    assert sorted(errors.source_path) == sorted(BAD_WITHOUT_ROWS)
    for row in errors.itertuples():
        assert row.code and len(row.message) > 30, row  # says what happened and what to do
    assert summary.files_with_errors == len(BAD_WITHOUT_ROWS) and summary.exit_code == 1
    assert set(table(out, "documents").source_path) >= {"huge_table.txt", "not_a_pdf.pdf"}
    wrong = problems[problems.source_path == "not_a_pdf.pdf"]
    assert list(wrong.code) == ["wrong_extension"]


def test_bad_files_cost_no_other_rows(bad_run):
    _, mixed, alone, seed = bad_run
    doc_id = table(alone, "documents").doc_id.iloc[0]
    for name in ("goals", "indicators", "activities", "budget_rows", "table_cells"):
        ours = table(mixed, name)
        expected = table(alone, name)
        assert len(expected) > 0 or name == "budget_rows"
        pd.testing.assert_frame_equal(ours[ours.doc_id == doc_id].reset_index(drop=True),
                                      expected.reset_index(drop=True), check_categorical=False,
                                      check_dtype=False)


def test_huge_table_goes_through(bad_run):
    _, out, _, _ = bad_run
    documents = table(out, "documents")
    huge = documents[documents.source_path == "huge_table.txt"].doc_id.iloc[0]
    indicators = table(out, "indicators")
    assert (indicators.doc_id == huge).sum() == 50_000


def test_a_named_pipe_neither_hangs_the_run_nor_holds_the_lock(tmp_path: Path, good):
    src, alone, seed = good
    os.mkfifo(src / "pipe.txt")  # nobody ever writes to it: reading it would block for ever
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(src / "socket.pdf"))
    summary = run(options(src, tmp_path / "out"))
    assert problem_rows(tmp_path / "out") == [("pipe.txt", "warning", "not_a_regular_file"),
                                              ("socket.pdf", "warning", "not_a_regular_file")]
    messages = table(tmp_path / "out", "problems").message
    assert "named pipe" in messages.iloc[0] and "socket" in messages.iloc[1]
    assert summary.exit_code == 0 and rows_of(tmp_path / "out", seed) == rows_of(alone, seed)
    again = run(options(src, tmp_path / "out"))  # the lock was released; nothing was cached for them
    assert (again.read, again.from_cache, again.rewritten) == (0, 1, False)
    with pytest.raises(NotARegularFile):  # one that appears after the listing is refused unopened
        sha256_of_regular_file(src / "pipe.txt")
    server.close()


def test_links_follow_the_stated_policy(tmp_path: Path, good):
    src, alone, seed = good
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "confidential.txt").write_text("Nämndmål: Hemlig plan\n", encoding="utf-8")
    (src / "sub").mkdir()
    shutil.copy(src / seed, src / "sub" / "copy.txt")
    (src / "inside.txt").symlink_to(seed)
    (src / "outside.txt").symlink_to(outside / "confidential.txt")
    (src / "dangling.pdf").symlink_to("gone.pdf")
    (src / "loop.txt").symlink_to("loop.txt")
    (src / "linked").symlink_to("sub")
    (src / "out_folder").symlink_to(outside)
    summary = run(options(src, tmp_path / "out"))
    # The link inside and the copy are read, and being the report's content again, are named as
    # copies: its rows are there once, under the first path.
    assert problem_rows(tmp_path / "out") == [
        ("dangling.pdf", "error", "broken_link"), ("inside.txt", "warning", "duplicate_file"),
        ("linked", "warning", "linked_folder"), ("loop.txt", "error", "link_loop"),
        ("out_folder", "warning", "linked_folder"), ("outside.txt", "warning", "link_outside_input"),
        ("sub/copy.txt", "warning", "duplicate_file")]
    documents = table(tmp_path / "out", "documents")
    assert sorted(documents.source_path) == [seed]
    assert rows_of(tmp_path / "out", seed) == rows_of(alone, seed)
    assert "Hemlig" not in table(tmp_path / "out", "goals").to_csv()
    assert summary.exit_code == 1  # two links name reports that cannot be read
    assert run(options(src, tmp_path / "out")).rewritten is False


def test_a_file_name_that_is_not_utf8_is_read_under_an_escaped_name(tmp_path: Path, good):
    src, alone, seed = good
    raw = os.fsencode(src) + b"/rapport_\xe5r_2013.txt"  # Latin-1 "år": not UTF-8
    # A report of its own (a copy would be named as one, and not read)
    Path(os.fsdecode(raw)).write_bytes((src / seed).read_bytes() + b"\nArkivkopia 1\n")
    summary = run(options(src, tmp_path / "out"))
    escaped = "rapport_\\xe5r_2013.txt"
    assert problem_rows(tmp_path / "out") == [(escaped, "warning", "file_name_not_utf8")]
    assert summary.exit_code == 0
    assert rows_of(tmp_path / "out", escaped) == rows_of(alone, seed)
    again = run(options(src, tmp_path / "out"))
    assert (again.read, again.from_cache, again.rewritten) == (0, 2, False)
    assert cli("run", "--input", src, "--output", tmp_path / "cli").returncode == 0


def test_the_password_is_part_of_the_cache_key(tmp_path: Path, good):
    src, alone, seed = good
    shutil.copy(BAD / "encrypted.pdf", src / "locked.pdf")
    out = tmp_path / "out"

    def locked() -> tuple[list[str], int]:
        problems = table(out, "problems")
        return list(problems[problems.source_path == "locked.pdf"].code), rows_of(out, "locked.pdf")["table_cells"]

    run(options(src, out, password="wrong"))
    assert locked() == (["encrypted_pdf"], 0)
    right = run(options(src, out, password=PASSWORD))
    assert right.read == 2 and right.exit_code == 0
    codes, cells = locked()
    assert codes == [] and cells > 100
    run(options(src, out, password=PASSWORD, full=True))
    wrong = run(options(src, out, password="wrong"))
    assert wrong.read == 2 and wrong.exit_code == 1 and locked() == (["encrypted_pdf"], 0)
    assert "wrong password" in table(out, "problems").message.iloc[0]
    assert rows_of(out, seed) == rows_of(alone, seed)
    on_disk = [p for folder in (out, StateDir(out.resolve()).root) for p in folder.rglob("*") if p.is_file()]
    assert on_disk and not any(PASSWORD.encode() in p.read_bytes() for p in on_disk)


def _fake_soffice(folder: Path, record: Path) -> Path:
    """A LibreOffice that never ends, like one stuck on a damaged .doc: a launcher and a child
    (soffice.bin), whose process ids it records."""
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(f"#!/bin/sh\necho $$ >> {record}\nsleep 600 &\necho $! >> {record}\nwait\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return folder


def _running(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                alive.append(pid)
        except psutil.NoSuchProcess:
            pass
    return alive


@pytest.mark.parametrize("end", ["timeout", "killed"])
def test_a_stuck_libreoffice_is_ended_and_its_copy_removed(tmp_path: Path, good, end: str):
    """Stopped for its time limit (the worker cleans up) or killed outright (the run cleans up
    after it): either way LibreOffice and its child are gone and no copy of the report is left
    in the worker's temporary folder or in the system's."""
    src, alone, seed = good
    (src / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)  # a Word 97 header
    record = tmp_path / "soffice.pids"
    system_tmp = tmp_path / "tmp"
    system_tmp.mkdir()
    env = {**os.environ, "PATH": f"{_fake_soffice(tmp_path / 'bin', record)}:{os.environ['PATH']}",
           "TMPDIR": str(system_tmp)}
    out = tmp_path / "out"

    def kill_the_worker() -> None:  # the launcher's parent is the worker reading old.doc
        deadline = time.monotonic() + 60
        scratch = StateDir(out.resolve()).scratch
        while time.monotonic() < deadline:
            # Once the reader has noted LibreOffice's process group too: the launcher may record
            # itself before the reader does, and a worker killed in between leaves no note.
            if (record.exists() and len(record.read_text().split()) == 2
                    and any(scratch.rglob(PROCESS_GROUP_FILE))):
                psutil.Process(int(record.read_text().split()[0])).parent().kill()
                return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_the_worker)
    if end == "killed":
        killer.start()
    done = cli("run", "--input", src, "--output", out, "--timeout", "8" if end == "timeout" else "120", env=env)
    if end == "killed":
        killer.join()
    pids = [int(pid) for pid in record.read_text().split()]
    assert len(pids) == 2 and _running(pids) == []
    assert done.returncode == 1, done.stderr
    expected = "timeout" if end == "timeout" else "worker_crashed"
    assert problem_rows(out) == [("old.doc", "error", expected)]
    assert rows_of(out, seed) == rows_of(alone, seed)
    assert list(system_tmp.iterdir()) == [] and not StateDir(out.resolve()).scratch.exists()
