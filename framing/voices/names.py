"""Persons' names and titles as a text writes them: who a pronoun or an anaphor may mean.

:func:`name_at` tells whether a run of capitalized words is a person's name (and which
words of it are the name: "Prime Minister Nikol Pashinyan" → "Nikol Pashinyan");
:func:`last_name` finds the last person named in a stretch, preferring the subject of a
sentence; :func:`title_before` and :func:`written_title` gather what the text says of a
name: the title before it, a description set off before it ("Ukraine's energy minister,
Svitlana Grynchuk") and an apposition after it ("Lusine Hakobyan, a former deputy defense
minister,"). Names in Latin script may carry the accents of European names ("Péter
Szijjártó").
"""

from __future__ import annotations

import re

from .cues import (
    AUXILIARIES,
    EN_PAST,
    EN_STOP,
    FEMALE_WORDS,
    MALE_WORDS,
    NAME_STOP,
    NAME_TITLES,
    ROLES,
    RU_ROLES,
    RU_STOP,
    TIME_WORDS,
    TITLE_LINKS,
    gender_of,
)
from .phrases import ABBREVIATION_RE, NAME_PARTICLES, SMALL, UPPER, word_back
from .russian import RU_DESCRIPTIONS

__all__ = [
    "NAME_RE",
    "NATIONALITY_RE",
    "ROLES_ALL",
    "Named",
    "last_name",
    "apposition_name",
    "first_name_before",
    "name_after_title",
    "name_at",
    "role_title",
    "ru_country",
    "spelled_out",
    "title_of",
    "title_before",
    "written_title",
]

ROLES_ALL = (*ROLES, *RU_ROLES)
_LINKS = TITLE_LINKS | {"в", "во"}  # "посол России в Молдавии Олег Озеров"
# the words of an office inside an English title: "Foreign ministry spokeswoman Maria …"
_OFFICES = frozenset(
    "ministry government presidential state party security council иностранных дел обороны "
    "внутренних экономики финансов юстиции безопасности совета национальной".split()
)
# what a title may say besides roles: "his Turkish counterpart", "турецким коллегой"
_COUNTERPARTS = ("counterpart", "коллег")
# the beginnings of Russian adjectives of nationality and of their countries' names
_RU_COUNTRIES = ("росси", "армян", "армен", "турец", "турц", "азербайджан", "грузи", "украин",
                 "казах", "белорус", "иран", "франц", "китай", "кита", "молдав", "киргиз",
                 "кыргыз", "таджик", "узбек")  # fmt: skip
_WORD = f"{UPPER}{SMALL}+(?:-{UPPER}{SMALL}+)?"  # "Péter", "Jean-Yves"
_PARTICLE = "(?:" + "|".join(sorted(NAME_PARTICLES, key=len, reverse=True)) + ")"
# a run of capitalized words (a title may lead it: "Prime Minister Nikol Pashinyan")
NAME_RE = {
    "en": re.compile(  # "Péter Szijjártó", "Ursula von der Leyen": accents and particles
        rf"\b{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_WORD}){{0,4}}\b"
    ),
    "ru": re.compile(  # up to five: "Президент Республики Армения Ваагн Хачатурян"
        r"\b[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:[ \t]+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){0,4}\b"
    ),
}

_PATRONYMIC_RE = re.compile(r"(?:вич|вна|ична|инична)$")  # "Владимир Владимирович Путин"
_RU_PAST_RE = re.compile(r"\s+(?:не\s+)?[а-яё]+(?:л|ла|лся|лась)\b")  # "Песков отказался"
# adjective endings that no first name has (unlike -ий: Георгий, Дмитрий)
_RU_ADJECTIVE_ENDS = ("ую", "ого", "ому", "ыми", "ими", "ной", "ную", "ских", "ской", "ским")
_END_RE = re.compile(r"\s*[.!?…]")


def _first_name(name: str) -> bool:
    """Whether a name opens with a first name in the nominative ("Константин Затулин", not
    "Константина Затулина")."""
    first = name.split(" ", 1)[0].lower()
    return " " in name and (first in MALE_WORDS or first in FEMALE_WORDS)


# a subject's verb, past or present: "Нино Чхеидзе смотрит на ситуацию иначе"
_RU_VERB_RE = re.compile(r"\s+(?:не\s+)?[а-яё]+(?:л|ла|лся|лась|ет|ит|ют|ят|ется|ится)\b")

