"""The voices stage on the hits table (framing/voices/annotate.py): add_voice, voice_token_totals.

The voice spans are built by hand here (from the quoted and reported passages of each text),
so these tests do not depend on framing.voices.voice_spans; the tests that run the real
voice_spans are skipped while it is not implemented (see ``needs_voice_spans``).
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd
import pytest

import framing as fr
from framing._errors import FramingError
from framing.voices import add_voice, voice_spans, voice_token_totals
from framing.voices.annotate import VOICES, article_languages


def _voice_spans_ready() -> bool:
    try:
        voice_spans(pd.DataFrame({"article_id": ["a"], "text": ["He said: “yes”."]}))
    except NotImplementedError:
        return False
    return True


#: the tests that need the real voice_spans (the quotes helper's part): they run once it is in
needs_voice_spans = pytest.mark.skipif(
    not _voice_spans_ready(), reason="framing.voices.voice_spans is not implemented yet"
)

ARMENIA = (
    "YEREVAN (Azatutyun) — Armenia has frozen its participation in the CSTO, a crisis the bloc "
    "has not seen before. Prime Minister Nikol Pashinyan described the move as an effective "
    "suspension. “The organization is facing collapse,” Lavrov told reporters, adding that "
    "there was no threat to Russia. The bloc’s “zone of responsibility” in the region is "
    "unchanged. An unnamed CSTO official said the alliance was not in crisis."
)
RUSSIAN = (
    "Министр иностранных дел России Сергей Лавров заявил, что угрозы распада ОДКБ нет. "
    "«Никакого кризиса в организации нет», — сказал он. Эксперты говорят о «распаде» союза."
)


def _span(text: str, piece: str, voice: str, speaker: str, cue: str = "", *, article="a"):
    start = text.index(piece)
    return {
        "article_id": article,
        "start": start,
        "end": start + len(piece),
        "voice": voice,
        "speaker": speaker,
        "cue": cue,
    }


def _hit(text: str, word: str, *, article="a", nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return {
        "article_id": article,
        "frame": "f",
        "match": word,
        "start": start,
        "end": start + len(word),
    }


@pytest.fixture
def armenia():
    articles = pd.DataFrame(
        {"article_id": ["a", "r"], "text": [ARMENIA, RUSSIAN], "lang": ["en", None]}
    )
    spans = pd.DataFrame(
        [
            _span(ARMENIA, "an effective suspension", "reported", "Nikol Pashinyan", "described"),
            _span(ARMENIA, "The organization is facing collapse,", "quote", "Lavrov", "told"),
            _span(ARMENIA, "there was no threat to Russia", "reported", "Lavrov", "adding"),
            _span(ARMENIA, "zone of responsibility", "scare_quote", ""),
            _span(
                ARMENIA,
                "the alliance was not in crisis",
                "reported",
                "An unnamed CSTO official",
                "said",
            ),
            _span(
                RUSSIAN,
                "угрозы распада ОДКБ нет",
                "reported",
                "Сергей Лавров",
                "заявил",
                article="r",
            ),
            _span(
                RUSSIAN,
                "Никакого кризиса в организации нет",
                "quote",
                "Сергей Лавров",
                "сказал",
                article="r",
            ),
            _span(RUSSIAN, "распаде", "scare_quote", "", article="r"),
        ]
    )
    return articles, spans


# (article, word, nth occurrence, voice, speaker, negated)
HAND_LABELLED = [
    ("a", "crisis", 0, "narrative", "", False),
    ("a", "suspension", 0, "reported", "Nikol Pashinyan", False),
    ("a", "collapse", 0, "quote", "Lavrov", False),
    ("a", "threat", 0, "reported", "Lavrov", True),
    ("a", "responsibility", 0, "scare_quote", "", False),
    ("a", "crisis", 1, "reported", "An unnamed CSTO official", True),
    ("a", "CSTO", 0, "narrative", "", False),
    ("r", "угрозы", 0, "reported", "Сергей Лавров", True),
    ("r", "распада", 0, "reported", "Сергей Лавров", True),
    ("r", "кризиса", 0, "quote", "Сергей Лавров", True),
    ("r", "распаде", 0, "scare_quote", "", False),
    ("r", "России", 0, "narrative", "", False),
]


def test_hand_labelled_hits(armenia):
    articles, spans = armenia
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    hits = pd.DataFrame([_hit(texts[a], w, article=a, nth=n) for a, w, n, *_ in HAND_LABELLED])
    out = add_voice(hits, articles, spans=spans)
    got = list(zip(out["voice"], out["speaker"], out["negated"], strict=True))
    assert got == [tuple(row[3:]) for row in HAND_LABELLED]


def test_hits_shuffled_and_spans_shuffled(armenia):
    articles, spans = armenia
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    hits = pd.DataFrame([_hit(texts[a], w, article=a, nth=n) for a, w, n, *_ in HAND_LABELLED])
    expected = add_voice(hits, articles, spans=spans)
    order = np.random.default_rng(3).permutation(len(hits))
    shuffled = add_voice(
        hits.iloc[order], articles.iloc[::-1], spans=spans.sample(frac=1, random_state=1)
    )
    pd.testing.assert_frame_equal(shuffled, expected.iloc[order])


@pytest.mark.parametrize(
    ("offset", "voice"),
    [(9, "narrative"), (10, "quote"), (14, "quote"), (19, "quote"), (20, "narrative")],
)
def test_span_edges(offset, voice):
    # the span [10, 20) holds its first character and not its end
    articles = pd.DataFrame({"article_id": [7], "text": ["x" * 40]})
    spans = pd.DataFrame(
        {
            "article_id": [7],
            "start": [10],
            "end": [20],
            "voice": ["quote"],
            "speaker": ["S"],
            "cue": [""],
        }
    )
    hits = pd.DataFrame({"article_id": [7], "start": [offset], "end": [offset + 1]})
    out = add_voice(hits, articles, spans=spans)
    assert out["voice"].tolist() == [voice]
    assert out["speaker"].tolist() == ["S" if voice == "quote" else ""]


def test_spans_of_another_article_do_not_leak():
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "text": ["one two three"] * 3})
    spans = pd.DataFrame(
        {
            "article_id": ["a", "zz"],
            "start": [0, 0],
            "end": [13, 13],
            "voice": ["quote", "quote"],
            "speaker": ["A", "Z"],
            "cue": ["", ""],
        }
    )
    hits = pd.DataFrame({"article_id": ["b", "a", "c"], "start": [4, 4, 4], "end": [7, 7, 7]})
    out = add_voice(hits, articles, spans=spans)
    assert out["voice"].tolist() == ["narrative", "quote", "narrative"]
    assert out["speaker"].tolist() == ["", "A", ""]


def test_a_new_table_with_the_hits_columns_index_and_attrs(armenia):
    articles, spans = armenia
    hits = pd.DataFrame([_hit(ARMENIA, "threat"), _hit(ARMENIA, "crisis")], index=[10, 3])
    hits.attrs["frames"] = ["f"]
    before, spans_before = hits.copy(), spans.copy()
    out = add_voice(hits, articles, spans=spans)
    pd.testing.assert_frame_equal(hits, before)
    pd.testing.assert_frame_equal(spans, spans_before)
    assert out is not hits and out.index.tolist() == [10, 3]
    assert out.columns.tolist() == [*hits.columns, "voice", "speaker", "negated"]
    assert out.attrs == {"frames": ["f"]} and out.attrs is not hits.attrs
    assert out["negated"].dtype == bool
    again = add_voice(out, articles, spans=spans)  # columns of those names are replaced
    pd.testing.assert_frame_equal(again, out)


def test_empty_hits(armenia):
    articles, spans = armenia
    hits = pd.DataFrame({"article_id": pd.Series([], dtype=object), "start": [], "end": []})
    out = add_voice(hits.astype({"start": "int64", "end": "int64"}), articles, spans=spans)
    assert out.empty and out.columns.tolist()[-3:] == ["voice", "speaker", "negated"]
    assert out["negated"].dtype == bool


def test_language_from_lang_else_script():
    text_ru = "Москва не видит угрозы."
    articles = pd.DataFrame(
        {
            "article_id": ["x", "y", "z"],
            "text": [text_ru, text_ru, "No threat."],
            "lang": [None, "en", float("nan")],
        }
    )
    assert article_languages(articles, np.arange(3)) == ["russian", "english", "english"]
    at = text_ru.index("угрозы")
    hits = pd.DataFrame(
        {"article_id": ["x", "y", "z"], "start": [at, at, 3], "end": [at + 6, at + 6, 9]}
    )
    spans = pd.DataFrame(columns=["article_id", "start", "end", "voice", "speaker", "cue"])
    out = add_voice(hits, articles, spans=spans)
    # "y" claims English: its Russian "не" is no English cue
    assert out["negated"].tolist() == [True, False, True]
    no_lang = add_voice(hits, articles.drop(columns="lang"), spans=spans)
    assert no_lang["negated"].tolist() == [True, True, True]


def test_missing_text_gives_narrative_and_not_negated():
    articles = pd.DataFrame({"article_id": ["a", "b"], "text": [None, float("nan")]})
    hits = pd.DataFrame({"article_id": ["a", "b"], "start": [0, 0], "end": [3, 3]})
    spans = pd.DataFrame(columns=["article_id", "start", "end", "voice", "speaker", "cue"])
    out = add_voice(hits, articles, spans=spans)
    assert out["voice"].tolist() == ["narrative"] * 2 and not out["negated"].any()


def test_with_find_hits_and_the_security_lexicon(armenia):
    articles, spans = armenia
    hits = fr.find_hits(articles, fr.load_lexicon("security"))
    out = add_voice(hits, articles, spans=spans)
    assert len(out) == len(hits) and set(out["voice"]) <= set(VOICES)
    threat = out[(out["article_id"] == "a") & (out["match"] == "threat")]
    assert threat[["voice", "speaker", "negated"]].values.tolist() == [["reported", "Lavrov", True]]
    assert out.attrs == hits.attrs


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda h, a, s: add_voice(h.drop(columns="start"), a, spans=s), "no column 'start'"),
        (lambda h, a, s: add_voice(h.drop(columns="end"), a, spans=s), "no column 'end'"),
        (lambda h, a, s: add_voice(h, a.drop(columns="text"), spans=s), "no column 'text'"),
        (lambda h, a, s: add_voice(a, h, spans=s), "needs the hits table first"),
        (
            lambda h, a, s: add_voice(h.assign(article_id="nope"), a, spans=s),
            "not in the articles table: 'nope'",
        ),
        (lambda h, a, s: add_voice(h, pd.concat([a, a]), spans=s), "duplicate article_id"),
        (lambda h, a, s: add_voice(h, a, spans=s.drop(columns="voice")), "no column 'voice'"),
        (lambda h, a, s: add_voice(h, a, spans=s.assign(voice="speech")), "'speech'"),
        (lambda h, a, s: add_voice(h.assign(start=np.nan), a, spans=s), "'start' column"),
        (lambda h, a, s: voice_token_totals(a.drop(columns="text"), spans=s), "no column 'text'"),
        (lambda h, a, s: voice_token_totals(a, spans=s.drop(columns="end")), "no column 'end'"),
        (lambda h, a, s: voice_token_totals(a, spans="spans"), "as a pandas DataFrame"),
    ],
)
def test_errors_name_the_argument(armenia, call, message):
    articles, spans = armenia
    hits = pd.DataFrame([_hit(ARMENIA, "threat")])
    with pytest.raises(FramingError, match=message) as caught:
        call(hits, articles, spans)
    name = "voice_token_totals" if "voice_token_totals" in str(caught.value) else "add_voice"
    assert str(caught.value).startswith(name)


# ---- voice_token_totals ---------------------------------------------------------------


def test_voice_token_totals_by_hand(armenia):
    articles, spans = armenia
    out = voice_token_totals(articles, spans=spans)
    assert out.columns.tolist() == ["article_id", "voice", "n_tokens"]
    assert out["article_id"].tolist() == ["a"] * 4 + ["r"] * 4
    assert out["voice"].tolist() == list(VOICES) * 2
    a = out[out["article_id"] == "a"].set_index("voice")["n_tokens"].to_dict()
    # quote: The organization is facing collapse; scare: zone of responsibility; reported:
    # an effective suspension + there was no threat to Russia + the alliance was not in crisis
    assert a == {
        "quote": 5,
        "scare_quote": 3,
        "reported": 3 + 6 + 6,
        "narrative": fr.token_counts(articles)["n_tokens"][0] - 23,
    }
    r = out[out["article_id"] == "r"].set_index("voice")["n_tokens"].to_dict()
    assert r["quote"] == 5 and r["scare_quote"] == 1 and r["reported"] == 4
    assert out["n_tokens"].dtype == np.int64


def test_voice_token_totals_zero_rows_and_missing_text():
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "text": ["Calm day.", None, ""]})
    spans = pd.DataFrame(columns=["article_id", "start", "end", "voice", "speaker", "cue"])
    out = voice_token_totals(articles, spans=spans)
    assert out["n_tokens"].tolist() == [2, 0, 0, 0] + [0] * 8


def test_a_token_belongs_to_the_span_holding_its_first_character():
    text = "alpha beta gamma"
    articles = pd.DataFrame({"article_id": ["a"], "text": [text]})
    # the span starts inside "alpha" and ends inside "gamma": beta and gamma start in it
    spans = pd.DataFrame(
        {
            "article_id": ["a"],
            "start": [2],
            "end": [12],
            "voice": ["quote"],
            "speaker": [""],
            "cue": [""],
        }
    )
    out = voice_token_totals(articles, spans=spans)
    assert out["n_tokens"].tolist() == [1, 2, 0, 0]


@pytest.mark.parametrize(
    "text",
    [
        "Decree № 5 on the ﬁnal “collapse” of ＣＳＴＯ talks",
        unicodedata.normalize("NFD", "Résumé of the “crise” — séance ½ levée"),
        "Лавров: «Угрозы нет» (ОДКБ) – конец",
    ],
    ids=["nfkc", "nfd", "russian"],
)
def test_offsets_refer_to_the_text_as_given(text):
    articles = pd.DataFrame({"article_id": ["a"], "text": [text]})
    lo = text.index("“") + 1 if "“" in text else text.index("«") + 1
    hi = text.index("”") if "”" in text else text.index("»")
    spans = pd.DataFrame(
        {
            "article_id": ["a"],
            "start": [lo],
            "end": [hi],
            "voice": ["scare_quote"],
            "speaker": [""],
            "cue": [""],
        }
    )
    out = voice_token_totals(articles, spans=spans).set_index("voice")["n_tokens"]
    assert out["scare_quote"] == len(fr.tokens.word_tokens(text[lo:hi]))
    assert out.sum() == fr.token_counts(articles)["n_tokens"][0]


def test_voice_token_totals_on_real_press_releases(news_dir):
    news = pd.read_csv(news_dir / "press_releases_sample_100.csv", dtype=str, keep_default_na=False)
    articles = news.rename(columns={"id": "article_id"})[["article_id", "text"]]
    rows = []
    for i, (aid, text) in enumerate(zip(articles["article_id"], articles["text"], strict=True)):
        # spans at arbitrary places, many inside words: the sum must hold whatever they are
        n = len(text)
        cuts = sorted({(k * 7919 + i * 31) % max(n, 1) for k in range(1, 9)})
        for j, (lo, hi) in enumerate(zip(cuts[::2], cuts[1::2], strict=False)):
            rows.append(
                {
                    "article_id": aid,
                    "start": lo,
                    "end": hi,
                    "voice": VOICES[1 + j % 3],
                    "speaker": "",
                    "cue": "",
                }
            )
    spans = pd.DataFrame(rows)
    out = voice_token_totals(articles, spans=spans)
    assert len(out) == 4 * len(articles)
    sums = out.groupby("article_id", sort=False)["n_tokens"].sum()
    expected = fr.token_counts(articles).set_index("article_id")["n_tokens"]
    pd.testing.assert_series_equal(sums, expected, check_names=False)
    assert (out["n_tokens"] >= 0).all() and (
        out.loc[out["voice"] != "narrative", "n_tokens"] > 0
    ).any()


# ---- with the real voice spans (run once framing.voices.voice_spans is in) ---------------


@needs_voice_spans
def test_add_voice_with_the_real_voice_spans(armenia):
    articles, _ = armenia
    hits = pd.DataFrame(
        [_hit(ARMENIA, "collapse"), _hit(ARMENIA, "responsibility"), _hit(ARMENIA, "crisis")]
    )
    out = add_voice(hits, articles)
    assert out["voice"].tolist() == ["quote", "scare_quote", "narrative"]
    assert out["speaker"].tolist()[0] == "Lavrov"


@needs_voice_spans
def test_voice_token_totals_with_the_real_voice_spans(armenia):
    articles, _ = armenia
    out = voice_token_totals(articles)
    sums = out.groupby("article_id", sort=False)["n_tokens"].sum()
    assert sums.tolist() == fr.token_counts(articles)["n_tokens"].tolist()
    assert out.loc[out["voice"] == "quote", "n_tokens"].gt(0).all()


def test_a_megabyte_without_punctuation_inside_one_span():
    # a quote spanning the whole article, a text with no punctuation, many hits: a result
    text = "no threat and no crisis " * 45_000
    articles = pd.DataFrame({"article_id": ["big"], "text": [text]})
    spans = pd.DataFrame({"article_id": ["big"], "start": [0], "end": [len(text)],
                          "voice": ["quote"], "speaker": ["X"], "cue": [""]})  # fmt: skip
    starts = np.arange(3, len(text), 24 * 50)
    hits = pd.DataFrame({"article_id": "big", "start": starts, "end": starts + 6})
    out = add_voice(hits, articles, spans=spans)
    assert (out["voice"] == "quote").all() and out["negated"].all()
    totals = voice_token_totals(articles, spans=spans)
    assert totals["n_tokens"].tolist() == [0, 5 * 45_000, 0, 0]
