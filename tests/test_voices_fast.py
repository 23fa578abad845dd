"""add_voice's default path against the whole-text path it replaces (issue 15, speed).

``add_voice(hits, articles)`` reads only the articles with hits and, in them, only what the
hits need (:func:`framing.voices.voice_spans_at`): quotes over the whole text, reported speech
in the sentences around the hits, the speakers of the spans that hold hits. The reference is
``add_voice(hits, articles, spans=voice_spans(articles))``: every span of every text, as
add_voice computed it before. Both must give every hit the same ``voice``, ``speaker`` and
``negated``: for the hits a lexicon finds, for the labelled hits of the evaluation passages in
``bench/voices``, and for a hit on every word (so that every span of every text is looked up).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import framing as fr
from bench.voices.score import articles_table, hits_table, load_passages
from framing.voices import add_voice, spans, voice_spans
from framing.voices.anaphora import Speakers, resolve_speakers
from framing.voices.sentences import text_language, unwrap_lines
from framing.voices.speakers import CueList, find_cues

_WORD_RE = re.compile(r"\w+")
_COLUMNS = ["voice", "speaker", "negated"]


def _every_word(articles: pd.DataFrame) -> pd.DataFrame:
    """A hits table with a hit on every word of every text."""
    rows = [
        (article_id, m.start(), m.end())
        for article_id, text in zip(articles["article_id"], articles["text"], strict=True)
        if isinstance(text, str)
        for m in _WORD_RE.finditer(text)
    ]
    table = pd.DataFrame(rows, columns=["article_id", "start", "end"])
    return table.astype({"start": "int64", "end": "int64"})


def _assert_same(hits: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The default path and the reference agree on every hit; the reference is returned."""
    reference = add_voice(hits, articles, spans=voice_spans(articles))
    fast = add_voice(hits, articles)
    differ = (reference[_COLUMNS] != fast[_COLUMNS]).any(axis=1).to_numpy()
    assert not differ.any(), pd.concat(
        [hits[differ], reference.loc[differ, _COLUMNS], fast.loc[differ, _COLUMNS]], axis=1
    ).head(10)
    pd.testing.assert_frame_equal(fast, reference)
    return reference


def _all_voices_seen(annotated: pd.DataFrame) -> None:
    """The comparison covered every voice and negated hits (it could have failed)."""
    assert set(annotated["voice"]) == {"narrative", "quote", "scare_quote", "reported"}
    assert annotated["negated"].any() and (annotated["speaker"] != "").any()


@pytest.fixture(scope="module")
def example() -> pd.DataFrame:
    return fr.load_example()


def test_teaching_corpus_lexicon_hits(example):
    hits = fr.find_hits(example, fr.load_lexicon("security"))
    assert len(hits) > 100
    _assert_same(hits, example)


def test_teaching_corpus_every_word(example):
    _all_voices_seen(_assert_same(_every_word(example), example))


def test_evaluation_passages_labelled_hits_and_every_word():
    passages, _ = load_passages()
    articles = articles_table(passages)
    assert set(articles["lang"]) == {"en", "ru"}
    _assert_same(hits_table(passages), articles)
    _all_voices_seen(_assert_same(_every_word(articles), articles))


@pytest.mark.parametrize("name", ["press_releases_sample_100.csv", "reuters21578_sample_500.csv"])
def test_news_samples(news_dir, name):
    articles = fr.read_articles(news_dir / name)
    hits = fr.find_hits(articles, fr.load_lexicon("security"))
    assert len(hits)
    _assert_same(hits, articles)
    _all_voices_seen(_assert_same(_every_word(articles), articles))


def test_articles_without_hits_are_not_read(monkeypatch, example):
    read = []
    whole = spans.article_spans

    def spy(text, *args, **kwargs):
        read.append(text)
        return whole(text, *args, **kwargs)

    monkeypatch.setattr(spans, "article_spans", spy)
    hits = fr.find_hits(example, fr.load_lexicon("security"))
    some = hits[hits["article_id"].isin(hits["article_id"].unique()[:3])]
    out = add_voice(some, example)
    assert len(out) == len(some)
    texts = example.set_index("article_id").loc[some["article_id"].unique(), "text"]
    assert sorted(read) == sorted(texts)


def test_no_hits_and_odd_texts():
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "text": ["“…” — ", "He said: “no threat”.", "no threat without punctuation", None],
        }
    )
    none = pd.DataFrame({"article_id": [], "start": [], "end": []}).astype(
        {"article_id": object, "start": "int64", "end": "int64"}
    )
    assert add_voice(none, articles).empty
    hits = pd.DataFrame(
        {"article_id": ["a", "b", "c", "d"], "start": [1, 13, 3, 0], "end": [2, 19, 9, 1]}
    )
    out = _assert_same(hits, articles)
    assert out["voice"].tolist() == ["quote", "quote", "narrative", "narrative"]
    assert out["negated"].tolist() == [False, True, True, False]
    assert out["speaker"].tolist() == ["", "He", "", ""]
    assert np.array_equal(out["start"], hits["start"])


def test_cues_and_speakers_read_in_any_order_are_those_found_in_order(example):
    rng = np.random.default_rng(0)
    pronouns = 0
    for text in example["text"]:
        text = unwrap_lines(text)
        lang = text_language(text)
        expected_cues = find_cues(text, lang)
        expected = resolve_speakers(expected_cues, lang, text)
        cues = CueList(text, lang)
        speakers = Speakers(cues, lang, text)
        order = rng.permutation(len(cues))
        said = {int(k): speakers.said(int(k)) for k in order}
        got = {int(k): speakers[int(k)] for k in order}
        assert [got[k] for k in range(len(cues))] == expected
        assert [said[k] for k in range(len(cues))] == [bool(s) for s in expected]
        assert list(cues) == expected_cues and cues.starts == [c.start for c in expected_cues]
        pronouns += sum(c.speaker.lower() in ("he", "she", "он", "она") for c in expected_cues)
    assert pronouns > 10  # the order of resolution was put to the test


def test_unwrapping_twice_changes_nothing():
    # article_spans unwraps a text once and hands it on; article_voices relies on this
    rng = np.random.default_rng(1)
    words = ["minister", "said", "the", "talks", "had", "failed.", "He", "added:", "“no", "deal”"]
    joined = 0
    for _ in range(400):
        lines = []
        for _ in range(rng.integers(1, 12)):
            kind = rng.integers(0, 6)
            n = 0 if kind == 0 else int(rng.integers(3, 16))
            line = " ".join(rng.choice(words, n)) if n else " " * int(rng.integers(0, 3))
            lines.append(("    " if kind == 1 else "") + line)
        text = "\n".join(lines)
        once = unwrap_lines(text)
        joined += once != text
        assert unwrap_lines(once) == once and len(once) == len(text)
    assert joined > 20  # wrapped texts were among them
