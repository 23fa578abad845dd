"""Russian word order around an attribution cue: where the speaker's phrase is.

Russian puts the subject after its cue more often than English, and fills the space between
with things that are not the speaker:

* a phrase before the cue that a preposition governs is a setting, not the subject ("Об этом
  на брифинге в парламенте заявил вице-спикер …", "в интервью ArmInfo заявил"), and so is an
  object put first ("Такое мнение высказал X", "Свою позицию депутат изложил"): the subject
  follows the cue, or comes after the object (:func:`subject_before`);
* an office speaks with a plural verb ("В Кремле заявили"), and a role in an office is one
  phrase ("Источник РБК в Минэкономразвития");
* after the cue, a setting (:data:`SETTING_AFTER_RE`: "на брифинге", "на своей странице в
  Facebook") or an outlet addressed (:func:`outlet_before_role`: "сказал NEWS.am секретарь
  фракции") comes before the speaker, and a party's name in quotation marks may sit inside
  the speaker's title (:data:`QUOTED_THEN_NAME_RE`);
* a phrase after a cue that is neither a name, nor a role, nor a pronoun is the cue's object
  ("исключил разрыв"), not its speaker (:func:`person_like`);
* a person is named once and then described ("министр", "бывший армянский премьер", "глава
  правительства"): :func:`description_head` tells the noun such a description has.
"""

from __future__ import annotations

import re

from .cues import OFFICES, PRONOUNS, RU_INSTITUTIONS, RU_ROLES, RU_STOP
from .phrases import TOKEN_RE, word_back, words_after, words_before

__all__ = [
    "RU_DESCRIPTIONS",
    "RU_SOURCES",
    "description_head",
    "document_author",
    "object_person",
    "QUOTED_THEN_NAME_RE",
    "SETTING_AFTER_RE",
    "outlet_before_role",
    "person_like",
    "role_in_office",
    "speaker_ends_sentence",
    "subject_before",
    "trailing_source",
]

