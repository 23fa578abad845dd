"""Intervals of counts and proportions, and the measures of a counts table built on them.

* :func:`poisson_interval`: the exact (Garwood) interval of a Poisson count, or of its rate
  over an exposure (tokens). It assumes hits occur independently; hits cluster within
  articles, so it is narrower than a bootstrap over articles (:func:`framing.compare`).
* :func:`wilson_interval`: the Wilson score interval of a binomial proportion (the share of
  articles with a hit).
* :func:`dispersion`: how much more the hits of a series vary between articles than
  independent hits would (the quasi-Poisson scale ``phi``), estimated from the counts
  table's sums.
* :func:`add_measures`: the rates of a counts table (hits per 1,000 tokens, share of
  articles) with both intervals, from its sums; :func:`framing.count_by_period` and
  :func:`framing.rolling_counts` finish their tables with it.

**Which band.** ``interval="poisson"`` is the exact Poisson interval of the hits, which
assumes every hit is independent. Hits cluster in articles (an article about the freeze
says "freeze" many times), so its bands are too narrow: in a simulation with clustered hits
a nominal 95% band covers the true rate in far fewer than 95% of periods.
``interval="quasipoisson"`` (the default) widens it by the overdispersion ``phi``: the
Pearson statistic of the articles' hits around their cell's rate, ``sum (y - mu t)**2 /
(mu t)``, pooled over the periods of a series and divided by its degrees of freedom (the
articles minus one per period), at least 1. The band is the exact Poisson interval of the
*effective* count ``k / phi``, scaled back by ``phi``; with ``phi = 1`` it is the Poisson
band. ``phi`` needs only per-cell sums (``sum_sq``: the sum of ``y**2 / t`` over a cell's
articles), so it is exact for corpora counted in batches too.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["poisson_interval", "wilson_interval", "add_measures", "dispersion", "INTERVALS"]

#: the bands of the hit rates: exact Poisson, or widened by the overdispersion
INTERVALS = ("quasipoisson", "poisson", "bootstrap")


def poisson_interval(k, exposure=1.0, *, conf: float = 0.95):
    """Exact (Garwood) Poisson interval for the rate ``k / exposure``.

    Examples
    --------
    >>> lo, hi = poisson_interval(0)
    >>> float(lo), round(float(hi), 3)
    (0.0, 3.689)
    """
    # chi2.ppf(q, 2k) / 2 is gammaincinv(k, q) (scipy computes it so); scipy.special
    # imports in a third of the time of scipy.stats, which every worker process would pay
    from scipy.special import gammaincinv

    k = np.asarray(k, dtype=float)
    exposure = np.asarray(exposure, dtype=float)
    alpha = 1.0 - conf
    with np.errstate(divide="ignore", invalid="ignore"):
        lo = np.where(k > 0, gammaincinv(np.where(k > 0, k, 1.0), alpha / 2), 0.0) / exposure
        hi = gammaincinv(k + 1, 1 - alpha / 2) / exposure
    return lo, hi


def wilson_interval(successes, n, *, conf: float = 0.95):
    """Wilson score interval for the proportion ``successes / n`` (NaN where n is 0).

    Examples
    --------
    >>> lo, hi = wilson_interval(5, 10)
    >>> round(float(lo), 4), round(float(hi), 4)
    (0.2366, 0.7634)
    """
    from scipy.special import ndtri  # norm.ppf

    x = np.asarray(successes, dtype=float)
    n = np.asarray(n, dtype=float)
    z = ndtri(1 - (1 - conf) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = x / n
        denom = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denom
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
        lo = np.where(n > 0, np.clip(centre - half, 0, 1), np.nan)
        hi = np.where(n > 0, np.clip(centre + half, 0, 1), np.nan)
    return lo, hi


def dispersion(counts: pd.DataFrame, series: list[str]) -> np.ndarray:
    """The quasi-Poisson scale ``phi`` of each row's series (at least 1).

    ``counts`` has per cell ``n_hits``, ``n_tokens``, ``n_articles`` and ``sum_sq`` (the sum
    over its articles of ``hits**2 / tokens``); a cell's Pearson statistic is
    ``n_tokens / n_hits * sum_sq - n_hits``, with ``n_articles - 1`` degrees of freedom.
    Both are summed over the cells of a series (the rows that share the ``series`` columns).

    Examples
    --------
    >>> import pandas as pd
    >>> cells = pd.DataFrame({"frame": ["threat", "threat"], "n_hits": [10, 0],
    ...     "n_tokens": [1000, 1000], "n_articles": [2, 2], "sum_sq": [10**2 / 500, 0.0]})
    >>> dispersion(cells, ["frame"]).tolist()  # all 10 hits in one article of 500 tokens
    [5.0, 5.0]
    """
    k = counts["n_hits"].to_numpy(dtype=np.float64)
    tokens = counts["n_tokens"].to_numpy(dtype=np.float64)
    sum_sq = counts["sum_sq"].to_numpy(dtype=np.float64)
    n = counts["n_articles"].to_numpy(dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        pearson = np.where((k > 0) & (tokens > 0), tokens / k * sum_sq - k, 0.0)
    df = np.maximum(n - 1, 0)
    if series:
        group = counts.groupby(series, sort=False, dropna=False).ngroup().to_numpy()
    else:
        group = np.zeros(len(counts), dtype=np.int64)
    p_sum = np.bincount(group, pearson, minlength=group.max() + 1 if len(group) else 0)
    d_sum = np.bincount(group, df, minlength=len(p_sum))
    with np.errstate(divide="ignore", invalid="ignore"):
        phi = np.where(d_sum > 0, p_sum / d_sum, 1.0)
    return np.maximum(phi, 1.0)[group] if len(group) else np.zeros(0)


def add_measures(
    counts: pd.DataFrame, *, conf: float = 0.95, interval: str | None = None
) -> pd.DataFrame:
    """The rates of a counts table and their intervals, from its sums.

    Adds ``n_hits_lo``/``_hi``, ``per_1k_tokens`` (+ ``_lo``/``_hi`` over the tokens; NaN
    without tokens) and ``share_of_articles`` (+ ``_lo``/``_hi``, Wilson; NaN without
    articles) to a table with ``n_hits``, ``n_tokens``, ``n_articles`` and
    ``n_articles_with_hit``. The hit bands are exact Poisson, or with
    ``interval="quasipoisson"`` (the default when the table has a ``dispersion`` column)
    those of the effective count ``n_hits / dispersion``, scaled back.

    Examples
    --------
    >>> import pandas as pd
    >>> sums = pd.DataFrame({"n_hits": [4, 0], "n_tokens": [2000, 0],
    ...     "n_articles": [2, 0], "n_articles_with_hit": [1, 0]})
    >>> add_measures(sums)[["per_1k_tokens", "share_of_articles"]]
       per_1k_tokens  share_of_articles
    0            2.0                0.5
    1            NaN                NaN
    >>> wide = add_measures(sums.assign(dispersion=4.0))
    >>> bool(wide.loc[0, "per_1k_tokens_hi"] > add_measures(sums).loc[0, "per_1k_tokens_hi"])
    True
    """
    if interval is None:
        interval = "quasipoisson" if "dispersion" in counts.columns else "poisson"
    k = counts["n_hits"].to_numpy()
    tokens = counts["n_tokens"].to_numpy()
    n = counts["n_articles"].to_numpy()
    phi = 1.0
    if interval == "quasipoisson" and "dispersion" in counts.columns:
        phi = counts["dispersion"].to_numpy(dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        lo, hi = poisson_interval(k / phi, 1.0, conf=conf)
        lo, hi = lo * phi, hi * phi
        rate = np.where(tokens > 0, k / tokens * 1000, np.nan)
        rlo = np.where(tokens > 0, lo / tokens * 1000, np.nan)
        rhi = np.where(tokens > 0, hi / tokens * 1000, np.nan)
        share = np.where(n > 0, counts["n_articles_with_hit"].to_numpy() / n, np.nan)
    slo, shi = wilson_interval(counts["n_articles_with_hit"].to_numpy(), n, conf=conf)
    return counts.assign(
        n_hits_lo=lo, n_hits_hi=hi,
        per_1k_tokens=rate, per_1k_tokens_lo=rlo, per_1k_tokens_hi=rhi,
        share_of_articles=share, share_of_articles_lo=slo, share_of_articles_hi=shi,
    )  # fmt: skip
