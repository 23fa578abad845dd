"""Reports that no verb of speech introduces: a headline's "Песков: …" and a noun of speech.

Two conventions of news copy give someone's words without a cue that
:mod:`framing.voices.cues` finds:

* a line that opens with a person's surname and a colon is that person's words
  ("Пашинян: Армения не планирует выходить из ОДКБ", "Lavrov: the bloc will survive"), the
  headline convention of Russian and wire outlets; an interview's or a transcript's speaker
  labels ("AO: …", "Vladimir Putin: …") are not; so is a headline that ends in a dash and a
  name or an office ("Belarus ready to respond to any aggression – Lukashenko", "… – MoD"),
  the convention of the region's agencies;
* a noun of speech, who said it and the content ("заявление главы МИД о том, что …",
  "Pashinyan's claim that …").

Each function returns ``(start, end, speaker, cue)`` tuples, untrimmed;
:func:`framing.voices.reported.reported_spans` turns them into its spans.

Examples
--------
>>> text = "Пашинян: Армения не планирует выходить из ОДКБ"
>>> [(text[start:end], speaker) for start, end, speaker, _ in headline_spans(text)]
[('Армения не планирует выходить из ОДКБ', 'Пашинян')]
"""

from __future__ import annotations

import re

from .clauses import TWO_WORDS_RE
from .cues import gender_of
from .phrases import CAPITAL_WORD_RE

_NOUN = r"[^\s,.;:!?«»\"“”]+"
# a noun of speech, who said it, and the content: "заявление X о том, что …", "X's claim that"
_NOUN_CUE_RE = re.compile(
    r"(?<!\w)(?:[Зз]аявлени[еяюи]|[Зз]аявлением|[Сс]лова|слов|словам|[Уу]тверждени[еяюи]|"
    r"[Вв]ысказывани[еяюи]|[Пп]редупреждени[еяюи])"
    rf"\s+((?:{_NOUN}\s+){{0,6}}?{_NOUN})\s+о\s+том,\s*что\s+"
    r"|(?<!\w)((?:[A-Z]|the\s+[a-z])[\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['’]s\s+(?:claims?|assertion|"
    r"statement|warning|argument|insistence|suggestion|remarks?|assurances?|accusation|"
    r"announcement|allegations?|promise|pledge|belief|view)\s+that\s+"
)
_HEADLINE_RE = re.compile(
    r"[ \t]*([А-ЯЁA-Z][\w-]+(?:[ \t]+[А-ЯЁA-Z][\w-]+){0,2}):[ \t]+(\S[^\n]{5,300})(?=\n|$)"
)
# the speaker labels of an interview: initials, or a question after a name and a colon
_TRANSCRIPT_RE = re.compile(r"(?m)^[ \t]*(?:[A-ZА-ЯЁ]{2,4}:[ \t]|[^\n:]{2,40}:[^\n]*\?[ \t]*$)")
_SENTENCES_RE = re.compile(r"[.!?…]\s+[A-ZА-ЯЁ«\"“]")  # a headline is one sentence, not a speech
_SPEAKER_LINE_RE = re.compile(r"(?m)^[ \t]*(?:[A-ZА-ЯЁ][\w.-]*[ \t]+){0,5}[A-ZА-ЯЁ][\w-]+:[ \t]")
# surnames of a man or a woman (Armenian, Georgian, Ukrainian): "Пашинян: …", "Kobakhidze: …"
_ANY_GENDER_SURNAME_RE = re.compile(
    r"(?:[А-ЯЁ][а-яё]+(?:ян|янц|швили|дзе|енко|ук|юк)|[A-Z][a-z]+(?:yan|yants|shvili|dze|enko))$"
)


def line_starts(text: str, reach) -> list[int]:
    """The starts of the lines of ``text`` that meet a ``reach`` stretch (all when None)."""
    if reach is None:
        starts, at = [0], text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        return starts
    out: list[int] = []
    for lo, hi in reach:
        at = text.rfind("\n", 0, lo) + 1  # the start of the line that holds ``lo``
        while at >= 0:
            if not out or at > out[-1]:
                out.append(at)
            at = text.find("\n", at, hi)
            at = at + 1 if at >= 0 else -1
    return out


def headline_spans(text: str, reach=None) -> list[tuple[int, int, str, str]]:
    """ "Песков: Кремль не считает …", "Lavrov: the bloc will survive": a line that opens with
    a person's surname (a Russian or Slavic ending, as :func:`gender_of` reads it, or an
    Armenian, Georgian or Ukrainian one, a man's or a woman's) and a colon
    is that person's words (the headline convention of Russian and wire outlets)."""
    return Headlines(text).spans(reach)


