"""kwic and sample_kwic: contexts checked by hand, against the text and NLTK; samples; errors."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from nltk.tokenize import WordPunctTokenizer

import framing as fr
from framing.contexts import kwic, sample_kwic
from framing.export import restore_formulas

TEXT = "Yerevan said: the bloc is a “real” security threat, once more.\nIt said so twice."


def hit_at(text: str, phrase: str, article_id: str = "a", frame: str = "threat") -> dict:
    start = text.index(phrase)
    return {"article_id": article_id, "frame": frame, "entry": phrase.lower(), "match": phrase,
            "start": start, "end": start + len(phrase)}  # fmt: skip


@pytest.fixture
def small():
    articles = pd.DataFrame({
        "article_id": ["a", "b"],
        "date": pd.to_datetime(["2024-01-02", "2024-02-03"]),
        "outlet": ["Ledger", "Herald"],
        "title": ["One", "Two"],
        "text": [TEXT, "Threat first. Then calm."],
    })  # fmt: skip
    hits = pd.DataFrame([hit_at(TEXT, "security threat"), hit_at(TEXT, "Yerevan"),
                         hit_at(TEXT, "twice"), hit_at("Threat first. Then calm.", "Threat", "b")])  # fmt: skip
    return articles, hits


@pytest.mark.parametrize(
    ("phrase", "window", "unit", "left", "right"),
    [
        ("security threat", 3, "tokens", "is a “real” ", ", once more.\nIt"),
        ("security threat", 1, "tokens", "real” ", ", once"),
        ("security threat", 0, "tokens", "", ""),
        ("Yerevan", 2, "tokens", "", " said: the"),  # nothing before the first token
        ("twice", 4, "tokens", "more.\nIt said so ", ""),  # nothing after the last token
        ("twice", 50, "tokens", TEXT[: TEXT.index("twice")], ""),
        ("security threat", 7, "chars", "“real” ", ", once "),
        ("Yerevan", 4, "chars", "", " sai"),
    ],
)
def test_left_and_right_by_hand(phrase, window, unit, left, right):
    articles = pd.DataFrame({"article_id": ["a"], "text": [TEXT]})
    hits = pd.DataFrame([hit_at(TEXT, phrase)])
    row = kwic(hits, articles, window=window, unit=unit).iloc[0]
    assert (row["left"], row["match"], row["right"]) == (left, phrase, right)


def test_columns_order_and_article_fields(small):
    articles, hits = small
    out = kwic(hits.assign(sentence=[0, 0, 1, 0]), articles)
    assert list(out.columns) == ["article_id", "frame", "entry", "match", "start", "end", "left",
                                 "right", "outlet", "date", "title", "sentence"]  # fmt: skip
    assert out["outlet"].tolist() == ["Ledger", "Ledger", "Ledger", "Herald"]
    assert out["date"].iloc[3] == pd.Timestamp("2024-02-03")
    assert out["sentence"].tolist() == [0, 0, 1, 0]
    # without the optional columns they are simply absent
    bare = kwic(hits[["article_id", "start", "end"]], articles[["article_id", "text"]])
    assert list(bare.columns) == ["article_id", "match", "start", "end", "left", "right",
                                  "sentence"]  # fmt: skip
    assert bare["sentence"].tolist() == [0, 0, 1, 0]  # computed, as no hit had one
    assert bare["match"].tolist() == hits["match"].tolist()


def test_inputs_not_mutated(small):
    articles, hits = small
    a0, h0 = articles.copy(), hits.copy()
    kwic(hits, articles, highlight="**")
    pd.testing.assert_frame_equal(articles, a0)
    pd.testing.assert_frame_equal(hits, h0)


@pytest.mark.parametrize(
    ("highlight", "line"),
    [
        ("**", "the bloc is a “real” **security threat**, once more. It said so"),
        (("[", "]"), "the bloc is a “real” [security threat], once more. It said so"),
    ],
)
def test_highlight_line_collapses_whitespace(highlight, line):
    articles = pd.DataFrame({"article_id": ["a"], "text": [TEXT]})
    out = kwic(pd.DataFrame([hit_at(TEXT, "security threat")]), articles, window=5,
               highlight=highlight)  # fmt: skip
    assert out["line"].iloc[0] == line


@pytest.fixture(scope="module")
def corpus():
    articles = fr.clean_articles(fr.load_example())
    return articles, fr.find_hits(articles, fr.load_lexicon("security"))


def test_real_corpus_against_text_slices_and_nltk(corpus):
    articles, hits = corpus
    out = kwic(hits, articles, window=8)
    assert len(out) == len(hits)
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    nltk_words = WordPunctTokenizer()
    for row in out.sample(300, random_state=0).itertuples():
        text = texts[row.article_id]
        # verbatim: left + match + right is one slice of the text, around the hit
        assert text[row.start - len(row.left) : row.end + len(row.right)] == (
            row.left + row.match + row.right
        )
        # the window counts word tokens as NLTK's WordPunctTokenizer does (punctuation dropped)
        words = lambda s: [t for t in nltk_words.tokenize(s) if re.fullmatch(r"\w+", t)]  # noqa: E731
        before = len(words(text[: row.start]))
        after = len(words(text[row.end :]))
        assert len(words(row.left)) == min(8, before)
        assert len(words(row.right)) == min(8, after)
        # and the left context starts exactly at a token (no partial words)
        if row.left:
            assert re.match(r"\w", row.left) and (
                row.start - len(row.left) == 0
                or not re.match(r"\w", text[row.start - len(row.left) - 1])
            )


def test_hits_read_back_from_parquet(tmp_path, small):
    articles, hits = small
    path = tmp_path / "hits.parquet"
    hits.to_parquet(path)
    back = pd.read_parquet(path)
    pd.testing.assert_frame_equal(kwic(back, articles), kwic(hits, articles), check_dtype=False)


def test_empty_hits_give_an_empty_table(small):
    articles, hits = small
    out = kwic(hits.iloc[:0], articles)
    assert out.empty and {"left", "right", "match"} <= set(out.columns)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda h, a: (h.assign(article_id=["a", "zz", "yy", "b"]), a),
            r"2 hits refer to 2 articles not in the articles table: 'zz', 'yy'",
        ),
        (
            lambda h, a: (h, a.assign(text=a["text"].str.replace("security", "SECURITY"))),
            "do not line up with their article's text",
        ),
        (lambda h, a: (h.assign(end=h["end"] + 500), a), "beyond the end of their article's text"),
        (lambda h, a: (h.assign(start=[0.5, 0, 1, 2]), a), "'start' column holds 1 values"),
        (lambda h, a: (a, a), "needs the hits table first; you passed the articles table"),
        (lambda h, a: (h, h), "needs the articles table second; you passed a hits table"),
        (lambda h, a: (h.drop(columns="start"), a), "hits table has no column 'start'"),
        (lambda h, a: (h, pd.concat([a, a])), "duplicate article_id"),
        (lambda h, a: (pd.DataFrame({"n_hits": [1]}), a), "you passed a counts table"),
    ],
)
def test_clear_errors(small, change, message):
    hits, articles = change(small[1], small[0])
    with pytest.raises(fr.FramingError, match=message):
        kwic(hits, articles)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"unit": "words"}, r"unit.*'words' is not a valid choice"),
        ({"window": -1}, "-1 is not a window length"),
        ({"window": 2.5}, "2.5 is not a window length"),
        ({"highlight": 3}, "3 is not a highlight mark"),
    ],
)
def test_bad_arguments(small, kwargs, message):
    articles, hits = small
    with pytest.raises(fr.FramingError, match=message):
        kwic(hits, articles, **kwargs)


# ------------------------------------------------------------------------------ sample_kwic


@pytest.mark.parametrize(("by", "n"), [("entry", 3), ("frame", 20), ("outlet", 7),
                                       (["outlet", "frame"], 2)])  # fmt: skip
def test_sample_is_stratified(corpus, by, n):
    articles, hits = corpus
    sample = sample_kwic(hits, articles, n=n, by=by)
    cols = [by] if isinstance(by, str) else by
    table = hits.merge(articles[["article_id", "outlet"]], on="article_id")
    expected = table.groupby(cols).size().clip(upper=n)  # every stratum, at most n hits
    got = sample.groupby(cols).size()
    pd.testing.assert_series_equal(got.sort_index(), expected.sort_index(), check_names=False)
    # each sampled row is a real hit, drawn without replacement
    keys = ["article_id", "frame", "start"]
    assert not sample.duplicated(keys).any()
    assert len(sample.merge(hits[keys], on=keys)) == len(sample)


def test_sample_is_deterministic_for_a_seed(corpus):
    articles, hits = corpus
    one = sample_kwic(hits, articles, n=5, by="frame", seed=7)
    two = sample_kwic(hits, articles, n=5, by="frame", seed=7)
    other = sample_kwic(hits, articles, n=5, by="frame", seed=8)
    pd.testing.assert_frame_equal(one, two)
    assert not one[["article_id", "start"]].equals(other[["article_id", "start"]])
    # ordered by stratum, then in the hits' order
    assert one["frame"].tolist() == sorted(one["frame"])


def test_sample_overall_without_strata(corpus):
    articles, hits = corpus
    sample = sample_kwic(hits, articles, n=12, by=None, seed=1)
    assert len(sample) == 12
    rng = np.random.default_rng(1)  # the documented draw: the n smallest random keys
    expected = np.sort(np.argsort(rng.random(len(hits)), kind="stable")[:12])
    assert sample["start"].tolist() == hits["start"].to_numpy()[expected].tolist()


def test_sample_csv_for_hand_coding(tmp_path, corpus):
    articles, hits = corpus
    path = tmp_path / "coding" / "kwic.csv"
    sample = sample_kwic(hits, articles, n=2, by="outlet", path=path)
    raw = path.read_bytes()
    assert raw.decode("utf-8") and b"\r\n" not in raw
    back = pd.read_csv(path, keep_default_na=False, encoding="utf-8")
    assert list(back.columns[-2:]) == ["code", "note"]
    assert (back["code"] == "").all() and (back["note"] == "").all()
    assert back["left"].tolist() == sample["left"].tolist()  # verbatim, Cyrillic included
    assert back["outlet"].str.contains("Kurier").any()
    assert back["date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()


def test_sample_never_overwrites_hand_coding(tmp_path, corpus):
    articles, hits = corpus
    path = tmp_path / "kwic.csv"
    sample_kwic(hits, articles, n=2, path=path)
    sample_kwic(hits, articles, n=3, path=path)  # uncoded: replaced silently
    coded = pd.read_csv(path, keep_default_na=False)
    coded.loc[0, "code"] = "1"
    coded.to_csv(path, index=False)
    with pytest.raises(fr.FramingError, match="already holds hand coding"):
        sample_kwic(hits, articles, n=2, path=path, seed=3)
    assert pd.read_csv(path, dtype=str, keep_default_na=False).loc[0, "code"] == "1"
    sample_kwic(hits, articles, n=2, path=path, overwrite=True)
    assert (pd.read_csv(path, keep_default_na=False)["code"] == "").all()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n": 0}, "0 is not a sample size"),
        ({"by": "colour"}, "'colour' is neither a column of the hits nor of the articles"),
        ({"seed": "x"}, "'x' is not a random seed"),
        ({"window": -2}, "-2 is not a window length"),
    ],
)
def test_sample_bad_arguments(corpus, kwargs, message):
    articles, hits = corpus
    with pytest.raises(fr.FramingError, match=message):
        sample_kwic(hits, articles, **kwargs)


def test_sample_path_is_a_folder(tmp_path, corpus):
    articles, hits = corpus
    with pytest.raises(fr.FramingError, match="is a folder"):
        sample_kwic(hits, articles, path=tmp_path)


# ------------------------------------------------------------------------------ sentences


@pytest.fixture(scope="module")
def both_ways():
    """The teaching corpus's hits with sentences from find_hits, and without (-1)."""
    articles = fr.clean_articles(fr.load_example())
    lexicon = fr.load_lexicon("security")
    with_sentences = fr.find_hits(articles, lexicon, sentences=True)
    without = fr.find_hits(articles, lexicon, sentences=False)
    return articles, with_sentences, without


