"""Clicks on the explorer's chart: the pixel of a point gives that point, and its passages.

The oracle for where a point is drawn is the counts table (``explorer.counts``: period and
value) taken through the panel's data transform to a pixel of the PNG actually sent to the
browser; the oracle for the passages is that row's ``n_hits`` and the articles' text.
"""

from __future__ import annotations

import struct

import numpy as np
import pandas as pd
import pytest
from matplotlib.dates import date2num

from framing.widgets import explore
from framing.widgets.clicks import (
    NO_POINT,
    Point,
    click_position,
    passage_choice,
    point_at,
    points_at,
)

LEX = {"threat": ["threat*", "danger"], "calm": ["calm"], "peace": ["peace"]}
# (article_id, date, outlet, title, text): two outlets, January to May 2024, none in April
ARTICLES = [
    ("a1", "2024-01-05", "Ledger", "One", "A grave threat & more."),
    ("a2", "2024-01-20", "Herald", "Two", "A calm day, no danger."),
    ("a3", "2024-02-10", "Ledger", "Three", "Threats, more threats."),
    ("a4", "2024-03-15", "Herald", "Four", "Calm threat."),
    ("a5", "2024-03-16", "Ledger", "Five", "Nothing here."),
    ("a6", "2024-05-02", "Ledger", "Six", "A threat to the alliance."),
]


def tiny() -> pd.DataFrame:
    arts = pd.DataFrame(ARTICLES, columns=["article_id", "date", "outlet", "title", "text"])
    return arts.assign(date=pd.to_datetime(arts["date"]))


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG, from its header."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def drawn_points(ex) -> pd.DataFrame:
    """Every point the chart shows: the counts rows with a value, and their pixel in the PNG.

    Columns: period, frame, outlet (None when pooled), n_hits, x, y (pixels from the PNG's
    top left corner).
    """
    width, height = png_size(ex.chart.value)
    fig = ex.figure
    # the PNG is the whole figure (no cropping): pixels scale with the figure
    assert (width, height) == (
        round(fig.get_figwidth() * ex.dpi),
        round(fig.get_figheight() * ex.dpi),
    )
    axes = {ax.get_title(loc="left") or None: ax for ax in fig.axes}
    hue, col = ("outlet", "frame") if ex.compare.value == "outlets" else ("frame", "outlet")
    rows = []
    for row in ex.counts.to_dict("records"):
        value = row[ex.measure.value]
        if not np.isfinite(value):
            continue
        ax = axes[row[col]] if len(axes) > 1 else next(iter(axes.values()))
        dx, dy = ax.transData.transform((date2num(row["period"]), value))
        x = dx * width / fig.bbox.width
        y = (fig.bbox.height - dy) * height / fig.bbox.height
        rows.append({"period": row["period"], "frame": row["frame"], "outlet": row.get("outlet"),
                     "n_hits": row["n_hits"], "x": x, "y": y, "hue": row[hue]})  # fmt: skip
    return pd.DataFrame(rows)


def total_shown(ex) -> int:
    """The number of passages the pager announces ("1–2 of 2")."""
    return int(ex.kwic_page_label.value.rsplit(" of ", 1)[1])


# --------------------------------------------------------------------------------------
# point_at: pixels to points
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("compare", ["frames", "outlets", "pooled"])
def test_the_pixel_of_every_point_gives_that_point(compare):
    ex = explore(tiny(), LEX, compare=compare)
    width, height = png_size(ex.chart.value)
    points = drawn_points(ex)
    assert len(points) >= 8
    for p in points.itertuples():
        got = point_at(ex.figure, p.x, p.y, width, height)
        assert got is not None, p
        # where points coincide (two series at zero) any of them is right: the one found
        # must be drawn at the pixel clicked
        same = points[np.hypot(points["x"] - p.x, points["y"] - p.y) < 0.5]
        assert got.period in set(same["period"])
        assert got.label in set(same["hue"])
        if len(same) == 1:
            panel = (
                None
                if len(ex.figure.axes) == 1
                else (p.outlet if compare != "outlets" else p.frame)
            )
            assert got == Point(panel, p.period, p.hue)


def test_a_click_near_a_point_picks_it_and_far_from_any_picks_nothing():
    ex = explore(tiny(), LEX)  # two panels: Herald, Ledger
    width, height = png_size(ex.chart.value)
    points = drawn_points(ex)
    target = points[(points["outlet"] == "Ledger") & (points["frame"] == "threat")
                    & (points["period"] == "2024-02-01")].iloc[0]  # fmt: skip
    got = point_at(ex.figure, target.x + 5, target.y - 5, width, height)
    assert got == Point("Ledger", pd.Timestamp("2024-02-01"), "threat")
    assert point_at(ex.figure, target.x + 25, target.y - 25, width, height) is None
    # between the two panels, and in the title above them: no point
    left, right = sorted(ex.figure.axes, key=lambda ax: ax.bbox.x0)
    gap_x = (left.bbox.x1 + right.bbox.x0) / 2 * width / ex.figure.bbox.width
    gap_y = (
        (ex.figure.bbox.height - (left.bbox.y0 + left.bbox.y1) / 2) * height / ex.figure.bbox.height
    )
    assert point_at(ex.figure, gap_x, gap_y, width, height) is None
    assert point_at(ex.figure, 3, 3, width, height) is None


