"""Heatmaps of counts tables: frame x period, in small multiples with one colour scale."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._errors import FramingError
from .._tables import check_columns, check_counts
from ..export import attach
from ..style import style_context
from .common import (
    MEASURES,
    axes_for,
    check_measure,
    check_width,
    level_order,
    ordered,
    tick_labels,
)

__all__ = ["plot_heatmap", "HEATMAP_CMAP"]

#: the colour map of heatmaps: sequential, perceptually uniform, colour-blind-safe
HEATMAP_CMAP = "cividis"
#: colour of heatmap cells without data (no articles in that period)
_MISSING = "#d9d9d9"


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

    function = "plot_heatmap"
    check_measure(measure, function)
    w = check_width(width, function)
    check_counts(counts, function)
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
    panels = ordered(table[facet]) if facet else [None]
    row_levels, col_levels = level_order(table[rows]), level_order(table[cols])
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

    with style_context():
        fig, axes = axes_for(ax, len(panels), function, make)
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
            axis.set_yticks(range(len(row_levels)), tick_labels(row_levels))
            ticks = list(range(0, len(col_levels), step))
            col_names = tick_labels(col_levels)
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
            fig.suptitle(title)
    attach(fig, provenance=counts.attrs.get("provenance"), data=table, ax=axes[0],
           label=function)  # fmt: skip
    return axes[0] if len(axes) == 1 else axes
