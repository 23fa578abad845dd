"""find_copies and copies= in the counts: edited copies of real articles, near-misses, bad input."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import framing as fr
from bench.copies.labelled import (
    EDITS,
    RUSSIAN,
    RUSSIAN_NEAR,
    clean_pool,
    labelled_corpus,
    score,
)
from framing._errors import FramingError, FramingWarning
from framing.copies import choose_copies, copy_pairs, find_copies
from framing.copies.stories import credits

RELEASES = "press_releases_kremlin_president_ua_2021-10_2022-06.csv"


@pytest.fixture(scope="module")
def releases(news_dir):
    df = pd.read_csv(news_dir / RELEASES, parse_dates=["date"])
    return df.rename(columns={"id": "article_id"})


@pytest.fixture(scope="module")
def labelled(releases):
    """The press releases with 320 edited copies (40 per kind) and 100 near-miss pairs."""
    return find_copies(labelled_corpus(releases, n=320, n_near=100, seed=3))


def _report(name: str, result: dict) -> None:
    print(
        f"\n{name}: {result['n_true']} true pairs, {result['n_found']} found; "
        f"precision {result['precision']:.3f}, recall {result['recall']:.3f}; partial copies "
        f"recall {result['partial_recall']:.3f} at precision {result['partial_precision']:.3f}"
        f"\n  recall by edit: {result['recall_by_edit']}\n  false pairs: {result['false_pairs']}"
    )


def test_labelled_pairs_meet_the_goals(labelled):
    result = score(labelled)
    _report("press releases, edited copies", result)
    assert result["n_true"] == 320
    assert result["precision"] >= 0.95
    assert result["recall"] >= 0.90
    assert result["partial_recall"] >= 0.85
    assert result["partial_precision"] >= 0.90


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_each_kind_of_edit_is_found(labelled, edit):
    copies = labelled[labelled["edit"] == edit]
    found = (copies["copy_of"] == copies["truth"]).mean()
    print(f"\n{edit}: {found:.3f} of {len(copies)} copies found at their original")
    assert found >= (0.85 if edit in ("reprint", "inside") else 1.0)


def test_reports_of_one_event_stay_apart(labelled):
    near = labelled[labelled["pair"].notna() & (labelled["pair"] != "")]
    assert len(near) == 200
    merged = near.groupby("pair")["story_id"].nunique()
    print(f"\nnear-misses merged: {(merged == 1).sum()} of {len(merged)} pairs")
    assert (merged == 2).all()


def test_two_releases_of_one_day_stay_apart(releases):
    """Real releases of one day on one topic (the same words in their titles) are no copies."""
    pool = clean_pool(releases)
    days = pool[pool["title"].str.contains("Zelenskyy|telephone", case=False, regex=True)]
    days = days[days.duplicated("date", keep=False)]
    assert len(days) >= 20
    found = find_copies(days)
    assert (found["copy_of"] == "").all()


def test_teaching_corpus_copies_are_exactly_the_republished():
    articles = fr.load_example()
    found = find_copies(articles)
    copies = found[found["copy_of"] != ""]
    truth = articles.dropna(subset=["republished_from"])
    assert set(zip(copies["article_id"], copies["copy_of"], strict=True)) == set(
        zip(truth["article_id"], truth["republished_from"], strict=True)
    )
    assert (copies["similarity"] >= 0.4).all()
    assert found.attrs["copies"]["n_copies"] == len(truth)


def test_russian_edited_copies_meet_the_goals():
    """Copies of the teaching corpus's Russian articles, two edits each, and near-misses."""
    articles = fr.load_example()
    russian = articles[articles["lang"] == "ru"].reset_index(drop=True)
    corpus = labelled_corpus(russian, n=40, n_near=8, seed=5, per_original=2, near_words=150)
    found = find_copies(corpus)
    result = score(found)
    _report("Russian teaching articles, edited copies", result)
    assert result["n_true"] == 20 * 3
    assert result["precision"] >= 0.95 and result["recall"] >= 0.90
    near = found[found["pair"].notna() & (found["pair"] != "")]
    assert len(near) == 16 and (near.groupby("pair")["story_id"].nunique() == 2).all()


