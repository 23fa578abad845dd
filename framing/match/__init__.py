"""The counting engine: every hit of a lexicon in the articles, and per-article token totals.

:mod:`~framing.match.hits` holds :func:`find_hits`, :func:`token_counts` and the choice of
engine; :mod:`~framing.match.rules` the rules of a match, the overlap rule and the portable
and reference engines; :mod:`~framing.match.stems` matching by stems;
:mod:`~framing.match.texts` the text column the engines read. The hyperscan engine lives in
the private modules ``_hyperscan`` (the matcher), ``_buffer`` (UTF-8 buffers, token totals)
and ``_unicode`` (the Unicode tables).
"""

from . import _hyperscan, stems
from .hits import ENGINES, HITS_COLUMNS, article_token_totals, find_hits, token_counts
from .texts import corpus_hash

__all__ = [
    "find_hits",
    "token_counts",
    "article_token_totals",
    "HITS_COLUMNS",
    "corpus_hash",
    "ENGINES",
    "clear",
]


def clear() -> None:
    """Empty the engine's in-memory caches (of pure functions; none changes a result).

    The stems of words (:func:`framing.match.stems.clear`, up to
    :data:`framing.match.stems.STEM_MEMO_WORDS` a language) and the compiled lexicons and
    hyperscan databases (:func:`framing.match._hyperscan.clear`).
    """
    stems.clear()
    _hyperscan.clear()
