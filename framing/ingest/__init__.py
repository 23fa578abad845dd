"""Reading corpora into the articles table, with a report of everything set aside."""

from __future__ import annotations

from .read import (
    ALIASES,
    FORMATS,
    IngestReport,
    ingest_report,
    iter_article_chunks,
    read_articles,
    read_nltk_corpus,
)

# transitional aliases for framing/corpus.py; the lead renames at merge
from .read import _attach_report as _attach_report
from .read import _empty_set_aside as _empty_set_aside
from .read import _parquet_pieces as _parquet_pieces
from .read import _piece_chunks as _piece_chunks
from .read import _source_bytes as _source_bytes

__all__ = [
    "IngestReport",
    "read_articles",
    "ingest_report",
    "read_nltk_corpus",
    "iter_article_chunks",
    "ALIASES",
    "FORMATS",
]
