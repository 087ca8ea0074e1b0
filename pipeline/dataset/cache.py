"""What an incremental run remembers: the manifest of the files a dataset was built from, and
the per-file cache of their extracted rows.

Layout, for an output folder `data/out`:

    data/out/_manifest.json              one record per source file (published with the dataset)
    data/.out.rapportdata/               state beside the output, on the same filesystem
        lock                             flock'ed by the running run
        cache/<key>/tables.arrows        one file's rows: an Arrow IPC file for each of its non-empty
                                         tables, one after another, then where each ends (JSON)
        new/  old/                       the dataset being built / the one being replaced
        tmp/worker-<n>/                  a worker's TMPDIR (temporary copies), removed when it ends

A cache key hashes PARSER_VERSION, the file's relative path, its SHA-256 and a digest of the
password given (if any), so an entry can never be reused for other content, another parser,
another name (the name matters: it is in the rows, and the suffix picks the reader) or another
password (a wrong one gives an error row, the right one the rows). The password itself is never
written: only a slow salted digest of it goes into the key. Entries are immutable and
appear atomically (written to a temporary folder, then renamed), so the entries a killed run
finished are reused by the next run. The manifest lives inside the dataset and is swapped in with
it, so it always describes exactly the published tables.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.dataset.datapackage import MANIFEST_NAME as MANIFEST_NAME  # light, for the command's start

if TYPE_CHECKING:  # pyarrow only where rows are read or written: an unchanged run needs none
    import pyarrow as pa

    from pipeline.dataset.writer import Part

_WRITE_BUFFER = 1 << 16  # bytes
_ENTRY_FILE = "tables.arrows"
_FOOTER_SIZE = struct.Struct("<Q")  # ends an entry's file: the size of the JSON before it
MANIFEST_FORMAT = 1


@dataclass(frozen=True)
class FileRecord:
    size: int
    mtime_ns: int
    sha256: str
    parser_version: str
    key: str
    errors: int  # error-severity problems rows of the file
    warnings: int
    # The file hit a limit (timeout, memory, crashed worker): its rows are a problem only and
    # it is read again on the next run, since the cause may have been the machine, not the file.
    retry: bool = False


@dataclass(frozen=True)
class Manifest:
    files: dict[str, FileRecord] = field(default_factory=dict)
    # (tables checked, checks flagged) of the published tables: the run's summary tells them, and
    # an unchanged run takes them from here instead of loading pyarrow to count them again.
    counts: tuple[int, int] | None = None


def load_manifest(out: Path) -> Manifest:
    """The records of the dataset in `out`, by source path; empty when there is none."""
    try:
        data = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
        if data.get("format") != MANIFEST_FORMAT:
            return Manifest()
        counts = data.get("counts")
        return Manifest({path: FileRecord(**record) for path, record in data["files"].items()},
                        (int(counts[0]), int(counts[1])) if counts else None)
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return Manifest()  # no or unreadable manifest: everything is read again, which is always safe


def write_manifest(folder: Path, records: dict[str, FileRecord], counts: tuple[int, int]) -> Path:
    """Write the manifest atomically (a reader never sees half a file)."""
    # A record's own fields, not dataclasses.asdict, which copies every value in case it is a
    # container (three quarters of the manifest's time, at the end of every run that rewrites).
    text = json.dumps({"format": MANIFEST_FORMAT, "counts": list(counts),
                       "files": {path: vars(records[path]) for path in sorted(records)}},
                      ensure_ascii=False, indent=1, sort_keys=True)
    path = folder / MANIFEST_NAME
    temporary = folder / f".{MANIFEST_NAME}.tmp"
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(text + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    return path


def password_digest(password: str | None) -> str:
    """What of the password goes into cache keys: computed once a run, slow on purpose, so a key
    (on disk, in the manifest) does not give a short password away to a dictionary attack."""
    if password is None:
        return ""
    secret = password.encode("utf-8", "surrogateescape")
    return hashlib.pbkdf2_hmac("sha256", secret, b"rapportdata cache key", 200_000).hex()


def cache_key(source_path: str, sha256: str, parser_version: str, password: str) -> str:
    """The key of a file's entry; `password` is the run's password_digest."""
    material = "\0".join((parser_version, source_path, sha256, password))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


def problem_counts(table: pa.Table | None) -> tuple[int, int]:
    """(errors, warnings) among the problems rows of one file."""
    if table is None or not len(table):
        return 0, 0
    import pyarrow.compute as pc

    counts = dict(zip(*(column.to_pylist() for column in pc.value_counts(table["severity"]).flatten())))
    return int(counts.get("error", 0)), int(counts.get("warning", 0))


@dataclass(frozen=True)
class StateDir:
    """The hidden folder beside the output that holds the lock, the cache and the staging areas."""

    out: Path

    @property
    def root(self) -> Path:
        return self.out.parent / f".{self.out.name}.rapportdata"

    @property
    def lock(self) -> Path:
        return self.root / "lock"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    @property
    def scratch(self) -> Path:
        return self.root / "tmp"

    @property
    def staging(self) -> Path:
        return self.root / "new"

    @property
    def aside(self) -> Path:
        return self.root / "old"


class Cache:
    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def has(self, key: str) -> bool:
        return (self.folder / key / _ENTRY_FILE).is_file()

    def store(self, key: str, tables: dict[str, pa.Table]) -> None:
        import pyarrow as pa

        temporary = self.folder / f".{key}.tmp-{os.getpid()}"
        shutil.rmtree(temporary, ignore_errors=True)
        temporary.mkdir()
        # One file for all of a file's tables: creating a file costs more than writing a small
        # table (a file a table made the cache take a quarter of a text run's worker time).
        # Buffered: the IPC writer makes a system call for every piece of every column.
        ends: dict[str, int] = {}  # table -> where its IPC file ends in the entry's file
        try:
            with pa.output_stream(str(temporary / _ENTRY_FILE), buffer_size=_WRITE_BUFFER) as file:
                for name, table in tables.items():
                    with pa.ipc.new_file(file, table.schema) as sink:
                        sink.write_table(table)
                    ends[name] = file.tell()
                footer = json.dumps(ends).encode("utf-8")
                file.write(footer + _FOOTER_SIZE.pack(len(footer)))
        except BaseException:
            # A full disk: the half-written entry must not stay to fill it further (a failed run
            # runs no keep_only, and each of its workers left one per file, under its own pid).
            shutil.rmtree(temporary, ignore_errors=True)
            raise
        final = self.folder / key
        if final.exists():
            shutil.rmtree(final)
        os.rename(temporary, final)

    def table(self, key: str, name: str) -> pa.Table | None:
        return self.part(key)(name)

    def part(self, key: str) -> Part:
        return _Entry(self.folder / key / _ENTRY_FILE)

    def keep_only(self, keys: set[str]) -> int:
        """Delete every entry not in `keys` (files gone or changed, interrupted writes)."""
        removed = 0
        for entry in self.folder.iterdir():
            if entry.name not in keys:
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
        return removed


class _Entry:
    """One entry's tables, its file mapped and where each table ends read once, when the first is
    asked for: writing the dataset takes every table of a part, one table of every part at a time."""

    def __init__(self, path: Path):
        self.path = path
        self.data: pa.Buffer | None = None
        self.ends: dict[str, int] = {}

    def __call__(self, name: str) -> pa.Table | None:
        import pyarrow as pa

        if self.data is None:
            if not self.path.is_file():
                return None
            # Memory-mapped: writing the dataset pages the rows in and out instead of holding them.
            data = pa.memory_map(str(self.path)).read_buffer()
            (size,) = _FOOTER_SIZE.unpack(data.slice(len(data) - _FOOTER_SIZE.size).to_pybytes())
            self.ends = json.loads(data.slice(len(data) - _FOOTER_SIZE.size - size, size).to_pybytes())
            self.data = data
        if name not in self.ends:
            return None
        # The IPC writer gave the table's blocks their offsets in the whole file.
        return pa.ipc.open_file(self.data, footer_offset=self.ends[name]).read_all()
