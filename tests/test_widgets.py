"""The explorer (framing.explore), headless: set each control's .value and check what changed.

The oracle for the chart is count_by_period on the articles and hits the controls choose,
filtered here with plain pandas (entries counted with level="entry", smoothing with a plain
pandas rolling sum); the oracle for the passages is the article text itself.
"""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd
import pytest
from matplotlib.path import Path

import framing as fr
from framing.aggregate import count_by_period
from framing.contexts import kwic
from framing.match import find_hits
from framing.plot import MEASURES
from framing.widgets import Explorer, explore

# --------------------------------------------------------------------------------------
# inputs
# --------------------------------------------------------------------------------------

LEX = {"threat": ["threat*", "danger"], "calm": ["calm"], "peace": ["peace"]}


def tiny(**changes) -> pd.DataFrame:
    """Six articles, two outlets, January to May 2024 (no article in April)."""
    arts = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "a4", "a5", "a6"],
        "date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-10", "2024-03-15",
                                "2024-03-16", "2024-05-02"]),
        "outlet": ["Ledger", "Herald", "Ledger", "Herald", "Ledger", "Ledger"],
        "title": ["One", "Two", "Three", "Four <b>", "Five", "Six"],
        "text": ["A grave threat & more.", "A calm day, no danger.", "Threats, more threats.",
                 "Calm <b>threat</b>.", "Nothing here.", "A threat to the alliance."],
    })  # fmt: skip
    return arts.assign(**changes)


@pytest.fixture(scope="module")
def teaching():
    articles = fr.clean_articles(fr.load_example())
    lexicon = fr.load_lexicon("security")
    hits = find_hits(articles, lexicon, sentences=False)
    return articles, lexicon, hits


def status(ex) -> str:
    """The status line as text, one message a line."""
    lines = re.findall(r"<div[^>]*>(.*?)</div>", ex.status.value)
    return "\n".join(html.unescape(line) for line in lines)


# --------------------------------------------------------------------------------------
# oracles
# --------------------------------------------------------------------------------------


def chosen_articles(ex, articles):
    first, last = ex.dates.value
    start, end = pd.Period(first, "M").start_time, pd.Period(last, "M").end_time
    keep = articles["outlet"].isin(ex.outlets.value) & articles["date"].between(start, end)
    return articles[keep], start, end


def oracle(ex, articles, hits) -> pd.DataFrame:
    """count_by_period on what the controls choose; one table, 'frame' = the series label."""
    arts, start, end = chosen_articles(ex, articles)
    by = None if ex.compare.value == "pooled" else "outlet"
    tables = []
    for label in ex.series.value:
        frame, _, entry = label.partition(": ")
        h = hits[(hits["frame"] == frame) & hits["article_id"].isin(arts["article_id"])]
        if not entry:
            c = count_by_period(h, arts, freq=ex.freq.value, by=by, frames=[frame], start=start,
                                end=end)  # fmt: skip
        else:
            c = count_by_period(h, arts, freq=ex.freq.value, by=by, frames=[frame],
                                level="entry", start=start, end=end)  # fmt: skip
            c = c[c["entry"] == entry].drop(columns="entry")
            assert not c.empty, "the oracle needs an entry with hits"
        tables.append(c.assign(frame=label))
    return pd.concat(tables, ignore_index=True)


def expected_lines(ex, table) -> dict:
    """(panel title or None, line label) -> y values, as the explorer should draw them."""
    measure, compare = ex.measure.value, ex.compare.value
    hue, col = ("outlet", "frame") if compare == "outlets" else ("frame", "outlet")
    if compare == "pooled" or table[col].nunique() == 1:
        col = None
    out = {}
    groups = table.groupby([col, hue] if col else [hue], sort=False)
    for key, g in groups:
        panel, label = key if col else (None, key[0])
        # undefined rates (periods without articles) are drawn as gaps in the line
        out[(panel, label)] = g.sort_values("period")[measure].to_numpy(dtype=float)
    return out


def drawn_lines(ex) -> dict:
    out = {}
    for ax in ex.figure.axes:
        panel = ax.get_title(loc="left") or None
        for line in ax.lines:
            if not line.get_label().startswith("_"):  # not the hollow points of partial periods
                out[(panel, line.get_label())] = np.asarray(line.get_ydata(), dtype=float)
    return out


def assert_chart_matches(ex, expected: dict) -> None:
    drawn = drawn_lines(ex)
    assert sorted(drawn, key=str) == sorted(expected, key=str)
    for key, values in expected.items():
        np.testing.assert_allclose(drawn[key], values, rtol=1e-12, equal_nan=True, err_msg=key)


# --------------------------------------------------------------------------------------
# the chart follows the controls
# --------------------------------------------------------------------------------------


def test_built_on_the_teaching_corpus(teaching):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits)
    assert isinstance(ex, Explorer)
    assert ex.series.value == lexicon.frame_names
    assert set(ex.outlets.value) == set(articles["outlet"])
    assert (ex.freq.value, ex.measure.value, ex.compare.value) == ("month", "per_1k_tokens",
                                                                    "frames")  # fmt: skip
    assert ex.dates.value == ("2022-09", "2024-06")
    assert ex.chart.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(ex.figure.axes) == articles["outlet"].nunique()  # one panel per outlet
    assert "fr-status-error" not in ex.status.value
    assert_chart_matches(ex, expected_lines(ex, oracle(ex, articles, hits)))
    assert ex.kwic_html.value.count("<mark>") == 10
    assert ex.kwic_page_label.value == f"1–10 of {len(hits)}"


