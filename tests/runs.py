"""Helpers the run tests share: options for a run, what a dataset holds, the command line."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from paths import ROOT
from pipeline.run.options import RunOptions

RAPPORTDATA = Path(sys.executable).with_name("rapportdata")


def options(src: Path, out: Path, **kwargs: object) -> RunOptions:
    return RunOptions(input=src, output=out, jobs=kwargs.pop("jobs", 2), **kwargs)  # type: ignore[arg-type]


def snapshot(out: Path) -> dict[str, bytes]:
    """Every table file of a dataset, by relative path (the manifest holds mtimes, so it is left out)."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.parquet"))}


def table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(out / name)


def rows_of(out: Path, source_path: str) -> dict[str, int]:
    """How many rows of each table the file at `source_path` has in the dataset."""
    documents = table(out, "documents")
    doc_ids = set(documents[documents.source_path == source_path].doc_id)
    return {name: int(table(out, name).doc_id.isin(doc_ids).sum())
            for name in ("documents", "goals", "indicators", "activities", "table_cells")}


def make_corpus(seed_dir: Path, folder: Path, copies: int) -> Path:
    """`copies` variants of each seed, each with one changed line, so every file has its own hash."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(seed_dir.glob("*.txt"))
    for n in range(copies):
        for seed in seeds:
            text = seed.read_text(encoding="utf-8")
            (folder / f"{seed.stem}_{n:03d}.txt").write_text(text + f"\nKopia {n}\n", encoding="utf-8")
    return folder


def cli(*args: object, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([RAPPORTDATA, *map(str, args)], capture_output=True, text=True, timeout=300,
                          **kwargs)  # type: ignore[call-overload]


@pytest.fixture
def seeds(tmp_path: Path, seed_dir: Path) -> Path:
    folder = tmp_path / "raw"
    shutil.copytree(seed_dir, folder)
    return folder


def fork_server_imports(cache_home: Path, counter: str) -> list[int]:
    """The workers' modules imported as the fork server does, twice, with `cache_home` as the
    user's cache: what `counter` (a kept cache of pipeline.run.preload) had to add each time."""
    modules = "pipeline.run.preload, pipeline.run.local, pipeline.run.extract, pipeline.dataset.arrow, parsers"
    script = (f"import {modules}, importlib\n"
              "from parsers import READERS\n"
              "for spec in sorted(set(READERS.values())): importlib.import_module(spec.split(':')[0])\n"
              f"print(pipeline.run.preload.{counter}.added)\n"
              "pipeline.run.preload._before_first_fork()\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    return [int(subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                               check=True).stdout.split()[-1]) for _ in range(2)]
