"""rapportdata: Stockholm stad's reports turned into a Parquet research dataset."""
from __future__ import annotations

from pathlib import Path

_PACKAGES = Path(__file__).resolve().parent.parent
# The code that shapes a file's rows: the readers, the normalizers, recognition, the record
# definitions, the Arrow tables the worker caches and the worker itself. The orchestration,
# the Parquet writer and the command line only move rows about, so changing them keeps the cache.
_EXTRACTION_CODE = ("parsers", "normalizers", "pipeline/schema.py", "pipeline/recognise",
                    "pipeline/dataset/arrow.py", "pipeline/dataset/checks.py",
                    "pipeline/dataset/identities.py", "pipeline/run/extract.py", "pipeline/run/worker.py")


def fingerprint(packages: Path = _PACKAGES) -> str:
    """A digest of the extraction code under `packages` (the project's root by default)."""
    import hashlib  # here: the command imports the package before it starts the fork server

    digest = hashlib.sha256()
    for name in _EXTRACTION_CODE:
        path = packages / name
        for source in sorted(p for p in path.rglob("*") if p.suffix in (".py", ".tsv")) if path.is_dir() else [path]:
            digest.update(source.relative_to(packages).as_posix().encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


# Part of every cache key: when the extraction code changes in any way, the next incremental run
# reads every file again instead of reusing rows the old code made. Computed when first asked for
# (by the run, as it lists the input), not when the package is imported: the fork server and the
# command's start, before it spawns the fork server, import the package and need no version.
PARSER_VERSION: str


def __getattr__(name: str) -> str:
    if name == "PARSER_VERSION":
        global PARSER_VERSION
        PARSER_VERSION = f"0.1.0+{fingerprint()}"
        return PARSER_VERSION
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
