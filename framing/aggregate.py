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
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ._errors import FramingError, check_columns, check_dates, choices_error
from .match import article_token_totals

__all__ = [
    "count_by_period",
    "count_partials",
    "combine_partials",
    "counts_from_partials",
    "CountPartials",
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
    partials = _count_partials(
        hits,
        articles,
        freq=freq,
        by=by,
        level=level,
        token_totals=token_totals,
        function="count_by_period",
    )
    return _counts_from_partials(
        partials, frames=frames, start=start, end=end, conf=conf, function="count_by_period"
    )


@dataclass(eq=False)
class CountPartials:
    """The additive pieces of a counts table, from one batch of articles.

    A counts table is a function of two small tables that simply add up over batches of
    articles that share no article: per period and group, the number of articles and tokens
    (the *denominators*), and per period, group and frame (and entry), the number of hits and
    of articles with a hit (the *numerators*). :func:`count_partials` makes them from one
    batch, :func:`combine_partials` (or ``+``) adds batches, and :func:`counts_from_partials`
    finishes the counts table, which is then identical to :func:`count_by_period` on all
    the articles at once. This is how :func:`framing.count_corpus` counts corpora larger
    than memory, on several cores or on a Dask cluster.

    Attributes
    ----------
    denominators : DataFrame
        ``period`` (pandas Period), the ``by`` columns, ``n_articles``, ``n_tokens``.
    numerators : DataFrame
        ``period``, the ``by`` columns, ``frame`` (and ``entry``), ``n_hits``,
        ``n_articles_with_hit``; only cells with hits.
    freq : str
        The pandas period frequency.
    by : tuple of str
        The grouping columns.
    level : {"frame", "entry"}
    frames : list of str or None
        The frames of the lexicon the hits were found with (``hits.attrs["frames"]``).
    attrs : dict
        The rest of ``hits.attrs`` (lexicon name and hash, parameters), for provenance.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["A threat.", "Calm."],
    ...     "date": pd.to_datetime(["2024-01-03", "2024-01-20"])})
    >>> hits = pd.DataFrame({"article_id": ["a"], "frame": ["threat"]})
    >>> p = count_partials(hits.iloc[:1], arts.iloc[:1]) + count_partials(hits.iloc[:0], arts.iloc[1:])
    >>> p.denominators
        period  n_articles  n_tokens
    0  2024-01           2         3
    """

    denominators: pd.DataFrame
    numerators: pd.DataFrame
    freq: str
    by: tuple[str, ...]
    level: str
    frames: list | None = None
    attrs: dict = field(default_factory=dict)

    def __add__(self, other: CountPartials) -> CountPartials:
        return combine_partials([self, other])

    def __repr__(self) -> str:
        return (
            f"<CountPartials freq={self.freq!r} by={list(self.by)!r} level={self.level!r}: "
            f"{int(self.denominators['n_articles'].sum())} articles, "
            f"{int(self.numerators['n_hits'].sum())} hits>"
        )


def count_partials(
    hits: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    freq: str = "M",
    by=None,
    level: str = "frame",
    token_totals: pd.DataFrame | None = None,
) -> CountPartials:
    """The additive pieces of :func:`count_by_period` for one batch of articles.

    Takes the same tables and options as :func:`count_by_period` and checks them the same
    way; see :class:`CountPartials`.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["A threat.", "Threats."],
    ...     "date": pd.to_datetime(["2024-01-03", "2024-02-20"])})
    >>> hits = pd.DataFrame({"article_id": ["a", "b"], "frame": "threat"})
    >>> count_partials(hits, arts).numerators
        period   frame  n_hits  n_articles_with_hit
    0  2024-01  threat       1                    1
    1  2024-02  threat       1                    1
    """
    return _count_partials(
        hits,
        articles,
        freq=freq,
        by=by,
        level=level,
        token_totals=token_totals,
        function="count_partials",
    )


def _count_partials(hits, articles, *, freq, by, level, token_totals, function) -> CountPartials:
    if not isinstance(hits, pd.DataFrame):
        raise FramingError(
            f"expected the hits table as a pandas DataFrame, got {type(hits).__name__}",
            where=function,
        )
    if "frame" not in hits.columns and "text" in hits.columns:
        raise FramingError(
            f"{function} needs the hits table first; you passed the articles table",
            where=function,
            fix=f"Call {function}(hits, articles) with hits = framing.find_hits(articles, lexicon).",
        )
    if "n_hits" in hits.columns:
        raise FramingError(
            f"{function} needs the hits table; you passed a counts table",
            where=function,
        )
    if level not in _LEVELS:
        raise choices_error(f"{function}(level=...)", level, _LEVELS)
    key = freq if freq in FREQUENCIES else str(freq).lower()
    if key not in FREQUENCIES:
        raise choices_error(f"{function}(freq=...)", freq, ["D", "W", "M", "Q", "Y"])
    pfreq = FREQUENCIES[key]
    by = [] if by is None else [by] if isinstance(by, str) else list(by)
    hit_cols = ["article_id", "frame"] + (["entry"] if level == "entry" else [])
    check_columns(hits, hit_cols, table="hits", function=function)
    check_columns(
        articles,
        ["article_id", "date", *by],
        table="articles",
        function=function,
        hint="Group only by columns of the articles table (by=...).",
    )
    check_dates(articles, function=function)
    if articles["article_id"].duplicated().any():
        dup = articles.loc[articles["article_id"].duplicated(), "article_id"].iloc[0]
        raise FramingError(
            f"the articles table has duplicate article_id values (e.g. {dup!r})",
            where=function,
            fix="Make ids unique; framing.read_articles sets duplicates aside for you.",
        )
    if articles["date"].isna().any():
        raise FramingError(
            f"{int(articles['date'].isna().sum())} articles have no date",
            where=function,
            fix="Drop them or read articles with framing.read_articles, which sets them aside.",
        )

    arts = articles[["article_id", "date", *by]].copy()
    arts["n_tokens"] = article_token_totals(articles, token_totals, function=function)
    dates = arts["date"].dt.tz_localize(None) if arts["date"].dt.tz is not None else arts["date"]
    arts["period"] = dates.dt.to_period(pfreq)
    for col in by:
        arts[col] = arts[col].astype(object).where(arts[col].notna(), "")

    position = pd.Index(arts["article_id"]).get_indexer(hits["article_id"])
    unknown = position < 0
    if unknown.any():
        example = hits["article_id"].to_numpy()[unknown][0]
        raise FramingError(
            f"{int(unknown.sum())} hits refer to articles not in the articles table (e.g. {example!r})",
            where=function,
            fix="Pass the same articles table you gave find_hits.",
        )
    keys = ["period", *by]
    article_group, den = _groups(arts, keys)
    den["n_articles"] = np.bincount(article_group, minlength=len(den)).astype(np.int64)
    tokens = arts["n_tokens"].to_numpy(dtype=np.float64)  # exact: sums stay below 2**53
    den["n_tokens"] = np.bincount(article_group, tokens, minlength=len(den)).astype(np.int64)
    num = _numerators(article_group, den[keys], hits, hit_cols[1:], position, len(arts))
    frames = hits.attrs.get("frames")
    return CountPartials(
        denominators=den,
        numerators=num,
        freq=pfreq,
        by=tuple(by),
        level=level,
        frames=None if frames is None else list(frames),
        attrs={k: v for k, v in hits.attrs.items() if k != "frames"},
    )


#: cells (groups x labels) and (article, label) pairs up to which _numerators counts in
#: arrays over all of them rather than sorting the hits
_DENSE_CELLS = 4_000_000
_DENSE_PAIRS = 50_000_000


def _groups(arts: pd.DataFrame, keys: list[str]) -> tuple[np.ndarray, pd.DataFrame]:
    """The group of every article by ``keys`` (numbered in order of first occurrence, as
    ``groupby(keys, sort=False).ngroup()``) and the groups' keys, one row per group.

    Computed on integer codes: a pandas groupby-aggregate cost 15-25 ms per call, most of
    what :func:`framing.count_corpus` spent on a chunk outside the scan.
    """
    code = np.zeros(len(arts), dtype=np.int64)
    for col in keys:
        values = arts[col]
        if isinstance(values.dtype, pd.PeriodDtype):
            values = values.array.asi8
        part, uniques = pd.factorize(values, use_na_sentinel=False)
        code = code * max(len(uniques), 1) + part
    article_group, _ = pd.factorize(code)
    article_group = article_group.astype(np.int64)
    n_groups = int(article_group.max()) + 1 if len(article_group) else 0
    first = np.full(n_groups, len(article_group), dtype=np.int64)
    np.minimum.at(first, article_group, np.arange(len(article_group), dtype=np.int64))
    groups = arts[keys].iloc[first].reset_index(drop=True)
    for col in keys:  # the dtypes a groupby gives its keys (str, int64 ... from object)
        if groups[col].dtype == object:
            groups[col] = groups[col].infer_objects()
    return article_group, groups


def _numerators(
    article_group, groups: pd.DataFrame, hits, labels, position, n_arts
) -> pd.DataFrame:
    """Hits and articles with a hit per group (``article_group``, one row of ``groups`` each)
    and label (frame, entry), in the order cells first occur in the hits, counted on integer
    codes.

    (A merge of the hits with the articles on the id strings and a ``nunique`` per cell were
    most of the time :func:`framing.count_corpus` spent outside the scan.)
    """
    group = article_group[position]
    codes, levels = [], []
    n_labels = 1  # distinct label combinations
    for col in labels:
        code, uniques = pd.factorize(hits[col], use_na_sentinel=False)
        codes.append(code)
        levels.append(uniques)
        n_labels *= max(len(uniques), 1)
    label = np.zeros(len(position), dtype=np.int64)
    for code, uniques in zip(codes, levels, strict=True):
        label = label * len(uniques) + code
    cell = group.astype(np.int64) * n_labels + label
    n_arts = max(n_arts, 1)
    if len(groups) * n_labels <= _DENSE_CELLS:
        # few possible cells (the usual case): count them in arrays over all of them
        space = len(groups) * n_labels
        n_hits = np.bincount(cell, minlength=space)
        first = np.full(space, len(cell), dtype=np.int64)
        np.minimum.at(first, cell, np.arange(len(cell), dtype=np.int64))
        present = np.flatnonzero(n_hits)
        order = present[np.argsort(first[present], kind="stable")]  # by first occurrence
        if n_arts * n_labels <= _DENSE_PAIRS:  # (article, label) pairs with a hit
            mark = np.zeros(n_arts * n_labels, dtype=bool)
            mark[position * n_labels + label] = True
            pair = np.flatnonzero(mark)
        else:
            pair = np.unique(position * n_labels + label)
        owner = article_group[pair // n_labels].astype(np.int64) * n_labels + pair % n_labels
        with_hit = np.bincount(owner, minlength=space)
        rows, n_hits, with_hit = first[order], n_hits[order], with_hit[order]
    else:
        cells, first, inverse = np.unique(cell, return_index=True, return_inverse=True)
        order = np.argsort(first, kind="stable")  # cells in order of first occurrence
        n_hits = np.bincount(inverse, minlength=cells.size)[order]
        # articles with a hit: distinct (cell, article) pairs per cell
        pairs = np.unique(inverse.astype(np.int64) * n_arts + position)
        with_hit = np.bincount(pairs // n_arts, minlength=cells.size)[order]
        rows = first[order]  # one hit of each cell
    out = groups.iloc[group[rows]].reset_index(drop=True)
    for col, code, uniques in zip(labels, codes, levels, strict=True):
        dtype = "str" if hits[col].dtype == object else hits[col].dtype  # as a groupby makes it
        out[col] = pd.Series(np.asarray(uniques, dtype=object)[code[rows]], dtype=dtype)
    out["n_hits"] = n_hits.astype(np.int64)
    out["n_articles_with_hit"] = with_hit.astype(np.int64)
    return out


def combine_partials(parts) -> CountPartials:
    """Add up the :class:`CountPartials` of batches that share no article.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["A threat.", "Threats."],
    ...     "date": pd.to_datetime(["2024-01-03", "2024-01-20"])})
    >>> hits = pd.DataFrame({"article_id": ["a", "b"], "frame": "threat"})
    >>> parts = [count_partials(hits.iloc[[i]], arts.iloc[[i]]) for i in range(2)]
    >>> combine_partials(parts).numerators
        period   frame  n_hits  n_articles_with_hit
    0  2024-01  threat       2                    2
    """
    parts = list(parts)
    if not parts or not all(isinstance(p, CountPartials) for p in parts):
        raise FramingError(
            "expected a non-empty list of CountPartials",
            where="combine_partials",
            fix="Make them with framing.aggregate.count_partials(hits, articles).",
        )
    first = parts[0]
    for p in parts[1:]:
        if (p.freq, p.by, p.level) != (first.freq, first.by, first.level):
            raise FramingError(
                f"cannot add partial counts made with freq={p.freq!r}, by={list(p.by)!r}, "
                f"level={p.level!r} to ones made with freq={first.freq!r}, "
                f"by={list(first.by)!r}, level={first.level!r}",
                where="combine_partials",
                fix="Count every batch with the same freq, by and level.",
            )
    if len(parts) == 1:
        return first
    keys = ["period", *first.by]

    def add(tables, group_keys, sums):
        tables = [t for t in tables if len(t)] or tables[:1]
        if len(tables) == 1:
            return tables[0].reset_index(drop=True)
        both = pd.concat(tables, ignore_index=True)
        return both.groupby(group_keys, sort=False, dropna=False)[sums].sum().reset_index()

    cell_keys = keys + (["frame", "entry"] if first.level == "entry" else ["frame"])
    frames = next((p.frames for p in parts if p.frames is not None), None)
    return CountPartials(
        denominators=add([p.denominators for p in parts], keys, ["n_articles", "n_tokens"]),
        numerators=add([p.numerators for p in parts], cell_keys, ["n_hits", "n_articles_with_hit"]),
        freq=first.freq,
        by=first.by,
        level=first.level,
        frames=frames,
        attrs=first.attrs,
    )


def counts_from_partials(
    partials: CountPartials, *, frames=None, start=None, end=None, conf: float = 0.95
) -> pd.DataFrame:
    """Finish the counts table from :class:`CountPartials` (as :func:`count_by_period` does).

    Parameters
    ----------
    partials : CountPartials
        From :func:`count_partials`, added up over batches with :func:`combine_partials`.
    frames, start, end, conf
        As in :func:`count_by_period`.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["A threat.", "Threats."],
    ...     "date": pd.to_datetime(["2024-01-03", "2024-03-20"])})
    >>> hits = pd.DataFrame({"article_id": ["a", "b"], "frame": "threat"})
    >>> parts = [count_partials(hits.iloc[[i]], arts.iloc[[i]]) for i in range(2)]
    >>> counts = counts_from_partials(combine_partials(parts))
    >>> counts.equals(count_by_period(hits, arts))
    True
    """
    if not isinstance(partials, CountPartials):
        raise FramingError(
            f"expected CountPartials, got {type(partials).__name__}",
            where="counts_from_partials",
            fix="Make them with framing.aggregate.count_partials(hits, articles).",
        )
    return _counts_from_partials(
        partials, frames=frames, start=start, end=end, conf=conf, function="counts_from_partials"
    )


def _counts_from_partials(partials, *, frames, start, end, conf, function) -> pd.DataFrame:
    pfreq, by, level = partials.freq, list(partials.by), partials.level
    den, num = partials.denominators, partials.numerators
    keys = ["period", *by]
    cell_keys = keys + (["frame", "entry"] if level == "entry" else ["frame"])

    # The full grid: every period in range x every observed group x every frame.
    if den.empty and start is None:
        raise FramingError("the articles table is empty", where=function)
    lo = pd.Period(start, pfreq) if start is not None else den["period"].min()
    hi = pd.Period(end, pfreq) if end is not None else den["period"].max()
    periods = pd.period_range(lo, hi, freq=pfreq)
    groups = sorted(den[by].drop_duplicates().itertuples(index=False, name=None)) if by else [()]
    observed = num[cell_keys[len(keys) :]]
    observed.attrs = {} if partials.frames is None else {"frames": partials.frames}
    targets = _frames_of(observed, frames, level)
    targets = [(t,) if level == "frame" else t for t in targets]
    grid = pd.DataFrame(
        [(p, *g, *t) for g, t, p in itertools.product(groups, targets, periods)],
        columns=cell_keys,
    )
    grid = grid.astype({"period": pd.PeriodDtype(pfreq)})
    for col in by:
        grid[col] = grid[col].astype(object)
    counts = grid.merge(num, on=cell_keys, how="left").merge(den, on=keys, how="left")
    for col in ("n_hits", "n_articles_with_hit", "n_articles", "n_tokens"):
        counts[col] = counts[col].fillna(0).astype("int64")
    counts = counts[(counts["period"] >= lo) & (counts["period"] <= hi)]
    counts = _add_measures(counts, conf=conf)
    counts["period"] = counts["period"].dt.start_time.astype("datetime64[ns]")
    counts = counts.reset_index(drop=True)
    counts.attrs = {
        "provenance": {
            **partials.attrs,
            "freq": pfreq,
            "by": by,
            "level": level,
            "conf": conf,
            "n_articles": int(den["n_articles"].sum()),
        }
    }
    return counts


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
