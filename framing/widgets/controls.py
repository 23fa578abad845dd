"""The explorer's controls: the choices it offers, their initial values, and the widgets.

ipywidgets is an optional dependency: this module imports it (with a sentence naming the
install command when it is missing), and the other modules of the explorer take it from here.
"""

from __future__ import annotations

import html

import pandas as pd

from .._errors import FramingError, choices_error, require
from ..aggregate import FREQUENCIES
from .copies import COPY_CHOICES, NO_COPIES_NOTE
from .sources import GRANULARITIES
from .voice import NO_VOICE_NOTE, VOICE_CHOICES

#: ipywidgets, the one import of it in framing
widgets = require("ipywidgets", purpose="the explorer (framing.explore)")

__all__ = [
    "widgets", "MEASURE_LABELS", "COMPARE_CHOICES", "LABEL_STYLE", "initial_choices", "series_chooser",
    "outlet_chooser", "granularity_chooser", "measure_chooser", "compare_chooser",
    "smoothing_slider", "intervals_checkbox", "date_slider", "export_controls", "tagged",
    "voice_chooser", "copies_chooser", "series_options",
]  # fmt: skip

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
_SMOOTH_MAX = 12
#: the style of every control: its description in full
LABEL_STYLE = {"description_width": "initial"}
_SETTING_WIDTH = "300px"


def initial_choices(source, totals: dict, outlet_totals: dict, *, frames, outlets, freq,
                    measure, compare, smooth) -> tuple[list, list, str]:  # fmt: skip
    """The initially chosen series, outlets and granularity; choices that do not exist raise.

    ``totals`` and ``outlet_totals`` are the source's series and outlets (with their counts).
    """
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
    return chosen, chosen_outlets, freq_label


def _granularity(freq) -> str:
    """The granularity named by ``freq``: a label (``"month"``) or a frequency (``"M"``)."""
    if freq in GRANULARITIES:
        return freq
    key = freq if freq in FREQUENCIES else str(freq).lower()
    pandas_freq = FREQUENCIES.get(key)
    for label, value in GRANULARITIES.items():
        if value == pandas_freq:
            return label
    raise choices_error("explore(freq=...)", freq, list(GRANULARITIES))


def tagged(widget, name: str):
    """The widget with the CSS class ``fr-<name>`` (how the browser tests find it)."""
    widget.add_class(f"fr-{name}")
    return widget


def series_options(totals: dict) -> list:
    """The frames chooser's options: each series with its number of hits."""
    return [(f"{label} ({n})", label) for label, n in totals.items()]


def series_chooser(totals: dict, value: list):
    """Frames and single entries (and the queries), each with its number of hits."""
    return tagged(
        widgets.SelectMultiple(
            options=series_options(totals),
            value=value,
            rows=8,
            description="Frames / entries",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="330px"),
        ),
        "series",
    )


def outlet_chooser(totals: dict, value: list):
    """The outlets, each with its number of articles."""
    return tagged(
        widgets.SelectMultiple(
            options=[(f"{o} ({n})", o) for o, n in totals.items()],
            value=value,
            rows=min(8, max(2, len(totals))),
            description="Outlets",
            style=LABEL_STYLE,
            layout=widgets.Layout(width="280px"),
        ),
        "outlets",
    )


def _setting(options, value, description: str, name: str, **extra):
    """A dropdown of the settings column (granularity, measure, what the colours compare)."""
    return tagged(
        widgets.Dropdown(
            options=options, value=value, description=description, style=LABEL_STYLE,
            layout=widgets.Layout(width=_SETTING_WIDTH), **extra,
        ),
        name,
    )  # fmt: skip


def granularity_chooser(value: str, *, fixed: bool):
    """Week, month, quarter or year; disabled (one choice) when the counts are given."""
    options = [value] if fixed else list(GRANULARITIES)
    return _setting(options, value, "Granularity", "freq", disabled=fixed)


def measure_chooser(value: str):
    """Hits, hits per 1,000 tokens or share of articles."""
    options = [(label, m) for m, label in MEASURE_LABELS.items()]
    return _setting(options, value, "Measure", "measure")


def compare_chooser(value: str):
    """What the colours compare (:data:`COMPARE_CHOICES`)."""
    options = [(label, c) for c, label in COMPARE_CHOICES.items()]
    return _setting(options, value, "Colours compare", "compare")


def smoothing_slider(value: int):
    """The moving window in periods, 0 (off) to 12 (or the initial value, if more)."""
    return tagged(
        widgets.IntSlider(
            value=value,
            min=0,
            max=max(_SMOOTH_MAX, value),
            description="Smoothing (periods)",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width=_SETTING_WIDTH),
        ),
        "smooth",
    )


def intervals_checkbox(value: bool):
    """Interval bands on or off."""
    return tagged(
        widgets.Checkbox(value=value, description="95% interval bands", indent=False),
        "intervals",
    )


def date_slider(months: list[str]):
    """First and last month, all of them chosen at first."""
    return tagged(
        widgets.SelectionRangeSlider(
            options=[(f"{pd.Period(m, 'M'):%b %Y}", m) for m in months],
            index=(0, len(months) - 1),
            description="Dates",
            continuous_update=False,
            style=LABEL_STYLE,
            layout=widgets.Layout(width="95%"),
        ),
        "dates",
    )


def export_controls(name: str) -> tuple:
    """The file name box and the export button."""
    box = tagged(
        widgets.Text(value=name, description="File name", style=LABEL_STYLE), "export-name"
    )
    button = tagged(
        widgets.Button(
            description="Export figure + table",
            icon="download",
            tooltip="Write PNG, PDF and the CSV behind the chart",
            layout=widgets.Layout(width="auto"),
        ),
        "export",
    )
    return box, button


def _chooser_with_note(choices: dict, value: str, description: str, name: str,
                       note: str, *, enabled: bool) -> tuple:  # fmt: skip
    """A dropdown of the settings column and its note (shown only when it is disabled)."""
    options = [(label, key) for key, label in choices.items()]
    chooser = _setting(options if enabled else options[:1], value, description, name,
                       disabled=not enabled)  # fmt: skip
    shown = tagged(
        widgets.HTML(
            f'<span style="font-size:85%;color:#555">{html.escape(note)}</span>',
            layout=widgets.Layout(width=_SETTING_WIDTH, display="none" if enabled else None),
        ),
        f"{name}-note",
    )
    return chooser, shown


def voice_chooser(value: str, *, enabled: bool):
    """The voice dropdown and its note (shown only when the chooser is disabled)."""
    choices = {key: label for key, (label, _) in VOICE_CHOICES.items()}
    return _chooser_with_note(choices, value, "Voice", "voice", NO_VOICE_NOTE, enabled=enabled)


def copies_chooser(value: str, *, enabled: bool):
    """The copies dropdown (count every copy, each story once, copies for the original's
    outlet) and its note (shown only when the chooser is disabled)."""
    return _chooser_with_note(COPY_CHOICES, value, "Copies", "copies", NO_COPIES_NOTE,
                              enabled=enabled)  # fmt: skip
