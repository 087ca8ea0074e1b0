"""A cache entry that cannot be written (the disk is full) leaves nothing behind: the half-written
entry stayed, one a file and worker, and as a failed run prunes nothing, each retry filled the
disk further (9 after two runs of data/raw into a 600 KB tmpfs; found by helper H)."""
from __future__ import annotations

import errno
from pathlib import Path

import pyarrow as pa
import pytest

from pipeline.dataset.cache import Cache


def test_a_cache_entry_the_disk_has_no_room_for_leaves_no_trace(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache(tmp_path / "cache")
    real = pa.output_stream

    def full(path: str, **options: object) -> pa.NativeFile:
        stream = real(path, **options)  # type: ignore[arg-type]
        stream.write(b"half an entry")
        stream.close()
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pa, "output_stream", full)
    with pytest.raises(OSError):
        cache.store("key", {"documents": pa.table({"doc_id": ["a"]})})
    assert list((tmp_path / "cache").iterdir()) == []
    assert not cache.has("key")
