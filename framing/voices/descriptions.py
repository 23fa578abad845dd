"""What a nominal anaphor is: its head noun, and the details a fitting title must have.

"the minister" → ``"minister"``, "the Head of State" → ``"president"``, "the Armenian FM"
and "the Head of the Armenian diplomacy" → ``"fm"``, "the 69-year-old" → ``"person"``;
"глава МИД" → ``"глава мид"``; a person's noun too ("The tycoon" → ``"tycoon"``).
:mod:`framing.voices.anaphora` resolves them to the last named speaker whose title fits
(:func:`fitting`: the head, and the details: "the former culture minister" needs "culture",
"the Russian leader" a Russian title); a description that no title fits but that has words
of its own re-describes the person just named (:func:`redescribed`: "Markus Ritter … the
German police officer").

Examples
--------
>>> anaphor_head("the top Russian diplomat", "en"), anaphor_detail("the top Russian diplomat", "diplomat")
('diplomat', ('russ',))
>>> anaphor_head("the Head of the Armenian diplomacy", "en")
'fm'
>>> anaphor_head("Minister Mirzoyan", "en") is None
True
"""

from __future__ import annotations

import re

from .cues import (
    NAME_TITLES,
    OFFICES,
    ORG_ANAPHORS,
    ROLES,
    RU_CHIEFS,
    RU_ROLES,
    TITLE_LINKS,
    gender_of,
)
from .names import NAME_RE, NATIONALITY_RE, ROLES_ALL, name_at, ru_country
from .phrases import DETERMINERS
from .russian import description_head

# the words of an office in an English anaphor: "the Head of the Office of the President"
_OFFICE_WORDS = frozenset(
    "of the office president's presidential state affairs ministry government council "
    "security national "
    "foreign defence defense staff administration".split()
)
# a party's member described by the party's initials (German and other news)
_PARTY_MAN_RE = re.compile(r"the\s+[A-Z]{2,5}\s+(?:politician|leader|chief|co-leader|veteran)")
_AGE_RE = re.compile(r"the\s+\d{1,3}-year-old", re.IGNORECASE)
_DIPLOMACY_HEAD_RE = re.compile(
    r"the\s+(?:head|chief)\s+of\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?"
    r"(?:diplomacy|foreign\s+ministry|foreign\s+office|MFA)",
    re.IGNORECASE,
)
# nouns for a person that are no office: a description that re-describes someone named
# ("Ruben Harutyunyan … The tycoon insists"; "the businessman-turned-politician")
PERSON_NOUNS = frozenset(
    "tycoon businessman businesswoman billionaire oligarch banker entrepreneur investor "
    "executive founder general colonel soldier veteran journalist reporter correspondent "
    "writer author historian scholar academic teacher schoolteacher student pensioner widow "
    "mother father priest archbishop patriarch farmer resident refugee judge prosecutor "
    "candidate campaigner dissident blogger commentator columnist strategist adviser advisor "
    "mediator chairman chairwoman speaker".split()
)
# the nationalities a title may give, to tell a description of another country's person
_NATIONS = ("russia", "armenia", "azerbaija", "georgia", "ukrain", "turk", "iran", "america",
            "u.s.", "german", "french", "france", "brit", "china", "chinese", "kazakh", "belarus",
            "polish", "poland", "european", "eu ")  # fmt: skip
# words that describe a person without naming an office a title would give
DESCRIPTIVE = frozenset(
    "veteran seasoned longtime long-time long-serving experienced embattled outspoken "
    "soft-spoken combative cautious influential powerful young elderly retired bearded "
    "silver-haired grey-haired normally usually famously notoriously".split()
)
_CYRILLIC_RE = re.compile("[а-яё]", re.IGNORECASE)
_NOT_DETAILS = TITLE_LINKS | {"prime", "top"}  # "the top Russian diplomat": its minister
_HEADS_OF_STATE = frozenset(("the head of state", "глава государства", "главы государства"))
_HEADS_OF_GOVERNMENT = frozenset(("the head of government", "the head of the government"))
# where a country's name does not begin with the first four letters of its nationality
# (None: no check, "the American envoy" may be a "U.S. Ambassador")
_COUNTRY_STEMS = {"polish": "pol", "finnish": "fin", "french": "fran", "dutch": "netherl",
                  "danish": "den", "swedish": "swe", "spanish": "spa", "swiss": "switz",
                  "irish": "irel", "welsh": "wal", "scottish": "scot", "american": None,
                  "kremlin": None}  # fmt: skip


