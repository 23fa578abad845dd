"""Whose a quote with no cue of its own is, from the sentences around it.

News often gives a quote no verb of speech: a colon after its speaker ("Baku-based analyst
Zaur Hasanov was blunter: “…”"), an action beat before it ("When I asked whether she felt
safe, she laughed. “…”", "Hélène Morvan, a researcher at IFRI, sees a familiar pattern.
“…”"), a headline ("Zakharova: West pushing Armenia towards 'Ukrainian scenario'"), a noun of
speech ("Pashinyan's claim that the bloc was “finished”"), or a layout's source line
(Ukrainska Pravda's "Source: Andrii Yusov, … ¶ Quote: “…”").
:func:`subject_without_cue` reads them in that order; :mod:`framing.voices.quotes` asks it
when a quote has no cue.

Examples
--------
>>> from framing.voices.quotes import article_voices
>>> text = "When I asked Lilit Hakobyan whether she felt safe, she laughed. “Safe is relative.”"
>>> voices = article_voices(text, "en")
>>> voices.quotes[0].speaker
'Lilit Hakobyan'
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .asides import colon_subject, pronoun_subject
from .cues import FIRST_PERSON, gender_of
from .verbless import TITLE_CUE_RE, noun_cue_spans

__all__ = ["after_beat", "pronoun_named", "subject_without_cue", "wording_subject"]

_REACH = 600  # characters of the paragraph before a quote
_QUOTE_LINE_RE = re.compile(r"\s*(?:Quote|Цитата):")  # Ukrainska Pravda's "Quote: “…”"
# Ukrainska Pravda's layout: "Source: Andrii Yusov, … ¶ Quote: “…”"
_SOURCE_LINE_RE = re.compile(r"(?m)^[ \t]*(?:Source|Источник):[ \t]*([^,;:\n(]{3,80})")


def after_beat(text: str, start: int, cues, opening: int) -> bool:
    """Whether a quote at ``start`` opens a sentence right after a sentence (from
    ``opening``) of its paragraph that has no cue: an action beat ("She laughed. “…”")."""
    before = text[opening : start - 1].rstrip()
    return (
        before[-1:] in (".", "!", "?")
        and "\n" not in text[opening : start - 1]
        and all(  # "when I asked about …": the writer's question is no cue of the quote
            cues[j].speaker.lower() in FIRST_PERSON or not cues[j].speaker
            for j in range(bisect_left(cues.starts, opening), bisect_left(cues.starts, start))
        )
    )


def pronoun_named(text: str, opening: int, start: int, speakers) -> str:
    """The person named before a sentence from ``opening`` whose subject is *he* or *she*
    (:func:`pronoun_subject`), of that gender: in its paragraph, or in the one before when
    it opens its own; "" when it has no such subject or nobody fits."""
    pronoun = pronoun_subject(text, opening, start)
    if not pronoun:
        return ""
    paragraph = text.rfind("\n", 0, opening) + 1
    # "When I put this to Datashvili, she laughs.": a speaker the sentence itself names
    subject = speakers.mentioned(opening, start, pronoun)
    if subject is None:
        subject = speakers.name_in(max(paragraph, opening - _REACH), opening, pronoun)
    if subject is None:  # "He grew serious …", "The tycoon insists …": the paragraph before
        subject = speakers.name_in(max(0, opening - _REACH), opening, pronoun) or ""
    if gender_of(subject, "", nominative=True) not in ("", pronoun):
        return ""  # "Lavrov met Zakharova. She said: …": not him
    return subject


# the subject that opens a sentence (after a fronted adverbial) and a verb of using words
# before a scare quote in it: "Prime Minister Irakli Kobakhidze talks openly about a “…”",
# "Georgian Dream has used the “…” narrative", "Officially, Moscow still promotes the “…”"
_WORDING_RE = re.compile(
    r"(?:[A-Z][^,.;:!?\n\"“”«»]{0,40},[ \t]+)?"
    r"((?:The[ \t]+[a-z]+|(?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’.-]*)(?:[ \t]+in[ \t]+[A-Z][\w'’-]*)?)"
    r"(?:[ \t]+(?:now|also|still|again|often|openly|repeatedly|long))*[ \t]+"
    r"(?:(?:talks?|talked|speaks?|spoke)(?:[ \t]+\w+ly)?[ \t]+(?:about|of|up)|"
    r"(?:has|have|had)(?:[ \t]+\w+ly)?[ \t]+used|uses?[ \t]+the[ \t]+(?:term|word|phrase|label)|"
    r"promotes?|promoted|invokes?|invoked|touts?|touted|coined)\b[^.;:!?\n]{0,80}$"
)
_SPACES_RE = re.compile(r"\s*")
_NOT_SUBJECTS = frozenset("It This That There He She They We I".split())


def wording_subject(text: str, opening: int, start: int) -> str:
    """The person or body that opens the sentence from ``opening`` and uses the term quoted
    at ``start`` ("Georgian Dream has used the “global war party” narrative"), else "".

    >>> wording_subject("Officially, Moscow still promotes the “3+3” platform.", 0, 40)
    'Moscow'
    """
    opening = _SPACES_RE.match(text, opening, start).end()  # not a copy of a long sentence
    m = _WORDING_RE.match(text, opening, start - 1)
    if m is None or m.group(1) in _NOT_SUBJECTS or m.group(1).endswith("ly"):
        return ""  # not "Actively used were 'Maidan' technologies"
    return m.group(1)


def subject_without_cue(text: str, q, voices, kind: str, colon: bool) -> str:
    """Whose a quote with no cue of its own is, from the sentences around it: a colon's
    subject, an action beat's, a headline's, a noun of speech's; "" when none says."""
    speakers = voices.speakers
    line = text.rfind("\n", 0, q.start) + 1  # the start of the quote's line
    opening = voices.sentences.around(q.start - 2)[0]
    subject = colon_subject(text, opening, q.start) if (kind == "quote" and colon) else ""
    if not subject and kind == "quote" and colon:
        # "Olena Marchenko does not go to the shelter. … She puts it plainly: “…”"
        subject = pronoun_named(text, opening, q.start, speakers)
    if not subject and kind == "quote" and not colon and opening >= q.start - 3 and opening:
        beat = voices.sentences.around(opening - 2)[0]  # the sentence before the quote's
        if after_beat(text, q.start, voices.cues, beat):  # "When I asked whether she felt safe,
            subject = pronoun_named(text, beat, opening, speakers)  # she laughed. “…”"
            # "Hélène Morvan, a researcher at IFRI, sees a familiar pattern. “…”"
            subject = subject or speakers.subject_in(beat, opening) or ""
            if not subject:  # "Others are less sanguine, among them Yelena Sorokina, who …"
                named = speakers.name_in(beat, opening) or ""
                subject = named if gender_of(named, "", nominative=True) in ("m", "f") else ""
    if not subject:  # "Zakharova: West pushing Armenia towards 'Ukrainian scenario'", "Заявление
        # Никола Пашиняна о том, что Армения «может покинуть ОДКБ»": the named one's words
        sentence = voices.sentences.around(q.start)
        headline = kind == "scare_quote" and (
            text.find(":", line, q.start) >= 0 or TITLE_CUE_RE.match(text, line) is not None
        )
        said = voices.headlines.spans([(q.start, q.end)]) if headline else []
        said += noun_cue_spans(
            text, voices.sentences, [(max(sentence[0], q.start - _REACH), q.start)]
        )
        subject = next((w for s, e, w, _ in said if s <= q.start and q.end <= e + 1), "")
    if not subject and kind == "scare_quote":  # "Kobakhidze talks openly about a “…”"
        subject = wording_subject(text, voices.sentences.around(q.start)[0], q.start)
    if not subject and _QUOTE_LINE_RE.match(text, line, q.start):
        # Ukrainska Pravda's layout: "Source: Andrii Yusov, … ¶ Quote: “…”"
        source = _SOURCE_LINE_RE.search(text, max(0, line - _REACH), line)
        subject = source.group(1).strip() if source else ""
    return subject
