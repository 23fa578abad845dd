"""Candidate terms for a frame: the words around its hits that no entry has yet, with passages.

The step between :func:`framing.collocates` and coding: a researcher reads, for each word
that keeps company with a frame's hits and is not yet an entry, a few of the passages where
it does, and decides whether it belongs in the frame.
"""

from __future__ import annotations

import pandas as pd

from ._errors import FramingError
from .contexts import collocates, kwic
from .cooccurrence import node_hits
from .tokens import word_tokens

__all__ = ["suggest_terms"]


def suggest_terms(
    articles: pd.DataFrame,
    lexicon,
    frame: str,
    *,
    n: int = 20,
    examples: int = 3,
    window: int = 5,
    min_count: int = 3,
    stopwords=None,
) -> pd.DataFrame:
    """The words and two-word phrases near a frame's hits that no entry matches, with passages.

    The collocates of the frame's hits (:func:`framing.collocates` with ``new_only=True``)
    that are more frequent near the hits than elsewhere (``g2 > 0``), the ``n`` strongest,
    each with up to ``examples`` keyword-in-context lines in which it stands within
    ``window`` words of a hit, the hit in ``[ ]``, in the hits' order (article, offset).

    Parameters
    ----------
    articles : DataFrame
        The articles table (``article_id``, ``text``).
    lexicon : Lexicon or dict
        The lexicon; its entries are never suggested.
    frame : str
        The frame whose hits are the nodes.
    n : int
        How many candidates.
    examples : int
        Passages per candidate.
    window, min_count, stopwords
        As for :func:`framing.collocates`.

    Returns
    -------
    DataFrame
        The :func:`framing.collocates` columns of the candidates, with ``examples`` (a list
        of strings) and ``n_examples`` (how many passages hold it, of all the hits' windows).

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "text": [
    ...     "A grave threat. Another grave threat loomed.",
    ...     "The grave threat of war.", "Markets rose. Oil fell. Grain rose."]})
    >>> table = suggest_terms(arts, {"threat": ["threat*"]}, "threat", window=1, min_count=2)
    >>> table[["collocate", "n_examples"]]
      collocate  n_examples
    0     grave           3
    >>> table["examples"][0][0]
    'grave [threat]. Another'
    """
    for name, value, least in (("n", n, 1), ("examples", examples, 0)):
        if not isinstance(value, int) or isinstance(value, bool) or value < least:
            raise FramingError(
                f"{name} must be a whole number of at least {least}, got {value!r}",
                where=f"suggest_terms({name}=...)",
                fix=f"Pass e.g. {name}={max(least, 3)}.",
            )
    hits = node_hits(articles, lexicon, frame)  # found once, for the collocates and the lines
    table = collocates(
        articles, hits, window=window, min_count=min_count, stopwords=stopwords,
        lexicon=lexicon, new_only=True,
    )  # fmt: skip
    table = table[table["g2"] > 0].head(n).reset_index(drop=True)
    lines = kwic(hits, articles, window=window, highlight=("[", "]"))
    sides = [
        word_tokens(left) + ["\n"] + word_tokens(right)
        for left, right in zip(lines["left"], lines["right"], strict=True)
    ]
    found = [_passages(term, sides, lines["line"], examples) for term in table["collocate"]]
    return table.assign(examples=[f[0] for f in found], n_examples=[f[1] for f in found])


def _passages(term: str, sides: list[list[str]], lines: pd.Series, examples: int):
    """The first ``examples`` lines whose context holds ``term``, and how many hold it."""
    words = term.split(" ")
    width = len(words)
    hold = [
        i
        for i, keys in enumerate(sides)
        if any(keys[j : j + width] == words for j in range(len(keys) - width + 1))
    ]
    return [lines.iloc[i] for i in hold[:examples]], len(hold)
