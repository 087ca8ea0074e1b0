"""The `rapportdata` command."""
from __future__ import annotations

import argparse
import atexit
import gc
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

# What the command imports before it starts the fork server is light (pipeline.run.basics):
# logging, json, the run's options and the rest come once the server is importing the readers.
from pipeline.run.basics import (
    DEFAULT_MAX_MEMORY_MB,
    DEFAULT_TIMEOUT,
    DEFAULT_TIMEOUT_PER_PAGE,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_LOCKED,
    EXIT_OK,
    EXIT_PROBLEMS,
    RunError,
    default_jobs,
)

if TYPE_CHECKING:
    from typing import TextIO

    from pipeline.run.options import RunSummary

EXIT_CODES = f"""\
exit codes:
  {EXIT_OK}    every file was read
  {EXIT_PROBLEMS}    the dataset was written, but some files could not be read (see the problems table)
  {EXIT_FAILED}    the run failed (bad arguments, missing input, unwritable output); nothing was changed
  {EXIT_LOCKED}    another run is writing the same output; nothing was changed
  {EXIT_INTERRUPTED}  interrupted (Ctrl-C, SIGTERM); the previous dataset is untouched
"""

RUN_DESCRIPTION = """\
Read every report under the input folder (PDF, DOCX and DOCM, DOC, RTF, ODT, text, markdown,
HTML, MHT; hidden files and Office lock files ~$* are skipped) and write the dataset under the
output folder as Parquet tables, partitioned by year (see docs/data-dictionary.md). A file with
the same content as one listed before it (the same report saved twice) is read once: the copy
is a duplicate_file warning, and its rows are the first file's, under the same doc_id.

Only regular files are read. A symbolic link to a file inside the input folder is read under the
link's own path (one to a file that is listed too is a copy of it); a link to a folder is not
entered (linked_folder), and a link out of the input (link_outside_input), a dangling link
(broken_link), a link loop (link_loop) and a named pipe, socket or device (not_a_regular_file)
are not read: each such path is a row of the problems table. A file name that is not valid UTF-8 is read; its source_path shows the undecodable bytes
as backslash escapes (caf\\xe9.txt) and a file_name_not_utf8 warning says so.

Runs are incremental: a file whose content is unchanged (same size and modification time, or,
when those changed, the same SHA-256) is taken from the cache beside the output
(.<output>.rapportdata/); files that disappeared drop out; a new version of rapportdata's
extraction code reads every file again. Outside the output, a run keeps its compiled regular
expressions and dataclass methods in $XDG_CACHE_HOME/rapportdata/ (else ~/.cache/rapportdata/:
patterns-*.marshal, methods-*.marshal) so that later runs start faster; they may be deleted at any
time.
The new dataset is written to a temporary folder and swapped in at the end, so an interrupted run
(even kill -9) leaves the previous dataset as it was. A file that cannot be read becomes a row of
the problems table and the run goes on.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rapportdata", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Turn Stockholm stad's reports into a Parquet research dataset.",
        epilog="Run `rapportdata run --help` for the options.\n\n" + EXIT_CODES)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub = commands.add_parser("run", help="build or update the dataset", description=RUN_DESCRIPTION,
                              epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub.add_argument("--input", type=Path, default=Path("data/raw"), metavar="DIR",
                     help="folder of reports, read recursively (default: %(default)s)")
    sub.add_argument("--output", type=Path, default=Path("data/out"), metavar="DIR",
                     help="dataset folder, replaced as a whole at the end of the run (default: %(default)s)")
    sub.add_argument("--jobs", type=int, default=default_jobs(), metavar="N",
                     help="files read, then tables written, in parallel (default: the CPUs, here %(default)s)")
    sub.add_argument("--full", action="store_true",
                     help="ignore the cache and read every file again (default: only new and changed files)")
    sub.add_argument("--password", metavar="PW",
                     help="password for encrypted PDFs (default: none; encrypted files become problems)")
    sub.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="S",
                     help="seconds any file may take before it is stopped and reported as `timeout`; a PDF "
                          "may take --timeout-per-page more for each of its pages (default: %(default)g)")
    sub.add_argument("--timeout-per-page", type=float, default=DEFAULT_TIMEOUT_PER_PAGE, metavar="S",
                     help="seconds a PDF may take for each page, on top of --timeout: a 16-page scan "
                          "read by OCR may take --timeout + 16 * S; so may a text file over 1 MB laid out "
                          "in pages (form feeds, as pdftotext writes them); 0 gives every file the same "
                          "limit (default: %(default)g)")
    sub.add_argument("--max-memory-mb", type=int, default=DEFAULT_MAX_MEMORY_MB, metavar="MB",
                     help="address space one worker may use before the file is stopped and reported as "
                          "`memory_limit`; 0 for no cap (default: %(default)s; local executor only)")
    sub.add_argument("--executor", choices=("local", "dask"), default="local",
                     help="local: worker processes on this machine; dask: tasks on a Dask cluster "
                          "(needs pip install 'rapportdata[dask]') (default: %(default)s)")
    sub.add_argument("--scheduler", metavar="URL",
                     help="Dask scheduler address, e.g. tcp://host:8786; the workers must see the input "
                          "folder at the same path (default: start a local cluster of --jobs workers)")
    sub.add_argument("--verbose", "-v", action="store_true",
                     help="log details, including tracebacks, to stderr (default: progress and summary only)")
    sub.add_argument("--log-file", type=Path, metavar="PATH",
                     help="append the detailed log (level DEBUG, with tracebacks) to PATH (default: none)")
    review = commands.add_parser("review", help="write a static site to check the dataset against its sources",
                                 description="Write a static site (open index.html in a browser, no server): "
                                             "the documents with their counts, problems and checks, and each "
                                             "PDF page as an image with the extracted rows outlined at their "
                                             "place (text sources: the text with the rows marked).")
    review.add_argument("--output", type=Path, default=Path("data/out"), metavar="DIR",
                        help="the dataset to review (default: %(default)s)")
    review.add_argument("--to", type=Path, default=Path("data/review"), metavar="DIR",
                        help="folder of the site, replaced as a whole (default: %(default)s)")
    review.add_argument("--input", type=Path, default=Path("data/raw"), metavar="DIR",
                        help="the folder the dataset was read from, for the page images and texts "
                             "(default: %(default)s)")
    return parser


class _Reporter:
    """Progress on stderr: a live line on a terminal; key=value lines for cron and CI logs."""

    INTERVAL = 10.0  # seconds between progress lines in log mode

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.live = stream.isatty()
        self.total = self.done = 0
        self.started = self.last = time.monotonic()

    def emit(self, event: str, **fields: object) -> None:
        pairs = " ".join(f"{key}={_logfmt(value)}" for key, value in fields.items())
        print(f"rapportdata event={event} {pairs}".rstrip(), file=self.stream, flush=True)

    def start(self, total: int, cached: int) -> None:
        self.total, self.started = total, time.monotonic()
        if not self.live:
            self.emit("start", to_read=total, from_cache=cached)

    def advance(self, source_path: str, problems: list[dict[str, object]]) -> None:
        self.done += 1
        now = time.monotonic()
        rate = self.done / max(now - self.started, 1e-9)
        eta = (self.total - self.done) / rate if rate else 0.0
        if self.live:
            self._clear()
            for problem in problems:
                print(f"  {source_path}: {problem['code']}: {problem['message']}", file=self.stream)
            line = f"[{self.done}/{self.total}] {rate:.1f} files/s, ETA {_duration(eta)}  {source_path}"
            print("\r" + line[:_width()], end="", file=self.stream, flush=True)
            return
        for problem in problems:
            self.emit("problem", path=source_path, severity=problem["severity"], code=problem["code"],
                      message=problem["message"])
        if now - self.last >= self.INTERVAL or self.done == self.total:
            self.last = now
            self.emit("progress", done=self.done, total=self.total, files_per_s=round(rate, 2),
                      eta_s=round(eta))

    def finish(self) -> None:
        if self.live:
            self._clear()

    def _clear(self) -> None:
        print("\r\033[K", end="", file=self.stream, flush=True)

    def summary(self, summary: RunSummary, output: Path) -> None:
        tables_checked, checks = summary.tables_checked, summary.checks
        if self.live:
            print(f"rapportdata: {summary.files} files ({summary.read} read, {summary.from_cache} from cache, "
                  f"{summary.hashed} hashed, {summary.removed} removed), {summary.errors} errors in "
                  f"{summary.files_with_errors} files, "
                  f"{summary.warnings} warnings, {tables_checked} tables checked, {checks} checks flagged, "
                  f"{summary.seconds:.1f} s -> {output}", file=self.stream)
        else:
            self.emit("summary", files=summary.files, read=summary.read, from_cache=summary.from_cache,
                      hashed=summary.hashed, removed=summary.removed, errors=summary.errors,
                      files_with_errors=summary.files_with_errors,
                      warnings=summary.warnings, tables_checked=tables_checked, checks=checks,
                      seconds=round(summary.seconds, 2), output=str(output),
                      exit=summary.exit_code)


def _logfmt(value: object) -> str:
    import json

    # Quote (JSON-style) only what would break `key=value` parsing, as logfmt does, and control
    # characters (a file named with a CR or an escape sequence would rewrite the terminal's line).
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if not text or any(c in ' "=' or c < " " or c == "\x7f"
                                                                   for c in text) else text


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes // 60}h{minutes % 60:02d}m" if minutes >= 60 else f"{minutes}m{secs:02d}s"


def _width() -> int:
    import shutil

    return max(40, shutil.get_terminal_size().columns - 1)


def _setup_logging(verbose: bool, log_file: Path | None) -> int:
    import logging

    handlers: list[logging.Handler] = []
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    handlers.append(console)
    if log_file is not None:
        file_handler = logging.FileHandler(log_file, encoding="utf-8")
        file_handler.setLevel(logging.DEBUG)
        handlers.append(file_handler)
    level = logging.DEBUG if verbose or log_file else logging.WARNING
    logging.basicConfig(level=level, handlers=handlers, force=True,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return level


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM (systemd, timeout) stops the run like Ctrl-C does


def main(argv: list[str] | None = None) -> int:
    # First of all, before the heavy imports (pyarrow, the readers: a second or so): from here
    # on Ctrl-C and SIGTERM end the command with exit 130 and one line, never a traceback.
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    # The interpreter's end, after the run is written and reported, collects every object it
    # tears down (22.8M of the command's 367M instructions over one line of text): frozen at
    # exit, the objects go with their modules, as they would, without the collector's traverse.
    # At exit only, so a process that calls the command and goes on keeps its own collecting.
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
    try:
        return _command(argv)
    except KeyboardInterrupt:
        print("rapportdata: interrupted; the previous dataset is untouched", file=sys.stderr)
        return EXIT_INTERRUPTED


def _review(output: Path, to: Path, input_root: Path) -> int:
    from pipeline.review.site import ReviewError, build  # heavy: after the signal handlers

    try:
        pages = build(output, to, input_root)
    except ReviewError as error:
        print(f"rapportdata: error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        print(f"rapportdata: error: cannot write the review to {to}: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(f"rapportdata: {pages} pages -> {to / 'index.html'}", file=sys.stderr)
    return EXIT_OK


def _command(argv: list[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)  # exits 2 on bad arguments, like every argparse tool
    if args.command == "review":
        return _review(args.output, args.to, args.input)
    if args.command != "run":
        parser.print_help(sys.stderr)
        return EXIT_FAILED
    from pipeline.run.server import end_workers_server, start_for_fresh_output

    # Before the logging, the run's own imports and its listing (a tenth of a second), so that
    # the server's imports (a quarter) go on meanwhile. It ends with the run (below), or with
    # this process, whose end it watches, if that is interrupted before the run starts.
    started = args.executor == "local" and start_for_fresh_output(args.input.resolve(), args.output.resolve(),
                                                                   args.full)
    at = time.process_time()
    try:
        level = _setup_logging(args.verbose, args.log_file)
    except OSError as error:
        end_workers_server()
        print(f"rapportdata: error: cannot open the log file {args.log_file}: {error.strerror}", file=sys.stderr)
        return EXIT_FAILED
    import logging

    log = logging.getLogger("rapportdata")
    if started:
        log.debug("timeline fork server started before the listing (cpu %.3f s)", at)
    from pipeline.run.options import RunOptions
    from pipeline.run.orchestrate import run  # heavy: after the signal handlers

    reporter = _Reporter(sys.stderr)
    options = RunOptions(input=args.input, output=args.output, jobs=args.jobs, full=args.full,
                         password=args.password, timeout=args.timeout,
                         timeout_per_page=args.timeout_per_page, max_memory_mb=args.max_memory_mb,
                         executor=args.executor, scheduler=args.scheduler, log_level=level,
                         log_file=args.log_file.resolve() if args.log_file else None)
    hint = "" if args.verbose else " (rerun with --verbose or --log-file PATH for the details)"
    try:
        summary = run(options, reporter)
    except RunError as error:
        log.debug("run failed", exc_info=True)
        reporter.finish()
        print(f"rapportdata: error: {error.message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        reporter.finish()
        print("rapportdata: interrupted; the previous dataset is untouched", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # a bug: say so plainly, keep the traceback for the log
        log.debug("unexpected failure", exc_info=True)
        reporter.finish()
        print(f"rapportdata: error: unexpected {type(error).__name__}: {error}; the previous dataset is "
              f"untouched{hint}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        end_workers_server()
    reporter.summary(summary, args.output)
    return summary.exit_code


if __name__ == "__main__":
    sys.exit(main())
