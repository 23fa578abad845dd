"""Counting a Dask DataFrame of articles on a dask.distributed cluster: :func:`count_dask`.

Each partition becomes one :class:`~framing.aggregate.CountPartials` on a worker, and only
those small tables travel back to the client. Dask is imported only when it is used.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable

import numpy as np
import pandas as pd

from .._errors import FramingError, choices_error, require
from ..aggregate import combine_partials, finish_counts
from ..copies import COPIES, add_copy_summary
from .arguments import check_job, is_dask_frame
from .copy_index import CopyIndex, shingle_rows, sketch_chunk
from .copy_passes import (
    COPY_WORK_COLUMNS,
    CopyTally,
    check_outlet,
    count_chunk_copies,
    decide_stories,
)
from .job import WORK_COLUMNS, Job, check_by_columns, count_chunk, warning_shape

_DASK_LOCK = threading.Lock()


def _dask_partials(part: pd.DataFrame, job: Job) -> pd.Series:
    """One partition -> a one-item Series of (CountPartials or None, warnings); on a worker.

    One partition at a time per worker process: the counting is pure Python (threads would
    not run it in parallel anyway) and the warnings it records must not mix between threads.
    """
    with _DASK_LOCK:
        result = count_chunk(part, job)
    return pd.Series([(result.partials, result.warnings)], dtype=object)


def count_dask(
    ddf,
    lexicon,
    *,
    freq: str = "M",
    by=None,
    level: str = "frame",
    clean: bool | Callable[[str], str] = True,
    match: str = "exact",
    client=None,
    copies: str = "keep",
    voice=None,
    negated: str = "keep",
) -> pd.DataFrame:
    """Count a lexicon in a Dask DataFrame of articles on a dask.distributed cluster.

    Each partition is cleaned, matched and reduced to its partial counts on a worker; only
    those small tables come back, and the counts table is finished here. The result is
    identical to the in-memory path on the same articles::

        articles = clean_articles(ddf.compute())
        count_by_period(find_hits(articles, lexicon), articles, freq=freq, by=by)

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        The articles table, partitioned (``article_id``, ``date`` as datetime, ``text``,
        the ``by`` columns; ``lang`` for ``match="stem"``). Make one with
        ``dask.dataframe.from_pandas(framing.read_articles(...), npartitions=...)`` or
        ``dask.dataframe.read_parquet(...)`` on files written from an articles table.
        Article ids must be unique across partitions.
    lexicon : Lexicon or dict
        As in :func:`framing.find_hits`.
    freq, by, level
        As in :func:`framing.count_by_period`.
    clean, match
        As in :func:`count_corpus`.
    client : distributed.Client, optional
        The cluster to run on; by default the current client (``distributed.get_client()``).
    copies : {"keep", "drop", "origin"}
        As in :func:`count_corpus`: ``"drop"`` and ``"origin"`` build the copy index of the
        whole frame from a pass over the partitions (only the sketches come back to the
        client), compare its candidates exactly in a second and count in a third. The
        partitions are computed three times: persist the frame first if reading it is slow.
    voice, negated
        As in :func:`count_corpus` (and :func:`framing.count_by_period`): each partition's
        voices are found on its worker.

    Returns
    -------
    DataFrame
        The counts table, with ``attrs["provenance"]``.

    Raises
    ------
    FramingError
        For a bad argument, no client, duplicate article ids, articles without a date, or a
        missing column.

    Examples
    --------
    >>> import pandas as pd
    >>> import dask.dataframe as dd
    >>> from distributed import Client
    >>> articles = pd.DataFrame({"article_id": ["a", "b", "c"],
    ...     "date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-02"]),
    ...     "text": ["A threat.", "Calm news.", "Threats and more threats."]})
    >>> with Client(processes=False, n_workers=1, dashboard_address=":0") as client:
    ...     counts = count_dask(dd.from_pandas(articles, npartitions=2), {"threat": ["threat*"]},
    ...                         client=client)
    >>> counts[["period", "n_hits", "n_articles"]]
          period  n_hits  n_articles
    0 2024-01-01       1           2
    1 2024-02-01       2           1
    """
    require("dask.dataframe", package="dask[distributed]", purpose="count_dask")
    distributed = require("distributed", package="dask[distributed]", purpose="count_dask")

    if not is_dask_frame(ddf):
        raise FramingError(
            f"expected a Dask DataFrame of articles, got {type(ddf).__name__}",
            where="count_dask",
            fix="Make one with dask.dataframe.from_pandas(articles, npartitions=8) or "
            "dask.dataframe.read_parquet(...); for files use framing.count_corpus.",
        )
    job = check_job(
        lexicon,
        freq=freq,
        by=by,
        level=level,
        clean=clean,
        match=match,
        want_hits=False,
        function="count_dask",
        voice=voice,
        negated=negated,
    )
    if copies not in COPIES:
        raise choices_error("count_dask(copies=...)", copies, COPIES)
    _check_columns(ddf, job)
    check_outlet(ddf.columns, copies, "count_dask")
    if client is None:
        client = _current_client(distributed)
    if copies != "keep":
        return _count_copies(ddf, job, copies, client)
    duplicated, results = _compute(ddf, job, client)
    _refuse_duplicates(duplicated)
    return _finish(results.tolist())


def _finish(results: list) -> pd.DataFrame:
    """The counts table from each partition's (partials, warnings); the warnings given."""
    parts = []
    for part, found in _unique_warnings(results):
        for category, message in found:
            warnings.warn(message, category, stacklevel=3)
        if part is not None:
            parts.append(part)
    if not parts:
        raise FramingError("the Dask DataFrame holds no article", where="count_dask")
    return finish_counts(
        combine_partials(parts),
        frames=None,
        start=None,
        end=None,
        conf=0.95,
        function="count_dask",
    )


