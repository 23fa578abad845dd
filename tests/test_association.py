"""Keyness statistics against independent oracles: scipy, R's published values, the formulas
of quanteda written out by hand, and statsmodels for the multiple-testing adjustments."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2, chi2_contingency

import framing as fr
from framing.association import keyness_statistic
from framing.multiplicity import adjust_pvalues

# (a, b, c, d): item count in target/reference, token totals of target/reference
TABLES = [
    (3, 0, 5000, 5000),  # the issue's example: few hits, one side empty
    (10, 5, 1000, 2000),
    (3, 7, 10, 9),  # quanteda's own test: "b b b b b b b a a a" vs "a a a a a a a b b"
    (0, 12, 4000, 6000),
    (250, 180, 90_000, 110_000),  # large counts: no correction applies
    (1, 1, 300, 300),  # |ad - bc| < N/2: no correction
]


def _quanteda_lr(a, b, c, d, correction="default"):
    """quanteda's keyness_lr, written out from its R source for one item (the oracle)."""
    c, d = c - a, d - b
    n = a + b + c + d
    e11 = (a + b) * (a + c) / n
    sign = 1 if a > e11 else -1
    if correction in ("default", "yates"):
        small = min((a + b) * (a + c), (a + b) * (b + d), (a + c) * (c + d), (c + d) * (b + d))
        if small / n < 5 and abs(a * d - b * c) > n / 2:
            s = -0.5 if a * d - b * c > 0 else 0.5
            a, d, b, c = a + s, d + s, b - s, c - s
    eps = 1e-9

    def term(x, m):
        return 0.0 if x == 0 else x * math.log(x / (m / n) + eps)

    g = 2 * (
        term(a, (a + b) * (a + c))
        + term(b, (a + b) * (b + d))
        + term(c, (a + c) * (c + d))
        + term(d, (b + d) * (c + d))
    )
    return g * sign


@pytest.mark.parametrize(("a", "b", "c", "d"), TABLES)
def test_lr_equals_quanteda_formula(a, b, c, d):
    stat, p = keyness_statistic("lr", [a], [b], c, d)
    expected = _quanteda_lr(a, b, c, d)
    assert stat[0] == pytest.approx(expected, rel=1e-12, abs=1e-12)
    assert p[0] == pytest.approx(chi2.sf(abs(expected), 1))


def test_issue_example_g2_against_lr():
    """3 against 0 hits in 5,000 tokens each: p = .041 with the two-cell G2, .23 in quanteda."""
    _, p_g2 = keyness_statistic("g2", [3], [0], 5000, 5000)
    _, p_lr = keyness_statistic("lr", [3], [0], 5000, 5000)
    assert round(float(p_g2[0]), 3) == 0.041
    assert round(float(p_lr[0]), 2) == 0.23


@pytest.mark.parametrize(("a", "b", "c", "d"), TABLES)
def test_lr_without_correction_is_scipy_g_test(a, b, c, d):
    table = np.array([[a, b], [c - a, d - b]])
    stat, _ = keyness_statistic("lr", [a], [b], c, d, correction="none")
    g, *_ = chi2_contingency(table, correction=False, lambda_="log-likelihood")
    # quanteda's ln(x/E + 1e-9) adds at most 2 N 1e-9 to the statistic
    assert abs(stat[0]) == pytest.approx(g, abs=2.001 * table.sum() * 1e-9)


@pytest.mark.parametrize(("a", "b", "c", "d"), TABLES)
def test_chi2_equals_scipy(a, b, c, d):
    """Without correction, Pearson's chi-squared; with quanteda's default, Yates' exactly
    when an expected count is below 5 and |ad - bc| >= N/2 (scipy always corrects)."""
    table = np.array([[a, b], [c - a, d - b]])
    plain, *_ = chi2_contingency(table, correction=False)
    stat, p = keyness_statistic("chi2", [a], [b], c, d, correction="none")
    assert abs(stat[0]) == pytest.approx(plain)
    assert p[0] == pytest.approx(chi2.sf(plain, 1))
    _, _, _, expected = chi2_contingency(table, correction=False)
    n = table.sum()
    applies = expected.min() < 5 and abs(a * (d - b) - b * (c - a)) >= n / 2
    yates, *_ = chi2_contingency(table, correction=True)
    stat, _ = keyness_statistic("chi2", [a], [b], c, d)
    assert abs(stat[0]) == pytest.approx(yates if applies else plain)


def test_signs_follow_the_target():
    for measure in ("g2", "chi2", "lr", "pmi"):
        stat, _ = keyness_statistic(measure, [10, 1], [1, 10], 1000, 1000)
        assert stat[0] > 0 > stat[1], measure


def test_williams_divides_by_q():
    a, b, c, d = 10, 5, 1000, 2000
    cells = a, b, c - a, d - b
    n = sum(cells)
    q = 1 + (n / (a + b) + n / (c + d - a - b) - 1) * (n / c + n / d - 1) / (6 * n)
    plain, _ = keyness_statistic("lr", [a], [b], c, d, correction="none")
    williams, _ = keyness_statistic("lr", [a], [b], c, d, correction="williams")
    assert williams[0] == pytest.approx(plain[0] / q)


def test_pmi_and_its_missing_p_value():
    stat, p = keyness_statistic("pmi", [10], [5], 1000, 2000)
    assert stat[0] == pytest.approx(math.log(10 / (15 * 1000 / 3000) + 1e-9))
    assert np.isnan(p[0])


def test_exact_matches_r_fisher_test():
    """R: fisher.test(matrix(c(3, 1, 1, 3), 2)) gives odds ratio 6.408309, p = 0.4857 (R
    finds the odds ratio with uniroot's default tolerance, so it agrees to about 1e-5)."""
    stat, p = keyness_statistic("exact", [3], [1], 4, 4)
    assert stat[0] == pytest.approx(6.408309, rel=1e-5)
    assert p[0] == pytest.approx(0.4857, abs=1e-4)


