"""Quoted spans: quotation marks paired into quotes and scare quotes (:func:`find_quotes`).

The marks are paired by :mod:`framing.voices.marks` (every quotation style, apostrophes and
inch signs left out, quotes over several paragraphs, unclosed quotes ended at the paragraph's
end; hard-wrapped wire copy is read with its line breaks as spaces); a quote interrupted by
its attribution between dashes («…, — сказал Лавров. — …») is cut into its two parts
(:func:`split_interrupted`). Each span then gets its attribution and its kind:

**Attribution**, tried in this order (cues and speakers from :mod:`framing.voices.speakers`):

1. *after* the closing mark, when a comma or dash separates them or the quote ends in
   , ? ! … or —: “…,” said Lavrov / “…,” he said / «…», — заявил Лавров; after a quote
   that ends in a full stop only a lower-case pronoun or an inverted cue (“… .” he said /
   said Lavrov), so that the subject of the next sentence is not taken for a speaker;
2. *before* the opening mark, up to a colon or comma (or right after the cue): Lavrov
   said: “…” / Lavrov told reporters: “…” / according to X, “…” / по словам Лаврова, «…» /
   the so-called “…”; not a quote right after a speaker's phrase that follows its cue
   (считает активистка инициативы «Новая граница»: a name inside the phrase);
3. in the *same sentence*, the nearest cue before the quote (past one with no speaker to
   one with a speaker: "One official said … those urged by the seven … “…”"), else after
   it: Pashinyan described the pact as “an effective suspension” / “…” as Moscow calls it;
   with no cue, a speech quote after a colon is the words of the sentence's capitalized
   subject ("The Deputy Prime Minister addressed the people …: “…”");
4. a quote without a cue that follows a quote with a speaker within 400 characters, with
   no other cue in between, continues that speaker's words (“…,” he said. “…”);
5. a quote (speech) that opens a sentence within 400 characters after a speech cue with a
   speaker, and no attributed quote since, continues that speaker's words ("…, said Richard
   Giragosian, director of … . “It is not a shield.”").

**Kind.** A quote is ``"quote"`` (speech) when a speech cue is right next to it (1, 2), or
when it holds five words or more, a sentence-final mark (. ! ? …), an English auxiliary or
modal (a clause: the alliance “cannot be held responsible”), a negated or reflexive Russian
verb («не представляет угрозы», «превратились в ритуал») or ends in a comma. Otherwise it
is a ``"scare_quote"``: a short term, used by the writer (“zone of
responsibility”, the so-called "peace treaty") or attributed as a term ("described the pact
as “an effective suspension”", "called it a «провал»"). The decisions:

* a term cue (described … as, called, dubbed, labelled, so-called, назвал,
  охарактеризовал) makes a scare quote of up to four words, even when it is adjacent, and the
  term keeps that cue and its speaker ("what he called a “collapse”" is Lavrov's term);
* a short fragment inside a sentence with a speech cue ("Lavrov said the bloc was “on the
  brink”") is a scare quote too, attributed to that speaker and cue: the writer
  chose those words to quote as a term, and the speaker's own voice is the reported speech
  around it;
* two words or more in title case, or one capitalized word, with no sentence-final mark or
  comma (names, titles: writes “The Long View”, заявила «Азатутюн», что), are scare quotes
  even next to a cue, and a short quote that
  starts with a capital letter (a name: «Меридиан», the “Northern Courier”) takes no speaker
  from a speech cue elsewhere in its sentence;
* "called" right before the quote names something (a famine called “Holodomor”): a scare
  quote with no speaker; so does a title or a name right after the noun it names (the law
  “On …”, the decree, the conference, the book, the treaty, the slogan, the principle of
  “…”, the report titled “…”; закон, указ, конференция, книга, лозунг «…», по данным «Ъ»),
  unless a term cue governs it (called the operation “anti-terror measures”);
* a quote inside an attribution (between a speaker and its cue: Секретарь «Гражданского
  договора» X заявил, дипломат в разговоре с «Ъ» назвал) or an outlet told right after the
  cue (рассказал «Новой газете Европа», что) is a name: a scare quote with no speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

import pandas as pd

from .._tables import check_articles
from .anaphora import Speakers
from .beats import subject_without_cue
from .cues import ABOUT_REACH, ABOUT_THIS_RE, CUE_RE, RETROSPECTIVE, gender_of
from .kinds import NAME_AFTER_RE, SENTENCE_MARK_RE, names_nothing, quote_kind, titled
from .marks import QuoteSpan, dash_quotes, pair_quotes
from .sentences import Sentences, text_language, unwrap_lines
from .speakers import TERM, Cue, CueList
from .verbless import Headlines

__all__ = [
    "find_quotes",
    "QUOTE_COLUMNS",
    "ArticleVoices",
    "article_voices",
    "quote_cues_end",
    "split_interrupted",
]

#: The columns of the quotes table, in order.
QUOTE_COLUMNS = ("article_id", "start", "end", "text", "kind", "speaker", "cue", "unclosed")

_AFTER_GAP_RE = re.compile(
    r"[\"'”’»“«„‘›]?[\s,—–-]*(?:(?:the|a|an)\s+)?"
)  # the: a phrase cut at 8 words
_ATTRIBUTED_GAP_RE = re.compile("[,—–]")
_DESCRIBED_GAP_RE = re.compile(
    r"[\"'”’»][ \t]*,?[ \t]*(?:(?:the|a|an)[ \t]+|[A-Z][\w.-]*['’]s[ \t]+)[^,.;:!?\"“”«»\n]{1,60},[ \t]*"
)
_PRONOUN_SPEAKERS = ("he", "she", "they", "он", "она", "они")
_THAT_AFTER_RE = re.compile(r",?\s*(?:что|that)(?!\w)")
_FLOATING_GAP = 400  # characters between a quote and an unattributed one that continues it
_CUE_ROOM = 60  # characters of the longest cue
_BEFORE_GAP = 80  # characters between a cue (or its speaker) and the quote it introduces


class QuoteRow(NamedTuple):
    start: int
    end: int
    kind: str
    speaker: str
    cue: str
    unclosed: bool


class ArticleVoices(NamedTuple):
    """One text's quotes, cues, resolved speakers and the cues that attribute quotes."""

    quotes: list[QuoteRow]
    cues: CueList  # a sequence of Cue, each worked out when read
    speakers: Speakers  # the resolved speaker of each cue, found when read
    attributing: set[int]
    sentences: Sentences  # the text's sentences, found where they are asked for
    headlines: Headlines  # the text's headline lines, read where they are asked for


