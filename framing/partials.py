"""The additive pieces of a counts table (:class:`CountPartials`), counted and added up.

A counts table is a function of per-group denominators (articles, tokens) and per-cell
numerators (hits, articles with a hit), which add up over batches of articles that share no
article. :func:`framing.aggregate.count_partials` makes them from one batch, with
:func:`article_groups` and :func:`cell_counts` (which count on integer codes, not with
pandas group-bys); :func:`combine_partials` adds batches; and
:func:`framing.aggregate.counts_from_partials` finishes the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ._errors import FramingError

__all__ = ["CountPartials", "combine_partials", "article_groups", "cell_counts"]


@dataclass(eq=False)
class CountPartials:
    """The additive pieces of a counts table, from one batch of articles.

    A counts table is a function of two small tables that simply add up over batches of
    articles that share no article: per period and group, the number of articles and tokens
    (the *denominators*), and per period, group and frame (and entry), the number of hits and
    of articles with a hit (the *numerators*). :func:`count_partials` makes them from one
    batch, :func:`combine_partials` (or ``+``) adds batches, and :func:`counts_from_partials`
    finishes the counts table, which is then identical to :func:`count_by_period` on all
    the articles at once. This is how :func:`framing.count_corpus` counts corpora larger
    than memory, on several cores or on a Dask cluster.

    Attributes
    ----------
    denominators : DataFrame
        ``period`` (pandas Period), the ``by`` columns, ``n_articles``, ``n_tokens``.
    numerators : DataFrame
        ``period``, the ``by`` columns, ``frame`` (and ``entry``), ``n_hits``,
        ``n_articles_with_hit``; only cells with hits.
    freq : str
        The pandas period frequency.
    by : tuple of str
        The grouping columns.
    level : {"frame", "entry"}
    frames : list of str or None
        The frames of the lexicon the hits were found with (``hits.attrs["frames"]``).
    attrs : dict
        The rest of ``hits.attrs`` (lexicon name and hash, parameters), for provenance.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.aggregate import count_partials
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["A threat.", "Calm."],
    ...     "date": pd.to_datetime(["2024-01-03", "2024-01-20"])})
    >>> hits = pd.DataFrame({"article_id": ["a"], "frame": ["threat"]})
    >>> p = count_partials(hits.iloc[:1], arts.iloc[:1]) + count_partials(hits.iloc[:0], arts.iloc[1:])
    >>> p.denominators
        period  n_articles  n_tokens
    0  2024-01           2         3
    """

    denominators: pd.DataFrame
    numerators: pd.DataFrame
    freq: str
    by: tuple[str, ...]
    level: str
    frames: list | None = None
    attrs: dict = field(default_factory=dict)

    def __add__(self, other: CountPartials) -> CountPartials:
        return combine_partials([self, other])

    def __repr__(self) -> str:
        return (
            f"<CountPartials freq={self.freq!r} by={list(self.by)!r} level={self.level!r}: "
            f"{int(self.denominators['n_articles'].sum())} articles, "
            f"{int(self.numerators['n_hits'].sum())} hits>"
        )


def combine_partials(parts) -> CountPartials:
    """Add up the :class:`CountPartials` of batches that share no article.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.aggregate import count_partials
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["A threat.", "Threats."],
    ...     "date": pd.to_datetime(["2024-01-03", "2024-01-20"])})
    >>> hits = pd.DataFrame({"article_id": ["a", "b"], "frame": "threat"})
    >>> parts = [count_partials(hits.iloc[[i]], arts.iloc[[i]]) for i in range(2)]
    >>> combine_partials(parts).numerators
        period   frame  n_hits  n_articles_with_hit
    0  2024-01  threat       2                    2
    """
    parts = list(parts)
    if not parts or not all(isinstance(p, CountPartials) for p in parts):
        raise FramingError(
            "expected a non-empty list of CountPartials",
            where="combine_partials",
            fix="Make them with framing.aggregate.count_partials(hits, articles).",
        )
    first = parts[0]
    for p in parts[1:]:
        if (p.freq, p.by, p.level) != (first.freq, first.by, first.level):
            raise FramingError(
                f"cannot add partial counts made with freq={p.freq!r}, by={list(p.by)!r}, "
                f"level={p.level!r} to ones made with freq={first.freq!r}, "
                f"by={list(first.by)!r}, level={first.level!r}",
                where="combine_partials",
                fix="Count every batch with the same freq, by and level.",
            )
    if len(parts) == 1:
        return first
    keys = ["period", *first.by]

    def add(tables, group_keys, sums):
        tables = [t for t in tables if len(t)] or tables[:1]
        if len(tables) == 1:
            return tables[0].reset_index(drop=True)
        both = pd.concat(tables, ignore_index=True)
        return both.groupby(group_keys, sort=False, dropna=False)[sums].sum().reset_index()

    cell_keys = keys + (["frame", "entry"] if first.level == "entry" else ["frame"])
    frames = next((p.frames for p in parts if p.frames is not None), None)
    return CountPartials(
        denominators=add([p.denominators for p in parts], keys, ["n_articles", "n_tokens"]),
        numerators=add([p.numerators for p in parts], cell_keys, ["n_hits", "n_articles_with_hit"]),
        freq=first.freq,
        by=first.by,
        level=first.level,
        frames=frames,
        attrs=first.attrs,
    )


#: cells (groups x labels) and (article, label) pairs up to which cell_counts counts in
#: arrays over all of them rather than sorting the hits
_DENSE_CELLS = 4_000_000
_DENSE_PAIRS = 50_000_000


def article_groups(arts: pd.DataFrame, keys: list[str]) -> tuple[np.ndarray, pd.DataFrame]:
    """The group of every article by ``keys`` (numbered in order of first occurrence, as
    ``groupby(keys, sort=False).ngroup()``) and the groups' keys, one row per group.

    Computed on integer codes: a pandas groupby-aggregate cost 15-25 ms per call, most of
    what :func:`framing.count_corpus` spent on a chunk outside the scan.
    """
    code = np.zeros(len(arts), dtype=np.int64)
    for col in keys:
        values = arts[col]
        if isinstance(values.dtype, pd.PeriodDtype):
            values = values.array.asi8
        part, uniques = pd.factorize(values, use_na_sentinel=False)
        code = code * max(len(uniques), 1) + part
    article_group, _ = pd.factorize(code)
    article_group = article_group.astype(np.int64)
    n_groups = int(article_group.max()) + 1 if len(article_group) else 0
    first = np.full(n_groups, len(article_group), dtype=np.int64)
    np.minimum.at(first, article_group, np.arange(len(article_group), dtype=np.int64))
    groups = arts[keys].iloc[first].reset_index(drop=True)
    for col in keys:  # the dtypes a groupby gives its keys (str, int64 ... from object)
        if groups[col].dtype == object:
            groups[col] = groups[col].infer_objects()
    return article_group, groups


def cell_counts(
    article_group, groups: pd.DataFrame, hits, labels, position, n_arts
) -> pd.DataFrame:
    """Hits and articles with a hit per group (``article_group``, one row of ``groups`` each)
    and label (frame, entry), in the order cells first occur in the hits, counted on integer
    codes.

    (A merge of the hits with the articles on the id strings and a ``nunique`` per cell were
    most of the time :func:`framing.count_corpus` spent outside the scan.)
    """
    group = article_group[position]
    codes, levels = [], []
    n_labels = 1  # distinct label combinations
    for col in labels:
        code, uniques = pd.factorize(hits[col], use_na_sentinel=False)
        codes.append(code)
        levels.append(uniques)
        n_labels *= max(len(uniques), 1)
    label = np.zeros(len(position), dtype=np.int64)
    for code, uniques in zip(codes, levels, strict=True):
        label = label * len(uniques) + code
    cell = group.astype(np.int64) * n_labels + label
    n_arts = max(n_arts, 1)
    if len(groups) * n_labels <= _DENSE_CELLS:
        # few possible cells (the usual case): count them in arrays over all of them
        space = len(groups) * n_labels
        n_hits = np.bincount(cell, minlength=space)
        first = np.full(space, len(cell), dtype=np.int64)
        np.minimum.at(first, cell, np.arange(len(cell), dtype=np.int64))
        present = np.flatnonzero(n_hits)
        order = present[np.argsort(first[present], kind="stable")]  # by first occurrence
        if n_arts * n_labels <= _DENSE_PAIRS:  # (article, label) pairs with a hit
            mark = np.zeros(n_arts * n_labels, dtype=bool)
            mark[position * n_labels + label] = True
            pair = np.flatnonzero(mark)
        else:
            pair = np.unique(position * n_labels + label)
        owner = article_group[pair // n_labels].astype(np.int64) * n_labels + pair % n_labels
        with_hit = np.bincount(owner, minlength=space)
        rows, n_hits, with_hit = first[order], n_hits[order], with_hit[order]
    else:
        cells, first, inverse = np.unique(cell, return_index=True, return_inverse=True)
        order = np.argsort(first, kind="stable")  # cells in order of first occurrence
        n_hits = np.bincount(inverse, minlength=cells.size)[order]
        # articles with a hit: distinct (cell, article) pairs per cell
        pairs = np.unique(inverse.astype(np.int64) * n_arts + position)
        with_hit = np.bincount(pairs // n_arts, minlength=cells.size)[order]
        rows = first[order]  # one hit of each cell
    out = groups.iloc[group[rows]].reset_index(drop=True)
    for col, code, uniques in zip(labels, codes, levels, strict=True):
        dtype = "str" if hits[col].dtype == object else hits[col].dtype  # as a groupby makes it
        out[col] = pd.Series(np.asarray(uniques, dtype=object)[code[rows]], dtype=dtype)
    out["n_hits"] = n_hits.astype(np.int64)
    out["n_articles_with_hit"] = with_hit.astype(np.int64)
    return out
