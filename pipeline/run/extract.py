"""One file in, its records of every table out: read -> recognise -> records.

This is the unit of work the orchestrator runs in a worker. It never raises for a bad file:
whatever goes wrong becomes a `problems` row. Only running out of memory is raised, since it
says nothing of the file and the worker that met it may be damaged.
"""
from __future__ import annotations

import gc
import hashlib
import logging
import traceback
from collections.abc import Sequence
from pathlib import Path

import parsers
from parsers.blocks import UnreadableFile
from pipeline.dataset.checks import file_checks
from pipeline.recognise.structure import recognise
from pipeline.run.memory import near_memory_cap
from pipeline.schema import DocumentRecord, FileRows, ProblemRecord, Record

log = logging.getLogger(__name__)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def problem(source_path: str, doc_id: str | None, severity: str, code: str, message: str,
            page: int | None = None, line: int | None = None) -> ProblemRecord:
    return ProblemRecord(source_path=source_path, doc_id=doc_id, severity=severity, code=code,
                         message=message, page=page, line=line)


def failed(source_path: str, code: str, message: str) -> FileRows:
    """The rows of a file that gave nothing but one error."""
    return FileRows(source_path, None, problems=[problem(source_path, None, "error", code, message)])


def extract_file(path: Path, root: Path, password: str | None = None, sha256: str | None = None) -> FileRows:
    # A file's blocks and records live until its tables are made, and hold no garbage cycles:
    # the collections their making sets off free nothing, yet each one that reaches the oldest
    # generation traverses them all and every module the worker preloaded (a tenth of a text
    # run's time). Reference counting frees what reading drops; collecting resumes afterwards.
    if not gc.isenabled():
        return _extract(path, root, password, sha256)
    gc.disable()
    try:
        return _extract(path, root, password, sha256)
    finally:
        gc.enable()


def _extract(path: Path, root: Path, password: str | None, sha256: str | None) -> FileRows:
    source_path = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    try:
        sha256 = sha256 or file_sha256(path)
    except OSError as error:
        return failed(source_path, "unreadable_file", f"the file could not be opened: {error.strerror}")
    doc_id = sha256[:16]
    try:
        parsed = parsers.read(path, password=password)
    except UnreadableFile as error:
        return failed(source_path, error.code, error.message)
    except MemoryError:
        raise
    except Exception as error:  # a parser bug must cost this file only, never the run
        if near_memory_cap():
            # At the cap, libraries fail in their own words (lxml: XMLSyntaxError "unknown error"):
            # the cap's, to retry under a higher one, not a parser_error kept in the cache.
            raise MemoryError(f"{type(error).__name__} at the memory cap") from error
        if isinstance(error, OSError) and error.filename == str(path):
            # The file went, or its permissions changed, after it was hashed: not a reader's bug.
            return failed(source_path, "unreadable_file", f"the file could not be read: {error.strerror}; it "
                          "was removed or replaced while the run read it, or this user may not read it")
        log.debug("parser failed on %s\n%s", source_path, traceback.format_exc())
        return failed(source_path, "parser_error",
                      f"the reader failed on this file ({type(error).__name__}: {error}); run with --verbose "
                      "for the details and report it with the file if you can share it")

    found = recognise(parsed, doc_id)
    tables_checked, checks = file_checks(found.budget_rows, found.indicators)
    meta = found.metadata
    document = DocumentRecord(
        doc_id=doc_id, source_path=source_path, source_format=parsed.source_format, sha256=sha256,
        title=meta.title, report_type=meta.report_type, year=meta.year, year_source=meta.year_source,
        tertial=meta.tertial, organ=meta.organ, unit=meta.unit, dnr=meta.dnr, document_date=meta.document_date,
        meeting_date=meta.meeting_date, page_count=parsed.page_count, ocr=parsed.ocr,
        tables_checked=tables_checked)
    problems = [problem(source_path, doc_id, p.severity, p.code, p.message, p.page, p.line) for p in parsed.problems]
    tables: dict[str, Sequence[Record]] = {"documents": [document], "goals": found.goals, "indicators": found.indicators,
              "activities": found.activities, "budget_rows": found.budget_rows, "table_cells": found.table_cells,
              "checks": checks}
    return FileRows(source_path, doc_id, tables, problems)
