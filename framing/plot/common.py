"""What the plot families share: the palette, the measures, the widths and small helpers.

The palette and the widths come from the house style (:mod:`framing.style`); the plots
draw inside :func:`framing.style.style_context`.

Colours are the Okabe–Ito palette (:data:`PALETTE`); levels keep their order of first
appearance (the lexicon's order for frames), dates and numbers are sorted.
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd

from .._errors import FramingError, choices_error
from ..style import COLUMN_WIDTHS, palette

__all__ = [
    "PALETTE",
    "MEASURES",
    "WIDTHS",
    "light_grid",
    "band_label",
    "colour_map",
    "level_universe",
    "ordered",
    "level_order",
    "tick_labels",
    "legend_above",
    "axes_for",
    "check_width",
    "check_measure",
    "table_provenance",
]

#: the house style's colour cycle: Okabe–Ito, colour-blind-safe, black last
PALETTE = palette()
#: the measures of a counts table and their axis labels
MEASURES = {
    "n_hits": "Hits",
    "per_1k_tokens": "Hits per 1,000 words",
    "share_of_articles": "Share of articles with a hit",
}
#: figure widths in inches: a journal's single and double column
WIDTHS = COLUMN_WIDTHS


def colour_map(levels, universe=None) -> dict:
    """Level -> colour of :data:`PALETTE`, in order (the palette repeats past its end).

    With ``universe`` (every level the table could show, e.g. all outlets of the corpus), a
    level's colour is that of its place in the universe, so it keeps its colour whatever
    subset is drawn; levels outside the universe follow it.

    Examples
    --------
    >>> colour_map(["B"], universe=["A", "B"]) == {"B": PALETTE[1]}
    True
    """
    order = list(dict.fromkeys([*(universe or []), *levels]))
    place = {lvl: i for i, lvl in enumerate(order)}
    return {lvl: PALETTE[place[lvl] % len(PALETTE)] for lvl in levels}


def level_universe(table: pd.DataFrame, column: str) -> list | None:
    """Every level of ``column`` that the table's source had (``attrs["levels"]``, set by
    :func:`framing.count_by_period`), or the lexicon's frames for ``"frame"``; None if
    unknown."""
    levels = table.attrs.get("levels", {}).get(column)
    if levels is None and column == "frame":
        levels = table.attrs.get("frames")
    return list(levels) if levels is not None else None


def ordered(values: pd.Series) -> list:
    """Levels in order of first appearance (the lexicon's order for frames)."""
    return list(dict.fromkeys(values.tolist()))


def check_width(width: str, function: str) -> float:
    """The width in inches of ``"single"`` or ``"double"``; other values raise."""
    if width not in WIDTHS:
        raise choices_error(f"{function}(width=...)", width, list(WIDTHS))
    return WIDTHS[width]


def level_order(values: pd.Series) -> list:
    """Sorted levels for dates and numbers, order of first appearance otherwise."""
    if pd.api.types.is_datetime64_any_dtype(values) or pd.api.types.is_numeric_dtype(values):
        return sorted(values.dropna().unique().tolist())
    return ordered(values.dropna())


def _date_format(values) -> str:
    """One date format for a whole axis: years, months or days, whichever the dates need."""
    stamps = [pd.Timestamp(v) for v in values]
    if all(s == s.normalize() and s.day == 1 for s in stamps):
        return "%Y" if all(s.month == 1 for s in stamps) and len(stamps) > 1 else "%Y-%m"
    return "%Y-%m-%d"


def tick_labels(levels: list) -> list[str]:
    """Labels of axis levels: dates in one format for the whole axis, the rest as text."""
    if levels and all(isinstance(v, pd.Timestamp) for v in levels):
        fmt = _date_format(levels)
        return [v.strftime(fmt) for v in levels]
    return [str(v) for v in levels]


def legend_above(ax, n: int) -> None:
    """A frameless legend above the Axes, clear of the data, as wide as the figure allows."""
    if n < 2:
        return
    handles, labels = ax.get_legend_handles_labels()
    longest = max((len(t) for t in labels), default=1)
    fits = int(ax.get_figure(root=True).get_figwidth() * 15 // (longest + 4))
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), ncols=max(1, min(n, fits, 5)),
              borderaxespad=0.2)  # fmt: skip


def axes_for(ax, n: int, function: str, make):
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


def check_measure(measure: str, function: str) -> None:
    """Raise unless ``measure`` is one of :data:`MEASURES`."""
    if measure not in MEASURES:
        raise choices_error(f"{function}(measure=...)", measure, list(MEASURES))


def table_provenance(table: pd.DataFrame) -> dict:
    """The provenance a table carries in its ``attrs`` (its own entry, else the attrs)."""
    attrs = table.attrs
    if "provenance" in attrs:
        return dict(attrs["provenance"])
    return {k: v for k, v in attrs.items() if k != "frames"}


_BAND_NAMES = {"quasipoisson": "quasi-Poisson", "poisson": "Poisson"}


def band_label(table: pd.DataFrame, measure: str) -> str:
    """What the bands of ``measure`` in a counts table are, e.g. "95% quasi-Poisson
    intervals" (from the table's provenance, else its columns).

    Examples
    --------
    >>> band_label(pd.DataFrame({"n_hits": [1]}), "share_of_articles")
    '95% Wilson intervals'
    """
    prov = table_provenance(table)
    conf = float(prov.get("conf", 0.95))
    if measure == "share_of_articles":
        name = "Wilson"
    else:
        default = "quasipoisson" if "dispersion" in table.columns else "poisson"
        name = _BAND_NAMES.get(prov.get("interval", default), str(prov.get("interval")))
    return f"{conf:.0%} {name} intervals"


def light_grid(ax, axis: str) -> None:
    """Grid lines along ``axis`` ("x" or "y") in the house style's width and alpha.

    Given explicitly, so that Axes made outside the style (``ax=...``) get them too.
    """
    ax.grid(axis=axis, linewidth=mpl.rcParams["grid.linewidth"], alpha=mpl.rcParams["grid.alpha"])
