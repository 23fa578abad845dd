"""The table contracts: which table a frame is, and the mix-ups each check names."""

from __future__ import annotations

import pandas as pd
import pytest

from framing import FramingError, Lexicon
from framing._tables import (
    as_lexicon,
    check_articles,
    check_comparison,
    check_counts,
    check_hits,
    entry_order,
    frame_order,
    table_kind,
)

ARTICLES = pd.DataFrame({"article_id": ["a"], "text": ["A threat."]})
HITS = pd.DataFrame({"article_id": ["a"], "frame": ["threat"], "start": [2], "end": [8]})
COUNTS = pd.DataFrame({"period": ["2024-01"], "frame": ["threat"], "n_hits": [1]})
COMPARISON = pd.DataFrame({"frame": ["threat"], "group": ["X"], "ratio": [2.0]})


@pytest.mark.parametrize(
    ("table", "kind"),
    [
        (ARTICLES, "articles"),
        (HITS, "hits"),
        (HITS.drop(columns=["start", "end"]), "hits"),
        (COUNTS, "counts"),
        (COMPARISON, "comparison"),
        (pd.DataFrame({"x": [1]}), None),
        ([1], None),
    ],
)
def test_table_kind(table, kind):
    assert table_kind(table) == kind


@pytest.mark.parametrize(
    ("check", "message"),
    [
        (
            lambda: check_hits(ARTICLES, "f"),
            "f needs the hits table first; you passed the articles",
        ),
        (lambda: check_hits(COUNTS, "f"), "f needs the hits table; you passed a counts table"),
        (
            lambda: check_articles(HITS, "f", second=True),
            "articles table second; you passed a hits",
        ),
        (lambda: check_articles(COUNTS, "f"), "f needs the articles table; you passed a counts"),
        (lambda: check_counts(HITS, "f"), "f needs a counts table; you passed articles or hits"),
        (lambda: check_comparison(COUNTS, "f"), "needs a comparison table; you passed counts"),
        (lambda: check_hits(HITS, "f", ["entry"]), "hits table has no column 'entry'"),
        (lambda: check_articles([1], "f"), "expected the articles table as a pandas DataFrame"),
        (lambda: as_lexicon(42, "f"), r"f\(lexicon=\.\.\.\): expected a Lexicon"),
    ],
)
def test_checks_name_the_mixup(check, message):
    with pytest.raises(FramingError, match=message):
        check()


def test_an_articles_table_may_have_a_start_column():
    check_articles(ARTICLES.assign(start=[0]), "find_hits")


def test_frame_and_entry_order():
    hits = pd.DataFrame({"frame": ["b", "a", "b"], "entry": ["y", "x", "w"]})
    hits.attrs["frames"] = ["b"]
    assert frame_order(hits) == ["b", "a"]
    assert entry_order(hits) == [("b", "w"), ("b", "y"), ("a", "x")]
    lex = Lexicon.from_dict({"a": ["x"], "b": ["y", "w"]})
    assert frame_order(hits, lex) == ["a", "b"]
    assert entry_order(hits, lex) == [("a", "x"), ("b", "y"), ("b", "w")]
    with pytest.raises(FramingError, match="'c' is not a valid choice"):
        frame_order(hits, ["c"], function="compare")
