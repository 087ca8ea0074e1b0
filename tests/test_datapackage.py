"""datapackage.json: written into the dataset from the record definitions, valid as a
Frictionless Data Package, and every Parquet file of the dataset valid against its resource."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from frictionless import Package, Resource, Schema, validate

from paths import SEEDS
from pipeline.dataset.datapackage import NAME
from pipeline.run.options import RunOptions
from pipeline.run.orchestrate import run
from pipeline.schema import TABLES


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("datapackage") / "out"
    run(RunOptions(input=SEEDS, output=out, jobs=1))
    return out


def test_the_descriptor_is_a_valid_data_package_naming_every_table(dataset: Path):
    descriptor = json.loads((dataset / NAME).read_text(encoding="utf-8"))
    report = Package.validate_descriptor(descriptor)
    assert report.valid, report.flatten(["message"])
    assert [r["name"] for r in descriptor["resources"]] == list(TABLES)
    indicators = next(r for r in descriptor["resources"] if r["name"] == "indicators")
    assert "indicators/year=2018/part-0.parquet" in indicators["path"]
    fields = {f["name"]: f for f in indicators["schema"]["fields"]}
    assert fields["outcome"]["type"] == "number" and fields["line"]["type"] == "integer"
    assert fields["series_id"]["description"].startswith("The indicator's series")
    assert "year" not in fields and "partitioned" in indicators["description"]


def test_every_file_of_the_dataset_is_valid_against_its_resource(dataset: Path):
    descriptor = json.loads((dataset / NAME).read_text(encoding="utf-8"))
    checked = 0
    for resource in descriptor["resources"]:
        paths = resource["path"] if isinstance(resource["path"], list) else [resource["path"]]
        assert sorted(paths) == sorted(p.relative_to(dataset).as_posix()
                                       for p in (dataset / resource["name"]).rglob("*.parquet"))
        for path in paths:
            # frictionless reads one Parquet file per resource, so each part is validated alone.
            part = Resource(path=path, basepath=str(dataset), schema=Schema.from_descriptor(resource["schema"]))
            report = validate(part)
            assert report.valid, (path, report.flatten(["message"])[:3])
            assert report.tasks[0].stats.get("rows", 0) == pq.read_metadata(dataset / path).num_rows
            checked += 1
    assert checked >= len(TABLES)
