"""Open-vocabulary counts for keyness: every word of two groups of articles, not only hits.

``keyness(..., vocabulary="all")`` compares the whole vocabulary of a target group with a
reference (as quanteda's ``textstat_keyness`` and scattertext do), to find the words a
lexicon is missing. Words are framing's tokens (:mod:`framing.tokens`, lower-cased after
NFKC); stop words are left out, by default NLTK's lists for the articles' languages (when
NLTK's stopwords corpus is installed; without it none are, with a warning).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ._errors import FramingError, FramingWarning
from .cooccurrence import stop_words, token_stream
from .tokens import language_name

__all__ = ["word_counts"]


def word_counts(
    articles: pd.DataFrame, in_target: np.ndarray, in_ref: np.ndarray, *, stopwords, min_count: int
) -> tuple[pd.DataFrame, int, int]:
    """``(table, c, d)``: per word, its count in the target and the reference articles
    (``word``, ``n_target``, ``n_reference``; words seen at least ``min_count`` times in
    both together, stop words left out), and the two groups' token totals.

    Examples
    --------
    >>> arts = pd.DataFrame({"text": ["the threat grows", "the calm"], "lang": "en"})
    >>> table, c, d = word_counts(arts, np.array([True, False]), np.array([False, True]),
    ...                           stopwords=["the"], min_count=1)
    >>> table.values.tolist(), c, d
    ([['threat', 1, 0], ['grows', 1, 0], ['calm', 0, 1]], 3, 2)
    """
    ids, offsets, vocab = token_stream(articles["text"].tolist())
    lengths = np.diff(offsets)
    target = np.repeat(in_target, lengths)
    ref = np.repeat(in_ref, lengths)
    n = len(vocab)
    a = np.bincount(ids[target], minlength=n)
    b = np.bincount(ids[ref], minlength=n)
    keep = (a + b) >= max(int(min_count), 1)
    stop = _stop_set(articles, stopwords)
    if stop:
        keep &= ~pd.Series(vocab, dtype=object).isin(stop).to_numpy()
    table = pd.DataFrame({"word": vocab[keep].astype(object), "n_target": a[keep],
                          "n_reference": b[keep]})  # fmt: skip
    return (
        table.astype({"n_target": "int64", "n_reference": "int64"}),
        int(target.sum()),
        int(ref.sum()),
    )


def _stop_set(articles: pd.DataFrame, stopwords) -> set:
    """The stop words: ``"auto"`` takes NLTK's lists for the languages of the ``lang``
    column (English when there is none), the rest as :func:`framing.cooccurrence.stop_words`."""
    if stopwords != "auto":
        return stop_words(stopwords)
    langs = ["english"]
    if "lang" in articles.columns:
        langs = sorted({language_name(v) for v in articles["lang"].dropna().unique()}) or langs
    found: set = set()
    for lang in langs:
        try:
            found |= stop_words(lang)
        except FramingError as exc:  # no NLTK data, or no list for that language
            warnings.warn(
                f"keyness: no stop words for {lang!r} ({str(exc).splitlines()[0]}); its "
                "function words stay in the table",
                FramingWarning,
                stacklevel=4,
            )
    return found
