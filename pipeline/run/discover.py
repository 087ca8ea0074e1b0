"""Find the report files under the input folder."""
from __future__ import annotations

import os
from pathlib import Path

from parsers import SUFFIX_FORMATS


def discover(root: Path) -> list[Path]:
    """Every readable report under `root`, recursively, sorted by relative path.

    Hidden files and folders (`.git`, `.DS_Store`, our own `.<out>.rapportdata` state folder)
    and Office lock files (`~$report.docx`, left behind while a document is open) are skipped:
    they are never reports, and a lock file would only become a confusing `problems` row.
    """
    found: list[Path] = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in names:
            if name.startswith((".", "~$")) or Path(name).suffix.lower() not in SUFFIX_FORMATS:
                continue
            found.append(Path(folder, name))
    # Sorting on the relative POSIX path makes the order (and so the dataset) the same on
    # every machine, whatever order the filesystem lists entries in.
    return sorted(found, key=lambda path: path.relative_to(root).as_posix())
