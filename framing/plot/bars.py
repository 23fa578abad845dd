"""More views of framing tables: heatmaps, dispersion plots, pooled bars and rate ratios.

Like :func:`framing.plot_trends`, every function takes ``ax=None`` (creating a figure sized
for a journal column when omitted), returns the Axes, never saves or shows, and records the
table it plotted so that :func:`framing.save_figure` writes it as CSV beside the figure.
Colours are the Okabe–Ito palette (:data:`framing.plot.PALETTE`); the heatmap uses the
colour-blind-safe sequential map "cividis".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._errors import FramingError, check_columns, choices_error
from .trends import _RC, MEASURES, WIDTHS, _colours, _ordered, _rc_context

__all__ = ["plot_heatmap", "plot_dispersion", "plot_bars", "plot_comparison", "HEATMAP_CMAP"]

#: the colour map of heatmaps: sequential, perceptually uniform, colour-blind-safe
HEATMAP_CMAP = "cividis"
#: colour of heatmap cells without data (no articles in that period)
_MISSING = "#d9d9d9"
_SUMS = ["n_hits", "n_articles_with_hit", "n_articles", "n_tokens"]
# labelled ticks of the rate-ratio axis (log scale)
_RATIO_TICKS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]
_RATIO_TICKS_FINE = [0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3, 4]


def _check_width(width: str, function: str) -> float:
    if width not in WIDTHS:
        raise choices_error(f"{function}(width=...)", width, list(WIDTHS))
    return WIDTHS[width]


def _check_counts(counts, function: str) -> None:
    if isinstance(counts, pd.DataFrame) and "n_hits" not in counts.columns:
        if "text" in counts.columns or "match" in counts.columns:
            raise FramingError(
                f"{function} needs a counts table; you passed articles or hits",
                where=function,
                fix="Make one with framing.count_by_period(hits, articles).",
            )
    check_columns(counts, [], table="counts", function=function)
    if counts.empty:
        raise FramingError("the counts table is empty: nothing to plot", where=function)


def _levels(values: pd.Series) -> list:
    """Sorted levels for dates and numbers, order of first appearance otherwise."""
    if pd.api.types.is_datetime64_any_dtype(values) or pd.api.types.is_numeric_dtype(values):
        return sorted(values.dropna().unique().tolist())
    return _ordered(values.dropna())


def _date_format(values) -> str:
    """One date format for a whole axis: years, months or days, whichever the dates need."""
    stamps = [pd.Timestamp(v) for v in values]
    if all(s == s.normalize() and s.day == 1 for s in stamps):
        return "%Y" if all(s.month == 1 for s in stamps) and len(stamps) > 1 else "%Y-%m"
    return "%Y-%m-%d"


def _labels_of(levels: list) -> list[str]:
    if levels and all(isinstance(v, pd.Timestamp) for v in levels):
        fmt = _date_format(levels)
        return [v.strftime(fmt) for v in levels]
    return [str(v) for v in levels]


def _legend_above(ax, n: int) -> None:
    """A frameless legend above the Axes, clear of the data, as wide as the figure allows."""
    if n < 2:
        return
    handles, labels = ax.get_legend_handles_labels()
    longest = max((len(t) for t in labels), default=1)
    fits = int(ax.get_figure(root=True).get_figwidth() * 15 // (longest + 4))
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), frameon=False,
              ncols=max(1, min(n, fits, 5)), borderaxespad=0.2)  # fmt: skip


def _axes(ax, n: int, function: str, make):
    """The Axes to draw in: ``make()`` when ax is None, else ``ax`` checked to hold n Axes."""
    if ax is None:
        return make()
    axes = np.atleast_1d(np.asarray(ax, dtype=object)).ravel()
    if len(axes) != n:
        raise FramingError(
            f"{n} panels to draw but {len(axes)} Axes given",
            where=f"{function}(ax=...)",
            fix="Pass as many Axes as panels, or ax=None.",
        )
    return axes[0].figure, axes


def _unique_cells(table: pd.DataFrame, keys: list, function: str, hint: str) -> None:
    dup = table.duplicated(keys)
    if dup.any():
        others = [
            c for c in ("outlet", "frame", "entry", "lang", "period")
            if c in table.columns and c not in keys and table[c].nunique() > 1
        ]  # fmt: skip
        named = f" (it varies in {', '.join(map(repr, others))})" if others else ""
        raise FramingError(
            f"the counts table has several rows for one cell of {' x '.join(map(repr, keys))}"
            f"{named}, so they would be drawn on top of each other",
            where=function,
            fix=hint,
        )


def plot_heatmap(
    counts: pd.DataFrame,
    *,
    measure: str = "per_1k_tokens",
    rows: str = "frame",
    cols: str = "period",
    facet: str | None = "outlet",
    ax=None,
    width: str = "double",
    title: str | None = None,
):
    """Heatmap of a counts table (frame x period), in small multiples with one colour scale.

    Parameters
    ----------
    counts : DataFrame
        A counts table from :func:`framing.count_by_period`.
    measure : {"per_1k_tokens", "n_hits", "share_of_articles"}
        The value coloured.
    rows, cols : str
        The columns on the vertical and horizontal axes.
    facet : str or None
        One panel per level of this column (``"outlet"`` when the table has it, else one
        panel). All panels share the colour scale, shown by one colour bar.
    ax : Axes or array of Axes, optional
        Where to draw (as many as panels); created when omitted.
    width : {"single", "double"}
        Figure width when the figure is created: 3.5 in or 7.2 in.
    title : str, optional
        Figure title.

    Returns
    -------
    Axes, or an array of Axes for small multiples. Cells without articles are grey.

    Examples
    --------
    >>> import pandas as pd
    >>> counts = pd.DataFrame({"period": pd.to_datetime(["2024-01-01", "2024-02-01"] * 2),
    ...     "outlet": ["X", "X", "Y", "Y"], "frame": "threat", "n_hits": [1, 3, 0, 2],
    ...     "per_1k_tokens": [1.0, 3.0, 0.0, 2.0]})
    >>> axes = plot_heatmap(counts)
    >>> [a.get_title(loc="left") for a in axes], axes[0].images[0].get_clim()
    (['X', 'Y'], (0.0, 3.0))
    """
    import matplotlib.pyplot as plt
    from matplotlib.colors import Normalize

    from ..export import attach

    function = "plot_heatmap"
    if measure not in MEASURES:
        raise choices_error(f"{function}(measure=...)", measure, list(MEASURES))
    w = _check_width(width, function)
    _check_counts(counts, function)
    if facet is not None and facet not in counts.columns:
        if facet != "outlet":
            check_columns(counts, [facet], table="counts", function=f"{function}(facet=...)")
        facet = None
    check_columns(counts, [rows, cols, measure], table="counts", function=function)
    keys = [k for k in (facet, rows, cols) if k is not None]
    _unique_cells(
        counts, keys, function, "Select one level of the other column first, or facet by it."
    )
    table = counts[keys + [measure]].reset_index(drop=True)
    values = table[measure].to_numpy(dtype=float)
    if not np.isfinite(values).any():
        raise FramingError(f"the {measure!r} column has no values to plot", where=function)
    panels = _ordered(table[facet]) if facet else [None]
    row_levels, col_levels = _levels(table[rows]), _levels(table[cols])
    vmin = min(0.0, float(np.nanmin(values)))
    norm = Normalize(vmin=vmin, vmax=max(float(np.nanmax(values)), vmin + 1e-12))
    cmap = plt.get_cmap(HEATMAP_CMAP).with_extremes(bad=_MISSING)

    def make():
        panel_h = 0.35 + 0.17 * len(row_levels)
        fig, axes = plt.subplots(
            len(panels), 1, figsize=(w, 0.55 + panel_h * len(panels) + (0.25 if title else 0)),
            sharex=True, squeeze=False, layout="constrained",
        )  # fmt: skip
        return fig, axes.ravel()

    with _rc_context():
        fig, axes = _axes(ax, len(panels), function, make)
        step = max(1, int(np.ceil(len(col_levels) / (12 if w > 5 else 6))))
        image = None
        for axis, panel in zip(axes, panels, strict=True):
            sub = table if panel is None else table[table[facet] == panel]
            grid = (
                sub.pivot(index=rows, columns=cols, values=measure)
                .reindex(index=row_levels, columns=col_levels)
                .to_numpy(dtype=float)
            )
            image = axis.imshow(
                np.ma.masked_invalid(grid), cmap=cmap, norm=norm, aspect="auto",
                interpolation="nearest",
            )  # fmt: skip
            axis.set_yticks(range(len(row_levels)), _labels_of(row_levels))
            ticks = list(range(0, len(col_levels), step))
            col_names = _labels_of(col_levels)
            axis.set_xticks(ticks, [col_names[i] for i in ticks], rotation=90)
            axis.tick_params(length=0)
            for spine in axis.spines.values():
                spine.set_visible(False)
            if panel is not None:
                axis.set_title(str(panel), loc="left")
        bar = fig.colorbar(image, ax=list(axes), shrink=0.9 if len(axes) > 1 else 1.0)
        bar.set_label(MEASURES[measure])
        bar.outline.set_linewidth(0.4)
        if title:
            fig.suptitle(title, fontsize=_RC["axes.titlesize"] + 1)
    attach(fig, provenance=counts.attrs.get("provenance"), data=table, ax=axes[0],
           label=function)  # fmt: skip
    return axes[0] if len(axes) == 1 else axes


def plot_dispersion(
    hits: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    by: str = "frame",
    ax=None,
    width: str = "single",
    title: str | None = None,
):
    """Where in the articles the hits fall: a dispersion plot of relative positions.

    Like NLTK's ``dispersion_plot``, but normalized: each hit is a tick at ``start /
    len(text)`` of its article (0 = first character, 1 = last), so articles of any length
    share one axis. One row per level of ``by``; ticks are coloured by frame.

    Parameters
    ----------
    hits : DataFrame
        The hits table from :func:`framing.find_hits`.
    articles : DataFrame
        The articles table the hits were found in (``article_id``, ``text``).
    by : str
        One row per ``"frame"`` (default), ``"entry"``, ``"article"`` (each article, by date
        when the articles have one), or any column of the articles such as ``"outlet"``.
    ax : Axes, optional
        Where to draw; created when omitted.
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
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["threat and calm and threat"]})
    >>> hits = pd.DataFrame({"article_id": ["a", "a"], "frame": "threat",
    ...     "start": [0, 20], "end": [6, 26]})
    >>> ax = plot_dispersion(hits, arts)
    >>> ax.lines[0].get_xdata().tolist()
    [0.0, 0.7692307692307693]
    """
    import matplotlib.pyplot as plt

    from ..contexts import _hits_in_texts
    from ..export import attach

    function = "plot_dispersion"
    w = _check_width(width, function)
    rows_idx, start, _, texts = _hits_in_texts(hits, articles, function)
    if len(rows_idx) == 0:
        raise FramingError("the hits table is empty: nothing to plot", where=function)
    col = "article_id" if by in ("article", "article_id") else by
    if col in hits.columns:
        levels_of = hits[col].to_numpy(dtype=object)
    elif col in articles.columns and col != "text":
        levels_of = articles[col].to_numpy(dtype=object)[rows_idx]
    else:
        found = sorted({"article", *hits.columns, *articles.columns} - {"text", "start", "end"})
        raise choices_error(f"{function}(by=...)", by, found)
    lengths = np.array([len(texts[r]) for r in rows_idx], dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        position = np.where(lengths > 0, start / lengths, 0.0)
    table = pd.DataFrame({"article_id": hits["article_id"].to_numpy()})
    table[col] = levels_of
    for extra in ("frame", "entry"):
        if extra in hits.columns and extra != col:
            table[extra] = hits[extra].to_numpy()
    table["position"] = position

    if col == "frame":
        levels = [f for f in (hits.attrs.get("frames") or []) if f in set(levels_of)]
        levels += [f for f in _ordered(pd.Series(levels_of)) if f not in levels]
    elif col == "article_id":
        order = articles[["article_id"]].assign(_i=np.arange(len(articles)))
        if "date" in articles.columns:
            order = order.assign(_d=articles["date"].to_numpy()).sort_values(["_d", "_i"])
        seen = set(levels_of)
        levels = [a for a in order["article_id"].tolist() if a in seen]
    else:
        levels = _levels(pd.Series(levels_of))
    ypos = {lvl: i for i, lvl in enumerate(levels)}
    table["row"] = [ypos.get(v, -1) for v in levels_of]
    table = table[table["row"] >= 0]
    hue = "frame" if "frame" in table.columns else None
    hues = _ordered(table[hue]) if hue else [None]
    if hue == "frame" and hits.attrs.get("frames"):
        hues = [f for f in hits.attrs["frames"] if f in set(hues)] + [
            f for f in hues if f not in hits.attrs["frames"]
        ]
    colours = _colours(hues)

    with _rc_context():
        if ax is None:
            height = min(9.0, 0.7 + 0.16 * max(len(levels), 2))
            fig, ax = plt.subplots(figsize=(w, height), layout="constrained")
        fig = ax.figure
        for level in hues:
            sub = table if level is None else table[table[hue] == level]
            ax.plot(sub["position"].to_numpy(), sub["row"].to_numpy(), linestyle="none",
                    marker="|", markersize=7, markeredgewidth=0.9, color=colours[level],
                    label=None if level is None else str(level))  # fmt: skip
        ax.set_xlim(0, 1)
        ax.set_ylim(len(levels) - 0.5, -0.5)
        if len(levels) <= 60:
            ax.set_yticks(range(len(levels)), _labels_of(levels))
        else:
            ax.set_yticks([])
            ax.set_ylabel(f"{len(levels)} {'articles' if col == 'article_id' else col}")
        ax.set_xlabel("Relative position in the article (0 = start, 1 = end)")
        ax.grid(axis="x", linewidth=0.4, alpha=0.5)
        if hue and col != hue:
            _legend_above(ax, len(hues))
        if title:
            ax.set_title(title, loc="left")
    attach(fig, provenance=_provenance(hits), data=table, ax=ax, label=function)
    return ax


def _provenance(table: pd.DataFrame) -> dict:
    attrs = table.attrs
    if "provenance" in attrs:
        return dict(attrs["provenance"])
    return {k: v for k, v in attrs.items() if k != "frames"}


def _pooled(counts: pd.DataFrame, keys: list, conf: float) -> pd.DataFrame:
    """Sum hits and denominators over periods (and disjoint groups), then recompute measures."""
    from ..aggregate import poisson_interval, wilson_interval

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

    from ..export import attach

    function = "plot_bars"
    if measure not in MEASURES:
        raise choices_error(f"{function}(measure=...)", measure, list(MEASURES))
    w = _check_width(width, function)
    _check_counts(counts, function)
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
    groups = _levels(pooled[by])
    hues = _levels(pooled[hue]) if len(keys) > 1 else [None]
    colours = _colours(hues)
    lo_col, hi_col = f"{measure}_lo", f"{measure}_hi"

    with _rc_context():
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
        names = _labels_of(groups)
        ax.set_xticks(x, names)
        if max(map(len, names), default=0) * len(groups) > (40 if w < 5 else 90):
            ax.tick_params(axis="x", labelrotation=30)
            for t in ax.get_xticklabels():
                t.set_horizontalalignment("right")
        ax.set_ylabel(MEASURES[measure] + f"\n(pooled, {conf:.0%} interval)")
        ax.set_ylim(bottom=0)
        ax.grid(axis="y", linewidth=0.4, alpha=0.5)
        _legend_above(ax, len(hues))
        if title:
            ax.set_title(title, loc="left")
    pooled.attrs = {"provenance": {**_provenance(counts), "pooled_over": "period", "conf": conf}}
    attach(fig, provenance=pooled.attrs["provenance"], data=pooled, ax=ax, label=function)
    return ax


def plot_comparison(
    comparison: pd.DataFrame,
    *,
    ax=None,
    width: str = "single",
    title: str | None = None,
):
    """Rate ratios with their intervals on a log axis, with a line at 1 (no difference).

    Parameters
    ----------
    comparison : DataFrame
        A comparison table from :func:`framing.compare` (``frame``, ``group``, ``reference``,
        ``ratio``, ``ratio_lo``, ``ratio_hi``).
    ax : Axes, optional
        Where to draw; created when omitted.
    width : {"single", "double"}
        Figure width when the figure is created.
    title : str, optional
        Axes title.

    Returns
    -------
    Axes
        One row per frame; one colour per comparison (``group``, or ``group vs reference``).
        Ratios of 0, infinity or NaN (a group without hits) cannot sit on a log axis and are
        left out; an infinite upper bound is drawn to the edge of the axis.

    Examples
    --------
    >>> import pandas as pd
    >>> comp = pd.DataFrame({"frame": ["threat", "threat"], "group": ["X", "Y"],
    ...     "reference": "rest", "ratio": [2.0, 0.5], "ratio_lo": [1.2, 0.3],
    ...     "ratio_hi": [3.5, 0.8]})
    >>> ax = plot_comparison(comp)
    >>> ax.get_xscale(), [t.get_text() for t in ax.get_legend().get_texts()]
    ('log', ['X', 'Y'])
    """
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter

    from ..export import attach

    function = "plot_comparison"
    w = _check_width(width, function)
    if isinstance(comparison, pd.DataFrame) and "ratio" not in comparison.columns:
        if "n_hits" in comparison.columns or "start" in comparison.columns:
            raise FramingError(
                f"{function} needs a comparison table; you passed counts or hits",
                where=function,
                fix="Make one with framing.compare(hits, articles).",
            )
    needed = ["frame", "group", "reference", "ratio", "ratio_lo", "ratio_hi"]
    check_columns(comparison, needed, table="comparison", function=function)
    if comparison.empty:
        raise FramingError("the comparison table is empty: nothing to plot", where=function)
    table = comparison.reset_index(drop=True)
    vs_rest = (table["reference"].astype(str) == "rest").all()
    labels = (
        table["group"].astype(str)
        if vs_rest
        else table["group"].astype(str) + " vs " + table["reference"].astype(str)
    )
    frames = _ordered(table["frame"])
    hues = _ordered(labels)
    colours = _colours(hues)
    ratio = table["ratio"].to_numpy(dtype=float)
    lo = table["ratio_lo"].to_numpy(dtype=float)
    hi = table["ratio_hi"].to_numpy(dtype=float)
    shown = np.isfinite(ratio) & (ratio > 0)
    if not shown.any():
        raise FramingError(
            "no ratio is finite and positive, so nothing can be drawn on a log axis",
            where=function,
            fix="Check the groups have hits (n_hits, n_hits_ref) in the comparison table.",
        )
    finite = np.concatenate([ratio[shown], lo[shown & np.isfinite(lo) & (lo > 0)],
                             hi[shown & np.isfinite(hi)]])  # fmt: skip
    left, right = finite.min() / 1.6, finite.max() * 1.6
    left, right = min(left, 0.8), max(right, 1.25)
    lo_d = np.where(np.isfinite(lo) & (lo > 0), lo, left)
    hi_d = np.where(np.isfinite(hi), hi, right)

    with _rc_context():
        if ax is None:
            height = 0.8 + 0.22 * len(frames) * max(1, min(len(hues), 4)) ** 0.5
            fig, ax = plt.subplots(figsize=(w, height), layout="constrained")
        fig = ax.figure
        span = 0.7 / len(hues)
        ypos = {f: i for i, f in enumerate(frames)}
        for j, level in enumerate(hues):
            m = (labels == level).to_numpy() & shown
            y = np.array([ypos[f] for f in table.loc[m, "frame"]]) - 0.35 + span * (j + 0.5)
            has_ci = np.isfinite(lo[m]) | np.isfinite(hi[m])
            err = np.vstack([ratio[m] - lo_d[m], hi_d[m] - ratio[m]])
            err = np.where(has_ci, np.clip(err, 0, None), 0.0)
            ax.errorbar(ratio[m], y, xerr=err, fmt="o", markersize=3.5, color=colours[level],
                        elinewidth=1.0, capsize=0, label=level)  # fmt: skip
        ax.axvline(1.0, color="#555555", linewidth=0.8, linestyle="--", zorder=0)
        ax.set_xscale("log")
        ax.set_xlim(left, right)
        ticks = [t for t in _RATIO_TICKS if left <= t <= right]
        if len(ticks) < 3:
            ticks = [t for t in _RATIO_TICKS_FINE if left <= t <= right]
        ax.xaxis.set_major_locator(FixedLocator(ticks))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_yticks(range(len(frames)), [str(f) for f in frames])
        ax.set_ylim(len(frames) - 0.5, -0.5)
        if vs_rest:
            ax.set_xlabel("Rate ratio vs. the rest (log scale)")
        elif len(hues) == 1:
            ax.set_xlabel(f"Rate ratio, {hues[0]} (log scale)")
        else:
            ax.set_xlabel("Rate ratio (log scale)")
        ax.grid(axis="x", which="major", linewidth=0.4, alpha=0.5)
        _legend_above(ax, len(hues))
        if title:
            ax.set_title(title, loc="left")
    attach(fig, provenance=_provenance(comparison), data=table, ax=ax, label=function)
    return ax
