"""Giving memory that framing freed back to the system.

Arrow's memory pool and the C allocator keep what a read or a chunk's tables and strings
used, for the next allocation; what is done next may allocate elsewhere and add to it. A
worker process that keeps that memory while idle (the warm pool) or while the other worker
is at its busiest adds it to the total of a count.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys

__all__ = ["release_memory"]


def release_memory(*, trim: bool = True) -> None:
    """Return the free memory of Arrow's pool and, with ``trim``, of glibc's heap.

    ``malloc_trim`` runs only where the C library has it (glibc); elsewhere only Arrow's
    pool is released. Nothing is imported: without pyarrow loaded there is no pool.

    Examples
    --------
    >>> release_memory(trim=False)
    """
    arrow = sys.modules.get("pyarrow")
    if arrow is not None:
        arrow.default_memory_pool().release_unused()
    if trim:
        malloc_trim = _malloc_trim()
        if malloc_trim is not None:
            malloc_trim(0)


@functools.cache
def _malloc_trim():
    """glibc's ``malloc_trim``, or None on other C libraries."""
    name = ctypes.util.find_library("c")
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    except OSError:
        return None
