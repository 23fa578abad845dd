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
fingerprint held by more than :data:`MAX_GROUP` articles (a stock phrase, or a story copied
very often) links each holder to the first few holders only, so no fingerprint costs more
than :data:`MAX_GROUP` pairs per holder; the exact comparison of the candidates
(:mod:`.stories`) decides.

:func:`find_candidates` finds the same pairs as :func:`candidate_pairs` with a bound on
what it holds, for the copy index of a corpus larger than memory: most pairs of articles
that share a fingerprint share only one (a common phrase) and are no candidates, but every
such pair must be counted before that is known. The fingerprints are sorted one shard of
their range at a time into :class:`Postings` (the holders of each fingerprint held twice or
more, 5 bytes a holder); then the pairs are counted in parts by their first article, each
part's pair keys in one sorted array of at most ``budget`` bytes, freed before the next.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = [
    "SKETCH_SIZE",
    "MIN_SHARED",
    "MAX_GROUP",
    "PAIR_BYTES",
    "sketch",
    "candidate_pairs",
    "find_candidates",
    "Postings",
    "run_starts",
]

#: fingerprints per article (8 bytes each in the index)
SKETCH_SIZE = 32
#: fingerprints two articles must share to be compared exactly
MIN_SHARED = 3
#: a fingerprint held by more articles links each holder to the first few holders only
MAX_GROUP = 64
#: bytes of pair keys :func:`find_candidates` holds at once, per article of the corpus (at
#: least :data:`_MIN_PAIR_BYTES`): more pairs take more parts, each a walk over the postings
PAIR_BYTES = 128
_MIN_PAIR_BYTES = 1 << 20
_CUT = np.uint64(1 << 62)
_HUBS = 4
#: the fingerprint range is cut in this many shards to sort the postings
_SHARDS = 16
#: fingerprints scanned at once to pick a shard's (bounds the scan's temporary arrays)
_SCAN = 1 << 22


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
    max_group: int = MAX_GROUP,
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


@dataclass
class Postings:
    """The holders of every fingerprint held by two or more articles, as links.

    ``shards`` holds, for each shard of the fingerprint range, ``(articles, links, hubs,
    hub_links)``: the holders (int32 article numbers) of each fingerprint consecutive, in
    ascending number; each holder is paired with the ``links`` (uint8) holders that follow
    it in its group: all of them in a group of at most :data:`MAX_GROUP`, none in a larger
    one, whose first ``_HUBS`` holders (``hubs``, positions in ``articles``) are paired with
    all the holders after them instead (``hub_links``). So the pairs are those of
    :func:`candidate_pairs`, each once for each fingerprint the two share.
    ``per_article`` counts the pairs whose first article is each article.
    """

    shards: list
    per_article: np.ndarray

    @classmethod
    def build(cls, fingerprints: np.ndarray, sizes: np.ndarray, shards: int = _SHARDS):
        """The postings of the articles' sketches (``sizes`` fingerprints each, one after the
        other in ``fingerprints``), sorted one shard of the fingerprint range at a time."""
        ends = np.cumsum(sizes, dtype=np.int64)
        per_article = np.zeros(len(sizes), dtype=np.int64)
        built = []
        for shard in range(shards):
            arts, links, hubs, hub_links = _shard_postings(fingerprints, ends, shard, shards)
            per_article += np.bincount(arts, weights=links, minlength=len(sizes)).astype(np.int64)
            np.add.at(per_article, arts[hubs], hub_links)
            built.append((arts, links, hubs, hub_links))
        return cls(built, per_article)

    def pair_keys(self, low: int, high: int, chunk: int) -> np.ndarray:
        """The pair keys ``i * 2**31 + j`` whose first article ``i`` is in ``low .. high``,
        once for each fingerprint the pair shares (unsorted); generated ``chunk`` at a time."""
        out = np.empty(int(self.per_article[low:high].sum()), dtype=np.int64)
        filled = 0
        for arts, links, hubs, hub_links in self.shards:
            for start in range(0, len(arts), _SCAN):
                some = arts[start : start + _SCAN]
                mine = np.flatnonzero((links[start : start + _SCAN] > 0) & (some >= low)
                                      & (some < high)) + start  # fmt: skip
                filled = _fill(out, filled, arts, mine, links[mine].astype(np.int64), chunk)
            mine = (arts[hubs] >= low) & (arts[hubs] < high)
            filled = _fill(out, filled, arts, hubs[mine], hub_links[mine], chunk)
        return out[:filled]


def _fill(out, filled: int, arts, holders, links, chunk: int) -> int:
    """Write the pair keys of ``holders`` (positions in ``arts``, each paired with its next
    ``links`` holders) into ``out`` from ``filled`` on, ``chunk`` keys at a time; where the
    next key goes."""
    ends = np.cumsum(links)
    cuts = np.searchsorted(ends, np.arange(chunk, ends[-1] if len(ends) else 0, chunk))
    for a, b in zip(np.r_[0, cuts], np.r_[cuts, len(links)], strict=True):
        count = links[a:b]
        n = int(count.sum())
        first = np.repeat(holders[a:b], count)
        step = np.arange(1, n + 1) - np.repeat(np.cumsum(count) - count, count)
        keys = out[filled : filled + n]
        np.left_shift(arts[first], 31, out=keys, dtype=np.int64)
        keys |= arts[first + step]
        filled += n
    return filled


