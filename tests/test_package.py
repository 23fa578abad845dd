"""The package as installed: a light import, a complete public API, conda parity, hygiene."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

import framing

ROOT = Path(__file__).resolve().parents[1]


def test_import_is_light():
    code = "import sys, framing; print(json.dumps(sorted(m for m in ('pandas', 'matplotlib', 'nltk', 'dask', 'hyperscan', 'ipywidgets') if m in sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", "import json; " + code], capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == []


def test_version_is_the_installed_one_and_names_a_commit_or_says_none():
    from importlib import metadata

    assert framing.__version__ == metadata.version("framing")
    # setuptools-scm: 0.1.devN+g<hash>[.d<date>] from git, 0.1.dev0 without git metadata
    assert re.fullmatch(r"\d+(\.\d+)*(\.dev\d+)?(\+g[0-9a-f]{7,}(\.d\d{8})?)?", framing.__version__)


def test_public_api_resolves():
    for name in framing.__all__:
        assert getattr(framing, name) is not None, name


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].strip().lower()


def test_environment_yml_names_every_runtime_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    named = {_name(d) for d in env["dependencies"] if isinstance(d, str)}
    named |= {_name(d) for d in pip if not d.startswith("-")}
    missing = {_name(d) for d in project["dependencies"]} - named
    assert not missing, f"environment.yml lacks {sorted(missing)}"
    assert any(p.startswith("-e") for p in pip)


def test_notebooks_are_stripped():
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(nb.read_text())["cells"]
        for cell in cells:
            if cell["cell_type"] == "code":
                assert not cell.get("outputs") and cell.get("execution_count") is None, nb.name


def test_all_lists_exactly_the_lazy_api():
    lazy = set(framing._API)
    eager = {
        "FramingError",
        "FramingWarning",
        "MissingDataError",
        "MissingDependencyError",
        "__version__",
    }
    assert set(framing.__all__) == lazy | eager


def test_public_names_are_not_shadowed_by_submodules():
    """Importing every submodule must leave framing.kwic, framing.compare ... functions."""
    code = (
        "import importlib, pkgutil, types, framing\n"
        "for m in pkgutil.iter_modules(framing.__path__):\n"
        "    importlib.import_module('framing.' + m.name)\n"
        "print([n for n in framing.__all__ if isinstance(getattr(framing, n), types.ModuleType)])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
