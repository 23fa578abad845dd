"""The voices stage on the hits table: :func:`add_voice` and :func:`voice_token_totals`."""

from __future__ import annotations

import pandas as pd

from .spans import voice_spans  # noqa: F401  (used by the implementation)

__all__ = ["add_voice", "voice_token_totals"]


def add_voice(
    hits: pd.DataFrame, articles: pd.DataFrame, *, spans: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The hits with ``voice``, ``speaker`` and ``negated`` (contract; filled in by a helper)."""
    raise NotImplementedError


def voice_token_totals(
    articles: pd.DataFrame, *, spans: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Tokens per article and voice (contract; filled in by a helper)."""
    raise NotImplementedError
