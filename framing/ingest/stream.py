"""Articles in chunks of bounded size: iter_article_chunks, and Parquet pieces for workers."""

from __future__ import annotations

import codecs
import csv
import numbers
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import pandas as pd

from .._errors import FramingError
from .columns import canonical_columns
from .encodings import BOMS, Undecodable, check_text, detect_encoding, mostly_utf8
from .files import (
    STREAM_FORMATS,
    File,
    FileFailure,
    Options,
    check_format,
    check_options,
    list_files,
    raise_file_failure,
    raw_frame,
    row_labels,
)
from .formats import ArrowCsvStream, check_fields, csv_options, jsonl_chunks
from .read import articles_table
from .report import Problem, warn_repaired, warn_set_aside


def iter_article_chunks(
    source,
    *,
    chunk_size: int = 10_000,
    format: str | None = None,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
) -> Iterator[pd.DataFrame]:
    """Stream articles tables of at most ``chunk_size`` rows, without loading whole files.

    Reads CSV/TSV (pandas ``chunksize``), JSONL (line by line) and Parquet (pyarrow
    ``iter_batches``); ``source`` may be a file, a folder, a glob or a list, as in
    :func:`read_articles`. Each chunk is cleaned and checked like :func:`read_articles`
    output (same columns, ids and ``source`` labels) and carries its own
    :class:`IngestReport` in ``attrs``; an id seen in an earlier chunk is set aside as a
    duplicate. A chunk that set articles aside raises one :class:`FramingWarning`. In a
    folder, an empty or unreadable file yields an empty chunk whose report lists it.

    Parameters
    ----------
    source : str, Path or list of them
        What to read.
    chunk_size : int, default 10000
        The largest number of records (rows, lines) per chunk.
    format, columns, encoding
        As in :func:`read_articles`.

    Yields
    ------
    pandas.DataFrame
        Articles tables, in file and row order. Chunks never span two files.

    Raises
    ------
    FramingError
        For formats that cannot be streamed (JSON, ``.txt``, HTML), a bad argument, a missing
        text or date column, or a single file that is empty or unreadable.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> lines = [f'{{"id": "a{i}", "date": "2024-03-0{i}", "text": "Text {i}."}}' for i in range(1, 6)]
    >>> _ = (folder / "news.jsonl").write_text("\\n".join(lines))
    >>> [len(chunk) for chunk in iter_article_chunks(folder / "news.jsonl", chunk_size=2)]
    [2, 2, 1]
    """
    if (
        isinstance(chunk_size, bool)
        or not isinstance(chunk_size, numbers.Integral)
        or chunk_size < 1
    ):
        raise FramingError(
            f"expected a positive whole number, got {chunk_size!r}",
            where="chunk_size",
            fix="Pass e.g. chunk_size=10_000.",
        )
    fmt = check_format(format)
    opts = check_options(columns=columns, encoding=encoding, date_format=None, tz="UTC")
    files, single, notes = list_files(source, format=fmt, recursive=False, sidecar=None)
    not_streamable = [f.label for f in files if f.fmt not in STREAM_FORMATS]
    if not_streamable:
        raise FramingError(
            f"cannot stream {', '.join(map(repr, not_streamable[:3]))}: iter_article_chunks "
            "reads CSV, TSV, JSONL and Parquet",
            where="source",
            fix="Read JSON, .txt and HTML files with read_articles.",
        )
    return _chunks(files, single, notes, opts, int(chunk_size))


