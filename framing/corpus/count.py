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
"""

from __future__ import annotations

import contextlib
import itertools
import json
import multiprocessing
import numbers
import os
import sys
import threading
import time
import warnings
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .._errors import FramingError, FramingWarning, choices_error, require

__all__ = [
    "count_corpus",
    "count_dask",
    "shutdown_workers",
    "LARGE_ARTICLE_CHARS",
    "AUTO_BYTES_PER_WORKER",
    "AUTO_CLEAN_BYTES_PER_WORKER",
    "IDLE_WORKER_SECONDS",
]

#: Articles longer than this (in characters) are counted, with a warning naming them.
LARGE_ARTICLE_CHARS = 10_000_000

_MATCH_MODES = ("exact", "stem")
_LEVELS = ("frame", "entry")
# file-level problems that would leave a file partly read: always an error here
_FILE_FAILURES = ("unreadable file", "undecodable bytes")
# columns that clean_articles adds, which may be grouped by
_CLEAN_COLUMNS = ("dateline_place", "dateline_source")
# columns the workers need besides the text and the grouping columns
_WORK_COLUMNS = ("article_id", "date", "text", "lang", "n_tokens", *_CLEAN_COLUMNS)


@dataclass(frozen=True)
class _Job:
    """What every chunk is counted with (pickled once per chunk to the workers)."""

    lexicon: object
    clean: bool | Callable[[str], str]
    match: str
    freq: str
    by: tuple[str, ...]
    level: str
    want_hits: bool
    function: str = "count_corpus"


@dataclass
class _Result:
    partials: object  # CountPartials, or None for an empty chunk
    hits: pd.DataFrame | None
    warnings: list[tuple[type[Warning], str]]


def _count_chunk(chunk: pd.DataFrame, job: _Job) -> _Result:
    """Clean one chunk, find its hits and return its partial counts (runs in a worker)."""
    from ..aggregate import _count_partials
    from ..match import find_hits

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if job.clean is not False:  # framing.clean is imported only when it is used
            from ..clean import clean_articles

            cleaner = {} if job.clean is True else {"cleaner": job.clean}
            chunk = clean_articles(chunk, **cleaner)
        hits = find_hits(chunk, job.lexicon, match=job.match, sentences=False)
        partials = None
        if len(chunk):
            partials = _count_partials(
                hits,
                chunk,
                freq=job.freq,
                by=list(job.by),
                level=job.level,
                token_totals=None,
                function=job.function,
            )
    found = [(w.category, str(w.message)) for w in caught]
    return _Result(partials, hits if job.want_hits else None, found)


# --------------------------------------------------------------------------------------
# checking the arguments


def _as_lexicon(lexicon, function: str):
    from ..lexicon import Lexicon

    if isinstance(lexicon, dict):
        lexicon = Lexicon.from_dict(lexicon)
    if not isinstance(lexicon, Lexicon):
        raise FramingError(
            f"expected a Lexicon or a dict of frame -> entries, got {type(lexicon).__name__}",
            where=f"{function}(lexicon=...)",
            fix="Load one with framing.read_lexicon(path) or framing.load_lexicon('security').",
        )
    return lexicon


def _check_job(lexicon, *, freq, by, level, clean, match, want_hits, function: str) -> _Job:
    from ..aggregate import FREQUENCIES

    lexicon = _as_lexicon(lexicon, function)
    key = freq if isinstance(freq, str) and freq in FREQUENCIES else str(freq).lower()
    if key not in FREQUENCIES:
        raise choices_error(f"{function}(freq=...)", freq, ["D", "W", "M", "Q", "Y"])
    if level not in _LEVELS:
        raise choices_error(f"{function}(level=...)", level, _LEVELS)
    if match not in _MATCH_MODES:
        raise choices_error(f"{function}(match=...)", match, _MATCH_MODES)
    by = () if by is None else (by,) if isinstance(by, str) else by
    if not isinstance(by, (list, tuple)) or not all(isinstance(col, str) for col in by):
        raise FramingError(
            f"expected column names, got {by!r}",
            where=f"{function}(by=...)",
            fix="Pass a column name or a list of them, e.g. by='outlet'.",
        )
    if not (isinstance(clean, bool) or callable(clean)):
        raise FramingError(
            f"expected True, False or a cleaner function, got {type(clean).__name__}",
            where=f"{function}(clean=...)",
            fix="Pass clean=True (framing.default_cleaner), False, or make_cleaner(...).",
        )
    return _Job(lexicon, clean, match, key, tuple(by), level, want_hits, function)


#: Bytes of corpus files per worker process when ``workers=None``: a new worker process
#: needs about 1.4 s to start (a fresh Python importing framing), which pays off only on
#: larger corpora (synthetic 100 MB of text, 50 MB of Parquet: 1 worker 2.1 s, 2 new workers
#: 2.3 s; 1 GB: 17.9 s and 11.1 s; bench/README.md, fourth run).
AUTO_BYTES_PER_WORKER = 150_000_000
#: The same when the texts are cleaned first (``clean=True``, the default, or a cleaner):
#: :data:`framing.default_cleaner` costs about three times what counting does, so workers
#: pay off on smaller corpora (synthetic 100 MB of text, 50 MB of Parquet: 1 worker 6.3 s,
#: 2 new workers 4.6 s; 20 MB: 1.4 s and 2.1 s; Reuters-21578, a 16 MB CSV: 2.8 s and 3.0 s).
AUTO_CLEAN_BYTES_PER_WORKER = 40_000_000


def _auto_workers(source, format, per_worker: int) -> int:
    """Worker processes for ``workers=None``: those kept from an earlier call if they are
    idle and usable (already started, they cost nothing to start), else one per
    ``per_worker`` bytes of files, up to the cores."""
    from ..ingest import _source_bytes

    cores = max(os.cpu_count() or 1, 1)
    kept = _kept_workers()
    if kept:
        return min(kept, cores)
    size = _source_bytes(source, format=format)
    return int(max(1, min(cores, 1 + size // per_worker)))


def _check_workers(workers) -> int | None:
    if workers is None:
        return None
    if isinstance(workers, bool) or not isinstance(workers, numbers.Integral) or workers < 1:
        raise FramingError(
            f"expected a positive whole number of worker processes, got {workers!r}",
            where="count_corpus(workers=...)",
            fix="Pass e.g. workers=4, workers=1 to count in this process, or None for all cores.",
        )
    return int(workers)


def _check_by_columns(columns, job: _Job) -> None:
    """Fail early, in this process, for a grouping column that no chunk will have."""
    made = _CLEAN_COLUMNS if job.clean is not False else ()
    missing = [c for c in job.by if c not in columns and c not in made]
    if missing:
        found = ", ".join(repr(c) for c in columns if c not in ("source", "encoding"))
        raise FramingError(
            f"the articles have no column {', '.join(map(repr, missing))} to group by "
            f"(columns found: {found})",
            where=f"{job.function}(by=...)",
            fix="Group only by columns of the articles, e.g. by='outlet'.",
        )


def _is_dask_frame(obj) -> bool:
    return type(obj).__module__.split(".")[0] in ("dask", "dask_expr") and hasattr(
        obj, "map_partitions"
    )


# --------------------------------------------------------------------------------------
# streaming files


def count_corpus(
    source,
    lexicon,
    *,
    freq: str = "M",
    by=None,
    chunk_size: int = 20_000,
    workers: int | None = None,
    hits_path=None,
    clean: bool | Callable[[str], str] = True,
    match: str = "exact",
    progress: bool = True,
    columns=None,
    level: str = "frame",
    format: str | None = None,
    encoding: str | None = None,
) -> pd.DataFrame:
    """Count a lexicon in a corpus too large for memory, in chunks, on all cores.

    Streams the files chunk by chunk, cleans each chunk (:func:`framing.clean_articles`),
    finds its hits (:func:`framing.find_hits`, without sentence numbers) and keeps only the
    small partial counts of each chunk. The result is identical to counting all the articles
    in memory::

        articles = clean_articles(read_articles(source))
        count_by_period(find_hits(articles, lexicon), articles, freq=freq, by=by)

    whatever ``chunk_size``, ``workers`` or the order of the files.

    Parameters
    ----------
    source : str, Path, list of them, or a Dask DataFrame
        CSV/TSV, JSONL or Parquet files: a file, a folder, a glob (``"data/*.parquet"``) or a
        list, as in :func:`framing.read_articles`. Files are read in the order of their
        paths. A Dask DataFrame of articles is counted with :func:`count_dask` on the
        current dask.distributed client.
    lexicon : Lexicon or dict
        A :class:`framing.Lexicon`, or a ``{frame: [entries]}`` dict.
    freq : {"D", "W", "M", "Q", "Y"}
        Period length, as in :func:`framing.count_by_period`.
    by : str or list of str, optional
        Article columns to group by (``"outlet"``); the ``dateline_*`` columns made by
        cleaning may be used too.
    chunk_size : int, default 20000
        The largest number of records (rows, lines) read and counted at once. Memory grows
        with ``chunk_size`` times twice the number of workers.
    workers : int, optional
        Worker processes; ``1`` counts in this process, without a pool. ``None`` (default)
        uses the worker processes kept from an earlier call when there are any, else one
        per :data:`AUTO_CLEAN_BYTES_PER_WORKER` (40 MB) of files, or per
        :data:`AUTO_BYTES_PER_WORKER` (150 MB) with ``clean=False``, up to every core
        (``os.cpu_count()``): a new worker process takes about a second to start, so a
        smaller corpus is counted faster in this process. The worker processes are kept for
        the next call (with another lexicon, say) for :data:`IDLE_WORKER_SECONDS` (5 minutes)
        after the last; :func:`shutdown_workers` stops them at once.
    hits_path : str or Path, optional
        Also write the hits table to this Parquet file, one row group per chunk with hits,
        in file and row order (the ``sentence`` column is -1: sentences are not split when
        streaming). The file appears only when the count succeeds.
    clean : bool or callable, default True
        Clean the texts with :data:`framing.default_cleaner` first; ``False`` counts the
        raw text; a ``str -> str`` function (e.g. from :func:`framing.make_cleaner`,
        defined at module level so worker processes can load it) cleans with that.
    match : {"exact", "stem"}
        As in :func:`framing.find_hits`.
    progress : bool, default True
        Show a progress bar (articles and MB of text counted, and the rate); it adapts to
        Jupyter notebooks.
    columns : dict, optional
        Input column name -> article column, as in :func:`framing.read_articles`.
    level : {"frame", "entry"}
        Count per frame, or per frame and lexicon entry.
    format, encoding : str, optional
        As in :func:`framing.read_articles`.

    Returns
    -------
    DataFrame
        The counts table of :func:`framing.count_by_period`, with its provenance in
        ``attrs["provenance"]`` and the :class:`~framing.IngestReport` of the whole corpus
        (``framing.ingest_report(counts)``).

    Raises
    ------
    FramingError
        For a bad argument, a format that cannot be streamed (JSON, ``.txt``, HTML: read
        those with :func:`framing.read_articles`), a file that cannot be read to its end,
        a worker process that dies, or a corpus in which no article can be counted.

    Warns
    -----
    FramingWarning
        When articles were set aside (as :func:`framing.read_articles` does), cleaned to an
        empty text, or are longer than :data:`LARGE_ARTICLE_CHARS` characters.

    Notes
    -----
    Several workers pay off on large corpora: each worker process starts by importing
    framing and building its tables (about a second), and Parquet files are split between
    workers by row group (write them with ``row_group_size=`` of about ``chunk_size`` rows
    so there are enough to share; a file of one row group is read in the parent instead).
    See ``bench/README.md`` for measured speeds.

    Worker processes are *spawned* (a fresh Python that imports framing), the safe way on
    every platform and inside Jupyter. In a script, call ``count_corpus`` under
    ``if __name__ == "__main__":`` so the workers do not run the script again. A ``clean``
    function must be importable by the workers (defined in a module, not a lambda).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import pandas as pd
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> pd.DataFrame({"id": ["a1", "a2", "a3"],
    ...               "date": ["2024-01-05", "2024-01-20", "2024-02-02"],
    ...               "text": ["A threat.", "Calm news.", "Threats and more threats."]},
    ...              ).to_parquet(folder / "news.parquet")
    >>> counts = count_corpus(folder, {"threat": ["threat*"]}, chunk_size=2, workers=1,
    ...                       progress=False)
    >>> counts[["period", "frame", "n_hits", "n_articles", "n_tokens"]]
          period   frame  n_hits  n_articles  n_tokens
    0 2024-01-01  threat       1           2         4
    1 2024-02-01  threat       2           1         4
    """
    if _is_dask_frame(source):
        if hits_path is not None:
            raise FramingError(
                "hits_path= is not available for a Dask DataFrame",
                where="count_corpus(hits_path=...)",
                fix="Write the hits with ddf.map_partitions(framing.find_hits, lexicon).to_parquet(...).",
            )
        return count_dask(source, lexicon, freq=freq, by=by, level=level, clean=clean, match=match)
    if isinstance(source, pd.DataFrame):
        raise FramingError(
            "count_corpus reads files; you passed a pandas DataFrame, which is already in memory",
            where="count_corpus(source=...)",
            fix="Use framing.count_by_period(framing.find_hits(articles, lexicon), articles), "
            "or pass the path of the files.",
        )
    job = _check_job(
        lexicon,
        freq=freq,
        by=by,
        level=level,
        clean=clean,
        match=match,
        want_hits=hits_path is not None,
        function="count_corpus",
    )
    n_workers = _check_workers(workers)
    if n_workers is None:
        per_worker = AUTO_BYTES_PER_WORKER if job.clean is False else AUTO_CLEAN_BYTES_PER_WORKER
        n_workers = _auto_workers(source, format, per_worker)
    if not isinstance(progress, bool):
        raise FramingError(
            f"expected True or False, got {progress!r}", where="count_corpus(progress=...)"
        )
    writer = _HitsWriter(hits_path, job.lexicon, job.match) if hits_path is not None else None

    from ..ingest import _parquet_pieces, iter_article_chunks

    chunks = iter_article_chunks(
        source, chunk_size=chunk_size, format=format, columns=columns, encoding=encoding
    )
    # Parquet files with enough row groups are read by the workers themselves, a row group
    # each: nothing is decoded here or sent through a pipe (that cost as much as counting)
    planned = None
    if n_workers > 1:
        planned = _parquet_pieces(source, chunk_size=chunk_size, format=format,
                                  columns=columns, encoding=encoding,
                                  min_pieces=n_workers)  # fmt: skip
    reader = _Reader(iter(()) if planned else chunks, job)
    state = _State(job, writer, reader.warnings)
    bar = _Progress(progress)
    try:
        if planned:
            pieces, notes = planned
            reader.notes.extend(notes)
            _run_pieces(pieces, job, n_workers, state, bar, reader)
        pending = iter(reader)
        # a corpus of one chunk is counted here: starting worker processes would cost more
        head = list(itertools.islice(pending, 2)) if n_workers > 1 else []
        if n_workers == 1 or len(head) < 2:
            for chunk in itertools.chain(head, pending):
                state.add(chunk, _count_here(chunk, job))
                bar.show(chunk)
        else:
            _run_pool(itertools.chain(head, pending), job, n_workers, state, bar)
        counts = state.finish(source, reader)
        if writer is not None:
            writer.commit()
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    finally:
        bar.close()
    report = reader.report()
    from ..ingest import _attach_report

    _attach_report(counts, report)
    for category, message in reader.warnings:
        warnings.warn(message, category, stacklevel=2)
    if len(report.set_aside):
        warnings.warn(
            f"count_corpus: {report.summary()}; see framing.ingest_report(counts)",
            FramingWarning,
            stacklevel=2,
        )
    return counts


def _count_here(chunk, job: _Job) -> _Result:
    """Count one chunk in this process; a bad-input error names the chunk's rows."""
    try:
        return _count_chunk(chunk.work, job)
    except FramingError as exc:
        raise FramingError(str(exc), where=chunk.where) from exc


