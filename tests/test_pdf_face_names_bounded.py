"""A font's typeface is looked up once per name, and the names held stay bounded: a worker reads
one PDF after another, and each one's subset tags ("ABCDEF+Arial-Bold") are names of its own."""
from __future__ import annotations

import string

from parsers import pdf_flow


def _tag(n: int) -> str:
    letters = string.ascii_uppercase
    return "".join(letters[(n // 26 ** k) % 26] for k in range(6))


def test_the_typefaces_of_many_documents_fonts_are_not_all_kept() -> None:
    faces = {pdf_flow._face(f"{_tag(n)}+LiberationSans-Bold") for n in range(5000)}
    assert faces == {"liberationsans"}
    assert pdf_flow._face.cache_info().currsize <= 1024
