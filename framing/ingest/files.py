"""The options of a read, the formats known, and the files a source names.

A source (a file, a folder, a glob or a list) becomes sorted :class:`File` entries with
their labels; each file is read into a *raw frame*: its rows with the bookkeeping columns
``RAW_COLUMNS`` (source label, default id, file and row number, encoding).
"""

from __future__ import annotations

import codecs
import glob as _glob
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .._errors import FramingError, choices_error
from .report import FIXES

#: File extension -> format name.
FORMATS: dict[str, str] = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".txt": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
}

_FORMAT_NAMES = ("csv", "tsv", "json", "jsonl", "parquet", "txt", "html")
_FORMAT_ALIASES = {
    "tab": "tsv",
    "ndjson": "jsonl",
    "pq": "parquet",
    "md": "txt",
    "text": "txt",
    "markdown": "txt",
    "htm": "html",
}
DOCUMENT_FORMATS = ("txt", "html")
STREAM_FORMATS = ("csv", "tsv", "jsonl", "parquet")
SIDECAR_NAME = "metadata.csv"

# internal bookkeeping columns of the raw frames
RAW_SOURCE, RAW_ID, RAW_FILE, RAW_ROW, RAW_ENCODING = (
    "\0source",
    "\0id",
    "\0file",
    "\0row",
    "\0encoding",
)
RAW_COLUMNS = (RAW_SOURCE, RAW_ID, RAW_FILE, RAW_ROW, RAW_ENCODING)


#: where an HTML page's date may come from (read_articles' ``html_dates``)
HTML_DATES = ("metadata", "text")


@dataclass
class Options:
    """The checked options of a read (see :func:`check_options`)."""

    columns: dict[str, str]
    fallbacks: bool
    date_format: str | None
    tz: str | None
    strict: bool
    encoding: str | None
    sidecar: Path | None
    html_dates: str = "metadata"


@dataclass
class File:
    """A file to read: its path, format, label in ``source`` and position in the listing."""

    path: Path
    fmt: str
    label: str = ""
    index: int = 0


def check_options(
    *,
    columns,
    encoding,
    date_format,
    tz,
    text_column_fallbacks=True,
    strict=False,
    sidecar=None,
    html_dates="metadata",
) -> Options:
    """The options of :func:`framing.read_articles`, checked: a :class:`FramingError` names
    the argument that is wrong."""
    if columns is None:
        columns = {}
    if not isinstance(columns, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in columns.items()
    ):
        raise FramingError(
            f"expected a dict of input column name -> article column name, got {columns!r}",
            where="columns",
            fix="Pass e.g. columns={'published': 'date', 'body': 'text', 'id': 'article_id'}.",
        )
    if encoding is not None:
        try:
            encoding = codecs.lookup(encoding).name
        except (LookupError, TypeError) as exc:
            raise FramingError(
                f"{encoding!r} is not an encoding Python knows",
                where="encoding",
                fix="Use e.g. 'utf-8', 'utf-16', 'cp1251' or 'latin-1', or None to detect it.",
            ) from exc
    if date_format is not None and not isinstance(date_format, str):
        raise FramingError(
            f"expected a format string, got {date_format!r}",
            where="date_format",
            fix="Pass e.g. date_format='%d/%m/%Y' (see the strftime codes), or None.",
        )
    if tz is not None:
        try:
            pd.Timestamp("2000-01-01", tz="UTC").tz_convert(tz)
            _zone(tz)
        except Exception as exc:
            raise FramingError(
                f"{tz!r} is not a time zone",
                where="tz",
                fix="Use an IANA name such as 'UTC', 'Europe/Moscow' or 'Asia/Yerevan', or None.",
            ) from exc
    if sidecar is not None:
        sidecar = Path(sidecar)
        if not sidecar.is_file():
            raise FramingError(
                f"no such file: {str(sidecar)!r}",
                where="sidecar",
                fix="Give the path of the metadata CSV, or None to use metadata.csv beside the files.",
            )
    if html_dates not in HTML_DATES:
        raise choices_error("html_dates", html_dates, HTML_DATES)
    return Options(
        columns=dict(columns),
        fallbacks=bool(text_column_fallbacks),
        date_format=date_format,
        tz=tz,
        strict=bool(strict),
        encoding=encoding,
        sidecar=sidecar,
        html_dates=html_dates,
    )


