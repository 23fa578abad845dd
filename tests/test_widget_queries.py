"""The explorer's query box and copies chooser, headless: set each control, check the counts.

The oracle is :func:`framing.count_by_period` called directly: on the hits
:func:`framing.find_hits` finds with a one-entry lexicon (a query), with the lexicon plus
the added entry (Add to frame), or with ``copies=`` on the articles marked by
:func:`framing.find_copies` (the copies chooser), filtered here with plain pandas.
"""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd
import pytest
from PIL import Image

import framing as fr
from framing.aggregate import count_by_period
from framing.match import find_hits
from framing.widgets import explore

COLUMNS = ["n_hits", "n_articles", "n_articles_with_hit", "n_tokens", "per_1k_tokens",
           "per_1k_tokens_lo", "per_1k_tokens_hi", "share_of_articles"]  # fmt: skip


@pytest.fixture(scope="module")
def teaching():
    articles = fr.find_copies(fr.clean_articles(fr.load_example()))
    lexicon = fr.load_lexicon("security")
    hits = find_hits(articles, lexicon, sentences=False)
    return articles, lexicon, hits


def status(ex) -> str:
    """The status line's messages, one a line."""
    return "\n".join(text for _, text in ex.messages)


def chosen(ex, articles):
    """The articles of the chosen outlets and months, and the first and last day."""
    first, last = ex.dates.value
    months = articles["date"].dt.strftime("%Y-%m")
    keep = articles["outlet"].isin(ex.outlets.value) & (months >= first) & (months <= last)
    return articles[keep], pd.Timestamp(first), pd.Period(last, "M").end_time


def expected(ex, hits, articles, frame: str, label: str, **options) -> pd.DataFrame:
    """count_by_period of one frame of ``hits`` over what the controls choose."""
    arts, start, end = chosen(ex, articles)
    by = None if ex.compare.value == "pooled" else "outlet"
    mine = hits[(hits["frame"] == frame) & hits["article_id"].isin(arts["article_id"])]
    counts = count_by_period(mine, arts, freq=ex.freq.value, by=by, frames=[frame],
                             start=start, end=end, **options)  # fmt: skip
    return counts.assign(frame=label)


def shown(ex, label: str) -> pd.DataFrame:
    return ex.counts[ex.counts["frame"] == label].reset_index(drop=True)


def assert_counts_equal(ex, label: str, oracle: pd.DataFrame) -> None:
    keys = ["period"] + (["outlet"] if "outlet" in oracle.columns else [])
    mine = shown(ex, label).sort_values(keys, kind="stable").reset_index(drop=True)
    theirs = oracle.sort_values(keys, kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(
        mine[keys + COLUMNS], theirs[keys + COLUMNS], check_dtype=False, check_exact=False,
        rtol=1e-12,
    )  # fmt: skip


def drawn_labels(ex) -> set:
    return {ln.get_label() for ax in ex.figure.axes for ln in ax.lines
            if not ln.get_label().startswith("_")}  # fmt: skip


# --------------------------------------------------------------------------------------
# the query box
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "term, changes",
    [("threat*", {}),
     ("security guarantee*", {"compare": "pooled", "freq": "quarter"}),
     ("угроз*", {"outlets": ("Yerevan Ledger", "Severny Kurier"), "dates": ("2023-01", "2023-12")}),
     ("peacekeep?rs", {"compare": "outlets", "smooth": 3})],
    ids=["glob", "phrase-pooled-quarter", "russian-two-outlets-2023", "wildcard-outlets"],
)  # fmt: skip
def test_a_query_is_counted_as_count_by_period_counts_its_one_entry_lexicon(
    teaching, term, changes
):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, frames=["threat"])
    for name, value in changes.items():
        getattr(ex, name).value = value
    ex.query.value = term  # what Enter sends
    label = f'"{term}"'
    assert ex.series.value == ("threat", label)
    assert ex.query.value == ""  # the box is cleared for the next term
    assert "fr-status-error" not in ex.status.value, status(ex)
    query_hits = find_hits(articles, {"q": [term]}, sentences=False)
    assert len(query_hits) > 0
    assert f"Query {label}: {len(query_hits):,} hits in the corpus" in status(ex)
    assert_counts_equal(ex, label, expected(ex, query_hits, articles, "q", label))
    assert_counts_equal(ex, "threat", expected(ex, hits, articles, "threat", "threat"))
    assert label in drawn_labels(ex) or ex.compare.value == "outlets"


