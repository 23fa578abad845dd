"""The copy index: a small sketch of each article and the candidate pairs it yields.

Each article keeps at most :data:`SKETCH_SIZE` fingerprints: the smallest shingle hashes
among those below a global cut (a quarter of the hash range). Both rules depend on the hash
only, so a shingle two articles share is in both sketches whenever it is among the smallest
of each: two articles sharing a fraction ``f`` of the longer one's shingles share about
``SKETCH_SIZE * f`` fingerprints (a bottom-k sketch, Broder 1997; the containment of a wire
story in a longer article shows too, unlike a MinHash-Jaccard band). A fingerprint is the
top 32 bits of the hash, so the index costs 8 bytes a fingerprint (fingerprint and article
number), at most ``8 * SKETCH_SIZE`` bytes an article.

Candidate pairs are the articles sharing at least :data:`MIN_SHARED` fingerprints. A
fingerprint held by more than ``max_group`` articles (a stock phrase, or a story copied very
often) links each holder to the first few holders only, so no fingerprint costs more than
``max_group`` pairs per holder; the exact comparison of the candidates (:mod:`.stories`)
decides.
"""

from __future__ import annotations

import numpy as np

__all__ = ["SKETCH_SIZE", "MIN_SHARED", "sketch", "candidate_pairs", "run_starts"]

#: fingerprints per article (8 bytes each in the index)
SKETCH_SIZE = 32
#: fingerprints two articles must share to be compared exactly
MIN_SHARED = 3
_CUT = np.uint64(1 << 62)
_HUBS = 4


def run_starts(values: np.ndarray) -> np.ndarray:
    """True where a run of equal values starts (in a sorted array).

    Examples
    --------
    >>> run_starts(np.array([1, 1, 2, 3, 3])).tolist(), run_starts(np.array([])).tolist()
    ([True, False, True, True, False], [])
    """
    out = np.ones(len(values), dtype=bool)
    out[1:] = values[1:] != values[:-1]
    return out


def sketch(hashes: np.ndarray, counts: np.ndarray, first: int = 0):
    """The fingerprints of each article: ``(fingerprints uint32, article numbers int32)``.

    Parameters
    ----------
    hashes, counts : ndarray
        Shingle hashes of consecutive articles and the number of each
        (:func:`framing.copies.shingles.shingle_hashes`).
    first : int
        The number of the first article (for batches).

    Examples
    --------
    >>> from framing.copies.shingles import shingle_hashes
    >>> h, n = shingle_hashes(["one two three four five six seven " * 40, "a b"])
    >>> fp, art = sketch(h, n)
    >>> len(fp) <= SKETCH_SIZE, set(art.tolist()) <= {0}
    (True, True)
    """
    local = np.repeat(np.arange(len(counts), dtype=np.uint64), counts)
    keep = hashes < _CUT
    # one sort of (article, fingerprint) keys: the article in the top 30 bits, below it the
    # fingerprint (the hash's top 32 bits after the cut's two zero bits)
    keys = np.sort((local[keep] << np.uint64(32)) | (hashes[keep] >> np.uint64(30)))
    keys = keys[run_starts(keys)]
    article = (keys >> np.uint64(32)).astype(np.int64)
    starts = np.flatnonzero(run_starts(article))
    rank = np.arange(len(article)) - np.repeat(starts, np.diff(np.r_[starts, len(article)]))
    small = rank < SKETCH_SIZE
    fingerprints = (keys[small] & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    return fingerprints, (article[small] + first).astype(np.int32)


def candidate_pairs(
    fingerprints: np.ndarray,
    articles: np.ndarray,
    *,
    max_group: int = 64,
    min_shared: int = MIN_SHARED,
):
    """Pairs of article numbers ``(i, j)``, ``i < j``, sharing at least ``min_shared``
    fingerprints (:data:`MIN_SHARED`).

    Returns the pairs (an ``(n, 2)`` int64 array) and the number of fingerprints each shares.

    Examples
    --------
    >>> fp = np.array([1, 2, 3, 1, 2, 3, 1, 9], dtype=np.uint32)
    >>> art = np.array([0, 0, 0, 1, 1, 1, 2, 2], dtype=np.int32)
    >>> pairs, shared = candidate_pairs(fp, art)
    >>> pairs.tolist(), shared.tolist()
    ([[0, 1]], [3])
    """
    order = np.lexsort((articles, fingerprints))
    fp, art = fingerprints[order], articles[order].astype(np.int64)
    n = len(fp)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(run_starts(fp))
    sizes = np.diff(np.r_[starts, n])
    group_start = np.repeat(starts, sizes)
    position = np.arange(n) - group_start
    big = np.repeat(sizes > max_group, sizes)
    keys = []
    # small groups: every pair, found by looking `step` places ahead within the group
    for step in range(1, int(min(sizes.max(), max_group + 1))):
        i = np.flatnonzero(~big[:-step] & (fp[:-step] == fp[step:]))
        keys.append(art[i] * (1 << 31) + art[i + step])
    # big groups: each member with the first few members (hubs) of its group only
    for hub in range(_HUBS):
        i = np.flatnonzero(big & (position > hub))
        keys.append(art[group_start[i] + hub] * (1 << 31) + art[i])
    keys = np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64)
    pairs, shared = np.unique(keys, return_counts=True)
    keep = shared >= min_shared
    pairs, shared = pairs[keep], shared[keep]
    out = np.stack([pairs >> 31, pairs & ((1 << 31) - 1)], axis=1)
    return out, shared
