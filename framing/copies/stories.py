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

__all__ = ["MIN_PART", "pair_measures", "story_groups", "original_order", "credits"]

#: the shorter text must be at least this share of the longer for containment to count
MIN_PART = 0.5


def pair_measures(pairs: np.ndarray, sets: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Exact ``(overlap, size of the first, size of the second)`` of each pair's shingle sets.

    Examples
    --------
    >>> sets = {0: np.array([1, 2, 3], dtype=np.uint64), 1: np.array([2, 3, 4, 5], dtype=np.uint64)}
    >>> [m.tolist() for m in pair_measures(np.array([[0, 1]]), sets)]
    [[2], [3], [4]]
    """
    overlap = np.zeros(len(pairs), dtype=np.int64)
    first = np.zeros(len(pairs), dtype=np.int64)
    second = np.zeros(len(pairs), dtype=np.int64)
    for k, (i, j) in enumerate(pairs.tolist()):
        overlap[k] = len(np.intersect1d(sets[i], sets[j], assume_unique=True))
        first[k], second[k] = len(sets[i]), len(sets[j])
    return overlap, first, second


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


def original_order(articles: pd.DataFrame, members: np.ndarray) -> np.ndarray:
    """The members of one story (row numbers), the original first.

    Examples
    --------
    >>> arts = pd.DataFrame({"outlet": ["Daily", "Transcontinental Wire", "Post"],
    ...     "dateline_source": ["TCW", "", "TCW"], "date": pd.to_datetime(["2024-01-01"] * 3),
    ...     "text": ["a", "bb", "ccc"]})
    >>> original_order(arts, np.array([0, 1, 2])).tolist()
    [1, 2, 0]
    """
    part = articles.iloc[members]
    credited = np.zeros(len(members), dtype=bool)
    if "dateline_source" in part.columns and "outlet" in part.columns:
        sources = {s for s in part["dateline_source"] if isinstance(s, str) and s.strip()}
        outlets = part["outlet"].astype(str)
        credited = np.array([any(credits(o, s) for s in sources) for o in outlets], dtype=bool)
    if "date" in part.columns:
        when = pd.to_datetime(part["date"], errors="coerce").to_numpy("datetime64[ns]")
        dates = np.where(np.isnat(when), np.iinfo(np.int64).max, when.astype(np.int64))
    else:
        dates = np.zeros(len(members), dtype=np.int64)
    length = part["text"].map(lambda t: len(t) if isinstance(t, str) else 0).to_numpy()
    order = np.lexsort((np.arange(len(members)), -length, dates, ~credited))
    return members[order]
