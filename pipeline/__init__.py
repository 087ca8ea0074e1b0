"""rapportdata: Stockholm stad's reports turned into a Parquet research dataset."""
from __future__ import annotations

import hashlib
from pathlib import Path

_PACKAGES = Path(__file__).resolve().parent.parent
# The code that turns a file into rows. Orchestration, writing and the CLI are left out: they
# do not change what a file's rows are.
_EXTRACTION_CODE = ("parsers", "normalizers", "parsers/blocks.py", "pipeline/recognise/vocabulary.py",
                    "pipeline/recognise/labels.py", "pipeline/recognise/assemble.py", "pipeline/recognise/structure.py",
                    "pipeline/recognise/metadata.py", "pipeline/run/extract.py", "pipeline/schema.py")


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for name in _EXTRACTION_CODE:
        path = _PACKAGES / name
        for source in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(source.relative_to(_PACKAGES).as_posix().encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


# Part of every cache key: when the extraction code changes in any way, the next incremental run
# reads every file again instead of reusing rows the old code made.
PARSER_VERSION = f"0.1.0+{_fingerprint()}"
