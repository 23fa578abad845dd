"""An on-disk cache for what framing builds once per process and can keep between sessions:
the Unicode tables of the hyperscan engine and its compiled databases.

Building them costs about a quarter of a second, paid by the first count of every session
and by every worker process of :func:`framing.count_corpus`. The cache lives in
``$FRAMING_CACHE_DIR``, else ``$XDG_CACHE_HOME/framing``, else ``~/.cache/framing``;
``FRAMING_CACHE_DIR=""`` turns it off. Nothing depends on it: an entry is checked with its
SHA-256 when it is read, and a missing, damaged or unreadable entry is simply built again
(and written again when the folder is writable). Keys name what an entry depends on (the
Python version, whose ``re`` and ``unicodedata`` define the tables; the hyperscan version
and the machine for a database).

Examples
--------
>>> import os, tempfile
>>> os.environ["FRAMING_CACHE_DIR"] = tempfile.mkdtemp()
>>> store("example-1", b"payload")
>>> load("example-1")
b'payload'
>>> load("example-2") is None
True
>>> del os.environ["FRAMING_CACHE_DIR"]
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

__all__ = ["folder", "load", "store"]

_DIGEST = 32  # bytes of SHA-256 before the payload


def folder() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    chosen = os.environ.get("FRAMING_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "framing"


def _path(key: str) -> Path | None:
    where = folder()
    if where is None:
        return None
    name = "".join(c if c.isalnum() or c in "-._" else "_" for c in key)[:80]
    return where / f"{name}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.bin"


def load(key: str) -> bytes | None:
    """The payload stored under ``key``, or None (absent, damaged or unreadable)."""
    path = _path(key)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    digest, payload = data[:_DIGEST], data[_DIGEST:]
    if len(digest) != _DIGEST or hashlib.sha256(payload).digest() != digest:
        return None
    return payload


def store(key: str, payload: bytes) -> None:
    """Keep ``payload`` under ``key``; silently nothing when the folder cannot be written."""
    path = _path(key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as fh:
                fh.write(hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, path)  # whole entries only, also with several processes
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return