def _chunks(files, single, notes, opts, chunk_size) -> Iterator[pd.DataFrame]:
    """The articles tables of :func:`iter_article_chunks`, file after file; a file that fails
    gives an empty chunk whose report lists it (alone, an error)."""
    seen: dict[str, str] = {}
    pending_notes = list(notes)
    number = 0
    for file in files:
        try:
            for raw, problems in _file_chunks(file, opts, chunk_size, pending_notes):
                number += 1
                frame = None
                if raw is not None and len(raw):
                    frame = canonical_columns(raw, opts, file.label, "table")
                chunk = articles_table(
                    frame,
                    problems,
                    opts,
                    seen=seen,
                    with_encoding=not single,
                    notes=pending_notes,
                )
                pending_notes = []
                warn_set_aside(chunk, prefix=f"chunk {number} ({file.label}): ", name="chunk")
                yield chunk
        except FileFailure as failure:
            if single:
                raise_file_failure(file, failure)
            number += 1
            problem = Problem(file.label, "", failure.reason, failure.detail, file.index, 0)
            chunk = articles_table(
                None, [problem], opts, seen=seen, with_encoding=True, notes=pending_notes
            )
            pending_notes = []
            warn_set_aside(chunk, prefix=f"chunk {number} ({file.label}): ", name="chunk")
            yield chunk


def _stream_encoding(file: File, opts: Options, notes) -> tuple[str, str]:
    """The encoding of a file to stream, detected from its first MB (or ``opts.encoding``),
    and the decoding errors to use: ``"replace"`` for a file that is UTF-8 but for a few
    lines (:func:`framing.ingest.encodings.mostly_utf8`; its bad bytes are replaced and the
    file named in a warning), else ``"strict"``."""
    with open(file.path, "rb") as handle:
        head = handle.read(1 << 20)
    if not head.strip():
        raise FileFailure("empty file", "the file is empty")
    if opts.encoding:
        return opts.encoding, "strict"
    if not head.startswith(BOMS) and detect_encoding(head, partial=True) != "utf-8":
        mixed = mostly_utf8(head)
        if mixed is not None:
            lines = mixed[1].split(":", 1)[0]
            note = f"{lines} of its first MB; streamed as UTF-8, their bad bytes replaced by U+FFFD"
            if opts.strict:
                raise FileFailure("undecodable bytes", note)
            warn_repaired(file.label, note, notes)
            return "utf-8", "replace"
    encoding = detect_encoding(head, partial=True)
    text = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
    try:
        check_text(text, encoding)
    except Undecodable as exc:
        raise FileFailure("undecodable bytes", exc.detail) from exc
    return encoding, "strict"


def _file_chunks(file: File, opts: Options, chunk_size: int, notes=None):
    """Yield ``(raw frame or None, problems)`` per chunk of one file."""
    if file.fmt == "parquet":
        any_rows = False
        for raw in _parquet_raw(file, chunk_size):
            any_rows = True
            yield raw, []
        if not any_rows:
            raise FileFailure("empty file", "the file has no rows")
        return
    encoding, errors = _stream_encoding(file, opts, notes)

    def raw(frame, start):
        labels = row_labels(file, start + 2, len(frame))
        rows = range(start, start + len(frame))
        return raw_frame(frame, file, labels, labels, rows, encoding), []

    start = 0
    if file.fmt in ("csv", "tsv") and encoding in ("utf-8", "utf-8-sig") and errors == "strict":
        with open(file.path, "rb") as handle:
            head = handle.read(1 << 16)
        text = codecs.getincrementaldecoder("utf-8")("replace").decode(head).lstrip("\ufeff")
        stream = ArrowCsvStream(file, head, csv_options(file.fmt, text)["sep"], chunk_size)
        for frame in stream:
            yield raw(frame, start)
            start += len(frame)
        if stream.complete:
            return
    done = start  # rows Arrow has read: pandas reads on from there
    try:
        newline = "" if file.fmt != "jsonl" else None
        with open(file.path, encoding=encoding, errors=errors, newline=newline) as fh:
            if file.fmt == "jsonl":
                yield from jsonl_chunks(fh, file, encoding, chunk_size)
                return
            head = fh.read(1 << 16)
            fh.seek(0)
            options = csv_options(file.fmt, head.lstrip("\ufeff"))
            try:
                reader = pd.read_csv(fh, chunksize=chunk_size, **options)
            except pd.errors.EmptyDataError as exc:
                raise FileFailure("empty file", "the file is empty") from exc
            start = 0
            with reader:
                for frame in reader:
                    check_fields(frame, file.fmt)
                    frame.columns = [str(c).lstrip("\ufeff") for c in frame.columns]
                    if start + len(frame) > done:
                        skip = max(done - start, 0)
                        yield raw(frame.iloc[skip:], start + skip)
                    start += len(frame)
            if start == 0:
                raise FileFailure("empty file", "the file has a header but no rows")
    except UnicodeDecodeError as exc:
        raise FileFailure(
            "undecodable bytes", f"cannot decode the file with {encoding}: {exc.reason}"
        ) from exc
    except (pd.errors.ParserError, csv.Error) as exc:
        raise FileFailure("unreadable file", f"malformed {file.fmt.upper()}: {exc}") from exc