# a country's stem and the abbreviations titles write it with ("российского": "МИД РФ")
_ALIASES = {"рос": ("рос", "рф"), "аме": ("аме", "сша")}
_LEADERS = ("president", "prime", "premier", "chancellor", "leader", "президент", "премьер",
            "глава государства", "лидер", "канцлер")  # fmt: skip
# the institutions whose names begin as a role does ("minist…", "presid…")
_INSTITUTIONS = ("ministry", "ministries", "presidency", "presidential", "diplomacy",
                 "министерств", "дипломати")  # fmt: skip
_EXPERTS = ("analyst", "expert", "political scientist", "researcher", "scholar", "professor",
            "политолог", "эксперт", "аналитик")  # fmt: skip
_DIPLOMATS = ("diplomat", "ambassador", "envoy", "spokes", "foreign", "посол", "посл", "мид",
              "дипломат", "представител")  # fmt: skip
# what a generic anaphor may stand for: "the official" any role, "the diplomat" any envoy
_KIN = {"official": ROLES_ALL, "чиновник": ROLES_ALL, "diplomat": _DIPLOMATS,
        "дипломат": _DIPLOMATS, "leader": _LEADERS, "лидер": _LEADERS,
        "собеседник": ("источник", "собеседник"),  # "Источник … — сказал собеседник агентства"
        "депутат": ("депутат", "фракци", "парламент", "госдум", "сенатор"),  # a faction's secretary
        "lawmaker": ("lawmaker", "legislator", "parliament", "senator", "deputy", " mp "),
        "envoy": ("envoy", "representative", "ambassador", "emissary", "negotiator"),
        "expert": _EXPERTS, "analyst": _EXPERTS, "эксперт": _EXPERTS, "политолог": _EXPERTS,
        "fm": ("foreign minister", "minister of foreign affairs", "foreign affairs minister"),
        "премьер": ("премьер", "prime minister", "глава правительства"),
        "premier": ("premier", "prime minister", "премьер", "глава правительства"),
        "министр": ("министр", "коллег", *(f"глав{e} {o}" for e in ("а", "ы", "е", "ой", "у")
                                          for o in ("мид", "минобороны", "министерства"))),
        "president": ("president", "президент", "head of state", "глава государства")}  # fmt: skip


