"""The explorer keeps the counts of recent choices (``explorer.counted``): the controls that
only change the drawing do not count again, and what is drawn from kept tables is what a
fresh explorer draws for the same choice (the same PNG)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import framing as fr
from framing.match import find_hits
from framing.voices import add_voice
from framing.widgets import explore, sources


@pytest.fixture(scope="module")
def teaching():
    articles = fr.clean_articles(fr.load_example())
    lexicon = fr.load_lexicon("security")
    hits = add_voice(find_hits(articles, lexicon, sentences=False), articles)
    return articles, lexicon, hits


@pytest.fixture
def counted(monkeypatch):
    """The calls of count_by_period made by the explorer's source."""
    calls = []
    real = sources.count_by_period

    def spy(*args, **kwargs):
        calls.append(kwargs.get("freq"))
        return real(*args, **kwargs)

    monkeypatch.setattr(sources, "count_by_period", spy)
    return calls


def drawn(ex) -> dict:
    """(panel, line) -> (x, y) of every line on the chart."""
    return {
        (ax.get_title(loc="left"), line.get_label()): (np.asarray(line.get_xdata()),
                                                       np.asarray(line.get_ydata(), dtype=float))
        for ax in ex.figure.axes for line in ax.lines
    }  # fmt: skip


def assert_same_chart(ex, new, step) -> None:
    """The same lines (a gap, NaN, where the other has one) on the charts of two explorers."""
    lines, expected = drawn(ex), drawn(new)
    assert list(lines) == list(expected), step
    for key, (x, y) in expected.items():
        np.testing.assert_array_equal(lines[key][0], x, err_msg=f"{step}: {key}")
        np.testing.assert_array_equal(lines[key][1], y, err_msg=f"{step}: {key}")


def fresh(ex, articles, lexicon, hits):
    """A new explorer set to the choices of ``ex``."""
    new = explore(
        articles, lexicon, hits=hits, freq=ex.freq.value, measure=ex.measure.value,
        smooth=ex.smooth.value, intervals=ex.intervals.value, compare=ex.compare.value,
        frames=list(ex.series.value), outlets=list(ex.outlets.value), voice=ex.voice.value,
    )  # fmt: skip
    new.dates.value = ex.dates.value
    return new


def test_display_controls_do_not_count_again(teaching, counted):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, frames=["threat", "alliance"])
    assert len(counted) == 1
    ex.measure.value = "n_hits"
    ex.intervals.value = False
    ex.compare.value = "outlets"
    ex.smooth.value = 3  # over all the dates: the dates chosen are all of them
    ex.compare.value = "frames"
    assert len(counted) == 1
    months = [value for _, value in ex.dates.options]
    ex.dates.value = (months[2], months[-3])  # counts; smoothing counts all the dates: kept
    assert len(counted) == 2
    ex.freq.value = "quarter"  # the shown dates and all of them, by quarter
    assert counted[-2:] == ["quarter", "quarter"]
    ex.freq.value = "month"  # back to a recent choice: kept
    ex.measure.value = "share_of_articles"
    assert len(counted) == 4


def test_kept_tables_draw_what_a_fresh_explorer_draws(teaching):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, frames=["threat", "alliance"])
    months = [value for _, value in ex.dates.options]
    steps = [("voice", "narrative"), ("measure", "n_hits"), ("voice", "all"),
             ("dates", (months[1], months[-2])), ("compare", "outlets"), ("smooth", 2),
             ("dates", (months[0], months[-1])), ("compare", "frames"), ("intervals", False),
             ("freq", "quarter"), ("series", ("threat",)), ("freq", "month"),
             ("series", ("threat", "alliance"))]  # fmt: skip
    for name, value in steps:
        getattr(ex, name).value = value
        new = fresh(ex, articles, lexicon, hits)
        pd.testing.assert_frame_equal(ex.counts, new.counts)
        assert_same_chart(ex, new, name)
        assert ex.chart.value == new.chart.value, name  # the same pixels
        assert ex.messages == new.messages, name
        pd.testing.assert_frame_equal(ex.kwic_table, new.kwic_table)
    assert len(ex.counted) <= ex.counted.size


def test_the_memo_is_bounded(teaching, counted):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, frames=["threat"])
    months = [value for _, value in ex.dates.options]
    ranges = [(months[a], months[-b]) for a in range(1, 5) for b in range(2, 8)]
    assert len(ranges) > ex.counted.size
    for dates in ranges:
        ex.dates.value = dates
    assert len(ex.counted) == ex.counted.size
    assert len(counted) == 1 + len(ranges)
    ex.dates.value = (months[0], months[-1])  # the first choice was dropped: counted again
    assert len(counted) == 2 + len(ranges)
    ex.dates.value = ranges[-1]  # the last one is kept
    assert len(counted) == 2 + len(ranges)
