"""Quoted spans: quotation marks paired into quotes and scare quotes (:func:`find_quotes`)."""

from __future__ import annotations

import pandas as pd

__all__ = ["find_quotes"]

#: The columns of the quotes table, in order.
QUOTE_COLUMNS = ("article_id", "start", "end", "text", "kind", "speaker", "cue", "unclosed")


def find_quotes(articles: pd.DataFrame, *, column: str = "text") -> pd.DataFrame:
    """One row per quoted span (contract; the quotes helper fills this in)."""
    raise NotImplementedError
