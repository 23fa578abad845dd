"""The counting engines agree: hyperscan, python and the plain reference of the rules.

Property tests on random texts and lexicons (Unicode letters of several scripts, curly quotes,
hyphens, digits, underscores, combining marks, emoji, characters NFKC changes, overlapping
entries, phrases at article edges, globs, exclusions, case-sensitive and stem matching), the
Unicode tables the byte-level engine relies on checked against ``re`` and ``unicodedata`` on
every code point, and identical results on the real corpora.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing as fr
from framing.lexicon import Lexicon, entry_tokens
from framing.match import _buffer, _hyperscan, _unicode, find_hits, rules, stems, token_counts
from framing.match import hits as match_module
from framing.tokens import normalize as nfkc

ENGINES = ["hyperscan", "python", "reference"]
needs_hyperscan = pytest.mark.skipif(not _hyperscan.available(), reason="hyperscan not installed")


def arts(*texts, dtype=None, lang=None) -> pd.DataFrame:
    df = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))]})
    df["text"] = pd.Series(list(texts), dtype=dtype)
    if lang:
        df["lang"] = lang
    return df


def all_engines(articles, lexicon, **kw) -> pd.DataFrame:
    """Every engine's hits; assert they are identical and return the reference's."""
    kw.setdefault("sentences", False)
    expected = find_hits(articles, lexicon, engine="reference", **kw)
    for engine in ENGINES:
        if engine == "hyperscan" and not _hyperscan.available():
            continue
        got = find_hits(articles, lexicon, engine=engine, **kw)
        pd.testing.assert_frame_equal(got, expected, obj=f"engine={engine!r}")
    return expected


# --- the Unicode tables, on every code point ----------------------------------------------


def test_word_table_is_re_word_on_every_code_point():
    table = _unicode.word_table()
    everything = "".join(map(chr, range(0x110000)))
    by_re = np.zeros(0x110000, dtype=bool)
    by_re[[m.start() for m in re.finditer(r"\w", everything)]] = True
    assert (table == by_re).all()
    # and \w is exactly "alphanumeric or underscore"
    by_str = np.array([c.isalnum() or c == "_" for c in everything])
    assert (table == by_str).all()


def test_case_variants_cover_every_lowering():
    for cp in range(0x110000):
        c = chr(cp)
        low = c.lower()
        if len(low) == 1 and low != c:
            assert c in _unicode.case_variants(low), hex(cp)
    assert "Σ" in _unicode.case_variants("ς")  # final sigma
    # the one multi-character lowering: a text with it is counted by hyperscan once the case
    # mode is known (its lower case is put in the buffer), else sent to the portable engine
    longer = [cp for cp in range(0x110000) if len(chr(cp).lower()) != 1]
    assert longer == [_unicode.DOTTED_I] == list(_unicode.LOWER_FORMS)
    assert _unicode.LOWER_FORMS[0x130].decode() == "\u0130".lower()
    assert _unicode.unsupported_table()[0x130]


@pytest.mark.skipif(not _hyperscan.available(), reason="hyperscan is not installed")
@pytest.mark.parametrize("case_sensitive", [False, True])
def test_dotted_capital_i_is_counted_by_hyperscan(case_sensitive):
    # "İlham Əliyev", "İstanbul": Azerbaijani and Turkish names in this field's news; a text
    # with one used to go whole to the portable engine, a tenth of the speed
    texts = ["İlham Aliyev met Ilham in İstanbul; İİ, xİ.", "½ threat"]
    tokens = [("i̇lham",), ("i*",), ("??stanbul",), ("x*",), ("threat",)]
    found, rest = _hyperscan.find_candidates(texts, tokens, case_sensitive=case_sensitive)
    assert rest == [1]  # "½" still goes to the portable engine
    lexicon = Lexicon.from_dict({"f": ["İlham", "i*", "??stanbul", "x*", "threat"]})
    hits = all_engines(arts(*texts, dtype="str"), lexicon, case_sensitive=case_sensitive)
    if case_sensitive:  # "İstanbul" has eight characters when the case counts, not nine
        expected = ["İlham", "in", "xİ", "threat"]
    else:
        expected = ["İlham", "Ilham", "in", "İstanbul", "İİ", "xİ", "threat"]
    assert hits["match"].tolist() == expected


def test_every_word_character_nfkc_changes_is_substituted_or_unsupported():
    unsupported, substituted, replace = _unicode.nfkc_tables()
    words = _unicode.word_table()
    for cp in np.flatnonzero(words).tolist():
        c = chr(cp)
        form = unicodedata.normalize("NFKC", c)
        if form != c or unicodedata.combining(c):
            assert unsupported[cp] != substituted[cp], hex(cp)
        if substituted[cp]:
            # the substitute: the NFKC form, of word characters, lowering one to one
            assert replace[cp] == form.encode()
            assert re.fullmatch(r"\w+", form) and len(form.lower()) == len(form), hex(cp)
            assert unicodedata.normalize("NFKC", form) == form
        else:
            assert cp not in replace
    # The only word characters that compose with the one before them are Hangul jamo (they
    # are unsupported): no other is the second half of a canonical decomposition.
    second = set()
    for cp in range(0x110000):
        d = unicodedata.decomposition(chr(cp))
        if d and not d.startswith("<") and len(d.split()) == 2:
            second.add(int(d.split()[1], 16))
    assert not [hex(cp) for cp in second if words[cp]]
    assert unsupported[0x1161] and unsupported[0x11A8] and unsupported[0x1100]
    assert unsupported[ord("½")] and unsupported[0x130] and not unsupported[ord("é")]
    assert replace[ord("և")] == "եւ".encode() and replace[ord("ﬁ")] == b"fi"


@pytest.mark.parametrize(
    ("text", "supported"),
    [
        ("plain ASCII", True),
        ("Armenia’s “ally” – no-break\xa0space…", True),  # NFKC changes only non-word characters
        ("Ереван, ՀԱՊԿ, Erdoğan, ΟΔΟΣ, 安全, 🙂", True),
        ("ﬁnal ＣＳＴＯ և µg m² \u212a", True),  # NFKC forms of word characters are substituted
        ("½", False),  # the NFKC form holds a non-word character
        ("İstanbul", False),  # lower case is two characters
        ("\u1100\u1161", False),  # Hangul jamo compose
        ("x\ud800y", True),  # a lone surrogate is no word character
    ],
)
def test_supports(text, supported):
    assert _unicode.supports(text) is supported


# --- random texts and lexicons --------------------------------------------------------------

WORDS = [
    "threat", "Threat", "THREAT", "threats", "security", "Security", "zone", "of", "collapse",
    "ally", "alloy", "all", "ally’s", "Armenia’s", "csto", "CSTO", "угроза", "Угрозы",
    "ОДКБ", "зоне", "ответственности", "ՀԱՊԿ", "հապկ", "ΟΔΟΣ", "οδός", "ΑΣ", "σας",
    "Erdoğan", "café", "CAFÉ", "cafe\u0301", "安全", "威胁", "4", "2024", "a_b", "_",
    "🙂", "ﬁnal", "ＣＳＴＯ", "İstanbul", "İlham", "İİ", "xİ", "\u212aelvin", "\u1100\u1161",
    "Երևան", "երեւան", "SϹ", "aĞa", "Ａlly", "ﬀ",  # NFKC forms, a word's inner bytes
]  # fmt: skip
SEPARATORS = [" ", " ", ", ", "-", "’", "'", "“", "”", "", "\n", "\xa0", " – ", "…", "\u0301"]

ENTRY_WORDS = [
    "threat", "security", "zone", "of", "ally", "all", "csto", "угроза", "угрозы", "одкб",
    "հապկ", "οδος", "οδός", "ας", "σας", "erdoğan", "café", "cafe", "安全", "4", "2024", "a_b",
    "final", "s", "istanbul", "İstanbul", "İlham", "İİ", "kelvin", "가", "երեւան", "sς", "ağa",
]  # fmt: skip


@st.composite
def glob_token(draw):
    word = draw(st.sampled_from(ENTRY_WORDS))
    kind = draw(st.sampled_from(["word", "word", "suffix", "prefix", "both", "one", "inner"]))
    if kind == "suffix":
        return word[: draw(st.integers(1, len(word)))] + "*"
    if kind == "prefix":
        return "*" + word[draw(st.integers(0, len(word) - 1)) :]
    if kind == "both":
        return "*" + word + "*"
    if kind == "one":
        i = draw(st.integers(0, len(word) - 1))
        return word[:i] + "?" + word[i + 1 :] if len(word) > 1 else word + "?"
    if kind == "inner" and len(word) > 2:
        i = draw(st.integers(1, len(word) - 1))
        return word[:i] + "*" + word[i:]
    return word


@st.composite
def entry(draw):
    n = draw(st.integers(1, 3))
    tokens = [draw(glob_token()) for _ in range(n)]
    if draw(st.booleans()):
        tokens = [t.upper() if draw(st.booleans()) else t for t in tokens]
    return draw(st.sampled_from([" ", "-", ", "])).join(tokens)


def dedupe(patterns):
    seen, out = set(), []
    for p in patterns:
        key = entry_tokens(p)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


@st.composite
def lexicon(draw, exclusions=True):
    frames = {}
    for i in range(draw(st.integers(1, 3))):
        entries = dedupe(draw(st.lists(entry(), min_size=1, max_size=5)))
        block = {"entries": entries}
        if exclusions and draw(st.booleans()):
            taken = {entry_tokens(e) for e in entries}
            excluded = [e for e in dedupe(draw(st.lists(entry(), max_size=3)))
                        if entry_tokens(e) not in taken]  # fmt: skip
            if excluded:
                block["exclude"] = excluded
        frames[f"f{i}"] = block
    return Lexicon.from_dict(frames)


@st.composite
def text(draw):
    parts = draw(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)),
                          max_size=14))  # fmt: skip
    out = "".join(w + s for w, s in parts)
    if draw(st.booleans()):  # a sprinkle of arbitrary characters
        out += draw(st.text(max_size=6))
    return out


texts = st.lists(text(), min_size=1, max_size=4)


def examples(n: int):
    return settings(max_examples=n, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@examples(120)
@given(texts=texts, lex=lexicon())
def test_engines_agree_exact(texts, lex):
    all_engines(arts(*texts), lex)


@examples(60)
@given(texts=texts, lex=lexicon())
def test_engines_agree_case_sensitive(texts, lex):
    all_engines(arts(*texts), lex, case_sensitive=True)


@examples(60)
@given(texts=texts, lex=lexicon(), lang=st.sampled_from(["en", "ru"]))
def test_engines_agree_stem(texts, lex, lang):
    all_engines(arts(*texts, lang=lang), lex, match="stem")


@examples(80)
@given(texts=texts, case_sensitive=st.booleans(), batch=st.sampled_from([1, 7, 1 << 22]))
def test_vocabulary_is_the_token_keys_of_the_texts(texts, case_sensitive, batch):
    """The distinct keys found on the bytes (what stems are expanded against) are those of
    the portable engine's tokenizer, for str and Arrow texts, in any batches."""
    import pyarrow as pa

    expected = set()
    for t in texts:
        expected.update(rules.text_keys(t, case_sensitive=case_sensitive))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_buffer, "BATCH_CHARS", batch)
        for given_as in (texts, pa.array(texts, type=pa.large_string())):
            assert _buffer.vocabulary(given_as, case_sensitive=case_sensitive) == expected


