"""Bars comparing groups over the whole period, from pooled counts.

The counts are summed over the periods before the rates are computed, so a bar is the rate of
all its words, never an average of monthly rates.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._errors import FramingError
from .._tables import check_columns, check_counts
from ..aggregate import poisson_interval, wilson_interval
from ..export import attach
from ..style import style_context
from .common import (
    MEASURES,
    check_measure,
    check_width,
    colour_map,
    legend_above,
    level_order,
    level_universe,
    light_grid,
    table_provenance,
    tick_labels,
)

__all__ = ["plot_bars"]

_SUMS = ["n_hits", "n_articles_with_hit", "n_articles", "n_tokens"]


def _pooled(counts: pd.DataFrame, keys: list, conf: float) -> pd.DataFrame:
    """Sum hits and denominators over periods (and disjoint groups), then recompute measures."""
    pooled = counts.groupby(keys, sort=False, dropna=False)[_SUMS].sum().reset_index()
    k = pooled["n_hits"].to_numpy(dtype=float)
    tokens = pooled["n_tokens"].to_numpy(dtype=float)
    n = pooled["n_articles"].to_numpy(dtype=float)
    with_hit = pooled["n_articles_with_hit"].to_numpy(dtype=float)
    lo, hi = poisson_interval(k, 1.0, conf=conf)
    slo, shi = wilson_interval(with_hit, n, conf=conf)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(tokens > 0, 1000.0 / tokens, np.nan)
        share = np.where(n > 0, with_hit / n, np.nan)
    return pooled.assign(
        n_hits_lo=lo, n_hits_hi=hi,
        per_1k_tokens=k * scale, per_1k_tokens_lo=lo * scale, per_1k_tokens_hi=hi * scale,
        share_of_articles=share, share_of_articles_lo=slo, share_of_articles_hi=shi,
    )  # fmt: skip


def plot_bars(
    counts: pd.DataFrame,
    *,
    measure: str = "per_1k_tokens",
    by: str = "outlet",
    hue: str | None = "frame",
    ax=None,
    conf: float | None = None,
    width: str = "single",
    title: str | None = None,
):
    """Bars comparing groups over the whole period, with interval error bars.

    The counts are *pooled* before the rates are computed: hits, tokens and articles are
    summed over all periods (and over groups not shown) for every ``by`` x ``hue`` cell, and
    the rate and its interval recomputed from the sums with :mod:`framing.aggregate`'s
    intervals (exact Poisson for hits and rates, Wilson for shares). A pooled rate is thus
    the rate of all the cell's words, never an average of monthly rates.

    Parameters
    ----------
    counts : DataFrame
        A counts table from :func:`framing.count_by_period` (needs ``n_hits``, ``n_tokens``,
        ``n_articles``, ``n_articles_with_hit``).
    measure : {"per_1k_tokens", "n_hits", "share_of_articles"}
        The bar height.
    by : str
        One group of bars per level (x axis), e.g. ``"outlet"`` or ``"frame"``.
    hue : str or None
        One bar per level within each group, coloured, e.g. ``"frame"``.
    ax : Axes, optional
        Where to draw; created when omitted.
    conf : float, optional
        Confidence level of the error bars (default: the counts table's, else 0.95).
    width : {"single", "double"}
        Figure width when the figure is created.
    title : str, optional
        Axes title.

    Returns
    -------
    Axes

    Examples
    --------
    >>> import pandas as pd
    >>> counts = pd.DataFrame({"period": pd.to_datetime(["2024-01-01", "2024-02-01"] * 2),
    ...     "outlet": ["X", "X", "Y", "Y"], "frame": "threat", "n_hits": [1, 3, 0, 2],
    ...     "n_articles_with_hit": [1, 2, 0, 1], "n_articles": [2, 2, 2, 2],
    ...     "n_tokens": [1000, 1000, 500, 500]})
    >>> ax = plot_bars(counts)
    >>> [float(bar.get_height()) for bar in ax.patches]
    [2.0, 2.0]
    """
    import matplotlib.pyplot as plt

    function = "plot_bars"
    check_measure(measure, function)
    w = check_width(width, function)
    check_counts(counts, function)
    keys = [by] + ([hue] if hue is not None and hue != by else [])
    check_columns(
        counts, [*keys, *_SUMS], table="counts", function=function,
        hint="plot_bars pools the raw counts; pass the table count_by_period returns.",
    )  # fmt: skip
    for col in ("frame", "entry"):
        if col in counts.columns and col not in keys and counts[col].nunique() > 1:
            raise FramingError(
                f"the counts table has {counts[col].nunique()} values of {col!r} but neither by "
                "nor hue shows them, and hits of different "
                f"{'frames' if col == 'frame' else 'entries'} cannot be pooled into one bar",
                where=function,
                fix=f"Pass hue={col!r} or by={col!r}, or select one {col} first.",
            )
    if conf is None:
        conf = float(counts.attrs.get("provenance", {}).get("conf", 0.95))
    pooled = _pooled(counts, keys, conf)
    groups = level_order(pooled[by])
    hues = level_order(pooled[hue]) if len(keys) > 1 else [None]
    colours = colour_map(hues, level_universe(counts, hue) if len(keys) > 1 else None)
    lo_col, hi_col = f"{measure}_lo", f"{measure}_hi"

    with style_context():
        if ax is None:
            fig, ax = plt.subplots(figsize=(w, 2.6 if w < 5 else 3.0), layout="constrained")
        fig = ax.figure
        span = 0.8 / len(hues)
        x = np.arange(len(groups))
        for j, level in enumerate(hues):
            sub = pooled if level is None else pooled[pooled[hue] == level]
            sub = sub.set_index(by).reindex(groups)
            y = sub[measure].to_numpy(dtype=float)
            err = np.vstack([y - sub[lo_col].to_numpy(dtype=float),
                             sub[hi_col].to_numpy(dtype=float) - y])  # fmt: skip
            ax.bar(x - 0.4 + span * (j + 0.5), y, width=span * 0.92, color=colours[level],
                   yerr=np.clip(np.nan_to_num(err), 0, None),
                   error_kw={"elinewidth": 0.7, "capsize": 1.5, "ecolor": "#333333"},
                   label=None if level is None else str(level))  # fmt: skip
        names = tick_labels(groups)
        ax.set_xticks(x, names)
        if max(map(len, names), default=0) * len(groups) > (40 if w < 5 else 90):
            ax.tick_params(axis="x", labelrotation=30)
            for t in ax.get_xticklabels():
                t.set_horizontalalignment("right")
        ax.set_ylabel(MEASURES[measure] + f"\n(pooled, {conf:.0%} interval)")
        ax.set_ylim(bottom=0)
        light_grid(ax, "y")
        legend_above(ax, len(hues))
        if title:
            ax.set_title(title, loc="left")
    pooled.attrs = {
        "provenance": {**table_provenance(counts), "pooled_over": "period", "conf": conf}
    }
    attach(fig, provenance=pooled.attrs["provenance"], data=pooled, ax=ax, label=function)
    return ax
