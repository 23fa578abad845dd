"""count_by_period: periods, groups, zero-filling, denominators and intervals, against plain pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import framing as fr
from framing import FramingError, partials
from framing.aggregate import poisson_interval, rolling_counts, wilson_interval
from framing.intervals import add_measures


@pytest.fixture
def corpus():
    articles = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3", "a4", "a5", "a6"],
            "date": pd.to_datetime(
                ["2024-01-05", "2024-01-20", "2024-01-31", "2024-03-02", "2024-03-30", "2024-04-01"]
            ),
            "outlet": ["X", "X", "Y", "X", "Y", "Y"],
            "text": [
                "A threat and a crisis.",
                "Nothing to see here today.",
                "Threat threat threat.",
                "Quiet.",
                "The crisis deepens, a threat looms.",
                "Calm.",
            ],
        }
    )
    lexicon = fr.Lexicon.from_dict({"threat": ["threat*"], "crisis": ["crisis"], "unused": ["xyz"]})
    hits = fr.find_hits(articles, lexicon)
    return articles, lexicon, hits


def oracle(articles: pd.DataFrame, hits: pd.DataFrame, freq: str, by: list[str]) -> pd.DataFrame:
    """Plain pandas: group articles and hits separately, then join."""
    a = articles.assign(
        n_tokens=articles["text"].str.findall(r"\w+").str.len(),
        period=articles["date"].dt.to_period(freq).dt.start_time,
    )
    den = a.groupby(["period", *by]).agg(
        n_articles=("article_id", "size"), n_tokens=("n_tokens", "sum")
    )
    h = hits.merge(a[["article_id", "period", *by]], on="article_id")
    num = h.groupby(["period", *by, "frame"]).agg(
        n_hits=("article_id", "size"), n_articles_with_hit=("article_id", "nunique")
    )
    return num.join(den, on=["period", *by]).reset_index()


@pytest.mark.parametrize("freq", ["D", "W", "M", "Q", "Y", "month", "quarter"])
@pytest.mark.parametrize("by", [None, "outlet"])
def test_counts_agree_with_plain_pandas(corpus, freq, by):
    articles, lexicon, hits = corpus
    counts = fr.count_by_period(hits, articles, freq=freq, by=by)
    pfreq = fr.aggregate.FREQUENCIES[freq]
    keys = [] if by is None else [by]
    expected = oracle(articles, hits, pfreq, keys)
    got = counts[counts["n_hits"] > 0][expected.columns.tolist()].reset_index(drop=True)
    expected = expected.sort_values(got.columns[: 2 + len(keys)].tolist()).reset_index(drop=True)
    got = got.sort_values(got.columns[: 2 + len(keys)].tolist()).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    # every article is counted once per frame, with or without hits
    for _frame, sub in counts.groupby("frame"):
        assert sub["n_articles"].sum() == len(articles)


def test_empty_periods_are_filled_and_rates_are_honest(corpus):
    articles, lexicon, hits = corpus
    counts = fr.count_by_period(hits, articles, freq="M", by="outlet")
    assert counts["period"].drop_duplicates().dt.strftime("%Y-%m").tolist() == [
        "2024-01", "2024-02", "2024-03", "2024-04",
    ]  # fmt: skip
    assert len(counts) == 4 * 2 * 3  # periods x outlets x frames, the unused frame included
    feb = counts[counts["period"] == "2024-02-01"]
    assert (feb["n_articles"] == 0).all() and (feb["n_hits"] == 0).all()
    assert feb["per_1k_tokens"].isna().all() and feb["share_of_articles"].isna().all()
    unused = counts[counts["frame"] == "unused"]
    assert (unused["n_hits"] == 0).all()
    jan_x = counts[(counts["period"] == "2024-01-01") & (counts["outlet"] == "X")]
    threat = jan_x[jan_x["frame"] == "threat"].iloc[0]
    assert threat["n_hits"] == 1 and threat["n_articles"] == 2 and threat["n_tokens"] == 10
    assert threat["per_1k_tokens"] == pytest.approx(100.0)
    assert threat["share_of_articles"] == pytest.approx(0.5)
    assert list(counts["frame"].drop_duplicates()) == ["threat", "crisis", "unused"]


def test_entry_level_and_lexicon_frames(corpus):
    articles, lexicon, hits = corpus
    counts = fr.count_by_period(hits, articles, freq="Y", level="entry", frames=lexicon)
    assert counts[["frame", "entry"]].values.tolist() == [
        ["threat", "threat*"], ["crisis", "crisis"], ["unused", "xyz"],
    ]  # fmt: skip
    assert counts["n_hits"].tolist() == [5, 2, 0]  # by hand: 1 + 3 + 1 threats, 2 crises


def test_intervals_match_scipy(corpus):
    articles, lexicon, hits = corpus
    counts = fr.count_by_period(hits, articles, freq="Y", interval="poisson")
    row = counts[counts["frame"] == "threat"].iloc[0]
    k, tokens, n, x = row["n_hits"], row["n_tokens"], row["n_articles"], row["n_articles_with_hit"]
    lo, hi = stats.poisson.interval(0.95, k)  # not exact; use the chi-square form as oracle
    assert row["n_hits_lo"] == pytest.approx(stats.chi2.ppf(0.025, 2 * k) / 2)
    assert row["n_hits_hi"] == pytest.approx(stats.chi2.ppf(0.975, 2 * k + 2) / 2)
    assert lo <= k <= hi
    assert row["per_1k_tokens_lo"] == pytest.approx(row["n_hits_lo"] / tokens * 1000)
    ci = stats.binomtest(int(x), int(n)).proportion_ci(method="wilson")
    assert row["share_of_articles_lo"] == pytest.approx(ci.low)
    assert row["share_of_articles_hi"] == pytest.approx(ci.high)


def test_interval_helpers_edge_cases():
    lo, hi = poisson_interval([0, 1, 10], [1000, 1000, 1000])
    assert lo[0] == 0 and hi[0] == pytest.approx(3.6889 / 1000, rel=1e-4)
    assert np.all(lo <= np.array([0, 1, 10]) / 1000) and np.all(hi >= np.array([0, 1, 10]) / 1000)
    wlo, whi = wilson_interval([0, 3], [0, 3])
    assert np.isnan(wlo[0]) and np.isnan(whi[0]) and whi[1] == 1.0


def test_rolling_counts_pool_the_window(corpus):
    articles, lexicon, hits = corpus
    counts = fr.count_by_period(hits, articles, freq="M")
    smooth = rolling_counts(counts, 3)
    threat = smooth[smooth["frame"] == "threat"].reset_index(drop=True)
    raw = counts[counts["frame"] == "threat"].reset_index(drop=True)
    # February pools January, February and March, in columns named as window sums
    assert threat.loc[1, "window_n_hits"] == raw.loc[0:2, "n_hits"].sum()
    assert threat.loc[1, "window_n_tokens"] == raw.loc[0:2, "n_tokens"].sum()
    assert threat.loc[1, "n_hits"] == raw.loc[1, "n_hits"]  # the period's own count stays
    assert (threat["window"] == "3 months").all()
    assert raw.loc[1, "n_articles"] == 0 and np.isnan(threat.loc[1, "per_1k_tokens"])
    # March (with articles) pools February (none) and April
    assert threat.loc[2, "per_1k_tokens"] == pytest.approx(
        raw.loc[1:3, "n_hits"].sum() / raw.loc[1:3, "n_tokens"].sum() * 1000
    )
    with pytest.raises(fr.FramingError, match="not a window length"):
        rolling_counts(counts, 0)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda a, h: fr.count_by_period(a, h), "you passed the articles table"),
        (
            lambda a, h: fr.count_by_period(h, a, freq="fortnight"),
            "freq.*'fortnight' is not a valid",
        ),
        (lambda a, h: fr.count_by_period(h, a, by="section"), "no column 'section'"),
        (lambda a, h: fr.count_by_period(h, a.assign(date=a["date"].astype(str))), "not datetime"),
        (lambda a, h: fr.count_by_period(h, a.iloc[1:]), r"hits refer to \d+ articles not in"),
        (lambda a, h: fr.count_by_period(h, pd.concat([a, a.iloc[:1]])), "duplicate article_id"),
    ],
)
def test_clear_errors(corpus, call, message):
    articles, _, hits = corpus
    with pytest.raises(fr.FramingError, match=message):
        call(articles, hits)


def test_one_article_one_period_and_no_hits():
    articles = pd.DataFrame(
        {"article_id": ["a"], "date": pd.to_datetime(["2024-02-23"]), "text": ["Calm."]}
    )
    hits = fr.find_hits(articles, {"threat": ["threat"]})
    counts = fr.count_by_period(hits, articles, freq="M")
    assert counts[["n_hits", "n_articles", "n_tokens"]].values.tolist() == [[0, 1, 1]]
    assert counts["per_1k_tokens"].tolist() == [0.0]


def test_does_not_mutate_inputs(corpus):
    articles, lexicon, hits = corpus
    a, h = articles.copy(), hits.copy()
    fr.count_by_period(hits, articles, freq="M", by="outlet")
    pd.testing.assert_frame_equal(a, articles)
    pd.testing.assert_frame_equal(h, hits)


@pytest.mark.parametrize("dense", [(0, 0), (4_000_000, 0), (4_000_000, 50_000_000)])
@pytest.mark.parametrize("level", ["frame", "entry"])
def test_every_way_of_counting_cells_gives_the_same_table(corpus, monkeypatch, dense, level):
    # the numerators are counted in arrays over all possible cells when there are few, by
    # sorting the hits otherwise: identical tables, row order included
    articles, lexicon, hits = corpus
    expected = fr.count_by_period(hits, articles, freq="W", by="outlet", level=level)
    monkeypatch.setattr(partials, "_DENSE_CELLS", dense[0])
    monkeypatch.setattr(partials, "_DENSE_PAIRS", dense[1])
    got = fr.count_by_period(hits, articles, freq="W", by="outlet", level=level)
    pd.testing.assert_frame_equal(got, expected)
    parts = fr.aggregate.count_partials(hits, articles, freq="W", by="outlet", level=level)
    monkeypatch.setattr(partials, "_DENSE_CELLS", 0)
    sorted_parts = fr.aggregate.count_partials(hits, articles, freq="W", by="outlet", level=level)
    pd.testing.assert_frame_equal(parts.numerators, sorted_parts.numerators)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("by", [[], ["outlet"], ["outlet", "lang"], ["year", "lang"]])
def test_groups_on_integer_codes_are_those_of_a_pandas_groupby(seed, by):
    """The denominators' grouping (integer codes) against the plain pandas groupby."""
    from framing.partials import article_groups

    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, 400))
    arts = pd.DataFrame(
        {
            "period": pd.Series(
                pd.to_datetime("2020-01-01") + pd.to_timedelta(rng.integers(0, 900, n), unit="D")
            ).dt.to_period("M"),
            "outlet": pd.Series(rng.choice(["A", "B", "", "Ереван"], n), dtype=object),
            "lang": pd.Series(rng.choice(["en", "ru"], n), dtype=object),
            "year": pd.Series(rng.choice([2020, 2021], n).tolist(), dtype=object),
            "n_tokens": rng.integers(0, 500, n),
        }
    )
    keys = ["period", *by]
    codes, groups = article_groups(arts, keys)
    grouped = arts.groupby(keys, sort=False, dropna=False)
    np.testing.assert_array_equal(codes, grouped.ngroup().to_numpy())
    expected = grouped.agg(n_tokens=("n_tokens", "sum")).reset_index()
    pd.testing.assert_frame_equal(groups, expected[keys])
    sums = np.bincount(codes, arts["n_tokens"].to_numpy(float), minlength=len(groups))
    np.testing.assert_array_equal(sums.astype(np.int64), expected["n_tokens"].to_numpy())