# the words after which a capitalized run is no speaker: an addressee ("told Le Figaro",
# "in an interview with Die Welt") or a thing ("the South African Railway")
_NOT_BEFORE_A_SPEAKER = frozenset(
    "the told tells telling to with by from at on against into in".split()
)
# a verb after a sentence's first word: "Naidoo criticised", "Baldrige said"
_EN_VERB_RE = re.compile(
    r"[ \t]+(?:also[ \t]+|later[ \t]+|then[ \t]+)?(?:said|says|told|tells|[a-z]{3,}ed)\b"
)
_EN_OTHER_VERB_RE = re.compile(  # an auxiliary, a past without "-ed", a present ("meets the")
    r"[ \t]+(?:also[ \t]+)?(?:"
    + "|".join(sorted(AUXILIARIES | EN_PAST))
    + r"|[a-z]{3,}s(?=[ \t]+(?:the|a|an|his|her|that|to|on|in)\b|[.!?]))\b"
)
# a sentence's start, or a subordinate clause's that opens it: "When Salome Zourabichvili …"
# a byline before a name: "By Elena Varga", "BY ANNA HOVHANNISYAN", "Автор: Анна Петрова"
_BYLINE_RE = re.compile(r"[ \t]*(?:By|BY|Автор:|Текст:)[ \t]+")
# an opening adverbial clause, then the subject: "When Armenia's parliament voted, X …"
_AFTER_OPENER_RE = re.compile(
    r"(?:^|[.!?…][\"'”’»]?\s+|\n\s*)(?:When|As|After|Before|While|Although|Though|Once|Since|If)"
    r"\s[^.!?;:\"“”«»\n]{2,120},[ \t]+$"
)
_POSSESSIVES = frozenset("His Her Their Its Our My Your".split())
_LONG_WORD_RE = re.compile(r"[A-Za-z][a-z'’-]{3,}")  # a headline's words past "of", "the"
_SUBJECT_START_RE = re.compile(
    r"(?:^|[.!?…»\"”]\s+|\n\s*)(?:(?:When|As|After|Before|While|Although|Though|Once|Since)\s+)?$"
)


# words before a name in a capitalized run; in Russian, the adverbs and prepositions a
# sentence opens with ("Накануне Брюссель приостановил …": no person)
_LEADING = NAME_STOP | NAME_TITLES | EN_STOP | RU_STOP

_TITLE_WORDS = 9  # words of a title written before a named speaker
_EITHER_SURNAME = ("ян", "янц")  # Armenian surnames: a man's or a woman's, a person all the same
_EN_EITHER_SURNAME = ("yan", "yants", "shvili", "dze", "enko", "chuk", "iani")

_APPOSITION_AFTER_RE = re.compile(
    r",[ \t]+((?:the|a|an|[A-Z][\w.-]*['’]s)[ \t][^,.;:!?\"“”«»\n]{2,120}),"
)
# a description set off before a name: "Ukraine's energy minister, Svitlana Grynchuk"
_DESCRIPTION_BEFORE_RE = re.compile(
    r"(?:^|[.!?…][\"'”’»]?\s+|\n\s*|,\s+(?:and\s+)?)"
    r"((?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[A-Z][\w.-]*['’]s)[ \t][^,.;:!?\"“”«»\n]{2,80}),"
    r"[ \t]+$"
)
# the same, opening a sentence: "Hezbollah's secretary-general, Naim Qassem, struck …"
_SUBJECT_DESCRIPTION_RE = re.compile(
    r"(?:^|[.!?…][\"'”’»]?\s+|\n\s*)"
    r"(?:[Tt]he|His|Her|Their|Its|Another|One|A|An|[A-Z][\w.-]*['’]s)[ \t][^,.;:!?\"“”«»\n]{2,80},"
    r"[ \t]+$"  # "Another former official, Mark Brennan, …, was more upbeat"
)

# a nationality before a role: "the Russian president", "the Azerbaijani leader"
NATIONALITY_RE = re.compile(
    r"[A-Z][a-z]+(?:ian|an|ese|ish|i|ch)|Kremlin|Soviet|Greek|Thai|Swiss|U\.S\.|US|UK|EU"
)


