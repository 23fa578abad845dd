"""The bundled teaching corpus and lexicon, as a student meets them; NLTK corpora."""

from __future__ import annotations

import pandas as pd
import pytest

import framing as fr
from framing._errors import FramingError
from framing.datasets import read_nltk_corpus

CANONICAL = ["article_id", "date", "outlet", "title", "text"]


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


# --------------------------------------------------------------------------------------
# NLTK corpora


def test_missing_nltk_corpus_says_how_to_install(tmp_path, monkeypatch):
    import nltk

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    with pytest.raises(fr.MissingDataError) as info:
        read_nltk_corpus("inaugural")
    assert isinstance(info.value, FramingError) and isinstance(info.value, LookupError)
    assert str(info.value) == (
        "read_nltk_corpus: the NLTK corpus 'inaugural' is not installed. Install it with: "
        "python -m nltk.downloader inaugural (or set NLTK_DATA to a folder that holds "
        "corpora/inaugural before starting Python)"
    )


def test_missing_nltk_corpus_falls_back_to_the_teaching_corpus_when_asked(
    tmp_path, monkeypatch, capsys
):
    import nltk

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    articles = read_nltk_corpus("inaugural", fallback="example")
    pd.testing.assert_frame_equal(articles, fr.load_example())
    printed = capsys.readouterr().out.strip().splitlines()
    assert len(printed) == 1
    assert "python -m nltk.downloader inaugural" in printed[0]
    assert "teaching corpus" in printed[0]
    with pytest.raises(FramingError, match="fallback"):
        read_nltk_corpus("inaugural", fallback="inaugural")


def test_nltk_corpus_built_by_hand(tmp_path, monkeypatch):
    import nltk

    root = tmp_path / "corpora" / "speeches"
    root.mkdir(parents=True)
    (root / "1789-Washington.txt").write_text("Fellow-Citizens of the Senate", encoding="utf-8")
    (root / "1965-Johnson-1.txt").write_text("Mr. Speaker", encoding="utf-8")
    (root / "README").write_text("not a speech", encoding="utf-8")
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    speeches = read_nltk_corpus("speeches")
    assert speeches["article_id"].tolist() == ["1789-Washington.txt", "1965-Johnson-1.txt"]
    row = speeches.set_index("article_id").loc["1965-Johnson-1.txt"]
    assert (row["outlet"], row["title"], str(row["date"])) == (
        "Johnson",
        "1965 Johnson",
        "1965-01-01 00:00:00",
    )
    with pytest.raises(FramingError, match=r"^fileids: 'nope\.txt' is not a file"):
        read_nltk_corpus("speeches", fileids=["nope.txt"])


@pytest.mark.parametrize("name", ["Inaugural!", "", 3])
def test_bad_nltk_corpus_name(name):
    with pytest.raises(FramingError, match=r"^name: "):
        read_nltk_corpus(name)


@pytest.mark.shared_data
def test_inaugural_addresses_match_nltk(nltk_data):
    from nltk.corpus import inaugural

    speeches = read_nltk_corpus("inaugural")
    assert list(speeches.columns) == [*CANONICAL, "lang", "source"]
    assert speeches["date"].dtype == "datetime64[ns]"
    assert speeches["article_id"].is_unique and isinstance(speeches.index, pd.RangeIndex)
    report = fr.ingest_report(speeches)
    assert report.n_read == report.n_kept == len(speeches) == 59
    assert speeches["article_id"].tolist() == inaugural.fileids()
    for fid, text in zip(speeches["article_id"], speeches["text"], strict=True):
        assert text == inaugural.raw(fid)
    first = speeches.iloc[0]
    assert (first["outlet"], first["title"], first["lang"]) == (
        "Washington",
        "1789 Washington",
        "en",
    )
    assert speeches["date"].dt.year.tolist() == [int(f[:4]) for f in inaugural.fileids()]


@pytest.mark.shared_data
def test_state_union_reads(nltk_data):
    speeches = read_nltk_corpus("state_union", fileids=["1965-Johnson-1.txt", "2006-GWBush.txt"])
    assert speeches["outlet"].tolist() == ["Johnson", "GWBush"]


def test_coding_samples_read_against_the_teaching_corpus():
    # notebook 10 reads these by name, from a clone or an installed package alike
    clean = fr.clean_articles(fr.load_example())
    threat = fr.find_hits(clean, fr.load_lexicon("security").select("threat"))
    coded = fr.read_coding(fr.coding_sample_path("threat-a"), hits=threat, articles=clean)
    default = fr.read_coding(fr.coding_sample_path(), hits=threat, articles=clean)
    assert len(coded) == len(default) == 111
    again = fr.read_coding(fr.coding_sample_path("threat-a-retest"), hits=threat, articles=clean)
    assert len(again) == 48
    assert set(again["code"]) <= {"relevant", "not_relevant", "unsure"}


def test_unknown_coding_sample_names_the_choices():
    with pytest.raises(FramingError, match="threat-a-retest"):
        fr.coding_sample_path("threat-b")
