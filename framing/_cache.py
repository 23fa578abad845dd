"""framing's caches: the on-disk cache of what it builds once and can keep between sessions,
and the registry of its in-memory caches, which :func:`clear_caches` empties.

On disk are the Unicode tables of the hyperscan engine and its compiled databases, and the
characters NFKC may change (:func:`framing.nfkc.nfkc_with_offsets`). Building them costs
about a quarter of a second, paid by the first count of every session and by every worker
process of :func:`framing.count_corpus`. The cache lives in ``$FRAMING_CACHE_DIR``,
else ``$XDG_CACHE_HOME/framing``, else ``~/.cache/framing``; ``FRAMING_CACHE_DIR=""`` turns
it off. It holds at most :data:`MAX_ENTRIES` entries (the least recently used go first).

Nothing depends on it, and nothing stale or foreign is ever read from it:

* an entry's key is the caller's key (what the content depends on: the Python, Unicode and
  hyperscan versions, the machine, the patterns) plus :data:`FORMAT` and
  :func:`code_version`, a digest of framing's own source files, so that editing the code
  (an editable install keeps its ``__version__``) never reads a table the old code built;
* the entry holds its full key and a SHA-256 digest of key and payload, both checked when it is
  read, so a damaged entry, or a valid entry of another key copied over it, is not trusted;
  such an entry, a missing or an unreadable one is simply built again (and written again when
  the folder is writable).

In-memory caches register themselves with :func:`register_cache` (a name, a function that
empties the cache, and a sentence saying what it holds and its bound).

Examples
--------
>>> import os, tempfile
>>> os.environ["FRAMING_CACHE_DIR"] = tempfile.mkdtemp()
>>> store("example-1", b"payload")
>>> load("example-1")
b'payload'
>>> load("example-2") is None
True
>>> clear_caches()
>>> load("example-1") is None
True
>>> del os.environ["FRAMING_CACHE_DIR"]
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from . import __version__

__all__ = [
    "FORMAT",
    "MAX_ENTRIES",
    "clear_caches",
    "code_version",
    "folder",
    "load",
    "register_cache",
    "registered_caches",
    "store",
    "unregister_cache",
]

#: The layout of an entry; part of every key, so a new layout never reads an old entry.
FORMAT = 2
#: The most entries kept on disk; beyond it the least recently used are removed.
MAX_ENTRIES = 64

_MAGIC = b"framing-cache\n"
_DIGEST = 32  # bytes of SHA-256
_SUFFIX = ".bin"
_TMP_PREFIX = ".tmp-"


def folder() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    chosen = os.environ.get("FRAMING_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "framing"


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the source of framing's modules, computed once per process.

    Every ``.py`` file of the package and its subpackages (its relative path and bytes)
    goes into one SHA-256 digest, so any change of the code that builds a cached table
    changes the keys. Where no source can be read (an install without ``.py`` files), the
    package version stands in.

    Examples
    --------
    >>> len(code_version()), code_version() == code_version()
    (20, True)
    """
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()  # hardware-accelerated on most CPUs, unlike BLAKE2
    n = 0
    for path in _sources(package):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(len(data).to_bytes(8, "little") + data)
        n += 1
    if n == 0:
        digest.update(f"version {__version__}".encode())
    return digest.hexdigest()[:20]


def _sources(package: Path) -> list[Path]:
    """The ``.py`` files of the package and its subpackages (folders with an ``__init__.py``;
    data folders such as the bundled corpus are not walked)."""
    found = []
    for where, folders, files in os.walk(package):
        folders[:] = sorted(f for f in folders if (Path(where) / f / "__init__.py").is_file())
        found += sorted(Path(where) / f for f in files if f.endswith(".py"))
    return found


def _full_key(key: str) -> bytes:
    """The key an entry is stored and checked under: the caller's, the format, the code."""
    return f"{key}\0format {FORMAT}\0code {code_version()}".encode()


def _path(key: str) -> Path | None:
    where = folder()
    if where is None:
        return None
    name = "".join(c if c.isalnum() or c in "-._" else "_" for c in key)[:80]
    return where / f"{name}-{hashlib.sha256(_full_key(key)).hexdigest()[:16]}{_SUFFIX}"


def _checksum(full_key: bytes, payload: bytes) -> bytes:
    digest = hashlib.sha256(len(full_key).to_bytes(4, "little") + full_key)
    digest.update(payload)
    return digest.digest()