@examples(40)
@given(texts=texts, lex=lexicon(), data=st.data())
def test_engines_agree_stem_with_several_languages(texts, lex, data):
    df = arts(*texts)
    df["lang"] = data.draw(st.lists(st.sampled_from(["en", "ru", "fr"]), min_size=len(texts),
                                    max_size=len(texts)))  # fmt: skip
    all_engines(df, lex, match="stem")
    all_engines(df, lex, match="stem", case_sensitive=True)


@needs_hyperscan
@examples(30)
@given(texts=texts, lex=lexicon(), lang=st.sampled_from(["en", "ru"]))
def test_stems_with_too_many_forms_go_to_the_portable_engine(texts, lex, lang):
    df = arts(*texts, lang=lang)
    expected = find_hits(df, lex, engine="python", match="stem", sentences=False)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(stems, "STEM_SEQUENCES_PER_ENTRY", 1)
        got = find_hits(df, lex, engine="hyperscan", match="stem", sentences=False)
        pd.testing.assert_frame_equal(got, expected)
        # case-sensitive keys of one stem often share no prefix: a sequence each, or too many
        expected = find_hits(df, lex, engine="python", match="stem", case_sensitive=True,
                             sentences=False)  # fmt: skip
        got = find_hits(df, lex, engine="hyperscan", match="stem", case_sensitive=True,
                        sentences=False)  # fmt: skip
        pd.testing.assert_frame_equal(got, expected)


