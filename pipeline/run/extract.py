"""One file in, its rows of every table out: read -> recognise -> rows.

This is the unit of work the orchestrator runs in a worker. It never raises for a bad file:
whatever goes wrong becomes a `problems` row.
"""
from __future__ import annotations

import hashlib
import logging
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import parsers
from parsers.blocks import UnreadableFile
from pipeline.recognise.structure import recognise

log = logging.getLogger(__name__)


@dataclass
class Extraction:
    source_path: str
    doc_id: str | None
    tables: dict[str, list[dict]] = field(default_factory=dict)  # table name -> rows
    problems: list[dict] = field(default_factory=list)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def problem_row(source_path: str, doc_id: str | None, severity: str, code: str, message: str,
                page: int | None = None, line: int | None = None) -> dict:
    return {"source_path": source_path, "doc_id": doc_id, "severity": severity, "code": code,
            "message": message, "page": page, "line": line}


def extract_file(path: Path, root: Path, password: str | None = None, sha256: str | None = None) -> Extraction:
    source_path = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    try:
        sha256 = sha256 or file_sha256(path)
    except OSError as error:
        return Extraction(source_path, None, problems=[problem_row(
            source_path, None, "error", "unreadable_file", f"the file could not be opened: {error.strerror}")])
    doc_id = sha256[:16]
    try:
        parsed = parsers.read(path, password=password)
    except UnreadableFile as error:
        return Extraction(source_path, None, problems=[problem_row(
            source_path, None, "error", error.code, error.message)])
    except Exception as error:  # a parser bug must cost this file only, never the run
        log.debug("parser failed on %s\n%s", source_path, traceback.format_exc())
        return Extraction(source_path, None, problems=[problem_row(
            source_path, None, "error", "parser_error",
            f"the reader failed on this file ({type(error).__name__}: {error}); run with --verbose "
            "for the details and report it with the file if you can share it")])

    tables = recognise(parsed, doc_id)
    document = tables["documents"][0]
    document.update(source_path=source_path, sha256=sha256, source_format=parsed.source_format,
                    page_count=parsed.page_count, ocr=parsed.ocr)
    problems = [problem_row(source_path, doc_id, p.severity, p.code, p.message, p.page, p.line)
                for p in parsed.problems]
    return Extraction(source_path, doc_id, tables, problems)
