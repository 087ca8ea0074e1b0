"""The fork server's first preload: what makes its workers lighter than the modules they import.

pandas is hidden while the fork server imports the workers' modules. No worker has pandas'
values, but pyarrow imports pandas the first time it converts values, to see whether they are
pandas' (a quarter of a second, half of the fork server's imports, its libraries mapped in every
worker), and so does pytesseract when imported, for a DataFrame output the OCR reader does not
use. Each records a failed import once and for all, so both are made to meet one here: a worker
then never loads pandas, and whatever really asks for it later still gets it, for the finder is
gone once the preload is done. (`sys.modules["pandas"] = None` would not do: pyarrow's check
fails on it with AttributeError; and pyarrow.dataset imports pandas itself, so the workers keep
to pyarrow.parquet.)

numpy is hidden from pyarrow alone, while it is imported: pyarrow imports numpy when it can (a
third of its import, a tenth of a text run's start), to convert numpy's arrays and scalars,
which no worker hands it (the records hold Python values), and does without otherwise. A reader
that needs numpy (OCR, a PDF's symbols, Word) imports it afterwards, as a scan's preload does.
So is cloudpickle, where it is installed (Dask's, with the test extras): pyarrow imports it as
its `pickle` (compat.pxi) and binds the standard module to that name a few lines on all the same
(types.pxi, io.pxi), so the import was all it did: 4.8M instructions of a text input's fork
server's 636M (callgrind, PYTHONHASHSEED=0).

pyarrow's filesystems (pyarrow.fs, which pyarrow.parquet imports) are loaded without those that
reach other machines (S3, Google Cloud, Azure, HDFS: each its own library), and without `ssl`:
pyarrow.fs imports it only to hand libcurl, which those filesystems alone use, the system's
certificate paths (_fs.pyx, _init_ca_paths), and a worker reads and writes local files only.
`ssl` and its C module are a twentieth of a text input's fork server (26M instructions of 575M;
the remote filesystems 2M more), so it meets a stand-in that knows no paths, as on a system
without them, and the real module is there for whatever imports it later.

The workers' Arrow buffers come from the C library's allocator, not from pyarrow's own
(mimalloc), which on its first allocation reserves a gigabyte of address space, or under a
worker's memory cap the largest share of the room left that it can get: the cap would count
that reservation rather than the file's needs (a scan read at the memory floor failed once
pandas no longer took that room), and reading a report allocates no faster either way.

The regular expressions the workers' modules compile, and the methods `dataclasses` writes for
their classes, are taken from the user's cache where it holds them, and those it lacks added once
the imports are done (pipeline.run.patterns, pipeline.run.kept).

Then, before the first worker is forked, the preloaded objects are frozen out of the cyclic
collector's sight: none of them is garbage, and every collection of the oldest generation would
traverse them all in every worker (and touch their pages, which a fork shares until written).

This module does its work when imported, as multiprocessing's preload takes module names; the
run's own process never imports it, and keeps pandas for whoever uses it there (pyarrow's
to_pandas, the review site, tests).
"""
from __future__ import annotations

import gc

# No collection while the workers' modules are imported (this module is the first): they make
# objects by the hundred thousand and leave some 400 in cycles, so the collections their
# allocations set off (the oldest generation's traverse all that is loaded so far) freed next to
# nothing: 13M instructions of a PDF input's fork server's 675M, 8M of a text input's 548M
# (callgrind, PYTHONHASHSEED=0). Those few are frozen with the rest; the workers collect as before.
# Before the imports below, the first not to be collected.
_COLLECTING = gc.isenabled()
gc.disable()

import importlib.machinery
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import ModuleType, SimpleNamespace

from pipeline.run.kept import MethodCache, methods_file
from pipeline.run.patterns import PatternCache, cache_file

HIDDEN = "pandas"
HIDDEN_FROM_PYARROW = ("numpy", "cloudpickle")
REMOTE_FILESYSTEMS = ("pyarrow._s3fs", "pyarrow._gcsfs", "pyarrow._azurefs", "pyarrow._hdfs")


class _Hidden:
    # A finder by its find_spec alone, as sys.meta_path takes it: deriving from importlib.abc's
    # MetaPathFinder imported importlib.abc and importlib.resources (5.6M instructions of 636M).

    def __init__(self, *names: str):
        self.names = names

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname.split(".")[0] in self.names or fullname in self.names:
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


_FINDER = _Hidden(HIDDEN)


def _allocate_from_the_system() -> None:
    # Read by Arrow once, when pyarrow loads it: before any module imports pyarrow here.
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")


class _NoCertificates(ModuleType):
    # What pyarrow.fs asks of `ssl`: the certificate paths, none here.
    @staticmethod
    def get_default_verify_paths() -> SimpleNamespace:
        return SimpleNamespace(cafile=None, capath=None)


def _hide() -> None:
    from_pyarrow = _Hidden(HIDDEN, *HIDDEN_FROM_PYARROW, *REMOTE_FILESYSTEMS)
    stand_in = None if "ssl" in sys.modules else sys.modules.setdefault("ssl", _NoCertificates("ssl"))
    sys.meta_path.insert(0, from_pyarrow)
    try:
        import pyarrow as pa
        import pyarrow.fs  # noqa: F401
    finally:
        sys.meta_path.remove(from_pyarrow)
        if stand_in is not None and sys.modules.get("ssl") is stand_in:
            del sys.modules["ssl"]
    sys.meta_path.insert(0, _FINDER)
    # pyarrow's Python check (a value's type tested against pandas'), then its C++ one (the
    # null sentinels of type inference): each looks once for pandas, here finding none.
    pa.array([], type=pa.null())
    pa.infer_type([None], from_pandas=True)


@contextmanager
def pandas_hidden() -> Iterator[None]:
    """pandas hidden again, in a worker importing what the fork server did not (every reader,
    pytesseract among them, for a file of another kind than the input's)."""
    sys.meta_path.insert(0, _FINDER)
    try:
        yield
    finally:
        sys.meta_path.remove(_FINDER)


def _before_first_fork() -> None:
    if _FINDER not in sys.meta_path:
        return  # done already, before an earlier worker
    sys.meta_path.remove(_FINDER)
    _PATTERNS.remove()
    _METHODS.remove()
    gc.freeze()
    if _COLLECTING:
        gc.enable()


_METHODS = MethodCache(methods_file())
_METHODS.install()  # first: pyarrow's own modules have dataclasses too
_allocate_from_the_system()
_hide()
_PATTERNS = PatternCache(cache_file())
_PATTERNS.install()
os.register_at_fork(before=_before_first_fork)
