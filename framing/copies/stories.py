"""Exact comparison of candidate pairs, and stories: which articles copy which.

Two articles are copies when their word shingles (:mod:`.shingles`) overlap enough by one
of two measures, computed exactly on the full shingle sets of the candidate pairs:

* ``jaccard`` = |A ∩ B| / |A ∪ B|, the overall likeness (a reprint with a new lead, a cut
  ending or changed words);
* ``containment`` = |A ∩ B| / min(|A|, |B|), the share of the shorter text found in the
  longer (a wire story inside a longer local article), counted only when the shorter text is
  at least :data:`MIN_PART` of the longer, so a story is not the copy of a digest or a long
  transcript that quotes a paragraph of it.

Copies form a story: the connected pieces of the graph of copy pairs. Its original is the
article credited by the others (its outlet is the ``dateline_source`` of another member,
or that source's initials), else the earliest, then the longest, then the first in the
table; the others are its copies.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from .index import run_starts

__all__ = [
    "MIN_PART",
    "pair_measures",
    "copy_decisions",
    "story_groups",
    "story_heads",
    "origin_keys",
    "original_order",
    "credits",
]

#: the shorter text must be at least this share of the longer for containment to count
MIN_PART = 0.5


def pair_measures(hashes: np.ndarray, counts: np.ndarray, pairs: np.ndarray):
    """Exact ``(overlap, size of the first, size of the second)`` of each pair's shingle sets.

    ``hashes`` and ``counts`` are the shingles of the articles (numbered from 0 in the
    order given) that ``pairs`` refers to. All pairs are compared at once: each article's
    distinct shingles go into one sorted array of keys (article number in the top 24 bits,
    the shingle's top 40 bits below), and the shingles of the smaller article of each pair
    are looked up among the other's by one binary search.

    Examples
    --------
    >>> hashes = np.array([1, 2, 3, 2, 3, 4, 5, 5], dtype=np.uint64) << np.uint64(40)
    >>> [m.tolist() for m in pair_measures(hashes, np.array([3, 5]), np.array([[0, 1]]))]
    [[2], [3], [4]]
    """
    article = np.repeat(np.arange(len(counts), dtype=np.uint64), counts)
    keys = np.sort((article << np.uint64(40)) | (hashes >> np.uint64(24)))
    keys = keys[run_starts(keys)]
    owner = (keys >> np.uint64(40)).astype(np.int64)
    sizes = np.bincount(owner, minlength=len(counts))
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    # the shingles of the smaller article of each pair are looked up in the larger's
    swap = sizes[pairs[:, 0]] > sizes[pairs[:, 1]]
    first = np.where(swap, pairs[:, 1], pairs[:, 0])
    second = np.where(swap, pairs[:, 0], pairs[:, 1])
    # in the order of the larger article, the lookups go up through the keys (the binary
    # search starts from the last one found), not back and forth
    order = np.argsort(second, kind="stable")
    first, second = first[order], second[order]
    lengths = sizes[first]
    pair_of = np.repeat(order, lengths)
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    mine = keys[np.repeat(starts[first], lengths) + offsets]
    wanted = (mine & np.uint64((1 << 40) - 1)) | (
        np.repeat(second, lengths).astype(np.uint64) << np.uint64(40)
    )
    found = np.searchsorted(keys, wanted)
    hit = keys[np.minimum(found, len(keys) - 1)] == wanted
    overlap = np.bincount(pair_of[hit], minlength=len(pairs)).astype(np.int64)
    return overlap, sizes[pairs[:, 0]].astype(np.int64), sizes[pairs[:, 1]].astype(np.int64)


def copy_decisions(overlap, n_i, n_j, threshold: float, containment: float):
    """``(jaccard, containment, copy)`` of pairs from their exact measures: a pair is a copy
    when its Jaccard similarity reaches ``threshold``, or when the shorter text is at least
    :data:`MIN_PART` of the longer and at least ``containment`` of it is in the longer.

    Examples
    --------
    >>> [v.tolist() for v in copy_decisions(np.array([40, 30]), np.array([50, 40]),
    ...                                     np.array([100, 80]), 0.4, 0.7)]
    [[0.36363636363636365, 0.3333333333333333], [0.8, 0.75], [True, True]]
    """
    smaller, larger = np.minimum(n_i, n_j), np.maximum(n_i, n_j)
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = overlap / (n_i + n_j - overlap)
        contained = overlap / smaller
    jaccard, contained = np.nan_to_num(jaccard), np.nan_to_num(contained)
    partial = (contained >= containment) & (smaller >= MIN_PART * larger)
    return jaccard, contained, (jaccard >= threshold) | partial


def story_groups(n: int, pairs: np.ndarray) -> np.ndarray:
    """The story number of each of ``n`` articles: connected pieces of the copy pairs.

    Examples
    --------
    >>> story_groups(4, np.array([[0, 2], [2, 3]])).tolist()
    [0, 1, 0, 0]
    """
    if len(pairs) == 0:
        return np.arange(n)
    graph = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def story_heads(n: int, pairs: np.ndarray, keys_of, max_copies: int):
    """The original of each of ``n`` articles (its own row number for an original) from the
    copy ``pairs``, and the stories too big to form (lists of row numbers).

    ``keys_of(rows)`` gives the :func:`origin_keys` of the articles ``rows`` (row numbers);
    it is asked only for the articles that have copies. A story of more than
    ``max_copies + 1`` articles is not formed: its articles stay their own originals.

    Examples
    --------
    >>> keys = {"outlets": np.array(["A", "B", "C"], dtype=object),
    ...         "sources": np.array(["", "", ""], dtype=object),
    ...         "dates": np.array([3, 1, 2]), "lengths": np.array([5, 5, 5])}
    >>> pick = lambda rows: {k: v[rows] for k, v in keys.items()}
    >>> heads, too_big = story_heads(3, np.array([[0, 1], [1, 2]]), pick, 100)
    >>> heads.tolist(), too_big
    ([1, 1, 1], [])
    """
    story = story_groups(n, pairs)
    sizes = np.bincount(story)
    # only the articles with copies are ordered; the rest are their own stories
    rows = np.flatnonzero(sizes[story] > 1)
    rows = rows[np.argsort(story[rows], kind="stable")]
    keys = keys_of(rows)
    heads = np.arange(n)
    too_big = []
    for part in (
        np.split(np.arange(len(rows)), np.cumsum(sizes[sizes > 1])[:-1]) if len(rows) else []
    ):
        members = rows[part]
        if len(members) > max_copies + 1:
            too_big.append(members)
            continue
        heads[members] = rows[original_order(keys, part)[0]]
    return heads, too_big


def credits(outlet: str, source: str) -> bool:
    """True when a dateline's ``source`` names ``outlet``: the same name, or its abbreviation.

    An abbreviation starts with the outlet's first letter, ends with the first letter of its
    last word and has its other letters in order in between ("TCW" for "Transcontinental
    Wire", "AP" for "Associated Press", not for "Armenpress").

    Examples
    --------
    >>> credits("Transcontinental Wire", "TCW"), credits("Armenpress", "AP")
    (True, False)
    """
    outlet, source = outlet.strip().upper(), source.strip().upper()
    if not outlet or not source:
        return False
    if outlet == source or outlet.split()[0] == source:
        return True
    words = outlet.split()
    if len(source) < 2 or len(words) < 2 or not source.isalpha():
        return False
    if source[0] != outlet[0] or source[-1] != words[-1][0]:
        return False
    rest = iter(" ".join(words[:-1])[1:])
    return all(letter in rest for letter in source[1:-1])


def origin_keys(articles: pd.DataFrame, texts: list) -> dict:
    """What chooses a story's original, as arrays over the articles (computed once).

    Examples
    --------
    >>> sorted(origin_keys(pd.DataFrame({"outlet": ["X", "Y"]}), ["a", None]))
    ['dates', 'lengths', 'outlets', 'sources']
    """
    n = len(articles)
    blank = np.full(n, "", dtype=object)

    def strings(column):
        if column not in articles.columns:
            return blank
        return articles[column].map(lambda v: v if isinstance(v, str) else "").to_numpy(object)

    dates = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    if "date" in articles.columns:
        when = pd.to_datetime(articles["date"], errors="coerce")
        if getattr(when.dt, "tz", None) is not None:
            when = when.dt.tz_convert("UTC").dt.tz_localize(None)
        when = when.to_numpy("datetime64[ns]")
        dates = np.where(np.isnat(when), dates, when.astype(np.int64))
    lengths = np.array([len(t) if isinstance(t, str) else 0 for t in texts], dtype=np.int64)
    return {"outlets": strings("outlet"), "sources": strings("dateline_source"),
            "dates": dates, "lengths": lengths}  # fmt: skip


def original_order(keys: dict, members: np.ndarray) -> np.ndarray:
    """The members of one story (row numbers), the original first: the credited wire (its
    outlet named by another member's ``dateline_source``), else the earliest, else the
    longest, else the first in the table.

    Examples
    --------
    >>> arts = pd.DataFrame({"outlet": ["Daily", "Transcontinental Wire", "Post"],
    ...     "dateline_source": ["TCW", "", "TCW"], "date": pd.to_datetime(["2024-01-01"] * 3),
    ...     "text": ["a", "bb", "ccc"]})
    >>> original_order(origin_keys(arts, arts["text"]), np.array([0, 1, 2])).tolist()
    [1, 2, 0]
    """
    sources = {s for s in keys["sources"][members] if s.strip()}
    credited = np.array(
        [any(credits(o, s) for s in sources) for o in keys["outlets"][members]], dtype=bool
    ).reshape(-1)
    order = np.lexsort((members, -keys["lengths"][members], keys["dates"][members], ~credited))
    return members[order]
