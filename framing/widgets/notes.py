"""What the explorer's status line says: notes on the current choice, as HTML.

Each note is a ``(level, text)`` pair; the levels are ``"warn"`` (nothing or little can be
drawn: what to change), ``"note"`` (what the chart leaves out or cannot show), ``"error"``,
``"saved"`` and ``"click"`` (about the point clicked on the chart).
"""

from __future__ import annotations

import html

import pandas as pd

from .voice import VOICE_CHOICES

__all__ = ["series_notes", "outlet_notes", "period_notes", "status_html", "period_label"]

#: the colour of each kind of status message
STATUS_COLOURS = {"error": "#B00020", "warn": "#8A4B00", "note": "#555555", "saved": "#006D43",
                  "click": "#555555"}  # fmt: skip


def series_notes(
    counts: pd.DataFrame, labels, totals: dict, voice: str = "all"
) -> list[tuple[str, str]]:
    """Warnings for the chosen series without hits (in the choice, or in the whole corpus);
    ``voice`` names the voices counted (a choice of the voice chooser)."""
    notes = []
    got = counts.groupby("frame", sort=False)["n_hits"].sum()
    for label in labels:
        if got.get(label, 0) == 0:
            if totals.get(label, 0) == 0:
                notes.append(("warn", f"{label!r} has no hits anywhere in this corpus: "
                                      "check its entries (its line stays at zero)."))  # fmt: skip
            else:
                chosen = (
                    "outlets and dates"
                    if voice == "all"
                    else (f"outlets, dates and voice ({VOICE_CHOICES[voice][0]})")
                )
                notes.append(("warn", f"No hits for {label!r} in the chosen {chosen}: its "
                                      "line stays at zero."))  # fmt: skip
    return notes


def outlet_notes(counts: pd.DataFrame, outlets, all_outlets: dict, *, compare: str,
                 pooled: bool) -> list[tuple[str, str]]:  # fmt: skip
    """Notes on outlets that cannot be compared or have no articles in the chosen dates."""
    notes = []
    if compare == "outlets":
        if len(all_outlets) == 1:
            notes.append(("note", f"The corpus has one outlet ({next(iter(all_outlets))!r}): "
                                  "there is nothing to compare between outlets."))  # fmt: skip
        elif len(outlets) == 1:
            notes.append(("note", "Only one outlet is chosen: choose more to compare outlets."))
    if not pooled:
        shown = set(counts["outlet"])
        absent = [o for o in outlets if o not in shown]
        if absent:
            notes.append(("note", "No articles in these dates from "
                          + ", ".join(map(repr, absent)) + ": left out."))  # fmt: skip
    return notes


def period_notes(counts: pd.DataFrame, pfreq, granularity: str,
                 smooth: int) -> list[tuple[str, str]]:  # fmt: skip
    """Notes on a series of one period (no trend to see) or shorter than the smoothing."""
    n_periods = counts["period"].nunique()
    if n_periods == 1:
        unit = granularity if pfreq else "period"
        first = pd.Timestamp(counts["period"].iloc[0])
        when = period_label(pd.Period(first, pfreq), pfreq) if pfreq else f"{first:%Y-%m-%d}"
        finer = "" if unit == "week" else "choose a finer granularity or "
        return [("note", f"All the chosen articles fall in one {unit} ({when}): "
                         f"the chart shows single points; {finer}widen the date "
                         "range to see a trend.")]  # fmt: skip
    if smooth >= n_periods:
        return [("note", f"The smoothing window ({smooth} periods) is as "
                         f"long as the series ({n_periods} periods): lower it.")]  # fmt: skip
    return []


def status_html(messages) -> str:
    """The status line: one ``div`` per ``(level, text)`` message, coloured by its level."""
    return "".join(
        f'<div class="fr-status-{level}" style="color:{STATUS_COLOURS[level]}">'
        f"{html.escape(text)}</div>"
        for level, text in messages
    )


def period_label(period: pd.Period, freq: str) -> str:
    """How a period is named to the user: ``week of 2024-01-01``, ``2024-01``, ``2024Q1``."""
    if freq == "W-SUN":
        return f"week of {period.start_time:%Y-%m-%d}"
    if freq == "M":
        return f"{period.start_time:%Y-%m}"
    return str(period)
