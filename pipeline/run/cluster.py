"""Per-file work on a Dask cluster, through the same worker protocol as the local pool."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

from pipeline.run.options import RunError, RunOptions
from pipeline.run.worker import Job, Outcome, Result, Task, file_pages, outcome, run_job


def _dask_extract(job: Job, task: Task) -> Result:
    # A Dask task cannot be killed, so the limit is kept by giving up on the thread: the file is
    # reported as timed out and the thread runs on until it ends or the worker is restarted.
    pages = file_pages(job)
    threads = ThreadPoolExecutor(max_workers=1)
    try:
        # Capped: a wait past threading.TIMEOUT_MAX (--timeout 1e10) raises OverflowError.
        return threads.submit(run_job, job).result(min(task.limit(pages), threading.TIMEOUT_MAX))
    except FutureTimeout:
        return Result("timeout", pages=pages)
    finally:
        threads.shutdown(wait=False)


class DaskPool:
    """Per-file work on a Dask cluster. Workers must see the input folder at the same path and
    have rapportdata installed; the memory cap is the workers' own (`--memory-limit`), whose
    nanny restarts a worker that exceeds it (the file then shows as `worker_crashed`)."""

    def __init__(self, options: RunOptions, root: Path):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as error:
            raise RunError("the dask executor needs dask.distributed, which is not installed: "
                           "pip install 'rapportdata[dask]'") from error
        self.options, self.root = options, root
        self.cluster = None
        try:
            if options.scheduler:
                self.client = Client(options.scheduler, timeout=30)
            else:
                self.cluster = LocalCluster(n_workers=options.jobs, threads_per_worker=1,
                                            dashboard_address=None)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as error:
            raise RunError(f"could not connect to the Dask scheduler at {options.scheduler}: {error}; "
                           "check the address (tcp://host:8786) and that the scheduler runs") from error

    def __enter__(self) -> DaskPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def run(self, tasks: list[Task]) -> Iterator[Outcome]:
        from dask.distributed import as_completed

        futures = {self.client.submit(_dask_extract, Job(str(t.path), str(self.root), self.options.password,
                                                         t.sha256), t,
                                      key=f"rapportdata-{t.key}", pure=False): t for t in tasks}
        for future in as_completed(futures):
            task = futures.pop(future)
            try:
                result: Result = future.result()
            except Exception as error:  # KilledWorker, lost connection: this file only
                result = Result("crashed", detail=f"{type(error).__name__}: {error}")
            future.release()
            yield outcome(task, result, self.options.max_memory_mb)
