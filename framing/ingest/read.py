"""Reading corpora into the articles table, with a report of everything set aside.

The ingest stage is the only place where framing reads article files. It turns CSV, TSV,
JSON, JSONL, Parquet, folders of ``.txt``/``.md`` files and saved HTML pages into the
**articles table** (one row per article):

============== ==========================================================================
column         meaning
============== ==========================================================================
``article_id`` unique ``str``
``date``       ``datetime64[ns]``, time-zone naive (see ``tz`` below)
``outlet``     ``str``, ``""`` when unknown
``title``      ``str``, ``""`` when unknown
``text``       ``str``, never empty
``lang``       optional, ``str``
``url``        optional, ``str``
...            every other input column, kept as it is
``source``     where the row came from: ``news.csv:12``, ``news.jsonl:7``, ``a.txt``
``encoding``   only for a folder, glob or list: the encoding each file was decoded with
============== ==========================================================================

**Source labels.** ``source`` is the file's path relative to the folder (or, for a glob or
a list, to the folder the files share), then for tables a colon and a row number:
CSV/TSV rows are numbered as a spreadsheet shows them, the header being row 1 (so the first
article is ``news.csv:2``); JSONL rows by their line number; JSON and Parquet rows from 1.
A ``.txt``/``.md``/``.html`` file is one article and its label is the file's path.
An input column named ``source`` that is not taken as the outlet is renamed
``original_source``.

**Ids.** Without an ``article_id`` column, each article's id is its source label
(``news.csv:12``), which is unique by construction; a file of a folder of documents gets the
path of the file without its extension (``2024-03-05-summit``). An empty id cell also gets
the source label.

**Column aliases.** Unless ``text_column_fallbacks=False``, a missing canonical column is
taken from the first of these input columns that exists (names compared case-insensitively;
a column named ``Text`` is taken as ``text``). ``columns=`` maps any other names.

============== ==========================================================================
canonical      aliases, in order
============== ==========================================================================
``article_id`` ``id``, ``doc_id``, ``docid``, ``document_id``
``date``       ``published``, ``pubdate``, ``pub_date``, ``published_at``,
               ``publication_date``, ``date_published``, ``datetime``, ``timestamp``
``text``       ``body``, ``content``, ``full_text``, ``article_text``, ``maintext``
``title``      ``headline``, ``heading``
``outlet``     ``source``, ``site``, ``publisher``, ``sitename``, ``source_name``,
               ``publication``, ``newspaper``, ``media``
``lang``       ``language``
``url``        ``link``, ``permalink``
============== ==========================================================================

**Dates.** ISO 8601 (with or without time and offset), ``5 March 2024``, ``March 5, 2024``,
``5 марта 2024``, dotted ``05.03.2024`` (day first), slashed ``03/05/2024`` (month first, as
in the US: pass ``date_format="%d/%m/%Y"`` for day first), RFC 2822
(``Tue, 05 Mar 2024 10:00:00 +0300``), unix seconds (numbers, or strings of 9 to 11 digits),
and ``datetime`` values from YAML, JSON or Parquet. A date without a day is the 1st of its
month. Timestamps that carry a time zone are converted to ``tz`` (UTC by default) and the
zone is then dropped; timestamps without a zone are kept as written. ``tz=None`` keeps each
timestamp's own local time. Dates must lie between 1677 and 2262 (the range of
``datetime64[ns]``).

**Set aside, never lost.** An article with no date, an unparseable date, an empty text or an
id already seen (the first copy is kept, among the articles that pass the other checks),
a malformed JSONL line or JSON record, and a file of a folder, glob or list that is empty
or cannot be decoded or read (a single file given alone raises an error instead) is set aside
and listed in the report (:func:`ingest_report`), and one :class:`FramingWarning` says how
many. ``n_read == n_kept + len(set_aside)`` always holds, so nothing disappears unseen.
``strict=True`` raises a :class:`FramingError` at the first such problem instead.
A missing ``text`` or ``date`` column is always an error, as it concerns every row.

**Encodings.** Each file is decoded on its own: UTF-8 (with or without BOM), UTF-16/UTF-32
with BOM, then Windows-1251 when the text reads as Cyrillic words, otherwise Windows-1252 or
Latin-1; ``encoding=`` forces one. Files that look binary (NUL or control bytes) are
undecodable. ``.txt``/``.md`` line ends become ``\\n``.
"""

from __future__ import annotations

import codecs
import csv
import glob as _glob
import io
import json
import math
import numbers
import os
import re
import warnings
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date as _date
from datetime import datetime as _datetime
from pathlib import Path, PurePosixPath

import numpy as np
import pandas as pd

from .._errors import FramingError, FramingWarning, choices_error

__all__ = [
    "IngestReport",
    "read_articles",
    "ingest_report",
    "read_nltk_corpus",
    "iter_article_chunks",
    "ALIASES",
    "FORMATS",
]

#: Canonical column -> recognised aliases, tried in order when the canonical column is absent.
ALIASES: dict[str, tuple[str, ...]] = {
    "article_id": ("id", "doc_id", "docid", "document_id"),
    "date": (
        "published", "pubdate", "pub_date", "published_at", "publication_date",
        "date_published", "datetime", "timestamp",
    ),
    "text": ("body", "content", "full_text", "article_text", "maintext"),
    "title": ("headline", "heading"),
    "outlet": (
        "source", "site", "publisher", "sitename", "source_name", "publication",
        "newspaper", "media",
    ),
    "lang": ("language",),
    "url": ("link", "permalink"),
}  # fmt: skip

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
_DOCUMENT_FORMATS = ("txt", "html")
_STREAM_FORMATS = ("csv", "tsv", "jsonl", "parquet")
_CORE = ("article_id", "date", "outlet", "title", "text")
_OPTIONAL = ("lang", "url")
_SIDECAR_NAME = "metadata.csv"

# internal bookkeeping columns of the raw frames
_SRC, _ID, _FILE, _ROW, _ENC = "\0source", "\0id", "\0file", "\0row", "\0encoding"
_INTERNAL = (_SRC, _ID, _FILE, _ROW, _ENC)

_FIXES = {
    "missing date": "Give the article a date, or pass strict=False to set it aside",
    "unparseable date": (
        "Correct the value, pass date_format= (e.g. date_format='%d/%m/%Y'), "
        "or pass strict=False to set the article aside"
    ),
    "empty text": "Remove the article or give it a text, or pass strict=False to set it aside",
    "duplicate id": (
        "Make the ids unique (or map no id column, so ids are made from the rows), "
        "or pass strict=False to keep the first copy"
    ),
    "undecodable bytes": (
        "Pass encoding= with the file's encoding, e.g. encoding='cp1251', "
        "or pass strict=False to set the file aside"
    ),
    "malformed line": (
        "Fix the line (each JSONL line must be one JSON object), "
        "or pass strict=False to set it aside"
    ),
    "malformed record": (
        "Each item of the JSON list must be an object, or pass strict=False to set it aside"
    ),
    "malformed front matter": (
        "Fix the YAML between the --- lines at the top of the file, "
        "or pass strict=False to set it aside"
    ),
    "empty file": "Remove the file, or pass strict=False to set it aside",
    "unreadable file": "Repair or remove the file, or pass strict=False to set it aside",
}


# --------------------------------------------------------------------------------------
# the report


@dataclass(eq=False)
class IngestReport:
    """What an ingest read, kept and set aside (:func:`ingest_report` gets it from a table).

    The table keeps it in ``articles.attrs["ingest_report"]`` as JSON text
    (:meth:`to_json`), so that pandas copies it cheaply and ``articles.to_parquet(path)``
    saves it: ``ingest_report(pd.read_parquet(path))`` gives it back.

    Attributes
    ----------
    n_read : int
        Records met: articles read, plus one for each malformed line or record and each
        file that could not be read.
    n_kept : int
        Articles in the returned table.
    set_aside : pandas.DataFrame
        One row per record set aside, with columns ``source``, ``article_id``, ``reason``,
        ``detail``. Always ``n_read == n_kept + len(set_aside)``.
    notes : list of str
        Other remarks (files skipped for their type, sidecar rows that match no file).

    Examples
    --------
    >>> report = IngestReport(n_read=2, n_kept=2)
    >>> report.counts()
    {}
    >>> print(report)
    IngestReport: 2 articles read, 2 kept, 0 set aside
    """

    n_read: int
    n_kept: int
    set_aside: pd.DataFrame = field(default_factory=lambda: _empty_set_aside())
    notes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """The number of records set aside for each reason, most frequent first.

        Examples
        --------
        >>> IngestReport(n_read=1, n_kept=1).counts()
        {}
        """
        return dict(Counter(self.set_aside["reason"].tolist()).most_common())

    def summary(self) -> str:
        """One line: ``"set aside 3 of 120 articles (2 unparseable date, 1 duplicate id)"``.

        Examples
        --------
        >>> IngestReport(n_read=4, n_kept=4).summary()
        'set aside 0 of 4 articles'
        """
        counts = self.counts()
        text = f"set aside {len(self.set_aside)} of {self.n_read} articles"
        if counts:
            text += " (" + ", ".join(f"{n} {reason}" for reason, n in counts.items()) + ")"
        return text

    def __str__(self) -> str:
        lines = [
            f"IngestReport: {self.n_read} articles read, {self.n_kept} kept, "
            f"{len(self.set_aside)} set aside"
        ]
        for reason, n in self.counts().items():
            where = self.set_aside.loc[self.set_aside["reason"] == reason, "source"].tolist()
            shown = ", ".join(where[:5]) + (", ..." if len(where) > 5 else "")
            lines.append(f"  {reason}: {n} ({shown})")
        lines.extend(f"  note: {note}" for note in self.notes)
        return "\n".join(lines)

    __repr__ = __str__

    def to_json(self) -> str:
        """The report as JSON text (what a table's ``attrs`` hold).

        Examples
        --------
        >>> IngestReport(n_read=1, n_kept=1).to_json()[:40]
        '{"framing_ingest_report": 1, "n_read": 1'
        """
        columns = {c: self.set_aside[c].astype("str").tolist() for c in _SET_ASIDE_COLUMNS}
        return json.dumps(
            {
                "framing_ingest_report": 1,
                "n_read": int(self.n_read),
                "n_kept": int(self.n_kept),
                "set_aside": columns,
                "notes": [str(n) for n in self.notes],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> IngestReport:
        """The report that :meth:`to_json` wrote.

        Examples
        --------
        >>> report = IngestReport(n_read=3, n_kept=3, notes=["a note"])
        >>> IngestReport.from_json(report.to_json()).notes
        ['a note']
        """
        data = json.loads(text)
        if not (isinstance(data, dict) and data.get("framing_ingest_report") == 1):
            raise ValueError("not the JSON of a framing IngestReport")
        set_aside = pd.DataFrame(
            {c: pd.Series(data["set_aside"][c], dtype="str") for c in _SET_ASIDE_COLUMNS}
        )
        return cls(data["n_read"], data["n_kept"], set_aside, list(data["notes"]))


_SET_ASIDE_COLUMNS = ("source", "article_id", "reason", "detail")


def _attach_report(table: pd.DataFrame, report: IngestReport) -> None:
    """Keep ``report`` in ``table.attrs`` (as JSON text: see :class:`IngestReport`)."""
    table.attrs["ingest_report"] = report.to_json()


def _empty_set_aside() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype="str") for c in _SET_ASIDE_COLUMNS})


