"""Where a named phrase is written in a text, and the title written before it each time.

An anaphor ("the Head of the President's Office said") may name a speaker whom the text
introduced earlier with that title ("Head of the Office … Andriy Yermak"). To find which, the
anaphora rules read every earlier writing of each named phrase. :class:`Writings` indexes the
text's capitalized words once, so that a long text (a transcript, many releases joined in
one) costs each lookup the writings near it, not a scan of the whole text.

Examples
--------
>>> text = "Head of the Office Andriy Yermak met them. Later Andriy Yermak said so."
>>> Writings(text).titles("Andriy Yermak", len(text))
[(32, 'head of the office andriy yermak'), (62, 'later andriy yermak')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict

from .names import TITLE_REACH, written_title

__all__ = ["Writings"]

_WORD_RE = re.compile(r"\w+")
# a word that may open with a capital: not with a digit, "_" or a Latin or Russian small letter
# (the index keeps those whose first letter is upper case)
_CAPITAL_WORD_RE = re.compile(r"(?<!\w)[^\W\d_a-zа-яё]\w*")


_KEY = 3  # the letters of a word the index is keyed by


class Writings:
    """The writings of named phrases in one ``text``, found from an index of its capitalized
    words built at the first lookup."""

    def __init__(self, text: str):
        self.text = text
        self._starts: dict[str, list[int]] | None = None
        self._titles: dict[tuple[str, int], tuple[int, str] | None] = {}
        self._patterns: dict[str, re.Pattern] = {}

    def titles(self, phrase: str, end: int) -> list[tuple[int, str]]:
        """Each writing of ``phrase`` (its words as wrapped in the text) that ends by ``end``
        and starts at most :data:`~framing.voices.names.TITLE_REACH` characters before it:
        where it ends and the title written before it (:func:`written_title`), in text order.
        """
        words = phrase.split()
        first = _WORD_RE.match(phrase)
        if not words or first is None:
            return []
        lo = max(0, end - TITLE_REACH)
        if len(first.group()) < _KEY:  # "A. Smith": every word that opens with "A"
            marks = re.compile(re.escape(first.group())).finditer(self.text, lo, end)
            starts = [m.start() for m in marks]
        else:  # a word that opens the way it does: "Мирзоян" is written "Мирзояном"
            starts = self._index().get(first.group()[:_KEY], [])
        out = []
        for at in starts[bisect_left(starts, lo) :]:
            if at >= end:
                break
            found = self._written(phrase, words, at)
            if found is not None and found[0] <= end:
                out.append(found)
        return out

    def _written(self, phrase: str, words: list[str], at: int) -> tuple[int, str] | None:
        key = (phrase, at)
        if key not in self._titles:
            if phrase not in self._patterns:  # its words as wrapped in the text
                self._patterns[phrase] = re.compile(r"\s+".join(map(re.escape, words)))
            m = self._patterns[phrase].match(self.text, at)
            self._titles[key] = (
                None if m is None else (m.end(), written_title(self.text, m.start(), m.end()))
            )
        return self._titles[key]

    def _index(self) -> dict[str, list[int]]:
        """The starts of the text's words that open with a capital, by their first letters."""
        if self._starts is None:
            starts: dict[str, list[int]] = defaultdict(list)
            for m in _CAPITAL_WORD_RE.finditer(self.text):
                if m.group()[:1].isupper():
                    starts[m.group()[:_KEY]].append(m.start())
            self._starts = dict(starts)
        return self._starts