@dataclass
class _Chunk:
    number: int
    work: pd.DataFrame  # the columns the workers need
    n_records: int  # records met (kept or set aside)
    n_bytes: int  # UTF-8 bytes of text
    first: str  # source label of the first and last article
    last: str
    sources: pd.Series | None = None  # the articles' source labels

    @property
    def where(self) -> str:
        if not self.first:
            return f"chunk {self.number}"
        span = self.first if self.first == self.last else f"{self.first} to {self.last}"
        return f"chunk {self.number} ({span})"


class _Reader:
    """Reads the chunks in this process: collects the ingest report, checks, slims them."""

    def __init__(self, chunks, job: _Job):
        self._chunks = chunks
        self._job = job
        self.n_read = 0
        self.n_kept = 0
        self.set_aside: list[pd.DataFrame] = []
        self.notes: list[str] = []
        self._number = 0
        self._checked = False
        self._last_row: dict[str, str] = {}
        self.warnings: dict[tuple[type[Warning], str], None] = {}

    def __iter__(self):
        while True:
            with warnings.catch_warnings():
                # the per-chunk set-aside warnings become one warning for the whole corpus
                warnings.filterwarnings("ignore", r"chunk \d+ \(", FramingWarning)
                try:
                    chunk = next(self._chunks)
                except StopIteration:
                    return
                except FramingError as exc:
                    after = self._last_row.get(getattr(exc, "where", None) or "")
                    if after is None:
                        raise
                    raise FramingError(
                        f"{exc.what} (after {after} was read)",
                        where=exc.where,
                        fix="Repair or remove the file: count_corpus stops rather than count "
                        "part of a corpus.",
                    ) from exc
            self._number += 1
            item = self._take(chunk)
            if item is not None:
                yield item

    def _take(self, chunk: pd.DataFrame) -> _Chunk | None:
        from ..ingest import ingest_report

        report = ingest_report(chunk)
        failed = report.set_aside[report.set_aside["reason"].isin(_FILE_FAILURES)]
        if len(failed):
            label, detail = failed["source"].iloc[0], failed["detail"].iloc[0]
            after = self._last_row.get(label)
            read = f" (after {after} was read)" if after else ""
            raise FramingError(
                f"{failed['reason'].iloc[0]}: {detail}{read}",
                where=label,
                fix="Repair or remove the file (count_corpus stops rather than count part of "
                "a corpus); read_articles(strict=False) sets a broken file aside whole.",
            )
        self.n_read += report.n_read
        self.n_kept += report.n_kept
        self.notes.extend(report.notes)
        if len(report.set_aside):
            self.set_aside.append(report.set_aside)
        if len(chunk) == 0:
            return None
        if not self._checked:
            _check_by_columns(list(chunk.columns), self._job)
            self._checked = True
        sources = chunk["source"].astype("str")
        self._last_row[sources.iloc[-1].rsplit(":", 1)[0]] = sources.iloc[-1]
        large = _large_articles(chunk, sources)
        if large:
            self.warnings[(FramingWarning, large)] = None
        keep = [c for c in (*_WORK_COLUMNS, *self._job.by) if c in chunk.columns]
        work = chunk[list(dict.fromkeys(keep))]
        return _Chunk(
            number=self._number,
            work=work,
            n_records=report.n_read,
            n_bytes=_text_bytes(chunk["text"]),
            first=sources.iloc[0],
            last=sources.iloc[-1],
            sources=sources,
        )

    def report(self):
        from ..ingest import IngestReport, _empty_set_aside

        set_aside = (
            pd.concat(self.set_aside, ignore_index=True) if self.set_aside else _empty_set_aside()
        )
        return IngestReport(
            n_read=self.n_read, n_kept=self.n_kept, set_aside=set_aside, notes=self.notes
        )


