"""Aggregate hits over time and groups, with honest denominators and 95% intervals.

Every cell of the counts table (period × group × frame) counts every article published in
it, with or without hits, so rates are never inflated by looking only at articles that
matched. Empty periods are filled: a period with articles but no hits has ``n_hits = 0``;
a period with no articles at all has ``n_articles = 0`` and undefined (NaN) rates, not zero.

Intervals (default 95%):

* ``n_hits`` and ``per_1k_tokens``: exact Poisson (Garwood) intervals for the count,
  scaled by the cell's token total. They assume hits occur independently; hits cluster
  within articles, so these are narrower than a bootstrap over articles would be.
* ``share_of_articles``: Wilson score interval for a binomial proportion.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd

from ._errors import FramingError, check_columns, choices_error

__all__ = [
    "count_by_period",
    "rolling_counts",
    "poisson_interval",
    "wilson_interval",
    "FREQUENCIES",
]

#: accepted ``freq`` values and the pandas period frequency each one means
FREQUENCIES = {
    "D": "D", "day": "D", "daily": "D",
    "W": "W-SUN", "week": "W-SUN", "weekly": "W-SUN",
    "M": "M", "month": "M", "monthly": "M",
    "Q": "Q", "quarter": "Q", "quarterly": "Q",
    "Y": "Y", "A": "Y", "year": "Y", "yearly": "Y", "annual": "Y",
}  # fmt: skip

_LEVELS = ("frame", "entry")


def poisson_interval(k, exposure=1.0, *, conf: float = 0.95):
    """Exact (Garwood) Poisson interval for the rate ``k / exposure``.

    Examples
    --------
    >>> lo, hi = poisson_interval(0)
    >>> float(lo), round(float(hi), 3)
    (0.0, 3.689)
    """
    from scipy.stats import chi2

    k = np.asarray(k, dtype=float)
    exposure = np.asarray(exposure, dtype=float)
    alpha = 1.0 - conf
    with np.errstate(divide="ignore", invalid="ignore"):
        lo = np.where(k > 0, chi2.ppf(alpha / 2, 2 * k) / 2, 0.0) / exposure
        hi = chi2.ppf(1 - alpha / 2, 2 * k + 2) / 2 / exposure
    return lo, hi


def wilson_interval(successes, n, *, conf: float = 0.95):
    """Wilson score interval for the proportion ``successes / n`` (NaN where n is 0).

    Examples
    --------
    >>> lo, hi = wilson_interval(5, 10)
    >>> round(float(lo), 4), round(float(hi), 4)
    (0.2366, 0.7634)
    """
    from scipy.stats import norm

    x = np.asarray(successes, dtype=float)
    n = np.asarray(n, dtype=float)
    z = norm.ppf(1 - (1 - conf) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = x / n
        denom = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denom
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
        lo = np.where(n > 0, np.clip(centre - half, 0, 1), np.nan)
        hi = np.where(n > 0, np.clip(centre + half, 0, 1), np.nan)
    return lo, hi


def _frames_of(hits: pd.DataFrame, frames, level: str):
    """The frames (and entries) to report, in lexicon order."""
    from .lexicon import Lexicon

    if isinstance(frames, Lexicon):
        if level == "entry":
            return [(e.frame, e.pattern) for e in frames.entries]
        return list(frames.frame_names)
    if frames is None:
        frames = hits.attrs.get("frames")
    if frames is None:
        frames = sorted(hits["frame"].unique().tolist())
    frames = list(frames)
    if level == "entry":
        seen = hits[["frame", "entry"]].drop_duplicates()
        pairs = sorted(map(tuple, seen.itertuples(index=False)), key=lambda p: (
            frames.index(p[0]) if p[0] in frames else len(frames), p[1]))  # fmt: skip
        return [p for p in pairs if p[0] in frames]
    return frames


def count_by_period(
    hits: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    freq: str = "M",
    by=None,
    frames=None,
    level: str = "frame",
    token_totals: pd.DataFrame | None = None,
    start=None,
    end=None,
    conf: float = 0.95,
) -> pd.DataFrame:
    """Count hits by period and group, normalized, with intervals.

    Parameters
    ----------
    hits : DataFrame
        The hits table from :func:`framing.find_hits`.
    articles : DataFrame
        The articles table the hits were found in (``article_id``, ``date``, the ``by`` columns).
    freq : {"D", "W", "M", "Q", "Y"} or "day", "week", "month", "quarter", "year"
        Period length. Weeks run Monday to Sunday.
    by : str or list of str, optional
        Article columns to group by, e.g. ``"outlet"`` or ``["outlet", "lang"]``.
    frames : list of str or Lexicon, optional
        Frames to report (frames without hits get zero rows). Defaults to the frames of the
        lexicon ``find_hits`` used.
    level : {"frame", "entry"}
        Count per frame, or per frame and lexicon entry.
    token_totals : DataFrame, optional
        Precomputed :func:`framing.token_counts`; by default the ``n_tokens`` column of
        ``articles`` if present, else computed.
    start, end : date-like, optional
        Extend (or cut) the period range; by default it spans the articles' dates.
    conf : float
        Confidence level of the intervals.

    Returns
    -------
    DataFrame
        The counts table: ``period`` (start of the period), the ``by`` columns, ``frame``
        (and ``entry``), ``n_hits`` (+ ``_lo``/``_hi``), ``n_articles``,
        ``n_articles_with_hit``, ``n_tokens``, ``per_1k_tokens`` (+ ``_lo``/``_hi``),
        ``share_of_articles`` (+ ``_lo``/``_hi``).

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"],
    ...     "date": pd.to_datetime(["2024-01-03", "2024-01-20", "2024-03-01"]),
    ...     "text": ["A threat.", "Calm news today.", "Threats, threats."]})
    >>> hits = pd.DataFrame({"article_id": ["a", "c", "c"], "frame": "threat"})
    >>> counts = count_by_period(hits, arts, freq="M")
    >>> counts[["period", "n_hits", "n_articles", "n_articles_with_hit", "n_tokens"]]
          period  n_hits  n_articles  n_articles_with_hit  n_tokens
    0 2024-01-01       1           2                    1         5
    1 2024-02-01       0           0                    0         0
    2 2024-03-01       2           1                    1         2
    """
    if "frame" not in hits.columns and "text" in hits.columns:
        raise FramingError(
            "count_by_period needs the hits table first; you passed the articles table",
            where="count_by_period",
            fix="Call count_by_period(hits, articles) with hits = framing.find_hits(articles, lexicon).",
        )
    if "n_hits" in hits.columns:
        raise FramingError(
            "count_by_period needs the hits table; you passed a counts table",
            where="count_by_period",
        )
    if level not in _LEVELS:
        raise choices_error("count_by_period(level=...)", level, _LEVELS)
    key = freq if freq in FREQUENCIES else str(freq).lower()
    if key not in FREQUENCIES:
        raise choices_error("count_by_period(freq=...)", freq, ["D", "W", "M", "Q", "Y"])
    pfreq = FREQUENCIES[key]
    by = [] if by is None else [by] if isinstance(by, str) else list(by)
    hit_cols = ["article_id", "frame"] + (["entry"] if level == "entry" else [])
    check_columns(hits, hit_cols, table="hits", function="count_by_period")
    check_columns(
        articles,
        ["article_id", "date", *by],
        table="articles",
        function="count_by_period",
        hint="Group only by columns of the articles table (by=...).",
    )
    if not pd.api.types.is_datetime64_any_dtype(articles["date"]):
        raise FramingError(
            f"the articles' 'date' column has dtype {articles['date'].dtype}, not datetime",
            where="count_by_period",
            fix="Read articles with framing.read_articles, or convert with pd.to_datetime.",
        )
    if articles["article_id"].duplicated().any():
        dup = articles.loc[articles["article_id"].duplicated(), "article_id"].iloc[0]
        raise FramingError(
            f"the articles table has duplicate article_id values (e.g. {dup!r})",
            where="count_by_period",
            fix="Make ids unique; framing.read_articles sets duplicates aside for you.",
        )
    if articles["date"].isna().any():
        raise FramingError(
            f"{int(articles['date'].isna().sum())} articles have no date",
            where="count_by_period",
            fix="Drop them or read articles with framing.read_articles, which sets them aside.",
        )

    arts = articles[["article_id", "date", *by]].copy()
    arts["n_tokens"] = _token_totals(articles, token_totals)
    dates = arts["date"].dt.tz_localize(None) if arts["date"].dt.tz is not None else arts["date"]
    arts["period"] = dates.dt.to_period(pfreq)
    for col in by:
        arts[col] = arts[col].astype(object).where(arts[col].notna(), "")

    known = pd.Index(arts["article_id"])
    unknown = ~hits["article_id"].isin(known)
    if unknown.any():
        example = hits.loc[unknown, "article_id"].iloc[0]
        raise FramingError(
            f"{int(unknown.sum())} hits refer to articles not in the articles table (e.g. {example!r})",
            where="count_by_period",
            fix="Pass the same articles table you gave find_hits.",
        )
    keys = ["period", *by]
    cell_keys = keys + hit_cols[1:]
    h = hits[hit_cols].merge(arts[["article_id", *keys]], on="article_id", how="left")
    num = h.groupby(cell_keys, sort=False, dropna=False).agg(
        n_hits=("article_id", "size"), n_articles_with_hit=("article_id", "nunique")
    )
    den = arts.groupby(keys, sort=False, dropna=False).agg(
        n_articles=("article_id", "size"), n_tokens=("n_tokens", "sum")
    )

    # The full grid: every period in range x every observed group x every frame.
    if arts.empty and start is None:
        raise FramingError("the articles table is empty", where="count_by_period")
    lo = pd.Period(start, pfreq) if start is not None else arts["period"].min()
    hi = pd.Period(end, pfreq) if end is not None else arts["period"].max()
    periods = pd.period_range(lo, hi, freq=pfreq)
    groups = sorted(arts[by].drop_duplicates().itertuples(index=False, name=None)) if by else [()]
    targets = _frames_of(hits, frames, level)
    targets = [(t,) if level == "frame" else t for t in targets]
    grid = pd.DataFrame(
        [(p, *g, *t) for g, t, p in itertools.product(groups, targets, periods)],
        columns=cell_keys,
    )
    grid = grid.astype({"period": pd.PeriodDtype(pfreq)})
    for col in by:
        grid[col] = grid[col].astype(object)
    counts = grid.merge(num.reset_index(), on=cell_keys, how="left").merge(
        den.reset_index(), on=keys, how="left"
    )
    for col in ("n_hits", "n_articles_with_hit", "n_articles", "n_tokens"):
        counts[col] = counts[col].fillna(0).astype("int64")
    counts = counts[(counts["period"] >= lo) & (counts["period"] <= hi)]
    counts = _add_measures(counts, conf=conf)
    counts["period"] = counts["period"].dt.start_time.astype("datetime64[ns]")
    counts = counts.reset_index(drop=True)
    counts.attrs = {
        "provenance": {
            **{k: v for k, v in hits.attrs.items() if k != "frames"},
            "freq": pfreq,
            "by": by,
            "level": level,
            "conf": conf,
            "n_articles": len(arts),
        }
    }
    return counts


def _token_totals(articles: pd.DataFrame, token_totals) -> np.ndarray:
    if token_totals is not None:
        check_columns(
            token_totals,
            ["article_id", "n_tokens"],
            table="token totals",
            function="count_by_period",
        )
        mapping = dict(zip(token_totals["article_id"], token_totals["n_tokens"], strict=True))
        values = articles["article_id"].map(mapping)
        if values.isna().any():
            raise FramingError(
                f"token_totals lacks {int(values.isna().sum())} of the articles",
                where="count_by_period(token_totals=...)",
                fix="Compute it with framing.token_counts(articles) on the same articles.",
            )
        return values.to_numpy(dtype="int64")
    if "n_tokens" in articles.columns:
        return articles["n_tokens"].fillna(0).to_numpy(dtype="int64")
    from .match import token_counts

    return token_counts(articles)["n_tokens"].to_numpy()


def _add_measures(counts: pd.DataFrame, *, conf: float) -> pd.DataFrame:
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


def rolling_counts(counts: pd.DataFrame, window: int, *, conf: float = 0.95) -> pd.DataFrame:
    """Smooth a counts table with a centred moving window of ``window`` periods.

    Hits, articles and tokens are *summed* over the window and the rates and intervals
    recomputed from the sums, so a smoothed rate is the rate of the pooled window (never an
    average of noisy small-cell rates). Windows are cut at the ends of the series.

    Examples
    --------
    >>> import pandas as pd
    >>> counts = pd.DataFrame({"period": pd.date_range("2024-01-01", periods=3, freq="MS"),
    ...     "frame": "threat", "n_hits": [0, 6, 0], "n_articles_with_hit": [0, 2, 0],
    ...     "n_articles": [2, 2, 2], "n_tokens": [1000, 1000, 1000]})
    >>> rolling_counts(counts, 3)["per_1k_tokens"].tolist()
    [3.0, 2.0, 3.0]
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
    series_keys = [c for c in counts.columns if c in ("outlet", "frame", "entry", "lang")]
    series_keys += [
        c for c in counts.columns
        if counts[c].dtype == object and c not in series_keys and c != "period"
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
    out = base.copy()
    out[sums] = rolled.loc[base.index, sums].to_numpy().astype("int64")
    out = _add_measures(out, conf=conf).loc[counts.index]
    out.attrs = {**counts.attrs, "smooth": window}
    return out