@pytest.mark.parametrize("first", ["voice", "query"])
def test_a_query_is_counted_in_the_chosen_voice(teaching, first):
    # the explorer finds its hits' voices when a voice is first chosen: a query typed
    # before that gets its voices then, with the lexicon's hits
    articles, lexicon, _ = teaching
    small = articles[articles["outlet"].isin(["Eurasian Herald", "Diaspora Mirror"])]
    voice = "quotes" if first == "voice" else "all"
    ex = explore(small, lexicon, frames=["threat"], voice=voice, compare="pooled")
    ex.query.value = "threat*"
    ex.voice.value = "quotes"
    query_hits = fr.add_voice(find_hits(small, {"q": ["threat*"]}, sentences=False), small)
    quoted = ["quote", "scare_quote"]
    oracle = expected(ex, query_hits, small, "q", '"threat*"', voice=quoted)
    assert_counts_equal(ex, '"threat*"', oracle)
    ex.kwic_frame.value = '"threat*"'
    n_quoted = query_hits["voice"].isin(quoted).sum()
    assert 0 < n_quoted < len(query_hits)
    assert ex.kwic_page_label.value.endswith(f"of {n_quoted}")


def test_a_query_follows_the_other_controls(teaching):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, frames=["alliance"])
    ex.query.value = "treat*"
    before = ex.chart.value
    ex.measure.value = "share_of_articles"
    ex.outlets.value = ("Diaspora Mirror",)
    ex.freq.value = "year"
    assert ex.chart.value != before
    query_hits = find_hits(articles, {"q": ["treat*"]}, sentences=False)
    assert_counts_equal(ex, '"treat*"', expected(ex, query_hits, articles, "q", '"treat*"'))


def test_several_queries_at_once_and_removed(teaching):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, frames=["threat"], compare="pooled")
    ex.query.value = "threat*"
    ex.query_draw.click()  # an empty box: nothing happens
    ex.query.value = "security guarantee*"
    assert ex.series.value == ("threat", '"threat*"', '"security guarantee*"')
    assert drawn_labels(ex) == {"threat", '"threat*"', '"security guarantee*"'}
    assert ex.queries.options == ('"threat*"', '"security guarantee*"')
    assert ex.queries.value == '"security guarantee*"'  # the last one drawn
    ex.queries.value = '"threat*"'
    ex.query_remove.click()
    assert ex.queries.options == ('"security guarantee*"',)
    assert ex.series.value == ("threat", '"security guarantee*"')
    assert drawn_labels(ex) == {"threat", '"security guarantee*"'}
    assert '"threat*"' not in dict(ex.series.options).values()
    assert '"threat*"' not in set(ex.counts["frame"])
    ex.query_remove.click()
    assert ex.queries.options == () and ex.query_remove.disabled and ex.query_add.disabled
    assert ex.series.value == ("threat",)
    assert set(ex.hits["frame"]) <= set(lexicon.frame_names)  # the lexicon's hits only


@pytest.mark.parametrize(
    "term, message",
    [("threat|danger", "'threat|danger' is not a word, glob or phrase: it holds '|'"),
     ("security *", "bare wildcard token '*'"),
     ("*", "has no letter or digit"),
     ("[a-z]+", "(a regular expression?)")],
)  # fmt: skip
def test_invalid_queries_give_a_message_not_a_traceback(teaching, term, message):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, frames=["threat"])
    ex.copies.value = "drop"
    chart = ex.chart.value
    ex.query.value = term
    assert message in status(ex)
    assert status(ex).splitlines()[-1].startswith("query box: ")
    assert status(ex).startswith("Copies: ")  # the notes on the chart stay
    assert ex.errors.outputs == ()  # no traceback
    assert ex.chart.value == chart and ex.series.value == ("threat",)
    assert ex.queries.options == ()


def test_the_same_query_twice_says_so(teaching):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, frames=["threat"])
    ex.query.value = "threat*"
    ex.query.value = " threat* "
    assert '"threat*" is on the chart already' in status(ex)
    assert ex.queries.options == ('"threat*"',)


