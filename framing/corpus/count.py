"""Counting files in chunks, here or in the warm pool of worker processes: :func:`count_corpus`."""

from __future__ import annotations

import itertools
import os
import time
import warnings
from collections import deque
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool

import numpy as np
import pandas as pd

from .._errors import FramingError, FramingWarning, choices_error
from ..aggregate import combine_partials, finish_counts
from ..copies import COPIES, add_copy_summary
from ..ingest import iter_article_chunks
from ..ingest.files import check_format, list_files
from ..ingest.report import attach_report
from ..ingest.stream import parquet_pieces, source_bytes
from .arguments import check_job, check_workers, is_dask_frame
from .copy_index import CopyIndex, shingle_rows, sketch_chunk
from .copy_passes import (
    COPY_WORK_COLUMNS,
    CopyTally,
    check_outlet,
    count_chunk_copies,
    decide_stories,
    run_chunks,
)
from .dask import count_dask
from .hits_writer import HitsWriter
from .job import Job, Result, count_here, count_sent_chunk, warning_shape
from .pieces import run_pieces
from .pool import WARM_POOL, in_order, prepare_finish, worker_died
from .reader import Chunk, Reader, chunk_rows

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


def auto_workers(source, format, per_worker: int) -> int:
    """Worker processes for ``workers=None``: those kept from an earlier call if they are
    idle and usable (already started, they cost nothing to start), else one per
    ``per_worker`` bytes of files, up to the cores."""
    cores = max(os.cpu_count() or 1, 1)
    kept = WARM_POOL.kept_workers()
    if kept:
        return min(kept, cores)
    size = source_bytes(source, format=format)
    return int(max(1, min(cores, 1 + size // per_worker)))


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
    copies: str = "keep",
    voice=None,
    negated: str = "keep",
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
        The largest number of records (rows, lines) read and counted at once. From Parquet
        files, fewer rows when they are large: a chunk holds about
        :data:`~framing.corpus.reader.CHUNK_BYTES` (16 MB) of data. Memory grows with the
        size of a chunk times twice the number of workers.
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
    copies : {"keep", "drop", "origin"}
        Count every wire copy and near-duplicate (the default), each story once at its
        original (``"drop"``), or copies for their original's outlet (``"origin"``): the
        counts equal ``count_by_period(hits, find_copies(articles), copies=...)`` on the
        cleaned articles. ``"drop"`` and ``"origin"`` read the corpus three times: a copy
        index of the whole corpus is built first (:mod:`framing.corpus.copy_index`, about
        150 bytes an article, no text kept), the candidate copies are compared exactly,
        then the corpus is counted. The summary of what moved is in
        ``counts.attrs["provenance"]["copies"]``, as with :func:`framing.count_by_period`;
        ``hits_path=`` gets the hits of every article, copies too.
    voice : str or list of str, optional
        Count only the hits in these voices (``"narrative"``, ``"quote"``, ``"scare_quote"``,
        ``"reported"``), over those voices' tokens, as :func:`framing.count_by_period` does
        on hits from :func:`framing.add_voice`; ``by`` may include ``"voice"`` (a row per
        voice). Each chunk's voices are found in the workers: :func:`framing.add_voice`
        costs many times what counting does (``bench/voices/README.md``), so a count by
        voice takes that much longer.
    negated : {"keep", "drop", "apart"}
        Keep negated hits ("no threat"), drop them, or count them apart (a ``negated``
        column), as in :func:`framing.count_by_period`. With ``voice`` or ``negated``, the
        hits written to ``hits_path`` have :func:`framing.add_voice`'s ``voice``,
        ``speaker`` and ``negated`` columns.

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
    ``if __name__ == "__main__":``: each worker imports the script again, and would run
    the call too (that is a FramingError saying so). A ``clean``
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
    if is_dask_frame(source):
        if hits_path is not None:
            raise FramingError(
                "hits_path= is not available for a Dask DataFrame",
                where="count_corpus(hits_path=...)",
                fix="Write the hits with ddf.map_partitions(framing.find_hits, lexicon).to_parquet(...).",
            )
        return count_dask(source, lexicon, freq=freq, by=by, level=level, clean=clean,
                          match=match, copies=copies, voice=voice, negated=negated)  # fmt: skip
    if isinstance(source, pd.DataFrame):
        raise FramingError(
            "count_corpus reads files; you passed a pandas DataFrame, which is already in memory",
            where="count_corpus(source=...)",
            fix="Use framing.count_by_period(framing.find_hits(articles, lexicon), articles), "
            "or pass the path of the files.",
        )
    job = check_job(
        lexicon,
        freq=freq,
        by=by,
        level=level,
        clean=clean,
        match=match,
        want_hits=hits_path is not None,
        function="count_corpus",
        voice=voice,
        negated=negated,
    )
    if copies not in COPIES:
        raise choices_error("count_corpus(copies=...)", copies, COPIES)
    n_workers = check_workers(workers)
    if n_workers is None:
        per_worker = AUTO_BYTES_PER_WORKER if job.cleaner is None else AUTO_CLEAN_BYTES_PER_WORKER
        n_workers = auto_workers(source, format, per_worker)
    if not isinstance(progress, bool):
        raise FramingError(
            f"expected True or False, got {progress!r}", where="count_corpus(progress=...)"
        )
    writer = None
    if hits_path is not None:
        writer = HitsWriter(hits_path, job.lexicon, job.match, voices=job.voices)
    reading = {"chunk_size": chunk_rows(source, chunk_size, format), "format": format, "columns": columns,
               "encoding": encoding}  # fmt: skip
    if copies != "keep":
        passes = CopyPasses(source, reading, job, copies, n_workers)
        reader, counts = passes.count(writer, progress)
    else:
        chunks = iter_article_chunks(source, **reading)
        # Parquet files with enough row groups are read by the workers themselves, a row
        # group each: nothing is decoded here or sent through a pipe (that cost as much as
        # counting)
        planned = parquet_pieces(source, **reading, min_pieces=n_workers) if n_workers > 1 else None
        reader = Reader(iter(()) if planned else chunks, job)
        counts = _count(source, reader, planned, job, n_workers, writer, Progress(progress))
    _report(counts, reader)
    corpus = counts.attrs["provenance"].get("corpus")
    if corpus is not None:  # the files, as read_articles records them
        files, _, _ = list_files(source, format=check_format(format), recursive=False, sidecar=None)
        corpus["inputs"] = [str(f.path) for f in files]
    return counts


def _count(source, reader: Reader, planned, job: Job, n_workers: int, writer, bar) -> pd.DataFrame:
    """The counts table of every piece and chunk; the hits file appears only on success."""
    state = State(job, writer, reader.warnings)

    def run() -> None:
        if planned:
            pieces, notes = planned
            reader.notes.extend(notes)
            run_pieces(pieces, job, n_workers, state, bar, reader)
        _count_chunks(reader, job, n_workers, state, bar)

    return _finished(source, reader, state, writer, bar, run)


def _finished(source, reader: Reader, state: State, writer, bar, run) -> pd.DataFrame:
    """``run()`` the count, then the counts table; the hits file appears only on success."""
    try:
        run()
        counts = state.finish(source, reader)
        if writer is not None:
            writer.commit()
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    finally:
        bar.close()
    return counts


def _count_chunks(reader: Reader, job: Job, n_workers: int, state: State, bar) -> None:
    """Count the chunks read here: in the pool, or here for one worker or one chunk."""
    pending = iter(reader)
    # a corpus of one chunk is counted here: starting worker processes would cost more
    head = list(itertools.islice(pending, 2)) if n_workers > 1 else []
    if n_workers == 1 or len(head) < 2:
        for chunk in itertools.chain(head, pending):
            state.add(chunk, count_here(chunk, job))
            bar.show(chunk)
    else:
        _run_pool(itertools.chain(head, pending), job, n_workers, state, bar)


def _report(counts: pd.DataFrame, reader: Reader) -> None:
    """Attach the ingest report of the whole corpus; warn once per kind of problem."""
    report = reader.report()
    attach_report(counts, report)
    for category, message in reader.warnings.values():
        warnings.warn(message, category, stacklevel=3)
    if len(report.set_aside):
        warnings.warn(
            f"count_corpus: {report.summary()}; see framing.ingest_report(counts)",
            FramingWarning,
            stacklevel=3,
        )


class State:
    """The small state kept while counting: partial counts, warnings, the hits writer."""

    def __init__(self, job: Job, writer, found: dict):
        self.job = job
        self.writer = writer
        self.parts: list = []
        self.warnings = found

    def add(self, chunk: Chunk, result: Result) -> None:
        for key in result.warnings:  # the first of each shape (see warning_shape)
            self.warnings.setdefault(warning_shape(key), key)
        if self.writer is not None and result.hits is not None:
            self.writer.write(result.hits)
        if result.partials is not None:
            self.parts.append(result.partials)
        if len(self.parts) >= 32:  # keep the state small: add up as we go
            self.parts = [combine_partials(self.parts)]

    def finish(self, source, reader: Reader) -> pd.DataFrame:
        if not self.parts:
            detail = f": all {reader.n_read} records were set aside" if reader.n_read else ""
            raise FramingError(
                f"found no article to count in {source!r}{detail}",
                where="count_corpus",
                fix="See the warning above, or read the files with read_articles to see why.",
            )
        partials = combine_partials(self.parts)
        return finish_counts(
            partials, frames=None, start=None, end=None, conf=0.95, function="count_corpus"
        )


class Progress:
    """A tqdm bar of articles counted, with MB of text and MB/s; or nothing."""

    def __init__(self, enabled: bool, desc: str = "count_corpus"):
        self._bar = None
        self._bytes = 0
        self._start = time.perf_counter()
        if enabled:
            from tqdm.auto import tqdm

            self._bar = tqdm(desc=desc, unit=" articles", unit_scale=True)

    def show(self, chunk: Chunk) -> None:
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


def _run_pool(chunks, job: Job, n_workers: int, state: State, bar: Progress) -> None:
    pending: deque = deque()

    def collect():
        chunk, future = pending.popleft()
        try:
            result = future.result()
        except BrokenProcessPool as exc:
            spans = [chunk.where] + [c.where for c, _ in pending]
            raise worker_died(spans, "chunk_size= or workers=", pool) from exc
        except FramingError as exc:
            raise FramingError(str(exc), where=chunk.where) from exc
        state.add(chunk, result)
        bar.show(chunk)

    def jobs():
        for chunk in chunks:
            work, chunk.work = chunk.work, None  # the worker gets it; not kept here
            yield chunk, count_sent_chunk, (work, job)

    prepare_finish()
    with WARM_POOL.use(n_workers) as pool:
        in_order(pool, jobs(), pending, collect, n_workers)


class CopyPasses:
    """``count_corpus(copies="drop" | "origin")``: the copy index, the exact comparison of
    its candidates, then the count (:mod:`~framing.corpus.copy_passes`); each pass reads
    the corpus anew and checks it reads the same articles."""

    def __init__(self, source, reading: dict, job: Job, mode: str, n_workers: int):
        self.source, self.reading, self.job = source, reading, job
        self.mode, self.n_workers = mode, n_workers
        self.index = CopyIndex()
        self.starts = None
        self._numbers: dict[int, int] = {}

    def read(self) -> Reader:
        chunks = iter_article_chunks(self.source, **self.reading)
        return Reader(chunks, self.job, keep=COPY_WORK_COLUMNS)

    def _span(self, chunk: Chunk) -> tuple[int, int]:
        """The numbers of the chunk's first article and of the one after its last."""
        k = self._numbers.setdefault(chunk.number, len(self._numbers))
        if k + 1 >= len(self.starts) or self.starts[k + 1] - self.starts[k] != len(chunk.work):
            raise _changed(chunk.where)
        return int(self.starts[k]), int(self.starts[k + 1])

    def build_index(self, bar: Progress) -> None:
        def args_of(chunk: Chunk):
            check_outlet(chunk.work.columns, self.mode, "count_corpus")
            return (self.job,)

        def collect(chunk: Chunk, sketch) -> None:
            self.index.add(sketch)
            bar.show(chunk)

        with warnings.catch_warnings():  # the counting pass gives them, once
            warnings.simplefilter("ignore")
            run_chunks(self.read(), sketch_chunk, args_of, self.n_workers, collect)
        self.starts = self.index.freeze().first_numbers()

    def read_shingles(self, rows, take) -> None:
        """``take(part, hashes, counts)`` for the articles ``rows`` (ascending numbers) of
        each chunk, in file order, from a new read."""
        self._numbers = {}

        def args_of(chunk: Chunk):
            first, stop = self._span(chunk)
            lo, hi = np.searchsorted(rows, [first, stop])
            return None if lo == hi else (self.job, rows[lo:hi] - first)

        def collect(chunk: Chunk, found) -> None:
            hashes, counts, digest = found
            k = self._numbers[chunk.number]
            if digest != self.index.digests[k]:
                raise _changed(chunk.where)
            lo, hi = np.searchsorted(rows, self.starts[k : k + 2])
            take(rows[lo:hi], hashes, counts)

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            run_chunks(self.read(), shingle_rows, args_of, self.n_workers, collect)

    def count(self, writer, progress: bool) -> tuple[Reader, pd.DataFrame]:
        """Build the index, decide the stories, count; the counts with their copy summary."""
        bar = Progress(progress, desc="count_corpus: copy index")
        try:
            self.build_index(bar)
        finally:
            bar.close()
        plan = decide_stories(self.index, self.read_shingles, self.mode, "count_corpus")
        reader, tally, self._numbers = self.read(), CopyTally(), {}
        state, bar = State(self.job, writer, reader.warnings), Progress(progress)

        def args_of(chunk: Chunk):
            first, stop = self._span(chunk)
            return (self.job, *plan.chunk(first, stop - first), self.mode)

        def collect(chunk: Chunk, done) -> None:
            result, stats = done
            if stats["digest"] != self.index.digests[self._numbers[chunk.number]]:
                raise _changed(chunk.where)
            tally.add(stats)
            state.add(chunk, result)
            bar.show(chunk)

        def run() -> None:
            run_chunks(reader, count_chunk_copies, args_of, self.n_workers, collect)
            if len(tally.digests) != len(self.index.digests):
                raise _changed(str(self.source))

        counts = _finished(self.source, reader, state, writer, bar, run)
        return reader, add_copy_summary(counts, tally.summary(plan))


def _changed(where: str) -> FramingError:
    return FramingError(
        "the corpus changed between two passes of count_corpus(copies=...): another pass "
        "read other articles",
        where=where,
        fix="Do not change the files while they are counted.",
    )
