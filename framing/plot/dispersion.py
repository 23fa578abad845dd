"""Dispersion plots: where in the articles the hits fall."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._errors import FramingError, choices_error
from ..contexts import hits_in_texts
from ..export import attach
from ..style import style_context
from .common import (
    check_width,
    colour_map,
    legend_above,
    level_order,
    light_grid,
    ordered,
    table_provenance,
    tick_labels,
)

__all__ = ["plot_dispersion"]


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

    function = "plot_dispersion"
    w = check_width(width, function)
    rows_idx, start, _, texts = hits_in_texts(hits, articles, function)
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
        levels += [f for f in ordered(pd.Series(levels_of)) if f not in levels]
    elif col == "article_id":
        order = articles[["article_id"]].assign(_i=np.arange(len(articles)))
        if "date" in articles.columns:
            order = order.assign(_d=articles["date"].to_numpy()).sort_values(["_d", "_i"])
        seen = set(levels_of)
        levels = [a for a in order["article_id"].tolist() if a in seen]
    else:
        levels = level_order(pd.Series(levels_of))
    ypos = {lvl: i for i, lvl in enumerate(levels)}
    table["row"] = [ypos.get(v, -1) for v in levels_of]
    table = table[table["row"] >= 0]
    hue = "frame" if "frame" in table.columns else None
    hues = ordered(table[hue]) if hue else [None]
    if hue == "frame" and hits.attrs.get("frames"):
        hues = [f for f in hits.attrs["frames"] if f in set(hues)] + [
            f for f in hues if f not in hits.attrs["frames"]
        ]
    colours = colour_map(hues, hits.attrs.get("frames") if hue == "frame" else None)

    with style_context():
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
            ax.set_yticks(range(len(levels)), tick_labels(levels))
        else:
            ax.set_yticks([])
            ax.set_ylabel(f"{len(levels)} {'articles' if col == 'article_id' else col}")
        ax.set_xlabel("Relative position in the article (0 = start, 1 = end)")
        light_grid(ax, "x")
        if hue and col != hue:
            legend_above(ax, len(hues))
        if title:
            ax.set_title(title, loc="left")
    attach(fig, provenance=table_provenance(hits), data=table, ax=ax, label=function)
    return ax
