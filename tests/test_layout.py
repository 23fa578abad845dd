"""The rules of the house (DESIGN.md §1), checked on framing's own source.

- no module over about 600 lines and no function over about 80 lines of body;
- no underscore name imported from another framing module (importing a private *module*,
  such as ``framing._errors`` or ``framing.match._hyperscan``, is fine);
- imports between framing's modules at the top of the file, except the optional heavy ones,
  which go through ``framing._optional``;
- no submodule named like a public function (it would shadow it on the package).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import framing

PACKAGE = Path(framing.__file__).parent
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80
SOURCES = sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).with_suffix("").as_posix().replace("/", ".")


def _module_of(path: Path, node: ast.ImportFrom) -> str:
    """The absolute dotted name an ``ImportFrom`` node imports from."""
    if node.level == 0:
        return node.module or ""
    parts = _name(path).split(".")[:-1]  # the package (for __init__.py, its own)
    base = parts[: len(parts) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _is_module(dotted: str) -> bool:
    rel = Path(*dotted.split("."))
    return (PACKAGE.parent / rel).with_suffix(".py").exists() or (
        PACKAGE.parent / rel / "__init__.py"
    ).exists()


def _body_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    body = node.body
    first = body[0]
    is_doc = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    if is_doc and isinstance(first.value.value, str):
        if len(body) == 1:
            return 0
        first = body[1]
    return node.end_lineno - first.lineno + 1


def test_the_rules_see_the_package():
    # Guards the guard: a glob that found nothing would make every rule pass.
    assert len(SOURCES) > 20
    assert PACKAGE / "__init__.py" in SOURCES


@pytest.mark.parametrize("path", SOURCES, ids=_name)
def test_module_size(path):
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= MAX_MODULE_LINES, f"{_name(path)} has {n} lines; split it by concept"


@pytest.mark.parametrize("path", SOURCES, ids=_name)
def test_function_size(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [
        f"{node.name} (line {node.lineno}): {_body_lines(node)} lines"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and _body_lines(node) > MAX_FUNCTION_LINES
    ]
    assert not long, f"{_name(path)}: functions over {MAX_FUNCTION_LINES} lines: {long}"


@pytest.mark.parametrize("path", SOURCES, ids=_name)
def test_no_private_names_across_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        source = _module_of(path, node)
        if not source.startswith("framing"):
            continue
        for alias in node.names:
            private = alias.name.startswith("_") and not alias.name.startswith("__")
            if private and not _is_module(f"{source}.{alias.name}"):
                bad.append(f"line {node.lineno}: {alias.name} from {source}")
    assert not bad, f"{_name(path)} imports private names of other modules: {bad}"


@pytest.mark.parametrize("path", SOURCES, ids=_name)
def test_framing_imports_at_the_top(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    # `if TYPE_CHECKING:` blocks at module level count as the top.
    for node in tree.body:
        if isinstance(node, ast.If):
            top.update(id(child) for child in node.body)
    late = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and id(node) not in top:
            source = _module_of(path, node)
            if source.startswith("framing"):
                late.append(f"line {node.lineno}: from {source}")
        elif isinstance(node, ast.Import) and id(node) not in top:
            late += [
                f"line {node.lineno}: import {a.name}"
                for a in node.names
                if a.name.startswith("framing")
            ]
    assert not late, f"{_name(path)} imports framing modules inside functions: {late}"


def test_no_submodule_shadows_a_public_name():
    public = set(framing.__all__)
    clashes = []
    for path in SOURCES:
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        stem = parts[-1] if parts[-1] != "__init__" else (parts[-2] if len(parts) > 1 else "")
        if stem in public and callable(getattr(framing, stem, None)):
            clashes.append(_name(path))
    assert not clashes, f"submodules named like public functions: {clashes}"


def test_the_rules_catch_what_they_forbid(tmp_path):
    # The checks above must fail on code that breaks them.
    source = "def f():\n    from framing.aggregate import _x\n" + "    y = 1\n" * 85
    tree = ast.parse(source)
    func = tree.body[0]
    assert _body_lines(func) == 86
    node = func.body[0]
    assert _module_of(PACKAGE / "plot" / "trends.py", node) == "framing.aggregate"
    rel = ast.parse("from ..aggregate import _x").body[0]
    assert _module_of(PACKAGE / "plot" / "trends.py", rel) == "framing.aggregate"
    assert not _is_module("framing.aggregate._x")
    assert _is_module("framing._errors")
    init = ast.parse("from . import _hyperscan").body[0]
    assert _module_of(PACKAGE / "match" / "__init__.py", init) == "framing.match"
