"""compare and keyness: point ratios vs. plain pandas, the bootstrap vs. a numpy oracle, G2 by hand."""

from __future__ import annotations

import math
from itertools import combinations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import power_divergence

import framing as fr
from framing import bootstrap
from framing.comparison import COMPARISON_COLUMNS, compare, g2, keyness, log_ratio
from framing.multiplicity import adjust_pvalues


def corpus_from(spec):
    """Articles of ``n_tokens`` words with ``k`` hits of ``frame`` each: (id, group, date, {frame: k}, n)."""
    rows, hits = [], []
    for aid, group, date, found, n in spec:
        words = []
        for frame, k in found.items():
            words += [frame] * k
        words += ["calm"] * (n - len(words))
        rows.append((aid, group, pd.Timestamp(date), " ".join(words)))
        for frame, k in found.items():
            hits += [{"article_id": aid, "frame": frame, "entry": frame}] * k
    articles = pd.DataFrame(rows, columns=["article_id", "outlet", "date", "text"])
    return articles, pd.DataFrame(hits, columns=["article_id", "frame", "entry"])


SPEC = [
    ("a1", "X", "2023-01-05", {"threat": 3, "crisis": 1}, 100),
    ("a2", "X", "2023-06-05", {"threat": 0}, 50),
    ("a3", "X", "2023-11-05", {"threat": 5}, 200),
    ("b1", "Y", "2023-02-05", {"threat": 1, "crisis": 2}, 80),
    ("b2", "Y", "2023-10-05", {"crisis": 4}, 120),
    ("c1", "Z", "2023-03-05", {"threat": 2}, 60),
    ("c2", "Z", "2023-09-05", {"threat": 1, "crisis": 1}, 90),
    ("c3", "Z", "2023-12-05", {}, 40),
]


@pytest.fixture
def tiny():
    return corpus_from(SPEC)


def pandas_rates(articles, hits, label):
    """Plain pandas: pooled hits per 1,000 tokens per group and frame."""
    tokens = articles.assign(n=articles["text"].str.split().str.len()).groupby(label)["n"].sum()
    counts = (
        hits.merge(articles[["article_id", label]], on="article_id")
        .groupby([label, "frame"])
        .size()
        .unstack(fill_value=0)
        .reindex(tokens.index, fill_value=0)
    )
    return counts, tokens


@pytest.mark.parametrize("mode", ["one-vs-rest", "pairs"])
def test_point_ratios_match_plain_pandas(tiny, mode):
    articles, hits = tiny
    out = compare(hits, articles, between="outlet", mode=mode, n_boot=0)
    assert list(out.columns) == COMPARISON_COLUMNS
    counts, tokens = pandas_rates(articles, hits, "outlet")
    if mode == "one-vs-rest":
        pairs = [(g, [g], [r for r in tokens.index if r != g]) for g in tokens.index]
    else:
        pairs = [(b, [b], [a]) for a, b in combinations(tokens.index, 2)]
    expected = []
    for frame in ["threat", "crisis"]:
        for g, members, refs in pairs:
            rate = counts.loc[members, frame].sum() / tokens[members].sum() * 1000
            rate_ref = counts.loc[refs, frame].sum() / tokens[refs].sum() * 1000
            ref = "rest" if mode == "one-vs-rest" else refs[0]
            expected.append((frame, g, ref, rate, rate_ref, rate / rate_ref))
    got = out[["frame", "group", "reference", "rate", "rate_ref", "ratio"]]
    want = pd.DataFrame(expected, columns=got.columns)
    want = want.sort_values("frame", kind="stable").reset_index(drop=True)  # no lexicon: sorted
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    assert out["ratio_lo"].isna().all()  # n_boot=0: no intervals


