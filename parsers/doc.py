"""Legacy Word .doc reports, converted to .docx by LibreOffice and read by the DOCX reader.

No Python library reads the binary .doc format's tables reliably; LibreOffice's import filter
does, and its .docx export keeps merged cells as gridSpan/vMerge, which the DOCX reader handles.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from parsers.docx import read_docx
from pipeline.blocks import ParsedDocument, UnreadableFile

CONVERT_TIMEOUT_S = 120


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _run(command: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Run LibreOffice in its own process group: on a timeout the launcher's soffice.bin child
    must die too, or it keeps the profile locked and the CPU busy."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def convert_to_docx(source: Path, workdir: Path, timeout: float = CONVERT_TIMEOUT_S) -> Path:
    """Convert `source` with LibreOffice headless into `workdir`; returns the .docx path."""
    soffice = find_soffice()
    if soffice is None:
        raise UnreadableFile("libreoffice_missing", "legacy Word .doc needs LibreOffice to convert it: install it "
                                                    "(apt-get install libreoffice-writer) or save the file as .docx")
    # A fixed name: LibreOffice picks its import filter partly by extension, so a .doc sniffed
    # behind a wrong name (report.pdf) must not be handed over under that name.
    staged = workdir / "source.doc"
    shutil.copyfile(source, staged)
    # A private profile: with the shared one, a second soffice hands its job to a running
    # instance (or waits on its lock), which breaks parallel workers.
    profile = (workdir / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "docx", "--outdir", str(workdir / "out"), str(staged)]
    try:
        completed = _run(command, timeout)
    except subprocess.TimeoutExpired as error:
        raise UnreadableFile("conversion_timeout", f"LibreOffice did not convert the .doc within {timeout:.0f} s: "
                                                   "the file may be damaged or very large; open it in Word "
                                                   "and save it as .docx") from error
    converted = workdir / "out" / "source.docx"
    if not converted.is_file():
        detail = (completed.stderr or completed.stdout).strip().splitlines()[-1:] or ["no output"]
        raise UnreadableFile("damaged_doc", f"LibreOffice could not convert the legacy Word file ({detail[0]}): "
                                            "it may be damaged, password-protected or not a Word file; "
                                            "open it in Word and save it as .docx")
    return converted


def read_doc(path: Path) -> ParsedDocument:
    with tempfile.TemporaryDirectory(prefix="rapportdata-doc-") as workdir:
        parsed = read_docx(convert_to_docx(path, Path(workdir)))
    parsed.source_format = "doc"
    return parsed
