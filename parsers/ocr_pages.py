"""A file's pages read on several threads, each thread taking the next page: OCR's engine runs
in its own process, so the threads wait on it in parallel while the GIL is free."""
from __future__ import annotations

import _thread
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class _PageQueue(Generic[T]):
    """A file's pages, each taken by the next thread free to read it; the first error stops the
    taking, and is raised once the pages already taken are done."""

    def __init__(self, count: int, read: Callable[[int], T]):
        self.read = read
        self.pages: list[T | None] = [None] * count
        self.next = 0
        self.reading = 0
        self.error: BaseException | None = None
        self.go = threading.Event()
        self.changed = threading.Condition()

    def take(self) -> None:
        self.go.wait()
        while True:
            with self.changed:
                if self.error is not None or self.next == len(self.pages):
                    return
                index, self.next, self.reading = self.next, self.next + 1, self.reading + 1
            page: T | BaseException
            try:
                page = self.read(index)
            except BaseException as error:  # raised by the thread that waits for all pages
                page = error
            with self.changed:
                if isinstance(page, BaseException):
                    self.error = self.error or page
                else:
                    self.pages[index] = page
                self.reading -= 1
                self.changed.notify_all()

    def done(self) -> list[T]:
        with self.changed:
            self.changed.wait_for(lambda: self.reading == 0)
        if self.error is not None:
            raise self.error
        return [page for page in self.pages if page is not None]


def read_pages(count: int, read: Callable[[int], T], threads: int) -> list[T]:
    """The pages read by this thread and up to `threads` - 1 more, each taking the next page.

    The helpers are started before any page is read, and with the bare thread call rather than
    threading.Thread.start, which waits for the new thread to say it runs: under a worker's
    memory cap a thread may be made and then fail before it says so, and the start would wait
    for ever (until the file's time limit). A helper that fails that way takes no page; one
    that cannot be made at all (no room left for its stack) makes the file the memory cap's
    problem at once, before a page is taken. Pages already taken are always finished, so the
    document is never closed under a thread still rendering it."""
    queue = _PageQueue(count, read)
    try:
        for _ in range(min(threads, count) - 1):
            _thread.start_new_thread(queue.take, ())
    except RuntimeError as error:
        queue.error = MemoryError(f"no room to start a thread reading the scan's pages ({error})")
    queue.go.set()
    queue.take()
    return queue.done()
