"""Quote or scare quote: what kind a quoted span is, and whether it is a name.

:func:`quote_kind` applies the labelling guide's mechanical rule (a scare quote is at most
four words and no clause; after a term cue, "described … as", "назвал", four words too);
:func:`titled` tells the title of the noun before it (the law “On …”, конференция «…»);
:func:`names_nothing` tells a capitalized span that is a term, not a name (“Russophobic
hysteria”, “Russia’s ongoing occupation”; in English only: Russian names of parties and
movements often open with an adjective, «Гражданский договор»).
"""

from __future__ import annotations

import re

from .cues import ACCORDING, TERM
from .marks import QuoteSpan
from .speakers import Cue

__all__ = ["NAME_AFTER_RE", "SENTENCE_MARK_RE", "names_nothing", "quote_kind", "titled"]

_WORD_RE = re.compile(r"\w+")
#: the end of a sentence inside or after a quote
SENTENCE_MARK_RE = re.compile(r"[.!?…](?=[\s\"'”’»)]|$)")
# a noun right after a short quote that makes it a name: the “Sanctions” group, «Нормандский»
# формат, the "Star Wars" programme
NAME_AFTER_RE = re.compile(
    r"[ \t]+(?:group|initiative|programme|program|format|platform|party|movement|operation|"
    r"project|summit|forum|coalition|campaign|группа|группы|инициатив\w*|формат\w*|"
    r"платформ\w*|парти\w*|движени\w*|операци\w*|проект\w*|саммит\w*|форум\w*|"
    r"коалици\w*|кампани\w*)(?!\w)"
)
# the nouns that a title or a name in quotation marks follows: the law “On …”, конференция
# «…», the report titled “…”, the principle of “…”, по данным «Ъ»
_TITLE_BEFORE_RE = re.compile(
    r"(?<!\w)(?:law|decree|resolution|bill|conference|forum|festival|exhibition|book|film|"
    r"programme|program|strategy|operation|project|campaign|treaty|slogan|motto|principle|"
    r"formula|doctrine|hashtag|newspaper|channel|movement|party|titled|entitled|headlined|"
    r"закон\w*|указ\w*|постановлени\w*|конференци\w*|форум\w*|фестивал\w*|выставк\w*|"
    r"книг\w*|фильм\w*|программ\w*|стратеги\w*|операци\w*|проект\w*|кампани\w*|"
    r"договор\w*|лозунг\w*|девиз\w*|принцип\w*|формул\w*|доктрин\w*|газет\w*|"
    r"телеканал\w*|движени\w*|парти\w*|названием|тем[уеы]|темой|topic|theme|по данным|"
    r"плакат\w*|транспарант\w*|баннер\w*|placards?|banners?|signs?|заголовк\w*|headlines?)"
    r"(?:\s+of)?[\s,:]*$",
    re.IGNORECASE,
)
# a quote that opens with a person speaking: "We …", «Мы …»
_SPEAKING_RE = re.compile(r"(?:Мы|Я|Вы|We|I|You)\s")
_LAW_TITLE_RE = re.compile(r"(?:On|Об?)\s+(?:the\s+)?[^\W\d_]")
# an English auxiliary or modal makes a short quote a clause (“cannot be held responsible”)
_FINITE_RE = re.compile(
    r"(?<!\w)(?:is|are|was|were|has|have|had|will|would|can|cannot|could|shall|should|must|"
    r"may|might|does|did|won't|can't|isn't|aren't|wasn't|weren't|doesn't|didn't)(?!\w)",
    re.IGNORECASE,
)
# a Russian verb in a short quote makes it a clause too: a negated present or past
# («не заставит себя ждать», «не представляет угрозы»), a reflexive form («превратились»),
# a present tense no noun has («совершает ошибку») or "стала", "был" («стала угрозой»)
_RU_FINITE_RE = re.compile(
    r"(?<!\w)не\s+[а-яё]+(?:ет|ит|ут|ют|ат|ят|ем|им|л|ла|ло|ли)(?!\w)"
    r"|[а-яё]{2,}(?:ется|ится|ются|ятся|утся|лся|лась|лось|лись)(?!\w)"
    r"|[а-яё]{2,}(?:ает|яет|ует|еет|ают|яют|уют|еют|ывал[аио]?|ивал[аио]?)(?!\w)"
    r"|(?<!\w)(?:пере|за|на|до|при)?(?:стал|был)[аио]?(?!\w)",
    re.IGNORECASE,
)
# the nouns of a slogan, quoted whatever its length: the principle of “nothing about …”
_SLOGAN_RE = re.compile(r"(?:slogan|motto|principle|formula|doctrine|hashtag|лозунг|девиз|"
                        r"принцип|формул|доктрин|плакат|транспарант|placard|banner)", re.I)  # fmt: skip
