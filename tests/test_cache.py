"""The on-disk cache (keyed and checked by content and code version) and clear_caches()."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import framing
import framing as fr
from framing import _cache

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_an_entry_is_read_back(cache_dir):
    _cache.store("word-table-x", b"\x00\x01payload")
    assert _cache.load("word-table-x") == b"\x00\x01payload"
    (entry,) = cache_dir.iterdir()
    assert entry.name.startswith("word-table-x-") and entry.suffix == ".bin"
    _cache.store("empty", b"")
    assert _cache.load("empty") == b""


def test_turned_off_or_unwritable_is_no_error(monkeypatch, tmp_path):
    monkeypatch.setenv("FRAMING_CACHE_DIR", "")
    assert _cache.folder() is None
    _cache.store("k", b"v")
    assert _cache.load("k") is None
    _cache.clear_caches()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(blocker / "cache"))
    _cache.store("k", b"v")
    assert _cache.load("k") is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # a payload byte
        lambda data: data[:-1],  # truncated
        lambda data: b"",
        lambda data: data[:20],  # inside the key
        lambda data: b"framing-cache\n" + b"\xff" * 40,
        lambda data: data.replace(b"format 2", b"format 3"),  # the key as stored
    ],
)
def test_a_damaged_entry_is_not_trusted(cache_dir, damage):
    _cache.store("table", b"payload" * 10)
    (entry,) = cache_dir.iterdir()
    entry.write_bytes(damage(entry.read_bytes()))
    assert _cache.load("table") is None
    _cache.store("table", b"payload" * 10)  # written again
    assert _cache.load("table") == b"payload" * 10


def test_a_valid_entry_of_another_key_is_not_trusted(cache_dir):
    """An entry copied over another (both whole, both with a right checksum) is refused."""
    _cache.store("table-a", b"content of a")
    _cache.store("table-b", b"content of b")
    a, b = (next(cache_dir.glob(f"table-{x}-*.bin")) for x in "ab")
    shutil.copyfile(a, b)
    assert _cache.load("table-b") is None
    assert _cache.load("table-a") == b"content of a"


def test_the_key_holds_the_code_version(cache_dir, monkeypatch):
    _cache.store("table", b"built by this code")
    assert _cache.load("table") == b"built by this code"
    monkeypatch.setattr(_cache, "code_version", lambda: "edited")
    assert _cache.load("table") is None  # another file name, and the stored key differs
    (entry,) = cache_dir.iterdir()
    target = _cache._path("table")
    shutil.copyfile(entry, target)  # even under the new name, the old entry is refused
    assert _cache.load("table") is None
    monkeypatch.setattr(_cache, "FORMAT", _cache.FORMAT + 1)
    assert _cache.load("table") is None


def test_code_version_follows_the_source(tmp_path):
    """A copy of the package whose source differs by one byte has another code version."""

    def version(package_root: Path) -> str:
        out = subprocess.run(
            [sys.executable, "-c", "from framing import _cache; print(_cache.code_version())"],
            capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONPATH": str(package_root)}, cwd=package_root,
        )  # fmt: skip
        return out.stdout.strip()

    copy = tmp_path / "copy"
    shutil.copytree(
        ROOT / "framing", copy / "framing", ignore=shutil.ignore_patterns("__pycache__")
    )
    assert version(copy) == _cache.code_version()
    with (copy / "framing" / "tokens.py").open("a") as fh:
        fh.write("\n# an edit\n")
    assert version(copy) != _cache.code_version()


def test_at_most_max_entries_are_kept(cache_dir, monkeypatch):
    monkeypatch.setattr(_cache, "MAX_ENTRIES", 3)
    for i in range(3):
        _cache.store(f"entry-{i}", b"x")
        os.utime(_cache._path(f"entry-{i}"), (1000 + i, 1000 + i))
    assert _cache.load("entry-0") == b"x"  # used: now the most recent
    _cache.store("entry-3", b"x")
    assert len(list(cache_dir.iterdir())) == 3
    assert _cache.load("entry-1") is None
    assert all(_cache.load(f"entry-{i}") == b"x" for i in (0, 2, 3))


def test_clear_caches_empties_disk_entries_and_registered_caches(cache_dir):
    _cache.store("table", b"x")
    (cache_dir / ".tmp-left-over").write_bytes(b"half")
    (cache_dir / "notes.txt").write_text("not ours")
    memo = {"key": "value"}
    calls = []
    _cache.register_cache("test memo", memo.clear, "a test memo; at most one entry")
    _cache.register_cache("test calls", lambda: calls.append(1), "counts its clears")
    try:
        assert _cache.registered_caches()["test memo"] == "a test memo; at most one entry"
        framing.clear_caches()
        assert memo == {} and calls == [1]
        assert sorted(p.name for p in cache_dir.iterdir()) == ["notes.txt"]
        assert _cache.load("table") is None
    finally:
        _cache.unregister_cache("test memo")
        _cache.unregister_cache("test calls")
    assert "test memo" not in _cache.registered_caches()


def test_register_cache_needs_a_function():
    with pytest.raises(TypeError, match="clear must be callable"):
        _cache.register_cache("bad", {}, "not callable")


def test_clear_caches_is_public():
    assert "clear_caches" in framing.__all__
    assert framing.clear_caches is _cache.clear_caches


def test_clear_caches_empties_the_caches_of_matching_sentences_and_workers(cache_dir):
    """The caches the README lists are registered, and clear_caches() empties each of them."""
    import framing._punkt as punkt
    from framing.match import _hyperscan, stems

    arts = pd.DataFrame({"article_id": ["a"], "text": ["Threats grew. The ally left."]})
    fr.find_hits(arts, {"f": ["threat", "ally"]}, match="stem", sentences=True)
    assert stems._STEM_MEMO and _hyperscan.database.cache_info().currsize
    assert punkt._fast.cache_info().currsize
    fr.find_copies(arts)
    # the table of the module that registered the cache (doctest collection may import the
    # module a second time, and the later import registers its own)
    word_table = _cache._REGISTRY["shingle tables"][0].__globals__["word_table"]
    word_table()
    assert word_table.cache_info().currsize
    fr.default_cleaner("Photo: Jermuk\nArmenia  did not sign.")  # a plain text: one scan
    plain_scan = _cache._REGISTRY["the cleaner's plain-text scan"][0].__self__
    assert plain_scan.cache_info().currsize
    assert {"stems", "sentence spans", "compiled lexicons", "nfkc tables", "shingle tables",
            "the cleaner's plain-text scan"} <= set(_cache.registered_caches())  # fmt: skip
    fr.clear_caches()
    assert word_table.cache_info().currsize == 0
    assert plain_scan.cache_info().currsize == 0
    assert not stems._STEM_MEMO
    assert _hyperscan.database.cache_info().currsize == 0
    assert punkt._fast.cache_info().currsize == 0
    again = fr.find_hits(arts, {"f": ["threat", "ally"]}, match="stem", sentences=True)
    assert again["match"].tolist() == ["Threats", "ally"] and again["sentence"].tolist() == [0, 1]
