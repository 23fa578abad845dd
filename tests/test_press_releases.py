"""The bundled press-release counts: what the loader gives, that the files are the ones the
texts give (so the bundle cannot drift), and the Simpson's paradox notebook 05 teaches."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import framing as fr
from framing import datasets
from framing._errors import FramingError
from framing.datasets import (
    HIT_COUNT_COLUMNS,
    PRESS_RELEASES_SOURCE,
    RELEASE_COLUMNS,
    load_press_release_counts,
    press_release_folder,
    press_release_tables,
    write_press_release_tables,
)

BUNDLED = Path(__file__).resolve().parents[1] / "data" / "press_releases"
INVASION = {"before": ("2021-10-24", "2022-02-23"), "after": ("2022-02-24", "2022-06-24")}
REMAKE = f"python data/press_releases/build.py ../shared/data/news/{PRESS_RELEASES_SOURCE}"


@pytest.fixture(scope="module")
def bundle():
    return load_press_release_counts()


@pytest.fixture(scope="module")
def from_texts(news_dir, tmp_path_factory):
    """The tables remade from the texts, and the folder they were written to."""
    folder = tmp_path_factory.mktemp("press_releases")
    write_press_release_tables(news_dir / PRESS_RELEASES_SOURCE, folder)
    return folder


# --------------------------------------------------------------------------------------
# the loader (no ../shared needed)


def test_loader_gives_tables_that_compare_and_count_take(bundle):
    releases, hits = bundle
    assert list(releases.columns) == RELEASE_COLUMNS
    assert list(hits.columns) == ["article_id", "frame", "entry"]
    assert releases["article_id"].is_unique
    assert releases["date"].dtype == "datetime64[ns]"
    assert releases["outlet"].value_counts().to_dict() == {
        "president.gov.ua": 980,
        "kremlin.ru": 816,
    }
    assert releases["date"].min() == pd.Timestamp("2021-10-24")
    assert releases["date"].max() == pd.Timestamp("2022-06-24")
    assert (releases["n_tokens"] > 0).all() and releases["url"].str.startswith("http").all()
    assert set(hits["article_id"]) <= set(releases["article_id"])
    # no text travels with the bundle
    assert not {"text", "title", "match"} & (set(releases.columns) | set(hits.columns))
    counts = fr.count_by_period(hits, releases, freq="Y")
    assert counts["n_hits"].sum() == len(hits)
    assert counts.groupby("frame")["n_tokens"].sum().eq(releases["n_tokens"].sum()).all()


def test_hits_are_one_row_per_counted_hit():
    counts = pd.read_csv(BUNDLED / "hit_counts.csv", keep_default_na=False)
    assert list(counts.columns) == HIT_COUNT_COLUMNS
    assert (counts["n_hits"] > 0).all()
    assert not counts.duplicated(["article_id", "frame", "entry"]).any()
    _, hits = load_press_release_counts()
    per_key = hits.groupby(["article_id", "frame", "entry"]).size()
    expected = counts.set_index(["article_id", "frame", "entry"])["n_hits"]
    pd.testing.assert_series_equal(
        per_key.sort_index(), expected.sort_index(), check_names=False, check_dtype=False
    )


def test_bundle_is_counted_with_the_bundled_lexicon(bundle):
    """Change the lexicon and this fails until the counts are remade."""
    _, hits = bundle
    lexicon = fr.load_lexicon("security")
    assert hits.attrs["lexicon_hash"] == lexicon.hash, f"the lexicon changed: run {REMAKE}"
    assert hits.attrs["frames"] == list(lexicon.frame_names)
    entries = {(e.frame, e.pattern) for e in lexicon.entries}
    assert set(zip(hits["frame"], hits["entry"], strict=True)) <= entries
    source = hits.attrs["dataset"]["source"]
    assert source["license"] == "CC BY 4.0" and len(source["attribution"]) == 2


def test_provenance_reaches_the_comparison(bundle):
    releases, hits = bundle
    out = fr.compare(hits, releases, periods=INVASION, mode="pairs", frames=["threat"], n_boot=0)
    provenance = out.attrs["provenance"]
    assert provenance["lexicon_hash"] == hits.attrs["lexicon_hash"]
    assert provenance["dataset"]["source"]["file"] == PRESS_RELEASES_SOURCE


def test_missing_bundle_says_how_to_remake_it(tmp_path, monkeypatch):
    monkeypatch.setattr(datasets, "press_release_folder", lambda: tmp_path)
    with pytest.raises(FramingError, match=r"missing .*releases\.csv.*build\.py"):
        load_press_release_counts()


def test_missing_source_file_is_named(tmp_path):
    with pytest.raises(FramingError, match="no file .*nothing.csv"):
        press_release_tables(tmp_path / "nothing.csv")


def test_the_folder_is_found(bundle):
    assert (press_release_folder() / "releases.csv").is_file()


# --------------------------------------------------------------------------------------
# the Simpson's paradox of notebook 05, from the bundle, against plain pandas


def _rates(releases: pd.DataFrame, hits: pd.DataFrame) -> pd.DataFrame:
    """Threat hits per 1,000 tokens by source and period, with plain pandas (the oracle)."""
    period = np.where(releases["date"] >= "2022-02-24", "after", "before")
    table = releases.assign(period=period)
    threat = hits[hits["frame"] == "threat"].groupby("article_id").size()
    table["hits"] = table["article_id"].map(threat).fillna(0)
    sums = table.groupby(["outlet", "period"])[["hits", "n_tokens"]].sum()
    return sums.assign(rate=sums["hits"] / sums["n_tokens"] * 1000)


def test_pooled_rise_within_fall(bundle):
    """The issue's figures: pooled 1.19 (rising), within each source 0.78 and 0.84."""
    releases, hits = bundle
    sums = _rates(releases, hits)
    pooled = sums.groupby("period")[["hits", "n_tokens"]].sum()
    pooled_ratio = (pooled.loc["after", "hits"] / pooled.loc["after", "n_tokens"]) / (
        pooled.loc["before", "hits"] / pooled.loc["before", "n_tokens"]
    )
    rate = sums["rate"].unstack("period")
    within = (rate["after"] / rate["before"]).round(2).to_dict()
    assert round(pooled_ratio, 2) == 1.19
    assert within == {"kremlin.ru": 0.78, "president.gov.ua": 0.84}
    # the Ukrainian presidency uses the frame about three times as often, and published more
    assert 2.5 < (rate.loc["president.gov.ua"] / rate.loc["kremlin.ru"]).min() < 3.5
    n = pd.crosstab(releases["outlet"], releases["date"] >= "2022-02-24")
    assert n.loc["president.gov.ua"].tolist() == [350, 630]

    out = fr.compare(hits, releases, periods=INVASION, mode="pairs", frames=["threat"], n_boot=0)
    assert out.loc[0, "ratio"] == pytest.approx(pooled_ratio)
    by = fr.compare(hits, releases, between="outlet", periods=INVASION, frames=["threat"],
                    n_boot=0)  # fmt: skip
    own = by[by["kind"] == "ratio"].set_index("group")["ratio"].round(2).to_dict()
    assert own == within
    with pytest.warns(fr.FramingWarning, match="threat after vs before: pooled 1.19"):
        adjusted = fr.compare(hits, releases, periods=INVASION, mode="pairs",
                              frames=["threat"], adjust_for="outlet", n_boot=200)  # fmt: skip
    assert 0.78 < adjusted.loc[0, "ratio"] < 0.84 and adjusted.loc[0, "ratio_hi"] < 1


