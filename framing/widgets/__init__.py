"""The interactive explorer: a trend chart with controls, and the passages behind it.

``launch`` (:func:`explore`) starts ``explorer`` (:class:`Explorer`), which builds the widget
from ``sources`` (the tables it counts), ``controls`` (its choosers), ``render`` (the chart),
``passages`` (the keyword-in-context panel), ``clicks`` (clicks on the chart), ``voice``
(whose words are counted), ``copies`` (wire copies), ``queries`` (the query box), ``notes``
(the status line) and ``callbacks`` (callbacks one at a time). Needs ipywidgets, an optional
dependency: importing this package imports it.
"""

from __future__ import annotations

from .controls import COMPARE_CHOICES, MEASURE_LABELS
from .explorer import Explorer
from .launch import explore
from .sources import GRANULARITIES

__all__ = ["explore", "Explorer", "GRANULARITIES", "MEASURE_LABELS", "COMPARE_CHOICES"]