@needs_hyperscan
@examples(40)
@given(texts=texts, lex=lexicon(), batch=st.integers(1, 40))
def test_hyperscan_results_do_not_depend_on_batches(texts, lex, batch):
    expected = find_hits(arts(*texts), lex, engine="python", sentences=False)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_buffer, "BATCH_CHARS", batch)
        for dtype in ("str", object):
            got = find_hits(arts(*texts, dtype=dtype), lex, engine="auto", sentences=False)
            pd.testing.assert_frame_equal(got, expected)
            totals = token_counts(arts(*texts, dtype=dtype), engine="auto")
            assert totals["n_tokens"].tolist() == [len(re.findall(r"\w+", nfkc(t))) for t in texts]


# Texts of tricky characters, and entries cut from their own tokens (so that most match),
# with wildcards put in and letters upper-cased at random.
TRICKY = "abcSσςΣΟδéÉжЖդԴե安_1’'- \n\xa0“ﬁİ\u0301\u212a가\u1100\u1161🙂և½µ²ⅫǅǆϹſﬃ⒈"


@st.composite
def texts_and_own_lexicon(draw):
    texts = draw(st.lists(st.text(alphabet=TRICKY, max_size=40), min_size=1, max_size=3))
    words = [w for t in texts for w in re.findall(r"\w+", t)] or ["a"]
    frames = {}
    for f in range(draw(st.integers(1, 2))):
        entries = []
        for _ in range(draw(st.integers(1, 4))):
            i = draw(st.integers(0, len(words) - 1))
            tokens = []
            for tok in words[i : i + draw(st.integers(1, 3))]:
                chars = list(tok)
                for _ in range(draw(st.integers(0, 2))):
                    j = draw(st.integers(0, len(chars)))
                    if draw(st.booleans()) and j < len(chars):
                        chars[j] = "?"
                    else:
                        chars.insert(j, "*")
                tok = "".join(chars)
                tokens.append(tok.upper() if draw(st.booleans()) else tok)
            pattern = " ".join(tokens)
            if all(re.search(r"\w", t) for t in entry_tokens(pattern)):
                entries.append(pattern)
        frames[f"f{f}"] = dedupe(entries) or ["a"]
    return texts, Lexicon.from_dict(frames)


