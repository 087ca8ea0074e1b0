"""datapackage.json: the dataset described as a Frictionless Data Package, from pipeline/schema.py.

Each table is one resource: its Parquet files (the partitions, relative to the dataset folder),
its fields with their Table Schema types and the column docs of the records. The partition
column `year` lives in the folder names, not in the files, so it is described as the resource's
partitioning rather than as a field the files hold.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # loaded when a dataset is written; reading the names of its tables needs neither
    import pyarrow as pa

    from pipeline.schema import TableSpec

NAME = "datapackage.json"
# The dataset's other file beside its tables, what it was built from (pipeline.dataset.cache):
# named here, in a module that imports next to nothing, for the command, which looks for it
# before it starts the fork server (an output that holds one may have every file in its cache).
MANIFEST_NAME = "_manifest.json"
PARTITION = "year"


def table_schema_type(type_: pa.DataType) -> str:
    """The Table Schema type of an Arrow type."""
    import pyarrow as pa

    if pa.types.is_string(type_):
        return "string"
    if pa.types.is_floating(type_):
        return "number"
    if pa.types.is_integer(type_):
        return "integer"
    if pa.types.is_date(type_):
        return "date"
    if pa.types.is_boolean(type_):
        return "boolean"
    raise ValueError(f"no Table Schema type for {type_}")


def table_schema(spec: TableSpec) -> dict[str, Any]:
    """The Table Schema of the table's files (every column but the partition column)."""
    # Parquet has real nulls; readers that go through pandas (frictionless among them) see a null
    # integer or number as NaN, which is a missing value too, not a wrong one.
    return {"fields": [{"name": c.name, "type": table_schema_type(c.type), "description": c.doc}
                       for c in spec.columns if c.name != PARTITION],
            "missingValues": ["", "nan", "NaN"]}


def _resource(folder: Path, spec: TableSpec) -> dict[str, Any]:
    paths = sorted(p.relative_to(folder).as_posix() for p in (folder / spec.name).rglob("*.parquet"))
    resource: dict[str, Any] = {
        "name": spec.name, "type": "table", "path": paths if len(paths) != 1 else paths[0],
        "format": "parquet", "mediatype": "application/vnd.apache.parquet", "description": spec.doc,
        "schema": table_schema(spec)}
    if PARTITION in spec.names:
        doc = next(c.doc for c in spec.columns if c.name == PARTITION)
        resource["description"] += (f" Hive-partitioned: the column `{PARTITION}` (integer) is in the folder "
                                    f"names ({spec.name}/{PARTITION}=2018/part-0.parquet), not in the files. "
                                    + doc)
    return resource


def descriptor(folder: Path) -> dict[str, Any]:
    from pipeline.schema import TABLES

    return {
        "name": "rapportdata", "title": "Stockholm stad's reports as a research dataset",
        "description": "Goals, indicators, activities and financial tables of Stockholm stad's "
                       "verksamhetsberättelser, verksamhetsplaner and tertialrapporter, each row pointing "
                       "back to the page or line it came from. Generated from pipeline/schema.py.",
        "resources": [_resource(folder, spec) for spec in TABLES.values()],
    }


def write_datapackage(folder: Path) -> Path:
    """Write datapackage.json into the dataset folder, describing the files already there."""
    import json  # here: the command imports this module before it starts the fork server

    path = folder / NAME
    path.write_text(json.dumps(descriptor(folder), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def published_tables(folder: Path) -> list[str] | None:
    """The names of the tables the datapackage.json in `folder` lists; None without a readable one."""
    import json

    try:
        resources = json.loads((folder / NAME).read_text(encoding="utf-8"))["resources"]
        return [str(resource["name"]) for resource in resources]
    except (OSError, ValueError, TypeError, KeyError):
        return None
