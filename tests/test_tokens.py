"""The token and sentence rules, checked against NLTK on real text."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
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


ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200)
TRICKY = st.text(
    alphabet=st.sampled_from(
        list("№ﬁ①½™ＣＳＴＯﾞｶ각éйάabc .-")
        + ["\u0301", "\u0306", "\u0308", "\u0323", "\u0345", "\u3099", "\u0b3e", "\u0b47"]
        + ["\u1100", "\u1161", "\u11a8", "\uac00", "\u0415", "\u03b1", "\u0344", "\u0f73"]
    ),
    max_size=60,
)


@given(st.one_of(ANY_TEXT, TRICKY))
def test_count_equals_number_of_tokens_and_spans(text):
    spans = tokens.word_spans(text)
    found = tokens.word_tokens(text, lower=False)
    assert tokens.count_tokens(text) == len(spans) == len(found)
    for (s, e), token in zip(spans, found, strict=True):
        assert token in unicodedata.normalize("NFKC", text[s:e])


@given(st.one_of(ANY_TEXT, TRICKY))
def test_segments_normalize_like_the_whole_text(text):
    """NFKC segment by segment is NFKC of the text, without the coarser fallbacks."""
    expected = unicodedata.normalize("NFKC", text)
    places = tokens._special_segments(text)  # the fast path
    assert tokens.normalize_segments(text, places)[0] == expected
    if text:  # the path for characters the fast path does not know
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        places = tokens._changed_segments(codes, coarse=False)
        assert tokens.normalize_segments(text, places)[0] == expected
    normalized, to_original = tokens.nfkc_with_offsets(text)
    assert normalized == expected
    assert to_original.dtype == np.int64 and len(to_original) == len(normalized) + 1
    assert to_original[0] == 0 and to_original[-1] == len(text)
    for m in re.finditer(r"\w+", normalized):
        s, e = to_original[m.start()], to_original[m.end()]
        assert 0 <= s < e <= len(text)
        # the original span is whole segments: NFKC of it holds the token
        assert m.group() in unicodedata.normalize("NFKC", text[s:e])


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Decree № 5", ["Decree", "№", "5"]),
        ("Her re\u0301sume\u0301.", ["Her", "re\u0301sume\u0301"]),
        ("ﬁnal ＣＳＴＯ ①", ["ﬁnal", "ＣＳＴＯ", "①"]),
        ("½", ["½", "½"]),
        ("x\u0301\u0323y z", ["x\u0301\u0323", "y", "z"]),  # marks split
        ("\u1100\u1161\u11a8!", ["\u1100\u1161\u11a8"]),
    ],
)
def test_offsets_map_back_to_the_surface_form(text, surface):
    assert [text[s:e] for s, e in tokens.word_spans(text)] == surface
    normalized, to_original = tokens.nfkc_with_offsets(text)
    found = [m.span() for m in re.finditer(r"\w+", normalized)]
    starts, ends = tokens.spans_to_original(to_original, *zip(*found, strict=True))
    assert [text[s:e] for s, e in zip(starts, ends, strict=True)] == surface


def test_texts_that_need_no_normalization_map_to_themselves():
    for text in ["", "CSTO summit", "Саммит ОДКБ «Угроза»", "Հայաստան"]:
        assert not tokens.needs_nfkc(text)
        normalized, to_original = tokens.nfkc_with_offsets(text)
        assert normalized == text and to_original.tolist() == list(range(len(text) + 1))
    starts, ends = tokens.spans_to_original(None, [0, 4], [3, 6])
    assert starts.tolist() == [0, 4] and ends.tolist() == [3, 6]


def test_nfd_counts_like_nfc():
    nfc = "Le résumé du président: Ёлка, йогурт, άνθρωπος."
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc and tokens.needs_nfkc(nfd)
    assert tokens.word_tokens(nfd) == tokens.word_tokens(nfc)
    assert tokens.count_tokens(nfd) == tokens.count_tokens(nfc) == 7


def test_tables_built_from_some_blocks_hold_every_character_they_need(tmp_path, monkeypatch):
    """The scans of a few blocks find every starter that composes with what precedes it and
    every character NFKC may change or join; the special characters come back from the
    on-disk cache as built."""
    found = set()
    special = []
    for cp in range(0x110000):
        char = chr(cp)
        parts = unicodedata.decomposition(char).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            first, second = (chr(int(p, 16)) for p in parts)
            if unicodedata.combining(second) == 0 and (
                unicodedata.normalize("NFC", first + second) == char
            ):
                found.add(second)
        if not 0xD800 <= cp < 0xE000 and not (
            tokens._starts_or_ascii(char) and tokens._is_stable(char)
        ):
            special.append(cp)
    assert found <= tokens._backward_starters()
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    for _ in range(2):  # built and stored, then read back
        codes, starting = tokens._special_characters()
        assert codes.tolist() == special
        assert starting.tolist() == [tokens._starts_or_ascii(chr(cp)) for cp in special]
    assert [p.name.split("-")[:2] for p in tmp_path.iterdir()] == [["nfkc", "special"]]


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


def test_clear_caches_forgets_the_nfkc_tables(tmp_path, monkeypatch):
    import framing

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    assert tokens.nfkc_with_offsets("№ 5")[0] == "No 5"
    assert tokens._special_runs.cache_info().currsize == 1
    framing.clear_caches()
    assert tokens._special_runs.cache_info().currsize == 0
    assert list(tmp_path.iterdir()) == []
    assert tokens.nfkc_with_offsets("№ 5")[0] == "No 5"  # built again