def _entry(full_key: bytes, payload: bytes) -> bytes:
    """An entry's bytes: magic, the key's length and the key, the checksum, the payload."""
    head = _MAGIC + len(full_key).to_bytes(4, "little") + full_key
    return head + _checksum(full_key, payload) + payload


def _payload(data: bytes, full_key: bytes) -> bytes | None:
    """The payload of an entry's bytes, if it is whole and holds ``full_key``; else None."""
    start = len(_MAGIC) + 4
    if not data.startswith(_MAGIC) or len(data) < start:
        return None
    size = int.from_bytes(data[len(_MAGIC) : start], "little")
    if data[start : start + size] != full_key:
        return None
    checksum = data[start + size : start + size + _DIGEST]
    payload = data[start + size + _DIGEST :]
    if len(checksum) != _DIGEST or _checksum(full_key, payload) != checksum:
        return None
    return payload


def load(key: str) -> bytes | None:
    """The payload stored under ``key``, or None (absent, damaged, foreign or unreadable)."""
    path = _path(key)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    payload = _payload(data, _full_key(key))
    if payload is not None:
        try:
            os.utime(path)  # recently used: kept longest (see MAX_ENTRIES)
        except OSError:
            pass
    return payload


def store(key: str, payload: bytes) -> None:
    """Keep ``payload`` under ``key``; silently nothing when the folder cannot be written."""
    path = _path(key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=_TMP_PREFIX)
        try:
            with os.fdopen(handle, "wb") as fh:
                fh.write(_entry(_full_key(key), payload))
            os.replace(tmp, path)  # whole entries only, also with several processes
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _evict(path.parent)
    except OSError:
        return


def _entries(where: Path) -> list[Path]:
    """The files of the cache in ``where`` (entries and left-over temporary files)."""
    try:
        return [
            p for p in where.iterdir() if p.name.endswith(_SUFFIX) or p.name.startswith(_TMP_PREFIX)
        ]
    except OSError:
        return []


def _evict(where: Path) -> None:
    """Remove the least recently used entries beyond :data:`MAX_ENTRIES`."""
    entries = [p for p in _entries(where) if p.name.endswith(_SUFFIX)]
    if len(entries) <= MAX_ENTRIES:
        return
    ages = []
    for path in entries:
        try:
            ages.append((path.stat().st_mtime, path))
        except OSError:  # removed by another process meanwhile
            continue
    for _, path in sorted(ages)[: max(len(ages) - MAX_ENTRIES, 0)]:
        path.unlink(missing_ok=True)


# --------------------------------------------------------------------------------------
# The registry of in-memory caches
# --------------------------------------------------------------------------------------

_REGISTRY: dict[str, tuple[Callable[[], object], str]] = {}


def register_cache(name: str, clear: Callable[[], object], describe: str) -> None:
    """Make an in-memory cache known to :func:`clear_caches`.

    Parameters
    ----------
    name : str
        A short name (``"stems"``); registering a name again replaces the entry.
    clear : callable
        Called without arguments to empty the cache.
    describe : str
        What the cache holds and its bound, one sentence (for the docs and
        :func:`registered_caches`).

    Examples
    --------
    >>> memo = {"a": 1}
    >>> register_cache("example memo", memo.clear, "an example; at most one entry")
    >>> registered_caches()["example memo"]
    'an example; at most one entry'
    >>> clear_caches(); memo
    {}
    >>> unregister_cache("example memo")
    """
    if not callable(clear):
        raise TypeError(f"register_cache: clear must be callable, got {type(clear).__name__}")
    _REGISTRY[name] = (clear, str(describe))


def unregister_cache(name: str) -> None:
    """Forget the cache registered as ``name`` (nothing when there is none)."""
    _REGISTRY.pop(name, None)


def registered_caches() -> dict[str, str]:
    """The in-memory caches :func:`clear_caches` empties: name -> what it holds, its bound."""
    return {name: describe for name, (_, describe) in _REGISTRY.items()}


def clear_caches() -> None:
    """Empty framing's caches: the entries of the on-disk cache and every in-memory cache.

    The on-disk folder (see :func:`folder`) keeps existing; only framing's entries in it are
    removed. The in-memory caches are those registered with :func:`register_cache`. Results
    never change by it; the next call builds what it needs again.

    Examples
    --------
    >>> import framing as fr
    >>> fr.clear_caches()
    """
    where = folder()
    if where is not None:
        for path in _entries(where):
            try:
                path.unlink(missing_ok=True)
            except OSError:  # a read-only folder: nothing of it is trusted blindly anyway
                pass
    for clear, _ in list(_REGISTRY.values()):
        clear()
