"""find_hits and token_counts: the match rules of DESIGN.md §3, checked against NLTK and by hand."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing as fr
from framing.match import HITS_COLUMNS, _hyperscan
from framing.match.texts import nfkc_articles


def arts(*texts: str, lang: str | None = None) -> pd.DataFrame:
    df = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": list(texts)})
    if lang:
        df["lang"] = lang
    return df


def matches(text: str, lexicon: dict, **kw) -> list[tuple[str, str]]:
    hits = fr.find_hits(arts(text), lexicon, sentences=False, **kw)
    return list(zip(hits["frame"], hits["match"], strict=True))


# (case, text, lexicon, expected (frame, surface) hits in order)
RULES = [
    (
        "word",
        "A threat, a Threat, THREAT.",
        {"t": ["threat"]},
        [("t", "threat"), ("t", "Threat"), ("t", "THREAT")],
    ),
    ("word is whole token", "threats and athreat", {"t": ["threat"]}, []),
    (
        "glob suffix",
        "collapse collapsed collapsing lapse",
        {"c": ["collaps*"]},
        [("c", "collapse"), ("c", "collapsed"), ("c", "collapsing")],
    ),
    (
        "glob both sides",
        "security threat, nonthreatening",
        {"t": ["*threat*"]},
        [("t", "threat"), ("t", "nonthreatening")],
    ),
    (
        "glob ? is one char",
        "ally ally's allay alloy",
        {"a": ["all?y"]},
        [("a", "allay"), ("a", "alloy")],
    ),
    ("glob stays in one token", "collapse-prone", {"c": ["collapse*"]}, [("c", "collapse")]),
    (
        "phrase",
        "the zone of responsibility",
        {"z": ["zone of responsibility"]},
        [("z", "zone of responsibility")],
    ),
    (
        "phrase across punctuation",
        "zone, of responsibility",
        {"z": ["zone of responsibility"]},
        [("z", "zone, of responsibility")],
    ),
    (
        "phrase needs consecutive tokens",
        "zone of the responsibility",
        {"z": ["zone of responsibility"]},
        [],
    ),
    (
        "hyphenated entry is a phrase",
        "military-technical assistance and military technical assistance",
        {"m": ["military-technical assistance"]},
        [("m", "military-technical assistance"), ("m", "military technical assistance")],
    ),
    (
        "phrase at article edges",
        "Collective security",
        {"a": ["collective security"]},
        [("a", "Collective security")],
    ),
    (
        "longest match wins in a frame",
        "a security threat",
        {"t": ["threat*", "security threat"]},
        [("t", "security threat")],
    ),
    (
        "frames are independent",
        "a security threat",
        {"s": ["security"], "t": ["security threat"]},
        [("s", "security"), ("t", "security threat")],
    ),
    (
        "earlier of equal overlaps wins",
        "mutual defence pact",
        {"a": ["mutual defence", "defence pact"]},
        [("a", "mutual defence")],
    ),
    (
        "apostrophe splits",
        "Armenia’s ally, Armenia's allies",
        {"a": ["armenia"]},
        [("a", "Armenia"), ("a", "Armenia")],
    ),
    (
        "possessive phrase",
        "the CSTO’s obligations",
        {"o": ["csto s obligations"]},
        [("o", "CSTO’s obligations")],
    ),
    (
        "cyrillic glob",
        "Угроза, угрозы и угрозой",
        {"t": ["угроз*"]},
        [("t", "Угроза"), ("t", "угрозы"), ("t", "угрозой")],
    ),
    (
        "cyrillic phrase with inflection",
        "в зоне ответственности ОДКБ",
        {"z": ["зон* ответственности"]},
        [("z", "зоне ответственности")],
    ),
    ("armenian letters", "Հայաստանը և ՀԱՊԿ-ը", {"c": ["հապկ"]}, [("c", "ՀԱՊԿ")]),
    (
        "NFKC text",
        "ﬁnal ＣＳＴＯ summit",
        {"c": ["csto"], "f": ["final"]},
        [("f", "ﬁnal"), ("c", "ＣＳＴＯ")],
    ),
    ("digits are tokens", "Article 4 of the treaty", {"a": ["article 4"]}, [("a", "Article 4")]),
    ("empty text", "", {"t": ["threat"]}, []),
]


@pytest.mark.parametrize(("case", "text", "lexicon", "expected"), RULES, ids=[r[0] for r in RULES])
def test_match_rules(case, text, lexicon, expected):
    assert matches(text, lexicon) == expected


ENGINES = ["python", "reference"] + (["hyperscan"] if _hyperscan.available() else [])


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("case", "text", "lexicon", "expected"), RULES, ids=[r[0] for r in RULES])
def test_match_rules_with_every_engine(case, text, lexicon, expected, engine):
    assert matches(text, lexicon, engine=engine) == expected


@pytest.mark.parametrize("engine", ENGINES)
def test_every_engine_case_sensitive_and_stems(engine):
    assert matches("CSTO and csto", {"c": ["CSTO"]}, case_sensitive=True, engine=engine) == [
        ("c", "CSTO")
    ]
    hits = fr.find_hits(arts("Угрозы растут.", lang="ru"), {"t": ["угроза"]}, match="stem",
                        engine=engine)  # fmt: skip
    assert hits["match"].tolist() == ["Угрозы"]


def test_case_sensitive_matching():
    assert matches("CSTO and csto", {"c": ["CSTO"]}, case_sensitive=True) == [("c", "CSTO")]
    assert matches("CSTO and csto", {"c": ["CSTO"]}) == [("c", "CSTO"), ("c", "csto")]


def test_hits_table_columns_offsets_tokens_and_sentences():
    text = "Calm day. Then a security threat. Threats grew."
    lexicon = {"threat": ["security threat", "threat*"]}
    hits = fr.find_hits(arts(text), lexicon, sentences=True)
    assert list(hits.columns) == HITS_COLUMNS
    assert [text[s:e] for s, e in zip(hits["start"], hits["end"], strict=True)] == hits[
        "match"
    ].tolist()
    assert hits["token"].tolist() == [4, 6]
    assert hits["sentence"].tolist() == [1, 2]
    lazy = fr.find_hits(arts(text), lexicon)  # by default sentences are not split: -1
    assert lazy["sentence"].tolist() == [-1, -1] and lazy["sentence"].dtype == "int64"
    pd.testing.assert_frame_equal(lazy.drop(columns="sentence"), hits.drop(columns="sentence"))
    assert hits["entry"].tolist() == ["security threat", "threat*"]
    assert hits.attrs["frames"] == ["threat"]
    assert len(hits.attrs["lexicon_hash"]) == 64


def test_stem_matching_of_russian_inflections():
    text = "Угроза растёт. Угрозы нет. Перед угрозой. Обязательствами пренебрегли."
    lexicon = {"threat": ["угроза"], "alliance": ["обязательство"]}
    exact = fr.find_hits(arts(text, lang="ru"), lexicon)
    stemmed = fr.find_hits(arts(text, lang="ru"), lexicon, match="stem")
    assert exact["match"].tolist() == ["Угроза"]
    assert stemmed["match"].tolist() == ["Угроза", "Угрозы", "угрозой", "Обязательствами"]


def test_stems_are_remembered_for_the_next_lexicon_and_change_nothing(monkeypatch):
    """find_hits(match="stem") with another lexicon on the same articles does not stem their
    vocabulary again; after clear(), or with nothing remembered (a bound of 0), the hits are
    the same."""
    from framing.match import stems
    from framing.tokens import stemmer as real_stemmer

    stemmed = []

    class Spy:
        def __init__(self, language):
            self.real = real_stemmer(language)

        def stem(self, word):
            stemmed.append(word)
            return self.real.stem(word)

    monkeypatch.setattr(stems, "stemmer", Spy)
    monkeypatch.setattr(stems, "_STEM_MEMO", {})
    articles = arts("Threats grew, threatening the alliance.", "Allies and threat.", lang="en")
    first = fr.find_hits(articles, {"t": ["threat"]}, match="stem")
    n_first = len(stemmed)
    assert n_first >= 7  # every word of the vocabulary, and the entry
    second = fr.find_hits(articles, {"a": ["alliance"], "t": ["threat"]}, match="stem")
    assert stemmed[n_first:] == []  # every word and both entries are known
    stems.clear()
    assert stems._STEM_MEMO == {}
    pd.testing.assert_frame_equal(fr.find_hits(articles, {"t": ["threat"]}, match="stem"), first)
    assert len(stemmed) == 2 * n_first  # stemmed again
    monkeypatch.setattr(stems, "STEM_MEMO_WORDS", 0)
    stems.clear()
    pd.testing.assert_frame_equal(fr.find_hits(articles, {"t": ["threat"]}, match="stem"), first)
    again = fr.find_hits(articles, {"a": ["alliance"], "t": ["threat"]}, match="stem")
    pd.testing.assert_frame_equal(again, second)
    assert stems._STEM_MEMO == {"english": {}}
    assert first["match"].tolist() == ["Threats", "threat"]
    assert second["match"].tolist() == ["Threats", "alliance", "threat"]


def test_clearing_the_engine_caches_changes_no_result():
    from framing import match

    articles = arts("Threats grew, threatening the alliance.", "Allies and threat.", lang="en")
    lexicon = {"a": ["alliance", "all*"], "t": ["threat"]}
    before = [fr.find_hits(articles, lexicon, match=m) for m in ("exact", "stem")]
    match.clear()
    after = [fr.find_hits(articles, lexicon, match=m) for m in ("exact", "stem")]
    for b, a in zip(before, after, strict=True):
        pd.testing.assert_frame_equal(a, b)


def test_stem_matching_english_and_unknown_language_warns():
    assert fr.find_hits(arts("Threatened, threats.", lang="en"), {"t": ["threat"]}, match="stem")[
        "match"
    ].tolist() == ["threats"]
    with pytest.warns(fr.FramingWarning, match="no Snowball stemmer for language 'xx'"):
        hits = fr.find_hits(arts("threat", lang="xx"), {"t": ["threat"]}, match="stem")
    assert len(hits) == 1


def test_find_hits_does_not_mutate_and_rejects_wrong_tables():
    df = arts("A threat.")
    before = df.copy()
    fr.find_hits(df, {"t": ["threat"]})
    pd.testing.assert_frame_equal(df, before)
    with pytest.raises(fr.FramingError, match="no column 'text'"):
        fr.find_hits(pd.DataFrame({"article_id": ["a"], "body": ["x"]}), {"t": ["x"]})
    with pytest.raises(fr.FramingError, match=r"match=...\): .fuzzy. is not a valid choice"):
        fr.find_hits(df, {"t": ["threat"]}, match="fuzzy")
    with pytest.raises(fr.FramingError, match="expected a Lexicon"):
        fr.find_hits(df, ["threat"])
    with pytest.raises(fr.FramingError, match="as a pandas DataFrame, got list"):
        fr.find_hits(["A threat."], {"t": ["threat"]})


def test_a_dask_dataframe_is_sent_to_count_dask_or_count_corpus():
    dd = pytest.importorskip("dask.dataframe")
    ddf = dd.from_pandas(arts("A threat.", "Threats."), npartitions=2)
    for call in (
        lambda: fr.find_hits(ddf, {"t": ["threat"]}),
        lambda: fr.find_hits(ddf, ["not even a lexicon"]),
        lambda: fr.token_counts(ddf),
    ):
        with pytest.raises(fr.FramingError, match="Dask DataFrame") as caught:
            call()
        assert "framing.count_dask(ddf, lexicon" in str(caught.value)
        assert "framing.count_corpus(" in str(caught.value)


def test_nltk_book_inaugural_america_citizen(nltk_data):
    """NLTK book ch. 2: words starting with 'america' and 'citizen' per inaugural address."""
    from nltk.corpus import inaugural

    articles = fr.read_nltk_corpus("inaugural")
    hits = fr.find_hits(
        articles, {"america": ["america*"], "citizen": ["citizen*"]}, sentences=False
    )
    got = hits.groupby(["article_id", "frame"]).size()
    for fileid in inaugural.fileids():
        words = [w.lower() for w in inaugural.words(fileid)]
        for target in ("america", "citizen"):
            expected = sum(w.startswith(target) for w in words)
            assert got.get((fileid, target), 0) == expected, (fileid, target)


def test_token_counts_equal_nltk_wordpunct_on_press_releases(news_dir):
    from nltk.tokenize import WordPunctTokenizer

    articles = fr.read_articles(news_dir / "press_releases_sample_100.csv")
    totals = fr.token_counts(articles)
    wpt = WordPunctTokenizer()
    texts = [unicodedata.normalize("NFKC", x) for x in articles["text"]]
    expected = [sum(1 for t in wpt.tokenize(x) if re.search(r"\w", t)) for x in texts]
    assert totals["n_tokens"].tolist() == expected
    assert totals["article_id"].tolist() == articles["article_id"].tolist()


# --- the text is NFKC-normalized before it is tokenized (DESIGN.md §3) ---------------------

NFKC_TEXTS = {
    "sign": "Decree № 5 on the threat",
    "nfd": unicodedata.normalize("NFD", "Le résumé: une menace, Угроза й"),
    "ligature": "A threat\u2026 the ﬁnal ＣＳＴＯ word",
    "plain": "No threat here",
}


@pytest.mark.parametrize("engine", ["auto", "python", "reference"])
def test_hits_are_found_in_the_nfkc_text_and_given_in_the_text_as_written(engine):
    arts = pd.DataFrame({"article_id": list(NFKC_TEXTS), "text": list(NFKC_TEXTS.values())})
    lexicon = {"f": ["no", "résumé", "угроза", "final", "csto", "threat", "й"]}
    hits = fr.find_hits(arts, lexicon, engine=engine)
    got = {(h.article_id, h.entry): h.match for h in hits.itertuples()}
    assert got == {
        ("sign", "no"): "№",
        ("sign", "threat"): "threat",
        ("nfd", "résumé"): unicodedata.normalize("NFD", "résumé"),
        ("nfd", "угроза"): "Угроза",
        ("nfd", "й"): unicodedata.normalize("NFD", "й"),
        ("ligature", "threat"): "threat",
        ("ligature", "final"): "ﬁnal",
        ("ligature", "csto"): "ＣＳＴＯ",
        ("plain", "no"): "No",
        ("plain", "threat"): "threat",
    }
    texts = dict(NFKC_TEXTS)
    for h in hits.itertuples():  # offsets are into the text as written
        assert texts[h.article_id][h.start : h.end] == h.match
    # token indices are those of the NFKC text: "№ 5" is the tokens "no" and "5"
    sign = hits[hits["article_id"] == "sign"].set_index("entry")["token"]
    assert sign.to_dict() == {"no": 1, "threat": 5}


def test_decomposed_text_counts_as_precomposed_text():
    words = "Le résumé d'une crise: Угроза, ĳssel. " * 3
    nfc = pd.DataFrame({"article_id": ["a"], "text": [unicodedata.normalize("NFC", words)]})
    nfd = nfc.assign(text=[unicodedata.normalize("NFD", words)])
    lexicon = {"f": ["résumé", "угроз*", "ijssel"]}
    assert fr.token_counts(nfd).equals(fr.token_counts(nfc))
    a, b = fr.find_hits(nfc, lexicon), fr.find_hits(nfd, lexicon)
    assert a[["entry", "token"]].equals(b[["entry", "token"]]) and len(a) == 9


def test_nfkc_leaves_texts_alone_when_it_changes_no_token():
    arts = pd.DataFrame({"article_id": ["a"], "text": ["A threat\u2026 and\u00a0more"]})
    normalized, maps = nfkc_articles(arts, "find_hits")
    assert normalized is arts and maps == {}


@pytest.mark.shared_data
def test_token_totals_follow_the_nfkc_rule_on_the_press_releases(news_dir):
    articles = fr.read_articles(
        news_dir / "press_releases_kremlin_president_ua_2021-10_2022-06.csv"
    )
    got = fr.token_counts(articles)["n_tokens"].to_numpy()
    texts = articles["text"].tolist()
    rule = [len(re.findall(r"\w+", unicodedata.normalize("NFKC", t))) for t in texts]
    raw = [len(re.findall(r"\w+", t)) for t in texts]
    assert got.tolist() == rule
    changed = [i for i, (a, b) in enumerate(zip(rule, raw, strict=True)) if a != b]
    assert len(changed) == 10 and all("№" in texts[i] for i in changed)
    hits = fr.find_hits(articles.iloc[changed], {"no": ["no"]})
    assert set(hits["match"]) <= {"№", "No", "no", "NO"} and "№" in set(hits["match"])


def test_token_counts_on_missing_text():
    df = pd.DataFrame({"article_id": ["a", "b"], "text": ["one two", None]})
    assert fr.token_counts(df)["n_tokens"].tolist() == [2, 0]


# --- property: the engine agrees with a brute-force reading of the rules ------------------

WORDS = ["threat", "threats", "security", "zone", "of", "collapse", "угроза", "угрозы", "ally"]


def brute_force(text: str, frame_entries: list[list[str]]) -> list[tuple[int, int, int]]:
    """Obvious implementation: try every entry at every token, resolve overlaps per frame."""
    toks = [m for m in re.finditer(r"\w+", text)]
    keys = [m.group().lower() for m in toks]
    out = []
    for f, entries in enumerate(frame_entries):
        cands = []
        for order, entry in enumerate(entries):
            parts = re.findall(r"[\w*?]+", entry.lower())
            rx = [re.compile(re.escape(p).replace(r"\*", ".*").replace(r"\?", ".")) for p in parts]
            for i in range(len(keys) - len(parts) + 1):
                if all(r.fullmatch(keys[i + j]) for j, r in enumerate(rx)):
                    cands.append((-len(parts), i, order))
        taken: set[int] = set()
        for negn, i, _ in sorted(cands):
            span = set(range(i, i - negn))
            if not span & taken:
                taken |= span
                out.append((f, toks[i].start(), toks[i - negn - 1].end()))
    return sorted(out, key=lambda h: (h[1], h[0]))


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(st.sampled_from([*WORDS, "Threat", "ZONE", ",", "-", "’s", "  "]), max_size=25),
    frames=st.lists(
        st.lists(
            st.sampled_from(["threat", "threat*", "*reat*", "security threat", "zone of", "of",
                             "угроз*", "угроза", "all?", "collapse", "zone of security"]),
            min_size=1, max_size=4, unique=True,
        ),
        min_size=1, max_size=3,
    ),
)  # fmt: skip
def test_engine_agrees_with_brute_force(words, frames):
    text = " ".join(words)
    lexicon = {f"f{i}": entries for i, entries in enumerate(frames)}
    hits = fr.find_hits(arts(text), lexicon, sentences=False)
    got = [
        (int(f[1:]), s, e)
        for f, s, e in zip(hits["frame"], hits["start"], hits["end"], strict=True)
    ]
    assert got == brute_force(text, frames)


def test_a_glob_matching_most_words_is_reported():
    text = "The alliance and the army are always at an angle. " * 600
    with pytest.warns(
        fr.FramingWarning, match=r"frame 'broad': the glob 'a\*' matched \d+% of all words"
    ):
        hits = fr.find_hits(arts(text), {"broad": ["a*"], "fine": ["alliance"]}, sentences=False)
    assert len(hits) > 0  # reported, not dropped: the counts stay what the rules say


def test_ordinary_globs_are_not_reported():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        articles = fr.clean_articles(fr.load_example())
        fr.find_hits(articles, fr.load_lexicon("security"), sentences=False)
        fr.find_hits(arts("A threat, threats and more threatening talk."), {"t": ["threat*"]})


def test_token_counts_reuse_a_scan_only_of_the_same_texts():
    # find_hits counts the tokens while it scans, and token_counts reuses them for the same
    # Arrow data; a changed or filtered table is counted afresh
    arts = pd.DataFrame({"article_id": ["a", "b", "c"],
                         "text": pd.Series(["one threat", "two, three threats", ""], dtype="str")})  # fmt: skip
    lexicon = {"threat": ["threat*"]}
    fr.find_hits(arts, lexicon, sentences=False)
    assert fr.token_counts(arts)["n_tokens"].tolist() == [2, 3, 0]
    arts.loc[2, "text"] = "now four words here"
    assert fr.token_counts(arts)["n_tokens"].tolist() == [2, 3, 4]
    fr.find_hits(arts, lexicon, sentences=False)
    assert fr.token_counts(arts[arts["article_id"] != "a"])["n_tokens"].tolist() == [3, 4]
    counts = fr.token_counts(arts)
    counts.loc[0, "n_tokens"] = 99  # the caller's copy, not the remembered one
    assert fr.token_counts(arts)["n_tokens"].tolist() == [2, 3, 4]


def test_texts_with_finds_the_texts_holding_a_marked_character():
    # checked against a plain scan of the texts, for a list and for Arrow arrays in chunks
    # and slices (the engine reads their data buffers)
    import numpy as np
    import pyarrow as pa

    from framing.match._buffer import texts_with

    table = np.zeros(0x110000, dtype=bool)
    table[[ord("№"), ord("ﬁ"), 0x1F600]] = True
    texts = ["", "No 5", "№ 5", "Ереван", "ﬁnal", "x\U0001f600", "plain", "№", "…"] * 3
    expected = [i for i, t in enumerate(texts) if any(table[ord(c)] for c in t)]
    assert texts_with(texts, table).tolist() == expected
    chunked = pa.chunked_array(
        [pa.array(texts[:4], pa.large_string()), pa.array(texts[4:], pa.large_string())]
    )
    assert texts_with(chunked, table).tolist() == expected
    assert texts_with(chunked.slice(3, 10), table).tolist() == [
        i - 3 for i in expected if 3 <= i < 13
    ]
