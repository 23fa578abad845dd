"""Who frames it, in the explorer: the voice chooser, and the voice of each passage.

The chooser itself is :func:`framing.widgets.controls.voice_chooser`. On hits that know their voice (:func:`framing.voices.add_voice`), the explorer can show the
outlet's own framing (its narrative), the framing of the people it quotes (quotes and scare
quotes), reported speech, or all of it; each choice is counted over the tokens of the chosen
voices (:func:`framing.count_by_period` with ``voice=``). Without a ``voice`` column the
chooser is disabled, and a note says how to get one.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from .._errors import FramingError, choices_error
from ..partials import VOICES, voice_codes, voice_token_matrix

__all__ = [
    "VOICE_CHOICES",
    "VOICE_LABELS",
    "NO_VOICE_NOTE",
    "check_voice_choice",
    "hit_voice_codes",
    "voice_totals_by_position",
    "voice_meta",
    "voices_of",
]

#: the voice chooser's choices: value -> (label, the voices counted; None: all of the text)
VOICE_CHOICES = {
    "all": ("all voices", None),
    "narrative": ("the outlet's own (narrative)", ("narrative",)),
    "quotes": ("quotes and scare quotes", ("quote", "scare_quote")),
    "reported": ("reported speech", ("reported",)),
}
#: how a passage names the voice its hit is in
VOICE_LABELS = {
    "narrative": "outlet's own words",
    "quote": "quote",
    "scare_quote": "scare quote",
    "reported": "reported speech",
}
#: why the chooser is disabled
NO_VOICE_NOTE = (
    "Voices: the hits have no 'voice' column. Run fr.add_voice(hits, articles) and pass "
    "explore(articles, hits=hits) to choose the outlet's own voice, quotes or reported speech."
)


def check_voice_choice(value, *, has_voice: bool) -> str:
    """The initial voice choice, checked: a key of :data:`VOICE_CHOICES` the hits allow.

    Examples
    --------
    >>> check_voice_choice("quotes", has_voice=True)
    'quotes'
    """
    if value not in VOICE_CHOICES:
        raise choices_error("explore(voice=...)", value, list(VOICE_CHOICES))
    if value != "all" and not has_voice:
        raise FramingError(
            "the hits table has no 'voice' column",
            where="explore(voice=...)",
            fix="Run fr.add_voice(hits, articles) and pass explore(articles, hits=hits).",
        )
    return value


def hit_voice_codes(hits: pd.DataFrame) -> np.ndarray | None:
    """Each hit's voice as its position in :data:`VOICES`, or None without a ``voice`` column;
    values that are not voices raise (as :func:`framing.count_by_period` would).

    Examples
    --------
    >>> hit_voice_codes(pd.DataFrame({"voice": ["quote", "narrative"]})).tolist()
    [1, 0]
    """
    if "voice" not in hits.columns:
        return None
    return voice_codes(hits, where="explore(hits=...)", fix="Run fr.add_voice(hits, articles).")


def voice_totals_by_position(articles: pd.DataFrame, token_totals) -> pd.DataFrame:
    """The tokens of each article in each voice, its ``article_id`` the article's position
    (as the explorer's slim articles table numbers them); from ``token_totals`` or, when it
    is None, :func:`framing.voices.voice_token_totals`.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["x"], "text": ["Two words."]})
    >>> totals = pd.DataFrame({"article_id": ["x"] * 4, "voice": list(VOICES),
    ...     "n_tokens": [2, 0, 0, 0]})
    >>> voice_totals_by_position(arts, totals)["n_tokens"].tolist()
    [2, 0, 0, 0]
    """
    matrix = voice_token_matrix(articles, token_totals, "explore")
    n = len(articles)
    return pd.DataFrame(
        {
            "article_id": np.repeat(np.arange(n), len(VOICES)),
            "voice": np.tile(np.asarray(VOICES, dtype=object), n),
            "n_tokens": matrix.reshape(-1),
        }
    )


def voice_meta(row: dict) -> list[str]:
    """What a passage says of who speaks: its voice, speaker and negation, escaped.

    Examples
    --------
    >>> voice_meta({"voice": "quote", "speaker": "Lavrov", "negated": True})
    ['quote: Lavrov', 'negated']
    """
    meta = []
    voice = row.get("voice")
    if isinstance(voice, str):
        label = VOICE_LABELS.get(voice, voice)
        speaker = row.get("speaker")
        meta.append(f"{label}: {speaker}" if isinstance(speaker, str) and speaker else label)
    if row.get("negated") is True or row.get("negated") is np.True_:
        meta.append("negated")
    return [html.escape(m) for m in meta]


def voices_of(choice: str) -> list[str] | None:
    """The voices a choice of the chooser counts (None: all of the text).

    Examples
    --------
    >>> voices_of("quotes")
    ['quote', 'scare_quote']
    """
    voices = VOICE_CHOICES[choice][1]
    return None if voices is None else list(voices)
