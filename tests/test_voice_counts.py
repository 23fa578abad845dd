"""count_by_period by voice and negation, from the researcher's side, against plain pandas.

The hits' ``voice``, ``speaker`` and ``negated`` are labelled here by hand (the spans of each
voice are written out for every passage), and the per-voice token totals are counted from
the same hand-written spans, so these tests do not depend on framing.voices. The tests
marked ``needs_voices`` check the calls into framing.voices.voice_token_totals and run once
that function is merged.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import framing as fr
from framing import FramingError, voices
from framing.aggregate import count_partials, counts_from_partials, rolling_counts
from framing.partials import combine_partials

VOICES = ["narrative", "quote", "scare_quote", "reported"]


def _voices_merged() -> bool:
    try:
        voices.voice_token_totals(pd.DataFrame({"article_id": ["a"], "text": ["Word."]}))
    except NotImplementedError:
        return False
    return True


#: the tests that call the real framing.voices.voice_token_totals (run at the merge)
needs_voices = pytest.mark.skipif(
    not _voices_merged(), reason="framing.voices.voice_token_totals is not merged yet"
)

# Each article: (id, date, outlet, text, spans); a span is (voice, speaker, the quoted words
# as written). Everything outside the spans is the outlet's own voice (narrative).
PASSAGES = [
    (
        "azat-1",
        "2024-04-02",
        "Azatutyun",
        "YEREVAN (Azatutyun) — Armenia has frozen its part in the CSTO. Prime Minister "
        "Pashinyan described the bloc as a threat to the country's security. “The collapse of "
        "the bloc is Yerevan's own doing, a threat to all of us,” Lavrov told reporters. Critics "
        "in Moscow speak of a “collapse”. There is no threat to the region, the ministry "
        "insists.",
        [
            ("reported", "Pashinyan", "the bloc as a threat to the country's security"),
            (
                "quote",
                "Lavrov",
                "The collapse of the bloc is Yerevan's own doing, a threat to all of us,",
            ),
            ("scare_quote", "", "collapse"),
        ],
    ),
    (
        "herald-1",
        "2024-04-10",
        "Herald",
        "The crisis deepens in the Caucasus. “We see no crisis and no threat,” the minister "
        "said on Tuesday. A new threat emerged overnight.",
        [("quote", "the minister", "We see no crisis and no threat,")],
    ),
    (
        "vesti-1",
        "2024-05-03",
        "Vesti",
        "Лавров заявил, что ОДКБ переживает кризис. «Никакой угрозы для Армении нет», — "
        "сказал он. Угроза реальна, пишут аналитики.",
        [
            ("reported", "Лавров", "ОДКБ переживает кризис"),
            ("quote", "Лавров", "Никакой угрозы для Армении нет"),
        ],
    ),
    ("herald-2", "2024-05-20", "Herald", "A calm day at the border.", []),
    (
        "azat-2",
        "2024-05-28",
        "Azatutyun",
        "The so-called “threat” was never explained. Officials said the crisis had passed.",
        [("scare_quote", "", "threat"), ("reported", "Officials", "the crisis had passed")],
    ),
]
# the hits that a negation cue governs: by article and the words that end with the hit
NEGATED = {("azat-1", "no threat"), ("herald-1", "no crisis"),
           ("herald-1", "no threat"), ("vesti-1", "Никакой угрозы")}  # fmt: skip
LEXICON = {
    "threat": ["threat*", "угроз*"],
    "crisis": ["crisis", "кризис*"],
    "collapse": ["collapse"],
}


def _spans(text: str, spans) -> list[tuple[int, int, str, str]]:
    """The offsets of the hand-written spans (the last occurrence of a repeated phrase for
    a scare quote, which follows its first mention)."""
    out = []
    for voice, speaker, words in spans:
        start = text.rfind(words) if voice == "scare_quote" else text.find(words)
        assert start >= 0, words
        out.append((start, start + len(words), voice, speaker))
    return out


def _voice_of(spans, offset: int) -> tuple[str, str]:
    for start, end, voice, speaker in spans:
        if start <= offset < end:
            return voice, speaker
    return "narrative", ""


@pytest.fixture(scope="module")
def voiced():
    """(articles, hits with voice/speaker/negated, per-voice token totals), labelled by hand."""
    articles = pd.DataFrame(
        [(i, pd.Timestamp(d), o, t) for i, d, o, t, _ in PASSAGES],
        columns=["article_id", "date", "outlet", "text"],
    )
    hits = fr.find_hits(articles, LEXICON)
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    spans = {i: _spans(t, s) for i, _, _, t, s in PASSAGES}
    labels = [
        _voice_of(spans[a], s) for a, s in zip(hits["article_id"], hits["start"], strict=True)
    ]
    hits["voice"] = [v for v, _ in labels]
    hits["speaker"] = [s for _, s in labels]
    hits["negated"] = [
        any(texts[a][:e].endswith(words) for (aid, words) in NEGATED if aid == a)
        for a, e in zip(hits["article_id"], hits["end"], strict=True)
    ]
    rows = []
    for aid, text in texts.items():
        starts = [m.start() for m in re.finditer(r"\w+", text)]
        for voice in VOICES:
            n = sum(_voice_of(spans[aid], s)[0] == voice for s in starts)
            rows.append((aid, voice, n))
    totals = pd.DataFrame(rows, columns=["article_id", "voice", "n_tokens"])
    return articles, hits, totals


def test_the_hand_labels_are_what_the_passages_say(voiced):
    """The fixture itself: the voice of each hit as a reader of these passages labels it."""
    _, hits, totals = voiced
    got = {(a, m, v, s, n) for a, m, v, s, n in
           hits[["article_id", "match", "voice", "speaker", "negated"]].itertuples(index=False)}  # fmt: skip
    assert ("azat-1", "threat", "reported", "Pashinyan", False) in got
    assert ("azat-1", "collapse", "scare_quote", "", False) in got
    assert ("azat-1", "threat", "narrative", "", True) in got
    assert ("herald-1", "crisis", "quote", "the minister", True) in got
    assert ("vesti-1", "кризис", "reported", "Лавров", False) in got
    assert ("vesti-1", "угрозы", "quote", "Лавров", True) in got
    assert ("vesti-1", "Угроза", "narrative", "", False) in got
    assert ("azat-2", "threat", "scare_quote", "", False) in got
    assert len(hits) == 14 and hits["negated"].sum() == 4
    words = totals.groupby("article_id")["n_tokens"].sum()
    assert (
        words.to_dict() == fr.token_counts(voiced[0]).set_index("article_id")["n_tokens"].to_dict()
    )


def oracle(articles, hits, totals, voices, by, freq="M"):
    """Plain pandas: the hits in ``voices`` grouped by period, ``by`` (and voice), frame;
    the tokens of ``voices`` summed; n_articles = articles with a token in those voices."""
    split = "voice" in by
    art_by = [c for c in by if c != "voice"]
    period = articles.assign(period=articles["date"].dt.to_period(freq).dt.start_time)
    period = period[["article_id", "period", *art_by]]
    tot = totals[totals["voice"].isin(voices)].merge(period, on="article_id")
    if not split:
        tot = tot.groupby(["article_id", "period", *art_by], as_index=False)["n_tokens"].sum()
    keys = ["period", *by]
    den = tot.groupby(keys).agg(
        n_articles=("n_tokens", lambda s: int((s > 0).sum())), n_tokens=("n_tokens", "sum")
    )
    h = hits[hits["voice"].isin(voices)].merge(period, on="article_id")
    num = h.groupby([*keys, "frame"]).agg(
        n_hits=("article_id", "size"), n_articles_with_hit=("article_id", "nunique")
    )
    return num.join(den, on=keys).reset_index()


def _compare(counts, expected, keys):
    got = counts[counts["n_hits"] > 0].set_index(keys).sort_index()
    exp = expected.set_index(keys).sort_index()
    assert got.index.equals(exp.index)
    for col in ("n_hits", "n_articles_with_hit", "n_articles", "n_tokens"):
        assert got[col].tolist() == exp[col].tolist(), col
    rate = exp["n_hits"] / exp["n_tokens"] * 1000
    np.testing.assert_allclose(got["per_1k_tokens"], rate)


@pytest.mark.parametrize(
    "voice", ["narrative", "quote", "scare_quote", "reported", ["quote", "scare_quote"]]
)
@pytest.mark.parametrize("by", [None, "outlet"])
def test_one_voice_is_counted_over_its_own_tokens(voiced, voice, by):
    articles, hits, totals = voiced
    counts = fr.count_by_period(hits, articles, voice=voice, by=by, token_totals=totals)
    voices = [voice] if isinstance(voice, str) else voice
    by_cols = [] if by is None else [by]
    _compare(counts, oracle(articles, hits, totals, voices, by_cols), ["period", *by_cols, "frame"])
    assert "voice" not in counts.columns


@pytest.mark.parametrize("by", ["voice", ["outlet", "voice"], ["voice", "outlet"]])
def test_by_voice_gives_each_voice_its_own_denominator(voiced, by):
    articles, hits, totals = voiced
    counts = fr.count_by_period(hits, articles, by=by, token_totals=totals)
    by_cols = [by] if isinstance(by, str) else by
    assert list(counts.columns[1 : 1 + len(by_cols)]) == by_cols
    _compare(counts, oracle(articles, hits, totals, VOICES, by_cols), ["period", *by_cols, "frame"])
    # the voices split the tokens and the hits of the plain count, nothing lost or doubled
    plain = fr.count_by_period(hits, articles, by=[c for c in by_cols if c != "voice"])
    keys = ["period", *[c for c in by_cols if c != "voice"], "frame"]
    summed = counts.groupby(keys)[["n_hits", "n_tokens"]].sum()
    assert summed["n_hits"].tolist() == plain.set_index(keys).loc[summed.index, "n_hits"].tolist()
    assert (
        summed["n_tokens"].tolist() == plain.set_index(keys).loc[summed.index, "n_tokens"].tolist()
    )
    assert set(counts["voice"]) == set(VOICES)


def test_n_articles_of_a_voice_are_the_articles_where_it_speaks(voiced):
    articles, hits, totals = voiced
    counts = fr.count_by_period(hits, articles, by="voice", token_totals=totals, freq="Y")
    cell = counts[counts["frame"] == "threat"].set_index("voice")
    # five articles in 2024; all but the calm one quote someone or report speech
    assert cell.loc["narrative", "n_articles"] == 5
    assert cell.loc["quote", "n_articles"] == 3
    assert cell.loc["reported", "n_articles"] == 3
    assert cell.loc["scare_quote", "n_articles"] == 2
    # the share of articles with a quote in which a quote carries the threat frame
    assert cell.loc["quote", "n_articles_with_hit"] == 3
    assert cell.loc["quote", "share_of_articles"] == 1.0


def test_voice_and_by_voice_count_the_chosen_voices_apart(voiced):
    articles, hits, totals = voiced
    counts = fr.count_by_period(
        hits, articles, voice=["quote", "scare_quote"], by="voice", token_totals=totals
    )
    assert set(counts["voice"]) == {"quote", "scare_quote"}
    expected = oracle(articles, hits, totals, ["quote", "scare_quote"], ["voice"])
    _compare(counts, expected, ["period", "voice", "frame"])


def test_a_voice_without_articles_in_a_period_has_undefined_rates(voiced):
    articles, hits, totals = voiced
    counts = fr.count_by_period(hits, articles, voice="scare_quote", token_totals=totals)
    april = counts[counts["period"] == "2024-04-01"]
    may = counts[counts["period"] == "2024-05-01"]
    assert (april["n_articles"] == 1).all() and (may["n_articles"] == 1).all()
    none = fr.count_by_period(
        hits[hits["voice"] != "reported"], articles, by="voice", token_totals=totals,
        start="2024-03-01",
    )  # fmt: skip
    march = none[none["period"] == "2024-03-01"]
    assert len(march) == 4 * 3 and (march["n_articles"] == 0).all()
    assert march["per_1k_tokens"].isna().all()


@pytest.mark.parametrize("voice", [None, "narrative", "quote"])
def test_negated_hits_dropped_or_counted_apart(voiced, voice):
    articles, hits, totals = voiced
    kwargs = {"voice": voice, "token_totals": totals} if voice else {}
    keep = fr.count_by_period(hits, articles, **kwargs)
    drop = fr.count_by_period(hits, articles, negated="drop", **kwargs)
    apart = fr.count_by_period(hits, articles, negated="apart", **kwargs)
    chosen = hits if voice is None else hits[hits["voice"] == voice]
    # dropping: the hits that are not negated, over the same denominators
    assert drop["n_hits"].sum() == (~chosen["negated"]).sum()
    cols = ["period", "frame", "n_articles", "n_tokens"]
    assert drop[cols].equals(keep[cols])
    # apart: one row per cell and negated (False, True); the two add up to keep's
    assert apart.columns.tolist()[:3] == ["period", "frame", "negated"]
    assert len(apart) == 2 * len(keep) and apart["negated"].dtype == bool
    summed = apart.groupby(["period", "frame"], sort=False)["n_hits"].sum()
    assert (
        summed.tolist() == keep.set_index(["period", "frame"]).loc[summed.index, "n_hits"].tolist()
    )
    expected = (
        chosen.merge(articles, on="article_id")
        .assign(period=lambda d: d["date"].dt.to_period("M").dt.start_time)
        .groupby(["period", "frame", "negated"])
        .agg(n_hits=("article_id", "size"), n_articles_with_hit=("article_id", "nunique"))
    )
    got = apart[apart["n_hits"] > 0].set_index(["period", "frame", "negated"]).sort_index()
    assert got[["n_hits", "n_articles_with_hit"]].equals(expected.sort_index())
    den = apart.drop_duplicates(["period", "frame"])[cols].reset_index(drop=True)
    assert den.equals(keep[cols])


def test_provenance_names_the_voice_and_negation(voiced):
    articles, hits, totals = voiced
    counts = fr.count_by_period(
        hits, articles, voice=["quote", "scare_quote"], negated="drop", token_totals=totals
    )
    prov = counts.attrs["provenance"]
    assert prov["voice"] == ["quote", "scare_quote"]
    assert prov["negated"] == "drop"
    plain = fr.count_by_period(hits, articles).attrs["provenance"]
    assert "voice" not in plain and "negated" not in plain


def test_voice_columns_are_ignored_unless_asked(voiced):
    articles, hits, totals = voiced
    plain = hits.drop(columns=["voice", "speaker", "negated"])
    asked = fr.count_by_period(hits, articles, by="outlet")
    assert asked.equals(fr.count_by_period(plain, articles, by="outlet"))
    # per-voice token totals without voice=: summed per article, the plain denominators
    assert fr.count_by_period(hits, articles, token_totals=totals).equals(
        fr.count_by_period(plain, articles)
    )


def test_does_not_mutate_the_tables(voiced):
    articles, hits, totals = voiced
    before = (articles.copy(), hits.copy(), totals.copy())
    fr.count_by_period(hits, articles, by="voice", negated="apart", token_totals=totals)
    for table, copy in zip((articles, hits, totals), before, strict=True):
        pd.testing.assert_frame_equal(table, copy)


def test_batches_add_up_to_the_whole_count(voiced):
    articles, hits, totals = voiced
    options = {"by": "voice", "negated": "apart", "token_totals": totals}
    halves = [articles.iloc[:2], articles.iloc[2:]]
    parts = [
        count_partials(hits[hits["article_id"].isin(half["article_id"])], half, **options)
        for half in halves
    ]
    whole = fr.count_by_period(hits, articles, **options)
    assert counts_from_partials(combine_partials(parts)).equals(whole)
    other = count_partials(hits, articles, token_totals=totals, voice="quote")
    with pytest.raises(FramingError, match="voice"):
        combine_partials([parts[0], other])


def test_rolling_counts_keep_voices_and_negation_apart(voiced):
    articles, hits, totals = voiced
    counts = fr.count_by_period(
        hits, articles, by="voice", negated="apart", token_totals=totals, freq="W"
    )
    rolled = rolling_counts(counts, 3)
    for key, series in counts.groupby(["voice", "negated", "frame"]):
        one = rolling_counts(series.drop(columns=["voice", "negated"]).reset_index(drop=True), 3)
        mine = rolled.loc[series.index]
        assert mine["n_hits"].tolist() == one["n_hits"].tolist(), key
        assert mine["n_tokens"].tolist() == one["n_tokens"].tolist(), key


def _no_voice(hits):
    return hits.drop(columns=["voice", "speaker", "negated"])


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda a, h, t: fr.count_by_period(_no_voice(h), a, voice="quote", token_totals=t),
         r"no 'voice' column.*fr\.add_voice\(hits, articles\)"),
        (lambda a, h, t: fr.count_by_period(_no_voice(h), a, by=["outlet", "voice"]),
         r"by='voice'.*fr\.add_voice\(hits, articles\)"),
        (lambda a, h, t: fr.count_by_period(h, a, voice="quotes", token_totals=t),
         r"voice=.*'quotes'.*'narrative', 'quote', 'scare_quote', 'reported'"),
        (lambda a, h, t: fr.count_by_period(h, a, voice=["quote", "own"], token_totals=t),
         r"'own'"),
        (lambda a, h, t: fr.count_by_period(h, a, voice=[], token_totals=t),
         r"voice=.*no voice"),
        (lambda a, h, t: fr.count_by_period(_no_voice(h), a, negated="drop"),
         r"negated=.*no 'negated' column.*add_voice"),
        (lambda a, h, t: fr.count_by_period(h, a, negated="ignore"),
         r"negated=.*'keep', 'drop', 'apart'"),
        (lambda a, h, t: fr.count_by_period(
            h, a, voice="quote", token_totals=fr.token_counts(a)),
         r"token_totals.*no 'voice' column.*voice_token_totals"),
        (lambda a, h, t: fr.count_by_period(h, a, voice="quote", token_totals=t.iloc[4:]),
         r"token_totals lacks 1 of the articles.*'azat-1'"),
        (lambda a, h, t: fr.count_by_period(
            h, a, voice="quote", token_totals=t.replace({"voice": {"quote": "Quote"}})),
         r"token_totals.*'Quote'"),
        (lambda a, h, t: fr.count_by_period(
            h.assign(voice=h["voice"].replace({"reported": "indirect"})), a, by="voice",
            token_totals=t),
         r"hits.*'indirect'.*add_voice"),
        (lambda a, h, t: fr.count_by_period(h.assign(negated="maybe"), a, negated="apart"),
         r"'negated' column.*'maybe'"),
    ],
)  # fmt: skip
def test_clear_errors(voiced, call, message):
    articles, hits, totals = voiced
    with pytest.raises(FramingError, match=message):
        call(articles, hits, totals)


def test_negated_read_back_from_csv_is_understood(voiced, tmp_path):
    articles, hits, totals = voiced
    hits.to_csv(tmp_path / "hits.csv", index=False)
    back = pd.read_csv(tmp_path / "hits.csv")
    back["negated"] = back["negated"].astype(str)  # as a spreadsheet round trip leaves it
    counts = fr.count_by_period(back, articles, negated="apart", frames=list(LEXICON))
    assert counts.equals(fr.count_by_period(hits, articles, negated="apart"))


@needs_voices
def test_voice_totals_are_computed_when_not_given(voiced):
    articles, hits, _ = voiced
    totals = voices.voice_token_totals(articles)
    for options in ({"voice": "quote"}, {"by": ["outlet", "voice"]}, {"voice": "narrative"}):
        assert fr.count_by_period(hits, articles, **options).equals(
            fr.count_by_period(hits, articles, token_totals=totals, **options)
        )
    by_voice = fr.count_by_period(hits, articles, by="voice")
    plain = fr.count_by_period(hits, articles)
    tokens = by_voice.groupby(["period", "frame"], sort=False)["n_tokens"].sum()
    assert tokens.tolist() == plain["n_tokens"].tolist()


@pytest.mark.parametrize(
    "change",
    [
        lambda a, h: (a, h.iloc[:0]),  # no hits at all: denominators only
        lambda a, h: (a.assign(date=a["date"].dt.tz_localize("Asia/Yerevan")), h),
        lambda a, h: (a.iloc[::-1], h.iloc[::-1]),  # order does not matter
        lambda a, h: (a.assign(outlet=a["outlet"].where(a.index != 1)), h),  # missing outlet
    ],
)
@pytest.mark.parametrize("level", ["frame", "entry"])
def test_odd_inputs_still_count_by_voice(voiced, change, level):
    articles, hits, totals = voiced
    arts, h = change(articles, hits)
    counts = fr.count_by_period(h, arts, by=["outlet", "voice"], level=level, token_totals=totals)
    labels = ["frame", "entry"] if level == "entry" else ["frame"]
    if h.empty and level == "entry":  # no entries known without hits: nothing to fill
        assert counts.empty
        return
    got = counts.groupby("voice")["n_hits"].sum()
    assert got.reindex(VOICES, fill_value=0).tolist() == [
        int((h["voice"] == v).sum()) for v in VOICES
    ]
    # each voice's tokens in each cell are the same for every frame (and entry)
    per_cell = counts.groupby(["period", "outlet", "voice"])["n_tokens"].nunique()
    assert (per_cell == 1).all()
    tokens = counts.drop_duplicates(["period", "outlet", "voice"])["n_tokens"].sum()
    assert tokens == totals["n_tokens"].sum()
    assert list(counts.columns[: 4 + len(labels) - 1]) == ["period", "outlet", "voice", *labels]


def test_a_hit_without_a_voice_is_refused(voiced):
    articles, hits, totals = voiced
    gap = hits.assign(voice=hits["voice"].where(hits.index != 3))
    with pytest.raises(FramingError, match=r"1 values that are not a voice \(e\.g\. nan"):
        fr.count_by_period(gap, articles, voice="quote", token_totals=totals)


def test_token_totals_in_any_order_with_other_articles_and_zero_rows_left_out(voiced):
    articles, hits, totals = voiced
    expected = fr.count_by_period(hits, articles, by="voice", token_totals=totals)
    other = pd.DataFrame({"article_id": ["elsewhere"] * 4, "voice": VOICES, "n_tokens": 9})
    for table in (
        totals.sample(frac=1, random_state=1),  # shuffled
        pd.concat([other, totals], ignore_index=True),  # an article not counted
        totals[totals["n_tokens"] > 0],  # the zeros left out
    ):
        assert fr.count_by_period(hits, articles, by="voice", token_totals=table).equals(expected)
