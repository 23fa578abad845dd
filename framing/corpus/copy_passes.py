"""Counting a streamed corpus with ``copies="drop"`` or ``"origin"``: the passes over it.

The copy index (:mod:`~framing.corpus.copy_index`) is built in a first pass and decides the
original of every article; the counting pass then leaves the copies out (``"drop"``) or
counts them for their original's outlet (``"origin"``), chunk by chunk
(:func:`count_chunk_copies`), exactly as :func:`framing.count_by_period` does with
``copies=`` on the articles marked by :func:`framing.find_copies`. :class:`CopyTally` adds up
how many copies, hits and tokens were dropped or moved, for the counts' provenance. The
passes run here or in the warm worker pool (:func:`run_chunks`), or on a Dask cluster
(:mod:`~framing.corpus.dask`).
"""

from __future__ import annotations

import functools
import warnings
from collections import deque
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .._errors import FramingError
from ..copies.detect import CONTAINMENT, MAX_COPIES, THRESHOLD, warn_big_stories
from ..copies.stories import copy_decisions, story_heads
from ..match import article_token_totals
from .copy_index import CopyIndex, ids_digest, measure_streamed
from .job import Job, Result, chunk_hits, chunk_partials
from .pool import WARM_POOL, in_order, prepare_finish, worker_died

__all__ = [
    "CopyPlan",
    "CopyTally",
    "COPY_WORK_COLUMNS",
    "count_chunk_copies",
    "decide_stories",
    "run_chunks",
    "check_outlet",
]

#: columns the copy index needs besides the job's (the outlet chooses a story's original)
COPY_WORK_COLUMNS = ("outlet",)


@dataclass
class CopyPlan:
    """What the counting pass needs to know of the copies: the original of each article
    (its number; an article that is its own original is no copy), the choice, and the
    outlets of the index (for ``"origin"``)."""

    heads: np.ndarray  # int32, one per article
    mode: str
    index: CopyIndex
    n_stories: int = 0
    too_big: int = 0

    def chunk(self, first: int, n: int):
        """``(rows, outlets)`` of the copies among the articles ``first .. first + n``:
        their positions in the chunk and, for ``"origin"``, their originals' outlets
        (None for a missing one)."""
        heads = self.heads[first : first + n]
        rows = np.flatnonzero(heads != np.arange(first, first + n)).astype(np.int32)
        if self.mode != "origin" or not len(rows):
            return rows, None
        codes = self.index.outlet_codes[heads[rows]]
        names = self.index.outlets.decode(codes)
        return rows, [name if code >= 0 else None for name, code in zip(names, codes, strict=True)]


@dataclass
class CopyTally:
    """How many copies, hits and tokens the counting pass dropped or moved (added up)."""

    n_copies: int = 0
    n_hits: int = 0
    n_hits_in_copies: int = 0
    tokens_in_copies: int = 0
    articles_moved: int = 0
    hits_moved: int = 0
    digests: list = field(default_factory=list)

    def add(self, stats: dict) -> None:
        for key, value in stats.items():
            if key == "digest":
                self.digests.append(value)
            else:
                setattr(self, key, getattr(self, key) + value)

    def summary(self, plan: CopyPlan) -> dict:
        """The summary :func:`framing.copies.choose_copies` gives, for the whole corpus."""
        out = {
            "copies": plan.mode,
            "n_copies": self.n_copies,
            "n_stories_with_copies": plan.n_stories,
            "n_hits_in_copies": self.n_hits_in_copies,
            "share_of_hits_in_copies": self.n_hits_in_copies / self.n_hits if self.n_hits else 0.0,
        }
        if plan.mode == "drop":
            out.update(articles_dropped=self.n_copies, hits_dropped=self.n_hits_in_copies,
                       tokens_dropped=self.tokens_in_copies)  # fmt: skip
        else:
            out.update(articles_moved=self.articles_moved, hits_moved=self.hits_moved)
        out["index"] = {
            "n_articles": plan.index.n,
            "bytes": plan.index.nbytes(),
            "groups_left_as_originals": plan.too_big,
            "threshold": THRESHOLD,
            "containment": CONTAINMENT,
        }
        return out


def check_outlet(columns, mode: str, function: str) -> None:
    """``copies="origin"`` needs an outlet column (as :func:`framing.copies.choose_copies`)."""
    if mode == "origin" and "outlet" not in columns:
        raise FramingError(
            "copies='origin' credits copies to their original's outlet, but the articles "
            "have no 'outlet' column",
            where=f"{function}(copies=...)",
            fix="Use copies='drop', or add an 'outlet' column.",
        )