def title_before(text: str, start: int, end: int) -> str:
    """A named speaker's phrase ``text[start:end]`` with the title written right before it,
    lower-cased ("u.s. ambassador to armenia kristina kvien" for the phrase "Armenia Kristina
    Kvien"): where an anaphor looks for its head noun. The title is the run of capitalized
    words, role nouns and links ("to", "of") just before the phrase, at most nine words."""
    return text[_title_start(text, start) : end].lower()


def written_title(text: str, start: int, end: int) -> str:
    """All the text says of a name at ``text[start:end]``, lower-cased: the title right
    before it (:func:`title_before`), a description set off before it ("Ukraine's energy
    minister, Svitlana Grynchuk") and an apposition after it ("Lusine Hakobyan, a former
    deputy defense minister,")."""
    title = title_before(text, start, end)
    if text[max(0, start - 2) : start].strip() == ",":
        before = _DESCRIPTION_BEFORE_RE.search(text, max(0, start - 90), start)
        if before is not None:
            title = f"{before.group(1).lower()} {title}"
    after = _APPOSITION_AFTER_RE.match(text, end)
    return f"{title} {after.group(1).lower()}" if after else title


def _title_start(text: str, start: int) -> int:
    """Where the title written right before ``start`` begins (``start`` when none is)."""
    pos = start
    for _ in range(_TITLE_WORDS):
        found = word_back(text, pos)
        if found is None:
            break
        word = text[found[0] : found[1]]
        low = word.lower()
        if not (
            word[:1].isupper()
            or low in _LINKS
            or low in _OFFICES
            or low.startswith(ROLES_ALL)
            or low.startswith(RU_DESCRIPTIONS)  # "генерал-майор Андрей Ковальчук"
            or low.startswith(_COUNTERPARTS)
            or ru_country(low)
        ):
            break
        if word.endswith(".") and len(word) > 4 and not ABBREVIATION_RE.fullmatch(word):
            break  # "… including Armenia. Kremlin spokesman": the sentence before
        pos = found[0]
    return pos


def name_at(text: str, m, lang: str, objects: bool = False) -> str | None:
    """The person's name in a run of capitalized words, its leading title words left out;
    None when the run is no person's name (a place, an institution, a sentence's first word).
    With ``objects``, a titled name after a preposition counts ("talks with Russian President
    Vladimir Putin": who "the Russian leader" may be)."""
    words = m.group().split()
    opened = lang != "ru" and len(words) > 1 and words[0].lower() in _CLAUSE_OPENERS
    if opened:  # "Although Lawson denounced …", "But Reagan said": the clause's subject
        words = words[1:]
    before = word_back(text, m.start())
    previous = text[before[0] : before[1]] if before is not None else ""
    if lang != "ru" and previous in _NOT_BEFORE_A_SPEAKER:
        titled = any(w.lower() in NAME_TITLES or w.lower() in ROLES for w in words)
        if not titled or (previous != "the" and not objects):  # "the Prime Minister Nikol …"
            return None  # "told Le Figaro", "the South African Railway": an addressee, a thing
    if len(words) == 1 and lang != "ru":  # "Naidoo criticised …": a surname as the subject
        if words[0].lower() in _LEADING or words[0].lower() in TIME_WORDS:
            return None
        if words[0].lower() in _SUBORDINATORS:  # "Although sophisticated dealing exists"
            return None
        starts = opened or _SUBJECT_START_RE.search(text, max(0, m.start() - 12), m.start())
        if not starts or _EN_VERB_RE.match(text, m.end()):
            return words[0] if starts else None
        if _AGE_AFTER_RE.match(text, m.end()):  # a feature's "Lusine, 43, used to teach …"
            return words[0] if gender_of(words[0], "", nominative=True) in ("m", "f") else None
        # "Zakharova held her briefing": an irregular verb, after a surname with a gender
        surname = gender_of(words[0], "", nominative=True) in ("m", "f") or words[0].endswith(
            _EN_EITHER_SURNAME  # "Pashinyan met …": Armenian, Georgian, Ukrainian surnames
        )
        return words[0] if surname and _EN_OTHER_VERB_RE.match(text, m.end()) else None
    if len(words) == 1:  # a Russian surname after a role noun or before its verb
        if words[0].lower() in RU_STOP:
            return None
        titled = before and text[before[0] : before[1]].lower().startswith(RU_ROLES)
        if not titled or "." in text[before[1] - 1 : m.start()]:  # not "депутат. Вместе с тем"
            if not _RU_PAST_RE.match(text, m.end()):
                return None  # "Песков отказался": a surname as the sentence's subject
            if gender_of(words[0], "", nominative=True) in ("", "org") and not words[0].endswith(
                _EITHER_SURNAME
            ):
                return None
        return words[0] if gender_of(words[0], "", nominative=True) != "org" else None
    lead = 0
    while lead < len(words) and (
        words[lead].lower() in _LEADING
        or (lang == "ru" and words[lead].lower().startswith(RU_DESCRIPTIONS))
        or (  # "Russian President Vladimir Putin"
            lang != "ru"
            and NATIONALITY_RE.fullmatch(words[lead])
            and lead + 1 < len(words)
            and words[lead + 1].lower() in NAME_TITLES
        )
    ):  # "Секретарь Совета …", "Политолог Гайк Мартиросян": a title before the name
        lead += 1
    if lang == "ru" and words[lead:] and words[lead].lower().endswith(_RU_ADJECTIVE_ENDS):
        return None  # "в Центральную Азию", "Национального собрания": a place, a body
    if lang == "ru" and len(words) - lead > 2 and not _PATRONYMIC_RE.search(words[-2]):
        lead = len(words) - 2  # "Депутат Госдумы Константин Затулин": the name is the last two
    if lang != "ru" and len(words) - lead > 2 and before is not None:
        if text[before[0] : before[1]].lower() in ("of", "for"):
            lead = len(words) - 2  # "President of Ukraine Andriy Yermak": a place, then the name
    name = " ".join(words[lead:])
    if not name or gender_of(name, "", nominative=True) == "org":
        return None
    if len(words) - lead >= 2 or any(w.lower() in NAME_TITLES for w in words[:lead]):
        return name  # "Nikol Pashinyan", "President Reagan"
    return None


