"""Who a pronoun or a nominal anaphor stands for: the speakers of the cues, resolved.

**Pronouns** (he, she, they, it, him, her; он, она, они, его, её, их) and **nominal
anaphors** ("the minister", "the official", "the President"; "министр") resolve, in
:func:`resolve_speakers`, to the last named speaker before them that fits: *he*/*он* to one
not known to be a woman, *she*/*она* to one not known to be a man, *it* to an
organisation, "the minister" to the last speaker whose phrase has "minister" ("the
official" to the last whose phrase has a role noun: official, representative, spokesman,
minister …). *He* and *she* may also resolve to a person's name written in the narrative
since the last named speaker, preferring the subject of a sentence (a name at its start:
"Tigran Melkumov, a political scientist, put it bluntly. “…,” he said"; a title and a name,
"Prime Minister Nikol Pashinyan …"; a Russian surname before its verb, "Песков отказался …
— сказал он"); after a named speaker only such a subject counts, and an institution
("the European Community", "Caucasus Policy Lab") never does. A phrase's head is before
"of"/"for" ("Pavel Sokolin of the … Forum" is a person) and, in Russian, its first word
("Источник РБК" is a person). A resolved speaker becomes the most recent one.
Gender is taken only where it is written: Mr/Ms, spokesman/spokeswoman, a few common first
names, surname endings (Zakharova, Lavrov; Захарова, Лавров in the nominative) and the
Russian verb (заявила is a woman). A cue without a subject of its own (", adding that",
"and said") takes the speaker of the cue before it.
"""

from __future__ import annotations

import re

from .cues import (
    ACCORDING,
    EN_STOP,
    NAME_STOP,
    NAME_TITLES,
    OFFICES,
    PRONOUNS,
    ROLES,
    RU_CHIEFS,
    RU_ROLES,
    RU_STOP,
    gender_of,
)
from .phrases import word_back
from .speakers import Cue

__all__ = ["resolve_speakers"]

# a run of capitalized words (a title may lead it: "Prime Minister Nikol Pashinyan")
_NAME_RE = {
    "en": re.compile(
        r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){0,4}\b"
    ),
    "ru": re.compile(
        r"\b[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:[ \t]+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){0,2}\b"
    ),
}

_RU_PAST_RE = re.compile(r"\s+(?:не\s+)?[а-яё]+(?:л|ла|лся|лась)\b")  # "Песков отказался"

_SUBJECT_START_RE = re.compile(r"(?:^|[.!?…»\"”]\s+|\n\s*)$")

_NAME_REACH = 600  # how far back a pronoun looks for a person's name in the text

_LEADING = NAME_STOP | NAME_TITLES | EN_STOP  # words before a name in a capitalized run


def _anaphor(phrase: str, lang: str) -> str | None:
    """The head noun of a nominal anaphor ("the minister" → "minister"), else None."""
    words = phrase.split()
    if lang == "en" and len(words) == 2 and words[0].lower() == "the" and words[1].lower() in ROLES:
        return words[1].lower()  # "the President", "the Minister"
    if lang == "ru" and len(words) == 2 and words[1].isupper() and words[1].lower() in OFFICES:
        head = words[0].lower()  # "глава МИД", "представитель МИД": a role in an office
        return f"{head} {words[1].lower()}" if head.startswith(RU_ROLES) else None
    if not words or any(w[:1].isupper() for w in words[1 if lang == "en" else 0 :]):
        return None
    if lang == "en":
        if words[0].lower() != "the" or not 2 <= len(words) <= 3 or words[-1].lower() not in ROLES:
            return None  # "the foreign ministry" is a speaker of its own
        return words[-1].lower()
    head = words[0].lower()
    return head if len(words) <= 3 and head.startswith(RU_ROLES) else None


def _antecedent(named: list, want: str, head: str | None) -> str | None:
    """The last named speaker that fits a pronoun's gender or an anaphor's head noun."""
    for phrase, gender in reversed(named):
        if head is not None and " " in head:  # "глава МИД": a chief of that office
            role, office = head.split()
            low = phrase.lower()
            chief = role.startswith(RU_CHIEFS) and any(c in low for c in RU_CHIEFS)
            if (role[:6] in low or chief) and any(o in low for o in OFFICES[office]):
                return phrase
            continue
        if head is not None:
            low = phrase.lower()
            if head[:6] in low or (
                head in ("official", "чиновник") and any(r in low for r in ROLES)
            ):
                return phrase
            continue
        if want == "org":
            if gender == "org":
                return phrase
        elif gender != "org" and (not want or gender in ("", want)):
            return phrase
    return None


