"""Trends over time: one line per frame (or outlet), with interval bands and small multiples."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._errors import FramingError
from .._tables import check_columns, check_counts
from ..aggregate import rolling_counts
from ..export import attach
from ..style import style_context
from .common import (
    MEASURES,
    WIDTHS,
    axes_for,
    band_label,
    check_measure,
    check_width,
    colour_map,
    level_universe,
    light_grid,
    ordered,
)

__all__ = ["plot_trends"]


def _auto_col(counts: pd.DataFrame, hue: str, col):
    if col != "auto":
        return col
    for candidate in ("outlet", "frame"):
        if candidate != hue and candidate in counts.columns and counts[candidate].nunique() > 1:
            return candidate
    return None


def _series(counts: pd.DataFrame, col, hue: str, measure: str, band_cols) -> dict:
    """Per panel, the lines to draw (``(level, x, y, lo, hi)``, sorted by period) and its periods.

    One grouping of the whole table (not one filter per panel and one sort per line): the
    explorer redraws this for every control change. Levels keep their order of first
    appearance within each panel; rows whose measure is undefined (NaN: a period without
    articles) stay in, so the line breaks there instead of joining across the gap.
    """
    keys = [col, hue] if col else [hue]
    x_all = counts["period"].to_numpy()
    y_all = counts[measure].to_numpy(dtype=float)
    lo_all = hi_all = None
    partial_all = (counts["partial"].to_numpy(dtype=bool) if "partial" in counts.columns
                   else np.zeros(len(counts), dtype=bool))  # fmt: skip
    if band_cols:
        lo_all = counts[band_cols[0]].to_numpy(dtype=float)
        hi_all = counts[band_cols[1]].to_numpy(dtype=float)
    lines: dict = {}
    periods: dict = {}
    for key, rows in counts.groupby(keys, sort=False, dropna=False).indices.items():
        key = key if isinstance(key, tuple) else (key,)
        panel, level = (key[0], key[1]) if col else (None, key[0])
        rows = rows[np.argsort(x_all[rows], kind="stable")]
        periods.setdefault(panel, []).append(x_all[rows])
        lo = lo_all[rows] if lo_all is not None else None
        hi = hi_all[rows] if hi_all is not None else None
        lines.setdefault(panel, []).append((level, x_all[rows], y_all[rows], lo, hi,
                                            partial_all[rows]))  # fmt: skip
    return {panel: (lines[panel], pd.unique(np.concatenate(periods[panel]))) for panel in lines}


def _bands(axis, lines, colours) -> None:
    """The interval bands of a panel's lines: what ``fill_between`` draws, at a fraction of the
    cost (the explorer redraws them at every change).

    One collection per panel (adding a collection to an Axes is the slow part), holding one
    path per line in the line's colour, with a closed polygon for each run of periods where
    both bounds are defined (a path per run made weekly charts with gaps slow to build and
    to draw).
    """
    from matplotlib.collections import PathCollection
    from matplotlib.path import Path

    paths, faces = [], []
    for level, x, _, lo, hi, _ in lines:
        xs = np.asarray(axis.convert_xunits(x), dtype=float)  # the lines set the units
        ok = np.isfinite(lo) & np.isfinite(hi)
        edges = np.flatnonzero(np.diff(np.concatenate(([0], ok.astype(np.int8), [0]))))
        if not len(edges):
            continue
        # a run's polygon: along the lower bound, back along the upper one, closed
        forward = np.column_stack([xs, lo])
        backward = np.column_stack([xs, hi])[::-1]
        n = len(xs)
        vertices, codes = [], []
        for a, b in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
            vertices += [forward[a:b], backward[n - b : n - a], forward[a : a + 1]]
            code = np.full(2 * (b - a) + 1, Path.LINETO, dtype=Path.code_type)
            code[0], code[-1] = Path.MOVETO, Path.CLOSEPOLY
            codes.append(code)
        paths.append(Path(np.concatenate(vertices), np.concatenate(codes)))
        faces.append(colours[level])
    if not paths:
        return
    # several bands overlap: lighter fills, each outlined in its line's colour, so that
    # every band stays readable where others cover it
    several = len(lines) > 2
    band = PathCollection(paths, facecolors=faces, alpha=0.10 if several else 0.18,
                          edgecolors=faces if several else "none",
                          linewidths=0.4 if several else 0, label="_bands")  # fmt: skip
    axis.add_collection(band, autolim=False)
    axis.update_datalim(np.concatenate([p.vertices for p in paths]))


def plot_trends(
    counts: pd.DataFrame,
    *,
    measure: str = "per_1k_tokens",
    hue: str = "frame",
    col="auto",
    intervals: bool = True,
    smooth: int | None = None,
    ax=None,
    width: str = "single",
    title: str | None = None,
    events: dict | None = None,
):
    """Plot a counts table over time: one line per ``hue`` level, with interval bands.

    A period without articles breaks its line; a first or last period that the articles
    cover only in part (the table's ``partial`` column) is drawn as a hollow point.

    Parameters
    ----------
    counts : DataFrame
        A counts table from :func:`framing.count_by_period`.
    measure : {"per_1k_tokens", "n_hits", "share_of_articles"}
        What to plot.
    hue : str
        The column whose levels get one colour each (``"frame"``, ``"outlet"``, ``"entry"``).
    col : str, None or "auto"
        A column for small multiples, one panel per level. ``"auto"`` uses ``outlet`` (or
        ``frame`` when ``hue="outlet"``) when the table has more than one.
    intervals : bool
        Draw the 95% interval as a band.
    smooth : int, optional
        Centred moving window, in periods: hits and denominators are summed over the window
        and the rate recomputed (see :func:`framing.aggregate.rolling_counts`).
    ax : Axes or array of Axes, optional
        Where to draw; created when omitted (one per panel).
    width : {"single", "double"}
        Figure width when the figure is created: 3.5 in or 7.2 in.
    title : str, optional
        Figure title.
    events : dict, optional
        Events to mark, ``{date: label}``, e.g. ``{"2022-02-24": "invasion"}``: a dashed
        vertical line in every panel, labelled in the top panels. Events outside the plotted
        periods are not drawn.

    Returns
    -------
    Axes, or an array of Axes for small multiples.

    Examples
    --------
    >>> import pandas as pd
    >>> counts = pd.DataFrame({"period": pd.to_datetime(["2024-01-01", "2024-02-01"]),
    ...     "frame": "threat", "n_hits": [3, 5], "n_hits_lo": [0.6, 1.6], "n_hits_hi": [8.8, 11.7]})
    >>> ax = plot_trends(counts, measure="n_hits")
    >>> ax.get_ylabel()
    'Hits'
    """
    _check_trends(counts, measure, hue, width)
    marks = _events(events)
    if smooth:
        counts = rolling_counts(counts, smooth)
    window = counts["window"].iloc[0] if "window" in counts.columns and len(counts) else None
    col, panels = _panels(counts, hue, col)
    with style_context():
        fig, axes = axes_for(ax, len(panels), "plot_trends", lambda: _new_axes(panels, col, width))
        colours = colour_map(ordered(counts[hue]), level_universe(counts, hue))
        lo_col, hi_col = f"{measure}_lo", f"{measure}_hi"
        bands = intervals and lo_col in counts.columns and hi_col in counts.columns
        series = _series(counts, col, hue, measure, (lo_col, hi_col) if bands else None)
        for axis, panel in zip(axes, panels, strict=True):
            _draw_panel(axis, panel, *series[panel], colours, bands)
        _mark_events(axes, marks, counts["period"])
        note = f"Bands: {band_label(counts, measure)}" if bands else None
        _label_figure(fig, axes, measure, window, width, title, legend_inside=ax is not None,
                      note=note)  # fmt: skip
    attach(
        fig, provenance=counts.attrs.get("provenance"), data=counts, ax=axes[0], label="plot_trends"
    )
    return axes[0] if len(axes) == 1 else axes


def _events(events) -> list[tuple[pd.Timestamp, str]]:
    """The events as sorted ``(date, label)`` pairs; an error naming a key that is no date."""
    if events is None:
        return []
    if not isinstance(events, dict):
        raise FramingError(
            f"events must be a dict of date -> label, got {type(events).__name__}",
            where="plot_trends(events=...)",
            fix='Pass e.g. events={"2022-02-24": "invasion"}.',
        )
    marks = []
    for when, label in events.items():
        try:
            stamp = pd.Timestamp(when)
        except (ValueError, TypeError):
            stamp = pd.NaT
        if stamp is pd.NaT:
            raise FramingError(
                f"the event key {when!r} is not a date",
                where="plot_trends(events=...)",
                fix='Use ISO dates as keys, e.g. {"2022-02-24": "invasion"}.',
            )
        marks.append((stamp.tz_localize(None) if stamp.tzinfo else stamp, str(label)))
    return sorted(marks)


def _mark_events(axes, marks, periods: pd.Series) -> None:
    """A dashed line at each event inside the plotted periods, labelled in the top panels."""
    if not marks or periods.empty:
        return
    first, last = periods.min(), periods.max()
    tops = {id(ax) for ax in axes if _is_top(ax)}
    for when, label in marks:
        if not first <= when <= last:
            continue
        for axis in axes:
            axis.axvline(when, color="#555555", linewidth=0.8, linestyle=":", zorder=1)
            if id(axis) in tops:
                axis.annotate(label, (when, 1.0), xycoords=("data", "axes fraction"),
                              xytext=(2, -2), textcoords="offset points", va="top",
                              fontsize="x-small", color="#333333")  # fmt: skip


def _is_top(axis) -> bool:
    """Whether an Axes is in the first row of its grid (or alone)."""
    spec = axis.get_subplotspec()
    return spec is None or spec.rowspan.start == 0


def _check_trends(counts: pd.DataFrame, measure: str, hue: str, width: str) -> None:
    """Raise unless plot_trends can draw ``measure`` by ``hue`` from ``counts``."""
    check_measure(measure, "plot_trends")
    check_width(width, "plot_trends")
    check_counts(counts, "plot_trends", ["period", hue, measure])


def _panels(counts: pd.DataFrame, hue: str, col) -> tuple:
    """The column of the small multiples (``"auto"`` resolved) and its levels, one per panel.

    Raises when a grouping column that neither ``hue`` nor ``col`` shows has several levels:
    their lines would be drawn on top of each other.
    """
    col = _auto_col(counts, hue, col)
    if col is not None:
        check_columns(counts, [col], table="counts", function="plot_trends(col=...)")
    other = [c for c in ("outlet", "frame", "entry", "voice", "negated")
             if c in counts.columns and c not in (hue, col)]  # fmt: skip
    for c in other:
        if counts[c].nunique() > 1:
            raise FramingError(
                f"the counts table has {counts[c].nunique()} values of {c!r} but neither hue nor col "
                "shows them, so their lines would overlap",
                where="plot_trends",
                fix=f"Pass col={c!r} or hue={c!r}, or select one {c} first.",
            )
    return col, ordered(counts[col]) if col else [None]


def _new_axes(panels: list, col, width: str):
    """A new figure with one Axes per panel (two columns at double width), sharing x and y."""
    import matplotlib.pyplot as plt

    ncols = 1 if (width == "single" or len(panels) == 1) else min(2, len(panels))
    nrows = int(np.ceil(len(panels) / ncols))
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(WIDTHS[width], 0.6 + 1.45 * nrows + (0.5 if col else 1.0)),
        sharex=True, sharey=True, squeeze=False, layout="constrained",
    )  # fmt: skip
    axes = axes.ravel()
    for extra in axes[len(panels) :]:
        extra.set_visible(False)
    # shared x hides the dates of every row but the last; a column whose last panel is
    # above an empty slot shows them under that panel
    for i in range(max(0, len(panels) - ncols), len(panels)):
        axes[i].xaxis.set_tick_params(labelbottom=True)
    return fig, axes[: len(panels)]


def _draw_panel(axis, panel, lines, periods, colours, bands: bool) -> None:
    """One panel: its lines (and bands), its title, and date ticks that fit its periods."""
    from matplotlib import dates as mdates

    for level, x, y, _, _, partial in lines:
        # periods without articles have undefined rates (NaN): the line breaks there, and
        # a point with no defined neighbour gets a marker, or it would not show at all
        axis.plot(x, y, color=colours[level], label=str(level), marker="o",
                  markevery=_isolated(y), markersize=3)  # fmt: skip
        if partial.any():  # a first or last period the articles cover in part: a hollow point
            axis.plot(x[partial], y[partial], linestyle="none", marker="o", markersize=4,
                      markerfacecolor="white", markeredgecolor=colours[level],
                      label="_partial")  # fmt: skip
    if bands:
        _bands(axis, lines, colours)
    if panel is not None:
        axis.set_title(str(panel), loc="left")
    axis.set_ylim(bottom=0)
    if len(periods) > 1:
        locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
        axis.xaxis.set_major_locator(locator)
        axis.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    else:  # one period: one tick, labelled with its date
        axis.set_xticks(periods[:1])
        axis.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    light_grid(axis, "y")


def _isolated(y: np.ndarray) -> list[int]:
    """The positions of the defined values whose neighbours are both undefined (or absent)."""
    ok = np.isfinite(np.asarray(y, dtype=float))
    before = np.r_[False, ok[:-1]]
    after = np.r_[ok[1:], False]
    return np.flatnonzero(ok & ~before & ~after).tolist()


def _singular(window: str) -> str:
    """ "3 months" as an adjective: "3-month"."""
    number, unit = window.split(" ", 1)
    return f"{number}-{unit[:-1] if unit.endswith('s') else unit}"


def _label_figure(fig, axes, measure, window, width, title, *, legend_inside: bool,
                  note: str | None = None) -> None:  # fmt: skip
    """The measure's label, the legend (below the panels, or inside given Axes; titled with
    ``note``, what the bands are) and the title."""
    # "3 months" -> "(3-month moving window)"
    label = MEASURES[measure] + (f"\n({_singular(window)} moving window)" if window else "")
    if len(axes) == 1:
        axes[0].set_ylabel(label)
    else:
        fig.supylabel(label)
    handles, labels = axes[0].get_legend_handles_labels()
    if len(axes) == 1 and legend_inside:
        legend = axes[0].legend(handles, labels, title=note)
    else:
        legend = fig.legend(handles, labels, loc="outside lower center", title=note,
                            ncols=min(len(labels), 3 if width == "single" else 5))  # fmt: skip
    if note:
        legend.get_title().set_fontsize("x-small")
    if title:
        fig.suptitle(title)