@pytest.mark.parametrize("wire, copy", RUSSIAN)
def test_russian_copies(wire, copy):
    arts = pd.DataFrame({"article_id": ["tass", "copy", "near"],
                         "date": pd.to_datetime(["2022-03-03", "2022-03-04", "2022-03-04"]),
                         "text": [wire, copy, RUSSIAN_NEAR]})  # fmt: skip
    found = find_copies(arts)
    assert found["copy_of"].tolist() == ["", "tass", ""]


def test_russian_report_quoting_the_same_line_is_not_a_copy():
    pairs = copy_pairs([RUSSIAN[1][0], RUSSIAN_NEAR], 0.4, 0.7)
    assert not pairs["copy"].any()


WIRE = (
    "YEREVAN, June 12 (TCW) — Armenia will leave the Russian-led Collective Security Treaty "
    "Organization, Prime Minister Nikol Pashinyan told parliament on Wednesday, but he did not "
    "say when. Answering questions from lawmakers, Pashinyan said Armenia would decide the "
    "timing of its withdrawal itself. He repeated accusations that the bloc had failed to meet "
    "its obligations to Armenia after Azerbaijani attacks in 2021 and 2022. Russian officials "
    'said Armenia had not formally notified the organisation. "We will leave," he said.'
)
OWN_REPORT = (
    "Prime Minister Nikol Pashinyan faced a noisy session in parliament on Wednesday. "
    "Opposition deputies shouted from their seats as he spoke about the alliance with Moscow. "
    '"We will leave," he said, without naming a date. Our correspondent in the chamber saw '
    "several deputies walk out. Analysts in Yerevan said the statement was aimed at voters "
    "as much as at the Kremlin, and that a formal notice could still be months away."
)


@pytest.mark.parametrize(
    "copy, is_copy",
    [
        (WIRE.replace('"', "«", 1).replace('"', "»", 1), True),  # guillemets
        (WIRE.replace('"We will leave,"', "“We will leave,”"), True),  # curly quotes
        (WIRE.replace(" ", "  ").replace(". ", ".\n\n"), True),  # white space, paragraphs
        ("GYUMRI — Residents had mixed feelings on Wednesday. " + WIRE, True),  # local lead
        (WIRE.rsplit(". ", 2)[0] + ".", True),  # cut ending
        (WIRE.replace("bloc", "alliance").replace("Wednesday", "Weds"), True),  # words changed
        (WIRE.upper(), True),  # case
        (OWN_REPORT, False),  # another outlet's own report of the same session
        ("Armenia will leave the CSTO.", False),  # a headline only
    ],
)
def test_edits_of_a_written_wire_story(copy, is_copy):
    arts = pd.DataFrame({"article_id": ["wire", "copy"], "text": [WIRE, copy],
                         "date": pd.to_datetime(["2024-06-12", "2024-06-13"])})  # fmt: skip
    assert (find_copies(arts).loc[1, "copy_of"] == "wire") is is_copy


def test_credited_wire_is_the_original_even_when_later():
    arts = pd.DataFrame({
        "article_id": ["daily", "tcw", "post"],
        "outlet": ["Yerevan Daily", "Transcontinental Wire", "Evening Post"],
        "dateline_source": ["TCW", "", "TCW"],
        "date": pd.to_datetime(["2024-06-12 08:00", "2024-06-12 09:00", "2024-06-13 00:00"]),
        "text": [WIRE, WIRE, WIRE],
    })  # fmt: skip
    found = find_copies(arts)
    assert found["story_id"].tolist() == ["tcw"] * 3
    assert found["copy_of"].tolist() == ["tcw", "", "tcw"]
    assert found["similarity"].tolist() == [1.0, 1.0, 1.0]


def test_earliest_is_the_original_without_credit():
    arts = pd.DataFrame({"article_id": ["b", "a"], "text": [WIRE, WIRE + " More."],
                         "date": pd.to_datetime(["2024-06-13", "2024-06-12"])})  # fmt: skip
    assert find_copies(arts)["copy_of"].tolist() == ["a", ""]


@pytest.mark.parametrize(
    "outlet, source, expected",
    [("Transcontinental Wire", "TCW", True), ("Associated Press", "AP", True),
     ("Armenpress", "AP", False), ("Reuters", "Reuters", True), ("RIA Novosti", "RIA", True),
     ("Daily Mirror", "TCW", False), ("", "TCW", False)],
)  # fmt: skip
def test_credits(outlet, source, expected):
    assert credits(outlet, source) is expected