def anaphor_head(phrase: str, lang: str) -> str | None:
    """The head noun of a nominal anaphor ("the minister" → "minister"), else None."""
    words = phrase.split()
    if phrase.lower() in _HEADS_OF_STATE:
        return "president"  # "the Head of State", "глава государства"
    if (
        lang == "en"
        and len(words) == 5
        and words[0].lower() == "the"
        and NATIONALITY_RE.fullmatch(words[1])
        and " ".join(words[2:]).lower() == "head of state"
    ):
        return "president"  # "the Ukrainian Head of State": the nationality is a detail
    if lang == "en" and phrase.lower() in _HEADS_OF_GOVERNMENT:
        return "premier"  # translated copy's prime minister
    if lang == "en" and len(words) == 2 and words[0].lower() == "the" and words[1] in ("MP", "MEP"):
        return "lawmaker"  # "The MP stressed"
    if lang == "en" and len(words) == 2 and words[0].lower() == "the" and words[1].lower() in ROLES:
        return words[1].lower()  # "the President", "the Minister"
    if lang == "en" and len(words) == 4 and words[0].lower() == "the" and words[2] == "of":
        if words[1].lower() in ROLES and words[3][:1].isupper():
            return words[1].lower()  # "the President of Russia": the country is a detail
    if lang == "en" and _AGE_RE.fullmatch(phrase):
        return "person"  # "the 69-year-old": the last person named
    if lang == "en" and _PARTY_MAN_RE.fullmatch(phrase):
        return "person"  # "the CDU politician", "the SPD leader": the last person named
    if lang == "en" and phrase.lower() in ("the secretary general", "the secretary-general"):
        return "secretary"
    if lang == "en" and _DIPLOMACY_HEAD_RE.fullmatch(phrase):
        return "fm"  # "the Head of the Armenian diplomacy": translated copy's foreign minister
    if (
        lang == "en"
        and 2 <= len(words) <= 3
        and words[0].lower() == "the"
        and words[-1] == "FM"
        and (len(words) == 2 or NATIONALITY_RE.fullmatch(words[1]))
    ):
        return "fm"  # "the Armenian FM": the wires' foreign minister
    if lang == "ru" and len(words) == 3 and words[2].isupper() and words[2].lower() in OFFICES:
        words = [words[0], words[2]]  # "глава турецкого МИД": the nationality is a detail
    if lang == "ru" and len(words) in (2, 3) and words[1].isupper() and words[1].lower() in OFFICES:
        head = words[0].lower()  # "глава МИД", "представитель МИД Армении": a role in an office
        return f"{head} {words[1].lower()}" if head.startswith((*RU_ROLES, "зам")) else None
    if lang == "ru":
        return description_head(phrase.lower(), words)
    if lang == "en" and 4 <= len(words) <= 9 and words[0].lower() == "the":
        lows = [w.lower().replace("’", "'") for w in words[1:]]
        if all(w in _OFFICE_WORDS or w in NAME_TITLES or w in ROLES for w in lows):
            heads = [w for w in lows if w in ROLES]  # "the Head of the President's Office"
            if heads:
                return heads[0]
    if (
        lang == "en"
        and 3 <= len(words) <= 5
        and words[0].lower() == "the"
        and words[-1].lower() in ROLES
        and all(
            w.lower() in NAME_TITLES or w.lower() in ROLES or NATIONALITY_RE.fullmatch(w)
            for w in words[1:]
        )
    ):  # "the Prime Minister", "the Deputy Prime Minister", "the Armenian prime minister"
        return "premier" if words[-2].lower() == "prime" else words[-1].lower()
    if (
        lang == "en"
        and 3 <= len(words) <= 5
        and words[0].lower() == "the"
        and _noun(words[-1])
        and all((w.isalpha() and w.islower()) or NATIONALITY_RE.fullmatch(w) for w in words[1:-1])
    ):  # "the former culture minister", "the veteran diplomat", "the German police officer"
        return _noun(words[-1])
    if not words or any(w[:1].isupper() for w in words[1:]):
        return None
    if words[0].lower() != "the" or not 2 <= len(words) <= 3 or not _noun(words[-1]):
        return None  # "the foreign ministry" is a speaker of its own
    return _noun(words[-1])


def _noun(word: str) -> str | None:
    """A role or a person's noun, lower-cased ("the tycoon", the last of
    "businessman-turned-politician"), else None."""
    low = word.lower().rsplit("-turned-", 1)[-1]
    return low if low in ROLES or low in PERSON_NOUNS else None


def described(phrase: str) -> bool:
    """Whether an English speaker's phrase is a description, not a name: it opens with an
    article ("The tycoon", "A Russian Foreign Ministry official")."""
    first = phrase.split(None, 1)[0].lower() if phrase.strip() else ""
    return first in DETERMINERS