def test_a_typo_in_a_year_does_not_build_millions_of_zero_rows():
    # issue 14.4: daily counts by outlet from 2024 to 2204 would be millions of empty rows
    dates = pd.to_datetime(["2024-01-02", "2024-01-03", "2204-01-15"])
    arts = pd.DataFrame(
        {"article_id": ["a", "b", "c"], "date": dates, "outlet": ["X", "Y", "X"],
         "text": ["a threat", "calm", "threat"]}
    )  # fmt: skip
    hits = fr.find_hits(arts, {"threat": ["threat"]})
    with pytest.raises(FramingError, match=r"65,\d{3} periods from 2024-01-02 to 2204-01-15"):
        fr.count_by_period(hits, arts, freq="D", by="outlet", max_rows=100_000)
    many = arts.assign(outlet=["X", "Y", "Z"])
    many = pd.concat([many.assign(outlet=many["outlet"] + str(i)) for i in range(3)])
    many["article_id"] = [f"a{i}" for i in range(len(many))]  # 9 outlets x 4 frames
    frames = ["threat", "ally", "crisis", "peace"]
    hits9 = fr.find_hits(many, {f: [f] for f in frames})
    with pytest.raises(FramingError, match="more than max_rows=2,000,000"):
        fr.count_by_period(hits9, many, freq="D", by="outlet")
    cut = fr.count_by_period(hits, arts, freq="D", by="outlet", end="2024-01-31")
    assert cut["n_hits"].sum() == 1 and len(cut) == 30 * 2  # 2 to 31 January
    both = fr.count_by_period(hits, arts, freq="D", max_rows=70_000)
    assert both["n_hits"].sum() == 2