_ROLE_NEXT_RE = re.compile(
    r"[ \t]+(?!(?:со|с|в|во|на|по|для|из|от|о|об)[ \t])[а-яё]"
)  # not "со ссылкой"
_NAME_NEXT_RE = re.compile(r"[ \t]+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[ \t]+[А-ЯЁ][а-яё]+")
#: a setting between a Russian cue and its speaker: "заявила на брифинге официальный
#: представитель …", "сказал в интервью ТАСС глава …", "написал на своей странице в Facebook"
SETTING_AFTER_RE = re.compile(
    r"(?:[ \t]+(?:(?:в|во|на)[ \t]+(?:сво(?:ей|ём|ем|их)[ \t]+)?(?:интервью|беседе|разговоре|"
    r"эфире|брифинге|пресс-конференции|заседании|встрече|форуме|совещании|сессии|выступлении|"
    r"странице|канале|блоге|соцсет[а-яё]+|[Тт]елеграм[\w-]*|Telegram[\w-]*|Facebook|X)"
    # "в ходе обсуждения", "по итогам переговоров": an occasion, a noun in the genitive
    r"|(?:в[ \t]+ходе|по[ \t]+итогам|по[ \t]+завершении)[ \t]+[а-яё]+(?:ия|ии|ов|ей|и|а|ы)(?=[ \t])"
    # a day: "заявил в понедельник на брифинге …"
    r"|во?[ \t]+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?=[ \t,]))"
    # then a place: "с «МК»", "в Москве", "в Национальном собрании" (a noun in the locative)
    r"(?:[ \t]+(?:(?:с|в|во|на)[ \t]+)?(?:[A-ZА-ЯЁ][\w.-]*(?:[ \t]+[а-яё]+(?:е|и|ах|ях)(?=[ \t]))?"
    r"|«[^»\n]{1,40}»|\"[^\"\n]{1,40}\")"
    r"|[ \t]+(?:в|во|на)[ \t]+[а-яё]{4,}(?:е|и)(?=[ \t])){0,2}){1,2}"  # "в парламенте"
    r"(?=[ \t])"
)
#: a quoted name of a party or a body inside a speaker's title, then the name: "секретарь
#: фракции «Гражданский договор» Артур Айвазян"
QUOTED_THEN_NAME_RE = re.compile(  # also after "от оппозиционной фракции"
    r"(?:[ \t]+(?:от|из)(?:[ \t]+[а-яё-]+){1,3})?"
    r"[ \t]+[«\"„][^»\"“\n]{1,40}[»\"“][ \t]+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[ \t]+[А-ЯЁ][а-яё]+"
)
# an object before a Russian cue: "Свою позицию депутат изложил", "Такое мнение высказал X"
_OBJECT_FIRST_RE = re.compile(
    r"(?:[Сс]во[юеёй]|[Тт]ако[ейю]|[Тт]акую|[Ээ]т[уои])\s+(?:позицию|мнение|оценку|прогноз|"
    r"точку\s+зрения|заявление|слова)\s*"
)
# an outlet named before a cue, told rather than telling: «Ъ», "Интерфаксу", РБК, ТАСС
_OUTLET_RE = re.compile(r"[«\"„][^»\"“\n]{1,40}[»\"“]|[A-ZА-ЯЁ]{3,}")
_ABOUT_THIS_BEFORE_RE = re.compile(r"(?<!\w)[Оо]б[ \t]+этом[ \t]+$")
# adjectives before a description's head, in any case: "российский лидер", "по словам
# армянского министра"
_ADJECTIVE = ("ий", "ый", "ой", "ая", "яя", "ого", "его", "ому", "ему", "ым", "им", "ую")
# "глава российского государства", "главы правительства", "глава кабмина"
_CHIEF_OF_RE = re.compile(
    r"глав[аеыу]\s+(?:[а-яё]+(?:ого|его)\s+)?(государства|правительства|кабмина)"
)
# Russian descriptions that refer back to a person named before ("эксперт", "дипломат",
# "вице-спикер", "замминистра", "венгерский министр", "секретарь Совбеза"): Russian news
# names a person once and then varies the description
RU_DESCRIPTIONS = (*RU_ROLES, "политик", "аналитик", "экономист", "востоковед", "кавказовед",
                   "историк", "социолог", "журналист", "замминистр", "замглав", "заместител",
                   "вице-", "секретар", "генерал", "губернатор", "мэр", "канцлер", "советник",
                   "помощник", "сенатор", "парламентари", "омбудсмен", "правозащитник",
                   "директор", "профессор", "экс-")  # fmt: skip
# an unnamed source is introduced by a description, not referred back to by one
RU_SOURCES = ("источник", "собеседник")
# outlets whose name may follow a speaker as the one addressed ("сказал эксперт РИА Новости")
_MEDIA = frozenset("РИА ТАСС РБК НТВ ВГТРК BBC ВВС".split())
# a capitalized word after a Russian role that is a surname, not an office or a place
# ("министра Лаврова", not "представитель Кремля", "секретарь Совбеза", "МИД Армении")
_SURNAME_RE = re.compile(
    r"[А-ЯЁ][а-яё]+(?:(?:ов|ев|ёв|ин|ын|ян|янц|ский|цкий)(?:а|ой|у|ым)?|швили|дзе)"
)
# a first name and a surname at the end of a phrase before a Russian cue
_PERSON_AT_END_RE = re.compile(r"([А-ЯЁ][а-яё]+)[ \t]+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)$")
# a surname in the nominative (a man's, or one that does not decline) ending a phrase
_SURNAME_AT_END_RE = re.compile(
    r"(?<![\w-])[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын|ян|янц|ский|цкий|швили|дзе|енко|ук|юк)$"
)
# endings of a word in an oblique case, which no first name in the nominative has
_OBLIQUE = ("е", "у", "ю", "ом", "ем", "ым")
# ... and those no surname that does not decline has (Шойгу, Небензя do not decline)
_LOCATIVE = ("е", "ом", "ем", "ым")
_FEMALE_SURNAME_AT_END_RE = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:ова|ева|ёва|ина|ына|ская|цкая)$")
_ROLE_AT_END_RE = re.compile(
    r"(?<![\w-])(?:эксперт|политолог|аналитик|собеседник|источник|дипломат|депутат|министр|"
    r"посол|спикер|президент|премьер|чиновник|лидер|генсек|представитель|руководитель|"
    r"председатель|глава|пресс-секретарь|вице-спикер|вице-премьер)$"
)
_SUBJECT_PRONOUNS = frozenset("он она оно они".split())
_PREPOSITIONS = frozenset("в во на с со о об обо при у к ко из от для после перед".split())