# the nouns whose names are capitalized: a party, a movement, a paper, a channel
_NAMED_ORG_RE = re.compile(
    r"(?<!\w)(?:парти|движени|газет|телеканал|party|movement|newspaper|channel)"
)
_SCARE_WORDS = 4  # a scare quote is at most four words (the labelling guide)
_TERM_WORDS = _SCARE_WORDS  # a term after described … as, called: the same four words
# a capitalized first word that is an adjective or a possessive, the rest in lower case: a
# term ("Russophobic hysteria", "Western curators", "Russia’s ongoing occupation"), unless
# a capital follows ("Georgian Dream")
_ADJECTIVE_FIRST_RE = re.compile(r"[A-Z][\w-]*(?:ic|ern|ian|an|ish|ese|i|['’]s)(?:\s+[a-z][\w-]*)+")


_CONTRAST_RE = re.compile(r",\s+(?:not|but|а\s+не|но\s+не|не)\s")


def names_nothing(quote: str) -> bool:
    """Whether a capitalized quoted span is a term after all: an adjective or a possessive
    first, then words in lower case.

    A contrast is no name either: "Kazakh, not Russian", «российская, а не армянская».

    >>> names_nothing("Russophobic hysteria"), names_nothing("Щит Союза"), names_nothing("Eagle Partner")
    (True, False, False)
    >>> names_nothing("Kazakh, not Russian")
    True
    """
    if _CONTRAST_RE.search(quote):
        return True
    return _ADJECTIVE_FIRST_RE.fullmatch(quote.strip(" ,.")) is not None


# the small words a title in English leaves in lower case
_TITLE_SMALL = frozenset(
    "a an the and or of for on in to at by with from de von der du la le".split()
)


def _title_case(words: list[str]) -> bool:
    """Whether ``words`` are a title: every word capitalized (or a number), or the first and
    the last of three or more, with only small words between in lower case."""
    capital = [w[:1].isupper() or w.isdigit() for w in words]
    if all(capital):
        return True
    return (
        capital[0]
        and capital[-1]
        and sum(capital) >= 2
        and len(words) >= 3  # "Face the Nation"
        and all(c or w in _TITLE_SMALL for c, w in zip(capital, words, strict=True))
    )


def quote_kind(
    quote: str, adjacent: bool, cue: Cue | None, answered: bool = False, colon: bool = False
) -> str:
    """ "quote" or "scare_quote" (the rules are in the docstring of :mod:`framing.voices.quotes`); ``answered``: the
    attribution follows the quote («Есть», — ответила Захарова: a word said, not a name);
    ``colon``: a colon introduces it (He said: “no threat”: words given as said)."""
    if cue is not None and cue.kind == TERM:
        return "scare_quote" if len(_WORD_RE.findall(quote)) <= _TERM_WORDS else "quote"
    words = _WORD_RE.findall(quote)
    speech = SENTENCE_MARK_RE.search(quote.rstrip()) or quote.rstrip().endswith(",")
    # (American style puts a title's comma or full stop inside the marks: “Face the Nation.”)
    inside = SENTENCE_MARK_RE.search(quote.rstrip().rstrip(",."))
    if not inside and len(words) >= 2 and _title_case(words):
        return "scare_quote"  # a title or a name: “The Long View”, “Trump Route for … Prosperity”
    if not speech and _LAW_TITLE_RE.match(quote):
        return "scare_quote"  # the title of a law or a decree: “On the Strategy for …”
    if not speech and len(words) == 1 and words[0][:1].isupper() and not answered:
        return "scare_quote"  # a name, even right after a cue: заявила «Азатутюн», что
    fragment = (  # a few words in lower case and no verb: "…, а лишь о «технической паузе»,"
        quote[:1].islower()
        # but all that "по его словам," introduces is his: «решение за Ереваном»
        and (quote.isascii() or cue is None or cue.kind != ACCORDING)
        and not colon
        and len(words) <= _SCARE_WORDS
        and not _FINITE_RE.search(quote)
        and not _RU_FINITE_RE.search(quote)
    )
    if (adjacent or speech) and not fragment:  # “now back in,” Frawley said: a fragment's term
        return "quote"
    if _FINITE_RE.search(quote) or _RU_FINITE_RE.search(quote):
        return "quote"  # a clause, however short: the alliance “cannot be held responsible”
    return "scare_quote" if len(words) <= _SCARE_WORDS else "quote"


def titled(text: str, q: QuoteSpan, quote: str) -> bool:
    """Whether the quote is the title or name of the noun before it (the law “On …”, the
    principle of “…”); a party's or an outlet's name is capitalized ("партия «сознательно
    ведет страну…»" names nothing)."""
    title = _TITLE_BEFORE_RE.search(text, max(0, q.start - 40), q.start - 1)
    if title is not None and not _SLOGAN_RE.search(title.group()):
        lower = quote[:1].islower()
        if (lower and len(_WORD_RE.findall(quote)) > _SCARE_WORDS) or _SPEAKING_RE.match(quote):
            return False  # the resolution “serves only to fuel tensions …”, договора: «Мы …»
        if lower and (_FINITE_RE.search(quote) or _RU_FINITE_RE.search(quote)):
            return False  # мирный договор «останется документом на бумаге»: words said
    return title is not None and not (
        quote[:1].islower() and _NAMED_ORG_RE.search(title.group().lower()) is not None
    )