def _parquet_raw(file: File, chunk_size: int, row_groups=None, start: int = 0):
    """Raw frames of at most ``chunk_size`` rows of a Parquet file (of some row groups, whose
    first row is row ``start`` of the file)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        reader = pq.ParquetFile(file.path)
        for batch in reader.iter_batches(batch_size=chunk_size, row_groups=row_groups):
            frame = batch.to_pandas()
            if len(frame) == 0:
                continue
            labels = row_labels(file, start + 1, len(frame))
            rows = range(start, start + len(frame))
            start += len(frame)
            yield raw_frame(frame, file, labels, labels, rows, "")
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise FileFailure("unreadable file", f"not a readable Parquet file: {exc}") from exc


@dataclass(frozen=True)
class Piece:
    """Some row groups of one Parquet file, read and counted by one worker process."""

    file: File
    row_groups: tuple[int, ...]
    start: int  # the file row of its first row
    n_rows: int
    opts: Options
    single: bool
    chunk_size: int


def source_bytes(source, *, format=None) -> int:
    """The size on disk of the files ``source`` names (0 when it names none)."""
    files, _, _ = list_files(source, format=check_format(format), recursive=False, sidecar=None)
    total = 0
    for file in files:
        try:
            total += file.path.stat().st_size
        except OSError:
            pass
    return total


def parquet_pieces(source, *, chunk_size: int, format=None, columns=None, encoding=None,
                    min_pieces: int = 1):  # fmt: skip
    """``(pieces, notes)``: every row group of ``source`` as a :class:`Piece`, when every
    file is a Parquet file whose metadata reads and there are at least ``min_pieces`` row
    groups with rows; else ``None`` (stream it with :func:`iter_article_chunks`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    fmt = check_format(format)
    opts = check_options(columns=columns, encoding=encoding, date_format=None, tz="UTC")
    files, single, notes = list_files(source, format=fmt, recursive=False, sidecar=None)
    if not files or any(f.fmt != "parquet" for f in files):
        return None
    pieces = []
    for file in files:
        try:
            meta = pq.ParquetFile(file.path).metadata
        except (pa.ArrowException, OSError, ValueError):
            return None  # the streaming path reports it
        start = 0
        for g in range(meta.num_row_groups):
            n = meta.row_group(g).num_rows
            if n:
                pieces.append(Piece(file, (g,), start, n, opts, single, int(chunk_size)))
            start += n
        if start == 0:
            return None  # an empty file: the streaming path reports it
    if len(pieces) < min_pieces:
        return None
    return pieces, notes


def piece_chunks(piece: Piece, seen: dict[str, str]) -> Iterator[pd.DataFrame]:
    """The articles tables of a piece, as :func:`iter_article_chunks` makes them; an id in
    ``seen`` (id -> source label, updated) is set aside as a duplicate."""
    raws = _parquet_raw(piece.file, piece.chunk_size, piece.row_groups, piece.start)
    while True:
        try:
            raw = next(raws)
        except StopIteration:
            return
        except FileFailure as failure:
            raise_file_failure(piece.file, failure)
        frame = canonical_columns(raw, piece.opts, piece.file.label, "table")
        yield articles_table(frame, [], piece.opts, seen=seen, with_encoding=not piece.single)