@pytest.mark.parametrize(
    ("measure", "correction"), [("nope", "default"), ("lr", "fancy"), ("pmi", "yates")]
)
def test_bad_measure_or_correction(measure, correction):
    with pytest.raises(fr.FramingError, match="keyness"):
        keyness_statistic(measure, [1], [1], 10, 10, correction=correction)


P_VALUES = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216, 0.222, 0.251,
            0.269, 0.275, 0.34, 0.341, 0.384, 0.569, 0.594, 0.696, 0.762, 0.94, 0.942, 0.975,
            0.986]  # fmt: skip


@pytest.mark.parametrize(("method", "oracle"), [("bh", "fdr_bh"), ("holm", "holm")])
def test_adjustments_equal_statsmodels(method, oracle):
    multitest = pytest.importorskip("statsmodels.stats.multitest")
    rng = np.random.default_rng(1)
    for p in (P_VALUES, rng.permutation(P_VALUES), rng.uniform(size=60) ** 3):
        expected = multitest.multipletests(p, method=oracle)[1]
        np.testing.assert_allclose(adjust_pvalues(p, method), expected, rtol=1e-12)


def test_adjustment_leaves_missing_p_values_out_of_the_family():
    adjusted = adjust_pvalues([0.01, np.nan, 0.02], "bh")
    assert np.isnan(adjusted[1])
    np.testing.assert_allclose(adjusted[[0, 2]], [0.02, 0.02])
    with pytest.raises(fr.FramingError, match="p_adjust"):
        adjust_pvalues([0.1], "bonferroni")


def _keyness_corpus():
    arts = pd.DataFrame({
        "article_id": ["a", "b", "c", "d"],
        "outlet": ["X", "X", "Y", "Y"],
        "text": ["threat " * 6 + "crisis " * 2 + "calm " * 992, "calm " * 1000,
                 "threat " * 2 + "crisis " * 3 + "calm " * 1995, "calm " * 1000],
    })  # fmt: skip
    entries = ["threat"] * 6 + ["crisis"] * 2 + ["threat"] * 2 + ["crisis"] * 3
    hits = pd.DataFrame({"article_id": ["a"] * 8 + ["c"] * 5, "frame": "f", "entry": entries})
    return hits, arts


@pytest.mark.parametrize("measure", ["g2", "chi2", "lr", "pmi", "exact"])
def test_keyness_measures_from_the_table(measure):
    hits, arts = _keyness_corpus()
    key = fr.keyness(hits, arts, target="X", measure=measure).set_index("entry")
    column = {"exact": "odds_ratio"}.get(measure, measure)
    for entry, a, b in (("threat", 6, 2), ("crisis", 2, 3)):
        stat, p = keyness_statistic(measure, [a], [b], 2000, 3000)
        assert key.loc[entry, column] == pytest.approx(stat[0])
        assert key.loc[entry, "n_target"] == a and key.loc[entry, "n_reference"] == b
        np.testing.assert_allclose(key.loc[entry, "p_value"], p[0])
    np.testing.assert_allclose(
        key["p_adj"], adjust_pvalues(key["p_value"].to_numpy(), "bh"), equal_nan=True
    )


def test_keyness_holm_and_bad_choice():
    hits, arts = _keyness_corpus()
    key = fr.keyness(hits, arts, target="X", p_adjust="holm")
    np.testing.assert_allclose(key["p_adj"], adjust_pvalues(key["p_value"], "holm"))
    with pytest.raises(fr.FramingError, match=r"keyness\(p_adjust"):
        fr.keyness(hits, arts, target="X", p_adjust="fdr")


def test_open_vocabulary_keyness_counts_every_word():
    """vocabulary="all": every word of the two groups, counted by plain Python as oracle."""
    arts = pd.DataFrame({
        "article_id": ["a", "b", "c"], "outlet": ["X", "Y", "Y"],
        "text": ["The threat grows, the threat stays.", "Calm talks.", "Calm, calm, the talks."],
    })  # fmt: skip
    key = fr.keyness(None, arts, target="X", vocabulary="all", stopwords=["the"], min_count=1)
    by_word = key.set_index("word")
    assert "the" not in by_word.index
    assert by_word.loc["threat", ["n_target", "n_reference"]].tolist() == [2, 0]
    assert by_word.loc["calm", ["n_target", "n_reference"]].tolist() == [0, 3]
    c, d = 6, 6  # all tokens of each group, stop words included
    stat, p = keyness_statistic("g2", [2], [0], c, d)
    assert by_word.loc["threat", "g2"] == pytest.approx(stat[0])
    assert key.attrs["provenance"]["keyness"]["tokens_target"] == c
    assert key["word"].iloc[0] == "threat"  # the most over-used in the target first
    with pytest.raises(fr.FramingError, match="vocabulary"):
        fr.keyness(None, arts, target="X", vocabulary="some")


def test_open_vocabulary_keyness_on_reuters_with_stop_words(news_dir, nltk_data):
    news = fr.read_articles(news_dir / "reuters21578_sample_500.csv")
    news = news.assign(
        crude=news["text"].str.contains("crude", case=False).map({True: "oil", False: "rest"})
    )
    key = fr.keyness(None, news, between="crude", target="oil", vocabulary="all")
    top = key["word"].head(10).tolist()
    assert "crude" in top and "oil" in top
    assert not {"the", "of", "and"} & set(key["word"])  # NLTK's English stop words left out
    assert (key["p_adj"] >= key["p_value"]).all()
