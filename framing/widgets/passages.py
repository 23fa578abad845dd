"""The passages behind the explorer's chart: choosers, a pager, and the page as HTML.

The passages come from :func:`framing.contexts.kwic` (through the source's ``kwic_page``),
computed only for the page on screen.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from .controls import LABEL_STYLE, tagged, widgets
from .notes import period_label
from .voice import voice_meta

__all__ = ["Passages", "ALL", "passages_html", "heading_html"]

#: the "all" choice of the passage choosers
ALL = ""


class Passages:
    """The passages panel: narrow by period and series, page through, read the hits.

    Parameters
    ----------
    source : HitsSource or CountsSource
        Where the passages come from (a counts source has none; the panel says why).
    window : int
        Words of context on each side.
    page_size : int
        Passages per page.
    memo : framing.widgets.memo.CountsMemo, optional
        Where the pages of the last few choices are kept (the explorer's ``counted``), so
        that a change of the chart alone (measure, bands) does not fetch the page again.

    Attributes
    ----------
    period, frame, outlet, prev, next, page_label, html
        Its widgets (the explorer's ``kwic_period``, ``kwic_frame``, ``kwic_outlet``, ...).
    heading : ipywidgets.HTML
        What the passages are: "Passages of threat, Ledger, 2024-02" (the choosers' choices),
        or "Passages behind the chart" (all of them).
    table : DataFrame or None
        The :func:`framing.contexts.kwic` rows of the page on screen.
    page : int
        The page on screen, from 0.
    """

    def __init__(self, source, *, window: int, page_size: int, memo=None):
        self.source, self.window, self.page_size = source, window, page_size
        self._memo = memo
        self.page = 0
        self.table = None
        (self.period, self.frame, self.outlet, self.prev, self.next, self.page_label,
         self.html) = _passage_controls(enabled=source.has_kwic)  # fmt: skip
        self.heading = tagged(widgets.HTML(heading_html([])), "kwic-heading")

    def row(self):
        """The choosers and the pager, in one row."""
        return widgets.HBox(
            [self.period, self.frame, self.outlet, self.prev, self.page_label, self.next],
            layout=widgets.Layout(flex_flow="row wrap"),
        )

    def refresh_choices(self, labels: list, counts, pfreq, outlets=()) -> None:
        """The chosen series and outlets and the periods of ``counts`` as choices; keep what
        still exists."""
        if not self.source.has_kwic:
            return
        outlet_options = [("all chosen", ALL)] + [(name, name) for name in outlets]
        keep = self.outlet.value if self.outlet.value in outlets else ALL
        if list(self.outlet.options) != outlet_options:
            self.outlet.options = outlet_options
        self.outlet.value = keep
        frame_options = [("all chosen", ALL)] + [(label, label) for label in labels]
        keep = self.frame.value if self.frame.value in labels else ALL
        if list(self.frame.options) != frame_options:
            self.frame.options = frame_options
        self.frame.value = keep
        periods = [("all periods", ALL)]
        if counts is not None:
            for p in sorted(counts["period"].unique()):
                stamp = pd.Timestamp(p)
                periods.append((period_label(pd.Period(stamp, pfreq), pfreq),
                                f"{stamp:%Y-%m-%d}"))  # fmt: skip
        keep = self.period.value if self.period.value in dict(periods).values() else ALL
        if list(self.period.options) != periods:
            self.period.options = periods
        self.period.value = keep

    def select(self, period: str, frame: str, outlet: str) -> None:
        """Choose a period, a series and an outlet (each :data:`ALL` or one of the choices)."""
        self.period.value, self.frame.value, self.outlet.value = period, frame, outlet

    def show(self, choice, *, drawn: bool) -> None:
        """Show the page of passages of ``choice`` (the explorer's series, outlets, dates,
        frequency and voices); ``drawn`` is False when nothing is chosen."""
        self.table = None
        chosen = [(w.label, w.value) for w in (self.frame, self.outlet, self.period)]
        self.heading.value = heading_html([label for label, value in chosen if value != ALL])
        if not self.source.has_kwic:
            self.html.value = f"<p><i>{html.escape(self.source.no_kwic_reason)}</i></p>"
            self.page_label.value = ""
            return
        if not drawn:
            self.html.value = "<p><i>No passages: nothing is chosen.</i></p>"
            self.page_label.value = ""
            self.prev.disabled = self.next.disabled = True
            return
        size = self.page_size
        total, table = self._fetch(choice)
        pages = max(1, -(-total // size))
        if self.page >= pages:
            self.page = pages - 1
            total, table = self._fetch(choice)
        self.table = table
        first = self.page * size + 1 if total else 0
        last = min(total, (self.page + 1) * size)
        self.page_label.value = f"{first}–{last} of {total}"
        self.prev.disabled = self.page == 0
        self.next.disabled = last >= total
        self.html.value = passages_html(table, total)

    def _fetch(self, choice):
        labels, outlets, lo, hi, pfreq, voices, copies = choice
        only, outlet, period, page = (
            self.frame.value,
            self.outlet.value,
            self.period.value,
            self.page,
        )

        def fetch():
            return self.source.kwic_page(
                [only] if only else labels, [outlet] if outlet else outlets, lo, hi, freq=pfreq,
                period=period, page=page, size=self.page_size, window=self.window, voices=voices,
                copies=copies,
            )  # fmt: skip

        if self._memo is None:
            return fetch()
        voices = None if voices is None else tuple(voices)
        key = ("passages", labels, outlets, lo, hi, pfreq, voices, copies, only, outlet, period,
               page)  # fmt: skip
        return self._memo.get(key, fetch)


def _page_button(icon: str, tooltip: str, name: str):
    return tagged(
        widgets.Button(
            description="", icon=icon, tooltip=tooltip, layout=widgets.Layout(width="36px")
        ),
        name,
    )


def _chooser(description: str, everything: str, name: str):
    """A dropdown of the passages' choosers, its first option ``everything`` (all of them)."""
    return tagged(
        widgets.Dropdown(options=[(everything, ALL)], description=description, style=LABEL_STYLE),
        name,
    )


def _passage_controls(*, enabled: bool) -> tuple:
    """The passage choosers and pager: period, frame, outlet, previous, next, page label,
    passages."""
    period = _chooser("Period", "all periods", "kwic-period")
    frame = _chooser("Frame", "all chosen", "kwic-frame")
    outlet = _chooser("Outlet", "all chosen", "kwic-outlet")
    prev = _page_button("chevron-left", "previous page", "kwic-prev")
    next_ = _page_button("chevron-right", "next page", "kwic-next")
    for w in (period, frame, outlet, prev, next_):
        w.disabled = not enabled
    page = tagged(widgets.Label(), "kwic-page")
    passages = tagged(widgets.HTML(), "kwic")
    return period, frame, outlet, prev, next_, page, passages


def heading_html(parts: list) -> str:
    """The heading of the passages: what they are the passages of (all when ``parts`` is empty).

    Examples
    --------
    >>> heading_html(["threat", "Ledger", "2024-02"])
    '<b>Passages of threat, Ledger, 2024-02</b>'
    >>> heading_html([])
    '<b>Passages behind the chart</b>'
    """
    if not parts:
        return "<b>Passages behind the chart</b>"
    return f"<b>Passages of {html.escape(', '.join(parts))}</b>"


def passages_html(table: pd.DataFrame, total: int) -> str:
    """The passages of a page as HTML: date, outlet, title, series and who speaks (voice,
    speaker, negation, when the hits have them) above, the hit marked."""
    if total == 0:
        return "<p><i>No passages for this choice.</i></p>"
    rows = []
    columns = list(table.columns)
    # plain tuples: itertuples would build a namedtuple class at every call
    for values in table.itertuples(index=False, name=None):
        d = dict(zip(columns, values, strict=True))
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
        meta += voice_meta(d)
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


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)