def redescribed(
    named: list, titles: dict, phrase: str, gender: str = "", clash=lambda title: False
) -> str | None:
    """The person an English description that fits no title re-describes: the last person
    named ("The mission's chief, Markus Ritter, … “…,” the German police officer said"), of
    the description's gender, unless the title written with them names another country
    than the description ("the Russian diplomat" is not Armenia's minister) or ``clash``es
    with it ("the former culture minister" is not a former defence minister); else None.

    Examples
    --------
    >>> named = [("Moscow", "org"), ("Markus Ritter", "m")]
    >>> redescribed(named, {"Markus Ritter": "the mission's chief markus ritter"}, "the German police officer")
    'Markus Ritter'
    >>> redescribed(named, {"Markus Ritter": "armenian envoy markus ritter"}, "the Russian envoy") is None
    True
    """
    countries = [w.lower()[:4] for w in phrase.split()[1:-1] if NATIONALITY_RE.fullmatch(w)]
    for name, sex in reversed(named):
        words = name.split()
        if (
            sex == "org"
            or described(name)
            or _CYRILLIC_RE.search(name)
            or not words[-1][:1].isupper()  # "EU diplomats"; not "opposition MP Levon …"
            or (len(words) == 1 and sex == "")  # "Critics", "Rosselkhoznadzor"
        ):
            continue
        if gender and sex not in ("", gender):
            return None
        title = titles.get(name, name.lower())
        if countries and not any(c in title for c in countries):
            if any(n in title for n in _NATIONS):  # another country's
                return None
        return None if clash(title) else name
    return None


def anaphor_detail(phrase: str, head: str | None) -> tuple:
    """The words of an English anaphor besides "the" and its head ("the former culture
    minister": former, culture) that a fitting title should also have, and the country of
    its nationality ("the Russian leader": "russ", as in "Russian President Vladimir Putin"
    and "President of Russia")."""
    words = phrase.split()
    if phrase.lower() in _HEADS_OF_STATE or phrase.lower() in _HEADS_OF_GOVERNMENT:
        return ()  # "the head of state": a president's other name, no words of its own
    if head is not None and words and not words[0].isascii():  # "армянского министра"
        return tuple(stem for w in words if (stem := ru_country(w.lower())))
    if head is None or len(words) < 3 or words[0].lower() != "the":
        return ()  # written in lower case: not "Deputy" (titles say it otherwise)
    if head == "fm" and _DIPLOMACY_HEAD_RE.fullmatch(phrase):  # only its nationality
        words = ["the", *(w for w in words if NATIONALITY_RE.fullmatch(w)), "diplomacy"]
    if len(words) == 4 and words[2] == "of" and words[3].lower() not in _OFFICE_WORDS:
        return (words[3][:4].lower(),)  # "the President of Russia": not "President of France"
    lower = tuple(w for w in words[1:-1] if w.isalpha() and w.islower() and w not in _NOT_DETAILS)
    countries = tuple(
        _COUNTRY_STEMS.get(w.lower(), w[:4].lower())
        for w in words[1:-1]
        if NATIONALITY_RE.fullmatch(w) and _COUNTRY_STEMS.get(w.lower(), "") is not None
    )
    return lower + countries


# a role that serves another, with the one it serves: "пресс-секретарь премьера" is not the
# premier (in Russian only: English titles name the one served in too many ways to tell)
_SERVED_RE = re.compile(
    r"((?:пресс-секретар|помощник|советник|представител)[\w-]*)\s+"
    r"(?:премьер-министр|президент|премьер|министр|канцлер)[\w-]*",
    re.IGNORECASE,
)


def fits(head: str, title: str) -> bool:
    """Whether an anaphor's head noun ("minister", "diplomat") fits a named speaker, given
    the words of the speaker's phrase and of the title written just before it (``title``).
    An institution is no person: "the Ministry of Defense" does not fit "the Minister"; a
    role that serves another is not that other ("пресс-секретарь премьера")."""
    title = _SERVED_RE.sub(r"\1", title)
    if len(head) > 3 and _has(title, head[:6]):
        return True
    return any(_has(title, kin) for kin in _KIN.get(head, ()))


def _has(title: str, word: str) -> bool:
    """Whether ``word`` is in ``title`` other than as the start of an institution's name
    ("minist" in "minister", not in "ministry"; "дипломат" not in "дипломатии")."""
    at = title.find(word)
    while at >= 0:
        if not title.startswith(_INSTITUTIONS, at):
            return True
        at = title.find(word, at + 1)
    return False