def _name_at(text: str, m, lang: str) -> str | None:
    """The person's name in a run of capitalized words, its leading title words left out;
    None when the run is no person's name (a place, an institution, a sentence's first word)."""
    words = m.group().split()
    if len(words) == 1:  # a Russian surname after a role noun or before its verb
        if lang != "ru" or words[0].lower() in RU_STOP:
            return None
        before = word_back(text, m.start())
        if not (before and text[before[0] : before[1]].lower().startswith(RU_ROLES)):
            if not _RU_PAST_RE.match(text, m.end()):
                return None  # "Песков отказался": a surname as the sentence's subject
            if gender_of(words[0], "", nominative=True) in ("", "org"):
                return None
        return words[0] if gender_of(words[0], "", nominative=True) != "org" else None
    lead = 0
    while lead < len(words) and words[lead].lower() in _LEADING:
        lead += 1
    name = " ".join(words[lead:])
    if not name or gender_of(name, "", nominative=True) == "org":
        return None
    if len(words) - lead >= 2 or any(w.lower() in NAME_TITLES for w in words[:lead]):
        return name  # "Nikol Pashinyan", "President Reagan"
    return None


def _last_name(text: str, lo: int, hi: int, lang: str, skip, named: list) -> tuple[str, str] | None:
    """The (name, gender) in ``text[lo:hi]`` outside ``skip`` that a pronoun refers to: the last
    sentence subject (a name at its start, or a ``named`` speaker's surname: "Avagyan was …"),
    else, when nobody is ``named`` yet, the last name (:func:`_name_at`); or None."""
    found = subject = None
    known = {p.split()[-1]: (p, g) for p, g in named if p[:1].isupper()}
    for m in _NAME_RE[lang].finditer(text, lo, hi):
        if any(a <= m.start() < b for a, b in skip):
            continue
        if m.group() in known:
            found = known[m.group()]
        elif (name := _name_at(text, m, lang)) is not None:
            found = (name, gender_of(name, "", nominative=True))
        else:
            continue
        if _SUBJECT_START_RE.search(text, max(0, m.start() - 3), m.start()):
            subject = found
    return subject if named else subject or found


def resolve_speakers(cues: list[Cue], lang: str, text: str = "", skip=()) -> list[str]:
    """The speaker of each cue with pronouns and anaphors resolved (see the module's notes).

    With the ``text``, *he*/*she*/*он*/*она* may also resolve to a person's name written
    (two or three capitalized words) after the last named speaker and before the pronoun,
    outside the ``skip`` spans (the quotes): "Tigran Melkumov, a political scientist, put
    it bluntly. “…,” he said".

    Examples
    --------
    >>> text = "Maria Zakharova said it was over. Sergei Lavrov said so too. She said no. The minister said yes."
    >>> from framing.voices.speakers import find_cues
    >>> resolve_speakers(find_cues(text, "en"), "en")
    ['Maria Zakharova', 'Sergei Lavrov', 'Maria Zakharova', 'The minister']
    """
    named: list[tuple[str, str]] = []
    out: list[str] = []
    last = 0  # where the last named speaker ends
    for k, cue in enumerate(cues):
        phrase = cue.speaker
        low = phrase.lower()
        if not phrase:
            near = k and cue.inherits and cue.start - cues[k - 1].end < 200
            out.append(out[-1] if near else "")
            continue
        head = None if low in PRONOUNS else _anaphor(phrase, lang)
        if low in PRONOUNS or head is not None:
            want = PRONOUNS.get(low, "")
            found = None
            if text and want in ("m", "f"):
                lo = max(last, cue.speaker_start - _NAME_REACH)
                name = _last_name(
                    text, lo, cue.speaker_start, "ru" if lang == "ru" else "en", skip, named
                )
                if name and name[1] in ("", want):
                    named.append(name)
                    found = name[0]
            if found is None:
                found = _antecedent(named, want, head)
            if found is not None:  # the one just referred to is the most recent mention
                named.append(
                    named.pop(
                        next(i for i in range(len(named) - 1, -1, -1) if named[i][0] == found)
                    )
                )
            out.append(found if found is not None else phrase)
            continue
        named.append((phrase, gender_of(phrase, cue.gender, nominative=cue.kind != ACCORDING)))
        last = max(last, cue.speaker_end, cue.end)
        out.append(phrase)
    return out
