"""read_articles, the ingest pipeline in a few calls; and articles_table, the checks every
article passes (the streaming readers share them)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from .._errors import FramingError
from .._memory import release_memory
from .columns import CORE, OPTIONAL, as_text, canonical_columns, structured_texts
from .dates import parse_dates, warn_outlying_dates
from .documents import read_documents
from .files import (
    DOCUMENT_FORMATS,
    RAW_COLUMNS,
    RAW_ENCODING,
    RAW_FILE,
    RAW_ID,
    RAW_ROW,
    RAW_SOURCE,
    File,
    FileFailure,
    Options,
    check_format,
    check_options,
    list_files,
    raise_file_failure,
)
from .formats import read_table_file
from .report import FIXES, IngestReport, Problem, attach_report, set_aside_table, warn_set_aside


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
    html_dates: str = "metadata",
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
    html_dates : {"metadata", "text"}, default "metadata"
        Where an HTML page's date comes from. ``"metadata"``: the page's publication-date
        markup only (``article:published_time`` and similar meta tags, a JSON-LD
        ``datePublished``, a ``<time pubdate>``), else a date in its URL; a page with neither
        is set aside as "missing date". ``"text"`` also searches the page's text and footer
        (htmldate's heuristics), which can take a date the article mentions ("the treaty
        signed on 2 May 2019").
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
    >>> from framing import ingest_report
    >>> ingest_report(articles)
    IngestReport: 2 articles read, 2 kept, 0 set aside
    """
    fmt = check_format(format)
    opts = check_options(
        columns=columns,
        encoding=encoding,
        date_format=date_format,
        tz=tz,
        text_column_fallbacks=text_column_fallbacks,
        strict=strict,
        sidecar=sidecar,
        html_dates=html_dates,
    )
    files, single, notes = list_files(source, format=fmt, recursive=recursive, sidecar=opts.sidecar)
    problems: list[Problem] = []
    used: set[str] = set()
    frames = _read_tables(files, opts, problems, used, single=single, notes=notes)
    frames += _read_document_files(source, files, opts, problems, used, single=single, notes=notes)
    _check_columns_used(opts, frames, used)
    frame = pd.concat(frames, ignore_index=True) if frames else None
    articles = articles_table(frame, problems, opts, with_encoding=not single, notes=notes)
    del frame, frames
    # what Arrow's allocator keeps from the read (decoding buffers, the raw frame; about
    # 200 MB of a 1 GB Parquet corpus) would add to what is counted next
    release_memory(trim=False)
    report = IngestReport.from_json(articles.attrs["ingest_report"])
    report.inputs = [str(f.path) for f in files]
    attach_report(articles, report)
    warn_set_aside(articles)
    warn_outlying_dates(articles)
    return articles


def _read_tables(files: list[File], opts: Options, problems, used, *, single: bool, notes: list):
    """The canonical frames of the tabular files; a file that fails is a problem (or, alone
    or with ``strict``, an error)."""
    frames = []
    for file in files:
        if file.fmt in DOCUMENT_FORMATS:
            continue
        try:
            raw = read_table_file(file, opts, problems, notes)
        except FileFailure as failure:
            if single or opts.strict:
                raise_file_failure(file, failure)
            problems.append(Problem(file.label, "", failure.reason, failure.detail, file.index, 0))
            continue
        if raw is not None:
            frames.append(canonical_columns(raw, opts, file.label, "table", used))
    return frames


def _read_document_files(
    source, files: list[File], opts: Options, problems, used, *, single, notes
):
    """The canonical frame of the documents (.txt, .md, .html) among ``files``, as a list of
    one frame or none."""
    documents = [f for f in files if f.fmt in DOCUMENT_FORMATS]
    if not documents:
        return []
    raw = read_documents(documents, opts, problems, single or opts.strict, notes)
    if raw is None:
        return []
    where = documents[0].label if single else _folder_label(source, documents)
    return [canonical_columns(raw, opts, where, "documents", used)]


def _check_columns_used(opts: Options, frames: list[pd.DataFrame], used: set[str]) -> None:
    """Refuse a ``columns=`` key that no file read has as a column."""
    unused = [key for key in opts.columns if key not in used]
    if frames and unused:
        found = sorted({c for f in frames for c in f.columns if c not in RAW_COLUMNS})
        raise FramingError(
            f"columns= names {', '.join(map(repr, unused))}, which no file has "
            f"(columns found: {', '.join(map(repr, found))})",
            where="columns",
            fix="Use the column names as they appear in the files.",
        )


def _folder_label(source, documents: list[File]) -> str:
    """How errors name a folder, glob or list of documents."""
    if isinstance(source, (str, os.PathLike)):
        return Path(source).name or str(source)
    return f"{len(documents)} files"


