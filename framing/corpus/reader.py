"""Reading the corpus in this process: chunks checked, reported and slimmed for the workers.

:class:`Reader` wraps the chunks of :func:`framing.iter_article_chunks` (or of a Parquet
piece, in a worker): it adds up their ingest reports, stops at a file that cannot be read to
its end, warns about very long articles and keeps only the columns the workers need.
"""

from __future__ import annotations

import numbers
import warnings
from dataclasses import dataclass

import pandas as pd

from .._errors import FramingError, FramingWarning
from ..ingest import IngestReport, ingest_report
from ..ingest.files import check_format, list_files
from ..ingest.report import empty_set_aside
from .job import WORK_COLUMNS, Job, check_by_columns, warning_shape

#: Articles longer than this (in characters) are counted, with a warning naming them.
LARGE_ARTICLE_CHARS = 10_000_000

#: The most bytes of data (uncompressed, as the Parquet metadata gives them) read and counted
#: at once from Parquet files: ``chunk_size`` rows are lowered to fit. A chunk's text is held
#: several times while it is counted (Arrow, Python strings, UTF-8 buffers, token offsets),
#: once in each worker process, so the budget bounds the memory of a count whatever the
#: length of the articles.
CHUNK_BYTES = 16_000_000

# file-level problems that would leave a file partly read: always an error here
_FILE_FAILURES = ("unreadable file", "undecodable bytes")


@dataclass
class Chunk:
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


class Reader:
    """Reads the chunks in this process: collects the ingest report, checks, slims them."""

    def __init__(self, chunks, job: Job, keep: tuple[str, ...] = ()):
        self._chunks = chunks
        self._job = job
        self._keep = keep  # columns the workers need besides WORK_COLUMNS and job.by
        self.n_read = 0
        self.n_kept = 0
        self.set_aside: list[pd.DataFrame] = []
        self.notes: list[str] = []
        self._number = 0
        self._checked = False
        self._last_row: dict[str, str] = {}
        # the first warning of each shape (see job.warning_shape), by shape
        self.warnings: dict[tuple[type[Warning], str], tuple[type[Warning], str]] = {}

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

    def _take(self, chunk: pd.DataFrame) -> Chunk | None:
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
            check_by_columns(list(chunk.columns), self._job)
            self._checked = True
        sources = chunk["source"].astype("str")
        self._last_row[sources.iloc[-1].rsplit(":", 1)[0]] = sources.iloc[-1]
        large = _large_articles(chunk, sources)
        if large:
            self.warnings.setdefault(
                warning_shape((FramingWarning, large)), (FramingWarning, large)
            )
        keep = [c for c in (*WORK_COLUMNS, *self._job.by, *self._keep) if c in chunk.columns]
        work = chunk[list(dict.fromkeys(keep))]
        return Chunk(
            number=self._number,
            work=work,
            n_records=report.n_read,
            n_bytes=_text_bytes(chunk["text"]),
            first=sources.iloc[0],
            last=sources.iloc[-1],
            sources=sources,
        )

    def report(self):
        set_aside = (
            pd.concat(self.set_aside, ignore_index=True) if self.set_aside else empty_set_aside()
        )
        return IngestReport(
            n_read=self.n_read, n_kept=self.n_kept, set_aside=set_aside, notes=self.notes
        )


def chunk_rows(source, chunk_size, format=None) -> int:
    """``chunk_size``, lowered so that a chunk of Parquet rows holds about :data:`CHUNK_BYTES`.

    The bytes of a row are those of the largest rows (the row group with the most bytes a
    row) in any of the files. Other formats, files whose metadata do not read, and a
    ``chunk_size`` that is not a positive whole number (the reading reports it) give
    ``chunk_size`` unchanged.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import pandas as pd
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "news.parquet"
    >>> pd.DataFrame({"id": ["a1", "a2"], "text": ["x" * 10_000_000, "y"]}).to_parquet(path)
    >>> chunk_rows(path, 20_000)
    3
    >>> chunk_rows(path, 2), chunk_rows(path, 0)
    (2, 0)
    """
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, numbers.Integral):
        return chunk_size
    if chunk_size < 1:
        return chunk_size
    try:
        files, _, _ = list_files(source, format=check_format(format), recursive=False,
                                 sidecar=None)  # fmt: skip
    except FramingError:
        return chunk_size  # the reading says what is wrong
    if not files or any(f.fmt != "parquet" for f in files):
        return chunk_size
    row_bytes = max((_row_bytes(f.path) for f in files), default=0.0)
    if row_bytes <= 0:
        return chunk_size
    return max(1, min(chunk_size, int(CHUNK_BYTES // row_bytes)))


def _row_bytes(path) -> float:
    """The most uncompressed bytes a row in any row group of a Parquet file (0 if unknown)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except (pa.ArrowException, OSError, ValueError):
        return 0.0  # the reading reports it
    groups = (meta.row_group(g) for g in range(meta.num_row_groups))
    return max((g.total_byte_size / g.num_rows for g in groups if g.num_rows), default=0.0)


def _text_bytes(text: pd.Series) -> int:
    """The UTF-8 bytes of the texts (for the progress bar's MB)."""
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
