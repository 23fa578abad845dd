"""The counting engine: every hit of a lexicon in the articles, and per-article token totals.

:mod:`~framing.match.hits` holds :func:`find_hits`, :func:`token_counts` and the choice of
engine; :mod:`~framing.match.rules` the rules of a match, the overlap rule and the portable
and reference engines; :mod:`~framing.match.stems` matching by stems;
:mod:`~framing.match.texts` the text column the engines read. The hyperscan engine lives in
the private modules ``_hyperscan`` (the matcher), ``_buffer`` (UTF-8 buffers, token totals)
and ``_unicode`` (the Unicode tables).
"""

from .hits import ENGINES, HITS_COLUMNS, find_hits, token_counts
from .texts import corpus_hash

__all__ = ["find_hits", "token_counts", "HITS_COLUMNS", "corpus_hash", "ENGINES"]
