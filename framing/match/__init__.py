"""The counting engine: every hit of a lexicon in the articles, and per-article token totals."""

from .hits import ENGINES, HITS_COLUMNS, corpus_hash, find_hits, token_counts

__all__ = ["find_hits", "token_counts", "HITS_COLUMNS", "corpus_hash", "ENGINES"]