def ingest_report(articles: pd.DataFrame) -> IngestReport:
    """The :class:`IngestReport` of an articles table returned by :func:`read_articles`.

    Parameters
    ----------
    articles : pandas.DataFrame
        The table as :func:`read_articles`, :func:`read_nltk_corpus` or
        :func:`iter_article_chunks` returned it (the report lives in ``articles.attrs``,
        which some pandas operations drop: ask for it right after reading).

    Returns
    -------
    IngestReport

    Raises
    ------
    FramingError
        If the table carries no report.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "news.csv").write_text("id,date,text\\na1,2024-03-05,The summit ended.\\n")
    >>> report = ingest_report(read_articles(folder / "news.csv"))
    >>> report.n_read, report.n_kept, len(report.set_aside)
    (1, 1, 0)
    """
    if not isinstance(articles, pd.DataFrame):
        raise FramingError(
            f"expected the articles table (a pandas DataFrame), got {type(articles).__name__}",
            where="ingest_report",
        )
    report = articles.attrs.get("ingest_report")
    if isinstance(report, str):
        try:
            return IngestReport.from_json(report)
        except (ValueError, KeyError, TypeError):
            pass  # not ours: the error below
    if not isinstance(report, IngestReport):
        raise FramingError(
            "this table carries no ingest report: it was not returned by read_articles "
            "(built by hand, or a pandas operation dropped its attrs)",
            where="ingest_report",
            fix="Call ingest_report on the table read_articles returned, right after reading.",
        )
    return report


# --------------------------------------------------------------------------------------
# options and file lists


@dataclass
class _Options:
    columns: dict[str, str]
    fallbacks: bool
    date_format: str | None
    tz: str | None
    strict: bool
    encoding: str | None
    sidecar: Path | None


@dataclass
class _File:
    path: Path
    fmt: str
    label: str = ""
    index: int = 0


def _check_options(
    *, columns, encoding, date_format, tz, text_column_fallbacks=True, strict=False, sidecar=None
) -> _Options:
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
    return _Options(
        columns=dict(columns),
        fallbacks=bool(text_column_fallbacks),
        date_format=date_format,
        tz=tz,
        strict=bool(strict),
        encoding=encoding,
        sidecar=sidecar,
    )


def _zone(tz: str):
    from zoneinfo import ZoneInfo

    return ZoneInfo("UTC" if tz.upper() in ("UTC", "Z") else tz)


def _check_format(format: str | None) -> str | None:
    if format is None:
        return None
    key = str(format).lower().lstrip(".")
    key = _FORMAT_ALIASES.get(key, key)
    if key not in _FORMAT_NAMES:
        raise choices_error("format", format, _FORMAT_NAMES)
    return key


def _format_of(path: Path, forced: str | None) -> str | None:
    return forced or FORMATS.get(path.suffix.lower())


def _expand(source, *, format: str | None, recursive: bool, sidecar: Path | None):
    """Expand ``source`` to sorted files: ``(files, single, notes)``."""
    if isinstance(source, (str, os.PathLike)):
        items, listed = [source], False
    elif isinstance(source, (list, tuple)) and source:
        items, listed = list(source), True
    else:
        raise FramingError(
            f"expected a path, a glob pattern or a list of paths, got {source!r}",
            where="source",
            fix="Pass e.g. 'data/news.csv', 'data/articles/' or 'data/*.jsonl'.",
        )
    found: dict[Path, str] = {}
    notes: list[str] = []
    roots: list[Path] = []
    single = False
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise FramingError(
                f"expected a path, got {item!r}", where="source", fix="Pass paths as str or Path."
            )
        path = Path(item)
        if path.is_file():
            fmt = _format_of(path, format)
            if fmt is None:
                known = ", ".join(sorted(FORMATS))
                raise FramingError(
                    f"cannot tell the format of {path.name!r} from its extension (known: {known})",
                    where="source",
                    fix=f"Pass format= (one of: {', '.join(_FORMAT_NAMES)}).",
                )
            found[path.resolve()] = fmt
            roots.append(path.resolve().parent)
            single = not listed
        elif path.is_dir():
            roots.append(path.resolve())
            _scan_folder(path, format, recursive, sidecar, found, notes)
        elif isinstance(item, str) and any(ch in item for ch in "*?["):
            matches = sorted(_glob.glob(item, recursive=True))
            if not matches:
                raise FramingError(
                    f"the pattern {item!r} matches no file",
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
        files.append(_File(path=path, fmt=found[path], label=label, index=index))
    return files, single, notes


def _scan_folder(folder: Path, format, recursive, sidecar, found, notes):
    pattern = "**/*" if recursive else "*"
    entries = sorted(p for p in folder.glob(pattern) if p.is_file())
    has_documents = any(FORMATS.get(p.suffix.lower()) in _DOCUMENT_FORMATS for p in entries)
    for path in entries:
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if has_documents and path.name.lower() == _SIDECAR_NAME:
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


# --------------------------------------------------------------------------------------
# decoding


class _Undecodable(Exception):
    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[^\W\d_]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _looks_russian(text: str) -> bool | None:
    """True if a cp1251 decoding reads as Cyrillic words, False if not, None if unsure."""
    cyrillic_words = mixed = 0
    for word in _WORD.findall(text):
        if _CYRILLIC.search(word):
            cyrillic_words += 1
            if _LATIN.search(word):
                mixed += 1
    if cyrillic_words == 0:
        return False
    share = mixed / cyrillic_words
    if share <= 0.1 and cyrillic_words - mixed >= 2:
        return True
    if share >= 0.3:
        return False
    return None


def _legacy_encoding(data: bytes) -> str:
    """Pick cp1251, cp1252 or latin-1 for bytes that are not UTF-8."""
    try:
        as_cp1251 = data.decode("cp1251")
    except UnicodeDecodeError:
        as_cp1251 = None
    if as_cp1251 is not None:
        verdict = _looks_russian(as_cp1251)
        if verdict is None:
            from charset_normalizer import from_bytes

            best = from_bytes(data, cp_isolation=["cp1251", "cp1252", "latin_1"]).best()
            verdict = best is not None and best.encoding == "cp1251"
        if verdict:
            return "cp1251"
    if not re.search(rb"[\x80-\x9f]", data):
        return "latin-1"
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE,
         codecs.BOM_UTF16_BE)  # fmt: skip


def _blank(text) -> bool:
    """Whether ``text`` (str or bytes) is empty or only whitespace, without copying it."""
    return not text or text.isspace()


def _detect_encoding(data: bytes, *, partial: bool = False) -> str:
    """The encoding of ``data`` (``partial``: the bytes are a prefix of the file)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if partial and exc.start >= len(data) - 3 and "unexpected end" in str(exc.reason):
            return "utf-8"
    return _legacy_encoding(data)


def _decode(data: bytes, forced: str | None) -> tuple[str, str]:
    """Decode file bytes: ``(text, encoding)``; raise _Undecodable with the byte offset."""
    if forced is None and not data.startswith(_BOMS):
        try:  # most files are UTF-8: decode once, not once to detect and once to read
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            _check_text(text, "utf-8")
            return text, "utf-8"
    encoding = forced or _detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _Undecodable(
            f"cannot decode byte {data[exc.start : exc.start + 1]!r} at offset {exc.start} "
            f"with {encoding}"
        ) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_text(text, encoding)
    return text, encoding


def _check_text(text: str, encoding: str) -> None:
    """Raise _Undecodable when decoded text looks binary (NUL or many control characters)."""
    nul = text.find("\x00")
    sample = text[:100_000]
    if nul >= 0:
        position = nul
    elif len(_CONTROL.findall(sample)) > 0.01 * len(sample):
        position = _CONTROL.search(sample).start()
    else:
        return
    offset = len(text[:position].encode(encoding, errors="replace"))
    raise _Undecodable(
        f"binary or wrongly encoded data: control byte {text[position]!r} near offset "
        f"{offset} when decoded as {encoding}"
    )


# --------------------------------------------------------------------------------------
# reading the formats into raw batches


@dataclass
class _Problem:
    source: str
    article_id: str
    reason: str
    detail: str
    file: int
    row: int


class _FileFailure(Exception):
    """A file-level problem (empty, undecodable, unreadable)."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason, self.detail = reason, detail


