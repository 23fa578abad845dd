"""The report a trailing cue gives: "…, the officials said.", "…, заявил Пашинян в …".

A cue after a comma that ends its sentence (a speaker, an adverbial, an apposition after it)
reports the sentence before it, from its start (after a wire dateline) to the comma, when at
least three of its words are not quoted (“…,” he said is a quote's). The patterns that say
where a cue's content starts (after "that" / "что", after an addressee) are shared with
:mod:`framing.voices.reported`, which calls :func:`trailing_span`.

Examples
--------
>>> from framing.voices.quotes import article_voices
>>> text = "The bloc is finished, the officials said."
>>> voices = article_voices(text, "en")
>>> start, end = trailing_span(text, voices.cues[0], (0, len(text)), voices)
>>> text[start:end]
'The bloc is finished'
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .clauses import ASIDE_AFTER_RE, OPENER_RE, WORDS_RE, WRITER_TAIL_RE, content_before
from .cues import ROLES, TITLE_LINKS
from .quotes import ArticleVoices
from .speakers import Cue

# (after an aside: "He did say, however, that …")
THAT_RE = re.compile(
    r"\s*,?\s*(?:(?:however|though|too|also|in\s+turn|in\s+fact|однако|также),\s*)?"
    r"(?:that|что|чтобы)(?!\w)",
    re.IGNORECASE,
)
THAT_NEAR_RE = re.compile(r"[^.,;:!?\"“”«»\n]{0,60}?(?:\bthat\b|,\s*что\b)", re.IGNORECASE)
# the cue introduces a direct quote: "said: “", "told reporters: “", "said “"
DIRECT_RE = re.compile(r"[^.,;:!?\"“”«»„\n]{0,40}:(?!\s*[^\W\d_])|\s*,?\s*[\"“”«„‘']")
NOTHING_RE = re.compile(  # also "… that some in Moscow predicted, nor of …": a conjunction
    r"\s*(?:[.;!?…)\]]|,\s*(?:[—–-]|$)|$|,?\s*(?:nor|and|or|yet)\s)"
)
# the comma (a closing mark or a dash around it) that ends the content before a trailing cue:
# "…, the officials said", "…, заявил Пашинян", "…», — сказал он", "… Israel,\" he said"
TRAIL_GAP_RE = re.compile(r"[\"'”’»]?,[\"'”’»]?\s*(?:[—–-]{1,2}\s*)?$")
# what may follow a trailing cue and its speaker: the sentence's end, an apposition or a
# participle after a comma, or an adverbial ("at a meeting", "в интервью", "on Tuesday")
_TRAIL_AFTER_RE = re.compile(
    r"\s*(?:[.!?…;)\]]|$|,|(?:here|on|at|in|during|after|before|to|from|via|when|while|as|amid|"
    r"ahead|last|this|"
    r"late|earlier|later|yesterday|today|overnight|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|в|во|на|по|со|после|перед|при|накануне|сегодня|вчера|"
    r"также|журналистам|агентству|изданию|телеканалу|газете|reporters|journalists|lawmakers|"
    r"a\s+(?:news|press)\s+conference|a\s+briefing)(?!\w))",
    re.IGNORECASE,  # "said Thursday", the wire's day without "on"
)
# a name in quotation marks that ends a trailing cue's speaker: "…, добавил собеседник
# «Медузы».", "сообщили в пресс-службе ЗАО «Газпром Армения»" (no quote of the speaker's)
_OUTLET_AFTER_RE = re.compile(r"\s*[«\"][A-ZА-ЯЁ][^«»\"\n]{0,40}[»\"](?=\s*(?:[.,;)]|$|в\s|со\s))")
# whom a trailing "told" addresses, skipped before what may follow it: "…, three sources
# told Reuters, deepening …", "told The Associated Press on Monday"
ADDRESSEE_RE = re.compile(
    # "told the economic forum", "told a rally", "told state television": an audience;
    # "told the EU envoy", "told visiting US envoy Tom Barrack": a person spoken to
    r"\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?(?:[A-Za-z]+\s+){0,2}(?:forum|"
    r"conference|briefing|meeting|"
    r"summit|parliament|lawmakers|reporters|journalists|deputies|senators|legislators|"
    r"audience|crowd|students|delegates|assembly|session|committee|council|congress|rally|"
    r"gathering|television|radio|channel|broadcaster|newspaper|agency|podcast|interviewer|"
    r"allies|colleagues|partners|counterparts|MPs|parliamentarians|diplomats|investors|donors|"
    r"supporters|voters|troops|members|envoys?|ambassadors?|delegation|visitors|guests|"
    r"counterpart)\b(?:[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})?"
    # "News–NEWS.am", "the International Court of Justice"
    r"|\s+(?:the\s+|The\s+)?[A-Z][\w.'’&/–-]*(?:\s+(?:(?:of|for)\s+(?:the\s+)?)?[A-Z][\w.'’&/–-]*){0,4}"
)
# a description set off before a trailing speaker's name: ", the secretary of Armenia's
# Security Council, Armen Grigoryan, told"
_DESCRIBED_BEFORE_RE = re.compile(
    rf",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,2}}(?:{'|'.join(sorted(ROLES, key=len, reverse=True))})"
    r"\b[^,.;:!?\"“”«»\n]{0,60}$"
)
# a wire dateline at the start of a sentence: "YEREVAN (Azatutyun) — ", "ИНТЕРФАКС - "
_DATELINE_RE = re.compile(r"\s*[A-ZА-ЯЁ]{3,}(?!\w)[^.!?\n—–]{0,50}?\s[—–-]{1,2}\s+")
# a title before a speaker may also join offices and hold roles the anaphors do not need:
# "Adviser to the Head of the President's Office and member of the negotiating team"
_TITLE_WORDS = TITLE_LINKS | frozenset("and on a an member deputy adviser advisor s".split())


def _outside(text: str, start: int, end: int, quotes) -> int:
    """How many words of ``text[start:end]`` lie outside the quotes (with their marks)."""
    n, at = 0, start
    # the quotes are sorted and do not overlap: skip to the first that may reach ``start``
    for q in quotes[bisect_left(quotes, start, key=lambda q: q.end + 1) :]:
        if q.start - 1 >= end:
            break
        n += len(WORDS_RE.findall(text, at, max(at, q.start - 1)))
        at = max(at, q.end + 1)
    return n + len(WORDS_RE.findall(text, at, max(at, end)))


def trailing_span(text, cue: Cue, bounds, voices: ArticleVoices) -> tuple[int, int] | None:
    """The content before a trailing cue: "…, the officials said." / "…, заявил Пашинян в …".

    From the sentence's start (after a wire dateline) to the comma before the cue or its
    speaker, when nothing but an adverbial, an apposition or the sentence's end follows
    them and at least three words of the content are not quoted (“…,” he said is a quote's)."""
    lead = cue.speaker_start if 0 <= cue.speaker_start < cue.start else cue.start
    gap = TRAIL_GAP_RE.search(text, max(bounds[0], lead - 8), lead)
    after = max(cue.end, cue.speaker_end)
    if cue.cue.lower() in ("told", "tells") and after == cue.end:
        told = ADDRESSEE_RE.match(text, after, bounds[1])
        after = told.end() if told else after
    after += text[after : after + 1] in ("»", '"', "”")  # ", пишет «Коммерсант».": its mark
    outlet = _OUTLET_AFTER_RE.match(text, after, bounds[1])
    after = outlet.end() if outlet else after  # "добавил собеседник «Медузы».": a name
    comma = text.rfind(",", max(bounds[0], lead - 80), lead) if gap is None else -1
    if comma > bounds[0] and title_only(text[comma + 1 : lead]):  # ", Russian Ambassador to
        gap = TRAIL_GAP_RE.search(text, comma, comma + 1)  # Armenia Sergei Kopyrkin said"
    described = (
        _DESCRIBED_BEFORE_RE.search(text, max(bounds[0], lead - 90), gap.start()) if gap else None
    )
    if described is not None:  # ", the secretary of Armenia's Security Council, Armen
        gap = TRAIL_GAP_RE.search(text, described.start(), described.start() + 1)  # Grigoryan,"
    if gap is None or not _TRAIL_AFTER_RE.match(text, after, bounds[1]):
        return None
    if THAT_RE.match(text, after, bounds[1]) or THAT_NEAR_RE.match(text, after, bounds[1]):
        return None  # "…, he said on Tuesday that …": the content follows
    if DIRECT_RE.match(text, after, bounds[1]):
        return None  # "Asked about …, the prince replied, “…”": the quote is the words
    start = bounds[0]
    dateline = _DATELINE_RE.match(text, start, gap.start())
    if dateline:
        start = dateline.end()
    if OPENER_RE.match(text, start) and "," not in text[start : gap.start()]:
        return None  # "As the danger grew, Lukashenko told reporters he …": an adverbial
    aside = ASIDE_AFTER_RE.match(text, after, bounds[1])
    if (
        aside
        and _outside(text, start, gap.start(), voices.quotes) >= 1
        and content_before(text[start : gap.start()])
    ):
        # "The crisis, Lavrov said, was manufactured": the sentence around the aside
        tail = WRITER_TAIL_RE.search(text, aside.end(), bounds[1])
        return start, tail.start() if tail else bounds[1]
    plain = NOTHING_RE.match(text, after, bounds[1]) is not None
    if _outside(text, start, gap.start(), voices.quotes) < (3 if plain else 4):
        return None
    if _attributes_a_quote(text, start, gap.start(), voices.quotes):
        return None  # “…,” the EU's foreign policy chief, Kaja Kallas, said: the speaker
    return start, gap.start() + (text[gap.start()] != ",")


def _attributes_a_quote(text: str, start: int, end: int, quotes) -> bool:
    """Whether ``text[start:end]`` opens with a quote whose words end in a comma (“…,”):
    what follows it is the quote's attribution, not reported words."""
    k = bisect_left(quotes, start - 1, key=lambda q: q.start)
    if k == len(quotes) or not quotes[k].start - 1 <= start + 1 or quotes[k].end >= end:
        return False
    return text[quotes[k].end - 1] == "," or text[quotes[k].end + 1 : quotes[k].end + 2] == ","


def title_only(words: str) -> bool:
    """Whether ``words`` (before a speaker's phrase) are only a title: capitalized words,
    role nouns and their links ("Adviser to the Head of the President's Office and member of
    the negotiating team" before "Mykhailo Podolyak emphasized this")."""
    return all(
        w[:1].isupper() or w.lower() in _TITLE_WORDS or w.lower() in ROLES
        for w in WORDS_RE.findall(words)
    )
