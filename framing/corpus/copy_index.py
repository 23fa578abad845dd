"""The copy index of a corpus larger than memory: a small sketch of every article, no text.

:func:`count_corpus(..., copies="drop") <framing.corpus.count_corpus>` and
:func:`~framing.corpus.count_dask` find wire copies as :func:`framing.find_copies` does,
with the same decisions, in passes over the corpus:

1. **index** (:func:`sketch_chunk`, in the workers): each chunk is cleaned and each article
   becomes its sketch (:func:`framing.copies.index.sketch`, at most 32 fingerprints of 4
   bytes) and the few numbers that choose a story's original (date, length, outlet and
   dateline source, interned); the :class:`CopyIndex` keeps them in flat arrays, numbered
   by the articles' order in the corpus. No text and no article id is kept.
2. **candidates**: the pairs of articles sharing enough fingerprints
   (:func:`framing.copies.index.find_candidates`: the fingerprints sorted one shard of
   their range at a time, the pairs counted in parts of a bounded size, so neither the sort
   of the whole index nor all the pairs sharing one fingerprint are held at once).
3. **exact comparison** (:func:`shingle_rows`, in the workers): the corpus is read again
   and the shingles of the candidates only come back; each pair is measured exactly
   (:func:`framing.copies.stories.pair_measures`) and decided
   (:func:`~framing.copies.stories.copy_decisions`) when its second article is read, the
   first's shingles kept until then (:func:`measure_streamed`). The shingles kept at once
   are bounded by :data:`ROUND_SHINGLES`; pairs that do not fit take a further read, not
   memory.
4. **stories** (:func:`~framing.copies.stories.story_heads`): the original of every
   article, as find_copies chooses it; what is kept for the counting pass is one integer
   per article.

So the memory kept for the whole corpus is :meth:`CopyIndex.nbytes`: 149 bytes an article
on synthetic articles (``python -m bench.copies --scale 100000``), plus 16 bytes
per candidate pair. Finding the candidates needs more for a while: the holders of the
fingerprints held twice or more (5 bytes a holder) and the pair keys of one part
(:data:`~framing.copies.index.PAIR_BYTES` an article), see :mod:`framing.copies.index`:
254 bytes an article more at the peak on 1,000,000 articles (``--scale 1000000``; 407
with the index as it was then, 153 bytes an article). The exact
comparison keeps at most :data:`ROUND_SHINGLES` shingles, whatever the corpus's size; copies
lie close in file order, so those 1,000,000 articles take one read
(``--scale 1000000 --exact``).
"""

from __future__ import annotations

import sys
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._errors import FramingError
from ..copies.detect import MIN_WORDS, long_enough
from ..copies.index import find_candidates, sketch
from ..copies.shingles import shingle_hashes
from ..copies.stories import origin_keys, pair_measures
from .job import Job

__all__ = [
    "ROUND_SHINGLES",
    "Sketch",
    "CopyIndex",
    "sketch_chunk",
    "shingle_rows",
    "measure_streamed",
    "ids_digest",
]

#: the most shingles (8 bytes each) kept at once for the pairs still to be measured; the
#: pairs whose first article did not fit are measured in a further read of the corpus
ROUND_SHINGLES = 8_000_000


@dataclass
class Sketch:
    """What the index keeps of one chunk: each article's sketch and its original's keys."""

    fingerprints: np.ndarray  # uint32, the articles' sketches one after the other
    sizes: np.ndarray  # uint8, fingerprints per article (0 for a text too short to copy)
    dates: np.ndarray  # int64 nanoseconds (the largest int64 for no date)
    lengths: np.ndarray  # int32 characters of the cleaned text
    outlets: list  # the outlet of each article (None when missing)
    sources: list  # the dateline source of each article ("" when none)
    digest: int  # of the article ids, to check the next pass reads the same articles


