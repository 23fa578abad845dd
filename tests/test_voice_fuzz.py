"""Random texts through the voices stage: a result, never an error (issue 15, bad input).

Texts are drawn from the pieces that trouble quotation and attribution rules: every kind of
quotation mark (and the inch sign and the apostrophe), cues and pronouns in English and
Russian, names, negations, dashes, wire datelines, paragraph breaks, characters the engines
treat apart ("İ", "½", a combining accent) and long runs without punctuation. Whatever comes,
the tables keep the promises a user relies on: offsets inside the text, the quoted text as
the offsets say, one voice per hit from the four, voice spans in order and apart, and the
tokens of the voices adding up to the article's tokens.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing as fr
from framing.voices import voice_spans, voice_token_totals

_PIECES = ['"', "“", "”", "«", "»", "„", "'", "’", "‘", ",", ".", ":", ";", "—", "–", "-", "\n",
           "\n\n", " ", " ", " ", "said", "says", "told", "according to", "he", "she", "He",
           "the minister", "Lavrov", "Sergei Lavrov", "Pashinyan", "CSTO", "threat", "no", "not",
           "denied", "collapse", "заявил", "сказал", "по словам", "Лавров", "он", "угроза", "не",
           "нет", "что", "that", "(", ")", "?", "!", "…", "Mr.", "U.S.", '5"',
           "MOSCOW, April 1 (Reuters) -", "By", "Photo:", "İ", "½", "\u0301", "x" * 30]  # fmt: skip
_VOICES = {"narrative", "quote", "scare_quote", "reported"}
_LEXICON = {"t": ["threat", "угроз*", "collapse", "said", "lavrov", "he", "no"]}


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=60), min_size=1, max_size=3))
def test_random_texts_get_voices_that_keep_their_promises(docs):
    texts = ["".join(doc) for doc in docs]
    ids = [f"a{i}" for i in range(len(texts))]
    articles = pd.DataFrame({"article_id": ids, "date": "2022-01-01", "text": texts})
    by_id = dict(zip(ids, texts, strict=True))

    quotes = fr.find_quotes(articles)
    for row in quotes.itertuples(index=False):
        text = by_id[row.article_id]
        assert 0 <= row.start <= row.end <= len(text)
        assert row.text == text[row.start : row.end]
        assert row.kind in ("quote", "scare_quote")

    hits = fr.find_hits(articles, _LEXICON)
    voiced = fr.add_voice(hits, articles)
    assert len(voiced) == len(hits)
    assert set(voiced["voice"]) <= _VOICES
    assert (voiced.loc[voiced["voice"] == "narrative", "speaker"] == "").all()

    for article_id, spans in voice_spans(articles).groupby("article_id"):
        start, end = spans["start"].to_numpy(), spans["end"].to_numpy()
        assert (0 <= start).all() and (start <= end).all()
        assert (end <= len(by_id[article_id])).all()
        assert (start[1:] >= end[:-1]).all()  # in order, none overlapping

    # the tokens of the voices are the article's tokens (after NFKC: "½" is "1⁄2", two)
    totals = voice_token_totals(articles).groupby("article_id")["n_tokens"].sum()
    tokens = fr.token_counts(articles).set_index("article_id")["n_tokens"]
    assert {i: int(totals.get(i, 0)) for i in ids} == {i: int(tokens[i]) for i in ids}
