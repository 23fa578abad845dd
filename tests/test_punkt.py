"""The faster Punkt (framing._punkt) gives exactly NLTK's sentence spans.

The oracle is NLTK itself: ``PunktSentenceTokenizer.span_tokenize`` for whole texts and
``text_contains_sentbreak`` for each context Punkt decides on.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktLanguageVars, PunktSentenceTokenizer

from framing import _punkt, tokens


@pytest.fixture(scope="module")
def english(nltk_data):
    """NLTK's pre-trained English model (from ../shared/data/nltk_data)."""
    from nltk.tokenize.punkt import PunktTokenizer

    return PunktTokenizer("english")


def _check(tokenizer, text: str) -> None:
    """Spans and every decision on ``text`` are NLTK's."""
    assert _punkt.punkt_spans(tokenizer, text) == list(tokenizer.span_tokenize(text))
    decide = _punkt._fast(tokenizer)[1]
    sentbreak = _punkt._sentbreak_function(
        tokenizer, _punkt._compiled(tokenizer._lang_vars._word_tokenizer_re()).findall
    )
    for _, context in tokenizer._match_potential_end_contexts(text):
        want = tokenizer.text_contains_sentbreak(context)
        assert decide(context) == want, context
        assert sentbreak(context) == want, context  # the general path, on every context


def test_the_fast_path_is_used_for_nltk_punkt(english):
    """Without this, the comparisons below would compare NLTK with itself."""
    assert _punkt._fast(english) is not None
    assert _punkt._fast(PunktSentenceTokenizer()) is not None


def test_spans_equal_nltk_on_real_text(english, news_dir, nltk_data):
    """Press releases (all 1,796), 500 Reuters stories and the inaugural addresses."""
    import pandas as pd

    texts = []
    for name in ("press_releases_kremlin_president_ua_2021-10_2022-06.csv",
                 "reuters21578_sample_500.csv"):  # fmt: skip
        frame = pd.read_csv(news_dir / name, dtype=str, keep_default_na=False)
        texts += frame["text"].tolist()
    addresses = sorted((nltk_data / "corpora" / "inaugural").glob("*.txt"))
    texts += [p.read_text(encoding="latin-1") for p in addresses]  # as NLTK's reader does
    assert len(texts) > 2_300
    fast = [_punkt.punkt_spans(english, t) for t in texts]
    assert fast == [list(english.span_tokenize(t)) for t in texts]
    assert sum(map(len, fast)) > 60_000  # sentences, so the comparison is not vacuous
    untrained = PunktSentenceTokenizer()
    some = texts[-700:]
    assert [_punkt.punkt_spans(untrained, t) for t in some] == [
        list(untrained.span_tokenize(t)) for t in some
    ]


# Text that reaches every rule of Punkt: words that are abbreviations, initials, numbers,
# collocations, sentence starters (of the English model and of the made-up one below), in
# any case, with quotes, brackets and ellipses around them, and odd white space between
WORDS = [
    "Armenia", "armenia", "ARMENIA", "ended", "Ended", "said", "the", "The", "However",
    "however", "Putin", "Smith", "Edelman", "Пашинян", "пашинян", "Mr", "U.S", "Inc", "Corp",
    "Nov", "e.g", "St", "co", "J", "j", "b", "2021", "1,000", "3.5", "-12", "1st", "Dividend",
    "who", "i", "I", "<…>", "",
]  # fmt: skip
BEFORE = ["", "", "", '"', "“", "(", "«", "'", "[", "--", "*"]
AFTER = ["", "", ".", ".", ".", ".", "?", "!", ",", '."', ".”", ".)", "...", ". . .", ";", ":",
         "?!", "'s", ".,", "-"]  # fmt: skip
SPACES = [" ", " ", " ", "\n", "\n\n", "\t", "\x0b", "\x0c", "\r\n", "\x1c", "\u2028", "\xa0",
          "  ", ""]  # fmt: skip
TOKEN = st.tuples(st.sampled_from(BEFORE), st.sampled_from(WORDS), st.sampled_from(AFTER))
TEXTS = st.lists(st.tuples(TOKEN, st.sampled_from(SPACES)), max_size=30).map(
    lambda parts: "".join("".join(token) + space for token, space in parts)
)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_spans_and_decisions_equal_nltk_on_generated_text(english, text):
    _check(english, text)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_untrained_punkt_equals_nltk_on_generated_text(text):
    _check(PunktSentenceTokenizer(), text)


def _made_up_model() -> PunktSentenceTokenizer:
    """Parameters that reach the rules the English model never does (it has no collocation
    after a plain word, for one), over the words of MADE_UP_WORDS."""
    from nltk.tokenize import punkt

    params = punkt.PunktParameters()
    params.abbrev_types = {"mr", "u.s", "inc", "j", "armenia", "said"}
    params.collocations = {("ended", "armenia"), ("said", '"'), ("said", "“"), ("ended", "«"),
                           ("said", "пашинян"), ("##number##", "the"), ("j", "smith"),
                           ("mr", "putin"), ("ended", "..."), ("ended", ".")}  # fmt: skip
    params.sent_starters = {"however", "the", "armenia", "пашинян"}
    for word, flag in [("armenia", punkt._ORTHO_BEG_LC), ("armenia", punkt._ORTHO_MID_UC),
                       ("the", punkt._ORTHO_MID_LC), ("ended", punkt._ORTHO_UNK_UC),
                       ("putin", punkt._ORTHO_MID_UC), ("smith", punkt._ORTHO_BEG_UC),
                       ("however", punkt._ORTHO_BEG_LC | punkt._ORTHO_UNK_LC)]:  # fmt: skip
        params.add_ortho_context(word, flag)
    return PunktSentenceTokenizer(params)