@examples(100)
@given(
    case=texts_and_own_lexicon(),
    case_sensitive=st.booleans(),
    dtype=st.sampled_from(["str", object]),
)
def test_engines_agree_on_entries_cut_from_the_text(case, case_sensitive, dtype):
    texts, lex = case
    all_engines(arts(*texts, dtype=dtype), lex, case_sensitive=case_sensitive)


@examples(150)
@given(texts=st.lists(st.one_of(text(), st.text()), max_size=5))
def test_token_totals_equal_re_findall(texts):
    # the byte-level counter counts the text it is given; the public functions normalize first
    assert _buffer.token_totals(texts).tolist() == [len(re.findall(r"\w+", t)) for t in texts]
    expected = [len(re.findall(r"\w+", nfkc(t))) for t in texts]
    df = arts(*texts, dtype=object)
    for engine in ["auto", "hyperscan", "python", "reference"]:
        assert token_counts(df, engine=engine)["n_tokens"].tolist() == expected


# --- cases by hand ------------------------------------------------------------------------

CASES = [
    # (case, texts, lexicon, expected (article, frame, match) hits)
    ("final sigma: a token lowers on its own", ["ΟΔΟΣ'Α"], {"f": ["οδος"]}, [(0, "f", "ΟΔΟΣ")]),
    ("capital sigma inside a word", ["ΟΔΟΣΑ"], {"f": ["οδοσα"]}, [(0, "f", "ΟΔΟΣΑ")]),
    ("letter before an ASCII word", ["éthreat threat"], {"f": ["threat"]}, [(0, "f", "threat")]),
    ("glob after a curly quote", ["“threat”"], {"f": ["?threat", "*reat"]}, [(0, "f", "threat")]),
    ("phrase over a letter gap", ["zone é of", "zone, of"], {"f": ["zone of"]},
     [(1, "f", "zone, of")]),
    ("phrases at both edges", ["collective security", "x collective security"],
     {"f": ["collective security"]}, [(0, "f", "collective security"),
                                      (1, "f", "collective security")]),
    ("İ lowers to two characters", ["İstanbul", "istanbul"], {"f": ["istanbul", "i*"]},
     [(0, "f", "İstanbul"), (1, "f", "istanbul")]),
    ("NFKC and plain together", ["ﬁnal final ＣＳＴＯ"], {"f": ["final"], "c": ["csto"]},
     [(0, "f", "ﬁnal"), (0, "f", "final"), (0, "c", "ＣＳＴＯ")]),
    ("Armenian ligature և is եւ", ["Հայաստան և Ռուսաստան", "ԵՒ եւ"], {"f": ["եւ"]},
     [(0, "f", "և"), (1, "f", "ԵՒ"), (1, "f", "եւ")]),
    ("micro sign and superscripts", ["5 µg/m²", "5 μg/m2"], {"f": ["μg m2"]},
     [(0, "f", "µg/m²"), (1, "f", "μg/m2")]),
    ("a form with a non-word character", ["½ threat"], {"f": ["threat", "1*"]},
     [(0, "f", "½"), (0, "f", "threat")]),
    ("Hangul jamo compose", ["\u1100\u1161 가"], {"f": ["가"]},
     [(0, "f", "\u1100\u1161"), (0, "f", "가")]),
    ("a decomposed letter is composed first (NFKC)", ["cafe\u0301 café cafe"],
     {"f": ["cafe", "café"]}, [(0, "f", "cafe\u0301"), (0, "f", "café"), (0, "f", "cafe")]),
    ("emoji and CJK", ["安全🙂威胁 安全"], {"f": ["安全"]}, [(0, "f", "安全"), (0, "f", "安全")]),
    ("digits and underscores", ["Article 4, a_b, a b"], {"f": ["article 4", "a_b"]},
     [(0, "f", "Article 4"), (0, "f", "a_b")]),
    ("exclusion wins a tie and takes its tokens", ["security council security"],
     {"f": {"entries": ["security", "council"], "exclude": ["security council"]}},
     [(0, "f", "security")]),
    ("exclusion only in its frame", ["security council"],
     {"f": {"entries": ["security"], "exclude": ["security council"]}, "g": ["security"]},
     [(0, "g", "security")]),
    ("same entry in two frames", ["a threat"], {"f": ["threat"], "g": ["threat*"]},
     [(0, "f", "threat"), (0, "g", "threat")]),
    ("empty and missing texts", ["", None, "threat"], {"f": ["threat"]}, [(2, "f", "threat")]),
]  # fmt: skip