# characters before a name in which its title, or a description's name, is looked for: more
# than the longest real release (a transcript of 176,000), less than a whole book in one text,
# whose every anaphor would otherwise read back to its start
TITLE_REACH = 200_000


def title_of(text: str, phrase: str, at: int, end: int) -> str:
    """The title of the speaker written at ``at`` (:func:`written_title`), or, when it has
    none there, the one written with the same name before ("Prime Minister … Nikol
    Pashinyan. … Nikol Pashinyan informed that …")."""
    title = written_title(text, at, end)
    if title != phrase.lower() or " " not in phrase:  # a surname alone: its own title
        return title
    return role_title(text, phrase, text.rfind(phrase, max(0, at - TITLE_REACH), at)) or title


def role_title(text: str, name: str, at: int) -> str | None:
    """The first title with a role written with ``name`` at ``at`` or, going back, where it
    is written before; None when none has one."""
    lo = max(0, at - TITLE_REACH)
    while at >= 0:
        title = written_title(text, at, at + len(name))
        if any(r in title.split() for r in ROLES_ALL):
            return title
        at = text.rfind(name, lo, at)
    return None


_APPOSITION_NAME_RE = re.compile(rf",[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){{0,3}}?({_WORD}[ \t]+{_WORD}),")
_SUBORDINATORS = frozenset(
    "although though while when because since if unless whereas after before once until".split()
)
_CLAUSE_OPENERS = _SUBORDINATORS | frozenset("but and so yet then as or".split())
_AGE_AFTER_RE = re.compile(r",[ \t]*\d{1,3},")
_FIRST_NAME_BEFORE_RE = re.compile(r"(?:^|[.!?…][\"'”’»]?[ \t]+|\n[ \t]*)([A-Z][a-z]+),[ \t]*$")


def first_name_before(text: str, start: int, phrase: str) -> str:
    """A features' first name that a description set off after it describes ("Dmitry, a
    34-year-old software engineer who asked that his surname not be used, …"): the name;
    else ``phrase``.

    >>> text = "Dmitry, a 34-year-old engineer who asked"
    >>> first_name_before(text, 8, "a 34-year-old engineer")
    'Dmitry'
    """
    if not phrase[:1].islower():
        return phrase
    m = _FIRST_NAME_BEFORE_RE.search(text, max(0, start - 30), start)
    if m is None or gender_of(m.group(1), "", nominative=True) not in ("m", "f"):
        return phrase
    return m.group(1)


