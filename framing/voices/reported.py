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
  that follows the speaker, to the end of the sentence; set off by commas inside the content
  ("Угрозы войны, по его мнению, нет", "The alliance, according to Lavrov, is …"): the
  whole clause, from the sentence's start (or a semicolon) to its end (or a semicolon); **"…, according to X."** and
  **"…, как заявил X."** at a sentence's end: from the sentence's start to the cue;
* no span for a term cue after *what* / *что* ("what he called a “collapse”"), and none
  when the cue introduces a direct quote (a colon or a quotation mark follows it,
  or it attributes an adjacent quote: “…,” he said), when nothing but punctuation follows
  it and nothing precedes it (below), when it has no speaker, or for *so-called*;
* **"…, the officials said." / "…, said X, a deputy minister." / "…, заявил X в интервью …"**
  (a trailing cue after a comma, followed by nothing but an adverbial, an apposition or the
  sentence's end): from the sentence's start, after a wire dateline ("ИНТЕРФАКС - ",
  "YEREVAN (AP) — "), to the comma, when at least three of its words are not quoted (so
  “…,” he said stays a quote's); **"Об этом заявил X." / "This was stated by X." / "He said
  this while …"**: the sentence before; a passive "said by X" has no content of its own;
* the content after a cue ends at a semicolon, where another speaker's clause begins ("…,
  а источник «Ъ» заверил, что …", "…, but Y said …") and before the writer's words after
  it ("…, the clearest sign yet of …", "…, raising fears of …"); "…, according to X,
  despite …" reports what comes before the speaker; "по словам X, …: «…»" reports the
  words before the colon; a cue whose speaker is *I* or *we* (the writer's own words)
  gives no span;
* **"Песков: Кремль не считает …"** (a line that opens with a person's surname and a colon,
  the headline convention): the rest of the line;
* the content must hold at least two words; a sentence reaches at most 1,500 characters
  either side of its cue (texts without punctuation).

A direct quote inside the reported content stays in the span here; :func:`voice_spans`
(framing.voices.spans) splits the span around it, because the quote's own voice wins.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from .clauses import (
    AND_RE,
    CLAUSE_JOINT_RE,
    JOINT_RE,
    RELATIVE_BEFORE_RE,
    TWO_WORDS_RE,
    WHAT_BEFORE_RE,
    WRITER_ADVERBIAL_RE,
    WRITER_TAIL_RE,
    opener_end,
    opens_clause,
    relative_end,
)
from .cues import (
    ABOUT_REACH,
    ABOUT_THIS_RE,
    EN_PAST,
    PRONOUNS,
    RETROSPECTIVE,
    VIEWS,
)
from .quotes import ArticleVoices
from .speakers import ACCORDING, SPEECH, TERM, Cue
from .trailing import (
    ADDRESSEE_RE,
    DIRECT_RE,
    NOTHING_RE,
    THAT_NEAR_RE,
    THAT_RE,
    TRAIL_GAP_RE,
    title_only,
    trailing_span,
)
from .verbless import headline_spans, noun_cue_spans

__all__ = ["Reported", "reported_spans"]

# a quoted name right after the cue and before "что" / "that": заявила «Азатутюн», что
_NAMED_THAT_RE = re.compile(  # also "рассказал «Российской газете» о том, что …"
    r"\s*[«\"“„][A-ZА-ЯЁ][^«»\"“”\n]{0,40}[»\"”“]\s*(?=,?\s*(?:о\s+том,\s*)?(?:что|that)(?!\w))",
    re.IGNORECASE,
)
# a content clause after a cue: "отметил, что …", "told reporters that …", "заявил о том, что"
_THAT_AHEAD_RE = re.compile(r"[^.,;:!?\n]{0,60}?(?:\bthat\b|,\s*что\b)", re.IGNORECASE)
# where the content before a quote the cue also gives ends: "…: «…»", "…, «но и …»"
_QUOTE_AFTER_RE = re.compile(r"(?::|,)\s*[«\"“„]")
# "уверен: ОДКБ не грозит распад", "told reporters: the talks failed": the content follows
# (at most two words before the colon: "fear the opposite danger: that …" has an object)
_COLON_RE = re.compile(r"(?:\s*[^\s.,;:!?\"“”«»„]+){0,2}\s*:\s*(?=[^\W\d_])")
_KAK_RE = re.compile(  # not "так как", nor "с тех пор, как", "после того, как": a time
    r"(?<!\w)(?<!тогда )(?<!того )(?<!так )(?<!пор, )(?<!того, )(?<!тем, )(?<!время, )"
    r"(?<!же, )(?:как|as)\s+$",
    re.I,
)
_WHAT_NEXT_RE = re.compile(r"\s*what\s", re.IGNORECASE)
_CLAUSE_COMMA_RE = re.compile(r"[^.!?,\n]{0,150}?,")  # "по словам X из Института «Каспий»,"
# whom a warning is addressed to and what about, with no content: "warns Yerevan over …"
_OVER_RE = re.compile(r"\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s+over\s")
# a noun phrase whose clause is the object of a denial: "the idea that", "opposition claims that"
_NOUN_THAT_RE = re.compile(
    r"\b(?:idea|ideas|claims?|reports?|suggestions?|allegations?|assertions?|notion|accusations?"
    r"|speculation|rumou?rs?|talk|fears?)\s+that$"
)
# a noun after "of" or "about": "warned of a …", "spoke about the …"
_OF_THEN_RE = re.compile(r"\s+(?:of|about)\s+(?:a|an|the)\s")
# the day after a cue, before content without "that"
_WHEN_RE = re.compile(
    r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?=\s+[a-z])"
)
# what opens the content right after an addressee: "told VOA the partnership …"
_CONTENT_START_RE = re.compile(
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|\s+(?:this|last)\s+week)?\s+(?:the|a|an|it|he|she|they|we|there|this|his|her|its|their)\s"
)
# the writer's setting after an accusation's or a denial's object: "… after Yerevan refused"
_OBJECT_TAIL_RE = re.compile(r"\s+(?:after|amid|following|despite)\s")
_TO_RE = re.compile(r"\s+to\s+(?=[a-z])")  # "pledged to …", "vowed to …", "promised to …"
_ADDRESSEE_ONLY_RE = re.compile(r"(?:\s+[\w'’.-]+){1,3}\s*(?:[.;!?](?=\s|$)|$)")
_TERM_QUOTE_RE = re.compile(  # the naming, then another verb of the same subject
    r"[^.;!?\"“”«»\n]{0,80}?[\"“«„][^\"“”«»\n]{1,80}[\"”»“]"
    r"(?=\s+(?:и|а\s+также|and)\s+[а-яёa-z]+(?:ли|ла|л|ло|ed)\b)"
)
_ON_RE = re.compile(r"\s+(?:на|о|об|по)\s")
_FELT = ("протест", "обеспокоенность", "недовольство")  # a feeling, no words; and these:
_NO_WORDS = ("раскритикова", "спроси", "спрашива", "переспр")  # a critique, a question
# cues that look back at a quote, or name a term without reporting words
_NO_CONTENT = frozenset(
    [*RETROSPECTIVE, "speaks of", "spoke of", "speaks about", "spoke about", "talk up",
     "talks up", "talked up", "put it", "puts it"]
)  # fmt: skip
_DATA_CUES = ("по данным", "по информации", "по сведениям")  # "по данным «Ъ»": maybe its own
_OUTLET_RE = re.compile(
    r"[«\"“]?(?:Ъ|РБК|ТАСС|РИА|Интерфакс|Коммерсант|Ведомост|Известий|Медуз|Новой газет|Газет|"
    r"Reuters|Bloomberg|Financial Times|FT|Sputnik|NEWS\.am|JAMnews|EADaily|Азатутюн|Регнум|"
    r"Росбалт|Eurasianet|AP|AFP)(?!\w)"
)
# "reported on the talks", "wrote about the crisis": a topic, no words (not "on Tuesday")
_TOPIC_RE = re.compile(
    r"\s+(?:on|about)\s+(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"the\s+eve|the\s+same\s+day|\d)\b)",
    re.IGNORECASE,
)
# cues whose object a second verb of the subject ends ("accused X of Y and suspended …")
_OBJECT_CUES = ("accuse", "deni", "deny", "reject", "dismiss", "обвини", "отверг", "опроверг")
_PAST = "|".join(sorted(EN_PAST))
_AND_ACTION_RE = re.compile(  # "and" or "и", then a verb in the past
    rf",?\s+(?:and|и)\s+(?:then\s+|also\s+|затем\s+|также\s+)?(?:[a-z]{{3,}}ed|{_PAST}|"
    r"[а-яё]{3,}(?:ил|ал|ял|ел|ул)[аио]?)\b"
)
_JUDGED = ("оцени", "расцени", "описыва", "описал")  # "оценил риск как …": a term after "как"
_AS_AHEAD_RE = re.compile(r"[^.;:!?\n]{0,120}?\sкак\s")
# "объявил о заморозке взносов" (not "о том, что …"): an act announced, which the cue still
# attributes a term in it to ("объявило о начале «локальных мероприятий»")
_ANNOUNCED_ACT_RE = re.compile(
    r"\s+(?:о|об)\s+(?!том\b)[а-яё]+(?:ии|ке|це|не|ле|ве|де|те|се|ре|ме|ье)\b"
)
_TOPIC_CUES = frozenset("reported reports commented comments".split())
_NOT_SOURCES = frozenset(  # "according to the schedule": a plan, a law, a treaty says nothing
    "schedule plan plans timetable programme program calendar law laws constitution charter "
    "rules terms treaty agreement deal protocol regulations procedure tradition custom "
    "itinerary agenda".split()
)
# "He said this while …", "Lavrov said so at a meeting": the cue looks back
_SAID_THIS_RE = re.compile(
    r"\s+(?:this|so)(?=\s*(?:[.,;]|$|(?:while|during|at|in|on|when|after|before|as)\b))"
)
# how far into its sentence a cue that reports the sentence before may be ("This was stated
# by X", "Adviser … Mykhailo Podolyak emphasized this")
_LOOK_BACK = 200
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
    lead = cue.speaker_start if 0 <= cue.speaker_start < cue.start else cue.start
    kak = _KAK_RE.search(text, max(bounds[0], lead - 6), lead)
    if comma:
        clause = text.rfind(";", bounds[0], lead) + 1 or bounds[0]  # a semicolon ends content
        before = text[clause : kak.start() if kak else lead].rstrip()
        if before.endswith(",") and WRITER_ADVERBIAL_RE.match(text, comma.end(), bounds[1]):
            # "… killed four people, according to the ministry, despite a ceasefire …": what
            # follows the speaker is the writer's adverbial, the content is before
            return clause, clause + len(before) - 1
        relative = RELATIVE_BEFORE_RE.search(before)
        if relative is not None:  # "…компаний, которые, по версии ведомства, помогали …"
            clause += relative.start(1)  # the relative clause is the content, not the sentence
        joints = list(CLAUSE_JOINT_RE.finditer(before[:-1]))
        if joints:  # "Евросоюз утвердил пакет, однако, по мнению экономистов, …"
            clause += joints[-1].end()
            before = before[joints[-1].end() :]
        if before.endswith(",") and TWO_WORDS_RE.search(before):
            # one word before the aside is its subject, left out: "Кишинев, по его словам, …"
            semicolon = text.find(";", comma.end(), bounds[1])
            return clause, semicolon if semicolon >= 0 else bounds[
                1
            ]  # "Угрозы, по его мнению, нет"
        return comma.end(), bounds[1]
    window = max(bounds[0], lead - 40)
    head = window + len(text[window : kak.start() if kak else lead].rstrip())
    if head > bounds[0] and text[head - 1] == ",":
        # "…, according to people familiar with the matter.": no comma after the speaker,
        # so the cue's phrase runs to the sentence's end and the content is before it
        return bounds[0], head - 1
    return (after, bounds[1]) if cue.kind == ACCORDING else None


