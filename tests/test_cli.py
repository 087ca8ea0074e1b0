"""The `rapportdata` command: exit codes and messages, options no run can work with, and a stop
(Ctrl-C, SIGTERM) at any moment, from the first instant on."""
from __future__ import annotations

import shutil
import signal
import subprocess
from pathlib import Path

import psutil
import pytest

from paths import BAD
from pipeline.run.options import MIN_MEMORY_MB
from runs import RAPPORTDATA, cli, seeds

__all__ = ["seeds"]  # a fixture


def test_exit_codes_and_messages(seeds: Path, tmp_path: Path):
    ok = cli("run", "--input", seeds, "--output", tmp_path / "out")
    assert ok.returncode == 0 and "event=summary files=5" in ok.stderr
    shutil.copy(BAD / "garbage.docx", seeds)
    bad = cli("run", "--input", seeds, "--output", tmp_path / "out")
    assert bad.returncode == 1 and "code=damaged_docx" in bad.stderr and "from_cache=5" in bad.stderr
    missing = cli("run", "--input", tmp_path / "nowhere", "--output", tmp_path / "out")
    assert missing.returncode == 2 and "does not exist" in missing.stderr and "Traceback" not in missing.stderr
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.tex").write_text("precious")
    refused = cli("run", "--input", seeds, "--output", tmp_path / "mine")
    assert refused.returncode == 2 and (tmp_path / "mine" / "thesis.tex").exists()
    assert cli("run", "--jobs", "zero").returncode == 2
    helped = cli("run", "--help")
    for option in ("--input", "--output", "--jobs", "--full", "--password", "--timeout", "--timeout-per-page",
                   "--max-memory-mb",
                   "--executor", "--scheduler", "--verbose", "--log-file", "exit codes"):
        assert option in helped.stdout
    assert "exit codes" in cli("--help").stdout


def test_options_no_run_can_work_with_are_refused(seeds: Path, tmp_path: Path):
    for option, value, says in (("--timeout", "nan", "--timeout must be"), ("--timeout", "0", "--timeout must be"),
                                ("--timeout-per-page", "-1", "--timeout-per-page must be"),
                                ("--timeout-per-page", "inf", "--timeout-per-page must be"),
                                ("--max-memory-mb", str(MIN_MEMORY_MB - 1), f"at least {MIN_MEMORY_MB}"),
                                ("--jobs", "0", "--jobs must be")):
        refused = cli("run", "--input", seeds, "--output", tmp_path / "out", option, value)
        assert refused.returncode == 2 and says in refused.stderr, (option, value, refused.stderr)
        assert "Traceback" not in refused.stderr and not (tmp_path / "out").exists()


def _importing_pyarrow(pid: int) -> bool:
    """Whether the run has begun to load pyarrow, itself or in the fork server its workers come
    from: it is in the middle of the heavy imports of its first second."""
    try:
        run = psutil.Process(pid)
        return any("/pyarrow/" in Path(f"/proc/{p.pid}/maps").read_text()
                   for p in [run, *run.children(recursive=True)])
    except (psutil.NoSuchProcess, OSError):
        return False  # ended, or a child gone between the listing and the look


def test_the_command_ends_its_fork_server_before_it_exits(seeds: Path, tmp_path: Path):
    """The fork server's own end (a Python with pyarrow and pandas to tear down) would hold the
    output open after the command has exited, and whoever reads it would wait."""
    process = subprocess.Popen([RAPPORTDATA, "run", "--input", seeds, "--output", tmp_path / "out"],
                               stderr=subprocess.DEVNULL)
    servers: set[psutil.Process] = set()
    while process.poll() is None:
        try:
            servers.update(p for p in psutil.Process(process.pid).children() if "forkserver" in " ".join(p.cmdline()))
        except psutil.Error:
            pass  # the command, or a child, ended between the listing and the look
    assert process.returncode == 0 and servers
    assert not any(server.is_running() and server.status() != psutil.STATUS_ZOMBIE for server in servers)


def test_the_command_called_again_in_one_process_starts_a_new_fork_server(seeds: Path, tmp_path: Path):
    """A notebook or a test calls the command more than once in one Python: the fork server the
    first call ended must not be waited for by the next (multiprocessing fails with ECHILD)."""
    from pipeline.run.cli import main

    assert [main(["run", "--input", str(seeds), "--output", str(tmp_path / f"out{n}"), "--full"])
            for n in range(2)] == [0, 0]
    assert (tmp_path / "out1" / "documents").is_dir()


def test_a_run_in_a_folder_with_packages_of_its_own_names_imports_the_projects(seeds: Path, tmp_path: Path):
    """A researcher's project folder may hold a `parsers` or `pipeline` package of its own: the
    workers' fork server, started as `python -c` there, must not import it for the project's."""
    project = tmp_path / "project"
    for name in ("parsers", "pipeline"):
        (project / name).mkdir(parents=True)
        (project / name / "__init__.py").write_text('raise SystemExit("the folder\'s own package")\n')
    done = cli("run", "--input", seeds, "--output", tmp_path / "out", cwd=project)
    assert done.returncode == 0 and "event=summary files=5 read=5" in done.stderr


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_in_the_first_instant_exits_130_without_a_traceback(seeds: Path, tmp_path: Path, signum: int):
    """Signalled the moment pyarrow starts to load, in the middle of the imports of the first
    second (before, a Ctrl-C there gave a traceback and a SIGTERM killed it outright): exit 130,
    one line, nothing written."""
    process = subprocess.Popen([RAPPORTDATA, "run", "--input", seeds, "--output", tmp_path / "out"],
                               stderr=subprocess.PIPE, text=True)
    while process.poll() is None and not _importing_pyarrow(process.pid):
        pass
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "interrupted" in stderr
    assert not (tmp_path / "out").exists()
