"""rapportdata: Stockholm stad's reports turned into a Parquet research dataset."""

# Part of the manifest key: a change here makes the next incremental run reparse every file.
PARSER_VERSION = "1"