def test_point_at_scales_to_the_size_the_image_is_shown_at():
    ex = explore(tiny(), LEX)
    width, height = png_size(ex.chart.value)
    p = drawn_points(ex).query("outlet == 'Ledger' and frame == 'threat'").iloc[1]
    got = point_at(ex.figure, p.x * 0.6, p.y * 0.6, width * 0.6, height * 0.6)
    assert got == Point("Ledger", p.period, "threat")


@pytest.mark.parametrize(
    ("layout", "point", "expected"),
    [
        (("frame", "outlet", None, 2), Point("Herald", pd.Timestamp("2024-03-01"), "calm"),
         ("2024-03-01", "calm", "Herald")),
        (("outlet", "frame", None, 2), Point("calm", pd.Timestamp("2024-03-01"), "Herald"),
         ("2024-03-01", "calm", "Herald")),
        (("frame", None, "Ledger", 1), Point(None, pd.Timestamp("2024-01-01"), "threat"),
         ("2024-01-01", "threat", "Ledger")),
        (("outlet", None, "threat", 1), Point(None, pd.Timestamp("2024-01-01"), "Herald"),
         ("2024-01-01", "threat", "Herald")),
        (("frame", None, "All chosen outlets", 1), Point(None, pd.Timestamp("2024-01-01"), "calm"),
         ("2024-01-01", "calm", "")),
    ],
)  # fmt: skip
def test_passage_choice_of_each_layout(layout, point, expected):
    assert passage_choice(point, layout, ["threat", "calm"], ["Ledger", "Herald"]) == expected


# --------------------------------------------------------------------------------------
# the explorer: a click (the dict ipyevents sends) shows the passages of the point
# --------------------------------------------------------------------------------------


def click(ex, x, y, *, shown=0.5, data=True):
    """Send the explorer the event ipyevents sends for a click at PNG pixel (x, y), the image
    shown at ``shown`` times its size (``data=False``: without dataX/dataY)."""
    width, height = png_size(ex.chart.value)
    event = {
        "event": "click", "type": "click", "button": 0, "altKey": False, "ctrlKey": False,
        "relativeX": round(x * shown), "relativeY": round(y * shown),
        "boundingRectWidth": width * shown, "boundingRectHeight": height * shown,
        "boundingRectLeft": 20.0, "boundingRectTop": 300.0,
        "clientX": 20 + round(x * shown), "clientY": 300 + round(y * shown),
        "target": {"tagName": "IMG", "className": "fr-chart"},
    }  # fmt: skip
    if data:
        event["dataX"] = event["arrayX"] = round(x)
        event["dataY"] = event["arrayY"] = round(y)
    ex.clicks.handle(event)


@pytest.mark.parametrize("data", [True, False])
def test_a_click_on_a_point_shows_its_passages(data):
    ex = explore(tiny(), LEX)
    p = drawn_points(ex).query("outlet == 'Ledger' and frame == 'threat'")
    p = p[p["period"] == "2024-02-01"].iloc[0]
    click(ex, p.x, p.y, data=data)
    assert (ex.kwic_period.value, ex.kwic_frame.value, ex.kwic_outlet.value) == (
        "2024-02-01", "threat", "Ledger")  # fmt: skip
    assert ex.kwic_table["article_id"].tolist() == ["a3", "a3"]
    assert ex.kwic_table["match"].tolist() == ["Threats", "threats"]
    assert total_shown(ex) == p.n_hits == 2
    assert ex.kwic_heading.value == "<b>Passages of threat, Ledger, 2024-02</b>"
    # the choosers are still the user's: back to all periods
    ex.kwic_period.value = ""
    assert ex.kwic_heading.value == "<b>Passages of threat, Ledger</b>"
    assert ex.kwic_table["article_id"].tolist() == ["a1", "a3", "a3", "a6"]