def ids_digest(ids: pd.Series) -> int:
    """A 64-bit digest of the article ids in order: two passes must read the same articles.

    Examples
    --------
    >>> ids_digest(pd.Series(["a", "b"])) == ids_digest(pd.Series(["a", "b"]))
    True
    >>> ids_digest(pd.Series(["a", "b"])) == ids_digest(pd.Series(["b", "a"]))
    False
    """
    hashed = pd.util.hash_pandas_object(ids.astype(str), index=False).to_numpy()
    weights = np.arange(1, len(hashed) + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        return int((hashed * weights).sum(dtype=np.uint64))


def _cleaned(work: pd.DataFrame, job: Job) -> pd.DataFrame:
    """The chunk cleaned as the counting pass cleans it; its warnings are the counting pass's
    to give, once."""
    if job.cleaner is None:
        return work
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return job.cleaner(work)


def sketch_chunk(work: pd.DataFrame, job: Job) -> Sketch:
    """Pass 1 on one chunk (in a worker): clean it, sketch every article.

    Examples
    --------
    >>> from framing.corpus.arguments import check_job
    >>> job = check_job({"x": ["x"]}, freq="M", by=None, level="frame", clean=False,
    ...                 match="exact", want_hits=False, function="count_corpus")
    >>> long = " ".join(f"word{i}" for i in range(400))
    >>> work = pd.DataFrame({"article_id": ["a", "b"], "text": [long, "too short"]})
    >>> s = sketch_chunk(work, job)
    >>> s.sizes.tolist(), s.fingerprints.dtype.name
    ([32, 0], 'uint32')
    """
    cleaned = _cleaned(work, job)
    texts = cleaned["text"].tolist()
    keys = origin_keys(cleaned, texts)
    hashes, counts = shingle_hashes(texts)
    fingerprints, article = sketch(hashes, counts)
    keep = long_enough(counts, MIN_WORDS)[article]
    fingerprints, article = fingerprints[keep], article[keep]
    outlets = (
        [v if isinstance(v, str) else None for v in cleaned["outlet"].tolist()]
        if "outlet" in cleaned.columns
        else [None] * len(texts)
    )
    return Sketch(
        fingerprints=fingerprints,
        sizes=np.bincount(article, minlength=len(texts)).astype(np.uint8),
        dates=keys["dates"],
        lengths=keys["lengths"].astype(np.int32),
        outlets=outlets,
        sources=keys["sources"].tolist(),
        digest=ids_digest(cleaned["article_id"]),
    )


def shingle_rows(work: pd.DataFrame, job: Job, rows: np.ndarray):
    """Pass 2 on one chunk (in a worker): the shingles of the articles ``rows`` (positions
    in the chunk, ascending), as :func:`~framing.copies.shingles.shingle_hashes` gives them,
    and the digest of the chunk's ids."""
    cleaned = _cleaned(work.iloc[rows], job)
    hashes, counts = shingle_hashes(cleaned["text"].tolist())
    return hashes, counts, ids_digest(work["article_id"])


class _Interned:
    """Strings stored once, each article holding a small code (-1 for a missing value)."""

    def __init__(self):
        self.codes: dict[str, int] = {}
        self.values: list[str] = []

    def encode(self, values: list) -> np.ndarray:
        out = np.empty(len(values), dtype=np.int32)
        for i, value in enumerate(values):
            if value is None:
                out[i] = -1
                continue
            code = self.codes.get(value)
            if code is None:
                code = self.codes[value] = len(self.values)
                self.values.append(value)
            out[i] = code
        return out

    def decode(self, codes: np.ndarray) -> np.ndarray:
        table = np.array([*self.values, ""], dtype=object)  # -1 reads as ""
        return table[codes]

    def nbytes(self) -> int:
        return (
            sys.getsizeof(self.codes)
            + sys.getsizeof(self.values)
            + sum(sys.getsizeof(v) for v in self.values)
        )


class CopyIndex:
    """The copy index of a whole corpus: the sketches and original's keys of its articles.

    Chunks are added in the corpus's order (:meth:`add`), then :meth:`freeze` makes the flat
    arrays. The articles are numbered from 0 in that order; nothing else names them.
    """

    def __init__(self):
        self._parts: list[Sketch] = []
        self.outlets = _Interned()
        self.sources = _Interned()
        self._outlet_codes: list[np.ndarray] = []
        self._source_codes: list[np.ndarray] = []
        self.chunk_sizes: list[int] = []
        self.digests: list[int] = []

    def add(self, part: Sketch) -> None:
        """Add the sketch of the next chunk; its strings are interned, its lists dropped."""
        self._outlet_codes.append(self.outlets.encode(part.outlets))
        self._source_codes.append(self.sources.encode([s or None for s in part.sources]))
        part.outlets = part.sources = []
        self._parts.append(part)
        self.chunk_sizes.append(len(part.sizes))
        self.digests.append(part.digest)

    def freeze(self) -> CopyIndex:
        """Concatenate the chunks' arrays (once, after the last :meth:`add`)."""

        def joined(name, dtype):
            arrays = [getattr(p, name) for p in self._parts]
            return (
                np.concatenate(arrays).astype(dtype, copy=False) if arrays else np.zeros(0, dtype)
            )

        self.fingerprints = joined("fingerprints", np.uint32)
        self.sizes = joined("sizes", np.uint8)
        self.dates = joined("dates", np.int64)
        self.lengths = joined("lengths", np.int32)
        self.outlet_codes = np.concatenate(self._outlet_codes or [np.zeros(0, np.int32)])
        self.source_codes = np.concatenate(self._source_codes or [np.zeros(0, np.int32)])
        self._parts = self._outlet_codes = self._source_codes = []
        return self

    @property
    def n(self) -> int:
        return len(self.sizes)

    def nbytes(self) -> int:
        """Bytes the index holds: its arrays and the interned strings with their dicts."""
        arrays = (self.fingerprints, self.sizes, self.dates, self.lengths,
                  self.outlet_codes, self.source_codes)  # fmt: skip
        listed = (
            sum(sys.getsizeof(x) for x in (*self.chunk_sizes, *self.digests))
            + sys.getsizeof(self.chunk_sizes)
            + sys.getsizeof(self.digests)
        )
        return (
            sum(a.nbytes for a in arrays) + self.outlets.nbytes() + self.sources.nbytes() + listed
        )

    def candidates(self) -> np.ndarray:
        """The candidate pairs ``(i, j)``, ``i < j``, as find_copies finds them."""
        return find_candidates(self.fingerprints, self.sizes)[0]

    def keys_of(self, rows: np.ndarray) -> dict:
        """The :func:`~framing.copies.stories.origin_keys` of the articles ``rows``."""
        return {
            "outlets": self.outlets.decode(self.outlet_codes[rows]),
            "sources": self.sources.decode(self.source_codes[rows]),
            "dates": self.dates[rows],
            "lengths": self.lengths[rows].astype(np.int64),
        }

    def first_numbers(self) -> np.ndarray:
        """The number of the first article of each chunk, and the total at the end."""
        return np.concatenate(([0], np.cumsum(self.chunk_sizes, dtype=np.int64)))


def measure_streamed(pairs: np.ndarray, read_shingles, budget=None):
    """Exact ``(overlap, n_i, n_j)`` of every candidate pair ``(i, j)``, ``i < j``, in reads
    of the corpus in file order.

    ``read_shingles(rows, take)`` reads the corpus once and calls ``take(part, hashes,
    counts)`` for each stretch of it in file order: ``part`` the numbers of the articles of
    ``rows`` (ascending) it holds, with their shingles as
    :func:`~framing.copies.shingles.shingle_hashes` gives them. A pair is measured when its
    second article is read; the first article's shingles are kept from its own read until
    then. Copies mostly lie close in file order, so one read usually measures every pair;
    the shingles kept at once stay within ``budget`` (:data:`ROUND_SHINGLES`), and the
    pairs whose first article did not fit are measured in a further read.

    Examples
    --------
    >>> from framing.copies.shingles import shingle_hashes
    >>> texts = ["a b c d e f", "x y z", "a b c d e g"]
    >>> def read(rows, take):
    ...     take(rows, *shingle_hashes([texts[r] for r in rows]))
    >>> [m.tolist() for m in measure_streamed(np.array([[0, 2]]), read)]
    [[3], [4], [4]]
    """
    budget = ROUND_SHINGLES if budget is None else budget
    measures = np.zeros((3, len(pairs)), dtype=np.int64)
    todo = np.arange(len(pairs))
    while len(todo):
        read, rows = _StreamedRead(pairs, todo, budget, measures), np.unique(pairs[todo])
        read_shingles(rows, read.take)
        if read.n_read != len(rows):
            raise FramingError(
                "the corpus changed between two passes of the copy index",
                where="count_corpus(copies=...)",
                fix="Do not change the files while they are counted.",
            )
        todo = read.deferred()
    return measures[0], measures[1], measures[2]


class _StreamedRead:
    """One read of :func:`measure_streamed`: the pairs ``todo`` measured as their second
    article comes, the first articles' shingles kept (within the budget) until then."""

    def __init__(self, pairs, todo, budget: int, measures: np.ndarray):
        order = todo[np.argsort(pairs[todo, 1], kind="stable")]
        self.pairs, self.order, self.seconds = pairs, order, pairs[order, 1]
        firsts = pairs[todo, 0]
        # how long each first article is needed: until its last partner is read
        self.until = pd.Series(pairs[todo, 1]).groupby(firsts).max().to_dict()
        self.budget, self.measures = budget, measures
        self.kept: dict[int, np.ndarray] = {}
        self.held, self.n_read = 0, 0
        self.missed = np.zeros(len(pairs), dtype=bool)

    def take(self, part: np.ndarray, hashes: np.ndarray, counts: np.ndarray) -> None:
        """Measure the pairs whose second article is in ``part``; keep what later pairs need."""
        self.n_read += len(part)
        if len(part) == 0:
            return
        offsets = np.concatenate(([0], np.cumsum(counts)))
        lo, hi = np.searchsorted(self.seconds, [part[0], part[-1] + 1])
        now = self.order[lo:hi]
        now = self._measurable(now, part)
        if len(now):
            self._measure(now, part, hashes, counts)
        self._keep(part, hashes, offsets)

    def _measurable(self, now: np.ndarray, part: np.ndarray) -> np.ndarray:
        first = self.pairs[now, 0]
        ready = (first >= part[0]) | np.isin(first, np.fromiter(self.kept, np.int64))
        self.missed[now[~ready]] = True
        return now[ready]

    def _measure(self, now, part, hashes, counts) -> None:
        firsts = np.unique(self.pairs[now, 0])
        outside = firsts[firsts < part[0]]
        held = [self.kept[int(r)] for r in outside]
        local_hashes = np.concatenate([*held, hashes])
        local_counts = np.concatenate(([len(h) for h in held], counts)).astype(np.int64)
        local = np.empty((len(now), 2), dtype=np.int64)
        local[:, 0] = _position(outside, part, self.pairs[now, 0])
        local[:, 1] = len(outside) + np.searchsorted(part, self.pairs[now, 1])
        self.measures[:, now] = pair_measures(local_hashes, local_counts, local)

    def _keep(self, part: np.ndarray, hashes: np.ndarray, offsets: np.ndarray) -> None:
        last = int(part[-1])
        for row in [r for r in self.kept if self.until[r] <= last]:
            self.held -= len(self.kept.pop(row))
        for k, row in enumerate(part.tolist()):
            if self.until.get(row, -1) <= last:
                continue
            size = int(offsets[k + 1] - offsets[k])
            if self.kept and self.held + size > self.budget:
                continue  # its pairs wait for the next read
            self.kept[row] = hashes[offsets[k] : offsets[k + 1]].copy()
            self.held += size

    def deferred(self) -> np.ndarray:
        """The pairs this read could not measure (their first article was not kept)."""
        return np.flatnonzero(self.missed)


def _position(outside, part, wanted) -> np.ndarray:
    """Where each of ``wanted`` sits in ``outside`` then ``part`` (each sorted)."""
    inside = wanted >= part[0]
    out = np.empty(len(wanted), dtype=np.int64)
    out[~inside] = np.searchsorted(outside, wanted[~inside])
    out[inside] = len(outside) + np.searchsorted(part, wanted[inside])
    return out
