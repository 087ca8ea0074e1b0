"""The run stage: discovery, workers and their executors, the incremental run, the command line."""