# «…, — сказал Лавров. — …»: an attribution set off by dashes inside the quotation marks
_INTERRUPTION_RE = re.compile(
    # (a long title, or an outlet in guillemets: "— сказал «Росбалту» востоковед Руслан Сафаров.")
    r"(?<=[,.!?…])\s+[—–]\s+([^\W\d_](?:[^«»“”\"\n—–]|«[^«»\n]{1,40}»){0,160}?)[.,:]\s+[—–]\s+"
)


def split_interrupted(text: str, spans: list[QuoteSpan], lang: str) -> list[QuoteSpan]:
    """The quotes with their inner attributions cut out: «A, — сказал он. — B» is two quotes,
    "A," and "B", when the part between the dashes starts in lower case and holds a cue."""
    out: list[QuoteSpan] = []
    cue_re = CUE_RE["ru" if lang == "ru" else "en"]
    for q in spans:
        start = q.start
        for m in _INTERRUPTION_RE.finditer(text, q.start, q.end):
            inner = m.group(1)
            if inner[:1].islower() and cue_re.search(inner):
                out.append(QuoteSpan(start, m.start(), False, q.mark))
                start = m.end()
        out.append(q if start == q.start else QuoteSpan(start, q.end, q.unclosed, q.mark))
    return out


def _after(text: str, start: int, end: int, cues: list[Cue], k: int) -> int | None:
    """The cue right after the closing mark at ``end`` (k: the first cue after it)."""
    if k >= len(cues):
        return None
    cue = cues[k]
    first = min(cue.start, cue.speaker_start) if cue.speaker_start >= end else cue.start
    gap = _AFTER_GAP_RE.match(text, end, first)
    if gap is None or gap.end() != first or first - end >= 40 or "\n" in gap.group():
        # ‘…,’ the EU’s foreign policy chief, Kaja Kallas, told: the name inside an apposition
        gap = _DESCRIBED_GAP_RE.match(text, end, first)
        if gap is None or gap.end() != first:
            return None
    quote = text[start:end].rstrip().rstrip("’'”\"»")  # "… ‘we are sorry,’” said X": inner
    if _ATTRIBUTED_GAP_RE.search(gap.group()) or quote.endswith((",", "?", "!", "…", "—")):
        return k  # “…,” he said / «…», — сказал он / “…?” she asked
    if quote.endswith("."):
        # “… .” A ceasefire announced …: a new sentence, unless “… .” he said / said Lavrov
        return (
            k
            if text[cue.speaker_start : cue.speaker_end] in _PRONOUN_SPEAKERS or first == cue.start
            else None
        )
    return None  # centre «Меридиан» говорит: the quote is inside the speaker's phrase