def oracle_bootstrap(articles, hits, order, comparisons, frames, n_boot, seed, conf):
    """Plain numpy with Python loops: the documented draw, one group after the other."""
    rng = np.random.default_rng(seed)
    tokens = articles["text"].str.split().str.len().to_numpy()
    reps = {}
    for g in order:
        members = np.flatnonzero(articles["outlet"].to_numpy() == g)
        idx = rng.integers(0, len(members), size=(n_boot, len(members)))
        sums = np.zeros((n_boot, len(frames)))
        toks = np.zeros(n_boot)
        for b in range(n_boot):
            for i in idx[b]:
                aid = articles["article_id"].iloc[members[i]]
                for j, f in enumerate(frames):
                    sums[b, j] += ((hits["article_id"] == aid) & (hits["frame"] == f)).sum()
                toks[b] += tokens[members[i]]
        reps[g] = (sums, toks)
    out = {}
    for g, refs in comparisons:
        h = sum(reps[m][0] for m in [g])
        t = reps[g][1]
        h_r = sum(reps[m][0] for m in refs)
        t_r = sum(reps[m][1] for m in refs)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = (h / t[:, None]) / (h_r / t_r[:, None])
        for j, f in enumerate(frames):
            x = sorted(v for v in ratio[:, j] if not math.isnan(v))
            lo, hi = (linear_quantile(x, q) for q in [(1 - conf) / 2, 1 - (1 - conf) / 2])
            below, above = sum(v <= 1 for v in x) + 1, sum(v >= 1 for v in x) + 1
            out[(f, g)] = (lo, hi, min(1.0, 2 * min(below, above) / (len(x) + 1)))
    return out


def linear_quantile(x: list, q: float) -> float:
    """numpy's default ('linear') quantile of a sorted list, where finite-to-inf gives inf."""
    h = (len(x) - 1) * q
    lo, hi = math.floor(h), math.ceil(h)
    if x[lo] == x[hi] or h == lo:
        return x[lo]
    return x[lo] + (h - lo) * (x[hi] - x[lo])


@pytest.mark.parametrize(("seed", "conf", "block"), [(0, 0.95, None), (5, 0.9, 3)])
def test_bootstrap_matches_numpy_oracle(tiny, monkeypatch, seed, conf, block):
    articles, hits = tiny
    if block:  # draws in small blocks must give the very same numbers
        monkeypatch.setattr(bootstrap, "BLOCK", block)
    out = compare(hits, articles, between="outlet", groups=["Y", "X"], n_boot=60, seed=seed,
                  conf=conf)  # fmt: skip
    order = ["Y", "X", "Z"]  # the listed groups first, then the rest
    comparisons = [("Y", ["X", "Z"]), ("X", ["Y", "Z"])]
    want = oracle_bootstrap(articles, hits, order, comparisons, ["threat", "crisis"], 60, seed,
                            conf)  # fmt: skip
    for row in out.itertuples():
        np.testing.assert_allclose((row.ratio_lo, row.ratio_hi, row.p_value),
                                   want[(row.frame, row.group)])  # fmt: skip
    np.testing.assert_allclose(out["p_adj"], adjust_pvalues(out["p_value"], "bh"))


def test_p_values_agree_with_the_intervals_and_are_adjusted():
    """An interval that excludes 1 goes with a p-value below 1 - conf (the bootstrap test
    the percentile interval inverts), and p_adj adjusts over the whole table."""
    articles = fr.clean_articles(fr.load_example())
    hits = fr.find_hits(articles, fr.load_lexicon("security"))
    with pytest.warns(fr.FramingWarning, match="languages"):
        out = compare(hits, articles, n_boot=999, seed=3)
    excludes = (out["ratio_lo"] > 1) | (out["ratio_hi"] < 1)
    assert excludes.any() and (~excludes).any()
    assert (out.loc[excludes, "p_value"] <= 0.05 + 2 / 1000).all()
    assert (out.loc[~excludes, "p_value"] >= 0.05 - 2 / 1000).all()
    assert (out["p_adj"] >= out["p_value"]).all()
    with pytest.warns(fr.FramingWarning, match="languages"):
        holm = compare(hits, articles, n_boot=999, seed=3, p_adjust="holm")
    np.testing.assert_allclose(holm["p_adj"], adjust_pvalues(out["p_value"], "holm"))
    assert out.attrs["provenance"]["compare"]["p_adjust"] == "bh"
    with pytest.warns(fr.FramingWarning, match="languages"):
        assert compare(hits, articles, n_boot=0)["p_value"].isna().all()