@pytest.mark.parametrize("dtype", ["str", object])
@pytest.mark.parametrize(("case", "texts", "lexicon", "expected"), CASES, ids=[c[0] for c in CASES])
def test_cases_by_hand(case, texts, lexicon, expected, dtype):
    hits = all_engines(arts(*texts, dtype=dtype), lexicon)
    got = [(int(a[1:]), f, m) for a, f, m in zip(hits["article_id"], hits["frame"], hits["match"],
                                                  strict=True)]  # fmt: skip
    assert got == expected


def test_lone_surrogates_in_object_columns():
    df = arts("threat\ud800threat", "\udfffsecurity threat", dtype=object)
    hits = all_engines(df, {"f": ["threat", "security threat"]})
    assert hits["match"].tolist() == ["threat", "threat", "security threat"]
    assert token_counts(df)["n_tokens"].tolist() == [2, 2]


def test_sliced_and_arrow_typed_columns():
    import pyarrow as pa

    df = arts("no", "a threat here", "Threats, threats", "x threat")
    lex = {"f": ["threat*"]}
    expected = find_hits(df.iloc[1:3], lex, engine="reference")
    pd.testing.assert_frame_equal(find_hits(df.iloc[1:3], lex), expected)
    typed = df.astype({"text": pd.ArrowDtype(pa.string())})
    pd.testing.assert_frame_equal(find_hits(typed, lex), find_hits(df, lex, engine="reference"))
    assert token_counts(df.iloc[1:3])["n_tokens"].tolist() == [3, 2]
    # a column in several Arrow chunks (as read from Parquet row groups), cut in small batches
    chunks = pa.chunked_array([df["text"][:1], [], df["text"][1:3], df["text"][3:]])
    chunked = df.assign(text=pd.Series(pd.arrays.ArrowStringArray(chunks)))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_buffer, "BATCH_CHARS", 10)
        pd.testing.assert_frame_equal(find_hits(chunked, lex), find_hits(df, lex, engine="python"))
        assert token_counts(chunked)["n_tokens"].tolist() == [1, 3, 2, 2]


def test_no_articles_and_no_hits():
    empty = arts()
    for engine in ENGINES:
        assert len(find_hits(empty, {"f": ["x"]}, engine=engine)) == 0
        assert len(token_counts(empty, engine=engine)) == 0
    assert len(all_engines(arts("nothing here"), {"f": ["x"]})) == 0


# --- choosing the engine -----------------------------------------------------------------


def test_unknown_engine_names_the_choices():
    with pytest.raises(fr.FramingError, match=r"engine=...\): 'fast' is not a valid choice.*"
                       r"'auto', 'hyperscan', 'python', 'reference'"):  # fmt: skip
        find_hits(arts("x"), {"f": ["x"]}, engine="fast")
    with pytest.raises(fr.FramingError, match="token_counts"):
        token_counts(arts("x"), engine="fast")


