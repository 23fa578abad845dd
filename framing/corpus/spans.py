"""Who speaks in a large articles table, found on every core.

:func:`framing.add_voice` and :func:`framing.voices.voice_token_totals` read each article on
its own, in Python: on 100,000 news articles they take minutes. :func:`voices_in_workers`
hands pieces of the table (and their hits) to the warm pool of worker processes that
:func:`framing.count_corpus` counts with (started once, kept for the next use); each piece's
spans are found once, for its hits' voices and its per-voice token totals, and the pieces
are put back together in the table's order: the same tables, whatever the number of workers.
"""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures.process import BrokenProcessPool

import numpy as np
import pandas as pd

from .._errors import FramingError
from .._memory import release_memory
from .._tables import check_articles, check_hits, hit_rows
from ..voices import add_voice, voice_spans, voice_token_totals
from .arguments import check_workers
from .pool import WARM_POOL, in_order, worker_died

__all__ = ["voices_in_workers", "VOICE_BYTES_PER_WORKER"]

#: Bytes of text per worker process when ``workers=None``: a new worker needs about 1.4 s
#: to start, and the voices of 1 MB of news take about 0.4 s of one core, so new workers
#: pay off from a few MB each.
VOICE_BYTES_PER_WORKER = 8_000_000
#: pieces per worker: small enough that the workers finish together
_PIECES_PER_WORKER = 4
_VOICE_COLUMNS = ("voice", "speaker", "negated")


def voices_in_workers(
    hits: pd.DataFrame, articles: pd.DataFrame, *, workers: int | None = None, progress=False
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The hits with their voices, the tokens of each voice and the voice spans, found by
    worker processes.

    Parameters
    ----------
    hits : DataFrame
        A hits table (:func:`framing.find_hits`) of ``articles``.
    articles : DataFrame
        The articles table (``article_id``, ``text``; ``lang`` if known), ids unique.
    workers : int, optional
        Worker processes. By default those kept idle from an earlier use, else one per
        :data:`VOICE_BYTES_PER_WORKER` of text, up to the cores; 1 works in this process.
    progress : bool or callable
        Show a progress bar of the articles read (tqdm), or call ``progress(done, total)``
        (numbers of articles) as each piece of the table is finished.

    Returns
    -------
    hits : DataFrame
        Equal to ``framing.add_voice(hits, articles)``.
    token_totals : DataFrame
        Equal to ``framing.voices.voice_token_totals(articles)``.
    spans : DataFrame
        Equal to ``framing.voices.voice_spans(articles)``.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ['Lavrov said: "A threat."']})
    >>> hits = pd.DataFrame({"article_id": ["a"], "start": [16], "end": [22]})
    >>> voiced, totals, spans = voices_in_workers(hits, arts, workers=1)
    >>> voiced[["voice", "speaker", "negated"]].values.tolist()
    [['quote', 'Lavrov', False]]
    >>> totals["n_tokens"].tolist()
    [2, 2, 0, 0]
    """
    where = "voices_in_workers"
    check_hits(hits, where, ("article_id", "start", "end"),
               hint="Make it with framing.find_hits(articles, lexicon).")  # fmt: skip
    check_articles(articles, where, ("article_id", "text"), unique=True)
    n_workers = check_workers(workers, f"{where}(workers=...)")
    lengths = articles["text"].fillna("").astype(str).str.len().to_numpy(dtype=np.int64)
    if n_workers is None:
        kept, cores = WARM_POOL.kept_workers(), max(os.cpu_count() or 1, 1)
        by_size = min(cores, 1 + int(lengths.sum()) // VOICE_BYTES_PER_WORKER)
        n_workers = min(kept, cores) or by_size
    if not len(articles):
        spans = voice_spans(articles)
        voiced = add_voice(hits, articles, spans=spans)
        return voiced, voice_token_totals(articles, spans=spans), spans
    rows = np.asarray(hit_rows(hits, articles["article_id"], function=where), dtype=np.int64)
    columns = [c for c in ("article_id", "text", "lang") if c in articles.columns]
    table = articles[columns].reset_index(drop=True)
    located = hits[["article_id", "start", "end"]].reset_index(drop=True)
    pieces = []  # ((first row, row after), positions of its hits), in the table's order
    for lo, hi in _pieces(lengths, n_workers * _PIECES_PER_WORKER):
        pieces.append(((lo, hi), np.flatnonzero((rows >= lo) & (rows < hi))))
    parts: list[tuple] = []
    shown = _Shown(progress, len(table))
    try:
        if n_workers == 1:
            for (lo, hi), mine in pieces:
                parts.append(
                    (mine, *_named(lo, hi, _voices_of, table.iloc[lo:hi], located.iloc[mine]))
                )
                shown.done(hi - lo)
        else:
            _in_workers(pieces, table, located, n_workers, parts, shown)
    finally:
        shown.close()
    return _assembled(hits, parts)


def _in_workers(pieces, table, located, n_workers: int, parts: list, shown) -> None:
    """The pieces' voices found in the warm pool, appended to ``parts`` in order."""
    pending: deque = deque()

    def jobs():
        for (lo, hi), mine in pieces:
            yield (lo, hi, mine), _piece_voices, (table.iloc[lo:hi], located.iloc[mine])

    def collect():
        (lo, hi, mine), future = pending.popleft()
        try:
            parts.append((mine, *_named(lo, hi, future.result)))
        except BrokenProcessPool as exc:
            spans = [f"articles {a}-{b - 1}" for (a, b, _), _ in [((lo, hi, mine), None), *pending]]
            raise worker_died(spans, "workers=", pool, where="voices_in_workers",
                              doing="finding the voices of") from exc  # fmt: skip
        shown.done(hi - lo)

    with WARM_POOL.use(n_workers) as pool:
        in_order(pool, jobs(), pending, collect, n_workers)


