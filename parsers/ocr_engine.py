"""Tesseract calls: words with their boxes from an image, and many small images in one call.

Each call starts a Tesseract process, which costs about 0.1 s of loading its model before it
reads anything: as much as reading a table cell. So the reader does not call it per cell but
stacks a page's cells (or suspect words) into one "sheet" image, reads the sheet once, and
hands each image back the words that fell on it.

The images go to Tesseract's standard input as uncompressed PGM, and each process gets its
own environment with one OpenMP thread. pytesseract cannot do either: it compresses every image
to a PNG file first (about a second for a 300 dpi page, in the Python process) and runs
Tesseract in `os.environ`; it is used for its command setting and for listing the languages.
"""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

import numpy as np
import pytesseract

from parsers.ocr_image import Grey

class EngineError(RuntimeError):
    """Tesseract is missing or failed on an image."""


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    left: int
    top: int
    right: int
    bottom: int

    def shifted(self, dx: int, dy: int) -> Word:
        return Word(self.text, self.left + dx, self.top + dy, self.right + dx, self.bottom + dy)


def languages() -> set[str]:
    """The installed language models; EngineError when Tesseract itself is missing."""
    try:
        return set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError) as error:
        raise EngineError(str(error)) from None


def _pgm(image: Grey) -> bytes:
    height, width = image.shape
    return f"P5 {width} {height} 255\n".encode("ascii") + np.ascontiguousarray(image, dtype=np.uint8).tobytes()


def read_words(image: Grey, lang: str, psm: int, inverted: bool = True) -> list[list[Word]]:
    """Tesseract's text lines of a grey image, in its reading order, each a list of its words.
    With `inverted` False, Tesseract does not also try each doubtful line as white on black."""
    command = [pytesseract.pytesseract.tesseract_cmd, "stdin", "stdout", "-l", lang, "--psm", str(psm),
               *([] if inverted else ["-c", "tessedit_do_invert=0"]), "tsv"]
    # The reader runs as many Tesseract processes as it may use cores; Tesseract's own OpenMP
    # threads on top of that fight over the cores and make the whole several times slower.
    # A limit the user set is kept.
    environment = {"OMP_THREAD_LIMIT": "1", **os.environ}
    try:
        done = subprocess.run(command, input=_pgm(image), capture_output=True, env=environment, check=False)
    except OSError as error:
        raise EngineError(f"Tesseract could not be started: {error}") from None
    if done.returncode:
        raise EngineError(f"Tesseract failed: {done.stderr.decode('utf-8', 'replace').strip()[-300:]}")
    lines: dict[tuple[str, str, str], list[Word]] = {}
    for row in done.stdout.decode("utf-8", "replace").splitlines()[1:]:
        # level, page, block, paragraph, line, word, left, top, width, height, confidence, text
        fields = row.split("\t")
        if len(fields) < 12 or fields[0] != "5" or not fields[11].strip():
            continue
        left, top, width, height = (int(v) for v in fields[6:10])
        word = Word(fields[11].strip(), left, top, left + width, top + height)
        lines.setdefault((fields[2], fields[3], fields[4]), []).append(word)
    return list(lines.values())


@dataclass(frozen=True, slots=True)
class SheetSettings:
    # White rows between two images of a sheet: more than a line's spacing, so that Tesseract
    # never takes lines of two images for one paragraph or one line.
    gap: int = 40
    # Tesseract reads images up to 32767 px high; a sheet stays well below.
    max_height: int = 20000


def read_sheet(images: list[Grey], lang: str, psm: int, settings: SheetSettings) -> list[list[list[Word]]]:
    """The lines of each image, read in as few calls as the sheet height allows, with boxes
    relative to their own image. A line belongs to the image its middle falls on."""
    out: list[list[list[Word]]] = [[] for _ in images]
    start = 0
    while start < len(images):
        end, height = start, 0
        while end < len(images) and (end == start or height + images[end].shape[0] <= settings.max_height):
            height += images[end].shape[0] + settings.gap
            end += 1
        _read_batch(images, start, end, lang, psm, settings, out)
        start = end
    return out


def _read_batch(images: list[Grey], start: int, end: int, lang: str, psm: int,
                settings: SheetSettings, out: list[list[list[Word]]]) -> None:
    batch = images[start:end]
    tops = np.cumsum([0] + [image.shape[0] + settings.gap for image in batch])
    sheet = np.full((int(tops[-1]), max(image.shape[1] for image in batch)), 255, dtype=np.uint8)
    for image, top in zip(batch, tops):
        sheet[top:top + image.shape[0], :image.shape[1]] = image
    # A sheet is black on white by construction: trying its lines inverted only costs time.
    for line in read_words(sheet, lang, psm, inverted=False):
        middle = (min(w.top for w in line) + max(w.bottom for w in line)) // 2
        k = int(np.searchsorted(tops, middle, side="right")) - 1
        if 0 <= k < len(batch):
            out[start + k].append([word.shifted(0, -int(tops[k])) for word in line])
