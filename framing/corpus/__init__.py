"""Count corpora larger than memory, on every core of one machine, or on a Dask cluster."""

from .count import (
    AUTO_BYTES_PER_WORKER,
    AUTO_CLEAN_BYTES_PER_WORKER,
    IDLE_WORKER_SECONDS,
    LARGE_ARTICLE_CHARS,
    count_corpus,
    count_dask,
    shutdown_workers,
)

__all__ = [
    "count_corpus",
    "count_dask",
    "shutdown_workers",
    "LARGE_ARTICLE_CHARS",
    "AUTO_BYTES_PER_WORKER",
    "AUTO_CLEAN_BYTES_PER_WORKER",
    "IDLE_WORKER_SECONDS",
]
