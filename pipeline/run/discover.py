"""Find the report files under the input folder, and say of every other report-like path why it
is not read.

What is read (the policy `rapportdata run --help` and the README state):

- regular files with a report suffix, in the input folder and its real subfolders;
- a symbolic link to such a file inside the input folder, under the link's own path.

What is not read, each with a `problems` row: a link to a folder (`linked_folder`: not entered,
so a tree is neither read twice nor looped through), a link that points outside the input
(`link_outside_input`: an archive's link must not pull other files into the dataset), a link
whose target is missing (`broken_link`) or that loops (`link_loop`), and anything that is not a
regular file (`not_a_regular_file`: a named pipe would block the run, a device never ends).
Hidden files and folders and Office lock files are skipped without a row: they are never reports.
"""
from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from pipeline.run.basics import named_as_report

_KINDS = {stat.S_ISFIFO: "a named pipe (FIFO)", stat.S_ISSOCK: "a socket", stat.S_ISCHR: "a character device",
          stat.S_ISBLK: "a block device", stat.S_ISDIR: "a folder"}


@dataclass(frozen=True)
class Skipped:
    """A path under the input that is not read, as the problems row it becomes."""

    path: Path
    severity: str
    code: str
    message: str


@dataclass(frozen=True)
class Listing:
    files: list[Path]  # sorted by relative path
    skipped: list[Skipped]


class NotARegularFile(OSError):
    pass


def escaped(text: str) -> str:
    """`text` with the bytes of a non-UTF-8 file name (which Python decodes as surrogates) as
    backslash escapes (`caf\\xe9.txt`): such text cannot be stored in Parquet or JSON as it is."""
    return os.fsencode(text).decode("utf-8", "backslashreplace")


def source_name(path: Path, root: Path) -> tuple[str, bool]:
    """The `source_path` of a file, and whether its name had to be escaped."""
    relative = path.relative_to(root).as_posix()
    name = escaped(relative)
    return name, name != relative


def sha256_of_regular_file(path: Path) -> str:
    """The SHA-256 of a regular file; NotARegularFile for anything else, without blocking on a
    named pipe that appeared since the listing (opened non-blocking, checked on the open file)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise NotARegularFile(errno.EINVAL, "not a regular file", str(path))
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS.items() if test(mode)), "not a regular file")


def _refusal(path: Path, root: Path) -> Skipped | None:
    """Why `path` (named like a report) is not read, or None when it is."""
    try:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            target = Path(os.path.realpath(path, strict=True))
            if not target.is_relative_to(root):
                return Skipped(path, "warning", "link_outside_input",
                               f"a symbolic link to {target}, outside the input folder: links out of the "
                               "input are not followed; copy the file into the input to read it")
            mode = target.stat().st_mode
    except OSError as error:
        if error.errno == errno.ENOENT and path.is_symlink():
            return Skipped(path, "error", "broken_link",
                           f"a symbolic link to {os.readlink(path)}, which does not exist: restore the "
                           "file or remove the link")
        if error.errno == errno.ELOOP:
            return Skipped(path, "error", "link_loop",
                           "a symbolic link that loops (it leads back to itself through links): it names no file; remove or fix it")
        return Skipped(path, "error", "unreadable_file",
                       f"the file could not be examined: {error.strerror}; check its permissions")
    if not stat.S_ISREG(mode):
        return Skipped(path, "warning", "not_a_regular_file",
                       f"{_kind(mode)}, not a file: only regular files are read")
    return None


def discover(root: Path) -> Listing:
    """Every report under `root` (resolved), recursively, and the paths that are not read.

    Hidden files and folders (`.git`, `.DS_Store`, our own `.<out>.rapportdata` state folder)
    and Office lock files (`~$report.docx`, left behind while a document is open) are skipped:
    they are never reports, and a lock file would only become a confusing `problems` row.
    """
    files: list[Path] = []
    skipped: list[Skipped] = []
    # followlinks=False: a link to a folder is listed among the folders but not entered.
    for folder, subfolders, names in os.walk(root):
        here = Path(folder)
        entered = []
        for name in subfolders:
            if name.startswith("."):
                continue
            if (here / name).is_symlink():
                skipped.append(Skipped(here / name, "warning", "linked_folder",
                                       f"a symbolic link to the folder {os.readlink(here / name)}: linked "
                                       "folders are not entered; give that folder as --input or copy it in"))
            else:
                entered.append(name)
        subfolders[:] = entered
        for name in names:
            if not named_as_report(name):
                continue
            refusal = _refusal(here / name, root)
            if refusal is None:
                files.append(here / name)
            else:
                skipped.append(refusal)
    # Sorting on the relative POSIX path makes the order (and so the dataset) the same on
    # every machine, whatever order the filesystem lists entries in.
    return Listing(sorted(files, key=lambda path: path.relative_to(root).as_posix()),
                   sorted(skipped, key=lambda entry: entry.path.relative_to(root).as_posix()))
