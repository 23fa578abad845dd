"""Stratified comparisons: Mantel-Haenszel within strata against plain pandas, the Simpson
warning, each group's change over periods and the ratio of ratios, on made-up and real news."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import framing as fr
from framing.comparison import compare

PERIODS = {"before": ("2022-01-01", "2022-02-23"), "after": ("2022-02-24", "2022-06-30")}


def _corpus():
    """Two outlets whose threat rate falls after the event in each, while the outlet that
    uses the frame most publishes far more after: pooled, the rate rises."""
    rows = []
    plan = {  # outlet, period: (articles, hits per article, tokens per article)
        ("A", "before"): (2, 10, 1000), ("A", "after"): (8, 8, 1000),
        ("B", "before"): (8, 3, 1000), ("B", "after"): (2, 2, 1000),
    }  # fmt: skip
    for (outlet, period), (n, per, tokens) in plan.items():
        for i in range(n):
            day = "2022-02-01" if period == "before" else "2022-04-01"
            rows.append((f"{outlet}-{period}-{i}", outlet, day, per, tokens))
    arts = pd.DataFrame(rows, columns=["article_id", "outlet", "date", "hits", "n_tokens"])
    arts["date"] = pd.to_datetime(arts["date"])
    hits = pd.DataFrame({"article_id": np.repeat(arts["article_id"], arts["hits"]).tolist()})
    hits["frame"] = "threat"
    # one article with a hit of another frame, in every cell, so both frames have rows
    extra = arts.groupby("outlet").head(1)["article_id"].tolist()
    hits = pd.concat([hits, pd.DataFrame({"article_id": extra, "frame": "collapse"})])
    return hits.reset_index(drop=True), arts.drop(columns="hits")


def _mh_by_pandas(hits, arts, frame):
    """The Mantel-Haenszel ratio of after against before within outlets, by plain pandas."""
    arts = arts.assign(period=np.where(arts["date"] >= "2022-02-24", "after", "before"))
    n = hits[hits["frame"] == frame].groupby("article_id").size()
    arts["h"] = arts["article_id"].map(n).fillna(0)
    cells = arts.groupby(["outlet", "period"])[["h", "n_tokens"]].sum().unstack("period")
    h1, h0 = cells[("h", "after")], cells[("h", "before")]
    t1, t0 = cells[("n_tokens", "after")], cells[("n_tokens", "before")]
    total = t1 + t0
    return (h1 * t0 / total).sum() / (h0 * t1 / total).sum()


def test_simpson_is_caught_and_the_adjusted_ratio_is_mantel_haenszel():
    hits, arts = _corpus()
    pooled = compare(hits, arts, periods=PERIODS, mode="pairs", n_boot=0)
    with pytest.warns(fr.FramingWarning, match=r"within 'outlet'.*Simpson"):
        adjusted = compare(hits, arts, periods=PERIODS, mode="pairs", adjust_for="outlet",
                           n_boot=300, seed=1)  # fmt: skip
    row = adjusted.set_index("frame").loc["threat"]
    crude = pooled.set_index("frame").loc["threat", "ratio"]
    assert crude > 1 > row["ratio"]  # pooled up, within outlets down
    assert row["ratio"] == pytest.approx(_mh_by_pandas(hits, arts, "threat"))
    assert row["ratio_crude"] == pytest.approx(crude)
    assert row["ratio_lo"] <= row["ratio"] <= row["ratio_hi"]
    assert adjusted.attrs["provenance"]["compare"]["adjust_for"] == "outlet"


def test_adjusted_is_seeded_and_needs_no_warning_when_strata_agree():
    hits, arts = _corpus()
    arts = arts.assign(desk=np.where(arts.index % 2 == 0, "x", "y"))
    with pytest.warns(fr.FramingWarning):
        one = compare(hits, arts, periods=PERIODS, adjust_for="outlet", n_boot=100, seed=4)
        two = compare(hits, arts, periods=PERIODS, adjust_for="outlet", n_boot=100, seed=4)
    pd.testing.assert_frame_equal(one, two)
    # strata that do not confound: no warning at all
    balanced = arts[arts["outlet"] == "A"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compare(hits[hits["article_id"].isin(balanced["article_id"])], balanced,
                periods=PERIODS, adjust_for="desk", n_boot=0)  # fmt: skip


def test_adjusting_groups_for_another_column():
    """between= with adjust_for: each outlet against the rest within desks."""
    hits, arts = _corpus()
    arts = arts.assign(desk=np.where(arts["date"] >= "2022-02-24", "late", "early"))
    out = compare(hits, arts, between="outlet", adjust_for="desk", n_boot=0)
    threat = out.set_index(["frame", "group"]).loc[("threat", "A")]
    # within each desk: A's rate against B's; MH over the desks, by hand
    a = {"early": (20, 2000), "late": (64, 8000)}
    b = {"early": (24, 8000), "late": (4, 2000)}
    num = sum(a[k][0] * b[k][1] / (a[k][1] + b[k][1]) for k in a)
    den = sum(b[k][0] * a[k][1] / (a[k][1] + b[k][1]) for k in a)
    assert threat["ratio"] == pytest.approx(num / den)


def test_each_group_over_periods_and_the_ratio_of_ratios():
    hits, arts = _corpus()
    out = compare(hits, arts, between="outlet", periods=PERIODS, n_boot=200, seed=0)
    threat = out[out["frame"] == "threat"].set_index(["kind", "group"])
    rate = {("A", "before"): 10 / 1000, ("A", "after"): 8 / 1000,
            ("B", "before"): 3 / 1000, ("B", "after"): 2 / 1000}  # fmt: skip
    change = {g: rate[(g, "after")] / rate[(g, "before")] for g in "AB"}
    for g in "AB":
        assert threat.loc[("ratio", g), "ratio"] == pytest.approx(change[g])
        assert threat.loc[("ratio", g), "rate"] == pytest.approx(rate[(g, "after")] * 1000)
        assert threat.loc[("ratio", g), "period"] == "after"
    assert threat.loc[("ratio_of_ratios", "A"), "ratio"] == pytest.approx(change["A"] / change["B"])
    assert threat.loc[("ratio_of_ratios", "A"), "reference"] == "rest"
    assert (threat["ratio_lo"] <= threat["ratio_hi"]).all()
    assert threat["p_adj"].notna().all()
    pairs = compare(hits, arts, between="outlet", periods=PERIODS, mode="pairs", n_boot=0)
    row = pairs[(pairs["frame"] == "threat") & (pairs["kind"] == "ratio_of_ratios")].iloc[0]
    assert (row["group"], row["reference"]) == ("B", "A")
    assert row["ratio"] == pytest.approx(change["B"] / change["A"])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"periods": PERIODS, "adjust_for": "desk"}, "desk"),
        ({"periods": PERIODS, "between": "outlet", "adjust_for": "outlet"}, "cannot be combined"),
        ({"between": "outlet", "adjust_for": "outlet"}, "cannot also be the strata"),
        ({"periods": PERIODS, "adjust_for": ["outlet"]}, "one article column"),
        ({"between": "outlet", "periods": {"only": ("2022", "2022")}}, "only one period"),
    ],
)
def test_errors_name_the_argument(kwargs, message):
    hits, arts = _corpus()
    with pytest.raises(fr.FramingError, match=message):
        compare(hits, arts, n_boot=0, **kwargs)


def test_rates_across_languages_warn():
    hits, arts = _corpus()
    arts = arts.assign(lang=np.where(arts["outlet"] == "A", "en", "ru"))
    with pytest.warns(fr.FramingWarning, match="different languages"):
        compare(hits, arts, between="lang", n_boot=0)
    with pytest.warns(fr.FramingWarning, match=r"languages \(en, ru\)"):
        compare(hits, arts, between="outlet", n_boot=0)


def test_press_releases_simpson(news_dir):
    """The issue's example: after 24 February 2022 the threat frame rose pooled (1.19) but
    fell within each presidency (0.78 and 0.84)."""
    arts = fr.read_articles(news_dir / "press_releases_kremlin_president_ua_2021-10_2022-06.csv")
    hits = fr.find_hits(arts, fr.load_lexicon("security"))
    periods = {"before": ("2021-10-24", "2022-02-23"), "after": ("2022-02-24", "2022-06-24")}
    pooled = compare(hits, arts, periods=periods, mode="pairs", n_boot=0).set_index("frame")
    assert round(pooled.loc["threat", "ratio"], 2) == 1.19
    by = compare(hits, arts, between="outlet", periods=periods, n_boot=0)
    within = by[(by["frame"] == "threat") & (by["kind"] == "ratio")].set_index("group")["ratio"]
    assert within.round(2).to_dict() == {"kremlin.ru": 0.78, "president.gov.ua": 0.84}
    with pytest.warns(fr.FramingWarning, match="threat after vs before: pooled 1.19"):
        adjusted = compare(hits, arts, periods=periods, mode="pairs", adjust_for="outlet",
                           n_boot=200)  # fmt: skip
    assert 0.78 < adjusted.set_index("frame").loc["threat", "ratio"] < 0.84
