"""Generate docs/data-dictionary.md from pipeline/schema.py and problem_codes.tsv beside this
module: `python -m pipeline.dataset.docs`.

The dictionary is generated, never edited by hand, so it cannot drift from the tables the
writer produces; tests/test_run_incremental.py checks the committed file is current, and
tests/test_problem_codes.py that the codes listed are the codes the sources give.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from pipeline.dataset.datapackage import table_schema_type
from pipeline.dataset.writer import UNKNOWN_YEAR
from pipeline.schema import TABLES

DICTIONARY = Path(__file__).resolve().parents[2] / "docs" / "data-dictionary.md"
PROBLEM_CODES = Path(__file__).with_name("problem_codes.tsv")

HEADER = f"""\
# Data dictionary

Generated from `pipeline/schema.py` by `python -m pipeline.dataset.docs`; do not edit by hand.

## Layout

A run writes one folder (default `data/out/`):

```
data/out/<table>/year=<year>/part-0.parquet   {", ".join(n for n, t in TABLES.items() if "year" in t.names)}
data/out/<table>/part-0.parquet               {", ".join(n for n, t in TABLES.items() if "year" not in t.names)} (not partitioned)
data/out/datapackage.json                     every table as a Frictionless Data Package resource: its files, fields, types, meanings
data/out/_manifest.json                       the source files the dataset was built from (size, mtime, SHA-256, parser version)
```

Every table is read as it is:

```python
pandas.read_parquet("data/out/indicators")
polars.read_parquet("data/out/indicators/**/*.parquet", hive_partitioning=True)
duckdb.sql("select * from read_parquet('data/out/indicators/**/*.parquet', hive_partitioning=true)")
```

- **Partitions.** Tables with a `year` column are hive-partitioned by it: the year is in the folder
  name, not in the files. Rows whose year could not be read are in `year={UNKNOWN_YEAR}` (pandas cannot read
  pyarrow's null partition), so filter with `year > 0` to leave them out.
- **`year` in pandas** comes back as a categorical of integers (pyarrow reads hive partition
  values as a dictionary). Equality and `isin` work as they are; for `<`, `>` or arithmetic use
  `df["year"].astype("int32")`. polars and DuckDB give an integer column.
- **Order.** Rows are in the order of their source file's `source_path`, then in document order;
  two runs over the same files give byte-identical files.
- **Ids.** `doc_id` is the first 16 hex digits of the file's SHA-256, so the same content gets the
  same id in every run and on every machine. Join the tables on `doc_id`.
- **Places.** `page` and `line` point into the source file (see each column).

Types are Arrow types: `string`, `int32`, `double` (float64), `date32[day]` (a date), `bool`;
datapackage.json gives them as Table Schema types ({", ".join(sorted({f"`{table_schema_type(c.type)}`" for t in TABLES.values() for c in t.columns}))}).
"""


def render() -> str:
    parts = [HEADER]
    for spec in TABLES.values():
        partitioning = ("partitioned by `year`" if "year" in spec.names else "one file, not partitioned")
        parts.append(f"\n## {spec.name}\n\n{spec.doc} File: `<out>/{spec.name}/`, {partitioning}.\n\n"
                     "| column | type | meaning |\n| --- | --- | --- |\n")
        parts.extend(f"| `{c.name}` | {c.type} | {c.doc.replace('|', '/')} |\n" for c in spec.columns)
    parts.append(_problem_codes())
    return "".join(parts)


def problem_codes() -> list[dict[str, str]]:
    """The rows of problem_codes.tsv: code, severity, stage, meaning."""
    with PROBLEM_CODES.open(encoding="utf-8", newline="") as rows:
        return list(csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE))


def _problem_codes() -> str:
    head = ("\n## Problem codes\n\nEvery `code` of the `problems` table. An `error` means the file's rows are not in the "
            "dataset; a `warning`, that they are, read as the meaning says. Each row's `message` says what was "
            "found in that file and what to do.\n\n| code | severity | found by | meaning |\n| --- | --- | --- | --- |\n")
    return head + "".join(f"| `{r['code']}` | {r['severity']} | {r['stage']} | {r['meaning'].replace('|', '/')} |\n"
                          for r in problem_codes())


def main() -> int:
    DICTIONARY.parent.mkdir(exist_ok=True)
    DICTIONARY.write_text(render(), encoding="utf-8")
    print(f"wrote {DICTIONARY}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