def _zone(tz: str):
    from zoneinfo import ZoneInfo

    return ZoneInfo("UTC" if tz.upper() in ("UTC", "Z") else tz)


def check_format(format: str | None) -> str | None:
    """The format name ``format`` stands for (``"ndjson"`` is ``"jsonl"``), or None."""
    if format is None:
        return None
    key = str(format).lower().lstrip(".")
    key = _FORMAT_ALIASES.get(key, key)
    if key not in _FORMAT_NAMES:
        raise choices_error("format", format, _FORMAT_NAMES)
    return key


def _format_of(path: Path, forced: str | None) -> str | None:
    return forced or FORMATS.get(path.suffix.lower())


def list_files(source, *, format: str | None, recursive: bool, sidecar: Path | None):
    """Expand ``source`` to sorted files: ``(files, single, notes)``.

    ``single`` says that ``source`` is one file (not a list): its failures are errors.
    ``notes`` lists the files skipped.
    """
    items, listed = _source_items(source)
    found: dict[Path, str] = {}  # resolved path -> format
    notes: list[str] = []
    roots: list[Path] = []  # the folders the labels are relative to
    single = False
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise FramingError(
                f"expected a path, got {item!r}", where="source", fix="Pass paths as str or Path."
            )
        path = Path(item)
        if path.is_file():
            found[path.resolve()] = _format_of_file(path, format)
            roots.append(path.resolve().parent)
            single = not listed
        elif path.is_dir():
            roots.append(path.resolve())
            _scan_folder(path, format, recursive, sidecar, found, notes)
        elif isinstance(item, str) and any(ch in item for ch in "*?["):
            _add_matches(item, format, found, roots, notes)
        else:
            raise FramingError(
                f"no such file or folder: {str(item)!r}",
                where="source",
                fix=f"Check the path (relative to the current folder {os.getcwd()}).",
            )
    if not found:
        raise FramingError(
            f"found no article files in {source!r}",
            where="source",
            fix="Point at files ending in " + ", ".join(sorted(FORMATS)) + ", or pass format=.",
        )
    return _labelled(found, roots, single), single, notes


def _source_items(source) -> tuple[list, bool]:
    """The paths or patterns ``source`` holds, and whether it was a list."""
    if isinstance(source, (str, os.PathLike)):
        return [source], False
    if isinstance(source, (list, tuple)) and source:
        return list(source), True
    raise FramingError(
        f"expected a path, a glob pattern or a list of paths, got {source!r}",
        where="source",
        fix="Pass e.g. 'data/news.csv', 'data/articles/' or 'data/*.jsonl'.",
    )


def _format_of_file(path: Path, format: str | None) -> str:
    """The format of a file named on its own: ``format``, or its extension's."""
    fmt = _format_of(path, format)
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise FramingError(
            f"cannot tell the format of {path.name!r} from its extension (known: {known})",
            where="source",
            fix=f"Pass format= (one of: {', '.join(_FORMAT_NAMES)}).",
        )
    return fmt


def _add_matches(pattern: str, format, found, roots, notes) -> None:
    """Add the files a glob pattern matches (skipping hidden ones and unknown types)."""
    matches = sorted(_glob.glob(pattern, recursive=True))
    if not matches:
        raise FramingError(
            f"the pattern {pattern!r} matches no file",
            where="source",
            fix=f"Check the pattern (relative to the current folder {os.getcwd()}).",
        )
    for match in matches:
        mpath = Path(match)
        if mpath.is_file() and not mpath.name.startswith("."):
            fmt = _format_of(mpath, format)
            if fmt is None:
                notes.append(f"skipped {mpath.name} (unknown file type)")
            else:
                found[mpath.resolve()] = fmt
                roots.append(mpath.resolve().parent)


def _labelled(found: dict[Path, str], roots: list[Path], single: bool) -> list[File]:
    """The files found in path order, labelled by their path relative to the folder they
    share (a single file: its name)."""
    paths = sorted(found)
    root = Path(os.path.commonpath([str(r) for r in roots])) if roots else paths[0].parent
    if single:
        root = paths[0].parent
    files = []
    for index, path in enumerate(paths):
        try:
            label = path.relative_to(root).as_posix()
        except ValueError:
            label = path.as_posix()
        files.append(File(path=path, fmt=found[path], label=label, index=index))
    return files


