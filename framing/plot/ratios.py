"""Rate ratios (from :func:`framing.compare`) with their intervals on a log axis."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from .._errors import FramingError
from .._tables import check_comparison
from ..export import attach
from ..style import style_context
from .common import (
    check_width,
    colour_map,
    legend_above,
    level_universe,
    light_grid,
    ordered,
    table_provenance,
)

__all__ = ["plot_comparison"]

# labelled ticks of the rate-ratio axis (log scale)
_RATIO_TICKS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]
_RATIO_TICKS_FINE = [0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3, 4]


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

    function = "plot_comparison"
    w = check_width(width, function)
    check_comparison(comparison, function)
    table = comparison.reset_index(drop=True)
    vs_rest = bool((table["reference"].astype(str) == "rest").all())
    labels = (
        table["group"].astype(str)
        if vs_rest
        else table["group"].astype(str) + " vs " + table["reference"].astype(str)
    )
    frames = ordered(table["frame"])
    hues = ordered(labels)
    colours = colour_map(hues, level_universe(comparison, "group") if vs_rest else None)
    ratio = table["ratio"].to_numpy(dtype=float)
    lo = table["ratio_lo"].to_numpy(dtype=float)
    hi = table["ratio_hi"].to_numpy(dtype=float)
    shown = np.isfinite(ratio) & (ratio > 0)
    left, right = _limits(ratio, lo, hi, shown)
    lo_d = np.where(np.isfinite(lo) & (lo > 0), lo, left)
    hi_d = np.where(np.isfinite(hi), hi, right)

    with style_context():
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
        _ratio_axes(ax, frames, (left, right), _xlabel(vs_rest, hues))
        legend_above(ax, len(hues))
        if title:
            pad = _legend_height(ax) + 4
            ax.set_title(title, loc="left", pad=pad)
            _fit_title(ax, pad)
    attach(fig, provenance=table_provenance(comparison), data=table, ax=ax, label=function)
    return ax


def _fit_title(ax, pad: float) -> None:
    """Break a left title too wide for the figure into lines that fit (never clip it), and
    lift it clear of the legend when its descenders reach down to it.

    Matplotlib's ``wrap=True`` reports a wrong extent to ``bbox_inches="tight"``, so the
    lines are broken here, at word boundaries, by the measured width.
    """
    text, fig = ax._left_title, ax.figure
    renderer = fig.canvas.get_renderer()
    width = text.get_window_extent(renderer).width
    room = fig.bbox.width - ax.get_window_extent(renderer).x0 - 4
    if width > room > 0:
        chars = max(10, int(len(text.get_text()) * room / width))
        text.set_text(textwrap.fill(text.get_text(), width=chars))
    legend = ax.get_legend()
    if legend is not None:
        overlap = legend.get_window_extent(renderer).y1 - text.get_window_extent(renderer).y0
        if overlap > 0:
            ax.set_title(text.get_text(), loc="left", pad=pad + overlap * 72 / fig.dpi + 1)


def _legend_height(ax) -> float:
    """The height in points of the legend above the Axes (0 without one), so that a title
    goes above it instead of under it."""
    legend = ax.get_legend()
    if legend is None:
        return 0.0
    fig = ax.get_figure(root=True)
    box = legend.get_window_extent(fig.canvas.get_renderer())
    return box.height * 72.0 / fig.dpi


def _limits(ratio, lo, hi, shown) -> tuple[float, float]:
    """The x range: every shown ratio and finite bound, with room, and always 0.8 to 1.25."""
    if not shown.any():
        raise FramingError(
            "no ratio is finite and positive, so nothing can be drawn on a log axis",
            where="plot_comparison",
            fix="Check the groups have hits (n_hits, n_hits_ref) in the comparison table.",
        )
    finite = np.concatenate([ratio[shown], lo[shown & np.isfinite(lo) & (lo > 0)],
                             hi[shown & np.isfinite(hi)]])  # fmt: skip
    left, right = finite.min() / 1.6, finite.max() * 1.6
    return min(left, 0.8), max(right, 1.25)


def _xlabel(vs_rest: bool, hues: list) -> str:
    if vs_rest:
        return "Rate ratio vs. the rest (log scale)"
    if len(hues) == 1:
        return f"Rate ratio, {hues[0]} (log scale)"
    return "Rate ratio (log scale)"


def _ratio_axes(ax, frames: list, xlim: tuple[float, float], xlabel: str) -> None:
    """The log x axis with plain tick labels, a dashed line at 1, and one row per frame."""
    from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter

    left, right = xlim
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
    ax.set_xlabel(xlabel)
    light_grid(ax, "x")
