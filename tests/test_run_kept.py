"""The methods dataclasses writes, kept between runs (pipeline.run.kept): a kept method is the
code object compiling its text makes, for every class of the workers' modules."""
from __future__ import annotations

import builtins
import dataclasses
from pathlib import Path
from typing import Any

from pipeline.run import kept
from pipeline.run.kept import MethodCache, write_kept
from runs import fork_server_imports


def _define() -> list[type]:
    @dataclasses.dataclass(frozen=True)
    class Point:
        x: int
        y: int = 0
        tags: list[str] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(order=True)
    class Row:
        name: str
        value: float | None = None

    return [Point, Row]


def _classes(path: Path) -> tuple[list[type], int]:
    cache = MethodCache(path)
    cache.install()
    try:
        classes = _define()
    finally:
        added = cache.added
        cache.remove()
    return classes, added


def _methods(cls: type) -> dict[str, Any]:
    return {name: value.__code__ for name, value in vars(cls).items() if hasattr(value, "__code__")}


def test_a_kept_method_is_the_code_compiling_its_text_makes(tmp_path: Path) -> None:
    path = tmp_path / "methods.marshal"
    _, added = _classes(path)
    assert added >= 8 and path.is_file()
    again, added_again = _classes(path)
    assert added_again == 0  # every method from the file
    assert "exec" not in vars(dataclasses)  # the builtin back
    for kept_cls, plain_cls in zip(again, _define()):
        assert _methods(kept_cls) == _methods(plain_cls) and len(_methods(kept_cls)) >= 4
    point, row = again
    assert point(1, tags=["a"]) == point(1, 0, ["a"]) and repr(point(2)).endswith("Point(x=2, y=0, tags=[])")
    assert sorted([row("b"), row("a", 1.0)])[0].name == "a"


def test_a_kept_method_has_the_flags_of_dataclasses_not_of_this_module(tmp_path: Path) -> None:
    # kept.py has `from __future__ import annotations`, dataclasses has none: a text compiled with
    # kept.py's flags would make another code object (annotations as strings).
    source = "def f(a: int) -> int:\n return a\n"
    cache = MethodCache(tmp_path / "methods.marshal")
    into: dict[str, Any] = {}
    cache.exec(source, {}, into)
    plain: dict[str, Any] = {}
    builtins.exec(compile(source, "<string>", "exec", dont_inherit=True), {}, plain)
    assert into["f"].__code__ == plain["f"].__code__ and into["f"].__annotations__ == {"a": int, "return": int}


def test_a_damaged_file_is_compiled_over(tmp_path: Path) -> None:
    path = tmp_path / "methods.marshal"
    _classes(path)
    content = bytearray(path.read_bytes())
    content[len(content) // 2] ^= 0xFF
    path.write_bytes(bytes(content))
    classes, added = _classes(path)
    assert added >= 8 and classes[0](3).x == 3


def test_the_fork_server_compiles_no_method_it_kept(tmp_path: Path) -> None:
    """The workers' modules imported as the fork server does, twice: the second compiles none of
    their classes' methods, and the file holds each as the text's compiling makes it."""
    added = fork_server_imports(tmp_path, "_METHODS")
    assert added[0] > 200 and added[1] == 0
    file = kept.methods_file()
    assert file is not None
    held = kept.read_kept(tmp_path / file.relative_to(file.parents[1]))
    assert len(held) > 200
    assert all(code == compile(text, "<string>", "exec", dont_inherit=True) for text, code in held.items())


def test_a_file_that_cannot_be_put_in_place_leaves_nothing_aside(tmp_path: Path) -> None:
    target = tmp_path / "methods.marshal"
    target.mkdir()  # the rename fails, as on a full disk the write does
    for _ in range(3):
        write_kept(target, {"text": 1})
    assert [path.name for path in tmp_path.iterdir()] == ["methods.marshal"]
