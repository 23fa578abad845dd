"""Matplotlib figures of framing tables, one module per figure family.

Functions take ``ax=None`` and return the Axes; they never save or show (saving belongs to
:func:`framing.save_figure`).
"""

from __future__ import annotations

from .trends import MEASURES, PALETTE, WIDTHS, plot_trends

__all__ = ["plot_trends", "PALETTE", "MEASURES", "WIDTHS"]