def test_finds_the_hits_itself(teaching):
    articles, lexicon, hits = teaching
    small = articles[articles["outlet"] == "Yerevan Ledger"]
    ex = explore(small, lexicon)
    found = find_hits(small, lexicon, sentences=False)
    pd.testing.assert_frame_equal(ex.hits.reset_index(drop=True), found)
    assert not ex.voice.disabled  # hits it finds itself get their voices when one is chosen
    ex.voice.value = "narrative"
    pd.testing.assert_frame_equal(ex.hits.reset_index(drop=True), fr.add_voice(found, small))


CHANGES = [
    {"freq": "quarter"},
    {"freq": "year", "measure": "n_hits"},
    {"measure": "share_of_articles"},
    {"compare": "frames"},
    {
        "compare": "outlets",
        "series": ("threat", "threat: security", "alliance: collective security"),
    },
    {"compare": "outlets", "series": ("threat: security",)},
    {"series": ("collapse", "sovereignty: border*")},
    {"compare": "frames", "outlets": ("Yerevan Ledger", "Severny Kurier")},
    {"compare": "frames", "outlets": ("Diaspora Mirror",), "freq": "quarter"},
    {"dates": ("2023-01", "2023-06"), "freq": "week"},
]


@pytest.mark.parametrize(
    "changes", CHANGES, ids=lambda c: ",".join(f"{k}={v}" for k, v in c.items())
)
def test_each_control_redraws_as_count_by_period_says(teaching, changes):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, compare="pooled", frames=["threat", "alliance"])
    before = ex.chart.value
    for name, value in changes.items():
        getattr(ex, name).value = value
    assert ex.chart.value != before
    assert "fr-status-error" not in ex.status.value, status(ex)
    assert_chart_matches(ex, expected_lines(ex, oracle(ex, articles, hits)))
    labels = {ax.get_ylabel() for ax in ex.figure.axes} | {
        t.get_text() for t in ex.figure.texts
    }  # single panel: the axis label; panels: the figure's
    assert MEASURES[ex.measure.value] in labels


def test_narrowing_the_dates_keeps_the_smoothed_values_at_the_new_edge(teaching):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, compare="pooled", frames=["threat"])
    ex.smooth.value = 3
    whole = dict(zip(ex.figure.axes[0].lines[0].get_xdata(),
                     ex.figure.axes[0].lines[0].get_ydata(), strict=True))  # fmt: skip
    ex.dates.value = ("2023-03", "2023-10")
    line = ex.figure.axes[0].lines[0]
    narrowed = dict(zip(line.get_xdata(), line.get_ydata(), strict=True))
    assert len(narrowed) == 8
    for month, value in narrowed.items():  # the edges too: March and October 2023
        np.testing.assert_allclose(value, whole[month], equal_nan=True)


def test_smoothing_pools_a_centred_window(teaching):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, compare="pooled", frames=["threat", "alliance"])
    ex.smooth.value = 3
    table = oracle(ex, articles, hits)
    expected = {}
    for label, g in table.groupby("frame", sort=False):
        g = g.sort_values("period")
        hits_sum = g["n_hits"].rolling(3, center=True, min_periods=1).sum()
        tokens_sum = g["n_tokens"].rolling(3, center=True, min_periods=1).sum()
        rate = (hits_sum / tokens_sum * 1000).where(g["n_articles"] > 0)  # empty stays empty
        expected[(None, label)] = rate.to_numpy()
    assert_chart_matches(ex, expected)
    assert "(3-month moving window)" in ex.figure.axes[0].get_ylabel()
    ex.smooth.value = 0
    assert_chart_matches(ex, expected_lines(ex, table))


@pytest.mark.parametrize("on", [True, False])
def test_interval_bands_on_and_off(teaching, on):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, intervals=not on, compare="pooled")
    ex.intervals.value = on
    for ax in ex.figure.axes:
        # one band piece (a closed polygon opened by a MOVETO) per run of periods with
        # articles, in every line
        bands = sum(int((p.codes == Path.MOVETO).sum()) for c in ax.collections
                    for p in c.get_paths())  # fmt: skip
        runs = 0
        for line in (ln for ln in ax.lines if not ln.get_label().startswith("_")):
            ok = np.isfinite(np.asarray(line.get_ydata(), dtype=float)).astype(int)
            runs += int((np.diff(np.r_[0, ok]) == 1).sum())
        assert bands == (runs if on else 0)


def test_panels_share_one_scale_and_label_only_the_outer_axes(teaching):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits)
    axes = ex.figure.axes
    assert len({ax.get_ylim() for ax in axes}) == 1
    assert len({ax.get_xlim() for ax in axes}) == 1
    top = max(np.nanmax(line.get_ydata()) for ax in axes for line in ax.lines)
    assert axes[0].get_ylim()[1] >= top


def test_colours_compare_outlets_with_panels_per_frame(teaching):
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, frames=["threat", "alliance"], compare="pooled")
    ex.compare.value = "outlets"
    assert [ax.get_title(loc="left") for ax in ex.figure.axes] == ["threat", "alliance"]
    legend = [t.get_text() for t in ex.figure.legends[0].get_texts()]
    assert legend == sorted(articles["outlet"].unique())


# --------------------------------------------------------------------------------------
# the passages
# --------------------------------------------------------------------------------------