@pytest.mark.parametrize("text", ["", None, np.nan, "word", "Word.", "two words", "  \n "])
def test_empty_and_one_word_texts_are_never_copies(text):
    arts = pd.DataFrame({"article_id": [str(i) for i in range(4)], "text": [text] * 4})
    found = find_copies(arts)
    assert (found["copy_of"] == "").all()
    assert found["story_id"].tolist() == ["0", "1", "2", "3"]


def test_boilerplate_pages_warn_instead_of_a_giant_story():
    page = "Please enable JavaScript and cookies to continue to this page of our website."
    arts = pd.DataFrame({"article_id": [f"p{i}" for i in range(150)] + ["wire", "copy"],
                         "text": [page] * 150 + [WIRE, WIRE]})  # fmt: skip
    with pytest.warns(FramingWarning, match="boilerplate"):
        found = find_copies(arts, max_copies=100)
    assert (found["copy_of"].iloc[:150] == "").all()
    assert found["copy_of"].iloc[-1] == "wire"


def test_a_long_text_without_punctuation():
    rng = np.random.default_rng(0)
    words = np.array(["alpha", "beta", "gamma", "delta", "ёж", "щит", "x1", "y2"])
    text = " ".join(rng.choice(words, size=180_000))  # about 1 MB, no punctuation
    arts = pd.DataFrame({"article_id": ["a", "b", "c"], "text": [text, text[:500_000], WIRE]})
    found = find_copies(arts)
    assert found["copy_of"].tolist() == ["", "a", ""]


def test_input_is_not_changed_and_columns_are_added():
    arts = pd.DataFrame({"article_id": ["a", "b"], "text": [WIRE, WIRE]})
    before = arts.copy()
    found = find_copies(arts)
    pd.testing.assert_frame_equal(arts, before)
    assert list(found.columns) == ["article_id", "text", "story_id", "copy_of", "similarity"]


@pytest.mark.parametrize("bad", [{"threshold": 0}, {"threshold": 1.5}, {"containment": "x"}])
def test_bad_options(bad):
    with pytest.raises(FramingError, match="find_copies"):
        find_copies(pd.DataFrame({"article_id": ["a"], "text": ["x"]}), **bad)


def test_missing_column():
    with pytest.raises(FramingError, match="text"):
        find_copies(pd.DataFrame({"article_id": ["a"]}))


# --- copies= in the counts ---------------------------------------------------------------


def _counted():
    arts = pd.DataFrame({
        "article_id": ["tcw", "daily", "post", "own"],
        "outlet": ["Transcontinental Wire", "Yerevan Daily", "Evening Post", "Yerevan Daily"],
        "dateline_source": ["", "TCW", "TCW", ""],
        "date": pd.to_datetime(["2024-06-12", "2024-06-13", "2024-07-01", "2024-07-02"]),
        "text": [WIRE, "GYUMRI — A local lead. " + WIRE, WIRE, OWN_REPORT],
    })  # fmt: skip
    hits = pd.DataFrame({"article_id": ["tcw", "daily", "daily", "post", "own"],
                         "frame": "exit"})  # fmt: skip
    return hits, find_copies(arts)


def test_count_by_period_drop_counts_each_story_once():
    hits, arts = _counted()
    keep = fr.count_by_period(hits, arts, freq="M")
    drop = fr.count_by_period(hits, arts, freq="M", copies="drop")
    assert keep["n_hits"].tolist() == [3, 2]
    assert drop["n_hits"].tolist() == [1, 1]
    assert drop["n_articles"].tolist() == [1, 1]
    summary = drop.attrs["provenance"]["copies"]
    assert summary["n_copies"] == 2 and summary["hits_dropped"] == 3
    assert keep.attrs["provenance"]["copies"]["copies"] == "keep"


def test_count_by_period_origin_credits_the_wire():
    hits, arts = _counted()
    origin = fr.count_by_period(hits, arts, freq="Y", by="outlet", copies="origin")
    by_outlet = origin.set_index("outlet")["n_hits"].to_dict()
    assert by_outlet == {"Transcontinental Wire": 4, "Yerevan Daily": 1}
    summary = origin.attrs["provenance"]["copies"]
    assert summary["articles_moved"] == 2 and summary["hits_moved"] == 3