def test_hits_of_the_cleaned_articles_with_the_raw_ones_are_refused():
    """Hits found in the cleaned texts counted against the raw ones: the raw texts have more
    tokens (captions, datelines, newsletter lines), so every rate would be too low."""
    raw = fr.load_example()
    clean = fr.clean_articles(raw)
    hits = fr.find_hits(clean, fr.load_lexicon("security"))
    extra = fr.token_counts(raw)["n_tokens"].sum() / fr.token_counts(clean)["n_tokens"].sum()
    assert extra > 1.05  # the rates would be more than 5% too low
    english = hits[hits["article_id"].isin(raw.loc[raw["lang"] == "en", "article_id"])]
    for call in (
        lambda: fr.count_by_period(hits, raw),
        lambda: fr.compare(english, raw[raw["lang"] == "en"], between="outlet", n_boot=0),
        lambda: fr.keyness(hits, raw, target="Yerevan Ledger"),
    ):
        with pytest.raises(fr.FramingError, match="do not fit the texts.*clean_articles"):
            call()
    fr.count_by_period(hits, clean)  # the matching pair is fine


def _phi_by_pandas(hits, articles, frame):
    """The quasi-Poisson scale of one frame's yearly series, from per-article hits and
    tokens (plain pandas): the Pearson statistic over the articles, over their number minus
    one per year, at least 1."""
    tokens = fr.token_counts(articles).set_index("article_id")["n_tokens"]
    y = hits[hits["frame"] == frame].groupby("article_id").size()
    arts = articles.assign(
        y=articles["article_id"].map(y).fillna(0),
        t=articles["article_id"].map(tokens),
        year=articles["date"].dt.year,
    )
    pearson = df = 0.0
    for _, cell in arts.groupby("year"):
        mu = cell["y"].sum() / cell["t"].sum()
        if mu > 0:
            pearson += ((cell["y"] - mu * cell["t"]) ** 2 / (mu * cell["t"])).sum()
        df += len(cell) - 1
    return max(1.0, pearson / df)


