"""What stands between a speaker and its cue: adverbs, times, settings, asides, appositions.

A cue's speaker is often not right before it: "Pashinian on Thursday again ruled out",
"Копыркин в интервью РИА Новости отметил", "Slough Estates Plc <SLOU.L> said", "Лидеры
оппозиции, в свою очередь, заявили", "Mirziyoyev likes to say" (:func:`before_adverbials`
steps back over them), or an apposition sets it off: "Karen Mkrtchyan, a taxi driver, said"
(:func:`before_apposition`), "The spokesman for the ministry, Maria Zakharova, said"
(:func:`named_apposition`), "Marta Kos, the EU's enlargement commissioner, told POLITICO"
(:func:`apposition_subject`: the sentence opens with the speaker). A quote after a colon
in a sentence with no cue is its subject's (:func:`colon_subject`: "The President turned to
the Russians: “…”").
"""

from __future__ import annotations

import re

from .cues import (
    EN_STOP,
    PRONOUNS,
    ROLES,
    RU_INSTITUTIONS,
    RU_ROLES,
    RU_STOP,
    SETTING_RE,
    TIME_RE,
    TIME_WORDS,
)
from .phrases import NAME_PARTICLES, SUBJECT_PRONOUNS, word_back, words_before

__all__ = [
    "DISCOURSE",
    "HABIT_TO",
    "after_participle",
    "apposition_subject",
    "before_adverbials",
    "before_apposition",
    "char_before",
    "colon_subject",
    "named_apposition",
]

_PARTICIPLE_REACH = 200
# a person's name that ends an apposition: ", parliament deputy speaker Ruben Rubinyan,"
_NAME_AT_END_RE = re.compile(
    r"[ \t]([A-Z][a-z]+(?:[ \t][A-Z][a-z'’-]+){1,2}),\s*$"
)  # characters of ", asked at a news conference if …," before a cue
# a wire's ticker or an abbreviation after a company's name: "Slough Estates Plc <SLOU.L>
# said", "The Federal Deposit Insurance Corp (FDIC) said" (Reuters)
_TICKER_RE = re.compile(r"\s*(?:<[A-Z0-9.&/-]{1,12}>|\([A-Z][A-Za-z0-9.&/-]{1,14}\))[ \t]*$")
_STILL_RE = re.compile(r"(?<!\w)[Дд]о\s+сих\s+пор$")
_REPEAT_RE = re.compile(
    r"(?<!\w)(?:не|несколько|много|в\s+очередной|в\s+который|в\s+первый|в\s+последний|"
    r"еще|ещё)\s+раз\s*$",
    re.IGNORECASE,
)
_SETTING_REACH = 90
_SETTING_PREPOSITIONS = (
    " по итогам ",
    " после ",
    " в ",
    " во ",
    " на ",
    " in ",
    " during ",
    " с трибуны",
    " В ",
    " In ",
)  # characters of "в интервью РИА Новости" between a speaker and the cue
# a gerund's setting between a subject and its cue: "Du Plessis in disclosing the agreement
# said", "Armenian officials after meeting their Russian counterparts said"
_GERUND_SETTING_RE = re.compile(
    r"(?<=\w)[ \t]+(?:in|after|before|while|when|upon|since)[ \t]+[a-z]{2,}ing\b"
    r"[^,.;:!?\"“”«»()\n]{0,70}$"
)
#: A discourse adverbial between a subject and its cue ("in this regard", "for his part"),
#: a regular expression for re.IGNORECASE.
DISCOURSE = (
    r"in\s+(?:this|that)\s+(?:regard|respect|connection|context)|in\s+(?:turn|particular"
    r"|addition|response|return|general|reply)|at\s+the\s+same\s+time|for\s+(?:his|her|its|their"
    r"|our|my)\s+part|(?:so|thus)\s+far|(?:first\s+of|above|after)\s+all"
)
_DISCOURSE_RE = re.compile(rf"(?<!\w)(?:{DISCOURSE})[ \t]*$", re.IGNORECASE)
_DISCOURSE_ENDS = frozenset(
    "regard respect connection context turn particular addition response return general reply "
    "time part far all".split()
)
_GERUND_PREPOSITIONS = (" in ", " after ", " before ", " while ", " when ", " upon ", " since ")
_APPOSITION = 90  # characters of ", a taxi driver who …," between a name and its cue
_PARTICIPLE_CLAUSE_RE = re.compile(
    r",\s*(?:asked|speaking|responding|commenting|referring|answering|addressing|writing|"
    r"appearing|testifying|отвечая|комментируя|выступая|говоря|отмечая|подчеркивая|"
    r"подчёркивая|касаясь|ссылаясь|обращаясь|признавая|объясняя|[a-z]{2,}ing)(?!\w)"
    r"(?:[^;:!?\"“”«»\n]|\n(?=\S)|«[^«»\n]{1,40}»){0,200}?,\s*$"  # "на форуме «Перекресток мира»"
)