def test_a_query_has_its_passages(teaching):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, frames=["threat"], page_size=50)
    ex.query.value = "security guarantee*"
    ex.kwic_frame.value = '"security guarantee*"'
    n = len(find_hits(articles, {"q": ["security guarantee*"]}, sentences=False))
    assert ex.kwic_page_label.value == f"1–{min(n, 50)} of {n}"
    marked = re.findall(r"<mark>(.*?)</mark>", ex.kwic_html.value)
    assert marked and all(re.fullmatch(r"(?i)security guarantee\w*", m) for m in marked)


def test_add_to_frame_makes_a_new_lexicon_and_recounts(teaching, tmp_path):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, frames=["alliance"], compare="pooled")
    ex.query.value = "partner*"
    ex.query_frame.value = "alliance"
    ex.query_add.click()
    new = ex.lexicon
    assert new is not lexicon and isinstance(new, fr.Lexicon)
    assert [e.pattern for e in new.frames["alliance"]] == [
        e.pattern for e in lexicon.frames["alliance"]
    ] + ["partner*"]
    assert "partner*" not in [e.pattern for e in lexicon.frames["alliance"]]
    assert new.hash != lexicon.hash and new.exclusions == lexicon.exclusions
    # the frame is recounted with the new lexicon
    oracle_hits = find_hits(articles, new, sentences=False)
    assert_counts_equal(ex, "alliance", expected(ex, oracle_hits, articles, "alliance",
                                                 "alliance"))  # fmt: skip
    before = (hits["frame"] == "alliance").sum()
    after = (oracle_hits["frame"] == "alliance").sum()
    assert after > before
    assert f"Added 'partner*' to frame 'alliance': {before:,} hits before, " \
           f"{after:,} now" in status(ex)  # fmt: skip
    assert "alliance: partner*" in dict(ex.series.options).values()
    assert ex.hits.attrs["lexicon_hash"] == new.hash
    # saved with the lexicon's own function, it reads back the same
    path = tmp_path / "security-plus.yml"
    new.to_yaml(path)
    assert fr.read_lexicon(path) == new


def test_add_to_frame_refuses_an_entry_it_has(teaching):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, frames=["threat"])
    entry = lexicon.frames["threat"][0].pattern
    ex.query.value = entry
    ex.query_frame.value = "threat"
    ex.query_add.click()
    assert f"frame 'threat' already has the entry {entry!r}" in status(ex)
    assert ex.lexicon is lexicon


def test_without_a_lexicon_add_to_frame_is_disabled(teaching):
    articles, _, hits = teaching
    ex = explore(articles, hits=hits)
    ex.query.value = "threat*"
    assert '"threat*"' in ex.series.value
    assert ex.query_add.disabled and ex.query_frame.disabled


def test_a_counts_table_has_no_query_box(teaching):
    articles, lexicon, hits = teaching
    ex = explore(counts=count_by_period(hits, articles))
    assert ex.query.disabled and ex.query_draw.disabled
    assert "Queries need the articles' text" in html.unescape(ex.query_note.value)


# --------------------------------------------------------------------------------------
# the copies chooser
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("copies", ["keep", "drop", "origin"])
@pytest.mark.parametrize("compare", ["frames", "pooled"])
def test_the_copies_chooser_counts_as_count_by_period_copies(teaching, copies, compare):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, frames=["threat", "alliance"], compare=compare)
    before = ex.counts.copy()
    ex.copies.value = copies
    assert "fr-status-error" not in ex.status.value, status(ex)
    for frame in ("threat", "alliance"):
        oracle = expected(ex, hits, articles, frame, frame, copies=copies)
        assert_counts_equal(ex, frame, oracle)
    if copies == "drop" or (copies == "origin" and compare == "frames"):  # pooled: no outlets
        assert not ex.counts[COLUMNS].equals(before[COLUMNS])