def _text_bytes(text: pd.Series) -> int:
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        total = pc.sum(pc.binary_length(pa.array(text, type=pa.large_string()))).as_py()
    except (pa.ArrowException, TypeError, ValueError):
        total = int(text.astype("str").str.len().sum())
    return int(total or 0)


def _large_articles(chunk: pd.DataFrame, sources: pd.Series) -> str:
    """The warning for articles longer than LARGE_ARTICLE_CHARS, or ""."""
    lengths = chunk["text"].str.len()
    large = lengths > LARGE_ARTICLE_CHARS
    if not large.any():
        return ""
    shown = [
        f"{sources.iloc[i]} (article {chunk['article_id'].iloc[i]!r}, "
        f"{lengths.iloc[i] / 1e6:.1f} million characters)"
        for i in large.to_numpy().nonzero()[0][:5]
    ]
    more = f" and {int(large.sum()) - 5} more" if large.sum() > 5 else ""
    return (
        f"count_corpus: very long article(s), counted in full: {', '.join(shown)}{more}. "
        "A text this long is usually several articles run together or a scraping error; "
        "check it."
    )


class _State:
    """The small state kept while counting: partial counts, warnings, the hits writer."""

    def __init__(self, job: _Job, writer, found: dict):
        self.job = job
        self.writer = writer
        self.parts: list = []
        self.warnings = found

    def add(self, chunk: _Chunk, result: _Result) -> None:
        from ..aggregate import combine_partials

        for key in result.warnings:
            self.warnings[key] = None
        if self.writer is not None and result.hits is not None:
            self.writer.write(result.hits)
        if result.partials is not None:
            self.parts.append(result.partials)
        if len(self.parts) >= 32:  # keep the state small: add up as we go
            self.parts = [combine_partials(self.parts)]

    def finish(self, source, reader: _Reader) -> pd.DataFrame:
        from ..aggregate import _counts_from_partials, combine_partials

        if not self.parts:
            detail = f": all {reader.n_read} records were set aside" if reader.n_read else ""
            raise FramingError(
                f"found no article to count in {source!r}{detail}",
                where="count_corpus",
                fix="See the warning above, or read the files with read_articles to see why.",
            )
        partials = combine_partials(self.parts)
        return _counts_from_partials(
            partials, frames=None, start=None, end=None, conf=0.95, function="count_corpus"
        )


