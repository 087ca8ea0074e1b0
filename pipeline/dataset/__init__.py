"""The dataset stage: records to Arrow tables, the per-file cache, the Parquet dataset and its docs."""