def decide_stories(index: CopyIndex, read_shingles, mode: str, function: str) -> CopyPlan:
    """The original of every article of the index, as :func:`framing.find_copies` decides.

    ``read_shingles(rows, take)`` reads the corpus again for the shingles of the articles
    ``rows``, a stretch at a time (see :func:`~framing.corpus.copy_index.measure_streamed`).
    """
    pairs = index.candidates()
    overlap, n_i, n_j = measure_streamed(pairs, read_shingles)
    copy = copy_decisions(overlap, n_i, n_j, THRESHOLD, CONTAINMENT)[2]
    heads, too_big = story_heads(index.n, pairs[copy], index.keys_of, MAX_COPIES)
    warn_big_stories(too_big, _Numbered(), MAX_COPIES, function)
    heads = heads.astype(np.int32)
    is_copy = heads != np.arange(index.n)
    n_stories = len(np.unique(heads[is_copy]))
    return CopyPlan(heads, mode, index, n_stories, len(too_big))


class _Numbered:
    """Names an article by its number in the corpus (the index keeps no ids)."""

    def __getitem__(self, number) -> str:
        return f"article number {int(number) + 1} in file order"


def count_chunk_copies(work: pd.DataFrame, job: Job, rows: np.ndarray, outlets, mode: str):
    """Count one chunk with its copies (positions ``rows``) dropped, or credited to
    ``outlets`` (runs in a worker): the chunk's :class:`~framing.corpus.job.Result` and what
    was dropped or moved."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chunk = job.cleaner(work) if job.cleaner is not None else work
        hits, totals = chunk_hits(chunk, job)
        is_copy = np.zeros(len(chunk), dtype=bool)
        is_copy[rows] = True
        ids = chunk["article_id"].astype(str)
        hit_ids = hits["article_id"].astype(str)
        hit_in_copy = hit_ids.isin(set(ids[is_copy])).to_numpy()
        stats = {"n_copies": len(rows), "n_hits": len(hits),
                 "n_hits_in_copies": int(hit_in_copy.sum()), "digest": ids_digest(ids)}  # fmt: skip
        counted, counted_hits = chunk, hits
        if mode == "drop":
            stats["tokens_in_copies"] = int(article_token_totals(chunk.iloc[rows]).sum())
            counted, counted_hits = chunk.loc[~is_copy], hits.loc[~hit_in_copy]
            if totals is not None:
                totals = totals[totals["article_id"].isin(set(counted["article_id"]))]
        elif len(rows):
            counted, moved = _credited(chunk, rows, outlets)
            stats["articles_moved"] = len(moved)
            stats["hits_moved"] = int(hit_ids.isin(moved).sum())
        partials = chunk_partials(counted_hits, counted, job, totals) if len(counted) else None
    found = [(w.category, str(w.message)) for w in caught]
    return Result(partials, hits if job.want_hits else None, found), stats


def _credited(chunk: pd.DataFrame, rows: np.ndarray, outlets: list):
    """The chunk with its copies' outlets replaced by their originals', and the ids of the
    copies whose outlet changed (as :func:`framing.copies.choose_copies`)."""
    given = pd.Series(outlets, dtype=object)
    known = given.notna().to_numpy()
    out = chunk.copy()
    column = out.columns.get_loc("outlet")
    before = out["outlet"].iloc[rows].astype(str).to_numpy()
    if known.any():
        if out["outlet"].dtype != object:
            out["outlet"] = out["outlet"].astype(object)
        out.iloc[rows[known], column] = given[known].to_numpy()
    changed = known & (out["outlet"].iloc[rows].astype(str).to_numpy() != before)
    return out, set(out["article_id"].astype(str).iloc[rows[changed]])


def run_chunks(chunks, function, args_of, n_workers: int, collect) -> None:
    """``collect(chunk, function(chunk.work, *args_of(chunk)))`` for every chunk, in order:
    here with one worker, else in the warm pool. A chunk for which ``args_of`` is None is
    passed over; an error names the chunk's rows."""
    if n_workers == 1:
        for chunk in chunks:
            args = args_of(chunk)
            if args is not None:
                collect(chunk, _named(chunk, functools.partial(function, chunk.work, *args)))
        return
    pending: deque = deque()

    def take():
        chunk, future = pending.popleft()
        try:
            result = _named(chunk, future.result)
        except BrokenProcessPool as exc:
            spans = [chunk.where] + [c.where for c, _ in pending]
            raise worker_died(spans, "chunk_size= or workers=", pool) from exc
        collect(chunk, result)

    def jobs():
        for chunk in chunks:
            args = args_of(chunk)
            if args is not None:
                work, chunk.work = chunk.work, None  # the worker gets it; not kept here
                yield chunk, function, (work, *args)

    prepare_finish()
    with WARM_POOL.use(n_workers) as pool:
        in_order(pool, jobs(), pending, take, n_workers)


def _named(chunk, run):
    """``run()``, a bad-input error naming the chunk's rows."""
    try:
        return run()
    except FramingError as exc:
        raise FramingError(str(exc), where=chunk.where) from exc
