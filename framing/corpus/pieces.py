"""Parquet pieces counted by the workers themselves: each reads its own row groups.

With several workers and Parquet files of enough row groups, nothing is decoded in the
parent or sent through a pipe: a worker gets a piece (a file and a range of row groups),
reads, checks and counts it. Article ids are still checked for duplicates across the whole
corpus, in file order, by the parent as the results come back.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import numpy as np

from .._memory import release_memory
from ..ingest.stream import piece_chunks
from .job import Job, count_here
from .pool import WARM_POOL, in_order, prepare_finish, worker_died
from .reader import Reader


@dataclass
class PieceResult:
    """What a worker returns for a piece (some row groups of a Parquet file)."""

    results: list  # a Result per chunk, in order
    chunks: list  # the chunks (without their articles), in order
    ids: object  # the ids of the articles kept, in order, and their source labels
    labels: object
    report: object  # IngestReport of the piece
    warnings: dict


def count_piece(piece, job: Job, seen: dict | None = None) -> PieceResult:
    """Read, check and count a piece (runs in a worker; ids checked within the piece, or
    against ``seen`` when given)."""
    reader = Reader(piece_chunks(piece, {} if seen is None else seen), job)
    results, chunks, ids, labels = [], [], [], []
    for chunk in reader:
        results.append(count_here(chunk, job))
        ids.append(chunk.work["article_id"].to_numpy(dtype=object))
        labels.append(chunk.sources.to_numpy(dtype=object))
        chunk.work = chunk.sources = None
        chunks.append(chunk)
    ids = np.concatenate(ids) if ids else np.zeros(0, dtype=object)
    labels = np.concatenate(labels) if labels else np.zeros(0, dtype=object)
    release_memory()
    return PieceResult(results, chunks, ids, labels, reader.report(), reader.warnings)


def _piece_rows(piece) -> str:
    label = piece.file.label
    return f"{label}:{piece.start + 1} to {label}:{piece.start + piece.n_rows}"


def run_pieces(pieces, job: Job, n_workers: int, state, bar, totals: Reader) -> None:
    """Count the pieces in a pool; ids are checked across pieces here, in file order.

    A piece with an id already seen in an earlier piece (rare) is counted again here, with
    the ids seen so far, so that exactly the copies :func:`framing.read_articles` would set
    aside are set aside.
    """
    pending: deque = deque()
    seen_ids: set[str] = set()  # the ids kept so far; with their labels, in order, below
    kept: list[tuple[list, list]] = []

    def collect():
        piece, future = pending.popleft()
        try:
            done = future.result()
        except BrokenProcessPool as exc:
            spans = [_piece_rows(piece)] + [_piece_rows(p) for p, _ in pending]
            raise worker_died(spans, "workers=", pool) from exc
        ids = done.ids.tolist()
        if not seen_ids.isdisjoint(ids):
            seen = {i: n for got, labels in kept for i, n in zip(got, labels, strict=True)}
            done = count_piece(piece, job, seen)
            ids = done.ids.tolist()
        seen_ids.update(ids)
        kept.append((ids, done.labels.tolist()))
        report = done.report
        totals.n_read += report.n_read
        totals.n_kept += report.n_kept
        totals.notes.extend(report.notes)
        if len(report.set_aside):
            totals.set_aside.append(report.set_aside)
        for shape, warning in done.warnings.items():
            totals.warnings.setdefault(shape, warning)
        for chunk, result in zip(done.chunks, done.results, strict=True):
            state.add(chunk, result)
            bar.show(chunk)

    prepare_finish()
    with WARM_POOL.use(n_workers) as pool:
        jobs = ((p, count_piece, (p, job)) for p in pieces)
        in_order(pool, jobs, pending, collect, n_workers)