def test_passages_are_marked_escaped_and_paged():
    arts = tiny()
    ex = explore(arts, LEX, page_size=2)
    page = ex.kwic_html.value
    assert ex.kwic_page_label.value == "1–2 of 8"
    # a1 first (by date): its text, the hit marked, '&' escaped, outlet, date and title shown
    assert "<div>A grave <mark>threat</mark> &amp; more…</div>" in page
    assert "2024-01-05 · Ledger · <i>One</i> · threat (threat*)" in page
    assert ex.kwic_prev.disabled and not ex.kwic_next.disabled
    seen = [ex.kwic_table["article_id"].tolist()]
    for label in ["3–4 of 8", "5–6 of 8", "7–8 of 8"]:
        ex.kwic_next.click()
        assert ex.kwic_page_label.value == label
        seen.append(ex.kwic_table["article_id"].tolist())
    assert ex.kwic_next.disabled and not ex.kwic_prev.disabled
    assert sum(seen, []) == ["a1", "a2", "a2", "a3", "a3", "a4", "a4", "a6"]
    page = ex.kwic_html.value  # a4: markup in the text and the title stays text
    assert "Four &lt;b&gt;" in page and "<b>" not in page
    assert "<div>Calm &lt;b&gt;<mark>threat</mark>&lt;/b…</div>" in page
    ex.kwic_prev.click()
    assert ex.kwic_page_label.value == "5–6 of 8"


def test_passages_follow_the_series_outlets_and_dates():
    arts = tiny()
    ex = explore(arts, LEX)
    ex.series.value = ("calm",)
    assert ex.kwic_table["match"].tolist() == ["calm", "Calm"]
    ex.outlets.value = ("Ledger",)
    assert ex.kwic_page_label.value == "0–0 of 0"
    assert "No passages" in ex.kwic_html.value
    ex.series.value = ("threat", "threat: danger")  # a hit of both series is listed once
    ex.outlets.value = ("Ledger", "Herald")
    ex.dates.value = ("2024-01", "2024-02")
    assert ex.kwic_table["article_id"].tolist() == ["a1", "a2", "a3", "a3"]


@pytest.mark.parametrize(
    ("chooser", "value", "matches"),
    [
        ("kwic_frame", "calm", ["calm", "Calm"]),
        ("kwic_frame", "threat", ["threat", "danger", "Threats", "threats", "threat", "threat"]),
        ("kwic_period", "2024-03-01", ["Calm", "threat"]),
        ("kwic_period", "2024-04-01", []),
    ],
)
def test_period_and_frame_choosers_narrow_the_passages(chooser, value, matches):
    ex = explore(tiny(), LEX)
    ex.kwic_next.click()  # a chooser brings the first page back
    getattr(ex, chooser).value = value
    assert ex.kwic_table["match"].tolist() == matches
    assert ex.kwic_page_label.value.startswith("1–" if matches else "0–")


def test_period_chooser_follows_the_granularity():
    ex = explore(tiny(), LEX)
    assert [label for label, _ in ex.kwic_period.options] == [
        "all periods", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05"]  # fmt: skip
    ex.kwic_period.value = "2024-02-01"
    ex.freq.value = "quarter"
    assert [label for label, _ in ex.kwic_period.options] == ["all periods", "2024Q1", "2024Q2"]
    assert ex.kwic_period.value == ""  # the old choice is gone: back to all
    ex.kwic_period.value = "2024-04-01"
    assert ex.kwic_table["article_id"].tolist() == ["a6"]


def test_passages_are_the_kwic_lines():
    arts = tiny()
    ex = explore(arts, LEX, window=2)
    hits = find_hits(arts, LEX)
    lines = kwic(hits, arts, window=2)
    for row in lines.itertuples():
        snippet = " ".join(f"{row.left}<mark>{row.match}</mark>{row.right}".split())
        assert (
            html.escape(snippet, quote=True)
            .replace("&lt;mark&gt;", "<mark>")
            .replace("&lt;/mark&gt;", "</mark>")
            in ex.kwic_html.value
        )


# --------------------------------------------------------------------------------------
# bad choices: a sentence in the status line, not a broken chart
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "changes", "message", "drawn"),
    [
        (lambda: explore(tiny(), LEX), {},
         "'peace' has no hits anywhere in this corpus", True),
        (lambda: explore(tiny(), LEX, frames=["calm"]), {"outlets": ("Ledger",)},
         "No hits for 'calm' in the chosen outlets and dates: its line stays at zero", True),
        (lambda: explore(tiny(), LEX), {"dates": ("2024-04", "2024-04")},
         "No articles from the chosen outlets in 2024-04: widen the date range", False),
        (lambda: explore(tiny(), LEX), {"outlets": ("Herald",), "dates": ("2024-05", "2024-05")},
         "No articles from the chosen outlets in 2024-05", False),
        (lambda: explore(tiny(outlet="Ledger"), LEX), {"compare": "outlets"},
         "The corpus has one outlet ('Ledger'): there is nothing to compare", True),
        (lambda: explore(tiny(), LEX), {"compare": "outlets", "outlets": ("Herald",)},
         "Only one outlet is chosen", True),
        (lambda: explore(tiny(date=pd.Timestamp("2024-02-03")), LEX), {},
         "All the chosen articles fall in one month (2024-02): the chart shows single points",
         True),
        (lambda: explore(tiny(), LEX), {"freq": "year"},
         "fall in one year (2024)", True),
        (lambda: explore(tiny(), LEX), {"series": ()},
         "Choose at least one frame or entry", False),
        (lambda: explore(tiny(), LEX), {"outlets": ()}, "Choose at least one outlet", False),
        (lambda: explore(tiny(), LEX), {"smooth": 5},
         "The smoothing window (5 periods) is as long as the series (5 periods)", True),
    ],
)  # fmt: skip
def test_bad_choices_give_a_message(make, changes, message, drawn):
    ex = make()
    for name, value in changes.items():
        getattr(ex, name).value = value
    assert message in status(ex)
    assert "fr-status-error" not in ex.status.value
    assert (ex.chart.layout.display != "none") is drawn
    assert ex.export_button.disabled is not drawn
    assert (ex.counts is not None) is drawn
    assert ex.errors.outputs == ()


