"""How the counting functions treat copies: keep them, drop them, or credit their origin."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._errors import FramingError, choices_error

__all__ = ["COPIES", "choose_copies", "add_copy_summary"]

#: what count_by_period, compare and keyness can do with copies
COPIES = ("keep", "drop", "origin")


def choose_copies(hits: pd.DataFrame, articles: pd.DataFrame, copies: str, function: str):
    """The hits and articles to count under a ``copies=`` choice, and a summary of the change.

    * ``"keep"``: every article counts, copies too (the tables unchanged);
    * ``"drop"``: each story counts once, at its original: the copies (``copy_of`` not
      empty) and their hits are left out, with their tokens;
    * ``"origin"``: every article counts, but a copy counts for its original's outlet: its
      ``outlet`` becomes the original's (its date, tokens and hits stay its own), so a wire
      story reprinted by ten papers is ten hits of the wire, not of the papers.

    The summary (None for ``"keep"`` without copy columns) says how many copies there were
    and how many hits and tokens were dropped or moved to another outlet.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["w", "c"], "outlet": ["Wire", "Daily"],
    ...     "text": ["x", "x"], "story_id": ["w", "w"], "copy_of": ["", "w"]})
    >>> hits = pd.DataFrame({"article_id": ["w", "c", "c"], "frame": "threat"})
    >>> h, a, summary = choose_copies(hits, arts, "drop", "count_by_period")
    >>> len(h), a["article_id"].tolist(), summary["hits_dropped"]
    (1, ['w'], 2)
    >>> h, a, summary = choose_copies(hits, arts, "origin", "count_by_period")
    >>> a["outlet"].tolist(), summary["hits_moved"]
    (['Wire', 'Wire'], 2)
    """
    if copies not in COPIES:
        raise choices_error(f"{function}(copies=...)", copies, COPIES)
    marked = isinstance(articles, pd.DataFrame) and "copy_of" in articles.columns
    if copies == "keep" and not marked:
        return hits, articles, None
    if not marked:
        raise FramingError(
            f"copies={copies!r} needs to know which articles are copies, but the articles "
            "table has no 'copy_of' column",
            where=f"{function}(copies=...)",
            fix="Run articles = fr.find_copies(articles) first and pass that table.",
        )
    copy_of = articles["copy_of"].fillna("").astype(str)
    is_copy = (copy_of != "").to_numpy()
    ids = articles["article_id"].astype(str)
    copy_ids = set(ids[is_copy])
    hit_is_copy = (
        hits["article_id"].astype(str).isin(copy_ids).to_numpy()
        if isinstance(hits, pd.DataFrame) and "article_id" in hits.columns
        else np.zeros(0, dtype=bool)
    )
    summary = {
        "copies": copies,
        "n_copies": int(is_copy.sum()),
        "n_stories_with_copies": int(copy_of[is_copy].nunique()),
        "n_hits_in_copies": int(hit_is_copy.sum()),
        "share_of_hits_in_copies": float(hit_is_copy.mean()) if len(hit_is_copy) else 0.0,
    }
    if copies == "drop":
        kept_hits = hits.loc[~hit_is_copy]
        kept_hits.attrs = dict(hits.attrs)
        kept = articles.loc[~is_copy]
        kept.attrs = dict(articles.attrs)
        summary["articles_dropped"] = int(is_copy.sum())
        summary["hits_dropped"] = int(hit_is_copy.sum())
        if "n_tokens" in articles.columns:
            summary["tokens_dropped"] = int(articles.loc[is_copy, "n_tokens"].sum())
        return kept_hits, kept, summary
    if copies == "origin":
        return hits, _credited(articles, ids, copy_of, is_copy, hit_is_copy, hits, summary), summary
    return hits, articles, summary


def _credited(articles, ids, copy_of, is_copy, hit_is_copy, hits, summary) -> pd.DataFrame:
    """The articles with each copy's outlet replaced by its original's."""
    if "outlet" not in articles.columns:
        raise FramingError(
            "copies='origin' credits copies to their original's outlet, but the articles "
            "table has no 'outlet' column",
            where="copies='origin'",
            fix="Use copies='drop', or add an 'outlet' column.",
        )
    outlet_of = dict(zip(ids, articles["outlet"], strict=True))
    original_outlet = copy_of.map(outlet_of)
    moved = is_copy & (original_outlet.notna().to_numpy())
    out = articles.copy()
    out.loc[moved, "outlet"] = original_outlet[moved].to_numpy()
    changed = moved & (out["outlet"].astype(str) != articles["outlet"].astype(str)).to_numpy()
    moved_ids = set(ids[changed])
    summary["articles_moved"] = int(changed.sum())
    summary["hits_moved"] = (
        int(hits["article_id"].astype(str).isin(moved_ids).sum()) if len(hit_is_copy) else 0
    )
    return out


def add_copy_summary(table: pd.DataFrame, summary: dict | None) -> pd.DataFrame:
    """Put the copies summary into ``table.attrs["provenance"]["copies"]`` (in place).

    Examples
    --------
    >>> t = add_copy_summary(pd.DataFrame({"a": [1]}), {"copies": "drop"})
    >>> t.attrs["provenance"]["copies"]
    {'copies': 'drop'}
    """
    if summary is not None:
        table.attrs.setdefault("provenance", {})["copies"] = summary
    return table