def _run_pool(chunks, job: _Job, n_workers: int, state: _State, bar) -> None:
    from concurrent.futures.process import BrokenProcessPool

    pending: deque = deque()

    def collect():
        chunk, future = pending.popleft()
        try:
            result = future.result()
        except BrokenProcessPool as exc:
            spans = [chunk.where] + [c.where for c, _ in pending]
            raise _worker_died(spans, "chunk_size= or workers=") from exc
        except FramingError as exc:
            raise FramingError(str(exc), where=chunk.where) from exc
        state.add(chunk, result)
        bar.show(chunk)

    def jobs():
        for chunk in chunks:
            work, chunk.work = chunk.work, None  # the worker gets it; not kept here
            yield chunk, _count_chunk, (work, job)

    _prepare_finish()
    with _worker_pool(n_workers) as pool:
        _in_order(pool, jobs(), pending, collect, n_workers)


def _worker_died(spans: list[str], lower: str) -> FramingError:
    """The error for a pool whose worker died while ``spans`` (row ranges) were in flight."""
    shown = "; ".join(spans[:4]) + ("; ..." if len(spans) > 4 else "")
    return FramingError(
        f"a worker process died (killed, or out of memory) while counting {shown}",
        where="count_corpus",
        fix=f"Nothing was counted. Lower {lower}, look for very long articles in those rows, "
        "or count with workers=1 to see the error.",
    )


