"""The subject right before an English or Russian cue (:func:`phrase_before`).

The noun phrase before the cue (:func:`framing.voices.phrases.words_before`), with what wire
and news copy put around it:

* an apposition that describes the subject ("Peskov, a spokesman for President Vladimir
  Putin, said": Peskov, not the name inside);
* a person's firm or state after a comma or a parenthesis ("Jeffrey Miller, of Miller Tabak
  Hirsch and Co said", "Senator Bill Bradley (Democrat) of New Jersey said"): the name;
* a setting fronted without a comma ("In a statement Kemp called", "At a news conference on
  Tuesday Foreign Minister Ararat Mirzoyan described"): its last capitalized words;
* an addressee after "told" ("Peskov told reporters Moscow had …"): not the subject.
"""

from __future__ import annotations

import re

from .asides import apposition_subject, char_before
from .cues import TIME_WORDS
from .phrases import word_back, words_before

__all__ = ["phrase_before", "named_before_firm"]

_CAPITAL_RE = re.compile(r"(?<!\w)[A-Z]")
_FRONTED = frozenset("In At During After On Under Since Despite".split())
# the capitalized words that end a phrase after its last word in lower case
_CAPITAL_TAIL_RE = re.compile(r"(?:^|\s)((?:[A-Z][\w'’.&-]*\s+(?:and\s+)?)*[A-Z][\w'’.&-]*)$")
# a verb of perception or of causing before its object, who then speaks
_PERCEIVED_RE = re.compile(
    r"(?:hear|hears|heard|see|sees|saw|watch|watched|let|lets|make|made)\s+(?=\S)"
)
_AFFILIATIONS = ("of ", "from ", "at ", "with ")  # ", of Miller Tabak said": a person's firm
# an apposition that describes (an article or a possessive opens it) before a cue
_DESCRIBED_RE = re.compile(  # a short quoted word may be in it: ", a group of "monetarist" …,"
    r",[ \t]+(?:a|an|the|one|his|her|its|their|who|which)[ \t]"
    r"(?:[^,.;:!?\"“”«»\n]|[\"“][^,.;:!?\"“”«»\n]{1,30}[\"”]){2,85},[ \t]*$"
)


def phrase_before(text: str, before: int, lang: str, stop, skip) -> tuple[int, int]:
    """The noun phrase right before a cue (at ``before``); in English, the subject before an
    apposition that describes it when one ends there ("Peskov, a spokesman for President
    Vladimir Putin, said": Peskov, not the name inside)."""
    if (
        lang != "ru"
        and char_before(text, before) == ","
        and _DESCRIBED_RE.search(text, max(0, before - 90), before)
    ):
        s, e = apposition_subject(text, before, stop, skip)
        if s >= 0:
            return s, e
    s, e = words_before(text, before, stop, skip)
    perceived = _PERCEIVED_RE.match(text, s, e) if lang != "ru" and s >= 0 else None
    if perceived is not None:  # "we did not hear anyone say", "see and hear me say": the object
        s = perceived.end()
    if lang != "ru" and s > 0:
        named = named_before_firm(text, s, stop, skip)
        if named is not None:
            return named
    opener = word_back(text, s) if s > 0 and lang != "ru" else None
    if opener is not None and text[opener[0] : opener[1]] in _FRONTED:
        # "In a statement Kemp called", "At an airport news conference Howard denied": a
        # setting fronted without a comma; its last capitalized words are the subject
        tail = _CAPITAL_TAIL_RE.search(text[s:e])
        if tail is None:
            return -1, -1
        words = tail.group(1).split()
        lead = 0
        while lead < len(words) - 1 and words[lead].lower() in TIME_WORDS:
            lead += 1  # "on Tuesday Foreign Minister …": the day is the setting's
        return e - len(" ".join(words[lead:])), e
    told = word_back(text, s) if s > 0 and lang != "ru" and text[s].islower() else None
    if told is not None and text[told[0] : told[1]].lower() in ("told", "tells", "telling"):
        # "Peskov told reporters Moscow had ruled out …": the addressee is not the subject
        names = _CAPITAL_RE.search(text, s, e)
        return (names.start(), e) if names else (-1, -1)
    return s, e


def named_before_firm(text: str, s: int, stop, skip) -> tuple[int, int] | None:
    """The name before a phrase at ``s`` that gives a person's firm or state after a comma or
    a parenthesis ("Jeffrey Miller, of Miller Tabak Hirsch and Co said", "Senator Bill Bradley
    (Democrat) of New Jersey said"), or None."""
    if not text.startswith(_AFFILIATIONS, s):
        return None
    mark = char_before(text, s)
    at = text.rfind(mark, 0, s) if mark == "," else text.rfind("(", max(0, s - 40), s)
    named = words_before(text, at, stop, skip) if mark in ",)" and at > 0 else (-1, -1)
    return named if named[0] >= 0 and text[named[0]].isupper() else None