def role_in_office(text: str, start: int, stop: frozenset, skip: frozenset) -> int:
    """Where a Russian speaker's phrase starts when it is a role in an office ("Источник РБК
    в Минэкономразвития", "Собеседник «Ъ» в МИД РФ"): at the role, else ``start``.

    >>> text = "Источник РБК в Минэкономразвития сообщил"
    >>> role_in_office(text, text.index("Минэконом"), frozenset({"в"}), frozenset())
    0
    """
    prep = word_back(text, start)
    if prep is None or text[prep[0] : prep[1]].lower() not in ("в", "во", "при"):
        return start
    s, e = words_before(text, prep[0], stop, skip, limit=4)
    # the role, or an adjective and the role: "Постоянный представитель РФ при ООН"
    if s >= 0 and any(w.lower().startswith(RU_ROLES) for w in text[s:e].split()[:2]):
        return s
    return start


def subject_before(
    text: str, s: int, e: int, stop, skip, plural: bool, female: bool = False
) -> tuple[int, int]:
    """The phrase ``text[s:e]`` before a Russian cue as its subject: from the role when it is
    a role in an office (:func:`role_in_office`), after an object put first ("Свою позицию
    депутат"); ``(-2, -2)`` when a preposition governs it or it is all object ("Об этом на
    брифинге в парламенте заявил …", "Такое мнение высказал X"): the subject then follows
    the cue. An office speaks with a plural verb ("В Кремле заявили"). After a setting, a
    surname or a role ends the phrase: "В интервью ТАСС Лавров", "на брифинге Захарова"
    (``female``: the verb is feminine, заявила).

    >>> text = "Об этом на брифинге в парламенте заявил вице-спикер Рубен Рубинян."
    >>> s = text.index("парламенте")
    >>> subject_before(text, s, s + len("парламенте"), frozenset(), frozenset(), False)
    (-2, -2)
    """
    last = text[s:e].rsplit(None, 1)[-1]
    if last.lower() in _SUBJECT_PRONOUNS:  # "В нем он предупредил": the pronoun, not "нем он"
        return e - len(last), e
    role = role_in_office(text, s, stop, skip)
    if role != s:
        return role, e
    if _OUTLET_RE.fullmatch(text, s, e) and _ABOUT_THIS_BEFORE_RE.search(text, max(0, s - 12), s):
        return -2, -2  # "Об этом РБК рассказал источник": the outlet is told, the subject follows
    obj = _OBJECT_FIRST_RE.match(text, s, e)
    if obj is not None:
        if obj.end() >= e:
            return -2, -2
        s = obj.end()
    prep = word_back(text, s)
    word = text[prep[0] : prep[1]].lower() if prep is not None else ""
    if plural and word == "при":  # "В постпредстве России при ЕС сообщили": the whole office
        s2, _ = words_before(text, prep[0], stop, skip)
        before = word_back(text, s2) if s2 >= 0 else None
        if before is not None and text[before[0] : before[1]].lower() in ("в", "во"):
            return s2, e
    name = _PERSON_AT_END_RE.search(text, s, e)
    if word in _PREPOSITIONS and not plural:
        if (
            name is not None
            and (name.start() == s or name.group(1).endswith(_OBLIQUE))
            and not name.group(2).endswith(_LOCATIVE)  # "в Нагорном Карабахе": no subject
        ):
            # "В Ереване Лавров", "в Ереван Шойгу", "в Нагорном Карабахе Лавров", "в интервью
            # Лаврову Захарова": the preposition's object, then the subject
            return name.start(2), e
        last = _SURNAME_AT_END_RE.search(text, s, e)
        if last is None and female:
            last = _FEMALE_SURNAME_AT_END_RE.search(text, s, e)  # "на брифинге Захарова"
        if last is None:
            last = _ROLE_AT_END_RE.search(text, s, e)  # "В беседе с «Ъ» эксперт отметил"
        if name is None and last is not None and last.start() > s:
            return last.start(), e  # "В интервью ТАСС Лавров заявил": the setting, then he
    if (
        word in _PREPOSITIONS
        and name is not None
        and not plural
        and (_SURNAME_RE.fullmatch(name.group(2)) or not name.group(2).endswith(_LOCATIVE))
    ):  # "полковник в отставке Виктор Литовкин считает", "при ООН Василий Небензя": the name
        return name.start(), e
    if word in _PREPOSITIONS and not (plural and word in ("в", "во")):
        return -2, -2
    return s, e