def _raw_frame(frame: pd.DataFrame, file: _File, labels, ids, rows, encoding: str) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    extra = pd.DataFrame(
        {
            _SRC: pd.Series(labels, dtype="str"),
            _ID: pd.Series(ids, dtype="str"),
            _FILE: np.full(len(frame), file.index, dtype=np.int64),
            _ROW: np.asarray(rows, dtype=np.int64),
            _ENC: pd.Series([encoding] * len(frame), dtype="str"),
        }
    )
    return pd.concat([frame, extra], axis=1)


def _read_bytes(file: _File) -> bytes:
    try:
        return file.path.read_bytes()
    except OSError as exc:
        raise _FileFailure("unreadable file", f"cannot read the file: {exc.strerror}") from exc


def _sniff_separator(text: str) -> str:
    end = text.find("\n")
    header = text if end < 0 else text[:end]
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    if counts[","] == 0 and max(counts.values()) > 0:
        return max(counts, key=counts.get)
    return ","


def _csv_options(fmt: str, text_start: str) -> dict:
    sep = "\t" if fmt == "tsv" else _sniff_separator(text_start)
    return {"sep": sep, "dtype": str, "keep_default_na": False, "na_filter": False}


def _arrow_csv_names(head: bytes, sep: str) -> list[str] | None:
    """The column names of a CSV whose first bytes are ``head`` (BOM removed), when Arrow
    reads its header as pandas does: no quotes, no repeated or empty names; else ``None``."""
    header = re.split(rb"\r\n|\r|\n", head[: 1 << 16], maxsplit=1)
    if len(header) < 2 or b'"' in header[0]:
        return None
    try:
        names = header[0].decode("utf-8").split(sep)
    except UnicodeDecodeError:
        return None
    if len(set(names)) != len(names) or not all(names):
        return None
    return names


