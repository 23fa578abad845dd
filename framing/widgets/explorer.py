"""The interactive explorer: a trend chart with controls, and the passages behind it.

:func:`explore` returns an :class:`Explorer`, an ``ipywidgets.VBox`` that shows in JupyterLab
(and Voila) a trend chart with its controls, a status line, a keyword-in-context panel and
an export button. It is a thin layer over the rest of framing:

* the hits are found once (:func:`framing.find_hits`) and the token totals counted once;
  every control change filters those tables and re-counts with
  :func:`framing.count_by_period` (so the chart's numbers *are* ``count_by_period``'s);
* the chart is drawn by :func:`framing.plot.plot_trends` into a matplotlib figure made
  without pyplot (so it is never shown a second time by the notebook's backend, whatever
  ``%matplotlib`` says), with a fixed layout (the constrained layout would triple the
  drawing time), and sent to the browser as a PNG in an ``ipywidgets.Image``: no front-end
  extension beyond ipywidgets is needed, and it works the same in JupyterLab, Voila and
  headless tests;
* the passages come from :func:`framing.contexts.kwic`, computed only for the page on screen;
* the export button writes the figure and the table behind it with
  :func:`framing.save_figure`.

Bad choices (a frame without hits, a date range without articles, one outlet, one period)
give a sentence in the status line instead of a broken chart; errors inside callbacks are
shown in the widget (status line, and the traceback in the ``errors`` output area), never
lost in the kernel log.
"""

from __future__ import annotations

import html
import io
import re
import time
import traceback
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from .._errors import FramingError, choices_error, require
from .sources import GRANULARITIES, CountsSource, HitsSource, NothingToDraw

widgets = require("ipywidgets", purpose="the explorer (framing.explore)")

__all__ = ["explore", "Explorer", "GRANULARITIES", "MEASURE_LABELS", "COMPARE_CHOICES"]

#: measure (a counts column) -> label in the measure chooser
MEASURE_LABELS = {
    "n_hits": "hits",
    "per_1k_tokens": "per 1,000 tokens",
    "share_of_articles": "share of articles",
}
#: what the colours compare -> label; the other one gets small multiples ("pooled": none)
COMPARE_CHOICES = {
    "frames": "frames (panels: outlets)",
    "outlets": "outlets (panels: frames)",
    "pooled": "frames, outlets pooled",
}
_ALL = ""  # the "all" choice of the KWIC choosers
_SMOOTH_MAX = 12
# plot.py's date locator warns (harmlessly) for spans of 31-59 months; see the lead's notes
_IGNORED_WARNINGS = "AutoDateLocator was unable to pick an appropriate interval"


# --------------------------------------------------------------------------------------
# the widget
# --------------------------------------------------------------------------------------


def _tagged(widget, name: str):
    widget.add_class(f"fr-{name}")
    return widget


def _period_label(period: pd.Period, freq: str) -> str:
    if freq == "W-SUN":
        return f"week of {period.start_time:%Y-%m-%d}"
    if freq == "M":
        return f"{period.start_time:%Y-%m}"
    return str(period)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


