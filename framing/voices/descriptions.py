"""What a nominal anaphor is: its head noun, and the details a fitting title must have.

"the minister" → ``"minister"``, "the Head of State" → ``"president"``, "the Armenian FM"
and "the Head of the Armenian diplomacy" → ``"fm"``, "the 69-year-old" → ``"person"``;
"глава МИД" → ``"глава мид"``. :mod:`framing.voices.anaphora` resolves them to the last
named speaker whose title fits (the head, and the details: "the former culture minister"
needs "culture", "the Russian leader" a Russian title).

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

from .cues import NAME_TITLES, OFFICES, ROLES, RU_ROLES, TITLE_LINKS
from .names import NATIONALITY_RE, ru_country
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
_NOT_DETAILS = TITLE_LINKS | {"prime", "top"}  # "the top Russian diplomat": its minister
_HEADS_OF_STATE = frozenset(("the head of state", "глава государства", "главы государства"))
# where a country's name does not begin with the first four letters of its nationality
# (None: no check, "the American envoy" may be a "U.S. Ambassador")
_COUNTRY_STEMS = {"polish": "pol", "finnish": "fin", "french": "fran", "dutch": "netherl",
                  "danish": "den", "swedish": "swe", "spanish": "spa", "swiss": "switz",
                  "irish": "irel", "welsh": "wal", "scottish": "scot", "american": None,
                  "kremlin": None}  # fmt: skip


def anaphor_head(phrase: str, lang: str) -> str | None:
    """The head noun of a nominal anaphor ("the minister" → "minister"), else None."""
    words = phrase.split()
    if phrase.lower() in _HEADS_OF_STATE:
        return "president"  # "the Head of State", "глава государства"
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
        and words[-1].lower() in ROLES
        and all((w.isalpha() and w.islower()) or NATIONALITY_RE.fullmatch(w) for w in words[1:-1])
    ):  # "the former culture minister", "the veteran diplomat", "the top Russian diplomat"
        return words[-1].lower()
    if not words or any(w[:1].isupper() for w in words[1:]):
        return None
    if words[0].lower() != "the" or not 2 <= len(words) <= 3 or words[-1].lower() not in ROLES:
        return None  # "the foreign ministry" is a speaker of its own
    return words[-1].lower()


def anaphor_detail(phrase: str, head: str | None) -> tuple:
    """The words of an English anaphor besides "the" and its head ("the former culture
    minister": former, culture) that a fitting title should also have, and the country of
    its nationality ("the Russian leader": "russ", as in "Russian President Vladimir Putin"
    and "President of Russia")."""
    words = phrase.split()
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
