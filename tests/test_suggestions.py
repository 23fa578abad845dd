"""``suggest_terms``: the words near a frame's hits that no entry has, each with passages."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import framing as fr
from framing import FramingError


@pytest.fixture(scope="module")
def teaching():
    articles = fr.clean_articles(fr.load_example())
    return articles, fr.load_lexicon("security")


def test_candidates_are_not_entries_and_each_passage_holds_it(teaching):
    articles, lexicon = teaching
    table = fr.suggest_terms(articles, lexicon, "threat", n=15, examples=3)
    assert 0 < len(table) <= 15
    assert (table["g2"] > 0).all() and table["g2"].is_monotonic_decreasing
    # no entry of the lexicon matches a candidate (the oracle: find_hits on the word alone)
    words = pd.DataFrame({"article_id": table["collocate"], "text": table["collocate"]})
    matched = fr.find_hits(words, lexicon)
    whole = matched[matched["start"].eq(0) & matched["end"].eq(matched["article_id"].str.len())]
    assert whole.empty, whole[["article_id", "entry"]]
    # the passages: by hand, every kwic line of the frame's hits whose context holds the word
    hits = fr.find_hits(articles, lexicon)
    lines = fr.kwic(hits[hits["frame"] == "threat"], articles, window=5, highlight=("[", "]"))
    for term, examples, n_examples in table[["collocate", "examples", "n_examples"]].itertuples(
        index=False
    ):
        pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, term.split())) + r"(?!\w)")
        holding = [
            line
            for line, left, right in zip(lines["line"], lines["left"], lines["right"], strict=True)
            if pattern.search(left.lower()) or pattern.search(right.lower())
        ]
        assert n_examples == len(holding), term
        assert examples == holding[:3], term
        assert all("[" in e and "]" in e for e in examples)


def test_russian_candidates(teaching):
    articles, lexicon = teaching
    ru = articles[articles["lang"] == "ru"]
    table = fr.suggest_terms(ru, lexicon, "threat", n=5, examples=2, min_count=2)
    assert len(table) > 0
    assert table["collocate"].str.contains(r"[а-яё]").any()
    assert (table["n_examples"] >= table["examples"].str.len()).all()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n": 0}, r"suggest_terms\(n=...\)"),
        ({"examples": -1}, r"suggest_terms\(examples=...\)"),
        ({"examples": 2.5}, r"suggest_terms\(examples=...\)"),
    ],
)
def test_bad_arguments_are_named(teaching, kwargs, message):
    articles, lexicon = teaching
    with pytest.raises(FramingError, match=message):
        fr.suggest_terms(articles, lexicon, "threat", **kwargs)


def test_an_unknown_frame_names_the_frames(teaching):
    articles, lexicon = teaching
    with pytest.raises(FramingError, match="threat"):
        fr.suggest_terms(articles, lexicon, "threats")