def outlet_before_role(word: str, rest: str) -> bool:
    """Whether ``word``, right after a Russian cue, is an outlet addressed before the
    speaker's role or name (``rest``: the text after it): "сказал NEWS.am секретарь
    фракции", "сказал РБК вице-премьер", "сообщил БЕЛТА Андрей Ковальчук".

    >>> outlet_before_role("NEWS.am", " секретарь фракции"), outlet_before_role("МИД", " России.")
    (True, False)
    >>> outlet_before_role("БЕЛТА", " Андрей Ковальчук."), outlet_before_role("МИД", " РФ")
    (True, False)
    """
    if not (word.isupper() or (word.isascii() and word[:1].isupper())):
        return False
    # a role, or its adjective ("ведущий аналитик"), in lower case; after an outlet in
    # capitals, also a person's name
    return bool(_ROLE_NEXT_RE.match(rest)) or (
        len(word) >= 3 and word.isupper() and bool(_NAME_NEXT_RE.match(rest))
    )


def person_like(phrase: str) -> bool:
    """Whether a Russian phrase after its cue can be its subject: a name, a role or a pronoun
    ("заявил вице-спикер …", "сказал он"), not an object ("исключил разрыв").

    >>> person_like("вице-спикер парламента"), person_like("разрыв")
    (True, False)
    >>> person_like("пресс-службе консорциума")
    True
    """
    words = phrase.split()
    return (
        any(w[:1].isupper() for w in words)
        or any(w.startswith(RU_ROLES) for w in re.split(r"[-\s]", phrase.lower()))
        or words[0].lower() in PRONOUNS
        or words[0].lower().startswith(RU_INSTITUTIONS)  # "сообщили в пресс-службе банка"
    )


# after a trailing cue, the rest of a short sentence: ", отмечают наблюдатели.", ", пишет «Ъ»."
_SENTENCE_REST_RE = re.compile(r"[ \t]+[^.!?;:,\n]{1,60}?(?:[.!?](?=\s|$)|$)")


def speaker_ends_sentence(text: str, end: int) -> bool:
    """Whether what follows a cue ending at ``end`` (after a comma) ends its sentence within a
    few words: a trailing attribution, whose speaker follows the cue.

    >>> text = "Напряженность сохранится, отмечают наблюдатели."
    >>> speaker_ends_sentence(text, text.index(" наблюдатели"))
    True
    >>> text = "Напряженность сохранится, отмечают наблюдатели, и это надолго."
    >>> speaker_ends_sentence(text, text.index(" наблюдатели"))
    False
    """
    return _SENTENCE_REST_RE.match(text, end) is not None