def _named(lo: int, hi: int, function, *args):
    """``function(*args)``, a bad-input error naming the rows of the piece."""
    try:
        return function(*args)
    except FramingError as exc:
        raise FramingError(str(exc), where=f"voices_in_workers, articles {lo}-{hi - 1}") from exc


class _Shown:
    """The progress of :func:`voices_in_workers`: a tqdm bar, a function, or nothing."""

    def __init__(self, progress, total: int):
        self.total, self.count, self.call, self.bar = total, 0, None, None
        if callable(progress):
            self.call = progress
        elif progress:
            from tqdm.auto import tqdm

            self.bar = tqdm(total=total, desc="voices_in_workers", unit=" articles")

    def done(self, n: int) -> None:
        self.count += n
        if self.call is not None:
            self.call(self.count, self.total)
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _voices_of(articles: pd.DataFrame, hits: pd.DataFrame) -> tuple:
    """The voice columns of a piece's hits, its token totals and its spans."""
    spans = voice_spans(articles)
    voiced = add_voice(hits, articles, spans=spans)
    columns = tuple(voiced[c].to_numpy() for c in _VOICE_COLUMNS)
    return columns, voice_token_totals(articles, spans=spans), spans


def _piece_voices(articles: pd.DataFrame, hits: pd.DataFrame) -> tuple:
    """:func:`_voices_of` in a worker, which then returns the memory it freed (it is kept
    for the next use)."""
    result = _voices_of(articles, hits)
    del articles, hits
    release_memory()
    return result


def _assembled(hits: pd.DataFrame, parts: list[tuple]) -> tuple:
    """The pieces' results as the whole table's, each hit's voice at its own row."""
    values = {
        "voice": np.full(len(hits), "narrative", dtype=object),
        "speaker": np.full(len(hits), "", dtype=object),
        "negated": np.zeros(len(hits), dtype=bool),
    }
    for mine, columns, _, _ in parts:
        for name, column in zip(_VOICE_COLUMNS, columns, strict=True):
            values[name][mine] = column
    voiced = hits.assign(**{name: pd.Series(v, index=hits.index, dtype=v.dtype)
                            for name, v in values.items()})  # fmt: skip
    voiced.attrs = dict(hits.attrs)
    totals = pd.concat([p[2] for p in parts], ignore_index=True)
    spans = pd.concat([p[3] for p in parts], ignore_index=True)
    return voiced, totals, spans


def _pieces(lengths: np.ndarray, n: int) -> list[tuple[int, int]]:
    """At most ``n`` consecutive row ranges of about equal text length, none empty.

    Examples
    --------
    >>> _pieces(np.array([5, 5, 5, 5]), 2)
    [(0, 2), (2, 4)]
    >>> _pieces(np.array([100, 1, 1]), 3)  # the long article alone, the short ones together
    [(0, 1), (1, 3)]
    """
    ends = np.cumsum(lengths)
    cuts = np.searchsorted(ends, np.linspace(0, ends[-1], n + 1)[1:-1], side="left") + 1
    bounds = np.unique(np.r_[0, np.clip(cuts, 1, len(lengths) - 1), len(lengths)])
    return [(int(lo), int(hi)) for lo, hi in zip(bounds[:-1], bounds[1:], strict=True)]
