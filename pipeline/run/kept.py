"""What the fork server compiles at every start and keeps between runs, in the user's cache: the
file format and folder its caches share (pipeline.run.patterns: the regular expressions), and the
methods `dataclasses` writes.

`dataclasses` writes each class's methods (__init__, __repr__, __eq__, a frozen class's
__setattr__ ...) as source text and compiles it with `exec`, one text a method: some 270 in the
workers' modules (the schema's records, the blocks, the readers' types), a fifth of the fork
server's imports (callgrind), before any worker can start, in every run. A text's code object
depends on the text and the interpreter's bytecode only, so it is kept, marshalled, keyed by the
text, in a file named by Python's version and bytecode's magic number; a kept one is the code
object compiling the text makes (tests/test_run_kept.py), so the class gets the same methods.
While installed, `dataclasses` finds `exec` in its own module before the builtin: this one, which
compiles a text it does not hold as `exec` would (no flags inherited: dataclasses has no
`__future__` import) and runs the code object. A text the file does not hold is added, and the
file written, once the imports are done. The file is as trusted as Python's own bytecode files
(which `marshal` loads alike): the user's; its digest keeps a damaged one from being read.
"""
from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

_DIGEST = hashlib.sha256().digest_size


def cache_folder() -> Path | None:
    """rapportdata's folder in the user's cache, or None where the user has none: with HOME
    unset and no passwd entry (a container's --user 12345) expanduser leaves '~' as it is, and a
    relative XDG_CACHE_HOME is to be ignored (XDG spec): either would make a folder named '~' or
    'cache' in whatever folder the run was started from."""
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not os.path.isabs(base):
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "rapportdata"


def read_kept(path: Path | None) -> dict[Any, Any]:
    """The dictionary a cache file holds; empty when there is none, or it is unreadable or
    damaged (its contents miss their digest)."""
    try:
        if path is None:
            return {}
        content = path.read_bytes()
        digest, body = content[:_DIGEST], content[_DIGEST:]
        known = marshal.loads(body) if hashlib.sha256(body).digest() == digest else None
        return known if isinstance(known, dict) else {}
    except (OSError, ValueError, EOFError, TypeError):
        return {}  # none yet, or unreadable: everything is compiled, and the file made again


def write_kept(path: Path | None, known: dict[Any, Any]) -> None:
    """Write a cache file, its digest first; where it cannot be written, the next run compiles."""
    if path is None:
        return
    aside: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed: runs starting together each read a whole file.
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.stem}-", delete=False) as file:
            aside = file.name
            body = marshal.dumps(known)
            file.write(hashlib.sha256(body).digest() + body)
        os.replace(aside, path)
    except (OSError, ValueError):
        # A disk that filled up, or a rename refused: the file written aside (a methods file is
        # some 400 KB) is not left behind, one more at every run.
        if aside is not None:
            try:
                os.unlink(aside)
            except OSError:
                pass


def methods_file() -> Path | None:
    folder = cache_folder()
    version = f"py{sys.version_info[0]}.{sys.version_info[1]}-{importlib.util.MAGIC_NUMBER.hex()}"
    return None if folder is None else folder / f"methods-{version}.marshal"


class MethodCache:
    """dataclasses' compiling of the methods it writes, answered from `path`, while installed."""

    def __init__(self, path: Path | None):
        self.path = path
        self.known: dict[str, Any] = read_kept(path)
        self.added = 0

    def exec(self, source: Any, globals: dict[str, Any] | None = None, locals: Any = None) -> None:
        if type(source) is str:
            code = self.known.get(source)
            if code is None:
                code = self.known[source] = compile(source, "<string>", "exec", dont_inherit=True)
                self.added += 1
            source = code
        exec(source, globals, locals)

    def install(self) -> None:
        setattr(dataclasses, "exec", self.exec)

    def remove(self) -> None:
        """The builtin back in dataclasses; the methods compiled meanwhile written for the next run."""
        if vars(dataclasses).get("exec") == self.exec:
            delattr(dataclasses, "exec")
        if self.added:
            write_kept(self.path, self.known)
        self.known, self.added = {}, 0  # not held by every worker