@needs_hyperscan
def test_auto_uses_hyperscan_when_installed(monkeypatch):
    calls = []
    real = _hyperscan.find_candidates

    def spy(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(_hyperscan, "find_candidates", spy)
    find_hits(arts("a threat"), {"f": ["threat"]})
    find_hits(arts("a threat"), {"f": ["threat"]}, match="stem")  # stems too
    find_hits(arts("a threat"), {"f": ["threat"]}, engine="python")
    assert calls == [1, 1]


@needs_hyperscan
def test_stems_are_scanned_as_the_vocabulary_words_that_share_them(monkeypatch):
    """match="stem" on hyperscan: an entry word is searched as a prefix that does not depend
    on the articles and checked against the keys of its stem among them; keys with no
    common prefix become a sequence each; the hits are the entry's."""
    seen, databases = [], []
    real, real_database = _hyperscan.find_candidates, _hyperscan.database

    def spy(texts, entry_tokens, **kwargs):
        seen.append((list(map(tuple, entry_tokens)), kwargs.get("allowed")))
        return real(texts, entry_tokens, **kwargs)

    def database_spy(patterns):
        databases.append(patterns)
        return real_database(patterns)

    monkeypatch.setattr(_hyperscan, "find_candidates", spy)
    monkeypatch.setattr(_hyperscan, "database", database_spy)
    df = arts("Threats grew; the threatened zones. A zone of threat.", lang="en")
    lexicon = {"f": ["threat", "zone of threat*"]}
    hits = find_hits(df, lexicon, match="stem", sentences=False)
    threat, zone = frozenset({"threat", "threats"}), frozenset({"zone", "zones"})
    # searched as the word's part before its stem's last letter, whatever the vocabulary;
    # "threatened" stems to "threaten": not a form of "threat"
    assert seen == [([("threa*",), ("zon*", "of*", "threat*")],
                     [(threat,), (zone, frozenset({"of"}), None)])]  # fmt: skip
    seen.clear()
    find_hits(arts("No threat here.", lang="en"), lexicon, match="stem", sentences=False)
    assert seen == [([("threa*",), ("zon*", "of*", "threat*")],
                     [(frozenset({"threat"}),), (frozenset({"zone"}), frozenset({"of"}),
                                                 None)])]  # fmt: skip
    # so other articles (another batch of a corpus) need no other database
    assert len(databases) == 2 and databases[0] == databases[1]
    # entries searched with the same glob keep a pattern each, whether their keys are equal
    # (both "threat" and "threats" here) or not (only "threat")
    databases.clear()
    both = {"f": ["threat"], "g": ["threats"]}
    find_hits(df, both, match="stem", sentences=False)
    find_hits(arts("No threat here.", lang="en"), both, match="stem", sentences=False)
    assert len(databases) == 2 and databases[0] == databases[1]
    assert hits["entry"].tolist() == ["threat", "zone of threat*"]
    assert hits["match"].tolist() == ["Threats", "zone of threat"]
    reference = find_hits(df, lexicon, match="stem", engine="reference", sentences=False)
    pd.testing.assert_frame_equal(hits, reference)

    # case-sensitive keys of one stem with no common prefix: a sequence for each
    seen.clear()
    df = arts("Threats, threat; THREAT and threatening", lang="en")
    hits = find_hits(df, {"f": ["threat"]}, match="stem", case_sensitive=True, sentences=False)
    assert seen == [([("THREAT",), ("Threats",), ("threat",)], [(None,), (None,), (None,)])]
    assert hits["match"].tolist() == ["Threats", "threat", "THREAT"]

    # more sequences than allowed: the language's articles go to the portable engine
    seen.clear()
    monkeypatch.setattr(stems, "STEM_SEQUENCES_PER_ENTRY", 2)
    again = find_hits(df, {"f": ["threat"]}, match="stem", case_sensitive=True, sentences=False)
    assert seen == []
    pd.testing.assert_frame_equal(again, hits)


def test_fallback_without_hyperscan_warns_once(monkeypatch):
    def missing():
        raise ImportError("No module named 'hyperscan'")

    monkeypatch.setattr(_hyperscan, "_import", missing)
    monkeypatch.setattr(match_module, "_FALLBACK_WARNED", False)
    df = arts("a threat")
    with pytest.warns(fr.FramingWarning, match="pip install hyperscan"):
        first = find_hits(df, {"f": ["threat"]})
    second = find_hits(df, {"f": ["threat"]})  # no second warning (warnings are errors here)
    pd.testing.assert_frame_equal(first, second)
    assert first["match"].tolist() == ["threat"]
    assert token_counts(df)["n_tokens"].tolist() == [2]  # needs no hyperscan, no warning
    with pytest.raises(fr.MissingDependencyError, match="pip install hyperscan"):
        find_hits(df, {"f": ["threat"]}, engine="hyperscan")


# --- real corpora --------------------------------------------------------------------------


@needs_hyperscan
def test_engines_agree_on_the_press_releases(news_dir):
    articles = fr.read_articles(
        news_dir / "press_releases_kremlin_president_ua_2021-10_2022-06.csv"
    )
    lex = fr.load_lexicon("security")
    fast = find_hits(articles, lex, engine="hyperscan", sentences=False)
    pd.testing.assert_frame_equal(fast, find_hits(articles, lex, engine="python", sentences=False))
    assert len(fast) > 5000
    stems = find_hits(articles, lex, engine="hyperscan", match="stem", sentences=False)
    pd.testing.assert_frame_equal(
        stems, find_hits(articles, lex, engine="python", match="stem", sentences=False)
    )
    assert len(stems) > len(fast)
    expected = [len(re.findall(r"\w+", nfkc(t))) for t in articles["text"].fillna("")]
    assert token_counts(articles)["n_tokens"].tolist() == expected


@needs_hyperscan
def test_engines_agree_on_the_reuters_sample(news_dir):
    articles = fr.read_articles(news_dir / "reuters21578_sample_500.csv")
    lex = fr.load_lexicon("security")
    fast = find_hits(articles, lex, engine="hyperscan", sentences=False)
    pd.testing.assert_frame_equal(fast, find_hits(articles, lex, engine="python", sentences=False))
    assert len(fast) > 100
    stems = find_hits(articles, lex, engine="hyperscan", match="stem", sentences=False)
    pd.testing.assert_frame_equal(
        stems, find_hits(articles, lex, engine="python", match="stem", sentences=False)
    )
    assert len(stems) > len(fast)
    some = articles[articles["article_id"].isin(fast["article_id"].unique()[:12])]
    all_engines(some, lex)
    expected = [len(re.findall(r"\w+", nfkc(t))) for t in articles["text"].fillna("")]
    assert token_counts(articles)["n_tokens"].tolist() == expected


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("Erdoğan and Ağa agreed", ["and", "Ağa", "agreed"]),  # none after "ğ" in "Erdoğan"
        ("ağa aĞa Ağa", ["ağa", "aĞa", "Ağa"]),
        ("şah, aşa", ["aşa"]),
        ("ﬁnal, Ｆinal, ﬀaa", ["ﬁnal", "Ｆinal"]),  # NFKC forms: "fi", "F"
        ("Երևան, ewa eա", ["ewa"]),  # "e?a" counts characters: every substitution made
    ],
)
def test_prefix_globs_start_at_a_token(text, matches):
    # ASCII prefix globs are decided on the bytes; the byte before a match may be the tail
    # of a non-ASCII letter, which does not start a token
    lexicon = Lexicon.from_dict({"f": ["a*", "fin*", "e?a"]})
    hits = all_engines(arts(text, dtype="str"), lexicon)
    assert hits["match"].tolist() == matches