def _in_order(pool, jobs, pending: deque, collect, n_workers: int) -> None:
    """Submit ``(key, function, args)`` jobs to ``pool`` with at most two per worker in
    flight, collecting results in submission order; on any error cancel the rest."""
    try:
        for key, function, args in jobs:
            pending.append((key, pool.submit(function, *args)))
            while len(pending) >= 2 * n_workers:
                collect()
        while pending:
            collect()
    except BaseException:
        for _, future in pending:
            future.cancel()
        raise


#: Seconds an idle pool of worker processes is kept for the next count_corpus call.
IDLE_WORKER_SECONDS = 300

_POOL_LOCK = threading.Lock()
_POOL: dict = {}  # key, pool, users, timer: the pool kept between calls


def _pool_key(n_workers: int) -> tuple:
    """What a kept pool's workers were started with: a pool is reused only while this holds
    (a spawned worker has the parent's sys.path, working folder and environment of the time
    it started)."""
    from concurrent.futures import ProcessPoolExecutor

    return (n_workers, tuple(sys.path), os.getcwd(), tuple(sorted(os.environ.items())),
            ProcessPoolExecutor)  # fmt: skip


def _kept_usable(key: tuple) -> bool:
    """Whether the kept pool (there is one) was started as ``key`` and is not broken; call
    with _POOL_LOCK held."""
    return _POOL["key"] == key and not getattr(_POOL["pool"], "_broken", False)