# a wire's hard-wrapped line ("\n" before a word) and a decimal point ("7.2 pct") may sit
# inside an apposition; a paragraph's indent, a full stop or a second comma may not
def _apposition_re(most: int) -> re.Pattern:
    """An apposition of at most ``most`` characters set off by commas before a cue."""
    return re.compile(  # also a party's name: ", депутат фракции «Армения» Арташес …,"
        rf",(?:(?:[^,.;:!?\"“”«»\n]|(?<=\w)\.(?=[\w,])|(?<=\d),(?=\d{{3}})|\n(?=\S)){{2,{most}}}"  # "R.Politik", "1,340"
        # (not a source set off: ", по данным «Ъ», считают" has no subject in it)
        rf"|(?!\s*(?:по|according)\s)(?:[^,.;:!?\"“”«»\n]|«[^«»\n]{{1,30}}»"
        rf"|[\"“][^,.;:!?\"“”«»\n]{{1,30}}[\"”]){{2,{most}}}),\s*$"  # ", a group of "monetarist" …,"
    )


_APPOSITION_RE = _apposition_re(88)
# after a name that opens its sentence, a longer one: "Dmitry Medvedev, the former Russian
# president who is now deputy chairman of the country's Security Council, wrote"
_LONG_APPOSITION = 140
_LONG_APPOSITION_RE = _apposition_re(_LONG_APPOSITION - 2)
# a long description opens with a determiner or a pronoun, or is a role with its place:
# ", deputy manager of the Sumitomo Trust and Banking Co Ltd's securities department,"
_DESCRIPTION_OPENS_RE = re.compile(
    r",\s*(?:(?:the|a|an|who|whose)\s|(?:[a-z][\w-]*\s+){1,3}(?:of|at|for|with)\s)"
)
_PERSON_RE = re.compile(r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,2}")
# an apposition of a role and a person's name: ", депутат Госдумы Дмитрий Кольцов,"
_TITLED_NAME_RE = re.compile(
    r",[ \t]*([a-zа-яё][\w-]*(?:[ \t]+[\w«»\"-]+){0,4}?"
    r"[ \t]+[A-ZА-ЯЁ][a-zа-яё'’-]+[ \t]+[A-ZА-ЯЁ][a-zа-яё'’-]+),[ \t]*$"
)
_TWO_CAPITALS_RE = re.compile(r"[A-ZА-ЯЁ]\w*[ \t]+[A-ZА-ЯЁ]")  # a name in the phrase before
#: a verb of habit or wish before "to" and a cue: "Mirziyoyev likes to say", "which Moscow
#: continues to call"
HABIT_TO = (
    r"(?:likes?|liked|wants?|wanted|tends?|tended|continues?|continued|went on|prefers?|"
    r"has come|have come)\s+to"
)
_WISH_RE = re.compile(rf"(?<!\w){HABIT_TO}\s*$")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?…][\"'”’»]?[ \t]+|\n[ \t]*|[—–-][ \t]*)$")
# a short adverbial that opens an English sentence before its subject: "In Yerevan, "
_OPENER_BEFORE_RE = re.compile(
    r"(?:^|[.!?…][\"'”’»]?[ \t]+|\n[ \t]*)(?:In|On|At|Meanwhile|Elsewhere|Separately|Later)"
    r"(?:[ \t]+[\w’'-]+){0,3},[ \t]+$"
)
# a parenthetical between a Russian subject and its cue
_ASIDE_RE = re.compile(
    r"(?:,\s*(?:в свою очередь|впрочем|однако|со своей стороны|в частности|тем не менее|при этом|"
    r"в ответ|напротив),|(?<!\w)(?:при этом|между тем|тем временем|вместе с тем|в ответ))\s*$"
)


