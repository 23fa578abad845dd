"""The explorer's callbacks when two controls change at the same time on two threads.

JupyterLab 4.4+ with ipykernel 7 may send the messages of different widgets over different
kernel subshells, so two callbacks can run at once; neither change may be lost.
"""

from __future__ import annotations

import threading
import time

import pandas as pd

from framing.widgets import explore

LEX = {"threat": ["threat*", "danger"], "calm": ["calm"]}
ARTICLES = pd.DataFrame({
    "article_id": ["a1", "a2", "a3", "a4"],
    "date": pd.to_datetime(["2024-01-05", "2024-02-20", "2024-04-10", "2024-07-15"]),
    "outlet": ["Ledger", "Herald", "Ledger", "Herald"],
    "text": ["A grave threat.", "A calm day, no danger.", "Threats, more threats.", "Calm."],
})  # fmt: skip


def test_a_change_on_another_thread_waits_for_the_running_callback(monkeypatch):
    ex = explore(ARTICLES, LEX)
    drawing, release = threading.Event(), threading.Event()
    draw = ex._chart.png

    def slow_draw(*args, **kwargs):  # the first callback holds on while drawing
        drawing.set()
        release.wait(10)
        return draw(*args, **kwargs)

    monkeypatch.setattr(ex._chart, "png", slow_draw)
    first = threading.Thread(target=setattr, args=(ex.freq, "value", "quarter"))
    first.start()
    assert drawing.wait(10)
    second = threading.Thread(target=setattr, args=(ex.measure, "value", "n_hits"))
    second.start()
    time.sleep(0.2)  # the second callback now waits for the first
    release.set()
    first.join(10)
    second.join(10)
    fresh = explore(ARTICLES, LEX, freq="quarter", measure="n_hits")
    assert ex.chart.value == fresh.chart.value  # both changes are drawn
    assert ex.errors.outputs == ()


def test_changes_a_callback_makes_do_not_call_their_callbacks():
    ex = explore(ARTICLES, LEX)
    ex.series.value = ("calm",)  # the passage chooser 'threat' goes: set from code
    assert ex.kwic_frame.value == ""
    assert "<mark>" in ex.kwic_html.value