# --------------------------------------------------------------------------------------
# the bundle against the texts (../shared/data/news: skips without it, fails in CI)


@pytest.mark.parametrize("name", ["releases.csv", "hit_counts.csv", "provenance.json"])
def test_bundle_is_what_the_texts_give(from_texts, name):
    remade = (from_texts / name).read_bytes()
    assert remade == (BUNDLED / name).read_bytes(), f"{name} drifted: run {REMAKE}"


def test_remaking_is_deterministic(from_texts, news_dir, tmp_path):
    write_press_release_tables(news_dir / PRESS_RELEASES_SOURCE, tmp_path)
    for name in ("releases.csv", "hit_counts.csv", "provenance.json"):
        assert (tmp_path / name).read_bytes() == (from_texts / name).read_bytes()


def test_counts_against_a_hand_count(news_dir, bundle):
    """Token totals and the hits of one plain entry, counted with re on the NFKC texts."""
    releases, hits = bundle
    texts = pd.read_csv(news_dir / PRESS_RELEASES_SOURCE, dtype=str, keep_default_na=False)
    texts = texts.set_index("id").loc[releases["article_id"], "text"]
    words = [re.findall(r"\w+", unicodedata.normalize("NFKC", t)) for t in texts]
    assert releases["n_tokens"].tolist() == [len(w) for w in words]
    # "shelling": one token, no other threat entry or exclusion covers it
    by_hand = pd.Series([[x.lower() for x in w].count("shelling") for w in words],
                        index=releases["article_id"])  # fmt: skip
    found = hits[hits["entry"] == "shelling"].groupby("article_id").size()
    found = found.reindex(releases["article_id"], fill_value=0)
    assert by_hand.sum() > 100
    assert found.tolist() == by_hand.tolist()


def test_provenance_names_the_source_file(from_texts, news_dir):
    import hashlib

    provenance = json.loads((from_texts / "provenance.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256((news_dir / PRESS_RELEASES_SOURCE).read_bytes()).hexdigest()
    assert provenance["source"]["sha256"] == digest
    assert provenance["n_releases"] == 1796