def _shard_postings(fingerprints: np.ndarray, ends: np.ndarray, shard: int, shards: int):
    """``(articles, links, hubs, hub_links)`` of the fingerprints of one shard (their value
    modulo ``shards``; a sketch keeps the smallest hashes, so the high bits are mostly 0)."""
    found = [np.zeros(0, np.int64)]
    for start in range(0, len(fingerprints), _SCAN):
        some = fingerprints[start : start + _SCAN]
        found.append(np.flatnonzero(some % np.uint32(shards) == shard) + start)
    inside = np.concatenate(found)
    del found
    article = np.searchsorted(ends, inside, side="right").astype(np.uint64)
    keys = (fingerprints[inside].astype(np.uint64) << np.uint64(32)) | article
    del inside, article
    keys.sort()
    starts = np.flatnonzero(run_starts(keys >> np.uint64(32)))
    sizes = np.diff(np.r_[starts, len(keys)])
    keys = keys[np.repeat(sizes > 1, sizes)]
    sizes = sizes[sizes > 1]
    starts = np.cumsum(sizes) - sizes
    position = np.arange(len(keys)) - np.repeat(starts, sizes)
    group = np.repeat(sizes, sizes)
    links = np.where(group <= MAX_GROUP, group - 1 - position, 0).astype(np.uint8)
    big = np.flatnonzero(sizes > MAX_GROUP)
    hubs = (starts[big][:, None] + np.arange(_HUBS)).ravel()
    hub_links = (sizes[big][:, None] - 1 - np.arange(_HUBS)).ravel()
    articles = (keys & np.uint64(0xFFFFFFFF)).astype(np.int32)
    return articles, links, hubs.astype(np.int64), hub_links.astype(np.int64)


def find_candidates(fingerprints: np.ndarray, sizes: np.ndarray, *, min_shared: int = MIN_SHARED,
                    budget: int | None = None):  # fmt: skip
    """The pairs of :func:`candidate_pairs` with a bound on the memory held to find them.

    Parameters
    ----------
    fingerprints : ndarray of uint32
        The articles' sketches one after the other.
    sizes : ndarray
        The number of fingerprints of each article (0 for one too short to copy).
    min_shared : int
        Fingerprints a pair must share.
    budget : int, optional
        Bytes of pair keys held at once: :data:`PAIR_BYTES` per article, at least
        :data:`_MIN_PAIR_BYTES`. The pairs are counted in as many parts as that takes.

    Returns
    -------
    pairs : ndarray of int64, shape (n, 2)
        ``(i, j)``, ``i < j``, in ascending order.
    shared : ndarray of int64
        The fingerprints each pair shares.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> fp = rng.integers(0, 40, 400).astype(np.uint32) * np.uint32(3)
    >>> sizes = np.full(20, 20, dtype=np.uint8)
    >>> whole = candidate_pairs(fp, np.repeat(np.arange(20, dtype=np.int32), sizes))
    >>> parts = find_candidates(fp, sizes, budget=2000)
    >>> all(np.array_equal(a, b) for a, b in zip(whole, parts)), len(whole[0]) > 0
    (True, True)
    """
    if budget is None:
        budget = max(_MIN_PAIR_BYTES, PAIR_BYTES * len(sizes))
    # a key takes 8 bytes, and 1 more while the runs are counted
    most = max(1, budget // 9)
    postings = Postings.build(fingerprints, sizes)
    pairs, shared = [], []
    for low, high in _parts(postings.per_article, most):
        keys = postings.pair_keys(low, high, chunk=max(1 << 16, min(1 << 20, most // 8)))
        keys.sort()
        found, count = _runs_of(keys, min_shared)
        del keys
        pairs.append(found)
        shared.append(count)
    keys = np.concatenate(pairs) if pairs else np.zeros(0, dtype=np.int64)
    out = np.stack([keys >> 31, keys & ((1 << 31) - 1)], axis=1)
    return out, np.concatenate(shared) if shared else np.zeros(0, dtype=np.int64)


def _parts(per_article: np.ndarray, most: int) -> list[tuple[int, int]]:
    """Consecutive ranges of articles whose pair keys number at most ``most`` (or one
    article, when it alone has more)."""
    total = np.cumsum(per_article)
    bounds, n = [0], len(per_article)
    while bounds[-1] < n:
        done = int(total[bounds[-1] - 1]) if bounds[-1] else 0
        stop = int(np.searchsorted(total, done + most, side="right"))
        bounds.append(min(n, max(stop, bounds[-1] + 1)))
    return list(zip(bounds[:-1], bounds[1:], strict=True))


def _runs_of(keys: np.ndarray, min_shared: int):
    """The distinct values of sorted ``keys`` repeated at least ``min_shared`` times, and
    how many times each is."""
    if min_shared > 1:
        span = min_shared - 1
        found = keys[:-span][keys[span:] == keys[:-span]]
    else:
        found = keys
    found = found[run_starts(found)]
    count = np.searchsorted(keys, found, side="right") - np.searchsorted(keys, found)
    return found, count.astype(np.int64)