def trailing_source(text: str, start: int, end: int, plural: bool) -> bool:
    """Whether ``text[start:end]``, after a trailing cue, is its source: an outlet in
    quotation marks or a group named by a plural noun, not a name ("Глава МИД, Сергей
    Лавров, заявил ТАСС." is said to an outlet by the name before).

    >>> text = "Угрозы нет, отмечают наблюдатели. Угрозы нет, пишет «Ъ»."
    >>> trailing_source(text, 21, 32, True), trailing_source(text, 53, 54, False)
    (True, True)
    """
    group = plural and text[start].islower() and text[end - 1] in "иы"
    outlet = text[start].isupper() and text[start:end].isascii()  # ", пишет Politico со …"
    office = plural and text[max(0, start - 3) : start] in (" в ", "во ")  # "сообщили в МИД"
    return group or outlet or office or "«" in text[start - 1 : end]  # "издание «Грапарак»"


_QUOTED_AUTHOR_RE = re.compile(r"[ \t]+[«\"]([^«»\"\n]{1,40})[»\"]")


def document_author(text: str, end: int, noun: int) -> tuple[int, int]:
    """Who wrote the document after "говорится в сообщении" (ending at ``end``; its last
    word ``noun`` characters long): the words after it, a name in quotation marks, else the
    document itself ("говорится в документе").

    >>> text = "«Поставки приостановлены», — говорится в сообщении «Газпрома»."
    >>> s, e = document_author(text, text.index(" «Газпрома»"), len("сообщении"))
    >>> text[s:e]
    'Газпрома'
    """
    quoted = _QUOTED_AUTHOR_RE.match(text, end)
    if quoted:
        return quoted.span(1)
    author = words_after(text, end, RU_STOP, limit=4)
    return author if author[0] >= 0 else (end - noun, end)


def description_head(low: str, words: list[str]) -> str | None:
    """The head noun of a Russian description that refers back ("министр", "Эксперт" at a
    sentence's start, "бывший министр", "секретарь Совбеза", "глава правительства"), else
    None: a name, or a description that introduces a source ("Источник РБК").

    >>> description_head("бывший армянский премьер", ["бывший", "армянский", "премьер"])
    'премьер'
    >>> description_head("источник рбк", ["Источник", "РБК"]) is None
    True
    """
    chief = _CHIEF_OF_RE.fullmatch(low)
    if chief:
        return "president" if chief.group(1) == "государства" else "премьер"
    while len(words) >= 2 and words[0].lower().endswith(_ADJECTIVE):
        words = words[1:]  # "российский лидер", "бывший армянский премьер"
    head = words[0].lower()
    if len(words) > 3 or not head.startswith(RU_DESCRIPTIONS) or head.startswith("источник"):
        return None  # "рассказал РБК источник": a source is introduced, not referred back to
    if head.endswith(("ы", "и", "ов", "ей")) and not head.startswith("глав"):
        return None  # "Эксперты, с которыми …", "дипломатов": many, not one named before
    rest = [w.strip('«»"„“”') for w in words[1:]]  # "Собеседник «Ъ»": the outlet's capital
    if any(w[:1].isupper() for w in rest):
        if head.startswith(RU_SOURCES) or len(rest) > 2:
            return None  # "Источник РБК", "Собеседник «Ъ»": a source introduced
        if any(w.isupper() and len(w) > 1 and w.lower() not in OFFICES and w not in _MEDIA
               for w in rest):  # fmt: skip
            # "Представитель РЖД": a company's spokesman, not one named before (but "сказал
            # эксперт РИА Новости": the outlet he told)
            return None
        if (
            any(_SURNAME_RE.fullmatch(w) for w in rest)
            or sum(w[:1].isupper() for w in rest) > 1
            and not any(w.isupper() for w in rest)
        ):
            return None  # "министр Лавров", "депутат Андрей Колесник": a name
    return head


def object_person(text: str, start: int, end: int) -> tuple[int, int]:
    """The person a Russian relative pronoun refers to in the object before it: "слова главы
    европейской дипломатии Каи Каллас, которая …" is Каллас's title and name, not "слова"."""
    for m in TOKEN_RE.finditer(text, start, end):
        word = m.group(1)
        if word[:1].isupper() or word.lower().startswith(RU_ROLES):
            return m.start(1), end
    return start, end