def _before(text: str, start: int, cues: list[Cue], k: int) -> int | None:
    """The cue that introduces the quote opening at ``start`` - 1 (k: the last cue before)."""
    if k < 0:
        return None
    cue = cues[k]
    gap = text[max(cue.end, cue.speaker_end) : start - 1]
    if len(gap) > _BEFORE_GAP or "\n" in gap or SENTENCE_MARK_RE.search(gap):
        return None
    stripped = gap.strip()
    if not stripped and cue.speaker_start > cue.end:
        return None  # считает активистка инициативы «Новая граница»: a name in the speaker's phrase
    return k if not stripped or stripped.endswith((":", ",")) else None


def _same_sentence(starts: list[int], k: int, bounds: tuple[int, int]):
    """The nearest cue in the quote's sentence: before the quote, else after it (``starts``:
    where the cues start; ``k``: the last cue before the quote)."""
    if k >= 0 and starts[k] >= bounds[0]:
        return k
    if k + 1 < len(starts) and starts[k + 1] < bounds[1]:
        return k + 1
    return None


# between the two parts of an interrupted quote: «A, — сказал он. — B», «A», — сказал он. — «B»
_INTERRUPTED_GAP_RE = re.compile(
    r"[»\"”’]?[,.!?]?[ \t]*[—–][ \t]*([^«»“”\"\n]{1,80}?)[.,][ \t]*[—–][ \t]*[«\"“„]?"
)


def _resumes(text: str, end: int, start: int) -> bool:
    """Whether the quote at ``start`` resumes the one that ended at ``end`` after an
    attribution set off by dashes, in lower case and with a cue ("— сказал Лавров. —")."""
    gap = _INTERRUPTED_GAP_RE.fullmatch(text, end, start)
    return (
        gap is not None
        and gap.group(1)[:1].islower()
        and CUE_RE["ru"].search(gap.group(1)) is not None
    )


def _spoken_in_sentence(voices: ArticleVoices, k: int, start: int) -> int:
    """Cue ``k``, or when it has no speaker the nearest cue before it in its sentence (from
    ``start``) that has one: "One official said that … those urged by the seven, the study
    shows “…”" is the official's quote, not the words of "urged"."""
    j = k
    while j >= 0 and voices.cues.starts[j] >= start:
        if voices.speakers.said(j):
            return j
        j -= 1
    return k


# a gapped clause after a quote: "…«паузой», (а) в Ереване — (о) «…»": its verb left out,
# the cue before speaks for the first subject; the words after the comma name the second
_GAPPED_RE = re.compile(
    r"[»\"”][ \t]*,[ \t]+(?:а[ \t]+)?(?:(?:в|во|на)[ \t]+)?"
    r"([А-ЯЁ][\w-]*(?:[ \t]+[\w-]+){0,2}?)[ \t]*[—–][ \t]*(?:(?:о|об|обо|про)[ \t]+)?[«\"“„]$"
)
_OPENS_PARAGRAPH_RE = re.compile(r"\n[ \t]*[\"“«„‘']?$")
# an indefinite article before a capitalized quote: a term, not a name ("warned of a “Maidan”")
_A_BEFORE_RE = re.compile(r"(?<!\w)(?:a|an|another)\s+(?:[a-z-]+\s+)?$")
_PARAGRAPH_REACH = 600  # characters of the paragraph before a quoted one

