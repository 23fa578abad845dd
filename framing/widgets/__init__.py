"""The interactive explorer: a trend chart with controls, and the passages behind it.

Needs ipywidgets (an optional dependency): importing this package imports it.
"""

from __future__ import annotations

from .explorer import COMPARE_CHOICES, GRANULARITIES, MEASURE_LABELS, Explorer, explore

__all__ = ["explore", "Explorer", "GRANULARITIES", "MEASURE_LABELS", "COMPARE_CHOICES"]
