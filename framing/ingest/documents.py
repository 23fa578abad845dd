"""Documents into raw frames: ``.txt``/``.md`` files with YAML front matter, saved HTML pages,
and the ``metadata.csv`` sidecars that give them their columns."""

from __future__ import annotations

import io
import json
import re
import warnings
from pathlib import Path, PurePosixPath

import numpy as np
import pandas as pd

from .._errors import FramingError
from .columns import ALIASES
from .encodings import Undecodable, decode
from .files import (
    RAW_ENCODING,
    RAW_FILE,
    RAW_ID,
    RAW_ROW,
    RAW_SOURCE,
    SIDECAR_NAME,
    File,
    FileFailure,
    Options,
    raise_file_failure,
    read_bytes,
)
from .formats import check_fields, csv_options
from .report import Problem, warn_repaired

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


#: meta tags (name, property or itemprop, lower-cased) that hold a publication date
_META_DATES = (
    "article:published_time", "og:published_time", "article:published", "datepublished",
    "pubdate", "publishdate", "publish_date", "publish-date", "publication_date", "date",
    "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "article.published", "citation_publication_date",
    "citation_date", "cxenseparse:recs:publishtime", "og:article:published_time",
)  # fmt: skip
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:[/._-]|$)")


def metadata_date(html: str, url: str | None = None) -> str | None:
    """The publication date an HTML page declares in its markup, else the one in its URL.

    Never a date from the text: an article that mentions "the treaty signed on 2 May 2019",
    or a footer "Updated 12 March 2021", is not dated by it.

    Examples
    --------
    >>> metadata_date('<meta property="article:published_time" content="2024-02-23T10:00">')
    '2024-02-23T10:00'
    >>> metadata_date("<p>The treaty signed on 2 May 2019.</p>", "https://x.am/2024/02/23/csto")
    '2024-02-23'
    >>> metadata_date("<p>The treaty signed on 2 May 2019.</p>") is None
    True
    """
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        tree = None
    if tree is not None:
        found = _markup_date(tree)
        if found:
            return found
    m = _URL_DATE.search(url or "")
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


def _markup_date(tree) -> str | None:
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _META_DATES and (meta.get("content") or "").strip():
            return meta.get("content").strip()
    for time in tree.iter("time"):
        if (time.get("itemprop") == "datePublished" or "pubdate" in time.attrib) and time.get(
            "datetime"
        ):
            return time.get("datetime").strip()
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json":
            found = _json_ld_date(script.text or "")
            if found:
                return found
    return None


def _json_ld_date(text: str) -> str | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, str) and value.strip():
                return value.strip()
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return None


def _html_record(text: str, dates: str = "metadata") -> dict:
    from trafilatura import bare_extraction

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = bare_extraction(text, with_metadata=True, include_comments=False)
    if doc is None:
        return {"text": ""}
    doc = doc if isinstance(doc, dict) else doc.as_dict()
    date = doc.get("date") if dates == "text" else metadata_date(text, doc.get("url"))
    record = {
        "text": doc.get("text") or "",
        "title": doc.get("title"),
        "date": date,
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

    def __init__(self, opts: Options):
        self.opts = opts
        self.cache: dict[Path, tuple[str, dict, set]] = {}
        self.folders: dict[Path, Path | None] = {}

    def path_for(self, folder: Path) -> Path | None:
        if self.opts.sidecar is not None:
            return self.opts.sidecar.resolve()
        if folder not in self.folders:
            found = None
            for candidate in sorted(folder.iterdir()):
                if candidate.name.lower() == SIDECAR_NAME and candidate.is_file():
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
            text, _, _ = decode(data, self.opts.encoding, strict=True)
            frame = pd.read_csv(io.StringIO(text), **csv_options("csv", text))
        except (Undecodable, pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
            raise FramingError(
                f"cannot read the metadata sidecar: {exc}",
                where=label,
                fix="Save it as a CSV with a header and a 'file' or 'article_id' column.",
            ) from exc
        try:
            check_fields(frame, "csv")
        except FileFailure as exc:
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


def read_documents(files: list[File], opts: Options, problems: list, single: bool, notes: list):
    """Read .txt/.md/.html files, one article each, into one raw frame."""
    sidecars = _Sidecars(opts)
    records, kept = [], []
    for file in files:
        default_id = str(PurePosixPath(file.label).with_suffix(""))
        try:
            record, encoding = _document_record(file, opts, sidecars, notes)
        except FileFailure as failure:
            if single:
                raise_file_failure(file, failure)
            problems.append(
                Problem(file.label, default_id, failure.reason, failure.detail, file.index, 0)
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
            RAW_SOURCE: pd.Series([f.label for f, _, _ in kept], dtype="str"),
            RAW_ID: pd.Series([i for _, i, _ in kept], dtype="str"),
            RAW_FILE: np.asarray([f.index for f, _, _ in kept], dtype=np.int64),
            RAW_ROW: np.zeros(len(kept), dtype=np.int64),
            RAW_ENCODING: pd.Series([e for _, _, e in kept], dtype="str"),
        }
    )
    return pd.concat([frame, extra], axis=1)


def _document_record(
    file: File, opts: Options, sidecars: _Sidecars, notes: list
) -> tuple[dict, str]:
    """One document as ``(record, encoding)``: its text and metadata (front matter over the
    sidecar over what is extracted from HTML); a :class:`FileFailure` when it has none."""
    data = read_bytes(file)
    if not data.strip():
        raise FileFailure("empty file", "the file is empty")
    try:
        text, encoding, note = decode(data, opts.encoding, strict=opts.strict)
    except Undecodable as exc:
        raise FileFailure("undecodable bytes", exc.detail) from exc
    if note:
        warn_repaired(file.label, note, notes)
    if not text.strip():
        raise FileFailure("empty file", "the file is empty")
    meta = sidecars.lookup(file.path)
    if file.fmt == "txt":
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        try:
            front, body = _front_matter(text)
        except ValueError as exc:
            raise FileFailure("malformed front matter", str(exc)) from exc
        return {**meta, **front, "text": body.strip()}, encoding
    try:
        extracted = _html_record(text, opts.html_dates)
    except Exception as exc:  # trafilatura may fail in many ways on odd pages
        raise FileFailure("unreadable file", f"HTML extraction failed: {exc!r}") from exc
    return {**extracted, **meta}, encoding
