"""collocates: counts checked by hand and against a plain per-token reading, the statistics
against framing.association, groups against separate runs, and the errors."""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd
import pytest

from framing import FramingError
from framing.association import g2
from framing.contexts import collocates
from framing.match import find_hits
from framing.tokens import word_tokens

TEXTS = [
    "Moscow said NATO expansion posed a direct threat to Russia's security, officials said.",
    "The threat of sanctions loomed; European security talks stalled. A threat? No threat.",
    "Officials described the drill as a grave security threat to the region’s stability.",
    "Экономическая угроза растёт, сказал министр. Угрозы безопасности растут.",
    "Oil prices rose as OPEC cut output. Crude futures gained; ﬁnal trade was calm.",
    "Security threats grew: ＣＳＴＯ officials said the threat was real.",
]


@pytest.fixture
def articles():
    return pd.DataFrame({
        "article_id": [f"a{i}" for i in range(len(TEXTS))],
        "outlet": ["Kremlin", "Reuters", "TASS", "RIA", "Reuters", "TASS"],
        "text": TEXTS,
    })  # fmt: skip


def reference(texts, is_node, window):
    """Plain reading: per article, mark nodes and window positions token by token."""
    in_win, rest, pairs_in, pairs_rest = Counter(), Counter(), Counter(), Counter()
    for text in texts:
        toks = word_tokens(text)
        nodes = [is_node(toks, i) for i in range(len(toks))]
        node_at = set()
        for i in range(len(toks)):
            if nodes[i]:
                node_at.update(range(i, i + nodes[i]))
        win = set()
        for i in range(len(toks)):
            if nodes[i]:
                win.update(range(max(0, i - window), i))
                win.update(range(i + nodes[i], min(len(toks), i + nodes[i] + window)))
        win -= node_at
        for i, t in enumerate(toks):
            if i not in node_at:
                (in_win if i in win else rest)[t] += 1
            if i + 1 < len(toks) and i not in node_at and i + 1 not in node_at:
                pair = f"{t} {toks[i + 1]}"
                (pairs_in if i in win and i + 1 in win else pairs_rest)[pair] += 1
    return in_win, rest, pairs_in, pairs_rest


def threat_node(toks, i):
    return 1 if re.fullmatch(r"threat\w*", toks[i]) else 0


@pytest.mark.parametrize("window", [1, 2, 5, 30])
def test_counts_against_a_plain_reading(articles, window):
    table = collocates(articles, "threat*", window=window, min_count=1)
    in_win, rest, pairs_in, pairs_rest = reference(TEXTS, threat_node, window)
    words = table[table["n_words"] == 1].set_index("collocate")
    assert words["n_window"].to_dict() == dict(in_win)
    for word, row in words.iterrows():
        assert row["n_corpus"] == in_win[word] + rest[word]
    phrases = table[table["n_words"] == 2].set_index("collocate")
    assert phrases["n_window"].to_dict() == dict(pairs_in)
    for pair, row in phrases.iterrows():
        assert row["n_corpus"] == pairs_in[pair] + pairs_rest[pair]
    # the statistics are framing.association's on the 2x2 table
    c = sum(in_win.values())
    d = sum(rest.values())
    want = g2(words["n_window"], words["n_corpus"] - words["n_window"], c, d)
    assert words["g2"].abs().to_numpy() == pytest.approx(want)


def test_by_hand_windows_overlap_once_and_stop_at_the_article():
    arts = pd.DataFrame({"article_id": ["a", "b"],
                         "text": ["war threat threat peace", "calm talks"]})  # fmt: skip
    table = collocates(arts, "threat", window=2, min_count=1).set_index("collocate")
    # windows: "war" and "peace" (each once, though in two windows); nodes not counted;
    # article b is outside every window
    assert table["n_window"].to_dict() == {"war": 1, "peace": 1}
    assert table.loc["war", "n_corpus"] == 1
    assert table.attrs["collocates"]["n_hits"] == 2


def test_phrase_entries_are_nodes_of_their_length(articles):
    table = collocates(articles, "security threat", window=2, min_count=1)
    words = set(table.loc[table["n_words"] == 1, "collocate"])
    assert {"a", "grave", "to", "the"} <= words
    assert "security" not in words or table.set_index("collocate").loc["security", "n_window"] == 0


