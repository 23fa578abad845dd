"""Count corpora larger than memory, on every core of one machine, or on a Dask cluster.

:func:`count_corpus` streams CSV/TSV, JSONL and Parquet files in chunks
(:func:`framing.iter_article_chunks`), cleans each chunk, finds its hits and keeps only
small, additive state: per period, group and frame the numbers of articles, tokens, hits and
articles with a hit (:class:`framing.aggregate.CountPartials`). Chunks are counted in a pool
of worker processes. The counts table it returns is *identical* to the in-memory path ::

    articles = clean_articles(read_articles(path))
    count_by_period(find_hits(articles, lexicon), articles, freq=..., by=...)

whatever the chunk size, the number of workers or the order in which the files are listed
(files are always read in the order of their paths), because both are finished by the same
code (:func:`framing.aggregate.counts_from_partials`). Memory stays bounded by
``chunk_size`` times the number of chunks in flight (two per worker).

With several workers and Parquet files that have at least one row group per worker, each
worker reads its own row groups (nothing is decoded in the parent or sent through a pipe);
ids are still checked for duplicates across the whole corpus, in file order. Other formats
are read in the parent and sent to the workers chunk by chunk. The worker processes outlive
the call for a while, so that counting again (another lexicon, another grouping) does not
wait for new processes to start and import pandas and pyarrow: that start costs 1-2 s.

:func:`count_dask` does the same for a Dask DataFrame of articles on a dask.distributed
cluster: each partition becomes one :class:`~framing.aggregate.CountPartials` on a worker,
and only those small tables travel back to the client. ``count_corpus(ddf, lexicon)``
forwards to it. Dask is imported only when it is used.

With ``copies="drop"`` or ``"origin"`` both count wire copies and near-duplicates as
:func:`framing.count_by_period` does on the articles marked by :func:`framing.find_copies`
(each story once, or for its original's outlet), with the same counts: a first pass builds
the copy index of the whole corpus (:mod:`~framing.corpus.copy_index`: each article's small
sketch, about 150 bytes, no text), a second compares the candidate pairs exactly, and the
counting pass leaves the copies out or credits them (:mod:`~framing.corpus.copy_passes`).

What can go wrong is said, never swallowed:

* articles set aside while reading (no date, empty text, a duplicate id -- the first copy is
  kept, across chunks and files --, a malformed JSONL line, an empty file) are reported as
  :func:`framing.read_articles` reports them: one :class:`~framing.FramingWarning`, and the
  :class:`~framing.IngestReport` kept in ``counts.attrs`` (``framing.ingest_report(counts)``);
* a file that cannot be read to its end (a truncated Parquet file, a CSV row that breaks the
  format, bytes that cannot be decoded) is a :class:`~framing.FramingError` naming the file
  and where it broke: a partly read file would silently shorten the result;
* a worker process that dies (killed, out of memory) is a :class:`~framing.FramingError`
  naming the rows it was counting;
* an article of more than :data:`LARGE_ARTICLE_CHARS` characters is counted, with a warning
  naming its file and row.

The package's parts: :mod:`~framing.corpus.count` (:func:`count_corpus`),
:mod:`~framing.corpus.arguments` (checking them into a :class:`~framing.corpus.job.Job`),
:mod:`~framing.corpus.job` (the job and what a worker does with a chunk),
:mod:`~framing.corpus.reader` (chunks read in this process), :mod:`~framing.corpus.pieces`
(Parquet row groups read by the workers), :mod:`~framing.corpus.pool` (the warm worker
pool), :mod:`~framing.corpus.hits_writer`, :mod:`~framing.corpus.copy_index` and
:mod:`~framing.corpus.copy_passes` (the copies) and :mod:`~framing.corpus.dask`
(:func:`count_dask`), :mod:`~framing.corpus.spans` (:func:`voices_in_workers`: who
speaks in a large table in memory, on every core). The names below are imported from them
when first used, so a worker process that needs only :mod:`~framing.corpus.job` does not
import the rest (its start is what a count waits for).
"""

from __future__ import annotations

import importlib

__all__ = [
    "count_corpus",
    "count_dask",
    "shutdown_workers",
    "LARGE_ARTICLE_CHARS",
    "AUTO_BYTES_PER_WORKER",
    "AUTO_CLEAN_BYTES_PER_WORKER",
    "IDLE_WORKER_SECONDS",
    "voices_in_workers",
    "VOICE_BYTES_PER_WORKER",
]

_OWNERS = {
    "count_corpus": "count",
    "count_dask": "dask",
    "shutdown_workers": "pool",
    "LARGE_ARTICLE_CHARS": "reader",
    "AUTO_BYTES_PER_WORKER": "count",
    "AUTO_CLEAN_BYTES_PER_WORKER": "count",
    "IDLE_WORKER_SECONDS": "pool",
    "voices_in_workers": "spans",
    "VOICE_BYTES_PER_WORKER": "spans",
}


def __getattr__(name: str):
    owner = _OWNERS.get(name)
    if owner is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{owner}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