def articles_table(
    frame: pd.DataFrame | None,
    problems: list[Problem],
    opts: Options,
    *,
    seen: dict[str, str] | None = None,
    with_encoding: bool = False,
    notes: list[str] | None = None,
) -> pd.DataFrame:
    """Check raw canonical rows: the articles table, with its report in ``attrs``.

    ``frame`` holds the rows read (columns renamed by :func:`canonical_columns`, plus the
    ``RAW_COLUMNS``), ``problems`` the records met that never became rows (bad lines, bad
    files). A row without a usable date or text, or whose id is in ``seen`` (id -> source
    label, updated with the ids kept), is set aside; ``opts.strict`` raises instead.
    """
    seen = {} if seen is None else seen
    problems = list(problems)
    n_extra = len(problems)  # records met that never became rows (bad lines, bad files)
    frame = _in_file_order(frame)
    labels = frame[RAW_SOURCE].tolist()
    ids = _article_ids(frame)
    id_values = ids.tolist()
    text = as_text(frame["text"])
    dates, date_problems = parse_dates(frame["date"], date_format=opts.date_format, tz=opts.tz)
    date_problems = {**structured_texts(frame["text"]), **date_problems}
    row_problem = _row_problems(text, date_problems, id_values, labels, seen)
    files, rows = frame[RAW_FILE].to_numpy(), frame[RAW_ROW].to_numpy()
    for pos, (reason, detail) in row_problem.items():
        problems.append(
            Problem(labels[pos], id_values[pos], reason, detail, int(files[pos]), int(rows[pos]))
        )
    problems.sort(key=lambda p: (p.file, p.row))
    if opts.strict and problems:
        _raise_first(problems)
    keep = np.ones(len(frame), dtype=bool)
    keep[list(row_problem)] = False
    articles = _kept_rows(frame, ids, text, dates, keep, with_encoding=with_encoding)
    report = IngestReport(
        n_read=len(frame) + n_extra,
        n_kept=len(articles),
        set_aside=set_aside_table(problems),
        notes=list(notes or []),
    )
    assert report.n_read == report.n_kept + len(report.set_aside)
    attach_report(articles, report)
    return articles


def _in_file_order(frame: pd.DataFrame | None) -> pd.DataFrame:
    """The raw rows in file and row order (no rows: an empty frame with the needed columns)."""
    if frame is None or len(frame) == 0:
        frame = pd.DataFrame(
            {c: pd.Series([], dtype="str") for c in ("text", RAW_SOURCE, RAW_ID, RAW_ENCODING)}
        )
        frame["date"] = pd.Series([], dtype=object)
        frame[RAW_FILE] = np.zeros(0, dtype=np.int64)
        frame[RAW_ROW] = np.zeros(0, dtype=np.int64)
    return frame.sort_values([RAW_FILE, RAW_ROW], kind="stable").reset_index(drop=True)


def _article_ids(frame: pd.DataFrame) -> pd.Series:
    """The ``article_id`` column, stripped; the row's default id where it is empty or absent."""
    if "article_id" in frame.columns:
        ids = as_text(frame["article_id"]).str.strip()
        ids = ids.where(ids != "", frame[RAW_ID].astype("str"))
    else:
        ids = frame[RAW_ID].astype("str")
    return ids.astype("str").reset_index(drop=True)


def _row_problems(text, date_problems, id_values, labels, seen) -> dict[int, tuple[str, str]]:
    """Row position -> ``(reason, detail)`` for the rows set aside: their date, then an empty
    text, then an id already ``seen`` (which gains the id and label of every other row)."""
    row_problem = dict(date_problems)
    for pos in np.flatnonzero(_blank_texts(text)):
        row_problem.setdefault(int(pos), ("empty text", "the text is empty or only whitespace"))
    checked = set(row_problem)
    for pos, article_id in enumerate(id_values):
        if pos in checked:
            continue
        first = seen.get(article_id)
        if first is not None:
            row_problem[pos] = ("duplicate id", f"first seen at {first}")
        else:
            seen[article_id] = labels[pos]
    return row_problem


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


def _raise_first(problems: list[Problem]) -> None:
    """The error ``strict=True`` raises: the first problem, in file and row order."""
    first = problems[0]
    what = f"{first.reason}: {first.detail}"
    if first.article_id and first.reason in ("duplicate id", "empty text", "missing date"):
        what = f"{first.reason} (article {first.article_id!r}): {first.detail}"
    raise FramingError(what, where=first.source, fix=FIXES.get(first.reason, "") + ".")


def _kept_rows(frame, ids, text, dates, keep, *, with_encoding: bool) -> pd.DataFrame:
    """The articles table of the rows ``keep`` marks: canonical columns first, then the
    optional ones, every other input column, ``source`` (and ``encoding``)."""
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
            "outlet": kept(as_text(frame["outlet"])) if "outlet" in frame else blank,
            "title": kept(as_text(frame["title"])) if "title" in frame else blank.copy(),
            "text": kept(text),
        }
    )
    for col in OPTIONAL:
        if col in frame.columns:
            articles[col] = kept(as_text(frame[col]))
    rest = [c for c in frame.columns if c not in (*CORE, *OPTIONAL, *RAW_COLUMNS)]
    if rest:
        extra = frame.loc[keep, rest].reset_index(drop=True)
        articles = pd.concat([articles, extra], axis=1)
    articles["source"] = kept(frame[RAW_SOURCE])
    if with_encoding and "encoding" not in articles.columns:
        articles["encoding"] = kept(frame[RAW_ENCODING])
    return articles