MADE_UP_WORDS = ["ended", "Ended", "Armenia", "armenia", "said", "Putin", "putin", "Mr", "J",
                 "Smith", "2021", "the", "The", "However", "however", "Пашинян", "пашинян"]  # fmt: skip
MADE_UP_TEXTS = st.lists(
    st.tuples(
        st.sampled_from(BEFORE),
        st.sampled_from(MADE_UP_WORDS),
        st.sampled_from(AFTER),
        st.sampled_from([" ", " ", "\n", "\x1c", ""]),
    ),  # fmt: skip
    max_size=20,
).map(lambda parts: "".join("".join(part) for part in parts))

#: A context for each rule of the made-up model (NLTK's answer is the expected one)
MADE_UP_CONTEXTS = [
    "ended. Armenia", "ended. armenia,", "ended. Armenia's", "ended. Moscow", 'said. "We',
    "said.“", "said.”", "said. «Да", "ended.«", "ended.)", "ended. ...", "ended. .",
    "said. пашинян", "said. Пашинян:", "Mr. Putin", "Mr. putin", "Mr. Smith", "J. Smith",
    "J. smith", "J. Putin", "2021. the", "2021. The", "2021. However", "armenia. However",
    "armenia. however", "armenia. The", "armenia. Armenia", "ended... The", "ended... the",
    "said? no", "said! No", "said?!", "ended. The", "Ended. the",
]  # fmt: skip


@pytest.mark.parametrize("context", MADE_UP_CONTEXTS)
def test_each_rule_of_a_made_up_model_equals_nltk(context):
    tokenizer = _made_up_model()
    want = tokenizer.text_contains_sentbreak(context)
    decide = _punkt._fast(tokenizer)[1]
    sentbreak = _punkt._sentbreak_function(
        tokenizer, _punkt._compiled(tokenizer._lang_vars._word_tokenizer_re()).findall
    )
    assert decide(context) == want
    assert sentbreak(context) == want


def test_the_made_up_contexts_reach_both_answers():
    tokenizer = _made_up_model()
    answers = [tokenizer.text_contains_sentbreak(c) for c in MADE_UP_CONTEXTS]
    assert 8 <= sum(answers) <= len(answers) - 8


@settings(max_examples=300, deadline=None)
@given(MADE_UP_TEXTS)
def test_a_made_up_model_equals_nltk_on_generated_text(text):
    _check(_made_up_model(), text)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
def test_spans_equal_nltk_on_any_text(text):
    tokenizer = PunktSentenceTokenizer()
    assert _punkt.punkt_spans(tokenizer, text) == list(tokenizer.span_tokenize(text))


def test_other_punkt_tokenizers_are_left_to_nltk(monkeypatch):
    """Another language-vars class, a subclass that changes a decision, or an NLTK version
    this was not checked on: NLTK's own code, and its answers."""

    class Semicolons(PunktLanguageVars):
        sent_end_chars = (".", "?", "!", ";")

    class Never(PunktSentenceTokenizer):
        def text_contains_sentbreak(self, text):
            return False

    text = "One; two. Three? Four."
    custom = PunktSentenceTokenizer(lang_vars=Semicolons())
    never = Never()
    assert _punkt._fast(custom) is None and _punkt._fast(never) is None
    assert _punkt.punkt_spans(custom, text) == list(custom.span_tokenize(text))
    assert len(_punkt.punkt_spans(custom, text)) == 4
    assert _punkt.punkt_spans(never, text) == [(0, 22)]

    import nltk

    monkeypatch.setattr(nltk, "__version__", "3.11.0")
    assert _punkt._fast(PunktSentenceTokenizer()) is None


def test_spans_are_remembered_for_the_next_call(english, monkeypatch):
    """Splitting the same text again (find_hits with another lexicon) does not run Punkt
    again; the memory holds at most REMEMBERED_TEXTS texts, the oldest going first."""
    monkeypatch.setattr(_punkt, "REMEMBERED_TEXTS", 3)
    tokenizer = PunktSentenceTokenizer()
    calls = []
    spans = _punkt._spans
    monkeypatch.setattr(_punkt, "_spans", lambda text, *a: calls.append(text) or spans(text, *a))
    texts = [f"Text {i}. It ended. Armenia did not sign." for i in range(5)]
    first = [_punkt.punkt_spans(tokenizer, t) for t in texts]
    assert calls == texts and len(_punkt._fast(tokenizer)[3]) == 3
    assert [_punkt.punkt_spans(tokenizer, t) for t in texts[2:]] == first[2:]
    assert calls == texts  # remembered
    assert (
        _punkt.punkt_spans(tokenizer, texts[0])
        == first[0]
        == list(tokenizer.span_tokenize(texts[0]))
    )
    assert calls == [*texts, texts[0]]  # forgotten (the oldest), so split again


def test_sentence_spans_uses_the_fast_path(english, monkeypatch):
    """framing.tokens.sentence_spans goes through punkt_spans (and so find_hits does)."""
    seen = []
    monkeypatch.setattr(tokens, "punkt_spans", lambda t, text: seen.append(text) or [(0, 3)])
    assert tokens.sentence_spans("One. Two.") == [(0, 3)]
    assert seen == ["One. Two."]