def test_copies_need_find_copies_first():
    hits, arts = _counted()
    with pytest.raises(FramingError, match="find_copies"):
        fr.count_by_period(hits, arts.drop(columns=["copy_of"]), copies="drop")
    with pytest.raises(FramingError, match="copies"):
        fr.count_by_period(hits, arts, copies="once")
    plain = fr.count_by_period(hits, arts.drop(columns=["copy_of"]))
    assert "copies" not in plain.attrs["provenance"]


def test_keyness_and_compare_take_copies():
    hits, arts = _counted()
    hits = hits.assign(entry="leave")
    key = fr.keyness(hits, arts, target="Yerevan Daily", copies="drop")
    assert key["n_target"].tolist() == [1]
    key = fr.keyness(hits, arts, target="Yerevan Daily", copies="origin")
    assert key["n_target"].tolist() == [1] and key["n_reference"].tolist() == [4]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FramingWarning)
        ratio = fr.compare(hits, arts, between="outlet", n_boot=50, copies="drop")
    assert ratio.attrs["provenance"]["copies"]["hits_dropped"] == 3
    assert set(ratio["group"]) == {"Transcontinental Wire", "Yerevan Daily"}


def test_choose_copies_keeps_the_callers_tables():
    hits, arts = _counted()
    before_hits, before_arts = hits.copy(), arts.copy()
    choose_copies(hits, arts, "origin", "count_by_period")
    choose_copies(hits, arts, "drop", "count_by_period")
    pd.testing.assert_frame_equal(hits, before_hits)
    pd.testing.assert_frame_equal(arts, before_arts)


def test_pass_two_from_kept_shingles_equals_hashing_again(releases):
    from framing.copies.detect import copy_index, measured_pairs
    from framing.copies.index import candidate_pairs

    texts = releases["text"].tolist()[:600] + [WIRE, WIRE.upper(), "", None]
    fp, art, kept = copy_index(texts, 8, keep=10**9)
    assert copy_index(texts, 8, keep=0)[2] is None
    pairs, _ = candidate_pairs(fp, art)
    assert len(pairs) >= 1
    for a, b in zip(measured_pairs(texts, pairs, kept), measured_pairs(texts, pairs), strict=True):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize(
    "text",
    ["The “CSTO” failed us,  he said.", "Саммит ОДКБ № 5: «провал»", "ﬁnal re\u0301sume\u0301",
     "İstanbul İİ", "ΟΔΥΣΣΕΥΣ Σ", "Armenia’s ally 5\" fellow-citizens", "", "   ", "x",
     "Threat…and\u00a0more\u202f№\u20095 ﬁ…"],
)  # fmt: skip
def test_shingles_use_framings_tokens(text):
    from framing.copies.shingles import shingle_hashes
    from framing.tokens import word_tokens

    alone, n_alone = shingle_hashes([text], size=1)
    both, n_both = shingle_hashes(["Before it.", text, "After it."], size=1)
    assert n_alone.tolist() == [len(word_tokens(text))]
    assert n_both.tolist() == [2, len(word_tokens(text)), 2]
    np.testing.assert_array_equal(both[2 : 2 + len(alone)], alone)


