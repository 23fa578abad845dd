"""The speaker written after its cue: "…,” said Lavrov", "— заявил глава МИД Сергей
Лавров", "Как пишет «FT», …" (:func:`speaker_after`).

The words after the cue up to the next punctuation mark or preposition are the speaker,
with what stands between the verb and its subject skipped: a setting ("на брифинге"), an
adverb ("ранее"), an addressee ("журналистам", «Курьеру», "РИА Новости"), "по телефону".
A name may follow an office ("U.S. Ambassador to Armenia Kristina Kvien", "член комитета
по обороне Андрей Колесник") or be set off after a description ("said his Turkish
counterpart, Serdar Kilic"). In English, words that hold an auxiliary or open in lower case
without a determiner are the content, not a speaker ("said the bloc was …").
"""

from __future__ import annotations

import re

from .cues import (
    AUXILIARIES,
    EN_STOP,
    PRONOUNS,
    ROLES,
    RU_DATIVES,
    RU_NOT_SPEAKERS,
    RU_SKIP,
    RU_STOP,
)
from .phrases import DETERMINERS, PERSON_NAME, TOKEN_RE, words_after
from .russian import QUOTED_THEN_NAME_RE, SETTING_AFTER_RE, outlet_before_role

__all__ = ["speaker_after"]

_IN_OFFICE_RE = re.compile(r"\s+(?:в|во)\s+(?=[^\W\d_])")
_BY_PHONE_RE = re.compile(r"\s*по\s+телефону\b")
_OUTLET_RE = re.compile(r"\s*[«\"„“][^«»\"„“”\n]{1,40}[»\"“”]")
_TWO_WORD_OUTLET_RE = re.compile(r"[ \t]+[A-ZА-ЯЁ]{3,}[ \t]+[A-ZА-ЯЁ][\w-]*(?=[ \t]+[а-яё])")
_AFTER_WORDS = 12  # "said the Deputy Head of the Office of the President of Ukraine"
# an office's complement and then a name that ends the phrase: "по обороне Андрей Колесник,"
_NAME_AFTER_OFFICE_RE = {
    "ru": re.compile(
        r"[ \t]+(?:по|в|во|при|и|от|из)[ \t]+(?:[^\W\d_][\w-]*[ \t]+){0,8}?"
        r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[ \t]+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
        r"(?=\s*(?:[,.;:!?]|$)|[ \t]+(?:в|во|на)[ \t])"  # "… Ольга Стефанишина в интервью"
    ),
    "en": re.compile(
        r"[ \t]+(?:to|of|for|in|at)[ \t]+(?:(?:the[ \t]+)?[A-Z][\w.’'-]*[ \t]+){1,3}?"
        r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?=\s*(?:[,.;:!?]|$))"
    ),
}
_QUANTIFIERS = frozenset("one two three four several some many another both".split())
# the groups that wire copy quotes without an article: "“…,” said economists at Salomon"
_GROUPS = frozenset(
    "analysts traders dealers economists officials sources bankers diplomats experts brokers "
    "observers delegates lawmakers legislators executives investors".split()
)
_DESCRIBERS = frozenset("the a an his her its their one".split())
# a name set off after a description: "said Armenia's deputy foreign minister, Mnatsakan
# Safaryan.", "said his Turkish counterpart, Serdar Kilic, a former ambassador"
_NAME_SET_OFF_RE = re.compile(rf",[ \t]+({PERSON_NAME})(?=[ \t]*[.;]|$|,)")
# lower-case words of a description, then a name that ends the phrase
_DESCRIBED_NAME_RE = re.compile(rf"[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){{0,3}}[ \t]+{PERSON_NAME}")
# the same in Russian, after a second description: "…, — сказал помощник президента
# России, глава российской делегации Владимир Мединский."
_RU_NAME_RE = re.compile(r"[А-ЯЁ][а-яё]+[ \t]+[А-ЯЁ][а-яё]+")
_RU_NAME_SET_OFF_RE = re.compile(
    r",[ \t]+(?:[а-яё-]+[ \t]+(?:[А-ЯЁA-Z]{2,}[ \t]+)?){1,6}?(?:[А-ЯЁ][а-яё]+[ \t]+){1,2}[А-ЯЁ][а-яё]+"
    r"(?=[ \t]*(?:[.;]|$))"
)
_CLAUSE_END_RE = re.compile(r"\s*[,.;:!?]")


def _name_after_office(text: str, end: int, lang: str) -> int:
    """Where a speaker's phrase after its cue ends when a name follows its office ("член
    комитета Госдумы по обороне Андрей Колесник", "U.S. Ambassador to Armenia Kristina
    Kvien"): past the name, else ``end``."""
    m = _NAME_AFTER_OFFICE_RE["ru" if lang == "ru" else "en"].match(text, end)
    return m.end() if m else end


def _described(phrase: str) -> bool:
    """Whether a speaker's phrase describes someone without naming them ("his Turkish
    counterpart", "the bloc's spokesman", "Armenia's envoy"), so a name set off after it
    is who speaks."""
    first = phrase.split(" ", 1)[0]
    return first.lower() in _DESCRIBERS or first.endswith(("'s", "’s"))