def test_bootstrap_is_seeded_and_brackets_the_ratio():
    articles = fr.clean_articles(fr.load_example())
    hits = fr.find_hits(articles, fr.load_lexicon("security"))
    with pytest.warns(fr.FramingWarning, match="languages"):  # Severny Kurier is in Russian
        one = compare(hits, articles, n_boot=300, seed=1)
        again = compare(hits, articles, n_boot=300, seed=1)
        other = compare(hits, articles, n_boot=300, seed=2)
    pd.testing.assert_frame_equal(one, again)
    assert not np.allclose(one["ratio_lo"], other["ratio_lo"])
    np.testing.assert_allclose(one["ratio"], other["ratio"])  # points do not depend on the seed
    assert (one["ratio_lo"] <= one["ratio"]).all() and (one["ratio"] <= one["ratio_hi"]).all()
    assert set(one["group"]) == set(articles["outlet"])
    assert one.attrs["provenance"]["compare"]["n_boot"] == 300


def test_wider_intervals_at_higher_confidence(tiny):
    articles, hits = tiny
    narrow = compare(hits, articles, n_boot=400, conf=0.5)
    wide = compare(hits, articles, n_boot=400, conf=0.95)
    assert (
        (wide["ratio_hi"] - wide["ratio_lo"]) >= (narrow["ratio_hi"] - narrow["ratio_lo"])
    ).all()


def test_periods_compare_later_against_earlier(tiny):
    articles, hits = tiny
    periods = {"before": ("2023-01", "2023-06"), "after": ("2023-07", "2023-12")}
    out = compare(hits, articles, periods=periods, mode="pairs", n_boot=50)
    assert out[["group", "reference"]].drop_duplicates().values.tolist() == [["after", "before"]]
    first = articles["date"] <= "2023-06-30"
    counts, tokens = pandas_rates(articles.assign(half=np.where(first, "before", "after")), hits,
                                  "half")  # fmt: skip
    threat = out.set_index("frame").loc["threat"]
    rate_after = counts.loc["after", "threat"] / tokens["after"] * 1000
    rate_before = counts.loc["before", "threat"] / tokens["before"] * 1000
    assert threat["ratio"] == pytest.approx(rate_after / rate_before)
    assert threat["n_articles"] == (~first).sum() and threat["n_articles_ref"] == first.sum()


def test_period_ends_are_inclusive(tiny):
    articles, hits = tiny
    out = compare(hits, articles, periods={"p": ("2023-01-05", "2023-01-05"),
                                           "q": ("2023-02", "2023")}, n_boot=0)  # fmt: skip
    assert out.set_index(["frame", "group"]).loc[("threat", "p"), "n_articles"] == 1
    assert out.set_index(["frame", "group"]).loc[("threat", "q"), "n_articles"] == 7


def test_zero_reference_gives_inf_and_nothing_gives_nan():
    articles, hits = corpus_from([
        ("a", "X", "2023-01-01", {"threat": 2}, 10), ("b", "Y", "2023-01-01", {}, 10),
    ])  # fmt: skip
    hits.attrs["frames"] = ["threat", "unused"]
    out = compare(hits, articles, n_boot=20).set_index(["frame", "group"])
    assert math.isinf(out.loc[("threat", "X"), "ratio"])
    assert out.loc[("threat", "Y"), "ratio"] == 0
    assert math.isnan(out.loc[("unused", "X"), "ratio"])


