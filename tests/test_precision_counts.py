"""``count_by_period(..., precision=table)``: the corrected columns of ``corrected_counts``,
the errors for a table that does not fit the hits, and the coverage of the corrected bands
when the counting starts from hits and articles."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import framing as fr
from framing import FramingError
from framing.validation import corrected_counts, precision

CORRECTED = [
    "precision", "n_hits_corrected", "n_hits_corrected_lo", "n_hits_corrected_hi",
    "per_1k_tokens_corrected", "per_1k_tokens_corrected_lo", "per_1k_tokens_corrected_hi",
]  # fmt: skip


@pytest.fixture(scope="module")
def teaching():
    """The teaching corpus's threat hits and a coded sample of them (codes drawn at random:
    these tests check arithmetic, not a lexicon)."""
    articles = fr.load_example()
    hits = fr.find_hits(articles, fr.load_lexicon("security"))
    threat = hits[hits["frame"] == "threat"]
    sample = fr.sample_kwic(threat, articles, n=10, by="entry", seed=0)
    codes = np.random.default_rng(0).choice(["1", "0"], len(sample), p=[0.7, 0.3])
    return articles, threat, fr.read_coding(sample.assign(code=codes))


@pytest.mark.parametrize("by", [None, "outlet"])
def test_equals_corrected_counts_by_hand(teaching, by):
    articles, threat, coded = teaching
    table = precision(coded, hits=threat)
    out = fr.count_by_period(threat, articles, freq="Q", by=by, precision=table, n_boot=300)
    plain = fr.count_by_period(threat, articles, freq="Q", by=by)
    per_entry = fr.count_by_period(threat, articles, freq="Q", by=by, level="entry")
    by_hand = corrected_counts(per_entry, table, n_sim=300, seed=0)
    # the counts table is unchanged, with the corrected columns added in its own row order
    pd.testing.assert_frame_equal(out.drop(columns=CORRECTED), plain)
    keys = ["period", "frame", *([by] if by else [])]
    expected = plain[keys].merge(by_hand, on=keys, how="left")
    pd.testing.assert_frame_equal(out[CORRECTED], expected[CORRECTED])
    # an independent check of the point estimate: hits times precision, summed by hand
    p = table.set_index("entry")["precision"]
    corrected = per_entry["n_hits"] * per_entry["entry"].map(p)
    assert out["n_hits_corrected"].sum() == pytest.approx(corrected.sum())
    assert out.attrs["provenance"]["precision"]["level"] == "entry"


def test_frame_precision_corrects_the_frame_counts(teaching):
    articles, threat, coded = teaching
    table = precision(coded, by="frame", hits=threat)
    out = fr.count_by_period(threat, articles, freq="Q", precision=table, n_boot=300, seed=3)
    plain = fr.count_by_period(threat, articles, freq="Q")
    by_hand = corrected_counts(plain, table, n_sim=300, seed=3)
    pd.testing.assert_frame_equal(out[CORRECTED], by_hand[CORRECTED])
    p = float(table["precision"].iloc[0])
    assert out["per_1k_tokens_corrected"].tolist() == pytest.approx(
        (plain["per_1k_tokens"] * p).tolist()
    )


def test_seeded(teaching):
    articles, threat, coded = teaching
    table = precision(coded)
    one = fr.count_by_period(threat, articles, freq="Q", precision=table, n_boot=200, seed=5)
    two = fr.count_by_period(threat, articles, freq="Q", precision=table, n_boot=200, seed=5)
    pd.testing.assert_frame_equal(one, two)


def test_coded_entries_without_hits_are_named_in_a_warning(teaching):
    articles, threat, coded = teaching
    table = precision(coded)
    renamed = table.assign(entry=table["entry"].replace({"threat*": "threats*"}))
    # the renamed entry is named in a warning; its new name, with hits and no coding, is refused
    with pytest.warns(fr.FramingWarning, match=r"'threat / threats\*'"):
        with pytest.raises(FramingError, match=r"count_by_period.*'threat / threat\*'"):
            fr.count_by_period(threat, articles, freq="Q", precision=renamed)


def test_a_part_of_the_hits_is_corrected_with_the_whole_table(teaching):
    articles, threat, coded = teaching
    table = precision(coded, hits=threat)
    entries = threat["entry"].value_counts()
    rare = entries.index[-1]
    part = threat[threat["entry"] != rare]
    with pytest.warns(fr.FramingWarning, match=re.escape(f"'threat / {rare}'")):
        out = fr.count_by_period(part, articles, freq="Q", precision=table, n_boot=200)
    p = table.set_index("entry")["precision"]
    assert out["n_hits_corrected"].sum() == pytest.approx((part["entry"].map(p)).sum())


def test_entries_with_hits_but_no_coded_passages_are_named(teaching):
    articles, threat, coded = teaching
    table = precision(coded)
    partial = table[table["entry"] != "threat*"]
    with pytest.raises(FramingError, match=r"count_by_period.*'threat / threat\*'"):
        fr.count_by_period(threat, articles, freq="Q", precision=partial)


def test_wrong_level_and_wrong_table_are_refused(teaching):
    articles, threat, coded = teaching
    with pytest.raises(FramingError, match="level='frame'"):
        fr.count_by_period(threat, articles, level="entry", precision=precision(coded))
    with pytest.raises(FramingError, match=r"count_by_period\(precision=...\).*lacks"):
        fr.count_by_period(threat, articles, precision=coded)
    with pytest.raises(FramingError, match=r"count_by_period\(precision=...\)"):
        fr.count_by_period(threat, articles, precision={"threat": 0.8})


def simulated(rng, n_corpora, mu, p, n_coded, tokens, phi, per_period=12):
    """Hits and articles of ``n_corpora`` corpora at once (corpus i is frame "c<i>"): in each
    month, ``per_period`` articles share its tokens; each entry's hits come in clusters of
    ``phi`` in one article, a Poisson number of clusters with mean ``mu / phi``. And a coded
    sample of ``n_coded`` passages of each entry, each relevant with probability ``p``."""
    n_periods, n_entries = len(tokens), len(mu)
    months = pd.date_range("2024-01-01", periods=n_periods, freq="MS")
    articles = pd.DataFrame({
        "article_id": [f"m{t}a{a}" for t in range(n_periods) for a in range(per_period)],
        "date": np.repeat(months, per_period),
        "text": "",
        "n_tokens": np.repeat(np.asarray(tokens) // per_period, per_period),
    })  # fmt: skip
    clusters = rng.poisson(np.broadcast_to(mu / phi, (n_corpora, n_periods, n_entries)))
    corpus, period, entry = np.indices(clusters.shape).reshape(3, -1)
    n = clusters.reshape(-1)
    corpus, period, entry = (np.repeat(x, n) for x in (corpus, period, entry))
    article = period * per_period + rng.integers(0, per_period, len(period))
    hits = pd.DataFrame({
        "article_id": np.repeat(articles["article_id"].to_numpy()[article], int(phi)),
        "frame": np.repeat([f"c{c}" for c in corpus], int(phi)),
        "entry": np.repeat([f"e{e}" for e in entry], int(phi)),
    })  # fmt: skip
    # each corpus's coded sample: one row per frame and entry, in product order
    units = pd.MultiIndex.from_product(
        [[f"c{c}" for c in range(n_corpora)], [f"e{e}" for e in range(n_entries)]],
        names=["frame", "entry"],
    ).to_frame(index=False)
    relevant = rng.binomial(n_coded, np.tile(p, n_corpora))
    prec = units.assign(n_coded=n_coded, n_relevant=relevant, precision=relevant / n_coded)
    return hits, articles, prec


@pytest.mark.parametrize(("phi", "n_coded", "mu"), [(1, 40, [60, 24, 9]), (3, 20, [60, 24, 9])])
def test_count_by_period_corrected_bands_cover_the_true_rate(phi, n_coded, mu):
    """The issue's goal: 95% bands of the corrected rate cover the true rate of relevant hits
    in at least 90% of simulated corpora, counted from hits and articles."""
    rng = np.random.default_rng(7)
    mu, p = np.asarray(mu, dtype=float), np.array([0.9, 0.5, 0.25])
    tokens = [24_000, 12_000, 36_000]
    n_corpora = 300
    hits, articles, prec = simulated(rng, n_corpora, mu, p, n_coded, tokens, phi)
    frames = [f"c{c}" for c in range(n_corpora)]
    out = fr.count_by_period(hits, articles, freq="M", frames=frames, precision=prec, seed=1)
    assert len(out) == n_corpora * len(tokens)
    period = out["period"].dt.month.to_numpy() - 1
    truth = (mu * p).sum() / np.asarray(tokens)[period] * 1000
    covered = (out["per_1k_tokens_corrected_lo"] <= truth) & (
        truth <= out["per_1k_tokens_corrected_hi"]
    )
    coverage = covered.groupby(period).mean()
    assert (coverage >= 0.90).all(), coverage.tolist()
    # and the bands are not trivially wide: most exclude half the true rate
    assert (out["per_1k_tokens_corrected_lo"] > truth / 2).mean() > 0.5


def test_the_shipped_coded_sample_matches_the_teaching_corpus():
    """Notebook 10's sheets (data/coding) are still the hits and texts they were coded on:
    a change to the lexicon, the cleaning or the corpus that moves a passage fails here."""
    from pathlib import Path

    coding = Path(__file__).resolve().parents[1] / "data" / "coding"
    clean = fr.clean_articles(fr.load_example())
    threat = fr.find_hits(clean, fr.load_lexicon("security").select("threat"))
    first = fr.read_coding(coding / "threat-a.csv", hits=threat, articles=clean)
    retest = fr.read_coding(coding / "threat-a-retest.csv", hits=threat, articles=clean)
    drawn = fr.sample_kwic(threat, clean, n=10, by="entry", seed=1)
    keys = ["article_id", "start", "end"]
    assert first[keys].values.tolist() == drawn[keys].values.tolist()
    assert first.attrs["coding"]["uncoded"] == {str(coding / "threat-a.csv"): 0}
    assert len(retest) == 48
    assert retest[keys].merge(first[keys]).shape[0] == 48  # a subset of the first sheet
