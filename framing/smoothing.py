"""Smoothing a counts table: a centred moving window that pools the window's sums (:func:`rolling_counts`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._errors import FramingError
from ._tables import check_columns
from .intervals import add_measures

__all__ = ["rolling_counts"]


def rolling_counts(counts: pd.DataFrame, window: int, *, conf: float = 0.95) -> pd.DataFrame:
    """Smooth a counts table with a centred moving window of ``window`` periods.

    Hits, articles and tokens are *summed* over the window, into the columns
    ``window_n_hits``, ``window_n_articles_with_hit``, ``window_n_articles`` and
    ``window_n_tokens``, and the rates and intervals are recomputed from those sums, so a
    smoothed rate is the rate of the pooled window (never an average of noisy small-cell
    rates). The columns ``n_hits`` … ``n_tokens`` keep each period's own counts, and
    ``window`` names the window with its unit ("3 months"). Windows are cut at the ends of
    the table: to smooth a date range without cutting its edges, smooth the whole series
    first, then select the range.

    A period without articles stays empty: its rates and bounds are NaN, as before
    smoothing, so a line breaks there instead of taking its neighbours' value.

    Examples
    --------
    >>> import pandas as pd
    >>> counts = pd.DataFrame({"period": pd.date_range("2024-01-01", periods=4, freq="MS"),
    ...     "frame": "threat", "n_hits": [0, 6, 0, 3], "n_articles_with_hit": [0, 2, 0, 1],
    ...     "n_articles": [2, 2, 0, 2], "n_tokens": [1000, 1000, 0, 1000]})
    >>> smooth = rolling_counts(counts, 3)
    >>> smooth["per_1k_tokens"].tolist()
    [3.0, 3.0, nan, 3.0]
    >>> smooth[["n_hits", "window_n_hits", "window"]].head(2)
       n_hits  window_n_hits     window
    0       0              6  3 periods
    1       6              6  3 periods
    """
    if not isinstance(window, int | np.integer) or window < 1:
        raise FramingError(
            f"{window!r} is not a window length",
            where="smooth",
            fix="Pass a whole number of periods >= 1.",
        )
    check_columns(
        counts,
        ["period", "n_hits", "n_articles_with_hit", "n_articles", "n_tokens"],
        table="counts",
        function="rolling_counts",
    )
    if window == 1:
        return counts.copy()
    series_keys = [
        c for c in counts.columns if c in ("outlet", "voice", "frame", "entry", "negated", "lang")
    ]
    series_keys += [
        c for c in counts.columns
        if counts[c].dtype == object and c not in series_keys and c not in ("period", "window")
    ]  # fmt: skip
    sums = ["n_hits", "n_articles_with_hit", "n_articles", "n_tokens"]
    base = counts.sort_values([*series_keys, "period"], kind="stable")
    rolled = (
        base.groupby(series_keys, sort=False, dropna=False)[sums]
        .rolling(window, center=True, min_periods=1)
        .sum()
        if series_keys
        else base[sums].rolling(window, center=True, min_periods=1).sum()
    )
    rolled = (
        rolled.reset_index(level=list(range(len(series_keys))), drop=True)
        if series_keys
        else rolled
    )
    pooled = base.copy()
    pooled[sums] = rolled.loc[base.index, sums].to_numpy().astype("int64")
    pooled = add_measures(pooled, conf=conf)
    measures = [c for c in pooled.columns if c not in base.columns or c.endswith(("_lo", "_hi"))]
    measures += ["per_1k_tokens", "share_of_articles"]
    empty = base["n_articles"].to_numpy() == 0  # no article: nothing to smooth into it
    out = base.copy()
    for col in dict.fromkeys(measures):
        values = pooled[col].to_numpy(dtype=float)
        out[col] = np.where(empty, np.nan, values) if not col.startswith("n_hits") else values
    for col in sums:
        out[f"window_{col}"] = pooled[col]
    out["window"] = f"{window} {_unit(counts, window)}"
    out = out.loc[counts.index]
    out.attrs = {**counts.attrs, "smooth": window}
    if "provenance" in counts.attrs:
        out.attrs["provenance"] = {**counts.attrs["provenance"], "smooth": out["window"].iloc[0]}
    return out


def _unit(counts: pd.DataFrame, window: int) -> str:
    """The unit of a window over the table's periods: "months" for a monthly table."""
    freq = str(counts.attrs.get("provenance", {}).get("freq", ""))
    name = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "A": "year"}
    unit = next((v for k, v in name.items() if freq.upper().startswith(k)), "period")
    return unit if window == 1 else unit + "s"