def named_apposition(text: str, pos: int) -> tuple[int, int]:
    """The name set off by commas right before ``pos``: "The spokesman for the ministry,
    Maria Zakharova, said" (start, end), else (-1, -1)."""
    m = _APPOSITION_RE.search(text, max(0, pos - _APPOSITION), pos)
    if m is None:
        return -1, -1
    inner = text[m.start() + 1 : m.end()].strip(" ,")
    words = inner.split()
    # up to six words: "the group's president, Nigerian Oil Minister Rilwanu Lukman, said";
    # particles inside a name: "The Commission's President, Ursula von der Leyen, said"
    # a title in lower case before the name: ", presidential aide Igor Valuyev,"
    titled = next((i for i, w in enumerate(words) if w[:1].isupper()), len(words))
    if 0 < titled <= 3 and words[titled - 1] in ROLES and len(words) - titled >= 2:
        inner = " ".join(words[titled:])
        words = words[titled:]
    if 0 < len(words) <= 6 and all(
        w[:1].isupper() or (0 < i < len(words) - 1 and w in NAME_PARTICLES)
        for i, w in enumerate(words)
    ):
        start = text.index(inner, m.start() + 1)
        return start, start + len(inner)
    return -1, -1


# what makes the name before an apposition an addressee or a setting, not the subject
_ADDRESSED_RE = re.compile(
    r"(?:\b(?:[Ss]peaking|[Tt]alking|[Ww]riting)\s+(?:to|in|for|with)|\btold|"
    r"\binterview\s+with)\s+$"
)


def before_apposition(text: str, pos: int, stop: frozenset, skip: frozenset) -> tuple[int, int]:
    """The name before an apposition: "Karen Mkrtchyan, a taxi driver, said" (start, end),
    or the name inside it: "The spokesman for the ministry, Maria Zakharova, said"."""
    m = _APPOSITION_RE.search(text, max(0, pos - _APPOSITION), pos)
    if m is None:  # "Balladur, asked at a news conference if …, said": a longer participle
        m = _PARTICIPLE_CLAUSE_RE.search(text, max(0, pos - _PARTICIPLE_REACH), pos)
    if m is None:
        return -1, -1
    named = named_apposition(text, pos)
    if named[0] >= 0:
        return named
    # "Армен Григорян в интервью Азатутюн, армянской службе Радио Свобода, сказал"
    head = before_adverbials(text, m.start(), skip)
    start, end = words_before(text, head, stop, skip, limit=4)
    titled = _TITLED_NAME_RE.search(text, m.start(), m.end())
    if titled is not None and start >= 0 and not _TWO_CAPITALS_RE.search(text, start + 1, end):
        # "Его оппонент, депутат Арташес Мкртчян, опасается": the name, not the description
        return titled.start(1), titled.end(1)
    phrase = text[start:end] if start >= 0 else ""
    if start >= 0 and _ADDRESSED_RE.search(text, max(0, start - 30), start):
        return -1, -1  # "Speaking to The Telegraph, a senior diplomat, …": whom, not who
    if start >= 0 and (
        text[start].isupper()
        or phrase.lower().startswith(RU_ROLES)
        or any(w[:1].isupper() or w.lower() in ROLES for w in phrase.split()[1:])
    ):  # a name, or a role: "глава правительства, выступая на брифинге,", "two White House
        # officials, speaking on condition of anonymity,"
        return start, end
    return -1, -1