def test_one_period_draws_points():
    ex = explore(tiny(date=pd.Timestamp("2024-02-03")), LEX, compare="pooled")
    line = ex.figure.axes[0].lines[0]
    assert line.get_marker() == "o" and len(line.get_ydata()) == 1


def test_a_choice_that_works_again_clears_the_message():
    ex = explore(tiny(), LEX, frames=["threat"])
    ex.dates.value = ("2024-04", "2024-04")
    assert "No articles" in status(ex)
    ex.dates.value = ("2024-01", "2024-05")
    assert ex.status.value == "" and ex.chart.layout.display != "none"


def test_more_lines_than_colours_says_so(teaching):
    articles, lexicon, hits = teaching
    entries = [f"{e.frame}: {e.pattern}" for e in lexicon.entries[:9]]
    ex = explore(articles, lexicon, hits=hits, compare="pooled", frames=entries)
    assert "9 lines but 8 colours" in status(ex)


# --------------------------------------------------------------------------------------
# errors inside callbacks are shown in the widget
# --------------------------------------------------------------------------------------


def test_an_unexpected_error_shows_in_the_widget(monkeypatch):
    ex = explore(tiny(), LEX)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("framing.widgets.render.plot_trends", broken)
    ex.measure.value = "n_hits"
    assert "Something went wrong (RuntimeError: boom)" in status(ex)
    assert "fr-status-error" in ex.status.value
    (output,) = ex.errors.outputs
    assert output["name"] == "stderr" and "RuntimeError: boom" in output["text"]
    assert ex.chart.layout.display == "none"  # no stale chart under the message
    monkeypatch.undo()
    ex.measure.value = "per_1k_tokens"
    assert ex.errors.outputs == () and "went wrong" not in status(ex)
    assert ex.chart.layout.display != "none"


def test_a_framing_error_in_a_callback_is_one_clear_line(monkeypatch):
    ex = explore(tiny(), LEX)

    def refuses(*args, **kwargs):
        raise fr.FramingError("cannot draw this", where="plot_trends", fix="Try another.")

    monkeypatch.setattr("framing.widgets.render.plot_trends", refuses)
    ex.freq.value = "quarter"
    assert status(ex) == "plot_trends: cannot draw this. Try another."
    assert ex.errors.outputs == ()


# --------------------------------------------------------------------------------------
# export
# --------------------------------------------------------------------------------------