def fitting(head: str, title: str, detail: tuple) -> bool:
    """Whether a title fits an anaphor's head noun and its other words (``detail``); a head
    of two words is a chief of an office ("глава МИД": the title "глава МИД Армении Арарат
    Мирзоян", or, with a nationality, a counterpart: "с турецким коллегой Хаканом Фиданом …
    глава турецкого МИД")."""
    if not all(any(a in title for a in _ALIASES.get(d, (d,))) for d in detail):
        return False
    if detail and ("коллег" in title or "counterpart" in title):
        return True  # "his Armenian counterpart Ararat Mirzoyan … The Armenian diplomat"
    if " " not in head:
        return fits(head, title)
    role, office = head.split()
    chief = role.startswith(RU_CHIEFS) and any(c in title for c in RU_CHIEFS)
    if role.startswith("зам"):  # "замглавы МИД": "заместитель министра иностранных дел"
        chief = any(z in title for z in ("зам", "заместител"))
    if role.startswith("генсек"):  # "генсек ОДКБ": "Генеральный секретарь ОДКБ"
        chief = "генеральн" in title and "секретар" in title
    return (role[:6] in title or chief) and any(o in title for o in OFFICES[office])


#: anaphors that pick one of the two persons just named
LATTER_FORMER = ("the latter", "the former")
_THE_ROLE_RE = re.compile(r"\b[Tt]he[ \t]+[a-z][\w-]+\b")


def one_of_two(
    text: str, at: int, lang: str, skip, named: list, which: str, role=None
) -> str | None:
    """The person "the latter" (``which``) stands for, the last named in the 400
    characters before ``at``, or "the former", the one named before that; a speaker in
    ``named`` is known by the surname too, and a description ("the minister") is the one
    ``role(head)`` gives; None when there are not enough.

    >>> text = "Zakharova was answered by Hikmet Hajiyev. The latter"
    >>> one_of_two(text, 42, "en", (), [("Maria Zakharova", "f")], "the latter")
    'Hikmet Hajiyev'
    >>> one_of_two(text, 42, "en", (), [("Maria Zakharova", "f")], "the former")
    'Maria Zakharova'
    """
    known = {}
    for phrase, gender in named:
        if phrase[:1].isupper() and gender != "org":
            known[phrase] = known[phrase.split()[-1]] = phrase
    mentions = []
    for m in NAME_RE[lang].finditer(text, max(0, at - 400), at):
        words = m.group().split()
        name = known.get(m.group()) or known.get(words[-1])
        if name is None:  # a person's name, an addressee's too ("answered by Hikmet Hajiyev")
            name = name_at(text, m, lang, True) or (" ".join(words[-2:]) if words[1:] else None)
            name = name if name and gender_of(name, "", nominative=True) in ("m", "f") else None
        mentions.append((m.start(), name))
    for m in _THE_ROLE_RE.finditer(text, max(0, at - 400), at) if role is not None else ():
        head = anaphor_head(m.group(), lang)  # "then accused the minister of …"
        mentions.append((m.start(), role(head) if head is not None else None))
    people: list[str] = []
    for start, name in sorted(mentions):
        if name and not any(a <= start < b for a, b in skip):
            people = [p for p in people if p != name] + [name]
    wanted = 1 if which == "the latter" else 2
    return people[-wanted] if len(people) >= wanted else None


def org_anaphor(low: str) -> bool:
    """Whether a lower-cased phrase stands for the last organisation that spoke: "the
    company", "ведомства", and with adjectives, "внешнеполитического ведомства"."""
    if low in ORG_ANAPHORS:
        return True
    words = low.split()
    return (
        1 < len(words) <= 3
        and words[-1] in ORG_ANAPHORS
        and all(w.endswith(("ого", "его", "ой", "ее", "ое")) for w in words[:-1])
    )


