"""The layout is the design: stages import only the stages below them, no module imports itself
back through others, no module grows past 400 lines, and each record's fields are its table's
columns with Python types that agree with the Arrow types."""
from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import types
import typing
from pathlib import Path

import pyarrow as pa
import pytest

from paths import ROOT
from pipeline.schema import TABLES

# Bottom to top. A module may import its own stage and the stages below it.
STAGES = ("normalizers", "parsers", "pipeline.schema", "pipeline.recognise", "pipeline.dataset",
          "pipeline.review", "pipeline.run")
PACKAGES = ("normalizers", "parsers", "pipeline")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))}


def _stage(module: str) -> int | None:
    """The stage a module belongs to; `pipeline` itself (the version) sits below every stage."""
    ranks = [k for k, stage in enumerate(STAGES) if module == stage or module.startswith(stage + ".")]
    return ranks[-1] if ranks else None


def _imports(path: Path) -> set[str]:
    """Every project module the file imports, at the top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name in MODULES}


def test_every_module_belongs_to_a_stage():
    assert [m for m in MODULES if _stage(m) is None and m != "pipeline"] == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_stage_imports_only_its_own_stage_and_the_stages_below(module: str):
    rank = _stage(module)
    upward = [name for name in _imports(MODULES[module]) if (_stage(name) or 0) > (rank or 0)]
    assert upward == [], f"{module} ({STAGES[rank or 0]}) imports a later stage"


def test_no_import_cycle():
    graph = {module: _imports(path) - {module} for module, path in MODULES.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for name in sorted(graph[module]):
            if state.get(name) == 1:
                raise AssertionError("import cycle: " + " -> ".join(path[path.index(name):] + [name]))
            if name not in state:
                visit(name, path + [name])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_small(module: str):
    assert len(MODULES[module].read_text(encoding="utf-8").splitlines()) < 400


_ARROW_OF = {str: pa.string(), float: pa.float64(), int: pa.int32(), bool: pa.bool_(), dt.date: pa.date32()}


def _python_type(annotation: object) -> tuple[type, bool]:
    """(the non-null Python type, whether None is allowed) of a field annotation."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        assert len(args) == 1, annotation
        return args[0], True
    assert isinstance(annotation, type), annotation
    return annotation, False


@pytest.mark.parametrize("name", sorted(TABLES))
def test_record_fields_are_the_table_columns_with_agreeing_types(name: str):
    spec = TABLES[name]
    hints = typing.get_type_hints(spec.record)
    fields = dataclasses.fields(spec.record)
    assert [f.name for f in fields] == spec.names == spec.schema.names
    for field in fields:
        python, _ = _python_type(hints[field.name])
        assert _ARROW_OF[python] == spec.schema.field(field.name).type, (name, field.name)
        assert field.metadata["doc"].strip(), (name, field.name)
        assert field.default is dataclasses.MISSING, f"{name}.{field.name} must be given, never defaulted"


def test_a_misspelled_column_is_an_error_not_a_null():
    record = TABLES["problems"].record
    with pytest.raises(TypeError):
        record(source_path="a.txt", doc_id=None, severity="error", code="x", messsage="typo", page=None, line=None)
