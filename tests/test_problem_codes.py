"""The data dictionary's problem codes are the codes the sources give: none missing, none stale,
each with the severity its sources give it."""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from pipeline.dataset.docs import problem_codes
from paths import ROOT

# The calls that make a problem, and the position of their code (after it, where given, the
# severity's: -1 for none).
_MAKERS = {"Problem": (1, 0), "problem": (3, 2), "Skipped": (2, 1), "not_read": (2, 1),
           "UnreadableFile": (0, -1), "TextLayerSkipped": (0, -1), "failed": (1, -1), "problem_tables": (1, -1)}


def _strings(node: ast.expr) -> list[str]:
    """The string constants a code argument can take (`a if x else "b"` gives both of its sides)."""
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _name(call: ast.Call) -> str | None:
    return call.func.id if isinstance(call.func, ast.Name) else call.func.attr if isinstance(call.func, ast.Attribute) else None


def codes_in_sources() -> dict[str, set[str]]:
    """Every problem code the readers, the dataset and the run can give, with the severities given
    beside it where a call says them."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in sorted(p for package in ("parsers", "pipeline", "normalizers") for p in (ROOT / package).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node) in _MAKERS:
                at, severity_at = _MAKERS[_name(node) or ""]
                severity = (_strings(node.args[severity_at]) if 0 <= severity_at < len(node.args) else []) or [""]
                for code in _strings(node.args[at]) if at < len(node.args) else []:
                    found[code].update(severity)
            elif isinstance(node, ast.Call):  # a record made by name: ProblemRecord(..., severity=, code=)
                named = {keyword.arg: [keyword.value.value] for keyword in node.keywords
                         if isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str)}
                for code in named.get("code", []):
                    found[code].update(named.get("severity") or [""])
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple | ast.Constant):
                # `code, message = "timeout", (...)` and `code = "..."`
                target, value = node.targets[0], node.value
                if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple):
                    target, value = target.elts[0], value.elts[0]
                if isinstance(target, ast.Name) and target.id == "code" and isinstance(value, ast.Constant):
                    found[str(value.value)].add("")
    return found


def test_every_code_the_sources_give_is_listed_and_every_listed_code_is_given() -> None:
    listed = {row["code"] for row in problem_codes()}
    given = set(codes_in_sources())
    assert len(given) > 40  # the scan itself still finds the codes
    assert sorted(given - listed) == [], "codes without a row in pipeline/dataset/problem_codes.tsv"
    assert sorted(listed - given) == [], "rows of pipeline/dataset/problem_codes.tsv no source gives"


def test_each_codes_severity_is_the_one_its_sources_give() -> None:
    given = codes_in_sources()
    for row in problem_codes():
        said = given[row["code"]] - {""}
        assert said <= set(row["severity"].split(" or ")), row["code"]
        assert row["severity"] in ("error", "warning", "warning or error"), row["code"]


def test_the_dictionary_lists_them() -> None:
    dictionary = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert "## Problem codes" in dictionary
    assert all(f"| `{row['code']}` |" in dictionary for row in problem_codes())
