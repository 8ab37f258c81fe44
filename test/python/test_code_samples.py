"""The Python calls shown in the reference (x-codeSamples of generated/openapi.json) name real functions and
arguments of the package."""

import ast
import importlib
import inspect
import json
from pathlib import Path
from typing import Any

import pytest

SPEC = json.loads((Path(__file__).resolve().parents[2] / "generated" / "openapi.json").read_text())
OPERATIONS = [
    (op["operationId"], op["x-codeSamples"])
    for item in SPEC["paths"].values()
    for op in item.values()
    if isinstance(op, dict) and "operationId" in op
]


def test_when_the_reference_is_generated_then_every_operation_shows_a_typescript_and_a_python_call() -> None:
    assert OPERATIONS
    for operation_id, samples in OPERATIONS:
        assert [s["lang"] for s in samples] == ["TypeScript", "Python"], operation_id


@pytest.mark.parametrize(("operation_id", "samples"), OPERATIONS, ids=[o for o, _ in OPERATIONS])
def test_when_a_python_sample_is_run_then_its_call_fits_the_generated_function(
    operation_id: str, samples: list[dict[str, str]]
) -> None:
    tree = ast.parse(samples[1]["source"])
    imported = next(n for n in tree.body if isinstance(n, ast.ImportFrom) and ".api." in (n.module or ""))
    module = importlib.import_module(f"{imported.module}.{imported.names[0].name}")
    call = next(
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "sync_detailed"
    )
    args: list[Any] = [object() for _ in call.args]
    kwargs: dict[str, Any] = {k.arg: object() for k in call.keywords if k.arg}
    inspect.signature(module.sync_detailed).bind(*args, **kwargs)
