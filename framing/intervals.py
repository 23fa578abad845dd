"""Intervals of counts and proportions, and the measures of a counts table built on them.

* :func:`poisson_interval`: the exact (Garwood) interval of a Poisson count, or of its rate
  over an exposure (tokens). It assumes hits occur independently; hits cluster within
  articles, so it is narrower than a bootstrap over articles (:func:`framing.compare`).
* :func:`wilson_interval`: the Wilson score interval of a binomial proportion (the share of
  articles with a hit).
* :func:`add_measures`: the rates of a counts table (hits per 1,000 tokens, share of
  articles) with both intervals, from its sums; :func:`framing.count_by_period` and
  :func:`framing.rolling_counts` finish their tables with it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["poisson_interval", "wilson_interval", "add_measures"]


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


def add_measures(counts: pd.DataFrame, *, conf: float = 0.95) -> pd.DataFrame:
    """The rates of a counts table and their intervals, from its sums.

    Adds ``n_hits_lo``/``_hi`` (exact Poisson), ``per_1k_tokens`` (+ ``_lo``/``_hi``, the
    Poisson bounds over the tokens; NaN without tokens) and ``share_of_articles``
    (+ ``_lo``/``_hi``, Wilson; NaN without articles) to a table with ``n_hits``,
    ``n_tokens``, ``n_articles`` and ``n_articles_with_hit``.

    Examples
    --------
    >>> import pandas as pd
    >>> sums = pd.DataFrame({"n_hits": [4, 0], "n_tokens": [2000, 0],
    ...     "n_articles": [2, 0], "n_articles_with_hit": [1, 0]})
    >>> add_measures(sums)[["per_1k_tokens", "share_of_articles"]]
       per_1k_tokens  share_of_articles
    0            2.0                0.5
    1            NaN                NaN
    """
    k = counts["n_hits"].to_numpy()
    tokens = counts["n_tokens"].to_numpy()
    n = counts["n_articles"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        lo, hi = poisson_interval(k, 1.0, conf=conf)
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
