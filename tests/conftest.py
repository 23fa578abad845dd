"""Shared fixtures: the ../shared/data corpora, NLTK data, strict matplotlib hygiene."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT.parent / "shared" / "data").resolve()
REQUIRE_SHARED = os.environ.get("FRAMING_REQUIRE_SHARED_DATA") == "1"

os.environ.setdefault("MPLBACKEND", "Agg")
# framing's table cache (framing/_cache.py) goes to a folder of this test run, never to the
# user's ~/.cache; worker processes and notebook kernels inherit it
if "FRAMING_CACHE_DIR" not in os.environ:
    import tempfile

    os.environ["FRAMING_CACHE_DIR"] = tempfile.mkdtemp(prefix="framing-test-cache-")
# NLTK_DATA may be given relative to the project (../shared/data/nltk_data); make it absolute
# so that subprocesses and notebook kernels started in other folders find it too.
if os.environ.get("NLTK_DATA"):
    os.environ["NLTK_DATA"] = os.pathsep.join(
        str(Path(p).resolve()) for p in os.environ["NLTK_DATA"].split(os.pathsep) if p
    )


def _shared(*parts: str) -> Path:
    """A path in ../shared/data; skip (or fail in CI) when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        why = f"needs {path} (the shared corpora beside the project; see README)"
        if REQUIRE_SHARED:
            pytest.fail(why + " and FRAMING_REQUIRE_SHARED_DATA=1 is set")
        pytest.skip(why)
    return path


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The folder ../shared/data."""
    return _shared()


@pytest.fixture(scope="session")
def news_dir() -> Path:
    """The folder ../shared/data/news (real dated press releases and Reuters-21578)."""
    return _shared("news")


@pytest.fixture(scope="session")
def nltk_data() -> Path:
    """Point NLTK at ../shared/data/nltk_data (never downloads)."""
    path = _shared("nltk_data")
    import nltk

    if str(path) not in nltk.data.path:
        nltk.data.path.insert(0, str(path))
    return path


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
