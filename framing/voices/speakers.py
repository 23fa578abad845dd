"""Attribution cues and their speakers, in English and Russian (:func:`find_cues`).

A *cue* attributes speech or a term (said, told, according to, quoted … as saying; заявил,
по словам; described … as, called, so-called, назвал: the words are in
:mod:`framing.voices.cues`), matched case-sensitively (so not in an all-capitals headline).
Each cue outside the quotation marks gets a *speaker*, the noun phrase as written:

* **before the cue** ("Russian Foreign Minister Sergei Lavrov said", "an unnamed CSTO
  representative told", "Officials in Yerevan said", "the head of the Office of the
  President said", "Он подчеркнул"): the words back to the start of the clause (a
  punctuation mark, a conjunction or preposition, a weekday or month), at most eight, with
  the adverbs just before the cue (also, has, reportedly, ранее, также, вновь) left out;
  "of", "in", "from", "at", "with", "for", "из", "от" between two words of the phrase keep
  it going;
* else **after it**, after a closing mark, a comma or a dash ("…,” said Lavrov", "», —
  заявил глава МИД Сергей Лавров", "Как заявил Лавров, …"; first in ", отмечают эксперты."):
  the words up to the next punctuation mark or preposition, not an English word before an
  auxiliary ("said he had lost"), Russian addressees ("заявил журналистам Песков") skipped;
* else **before an apposition**: "Karen Mkrtchyan, a taxi driver, said" (the name before
  it), "The spokesman for the ministry, Maria Zakharova, said" (the name inside it);
* for **according to / по словам** and **quoted X as saying**, the words after the cue
  (the pronoun in "по его словам").

Pronouns and nominal anaphors ("he", "the minister", "он") are resolved to a named
speaker by :mod:`framing.voices.anaphora`. A cue without a subject of its own (", adding
that", "and said") takes the subject that opens its sentence, else the speaker of the cue
before it. A name set off after a description is the speaker ("said his Turkish
counterpart, Serdar Kilic, a former ambassador"; "Его оппонент, депутат Арташес Мкртчян,
опасается"). Which cue words are no cues here (nouns, adjectives, actions, speech denied) is
:mod:`framing.voices.lookalikes`' rule.

A relative or participial clause between the speaker and the cue is skipped back to its
head ("A senior official who asked not to be named said", "Pashinyan, who said …, has
described", "Эксперты, с которыми поговорила «Медуза», называют", "Дипломаты, опрошенные
РБК, считают"), up to 200 characters and not inside a quote.

Wire copy: a ticker or an abbreviation after a company's name is skipped ("Slough Estates
Plc <SLOU.L> said", "Corp (FDIC) said"), a name in angle brackets is a speaker, "and"
between capitalized words stays in the phrase ("Savings and Loan Association"), a line
break inside a phrase is one space. A Russian gerund ("отметив, что") has no subject.

Around the subject: "X was quoted by Kyodo as saying" (or "in the Star Tribune") has X for
its speaker, not the outlet; a person's firm or state after a comma or a parenthesis is not
the speaker ("Jeffrey Miller, of Miller Tabak said", "Senator Bill Bradley (Democrat) of New
Jersey said"); a setting fronted without a comma leaves its last capitalized words ("In a
statement Kemp called", "At a news conference Howard denied").

What it does not do: no parser and no coreference model; possessives are not followed ("his
spokesman"); an anaphor with no antecedent that fits stays as written ("the minister"); an
English surname alone is an antecedent only when it opens a sentence before its verb; a cue
verb in a non-speech sense ("the report said nothing") is a cue.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from .after import speaker_after
from .asides import (
    DISCOURSE,
    HABIT_TO,
    after_participle,
    apposition_subject,
    before_adverbials,
    before_apposition,
    char_before,
    named_apposition,
)
from .clauses import WHAT_BEFORE_RE
from .cues import (
    ABOUT_REACH,
    ABOUT_THIS_RE,
    ACCORDING,
    CUE_KINDS,
    CUE_RE,
    EN_SKIP,
    EN_STOP,
    FIRST_PERSON,
    PRONOUNS,
    RELATIVE_RE,
    ROLES,
    RU_DATIVES,
    RU_DOCUMENTS,
    RU_FRONTED_DOCUMENT,
    RU_GERUNDS,
    RU_ROLES,
    RU_SKIP,
    RU_STOP,
    SPEECH,
    TERM,
    tells_again,
    verb_gender,
)
from .lookalikes import NOT_BEFORE_RE, look_alike
from .phrases import (
    CAPITAL_WORD_RE,
    DETERMINERS,
    WORD,
    source_after,
    word_back,
    words_after,
    words_before,
)
from .russian import (
    document_author,
    object_person,
    person_like,
    speaker_ends_sentence,
    subject_before,
    trailing_source,
)
from .subjects import named_before_firm, phrase_before

__all__ = ["Cue", "CueList", "find_cues", "SPEECH", "TERM", "ACCORDING"]


# what "reads" out its words: a message, a letter, a sign ("The message reads, in part: “…”",
# the Kremlin's greetings); not an article or a statement, whose authors the text names
_READ_OUT = frozenset(
    "message messages greeting greetings letter telegram inscription sign poster banner note "
    "plaque placard card caption slogan headline tweet post".split()
)
_QUOTED_AS_RE = re.compile(  # also "quoted Gorbachev as telling a meeting …"
    rf"\s+((?:{WORD},?\s+){{0,7}}?{WORD}),?\s+as\s+(?:saying|telling|writing|stating|adding"
    r"|having\s+(?:said|told|written|stated|added))\b"
)
_RELATIVE_COMMA_RE = re.compile(r",\s+(?:who|whom|which|whose)\b")
# after "was quoted": the outlet that quoted, then "as saying" ("was quoted in the Star
# Tribune as saying")
_PASSIVE_AS_RE = re.compile(
    r"(?:\s+(?:by|in)\s+[^.;:!?\"“”«»]{1,80}?)?,?\s+as\s+(?:saying|telling|writing|stating|adding"
    r"|having\s+(?:said|told|written|stated|added))\b"
)
_IN_NAME_RE = re.compile(r"(?<!\w)(?:в|во)\s+([А-ЯЁA-Z][\w-]*(?:[ \t]+[А-ЯЁA-Z][\w-]*){0,3})")
_NAMING_RE = re.compile(r"\s*[\"“']")  # not «: "Песков назвал «неприемлемыми» …" names a term
_CALLED_RE = re.compile(r"\s+(?:for|on)\b")
_FRONTED_DOCUMENT_RE = re.compile(
    r"(?<!\w)[Вв][ \t]+(?:сообщении|заявлении|документе|докладе|отчете|отчёте|пресс-релизе|"
    r"коммюнике|письме|обращении|релизе)[ \t]+([^,.;:!?\n]{2,60}?)[ \t]+$"
)
_POSSESSIVES = frozenset("его её ее их his her their".split())
# a company's name in angle brackets, as the wires mark it: "<Investors Federal Bank> said"
_BRACKETED_NAME_RE = re.compile(r"<([A-Z][^<>\n]{0,60}[\w.])>[ \t]*$")
_RELATIVE_REACH = 200  # characters of a relative clause between its head and the cue
_INVERSION_RE = re.compile(r"(?:[\"'”’»,—–-]|^)\s*$")
_CLOSERS = "\"'”’»"  # “…,” said X / , said X / — заявил X
_COMMA_BEFORE_RE = re.compile(r"(?<=\w),\s*$")
_CLAUSE_OPEN_RE = re.compile(r"(?:^|[.!?…»\"”:;]\s*|\n\s*)$")
_EN_PREPOSITIONS = frozenset("about of in to for with from by on at over under through".split())
_RU_PREPOSITIONS = frozenset("в во на о об обо с со к ко по из от для при без".split())
# "which he said", "which Moscow calls", "that the Kremlin described as": the relative pronoun
# is the object, the subject after it speaks
_WHICH_PRONOUN_RE = re.compile(
    r"\b(?:[Ww]ho|[Ww]hich|[Ww]hom|that)\s+(?:(?i:he|she|they|we|I)"
    r"|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}|the\s+[A-Z][\w'’.-]*(?:\s+[A-Za-z]+)?)"
    rf"(?:\s+{HABIT_TO})?\s*$"  # "which Moscow continues to call": its own subject
)
_OBJECT_AFTER_RE = re.compile(r"\s+(?:to|of|for|into)\s+[a-z]")
# a noun, then a relative clause without "that" whose subject speaks: "a move Tehran has
# called …", "the plan Moscow described as …"
_CONTACT_RE = re.compile(r"(?:[Aa]|[Aa]n|[Tt]he)\s+((?:[a-z]+\s+){1,2})(?=[A-Z])")
# English verbs of saying whose words after them are their subject, whatever follows it
_SAYING = frozenset("said says added adds noted notes wrote writes continued explained".split())
_ING_END_RE = re.compile(r"(?:\s+[a-z]+ing)+$")  # participles after the agent's name
_A_ONE_RE = re.compile(r"(?:a|an|one|another)\s")  # "a spokesman for …" after the verb
_AFTER_QUOTE_RE = re.compile(r"[\"”’»][ \t]*$")  # the cue right after a closing quote mark
# English verbs that take an object and never put their subject after them
_NEVER_INVERTED = ("reject", "deni", "deny", "dismiss", "accus", "urg", "condemn", "blam",
                   "criticiz", "criticis", "describ", "welcom")  # fmt: skip
_PASSIVE_RE = re.compile(r"(?<!\w)(?:was|were|been|is|are)\s+$")
_BY_RE = re.compile(r"\s+by\s+(?=[A-Z]|the\s)")
# "В постпредстве России при ЕС агентству сообщили": an addressee before the cue is skipped
_RU_BACK_SKIP = RU_SKIP | RU_DATIVES
# before a Russian cue whose subject follows: "…, — заявил", "Как сообщила пресс-служба"
_INVERTED_RU_RE = re.compile(r"(?:[\"'”’»,—–-]|^|(?<!\w)[Кк]ак)\s*$")
# "and said", ", однако не исключил": the subject before
_SHARED_RE = re.compile(  # "…, но по-прежнему считает": an adverb between
    rf"(?<!\w)(?:and|but|и|а также|однако|но)\s+(?:(?:{DISCOURSE})\s+)?"  # "and in this regard"
    r"(?:(?:не|по-прежнему|также|тоже|еще|ещё|уже|then|also|later|still)\s+){0,2}$",
    re.IGNORECASE,
)


class Cue(NamedTuple):
    """An attribution cue found in a text and its speaker as written ("" when none)."""

    start: int
    end: int
    cue: str
    kind: str  # SPEECH, TERM or ACCORDING
    speaker: str
    speaker_start: int
    speaker_end: int
    gender: str  # "m", "f" or "" (from the Russian verb)
    inherits: bool = False  # no subject of its own ("…, adding that", "and said"): the one before


def _place_before(text: str, pos: int) -> str:
    """The office named after "в" just before a Russian "Там сообщили", else the "Там"
    itself ("РБК направил запрос в МИД Армении. Там сообщили …")."""
    names = [m.group(1) for m in _IN_NAME_RE.finditer(text, max(0, pos - 200), pos)]
    return names[-1] if names else text[pos : pos + 3]


_NOBODY = frozenset(("nobody", "no one", "none", "никто"))


def _names_a_term(text: str, s: int, e: int) -> bool:
    """Whether the phrase ``text[s:e]`` before "called “…”" is someone who names a term ("which
    he called", "what Baku called", "what rights groups call"), not a thing named ("a famine
    called “Holodomor”")."""
    if s < 0:
        return False
    what = WHAT_BEFORE_RE.search(text, max(0, s - 8), s) is not None
    first = text[s:e].split(None, 1)[0].lower()  # a name, not "The horror called “…”"
    return what or (text[s].isupper() and first not in DETERMINERS) or first in PRONOUNS


def _relative_head(text: str, pos: int, lang: str, stop: frozenset, skip: frozenset, quoted):
    """The head before a relative or participial clause that ends at the cue at ``pos``, or
    that the cue opens ("A senior official who asked not to be named said", "Pashinyan, who
    said …, has described", "Эксперты, с которыми поговорила «Медуза», называют")."""
    lo = max(0, pos - _RELATIVE_REACH - 20)
    if text.find("wh" if lang != "ru" else ",", lo, pos) < 0:
        return None  # no relative pronoun (English) or no comma (Russian): the common case
    while True:  # the adverbs and auxiliaries right before the cue ("…, has described")
        found = word_back(text, pos)
        if found is None or text[found[0] : found[1]].lower() not in skip:
            break
        pos = found[0]
    rules = RELATIVE_RE["ru" if lang == "ru" else "en"]
    lo = max(0, pos - _RELATIVE_REACH)
    m = rules[0].search(text, lo, pos) or rules[1].search(text, max(lo, pos - 120), pos)
    if m is None or quoted(m.start()):
        return None  # «…, которые возникают …», — сказал: the clause is the quote's
    if lang == "ru" and (" — " in text[m.start() : pos] or " – " in text[m.start() : pos]):
        return None  # "Опросы, оплаченные …, — часть войны, заявляла X": a predicate
    if lang != "ru" and _WHICH_PRONOUN_RE.search(m.group()):
        return None  # "the mentality which he said led to …": the pronoun is the speaker
    governs = word_back(text, m.start()) if lang != "ru" and text[m.start()] != "," else None
    if governs is not None and text[governs[0] : governs[1]].lower() in _EN_PREPOSITIONS:
        return None  # "a time about which everyone has said": "which" is no subject
    head = m.start()
    if text[head] == ",":
        start, end = words_before(text, head, stop, skip)
        if start < 0:
            return None
        governed = word_back(text, start) if lang == "ru" else None
        if (
            governed is not None
            and text[governed[0] : governed[1]].lower() in _RU_PREPOSITIONS
            and not CAPITAL_WORD_RE.search(text, start, end)  # "на критику … Роберта Кочаряна"
            and word_back(text, governed[0]) is not None
            and not _CLAUSE_OPEN_RE.search(text, max(0, governed[0] - 3), governed[0])
        ):  # "не видит нужды в посредниках, которые …, заявил X": an object in the content;
            # not "В Кремле, где …, заявили" (an office opens the sentence)
            return None
        inner = before_apposition(text, end + 1, stop, skip)  # "X, a lawyer, who said"
        if inner[0] >= 0:
            return inner
        return object_person(text, start, end) if lang == "ru" else (start, end)
    start, end = words_before(text, head, stop, skip)
    return (start, end) if start >= 0 else None


def _inverted(text: str, start: int) -> bool:
    """Whether an English cue at ``start`` may have its speaker after it: after a comma, a
    dash or a quote that ends with one (“…,” said X); not after a quoted noun phrase
    ("Baku's "anti-Russian hysteria" threatened three decades …": the object follows). A
    cue of two words ("is convinced", "pointed out") is never inverted."""
    m = _INVERSION_RE.search(text, max(0, start - 4), start)
    if m is None or text[m.start()] not in _CLOSERS:
        return m is not None
    at = m.start() - 1
    while at >= 0 and text[at] in _CLOSERS:  # “… ‘we are sorry,’” said X: an inner quote's
        at -= 1
    return at < 0 or text[at] in ",!?—–…-"


def _fixed_form_speaker(text, start, end, cue_text, kind, lang) -> tuple[int, int] | None:
    """The speaker of a cue whose form says where it is: "по его словам", "in his view" (the
    pronoun), "according to X", "по словам X", documents ("говорится в сообщении X", "В
    заявлении X говорится"), "so-called" (nobody); None for the other cues."""
    words = cue_text.split()
    if kind == ACCORDING and len(words) == 3 and words[1] in _POSSESSIVES:  # по его словам
        s = start + len(words[0]) + 1  # the pronoun speaks
        return s, s + len(words[1])
    if kind == ACCORDING:
        if lang == "ru":
            return speaker_after(text, end, lang)
        return source_after(text, end, EN_STOP)
    if cue_text.lower().startswith(("so-", "так ")):
        return -1, -1
    if cue_text in RU_DOCUMENTS:  # "говорится в сообщении ведомства", "… «Газпрома»"
        return document_author(text, end, len(words[-1]))
    if cue_text == RU_FRONTED_DOCUMENT:  # "В заявлении МИД говорится": the document's author
        fronted = _FRONTED_DOCUMENT_RE.search(text, max(0, start - 80), start)
        return fronted.span(1) if fronted else (-1, -1)
    return None


def _speaker_span(
    text: str, start: int, end: int, cue_text: str, kind: str, lang: str, quoted=bool
):
    """Where the speaker of the cue at ``text[start:end]`` is: (start, end), (-1, -1) when it
    has none, or None when the word is no cue here ("its bluntest ever warning")."""
    stop, back_skip = (RU_STOP, _RU_BACK_SKIP) if lang == "ru" else (EN_STOP, EN_SKIP)
    # "заявили", "выразили надежду"; "надеются", "отрицают": an office may speak
    verb = cue_text.removeprefix("не ").split(" ", 1)[0]  # "не скрывают": the verb's number
    plural = verb.endswith(("ли", "ют", "ят", "ются", "ятся", "ены"))
    fixed = _fixed_form_speaker(text, start, end, cue_text, kind, lang)
    if fixed is not None:
        return fixed
    if lang == "ru" and kind == SPEECH and _COMMA_BEFORE_RE.search(text, start - 4, start):
        if speaker_ends_sentence(text, end):  # ", отмечают наблюдатели.", ", пишет «Ъ»."
            s, e = speaker_after(text, end, lang, plural, outlet_speaks=True)
            if s >= 0 and (
                trailing_source(text, s, e, plural)
                or text[s:e].lower().startswith(RU_ROLES)
                or person_like(text[s:e])  # "…, которое …, отмечает экономист Дарья Луговая."
            ):  # "…, отмечают наблюдатели.", "…, сказал агентству представитель штаба."
                return s, e
    relative = _relative_head(text, start, lang, stop, back_skip, quoted)
    if relative is not None:
        return relative
    before = before_adverbials(text, start, back_skip)
    if lang == "ru":
        negation = NOT_BEFORE_RE.search(text, max(0, before - 4), before)
        if negation:  # "Игнатьев в разговоре с «МК» не исключил, что …", "он не ожидает"
            before = before_adverbials(text, negation.start(), back_skip)
    bracketed = (
        _BRACKETED_NAME_RE.search(text, max(0, before - 64), before)
        if char_before(text, before) == ">"
        else None
    )
    if bracketed is not None:
        return bracketed.span(1)
    s, e = phrase_before(text, before, lang, stop, back_skip)
    governed = False  # a Russian phrase before the cue that a preposition governs
    if s >= 0 and lang == "ru":
        female = cue_text.split(" ", 1)[0].endswith("ла")
        s, e = subject_before(text, s, e, stop, back_skip, plural, female)
        governed, s, e = s == -2, max(s, -1), max(e, -1)
    if s >= 0 and (cue_text.endswith("ing") or cue_text.startswith("calling ")):
        return None  # after a noun phrase: a noun ("a stark warning"), or "legislation calling for"
    if (
        kind == TERM
        and not cue_text.endswith(" term")  # "The Kremlin used the term “…”": its user's
        and _NAMING_RE.match(text, end)
        and not _names_a_term(text, s, e)
    ):
        s = e = -1  # "a famine called “Holodomor”": a name given, nobody's term
    if s >= 0 and text[s:e].lower() in _NOBODY:
        s = e = -1  # "Nobody used the term “collapse”": no speaker
    # (at ``before``: "…, Shavkat Mirziyoyev, likes to say" has its apposition before "likes")
    if s < 0 and lang != "ru" and _COMMA_BEFORE_RE.search(text, max(0, before - 4), before):
        s, e = named_apposition(text, before)  # "the home secretary, Yvette Cooper, told MPs"
    if s < 0 and lang != "ru" and char_before(text, before) == ",":
        # "Marta Kos, the EU's enlargement commissioner, told POLITICO": the subject opens
        # the sentence before an apposition; what follows "told" is the addressee
        s, e = apposition_subject(text, before, stop, back_skip)
    if s < 0 and lang == "ru" and after_participle(text, before):
        s, e = before_apposition(text, start, stop, back_skip)  # "Песков, комментируя …,"
    if (
        s < 0
        and not cue_text.endswith("ing")
        and not cue_text.startswith("tell")
        and cue_text != "told"
        and (lang == "ru" or (_inverted(text, start) and " " not in cue_text))
        and not _SHARED_RE.search(text, max(0, start - 30), start)  # "но считает ОДКБ …"
    ):  # ", citing the alliance's …": a participle's subject is before it, never after
        s, e = _inverted_speaker(text, start, end, cue_text, lang, plural, governed)
    if s < 0 and not cue_text.endswith("ing"):  # "Ташиев, подписавший …, не раз повторял"
        s, e = before_apposition(text, before, stop, back_skip)
    if s > 0 and lang != "ru":  # "Hovhannes Igityan, of the opposition Alliance, said"
        s, e = named_before_firm(text, s, stop, back_skip) or (s, e)
    if s >= 0 and lang != "ru":
        contact = _CONTACT_RE.match(text, s, e)
        if (
            contact
            and not any(w in ROLES for w in contact.group(1).split())
            and all(w[:1].isupper() for w in text[contact.end() : e].split())
        ):  # "a move Tehran has called ‘legally void’": Tehran; not "a senior Russian diplomat"
            s = contact.end()
    return s, e


def _described_after(text: str, start: int, s: int, cue_text: str) -> bool:
    """Whether a verb of saying right after a quote has a description after it, with its
    own "for", "of" or "to": “…,” said a spokesman for the ministry (not "X, …, said a
    recommendation to move away …", whose speaker is before the verb)."""
    return (
        cue_text in _SAYING
        and _A_ONE_RE.match(text, s) is not None
        and _AFTER_QUOTE_RE.search(text, max(0, start - 4), start) is not None
    )


def _inverted_speaker(text, start, end, cue_text, lang, plural, governed) -> tuple[int, int]:
    """The speaker after a cue that may have its subject after it ("“…,” said Lavrov",
    "Как пишет «FT»"), or (-1, -1): an object after the verb is no speaker."""
    # "Как пишет «FT», …": the outlet speaks; not after a comma ("X, …, рассказал «Ъ», что")
    told = _COMMA_BEFORE_RE.search(text, max(0, start - 4), start) is not None
    s, e = speaker_after(text, end, lang, plural, outlet_speaks=not told)
    if (
        s >= 0
        and lang == "ru"
        and (governed or not _INVERTED_RU_RE.search(text, max(0, start - 6), start))
        and not person_like(text[s:e])
        and not ABOUT_THIS_RE.search(text, max(0, start - ABOUT_REACH), start)
    ):  # ("Об этом изданию рассказали сотрудники банков": the subject after the verb)
        s = e = -1  # "Сийярто при этом исключил разрыв": the object follows, not a speaker
    if (
        s >= 0
        and lang != "ru"
        and (
            (_OBJECT_AFTER_RE.match(text, e) and not _described_after(text, start, s, cue_text))
            or cue_text.startswith(_NEVER_INVERTED)
        )
    ):  # ", urged the government to cut …", ", rejected the idea that …": an object
        s = e = -1
    if (
        lang == "ru"
        and s >= 0
        and not any(w[:1].isupper() for w in text[s:e].split())
        and not any(w.startswith(RU_ROLES) for w in re.split(r"[-\s]", text[s:e].lower()))
        and _COMMA_BEFORE_RE.search(text, max(0, start - 4), start)
        and text[s:e].split()[0].lower() not in PRONOUNS
    ):  # "Источник, близкий к …, отрицает кризис": the object follows, the speaker is before
        subject = before_apposition(text, start, RU_STOP, _RU_BACK_SKIP)
        s, e = subject if subject[0] >= 0 else (s, e)
    return s, e


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of the sorted, disjoint ``spans``."""
    k = bisect_right(spans, (offset, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


class CueList:
    """The attribution cues of one text, each worked out when it is first asked for.

    A sequence of :class:`Cue` (``len``, indexing, iteration), equal to what
    :func:`find_cues` returns, and that list. Which words are cues, and where they start and
    end, is found at once (``starts``, ``ends``); a cue's speaker (the costly part) only when
    the cue is read, so a caller that reads only the cues near some offsets pays only for
    those. A participle ("adding", "saying") is a cue only when no noun phrase is right
    before it, so its speaker is looked for at once. Nothing is kept beyond the object.

    Examples
    --------
    >>> cues = CueList("Lavrov said so. Then Pashinyan told reporters it was over.", "en")
    >>> len(cues), cues.starts, cues[1].speaker
    (2, [7, 31], 'Pashinyan')
    """

    def __init__(self, text: str, lang: str, skip=(), endpos: int | None = None):
        self.text, self.lang, self.skip = text, lang, list(skip)
        self.starts: list[int] = []
        self.ends: list[int] = []
        # per cue: the finished Cue, or (match, cue text, kind) to finish when asked for
        self._items: list = []
        self._find(len(text) if endpos is None else endpos)

    def _find(self, endpos: int) -> None:
        """Which matches of the cue pattern are cues (the rules of :func:`find_cues`)."""
        text, lang, skip = self.text, self.lang, self.skip
        kinds = CUE_KINDS["ru" if lang == "ru" else "en"]
        k = 0
        for m in CUE_RE["ru" if lang == "ru" else "en"].finditer(text, 0, endpos):
            while k < len(skip) and skip[k][1] <= m.start():
                k += 1
            if (k < len(skip) and skip[k][0] <= m.start()) or (
                self.ends and m.start() < self.ends[-1]
            ):
                continue  # inside a quote, or the "saying" of "quoted X as saying"
            cue_text, kind = m.group(), kinds[m.group()]
            if look_alike(text, m.start(), m.end(), cue_text, lang):
                continue  # "the warnings", "added a dozen companies to …", "не исключил угрозы"
            if cue_text in ("quoted", "cited"):
                passive = lang != "ru" and _PASSIVE_RE.search(
                    text, max(0, m.start() - 12), m.start()
                )
                said = _PASSIVE_AS_RE.match(text, m.end()) if passive else None
                if said is not None:  # "He was quoted by Kyodo as saying": the subject speaks
                    # (its subject found as that of a "said" where "was" is)
                    found = _speaker_span(text, passive.start(), passive.start(), "said", SPEECH, lang, lambda i: _inside(skip, i))  # fmt: skip
                    s, e = found if found is not None else (-1, -1)
                    speaker = " ".join(text[s:e].split()) if s >= 0 else ""
                    self._add(Cue(m.start(), said.end(), "quoted … as saying", SPEECH, speaker, s, e, ""))  # fmt: skip
                    continue
                who = _QUOTED_AS_RE.match(text, m.end())
                if who is not None:  # "cited figures": not a cue
                    s, e = who.span(1)
                    clause = _RELATIVE_COMMA_RE.search(text, s, e)
                    e = (
                        clause.start() if clause else e
                    )  # "an oil analyst, whom he would not identify,"
                    self._add(Cue(m.start(), who.end(), "quoted … as saying", SPEECH, text[s:e], s, e, ""))  # fmt: skip
                continue
            after = _CALLED_RE.match(text, m.end()) if cue_text.startswith("call") else None
            if after:
                cue_text, kind = text[m.start() : after.end()], SPEECH  # called for, on
            if m.group().endswith("ing") or cue_text == "reads":  # "a stark warning": a noun
                # when a phrase precedes; "the article reads": no cue (see _READ_OUT)
                cue = self._finish(len(self._items), m, cue_text, kind)
                if cue is not None:
                    self._add(cue)
                continue
            self._add((m, cue_text, kind), m.start(), m.end())

    def _add(self, item, start: int = -1, end: int = -1) -> None:
        if isinstance(item, Cue):
            start, end = item.start, item.end
        self._items.append(item)
        self.starts.append(start)
        self.ends.append(end)

    def _finish(self, k: int, m, cue_text: str, kind: str) -> Cue | None:
        """Cue ``k`` (the match ``m``) with its speaker, or None when the word is no cue."""
        text, lang, skip = self.text, self.lang, self.skip
        found = (-1, -1) if cue_text in RU_GERUNDS else _speaker_span(
            text, m.start(), m.end(), cue_text, kind, lang, lambda i: _inside(skip, i)
        )  # fmt: skip
        if found is None:
            return None
        s, e = found
        passive = lang != "ru" and _PASSIVE_RE.search(text, max(0, m.start() - 12), m.start())
        by = _BY_RE.match(text, m.end()) if passive else None
        if by:  # "This was stated by President Volodymyr Zelenskyy": the agent speaks
            s, e = words_after(text, by.end(), RU_STOP if lang == "ru" else EN_STOP, 12)
            ing = _ING_END_RE.search(text, s, e) if s >= 0 else None
            e = ing.start() if ing else e  # "… Andriy Yermak commenting on the talks"
            cue_text = text[m.start() : by.end()].rstrip()
        if s >= 0 and text[s:e].lower() in FIRST_PERSON and not tells_again(cue_text, kind):
            s = e = -1  # "then I call it a war", "I believe": the writer's own words
        # one space for a line break inside a wrapped phrase ("Savings and¶Loan Association")
        speaker = " ".join(text[s:e].split()) if s >= 0 else ""
        if cue_text == "reads" and (speaker.split() or [""])[-1].lower() not in _READ_OUT:
            return None  # "The message reads, in part: “…”"; not "the article reads"
        if lang == "ru" and speaker.lower() == "там":  # "Там сообщили", "…, уточнили там"
            before = self[k - 1] if k else None
            near = before and before.speaker and s - before.end < 300
            speaker = before.speaker if near else _place_before(text, s)  # the office before
        comma = _COMMA_BEFORE_RE.search(text, m.start() - 4, m.start()) is not None
        listed = lang == "ru" and kind == SPEECH and comma
        inherits = not speaker and (  # "…, заявил, что": one of its subject's predicates
            cue_text.lower().endswith("ing") or cue_text.startswith("calling ")
            or cue_text in RU_GERUNDS or listed
            or _SHARED_RE.search(text, max(0, m.start() - 30), m.start()) is not None
        )  # fmt: skip
        gender = verb_gender(cue_text, lang)
        return Cue(m.start(), m.end(), cue_text, kind, speaker, s, e, gender, inherits)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, k: int) -> Cue:
        item = self._items[k]
        if not isinstance(item, Cue):
            item = self._items[k] = self._finish(k % len(self._items), *item)
        return item

    def __iter__(self):
        return (self[k] for k in range(len(self._items)))


def find_cues(
    text: str, lang: str, skip: list[tuple[int, int]] = (), endpos: int | None = None
) -> list[Cue]:
    """Every attribution cue of ``text`` outside the ``skip`` spans (the quotes), in order.

    Parameters
    ----------
    text : str
        One article's text.
    lang : str
        ``"en"`` or ``"ru"``.
    skip : list of (start, end)
        Spans whose cues are not attributions (quoted speech), sorted.
    endpos : int, optional
        Look no further than this offset.

    Returns
    -------
    list of Cue
        :class:`CueList`, every cue worked out.

    Examples
    --------
    >>> [(c.cue, c.speaker) for c in find_cues("Russian Foreign Minister Sergei Lavrov said so.", "en")]
    [('said', 'Russian Foreign Minister Sergei Lavrov')]
    >>> [(c.cue, c.speaker, c.gender) for c in find_cues("», — заявила Мария Захарова.", "ru")]
    [('заявила', 'Мария Захарова', 'f')]
    """
    return list(CueList(text, lang, skip, endpos or None))