def _content_span(text: str, cue: Cue, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """The content after a speech or term cue, to the end of its sentence."""
    start = max(cue.end, cue.speaker_end) if cue.speaker_start >= cue.end else cue.end
    named = _NAMED_THAT_RE.match(text, start, bounds[1])
    if named:  # "заявила «Азатутюн», что …": an outlet addressed, then the content
        start = named.end()
    if DIRECT_RE.match(text, start, bounds[1]) and cue.kind != TERM:
        return None  # (a naming's quote is its term: "назвал «неприемлемыми» попытки …")
    semicolon = text.find(";", start, bounds[1])  # "…; Азербайджан наращивает войска": news
    bounds = (bounds[0], semicolon) if semicolon >= 0 else bounds
    that = THAT_RE.match(text, start, bounds[1]) or _COLON_RE.match(text, start, bounds[1])
    if that:
        tail = WRITER_TAIL_RE.search(text, that.end(), bounds[1])
        end = tail.start() if tail else bounds[1]
        return that.end(), relative_end(text, cue.start, bounds[0], that.end(), end)
    if NOTHING_RE.match(text, start, bounds[1]) or _WHAT_NEXT_RE.match(text, start, bounds[1]):
        return None  # "…, Lavrov said." / "rejected what he called a “collapse”" (a term's)
    if cue.cue in ("told", "tells") and _ADDRESSEE_ONLY_RE.match(text, start, bounds[1]):
        return None  # "…, Thayer Bigelow told security analysts.": whom, not what
    if cue.cue.startswith("warn") and _OVER_RE.match(text, start, bounds[1]):
        return None  # "Moscow warns Yerevan over US war games": whom and why, not what
    # "promised to close the loopholes that let …": the pledge, not what follows a "that"
    infinitive = _TO_RE.match(text, start, bounds[1])
    told = ADDRESSEE_RE.match(text, start, bounds[1]) if cue.cue in ("told", "tells") else None
    content = told and _CONTENT_START_RE.match(text, told.end(), bounds[1])
    if content:  # "told VOA the partnership …", "told Reuters on Monday the …": whom, then what
        start = content.end() - len(content.group().split()[-1]) - 1
    when = None if told else _WHEN_RE.match(text, start, bounds[1])
    if when and not THAT_RE.match(text, when.end(), bounds[1]):
        start = when.end()  # "said on Wednesday the country's banking system was stable"
    if cue.kind == TERM:  # "назвали действия «жестокостью» и приостановили …": the naming
        named = _TERM_QUOTE_RE.match(text, start, bounds[1])
        joint = CLAUSE_JOINT_RE.search(text, start, bounds[1])  # "…, а в Душанбе — «…»"
        if named or joint:
            bounds = (bounds[0], named.end() if named else joint.start())
    near = None if infinitive else THAT_NEAR_RE.match(text, start, bounds[1])
    if near and cue.cue.startswith(_OBJECT_CUES) and _NOUN_THAT_RE.search(near.group()):
        near = None  # "rejected the idea that …", "dismissed claims that …": the object
    if near and _OF_THEN_RE.match(text, start):
        near = None  # "warn of a security vacuum that Baku would fill": the relative's noun
    joint = _AND_ACTION_RE.search(near.group()) if near else None
    if joint and near.group()[: joint.start()].strip(" ,"):  # not "отметил и подчеркнул, что"
        near = None  # "отверг обвинения … и сказал, что …": the "что" is the next verb's
    if near and not opens_clause(near.group()):
        # "said on Thursday that …", "told reporters that …", "заявил журналистам, что …"
        start = near.end()
    # else "said there was a danger that …": the content starts at once
    tail = WRITER_TAIL_RE.search(text, start, bounds[1])
    end = tail.start() if tail else bounds[1]
    if cue.kind == TERM or cue.cue.startswith(_OBJECT_CUES):  # "accused X of Y and suspended"
        action = _AND_ACTION_RE.search(text, start, end)
        end = action.start() if action else end
    if cue.cue.startswith(_OBJECT_CUES):  # "accused Armenia of … after Yerevan refused …"
        setting = _OBJECT_TAIL_RE.search(text, start, end)
        end = setting.start() if setting else end
    return start, relative_end(text, cue.start, bounds[0], start, end)


def _lead_in(text: str, cue: Cue, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """The words a cue reports besides the quote it also attributes: "по словам X, …: «…»",
    "По его словам, …, «но и …»", "X отметил, что …: «…»"; and "X рассказал «Российской
    газете» о том, что …", where the quote is an outlet's name. None when there are none."""
    if cue.kind == ACCORDING:
        span = _clause_span(text, cue, bounds)
    elif cue.kind == SPEECH and _THAT_AHEAD_RE.match(text, cue.end, bounds[1]):
        span = _content_span(text, cue, bounds)
    else:
        return None
    if span is None:
        return None
    quote = _QUOTE_AFTER_RE.search(text, span[0], span[1])
    if quote is None and cue.kind == ACCORDING:
        return None
    start, end = _trim(text, span[0], quote.start() if quote else span[1])
    return (start, end) if TWO_WORDS_RE.search(text, start, end) else None


def _before_next(text: str, cues, k: int, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` cut where another speaker's clause begins in it: "X назвал решение
    «шантажом», а источник «Ъ» заверил, что …", "X said …, but Y said …"."""
    start, end = span
    j = k + 1
    if j >= len(cues) or cues.starts[j] >= end:
        return span
    nxt = cues[j]
    cue = cues[k]
    if nxt.kind == SPEECH and nxt.speaker_start >= nxt.end:
        gap = TRAIL_GAP_RE.search(text, max(start, nxt.start - 8), nxt.start)
        if gap is not None:  # "Москва назвала X угрозой, заявила Захарова": Y's trailing cue
            return start, gap.start()
    if (
        cue.kind == ACCORDING
        and nxt.kind == SPEECH
        and 0 <= nxt.speaker_start < cue.start
        and nxt.speaker.lower() not in PRONOUNS
    ):  # "Григорян, по данным ведомства, заверил, что …": what follows is Григорян's
        return start, nxt.start
    if 0 <= nxt.speaker_start < start:  # the same subject: "X назвал Y «…» и пояснил: …"
        joint = AND_RE.search(text, max(start, nxt.start - 12), nxt.start)
    else:
        lead = nxt.speaker_start if 0 <= nxt.speaker_start < nxt.start else nxt.start
        joint = JOINT_RE.search(text, max(start, lead - 80), lead) if lead > start else None
    return (start, joint.start()) if joint is not None else span


def _own_outlet(text: str, source: str) -> bool:
    """Whether the source of "по данным X" is the outlet that publishes ``text``: a news
    outlet named again in it ("Источник «Ъ» …", "сообщил РБК", "/ТАСС/")."""
    name = source.strip('«»"“” ')
    return bool(name) and _OUTLET_RE.match(source) is not None and text.count(name) > 1


def _spoken_before(voices: ArticleVoices, k: int, start: int) -> bool:
    """Whether a cue with a speaker comes before cue ``k`` in its sentence (from ``start``);
    a view or a naming ("Москва опасается эскалации, заявил X") is part of what ``k`` reports."""
    if not (k > 0 and voices.cues.ends[k - 1] >= start):
        return False
    before = voices.cues[k - 1]  # a naming too: "Москва расценивает X как …, заявила Y"
    return before.cue not in VIEWS and before.kind != TERM and voices.speakers.said(k - 1)


def _no_words(text: str, cue: Cue) -> bool:
    """Whether a cue reports no words of its own: a feeling or a criticism ("выразило
    протест", "раскритиковал резолюцию"), whom one answered, a paper's own data, a plan, a
    topic, a term used, an act announced."""
    if cue.cue.endswith(_FELT) or cue.cue.startswith(_NO_WORDS):
        return True  # "выразило протест в связи с …", "раскритиковал резолюцию": no words
    if cue.cue.startswith(("ответи", "высказал")) and _ON_RE.match(text, cue.end):
        return True  # "ответила на слова Пашиняна о …": whom she answered, not what she said
    if cue.cue.lower() in _DATA_CUES and _own_outlet(text, cue.speaker):
        return True  # "По данным «Ъ», …" in «Ъ»'s story: the outlet's own reporting
    if cue.kind == ACCORDING and _NOT_SOURCES.intersection(cue.speaker.lower().split()):
        return True  # "According to the schedule, …": a plan says nothing
    if (
        cue.cue in _TOPIC_CUES
        and _TOPIC_RE.match(text, cue.end)
        and not THAT_NEAR_RE.match(text, cue.end)  # "reported on Facebook that …"
    ):
        return True  # "Armenpress reported on the talks, which …": a topic, no words
    if cue.cue.endswith(" term"):
        return True  # "used the term “…”": the term is all it reports, a scare quote
    if cue.cue.startswith("объяв") and _ANNOUNCED_ACT_RE.match(text, cue.end):
        return True  # "объявил о заморозке взносов": an act announced, no words reported
    return False


def reported_spans(text: str, voices: ArticleVoices, reach=None) -> list[Reported]:
    """The spans of reported speech in ``text``, given its quotes and cues.

    Parameters
    ----------
    text : str
        One article's text.
    voices : ArticleVoices
        What :func:`framing.voices.quotes.article_voices` found in it.
    reach : (held, reach), optional
        What :meth:`Sentences.reach` gives for some offsets: the sentences that hold them
        (``held``) and those with the sentence after each (``reach``). Only the cues and
        headline lines in ``held`` are read, and in the sentences of ``reach`` outside it
        only the cues that may report the sentence before ("Об этом заявил X."). A span
        lies within its cue's sentence, or the sentence before (a headline span: its line),
        so the spans that hold a word in ``held`` are those found from the whole text.

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
    wholes: list[Reported] = []  # the spans of the sentence before a cue ("Об этом заявил X")
    sentences = voices.sentences
    for k in _cues_within(voices.cues, reach):
        if reach is not None and not _held(reach[0], voices.cues.starts[k]):
            start = sentences.around(voices.cues.starts[k])[0]  # a sentence after one held
            if not start or voices.cues.starts[k] - start > _LOOK_BACK:
                continue  # it cannot report the sentence before (ABOUT_THIS_RE, below)
        cue = voices.cues[k]
        said = voices.speakers.said(k)  # the speaker itself is resolved only for a span
        if not said or cue.cue.lower().startswith(("so-", "так ")) or cue.cue in _NO_CONTENT:
            continue  # "made the remarks on Friday", "speaks of “…”": no content of its own
        if _no_words(text, cue):
            continue
        start, end = sentences.around(cue.start)
        # a "sentence" of a text without punctuation is cut short: the cost stays linear
        bounds = (max(start, cue.start - _MAX_SENTENCE), min(end, cue.end + _MAX_SENTENCE))
        span = None
        this = ABOUT_THIS_RE.search(text, max(start, cue.start - ABOUT_REACH), cue.start)
        if this and not text[start : this.start()].strip():
            if start <= 0:
                continue  # "Об этом заявил X в …" opens the text: what it reports is not here
            span = sentences.around(_before_space(text, start))  # the sentence before
        elif _SAID_THIS_RE.match(text, max(cue.end, cue.speaker_end)):
            # "He said this while …": the sentence before is the content, none follows
            lead = min(cue.start, cue.speaker_start) if cue.speaker_start >= 0 else cue.start
            if start <= 0 or not title_only(text[start:lead]) or cue.start - start > _LOOK_BACK:
                continue  # the sentence must open with its speaker (a title may lead it)
            span = sentences.around(_before_space(text, start))
        elif cue.cue.endswith(" by"):
            continue  # "one said by the Pentagon to have been …": no content of its own
        elif cue.kind == SPEECH and not cue.inherits and not _spoken_before(voices, k, start):
            span = trailing_span(text, cue, bounds, voices)
        if span is not None:
            whole = this or cue.kind != SPEECH or span[1] <= start  # the sentence before
            out.append(Reported(*_trim(text, *span), voices.speakers[k], cue.cue))
            wholes += [out[-1]] if whole else []
            continue
        if k in voices.attributing and cue.kind != TERM:  # (a naming reports its object too:
            lead_in = _lead_in(text, cue, bounds)  # "назвал «неприемлемыми» попытки …")
            if lead_in is not None:  # "По его словам, говорить о разрыве рано: «…»"
                out.append(Reported(*lead_in, voices.speakers[k], cue.cue))
            continue
        lead = cue.speaker_start if 0 <= cue.speaker_start < cue.start else cue.start
        if cue.kind == TERM and WHAT_BEFORE_RE.search(text, max(bounds[0], lead - 7), lead):
            continue  # "what he called a “collapse”": a term, not reported content
        if cue.cue.startswith(_JUDGED) and not _AS_AHEAD_RE.match(text, cue.end, bounds[1]):
            continue  # "оценил встречу куда сдержаннее": no naming without "как"
        clause = cue.kind == ACCORDING or _KAK_RE.search(text, max(bounds[0], lead - 6), lead)
        span = _clause_span(text, cue, bounds) if clause else _content_span(text, cue, bounds)
        if span is None:
            continue
        start, end = _trim(text, *_before_next(text, voices.cues, k, span))
        end = opener_end(text, bounds[0], start, end)  # "Although X insists that …, ties …"
        if TWO_WORDS_RE.search(text, start, end):
            out.append(Reported(start, end, voices.speakers[k], cue.cue))
    held = None if reach is None else reach[0]
    for start, end, speaker, cue in headline_spans(text, held):
        out.append(Reported(*_trim(text, start, end), speaker, cue))
    # a noun's report where no cue reports the words: "раскритиковал заявление X о том, что";
    # "Mirzoyan dismissed Baku's claims that …" stays Mirzoyan's, as the labels have it
    nouns = {Reported(*_trim(text, a, b), who, cue)
             for a, b, who, cue in noun_cue_spans(text, sentences, held)}  # fmt: skip
    out.extend(nouns)
    out.sort(key=lambda r: (r.start, r in nouns, r))  # on a tie, the cue's span first
    return _views_dropped(out, wholes)


def _before_space(text: str, start: int) -> int:
    """The last character before ``start`` that is not white space (the sentence before a
    paragraph break), else ``start - 1``."""
    at = start - 1
    while at > 0 and text[at].isspace():
        at -= 1
    return at


def _views_dropped(spans: list[Reported], wholes: list[Reported]) -> list[Reported]:
    """The spans without the views of a speaker's country or office inside a sentence that a
    later cue gives to that speaker ("Ukraine expects the EU to adopt …. This was stated by
    Minister of Foreign Affairs of Ukraine Andrii Sybiha": all of it Sybiha's words)."""
    if not wholes:
        return spans
    return [r for r in spans if r in wholes or not any(
        w.start <= r.start and r.end <= w.end and r.speaker and r.speaker in w.speaker
        for w in wholes)]  # fmt: skip


def _cues_within(cues, reach) -> range | list[int]:
    """The indices of the cues that start in one of the ``reach`` stretches (all when None)."""
    if reach is None:
        return range(len(cues))
    starts = cues.starts  # where the cues start, their speakers not worked out
    out: list[int] = []
    for lo, hi in reach[1]:
        out.extend(range(bisect_left(starts, lo), bisect_left(starts, hi)))
    return out


def _held(stretches: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of the sorted, disjoint ``stretches``."""
    k = bisect_right(stretches, (offset, float("inf"))) - 1
    return k >= 0 and offset < stretches[k][1]