class Headlines:
    """The headline lines of one text (:func:`headline_spans`), read a stretch at a time: the
    checks of the whole text (an interview's or a transcript's speaker labels) are made once,
    so that a long text with many quotes costs one scan, not one a quote.

    >>> Headlines("Lavrov: the bloc will survive").spans([(0, 6)])
    [(8, 29, 'Lavrov', ':')]
    """

    def __init__(self, text: str):
        self.text = text
        self._labelled: bool | None = None

    def labelled(self) -> bool:
        """Whether no colon of the text opens a headline: it has none, or they are speaker
        labels (an interview's "AO: …", a transcript's "Vladimir Putin: …"), narrative."""
        if self._labelled is None:
            text = self.text
            self._labelled = (
                ":" not in text
                or _TRANSCRIPT_RE.search(text) is not None
                or len(_SPEAKER_LINE_RE.findall(text)) > 1
            )
        return self._labelled

    def spans(self, reach=None) -> list[tuple[int, int, str, str]]:
        """The headlines that meet a ``reach`` stretch (all when None)."""
        text = self.text
        out = _dash_headlines(text, reach) + _title_headlines(text, reach)
        if self.labelled():
            return out
        for start in line_starts(text, reach):  # one anchored match per line
            m = _HEADLINE_RE.match(text, start)
            if m and (
                gender_of(m.group(1), "", nominative=True) in ("m", "f")
                or _ANY_GENDER_SURNAME_RE.search(m.group(1))
            ):
                if TWO_WORDS_RE.search(m.group(2)) and not _SENTENCES_RE.search(m.group(2)):
                    out.append((*m.span(2), m.group(1), ":"))
        return out


# the headline of the region's agencies: "Belarus ready to respond to any aggression –
# Lukashenko", "Armenian claims … are groundless – MoD"
_DASH_HEADLINE_RE = re.compile(
    r"[ \t]*(\S[^\n]{10,250}?)[ \t]+[–—-][ \t]+((?:[A-ZА-ЯЁ][\w'’-]*[ \t]+){0,2}[A-ZА-ЯЁ][\w'’-]*)"
    r"[ \t]*(?=\n|$)"
)
_OFFICE_TAILS = frozenset("PM FM MFA MoD МИД Минобороны премьер".split())


# an English headline in title case with its verb of speech: "Mirzoyan Says Armenia Will Not
# 'Wait Forever' For CSTO Answer", "Mdinaradze Accuses Opposition of Serving …"
TITLE_CUE_RE = re.compile(
    r"[ \t]*((?:[A-Z][\w'’.-]*[ \t]+){0,2}[A-Z][\w'’.-]*)[ \t]+(Says|Tells|Accuses|Claims|"
    r"Insists|Denies|Rejects)[ \t]+([A-Z][^\n.]{3,200})(?=\n|$)"
)


def _title_headlines(text: str, reach) -> list[tuple[int, int, str, str]]:
    """The title-case headlines whose verb of speech reports the rest of the line."""
    out = []
    for start in line_starts(text, reach):
        m = TITLE_CUE_RE.match(text, start)
        if m is not None and not _SENTENCES_RE.search(m.group(3)):
            words = m.group(3).split()
            if sum(w[:1].isupper() for w in words) >= 0.6 * len(words):
                out.append((*m.span(3), m.group(1), m.group(2).lower()))
    return out


def _dash_headlines(text: str, reach) -> list[tuple[int, int, str, str]]:
    """The lines that end in a dash and a person's name or an office ("… – Lukashenko",
    "… – MoD"): that person's or office's words, when the line is one sentence."""
    out = []
    if "– " not in text and "— " not in text and " - " not in text:
        return out
    for start in line_starts(text, reach):
        m = _DASH_HEADLINE_RE.match(text, start)
        if m is None or _SENTENCES_RE.search(m.group(1)) or not TWO_WORDS_RE.search(m.group(1)):
            continue
        tail = m.group(2)
        if (
            tail in _OFFICE_TAILS
            or gender_of(tail, "", nominative=True) in ("m", "f")
            or (_ANY_GENDER_SURNAME_RE.search(tail))
        ):
            out.append((*m.span(1), tail, "–"))
    return out


def noun_cue_spans(text: str, sentences, held=None) -> list[tuple[int, int, str, str]]:
    """What a noun reports: "заявление главы МИД Арарата Мирзояна о том, что …", "слова
    Пескова о том, что …", "Pashinyan's claim that …": the clause after "что" / "that", to the
    end of its sentence, is the named one's (:func:`~framing.voices.reported.reported_spans` sorts them in after the
    cues' spans, so a cue that reports the same words keeps them)."""
    out: list[tuple[int, int, str, str]] = []
    for lo, hi in [(0, len(text))] if held is None else held:
        if all(text.find(mark, lo, hi) < 0 for mark in ("о том", "'s ", "’s ")):
            continue  # neither "о том, что" nor "X's claim that": the regex need not run
        for m in _NOUN_CUE_RE.finditer(text, lo, hi):
            speaker = next(g for g in m.groups() if g is not None)
            if not CAPITAL_WORD_RE.search(speaker) and not speaker.startswith("the "):
                continue  # "слова о том, что": nobody named ("the ministry's claim" names it)
            end = sentences.around(m.end())[1]
            if TWO_WORDS_RE.search(text, m.end(), end):
                out.append((m.end(), end, " ".join(speaker.split()), "that"))
    return out