def _kept_workers() -> int:
    """The number of worker processes kept idle from an earlier call that a call now would
    reuse (started with this sys.path, folder and environment, not broken), or 0."""
    with _POOL_LOCK:
        if not _POOL or _POOL["users"]:
            return 0
        n = _POOL["key"][0]
        return n if _kept_usable(_pool_key(n)) else 0


class _worker_pool:
    """``with _worker_pool(n) as pool``: a process pool of ``n`` workers, kept warm for
    :data:`IDLE_WORKER_SECONDS` after use, so that the next count (another lexicon, say) does
    not wait for new processes to start and import (1-2 s). A pool that saw an error is
    shut down, never reused."""

    def __init__(self, n_workers: int):
        self.n_workers = n_workers
        self.pool = None

    def __enter__(self):
        from concurrent.futures import ProcessPoolExecutor

        key = _pool_key(self.n_workers)
        with _POOL_LOCK:
            if _POOL.get("timer") is not None:
                _POOL.pop("timer").cancel()
            if _POOL and not _kept_usable(key):
                if not _POOL["users"]:
                    _POOL["pool"].shutdown(wait=False, cancel_futures=True)
                _POOL.clear()
            if not _POOL:
                context = multiprocessing.get_context("spawn")
                pool = ProcessPoolExecutor(
                    max_workers=self.n_workers, mp_context=context, initializer=_watch_parent
                )
                _POOL.update(key=key, pool=pool, users=0, timer=None)
            _POOL["users"] += 1
            self.pool = _POOL["pool"]
        return self.pool

    def __exit__(self, kind, error, tb):
        with _POOL_LOCK:
            kept = _POOL.get("pool") is self.pool
            if kept:
                _POOL["users"] -= 1
            if kind is not None:
                if kept:
                    _POOL.clear()
                self.pool.shutdown(wait=True, cancel_futures=True)
            elif kept and not _POOL["users"]:
                timer = threading.Timer(IDLE_WORKER_SECONDS, _retire_pool, (self.pool,))
                timer.daemon = True
                _POOL["timer"] = timer
                timer.start()
            elif not kept:
                self.pool.shutdown(wait=False)
        return False


def _watch_parent() -> None:
    """Run in each worker process as it starts: exit when the parent process dies (a killed
    Jupyter kernel, say) instead of waiting for work forever. The parent's end of the pipe
    the worker was started through closes only when the parent goes."""
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def wait() -> None:
        from multiprocessing.connection import wait as wait_for

        wait_for([parent.sentinel])
        os._exit(0)

    threading.Thread(target=wait, daemon=True, name="framing-parent-watch").start()


def _retire_pool(pool) -> None:
    """Shut down the kept pool if it is still ``pool`` and idle."""
    with _POOL_LOCK:
        if _POOL.get("pool") is not pool or _POOL["users"]:
            return
        _POOL.clear()
    pool.shutdown(wait=False)


def shutdown_workers() -> None:
    """Stop the worker processes :func:`count_corpus` keeps for its next call.

    They stop by themselves after :data:`IDLE_WORKER_SECONDS` without work, or when Python
    exits; call this to free their memory at once.

    Examples
    --------
    >>> shutdown_workers()
    """
    with _POOL_LOCK:
        if _POOL.get("timer") is not None:
            _POOL["timer"].cancel()
        pool = _POOL.get("pool") if not _POOL.get("users") else None
        if pool is not None:
            _POOL.clear()
    if pool is not None:
        pool.shutdown(wait=True)


@dataclass
class _PieceResult:
    """What a worker returns for a piece (some row groups of a Parquet file)."""

    results: list  # a _Result per chunk, in order
    chunks: list  # the chunks (without their articles), in order
    ids: object  # the ids of the articles kept, in order, and their source labels
    labels: object
    report: object  # IngestReport of the piece
    warnings: dict


