"""The bootstrap over articles of :func:`framing.compare`: resampled sums, percentile bounds.

Articles are resampled with replacement within a group, and the sums of its hits (per
frame) and tokens recomputed for every resample (:func:`resampled_sums`); the percentile
interval of a statistic of those sums comes from :func:`quantiles`. Resampling whole
articles keeps the clustering of hits within articles.
"""

from __future__ import annotations

import numpy as np

from ._errors import FramingError

__all__ = [
    "bootstrap_p", "group_sums", "pooled", "quantiles", "random_generator", "rates", "ratio_of",
    "resampled_sums", "BLOCK",
]  # fmt: skip

#: at most this many article draws are held in memory at once while bootstrapping
BLOCK = 2_000_000


def random_generator(seed, where: str) -> np.random.Generator:
    """NumPy's default generator for ``seed``; a :class:`framing.FramingError` naming
    ``where`` (e.g. ``"compare(seed=...)"``) when ``seed`` cannot seed one.

    Examples
    --------
    >>> float(random_generator(0, "compare(seed=...)").random()) == float(
    ...     np.random.default_rng(0).random())
    True
    """
    try:
        return np.random.default_rng(seed)
    except (TypeError, ValueError) as exc:
        raise FramingError(
            f"{seed!r} is not a random seed", where=where, fix="Pass an int."
        ) from exc


def quantiles(x: np.ndarray, qs) -> np.ndarray:
    """Linear-interpolation quantiles (numpy's default method) of each column, ignoring NaN.

    Unlike :func:`numpy.nanquantile` it keeps infinite ratios meaningful: between a finite
    value and +inf the quantile is +inf, never NaN.
    """
    x = np.sort(np.asarray(x, dtype=float), axis=0)  # NaN sort last
    n_valid = (~np.isnan(x)).sum(axis=0)
    out = np.full((len(qs), x.shape[1]), np.nan)
    for k, q in enumerate(qs):
        h = (n_valid - 1) * q
        lo = np.floor(h).astype(int)
        hi = np.ceil(h).astype(int)
        ok = n_valid > 0
        lo, hi = np.where(ok, lo, 0), np.where(ok, hi, 0)
        a = np.take_along_axis(x, lo[None, :], axis=0)[0]
        b = np.take_along_axis(x, hi[None, :], axis=0)[0]
        w = h - lo
        with np.errstate(invalid="ignore"):
            value = np.where((a == b) | (w == 0), a, a + w * (b - a))
        out[k] = np.where(ok, value, np.nan)
    return out


def bootstrap_p(ratios: np.ndarray) -> np.ndarray:
    """The two-sided bootstrap p-value of each column of resampled ratios, against 1.

    ``2 min(#{r <= 1} + 1, #{r >= 1} + 1) / (B + 1)``, at most 1, over the ``B`` resamples
    with a ratio (NaN ones, where neither side had hits, are left out; NaN when none is
    left). It is the test the percentile interval inverts: the interval at level ``conf``
    excludes 1 exactly when few enough resamples fall on the far side of 1.

    Examples
    --------
    >>> bootstrap_p(np.array([[2.0], [3.0], [0.5], [4.0]])).round(3).tolist()
    [0.8]
    """
    r = np.asarray(ratios, dtype=float)
    valid = ~np.isnan(r)
    b = valid.sum(axis=0)
    below = (r <= 1).sum(axis=0) + 1
    above = (r >= 1).sum(axis=0) + 1
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.minimum(1.0, 2 * np.minimum(below, above) / (b + 1))
    return np.where(b > 0, p, np.nan)


def resampled_sums(rng, counts: np.ndarray, tokens: np.ndarray, n_boot: int):
    """Bootstrap sums of hits (n_boot x frames) and tokens (n_boot) of one group's articles.

    Row ``b`` resamples the group's ``n`` articles with replacement using the indices
    ``rng.integers(0, n, size=(n_boot, n))[b]``; the draws are made in blocks (the same
    stream) and turned into article weights, so no loop runs over resamples x articles.
    """
    n = len(tokens)
    hits = np.empty((n_boot, counts.shape[1]))
    toks = np.empty(n_boot)
    block = max(1, BLOCK // max(n, 1))
    for b0 in range(0, n_boot, block):
        b = min(block, n_boot - b0)
        idx = rng.integers(0, n, size=(b, n))
        flat = (idx + (np.arange(b) * n)[:, None]).ravel()
        weights = np.bincount(flat, minlength=b * n).reshape(b, n).astype(float)
        hits[b0 : b0 + b] = weights @ counts
        toks[b0 : b0 + b] = weights @ tokens
    return hits, toks


def rates(hits, tokens) -> np.ndarray:
    """Hits per 1,000 tokens (NaN where there are no tokens)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(tokens > 0, hits / tokens * 1000.0, np.nan)


def ratio_of(a, b) -> np.ndarray:
    """``a / b`` as floats: ``inf`` where only ``b`` is 0, NaN where both are."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(a, dtype=float) / np.asarray(b, dtype=float)


def group_sums(order, labels, counts, tokens, rng, n_boot) -> dict:
    """Per group: its sums of hits and tokens, their bootstrap resamples (None without
    ``n_boot``) and its number of articles; the groups draw from ``rng`` in ``order``.

    ``labels`` (an object array, one label per article) say which group each article is in;
    ``counts`` holds the hits of each frame (columns) in each article (rows).
    """
    sums = {}
    for g in order:
        members = np.flatnonzero(labels == g)
        c_g, t_g = counts[members], tokens[members]
        boot = resampled_sums(rng, c_g, t_g, n_boot) if n_boot else (None, None)
        sums[g] = (c_g.sum(axis=0), t_g.sum(), *boot, len(members))
    return sums


def pooled(sums: dict, members: list, n_boot: int) -> tuple:
    """The sums of several groups pooled (hits, tokens, their resamples, articles)."""
    hits = sum(sums[m][0] for m in members)
    tokens = sum(sums[m][1] for m in members)
    boot_hits = sum(sums[m][2] for m in members) if n_boot else None
    boot_tokens = sum(sums[m][3] for m in members) if n_boot else None
    return hits, tokens, boot_hits, boot_tokens, sum(sums[m][4] for m in members)