class Explorer(widgets.VBox):
    """The widget :func:`explore` returns: a trend chart, its controls and the passages behind it.

    Set any control's ``.value`` from code (as in the tests) or click it in the browser; the
    chart, the status line and the passages follow.

    Attributes
    ----------
    series, outlets : ipywidgets.SelectMultiple
        Frames and single entries (values ``"threat"``, ``"threat: security*"``); outlets.
    freq : ipywidgets.Dropdown
        Granularity: ``"week"``, ``"month"``, ``"quarter"``, ``"year"``.
    measure : ipywidgets.Dropdown
        ``"n_hits"``, ``"per_1k_tokens"`` or ``"share_of_articles"``.
    smooth : ipywidgets.IntSlider
        Centred moving window in periods (0 = off).
    dates : ipywidgets.SelectionRangeSlider
        First and last month (``("2023-01", "2023-06")``).
    intervals : ipywidgets.Checkbox
        Interval bands on or off.
    compare : ipywidgets.Dropdown
        What the colours compare: ``"frames"`` (panels: outlets), ``"outlets"`` (panels:
        frames) or ``"pooled"`` (frames, all chosen outlets pooled, one panel).
    status : ipywidgets.HTML
        One line per message: why nothing is drawn, what to change, what was saved.
    chart : ipywidgets.Image
        The chart as a PNG.
    errors : ipywidgets.Output
        Tracebacks of unexpected errors in callbacks.
    kwic_period, kwic_frame : ipywidgets.Dropdown
        Narrow the passages to one period and one of the chosen series (``""``: all).
    kwic_prev, kwic_next : ipywidgets.Button
        Page through the passages.
    kwic_html : ipywidgets.HTML
        The passages of the page, the hit marked with ``<mark>``.
    export_name : ipywidgets.Text
        File name (without extension) for the export button.
    export_button : ipywidgets.Button
        Writes the figure (PNG, PDF) and the table behind it (CSV) to ``directory``.
    figure : matplotlib.figure.Figure
        The figure on screen (a new one, not managed by pyplot, at each redraw: nothing is
        shown twice in the notebook). :meth:`export` saves it.
    counts : DataFrame or None
        The counts table behind the chart (before smoothing), or None when nothing is drawn.
    kwic_table : DataFrame or None
        The :func:`framing.contexts.kwic` rows of the page on screen.
    hits : DataFrame or None
        The hits table the explorer counts (None when built from a counts table).
    directory : Path
        Where the export button writes.
    timings : dict
        Seconds spent in the last update: ``count``, ``draw``, ``kwic``, ``total``.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Ledger", "Herald"],
    ...     "date": pd.to_datetime(["2024-01-05", "2024-02-10"]),
    ...     "text": ["A threat.", "Calm."]})
    >>> ex = Explorer.from_tables(arts, {"threat": ["threat*"]})
    >>> isinstance(ex, widgets.VBox)
    True
    """

    def __init__(
        self,
        source,
        *,
        freq: str = "month",
        measure: str = "per_1k_tokens",
        smooth: int = 0,
        intervals: bool = True,
        compare: str = "frames",
        frames=None,
        outlets=None,
        directory="figures",
        name: str = "explorer",
        window: int = 8,
        page_size: int = 10,
        dpi: int = 100,
    ):
        from matplotlib.figure import Figure

        self._source = source
        self.hits = getattr(source, "hits", None)
        self.directory = Path(directory)
        self.window, self.page_size, self.dpi = window, page_size, dpi
        self.counts = None
        self.kwic_table = None
        self.timings: dict[str, float] = {}
        self.figure = Figure(figsize=(7.2, 3.0))
        self._page = 0
        self._busy = False
        self._counts_key = None
        self._drawn = False
        self._shape = None  # the layout of the figure on screen, while it can be reused
        self._messages: list[tuple[str, str]] = []

        totals = source.series_totals()
        outlet_totals = source.outlet_totals()
        months = source.months()
        style = {"description_width": "initial"}

        # -- arguments -> initial values --------------------------------------------------
        if frames is None:
            chosen = [f for f in source.frames if f in totals] or list(totals)[:1]
        else:
            chosen = [frames] if isinstance(frames, str) else list(frames)
            for f in chosen:
                if f not in totals:
                    raise choices_error("explore(frames=...)", f, list(totals))
        if outlets is None:
            chosen_outlets = list(outlet_totals)
        else:
            chosen_outlets = [outlets] if isinstance(outlets, str) else list(outlets)
            for o in chosen_outlets:
                if o not in outlet_totals:
                    raise choices_error("explore(outlets=...)", o, list(outlet_totals))
        freq_label = _granularity(freq) if source.fixed_freq is None else source.fixed_freq
        if measure not in MEASURE_LABELS:
            raise choices_error("explore(measure=...)", measure, list(MEASURE_LABELS))
        if compare not in COMPARE_CHOICES:
            raise choices_error("explore(compare=...)", compare, list(COMPARE_CHOICES))
        if isinstance(smooth, bool) or not isinstance(smooth, int) or not 0 <= smooth <= 60:
            raise FramingError(
                f"{smooth!r} is not a smoothing window",
                where="explore(smooth=...)",
                fix="Pass a whole number of periods, 0 (off) to 60.",
            )
        for arg, value in (("window", window), ("page_size", page_size), ("dpi", dpi)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise FramingError(
                    f"{value!r} is not a positive whole number", where=f"explore({arg}=...)"
                )

        # -- controls ---------------------------------------------------------------------
        self.series = _tagged(
            widgets.SelectMultiple(
                options=[(f"{label} ({n})", label) for label, n in totals.items()],
                value=chosen,
                rows=8,
                description="Frames / entries",
                style=style,
                layout=widgets.Layout(width="330px"),
            ),
            "series",
        )
        self.outlets = _tagged(
            widgets.SelectMultiple(
                options=[(f"{o} ({n})", o) for o, n in outlet_totals.items()],
                value=chosen_outlets,
                rows=min(8, max(2, len(outlet_totals))),
                description="Outlets",
                style=style,
                layout=widgets.Layout(width="280px"),
            ),
            "outlets",
        )
        freq_options = list(GRANULARITIES) if source.fixed_freq is None else [freq_label]
        self.freq = _tagged(
            widgets.Dropdown(
                options=freq_options,
                value=freq_label,
                description="Granularity",
                disabled=source.fixed_freq is not None,
                style=style,
            ),
            "freq",
        )
        self.measure = _tagged(
            widgets.Dropdown(
                options=[(label, m) for m, label in MEASURE_LABELS.items()],
                value=measure,
                description="Measure",
                style=style,
            ),
            "measure",
        )
        self.compare = _tagged(
            widgets.Dropdown(
                options=[(label, c) for c, label in COMPARE_CHOICES.items()],
                value=compare,
                description="Colours compare",
                style=style,
            ),
            "compare",
        )
        self.smooth = _tagged(
            widgets.IntSlider(
                value=smooth,
                min=0,
                max=max(_SMOOTH_MAX, smooth),
                description="Smoothing (periods)",
                continuous_update=False,
                style=style,
            ),
            "smooth",
        )
        self.intervals = _tagged(
            widgets.Checkbox(value=intervals, description="95% interval bands", indent=False),
            "intervals",
        )
        self.dates = _tagged(
            widgets.SelectionRangeSlider(
                options=[(f"{pd.Period(m, 'M'):%b %Y}", m) for m in months],
                index=(0, len(months) - 1),
                description="Dates",
                continuous_update=False,
                style=style,
                layout=widgets.Layout(width="95%"),
            ),
            "dates",
        )
        self.status = _tagged(widgets.HTML(), "status")
        self.chart = _tagged(
            widgets.Image(format="png", layout=widgets.Layout(max_width="100%", height="auto")),
            "chart",
        )
        self.errors = _tagged(widgets.Output(), "errors")
        self.export_name = _tagged(
            widgets.Text(value=name, description="File name", style=style), "export-name"
        )
        self.export_button = _tagged(
            widgets.Button(
                description="Export figure + table",
                icon="download",
                tooltip="Write PNG, PDF and the CSV behind the chart",
                layout=widgets.Layout(width="auto"),
            ),
            "export",
        )
        self.kwic_period = _tagged(
            widgets.Dropdown(options=[("all periods", _ALL)], description="Period", style=style),
            "kwic-period",
        )
        self.kwic_frame = _tagged(
            widgets.Dropdown(options=[("all chosen", _ALL)], description="Frame", style=style),
            "kwic-frame",
        )
        self.kwic_prev = _tagged(
            widgets.Button(
                description="",
                icon="chevron-left",
                tooltip="previous page",
                layout=widgets.Layout(width="36px"),
            ),  # fmt: skip
            "kwic-prev",
        )
        self.kwic_next = _tagged(
            widgets.Button(
                description="",
                icon="chevron-right",
                tooltip="next page",
                layout=widgets.Layout(width="36px"),
            ),  # fmt: skip
            "kwic-next",
        )
        self.kwic_page_label = _tagged(widgets.Label(), "kwic-page")
        self.kwic_html = _tagged(widgets.HTML(), "kwic")
        if not source.has_kwic:
            for w in (self.kwic_period, self.kwic_frame, self.kwic_prev, self.kwic_next):
                w.disabled = True

        for control in (self.freq, self.measure, self.compare, self.smooth):
            control.layout.width = "300px"
        settings = widgets.VBox(
            [self.freq, self.measure, self.compare, self.smooth, self.intervals]
        )
        passages = widgets.HTML("<b>Passages behind the chart</b>")
        super().__init__(
            [
                widgets.HBox(
                    [self.series, self.outlets, settings],
                    layout=widgets.Layout(flex_flow="row wrap"),
                ),
                self.dates,
                self.status,
                self.chart,
                widgets.HBox([self.export_name, self.export_button]),
                self.errors,
                passages,
                widgets.HBox(
                    [
                        self.kwic_period,
                        self.kwic_frame,
                        self.kwic_prev,
                        self.kwic_page_label,
                        self.kwic_next,
                    ]
                ),
                self.kwic_html,
            ]
        )
        self.add_class("fr-explorer")

        # -- wiring -----------------------------------------------------------------------
        for control in (self.series, self.outlets, self.freq, self.dates, self.compare,
                        self.measure, self.smooth, self.intervals):  # fmt: skip
            control.observe(self._guarded(self._update), names="value")
        for control in (self.kwic_period, self.kwic_frame):
            control.observe(self._guarded(self._first_page), names="value")
        self.kwic_prev.on_click(self._guarded(lambda: self._turn(-1)))
        self.kwic_next.on_click(self._guarded(lambda: self._turn(+1)))
        self.export_button.on_click(self._guarded(self._export_clicked))

        # the first drawing: bad tables raise here, to the caller
        self._busy = True
        try:
            self._update()
        finally:
            self._busy = False

    @classmethod
    def from_tables(cls, articles=None, lexicon=None, *, hits=None, counts=None,
                    match: str = "exact", **options):  # fmt: skip
        """Build the explorer from the tables :func:`explore` takes (see there).

        Examples
        --------
        >>> import pandas as pd
        >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["Ledger"],
        ...     "date": pd.to_datetime(["2024-01-05"]), "text": ["A threat."]})
        >>> Explorer.from_tables(arts, {"threat": ["threat*"]}).series.value
        ('threat',)
        """
        if counts is not None:
            if articles is not None or hits is not None or lexicon is not None:
                raise FramingError(
                    "pass either a counts table or the articles (with a lexicon or hits), not both",
                    where="explore",
                    fix="Call explore(counts=counts) or explore(articles, lexicon).",
                )
            source = CountsSource(counts)
        elif articles is None:
            raise FramingError(
                "nothing to explore",
                where="explore",
                fix="Call explore(articles, lexicon), explore(articles, hits=hits) or "
                "explore(counts=counts).",
            )
        else:
            source = HitsSource(articles, lexicon, hits, match=match)
        return cls(source, **options)

    # -- callbacks ----------------------------------------------------------------------

    def _guarded(self, action):
        """Run a callback; show FramingErrors in the status line and other errors below."""

        def handler(*_):
            if self._busy:
                return
            self._busy = True
            try:
                self.errors.outputs = ()
                action()
            except FramingError as exc:
                self._show_status([("error", str(exc))])
            except Exception as exc:  # shown in the widget, never lost in the kernel log
                self._show_status(
                    [
                        (
                            "error",
                            f"Something went wrong ({type(exc).__name__}: {exc}). "
                            "The details are below the chart.",
                        )
                    ]
                )
                self.errors.append_stderr(traceback.format_exc())
            finally:
                self._busy = False

        return handler

    def _first_page(self):
        self._page = 0
        messages = [m for m in self._messages if m[0] != "saved"]
        self._show_kwic()
        self._show_status(messages)

    def _turn(self, step: int):
        self._page = max(0, self._page + step)
        self._show_kwic()

    def _export_clicked(self):
        paths = self.export()
        names = ", ".join(p.name for p in paths.values())
        self._show_status(
            [m for m in self._messages if m[0] != "saved"]
            + [("saved", f"Saved {names} in {self.directory}/.")]
        )

    # -- the update -----------------------------------------------------------------------

    def _choice(self):
        lo_m, hi_m = self.dates.value
        lo = pd.Period(lo_m, "M").start_time
        hi = (pd.Period(hi_m, "M") + 1).start_time
        fixed = self._source.fixed_freq is not None
        pfreq = self._source.freq if fixed else GRANULARITIES[self.freq.value]
        return (
            tuple(self.series.value),
            tuple(self.outlets.value),
            lo,
            hi,
            pfreq,
            self.compare.value == "pooled",
        )

    def _update(self):
        t0 = time.perf_counter()
        self._page = 0
        messages: list[tuple[str, str]] = []
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            warnings.filterwarnings("ignore", message=_IGNORED_WARNINGS)
            try:
                counts = self._recount(messages)
                t1 = time.perf_counter()
                self._draw(counts, messages)
                t2 = time.perf_counter()
            except NothingToDraw:
                self._blank()
                t1 = t2 = time.perf_counter()
            except Exception:
                self._blank()  # no stale chart under an error message
                raise
            self._refresh_kwic_choices()
            self._show_kwic()
        t3 = time.perf_counter()
        messages += [("note", str(w.message)) for w in caught]
        self.timings = {"count": t1 - t0, "draw": t2 - t1, "kwic": t3 - t2, "total": t3 - t0}
        self._show_status(messages)

    def _recount(self, messages) -> pd.DataFrame:
        labels, outlets, lo, hi, pfreq, pooled = key = self._choice()
        if not labels:
            messages.append(("warn", "Choose at least one frame or entry (Ctrl/Shift-click "
                                     "to choose several)."))  # fmt: skip
            raise NothingToDraw
        if not outlets:
            messages.append(("warn", "Choose at least one outlet."))
            raise NothingToDraw
        if key != self._counts_key or self.counts is None:
            self.counts = None
            try:
                counts = self._source.counts(labels, outlets, lo, hi, pfreq, pooled)
            except NothingToDraw:
                first, last = self.dates.value
                span = f"in {first}" if first == last else f"from {first} to {last}"
                messages.append(
                    (
                        "warn",
                        f"No articles from the chosen outlets {span}: widen the date "
                        "range or choose more outlets.",
                    )
                )
                raise
            self.counts, self._counts_key = counts, key
        counts = self.counts

        # what the user should know about this choice
        totals = self._source.series_totals()
        got = counts.groupby("frame", sort=False)["n_hits"].sum()
        for label in labels:
            if got.get(label, 0) == 0:
                if totals.get(label, 0) == 0:
                    messages.append(("warn", f"{label!r} has no hits anywhere in this corpus: "
                                             "check its entries (its line stays at zero)."))  # fmt: skip
                else:
                    messages.append(("warn", f"No hits for {label!r} in the chosen outlets "
                                             "and dates: its line stays at zero."))  # fmt: skip
        all_outlets = self._source.outlet_totals()
        if self.compare.value == "outlets":
            if len(all_outlets) == 1:
                messages.append(("note", f"The corpus has one outlet ({next(iter(all_outlets))!r}): "
                                         "there is nothing to compare between outlets."))  # fmt: skip
            elif len(outlets) == 1:
                messages.append(("note", "Only one outlet is chosen: choose more to compare "
                                         "outlets."))  # fmt: skip
        if not pooled:
            shown = set(counts["outlet"])
            absent = [o for o in outlets if o not in shown]
            if absent:
                messages.append(("note", "No articles in these dates from "
                                 + ", ".join(map(repr, absent)) + ": left out."))  # fmt: skip
        n_periods = counts["period"].nunique()
        if n_periods == 1:
            unit = self.freq.value if pfreq else "period"
            first = pd.Timestamp(counts["period"].iloc[0])
            when = _period_label(pd.Period(first, pfreq), pfreq) if pfreq else f"{first:%Y-%m-%d}"
            finer = "" if unit == "week" else "choose a finer granularity or "
            messages.append(("note", f"All the chosen articles fall in one {unit} ({when}): "
                                     f"the chart shows single points; {finer}widen the date "
                                     "range to see a trend."))  # fmt: skip
        elif self.smooth.value >= n_periods:
            messages.append(("note", f"The smoothing window ({self.smooth.value} periods) is as "
                                     f"long as the series ({n_periods} periods): lower it."))  # fmt: skip
        return counts

    def _layout(self):
        """(hue, col, title, panels) for the current choice."""
        labels = list(self.series.value)
        outlets = list(self.outlets.value)
        shown = list(dict.fromkeys(self.counts["outlet"])) if "outlet" in self.counts else []
        mode = self.compare.value
        if mode == "pooled":
            title = "All chosen outlets" if len(outlets) > 1 else outlets[0]
            return "frame", None, title, 1
        if mode == "outlets":
            if len(labels) == 1:
                return "outlet", None, labels[0], 1
            return "outlet", "frame", None, len(labels)
        if len(shown) == 1:
            return "frame", None, shown[0], 1
        return "frame", "outlet", None, len(shown)

    def _draw(self, counts, messages) -> None:
        from matplotlib import rc_context

        from ..plot import PALETTE
        from ..style import style_context

        hue, col, title, n = self._layout()
        n_lines = counts[hue].nunique()
        if n_lines > len(PALETTE):
            messages.append(("note", f"{n_lines} lines but {len(PALETTE)} colours: colours "
                                     "repeat; choose fewer."))  # fmt: skip
        # titles at a fixed height: placing them by the tick labels of the panel above costs a
        # tenth of the drawing time, and the panels have no ticks or labels on top
        with style_context(), rc_context({"axes.titley": 1.0}):
            self._draw_into_figure(counts, hue, col, title, n, n_lines)
        buf = io.BytesIO()
        self.figure.savefig(buf, format="png", dpi=self.dpi)
        self.chart.value = buf.getvalue()
        self.chart.layout.display = None
        self.export_button.disabled = False
        self._drawn = True

    def _draw_into_figure(self, counts, hue, col, title, n, n_lines) -> None:
        from matplotlib.dates import AutoDateLocator
        from matplotlib.ticker import FixedLocator

        from ..plot.trends import plot_trends

        ncols = 1 if n == 1 else 2 if n <= 4 else 3
        nrows = -(-n // ncols)
        legend_rows = -(-n_lines // 5)
        size, grid = self._geometry(n, ncols, nrows, legend_rows, title, col)
        shape = (n, ncols)
        if self._shape == shape and self.figure is not None:
            # The same panels as on screen: keep the figure, its Axes and their ticks, and
            # replace only what is drawn (building Axes and ticks anew is most of the cost).
            fig, used, reused = self.figure, list(self.figure.axes), True
            _clear_plots(fig)
            fig.set_size_inches(size)
            used[0].get_subplotspec().get_gridspec().update(**grid)
        else:
            from matplotlib.figure import Figure

            # the panels do not share axes (sharing makes every autoscale visit every
            # panel): limits are made equal after plotting
            fig, reused = Figure(figsize=size), False
            spec = fig.add_gridspec(nrows, ncols, **grid)
            used = [fig.add_subplot(spec[i // ncols, i % ncols]) for i in range(n)]
            self._shape = shape
        plot_trends(
            counts,
            measure=self.measure.value,
            hue=hue,
            col=col,
            intervals=self.intervals.value,
            smooth=self.smooth.value or None,
            ax=np.array(used, dtype=object) if n > 1 else used[0],
            width="double",
            title=title,
        )
        if n == 1 and used[0].get_legend() is not None:  # same place as with panels: below
            handles, labels = used[0].get_legend_handles_labels()
            used[0].get_legend().remove()
            fig.legend(handles, labels, loc="lower center", ncols=min(len(labels), 5))
        # One set of date ticks for all panels (the date locator is slow and would run again
        # for every panel at every step of the drawing), one y range, labels on the outside.
        locator = used[0].xaxis.get_major_locator()
        ticks = locator() if isinstance(locator, AutoDateLocator) else None
        y_top = max(ax.get_ylim()[1] for ax in used)
        x_range = used[0].get_xlim()
        for i, ax in enumerate(used):
            if ticks is not None:
                ax.xaxis.set_major_locator(FixedLocator(ticks))
            if n > 1:
                ax.set_ylim(0, y_top)
                ax.set_xlim(x_range)
                if not reused:
                    ax.tick_params(labelbottom=i + ncols >= n, labelleft=i % ncols == 0)
        self.figure = fig

    @staticmethod
    def _geometry(n, ncols, nrows, legend_rows, title, col):
        """Figure size and grid of panels: a fixed layout (the constrained layout engine
        would triple the drawing time)."""
        width, panel_h, gap = 7.2, (2.1 if n == 1 else 1.3), 0.34
        top = 0.1 + (0.3 if title else 0.0) + (0.2 if col else 0.0)
        bottom = 0.5 + 0.17 * legend_rows
        height = top + bottom + nrows * panel_h + (nrows - 1) * gap
        left = 0.75 if n == 1 else 0.8
        grid = {
            "left": left / width,
            "right": 1 - 0.15 / width,
            "top": 1 - top / height,
            "bottom": bottom / height,
            "hspace": gap / panel_h,
            "wspace": 0.3 / ((width - left - 0.15) / ncols),
        }
        return (width, height), grid

    def _blank(self) -> None:
        self._shape = None
        self.counts = None
        self._counts_key = None
        self.chart.layout.display = "none"
        self.export_button.disabled = True
        self._drawn = False

    # -- passages --------------------------------------------------------------------------

    def _refresh_kwic_choices(self) -> None:
        if not self._source.has_kwic:
            return
        labels = list(self.series.value)
        frame_options = [("all chosen", _ALL)] + [(label, label) for label in labels]
        keep = self.kwic_frame.value if self.kwic_frame.value in labels else _ALL
        if list(self.kwic_frame.options) != frame_options:
            self.kwic_frame.options = frame_options
        self.kwic_frame.value = keep
        periods = [("all periods", _ALL)]
        if self.counts is not None:
            pfreq = GRANULARITIES[self.freq.value]
            for p in sorted(self.counts["period"].unique()):
                stamp = pd.Timestamp(p)
                periods.append((_period_label(pd.Period(stamp, pfreq), pfreq),
                                f"{stamp:%Y-%m-%d}"))  # fmt: skip
        keep = self.kwic_period.value if self.kwic_period.value in dict(periods).values() else _ALL
        if list(self.kwic_period.options) != periods:
            self.kwic_period.options = periods
        self.kwic_period.value = keep

    def _show_kwic(self) -> None:
        self.kwic_table = None
        if not self._source.has_kwic:
            self.kwic_html.value = f"<p><i>{html.escape(self._source.no_kwic_reason)}</i></p>"
            self.kwic_page_label.value = ""
            return
        if self.counts is None:
            self.kwic_html.value = "<p><i>No passages: nothing is chosen.</i></p>"
            self.kwic_page_label.value = ""
            self.kwic_prev.disabled = self.kwic_next.disabled = True
            return
        labels, outlets, lo, hi, pfreq, _ = self._choice()
        only = self.kwic_frame.value
        size = self.page_size
        total, table = self._source.kwic_page(
            [only] if only else labels,
            outlets,
            lo,
            hi,
            freq=pfreq,
            period=self.kwic_period.value,
            page=self._page,
            size=size,
            window=self.window,
        )
        pages = max(1, -(-total // size))
        if self._page >= pages:
            self._page = pages - 1
            total, table = self._source.kwic_page(
                [only] if only else labels, outlets, lo, hi, freq=pfreq,
                period=self.kwic_period.value, page=self._page, size=size, window=self.window,
            )  # fmt: skip
        self.kwic_table = table
        first = self._page * size + 1 if total else 0
        last = min(total, (self._page + 1) * size)
        self.kwic_page_label.value = f"{first}–{last} of {total}"
        self.kwic_prev.disabled = self._page == 0
        self.kwic_next.disabled = last >= total
        self.kwic_html.value = _kwic_html(table, total)

    def _show_status(self, messages) -> None:
        self._messages = list(messages)
        colours = {"error": "#B00020", "warn": "#8A4B00", "note": "#555555", "saved": "#006D43"}
        lines = [
            f'<div class="fr-status-{level}" style="color:{colours[level]}">'
            f"{html.escape(text)}</div>"
            for level, text in messages
        ]
        self.status.value = "".join(lines)

    # -- export --------------------------------------------------------------------------

    def export(self, name: str | None = None, *, directory=None, formats=("png", "pdf")):
        """Write the chart on screen (PNG, PDF) and the table behind it (CSV).

        Goes through :func:`framing.save_figure`, so the files carry the provenance
        (lexicon hash, package version) plus the explorer's current choices.

        Parameters
        ----------
        name : str, optional
            File name without extension; defaults to the ``export_name`` box.
        directory : path, optional
            Output folder; defaults to the explorer's ``directory`` (``figures/``).
        formats : sequence of {"png", "pdf", "svg"}

        Returns
        -------
        dict
            Format (and ``"csv"``) to the path written.

        Examples
        --------
        >>> import tempfile, pandas as pd
        >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": "Ledger",
        ...     "date": pd.to_datetime(["2024-01-05", "2024-02-10"]),
        ...     "text": ["A threat.", "Threats, threats."]})
        >>> ex = explore(arts, {"threat": ["threat*"]})
        >>> paths = ex.export("trend", directory=tempfile.mkdtemp())
        >>> sorted(paths)
        ['csv', 'pdf', 'png']
        """
        from ..export import save_figure

        if not self._drawn:
            raise FramingError(
                "there is no chart to export",
                where="export",
                fix="Change the choices until a chart shows (see the status line).",
            )
        labels, outlets, lo, hi, _, _ = self._choice()
        provenance = {
            "explorer": {
                "series": list(labels),
                "outlets": list(outlets),
                "dates": [f"{lo:%Y-%m-%d}", f"{hi - pd.Timedelta(days=1):%Y-%m-%d}"],
                "granularity": self.freq.value,
                "measure": self.measure.value,
                "smoothing": self.smooth.value,
                "compare": self.compare.value,
            }
        }
        return save_figure(
            self.figure,
            name or self.export_name.value,
            directory=self.directory if directory is None else directory,
            formats=formats,
            provenance=provenance,
        )


def _clear_plots(fig) -> None:
    """Remove what a drawing added to ``fig`` and let its Axes autoscale again."""
    from ..export import _detach

    for legend in list(fig.legends):
        legend.remove()
    if fig.get_suptitle():
        fig.suptitle("")
    for ax in fig.axes:
        for artist in (*ax.lines, *ax.collections, *ax.patches, *ax.texts):
            artist.remove()
        if ax.get_legend() is not None:
            ax.get_legend().remove()
        ax.set_title("", loc="left")
        ax.relim()
        ax.set_autoscale_on(True)
    _detach(fig)  # the tables and provenance of the last drawing


def _kwic_html(table: pd.DataFrame, total: int) -> str:
    if total == 0:
        return "<p><i>No passages for this choice.</i></p>"
    rows = []
    for row in table.itertuples(index=False):
        d = row._asdict()
        meta = []
        if "date" in d and pd.notna(d["date"]):
            meta.append(f"{pd.Timestamp(d['date']):%Y-%m-%d}")
        if "outlet" in d and isinstance(d["outlet"], str):
            meta.append(html.escape(d["outlet"]))
        if "title" in d and isinstance(d["title"], str) and d["title"]:
            meta.append(f"<i>{html.escape(d['title'])}</i>")
        what = html.escape(str(d.get("frame", "")))
        if "entry" in d and isinstance(d["entry"], str):
            what += f" ({html.escape(d['entry'])})"
        meta.append(what)
        left = html.escape(_squash(d["left"]))
        right = html.escape(_squash(d["right"]))
        rows.append(
            '<div class="fr-kwic-line" style="margin:0 0 6px 0">'
            f'<div style="font-size:85%;color:#555">{" · ".join(meta)}</div>'
            f"<div>{'…' if d.get('cut_left', True) else ''}{left}"
            f"<mark>{html.escape(_squash(d['match']))}</mark>"
            f"{right}{'…' if d.get('cut_right', True) else ''}</div></div>"
        )
    return "".join(rows)


def _granularity(freq) -> str:
    from ..aggregate import FREQUENCIES

    if freq in GRANULARITIES:
        return freq
    key = freq if freq in FREQUENCIES else str(freq).lower()
    pandas_freq = FREQUENCIES.get(key)
    for label, value in GRANULARITIES.items():
        if value == pandas_freq:
            return label
    raise choices_error("explore(freq=...)", freq, list(GRANULARITIES))


def explore(
    articles=None,
    lexicon=None,
    *,
    hits=None,
    counts=None,
    freq: str = "month",
    measure: str = "per_1k_tokens",
    smooth: int = 0,
    intervals: bool = True,
    compare: str = "frames",
    frames=None,
    outlets=None,
    directory="figures",
    name: str = "explorer",
    window: int = 8,
    page_size: int = 10,
    match: str = "exact",
    dpi: int = 100,
) -> Explorer:
    """Explore frames over time in a notebook: a trend chart with controls and its passages.

    Shows a trend chart (drawn by :func:`framing.plot.plot_trends`) with controls for the
    frames and single lexicon entries, the outlets, the granularity, the measure, smoothing,
    the date range, interval bands and what the colours compare; a status line that says
    why nothing (or little) is drawn; the keyword-in-context passages behind the current
    choice (:func:`framing.contexts.kwic`, paged, the hit marked); and a button that writes the
    figure and its table through :func:`framing.save_figure`.

    The hits and the token totals are computed once; each change re-counts the chosen hits
    with :func:`framing.count_by_period`, so the chart's numbers are exactly that function's.

    Parameters
    ----------
    articles : DataFrame, optional
        The articles table (``article_id``, ``date``, ``outlet``, ``text``; ``title`` is shown
        with the passages), cleaned as you want it counted (:func:`framing.clean_articles`).
    lexicon : Lexicon, dict, str or path, optional
        The lexicon to find hits with: a :class:`framing.Lexicon`, a ``{frame: [entries]}``
        dict, a bundled lexicon's name (``"security"``) or a lexicon file.
    hits : DataFrame, optional
        Hits already found in ``articles`` (:func:`framing.find_hits`); then no lexicon is
        needed (if one is given, it orders the frames and lists entries without hits).
    counts : DataFrame, optional
        Instead of articles: a counts table (:func:`framing.count_by_period`), shown without
        re-counting; the granularity is fixed and there are no passages.
    freq : {"week", "month", "quarter", "year"}
        Initial granularity (``"W"``, ``"M"``, ``"Q"``, ``"Y"`` work too).
    measure : {"per_1k_tokens", "n_hits", "share_of_articles"}
        Initial measure.
    smooth : int
        Initial centred moving window, in periods (0 = off).
    intervals : bool
        Draw 95% interval bands.
    compare : {"frames", "outlets", "pooled"}
        What the colours compare: frames (one panel per outlet), outlets (one panel per
        frame), or frames with the chosen outlets pooled in one panel.
    frames : list of str, optional
        Initially chosen series: frame names, or ``"frame: entry"`` for single entries.
        Default: all frames.
    outlets : list of str, optional
        Initially chosen outlets. Default: all.
    directory : path
        Where the export button writes (default ``figures/``).
    name : str
        Initial file name of the export.
    window : int
        Words of context on each side of a passage.
    page_size : int
        Passages per page.
    match : {"exact", "stem"}
        Passed to :func:`framing.find_hits` when the explorer finds the hits.
    dpi : int
        Resolution of the chart on screen (the export uses 300 dpi).

    Returns
    -------
    Explorer
        An ``ipywidgets.VBox``; display it (last line of a cell). Its controls are attributes
        (``.series``, ``.freq``, ...), settable from code.

    Raises
    ------
    FramingError
        When a table is not what it should be (wrong table, no dates, hits of other articles)
        or an initial choice does not exist. Choices made in the widget never raise: they
        give a message in the status line.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"],
    ...     "date": pd.to_datetime(["2024-01-05", "2024-02-10", "2024-03-15"]),
    ...     "outlet": ["Ledger", "Herald", "Ledger"], "title": ["One", "Two", "Three"],
    ...     "text": ["A grave threat.", "A calm day.", "Threats, more threats."]})
    >>> ex = explore(arts, {"threat": ["threat*"], "calm": ["calm"]}, compare="pooled")
    >>> ex.counts.groupby("frame")["n_hits"].sum().to_dict()
    {'calm': 1, 'threat': 3}
    >>> ex.freq.value = "quarter"
    >>> ex.counts["period"].dt.strftime("%Y-%m").unique().tolist()
    ['2024-01']
    >>> "<mark>Threats</mark>" in ex.kwic_html.value
    True
    >>> ex.series.value = ()
    >>> ex.status.value
    '<div class="fr-status-warn" ...>Choose at least one frame or entry ...</div>'
    """
    return Explorer.from_tables(
        articles,
        lexicon,
        hits=hits,
        counts=counts,
        match=match,
        freq=freq,
        measure=measure,
        smooth=smooth,
        intervals=intervals,
        compare=compare,
        frames=frames,
        outlets=outlets,
        directory=directory,
        name=name,
        window=window,
        page_size=page_size,
        dpi=dpi,
    )