def apposition_name(text: str, at: int, phrase: str) -> str:
    """The name a description was given in an apposition before ``at`` ("the defendant,
    Sergeant Denis Rybakov, had …. … the defendant said"): that name; else ``phrase``.

    >>> text = "She said the defendant, Sergeant Denis Rybakov, knew. Later the defendant said"
    >>> apposition_name(text, 60, "the defendant")
    'Denis Rybakov'
    """
    if not phrase.lower().startswith("the ") or len(phrase.split()) > 4:
        return phrase
    low, found, lo = phrase.lower(), (-1, phrase), max(0, at - TITLE_REACH)
    for written in (low, "T" + low[1:]):  # the last one written with a name after it
        pos = text.rfind(written, lo, at)
        while pos > found[0]:
            m = _APPOSITION_NAME_RE.match(text, pos + len(written), at)
            if m is not None:
                found = (pos, m.group(1))
                break
            pos = text.rfind(written, lo, pos)
    return found[1]


def name_after_title(phrase: str) -> str:
    """The name that ends an English speaker's phrase after a long title with "of" in it
    (translated official copy), else ``phrase``.

    >>> name_after_title("Head of the Foreign Policy Affairs Department of the Presidential "
    ...                  "Administration Hikmet Hajiyev")
    'Hikmet Hajiyev'
    >>> name_after_title("Secretary of State Marco Rubio"), name_after_title("Ursula von der Leyen")
    ('Marco Rubio', 'Ursula von der Leyen')
    """
    words = phrase.split()
    if len(words) < 4 or not ({"of", "the"} & set(words[:-2])):
        return phrase
    name = " ".join(words[-2:])
    if words[-3][:1].isupper() and NAME_RE["en"].fullmatch(name):
        if gender_of(name, "", nominative=True) in ("m", "f"):
            return name
    return phrase


_ACRONYM_RE = re.compile(r"(?:[Tt]he\s+)?([A-Z]{2,6})")


def spelled_out(text: str, phrase: str, end: int) -> str:
    """The name an acronym stands for where the text spells it out before ``end`` ("The State
    Security Service of Georgia (SSG) said … The SSG said": the service), else ``phrase``.

    >>> spelled_out("The State Security Service of Georgia (SSG) said so. The SSG", "The SSG", 53)
    'The State Security Service of Georgia'
    """
    acronym = _ACRONYM_RE.fullmatch(phrase)
    if not text or acronym is None:
        return phrase
    mark = f"({acronym.group(1)})"
    spelled = re.compile(
        rf"((?:[A-Z][\w'’-]*[ \t]+(?:(?:of|for|and|on|the)[ \t]+)*)+){re.escape(mark)}"
    )
    # the first "(SSG)" with the name before it: found from each mark's line (a name does not
    # span lines), not by a search of the whole text before ``end``, which a long text pays
    # at every acronym
    at = text.find(mark, 0, end)
    while at >= 0:
        found = spelled.search(text, text.rfind("\n", 0, at) + 1, at + len(mark))
        if found is not None:
            return found.group(1).strip()
        at = text.find(mark, at + 1, end)
    return phrase


class Named(list):
    """The (phrase, gender) of the speakers named so far, the last mentioned last, with the
    last one of each surname at hand for :func:`last_name`, so that a long text's pronouns
    do not each read the whole list.

    >>> named = Named()
    >>> named.append(("Nikol Pashinyan", "m")); named.append(("Sergei Lavrov", "m"))
    >>> named.append(named.pop(0)); named.surnames["Pashinyan"], named[-1]
    (('Nikol Pashinyan', 'm'), ('Nikol Pashinyan', 'm'))
    """

    def __init__(self):
        super().__init__()
        self.surnames: dict[str, tuple[str, str]] = {}

    def append(self, entry: tuple[str, str]) -> None:
        super().append(entry)
        if entry[0][:1].isupper():
            self.surnames[entry[0].split()[-1]] = entry

    def pop(self, index: int = -1) -> tuple[str, str]:
        entry = super().pop(index)
        surname = entry[0].split()[-1] if entry[0][:1].isupper() else None
        if surname is not None and self.surnames.get(surname) == entry:
            del self.surnames[surname]  # the one before it with that surname, if any
            for phrase, gender in reversed(self):
                if phrase[:1].isupper() and phrase.split()[-1] == surname:
                    self.surnames[surname] = (phrase, gender)
                    break
        return entry