# the capitalized phrase that opens a sentence, or a document: "Georgia's Foreign Ministry
# summoned …", "The document, a two-page memo, …"
_BODY_OPENS_RE = re.compile(
    r"(?:The[ \t]+)?(?:[A-Z][\w'’.-]*[ \t]+){0,4}?(?:[A-Z][\w.-]*|document|report|statement|"
    r"memo|study|letter|ministry|government|company|bank)"
    # then a comma or a verb: not "The San Jose winery", "Total U.S domestic usage"
    r"(?=[ \t]*,|[ \t]+(?:has|have|had|is|was|were|are|will|would|can|could|also|[a-z]+ed|[a-z]+s)\b)"
)
_OPENERS = frozenset(
    "On In At For With After Before Since As If When While Although Though But And However "
    "Also Meanwhile Still Yet So Then Now This That These Those It There Here Nor Further "
    "Furthermore Moreover A An Its Their His Her Our Barring Despite Under Over".split()
)
_BODY_NOUNS = frozenset(
    "document report statement memo study letter ministry government company bank".split()
)
# a sentence's start: after a full stop that ends no initial ("the U.S. Supreme Court"), or a
# paragraph's (not a hard-wrapped line's: "Dynamics Corp of\nAmerica")
_SENTENCE_BEFORE_RE = re.compile(
    r"(?:^|(?<![A-Z])[.!?…][\"'”’»]?\s+|\n[ \t]*\n[ \t]*|\n[ \t]+)(?=[A-Z])"
)


def body_subject(text: str, at: int) -> str | None:
    """The body or document that opens the sentence of ``at`` and that "it" there stands for
    ("Georgia's Foreign Ministry summoned … over what it called “…”"); None for a person.

    >>> body_subject("The document, a memo, lists what it calls", 33)
    'The document'
    """
    starts = [m.end() for m in _SENTENCE_BEFORE_RE.finditer(text, max(0, at - 400), at)]
    if not starts:
        return None
    m = _BODY_OPENS_RE.match(text, starts[-1], at)
    if m is None or gender_of(m.group(), "", nominative=True) in ("m", "f"):
        return None
    words = m.group().split()
    if words[0] in _OPENERS or len(words) < 2:
        return None  # "On collateral security, it said", "Nor …", a dateline's "MOSCOW,"
    if words[0] == "The" and words[1][:1].islower() and words[1] not in _BODY_NOUNS:
        return None  # "The sources said …": no body
    if words[0] != "The" and sum(w[:1].isupper() for w in words) < 2:
        return None  # "A Greek-based …": one capital is no name of a body
    if any(w.lower() in ROLES_ALL for w in words):
        return None  # a person: "President Reagan", "Lawyer F. Lee Bailey"
    return m.group()


def delayed_title(named: list, titles: dict) -> str:
    """The title of the speaker just named: as written, or, when the name comes without one
    right after a person described without a name, that description (the wires' delayed
    identification: "Armenia's foreign minister said …. “…,” Ararat Mirzoyan told
    reporters. … The minister denied …")."""
    (phrase, gender), title = named[-1], titles[named[-1][0]]
    if len(named) < 2 or title != phrase.lower() or not NAME_RE["en"].fullmatch(phrase):
        return title
    before, before_gender = named[-2]
    words = before.split()
    if (
        before.isascii()
        and words[-1] in ROLES_ALL
        and before_gender in ("", gender)
        and not any(w[:1].isupper() for w in words[1:])
        and not not_one_person(before)
    ):
        return f"{titles.get(before, before.lower())} {title}"
    return title


def not_one_person(phrase: str) -> bool:
    """Whether an English speaker written in lower case is no single person: one bare word
    ("opposition") or a plural ("senior officials")."""
    if not phrase.isascii() or not phrase[:1].islower():
        return False
    if phrase.startswith("the ") and anaphor_head(phrase, "en") is None:
        return True  # "the freeze announced last year": a thing, no "he"
    last = phrase.split()[-1]
    return " " not in phrase or (last.endswith("s") and not last.endswith(("ss", "us")))