_NEW_SENTENCE_RE = re.compile(r"(?:[.!?…][\"'”’»)]?|\n)\s*$")


def _with_dash_quotes(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """``spans`` with the dash-set direct speech (:func:`dash_quotes`) that no quotation
    mark already holds, in order."""
    extra = [
        d
        for d in dash_quotes(text, CUE_RE["ru"])
        if not any(q.start < d.end and d.start < q.end for q in spans)
    ]
    return sorted(spans + extra) if extra else spans


def _paragraph_subject(text: str, start: int, speakers: Speakers) -> str:
    """The person the paragraph before a quoted paragraph names ("In a speech …, Russian
    Foreign Minister Sergei Lavrov laid out Moscow's view. ¶ “…”"), when it holds no cue; "".
    """
    end = text.rfind("\n", 0, max(0, start - 1))
    if end <= 0:
        return ""
    begin = text.rfind("\n", 0, end - 1) + 1
    begin = max(begin, end - _PARAGRAPH_REACH)
    if CUE_RE[speakers.rules].search(text, begin, end):
        return ""  # a cue there attributes, or not, by the rules above
    found = speakers.name_in(begin, end)
    return found or ""


def _spoken_before(text: str, start: int, voices: ArticleVoices, kind, previous):
    """The speaker (the index of its cue) and cue of a quote that opens a sentence right
    after a sentence with a speech cue (“…, said Richard Giragosian, director of … . "It is
    not a shield."”): the quote goes on with that speaker's words; ("", "") otherwise, and
    when a sentence without the cue comes between ("Moscow denies it. Kovalchuk laughs.")."""
    cues, speakers = voices.cues, voices.speakers
    j = _cue_index(cues, start) - 1
    if kind != "quote" or j < 0 or not speakers.said(j) or cues[j].kind == TERM:
        return "", ""
    cue = cues[j]
    opening = voices.sentences.around(start - 2)[0]
    if opening and cue.end < voices.sentences.around(opening - 2)[0]:
        # a sentence between: the quote is another's when it names someone else
        lo = voices.sentences.around(max(cue.end, cue.speaker_end))[1]  # after its sentence
        other = speakers.mentioned(lo, opening) or speakers.name_in(lo, opening)
        person = other is not None and gender_of(other, "", nominative=True) in ("m", "f")
        if person and other.split()[-1] not in speakers[j]:
            return "", ""
    if start - max(cue.end, cue.speaker_end) > _FLOATING_GAP or (
        previous and previous[0] > cue.start
    ):
        return "", ""
    if not text[start : start + 1].isupper() or not _NEW_SENTENCE_RE.search(
        text, max(0, start - 6), start - 1
    ):
        return "", ""
    return j, cue.cue


def _cue_index(cues: CueList, offset: int) -> int:
    """The index of the first cue that starts at or after ``offset``."""
    return bisect_left(cues.starts, offset)


def _said(speakers: Speakers, speaker) -> bool:
    """Whether a speaker (a string, or the index of the cue whose speaker it is) is named."""
    return speakers.said(speaker) if isinstance(speaker, int) else bool(speaker)


def _within_attribution(q: QuoteSpan, cues: CueList, j: int) -> bool:
    """Whether the quote ``q`` lies between cue ``j``'s speaker and the cue itself, with no
    other cue between them ("X назвал документ «…» и пояснил" is no such case)."""
    cue = cues[j]
    return (
        0 <= cue.speaker_start < q.start
        and q.end < cue.start
        and (j == 0 or cues.starts[j - 1] < cue.speaker_start)
    )


def _nearest_cue(text: str, q: QuoteSpan, voices: ArticleVoices, k: int) -> tuple:
    """The index of the cue that attributes the quote ``q`` (or None), whether it follows
    the quote (``answered``) and whether it is next to it (``adjacent``). A cue next to the
    quote that speaks for nobody (a passive "would be announced “in due course”", a verb of
    the quoted phrase: "Baku's “hysteria” threatened …") gives way to the cue before it in
    its sentence that has a speaker ("…, the ministry said that …")."""
    cues = voices.cues
    j = _cue_index(cues, q.start) - 1
    if (
        j >= 0
        and q.start - cues.ends[j] <= 3
        and text[cues.starts[j] : cues.ends[j]].lower().startswith(("so-", "так "))
    ):
        return j, False, False  # the so-called “coalition of the willing”, X said: a term
    found = _after(text, q.start, q.end, cues, k)
    if found is not None and not voices.speakers.said(found) and cues[found].kind != TERM:
        found = None
    answered = found is not None
    if found is None:
        found = _before(text, q.start, cues, j)
        if found is not None and not voices.speakers.said(found) and cues[found].kind != TERM:
            found = _spoken_in_sentence(voices, found, voices.sentences.around(q.start)[0])
    adjacent = found is not None and cues[found].kind != TERM
    if found is None:
        bounds = voices.sentences.around(q.start)
        found = _same_sentence(cues.starts, _cue_index(cues, q.start) - 1, bounds)
        if found is not None and cues.starts[found] < q.start:
            found = _spoken_in_sentence(voices, found, bounds[0])
        if found is None and k < len(cues) and bounds[1] <= cues.starts[k] < bounds[1] + 90:
            # «…» in the sentence before "Об этом заявил X.": X's term
            if ABOUT_THIS_RE.search(
                text, max(bounds[1], cues.starts[k] - ABOUT_REACH), cues.starts[k]
            ):
                found = k
    return found, answered, adjacent


def _attribute(text: str, q: QuoteSpan, voices: ArticleVoices, previous) -> tuple:
    """The kind, speaker (as :func:`_said` reads it), cue and cue index of the quote ``q``,
    and the index of the cue next to it that attributes it (or None)."""
    cues, speakers = voices.cues, voices.speakers
    quote = text[q.start : q.end]
    if previous is not None and _resumes(text, previous[0], q.start):
        # «…, — сказал Лавров. — Дверь открыта»: the words after the attribution go on
        return "quote", previous[1], previous[2], previous[3], None
    k = _cue_index(cues, q.end)
    found, answered, adjacent = _nearest_cue(text, q, voices, k)
    cue = cues[found] if found is not None else None
    colon = text[max(0, q.start - 4) : q.start - 1].rstrip().endswith(":")
    kind = quote_kind(quote, adjacent, cue, answered, colon)
    term_object = cue is not None and cue.kind == TERM and 0 <= q.start - cue.end < 40
    if not term_object and (
        titled(text, q, quote)
        or (
            len(quote) < 40
            and (cue is None or cue.kind != TERM)  # “…” project, as Yerevan calls it: a term
            and NAME_AFTER_RE.match(text, q.end + 1)
        )
    ):  # the law “On …”, конференция «…», the “sanctions” group: a title or a name
        kind, cue = "scare_quote", None
    if (
        kind == "scare_quote"
        and cue is not None
        and cue.kind != TERM
        and quote[:1].isupper()
        and not names_nothing(quote)  # “Russophobic hysteria” is a term all the same
        and not _A_BEFORE_RE.search(text, max(0, q.start - 24), q.start - 1)  # a “Maidan”
    ):
        cue = None  # a name (of an outlet, a centre, a banner) near a cue is nobody's term
    if (
        cue is not None
        and cue.kind != TERM
        and 0 <= q.start - 1 - cue.end <= 2
        and _THAT_AFTER_RE.match(text, q.end + 1)
    ):  # "рассказал «Новой газете Европа», что …": the outlet told, a name
        kind, cue = "scare_quote", None
    if (cue is not None and _within_attribution(q, cues, found)) or (
        kind == "scare_quote" and k < len(cues) and _within_attribution(q, cues, k)
    ):  # "Секретарь «Грузинской мечты» X назвал", "дипломат в разговоре с «Ъ» назвал",
        # "а источник «Ъ» в правительстве заверил": a name, not the speaker's words
        kind, cue = "scare_quote", None
    if cue is not None:
        gapped = (
            _GAPPED_RE.search(text, max(cue.end, q.start - 80), q.start)
            if cue.end < q.start
            else None
        )
        if gapped is not None:  # "В Москве это называют «паузой», в Ереване — «дрейфом»"
            return kind, gapped.group(1), cue.cue, found, None
        return kind, found, cue.cue, found, found if adjacent else None
    subject = subject_without_cue(text, q, voices, kind, colon)
    if subject:  # "The Deputy Prime Minister also addressed the people …: “…”": no cue
        return kind, subject, "", _cue_index(cues, q.start) - 1, None
    if kind == "quote" and previous and q.start - previous[0] < _FLOATING_GAP:
        between = set(range(_cue_index(cues, previous[0]), _cue_index(cues, q.start)))
        if not between - {previous[3]}:
            return kind, previous[1], previous[2], previous[3], None
        # a cue in between: the quote may go on with its words (rule 5, below)
    speaker, cue_text = _spoken_before(text, q.start, voices, kind, previous)
    index = _cue_index(cues, q.start) - 1
    if (
        kind == "quote"
        and not _said(speakers, speaker)
        and _OPENS_PARAGRAPH_RE.search(text, max(0, q.start - 8), q.start)
    ):  # a speech quoted at length after the paragraph that names its speaker
        found = _paragraph_subject(text, q.start, speakers)
        speaker = found if found else speaker
    if not _said(speakers, speaker) and kind == "quote" and k < len(cues):
        if cues[k].cue in RETROSPECTIVE and cues[k].start - q.end < _FLOATING_GAP:
            if speakers.said(k):  # “…” ¶ X made the remarks
                speaker, cue_text, index = k, cues[k].cue, k
    return kind, speaker, cue_text, index, None


def article_voices(
    text: str, lang: str, *, everywhere: bool = True, offsets=None, unwrapped: bool = False
) -> ArticleVoices:
    """The quotes of one text with their kind, speaker and cue, and the text's cues.

    Parameters
    ----------
    text : str
        One article's text.
    lang : str
        ``"en"`` or ``"ru"`` (see :func:`framing.voices.sentences.text_language`).
    everywhere : bool
        Find the cues in the whole text (reported speech needs them); when False, only as
        far as the quotes need them.
    offsets : list of int, optional
        Resolve the speakers only of the quotes that hold one of these offsets; the others
        get ``speaker=""`` (their kind and cue are found all the same, as the quotes after
        them may continue their speech). The cues' speakers are worked out as they are read
        (:class:`framing.voices.speakers.CueList`, :class:`framing.voices.anaphora.Speakers`).
    unwrapped : bool
        ``text`` is already what :func:`framing.voices.sentences.unwrap_lines` made of it
        (which it would leave as it is).

    Returns
    -------
    ArticleVoices

    Examples
    --------
    >>> text = "“We will not leave,” Pashinyan said. He called it a “freeze”."
    >>> [(text[q.start : q.end], q.kind, q.speaker, q.cue) for q in article_voices(text, "en").quotes]
    [('We will not leave,', 'quote', 'Pashinyan', 'said'), ('freeze', 'scare_quote', 'Pashinyan', 'called')]
    """
    if not unwrapped:
        text = unwrap_lines(text)  # the offsets stay those of the text as given
    spans = split_interrupted(text, pair_quotes(text), lang)
    if lang == "ru" and ("—" in text or "–" in text):
        spans = _with_dash_quotes(text, spans)
    sentences = Sentences(text)
    endpos = None if everywhere else quote_cues_end(spans, sentences)
    cues = CueList(text, lang, [(q.start - 1, q.end + 1) for q in spans], endpos)
    speakers = Speakers(cues, lang, text, [(q.start, q.end) for q in spans])
    voices = ArticleVoices([], cues, speakers, set(), sentences, Headlines(text))
    previous = None  # end, speaker, cue and cue index of the last attributed speech
    for q in spans:
        kind, speaker, cue_text, index, attributing = _attribute(text, q, voices, previous)
        if attributing is not None:
            voices.attributing.add(attributing)
        if kind == "quote" and _said(speakers, speaker):
            previous = (q.end, speaker, cue_text, index)
        voices.quotes.append(QuoteRow(q.start, q.end, kind, speaker, cue_text, q.unclosed))
    wanted = sorted(offsets) if offsets is not None else None
    for i, q in enumerate(voices.quotes):  # the speakers asked for, resolved
        if isinstance(q.speaker, int):
            held = wanted is None or _holds(wanted, q.start, q.end)
            voices.quotes[i] = q._replace(speaker=speakers[q.speaker] if held else "")
    return voices


def quote_cues_end(spans: list[QuoteSpan], sentences: Sentences) -> int:
    """How far the quotes of a text need its cues: past the last quote, to the end of its
    sentence (“…” as Moscow calls it) and as far as a cue that looks back may be (“…” ¶ X made
    the remarks), so that the quotes get the same attribution as with every cue of the text."""
    if not spans:
        return 0
    last = spans[-1]
    # a cue is matched whole before the end: room for the longest ("made their statement")
    return max(last.end + _FLOATING_GAP + _CUE_ROOM, sentences.around(last.start)[1])


def _holds(offsets: list[int], start: int, end: int) -> bool:
    """Whether one of the sorted ``offsets`` lies in ``[start, end)``."""
    i = bisect_left(offsets, start)
    return i < len(offsets) and offsets[i] < end


def article_languages(articles: pd.DataFrame) -> list:
    """The ``lang`` value of each article (None where there is no ``lang`` column)."""
    if "lang" in articles.columns:
        return articles["lang"].tolist()
    return [None] * len(articles)


def find_quotes(articles: pd.DataFrame, *, column: str = "text") -> pd.DataFrame:
    """One row per quoted span of every article: its kind, speaker and attribution cue.

    Parameters
    ----------
    articles : DataFrame
        The articles table (``article_id`` and the text column; ``lang`` is used when present,
        else each text's script decides between English and Russian rules).
    column : str
        The column with the texts.

    Returns
    -------
    DataFrame
        Columns :data:`QUOTE_COLUMNS`: ``article_id``, ``start`` and ``end`` (offsets of the
        quoted words without the marks, so ``text == article_text[start:end]``), ``text``,
        ``kind`` ("quote" or "scare_quote"), ``speaker`` and ``cue`` as written ("" when
        none) and ``unclosed`` (the quote ran to its paragraph's end without a closing
        mark). Ordered as the articles, then by ``start``. Texts that are missing or empty
        give no rows.

    Examples
    --------
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"article_id": ["a1", "a2"], "text": [
    ...     "“The bloc is in a state of collapse,” Lavrov said. Armenia's “zone of responsibility”.",
    ...     "«Мы не уйдём», — заявил Пашинян."]})
    >>> find_quotes(articles)[["article_id", "text", "kind", "speaker", "cue"]]
      article_id                                  text         kind   speaker    cue
    0         a1  The bloc is in a state of collapse,        quote    Lavrov   said
    1         a1                zone of responsibility  scare_quote
    2         a2                           Мы не уйдём        quote  Пашинян  заявил
    """
    check_articles(articles, "find_quotes", ("article_id", column))
    rows = []
    langs = article_languages(articles)
    for article_id, text, lang in zip(articles["article_id"], articles[column], langs, strict=True):
        if not isinstance(text, str) or not text:
            continue
        for q in article_voices(text, text_language(text, lang), everywhere=False).quotes:
            rows.append(
                (
                    article_id,
                    q.start,
                    q.end,
                    text[q.start : q.end],
                    q.kind,
                    q.speaker,
                    q.cue,
                    q.unclosed,
                )
            )
    table = pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
    return table.astype({"start": "int64", "end": "int64", "unclosed": "bool"})
