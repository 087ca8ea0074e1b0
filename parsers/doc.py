"""Legacy Word .doc reports, RTF and OpenDocument text (.odt), converted to .docx by LibreOffice
and read by the DOCX reader.

No Python library reads the binary .doc format's tables reliably; LibreOffice's import filter
does, and its .docx export keeps merged cells as gridSpan/vMerge, which the DOCX reader handles.
RTF (what older systems export, and Word's "Rich Text") and OpenDocument (LibreOffice's own, and
what some archives ask for) take the same way.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from parsers import opendocument_text
from parsers.blocks import ParsedDocument, UnreadableFile
from parsers.docx import read_docx

CONVERT_TIMEOUT_S = 120
# LibreOffice import filter by the file's first bytes. Naming the filter matters: left to guess,
# LibreOffice opens a damaged or foreign file as plain text and "converts" its bytes to junk.
_IMPORT_FILTERS = {b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "MS Word 97", b"{\\rtf": "Rich Text Format"}
# Written into the conversion's folder while LibreOffice runs: the number of its process group,
# so whoever removes a folder a killed reader left behind can end the LibreOffice it started.
PROCESS_GROUP_FILE = "process-group"


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _run(command: list[str], timeout: float, workdir: Path) -> subprocess.CompletedProcess[str]:
    """Run LibreOffice in its own process group, ended with the whole group however the wait
    ends (timeout, or the worker being stopped): the launcher's soffice.bin child must die too,
    or it keeps the profile locked, the CPU busy and the copy of the report open."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    record = workdir / PROCESS_GROUP_FILE
    try:
        record.write_text(str(process.pid))
        stdout, stderr = process.communicate(timeout=timeout)
    except BaseException:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass  # it ended just now
        process.communicate()
        raise
    finally:
        record.unlink(missing_ok=True)
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def _import_filter(source: Path) -> str:
    with source.open("rb") as handle:
        head = handle.read(128)
    if opendocument_text(head):
        return "writer8"
    for magic, name in _IMPORT_FILTERS.items():
        if head.startswith(magic):
            return name
    raise UnreadableFile("not_a_word_file", f"the file is named {source.suffix} but is neither a Word 97-2003 "
                                            "document, RTF nor OpenDocument text: open it in the program that made "
                                            "it and save it as .docx")


def convert_to_docx(source: Path, workdir: Path, timeout: float = CONVERT_TIMEOUT_S) -> Path:
    """Convert `source` with LibreOffice headless into `workdir`; returns the .docx path."""
    import_filter = _import_filter(source)
    soffice = find_soffice()
    if soffice is None:
        raise UnreadableFile("libreoffice_missing", "legacy Word .doc, RTF and OpenDocument text need LibreOffice "
                                                    "to convert them: install it (apt-get install "
                                                    "libreoffice-writer) or save the file as .docx")
    # A fixed name makes the output's name known (out/source.docx), whatever dots, spaces or
    # wrong extension the original name has.
    staged = workdir / "source.doc"
    shutil.copyfile(source, staged)
    # A private profile: with the shared one, a second soffice hands its job to a running
    # instance (or waits on its lock), which breaks parallel workers.
    profile = (workdir / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               f"--infilter={import_filter}", "--convert-to", "docx", "--outdir", str(workdir / "out"), str(staged)]
    try:
        completed = _run(command, timeout, workdir)
    except subprocess.TimeoutExpired as error:
        raise UnreadableFile("conversion_timeout", f"LibreOffice did not convert the file within {timeout:.0f} s: "
                                                   "the file may be damaged or very large; open it in Word "
                                                   "and save it as .docx") from error
    converted = workdir / "out" / "source.docx"
    if not converted.is_file():
        detail = (completed.stderr or completed.stdout).strip().splitlines()[-1:] or ["no output"]
        raise UnreadableFile("damaged_doc", f"LibreOffice could not convert the document ({detail[0]}): "
                                            "it may be damaged, password-protected or of another kind; "
                                            "open it in Word and save it as .docx")
    return converted


def read_doc(path: Path) -> ParsedDocument:
    # Under the worker's private TMPDIR when run by rapportdata, removed on every way out.
    with tempfile.TemporaryDirectory(prefix="rapportdata-doc-") as workdir:
        parsed = read_docx(convert_to_docx(path, Path(workdir)))
    parsed.source_format = "doc"
    return parsed
