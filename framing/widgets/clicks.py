"""Clicks on the explorer's chart: which point was clicked, and the passages it counts.

The chart is a PNG in an ``ipywidgets.Image``; the ``ipyevents`` package reports clicks on it
with their position in the image. :func:`point_at` maps that position back to the figure the
PNG was drawn from (its panels, lines and their points, through matplotlib's transforms), and
:func:`passage_choice` turns the point into the passage choosers' values (period, series,
outlet), so the passages below the chart are the hits that point counts.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from .passages import ALL

__all__ = [
    "NO_POINT", "Point", "point_at", "points_at", "click_position", "passage_choice", "click_notes",
    "ChartClicks",
]  # fmt: skip

#: what the status line says after a click away from the points
NO_POINT = "No point of the chart there: click on a point to read the passages it counts."

#: how far (in pixels of the image as shown) from a point a click still picks it
RADIUS = 10.0


class Point(NamedTuple):
    """A point of the chart: its panel's title (None in a chart of one panel), its period
    (the period's first day) and its line's label (the legend's)."""

    panel: str | None
    period: pd.Timestamp
    label: str


def point_at(figure, x_px, y_px, image_width, image_height, *, radius: float = RADIUS):
    """The point of a trend chart nearest to a pixel of its image, or None when none is near.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure the image was drawn from (drawn already: its transforms are those of the
        image), with the lines of :func:`framing.plot_trends` (one labelled line per series;
        lines whose label starts with ``_`` are not series).
    x_px, y_px : float
        The pixel, from the image's top left corner.
    image_width, image_height : float
        The size of the image in the same pixels (the PNG's size, or the size it is shown at).
    radius : float
        How far from a point (in those pixels) a click still picks it.

    Returns
    -------
    Point or None

    Examples
    --------
    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(4, 3), dpi=100)
    >>> ax = fig.add_subplot()
    >>> x = pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"]).to_numpy()
    >>> _ = ax.plot(x, [1, 4, 2], label="threat")
    >>> _ = ax.set_title("Ledger", loc="left")
    >>> fig.canvas.draw()
    >>> px, py = ax.transData.transform((ax.get_lines()[0].get_xydata()[1]))
    >>> point_at(fig, px, 300 - py, 400, 300)
    Point(panel='Ledger', period=Timestamp('2024-02-01 00:00:00'), label='threat')
    >>> point_at(fig, 2, 2, 400, 300) is None
    True
    """
    found = points_at(figure, x_px, y_px, image_width, image_height, radius=radius)
    return found[0] if found else None


def points_at(figure, x_px, y_px, image_width, image_height, *, radius: float = RADIUS):
    """The points of a trend chart drawn where :func:`point_at` finds its point.

    Lines meet: two series with the same value in a period draw their points on the same
    pixel, and a click cannot tell them apart. This gives the nearest point first (of those
    as near, the first line drawn: the legend's first), then the points of other lines drawn
    within a pixel of it. Arguments as :func:`point_at`'s.

    Returns
    -------
    list of Point
        Empty when no point is within ``radius``.

    Examples
    --------
    Two lines meet in February (the figure is 400 by 300 pixels):

    >>> import pandas as pd
    >>> from matplotlib.figure import Figure
    >>> fig, x = Figure(figsize=(4, 3), dpi=100), pd.to_datetime(["2024-01", "2024-02"])
    >>> ax = fig.add_subplot()
    >>> lines = ax.plot(x, [1, 4], x, [2, 4])
    >>> lines[0].set_label("threat"), lines[1].set_label("calm"), fig.canvas.draw()
    (None, None, None)
    >>> where = ax.transData.transform(lines[1].get_xydata()[1])
    >>> [p.label for p in points_at(fig, where[0], 300 - where[1], 400, 300)]
    ['threat', 'calm']
    """
    width, height = figure.bbox.width, figure.bbox.height
    scale_x, scale_y = image_width / width, image_height / height
    found = []  # (distance, order drawn, point): the nearest point of each line near enough
    for axis in figure.axes:
        if not axis.get_visible():
            continue
        for line in axis.get_lines():
            label = str(line.get_label())
            if label.startswith("_") or not line.get_visible():
                continue
            xy = np.asarray(line.get_xydata(), dtype=float)
            shown = axis.transData.transform(xy)
            # display coordinates start at the bottom left, the image's at the top left
            dx = shown[:, 0] * scale_x - x_px
            dy = (height - shown[:, 1]) * scale_y - y_px
            distance = np.hypot(dx, dy)
            distance[~np.isfinite(distance)] = np.inf
            i = int(np.argmin(distance)) if len(distance) else -1
            if i >= 0 and distance[i] <= radius:
                title = axis.get_title(loc="left") or None
                point = Point(title, _period(line.get_xdata()[i]), label)
                found.append((float(distance[i]), len(found), point))
    found.sort()
    return [point for distance, _, point in found if distance <= found[0][0] + 1.0]


def _period(x) -> pd.Timestamp:
    """A line's x value (a date, or matplotlib's number of days) as a Timestamp."""
    if isinstance(x, (int, float, np.floating, np.integer)):
        from matplotlib.dates import num2date

        return pd.Timestamp(num2date(float(x))).tz_localize(None).round("s")
    return pd.Timestamp(x)


def click_position(event: dict, figure, dpi: int) -> tuple[float, float, float, float, float]:
    """``(x, y, width, height, radius)`` of a click that ``ipyevents`` reported on the chart.

    ``dataX``/``dataY`` (ipyevents' position in the PNG's own pixels, padding and scaling of
    the ``<img>`` taken out) are used when present, with the PNG's size; else
    ``relativeX``/``relativeY`` with the size the image is shown at. The radius is
    :data:`RADIUS` pixels of the image as shown, in the pixels of the position.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(7.2, 3.0))
    >>> click_position({"dataX": 360, "dataY": 150, "boundingRectWidth": 360}, fig, 100)
    (360.0, 150.0, 720.0, 300.0, 20.0)
    >>> click_position({"relativeX": 10, "relativeY": 5, "boundingRectWidth": 360,
    ...                 "boundingRectHeight": 150}, fig, 100)
    (10.0, 5.0, 360.0, 150.0, 10.0)
    """
    natural_w = float(figure.get_figwidth() * dpi)
    natural_h = float(figure.get_figheight() * dpi)
    shown_w = float(event.get("boundingRectWidth") or natural_w)
    if event.get("dataX") is not None and event.get("dataY") is not None:
        radius = RADIUS * natural_w / shown_w if shown_w > 0 else RADIUS
        return float(event["dataX"]), float(event["dataY"]), natural_w, natural_h, radius
    shown_h = float(event.get("boundingRectHeight") or natural_h)
    return float(event["relativeX"]), float(event["relativeY"]), shown_w, shown_h, RADIUS


def passage_choice(point: Point, layout: tuple, labels, outlets) -> tuple[str, str, str]:
    """The passage choosers' values ``(period, series, outlet)`` for a point of the chart.

    ``layout`` is the chart's ``(hue, col, title, panels)``
    (:func:`~framing.widgets.render.chart_layout`): the line is a level of ``hue``, the
    panel one of ``col``; a chart of one panel names its frame or outlet in its title (or
    pools the chosen outlets: then every chosen outlet, :data:`~framing.widgets.passages.ALL`).

    Examples
    --------
    >>> point = Point("Ledger", pd.Timestamp("2024-02-01"), "threat")
    >>> passage_choice(point, ("frame", "outlet", None, 2), ["threat"], ["Ledger", "Herald"])
    ('2024-02-01', 'threat', 'Ledger')
    >>> point = Point(None, pd.Timestamp("2024-02-01"), "threat")
    >>> layout = ("frame", None, "All chosen outlets", 1)
    >>> passage_choice(point, layout, ["threat"], ["Ledger", "Herald"])
    ('2024-02-01', 'threat', '')
    """
    hue, col, title, _ = layout
    values = {hue: point.label}
    if col is not None:
        values[col] = point.panel
    chosen = {"frame": list(labels), "outlet": list(outlets)}
    for name in ("frame", "outlet"):
        if name not in values:
            values[name] = title if title in chosen[name] else ALL
    return f"{point.period:%Y-%m-%d}", str(values["frame"]), str(values["outlet"])


def click_notes(points: list, smooth: int) -> list[tuple[str, str]]:
    """What the status line says after a click (``"click"`` messages), given the points
    there (:func:`points_at`): that there is none; that several lines meet there (the
    passages are the first one's); on a smoothed chart, that the passages are those of the
    point's own period.

    Examples
    --------
    >>> click_notes([], 0) == [("click", NO_POINT)]
    True
    >>> when = pd.Timestamp("2024-02-01")
    >>> click_notes([Point(None, when, "threat")], 0)
    []
    >>> print(click_notes([Point(None, when, "threat"), Point(None, when, "calm")], 0)[0][1])
    Lines meet at this point (threat, calm): the passages are those of threat; choose
    another in the passage choosers.
    >>> click_notes([Point(None, when, "threat")], 3)[0][1][:46]
    'The chart is smoothed (3-period moving window)'
    """
    if not points:
        return [("click", NO_POINT)]
    notes = []
    if len(points) > 1:
        names = ", ".join(p.label for p in points)
        notes.append(("click", f"Lines meet at this point ({names}): the passages are those "
                               f"of {points[0].label}; choose another in the passage "
                               "choosers."))  # fmt: skip
    if smooth > 1:
        notes.append(("click", f"The chart is smoothed ({smooth}-period moving window): the "
                               "passages are those of the point's own period."))  # fmt: skip
    return notes


class ChartClicks:
    """Listens to clicks on the chart ``image`` (with ``ipyevents``) and hands them on.

    Parameters
    ----------
    image : ipywidgets.Image
        The chart.
    on_click : callable
        Called without arguments after each click; the click's event (the dict ipyevents
        sends) is in :attr:`last`.

    Attributes
    ----------
    event : ipyevents.Event or None
        The listener; None when ipyevents is not installed (the chart then takes no clicks).
    last : dict or None
        The last click's event.

    Examples
    --------
    >>> import ipywidgets
    >>> seen = []
    >>> clicks = ChartClicks(ipywidgets.Image(), lambda: seen.append(clicks.last["relativeX"]))
    >>> clicks.handle({"type": "click", "relativeX": 3, "relativeY": 4})
    >>> seen
    [3]
    """

    def __init__(self, image, on_click):
        self.last = None
        self._on_click = on_click
        try:
            from ipyevents import Event
        except ImportError:  # an optional extra: the explorer works without clicks
            self.event = None
        else:
            self.event = Event(source=image, watched_events=["click"])
            self.event.on_dom_event(self.handle)

    def handle(self, event: dict) -> None:
        """Take a click's event (what ipyevents sends) and call ``on_click``."""
        self.last = dict(event)
        self._on_click()
