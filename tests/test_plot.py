"""plot_trends: what a researcher sees — lines, bands, panels, legible sizes, clear errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib import dates as mdates
from matplotlib.colors import to_rgb
from matplotlib.path import Path

import framing as fr
from framing.intervals import add_measures
from framing.plot import PALETTE, plot_comparison


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
    nan = np.nan
    # the line breaks at the empty years, and each lone point gets a marker
    np.testing.assert_allclose(ax.lines[0].get_ydata(),
                               [2.0, nan, nan, nan, 2.0, nan, nan, nan, 2.0 / 1.8])  # fmt: skip
    assert ax.lines[0].get_markevery() == [0, 4, 8]
    band = next(c for c in ax.collections if c.get_label() == "_bands")
    (path,) = band.get_paths()  # one path per line, a closed piece per run of defined years
    starts = np.flatnonzero(path.codes == Path.MOVETO)
    pieces = np.split(path.vertices, starts[1:])
    assert len(pieces) == 3
    # each piece spans its year alone, from the lower bound to the upper one
    years = counts["period"].map(pd.Timestamp.toordinal).to_numpy()[[0, 4, 8]] - 719163
    assert [sorted(set(piece[:, 0])) for piece in pieces] == [[y] for y in years]
    lo, hi = counts["per_1k_tokens_lo"].to_numpy(), counts["per_1k_tokens_hi"].to_numpy()
    for piece, i in zip(pieces, [0, 4, 8], strict=True):
        np.testing.assert_allclose(sorted(set(piece[:, 1])), [lo[i], hi[i]])


# ------------------------------------------------------------------ paper-ready details


def _real_counts():
    articles = fr.clean_articles(fr.load_example())
    hits = fr.find_hits(articles, fr.load_lexicon("security"))
    return fr.count_by_period(hits, articles, freq="Q", by="outlet")


def test_events_are_marked_in_every_panel_and_labelled_on_top():
    counts = _real_counts()
    axes = fr.plot_trends(counts, width="double",
                          events={"2023-09-19": "Karabakh offensive", "1999-01-01": "too early"})  # fmt: skip
    when = mdates.date2num(pd.Timestamp("2023-09-19"))
    for ax in axes:
        dotted = [ln for ln in ax.get_lines() if ln.get_linestyle() == ":"]
        assert [mdates.date2num(ln.get_xdata()[0]) for ln in dotted] == [when]
    labelled = [ax for ax in axes if any(t.get_text() == "Karabakh offensive" for t in ax.texts)]
    assert labelled == [ax for ax in axes if ax.get_subplotspec().rowspan.start == 0]
    assert not any(t.get_text() == "too early" for ax in axes for t in ax.texts)
    with pytest.raises(fr.FramingError, match="not a date"):
        fr.plot_trends(counts, events={"the invasion": "2022-02-24"})


def test_small_multiples_label_the_dates_under_the_last_panel_of_every_column():
    counts = _real_counts()  # five outlets in two columns: the right column ends a row early
    axes = fr.plot_trends(counts, width="double")
    fig = axes[0].figure
    fig.canvas.draw()
    labelled = [ax for ax in axes if any(t.get_text() for t in ax.get_xticklabels())]
    assert len(axes) == 5
    assert labelled == [axes[3], axes[4]]  # the bottom of each column


def test_overlapping_bands_are_lighter_and_outlined():
    counts = _real_counts()
    ax = fr.plot_trends(counts[counts["outlet"] == "Yerevan Ledger"])  # five frames, one panel
    band = next(c for c in ax.collections if c.get_label() == "_bands")
    assert band.get_alpha() <= 0.12
    assert (band.get_linewidths() > 0).all()
    two = counts[
        (counts["outlet"] == "Yerevan Ledger") & counts["frame"].isin(["threat", "collapse"])
    ]
    band = next(c for c in fr.plot_trends(two).collections if c.get_label() == "_bands")
    assert band.get_alpha() > 0.12


def test_outlet_colours_do_not_depend_on_the_selection():
    counts = _real_counts()
    threat = counts[counts["frame"] == "threat"]
    all_axes = fr.plot_trends(threat, hue="outlet", col=None)
    colours = {ln.get_label(): ln.get_color() for ln in all_axes.get_lines()
               if ln.get_label() != "_partial"}  # fmt: skip
    some = threat[threat["outlet"].isin(["Severny Kurier", "Transcontinental Wire"])]
    ax = fr.plot_trends(some, hue="outlet", col=None)
    for line in ax.get_lines():
        if line.get_label() == "_partial":
            assert line.get_markeredgecolor() in colours.values()
        else:
            assert line.get_color() == colours[line.get_label()]
    assert colours["Severny Kurier"] != PALETTE[0]  # not simply the first colour again


def test_comparison_title_sits_above_the_legend():
    comp = pd.DataFrame({"frame": ["threat"] * 3, "group": ["X", "Y", "Z"], "reference": "rest",
                         "ratio": [2.0, 0.5, 1.1], "ratio_lo": [1.2, 0.3, 0.9],
                         "ratio_hi": [3.5, 0.8, 1.4]})  # fmt: skip
    ax = plot_comparison(comp, title="Each outlet against the rest")
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    title = ax.title if ax.title.get_text() else ax._left_title
    legend = ax.get_legend().get_window_extent(renderer)
    assert title.get_window_extent(renderer).y0 >= legend.y1 - 0.5


@pytest.mark.parametrize("words", [4, 20])
def test_a_long_comparison_title_is_broken_into_lines_inside_the_figure(words):
    comp = pd.DataFrame({"frame": ["threat"] * 3, "group": ["X", "Y", "Z"], "reference": "rest",
                         "ratio": [2.0, 0.5, 1.1], "ratio_lo": [1.2, 0.3, 0.9],
                         "ratio_hi": [3.5, 0.8, 1.4]})  # fmt: skip
    title = " ".join(["Threat"] + ["ratios"] * (words - 1))
    ax = plot_comparison(comp, title=title)
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = ax._left_title.get_window_extent(renderer)
    assert box.x1 <= fig.bbox.width
    assert box.y0 >= ax.get_legend().get_window_extent(renderer).y1
    assert ax._left_title.get_text().split() == title.split()  # no word lost
    assert ("\n" in ax._left_title.get_text()) == (words == 20)


@pytest.mark.parametrize(
    ("interval", "measure", "named"),
    [("quasipoisson", "per_1k_tokens", "95% quasi-Poisson intervals"),
     ("poisson", "n_hits", "95% Poisson intervals"),
     ("quasipoisson", "share_of_articles", "95% Wilson intervals")],
)  # fmt: skip
def test_the_figure_says_which_band_it_draws(interval, measure, named):
    articles = fr.clean_articles(fr.load_example())
    hits = fr.find_hits(articles, fr.load_lexicon("security"))
    counts = fr.count_by_period(hits, articles, freq="Q", interval=interval)
    ax = fr.plot_trends(counts, measure=measure)
    legend = ax.figure.legends[0] if ax.figure.legends else ax.get_legend()
    assert legend.get_title().get_text() == f"Bands: {named}"
    no_bands = fr.plot_trends(counts, measure=measure, intervals=False)
    legend = no_bands.figure.legends[0] if no_bands.figure.legends else no_bands.get_legend()
    assert legend.get_title().get_text() == ""


def test_partial_periods_are_hollow_points():
    counts = _real_counts()  # 13 September 2022 to 28 June 2024: both ends partial quarters
    ax = fr.plot_trends(counts[counts["outlet"] == "Yerevan Ledger"])
    hollow = [ln for ln in ax.get_lines() if ln.get_label() == "_partial"]
    assert len(hollow) == counts["frame"].nunique()
    assert all(len(ln.get_xdata()) == 2 and ln.get_markerfacecolor() == "white" for ln in hollow)
    assert "_partial" not in ax.figure.legends[0].get_texts()[0].get_text()
