"""The token and sentence rules, checked against NLTK on real text."""

from __future__ import annotations

import re
import unicodedata

import pytest
from nltk.tokenize import WordPunctTokenizer

from framing import tokens

PUNCT_ONLY = re.compile(r"^[^\w]+$")


def nltk_words(text: str) -> list[str]:
    """The oracle: NLTK's WordPunctTokenizer with punctuation tokens dropped."""
    return [t.lower() for t in WordPunctTokenizer().tokenize(text) if not PUNCT_ONLY.match(t)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fellow-citizens", ["fellow", "citizens"]),
        ("Armenia’s ally", ["armenia", "s", "ally"]),
        ("Armenia's ally", ["armenia", "s", "ally"]),
        ("«Угроза» ОДКБ", ["угроза", "одкб"]),
        ("zone, of responsibility", ["zone", "of", "responsibility"]),
        ("CSTO—Armenia", ["csto", "armenia"]),
        ("2024 — 15%", ["2024", "15"]),
        ("Հայաստան և Ռուսաստան", ["հայաստան", "եւ", "ռուսաստան"]),  # NFKC unfolds the ligature
        ("ﬁnal ＣＳＴＯ", ["final", "csto"]),
        ("", []),
        ("  ...  ", []),
        ("snake_case", ["snake_case"]),
        ("Decree № 5", ["decree", "no", "5"]),  # the whole text is NFKC-normalized first
        ("Decree №5", ["decree", "no5"]),
        ("re\u0301sume\u0301", ["résumé"]),  # NFD: combining marks are not \w
        ("\u0415\u0308лка и\u0306", ["ёлка", "й"]),
        ("\u03b1\u0301\u03bd\u03b8\u03c1\u03c9\u03c0\u03bf\u03c2", ["άνθρωπος"]),
        ("① ½", ["1", "1", "2"]),
        ("\u1100\u1161\u11a8 \uff76\uff9e", ["각", "ガ"]),  # conjoining jamo, half-width kana
        ("™ ㎏", ["tm", "kg"]),
    ],
)
def test_word_tokens_follow_the_rules(text, expected):
    assert tokens.word_tokens(text) == expected
    assert tokens.count_tokens(text) == len(expected)


def test_spans_point_into_the_text_as_given():
    text = "The “collapse” of the CSTO’s mission"
    spans = tokens.word_spans(text)
    assert [text[s:e] for s, e in spans] == ["The", "collapse", "of", "the", "CSTO", "s", "mission"]


def test_word_tokens_agree_with_nltk_on_inaugural(nltk_data):
    from nltk.corpus import inaugural

    for fileid in inaugural.fileids()[::6]:
        raw = inaugural.raw(fileid)
        assert tokens.word_tokens(raw) == nltk_words(raw), fileid


def test_word_tokens_agree_with_nltk_on_press_releases(news_dir):
    import pandas as pd

    df = pd.read_csv(news_dir / "press_releases_sample_100.csv", dtype=str, keep_default_na=False)
    for text in df["text"]:
        assert tokens.word_tokens(text) == nltk_words(text)


@pytest.mark.shared_data
def test_press_releases_that_nfkc_changes(news_dir):
    """Ten press releases write "№": NFKC makes it the token "no" (NLTK agrees on the NFKC
    text); 236 more hold "…", which NFKC spells "..." and which changes no token."""
    import pandas as pd

    name = "press_releases_kremlin_president_ua_2021-10_2022-06.csv"
    df = pd.read_csv(news_dir / name, dtype=str, keep_default_na=False)
    need = [t for t in df["text"] if tokens.needs_nfkc(t)]
    changed = [t for t in need if tokens.count_tokens(t) != len(re.findall(r"\w+", t))]
    assert (len(df), len(need), len(changed)) == (1796, 246, 10)
    for text in changed:
        assert "№" in text
        assert tokens.word_tokens(text) == nltk_words(unicodedata.normalize("NFKC", text))
        spans = tokens.word_spans(text)
        assert {text[s:e] for s, e in spans} >= {"№"}


def test_sentences_with_punkt_data(nltk_data):
    text = "The CSTO summit was suspended on Nov. 23. Mr. Pashinyan called it a threat."
    got = [text[s:e] for s, e in tokens.sentence_spans(text)]
    assert got == [
        "The CSTO summit was suspended on Nov. 23.",
        "Mr. Pashinyan called it a threat.",
    ]
    ru = "Саммит ОДКБ отложен. Пашинян заявил об угрозе."
    assert len(tokens.sentence_spans(ru, language="ru")) == 2


def test_sentences_without_nltk_data(monkeypatch):
    """With no punkt_tab anywhere, an untrained Punkt tokenizer still splits sentences."""
    import nltk

    monkeypatch.setattr(nltk.data, "path", ["/nonexistent"])
    tokens._punkt.cache_clear()
    try:
        text = "Armenia froze its participation. Moscow objected. The bloc met in Minsk."
        assert len(tokens.sentence_spans(text)) == 3
    finally:
        tokens._punkt.cache_clear()


def test_sentence_index_maps_offsets():
    text = "One. Two threats here. Three."
    assert tokens.sentence_index(text, [0, 9, 23]) == [0, 1, 2]
    assert tokens.sentence_index("", [0]) == [0]


@pytest.mark.parametrize(
    ("word", "lang", "stem"),
    [
        ("threats", "en", "threat"),
        ("Collapsing", "english", "collaps"),
        ("угрозы", "ru", "угроз"),
        ("угрозой", "ru", "угроз"),
        ("обязательствами", "ru", "обязательств"),
    ],
)
def test_snowball_stems(word, lang, stem):
    assert tokens.stem(word, lang) == stem


def test_unknown_stemmer_language_is_a_clear_error():
    with pytest.raises(tokens.FramingError, match="language: 'hy' is not a valid choice"):
        tokens.stemmer("hy")


def test_sentences_fall_back_when_punkt_times_out(monkeypatch):
    class Slow:
        def span_tokenize(self, text):
            raise TimeoutError("regex timeout")

    monkeypatch.setattr(tokens, "_punkt", lambda language: Slow())
    text = "Armenia froze it. Moscow objected!  The bloc met?"
    with pytest.warns(tokens.FramingWarning, match="Punkt gave up on a text of 49 characters"):
        spans = tokens.sentence_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "Armenia froze it.",
        "Moscow objected!",
        "The bloc met?",
    ]