def _count_piece(piece, job: _Job, seen: dict | None = None) -> _PieceResult:
    """Read, check and count a piece (runs in a worker; ids checked within the piece, or
    against ``seen`` when given)."""
    import numpy as np

    from ..ingest import _piece_chunks

    reader = _Reader(_piece_chunks(piece, {} if seen is None else seen), job)
    results, chunks, ids, labels = [], [], [], []
    for chunk in reader:
        results.append(_count_here(chunk, job))
        ids.append(chunk.work["article_id"].to_numpy(dtype=object))
        labels.append(chunk.sources.to_numpy(dtype=object))
        chunk.work = chunk.sources = None
        chunks.append(chunk)
    ids = np.concatenate(ids) if ids else np.zeros(0, dtype=object)
    labels = np.concatenate(labels) if labels else np.zeros(0, dtype=object)
    return _PieceResult(results, chunks, ids, labels, reader.report(), reader.warnings)


def _piece_rows(piece) -> str:
    label = piece.file.label
    return f"{label}:{piece.start + 1} to {label}:{piece.start + piece.n_rows}"


def _run_pieces(pieces, job: _Job, n_workers: int, state: _State, bar, totals: _Reader) -> None:
    """Count the pieces in a pool; ids are checked across pieces here, in file order.

    A piece with an id already seen in an earlier piece (rare) is counted again here, with
    the ids seen so far, so that exactly the copies :func:`framing.read_articles` would set
    aside are set aside.
    """
    from concurrent.futures.process import BrokenProcessPool

    pending: deque = deque()
    seen_ids: set[str] = set()  # the ids kept so far; with their labels, in order, below
    kept: list[tuple[list, list]] = []

    def collect():
        piece, future = pending.popleft()
        try:
            done = future.result()
        except BrokenProcessPool as exc:
            spans = [_piece_rows(piece)] + [_piece_rows(p) for p, _ in pending]
            raise _worker_died(spans, "workers=") from exc
        ids = done.ids.tolist()
        if not seen_ids.isdisjoint(ids):
            seen = {i: n for got, labels in kept for i, n in zip(got, labels, strict=True)}
            done = _count_piece(piece, job, seen)
            ids = done.ids.tolist()
        seen_ids.update(ids)
        kept.append((ids, done.labels.tolist()))
        report = done.report
        totals.n_read += report.n_read
        totals.n_kept += report.n_kept
        totals.notes.extend(report.notes)
        if len(report.set_aside):
            totals.set_aside.append(report.set_aside)
        totals.warnings.update(done.warnings)
        for chunk, result in zip(done.chunks, done.results, strict=True):
            state.add(chunk, result)
            bar.show(chunk)

    _prepare_finish()
    with _worker_pool(n_workers) as pool:
        jobs = ((p, _count_piece, (p, job)) for p in pieces)
        _in_order(pool, jobs, pending, collect, n_workers)


def _prepare_finish() -> None:
    """Import, in a thread, what the counts table at the end needs (scipy.special, 0.4 s),
    while this process waits for its workers instead of after them."""
    if "scipy.special" in sys.modules:
        return

    def load() -> None:
        with contextlib.suppress(ImportError):  # then the counts table says what is missing
            import scipy.special  # noqa: F401

    threading.Thread(target=load, daemon=True, name="framing-import").start()


class _Progress:
    """A tqdm bar of articles counted, with MB of text and MB/s; or nothing."""

    def __init__(self, enabled: bool):
        self._bar = None
        self._bytes = 0
        self._start = time.perf_counter()
        if enabled:
            from tqdm.auto import tqdm

            self._bar = tqdm(desc="count_corpus", unit=" articles", unit_scale=True)

    def show(self, chunk: _Chunk) -> None:
        if self._bar is None:
            return
        self._bytes += chunk.n_bytes
        mb = self._bytes / 1e6
        rate = mb / max(time.perf_counter() - self._start, 1e-9)
        self._bar.set_postfix_str(f"{mb:,.1f} MB of text, {rate:,.2f} MB/s", refresh=False)
        self._bar.update(chunk.n_records)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


class _HitsWriter:
    """Writes the hits table to Parquet as chunks are counted; the file appears on success."""

    def __init__(self, path, lexicon, match: str):
        if not isinstance(path, (str, os.PathLike)):
            raise FramingError(
                f"expected a file path, got {path!r}",
                where="count_corpus(hits_path=...)",
                fix="Pass e.g. hits_path='hits.parquet'.",
            )
        self.path = Path(path)
        if not self.path.parent.is_dir():
            raise FramingError(
                f"no such folder: {str(self.path.parent)!r}",
                where="count_corpus(hits_path=...)",
                fix="Create the folder first, or write the hits elsewhere.",
            )
        if self.path.is_dir():
            raise FramingError(
                f"{str(self.path)!r} is a folder",
                where="count_corpus(hits_path=...)",
                fix="Give the path of a file, e.g. hits.parquet.",
            )
        self.partial = self.path.with_name(self.path.name + ".partial")
        self._lexicon = lexicon
        self._match = match
        self._writer = None

    def _schema(self):
        import pyarrow as pa

        from ..match import HITS_COLUMNS

        meta = {
            "frames": list(self._lexicon.frame_names),
            "lexicon_name": self._lexicon.name,
            "lexicon_hash": self._lexicon.hash,
            "parameters": {"match": self._match, "case_sensitive": False},
        }
        fields = [
            pa.field(
                c, pa.string() if c in ("article_id", "frame", "entry", "match") else pa.int64()
            )
            for c in HITS_COLUMNS
        ]
        return pa.schema(fields, metadata={"framing": json.dumps(meta)})

    def _open(self):
        import pyarrow.parquet as pq

        if self._writer is None:
            self._writer = pq.ParquetWriter(self.partial, self._schema())
        return self._writer

    def write(self, hits: pd.DataFrame) -> None:
        import pyarrow as pa

        writer = self._open()
        if len(hits):
            table = pa.Table.from_pandas(hits, schema=writer.schema, preserve_index=False)
            writer.write_table(table, row_group_size=max(len(hits), 1))

    def commit(self) -> None:
        self._open().close()
        os.replace(self.partial, self.path)

    def abort(self) -> None:
        if self._writer is not None:
            try:
                self._writer.close()
            finally:
                self._writer = None
        self.partial.unlink(missing_ok=True)