def apposition_subject(text: str, pos: int, stop: frozenset, skip: frozenset) -> tuple[int, int]:
    """The capitalized phrase that opens a sentence before an apposition ending at ``pos``
    ("Rosselkhoznadzor, Russia's agricultural watchdog, said"), else (-1, -1)."""
    m = _APPOSITION_RE.search(text, max(0, pos - _APPOSITION), pos)
    long = m is None
    if long:
        m = _LONG_APPOSITION_RE.search(text, max(0, pos - _LONG_APPOSITION), pos)
        if m is None or not _DESCRIPTION_OPENS_RE.match(text, m.start()):
            return -1, -1
    s, e = words_before(text, m.start(), stop, skip)
    if s < 0 or not text[s].isupper():
        return -1, -1  # "In Yerevan, the bloc is finished, said X": no subject before
    if long and not _PERSON_RE.fullmatch(text, s, e):
        return -1, -1  # a long apposition describes a person named in full
    if not _SENTENCE_START_RE.search(text, max(0, s - 12), s) and not _OPENER_BEFORE_RE.search(
        text, max(0, s - 40), s
    ):
        return -1, -1  # the subject opens the sentence, or follows "In Yerevan," / "On Monday,"
    name = _NAME_AT_END_RE.search(text, m.start() + 1, m.end())
    head = text[s:e].split("’s")[-1].split("'s")[-1].strip()
    if name is not None and " " not in head and head[:1].islower():
        # "Armenia's envoy, parliament deputy speaker Ruben Rubinyan, told": the name; not
        # "Peskov, a spokesman for President Vladimir Putin, said"
        return name.span(1)
    return s, e


def after_participle(text: str, pos: int) -> bool:
    """Whether a participle clause set off by commas ends at ``pos`` ("Песков, комментируя
    слова премьера, опроверг"): the cue's subject is before it, not after the cue."""
    return _PARTICIPLE_CLAUSE_RE.search(text, max(0, pos - _PARTICIPLE_REACH), pos) is not None


def char_before(text: str, pos: int) -> str:
    """The last character before ``pos`` that is not a space or a tab ("" at the start)."""
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return text[pos - 1] if pos else ""


def before_adverbials(text: str, pos: int, skip: frozenset) -> int:
    """``pos`` moved back over the adverbs, the time adverbials and the settings right before
    a cue ("Pashinian on Thursday again ruled out", "Пашинян в четверг заявил", "Копыркин в
    интервью РИА Новости отметил", "Татоян в беседе с NEWS.am заявил"); a setting only
    after a capitalized word, so that "В интервью ТАСС Лавров заявил" keeps its speaker;
    an English gerund's setting after a word ("Du Plessis in disclosing the agreement last
    night said"), unless it holds a subject of its own ("… before entering the meeting he
    said")."""
    while True:
        aside = (
            _ASIDE_RE.search(text, max(0, pos - 30), pos)
            if char_before(text, pos) in ",мт"  # "…, в свою очередь,", "при этом", "в ответ"
            else None
        )
        if aside is not None:  # "Лидеры оппозиции, в свою очередь, заявили", "при этом"
            pos = aside.start()
            continue
        closing = char_before(text, pos) in (">", ")")  # the regex only after a bracket
        ticker = _TICKER_RE.search(text, max(0, pos - 20), pos) if closing else None
        if ticker is not None:
            pos = ticker.start()
            continue
        found = word_back(text, pos)
        word = text[found[0] : found[1]].lower() if found is not None else ""
        discourse = (
            _DISCOURSE_RE.search(text, max(0, pos - 30), pos) if word in _DISCOURSE_ENDS else None
        )
        if discourse is not None:  # "… and in this regard expressed", "for his part said"
            pos = discourse.start()
            continue
        if word in skip:
            pos = found[0]
            continue
        if word in ("today", "yesterday", "tonight"):  # "Yates today said", "Bieber yesterday
            pos = found[0]  # described …": when; its subject is before it
            continue
        if word == "longer":  # "many in Yerevan no longer believe …"
            no = word_back(text, found[0])
            if no is not None and text[no[0] : no[1]].lower() == "no":
                pos = no[0]
                continue
        if word == "пор":  # "в Бишкеке до сих пор называют": when, not who
            still = _STILL_RE.search(text, max(0, found[0] - 10), found[1])
            if still is not None:
                pos = still.start()
                continue
        if word == "это":  # "В Баку это называют", "Россия это отрицает": the object
            named = word_back(text, found[0])
            if named is not None and text[named[0]].isupper():
                pos = found[0]
                continue
        repeat = _REPEAT_RE.search(text, max(0, pos - 20), pos) if word == "раз" else None
        if repeat:  # "Лавров не раз говорил", "в очередной раз призвал"
            pos = repeat.start()
            continue
        window = text[max(0, pos - _SETTING_REACH) : pos]
        setting = (  # the search only where a preposition of a setting is (most cues: none)
            SETTING_RE.search(text, max(0, pos - _SETTING_REACH), pos)
            if any(p in window for p in _SETTING_PREPOSITIONS)
            else None
        )
        before = word_back(text, setting.start()) if setting else None
        if before is not None and (
            # "Лавров в интервью …", "дипломат в разговоре с «Ъ»", "в правительстве на запрос"
            text[before[0]].isupper()
            or text[before[0] : before[1]].lower().startswith((*RU_ROLES, *RU_INSTITUTIONS))
            or "анонимности" in setting.group()  # "Представитель одного из них на условиях …"
        ):
            pos = setting.start()
            continue
        gerund = _gerund_setting(text, pos, window, skip)
        if gerund >= 0:  # "Du Plessis in disclosing the agreement said": his setting
            pos = gerund
            continue
        if word == "to":  # "Mirziyoyev likes to say", "wants to stress"
            wish = _WISH_RE.search(text, max(0, pos - 24), pos)
            if wish is not None:
                pos = wish.start()
                continue
        m = TIME_RE.search(text, max(0, pos - 40), pos) if word in TIME_WORDS else None
        if m is None:
            return pos
        pos = m.start()