def test_export_button_writes_figure_and_table(tmp_path):
    arts = tiny()
    ex = explore(arts, LEX, directory=tmp_path / "figs", compare="pooled")
    ex.export_name.value = "my-trend"
    ex.export_button.click()
    folder = tmp_path / "figs"
    assert sorted(p.name for p in folder.iterdir()) == ["my-trend.csv", "my-trend.pdf",
                                                        "my-trend.png"]  # fmt: skip
    assert (folder / "my-trend.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (folder / "my-trend.pdf").read_bytes()[:5] == b"%PDF-"
    table = pd.read_csv(folder / "my-trend.csv")
    expected = oracle(ex, arts, find_hits(arts, LEX))
    assert table["n_hits"].tolist() == expected["n_hits"].tolist()
    assert table["frame"].tolist() == expected["frame"].tolist()
    assert "Saved my-trend.png, my-trend.pdf, my-trend.csv in" in status(ex)
    assert "'peace' has no hits" in status(ex)  # the other messages stay


def test_export_writes_what_is_on_screen(tmp_path):
    from PIL import Image

    ex = explore(tiny(), LEX, compare="pooled", frames=["threat"], smooth=3)
    paths = ex.export("smoothed", directory=tmp_path, formats=["svg", "png"])
    assert sorted(paths) == ["csv", "png", "svg"]
    table = pd.read_csv(paths["csv"])
    np.testing.assert_allclose(table["per_1k_tokens"], ex.figure.axes[0].lines[0].get_ydata())
    description = Image.open(paths["png"]).text["Description"]
    assert '"smoothing": 3' in description and '"granularity": "month"' in description


def test_export_with_nothing_drawn(tmp_path):
    ex = explore(tiny(), LEX, directory=tmp_path)
    ex.series.value = ()
    with pytest.raises(fr.FramingError, match="there is no chart to export"):
        ex.export()
    assert list(tmp_path.iterdir()) == []


def test_export_failure_is_shown(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    ex = explore(tiny(), LEX, directory=blocker / "figs")
    ex.export_button.click()
    assert "cannot create the folder" in status(ex)
    assert ex.chart.layout.display != "none"


# --------------------------------------------------------------------------------------
# a counts table alone
# --------------------------------------------------------------------------------------


def test_counts_table_alone_is_drawn_as_given_and_pooled_exactly():
    arts = tiny()
    hits = find_hits(arts, LEX)
    counts = count_by_period(hits, arts, freq="M", by="outlet")
    ex = explore(counts=counts, frames=["threat", "calm"])
    assert ex.freq.disabled and ex.freq.value == "month"
    assert "counts table only" in ex.kwic_html.value and ex.kwic_next.disabled
    expected = counts[counts["frame"].isin(["threat", "calm"])]
    assert_chart_matches(ex, expected_lines(ex, expected))
    ex.compare.value = "pooled"  # summing outlets == counting them together
    pooled = count_by_period(hits, arts, freq="M", frames=["threat", "calm"])
    assert_chart_matches(ex, expected_lines(ex, pooled))
    ex.measure.value = "share_of_articles"
    assert_chart_matches(ex, expected_lines(ex, pooled))
    ex.dates.value = ("2024-04", "2024-04")
    assert "No articles from the chosen outlets in 2024-04" in status(ex)


def test_counts_table_by_entry():
    arts = tiny()
    counts = count_by_period(find_hits(arts, LEX), arts, freq="Q", level="entry")
    ex = explore(counts=counts, frames=["threat: danger"], measure="n_hits")
    assert [v for _, v in ex.series.options] == ["threat: danger", "threat: threat*", "calm: calm"]
    assert ex.freq.value == "quarter"
    assert {k: v.tolist() for k, v in drawn_lines(ex).items()} == {
        (None, "threat: danger"): [1.0, 0.0]
    }


# --------------------------------------------------------------------------------------
# the caller's tables, the inputs, the hooks for the browser
# --------------------------------------------------------------------------------------


def test_caller_tables_are_not_changed():
    arts = tiny()
    hits = find_hits(arts, LEX)
    arts_copy, hits_copy = arts.copy(), hits.copy()
    ex = explore(arts, LEX, hits=hits)
    ex.freq.value = "week"
    ex.compare.value = "pooled"
    ex.kwic_next.click()
    pd.testing.assert_frame_equal(arts, arts_copy)
    pd.testing.assert_frame_equal(hits, hits_copy)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((), {}, "nothing to explore"),
        (("COUNTS",), {}, "first argument is the articles table; you passed a counts table"),
        (("HITS",), {}, "first argument is the articles table; you passed a hits table"),
        (("ARTS",), {}, "explore needs a lexicon"),
        (("ARTS", LEX), {"counts": "COUNTS"}, "not both"),
        (("ARTS",), {"hits": "ARTS"}, "hits= needs the hits table; you passed the articles"),
        (("ARTS",), {"hits": "COUNTS"}, "hits= needs the hits table; you passed a counts table"),
        (("ARTS",), {"hits": "FOREIGN"}, "1 hits refer to articles not in the articles table"),
        ((), {"counts": "HITS"}, "counts= needs a counts table"),
        (("NODATE", LEX), {}, "no column 'date'"),
        (("TEXTDATE", LEX), {}, "not datetime"),
        (("NAT", LEX), {}, "1 articles have no date"),
        (("DUP", LEX), {}, "duplicate article_id"),
        (("EMPTY", LEX), {}, "the articles table is empty"),
        (("ARTS", 42), {}, "expected a Lexicon"),
        (("ARTS", LEX), {"frames": ["nope"]}, "frames.*'nope' is not a valid choice"),
        (("ARTS", LEX), {"outlets": "Gazette"}, "outlets.*'Gazette' is not a valid choice"),
        (("ARTS", LEX), {"freq": "fortnight"}, "freq.*'fortnight' is not a valid choice"),
        (("ARTS", LEX), {"measure": "ratio"}, "measure.*'ratio' is not a valid choice"),
        (("ARTS", LEX), {"compare": "colour"}, "compare.*'colour' is not a valid choice"),
        (("ARTS", LEX), {"smooth": -1}, "not a smoothing window"),
        (("ARTS", LEX), {"page_size": 0}, "page_size"),
    ],
)
def test_bad_tables_and_arguments_raise_clearly(args, kwargs, message):
    arts = tiny()
    hits = find_hits(arts, LEX)
    tables = {
        "ARTS": arts,
        "HITS": hits,
        "COUNTS": count_by_period(hits, arts),
        "FOREIGN": pd.concat([hits, hits.head(1).assign(article_id="zz")]),
        "NODATE": arts.drop(columns="date"),
        "TEXTDATE": arts.assign(date=arts["date"].dt.strftime("%Y-%m-%d")),
        "NAT": arts.assign(date=arts["date"].where(arts.index != 2)),
        "DUP": arts.assign(article_id=["a1", "a1", "a3", "a4", "a5", "a6"]),
        "EMPTY": arts.iloc[:0],
    }
    args = [tables.get(a, a) if isinstance(a, str) else a for a in args]
    kwargs = {k: tables.get(v, v) if isinstance(v, str) else v for k, v in kwargs.items()}
    with pytest.raises(fr.FramingError, match=message):
        explore(*args, **kwargs)


@pytest.mark.parametrize("freq", ["W", "M", "Q", "Y", "quarter"])
def test_freq_accepts_the_count_by_period_spellings(freq):
    ex = explore(tiny(), LEX, freq=freq)
    assert ex.freq.value == {"W": "week", "M": "month", "Q": "quarter", "Y": "year"}.get(freq, freq)