def _arrow_csv_options(names: list[str], sep: str, block_size: int) -> dict:
    import pyarrow as pa
    import pyarrow.csv as pcsv

    return {
        "read_options": pcsv.ReadOptions(block_size=block_size),
        "parse_options": pcsv.ParseOptions(delimiter=sep, newlines_in_values=True),
        "convert_options": pcsv.ConvertOptions(
            column_types={name: pa.large_string() for name in names},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    }


def _arrow_frame(table) -> pd.DataFrame:
    """An Arrow table of strings as a DataFrame of pandas ``str`` columns (no copy)."""
    str_dtype = pd.StringDtype("pyarrow", na_value=np.nan)
    return pd.DataFrame(
        {
            name: pd.Series(pd.arrays.ArrowStringArray(table.column(name)), dtype=str_dtype)
            for name in table.column_names
        }  # fmt: skip
    )


def _arrow_csv(data: bytes, sep: str) -> pd.DataFrame | None:
    """UTF-8 CSV bytes read by Arrow's parser, or ``None`` where it might read them differently
    from pandas' (the reference): a header with quotes or repeated or empty names, or anything
    Arrow's stricter parser refuses (rows with too few or too many fields, whitespace-only
    lines, a quote left open). pandas then reads the file and gives its own answer or error.
    Arrow parses 4-5 times as fast and hands over Arrow strings without Python objects."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    data = data.removeprefix(codecs.BOM_UTF8)
    names = _arrow_csv_names(data, sep)
    if names is None or _ARROW_CR in data:
        return None
    # Blocks of _READ_BLOCK bytes are parsed in parallel; a value longer than a block (an
    # article of many MB) makes Arrow refuse them, and then the file is read as one block.
    try:
        table = pcsv.read_csv(pa.py_buffer(data), **_arrow_csv_options(names, sep, _READ_BLOCK))
    except (pa.ArrowException, ValueError) as exc:
        if "straddl" not in str(exc) or len(data) >= _MAX_BLOCK:
            return None
        try:
            table = pcsv.read_csv(
                pa.py_buffer(data), **_arrow_csv_options(names, sep, len(data) + 1)
            )
        except (pa.ArrowException, ValueError):
            return None
    if table.column_names != names or table.num_rows == 0:
        return None
    return _arrow_frame(table)


_READ_BLOCK = 1 << 22  # bytes Arrow parses at a time (in parallel) reading a whole CSV
_MAX_BLOCK = (1 << 31) - 1  # the largest block Arrow takes
_STREAM_BLOCK = 1 << 22  # and streaming one
# Files with a carriage return anywhere are read by pandas: Arrow 26 drops the "\n" of a
# "\r\n" inside a quoted value when a block boundary falls there (2 of 20,000 values with
# 64 kB blocks in a test), which would change texts silently.
_ARROW_CR = b"\r"


def _has_cr(path: Path) -> bool:
    """Whether the file holds a carriage return (read 16 MB at a time)."""
    with open(path, "rb") as handle:
        while block := handle.read(1 << 24):
            if _ARROW_CR in block:
                return True
    return False


class _ArrowCsvStream:
    """The rows of a UTF-8 CSV file streamed by Arrow's parser, ``chunk_size`` at a time, as
    pandas frames; it stops early, with ``complete`` False, wherever Arrow might read the file
    differently from pandas (see :func:`_arrow_csv`): the caller reads on with pandas from
    row ``rows`` (the rows before parse alike in both)."""

    def __init__(self, file: _File, head: bytes, sep: str, chunk_size: int):
        self.file, self.head, self.sep, self.chunk_size = file, head, sep, chunk_size
        self.rows = 0
        self.complete = False

    def __iter__(self):
        import pyarrow as pa
        import pyarrow.csv as pcsv

        head = self.head.removeprefix(codecs.BOM_UTF8)
        names = _arrow_csv_names(head, self.sep)
        if names is None or _has_cr(self.file.path):
            return
        pending, n_pending = [], 0
        try:
            reader = pcsv.open_csv(
                str(self.file.path), **_arrow_csv_options(names, self.sep, _STREAM_BLOCK)
            )
            if reader.schema.names != names:
                return
            for batch in reader:
                pending.append(batch)
                n_pending += batch.num_rows
                while n_pending >= self.chunk_size:
                    table = pa.Table.from_batches(pending)
                    yield from self._emit(table.slice(0, self.chunk_size))
                    rest = table.slice(self.chunk_size)
                    pending, n_pending = rest.to_batches(), rest.num_rows
        except (pa.ArrowException, ValueError, OSError):
            return
        if n_pending:
            yield from self._emit(pa.Table.from_batches(pending))
        self.complete = self.rows > 0

    def _emit(self, table):
        frame = _arrow_frame(table)
        self.rows += len(frame)
        yield frame


def _utf8_csv(data: bytes, file: _File, opts: _Options) -> pd.DataFrame | None:
    """The raw frame of a UTF-8 CSV/TSV file read by :func:`_arrow_csv` straight from its
    bytes (Arrow checks that they are UTF-8), or ``None``: then the file is decoded and read
    by pandas, which gives every error its message."""
    if opts.encoding not in (None, "utf-8", "utf-8-sig") or data.startswith(_BOMS[1:]):
        return None
    if b"\x00" in data:
        return None
    try:
        head = codecs.getincrementaldecoder("utf-8")().decode(data[: 1 << 19], final=False)
        _check_text(head[:100_000].lstrip("\ufeff"), "utf-8")
    except (UnicodeDecodeError, _Undecodable):
        return None
    frame = _arrow_csv(data, _csv_options(file.fmt, head.lstrip("\ufeff"))["sep"])
    if frame is None:
        return None
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    labels = [f"{file.label}:{i + 2}" for i in range(len(frame))]
    return _raw_frame(frame, file, labels, labels, range(len(frame)), encoding)


def _check_fields(frame: pd.DataFrame, fmt: str) -> None:
    """Refuse a table pandas read with its first column as the index: it does that when every
    row has one field more than the header names, which would shift every column by one."""
    if not isinstance(frame.index, pd.RangeIndex):
        n = len(frame.columns)
        raise _FileFailure(
            "unreadable file",
            f"malformed {fmt.upper()}: the header names {n} columns but the rows have "
            f"{n + 1} fields; add the missing column name to the header",
        )


def _read_csv_text(text: str, file: _File, encoding: str, opts: _Options) -> pd.DataFrame:
    if _blank(text):
        raise _FileFailure("empty file", "the file is empty")
    try:
        frame = pd.read_csv(io.StringIO(text), **_csv_options(file.fmt, text))
    except pd.errors.EmptyDataError as exc:
        raise _FileFailure("empty file", "the file is empty") from exc
    except (pd.errors.ParserError, ValueError, csv.Error) as exc:
        raise _FileFailure("unreadable file", f"malformed {file.fmt.upper()}: {exc}") from exc
    _check_fields(frame, file.fmt)
    if len(frame) == 0:
        raise _FileFailure("empty file", "the file has a header but no rows")
    labels = [f"{file.label}:{i + 2}" for i in range(len(frame))]
    return _raw_frame(frame, file, labels, labels, range(len(frame)), encoding)


def _json_line_problem(file, lineno, line, detail, reason="malformed line") -> _Problem:
    return _Problem(f"{file.label}:{lineno}", "", reason, detail, file.index, lineno)


def _jsonl_records(lines, file: _File, start_row: int = 0):
    """Parse JSONL lines: yields ``(lineno, record_or_problem)``."""
    for lineno, line in enumerate(lines, start_row + 1):
        stripped = line.strip()
        if not stripped:
            continue
        try:
            value = json.loads(stripped)
        except ValueError as exc:
            yield lineno, _json_line_problem(file, lineno, line, f"not valid JSON: {exc}")
            continue
        if not isinstance(value, dict):
            kind = type(value).__name__
            yield lineno, _json_line_problem(file, lineno, line, f"a JSON {kind}, not an object")
            continue
        yield lineno, value


def _records_frame(records: list[dict], file: _File, numbers_, encoding: str, sep=":"):
    # index: one row per record even when every record is {} (no columns to count rows by)
    frame = pd.DataFrame.from_records(records, index=range(len(records)))
    frame.columns = [str(c) for c in frame.columns]
    labels = [f"{file.label}{sep}{n}" for n in numbers_]
    return _raw_frame(frame, file, labels, labels, numbers_, encoding)


def _read_jsonl_text(text: str, file: _File, encoding: str, problems: list):
    if _blank(text):
        raise _FileFailure("empty file", "the file is empty")
    records, numbers_ = [], []
    for lineno, item in _jsonl_records(text.split("\n"), file):
        if isinstance(item, _Problem):
            problems.append(item)
        else:
            records.append(item)
            numbers_.append(lineno)
    if not records:
        return None
    return _records_frame(records, file, numbers_, encoding)


def _read_json_text(text: str, file: _File, encoding: str, problems: list):
    if _blank(text):
        raise _FileFailure("empty file", "the file is empty")
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise _FileFailure("unreadable file", f"not valid JSON: {exc}") from exc
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        value = value["articles"]
    if not isinstance(value, list):
        found = (
            "an object with keys " + ", ".join(map(repr, list(value)[:10]))
            if isinstance(value, dict)
            else f"a JSON {type(value).__name__}"
        )
        raise _FileFailure(
            "unreadable file",
            f"expected a list of article objects or {{'articles': [...]}}, found {found}",
        )
    if not value:
        raise _FileFailure("empty file", "the file holds no articles")
    records, numbers_ = [], []
    for number, item in enumerate(value, 1):
        if isinstance(item, dict):
            records.append(item)
            numbers_.append(number)
        else:
            problems.append(
                _Problem(
                    f"{file.label}:{number}",
                    "",
                    "malformed record",
                    f"item {number} is a JSON {type(item).__name__}, not an object",
                    file.index,
                    number,
                )
            )
    if not records:
        return None
    return _records_frame(records, file, numbers_, encoding)


def _read_parquet(file: _File):
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        frame = pq.read_table(file.path).to_pandas()
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise _FileFailure("unreadable file", f"not a readable Parquet file: {exc}") from exc
    if len(frame) == 0:
        raise _FileFailure("empty file", "the file has no rows")
    labels = [f"{file.label}:{i + 1}" for i in range(len(frame))]
    return _raw_frame(frame, file, labels, labels, range(len(frame)), "")


def _read_table_file(file: _File, opts: _Options, problems: list):
    """Read one tabular file into a raw frame (or None when it holds no good record)."""
    if file.fmt == "parquet":
        return _read_parquet(file)
    data = _read_bytes(file)
    if _blank(data):
        raise _FileFailure("empty file", "the file is empty")
    if file.fmt in ("csv", "tsv"):
        frame = _utf8_csv(data, file, opts)
        if frame is not None:
            return frame
    try:
        text, encoding = _decode(data, opts.encoding)
    except _Undecodable as exc:
        raise _FileFailure("undecodable bytes", exc.detail) from exc
    if file.fmt in ("csv", "tsv"):
        return _read_csv_text(text, file, encoding, opts)
    if file.fmt == "jsonl":
        return _read_jsonl_text(text, file, encoding, problems)
    return _read_json_text(text, file, encoding, problems)


# documents: .txt/.md with YAML front matter, and HTML pages

_FRONT_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def _front_matter(text: str) -> tuple[dict, str]:
    """Split YAML front matter from a document: ``(metadata, body)``."""
    first, _, rest = text.partition("\n")
    if first.rstrip() != "---":
        return {}, text
    end = _FRONT_END.search(rest)
    if end is None:
        raise ValueError("the front matter opened by --- on line 1 is never closed by ---")
    import yaml

    try:
        meta = yaml.safe_load(rest[: end.start()]) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"invalid YAML in the front matter: {exc}".replace("\n", " ")) from exc
    if not isinstance(meta, dict):
        raise ValueError(f"the front matter is a YAML {type(meta).__name__}, not key: value pairs")
    return {str(k): v for k, v in meta.items()}, rest[end.end() :]


_HTML_LANG = re.compile(r"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)", re.I)


def _html_record(text: str) -> dict:
    from trafilatura import bare_extraction

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = bare_extraction(text, with_metadata=True, include_comments=False)
    if doc is None:
        return {"text": ""}
    doc = doc if isinstance(doc, dict) else doc.as_dict()
    record = {
        "text": doc.get("text") or "",
        "title": doc.get("title"),
        "date": doc.get("date"),
        "outlet": doc.get("sitename") or doc.get("hostname"),
        "url": doc.get("url"),
        "lang": doc.get("language"),
    }
    if not record["lang"]:
        match = _HTML_LANG.search(text[:5000])
        record["lang"] = match.group(1).lower() if match else None
    return {k: v for k, v in record.items() if v not in (None, "")} | {"text": record["text"]}


class _Sidecars:
    """metadata.csv files: rows keyed by file name or stem."""

    def __init__(self, opts: _Options):
        self.opts = opts
        self.cache: dict[Path, tuple[str, dict, set]] = {}
        self.folders: dict[Path, Path | None] = {}

    def path_for(self, folder: Path) -> Path | None:
        if self.opts.sidecar is not None:
            return self.opts.sidecar.resolve()
        if folder not in self.folders:
            found = None
            for candidate in sorted(folder.iterdir()):
                if candidate.name.lower() == _SIDECAR_NAME and candidate.is_file():
                    found = candidate.resolve()
                    break
            self.folders[folder] = found
        return self.folders[folder]

    def load(self, path: Path):
        if path in self.cache:
            return self.cache[path]
        label = path.name
        data = path.read_bytes()
        try:
            text, _ = _decode(data, self.opts.encoding)
            frame = pd.read_csv(io.StringIO(text), **_csv_options("csv", text))
        except (_Undecodable, pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
            raise FramingError(
                f"cannot read the metadata sidecar: {exc}",
                where=label,
                fix="Save it as a CSV with a header and a 'file' or 'article_id' column.",
            ) from exc
        try:
            _check_fields(frame, "csv")
        except _FileFailure as exc:
            raise FramingError(
                f"cannot read the metadata sidecar: {exc.detail}",
                where=label,
                fix="Add the missing column name to the header.",
            ) from None
        lower = {c.lower(): c for c in frame.columns}
        key = next(
            (
                lower[k]
                for k in ("file", "filename", "article_id", *ALIASES["article_id"])
                if k in lower
            ),
            None,
        )
        if key is None:
            found = ", ".join(map(repr, frame.columns)) or "none"
            raise FramingError(
                f"the metadata sidecar has no key column (columns found: {found})",
                where=label,
                fix="Add a 'file' column (file names) or an 'article_id' column (file names "
                "without extension).",
            )
        by_key: dict[str, dict] = {}
        for number, row in enumerate(frame.to_dict("records"), 2):
            name = str(row[key]).strip()
            if name in by_key:
                raise FramingError(
                    f"the key {name!r} appears twice (row {number})",
                    where=label,
                    fix="Give each file one row.",
                )
            drop = {key} if key.lower() in ("file", "filename") else set()
            by_key[name] = {k: v for k, v in row.items() if k not in drop and v != ""}
        entry = (label, by_key, set())
        self.cache[path] = entry
        return entry

    def lookup(self, path: Path) -> dict:
        sidecar = self.path_for(path.parent)
        if sidecar is None:
            return {}
        label, by_key, used = self.load(sidecar)
        for key in (path.name, path.stem):
            if key in by_key:
                used.add(key)
                return dict(by_key[key])
        return {}

    def notes(self) -> list[str]:
        notes = []
        for entry in self.cache.values():
            label, by_key, used = entry
            unused = [k for k in by_key if k not in used]
            if unused:
                shown = ", ".join(map(repr, unused[:5])) + (", ..." if len(unused) > 5 else "")
                notes.append(f"{label}: {len(unused)} row(s) match no file: {shown}")
        return notes


def _read_documents(files: list[_File], opts: _Options, problems: list, single: bool, notes: list):
    """Read .txt/.md/.html files, one article each, into one raw frame."""
    sidecars = _Sidecars(opts)
    records, kept = [], []
    for file in files:
        default_id = str(PurePosixPath(file.label).with_suffix(""))
        try:
            data = _read_bytes(file)
            if not data.strip():
                raise _FileFailure("empty file", "the file is empty")
            try:
                text, encoding = _decode(data, opts.encoding)
            except _Undecodable as exc:
                raise _FileFailure("undecodable bytes", exc.detail) from exc
            if not text.strip():
                raise _FileFailure("empty file", "the file is empty")
            meta = sidecars.lookup(file.path)
            if file.fmt == "txt":
                text = text.replace("\r\n", "\n").replace("\r", "\n")
                try:
                    front, body = _front_matter(text)
                except ValueError as exc:
                    raise _FileFailure("malformed front matter", str(exc)) from exc
                record = {**meta, **front, "text": body.strip()}
            else:
                try:
                    extracted = _html_record(text)
                except Exception as exc:  # trafilatura may fail in many ways on odd pages
                    raise _FileFailure(
                        "unreadable file", f"HTML extraction failed: {exc!r}"
                    ) from exc
                record = {**extracted, **meta}
        except _FileFailure as failure:
            if single:
                _raise_file_failure(file, failure)
            problems.append(
                _Problem(file.label, default_id, failure.reason, failure.detail, file.index, 0)
            )
            continue
        records.append(record)
        kept.append((file, default_id, encoding))
    notes.extend(sidecars.notes())
    if not records:
        return None
    frame = pd.DataFrame.from_records(records)
    frame.columns = [str(c) for c in frame.columns]
    frame = frame.reset_index(drop=True)
    extra = pd.DataFrame(
        {
            _SRC: pd.Series([f.label for f, _, _ in kept], dtype="str"),
            _ID: pd.Series([i for _, i, _ in kept], dtype="str"),
            _FILE: np.asarray([f.index for f, _, _ in kept], dtype=np.int64),
            _ROW: np.zeros(len(kept), dtype=np.int64),
            _ENC: pd.Series([e for _, _, e in kept], dtype="str"),
        }
    )
    return pd.concat([frame, extra], axis=1)


def _raise_file_failure(file: _File, failure: _FileFailure):
    if failure.reason == "empty file":
        raise FramingError(
            f"{file.label} is empty ({failure.detail})",
            fix="Check that the file was saved completely, or read another file.",
        )
    raise FramingError(
        f"{failure.reason}: {failure.detail}",
        where=file.label,
        fix=_FIXES.get(failure.reason, "").split(", or pass strict")[0] + ".",
    )


# --------------------------------------------------------------------------------------
# column names


def _canonical_columns(
    raw: pd.DataFrame, opts: _Options, where: str, kind: str, used: set | None = None
) -> pd.DataFrame:
    """Rename the input columns to the canonical names; raise for a missing text or date."""
    original = [c for c in raw.columns if c not in _INTERNAL]
    mapping = {}
    for key, target in opts.columns.items():
        if key in original:
            mapping[key] = target
            if used is not None:
                used.add(key)
        elif target not in original:
            found = ", ".join(map(repr, original)) or "none"
            raise FramingError(
                f"columns= names {key!r}, which is not a column of {where} (columns found: {found})",
                where="columns",
                fix="Use the column names as they appear in the file.",
            )
    frame = raw.rename(columns=mapping)
    names = list(frame.columns)
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise FramingError(
            f"after columns= there are two columns named {', '.join(map(repr, dup))}",
            where=where,
            fix="Map only one input column to each article column.",
        )
    renames = {}
    present = set(names)
    if opts.fallbacks:
        lower = {}
        for name in names:
            if name not in _INTERNAL and name not in mapping.values():
                lower.setdefault(name.strip().lower(), name)
        taken = set()
        for canon, aliases in ALIASES.items():
            if canon in present:
                continue
            for candidate in (canon, *aliases):
                name = lower.get(candidate)
                if name is not None and name not in taken and name not in _CORE + _OPTIONAL:
                    renames[name] = canon
                    taken.add(name)
                    present.add(canon)
                    break
    frame = frame.rename(columns=renames)
    if "source" in frame.columns:
        frame = frame.rename(columns={"source": "original_source"})
    for needed in ("text", "date"):
        if needed not in frame.columns:
            _missing_column(needed, raw[original], where, kind, mapping, renames)
    return frame


def _missing_column(needed, raw, where, kind, mapping, renames):
    found = ", ".join(map(repr, raw.columns)) or "none"
    if kind == "documents":
        keys = f" (metadata keys found: {found})" if len(raw.columns) > 1 else ""
        raise FramingError(
            f"no file has a {needed}{keys}",
            where=where,
            fix=f"Give each file a {needed}: as '{needed}: ...' in the YAML front matter of a "
            f".txt/.md file, or in a metadata.csv beside the files with a 'file' and a "
            f"'{needed}' column (or pass sidecar=).",
        )
    used = set(mapping) | set(renames)
    candidates = [c for c in raw.columns if c not in used and c not in (*_CORE, *_OPTIONAL)]
    guess = None
    if needed == "text":
        lengths = {}
        for c in candidates:
            values = raw[c]
            if values.dtype == object or pd.api.types.is_string_dtype(values):
                lengths[c] = values.map(lambda v: len(v) if isinstance(v, str) else 0).mean()
        if lengths and max(lengths.values()) > 0:
            guess = max(lengths, key=lengths.get)
    else:
        hints = ("date", "time", "publ", "day", "created")
        guess = next((c for c in candidates if any(h in c.lower() for h in hints)), None)
    if guess is not None:
        fix = f"Pass columns={{{guess!r}: {needed!r}}}."
    else:
        fix = f"Pass columns={{'<column>': {needed!r}}} naming the column that holds the {needed}."
    raise FramingError(f"no {needed} column (columns found: {found})", where=where, fix=fix)


# --------------------------------------------------------------------------------------
# dates

_NS_MIN, _NS_MAX = pd.Timestamp.min, pd.Timestamp.max
_UNIX = re.compile(r"^[+-]?\d{9,11}(?:\.\d+)?$")
_AWARE = re.compile(
    r"\d:\d\d(?::\d\d(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d\d(?::?\d\d)?)\s*$", re.IGNORECASE
)
_DOTTED = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\b")
_ZONE_NAME = re.compile(r"(?<=[\d\s])(?:utc|gmt)(?=\s*$)", re.IGNORECASE)  # dateutil: upper case
_RFC2822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d\d")
_RU_MONTHS = {
    "январ": "January", "феврал": "February", "март": "March", "апрел": "April",
    "ма": "May", "июн": "June", "июл": "July", "август": "August", "сентябр": "September",
    "октябр": "October", "ноябр": "November", "декабр": "December",
}  # fmt: skip
_RU_MONTH = re.compile(
    r"\b(январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)(?:я|ь|а|й|е)?\b",
    re.IGNORECASE,
)
_RU_YEAR = re.compile(r"\s*(?:г\.|года?)(?=\s|$|,)", re.IGNORECASE)
_D1, _D2 = _datetime(2000, 1, 1), _datetime(2001, 2, 2)


class _BadDate(Exception):
    pass


def _ns(ts: pd.Timestamp) -> np.datetime64:
    return ts.as_unit("ns").to_datetime64()


def _to_naive(ts: pd.Timestamp, tz: str | None) -> pd.Timestamp:
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None) if tz is None else ts.tz_convert(tz).tz_localize(None)
    if not (_NS_MIN <= ts <= _NS_MAX):
        raise _BadDate("out of the supported range 1677-2262")
    return ts


def _parse_string(value: str, tz: str | None) -> pd.Timestamp:
    """Parse one date string with the fallbacks (not ISO 8601, tried first in bulk)."""
    from dateutil import parser

    text = value.strip()
    if _UNIX.match(text):
        return _to_naive(pd.Timestamp(float(text), unit="s", tz="UTC"), tz)
    if _RU_MONTH.search(text):
        text = _RU_MONTH.sub(lambda m: _RU_MONTHS[m.group(1).lower()], text)
        text = _RU_YEAR.sub("", text)
    text = _ZONE_NAME.sub(lambda m: m.group().upper(), text)
    if _RFC2822.match(text):
        from email.utils import parsedate_to_datetime

        try:
            return _to_naive(pd.Timestamp(parsedate_to_datetime(text)), tz)
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    if tz is None or tz.upper() == "UTC":
        try:
            parsed = _datetime.fromisoformat(text)
            return _to_naive(pd.Timestamp(parsed), tz)
        except ValueError:
            pass
    dayfirst = bool(_DOTTED.match(text))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            first = parser.parse(text, default=_D1, dayfirst=dayfirst)
            second = parser.parse(text, default=_D2, dayfirst=dayfirst)
        except (ValueError, OverflowError, TypeError) as exc:
            raise _BadDate("not a date format framing knows") from exc
    if first.year != second.year or first.month != second.month:
        raise _BadDate("no year or month")
    try:
        return _to_naive(pd.Timestamp(first), tz)
    except (ValueError, OverflowError) as exc:
        raise _BadDate(str(exc)) from exc


def _parse_other(value, tz):
    if isinstance(value, bool):
        raise _BadDate("a boolean, not a date")
    if isinstance(value, numbers.Real):
        if not math.isfinite(value):
            raise _BadDate("not a finite number")
        try:
            return _to_naive(pd.Timestamp(float(value), unit="s", tz="UTC"), tz)
        except (ValueError, OverflowError) as exc:
            raise _BadDate("unix seconds out of range") from exc
    if isinstance(value, (_datetime, pd.Timestamp, np.datetime64)):
        try:
            return _to_naive(pd.Timestamp(value), tz)
        except (ValueError, OverflowError) as exc:
            raise _BadDate(str(exc)) from exc
    if isinstance(value, _date):
        return _to_naive(pd.Timestamp(value), tz)
    raise _BadDate(f"a {type(value).__name__}, not a date")


def _is_missing(value) -> bool:
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, np.datetime64) and np.isnat(value):
        return True
    return isinstance(value, str) and not value.strip()


#: what _plain_iso_dates takes (RE2 syntax; \d is ASCII there)
_PLAIN_ISO = r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}:\d{2})?$"
_PLAIN_FIRST, _PLAIN_LAST = np.datetime64("1678-01-01", "s"), np.datetime64("2261-12-31", "s")


def _plain_iso_dates(values: pd.Series) -> np.ndarray | None:
    """The common case at once: a column of Arrow strings, every one an ISO date or date and
    time to the second without a zone ("1987-02-26", "2024-03-05 13:00:00") between 1678
    and 2261. Parsed by NumPy, which refuses what the general path refuses (1987-02-30,
    24:00:00); datetime64[ns], or None when any value is otherwise (the general path then).
    A date without a zone is kept as written whatever ``tz``, as the general path does."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        array = pa.array(values.array)
    except (pa.ArrowException, TypeError, ValueError):
        return None
    if not len(array) or array.null_count:
        return None
    if not pc.all(pc.match_substring_regex(array, _PLAIN_ISO)).as_py():
        return None
    try:
        parsed = np.array(array.to_pylist(), dtype="datetime64[s]")
    except ValueError:
        return None
    if parsed.min() < _PLAIN_FIRST or parsed.max() > _PLAIN_LAST:
        return None
    return parsed.astype("datetime64[ns]")


def _parse_dates(values: pd.Series, *, date_format: str | None, tz: str | None):
    """Parse a column of dates: ``(datetime64[ns] array, {position: (reason, detail)})``."""
    n = len(values)
    out = np.full(n, np.datetime64("NaT", "ns"))
    problems: dict[int, tuple[str, str]] = {}
    if isinstance(values.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(values):
        series = values
        if isinstance(values.dtype, pd.DatetimeTZDtype):
            series = values.dt.tz_localize(None) if tz is None else values.dt.tz_convert(tz)
            series = series.dt.tz_localize(None)
        arr = series.to_numpy()
        missing = np.isnat(arr)
        # the range of nanoseconds in the column's unit (pandas: s, ms, us or ns)
        per = {"s": 10**9, "ms": 10**6, "us": 10**3, "ns": 1}[np.datetime_data(arr.dtype)[0]]
        ticks = arr.view(np.int64)
        inside = ~missing & (ticks >= -(-_NS_MIN.value // per)) & (ticks <= _NS_MAX.value // per)
        out[inside] = arr[inside].astype("datetime64[ns]")
        for i in np.flatnonzero(missing).tolist():
            problems[i] = ("missing date", "no date")
        for i in np.flatnonzero(~missing & ~inside).tolist():
            problems[i] = ("unparseable date", f"{str(arr[i])!r}: out of the supported range")
        return out, problems
    if date_format is None and isinstance(values.dtype, pd.StringDtype):
        plain = _plain_iso_dates(values)
        if plain is not None:
            return plain, problems
    strings: list[tuple[int, str]] = []
    if isinstance(values.dtype, pd.StringDtype):  # str or missing: no per-value type checks
        stripped = [v.strip() for v in values.to_numpy(dtype=object, na_value="")]
        strings = [(i, v) for i, v in enumerate(stripped) if v]
        for i, v in enumerate(stripped):
            if not v:
                problems[i] = ("missing date", "no date")
        objects = ()
    else:
        objects = values.astype(object).to_numpy()
    for i, v in enumerate(objects):
        if _is_missing(v):
            problems[i] = ("missing date", "no date")
        elif isinstance(v, str):
            strings.append((i, v.strip()))
        elif date_format is not None and not isinstance(v, (_date, pd.Timestamp, np.datetime64)):
            strings.append((i, str(v).strip()))
        else:
            try:
                out[i] = _ns(_parse_other(v, tz))
            except _BadDate as exc:
                problems[i] = ("unparseable date", f"{v!r}: {exc}")
    if not strings:
        return out, problems
    texts = pd.Series([s for _, s in strings], dtype=object)
    # _UNIX and _AWARE, with a test first of what a match needs (no "-" after the first
    # character; a ":"): ISO dates never reach the regular expressions, 5-10 times as fast
    if date_format is None:
        unix = pd.Series(
            [s.find("-", 1) < 0 and ":" not in s and _UNIX.match(s) is not None for s in texts],
            dtype=bool,
        )
    else:
        unix = pd.Series(np.zeros(len(texts), dtype=bool))
    aware = pd.Series([":" in s and _AWARE.search(s) is not None for s in texts], dtype=bool)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = pd.to_datetime(
                texts.where(~unix, None),
                format=date_format or "ISO8601",
                utc=True,
                errors="coerce",
            )
    except (ValueError, TypeError) as exc:
        raise FramingError(
            f"{date_format!r} is not a date format pandas understands ({exc})",
            where="date_format",
            fix="Use strftime codes, e.g. date_format='%d.%m.%Y %H:%M'.",
        ) from exc
    if tz is None:
        parsed = parsed.where(~aware, pd.NaT)
    local = parsed.dt.tz_localize(None)
    if tz is not None and tz.upper() != "UTC":
        converted = parsed.dt.tz_convert(tz).dt.tz_localize(None)
        local = local.where(~aware, converted)
    positions = np.fromiter((i for i, _ in strings), dtype=np.int64, count=len(strings))
    valid = local.notna().to_numpy()
    in_range = valid & ((local >= _NS_MIN) & (local <= _NS_MAX)).to_numpy()
    out[positions[in_range]] = local[in_range].to_numpy().astype("datetime64[ns]")
    for j in np.flatnonzero(valid & ~in_range):
        problems[int(positions[j])] = (
            "unparseable date",
            f"{strings[j][1]!r}: out of the supported range 1677-2262",
        )
    for j in np.flatnonzero(~valid):
        pos, text = strings[j]
        if date_format is not None and not (tz is None and _AWARE.search(text)):
            problems[pos] = ("unparseable date", f"{text!r} does not match {date_format!r}")
            continue
        try:
            if date_format is not None:
                ts = pd.Timestamp(_datetime.strptime(text, date_format))
                out[pos] = _ns(_to_naive(ts, tz))
            else:
                out[pos] = _ns(_parse_string(text, tz))
        except (_BadDate, ValueError) as exc:
            problems[pos] = ("unparseable date", f"{text!r}: {exc}")
    return out, problems


# --------------------------------------------------------------------------------------
# from raw frames to the articles table


def _one_text(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple, dict, set, np.ndarray)):
        return str(value)
    if _is_missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _blank_texts(text: pd.Series) -> np.ndarray:
    """Which texts are empty or whitespace only (as ``text.str.strip() == ""``), without
    copying them: Arrow's ``utf8_is_space`` stops at the first other character and treats
    the same 31 code points as whitespace as the strip does (checked over all of Unicode)."""
    data = getattr(text.array, "_pa_array", None)
    if data is None:
        return (text.str.strip() == "").to_numpy()
    import pyarrow.compute as pc

    blank = pc.or_(pc.equal(pc.binary_length(data), 0), pc.utf8_is_space(data))
    return blank.to_numpy(zero_copy_only=False).astype(bool)


def _as_text(series: pd.Series) -> pd.Series:
    """Plain str values, ``""`` for missing ones."""
    if isinstance(series.dtype, pd.StringDtype):
        return series.fillna("").astype("str")
    return pd.Series([_one_text(v) for v in series.to_numpy()], index=series.index, dtype="str")


def _finish(
    frame: pd.DataFrame | None,
    problems: list[_Problem],
    opts: _Options,
    *,
    seen: dict[str, str] | None = None,
    with_encoding: bool = False,
    notes: list[str] | None = None,
) -> pd.DataFrame:
    """Validate raw canonical rows: the articles table with its report in attrs."""
    seen = {} if seen is None else seen
    problems = list(problems)
    n_extra = len(problems)  # records met that never became rows (bad lines, bad files)
    if frame is None or len(frame) == 0:
        frame = pd.DataFrame({c: pd.Series([], dtype="str") for c in ("text", _SRC, _ID, _ENC)})
        frame["date"] = pd.Series([], dtype=object)
        frame[_FILE] = np.zeros(0, dtype=np.int64)
        frame[_ROW] = np.zeros(0, dtype=np.int64)
    frame = frame.sort_values([_FILE, _ROW], kind="stable").reset_index(drop=True)
    n = len(frame)
    labels = frame[_SRC].tolist()
    if "article_id" in frame.columns:
        ids = _as_text(frame["article_id"]).str.strip()
        ids = ids.where(ids != "", frame[_ID].astype("str"))
    else:
        ids = frame[_ID].astype("str")
    ids = ids.astype("str").reset_index(drop=True)
    text = _as_text(frame["text"])
    dates, date_problems = _parse_dates(frame["date"], date_format=opts.date_format, tz=opts.tz)
    bad = np.zeros(n, dtype=bool)
    row_problem: dict[int, tuple[str, str]] = {}
    for pos, (reason, detail) in date_problems.items():
        row_problem[pos] = (reason, detail)
    empty = _blank_texts(text)
    for pos in np.flatnonzero(empty):
        row_problem.setdefault(int(pos), ("empty text", "the text is empty or only whitespace"))
    bad[list(row_problem)] = True
    id_values = ids.tolist()
    for pos in range(n):
        if bad[pos]:
            continue
        first = seen.get(id_values[pos])
        if first is not None:
            row_problem[pos] = ("duplicate id", f"first seen at {first}")
            bad[pos] = True
        else:
            seen[id_values[pos]] = labels[pos]
    files, rows = frame[_FILE].to_numpy(), frame[_ROW].to_numpy()
    for pos, (reason, detail) in row_problem.items():
        problems.append(
            _Problem(labels[pos], id_values[pos], reason, detail, int(files[pos]), int(rows[pos]))
        )
    problems.sort(key=lambda p: (p.file, p.row))
    if opts.strict and problems:
        first = problems[0]
        what = f"{first.reason}: {first.detail}"
        if first.article_id and first.reason in ("duplicate id", "empty text", "missing date"):
            what = f"{first.reason} (article {first.article_id!r}): {first.detail}"
        raise FramingError(what, where=first.source, fix=_FIXES.get(first.reason, "") + ".")
    keep = ~bad
    every = bool(keep.all())

    def kept(series: pd.Series) -> pd.Series:
        # filtered as Arrow strings: no round trip through Python objects
        return (series if every else series[keep]).reset_index(drop=True).astype("str")

    n_kept = int(keep.sum())
    blank = pd.Series(np.full(n_kept, "", dtype=object), dtype="str")
    articles = pd.DataFrame(
        {
            "article_id": kept(ids),
            "date": pd.Series(dates if every else dates[keep], dtype="datetime64[ns]"),
            "outlet": kept(_as_text(frame["outlet"])) if "outlet" in frame else blank,
            "title": kept(_as_text(frame["title"])) if "title" in frame else blank.copy(),
            "text": kept(text),
        }
    )
    for col in _OPTIONAL:
        if col in frame.columns:
            articles[col] = kept(_as_text(frame[col]))
    rest = [c for c in frame.columns if c not in (*_CORE, *_OPTIONAL, *_INTERNAL)]
    if rest:
        extra = frame.loc[keep, rest].reset_index(drop=True)
        articles = pd.concat([articles, extra], axis=1)
    articles["source"] = kept(frame[_SRC])
    if with_encoding and "encoding" not in articles.columns:
        articles["encoding"] = kept(frame[_ENC])
    set_aside = _empty_set_aside()
    if problems:
        set_aside = pd.DataFrame(
            {
                "source": pd.Series([p.source for p in problems], dtype="str"),
                "article_id": pd.Series([p.article_id for p in problems], dtype="str"),
                "reason": pd.Series([p.reason for p in problems], dtype="str"),
                "detail": pd.Series([p.detail for p in problems], dtype="str"),
            }
        )
    report = IngestReport(
        n_read=n + n_extra, n_kept=len(articles), set_aside=set_aside, notes=list(notes or [])
    )
    assert report.n_read == report.n_kept + len(report.set_aside)
    _attach_report(articles, report)
    return articles


def _warn_set_aside(
    articles: pd.DataFrame, *, prefix: str = "", name: str = "articles", stacklevel: int = 3
) -> None:
    report = ingest_report(articles)
    if len(report.set_aside):
        warnings.warn(
            f"{prefix}{report.summary()}; see framing.ingest_report({name})",
            FramingWarning,
            stacklevel=stacklevel,
        )


# --------------------------------------------------------------------------------------
# public readers


def read_articles(
    source,
    *,
    format: str | None = None,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    strict: bool = False,
    date_format: str | None = None,
    tz: str | None = "UTC",
    text_column_fallbacks: bool = True,
    sidecar=None,
    recursive: bool = False,
) -> pd.DataFrame:
    """Read articles from files into the articles table, setting aside what cannot be used.

    Parameters
    ----------
    source : str, Path or list of them
        A file, a folder, a glob pattern (``"data/*.jsonl"``, ``"data/**/*.txt"``) or a list
        of files and folders. Files are read in the order of their paths; rows in file order.
    format : {"csv", "tsv", "json", "jsonl", "parquet", "txt", "html"}, optional
        The format, when the extension does not say (``.csv``; ``.tsv``/``.tab``; ``.json``
        (a list of objects or ``{"articles": [...]}``); ``.jsonl``/``.ndjson``;
        ``.parquet``/``.pq``; ``.txt``/``.md`` (one article per file); ``.html``/``.htm``).
        For a folder, only the files of that format are read.
    columns : dict, optional
        Input column name -> article column, e.g. ``{"published": "date", "body": "text"}``.
        The common aliases listed in the module documentation need no mapping.
    encoding : str, optional
        Force this encoding for every file; by default each file's is detected.
    strict : bool, default False
        Raise a :class:`FramingError` at the first problem instead of setting it aside.
    date_format : str, optional
        A strftime format (``"%d/%m/%Y"``) that every date must match.
    tz : str or None, default "UTC"
        Dates that carry a time zone are converted to this zone, then the zone is dropped;
        dates without a zone are kept as written. ``None`` keeps each date's local time.
    text_column_fallbacks : bool, default True
        Recognise the column aliases (``body`` for ``text``, ``published`` for ``date``, ...)
        when a canonical column is absent. ``False`` accepts only the canonical names and
        ``columns=``.
    sidecar : str or Path, optional
        For ``.txt``/``.md``/``.html`` files: a CSV of metadata keyed by a ``file`` column
        (file names, with or without extension) or an ``article_id`` column (file names
        without extension). By default ``metadata.csv`` beside the files is used when present.
        Front matter in a text file wins over the sidecar; the sidecar wins over what is
        extracted from an HTML page.
    recursive : bool, default False
        Also read the files in subfolders of a folder.

    Returns
    -------
    pandas.DataFrame
        The articles table (``article_id``, ``date``, ``outlet``, ``title``, ``text``, then
        ``lang``, ``url`` when present, every other input column, ``source`` and, for a
        folder, glob or list, ``encoding``), on a fresh RangeIndex, with an
        :class:`IngestReport` kept in ``attrs`` (get it with :func:`ingest_report`; it is
        saved with ``to_parquet``).

    Raises
    ------
    FramingError
        For a missing file, an unknown format, a file without a text or date column, a
        single file that is empty or cannot be decoded or parsed, or (``strict=True``) any
        problem with an article.

    Warns
    -----
    FramingWarning
        Once, when articles were set aside: ``"set aside 3 of 120 articles (2 unparseable
        date, 1 duplicate id); see framing.ingest_report(articles)"``.

    Notes
    -----
    See the module documentation (``help(framing.ingest)``) for the column aliases, how ids
    and ``source`` labels are made, the date formats and the encodings understood.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "news.csv").write_text(
    ...     "id,published,headline,body\\n"
    ...     "a1,2024-03-05T10:00:00+03:00,Summit,The summit ended.\\n"
    ...     "a2,5 March 2024,Border,Shelling resumed.\\n"
    ... )
    >>> articles = read_articles(folder / "news.csv")
    >>> articles[["article_id", "date", "title", "source"]]
      article_id                date   title      source
    0         a1 2024-03-05 07:00:00  Summit  news.csv:2
    1         a2 2024-03-05 00:00:00  Border  news.csv:3
    >>> ingest_report(articles)
    IngestReport: 2 articles read, 2 kept, 0 set aside
    """
    fmt = _check_format(format)
    opts = _check_options(
        columns=columns,
        encoding=encoding,
        date_format=date_format,
        tz=tz,
        text_column_fallbacks=text_column_fallbacks,
        strict=strict,
        sidecar=sidecar,
    )
    files, single, notes = _expand(source, format=fmt, recursive=recursive, sidecar=opts.sidecar)
    problems: list[_Problem] = []
    frames = []
    used: set[str] = set()
    for file in files:
        if file.fmt in _DOCUMENT_FORMATS:
            continue
        try:
            raw = _read_table_file(file, opts, problems)
        except _FileFailure as failure:
            if single or opts.strict:
                _raise_file_failure(file, failure)
            problems.append(_Problem(file.label, "", failure.reason, failure.detail, file.index, 0))
            continue
        if raw is not None:
            frames.append(_canonical_columns(raw, opts, file.label, "table", used))
    documents = [f for f in files if f.fmt in _DOCUMENT_FORMATS]
    if documents:
        raw = _read_documents(documents, opts, problems, single or opts.strict, notes)
        if raw is not None:
            where = documents[0].label if single else _folder_label(source, documents)
            frames.append(_canonical_columns(raw, opts, where, "documents", used))
    unused = [key for key in opts.columns if key not in used]
    if frames and unused:
        found = sorted({c for f in frames for c in f.columns if c not in _INTERNAL})
        raise FramingError(
            f"columns= names {', '.join(map(repr, unused))}, which no file has "
            f"(columns found: {', '.join(map(repr, found))})",
            where="columns",
            fix="Use the column names as they appear in the files.",
        )
    frame = pd.concat(frames, ignore_index=True) if frames else None
    articles = _finish(frame, problems, opts, with_encoding=not single, notes=notes)
    _warn_set_aside(articles)
    return articles


def _folder_label(source, documents: list[_File]) -> str:
    if isinstance(source, (str, os.PathLike)):
        return Path(source).name or str(source)
    return f"{len(documents)} files"


# the encodings nltk.corpus declares for these corpora (read the same way, the text is the same)
_NLTK_ENCODINGS = {"inaugural": "latin1", "state_union": "ISO-8859-2"}


def read_nltk_corpus(name: str = "inaugural", *, fileids=None) -> pd.DataFrame:
    """Read an NLTK plain-text corpus whose file names start with a year into an articles table.

    Made for ``inaugural`` (US inaugural addresses, 1789-2021) and ``state_union`` (State of
    the Union addresses, 1945-2006). Each file is one article: ``article_id`` is the fileid
    (``"1789-Washington.txt"``), ``date`` is **1 January** of the year in the name (the
    corpora do not record the day), ``outlet`` the speaker (``"Washington"``), ``title``
    ``"1789 Washington"``, ``text`` the raw text and ``lang`` ``"en"``.

    NLTK data is looked up on NLTK's data path (the ``NLTK_DATA`` environment variable, or
    ``nltk.data.path``); nothing is ever downloaded.

    Parameters
    ----------
    name : str, default "inaugural"
        The corpus name, as in ``nltk.corpus``.
    fileids : list of str, optional
        Read only these files.

    Returns
    -------
    pandas.DataFrame
        The articles table with an :class:`IngestReport` in ``attrs``.

    Raises
    ------
    FramingError
        If the corpus is not installed, is not a year-named plain-text corpus, or a fileid is
        unknown.

    Examples
    --------
    A stand-in corpus in a temporary NLTK data folder (with NLTK_DATA set, use
    ``read_nltk_corpus("inaugural")``):

    >>> import tempfile, pathlib, nltk
    >>> data = pathlib.Path(tempfile.mkdtemp())
    >>> (data / "corpora" / "speeches").mkdir(parents=True)
    >>> _ = (data / "corpora" / "speeches" / "1789-Washington.txt").write_text("Fellow-Citizens")
    >>> nltk.data.path.insert(0, str(data))
    >>> speeches = read_nltk_corpus("speeches")
    >>> nltk.data.path.remove(str(data))
    >>> speeches[["article_id", "date", "outlet", "title"]]
                article_id       date      outlet            title
    0  1789-Washington.txt 1789-01-01  Washington  1789 Washington
    >>> read_nltk_corpus("no_such_corpus")
    Traceback (most recent call last):
    ...
    framing._errors.FramingError: the NLTK corpus 'no_such_corpus' is not installed. Install it with python -m nltk.downloader no_such_corpus, or set NLTK_DATA to a folder that holds corpora/no_such_corpus
    """
    if not isinstance(name, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise choices_error("name", name, ["inaugural", "state_union"])
    import nltk

    try:
        root = nltk.data.find(f"corpora/{name}")
    except LookupError as exc:
        raise FramingError(
            f"the NLTK corpus {name!r} is not installed",
            fix=f"Install it with python -m nltk.downloader {name}, or set NLTK_DATA to a "
            f"folder that holds corpora/{name}",
        ) from exc
    from nltk.corpus.reader import PlaintextCorpusReader

    try:
        corpus = PlaintextCorpusReader(
            root, r"(?!\.).*\.txt", encoding=_NLTK_ENCODINGS.get(name, "utf8")
        )
        available = list(corpus.fileids())
    except (LookupError, OSError) as exc:
        raise FramingError(
            f"the NLTK corpus {name!r} could not be loaded ({exc})",
            fix=f"Reinstall it with python -m nltk.downloader {name}",
        ) from exc
    if not available:
        raise FramingError(
            f"the NLTK corpus {name!r} has no .txt files",
            where="name",
            fix="read_nltk_corpus reads plain-text corpora such as 'inaugural' and 'state_union'.",
        )
    if fileids is None:
        wanted = available
    else:
        wanted = [fileids] if isinstance(fileids, str) else list(fileids)
        unknown = [f for f in wanted if f not in set(available)]
        if unknown:
            shown = ", ".join(map(repr, available[:3]))
            raise FramingError(
                f"{', '.join(map(repr, unknown))} is not a file of the corpus {name!r}",
                where="fileids",
                fix=f"Use names from nltk.corpus.{name}.fileids(), e.g. {shown}.",
            )
    pattern = re.compile(r"^(\d{4})-([^./\\]+?)(?:-\d+)?\.\w+$")
    rows = []
    for fid in wanted:
        match = pattern.match(fid)
        if match is None:
            raise FramingError(
                f"the file {fid!r} of the corpus {name!r} does not start with a year",
                where="name",
                fix="read_nltk_corpus reads corpora such as 'inaugural' and 'state_union'.",
            )
        year, speaker = match.groups()
        rows.append(
            {
                "article_id": fid,
                "date": f"{year}-01-01",
                "outlet": speaker,
                "title": f"{year} {speaker}",
                "text": corpus.raw(fid),
                "lang": "en",
                _SRC: f"{name}/{fid}",
                _ID: fid,
                _FILE: 0,
                _ROW: len(rows),
                _ENC: "",
            }
        )
    frame = pd.DataFrame(rows, columns=[*_CORE, "lang", *_INTERNAL])
    opts = _check_options(columns=None, encoding=None, date_format=None, tz="UTC")
    articles = _finish(frame, [], opts)
    _warn_set_aside(articles)
    return articles


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
    fmt = _check_format(format)
    opts = _check_options(columns=columns, encoding=encoding, date_format=None, tz="UTC")
    files, single, notes = _expand(source, format=fmt, recursive=False, sidecar=None)
    not_streamable = [f.label for f in files if f.fmt not in _STREAM_FORMATS]
    if not_streamable:
        raise FramingError(
            f"cannot stream {', '.join(map(repr, not_streamable[:3]))}: iter_article_chunks "
            "reads CSV, TSV, JSONL and Parquet",
            where="source",
            fix="Read JSON, .txt and HTML files with read_articles.",
        )
    return _chunks(files, single, notes, opts, int(chunk_size))


def _chunks(files, single, notes, opts, chunk_size) -> Iterator[pd.DataFrame]:
    seen: dict[str, str] = {}
    pending_notes = list(notes)
    number = 0
    for file in files:
        try:
            for raw, problems in _file_chunks(file, opts, chunk_size):
                number += 1
                frame = None
                if raw is not None and len(raw):
                    frame = _canonical_columns(raw, opts, file.label, "table")
                chunk = _finish(
                    frame,
                    problems,
                    opts,
                    seen=seen,
                    with_encoding=not single,
                    notes=pending_notes,
                )
                pending_notes = []
                _warn_set_aside(chunk, prefix=f"chunk {number} ({file.label}): ", name="chunk")
                yield chunk
        except _FileFailure as failure:
            if single:
                _raise_file_failure(file, failure)
            number += 1
            problem = _Problem(file.label, "", failure.reason, failure.detail, file.index, 0)
            chunk = _finish(
                None, [problem], opts, seen=seen, with_encoding=True, notes=pending_notes
            )
            pending_notes = []
            _warn_set_aside(chunk, prefix=f"chunk {number} ({file.label}): ", name="chunk")
            yield chunk


def _stream_encoding(file: _File, forced: str | None) -> str:
    with open(file.path, "rb") as handle:
        head = handle.read(1 << 20)
    if not head.strip():
        raise _FileFailure("empty file", "the file is empty")
    if forced:
        return forced
    encoding = _detect_encoding(head, partial=True)
    text = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
    try:
        _check_text(text, encoding)
    except _Undecodable as exc:
        raise _FileFailure("undecodable bytes", exc.detail) from exc
    return encoding


def _file_chunks(file: _File, opts: _Options, chunk_size: int):
    """Yield ``(raw frame or None, problems)`` per chunk of one file."""
    if file.fmt == "parquet":
        any_rows = False
        for raw in _parquet_raw(file, chunk_size):
            any_rows = True
            yield raw, []
        if not any_rows:
            raise _FileFailure("empty file", "the file has no rows")
        return
    encoding = _stream_encoding(file, opts.encoding)

    def raw(frame, start):
        labels = [f"{file.label}:{start + i + 2}" for i in range(len(frame))]
        rows = range(start, start + len(frame))
        return _raw_frame(frame, file, labels, labels, rows, encoding), []

    start = 0
    if file.fmt in ("csv", "tsv") and encoding in ("utf-8", "utf-8-sig"):
        with open(file.path, "rb") as handle:
            head = handle.read(1 << 16)
        text = codecs.getincrementaldecoder("utf-8")("replace").decode(head).lstrip("\ufeff")
        stream = _ArrowCsvStream(file, head, _csv_options(file.fmt, text)["sep"], chunk_size)
        for frame in stream:
            yield raw(frame, start)
            start += len(frame)
        if stream.complete:
            return
    done = start  # rows Arrow has read: pandas reads on from there
    try:
        with open(file.path, encoding=encoding, newline="" if file.fmt != "jsonl" else None) as fh:
            if file.fmt == "jsonl":
                yield from _jsonl_chunks(fh, file, encoding, chunk_size)
                return
            head = fh.read(1 << 16)
            fh.seek(0)
            options = _csv_options(file.fmt, head.lstrip("\ufeff"))
            try:
                reader = pd.read_csv(fh, chunksize=chunk_size, **options)
            except pd.errors.EmptyDataError as exc:
                raise _FileFailure("empty file", "the file is empty") from exc
            start = 0
            with reader:
                for frame in reader:
                    _check_fields(frame, file.fmt)
                    frame.columns = [str(c).lstrip("\ufeff") for c in frame.columns]
                    if start + len(frame) > done:
                        skip = max(done - start, 0)
                        yield raw(frame.iloc[skip:], start + skip)
                    start += len(frame)
            if start == 0:
                raise _FileFailure("empty file", "the file has a header but no rows")
    except UnicodeDecodeError as exc:
        raise _FileFailure(
            "undecodable bytes", f"cannot decode the file with {encoding}: {exc.reason}"
        ) from exc
    except (pd.errors.ParserError, csv.Error) as exc:
        raise _FileFailure("unreadable file", f"malformed {file.fmt.upper()}: {exc}") from exc


def _parquet_raw(file: _File, chunk_size: int, row_groups=None, start: int = 0):
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
            labels = [f"{file.label}:{start + i + 1}" for i in range(len(frame))]
            rows = range(start, start + len(frame))
            start += len(frame)
            yield _raw_frame(frame, file, labels, labels, rows, "")
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise _FileFailure("unreadable file", f"not a readable Parquet file: {exc}") from exc


@dataclass(frozen=True)
class _Piece:
    """Some row groups of one Parquet file, read and counted by one worker process."""

    file: _File
    row_groups: tuple[int, ...]
    start: int  # the file row of its first row
    n_rows: int
    opts: _Options
    single: bool
    chunk_size: int


def _source_bytes(source, *, format=None) -> int:
    """The size on disk of the files ``source`` names (0 when it names none)."""
    files, _, _ = _expand(source, format=_check_format(format), recursive=False, sidecar=None)
    total = 0
    for file in files:
        try:
            total += file.path.stat().st_size
        except OSError:
            pass
    return total


def _parquet_pieces(source, *, chunk_size: int, format=None, columns=None, encoding=None,
                    min_pieces: int = 1):  # fmt: skip
    """``(pieces, notes)``: every row group of ``source`` as a :class:`_Piece`, when every
    file is a Parquet file whose metadata reads and there are at least ``min_pieces`` row
    groups with rows; else ``None`` (stream it with :func:`iter_article_chunks`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    fmt = _check_format(format)
    opts = _check_options(columns=columns, encoding=encoding, date_format=None, tz="UTC")
    files, single, notes = _expand(source, format=fmt, recursive=False, sidecar=None)
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
                pieces.append(_Piece(file, (g,), start, n, opts, single, int(chunk_size)))
            start += n
        if start == 0:
            return None  # an empty file: the streaming path reports it
    if len(pieces) < min_pieces:
        return None
    return pieces, notes


def _piece_chunks(piece: _Piece, seen: dict[str, str]) -> Iterator[pd.DataFrame]:
    """The articles tables of a piece, as :func:`iter_article_chunks` makes them; an id in
    ``seen`` (id -> source label, updated) is set aside as a duplicate."""
    raws = _parquet_raw(piece.file, piece.chunk_size, piece.row_groups, piece.start)
    while True:
        try:
            raw = next(raws)
        except StopIteration:
            return
        except _FileFailure as failure:
            _raise_file_failure(piece.file, failure)
        frame = _canonical_columns(raw, piece.opts, piece.file.label, "table")
        yield _finish(frame, [], piece.opts, seen=seen, with_encoding=not piece.single)


def _jsonl_chunks(handle, file: _File, encoding: str, chunk_size: int):
    records, numbers_, problems = [], [], []
    met = 0
    for lineno, item in _jsonl_records(handle, file):
        if isinstance(item, _Problem):
            problems.append(item)
        else:
            records.append(item)
            numbers_.append(lineno)
        met += 1
        if len(records) + len(problems) >= chunk_size:
            yield (_records_frame(records, file, numbers_, encoding) if records else None), problems
            records, numbers_, problems = [], [], []
    if records or problems:
        yield (_records_frame(records, file, numbers_, encoding) if records else None), problems
    if met == 0:
        raise _FileFailure("empty file", "the file is empty")
