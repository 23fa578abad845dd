"""Attribution cues and their speakers, in English and Russian (:func:`find_cues`).

A *cue* is the word (or words) that attributes speech or a term: said, told, added,
warned, according to, quoted … as saying; заявил, сказал, отметил, по словам; and the
term cues described … as, called, dubbed, so-called, назвал. Each cue found outside the
quotation marks of a text gets a *speaker*, the noun phrase as written:

* **before the cue** ("Russian Foreign Minister Sergei Lavrov said", "an unnamed CSTO
  representative told", "Он подчеркнул"): the words back to the start of the clause (a
  punctuation mark, a conjunction or preposition, a weekday or month), at most eight, with
  the adverbs just before the cue (also, has, reportedly, ранее, также) left out;
* else **after it** ("…,” said Lavrov", "», — заявил глава МИД Сергей Лавров", "Как
  заявил Лавров, …"): the words up to the next punctuation mark or preposition; Russian
  datives between the verb and its speaker ("заявил журналистам Песков") are skipped;
* for **according to / по словам** and **quoted X as saying**, the words after the cue.

**Pronouns** (he, she, they, it; он, она, они) and **nominal anaphors** ("the minister",
"the official"; "министр") resolve, in :func:`resolve_speakers`, to the last named speaker
before them that fits: *he*/*он* to one not known to be a woman, *she*/*она* to one not
known to be a man, *it* to an organisation, "the minister" to the last speaker whose phrase
has "minister". Gender is taken only where it is written: Mr/Ms, spokesman/spokeswoman,
a few common first names, Russian surname endings in Latin script (Zakharova, Lavrov) and
the Russian verb (заявила is a woman). A participle cue without a subject (", adding that")
takes the speaker of the cue before it in the same passage.

What it does not do: no parser and no coreference model, so a speaker separated from its
cue by a long appositive ("Lavrov, who arrived in Yerevan on Monday, said") is not found;
possessives and relative clauses are not followed ("his spokesman"); an anaphor with no
antecedent that fits stays as written; a cue verb in a non-speech sense ("the report said
nothing") is a cue.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Cue", "find_cues", "resolve_speakers", "SPEECH", "TERM", "ACCORDING"]

SPEECH, TERM, ACCORDING = "speech", "term", "according"

_EN_SPEECH = (
    "said says say told tells added adds noted notes warned warns stressed stresses insisted "
    "insists argued argues wrote writes tweeted tweets explained explains asked replied declared "
    "announced claimed claims stated continued recalled suggested admitted acknowledged "
    "emphasized emphasised underlined underscored commented remarked concluded urged vowed "
    "predicted cautioned complained posted reiterated accused believes reported confirmed "
    "denied threatened promised"
).split()
_EN_PARTICIPLES = "adding saying warning noting stressing insisting arguing telling".split()
_EN_TERM = "described describes describing dubbed labelled labeled termed branded".split()
_RU_PAST_STEMS = (
    "заяви сказа отмети подчеркну добави сообщи поясни указа призна замети написа напомни "
    "констатирова предупреди уточни подтверди ответи рассказа объясни обвини пообеща"
).split()
_RU_PRESENT = (
    "заявляет заявляют говорит говорят отмечает отмечают подчеркивает подчёркивает считает "
    "считают пишет сообщает сообщают полагает уверен уверена передает передаёт цитирует"
).split()
_RU_TERM = "назвал назвала назвали называет называют охарактеризовал охарактеризовала".split()

_WORD = r"[^\W\d_][\w'’.-]*"
_EN_CUE_RE = re.compile(
    r"\b(?P<according>according to)\b"
    rf"|\b(?P<quoted>quoted|cited)\s+(?P<who>(?:{_WORD}\s+){{0,7}}?{_WORD})\s+as\s+saying\b"
    r"|\b(?P<so>so-called)\b"
    r"|\b(?P<called>called|calls|calling)\b(?!\s+(?:for|on|off|up)\b)"
    rf"|\b(?P<term>{'|'.join(_EN_TERM)}|referred\s+to)\b"
    rf"|\b(?P<speech>{'|'.join(_EN_SPEECH + _EN_PARTICIPLES)}|pointed\s+out|called\s+(?:for|on))\b",
    re.IGNORECASE,
)
_RU_CUE_RE = re.compile(
    r"(?<!\w)(?P<according>по\s+словам|по\s+мнению|по\s+данным)(?!\w)"
    r"|(?<!\w)(?P<so>так\s+называем\w*)"
    rf"|(?<!\w)(?P<term>{'|'.join(_RU_TERM)})(?!\w)"
    rf"|(?<!\w)(?P<speech>(?:{'|'.join(_RU_PAST_STEMS)})л[аи]?|{'|'.join(_RU_PRESENT)})(?!\w)",
    re.IGNORECASE,
)
_TOKEN_RE = re.compile(r"\s*(" + _WORD + r"|\d[\w.]*)")

_EN_STOP = frozenset(
    "that which who whom whose and but or nor when while as in on at for with by from to after "
    "before during since because if this these those is was were are be been being has have had "
    "not also reportedly yesterday today tonight where than said says told adding saying "
    "later earlier then there however meanwhile speaking referring citing via what how why "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december last next week month year".split()
)
_EN_SKIP = frozenset(
    "also has had have reportedly later earlier then previously once recently further "
    "repeatedly publicly separately again had earlier just only".split()
)
_RU_STOP = frozenset(
    "что и а но как в во на по при также уже ранее еще ещё это который которая которые когда если "
    "вчера сегодня накануне же не тогда затем позже об о с со к за для из от до после ходе "
    "журналистам репортерам корреспонденту корреспондентам агентству изданию телеканалу газете "
    "понедельник вторник среду четверг пятницу субботу воскресенье".split()
)
_RU_SKIP = frozenset(
    "также ранее уже вчера сегодня накануне неоднократно публично тогда затем позже".split()
)
_RU_DATIVES = frozenset(
    "журналистам репортерам корреспонденту корреспондентам агентству изданию телеканалу газете "
    "радиостанции порталу".split()
)
_DETERMINERS = frozenset("the a an".split())

_PRONOUNS = {"he": "m", "she": "f", "they": "", "it": "org", "он": "m", "она": "f", "они": ""}
_FEMALE_WORDS = frozenset(
    "ms ms. mrs mrs. madam spokeswoman chairwoman woman maria anna olga elena yelena irina "
    "tatiana tatyana natalia natalya svetlana marina ekaterina yekaterina valentina lyudmila "
    "victoria ursula angela kaja kamala hillary nancy mary sarah theresa annalena liz "
    "мария анна ольга елена ирина татьяна наталья светлана марина екатерина валентина людмила".split()
)
_MALE_WORDS = frozenset("mr mr. spokesman chairman man".split())
_ORG_HEADS = frozenset(
    "agency ministry office service newspaper paper website outlet channel government committee "
    "statement kremlin tass interfax reuters ap afp azatutyun rbk ria council bloc organization "
    "organisation csto nato eu un department report media agency's "
    "агентство министерство ведомство издание пресс-служба мид кремль тасс интерфакс риа рбк "
    "правительство газета телеканал сайт".split()
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


def _words_after(text: str, pos: int, stop: frozenset, limit: int = 8) -> tuple[int, int]:
    """The run of words right after ``pos`` up to punctuation or a stop word: (start, end)."""
    start = end = -1
    for _ in range(limit):
        m = _TOKEN_RE.match(text, pos)
        if m is None or "\n" in text[pos : m.start(1)]:
            break
        word = m.group(1).rstrip(".")
        if word.lower() in stop:
            break
        if start < 0:
            start = m.start(1)
        end = m.start(1) + len(word)
        pos = m.end()
        if m.group(1).endswith(".") and len(word) > 1:
            break  # "said Lavrov." ends the phrase; "S. Lavrov" keeps going
    return start, end


_BACK_RE = re.compile(r"(" + _WORD + r"|\d[\w.]*)\s*$")


def _words_before(text: str, pos: int, stop: frozenset, skip: frozenset, limit: int = 8):
    """The run of words right before ``pos`` back to punctuation or a stop word: (start, end)."""
    start = end = -1
    skipping = True
    for _ in range(limit + 3):
        m = _BACK_RE.search(text, max(0, pos - 60), pos)
        if m is None or "\n" in text[m.end(1) : pos]:
            break
        word = m.group(1)
        low = word.lower()
        if skipping and low in skip:
            pos = m.start()
            continue
        skipping = False
        if low in stop or (
            word.endswith(".") and len(word) > 2 and low not in ("mr.", "ms.", "mrs.", "dr.")
        ):
            break
        if end < 0:
            end = m.end(1)
        start, pos = m.start(1), m.start()
        if low in _DETERMINERS:
            break
    return start, end


def _speaker_after(text: str, pos: int, lang: str) -> tuple[int, int]:
    if lang == "ru":
        for _ in range(2):  # "заявил журналистам (ТАСС) Песков": skip the addressee
            m = _TOKEN_RE.match(text, pos)
            if m is None or m.group(1).lower() not in _RU_DATIVES:
                break
            pos = m.end()
        return _words_after(text, pos, _RU_STOP)
    start, end = _words_after(text, pos, _EN_STOP)
    first = text[start:end].split(" ", 1)[0] if start >= 0 else ""
    if first and not (
        first[0].isupper() or first.lower() in _DETERMINERS or first.lower() in _PRONOUNS
    ):
        return -1, -1  # "said the bloc was …" is content, "warned of …" has no speaker after
    return start, end


def find_cues(text: str, lang: str, skip: list[tuple[int, int]] = ()) -> list[Cue]:
    """Every attribution cue of ``text`` outside the ``skip`` spans (the quotes), in order.

    Parameters
    ----------
    text : str
        One article's text.
    lang : str
        ``"en"`` or ``"ru"``.
    skip : list of (start, end)
        Spans whose cues are not attributions (quoted speech), sorted.

    Returns
    -------
    list of Cue

    Examples
    --------
    >>> [(c.cue, c.speaker) for c in find_cues("Russian Foreign Minister Sergei Lavrov said so.", "en")]
    [('said', 'Russian Foreign Minister Sergei Lavrov')]
    >>> [(c.cue, c.speaker, c.gender) for c in find_cues("», — заявила Мария Захарова.", "ru")]
    [('заявила', 'Мария Захарова', 'f')]
    """
    pattern = _RU_CUE_RE if lang == "ru" else _EN_CUE_RE
    stop, back_skip = (_RU_STOP, _RU_SKIP) if lang == "ru" else (_EN_STOP, _EN_SKIP)
    cues: list[Cue] = []
    k = 0
    for m in pattern.finditer(text):
        while k < len(skip) and skip[k][1] <= m.start():
            k += 1
        if k < len(skip) and skip[k][0] <= m.start():
            continue
        group = m.lastgroup
        cue_text = m.group(group if group != "who" else "quoted")
        if group == "who":  # quoted X as saying
            s, e = m.start("who"), m.end("who")
            cues.append(Cue(m.start(), m.end(), "quoted … as saying", SPEECH, text[s:e], s, e, ""))
            continue
        kind = {"according": ACCORDING, "so": TERM, "called": TERM, "term": TERM}.get(group, SPEECH)
        if kind == ACCORDING:
            s, e = (
                _speaker_after(text, m.end(), lang)
                if lang == "ru"
                else _words_after(text, m.end(), stop)
            )
        elif group == "so":
            s = e = -1
        else:
            s, e = _words_before(text, m.start(), stop, back_skip)
            if s < 0:
                s, e = _speaker_after(text, m.end(), lang)
        gender = ""
        if lang == "ru":
            word = cue_text.lower()
            gender = (
                "f"
                if word.endswith(("ла", "уверена"))
                else "m"
                if word.endswith(("л", "уверен"))
                else ""
            )
        speaker = text[s:e] if s >= 0 else ""
        cues.append(Cue(m.start(), m.end(), cue_text, kind, speaker, s, e, gender))
    return cues


def _gender(phrase: str, gender: str) -> str:
    """ "m", "f", "org" or "" for a named speaker's phrase, as far as it is written."""
    words = phrase.lower().replace("’", "'").split()
    if not words:
        return ""
    head = words[-1].removesuffix("'s")
    if head in _ORG_HEADS:
        return "org"
    if gender:
        return gender
    if any(w in _FEMALE_WORDS for w in words):
        return "f"
    if any(w in _MALE_WORDS for w in words):
        return "m"
    if head.isascii() and head.isalpha() and phrase.split()[-1][:1].isupper():
        if head.endswith(("ova", "eva", "ina", "aya", "yova")):
            return "f"
        if head.endswith(("ov", "ev", "in", "sky", "skiy", "ovich", "yev")):
            return "m"
    return ""