def test_a_bundled_lexicon_by_name():
    ex = explore(tiny(), "security")
    assert ex.series.value == fr.load_lexicon("security").frame_names


def test_articles_without_outlet_or_title():
    arts = tiny().drop(columns=["outlet", "title"])
    ex = explore(arts, LEX)
    assert [v for _, v in ex.outlets.options] == ["(no outlet)"]
    assert "<i>" not in ex.kwic_html.value and "<mark>" in ex.kwic_html.value


def test_every_control_has_a_css_hook_for_the_browser():
    ex = explore(tiny(), LEX)
    hooks = {
        "series": "fr-series", "outlets": "fr-outlets", "freq": "fr-freq",
        "measure": "fr-measure", "smooth": "fr-smooth", "dates": "fr-dates",
        "intervals": "fr-intervals", "compare": "fr-compare", "status": "fr-status",
        "chart": "fr-chart", "errors": "fr-errors", "kwic_html": "fr-kwic",
        "kwic_period": "fr-kwic-period", "kwic_frame": "fr-kwic-frame",
        "kwic_outlet": "fr-kwic-outlet", "kwic_heading": "fr-kwic-heading",
        "kwic_next": "fr-kwic-next", "kwic_prev": "fr-kwic-prev",
        "export_button": "fr-export", "export_name": "fr-export-name",
    }  # fmt: skip
    for attr, css in hooks.items():
        assert css in getattr(ex, attr)._dom_classes, attr
    assert "fr-explorer" in ex._dom_classes
    assert ex.smooth.continuous_update is False and ex.dates.continuous_update is False


def test_timings_are_recorded():
    ex = explore(tiny(), LEX)
    ex.freq.value = "week"
    assert set(ex.timings) == {"count", "draw", "kwic", "total"}
    assert ex.timings["total"] >= ex.timings["draw"] > 0


@pytest.mark.parametrize(
    "changes",
    [
        [{"intervals": False}, {"intervals": True}],
        [{"measure": "n_hits"}, {"smooth": 3}, {"freq": "quarter"}],
        [{"series": ("threat",)}, {"series": ("threat", "alliance", "collapse")}],
        [{"compare": "pooled"}, {"compare": "frames"}, {"intervals": False}],
        [{"compare": "outlets"}, {"series": ("threat",)}, {"compare": "frames"}],
    ],
    ids=lambda c: ";".join(",".join(f"{k}={v}" for k, v in step.items()) for step in c),
)
def test_a_redrawn_chart_is_the_chart_a_fresh_explorer_draws(teaching, tmp_path, changes):
    # the explorer keeps its figure between changes and replaces what is drawn: nothing of
    # the earlier drawings may stay, on screen or in the exported table
    articles, lexicon, hits = teaching
    ex = explore(articles, lexicon, hits=hits, frames=["threat", "alliance"])
    final = {}
    for step in changes:
        for name, value in step.items():
            getattr(ex, name).value = value
        final.update(step)
    options = {k: v for k, v in final.items() if k in ("measure", "smooth", "freq", "compare",
                                                       "intervals")}  # fmt: skip
    fresh = explore(articles, lexicon, hits=hits, frames=list(final.get("series", ["threat",
                    "alliance"])), **options)  # fmt: skip
    assert ex.chart.value == fresh.chart.value
    mine = pd.read_csv(ex.export("a", directory=tmp_path, formats=["png"])["csv"])
    theirs = pd.read_csv(fresh.export("b", directory=tmp_path, formats=["png"])["csv"])
    pd.testing.assert_frame_equal(mine, theirs)


# --------------------------------------------------------------------------------------
# voices: the outlet's own words, quotes, reported speech
# --------------------------------------------------------------------------------------

VLEX = {"threat": ["threat*", "danger", "угроз*"], "calm": ["calm"]}


@pytest.fixture
def voiced():
    """Four articles (English, Russian) whose hits' voice and speaker are labelled by hand,
    and the tokens of each voice, counted by hand."""
    arts = pd.DataFrame({
        "article_id": ["v1", "v2", "v3", "v4"],
        "date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-10", "2024-03-15"]),
        "outlet": ["Ledger", "Herald", "Ledger", "Herald"],
        "text": ["“This is a grave threat to us,” the minister said. The threat is real.",
                 "Officials said the danger had passed. A calm day.",
                 "«Угроза преувеличена», — заявил Лавров. Никакой угрозы нет.",
                 "Critics speak of a so-called “threat”. Calm prevails."],
    })  # fmt: skip
    hits = find_hits(arts, VLEX)
    labels = {  # (article, match, start) -> voice, speaker, negated
        ("v1", "threat", 17): ("quote", "the minister", False),
        ("v1", "threat", 55): ("narrative", "", False),
        ("v2", "danger", 19): ("reported", "Officials", False),
        ("v2", "calm", 40): ("narrative", "", False),
        ("v3", "Угроза", 1): ("quote", "Лавров", False),
        ("v3", "угрозы", 48): ("narrative", "", True),
        ("v4", "threat", 30): ("scare_quote", "", False),
        ("v4", "Calm", 39): ("narrative", "", False),
    }
    keys = list(zip(hits["article_id"], hits["match"], hits["start"], strict=True))
    assert sorted(keys) == sorted(labels)
    hits["voice"] = [labels[k][0] for k in keys]
    hits["speaker"] = [labels[k][1] for k in keys]
    hits["negated"] = [labels[k][2] for k in keys]
    tokens = {"v1": {"narrative": 7, "quote": 7}, "v2": {"narrative": 5, "reported": 4},
              "v3": {"narrative": 5, "quote": 2}, "v4": {"narrative": 8, "scare_quote": 1}}  # fmt: skip
    totals = pd.DataFrame(
        [(a, v, tokens[a].get(v, 0)) for a in tokens
         for v in ("narrative", "quote", "scare_quote", "reported")],
        columns=["article_id", "voice", "n_tokens"],
    )  # fmt: skip
    summed = totals.groupby("article_id", sort=False)["n_tokens"].sum().tolist()
    assert summed == fr.token_counts(arts)["n_tokens"].tolist()  # the hand count adds up
    return arts, hits, totals