def _scan_folder(folder: Path, format, recursive, sidecar, found, notes):
    """Add the files of a folder of the format asked for (skipping hidden files, the
    documents' sidecar and unknown types)."""
    pattern = "**/*" if recursive else "*"
    listed = sorted(folder.glob(pattern))
    entries = [p for p in listed if p.is_file()]
    for path in listed:  # a link to nothing is not silently passed over
        if path.is_symlink() and not path.exists():
            rel = path.relative_to(folder).as_posix()
            notes.append(
                f"skipped {rel} (a symbolic link to {os.readlink(path)}, which does not exist)"
            )
    has_documents = any(FORMATS.get(p.suffix.lower()) in DOCUMENT_FORMATS for p in entries)
    for path in entries:
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if has_documents and path.name.lower() == SIDECAR_NAME:
            continue  # the sidecar of the documents
        if sidecar is not None and path.resolve() == sidecar.resolve():
            continue
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            notes.append(f"skipped {rel.as_posix()} (unknown file type)")
        elif format is not None and fmt != format:
            notes.append(f"skipped {rel.as_posix()} (not {format})")
        else:
            found[path.resolve()] = fmt


class FileFailure(Exception):
    """A file-level problem (empty, undecodable, unreadable)."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason, self.detail = reason, detail


def raw_frame(frame: pd.DataFrame, file: File, labels, ids, rows, encoding: str) -> pd.DataFrame:
    """The rows of ``file`` with the bookkeeping columns (``RAW_COLUMNS``) beside them.

    ``labels`` and ``ids`` are lists of str or ``str`` Series (:func:`row_labels`)."""
    import pyarrow as pa

    frame = frame.reset_index(drop=True)
    extra = pd.DataFrame(
        {
            RAW_SOURCE: pd.Series(labels, dtype="str"),
            RAW_ID: pd.Series(ids, dtype="str"),
            RAW_FILE: np.full(len(frame), file.index, dtype=np.int64),
            RAW_ROW: np.asarray(rows, dtype=np.int64),
            RAW_ENCODING: str_series(pa.repeat(pa.scalar(encoding, pa.large_string()), len(frame))),
        }
    )
    return pd.concat([frame, extra], axis=1)


def str_series(array) -> pd.Series:
    """A pyarrow string array as a pandas ``str`` Series, without a copy."""
    str_dtype = pd.StringDtype("pyarrow", na_value=np.nan)
    return pd.Series(pd.arrays.ArrowStringArray(array), dtype=str_dtype)


def row_labels(file: File, first: int, n: int) -> pd.Series:
    """The labels ``"<file label>:<number>"`` of ``n`` records numbered from ``first``, as a
    ``str`` Series (made by Arrow: no Python string per row).

    Examples
    --------
    >>> from pathlib import Path
    >>> row_labels(File(Path("news.csv"), "csv", "news.csv", 0), 2, 3).tolist()
    ['news.csv:2', 'news.csv:3', 'news.csv:4']
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    numbers = pa.array(np.arange(first, first + n, dtype=np.int64)).cast(pa.large_string())
    prefix = pa.scalar(f"{file.label}:", pa.large_string())
    return str_series(
        pc.binary_join_element_wise(prefix, numbers, pa.scalar("", pa.large_string()))
    )


def read_bytes(file: File) -> bytes:
    """The bytes of ``file`` (a :class:`FileFailure` when they cannot be read)."""
    try:
        return file.path.read_bytes()
    except OSError as exc:
        raise FileFailure("unreadable file", f"cannot read the file: {exc.strerror}") from exc


def raise_file_failure(file: File, failure: FileFailure):
    """Raise the :class:`FramingError` for a file that failed where failing is an error."""
    if failure.reason == "empty file":
        raise FramingError(
            f"{file.label} is empty ({failure.detail})",
            fix="Check that the file was saved completely, or read another file.",
        )
    raise FramingError(
        f"{failure.reason}: {failure.detail}",
        where=file.label,
        fix=FIXES.get(failure.reason, "").split(", or pass strict")[0] + ".",
    )
