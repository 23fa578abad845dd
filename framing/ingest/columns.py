"""The canonical columns of the articles table, their aliases, and the values as text."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._errors import FramingError
from .dates import is_missing
from .files import RAW_COLUMNS, Options

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

CORE = ("article_id", "date", "outlet", "title", "text")
OPTIONAL = ("lang", "url")


def canonical_columns(
    raw: pd.DataFrame, opts: Options, where: str, kind: str, used: set | None = None
) -> pd.DataFrame:
    """Rename the input columns to the canonical names; raise for a missing text or date."""
    original = [c for c in raw.columns if c not in RAW_COLUMNS]
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
            if name not in RAW_COLUMNS and name not in mapping.values():
                lower.setdefault(name.strip().lower(), name)
        taken = set()
        for canon, aliases in ALIASES.items():
            if canon in present:
                continue
            for candidate in (canon, *aliases):
                name = lower.get(candidate)
                if name is not None and name not in taken and name not in CORE + OPTIONAL:
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
    candidates = [c for c in raw.columns if c not in used and c not in (*CORE, *OPTIONAL)]
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


def _one_text(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple, dict, set, np.ndarray)):
        return str(value)
    if is_missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def structured_texts(series: pd.Series) -> dict[int, tuple[str, str]]:
    """Row position -> ``(reason, detail)`` for texts that are a JSON object or list, not a
    string: they are set aside rather than counted as their Python repr.

    Examples
    --------
    >>> structured_texts(pd.Series(["a text", {"body": "x"}, ["a", "b"]], dtype=object))
    {1: ('text not a string', "a JSON object (keys 'body') where the text should be: name the field that holds it, e.g. read_articles(..., columns={'body': 'text'})"), 2: ('text not a string', 'a JSON list where the text should be: join its items into one string before reading')}
    """
    if isinstance(series.dtype, pd.StringDtype) or series.dtype != object:
        return {}
    out = {}
    for pos, value in enumerate(series.to_numpy()):
        if isinstance(value, dict):
            keys = ", ".join(map(repr, list(value)[:5]))
            first = next(iter(value), "body")
            out[pos] = ("text not a string", f"a JSON object (keys {keys}) where the text should "
                        f"be: name the field that holds it, e.g. read_articles(..., "
                        f"columns={{{first!r}: 'text'}})")  # fmt: skip
        elif isinstance(value, (list, tuple, set, np.ndarray)):
            out[pos] = ("text not a string", "a JSON list where the text should be: join its "
                        "items into one string before reading")  # fmt: skip
    return out


def as_text(series: pd.Series) -> pd.Series:
    """Plain str values, ``""`` for missing ones."""
    if isinstance(series.dtype, pd.StringDtype):
        return series.fillna("").astype("str")
    return pd.Series([_one_text(v) for v in series.to_numpy()], index=series.index, dtype="str")