@pytest.mark.parametrize(
    "choice, voices",
    [("narrative", ["narrative"]), ("quotes", ["quote", "scare_quote"]),
     ("reported", ["reported"]), ("all", None)],
)  # fmt: skip
@pytest.mark.parametrize("compare", ["pooled", "frames"])
def test_the_voice_chooser_redraws_over_that_voices_tokens(voiced, choice, voices, compare):
    arts, hits, totals = voiced
    ex = explore(arts, VLEX, hits=hits, token_totals=totals, compare=compare)
    assert not ex.voice.disabled and ex.voice.value == "all"
    ex.voice.value = choice
    by = "outlet" if compare == "frames" else None
    expected = count_by_period(
        hits, arts, voice=voices, by=by, token_totals=totals, frames=["threat", "calm"],
        start="2024-01-01", end="2024-03-31",
    )  # fmt: skip
    cols = ["period", *([by] if by else []), "frame", "n_hits", "n_articles", "n_tokens"]
    pd.testing.assert_frame_equal(
        ex.counts[cols].reset_index(drop=True), expected[cols], check_dtype=False
    )
    assert_chart_matches(ex, expected_lines(ex, expected))


def test_the_outlets_own_voice_by_hand(voiced):
    arts, hits, totals = voiced
    ex = explore(arts, VLEX, hits=hits, token_totals=totals, compare="pooled", voice="narrative")
    threat = ex.counts[ex.counts["frame"] == "threat"].set_index("period")
    # January: one narrative threat (v1) over 7 + 5 narrative tokens; February: the negated one
    assert threat["n_hits"].tolist() == [1, 1, 0]
    assert threat["n_tokens"].tolist() == [12, 5, 8]
    assert threat["per_1k_tokens"].iloc[0] == pytest.approx(1000 / 12)
    ex.voice.value = "quotes"
    threat = ex.counts[ex.counts["frame"] == "threat"]
    assert threat["n_hits"].tolist() == [1, 1, 1] and threat["n_tokens"].tolist() == [7, 2, 1]


def test_passages_follow_the_voice_and_name_the_speaker(voiced):
    arts, hits, totals = voiced
    ex = explore(arts, VLEX, hits=hits, token_totals=totals, page_size=10)
    assert ex.kwic_page_label.value == "1–8 of 8"
    ex.voice.value = "quotes"
    assert ex.kwic_page_label.value == "1–3 of 3"
    assert ex.kwic_table["voice"].tolist() == ["quote", "quote", "scare_quote"]
    page = ex.kwic_html.value
    assert "quote: the minister" in page and "quote: Лавров" in page and "scare quote" in page
    ex.voice.value = "narrative"
    assert ex.kwic_table["speaker"].tolist() == ["", "", "", ""]
    assert "outlet's own words · negated" in html.unescape(ex.kwic_html.value)
    ex.voice.value = "reported"
    assert ex.kwic_table["match"].tolist() == ["danger"]
    assert "reported speech: Officials" in ex.kwic_html.value
    ex.kwic_frame.value = "calm"  # no calm in reported speech
    assert "No passages for this choice" in ex.kwic_html.value
    assert "No hits for 'calm' in the chosen outlets, dates and voice (reported speech)" in status(
        ex
    )


def test_without_voices_the_chooser_is_disabled_with_a_note(voiced):
    arts, hits, _ = voiced
    for ex in (explore(arts, VLEX, hits=hits.drop(columns="voice")),
               explore(counts=count_by_period(hits, arts))):  # fmt: skip
        assert ex.voice.disabled and ex.voice.value == "all"
        assert ex.voice_note.layout.display != "none"
        assert "fr.add_voice(hits, articles)" in ex.voice_note.value
    ex = explore(arts, VLEX, hits=hits)
    assert ex.voice_note.layout.display == "none"
    assert "fr-voice" in ex.voice._dom_classes


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"voice": "quote"}, r"voice=.*'quote' is not a valid choice.*'quotes'"),
        ({"voice": "narrative", "drop": "voice"}, r"voice=.*no 'voice' column.*fr\.add_voice"),
        ({"counts_by": "voice"}, r"counts=.*one row per voice.*voice='narrative'"),
        ({"counts_by": "negated"}, r"counts=.*negated"),
    ],
)
def test_voice_arguments_raise_clearly(voiced, kwargs, message):
    arts, hits, totals = voiced
    kwargs = dict(kwargs)
    if "counts_by" in kwargs:
        split = kwargs.pop("counts_by")
        options = {"by": "voice"} if split == "voice" else {"negated": "apart"}
        kwargs["counts"] = count_by_period(hits, arts, token_totals=totals, **options)
    else:
        hits = hits.drop(columns=kwargs.pop("drop", []))
        kwargs.update(articles=arts, lexicon=VLEX, hits=hits, token_totals=totals)
    with pytest.raises(fr.FramingError, match=message):
        explore(**kwargs)