def test_articles_without_group_are_left_out_with_a_warning(tiny):
    articles, hits = tiny
    articles.loc[articles["article_id"] == "c3", "outlet"] = None
    with pytest.warns(fr.FramingWarning, match="1 articles have no 'outlet'"):
        out = compare(hits, articles, n_boot=0)
    assert out.set_index(["frame", "group"]).loc[("threat", "Z"), "n_articles"] == 2


def test_inputs_not_mutated(tiny):
    articles, hits = tiny
    a0, h0 = articles.copy(), hits.copy()
    compare(hits, articles, n_boot=10)
    keyness(hits, articles, target="X")
    pd.testing.assert_frame_equal(articles, a0)
    pd.testing.assert_frame_equal(hits, h0)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ("counts", {}, "needs the hits table, not a counts table"),
        ("no-articles", {}, "needs the articles table as well"),
        ("swapped", {}, "needs the hits table first; you passed the articles table"),
        ("ok", {"mode": "all"}, r"mode.*'all' is not a valid choice"),
        ("ok", {"n_boot": -5}, "-5 is not a number of resamples"),
        ("ok", {"conf": 95}, "95 is not a confidence level"),
        ("ok", {"groups": ["X", "Q"]}, r"groups.*'Q' is not a valid choice"),
        ("ok", {"between": "colour"}, "articles table has no column 'colour'"),
        ("ok", {"frames": ["threat", "typo"]}, r"frames.*'typo' is not a valid choice"),
        (
            "ok",
            {"periods": {"a": ("2023-01", "2023-06"), "b": ("2023-06", "2023-12")}},
            "periods 'a' and 'b' overlap",
        ),
        ("ok", {"periods": {"a": ("2023-01", "soon")}}, "'soon' is not a date or period"),
        ("ok", {"periods": {"a": "2023"}}, "is not a \\(start, end\\) pair"),
        (
            "ok",
            {"periods": {"a": ("2023-01", "2023-12"), "b": ("2030", "2031")}},
            "the period 'b' has no articles",
        ),
        ("ok", {"periods": {"a": ("2023-01", "2023-12")}}, "only 1 period with articles"),
        ("unknown", {}, "1 hits refer to 1 articles not in the articles table: 'zz'"),
    ],
)
def test_compare_errors(tiny, args, kwargs, message):
    articles, hits = tiny
    data, arts = {
        "counts": (pd.DataFrame({"period": [1], "n_hits": [1]}), articles),
        "no-articles": (hits, None),
        "swapped": (articles, hits),
        "ok": (hits, articles),
        "unknown": (pd.concat([hits, pd.DataFrame({"article_id": ["zz"], "frame": ["threat"]})]),
                    articles),
    }[args]  # fmt: skip
    with pytest.raises(fr.FramingError, match=message):
        compare(data, arts, **{"n_boot": 5, **kwargs})


# ------------------------------------------------------------------------------ keyness


@pytest.mark.parametrize(
    ("a", "b", "c", "d", "by_hand"),
    [
        # E1 = 1000*15/3000 = 5, E2 = 10: G2 = 2(10 ln 2 + 5 ln 1/2) = 10 ln 2
        (10, 5, 1000, 2000, 10 * math.log(2)),
        # a = 0: E2 = 200*6/300 = 4: G2 = 2 * 6 ln(6/4)
        (0, 6, 100, 200, 12 * math.log(1.5)),
        # equal relative frequencies: no evidence at all
        (3, 6, 100, 200, 0.0),
        # E1 = 50*20/150, E2 = 100*20/150
        (
            15,
            5,
            50,
            100,
            2 * (15 * math.log(15 / (50 * 20 / 150)) + 5 * math.log(5 / (100 * 20 / 150))),
        ),
    ],
)
def test_g2_by_hand_and_against_scipy(a, b, c, d, by_hand):
    assert float(g2(a, b, c, d)) == pytest.approx(by_hand, abs=1e-12)
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    scipy_g2 = power_divergence([a, b], f_exp=[e1, e2], lambda_="log-likelihood").statistic
    assert float(g2(a, b, c, d)) == pytest.approx(scipy_g2, abs=1e-9)