@pytest.mark.parametrize(
    ("compare", "freq"), [("frames", "month"), ("outlets", "month"), ("pooled", "quarter")]
)
def test_every_point_shows_the_hits_it_counts(compare, freq):
    ex = explore(tiny(), LEX, compare=compare, freq=freq)
    points = drawn_points(ex)
    for p in points.itertuples():
        click(ex, p.x, p.y)
        period, frame, outlet = ex.kwic_period.value, ex.kwic_frame.value, ex.kwic_outlet.value
        # the point chosen (one of those drawn at this pixel) and the passages it counts
        chosen = points[(points["period"] == pd.Timestamp(period)) & (points["frame"] == frame)]
        if compare != "pooled":
            chosen = chosen[chosen["outlet"] == outlet]
        else:
            assert outlet == ""
        assert len(chosen) == 1
        assert np.hypot(chosen["x"].iloc[0] - p.x, chosen["y"].iloc[0] - p.y) < 0.5
        n_hits = int(chosen["n_hits"].iloc[0])
        shown = total_shown(ex) if n_hits else 0
        assert shown == n_hits, (period, frame, outlet)
        if n_hits:
            pfreq = {"month": "M", "quarter": "Q"}[freq]
            dates = pd.to_datetime(ex.kwic_table["date"]).dt.to_period(pfreq)
            assert set(dates) == {pd.Period(period, pfreq)}
            assert set(ex.kwic_table["frame"]) == {frame}
            if outlet:
                assert set(ex.kwic_table["outlet"]) == {outlet}


def test_where_lines_meet_the_first_lines_passages_and_a_note_naming_the_others():
    ex = explore(tiny(), LEX)
    width, height = png_size(ex.chart.value)
    # Herald, January: "A calm day, no danger." one hit of threat and one of calm (same rate)
    p = drawn_points(ex).query("outlet == 'Herald' and frame == 'calm'").iloc[0]
    assert p.period == pd.Timestamp("2024-01-01")
    found = points_at(ex.figure, p.x, p.y, width, height)
    assert [q.label for q in found] == ["threat", "calm"]  # the legend's order
    click(ex, p.x, p.y)
    assert (ex.kwic_frame.value, ex.kwic_outlet.value) == ("threat", "Herald")
    assert ex.kwic_table["match"].tolist() == ["danger"]
    assert "Lines meet at this point (threat, calm)" in ex.status.value
    ex.kwic_frame.value = "calm"  # the other one, as the note says
    assert ex.kwic_table["match"].tolist() == ["calm"]
    assert "Lines meet" not in ex.status.value


def test_a_click_away_from_the_points_says_so_and_keeps_the_passages():
    ex = explore(tiny(), LEX)
    before = ex.kwic_html.value
    click(ex, 3, 3)
    assert NO_POINT in ex.status.value
    assert ex.kwic_html.value == before and ex.kwic_period.value == ""
    click(ex, 3, 3)  # said once
    assert ex.status.value.count(NO_POINT) == 1
    p = drawn_points(ex).iloc[0]
    click(ex, p.x, p.y)  # a point: the note goes
    assert NO_POINT not in ex.status.value


def test_a_click_without_a_chart_or_passages_does_nothing():
    ex = explore(tiny(), LEX)
    ex.series.value = ()
    click(ex, 100, 100)
    assert ex.kwic_period.value == "" and "Something went wrong" not in ex.status.value
    counts = explore(tiny(), LEX).counts
    only_counts = explore(counts=counts)
    click(only_counts, 100, 100)
    assert "Something went wrong" not in only_counts.status.value


def test_click_position_prefers_the_pixels_of_the_png():
    ex = explore(tiny(), LEX)
    width, height = png_size(ex.chart.value)
    event = {"dataX": 100, "dataY": 50, "relativeX": 7, "relativeY": 9,
             "boundingRectWidth": width / 2, "boundingRectHeight": height / 2}  # fmt: skip
    assert click_position(event, ex.figure, ex.dpi) == (100.0, 50.0, width, height, 20.0)
    del event["dataX"], event["dataY"]
    assert click_position(event, ex.figure, ex.dpi) == (7.0, 9.0, width / 2, height / 2, 10.0)


def test_the_chart_listens_to_clicks_when_ipyevents_is_installed():
    ipyevents = pytest.importorskip("ipyevents")
    ex = explore(tiny(), LEX)
    assert isinstance(ex.clicks.event, ipyevents.Event)
    assert ex.clicks.event.source is ex.chart
    assert ex.clicks.event.watched_events == ["click"]


def test_a_click_on_a_smoothed_chart_says_whose_passages_these_are():
    ex = explore(tiny(), LEX, smooth=3)
    # the smoothed values are not ex.counts': the point as the figure draws it
    width, height = png_size(ex.chart.value)
    (ax,) = [ax for ax in ex.figure.axes if ax.get_title(loc="left") == "Ledger"]
    (line,) = [line for line in ax.get_lines() if line.get_label() == "threat"]
    i = list(pd.to_datetime(line.get_xdata())).index(pd.Timestamp("2024-02-01"))
    dx, dy = ax.transData.transform(line.get_xydata()[i])
    x, y = dx * width / ex.figure.bbox.width, (1 - dy / ex.figure.bbox.height) * height
    click(ex, x, y)  # the point sums January to March; the passages are February's
    assert ex.kwic_table["article_id"].tolist() == ["a3", "a3"]
    assert "3-period moving window" in ex.status.value
    ex.kwic_period.value = ""  # no longer the point's passages: the note goes
    assert "moving window" not in ex.status.value