def test_quasipoisson_bands_are_poisson_bands_of_the_effective_count():
    articles = fr.clean_articles(fr.load_example())
    hits = fr.find_hits(articles, fr.load_lexicon("security"))
    counts = fr.count_by_period(hits, articles, freq="Y")
    assert counts.attrs["provenance"]["interval"] == "quasipoisson"
    poisson = fr.count_by_period(hits, articles, freq="Y", interval="poisson")
    for frame in ("threat", "suspension", "collapse"):
        rows = counts[counts["frame"] == frame]
        phi = _phi_by_pandas(hits, articles, frame)
        np.testing.assert_allclose(rows["dispersion"], phi)
        k = rows["n_hits"].to_numpy()
        np.testing.assert_allclose(
            rows["n_hits_hi"], stats.chi2.ppf(0.975, 2 * k / phi + 2) / 2 * phi
        )
        wider = rows["per_1k_tokens_hi"].to_numpy() > poisson.loc[rows.index, "per_1k_tokens_hi"]
        assert wider[k > 0].all() or phi == 1.0
    # suspension is said in a few articles about the freeze, many times in each
    assert _phi_by_pandas(hits, articles, "suspension") > 1.5
    np.testing.assert_array_equal(counts["per_1k_tokens"], poisson["per_1k_tokens"])
    with pytest.raises(fr.FramingError, match="interval"):
        fr.count_by_period(hits, articles, interval="bootstrap-t")