def test_russian_and_nfkc_texts_line_up(articles):
    hits = find_hits(articles, {"t": ["угроз*", "csto", "final"]})
    table = collocates(articles, hits, window=1, min_count=1)
    words = set(table.loc[table["n_words"] == 1, "collocate"])
    # "ＣＳＴＯ" and "ﬁnal" are csto and final (NFKC), one token each
    assert words == {"экономическая", "растёт", "министр", "безопасности", "grew", "officials",
                     "gained", "trade"}  # fmt: skip


def test_a_frame_of_a_lexicon_equals_its_hits(articles):
    lexicon = {"threat": ["threat*", "угроз*"], "economy": ["oil", "crude"]}
    by_frame = collocates(articles, lexicon, frame="threat", window=3, min_count=1)
    hits = find_hits(articles, lexicon)
    by_hits = collocates(articles, hits[hits["frame"] == "threat"], window=3, min_count=1)
    assert (by_frame["lexicon_entry"] == "").all()  # none of the collocates is an entry
    pd.testing.assert_frame_equal(by_frame.drop(columns="lexicon_entry"), by_hits)
    with pytest.raises(FramingError, match="frame="):
        collocates(articles, lexicon)
    with pytest.raises(FramingError, match="'nope'"):
        collocates(articles, lexicon, frame="nope")


def test_collocates_that_are_entries_are_named_and_new_only_drops_them(articles):
    lexicon = {"threat": ["threat*"], "stakes": ["security", "russia*", "grave security"]}
    table = collocates(articles, lexicon, frame="threat", window=3, min_count=1)
    named = dict(zip(table["collocate"], table["lexicon_entry"], strict=True))
    assert named["security"] == "security" and named["russia"] == "russia*"
    assert named["grave security"] == "grave security"
    assert named["grave"] == "" and named["russia s"] == ""  # a part is no whole match
    new = collocates(articles, lexicon, frame="threat", window=3, min_count=1, new_only=True)
    assert set(new["collocate"]) == {c for c, e in named.items() if e == ""}
    plain = collocates(articles, "threat*", window=3, min_count=1, lexicon=lexicon)
    assert plain["lexicon_entry"].tolist() == table["lexicon_entry"].tolist()


def test_groups_are_compared_within_themselves(articles):
    table = collocates(articles, "threat*", window=3, by="outlet", min_count=1)
    assert list(table.columns[:2]) == ["outlet", "collocate"]
    for outlet in ("Reuters", "TASS"):
        alone = collocates(articles[articles["outlet"] == outlet], "threat*", window=3,
                           min_count=1)  # fmt: skip
        mine = table[table["outlet"] == outlet].drop(columns="outlet").reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, alone, check_like=False)


def test_stop_words_drop_words_and_all_stop_phrases(articles):
    table = collocates(articles, "threat*", window=3, min_count=1, stopwords=["a", "to", "the"])
    assert not {"a", "to", "the", "to the"} & set(table["collocate"])
    assert "grave security" in set(table["collocate"])
    nltk = collocates(articles, "threat*", window=3, min_count=1, stopwords="english")
    assert "the" not in set(nltk["collocate"]) and "posed" in set(nltk["collocate"])


def test_hits_from_other_texts_are_refused(articles):
    hits = find_hits(articles, {"t": ["threat*"]})
    edited = articles.assign(
        text=articles["text"].str.replace("Moscow", "Moscow today", regex=False)
    )
    with pytest.raises(FramingError, match="do not sit at their 'token'"):
        collocates(edited, hits)


@pytest.mark.parametrize("bad", [{"window": -1}, {"window": 2.5}])
def test_bad_window(articles, bad):
    with pytest.raises(FramingError, match="window"):
        collocates(articles, "threat*", **bad)


def test_no_hits_gives_an_empty_table(articles):
    table = collocates(articles, "zebra*")
    assert table.empty and "g2" in table.columns


@pytest.mark.shared_data
@pytest.mark.slow
def test_reuters_oil(news_dir):
    import warnings

    from framing import read_articles

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = read_articles(news_dir / "reuters21578_1987.csv")
    table = collocates(arts, "oil", window=5, stopwords="english")
    assert table["collocate"].iloc[0] == "crude"
    assert {"and gas", "palm", "prices"} <= set(table["collocate"].head(10))