def test_kwic_computes_the_sentences_find_hits_gives(both_ways):
    articles, with_sentences, without = both_ways
    assert (without["sentence"] == -1).all() and (with_sentences["sentence"] > 0).any()
    expected = with_sentences["sentence"].tolist()
    assert kwic(without, articles)["sentence"].tolist() == expected
    assert kwic(without.drop(columns="sentence"), articles)["sentence"].tolist() == expected
    assert kwic(with_sentences, articles)["sentence"].tolist() == expected


def test_kwic_keeps_the_sentences_it_is_given_and_fills_the_others(both_ways):
    articles, with_sentences, without = both_ways
    mixed = without.copy()
    mixed.loc[::2, "sentence"] = 999  # filled: used as they are, even when wrong
    got = kwic(mixed, articles)["sentence"].to_numpy()
    assert (got[::2] == 999).all()
    assert got[1::2].tolist() == with_sentences["sentence"].iloc[1::2].tolist()
    # read back from CSV, a missing sentence is empty (NaN): computed too
    as_csv = without.astype({"sentence": "float64"}).assign(sentence=np.nan)
    assert kwic(as_csv, articles)["sentence"].tolist() == with_sentences["sentence"].tolist()


def test_sample_kwic_splits_only_the_articles_it_returns(both_ways, monkeypatch):
    articles, with_sentences, without = both_ways
    import framing.contexts

    split = []
    real = framing.contexts.sentence_index

    def counting(text, offsets, *, language="english"):
        split.append(text)
        return real(text, offsets, language=language)

    monkeypatch.setattr(framing.contexts, "sentence_index", counting)
    sample = sample_kwic(without, articles, n=2, by="frame")
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    assert sorted(split) == sorted(texts[a] for a in sample["article_id"].unique())
    keys = ["article_id", "frame", "start"]
    expected = sample[keys].merge(with_sentences[[*keys, "sentence"]], on=keys, how="left")
    assert sample["sentence"].tolist() == expected["sentence"].tolist()


