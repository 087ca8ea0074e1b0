"""The fork server's compiled patterns kept between runs (pipeline.run.patterns): a pattern taken
from the file is the one regex compiles, for every pattern the workers' modules compile."""
from __future__ import annotations

import marshal
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from paths import ROOT
from runs import fork_server_imports
from pipeline.run import patterns
from pipeline.run.patterns import PatternCache

SAMPLES = [(r"(?i)\b(mål|indikator)er?\s+\d{4}", 0), (r"^\s*(\d+)\s*%$", regex.MULTILINE),
           (r"(?x) [a-zåäö]+  # a word", 0), (r"(?V1)[[:alpha:]--[a]]+", 0),
           (r"Tertial(?:rapport)?\s+[12]", regex.IGNORECASE | regex.UNICODE)]
TEXTS = ["Målen 2023 och indikatorer 2024", " 45 %\n12%", "bcd efå", "Tertialrapport 2", "TERTIAL 1"]


def _compiled(path: Path) -> tuple[list[regex.Pattern[str]], int]:
    cache = PatternCache(path)
    cache.install()
    try:
        # cache_pattern=False: regex's own cache would otherwise answer the second pass itself.
        found = [regex.compile(pattern, flags, cache_pattern=False) for pattern, flags in SAMPLES]
        named = regex.compile(r"\L<words>", words=["a", "b"])  # named lists: compiled, not kept
    finally:
        added = cache.added
        cache.remove()
    assert named.fullmatch("b")
    return found, added


def test_a_pattern_kept_is_rebuilt_from_the_file_as_regex_compiles_it(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    first, added = _compiled(path)
    assert added == len(SAMPLES) and path.is_file()
    again, added_again = _compiled(path)
    assert added_again == 0  # every pattern from the file
    for kept, fresh in zip(again, first):
        assert getattr(kept, "_pickled_data") == getattr(fresh, "_pickled_data")  # rebuilt from `first`'s
        assert [kept.findall(t) for t in TEXTS] == [fresh.findall(t) for t in TEXTS]
    assert patterns._main._compile.__module__ == "regex._main"  # regex's own compile back


def test_an_unreadable_file_is_compiled_over(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    path.write_bytes(b"\x00not marshal")
    found, added = _compiled(path)
    assert added == len(SAMPLES)
    assert [p.pattern for p in found] == [p for p, _ in SAMPLES]
    assert len(marshal.loads(path.read_bytes()[32:])) == len(SAMPLES)


def test_a_damaged_file_is_compiled_over_not_trusted(tmp_path: Path) -> None:
    # regex's C module runs the code it is given: a byte of a kept pattern's code changed could
    # crash the fork server of every run, so a file whose contents miss their digest is not read.
    path = tmp_path / "patterns.marshal"
    _compiled(path)
    content = bytearray(path.read_bytes())
    kept = marshal.loads(bytes(content[32:]))
    code = next(iter(kept.values()))[2]
    at = content.index(code, 32) + len(code) // 2
    content[at] ^= 0xFF
    path.write_bytes(bytes(content))
    found, added = _compiled(path)
    assert added == len(SAMPLES)
    assert [[p.findall(t) for t in TEXTS] for p in found] == [
        [regex.compile(pattern, flags).findall(t) for t in TEXTS] for pattern, flags in SAMPLES]


_SAME = """
import marshal, sys, regex
from pathlib import Path
kept = marshal.loads(open(sys.argv[1], "rb").read()[32:])  # after its sha256
lines = [line for path in sorted(Path("data/raw").glob("*.txt")) for line in path.read_text().splitlines()]
differ = 0
for (pattern, flags, ignore_unused, _, _), data in kept.items():
    fresh = regex.compile(pattern, flags, ignore_unused)
    rebuilt = regex._regex.compile(*data)
    same = (len(data) == len(fresh._pickled_data) and sorted(data[2]) == sorted(fresh._pickled_data[2])
            and all(a == b for n, (a, b) in enumerate(zip(data, fresh._pickled_data)) if n != 2))
    if not same or any([m.span() for m in fresh.finditer(line)] != [m.span() for m in rebuilt.finditer(line)]
                       for line in lines):
        differ += 1
print(len(kept), differ)
"""


def test_every_pattern_the_fork_server_keeps_is_the_one_regex_compiles(tmp_path: Path) -> None:
    """The workers' modules imported as the fork server does, twice: the second takes every
    pattern from the file, and each is what regex compiles from its pattern and flags, and finds
    what it finds in every line of the seeds. regex orders the bytes of some sets in a pattern's
    code (the characters a match may start with) as the objects' addresses fall, so two
    compilations differ in that order alone: the code is compared as a multiset."""
    added = fork_server_imports(tmp_path, "_PATTERNS")
    assert added[0] > 100 and added[1] == 0
    kept = patterns.cache_file()
    assert kept is not None
    file = tmp_path / kept.relative_to(kept.parents[1])
    checked = subprocess.run([sys.executable, "-c", _SAME, str(file)], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.split()
    assert int(checked[0]) > 100 and checked[1] == "0"


def test_no_cache_file_without_a_home(monkeypatch: pytest.MonkeyPatch) -> None:
    # HOME unset and no passwd entry (a container's --user 12345): expanduser leaves '~', which
    # would make a folder named '~' in the folder the run was started from.
    import pwd

    def missing(uid: int) -> pwd.struct_passwd:
        raise KeyError(uid)

    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", missing)
    assert patterns.cache_file() is None
    monkeypatch.setenv("XDG_CACHE_HOME", "cache")  # relative: ignored, as the XDG spec has it
    assert patterns.cache_file() is None