@pytest.mark.parametrize(
    ("entries", "matches"),
    [
        (["երեւան"], ["Երևան", "երեւան"]),  # the entry has the letters of "և" -> "եւ"
        (["threat*"], ["threats"]),  # it has not: "և" can stay as it is
        (["*ան"], ["Երևան", "երեւան"]),
    ],
)
def test_substitutions_only_where_they_can_matter(entries, matches):
    text = "Երևան threats, երեւան"
    hits = all_engines(arts(text, dtype="str"), Lexicon.from_dict({"f": entries}))
    assert sorted(hits["match"]) == sorted(matches)


# --- the on-disk cache of tables and databases ---------------------------------------------


def _fresh_tables():
    for f in (_unicode.word_table, _unicode.nfkc_tables, _unicode._upper_variants,
              _hyperscan.database, _hyperscan._compiled):  # fmt: skip
        f.cache_clear()


def _tables():
    unsupported, substituted, replace = _unicode.nfkc_tables()
    return (_unicode.word_table().copy(), unsupported.copy(), substituted.copy(),
            dict(replace), dict(_unicode._upper_variants()))  # fmt: skip


@pytest.mark.skipif(not _hyperscan.available(), reason="hyperscan is not installed")
def test_cached_tables_and_databases_equal_built_ones(tmp_path, monkeypatch):
    from framing import _cache

    lexicon = Lexicon.from_dict({"f": ["threat*", "ﬁnal", "Երեւան", "a?b", "war crisis"]})
    articles = arts("ﬁnal threats; Երևան. A war, crisis: axb", dtype="str")
    monkeypatch.setenv("FRAMING_CACHE_DIR", "")  # off: built here
    _fresh_tables()
    built, hits = _tables(), find_hits(articles, lexicon, sentences=False)
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    for _ in range(2):  # written, then read back
        _fresh_tables()
        cached = _tables()
        for a, b in zip(built, cached, strict=True):
            assert (a == b).all() if isinstance(a, np.ndarray) else a == b
        pd.testing.assert_frame_equal(find_hits(articles, lexicon, sentences=False), hits)
    entries = sorted(p.name.split("-")[0] for p in tmp_path.iterdir())
    assert entries == ["hyperscan", "nfkc", "nfkc", "upper", "word"]
    for path in tmp_path.iterdir():  # damaged entries are rebuilt, never trusted
        path.write_bytes(path.read_bytes()[:-1] + b"?")
    _fresh_tables()
    assert all((a == b).all() if isinstance(a, np.ndarray) else a == b
               for a, b in zip(built, _tables(), strict=True))  # fmt: skip
    pd.testing.assert_frame_equal(find_hits(articles, lexicon, sentences=False), hits)
    assert _cache.load("nothing-here") is None


