"""plot_trends: what a researcher sees — lines, bands, panels, legible sizes, clear errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgb

import framing as fr
from framing.intervals import add_measures


@pytest.fixture
def counts():
    periods = pd.date_range("2023-01-01", periods=6, freq="MS")
    rows = []
    for outlet in ["Ledger", "Herald"]:
        for frame in ["threat", "collapse"]:
            for i, p in enumerate(periods):
                rows.append((p, outlet, frame, i + (frame == "threat") * 3, 10, 1000 + 10 * i))
    df = pd.DataFrame(
        rows, columns=["period", "outlet", "frame", "n_hits", "n_articles", "n_tokens"]
    )
    df["n_articles_with_hit"] = np.minimum(df["n_hits"], df["n_articles"])
    return add_measures(df, conf=0.95)


def test_small_multiples_by_outlet_with_bands(counts):
    axes = fr.plot_trends(counts)
    assert len(axes) == 2
    assert [ax.get_title(loc="left") for ax in axes] == ["Ledger", "Herald"]
    ax = axes[0]
    assert len(ax.lines) == 2
    ledger_threat = counts[(counts.outlet == "Ledger") & (counts.frame == "threat")]
    np.testing.assert_allclose(ax.lines[0].get_ydata(), ledger_threat["per_1k_tokens"])
    # one band per frame, in the line's colour, from the lower to the upper bound
    (bands,) = ax.collections
    assert len(bands.get_paths()) == 2
    np.testing.assert_allclose(bands.get_facecolors()[:, :3],
                               [to_rgb(line.get_color()) for line in ax.lines])  # fmt: skip
    outline = bands.get_paths()[0].vertices
    n = len(ledger_threat)
    np.testing.assert_allclose(outline[:n, 1], ledger_threat["per_1k_tokens_lo"])
    np.testing.assert_allclose(outline[n : 2 * n, 1], ledger_threat["per_1k_tokens_hi"][::-1])
    fig = ax.figure
    assert fig.get_size_inches()[0] == pytest.approx(3.5)
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert labels == ["threat", "collapse"]
    assert ax.lines[0].get_color() != ax.lines[1].get_color()


def test_hue_outlet_col_frame_and_no_bands(counts):
    axes = fr.plot_trends(counts, hue="outlet", col="frame", intervals=False, width="double")
    assert [ax.get_title(loc="left") for ax in axes] == ["threat", "collapse"]
    assert all(len(ax.collections) == 0 for ax in axes)
    assert axes[0].figure.get_size_inches()[0] == pytest.approx(7.2)


def test_single_panel_into_given_axes(counts):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    one = counts[counts["outlet"] == "Ledger"]
    out = fr.plot_trends(one, measure="share_of_articles", col=None, ax=ax)
    assert out is ax
    assert ax.get_ylabel() == "Share of articles with a hit"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["threat", "collapse"]


def test_smoothing_changes_the_line(counts):
    one = counts[counts["outlet"] == "Ledger"]
    raw = fr.plot_trends(one, col=None).lines[0].get_ydata()
    smooth = fr.plot_trends(one, col=None, smooth=3).lines[0].get_ydata()
    assert not np.allclose(raw, smooth)
    assert "(3-period moving window)" in fr.plot_trends(one, col=None, smooth=3).get_ylabel()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"measure": "ratio"}, "measure.*'ratio' is not a valid choice"),
        ({"col": None}, "neither hue nor col"),
        ({"width": "poster"}, "width.*not a valid choice"),
    ],
)
def test_clear_errors(counts, kwargs, message):
    with pytest.raises(fr.FramingError, match=message):
        fr.plot_trends(counts, **kwargs)


def test_refuses_articles_table():
    arts = pd.DataFrame({"article_id": ["a"], "text": ["x"], "period": [1], "frame": ["t"]})
    with pytest.raises(fr.FramingError, match="needs a counts table"):
        fr.plot_trends(arts)


def test_one_period_plots_points_without_warnings(counts):
    one = counts[(counts["period"] == counts["period"].min()) & (counts["outlet"] == "Ledger")]
    ax = fr.plot_trends(one, col=None)
    assert ax.lines[0].get_marker() == "o"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2023-01-01"]


def test_isolated_points_between_empty_periods_are_drawn():
    """Yearly counts of inaugural addresses: years without an address have no rate."""
    periods = pd.date_range("2001-01-01", periods=9, freq="YS")
    n_tokens = [2000, 0, 0, 0, 2500, 0, 0, 0, 1800]
    counts = pd.DataFrame({"period": periods, "frame": "america", "n_tokens": n_tokens,
                           "n_hits": [4, 0, 0, 0, 5, 0, 0, 0, 2], "n_articles": [1 if t else 0 for t in n_tokens]})  # fmt: skip
    counts["n_articles_with_hit"] = counts["n_articles"]
    counts = add_measures(counts, conf=0.95)
    ax = fr.plot_trends(counts)
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [2.0, 2.0, 2.0 / 1.8])
