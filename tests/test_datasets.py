"""The bundled teaching corpus and lexicon, as a student meets them."""

from __future__ import annotations

import pandas as pd

import framing as fr


def test_teaching_corpus_shape():
    articles = fr.load_example()
    report = fr.ingest_report(articles)
    assert report.n_read == report.n_kept == len(articles) >= 150
    assert articles["article_id"].is_unique
    assert articles["date"].min() >= pd.Timestamp("2022-09-01")
    assert articles["date"].max() <= pd.Timestamp("2024-06-30")
    per_outlet = articles["outlet"].value_counts()
    assert len(per_outlet) >= 4 and (per_outlet >= 20).all()
    assert (articles["lang"] == "ru").sum() >= 20
    words = articles["text"].str.split().str.len()
    assert words.between(120, 560).all(), articles.loc[
        ~words.between(120, 560), "article_id"
    ].tolist()
    assert articles["date"].is_monotonic_increasing


def test_teaching_corpus_has_realistic_structure():
    articles = fr.load_example()
    cleaned = fr.clean_articles(articles)
    assert (cleaned["dateline_place"] != "").mean() > 0.6
    assert cleaned["text"].str.len().sum() < articles["text"].str.len().sum()  # boilerplate gone
    caption = r"(?m)^(?:Photo|Фото):"
    assert articles["text"].str.contains(caption, regex=True).sum() >= 40
    assert cleaned["text"].str.contains(caption, regex=True).sum() == 0
    assert "republished_from" in articles.columns
    assert articles["republished_from"].fillna("").ne("").sum() >= 3


def test_bundled_lexicon_counts_something_in_every_frame():
    articles = fr.clean_articles(fr.load_example())
    lexicon = fr.load_lexicon("security")
    hits = fr.find_hits(articles, lexicon, sentences=False)
    per_frame = hits.groupby("frame").size()
    assert set(per_frame.index) == set(lexicon.frame_names)
    assert (per_frame > 20).all()
    ru = articles.loc[articles["lang"] == "ru", "article_id"]
    assert hits["article_id"].isin(ru).sum() > 50