def test_a_substitution_is_made_for_a_case_variant_of_the_lexicon():
    # "Ϲ" (lunate sigma) has the NFKC form "Σ", which lowers to the final "ς" at a word's end
    hits = all_engines(arts("SϹ ΟΔΟΣ", dtype="str"), Lexicon.from_dict({"f": ["sς", "οδος"]}))
    assert hits["match"].tolist() == ["SϹ", "ΟΔΟΣ"]


def test_joining_articles_gives_their_utf8_with_a_newline_around_each():
    import pyarrow as pa

    texts = pa.chunked_array([pa.array(["War again.", "", "Мир."], type=pa.large_string())])
    for given_as in (texts, ["War again.", "", "Мир."]):
        data, lengths = _buffer.joined(given_as, 0, 3)
        assert data == "\nWar again.\n\nМир.".encode() + _buffer._PAD
        assert lengths.tolist() == [10, 0, 7]


@needs_hyperscan
@pytest.mark.parametrize("entries", [["aa*"], ["*aa*"], ["a?a*", "threat"], ["aa* threat"]])
def test_articles_with_a_very_long_token_go_to_the_portable_engine(monkeypatch, entries):
    # issue 14.5: an open glob reports at every byte of a long token (a 4 MB run of one
    # letter took 9-40 s); such articles are counted by the portable engine, with the same hits
    texts = ["a aardvark threat", "a" * 3000 + " threat", "aa threat", "b" * 2000, "x aa"]
    arts_ = arts(*texts)
    lexicon = {"f": entries}
    expected = find_hits(arts_, lexicon, engine="reference")
    scanned = []
    original = _buffer.Buffer.supported_spans

    def spy(self):
        spans = original(self)
        scanned.append([self.data[a:b] for a, b in spans])
        return spans

    monkeypatch.setattr(_buffer.Buffer, "supported_spans", spy)
    got = find_hits(arts_, lexicon, engine="hyperscan")
    pd.testing.assert_frame_equal(got, expected)
    assert scanned and not any(b"a" * 2000 in piece or b"b" * 2000 in piece
                               for pieces in scanned for piece in pieces)  # fmt: skip


@needs_hyperscan
@pytest.mark.parametrize("match", ["exact", "stem"])
def test_entries_too_long_for_hyperscan_are_counted_by_the_portable_engine(match):
    # issue 14.10: a 5,000-character entry or a 400-word phrase ("Pattern length exceeds limit")
    phrase = " ".join(["word"] * 400)
    arts_ = arts("a threat " + phrase, "threats " + "x" * 5000)
    lexicon = {"f": ["x" * 5000, "threat"], "g": [phrase]}
    got = find_hits(arts_, lexicon, engine="hyperscan", match=match)
    pd.testing.assert_frame_equal(got, find_hits(arts_, lexicon, engine="reference", match=match))
    assert set(got["frame"]) == {"f", "g"}
