"""Matplotlib figures of framing tables, one module per figure family.

``trends`` (:func:`plot_trends`), ``heatmap`` (:func:`plot_heatmap`), ``dispersion``
(:func:`plot_dispersion`), ``bars`` (:func:`plot_bars`) and ``ratios``
(:func:`plot_comparison`); ``common`` holds what they share (palette, measures, widths).
Functions take ``ax=None`` and return the Axes; they never save or show (saving belongs to
:func:`framing.save_figure`), and record the table they plotted so that
:func:`framing.save_figure` writes it as CSV beside the figure.
"""

from __future__ import annotations

from .bars import plot_bars
from .common import MEASURES, PALETTE, WIDTHS
from .dispersion import plot_dispersion
from .heatmap import HEATMAP_CMAP, plot_heatmap
from .ratios import plot_comparison
from .trends import plot_trends

__all__ = [
    "plot_trends",
    "plot_heatmap",
    "plot_dispersion",
    "plot_bars",
    "plot_comparison",
    "PALETTE",
    "MEASURES",
    "WIDTHS",
    "HEATMAP_CMAP",
]
