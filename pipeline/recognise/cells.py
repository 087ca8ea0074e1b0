"""A table row's cells as recognition reads them: whitespace collapsed (normalizers.text.collapse)."""
from __future__ import annotations

from normalizers.text import collapse


def collapsed(cells: list[str]) -> list[str]:
    """[collapse(cell) for cell in cells], as a new list.

    Every table is asked this of its rows, often more than once (its contents, goal-table and
    header tests, then its reading), and nearly every cell a reader gives is collapsed already:
    collapse returns such a cell as it is when it is printable (no white space but " ") with no
    "  " and no " " at either end. The row's cells joined by "|" tell that of every cell at once,
    in C: a " " at a cell's end stands next to a "|" or at the joined text's end. A "|" of a
    cell's own beside a space only sends the row the long way."""
    joined = "|".join(cells)
    if (joined.isprintable() and "  " not in joined and " |" not in joined and "| " not in joined
            and joined[:1] != " " and joined[-1:] != " "):
        return list(cells)
    return [collapse(cell) for cell in cells]