def _check_columns(ddf, job: Job) -> None:
    """The articles' columns, and the grouping columns, are there."""
    needed = ["article_id", "date", "text"]
    missing = [c for c in needed if c not in ddf.columns]
    if missing:
        raise FramingError(
            f"the Dask DataFrame has no column {', '.join(map(repr, missing))} "
            f"(columns found: {', '.join(map(repr, ddf.columns))})",
            where="count_dask",
            fix="It must hold the articles table, as framing.read_articles returns it.",
        )
    check_by_columns(list(ddf.columns), job)


def _current_client(distributed):
    """The current dask.distributed client, or an error saying how to start one."""
    try:
        return distributed.get_client()
    except ValueError as exc:
        raise FramingError(
            "there is no dask.distributed client to run on",
            where="count_dask",
            fix="Start one first (from distributed import Client; client = Client(), or "
            "Client('tcp://scheduler-address:8786') for a cluster), or pass client=.",
        ) from exc


def _compute(ddf, job: Job, client) -> tuple[pd.Series, pd.Series]:
    """On the cluster: the ids that occur more than once, and each partition's partials."""
    ids = ddf["article_id"]
    counts_per_id = ids.value_counts(split_out=1)
    duplicated = counts_per_id[counts_per_id > 1]
    keep = [c for c in (*WORK_COLUMNS, *job.by) if c in ddf.columns]
    partials = ddf[list(dict.fromkeys(keep))].map_partitions(
        _dask_partials, job, meta=pd.Series([], dtype=object)
    )
    futures = client.compute([duplicated, partials])
    try:
        return client.gather(futures)
    finally:
        for future in futures:
            future.release()


def _refuse_duplicates(duplicated: pd.Series) -> None:
    if len(duplicated):
        example = duplicated.index[0]
        raise FramingError(
            f"{len(duplicated)} article_id values occur more than once (e.g. {example!r}, "
            f"{int(duplicated.iloc[0])} times)",
            where="count_dask",
            fix="Make ids unique: framing.read_articles sets duplicates aside for you.",
        )


def _unique_warnings(results: list) -> list:
    """Each partition's (partials, warnings), with a warning kept only the first time."""
    seen: set = set()
    out = []
    for part, found in results:
        new = []
        for w in found:
            if warning_shape(w) not in seen:  # the first of each shape, as count_corpus
                seen.add(warning_shape(w))
                new.append(w)
        out.append((part, new))
    return out


def _locked(function, *args):
    """``function(*args)`` on a worker, one partition at a time (see :func:`_dask_partials`)."""
    with _DASK_LOCK:
        return function(*args)


def _gather(client, tasks: list) -> list:
    """The results of the delayed ``tasks``, computed on the cluster."""
    futures = client.compute(tasks)
    try:
        return client.gather(futures)
    finally:
        for future in futures:
            future.release()


def _count_copies(ddf, job: Job, mode: str, client) -> pd.DataFrame:
    """count_dask with ``copies="drop" | "origin"``: index, exact comparison, count."""
    delayed = require("dask", package="dask[distributed]", purpose="count_dask").delayed
    ids = ddf["article_id"].value_counts(split_out=1)
    _refuse_duplicates(_gather(client, [ids[ids > 1]])[0])
    keep = [c for c in (*WORK_COLUMNS, *job.by, *COPY_WORK_COLUMNS) if c in ddf.columns]
    parts = ddf[list(dict.fromkeys(keep))].to_delayed()
    index = CopyIndex()
    for sketch in _gather(client, [delayed(_locked)(sketch_chunk, p, job) for p in parts]):
        index.add(sketch)
    starts = index.freeze().first_numbers()

    def read_shingles(rows, take) -> None:
        tasks, numbers = [], []
        for k, part in enumerate(parts):
            lo, hi = np.searchsorted(rows, starts[k : k + 2])
            if lo < hi:
                tasks.append(delayed(_locked)(shingle_rows, part, job, rows[lo:hi] - starts[k]))
                numbers.append((k, lo, hi))
        # the partitions' shingles come back in order, each freed once measured
        futures = client.compute(tasks)
        try:
            for (k, lo, hi), future in zip(numbers, futures, strict=True):
                hashes, counts, digest = future.result()
                future.release()
                _check_digests([digest], [index.digests[k]])
                take(rows[lo:hi], hashes, counts)
        finally:
            for future in futures:
                future.release()

    plan = decide_stories(index, read_shingles, mode, "count_dask")
    tasks = [
        delayed(_locked)(
            count_chunk_copies, part, job, *plan.chunk(starts[k], starts[k + 1] - starts[k]), mode
        )  # fmt: skip
        for k, part in enumerate(parts)
    ]
    tally, results = CopyTally(), []
    for result, stats in _gather(client, tasks):
        tally.add(stats)
        results.append((result.partials, result.warnings))
    _check_digests(tally.digests, index.digests)
    return add_copy_summary(_finish(results), tally.summary(plan))


def _check_digests(got: list, expected: list) -> None:
    if got != expected:
        raise FramingError(
            "the partitions changed between two passes of count_dask(copies=...)",
            where="count_dask",
            fix="Persist the frame first (ddf = ddf.persist()) if reading it is not repeatable.",
        )