@pytest.mark.parametrize(
    ("interval", "at_least", "below"), [("quasipoisson", 0.93, 1.0), ("poisson", 0.0, 0.85)]
)
def test_band_coverage_when_hits_cluster_in_articles(interval, at_least, below):
    """A simulation: 300 months of 40 articles each; a fifth of the articles are about the
    frame and mention it about five times, the rest rarely. The 95% band of the monthly rate
    must cover the true rate in at least 93% of the months; the Poisson band does not."""
    rng = np.random.default_rng(7)
    n_months, per_month = 300, 40
    n = n_months * per_month
    tokens = rng.integers(300, 900, size=n)
    about = rng.random(n) < 0.2
    mean = np.where(about, 5.0, 0.1) * tokens / 600  # expected hits of each article
    y = rng.poisson(mean)
    true_rate = 1000 * (0.2 * 5.0 + 0.8 * 0.1) / 600  # expected hits per 1,000 tokens
    dates = pd.date_range("2000-01-01", periods=n_months, freq="MS")[np.arange(n) // per_month]
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(n)], "date": dates,
                             "n_tokens": tokens})  # fmt: skip
    hits = pd.DataFrame({"article_id": np.repeat(articles["article_id"].to_numpy(), y),
                         "frame": "threat"})  # fmt: skip
    counts = fr.count_by_period(hits, articles, freq="M", interval=interval,
                                token_totals=articles[["article_id", "n_tokens"]])  # fmt: skip
    covered = (counts["per_1k_tokens_lo"] <= true_rate) & (true_rate <= counts["per_1k_tokens_hi"])
    assert len(counts) == n_months
    assert at_least <= covered.mean() < below


def test_a_period_without_articles_stays_empty_after_smoothing():
    counts = pd.DataFrame({
        "period": pd.date_range("2024-01-01", periods=5, freq="MS"), "frame": "threat",
        "n_hits": [2, 4, 0, 6, 2], "n_articles_with_hit": [1, 2, 0, 2, 1],
        "n_articles": [2, 2, 0, 2, 2], "n_tokens": [1000, 1000, 0, 1000, 1000],
    })  # fmt: skip
    smooth = rolling_counts(add_measures(counts), 3)
    assert np.isnan(smooth.loc[2, ["per_1k_tokens", "per_1k_tokens_lo", "per_1k_tokens_hi",
                                   "share_of_articles"]].to_numpy(dtype=float)).all()  # fmt: skip
    # its neighbours pool what their windows hold, the empty month adding nothing
    assert smooth.loc[1, "per_1k_tokens"] == pytest.approx((2 + 4 + 0) / 2000 * 1000)
    assert smooth.loc[3, "per_1k_tokens"] == pytest.approx((0 + 6 + 2) / 2000 * 1000)


