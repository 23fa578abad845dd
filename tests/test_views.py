"""Heatmap, dispersion, pooled bars and rate ratios: what each view draws, saved with its data."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import framing as fr
from framing.aggregate import poisson_interval, wilson_interval
from framing.comparison import compare
from framing.intervals import add_measures
from framing.plot import PALETTE, plot_bars, plot_comparison, plot_dispersion, plot_heatmap


@pytest.fixture(scope="module")
def corpus():
    articles = fr.clean_articles(fr.load_example())
    hits = fr.find_hits(articles, fr.load_lexicon("security"))
    counts = fr.count_by_period(hits, articles, freq="Q", by="outlet")
    return articles, hits, counts


@pytest.fixture
def counts():
    """Two outlets x two frames x three months, the last month of Herald without articles."""
    rows = []
    for outlet in ["Ledger", "Herald"]:
        for frame, k in [("threat", [4, 0, 6]), ("collapse", [1, 2, 0])]:
            for i, p in enumerate(pd.date_range("2024-01-01", periods=3, freq="MS")):
                empty = outlet == "Herald" and i == 2
                rows.append((p, outlet, frame, 0 if empty else k[i] * (2 if outlet == "Herald" else 1),
                             0 if empty else min(k[i], 2), 0 if empty else 3, 0 if empty else 1000))  # fmt: skip
    df = pd.DataFrame(rows, columns=["period", "outlet", "frame", "n_hits", "n_articles_with_hit",
                                     "n_articles", "n_tokens"])  # fmt: skip
    return add_measures(df, conf=0.95)


# ------------------------------------------------------------------------------ heatmap


def test_heatmap_small_multiples_share_one_colour_scale(counts):
    axes = plot_heatmap(counts)
    assert [ax.get_title(loc="left") for ax in axes] == ["Ledger", "Herald"]
    images = [ax.images[0] for ax in axes]
    assert len({im.norm for im in images}) == 1  # one Normalize object for every panel
    assert images[0].get_clim() == (0.0, counts["per_1k_tokens"].max())
    assert images[0].get_cmap().name.startswith("cividis")
    fig = axes[0].figure
    assert len(fig.axes) == 3  # two panels and one colour bar
    assert fig.axes[2].get_ylabel() == "Hits per 1,000 words"
    for ax, outlet in zip(axes, ["Ledger", "Herald"], strict=True):
        want = (counts[counts.outlet == outlet]
                .pivot(index="frame", columns="period", values="per_1k_tokens")
                .loc[["threat", "collapse"]].to_numpy())  # fmt: skip
        got = ax.images[0].get_array()
        np.testing.assert_array_equal(got.filled(np.nan), want)
        assert [t.get_text() for t in ax.get_yticklabels()] == ["threat", "collapse"]
    assert axes[1].images[0].get_array().mask[:, 2].all()  # no articles: masked, drawn grey
    assert [t.get_text() for t in axes[1].get_xticklabels()] == ["2024-01", "2024-02", "2024-03"]


def test_heatmap_single_panel_other_measure_and_given_axes(counts):
    one = counts[counts.outlet == "Ledger"].drop(columns="outlet")
    fig, ax = plt.subplots()
    out = plot_heatmap(one, measure="n_hits", ax=ax)
    assert out is ax and ax.images[0].get_clim() == (0.0, 6.0)
    axes = plot_heatmap(counts, rows="outlet", cols="period", facet="frame", width="single")
    assert [a.get_title(loc="left") for a in axes] == ["threat", "collapse"]
    assert axes[0].figure.get_figwidth() == pytest.approx(3.5)


def test_heatmap_on_the_teaching_corpus(corpus):
    _, _, counts = corpus
    axes = plot_heatmap(counts)
    assert len(axes) == counts["outlet"].nunique()
    assert axes[0].figure.get_figwidth() == pytest.approx(7.2)


@pytest.mark.parametrize(
    ("change", "kwargs", "message"),
    [
        (None, {"measure": "ratio"}, r"measure.*'ratio' is not a valid choice"),
        (None, {"facet": None}, "several rows for one cell .*it varies in 'outlet'"),
        (None, {"facet": "desk"}, "counts table has no column 'desk'"),
        (None, {"width": "poster"}, r"width.*'poster' is not a valid choice"),
        (lambda c: c.assign(per_1k_tokens=np.nan), {}, "has no values to plot"),
        (lambda c: c.iloc[:0], {}, "the counts table is empty"),
        (
            lambda c: c.rename(columns={"n_hits": "x"}).assign(match="m"),
            {},
            "you passed articles or hits",
        ),
    ],
)
def test_heatmap_errors(counts, change, kwargs, message):
    table = change(counts) if change else counts
    with pytest.raises(fr.FramingError, match=message):
        plot_heatmap(table, **kwargs)


def test_heatmap_wrong_number_of_axes(counts):
    fig, ax = plt.subplots()
    with pytest.raises(fr.FramingError, match="2 panels to draw but 1 Axes given"):
        plot_heatmap(counts, ax=ax)


# ------------------------------------------------------------------------------ dispersion


@pytest.fixture
def small():
    articles = pd.DataFrame({
        "article_id": ["late", "early"],
        "date": pd.to_datetime(["2024-05-01", "2024-01-01"]),
        "outlet": ["Herald", "Ledger"],
        "text": ["threat " + "x" * 93, "calm " * 10 + "collapse threat"],
    })  # fmt: skip
    hits = fr.find_hits(articles, {"collapse": ["collapse"], "threat": ["threat"]})
    return articles, hits


def test_dispersion_positions_are_relative(small):
    articles, hits = small
    ax = plot_dispersion(hits, articles)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["collapse", "threat"]
    assert len(ax.lines) == 2  # one set of ticks per frame, in lexicon order
    lengths = hits["article_id"].map(dict(zip(articles.article_id, articles.text.str.len(),
                                              strict=True)))  # fmt: skip
    expected = (hits["start"] / lengths).groupby(hits["frame"]).apply(sorted)
    assert sorted(ax.lines[0].get_xdata()) == expected["collapse"]
    assert sorted(ax.lines[1].get_xdata()) == expected["threat"]
    assert sorted(ax.lines[1].get_xdata()) == [0.0, 59 / 65]  # by hand: 'threat' at 59 of 65
    assert ax.get_xlim() == (0.0, 1.0)
    assert [line.get_color() for line in ax.lines] == list(PALETTE[:2])  # Okabe-Ito


@pytest.mark.parametrize(
    ("by", "rows"),
    [
        ("article", ["early", "late"]),
        ("outlet", ["Herald", "Ledger"]),
        ("entry", ["threat", "collapse"]),
    ],
)
def test_dispersion_rows(small, by, rows):
    articles, hits = small
    ax = plot_dispersion(hits, articles, by=by)
    assert [t.get_text() for t in ax.get_yticklabels()] == rows
    if by != "entry":
        assert [t.get_text() for t in ax.get_legend().get_texts()] == ["collapse", "threat"]


def test_dispersion_many_articles(corpus):
    articles, hits, _ = corpus
    ax = plot_dispersion(hits, articles, by="article")
    assert ax.get_yticks().size == 0 and ax.get_ylabel() == f"{hits.article_id.nunique()} articles"
    assert sum(len(line.get_xdata()) for line in ax.lines) == len(hits)


@pytest.mark.parametrize(
    ("change", "kwargs", "message"),
    [
        (None, {"by": "colour"}, r"by.*'colour' is not a valid choice"),
        (lambda h, a: (h, a.iloc[:1]), {}, "hits refer to 1 articles not in the articles table"),
        (lambda h, a: (a, a), {}, "you passed the articles table"),
        (lambda h, a: (h.iloc[:0], a), {}, "the hits table is empty"),
    ],
)
def test_dispersion_errors(small, change, kwargs, message):
    articles, hits = small
    if change:
        hits, articles = change(hits, articles)
    with pytest.raises(fr.FramingError, match=message):
        plot_dispersion(hits, articles, **kwargs)


# ------------------------------------------------------------------------------ bars


def bars_of(ax):
    from matplotlib.container import BarContainer

    return [c for c in ax.containers if isinstance(c, BarContainer)]


def test_bars_pool_over_periods_then_recompute(counts):
    ax = plot_bars(counts)
    containers = bars_of(ax)
    assert [c.get_label() for c in containers] == ["threat", "collapse"]
    pooled = counts.groupby(["outlet", "frame"])[["n_hits", "n_tokens"]].sum()
    for container, frame in zip(containers, ["threat", "collapse"], strict=True):
        heights = [b.get_height() for b in container]
        want = [pooled.loc[(o, frame), "n_hits"] / pooled.loc[(o, frame), "n_tokens"] * 1000
                for o in ["Ledger", "Herald"]]  # fmt: skip
        np.testing.assert_allclose(heights, want)
        # the error bars are the exact Poisson interval of the pooled count
        k = np.array([pooled.loc[(o, frame), "n_hits"] for o in ["Ledger", "Herald"]])
        t = np.array([pooled.loc[(o, frame), "n_tokens"] for o in ["Ledger", "Herald"]])
        lo, hi = poisson_interval(k, t / 1000)
        segments = container.errorbar.lines[2][0].get_segments()
        np.testing.assert_allclose([s[0][1] for s in segments], lo)
        np.testing.assert_allclose([s[1][1] for s in segments], hi)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Ledger", "Herald"]
    assert "pooled" in ax.get_ylabel()


def test_bars_share_of_articles_and_swapped_roles(counts):
    ax = plot_bars(counts, measure="share_of_articles", by="frame", hue="outlet")
    pooled = counts.groupby(["frame", "outlet"])[["n_articles_with_hit", "n_articles"]].sum()
    herald = bars_of(ax)[1]
    want = [pooled.loc[(f, "Herald"), "n_articles_with_hit"] / pooled.loc[(f, "Herald"), "n_articles"]
            for f in ["threat", "collapse"]]  # fmt: skip
    np.testing.assert_allclose([b.get_height() for b in herald], want)
    lo, _ = wilson_interval(pooled.xs("Herald", level="outlet")["n_articles_with_hit"].loc[["threat", "collapse"]],
                            pooled.xs("Herald", level="outlet")["n_articles"].loc[["threat", "collapse"]])  # fmt: skip
    segments = herald.errorbar.lines[2][0].get_segments()
    np.testing.assert_allclose([s[0][1] for s in segments], lo)


def test_bars_without_hue_pool_over_outlets(counts):
    one = counts[counts.frame == "threat"]
    ax = plot_bars(one, by="frame", hue=None)
    total = one["n_hits"].sum() / one["n_tokens"].sum() * 1000
    assert [b.get_height() for b in bars_of(ax)[0]] == pytest.approx([total])
    assert ax.get_legend() is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"hue": None}, "2 values of 'frame' but neither by nor hue shows them"),
        ({"measure": "ratio"}, r"measure.*'ratio' is not a valid choice"),
        ({"by": "desk"}, "counts table has no column 'desk'"),
    ],
)
def test_bars_errors(counts, kwargs, message):
    with pytest.raises(fr.FramingError, match=message):
        plot_bars(counts, **kwargs)


def test_bars_refuse_to_pool_entries(corpus):
    articles, hits, _ = corpus
    by_entry = fr.count_by_period(hits, articles, freq="Y", level="entry")
    with pytest.raises(fr.FramingError, match="values of 'entry' but neither by nor hue"):
        plot_bars(by_entry, by="frame", hue=None)


# ------------------------------------------------------------------------------ comparison


@pytest.fixture
def comparison():
    return pd.DataFrame({
        "frame": ["threat", "threat", "collapse", "collapse"],
        "group": ["X", "Y", "X", "Y"], "reference": "rest",
        "ratio": [2.0, 0.5, np.inf, 0.8], "ratio_lo": [1.2, 0.3, 2.0, 0.0],
        "ratio_hi": [3.5, 0.8, np.inf, np.inf],
    })  # fmt: skip


def test_comparison_on_a_log_axis_with_a_line_at_one(comparison):
    ax = plot_comparison(comparison)
    assert ax.get_xscale() == "log"
    ones = [line for line in ax.lines if list(line.get_xdata()) == [1, 1]]
    assert len(ones) == 1
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["X", "Y"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["threat", "collapse"]
    x_points = ax.containers[0].lines[0].get_xdata()  # X: the infinite ratio is left out
    assert list(x_points) == [2.0]
    y_points = ax.containers[1].lines[0].get_xdata()
    assert list(y_points) == [0.5, 0.8]
    # bars reach the bounds; a zero or infinite bound runs to the edge of the axis
    segments = ax.containers[1].lines[2][0].get_segments()
    left, right = ax.get_xlim()
    assert segments[0][0][0] == pytest.approx(0.3) and segments[0][1][0] == pytest.approx(0.8)
    assert segments[1][0][0] == pytest.approx(left) and segments[1][1][0] == pytest.approx(right)
    assert ax.get_xlabel() == "Rate ratio vs. the rest (log scale)"


def test_comparison_of_periods(corpus):
    articles, hits, _ = corpus
    periods = {"before": ("2022-09", "2023-08"), "after": ("2023-09", "2024-06")}
    table = compare(hits, articles, periods=periods, mode="pairs", n_boot=100)
    ax = plot_comparison(table)
    assert ax.get_legend() is None and "after vs before" in ax.get_xlabel()
    np.testing.assert_allclose(ax.containers[0].lines[0].get_xdata(), table["ratio"])


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            pd.DataFrame({"n_hits": [1], "period": [1]}),
            "needs a comparison table; you passed counts",
        ),
        (
            pd.DataFrame(
                {
                    "frame": ["t"],
                    "group": ["X"],
                    "reference": ["rest"],
                    "ratio": [np.nan],
                    "ratio_lo": [np.nan],
                    "ratio_hi": [np.nan],
                }
            ),
            "no ratio is finite",
        ),
        (pd.DataFrame({"frame": ["t"], "ratio": [1.0]}), "comparison table has no column 'group'"),
    ],
)
def test_comparison_errors(table, message):
    with pytest.raises(fr.FramingError, match=message):
        plot_comparison(table)


# ------------------------------------------------------------------------------ saving


def draw_each(corpus):
    articles, hits, counts = corpus
    two = ["Yerevan Ledger", "Severny Kurier"]  # Latin and Cyrillic text, kept small
    articles = articles[articles["outlet"].isin(two)]
    hits = hits[hits["article_id"].isin(articles["article_id"])]
    counts = counts[counts["outlet"].isin(two)]
    with pytest.warns(fr.FramingWarning, match="languages"):  # one outlet is in Russian
        comparison = compare(hits, articles, n_boot=50)
    return {
        "plot_trends": lambda: fr.plot_trends(counts),
        "plot_heatmap": lambda: plot_heatmap(counts),
        "plot_dispersion": lambda: plot_dispersion(hits, articles),
        "plot_bars": lambda: plot_bars(counts),
        "plot_comparison": lambda: plot_comparison(comparison),
    }


@pytest.mark.parametrize(
    "name", ["plot_trends", "plot_heatmap", "plot_dispersion", "plot_bars", "plot_comparison"]
)
def test_every_saved_figure_has_its_csv_and_embedded_fonts(tmp_path, corpus, name):
    axes = draw_each(corpus)[name]()
    paths = fr.save_figure(axes, name, directory=tmp_path, formats=["pdf", "svg"])
    assert sorted(paths) == ["csv", "pdf", "svg"]
    assert paths["csv"] == tmp_path / f"{name}.csv"
    table = pd.read_csv(paths["csv"])
    assert len(table) > 0
    pdf = paths["pdf"].read_bytes()
    assert b"/FontFile2" in pdf and b"/Type3" not in pdf  # TrueType (Type 42), no Type 3
    assert b"<text" in paths["svg"].read_bytes()  # SVG text stays text


def test_csv_of_the_plotted_table(tmp_path, counts):
    ax = plot_bars(counts)
    paths = fr.save_figure(ax, "bars", directory=tmp_path, formats=["png"])
    table = pd.read_csv(paths["csv"])
    assert table[["outlet", "frame", "n_hits"]].values.tolist() == [
        ["Ledger", "threat", 10], ["Ledger", "collapse", 3],
        ["Herald", "threat", 8], ["Herald", "collapse", 6],
    ]  # fmt: skip


def test_csv_when_drawing_into_a_subfigure(tmp_path, counts):
    fig = plt.figure(layout="constrained")
    left, right = fig.subfigures(1, 2)
    plot_bars(counts, ax=left.subplots())
    paths = fr.save_figure(fig, "sub", directory=tmp_path, formats=["png"])
    assert "csv" in paths and pd.read_csv(paths["csv"])["n_hits"].sum() == counts["n_hits"].sum()


def test_several_plots_in_one_figure_share_one_csv(tmp_path, counts, comparison):
    fig, (a, b, c) = plt.subplots(1, 3)
    plot_bars(counts, ax=a)
    plot_comparison(comparison, ax=b)
    plot_bars(counts, measure="n_hits", ax=c)
    plot_bars(counts, measure="n_hits", ax=c)  # redrawing one Axes replaces its table
    paths = fr.save_figure(fig, "panels", directory=tmp_path, formats=["png"])
    table = pd.read_csv(paths["csv"])
    assert table.columns[0] == "panel"
    assert table["panel"].value_counts().to_dict() == {
        "plot_bars 1": 4,
        "plot_comparison": 4,
        "plot_bars 2": 4,
    }
