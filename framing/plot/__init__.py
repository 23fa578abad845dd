"""Matplotlib figures of framing tables, one module per figure family.

Functions take ``ax=None`` and return the Axes; they never save or show (saving belongs to
:func:`framing.save_figure`).
"""

from __future__ import annotations

from .bars import HEATMAP_CMAP, plot_bars, plot_comparison, plot_dispersion, plot_heatmap
from .trends import MEASURES, PALETTE, WIDTHS, plot_trends

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
