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
  drawing time), and sent to the browser as a PNG in an ``ipywidgets.Image`` (the same in
  JupyterLab, Voila and headless tests); a click on a point of it (reported by ``ipyevents``,
  see :mod:`~framing.widgets.clicks`) shows the passages that point counts;
* the passages come from :func:`framing.contexts.kwic`, computed only for the page on screen;
* the export button writes the figure and the table behind it with
  :func:`framing.save_figure`.

Bad choices (a frame without hits, a date range without articles, one outlet, one period)
give a sentence in the status line instead of a broken chart; errors inside callbacks are
shown in the widget (status line, and the traceback in the ``errors`` output area), never
lost in the kernel log.
"""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import pandas as pd

from .._errors import FramingError
from ..export import save_figure
from ..plot import PALETTE
from . import controls
from .callbacks import Guard
from .clicks import ChartClicks, click_notes, click_position, passage_choice, points_at
from .controls import widgets
from .copies import check_copies_choice, copies_note
from .memo import CountsMemo
from .notes import outlet_notes, period_notes, series_notes, status_html
from .passages import Passages
from .queries import QueryBox, add_query, add_query_to_frame, remove_query
from .render import Chart, chart_layout
from .sources import GRANULARITIES, NothingToDraw, smoothed_over_all_dates, source_of
from .voice import check_voice_choice, voices_of

__all__ = ["Explorer"]

# the date locator of plot_trends warns (harmlessly) for spans of 31-59 months; see the
# lead's notes
_IGNORED_WARNINGS = "AutoDateLocator was unable to pick an appropriate interval"


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
    voice, voice_note : ipywidgets.Dropdown, ipywidgets.HTML
        Whose words are counted (each over its own tokens): ``"all"``, ``"narrative"`` (the
        outlet's own), ``"quotes"`` (quotes and scare quotes) or ``"reported"``; disabled,
        with the note saying why, when the hits have no ``voice`` column.
    copies, copies_note : ipywidgets.Dropdown, ipywidgets.HTML
        Wire copies (:mod:`~framing.widgets.copies`): ``"keep"`` (count every copy),
        ``"drop"`` (each story once) or ``"origin"`` (copies for their original's outlet),
        as :func:`framing.count_by_period`'s ``copies=``; the status line says how many
        copies there are and how they moved the counts.
    query, query_draw : ipywidgets.Text, ipywidgets.Button
        The query box (:mod:`~framing.widgets.queries`): a word, glob or phrase typed in and
        drawn (Enter) becomes a series, ``'"threat*"'``, counted like the others.
    query_note : ipywidgets.HTML
        Why the query box is disabled (a counts table has no texts to search), else empty.
    queries, query_remove : ipywidgets.Dropdown, ipywidgets.Button
        The queries on the chart; remove the chosen one.
    query_frame, query_add : ipywidgets.Dropdown, ipywidgets.Button
        Append the chosen query to a frame of :attr:`lexicon` (a new Lexicon) and recount it.
    lexicon : framing.Lexicon or None
        The lexicon counted (with the entries added from the query box); save it with
        ``explorer.lexicon.to_yaml(path)``.
    status : ipywidgets.HTML
        One line per message: why nothing is drawn, what to change, what was saved.
    messages : list of (str, str)
        The status line's messages as ``(level, text)``: ``"warn"``, ``"note"``,
        ``"error"``, ``"saved"`` or ``"click"``, and the sentence.
    chart : ipywidgets.Image
        The chart as a PNG.
    errors : ipywidgets.Output
        Tracebacks of unexpected errors in callbacks.
    kwic_period, kwic_frame, kwic_outlet : ipywidgets.Dropdown
        Narrow the passages to one period, chosen series and outlet (``""``: all); a click on
        a point of the chart (:attr:`clicks`) chooses that point's.
    clicks : framing.widgets.clicks.ChartClicks
        Takes the clicks on the chart (with ipyevents; none without it).
    kwic_prev, kwic_next : ipywidgets.Button
        Page through the passages.
    kwic_html, kwic_heading : ipywidgets.HTML
        The passages of the page, the hit marked with ``<mark>``; what they are the passages of.
    export_name : ipywidgets.Text
        File name (without extension) for the export button.
    export_button : ipywidgets.Button
        Writes the figure (PNG, PDF) and the table behind it (CSV) to ``directory``.
    figure : matplotlib.figure.Figure
        The figure on screen (a new one, not managed by pyplot, at each redraw: nothing is
        shown twice in the notebook). :meth:`export` saves it.
    counts : DataFrame or None
        The counts table behind the chart (before smoothing), or None when nothing is drawn.
    counted : framing.widgets.memo.CountsMemo
        The counts tables (and copy summaries, pages of passages) of the last few choices
        of the controls that change what is counted, so that the others (measure, bands,
        smoothing, colours) redraw without counting; emptied when the hits change
        (queries).
    kwic_table : DataFrame or None
        The :func:`framing.contexts.kwic` rows of the page on screen.
    hits : DataFrame or None
        The hits table the explorer counts (None when built from a counts table). Hits the
        explorer found itself get their ``voice``, ``speaker`` and ``negated`` columns when a
        voice is first chosen (the passages show theirs from the start).
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
        voice: str = "all",
        copies: str = "keep",
    ):
        totals, outlet_totals = source.series_totals(), source.outlet_totals()
        voice = check_voice_choice(voice, has_voice=source.has_voice)
        copies = check_copies_choice(copies, available=source.has_copies)
        chosen, chosen_outlets, freq_label = controls.initial_choices(
            source, totals, outlet_totals, frames=frames, outlets=outlets, freq=freq,
            measure=measure, compare=compare, smooth=smooth,
        )  # fmt: skip
        for arg, value in (("window", window), ("page_size", page_size), ("dpi", dpi)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise FramingError(
                    f"{value!r} is not a positive whole number", where=f"explore({arg}=...)"
                )
        self._source = source
        self.directory = Path(directory)
        self.window, self.page_size, self.dpi = window, page_size, dpi
        self.counts = None
        self.timings: dict[str, float] = {}
        self._chart = Chart(dpi)
        self._guard = Guard(lambda: setattr(self.errors, "outputs", ()), self._show_error)
        self.counted = CountsMemo()
        self._drawn = False
        self._messages: list[tuple[str, str]] = []

        # the controls (see the class docstring), laid out, then wired to the update
        self.series = controls.series_chooser(totals, chosen)
        self.outlets = controls.outlet_chooser(outlet_totals, chosen_outlets)
        self.freq = controls.granularity_chooser(freq_label, fixed=source.fixed_freq is not None)
        self.measure = controls.measure_chooser(measure)
        self.compare = controls.compare_chooser(compare)
        self.smooth = controls.smoothing_slider(smooth)
        self.intervals = controls.intervals_checkbox(intervals)
        self.dates = controls.date_slider(source.months())
        self.voice, self.voice_note = controls.voice_chooser(voice, enabled=source.has_voice)
        self.copies, self.copies_note = controls.copies_chooser(copies,
                                                                enabled=source.has_copies)  # fmt: skip
        lexicon = getattr(source, "lexicon", None)
        self._queries = box = QueryBox([] if lexicon is None else list(lexicon.frame_names),
                                       enabled=source.has_kwic)  # fmt: skip
        self.query, self.query_draw, self.queries = box.text, box.draw, box.shown
        self.query_remove, self.query_frame, self.query_add = (box.remove, box.frame,
                                                               box.add_to_frame)  # fmt: skip
        self.query_note = box.note
        self.status = widgets.HTML().add_class("fr-status")
        self.chart = widgets.Image(
            format="png", layout=widgets.Layout(max_width="100%", height="auto")
        ).add_class("fr-chart")
        self.errors = widgets.Output().add_class("fr-errors")
        self.export_name, self.export_button = controls.export_controls(name)
        self._passages = passages = Passages(source, window=window, page_size=page_size,
                                             memo=self.counted)  # fmt: skip
        self.kwic_period, self.kwic_frame, self.kwic_outlet = (passages.period, passages.frame,
                                                               passages.outlet)  # fmt: skip
        self.kwic_prev, self.kwic_next = passages.prev, passages.next
        self.kwic_page_label, self.kwic_html = passages.page_label, passages.html
        self.kwic_heading = passages.heading
        super().__init__(self._arrange())
        self.add_class("fr-explorer")
        self._wire()
        self.clicks = ChartClicks(self.chart, self._guarded(self._clicked))

        # the first drawing: bad tables raise here, to the caller
        with self._guard.busy():
            self._update()

    def _arrange(self) -> list:
        """The rows of the widget: choosers, dates, status, chart, export, passages."""
        settings = widgets.VBox(
            [self.freq, self.measure, self.compare, self.voice, self.voice_note, self.copies,
             self.copies_note, self.smooth, self.intervals]
        )  # fmt: skip
        return [
            widgets.HBox(
                [self.series, self.outlets, settings], layout=widgets.Layout(flex_flow="row wrap")
            ),
            self.dates,
            self._queries.row(),
            self.status,
            self.chart,
            widgets.HBox([self.export_name, self.export_button]),
            self.errors,
            self._passages.heading,
            self._passages.row(),
            self.kwic_html,
        ]

    def _wire(self) -> None:
        """Each control calls its update (guarded: errors are shown, never raised)."""
        for control in (self.series, self.outlets, self.freq, self.dates, self.compare,
                        self.measure, self.smooth, self.intervals, self.voice,
                        self.copies):  # fmt: skip
            control.observe(self._guarded(self._update), names="value")
        for control in (self.kwic_period, self.kwic_frame, self.kwic_outlet):
            control.observe(self._guarded(self._first_page), names="value")
        self.kwic_prev.on_click(self._guarded(lambda: self._turn(-1)))
        self.kwic_next.on_click(self._guarded(lambda: self._turn(+1)))
        self.export_button.on_click(self._guarded(self._export_clicked))
        self.query.observe(self._guarded(self._query_entered), names="value")
        self.query_draw.on_click(self._guarded(self._query_entered))
        self.query_remove.on_click(self._guarded(self._query_removed))
        self.query_add.on_click(self._guarded(self._query_added_to_frame))

    @property
    def hits(self):
        """The hits table the explorer counts (see the class docstring)."""
        return getattr(self._source, "hits", None)

    @property
    def messages(self) -> list[tuple[str, str]]:
        """What the status line says: ``(level, text)`` pairs (see :mod:`.notes`)."""
        return list(self._messages)

    @property
    def lexicon(self):
        """The lexicon counted, with the entries added from the query box (or None)."""
        return getattr(self._source, "lexicon", None)

    @property
    def figure(self):
        """The figure on screen (see the class docstring)."""
        return self._chart.figure

    @property
    def kwic_table(self):
        """The passages of the page on screen (see the class docstring)."""
        return self._passages.table

    @classmethod
    def from_tables(cls, articles=None, lexicon=None, *, hits=None, counts=None,
                    match: str = "exact", token_totals=None, **options):  # fmt: skip
        """Build the explorer from the tables :func:`explore` takes (see there).

        Examples
        --------
        >>> import pandas as pd
        >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["Ledger"],
        ...     "date": pd.to_datetime(["2024-01-05"]), "text": ["A threat."]})
        >>> Explorer.from_tables(arts, {"threat": ["threat*"]}).series.value
        ('threat',)
        """
        source = source_of(
            articles, lexicon, hits=hits, counts=counts, match=match, token_totals=token_totals
        )
        return cls(source, **options)

    # -- callbacks ----------------------------------------------------------------------

    def _guarded(self, action):
        """The handler of a callback: run alone (see :mod:`.callbacks`), errors shown."""
        return self._guard.wrap(action)

    def _show_error(self, exc, trace: str) -> None:
        """FramingErrors in the status line; other errors too, their traceback below."""
        if isinstance(exc, FramingError):
            self._show_status([("error", str(exc))])
            return
        self._show_status([("error", f"Something went wrong ({type(exc).__name__}: {exc}). "
                                     "The details are below the chart.")])  # fmt: skip
        self.errors.append_stderr(trace)

    def _first_page(self):
        self._passages.page = 0
        messages = [m for m in self._messages if m[0] not in ("saved", "click")]
        self._show_kwic()
        self._show_status(messages)

    def _clicked(self):
        """The passages of the point clicked (see :mod:`framing.widgets.clicks`)."""
        if self.counts is None or not self._source.has_kwic:
            return
        x, y, width, height, radius = click_position(self.clicks.last, self.figure, self.dpi)
        points = points_at(self.figure, x, y, width, height, radius=radius)
        if points:
            self._passages.select(
                *passage_choice(points[0], self._layout(), self.series.value, self.outlets.value)
            )
            self._first_page()
        kept = [m for m in self._messages if m[0] != "click"]
        self._show_status(kept + click_notes(points, self.smooth.value))

    def _query_entered(self):
        """Draw the curve of the term in the query box (an empty box: nothing to do)."""
        if not self.query.value.strip():
            return
        try:
            label = add_query(self._source, self._queries, self.query.value)
        except FramingError as exc:  # a typo: the notes on the chart on screen stay
            kept = [m for m in self._messages if m[0] in ("warn", "note")]
            self._show_status(kept + [("error", str(exc))])
            return
        self._series_changed(chosen=label)
        self.query.value = ""
        self._update()
        n = len(self._source.index[label])
        self._show_status(self._messages + [("note", (
            f"Query {label}: {n:,} hits in the corpus (framing's matcher, as a lexicon entry); "
            "'Add to frame' appends it to a frame of the lexicon."))])  # fmt: skip

    def _query_removed(self):
        remove_query(self._source, self._queries, self.queries.value)
        self._series_changed()
        self._update()

    def _query_added_to_frame(self):
        frame = self.query_frame.value
        term, before, after = add_query_to_frame(self._source, self._queries, self.queries.value,
                                                 frame)  # fmt: skip
        self._series_changed(chosen=self.queries.value)
        self._update()
        lexicon = self.lexicon
        self._show_status(self._messages + [("saved", (
            f"Added {term!r} to frame {frame!r}: {before:,} hits before, {after:,} now. The "
            f"lexicon {lexicon.name!r} (in memory, {len(lexicon)} entries) is "
            "explorer.lexicon: save it with explorer.lexicon.to_yaml(path)."))])  # fmt: skip

    def _series_changed(self, chosen: str | None = None) -> None:
        """The series chooser and the query list after a query or an entry came or went."""
        totals = self._source.series_totals()
        value = [v for v in self.series.value if v in totals]
        value += [chosen] if chosen and chosen not in value else []
        self.series.options = controls.series_options(totals)
        self.series.value = value
        labels = list(self._source.queries)
        self._queries.refresh(labels, can_add=self.lexicon is not None, chosen=chosen)
        self.counted.clear()  # the same choice counts other hits now

    def _turn(self, step: int):
        self._passages.page = max(0, self._passages.page + step)
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
        pooled = self.compare.value == "pooled"
        return tuple(self.series.value), tuple(self.outlets.value), lo, hi, pfreq, pooled

    def _update(self):
        t0 = time.perf_counter()
        self._passages.page = 0
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
            self._passages.refresh_choices(list(self.series.value), self.counts,
                                           GRANULARITIES.get(self.freq.value), self.outlets.value)  # fmt: skip
            self._show_kwic()
        t3 = time.perf_counter()
        messages += [("note", str(w.message)) for w in caught]
        self.timings = {"count": t1 - t0, "draw": t2 - t1, "kwic": t3 - t2, "total": t3 - t0}
        self._show_status(messages)

    def _recount(self, messages) -> pd.DataFrame:
        labels, outlets, lo, hi, pfreq, pooled = self._choice()
        if not labels:
            messages.append(("warn", "Choose at least one frame or entry (Ctrl/Shift-click "
                                     "to choose several)."))  # fmt: skip
            raise NothingToDraw
        if not outlets:
            messages.append(("warn", "Choose at least one outlet."))
            raise NothingToDraw
        self.counts = None
        # what a first choice works out is said while it runs (the status is sent at once)
        say = lambda text: self._show_status([("note", text)])  # noqa: E731
        self._source.prepare(voices_of(self.voice.value), self.copies.value, say)
        try:
            counts = self._counts(labels, outlets, lo, hi, pfreq, pooled)
        except NothingToDraw:
            first, last = self.dates.value
            span = f"in {first}" if first == last else f"from {first} to {last}"
            messages.append(("warn", f"No articles from the chosen outlets {span}: widen "
                                     "the date range or choose more outlets."))  # fmt: skip
            raise
        self.counts = counts

        # what the user should know about this choice
        messages += series_notes(counts, labels, self._source.series_totals(), self.voice.value)
        messages += outlet_notes(counts, outlets, self._source.outlet_totals(),
                                 compare=self.compare.value, pooled=pooled)  # fmt: skip
        messages += period_notes(counts, pfreq, self.freq.value, self.smooth.value)
        copies = self._source.copies if self._source.has_copies else None
        if copies is not None and (self.copies.value != "keep" or copies.known):
            summary = self.counted.get(
                ("copies", labels, outlets, lo, hi, self.copies.value),
                lambda: self._source.copy_summary(labels, outlets, lo, hi, self.copies.value),
            )
            messages.append(copies_note(summary, found_here=copies.found_here))
        return counts

    def _counts(self, labels, outlets, lo, hi, pfreq, pooled) -> pd.DataFrame:
        """The counts of a choice (with the voice and copies chosen), kept in
        :attr:`counted`."""
        voice, copies = self.voice.value, self.copies.value
        return self.counted.get(
            ("counts", labels, outlets, lo, hi, pfreq, pooled, voice, copies),
            lambda: self._source.counts(
                labels, outlets, lo, hi, pfreq, pooled, voices_of(voice), copies
            ),  # fmt: skip
        )

    def _layout(self):
        """(hue, col, title, panels) for the current choice."""
        shown = list(dict.fromkeys(self.counts["outlet"])) if "outlet" in self.counts else []
        return chart_layout(list(self.series.value), list(self.outlets.value), shown,
                            self.compare.value)  # fmt: skip

    def _draw(self, counts, messages) -> None:
        hue, col, title, n = self._layout()
        n_lines = counts[hue].nunique()
        if n_lines > len(PALETTE):
            messages.append(("note", f"{n_lines} lines but {len(PALETTE)} colours: colours "
                                     "repeat; choose fewer."))  # fmt: skip
        smooth = self.smooth.value
        if smooth > 1:  # smoothed over all the dates, then cut: the edges keep their windows
            labels, outlets, _, _, pfreq, pooled = self._choice()
            counts = smoothed_over_all_dates(
                lambda lo, hi: self._counts(labels, outlets, lo, hi, pfreq, pooled), counts,
                smooth, [value for _, value in self.dates.options])  # fmt: skip
            smooth = None
        self.chart.value = self._chart.png(
            counts, hue=hue, col=col, title=title, n=n, measure=self.measure.value,
            intervals=self.intervals.value, smooth=smooth,
        )  # fmt: skip
        self.chart.layout.display = None
        self.export_button.disabled = False
        self._drawn = True

    def _blank(self) -> None:
        self._chart.forget()
        self.counts = None
        self.chart.layout.display = "none"
        self.export_button.disabled = True
        self._drawn = False

    # -- passages --------------------------------------------------------------------------

    def _show_kwic(self) -> None:
        labels, outlets, lo, hi, pfreq, _ = self._choice()
        choice = (labels, outlets, lo, hi, pfreq, voices_of(self.voice.value), self.copies.value)
        self._passages.show(choice, drawn=self.counts is not None)

    def _show_status(self, messages) -> None:
        self._messages = list(messages)
        self.status.value = status_html(messages)

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
        >>> ex = Explorer.from_tables(arts, {"threat": ["threat*"]})
        >>> paths = ex.export("trend", directory=tempfile.mkdtemp())
        >>> sorted(paths)
        ['csv', 'pdf', 'png']
        """
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
                "voice": self.voice.value,
                "copies": self.copies.value,
                "queries": [e.pattern for e in self._queries.entries.values()],
            }
        }
        return save_figure(
            self.figure,
            name or self.export_name.value,
            directory=self.directory if directory is None else directory,
            formats=formats,
            provenance=provenance,
        )