# a sentence's subject: capitalized words ("The Deputy Prime Minister", "Сергей Лавров")
# ... or all that precedes the colon, as in a headline: "Lavrov: 'No threat to the CSTO'"
# a Russian role, its office in lower case, then a name: "Спикер парламента Шалва Папуашвили"
_ROLE_THEN_NAME_RE = re.compile(
    r"([А-ЯЁ][а-яё-]+(?:[ \t]+[а-яё-]+){1,3}[ \t]+[А-ЯЁ][а-яё]+[ \t]+[А-ЯЁ][а-яё-]+)"
)
# an English adverbial that opens a sentence before its subject, to its comma
_EN_OPENER_RE = re.compile(
    r"[ \t]*(?:Over|At|In|On|During|After|Before|From|With|Asked|Speaking|Later|Still|Now)"
    r"\b[^,:.!?\n]{0,120},[ \t]*"
)
# a modifier and a role before a name: "Baku-based analyst Zaur Hasanov"
_EN_ROLE_THEN_NAME_RE = re.compile(
    r"[ \t]*(?:[A-Z][\w.-]*[ \t]+)?(?:[a-z][\w-]*[ \t]+){0,2}"
    rf"(?:{'|'.join(sorted(set(ROLES)))})[ \t]+"
    r"((?:[A-Z][\w'’.-]+[ \t]+){1,2}[A-Z][\w'’-]+)(?=[ \t]+[a-z]|[ \t]*:)"
)
_SUBJECT_RE = re.compile(  # and a role noun after the capitals: "One EU diplomat"
    r"[ \t]*((?:The[ \t]+)?[A-ZА-ЯЁ][\w.-]*(?:[ \t]+[A-ZА-ЯЁ][\w.-]*){0,5}"
    rf"(?:[ \t]+(?:{'|'.join(sorted(set(ROLES)))})s?\b)?)"
    r"(?=[ \t]+[a-zа-яё]|[ \t]*[:,][ \t]*\S)"
)


# the labels of a layout before a colon, which nobody says: "Note: …", "Фото: …"
_LAYOUT_LABELS = frozenset(
    "note notes photo photos source sources update correction caption video watch read related "
    "see also background context example quote headline title translation editor's editor "
    "фото видео источник источники читайте примечание справка цитата заголовок перевод "
    "обновлено исправление".split()
)