@pytest.mark.parametrize("outlets", [("Transcontinental Wire",), ("Yerevan Ledger",)])
def test_copies_for_the_original_outlet_with_one_outlet_chosen(teaching, outlets):
    # the Ledger's copies of wire stories count for the Wire: the oracle counts the whole
    # table with copies="origin" and keeps the chosen outlet's rows
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, frames=["threat"], outlets=list(outlets))
    ex.copies.value = "origin"
    whole = count_by_period(hits[hits["frame"] == "threat"], articles, by="outlet",
                            frames=["threat"], copies="origin")  # fmt: skip
    start, end = ex.counts["period"].min(), ex.counts["period"].max()
    oracle = whole[whole["outlet"].isin(outlets) & whole["period"].between(start, end)]
    mine = shown(ex, "threat")
    assert mine["n_hits"].sum() == oracle["n_hits"].sum()
    assert mine["n_tokens"].sum() == oracle["n_tokens"].sum()
    np.testing.assert_array_equal(
        mine.sort_values("period")["n_articles"], oracle.sort_values("period")["n_articles"]
    )


@pytest.mark.parametrize("copies", ["drop", "origin"])
def test_the_status_line_says_what_the_copies_changed(teaching, copies):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits)  # every frame: every hit is on the chart
    ex.copies.value = copies
    tokens = articles.assign(n_tokens=fr.token_counts(articles)["n_tokens"].to_numpy())
    summary = count_by_period(hits, tokens, copies=copies).attrs["provenance"]["copies"]
    text = status(ex)
    assert (f"Copies: {summary['n_copies']} copies of {summary['n_stories_with_copies']} "
            f"stories among the chosen articles hold {summary['n_hits_in_copies']:,} of the "
            f"chart's {len(hits):,} hits") in text  # fmt: skip
    if copies == "drop":
        assert f"left out, with their {summary['tokens_dropped']:,} tokens" in text
    else:
        assert f"{summary['articles_moved']} copies and their {summary['hits_moved']} hits" in text


def test_copies_are_found_when_the_articles_do_not_say(teaching):
    articles, lexicon, hits = teaching
    plain = articles.drop(columns=["story_id", "copy_of", "similarity"])
    ex = explore(plain, lexicon, hits=hits, frames=["threat"])
    assert "Copies" not in status(ex)  # nothing is searched until asked
    ex.copies.value = "drop"
    assert "Copies (found by fr.find_copies with its defaults): 7 copies" in status(ex)
    assert_counts_equal(ex, "threat", expected(ex, hits, articles, "threat", "threat",
                                               copies="drop"))  # fmt: skip


def test_dropped_copies_leave_the_passages_too(teaching):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, frames=["threat"])
    ex.copies.value = "drop"
    copies = set(articles.loc[articles["copy_of"] != "", "article_id"])
    mine = hits[(hits["frame"] == "threat") & ~hits["article_id"].isin(copies)]
    assert ex.kwic_page_label.value.endswith(f"of {len(mine)}")


def test_without_copies_or_texts_the_chooser_is_disabled(teaching):
    articles, lexicon, hits = teaching
    bare = articles.drop(columns=["text", "story_id", "copy_of", "similarity"])
    bare = bare.assign(n_tokens=fr.token_counts(articles)["n_tokens"].to_numpy())
    ex = explore(bare, hits=hits)
    assert ex.copies.disabled and ex.copies_note.layout.display is None
    assert "fr.find_copies" in ex.copies_note.value
    with pytest.raises(fr.FramingError, match=r"explore\(copies=...\).*find_copies"):
        explore(bare, hits=hits, copies="drop")
    with pytest.raises(fr.FramingError, match="copies"):
        explore(articles, lexicon, hits=hits, copies="twice")


def test_new_controls_have_css_hooks_and_export_names_them(teaching, tmp_path):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, frames=["threat"], copies="drop")
    hooks = {"copies": "fr-copies", "query": "fr-query", "query_draw": "fr-query-draw",
             "queries": "fr-queries", "query_remove": "fr-query-remove",
             "query_frame": "fr-query-frame", "query_add": "fr-query-add"}  # fmt: skip
    for attr, css in hooks.items():
        assert css in getattr(ex, attr)._dom_classes, attr
    ex.query.value = "threat*"
    paths = ex.export("x", directory=tmp_path, formats=["png"])
    description = Image.open(paths["png"]).text["Description"]
    assert '"copies": "drop"' in description and '"queries": ["threat*"]' in description
    assert '"threat*"' in set(pd.read_csv(paths["csv"])["frame"])