@pytest.mark.shared_data
def test_kwic_sentences_on_real_news_in_two_languages(news_dir):
    news = pd.read_csv(news_dir / "press_releases_sample_100.csv", dtype=str, keep_default_na=False)
    articles = fr.clean_articles(news.rename(columns={"id": "article_id"}).head(40))
    # the same texts as Russian, so the article's language decides the sentence spans
    articles = articles.assign(lang=["ru" if i % 3 == 0 else "en" for i in range(len(articles))])
    lexicon = fr.load_lexicon("security")
    with_sentences = fr.find_hits(articles, lexicon, sentences=True)
    without = fr.find_hits(articles, lexicon, sentences=False)
    assert len(with_sentences) > 50 and with_sentences["sentence"].max() > 5
    got = kwic(without, articles)["sentence"].tolist()
    assert got == with_sentences["sentence"].tolist()


def test_the_coding_sheet_opens_right_in_a_spreadsheet(tmp_path):
    # issue 14.9: passages cannot run as formulas; UTF-8 with a byte-order mark
    arts = pd.DataFrame(
        {"article_id": ["a", "b"], "date": pd.to_datetime(["2024-01-01", "2024-01-02"]),
         "outlet": ["X", "@Y"], "title": ['=HYPERLINK("http://evil")', "t"],
         "text": ["Угроза растёт", "-угроза- and more"]}
    )  # fmt: skip
    hits = fr.find_hits(arts, {"threat": ["угроза"]})
    path = tmp_path / "sheet.csv"
    fr.sample_kwic(hits, arts, n=2, seed=0, path=path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "угроза".encode() in raw
    sheet = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    cells = [c for col in sheet.columns for c in sheet[col]]
    assert not [c for c in cells if c[:1] in ("=", "+", "@") or (c[:1] == "-" and c != "-")]
    back = restore_formulas(sheet).set_index("article_id")
    assert back.loc["a", "title"] == '=HYPERLINK("http://evil")'
    assert back.loc["b", "right"] == "- and more" and back.loc["b", "outlet"] == "@Y"


# -- voice, speaker and negation travel with the passages ---------------------------------

LAVROV = (
    "Pashinyan described the bloc as a threat. “The collapse is Yerevan's doing,” Lavrov said. "
    "There is no threat to the region."
)
RIA = "«Никакой угрозы для Армении нет», — заявил Лавров. Угроза реальна, пишут аналитики."


@pytest.fixture
def voiced():
    """Two articles (English, Russian) and their hits, voice and speaker labelled by hand."""
    articles = pd.DataFrame({
        "article_id": ["azat", "ria"], "outlet": ["Azatutyun", "RIA"],
        "date": pd.to_datetime(["2024-04-02", "2024-04-03"]), "text": [LAVROV, RIA],
    })  # fmt: skip
    rows = [
        (hit_at(LAVROV, "threat", "azat"), "reported", "Pashinyan", False),
        (hit_at(LAVROV, "collapse", "azat", "collapse"), "quote", "Lavrov", False),
        (hit_at(LAVROV, "threat to the region", "azat"), "narrative", "", True),
        (hit_at(RIA, "угрозы", "ria"), "quote", "Лавров", True),
        (hit_at(RIA, "Угроза", "ria"), "narrative", "", False),
    ]
    hits = pd.DataFrame([h for h, *_ in rows])
    hits["voice"] = [v for _, v, _, _ in rows]
    hits["speaker"] = [s for _, _, s, _ in rows]
    hits["negated"] = [n for *_, n in rows]
    return articles, hits


def test_kwic_shows_voice_speaker_and_negation(voiced):
    articles, hits = voiced
    out = kwic(hits, articles, window=3)
    assert list(out.columns) == ["article_id", "frame", "entry", "match", "start", "end", "left",
                                 "right", "voice", "speaker", "negated", "outlet", "date",
                                 "sentence"]  # fmt: skip
    assert out[["match", "voice", "speaker", "negated"]].values.tolist() == [
        ["threat", "reported", "Pashinyan", False],
        ["collapse", "quote", "Lavrov", False],
        ["threat to the region", "narrative", "", True],
        ["угрозы", "quote", "Лавров", True],
        ["Угроза", "narrative", "", False],
    ]
    # only the columns the hits have
    assert "negated" not in kwic(hits.drop(columns="negated"), articles).columns
    assert "voice" not in kwic(hits.drop(columns=["voice", "speaker", "negated"]), articles)


def test_coding_sheet_carries_voice_and_speaker(tmp_path, voiced):
    articles, hits = voiced
    path = tmp_path / "coding.csv"
    sample = sample_kwic(hits, articles, n=1, by="voice", seed=3, path=path)
    assert sorted(sample["voice"]) == ["narrative", "quote", "reported"]
    back = pd.read_csv(path, keep_default_na=False, encoding="utf-8-sig")
    assert {"voice", "speaker", "negated"} <= set(back.columns)
    assert list(back.columns[-2:]) == ["code", "note"]
    chosen = dict(zip(sample["match"], sample["speaker"], strict=True))
    assert dict(zip(back["match"], back["speaker"], strict=True)) == chosen
    # stratified by speaker (who frames it): one passage per speaker, the narrative's too
    by_speaker = sample_kwic(hits, articles, n=1, by="speaker", seed=0)
    assert sorted(by_speaker["speaker"]) == ["", "Lavrov", "Pashinyan", "Лавров"]