def _anaphor(phrase: str, lang: str) -> str | None:
    """The head noun of a nominal anaphor ("the minister" → "minister"), else None."""
    words = phrase.split()
    if not words or any(w[:1].isupper() for w in words[1 if lang == "en" else 0 :]):
        return None
    if lang == "en":
        if words[0].lower() != "the" or not 2 <= len(words) <= 3:
            return None
        return words[-1].lower()
    return words[0].lower() if len(words) <= 3 else None


def _antecedent(named: list, want: str, head: str | None) -> str | None:
    """The last named speaker that fits a pronoun's gender or an anaphor's head noun."""
    for phrase, gender in reversed(named):
        if head is not None:
            if head[:6] in phrase.lower():
                return phrase
            continue
        if want == "org":
            if gender == "org":
                return phrase
        elif gender != "org" and (not want or gender in ("", want)):
            return phrase
    return None


def resolve_speakers(cues: list[Cue], lang: str) -> list[str]:
    """The speaker of each cue with pronouns and anaphors resolved (see the module's notes).

    Examples
    --------
    >>> text = "Maria Zakharova said it was over. Sergei Lavrov said so too. She said no. The minister said yes."
    >>> resolve_speakers(find_cues(text, "en"), "en")
    ['Maria Zakharova', 'Sergei Lavrov', 'Maria Zakharova', 'The minister']
    """
    named: list[tuple[str, str]] = []
    out: list[str] = []
    for k, cue in enumerate(cues):
        phrase = cue.speaker
        low = phrase.lower()
        if not phrase:
            near = k and cue.start - cues[k - 1].end < 200 and cue.cue.lower().endswith("ing")
            out.append(out[-1] if near else "")
            continue
        head = None if low in _PRONOUNS else _anaphor(phrase, lang)
        if low in _PRONOUNS or head is not None:
            found = _antecedent(named, _PRONOUNS.get(low, ""), head)
            out.append(found if found is not None else phrase)
            continue
        named.append((phrase, _gender(phrase, cue.gender)))
        out.append(phrase)
    return out
