"""The spans of each voice in a text: quotes, scare quotes and reported speech."""

from __future__ import annotations

import pandas as pd

__all__ = ["voice_spans"]

#: The columns of the voice-spans table, in order.
SPAN_COLUMNS = ("article_id", "start", "end", "voice", "speaker", "cue")


def voice_spans(articles: pd.DataFrame, *, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """The spans of every voice but the narrative (contract; the quotes helper fills this in)."""
    raise NotImplementedError