def speaker_after(
    text: str, pos: int, lang: str, plural: bool = False, outlet_speaks: bool = False
) -> tuple[int, int]:
    """Where the speaker written after a cue that ends at ``pos`` is: (start, end), or
    (-1, -1) when what follows is no speaker (the content, an object). ``plural``: the verb
    is plural, so an office may speak ("сообщили в министерстве"); ``outlet_speaks``: an
    outlet in quotation marks alone is the speaker ("Как пишет «FT», …").

    Examples
    --------
    >>> text = "“It is over,” said Armenia's deputy foreign minister, Mnatsakan Safaryan."
    >>> s, e = speaker_after(text, text.index(" Armenia"), "en")
    >>> text[s:e]
    "Armenia's deputy foreign minister, Mnatsakan Safaryan"
    >>> text = "«Угрозы нет», — заявил журналистам глава МИД Сергей Лавров."
    >>> s, e = speaker_after(text, text.index(" журналистам"), "ru")
    >>> text[s:e]
    'глава МИД Сергей Лавров'
    """
    if lang == "ru":
        setting = SETTING_AFTER_RE.match(text, pos)  # "заявила на брифинге официальный …"
        pos = setting.end() if setting else pos
        adverb = TOKEN_RE.match(text, pos)  # "заявляла ранее официальный представитель …"
        if adverb is not None and adverb.group(1).lower() in RU_SKIP:
            pos = adverb.end()
        outlet = None
        two = _TWO_WORD_OUTLET_RE.match(text, pos)
        if two is not None:  # "заявил РИА Новости источник в …": a two-word outlet, then a role
            pos = two.end()
        for _ in range(2):  # "заявил журналистам (ТАСС) Песков", "сказал «Курьеру» дипломат"
            m = TOKEN_RE.match(text, pos) or _OUTLET_RE.match(text, pos)
            outlet = m if m is not None and m.re is _OUTLET_RE else outlet
            if m is None or (
                m.re is TOKEN_RE
                and m.group(1).lower() not in RU_DATIVES
                and not outlet_before_role(m.group(1), text[m.end() : m.end() + 60])
            ):
                break
            pos = m.end()
        phone = _BY_PHONE_RE.match(text, pos)  # "рассказала по телефону Мария"
        start, end = words_after(text, phone.end() if phone else pos, RU_STOP, _AFTER_WORDS)
        if start < 0 and outlet is not None and outlet_speaks and _CLAUSE_END_RE.match(text, pos):
            # "Как пишет «Financial Times», …": the outlet speaks (not "По данным «Ъ»")
            inner = outlet.group().strip()
            return outlet.end() - len(inner) + 1, outlet.end() - 1
        first = text[start:end].split(" ", 1)[0] if start >= 0 else ""
        if first.lower() in PRONOUNS:  # "рассказала она JAMnews": the pronoun, not the outlet
            return start, start + len(first)
        party = QUOTED_THEN_NAME_RE.match(text, end) if start >= 0 else None
        if party:  # "секретарь фракции «Гражданский договор» Артур Айвазян"
            end = party.end()
        office = _IN_OFFICE_RE.match(text, pos) if start < 0 and plural else None
        if office:  # "сообщили в министерстве обороны": the office speaks
            start, end = words_after(text, office.end(), RU_STOP)
        if start >= 0 and text[start:end].split(None, 1)[0].lower() in RU_NOT_SPEAKERS:
            return -1, -1  # "не считает себя участником": the object, not a speaker
        if start < 0:
            return start, end
        named = _RU_NAME_SET_OFF_RE.match(text, end)
        if named and not _RU_NAME_RE.search(text, start, end):
            return start, named.end()  # "сказал помощник президента, глава делегации Мединский."
        return start, _name_after_office(text, end, lang)
    start, end = words_after(text, pos, EN_STOP, limit=_AFTER_WORDS)
    if start >= 0 and text[start:end].lower() in DETERMINERS:
        return -1, -1  # 'branded the "Trump Route …"': the object's article, no speaker
    if start >= 0 and any(w.lower() in AUXILIARIES for w in text[start:end].split()):
        return -1, -1  # "said the suspension would stay", "insists the treaty cannot": content
    first = text[start:end].split(" ", 1)[0] if start >= 0 else ""
    if first and not (
        first[0].isupper()
        or first.lower() in DETERMINERS
        or first.lower() in PRONOUNS
        or first.lower() in _QUANTIFIERS  # "said one of the diplomats"
        or first.lower() in _GROUPS  # "said economists at Salomon Brothers Inc."
        or first.lower() in ROLES  # "said spokesman John Baker"
    ):
        if not _DESCRIBED_NAME_RE.fullmatch(text, start, end):
            return -1, -1  # "said the bloc was …" is content, "warned of …" has no speaker after
        # else "wrote pro-Kremlin military blogger Yulia Romanova.": a description and a name
    following = TOKEN_RE.match(text, end) if end >= 0 else None
    if following and following.group(1).lower() in AUXILIARIES:
        return -1, -1  # "said he had lost …": "he" is the content's subject
    named = _NAME_SET_OFF_RE.match(text, end) if start >= 0 else None
    if named is not None and (named.end() == named.end(1) or _described(text[start:end])):
        return start, named.end(1)  # "said Armenia's deputy foreign minister, Mnatsakan Safaryan."
    return (start, _name_after_office(text, end, lang)) if start >= 0 else (start, end)