# --------------------------------------------------------------------------------------
# Dask


_DASK_LOCK = threading.Lock()


def _dask_partials(part: pd.DataFrame, job: _Job) -> pd.Series:
    """One partition -> a one-item Series of (CountPartials or None, warnings); on a worker.

    One partition at a time per worker process: the counting is pure Python (threads would
    not run it in parallel anyway) and the warnings it records must not mix between threads.
    """
    with _DASK_LOCK:
        result = _count_chunk(part, job)
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
    >>> with Client(processes=False, n_workers=1, dashboard_address=None) as client:
    ...     counts = count_dask(dd.from_pandas(articles, npartitions=2), {"threat": ["threat*"]},
    ...                         client=client)
    >>> counts[["period", "n_hits", "n_articles"]]
          period  n_hits  n_articles
    0 2024-01-01       1           2
    1 2024-02-01       2           1
    """
    require("dask.dataframe", package="dask[distributed]", purpose="count_dask")
    distributed = require("distributed", package="dask[distributed]", purpose="count_dask")

    if not _is_dask_frame(ddf):
        raise FramingError(
            f"expected a Dask DataFrame of articles, got {type(ddf).__name__}",
            where="count_dask",
            fix="Make one with dask.dataframe.from_pandas(articles, npartitions=8) or "
            "dask.dataframe.read_parquet(...); for files use framing.count_corpus.",
        )
    job = _check_job(
        lexicon,
        freq=freq,
        by=by,
        level=level,
        clean=clean,
        match=match,
        want_hits=False,
        function="count_dask",
    )
    needed = ["article_id", "date", "text"]
    missing = [c for c in needed if c not in ddf.columns]
    if missing:
        raise FramingError(
            f"the Dask DataFrame has no column {', '.join(map(repr, missing))} "
            f"(columns found: {', '.join(map(repr, ddf.columns))})",
            where="count_dask",
            fix="It must hold the articles table, as framing.read_articles returns it.",
        )
    _check_by_columns(list(ddf.columns), job)
    if client is None:
        try:
            client = distributed.get_client()
        except ValueError as exc:
            raise FramingError(
                "there is no dask.distributed client to run on",
                where="count_dask",
                fix="Start one first (from distributed import Client; client = Client(), or "
                "Client('tcp://scheduler-address:8786') for a cluster), or pass client=.",
            ) from exc

    ids = ddf["article_id"]
    counts_per_id = ids.value_counts(split_out=1)
    duplicated = counts_per_id[counts_per_id > 1]
    keep = [c for c in (*_WORK_COLUMNS, *job.by) if c in ddf.columns]
    partials = ddf[list(dict.fromkeys(keep))].map_partitions(
        _dask_partials, job, meta=pd.Series([], dtype=object)
    )
    futures = client.compute([duplicated, partials])
    try:
        dup, results = client.gather(futures)
    finally:
        for future in futures:
            future.release()
    if len(dup):
        example = dup.index[0]
        raise FramingError(
            f"{len(dup)} article_id values occur more than once (e.g. {example!r}, "
            f"{int(dup.iloc[0])} times)",
            where="count_dask",
            fix="Make ids unique: framing.read_articles sets duplicates aside for you.",
        )
    from ..aggregate import _counts_from_partials, combine_partials

    seen: set = set()
    parts_ = []
    for part, found in results.tolist():
        for category, message in found:
            if (category, message) not in seen:
                seen.add((category, message))
                warnings.warn(message, category, stacklevel=2)
        if part is not None:
            parts_.append(part)
    if not parts_:
        raise FramingError("the Dask DataFrame holds no article", where="count_dask")
    return _counts_from_partials(
        combine_partials(parts_),
        frames=None,
        start=None,
        end=None,
        conf=0.95,
        function="count_dask",
    )
