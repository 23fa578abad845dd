"""Reported (indirect) speech: the words a text gives as someone's, without quotation marks.

:func:`reported_spans` turns each attribution cue that does not introduce a direct quote
into a span of the reported content, by these rules (sentences from
:mod:`framing.voices.sentences`):

* **"X said (that) …", "X warned of/that …", "X accused Y of …", "X called Y a …",
  "X described Y as …", "X told reporters (that) …"; "X заявил, что …", "X заявил о …",
  "X назвал Y …", "X обвинил Y в …"**: from after the cue (after *that* / *что* when it
  follows the cue, or within the next few words as in "told reporters that") to the end of
  the sentence;
* **"according to X, …", "по словам X, …", "как заявил X, …", "as X said, …"**: the clause after the comma
  that follows the speaker, to the end of the sentence; **"…, according to X."** and
  **"…, как заявил X."** at a sentence's end: from the sentence's start to the cue;
* no span for a term cue after *what* / *что* ("what he called a “collapse”"), and none
  when the cue introduces a direct quote (a colon or a quotation mark follows it,
  or it attributes an adjacent quote: “…,” he said), when nothing but punctuation follows
  it ("…, Lavrov said."), when it has no speaker, or for *so-called*;
* the content must hold at least two words; a sentence reaches at most 1,500 characters
  either side of its cue (texts without punctuation).

A direct quote inside the reported content stays in the span here; :func:`voice_spans`
(framing.voices.spans) splits the span around it, because the quote's own voice wins.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .quotes import ArticleVoices
from .sentences import sentence_around, sentence_ends
from .speakers import ACCORDING, TERM, Cue

__all__ = ["Reported", "reported_spans"]

_THAT_RE = re.compile(r"\s*,?\s*(?:that|что|чтобы)(?!\w)", re.IGNORECASE)
_THAT_NEAR_RE = re.compile(r"[^.,;:!?\"“”«»\n]{0,60}?(?:\bthat\b|,\s*что\b)", re.IGNORECASE)
# the cue introduces a direct quote: "said: “", "told reporters: “", "said “"
_DIRECT_RE = re.compile(r"[^.,;:!?\"“”«»„\n]{0,40}:|\s*,?\s*[\"“”«„‘']")
_NOTHING_RE = re.compile(r"\s*(?:[.;!?…)\]]|,\s*(?:[—–-]|$)|$)")
_KAK_RE = re.compile(r"(?<!\w)(?:как|as)\s+$", re.IGNORECASE)
_WHAT_RE = re.compile(r"(?<!\w)(?:what|что)\s+$", re.IGNORECASE)
# the comma that ends "по словам X из Института «Каспий»," (the speaker's phrase may go on)
_CLAUSE_COMMA_RE = re.compile(r"[^.!?,\n]{0,150}?,")
_TWO_WORDS_RE = re.compile(r"\w\W+\w")
_MAX_SENTENCE = 1500  # characters either side of a cue that its sentence may reach


class Reported(NamedTuple):
    """A span of reported speech, its speaker and its cue."""

    start: int
    end: int
    speaker: str
    cue: str


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without white space at either end (and punctuation at its start)."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _clause_span(text: str, cue: Cue, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """The content of "according to X, …" / "по словам X, …" / "как заявил X, …"."""
    after = max(cue.end, cue.speaker_end)
    comma = _CLAUSE_COMMA_RE.match(text, after, bounds[1])
    if comma:
        return comma.end(), bounds[1]
    lead = cue.speaker_start if 0 <= cue.speaker_start < cue.start else cue.start
    kak = _KAK_RE.search(text, max(bounds[0], lead - 6), lead)
    window = max(bounds[0], lead - 40)
    head = window + len(text[window : kak.start() if kak else lead].rstrip())
    if head > bounds[0] and text[head - 1] == "," and _NOTHING_RE.match(text, after, bounds[1]):
        return bounds[0], head - 1
    return (after, bounds[1]) if cue.kind == ACCORDING else None


def _content_span(text: str, cue: Cue, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """The content after a speech or term cue, to the end of its sentence."""
    start = max(cue.end, cue.speaker_end) if cue.speaker_start >= cue.end else cue.end
    if _DIRECT_RE.match(text, start, bounds[1]):
        return None
    that = _THAT_RE.match(text, start, bounds[1])
    if that:
        return that.end(), bounds[1]
    if _NOTHING_RE.match(text, start, bounds[1]):
        return None
    near = _THAT_NEAR_RE.match(text, start, bounds[1])
    if near:  # "said on Thursday that …", "told reporters that …", "заявил журналистам, что …"
        return near.end(), bounds[1]
    return start, bounds[1]


def reported_spans(text: str, voices: ArticleVoices) -> list[Reported]:
    """The spans of reported speech in ``text``, given its quotes and cues.

    Parameters
    ----------
    text : str
        One article's text.
    voices : ArticleVoices
        What :func:`framing.voices.quotes.article_voices` found in it.

    Returns
    -------
    list of Reported
        Sorted by start; they may overlap (:func:`voice_spans` resolves that).

    Examples
    --------
    >>> from framing.voices.quotes import article_voices
    >>> text = "Pashinyan said that Armenia froze its participation. По словам Лаврова, ОДКБ жива."
    >>> [(text[r.start : r.end], r.speaker, r.cue) for r in reported_spans(text, article_voices(text, "en"))]
    [('Armenia froze its participation.', 'Pashinyan', 'said')]
    >>> [(text[r.start : r.end], r.speaker) for r in reported_spans(text, article_voices(text, "ru"))]
    [('ОДКБ жива.', 'Лаврова')]
    """
    out: list[Reported] = []
    ends = voices.ends
    for k, cue in enumerate(voices.cues):
        speaker = voices.speakers[k]
        if k in voices.attributing or not speaker or cue.cue.lower().startswith(("so-", "так ")):
            continue
        ends = ends or sentence_ends(text)
        start, end = sentence_around(ends, cue.start)
        # a "sentence" of a text without punctuation is cut short: the cost stays linear
        bounds = (max(start, cue.start - _MAX_SENTENCE), min(end, cue.end + _MAX_SENTENCE))
        lead = cue.speaker_start if 0 <= cue.speaker_start < cue.start else cue.start
        if cue.kind == TERM and _WHAT_RE.search(text, max(bounds[0], lead - 6), lead):
            continue  # "what he called a “collapse”": a term, not reported content
        clause = cue.kind == ACCORDING or _KAK_RE.search(text, max(bounds[0], lead - 6), lead)
        span = _clause_span(text, cue, bounds) if clause else _content_span(text, cue, bounds)
        if span is None:
            continue
        start, end = _trim(text, *span)
        if _TWO_WORDS_RE.search(text, start, end):
            out.append(Reported(start, end, speaker, cue.cue))
    out.sort()
    return out
