"""What a table or figure was made from: the corpus, its files, its cleaning.

Every counts and comparison table carries ``attrs["provenance"]``; :mod:`framing.export`
writes it beside each saved table and into each saved figure. This module describes the
corpus part (:func:`corpus_provenance`): the number of articles, a content hash of their ids
and texts, the files they were read from, the cleaning they went through and the dates of
the first and the last article (which make a first or last period partial). The lexicon
(name, version, hash) comes from :func:`framing.find_hits`, the counting options (period,
band, smoothing window, seed) from the function that made the table, and the code version
from :func:`framing.save_table` and :func:`framing.save_figure`.

The content hash is order-independent and adds up over batches of articles
(:func:`combine_corpora`), so :func:`framing.count_corpus` gives the same hash as
:func:`framing.count_by_period` on the same articles.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

__all__ = ["corpus_provenance", "combine_corpora", "corpus_hash"]

_MASK = (1 << 64) - 1


def corpus_hash(articles: pd.DataFrame) -> int:
    """The sum (mod 2**64) of a fixed-key hash of each article's id and text.

    Examples
    --------
    >>> a = pd.DataFrame({"article_id": ["a", "b"], "text": ["One.", "Two."]})
    >>> corpus_hash(a) == corpus_hash(a.iloc[::-1])
    True
    >>> corpus_hash(a) == corpus_hash(a.assign(text=["One.", "Two!"]))
    False
    >>> corpus_hash(a) == corpus_hash(a.astype({"text": "str", "article_id": object}))
    True
    """
    columns = [c for c in ("article_id", "text") if c in articles.columns]
    if not columns or not len(articles):
        return 0
    # the same hash for str and object columns (tested), without copying the texts. Not
    # categorized first: texts are nearly all distinct, and finding the distinct ones costs
    # twice the hashing; the values are the same either way, except for missing values
    # (pandas hashes them differently on the two paths), which keep the path they had.
    table = articles[columns]
    missing = bool(table.isna().to_numpy().any())
    rows = pd.util.hash_pandas_object(table, index=False, categorize=missing)
    return int(rows.to_numpy(dtype=np.uint64).sum(dtype=np.uint64)) & _MASK


def corpus_provenance(articles: pd.DataFrame) -> dict:
    """The corpus part of a table's provenance: ``n_articles``, ``hash`` (hex), ``inputs``
    (the files read, from the ingest report) and ``cleaning`` (from :func:`framing.clean_articles`).

    Examples
    --------
    >>> a = pd.DataFrame({"article_id": ["a"], "text": ["One."]})
    >>> sorted(corpus_provenance(a))
    ['cleaning', 'first_date', 'hash', 'inputs', 'last_date', 'n_articles']
    """
    inputs = []
    report = articles.attrs.get("ingest_report")
    if isinstance(report, str):
        try:
            inputs = list(json.loads(report).get("inputs", []))
        except (ValueError, AttributeError):
            inputs = []
    first = last = None
    if "date" in articles.columns and len(articles):
        dates = pd.to_datetime(articles["date"], errors="coerce")
        if dates.dt.tz is not None:
            dates = dates.dt.tz_localize(None)
        if dates.notna().any():
            first, last = str(dates.min().date()), str(dates.max().date())
    return {
        "n_articles": int(len(articles)),
        "hash": f"{corpus_hash(articles):016x}",
        "inputs": inputs,
        "cleaning": articles.attrs.get("cleaning"),
        "first_date": first,
        "last_date": last,
    }


def combine_corpora(parts: list[dict]) -> dict | None:
    """The corpus provenance of several batches of distinct articles, added up.

    Examples
    --------
    >>> a = pd.DataFrame({"article_id": ["a", "b"], "text": ["One.", "Two."]})
    >>> both = combine_corpora([corpus_provenance(a.iloc[:1]), corpus_provenance(a.iloc[1:])])
    >>> both["hash"] == corpus_provenance(a)["hash"], both["n_articles"]
    (True, 2)
    """
    parts = [p for p in parts if p]
    if not parts:
        return None
    total = sum(int(p["hash"], 16) for p in parts) & _MASK
    inputs = list(dict.fromkeys(i for p in parts for i in p.get("inputs") or []))
    firsts = [p["first_date"] for p in parts if p.get("first_date")]
    lasts = [p["last_date"] for p in parts if p.get("last_date")]
    return {
        "n_articles": sum(int(p["n_articles"]) for p in parts),
        "hash": f"{total:016x}",
        "inputs": inputs,
        "cleaning": parts[0].get("cleaning"),
        "first_date": min(firsts) if firsts else None,
        "last_date": max(lasts) if lasts else None,
    }
