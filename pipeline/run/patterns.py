"""The fork server's regular expressions, compiled once and kept between runs.

The workers' modules compile some 140 patterns when imported (the vocabulary's labels, the
metadata's report types and dates), in the `regex` module's parser, which is Python: a quarter
of the fork server's imports (callgrind), before any worker can start, in every run. What that
parser makes is plain data (the pattern, its flags, its code, its groups), the same that `regex`
pickles a pattern as and rebuilds it from in its C module, so a pattern rebuilt from that data
is one compiling it makes (compiling orders the bytes of some sets in the code as objects'
addresses fall, so two compilations of a pattern may differ in that order alone, as two
processes' do without this; tests/test_run_patterns.py). Here that data is kept in a file of the
user's cache (marshal: data only, nothing run when loaded), keyed by everything the compiled
code depends on: the pattern, its flags, regex's default version and the locale's encoding, in
a file named by regex's version, its C module's build and Python's. regex's C module trusts the
code it is given (a wrong one can crash the process), so the file carries a digest of its
contents and one that does not match it is not read: a damaged file costs one run's compiling,
never every run's start. A pattern the file does not hold (a new
vocabulary, new code) is compiled as before and added, once the imports are done.

Only the fork server uses it, while it imports the workers' modules (pipeline.run.preload); a
pattern with named lists (keyword arguments) is always compiled.
"""
from __future__ import annotations

import hashlib
import locale
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import regex
import regex._main

from pipeline.run.kept import cache_folder, read_kept, write_kept

# regex's compile (Python) and its C module, which the pattern's data is rebuilt by.
_main: Any = sys.modules["regex._main"]
_regex: Any = sys.modules["regex._regex"]

Key = tuple[str, int, bool, int, str]


def cache_file() -> Path | None:
    """The file, in rapportdata's folder of the user's cache (None where there is none)."""
    folder = cache_folder()
    if folder is None:
        return None
    built = os.stat(_regex.__file__)
    build = hashlib.sha256(f"{built.st_size}:{built.st_mtime_ns}".encode()).hexdigest()[:12]
    version = f"{regex.__version__}-{build}-py{sys.version_info[0]}.{sys.version_info[1]}"
    return folder / f"patterns-{version}.marshal"


class PatternCache:
    """regex's compile, answered from `path` where it holds the pattern, while installed."""

    def __init__(self, path: Path | None):
        self.path = path
        self.known: dict[Key, tuple[Any, ...]] = read_kept(path)
        self.added = 0
        self._compile: Callable[..., Any] | None = None

    def compile(self, pattern: Any, flags: int, ignore_unused: bool, kwargs: dict[str, Any],
                cache_it: bool) -> Any:
        assert self._compile is not None
        if kwargs or type(pattern) is not str or flags & regex.DEBUG:
            return self._compile(pattern, flags, ignore_unused, kwargs, cache_it)
        key = (pattern, int(flags), bool(ignore_unused), int(regex.DEFAULT_VERSION),
               locale.getpreferredencoding(False))
        data = self.known.get(key)
        if data is not None:
            return _regex.compile(*data)
        compiled = self._compile(pattern, flags, ignore_unused, kwargs, cache_it)
        self.known[key] = compiled._pickled_data
        self.added += 1
        return compiled

    def install(self) -> None:
        self._compile = _main._compile
        _main._compile = self.compile

    def remove(self) -> None:
        """regex's own compile back; the patterns compiled meanwhile written for the next run."""
        if self._compile is not None:
            _main._compile = self._compile
            self._compile = None
        if self.added:
            write_kept(self.path, self.known)
        self.known, self.added = {}, 0  # not held by every worker