# a fronted clause before the main clause's pronoun: "When I asked whether she felt safe, "
_FRONTED_RE = re.compile(
    r"[ \t]*(?:When|As|If|Asked|After|Before|While)\b[^.!?:;\n\"“”«»]{0,160}?,[ \t]*"
)
_SPEECH_VERBS = frozenset("said says told added asked replied".split())


def _gerund_setting(text: str, pos: int, window: str, skip: frozenset) -> int:
    """Where an English gerund's setting that ends at ``pos`` starts, after a word ("Du
    Plessis in disclosing the agreement said"), or -1; not one with a subject of its own
    ("Speaking with reporters before entering a meeting he said")."""
    if "ing" not in window or not any(p in window for p in _GERUND_PREPOSITIONS):
        return -1
    gerund = _GERUND_SETTING_RE.search(text, max(0, pos - _SETTING_REACH), pos)
    subject = word_back(text, gerund.start()) if gerund else None
    if (
        subject is None
        or text[subject[0] : subject[1]].lower() in skip | EN_STOP
        or any(w.lower() in SUBJECT_PRONOUNS for w in gerund.group().split())
    ):
        return -1
    return gerund.start()


def pronoun_subject(text: str, start: int, end: int) -> str:
    """ "m" or "f" when the sentence ``text[start:end]`` has *he* or *she* as the subject of
    its main clause, after an adverbial or a fronted clause ("He grew serious when I asked
    …", "Over grilled sturgeon …, he is more expansive", "When I asked …, she laughed");
    else "". A quote with no cue that follows such a sentence is that person's.

    >>> pronoun_subject("When I asked whether she felt safe, she laughed.", 0, 48)
    'f'
    >>> pronoun_subject("Then the talks ended.", 0, 21)
    ''
    """
    pos = start + len(text[start:end]) - len(text[start:end].lstrip())
    opener = _EN_OPENER_RE.match(text, pos, end) or _FRONTED_RE.match(text, pos, end)
    if opener is not None:
        pos = opener.end()
    word = text[pos:end].split(None, 1)[0] if text[pos:end].strip() else ""
    if word.lower() not in ("he", "she") or (word[0].islower() and opener is None):
        return ""
    following = text[pos + len(word) : end].split(None, 1)
    if not following or not following[0][:1].islower() or following[0] in _SPEECH_VERBS:
        return ""
    return "m" if word.lower() == "he" else "f"


def colon_subject(text: str, start: int, colon: int) -> str:
    """The capitalized subject that opens the sentence from ``start`` to the colon before a
    quote at ``colon`` ("The President turned to the Russians: “…”", a headline's "Lavrov:
    'No threat'"), when the sentence has no cue; "" for a sentence that opens with another
    word ("Then", "In Kyiv", "Armenia's") or a layout's label ("Note:", "Фото:")."""
    while start < colon and not text[start].isalnum() and text[start] not in "«\"“„'‘":
        start += 1  # a digest's bullet: "▪️ Военкор Глеб Сухов бьет тревогу: «…»"
    opener = _EN_OPENER_RE.match(text, start, colon)
    if opener:  # "Over grilled sturgeon at a restaurant …, he is more expansive: “…”"
        start = opener.end()
    m = _SUBJECT_RE.match(text, start, colon)
    if m is None:
        return ""
    described = _EN_ROLE_THEN_NAME_RE.match(text, m.start(1), colon)
    if described:  # "Baku-based analyst Zaur Hasanov was blunter: “…”": the name
        return described.group(1)
    words = m.group(1).split()
    if words == ["The"]:
        return ""  # "The former IMF official is blunter: “…”": a description, not a name
    first = words[1] if words[0] == "The" and len(words) > 1 else words[0]
    low = first.lower()
    if low in EN_STOP or low in RU_STOP or low in PRONOUNS or low in _LAYOUT_LABELS:
        return ""
    named = _ROLE_THEN_NAME_RE.match(text, m.start(1), colon) if len(words) == 1 else None
    if named is not None and low.startswith(RU_ROLES):  # "Спикер парламента Шалва Папуашвили"
        return named.group(1)
    return m.group(1)
