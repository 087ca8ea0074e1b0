"""Hostile inputs and output states that broke the promise of a run (a problems row, the run goes
on, nothing wrong cached): a Word zip bomb, a time limit past what a wait can take, a cache
that cannot be written, a file that goes between its hashing and its reading. Each is made here."""
from __future__ import annotations

import logging
import shutil
import zipfile
from pathlib import Path

import pytest

from generated import one_goal_docx
from parsers.blocks import UnreadableFile
from parsers.docx import read_docx
from paths import SEEDS
from pipeline.run.extract import file_sha256
from pipeline.run.orchestrate import run
from pipeline.run.worker import Job, Task, outcome, run_job
from runs import options, rows_of

SEED = SEEDS / "001_0037d1aa6ba7bc46.txt"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_a_docx_zip_bomb_is_refused_unopened(tmp_path: Path) -> None:
    # 1.1 GB of XML in a 4 MB zip: python-docx inflated it all (a gigabyte of memory, half a
    # minute), then lxml refused it ("unknown error" past 1 GB, reported as malformed XML).
    base = one_goal_docx(tmp_path / "base.docx")
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(base) as original, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as copy:
        for item in original.infolist():
            if item.filename != "word/document.xml":
                copy.writestr(item, original.read(item))
                continue
            with copy.open("word/document.xml", "w", force_zip64=True) as part:
                part.write(f"<w:document {_W}><w:body>".encode())
                spaces = b" " * (1 << 24)
                for _ in range(70):  # 1,120 MB
                    part.write(spaces)
                part.write(b"<w:p/></w:body></w:document>")
    assert bomb.stat().st_size < 10 << 20
    with pytest.raises(UnreadableFile) as refused:
        read_docx(bomb)
    assert refused.value.code == "docx_too_large"
    assert "1,120 MB" in refused.value.message and "zip bomb" in refused.value.message


def test_a_time_limit_past_what_a_wait_takes_still_runs(tmp_path: Path) -> None:
    # A 200,000-page PDF at 30 s a page asks for 6,000,300 s, past poll()'s 24 days: the run
    # failed as a whole ("OverflowError: timeout is too large"); --timeout 1e9 did the same.
    src = tmp_path / "raw"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    summary = run(options(src, tmp_path / "out", timeout=1e9))
    assert summary.exit_code == 0 and rows_of(tmp_path / "out", SEED.name)["goals"] > 0


def _job(path: Path, cache: Path | None) -> Job:
    return Job(str(path), str(path.parent), None, file_sha256(SEED), None if cache is None else (str(cache), "k"))


def test_a_cache_that_cannot_be_written_is_not_the_files_fault(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # A full disk made the worker's store fail: the good file became an internal_error row (which
    # the run then cached as the file's) and a traceback reached stderr.
    path = tmp_path / SEED.name
    shutil.copy(SEED, path)
    blocked = tmp_path / "a-file"
    blocked.write_text("")  # the cache folder's parent is a file: every write under it fails
    with caplog.at_level(logging.WARNING):
        result = run_job(_job(path, blocked / "cache"))
    assert result.status == "ok" and result.tables["goals"].num_rows > 0
    assert "problems" not in result.tables and caplog.records == []


def test_a_file_gone_after_its_hashing_is_unreadable_and_read_again_next_run(tmp_path: Path) -> None:
    # It was "the reader failed on this file (FileNotFoundError ...)", a parser bug, and cached.
    job = _job(tmp_path / "borta.txt", tmp_path / "cache")
    result = run_job(job)
    assert result.status == "unreadable"
    problems = result.tables["problems"].to_pylist()
    assert [(p["severity"], p["code"]) for p in problems] == [("error", "unreadable_file")]
    assert "No such file" in problems[0]["message"] and "removed or replaced" in problems[0]["message"]
    assert not (tmp_path / "cache" / "k").exists()
    task = Task(Path(job.path), "borta.txt", job.sha256, "k", 300.0)
    assert outcome(task, result, 0).final is False


def test_a_reader_failing_at_the_memory_cap_is_the_caps_not_a_cached_parser_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Under --max-memory-mb 512 a 50 MB page of 6M paragraphs failed in lxml with "XMLSyntaxError:
    # unknown error": a parser_error row, cached as the file's, where a higher cap reads it.
    import parsers
    import pipeline.run.extract as extract
    from lxml import etree

    def fail(path: Path, password: str | None = None) -> None:
        raise etree.XMLSyntaxError("unknown error", 1, 0, 0)

    monkeypatch.setattr(parsers, "read", fail)
    monkeypatch.setattr(extract, "near_memory_cap", lambda: True, raising=False)  # not there at HEAD~1
    path = tmp_path / SEED.name
    shutil.copy(SEED, path)
    result = run_job(_job(path, tmp_path / "cache"))
    assert result.status == "memory" and not (tmp_path / "cache" / "k").exists()
    task = Task(path, SEED.name, file_sha256(SEED), "k", 300.0)
    assert outcome(task, result, 512).final is False
    monkeypatch.setattr(extract, "near_memory_cap", lambda: False)  # far from it: the reader's bug
    assert [p.code for p in extract.extract_file(path, tmp_path).problems] == ["parser_error"]