def test_partial_first_and_last_periods_are_flagged():
    """The teaching corpus runs from 13 September 2022 to 28 June 2024."""
    articles = fr.clean_articles(fr.load_example())
    hits = fr.find_hits(articles, fr.load_lexicon("security"))
    first, last = articles["date"].min(), articles["date"].max()
    assert (first.day, last.day) == (13, 28)
    for freq, flagged in (("M", {"2022-09-01", "2024-06-01"}), ("Q", {"2022-07-01", "2024-04-01"}),
                          ("D", set())):  # fmt: skip
        counts = fr.count_by_period(hits, articles, freq=freq)
        got = {f"{p:%Y-%m-%d}" for p in counts.loc[counts["partial"], "period"]}
        assert got == flagged, freq
    # a corpus that starts and ends with whole months has no partial period
    some = articles[(articles["date"] >= "2022-10-01") & (articles["date"] < "2024-06-01")]
    counts = fr.count_by_period(hits[hits["article_id"].isin(some["article_id"])], some)
    starts, ends = some["date"].min(), some["date"].max()
    expected = {p for p, cut in ((starts, starts.day != 1),
                                 (ends, ends != ends + pd.offsets.MonthEnd(0))) if cut}  # fmt: skip
    got = set(counts.loc[counts["partial"], "period"])
    assert got == {p.to_period("M").start_time for p in expected}


def test_bootstrap_bands_resample_the_articles_of_each_cell():
    """Each cell's band is the percentile interval of its articles resampled (a NumPy
    oracle drawing in the same order), seeded and reproducible."""
    articles = fr.clean_articles(fr.load_example())
    hits = fr.find_hits(articles, fr.load_lexicon("security"))
    counts = fr.count_by_period(hits, articles, freq="Y", by="outlet", interval="bootstrap",
                                n_boot=200, seed=5)  # fmt: skip
    again = fr.count_by_period(hits, articles, freq="Y", by="outlet", interval="bootstrap",
                               n_boot=200, seed=5)  # fmt: skip
    pd.testing.assert_frame_equal(counts, again)
    assert counts.attrs["provenance"]["interval"] == "bootstrap"
    assert counts.attrs["provenance"]["seed"] == 5
    assert (counts["per_1k_tokens_lo"] <= counts["per_1k_tokens"]).all()
    assert (counts["per_1k_tokens"] <= counts["per_1k_tokens_hi"]).all()
    # the oracle: the first cell in sorted order (2022, Diaspora Mirror), frames sorted
    tokens = fr.token_counts(articles).set_index("article_id")["n_tokens"]
    cell = articles[(articles["date"].dt.year == 2022) & (articles["outlet"] == "Diaspora Mirror")]
    frames = sorted(hits["frame"].unique())
    y = np.array([[((hits["article_id"] == a) & (hits["frame"] == f)).sum() for f in frames]
                  for a in cell["article_id"]], dtype=float)  # fmt: skip
    t = cell["article_id"].map(tokens).to_numpy(dtype=float)
    draws = np.random.default_rng(5).integers(0, len(cell), size=(200, len(cell)))
    rates = y[draws].sum(axis=1) / t[draws].sum(axis=1)[:, None] * 1000
    row = counts[(counts["period"] == "2022-01-01") & (counts["outlet"] == "Diaspora Mirror")]
    for j, frame in enumerate(frames):
        got = row[row["frame"] == frame].iloc[0]
        lo, hi = np.quantile(rates[:, j], [0.025, 0.975])
        assert (got["per_1k_tokens_lo"], got["per_1k_tokens_hi"]) == pytest.approx((lo, hi))
    with pytest.raises(fr.FramingError, match="n_boot"):
        fr.count_by_period(hits, articles, interval="bootstrap", n_boot=0)
