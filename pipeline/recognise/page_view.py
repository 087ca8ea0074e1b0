"""The records' boxes on the page as a viewer shows it.

The reader gives boxes in its own frame, text upright, which recognition compares (a column's
extent across rows); a page shown turned by its /Rotate, cropped off its left, or with its text
running up the sheet shows them elsewhere. The records of such pages are moved once recognition
is done, so that a number is found on the page where the dataset says it is, in a viewer or in a
rendering of the page (the review site's)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from parsers.blocks import Box, PageView


class _Boxed(Protocol):
    @property
    def page(self) -> int | None: ...
    @property
    def x0(self) -> float | None: ...
    @property
    def y0(self) -> float | None: ...
    @property
    def x1(self) -> float | None: ...
    @property
    def y1(self) -> float | None: ...


R = TypeVar("R", bound=_Boxed)


def as_shown(records: Sequence[R], views: dict[int, PageView]) -> list[R]:
    """The records, those on a page of `views` with their box as shown."""
    out = []
    for record in records:
        view = views.get(record.page) if record.page is not None else None
        if view is None or record.x0 is None or record.y0 is None or record.x1 is None or record.y1 is None:
            out.append(record)
            continue
        box = view.shown(Box(record.x0, record.y0, record.x1, record.y1))
        out.append(replace(record, x0=box.x0, y0=box.y0, x1=box.x1, y1=box.y1))  # type: ignore[type-var]
    return out