def test_export_names_the_voice(voiced, tmp_path):
    arts, hits, totals = voiced
    ex = explore(arts, VLEX, hits=hits, token_totals=totals, voice="reported")
    from PIL import Image

    paths = ex.export("reported", directory=tmp_path, formats=["png"])
    description = Image.open(paths["png"]).text["Description"]
    assert '"voice": "reported"' in description
    table = pd.read_csv(paths["csv"])  # the reported speech of v2 (Herald, January), per frame
    assert table["n_tokens"].sum() == 2 * 4 and table["n_hits"].sum() == 1


def _voice_stage_missing() -> bool:
    from framing.voices import voice_token_totals

    try:
        voice_token_totals(tiny().head(1))
    except NotImplementedError:
        return True
    return False


def test_voices_of_hits_it_finds_are_found_once_when_a_voice_is_first_chosen(voiced, monkeypatch):
    # opening the explorer on a large corpus must not wait minutes for voices nobody chose
    import framing.corpus.spans as spans_module

    arts, labelled, _ = voiced
    calls = []
    real = spans_module.voice_spans
    said = []  # what the status line says while they are found

    def spy(articles, **kw):
        calls.append(len(articles))
        said.append(status(ex))
        return real(articles, **kw)

    monkeypatch.setattr(spans_module, "voice_spans", spy)
    ex = explore(arts, VLEX, compare="pooled", page_size=10)
    assert calls == [] and not ex.voice.disabled
    # the passages name voice and speaker from the start, read from their own articles
    key = ["article_id", "start"]
    page = ex.kwic_table.merge(labelled[[*key, "voice", "speaker", "negated"]], on=key,
                               suffixes=("", "_hand"))  # fmt: skip
    assert len(page) == len(labelled) == 8
    for column in ("voice", "speaker", "negated"):
        assert page[column].tolist() == page[f"{column}_hand"].tolist()
    ex.voice.value = "narrative"
    assert sum(calls) == 4  # every article's voices, once, for the hits and the denominators
    assert said[0].startswith("Finding who speaks in 4 articles") and "Finding" not in status(ex)
    assert said[-1].endswith(f"{4 - calls[-1]} of 4 read.")  # how far, piece by piece
    # as the public functions count it (the hand count of the voices' tokens differs in
    # one article: the engine reads "Critics speak of ..." as reported speech)
    voiced_hits = fr.add_voice(find_hits(arts, VLEX), arts)
    expected = count_by_period(voiced_hits, arts, voice=["narrative"],
                               token_totals=fr.voices.voice_token_totals(arts),
                               frames=["threat", "calm"], start="2024-01-01", end="2024-03-31")  # fmt: skip
    cols = ["period", "frame", "n_hits", "n_articles", "n_tokens"]
    pd.testing.assert_frame_equal(ex.counts[cols].reset_index(drop=True), expected[cols],
                                  check_dtype=False)  # fmt: skip
    ex.voice.value = "quotes"
    ex.voice.value = "all"
    assert sum(calls) == 4
    assert (
        ex.hits[["voice", "speaker"]].values.tolist()
        == labelled[["voice", "speaker"]].values.tolist()
    )


def test_the_status_says_what_a_first_choice_works_out_while_it_runs(voiced, monkeypatch):
    # a first voice or copies choice on a large corpus counts for minutes: the status line
    # says so while it runs (the kernel sends it at once), and the note is gone once drawn
    import framing.widgets.copies as copies_module
    import framing.widgets.sources as sources

    arts, hits, _ = voiced
    ex = explore(arts, VLEX, hits=hits, compare="pooled")
    seen = []

    def spy(real):
        def wrapped(*args, **kwargs):
            seen.append(ex.status.value)
            return real(*args, **kwargs)

        return wrapped

    monkeypatch.setattr(sources, "voice_totals_by_position", spy(sources.voice_totals_by_position))
    monkeypatch.setattr(copies_module, "find_copies", spy(copies_module.find_copies))
    ex.voice.value = "narrative"
    assert len(seen) == 1 and "Counting the tokens of each voice in 4 articles" in seen[0]
    assert "Counting the tokens" not in ex.status.value
    ex.voice.value = "quotes"  # counted once: nothing more to say
    assert len(seen) == 1
    ex.copies.value = "drop"
    assert len(seen) == 2 and "Finding the copies among 4 articles" in seen[1]
    assert "Finding the copies" not in ex.status.value


@pytest.mark.skipif(_voice_stage_missing(), reason="framing.voices is not merged yet")
def test_voice_totals_are_counted_when_not_given(voiced):
    arts, hits, _ = voiced
    ex = explore(arts, VLEX, hits=hits, compare="pooled")
    ex.voice.value = "narrative"
    expected = count_by_period(
        hits, arts, voice="narrative", frames=["threat", "calm"], start="2024-01-01",
        end="2024-03-31",
    )  # fmt: skip
    cols = ["period", "frame", "n_hits", "n_articles", "n_tokens"]
    pd.testing.assert_frame_equal(
        ex.counts[cols].reset_index(drop=True), expected[cols], check_dtype=False
    )