def test_a_story_copied_by_many_outlets_is_one_story(releases):
    """80 outlets reprint one release with small edits: its fingerprints are in more than
    max_group articles, so the index links them through hubs; one story, all found."""
    rng = np.random.default_rng(7)
    text = clean_pool(releases).query("text.str.len() > 2000")["text"].iloc[-1]
    words = text.split(" ")
    copies = []
    for _ in range(80):
        edited = list(words)
        for k in rng.choice(len(words), size=len(words) // 80, replace=False):
            edited[k] = "changed"
        copies.append(" ".join(edited))
    arts = pd.DataFrame({"article_id": ["wire"] + [f"c{i}" for i in range(80)],
                         "text": [text] + copies,
                         "date": pd.to_datetime(["2022-01-01"] + ["2022-01-02"] * 80)})  # fmt: skip
    others = releases.head(200)[lambda d: d["text"] != text]
    found = find_copies(pd.concat([arts, others], ignore_index=True))
    assert (found["story_id"].iloc[:81] == "wire").all()
    assert (found["copy_of"].iloc[1:81] == "wire").all()


def test_a_digest_of_headlines_merges_nothing(releases):
    """A weekly digest repeating the first sentence of six releases is no copy of any, and
    does not join them into one story."""
    from bench.copies.labelled import sentences

    six = clean_pool(releases).query("text.str.len() > 1500").head(6)
    digest = " ".join(sentences(t)[0] for t in six["text"])
    arts = pd.concat([six, pd.DataFrame({"article_id": ["digest"], "text": [digest],
                                         "date": pd.to_datetime(["2022-06-30"])})],
                     ignore_index=True)  # fmt: skip
    found = find_copies(arts)
    assert (found["copy_of"] == "").all()
    assert found["story_id"].nunique() == 7


def test_duplicate_ids_are_refused():
    with pytest.raises(FramingError, match="unique"):
        find_copies(pd.DataFrame({"article_id": ["a", "a"], "text": [WIRE, WIRE]}))


def test_teaching_corpus_counts_move_as_the_summary_says(nltk_data):
    articles = find_copies(fr.load_example())
    hits = fr.find_hits(articles, fr.load_lexicon())
    counts = {
        mode: fr.count_by_period(hits, articles, freq="Y", by="outlet", copies=mode)
        for mode in ("keep", "drop", "origin")
    }
    total = {mode: int(c["n_hits"].sum()) for mode, c in counts.items()}
    summary = counts["drop"].attrs["provenance"]["copies"]
    assert summary["n_copies"] == 7 and summary["hits_dropped"] > 0
    assert total["drop"] == total["keep"] - summary["hits_dropped"]
    assert total["origin"] == total["keep"]
    wire = {
        m: c.loc[c["outlet"] == "Transcontinental Wire", "n_hits"].sum() for m, c in counts.items()
    }
    moved = counts["origin"].attrs["provenance"]["copies"]["hits_moved"]
    assert wire["origin"] == wire["keep"] + moved and wire["drop"] == wire["keep"]
    frame = counts["keep"]["frame"].iloc[0]
    n_articles = {m: int(c.loc[c["frame"] == frame, "n_articles"].sum()) for m, c in counts.items()}
    assert n_articles["drop"] == n_articles["keep"] - 7 == n_articles["origin"] - 7


def test_shingle_tokens_agree_with_framings_on_real_texts(news_dir):
    from framing.copies.shingles import shingle_hashes
    from framing.tokens import word_tokens

    texts = pd.read_csv(news_dir / "press_releases_sample_100.csv")["text"].tolist()
    texts += pd.read_csv(news_dir / "reuters21578_sample_500.csv")["text"].tolist()
    _, counts = shingle_hashes(texts, size=1)
    expected = [len(word_tokens(t)) if isinstance(t, str) else 0 for t in texts]
    assert counts.tolist() == expected


@pytest.mark.parametrize("min_shared", [1, 3])
def test_bounded_candidate_search_finds_the_pairs_of_the_definition(min_shared):
    from framing.copies.index import MAX_GROUP, candidate_pairs, find_candidates

    rng = np.random.default_rng(7)
    # 300 articles of up to 16 fingerprints from 40 values of unequal frequency: groups
    # over MAX_GROUP (linked to hubs) and under, and articles without fingerprints
    sizes = rng.integers(0, 17, 300).astype(np.uint8)
    weight = 1 / np.arange(1, 41)
    keys = np.concatenate(
        [np.sort(rng.choice(40, s, replace=False, p=weight / weight.sum())) for s in sizes]
    )
    fp = (keys * 7919).astype(np.uint32)
    article = np.repeat(np.arange(300, dtype=np.int32), sizes)
    groups = np.bincount(keys)
    assert (groups > MAX_GROUP).any() and (groups[groups > 1] <= MAX_GROUP).any()
    whole = candidate_pairs(fp, article, min_shared=min_shared)
    assert len(whole[0]) > 100
    for budget in (90, 20_000, None):  # a part per article, several parts, one part
        got = find_candidates(fp, sizes, min_shared=min_shared, budget=budget)
        for expected, found in zip(whole, got, strict=True):
            np.testing.assert_array_equal(found, expected)


def test_bounded_candidate_search_of_nothing():
    from framing.copies.index import find_candidates

    pairs, shared = find_candidates(np.zeros(0, np.uint32), np.zeros(3, np.uint8))
    assert pairs.shape == (0, 2) and len(shared) == 0