@pytest.mark.parametrize(
    ("a", "b", "c", "d", "expected"),
    [
        (10, 5, 1000, 2000, 2.0),  # twice as frequent -> 1 would be log2(2)=1; here 4x -> 2
        (0, 6, 100, 200, math.log2((0.5 / 100) / (6 / 200))),  # 0.5 only where the count is 0
        (4, 0, 100, 100, math.log2(4 / 0.5)),
        (3, 6, 100, 200, 0.0),
    ],
)
def test_log_ratio_by_hand(a, b, c, d, expected):
    assert float(log_ratio(a, b, c, d)) == pytest.approx(expected)


def test_keyness_table_by_hand(tiny):
    articles, hits = tiny
    key = keyness(hits, articles, between="outlet", target="X")
    # X: 350 tokens, threat 8, crisis 1; rest (Y, Z): 390 tokens, threat 4, crisis 7
    c, d = 350, 390
    rows = {"threat": (8, 4), "crisis": (1, 7)}
    assert key["entry"].tolist() == ["threat", "crisis"]  # sorted by signed G2, descending
    for row in key.itertuples():
        a, b = rows[row.entry]
        e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
        by_hand = 2 * (a * math.log(a / e1) + b * math.log(b / e2))
        sign = 1 if a / c > b / d else -1
        assert (row.n_target, row.n_reference) == (a, b)
        assert row.g2 == pytest.approx(sign * by_hand)
        assert row.per_1k_target == pytest.approx(a / c * 1000)
        assert row.log_ratio == pytest.approx(math.log2((a / c) / (b / d)))
        assert row.p_value == pytest.approx(math.erfc(math.sqrt(by_hand / 2)))  # chi2, 1 df
    prov = key.attrs["provenance"]["keyness"]
    assert (prov["tokens_target"], prov["tokens_reference"]) == (c, d)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"target": "X", "reference": "Z"}, {"threat": (8, 3), "crisis": (1, 1)}),
        ({"target": ["X", "Y"]}, {"threat": (9, 3), "crisis": (7, 1)}),
        ({"target": "Y", "level": "frame"}, {"threat": (1, 11), "crisis": (6, 2)}),
    ],
)
def test_keyness_groups_and_levels(tiny, kwargs, expected):
    articles, hits = tiny
    key = keyness(hits, articles, **kwargs)
    item = "entry" if kwargs.get("level", "entry") == "entry" else "frame"
    got = {r[item]: (r["n_target"], r["n_reference"]) for _, r in key.iterrows()}
    assert got == expected
    assert key["g2"].is_monotonic_decreasing


def test_keyness_on_matched_words_is_case_insensitive():
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
                             "text": ["Threat threat calm", "calm calm THREAT"]})  # fmt: skip
    hits = fr.find_hits(articles, {"threat": ["threat"]})
    key = keyness(hits, articles, target="X", level="match")
    assert key[["match", "n_target", "n_reference"]].values.tolist() == [["threat", 2, 1]]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"target": "Q"}, r"target.*'Q' is not a valid choice"),
        ({"target": "X", "reference": "X"}, "'X' is both target and reference"),
        ({"target": ["X", "Y", "Z"]}, "no articles are left for the reference"),
        ({"target": "X", "level": "word"}, r"level.*'word' is not a valid choice"),
        ({"target": "X", "between": "desk"}, "articles table has no column 'desk'"),
    ],
)
def test_keyness_errors(tiny, kwargs, message):
    articles, hits = tiny
    with pytest.raises(fr.FramingError, match=message):
        keyness(hits, articles, **kwargs)