def last_name(
    text: str,
    lo: int,
    hi: int,
    lang: str,
    skip,
    named: Named,
    subject_only: bool = False,
    gender: str = "",
) -> tuple[str, str] | None:
    """The (name, gender) in ``text[lo:hi]`` outside ``skip`` that a pronoun refers to: the last
    sentence subject (a name at its start, or a ``named`` speaker's surname: "Avagyan was …"),
    else, when nobody is ``named`` yet, the last name (:func:`name_at`); or None. With a
    ``gender`` ("m", "f"), names of the other gender are passed over ("Mikheil Kavelashvili
    signed …. His predecessor, Salome Zourabichvili, … “…,” he said")."""
    found = subject = None
    known = dict(named.surnames)  # and the names found here
    skip = [(a, b) for a, b in skip if a < hi and b > lo]  # a long text's quotes, read once
    for m in NAME_RE[lang].finditer(text, lo, hi):
        if any(a <= m.start() < b for a, b in skip):
            continue
        if m.group().split(None, 1)[0] in _POSSESSIVES:
            continue  # "His Turkish counterpart, Murat Öztürk, …": a description, then the name
        line = text.rfind("\n", 0, m.start()) + 1
        byline = _BYLINE_RE.match(text, line)
        if (byline and m.start() <= byline.end()) or _title_case(text, line):
            continue  # "By Elena Varga, …": the writer; a headline's capitals are no names
        if m.group() in known:
            candidate = known[m.group()]
        elif (name := name_at(text, m, lang)) is not None:
            candidate = (name, gender_of(name, "", nominative=True))
            if " " in name:  # "Nikol Pashinyan …. Pashinyan spoke first.": his surname later
                known.setdefault(name.split()[-1], candidate)
        else:
            continue
        if gender and candidate[1] not in ("", gender):
            continue
        found = candidate
        if lang == "ru" and _RU_VERB_RE.match(text, m.end()):
            subject = found  # "Глава МИД Венгрии Петер Сийярто возразил": before its verb
        elif lang == "ru" and _END_RE.match(text, m.end()) and _first_name(found[0]):
            subject = found  # "Иначе смотрит на происходящее … Константин Затулин.": inverted
        elif _SUBJECT_START_RE.search(text, max(0, m.start() - 12), m.start()):
            before = word_back(text, m.start())
            if before is None or not ABBREVIATION_RE.fullmatch(text[before[0] : before[1]]):
                subject = found  # not after "U.S.": "the U.S. Hopes Japan will …" is no start
        elif lang != "ru" and _SUBJECT_START_RE.search(
            text, max(0, (t := _title_start(text, m.start())) - 3), t
        ):
            subject = found  # "Kremlin spokesman Dmitry Peskov was blunter.": a titled subject
        elif lang != "ru" and _SUBJECT_DESCRIPTION_RE.search(
            text, max(0, m.start() - 90), m.start()
        ):
            subject = found  # "Hezbollah's secretary-general, Naim Qassem, struck …": set off
        elif lang != "ru" and _AFTER_OPENER_RE.search(text, max(0, m.start() - 140), m.start()):
            subject = found  # "When the parliament voted, Lilit Mkrtchyan watched …"
    return subject if named or subject_only else subject or found


def _title_case(text: str, line: int) -> bool:
    """Whether the line starting at ``line`` is an English headline in title case ("The
    Sanctions Are Working—Just Not the Way Brussels Says"): four or more long words, nearly
    all capitalized, and no full stop at its end; a line of more than 200 characters is a
    paragraph."""
    end = text.find("\n", line, line + 201)
    if end < 0 and len(text) - line > 200:
        return False
    words = _LONG_WORD_RE.findall(text, line, len(text) if end < 0 else end)
    if len(words) < 4 or text[line : len(text) if end < 0 else end].rstrip().endswith("."):
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def ru_country(word: str) -> str:
    """The stem a Russian adjective of nationality shares with its country's name
    ("армянского" and "Армении": "арм"; "турецкого", "Турции": "тур"), else ""."""
    if not word.endswith(("ий", "ый", "ой", "ая", "ого", "ому", "ым", "им", "ую", "ом")):
        return ""
    return word[:3] if word.startswith(_RU_COUNTRIES) else ""
