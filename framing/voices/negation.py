"""Negation cues and their scopes (NegEx-like): is a hit governed by a negation in its clause?

The rules, in the spirit of NegEx (Chapman et al. 2001) and its descendants (negspacy,
pyConTextNLP), adapted to news prose in English and Russian:

* **Cues that negate what follows**: ``no``, ``not``, ``n't``, ``never``, ``nor``,
  ``neither``, ``without``, ``none``, ``nobody``, ``no one``, ``nothing``, ``no longer``,
  ``not yet``, ``lack of``, ``absence of``, ``free of``, ``cannot``; and the **denial verbs**
  ``deny`` / ``denied`` / ``denies``, ``reject`` / ``rejected``, ``refute`` / ``refuted``,
  ``rule(d) out``, ``dismiss(ed)`` when an ``as`` follows in its clause ("dismissed talk of a
  collapse as rumours"), or when its object is the term itself ("dismissed the threat";
  "dismissed the minister" is not a cue). Russian: ``не``, ``нет``,
  ``ни``, ``никакой`` and every ``никак…`` form, ``ничего``, ``никто``, ``никогда``, ``нигде``,
  ``без``, ``отсутствие`` (``отсутств…``), ``отверг…``, ``опроверг…``, ``отрица…``,
  ``отклонил…``, ``исключил…`` (ruled out; "не исключил" is a pseudo-negation).
* **Scope**: a hit is negated when a cue ends at most :data:`WINDOW` word tokens before the
  hit's start (and starts at most :data:`REACH` characters before it), with no **clause
  boundary** in between. Boundaries: a sentence end (``.``, ``!``, ``?``, ``…`` before a
  space), a line break, ``;``, ``:``, a comma followed by ``and``, ``so``, ``since``, ``because``, ``as``,
  ``if``, ``when``, ``where``, ``adding``, ``saying``, ``noting`` (``и``, ``поскольку``,
  ``потому``, ``если``, ``когда``, ``так как``, ``чтобы``, ``где``, ``куда``, ``откуда``,
  ``либо``, ``или``); ``and that``, ``и что``, ``when``, ``where`` with or without a comma;
  "и" before a second verb of the subject ("не поехал в Минск и провел …"); ``что`` except
  after a denial: "отрицал, что …"), and the words ``but``,
  ``however``, ``although``, ``though``, ``yet``, ``whereas``, ``while``, ``except``,
  ``apart from``, ``aside from``, ``which``, ``who``, ``nevertheless``, ``despite``,
  ``amid``, ``unlike``; ``однако``, ``но``, ``а``, ``зато``, ``хотя``, ``тогда как``,
  ``котор…``, ``несмотря``, ``тем не менее``, ``впрочем``, ``вопреки``. Commas alone do not
  end a scope, so lists stay in it: in "no threat, pressure or ultimatum" all three are
  negated. A denial whose object is a clause ("denied that …", "отрицает, что …") governs
  it up to :data:`CLAUSE_WINDOW` tokens. ``without`` / ``без`` govern only their noun
  phrase (at most :data:`NP_WINDOW` tokens: "без гарантий безопасности", not "без гарантий …
  может привести к эскалации", nor past a comma and a new subject: "Without sanctions
  relief, the crisis …");
  a ``нет`` right before a comma or a dash closed its clause ("угрозы нет, есть угроза …").
  A scope does not cross into or out of a quote (an odd number of quotation marks « » “ ”
  " between cue and hit: the alliance “cannot be held responsible” for the security …),
  but a whole quote inside it is no barrier (no "suspended" sanctions packages).
* **Post-position cues** negate a hit at most :data:`POST_WINDOW` tokens *before* them in
  the same clause: "a threat that never materialised", "the collapse was ruled out", "the
  threat does not exist", "fears of a collapse proved unfounded", "угроза не подтвердилась",
  "возобновление войны исключено"; a post cue that ends its clause reaches back over the
  term's noun phrase, up to :data:`CLOSING_WINDOW` tokens ("The threat of a renewed war does
  not exist, …").
  Russian ``нет``, ``не было`` / ``не будет`` / ``не существует`` … and ``речь не идет``
  negate both ways: "нет угрозы" and "угрозы нет", "угроз не было", "о разрыве речь не
  идет"; not a term after "у", which has or has not something ("у этой войны нет
  решения"). This is the one backward window: NegEx has it too, and news writes these forms
  often enough.
* **Pseudo-negations** are matched first and negate nothing: "not only", "not just", "not
  least", "no doubt", "no secret", "without (a) doubt", "no longer than", "no less / more
  than", "nothing but", "nothing short of", "not to mention", "whether or not", "if not",
  "no-fly", "No, …" (an answer), "not clear whether"; "не только", "не просто", "не раз",
  "не менее", "нельзя не", "не мог не", "не можем не", "без сомнения", "нет сомнений", "не секрет", "чуть ли не",
  "как бы то ни было", and questions ("не является ли …"). A yes/no question negates nothing
  ("Did the CSTO not respond to the attack?"); a question with a question word presumes its
  negation and keeps it ("Why did the CSTO not respond …?").
* **Known limits** (as in NegEx, without syntax): a cue negates every word in its scope, so
  in "there was no threat to Russia's zone of responsibility" the zone is negated too, and a
  comma that ends a clause without a conjunction ("since it is not regulated, the security
  guarantees …") does not end the scope.
* **Double negation**: litotes are affirmations, so "not without", "not unlike", "cannot
  rule out", "not ruled out", "did not deny", "no one can deny", "не без", "не исключено" /
  "не исключает", "не отрицают" are pseudo-negations
  (the hit is *not* negated: "not without risk" asserts a risk). Otherwise negations are not
  counted for parity: any cue in scope negates ("it is not true that there is no threat"
  gives a negated "threat"), as in NegEx.
* Languages other than English and Russian have no cues here: their hits are never negated.

All patterns are alternations of fixed words with bounded gaps, compiled once per language
into one regular expression: matching is linear in the text, whatever the input. Only the
neighbourhood of the hits is read, so the cost grows with the hits, not with the texts: for
each hit a small pattern looks for a word that may begin a cue in the :data:`REACH`
characters before it (or a post cue just after it), and only where one is found is that
stretch scanned with the whole pattern. Text is matched lower-cased.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..tokens import aligned_lower, language_name
from .sentences import unwrap_lines

__all__ = [
    "WINDOW",
    "NP_WINDOW",
    "POST_WINDOW",
    "CLAUSE_WINDOW",
    "REACH",
    "POST_REACH",
    "NEGATION_LANGUAGES",
    "negated",
    "negation_cues",
    "script_language",
]

#: the most word tokens between a cue and the hit it negates: NegEx's five, widened for news,
#: whose negated verbs take long objects ("will not pay its share of the Russian-led security
#: alliance's budget"); on the development sets recall rises by 3-6 points, precision falls
#: by about one (the labels negate to the clause's end, as NegEx does without a window)
WINDOW = 8
#: the most word tokens between "without" / "без" and a hit: they govern their noun phrase
NP_WINDOW = 3
#: the most word tokens between a hit and a post-position cue after it
POST_WINDOW = 3
#: word tokens a denial governs when a "that" clause is its object ("denied that …")
CLAUSE_WINDOW = 14
#: word tokens a denial governs when a report is its object ("dismissed opposition claims
#: that Yerevan's refusal to pay its dues had exposed the country to a Russian attack")
OBJECT_WINDOW = 22
#: the same, when the cue both ways ends its clause: the Russian existential "нет" closes a
#: noun phrase, whose modifiers stand between ("угрозы для курса в краткосрочной перспективе
#: нет", "опасности веерных отключений на правом берегу нет")
CLOSING_WINDOW = 7
#: the most characters from a cue's start to the hit's start (six tokens of 14 characters)
REACH = 100
#: the most characters from a hit's end to a post-position cue's start
POST_REACH = 60
#: the languages (NLTK names) with negation cues
NEGATION_LANGUAGES = ("english", "russian")

_APOSTROPHE = "['’ʼ]"

# Each list holds regular-expression pieces of fixed words; a space stands for white space.
_EN = {
    "pseudo": [
        r"not only", r"not just", r"not merely", r"not least", r"not to mention",
        r"not without", r"not unlike", r"not ruled out", r"not rule out", r"not been ruled out",
        r"(?:can|could)(?:not| not|n" + _APOSTROPHE + r"t) (?:be )?rule[ds]? out",
        r"no doubt", r"no question that", r"no secret", r"no wonder",
        r"without (?:a |any )?doubt", r"no longer than",
        r"no (?:less|fewer|sooner|matter)", r"no more than", r"nothing (?:but|less than|short of)",
        r"(?:can|could)(?:not| not|n" + _APOSTROPHE + r"t) fail to",
        r"whether or not", r"or not", r"if not", r"no[-‐‑]\w+", r"no(?=\s*[,.!])",
        r"not (?:clear|certain|known|sure) (?:whether|if)",  # a doubt, not a denial
        # a denial denied affirms: "did not deny the attack", "no one can deny that"
        r"(?:did|does|do|could|can|would|will)(?:not| not|n" + _APOSTROPHE + r"t) deny",
        r"no one (?:can|could) deny",
    ],
    "post": [
        r"(?:never|not|\w+n" + _APOSTROPHE + r"t|failed to) "
        r"(?:materiali[sz]ed?|come true|came true)",
        r"(?:was|were|is|are|has been|have been|had been) "
        r"(?:ruled out|denied|dismissed|refuted|rejected)",
        r"(?:was|were|is|are|proved|proven|prove) (?:unfounded|groundless|baseless)",
        # "the threat does not exist", as Russian "угрозы не существует"
        r"(?:does|do|did)(?: not|n" + _APOSTROPHE + r"t) exist|no longer exists?",
    ],
    "cue": [
        r"no longer", r"not yet", r"no one", r"lack of",
        r"lacks", r"absence of", r"free of", r"cannot", r"no", r"not", r"never", r"nor",
        r"neither", r"without", r"none", r"nobody", r"nothing", r"nowhere",
        r"den(?:y|ies|ied|ying)", r"reject(?:s|ed|ing)?", r"refut(?:e|es|ed|ing)",
        r"rul(?:e|es|ed|ing) out",
        r"dismiss(?:es|ed|ing)?",
    ],
    "stop": [
        r"but", r"however", r"although", r"though", r"yet", r"whereas", r"while",
        r"except", r"apart from", r"aside from", r"which", r"who", r"nevertheless",
        r"nonetheless", r"none the less", r"despite", r"in spite of", r"amid", r"unlike",
    ],
}  # fmt: skip

# at the start of a sentence or a quote: "Нет, ..." is an answer, not a negation
_ANSWER = r"(?:^|(?<=[.!?…:;\n«\"„“—–(-])|(?<=[.!?…:;«\"„“—–(-]\s))"

_RU = {
    "pseudo": [
        r"не только", r"не просто", r"не столько", r"не раз", r"не менее", r"не меньше",
        r"не без", r"не исключ\w*", r"не что иное", r"ничто иное", r"ничего,? кроме",
        r"нельзя не", r"не мог(?:у|ла|ли|ло)? не", r"не может не", r"не могут не",
        r"не можем не", r"не можете не", r"не можешь не", r"не \w+ ли",
        r"без (?:всякого )?сомнени\w*", r"нет сомнени\w*", r"сомнени\w* нет", r"не говоря уже", r"не секрет",
        r"чуть ли не", r"едва ли не", r"или нет", r"бы (?:то )?ни", _ANSWER + r"нет[,!]",
        r"не (?:отрица|опроверг|отверг)\w*",  # "в Кремле не отрицают кризиса": affirmed
    ],
    "post": [
        r"не (?:подтвердил|сбыл|состоял|оправдал|материализовал)\w*",
        r"(?:был[аио]? )?(?:опровергнут|отвергнут)\w*",
        r"(?:был[аио]? )?исключен[аоы]?",  # "возобновление войны исключено"
    ],
    "cue": [
        r"не", r"ни", r"никак\w*", r"ничего", r"ничто", r"ничем", r"никто", r"никого",
        r"никому", r"никем", r"никогда", r"нигде", r"ниоткуда", r"без", r"безо",
        r"отсутств\w*", r"отверг\w*", r"опроверг\w*", r"опровержени\w*", r"отрица\w*",
        r"отклонил\w*", r"отклоня(?:ет|ют)", r"исключ(?:ил|ила|или|ает|ают|ен|ена|ено|ены)",
    ],
    # "нет" and "не было" negate both ways: "нет угрозы" and "угрозы нет", "угроз не было"
    "both": [
        r"нет", r"не (?:было|будет|существует|существовало|наблюдается|осталось)",
        r"речь не (?:ид[её]т|шла|пойд[её]т)",  # "о разрыве речь не идет", "речь не идет о …"
    ],
    "stop": [
        r"однако", r"но", r"а", r"зато", r"хотя", r"тогда как", r"в то время как",
        r"котор\w+", r"несмотря", r"тем не менее", r"впрочем", r"вопреки", r"в отличие от",
    ],
}  # fmt: skip

# Word beginnings (lower case) of which every cue ("forward") and every post cue ("post")
# holds one, besides "n't": a hit with none of them near it is not negated, and the text near
# it is not scanned with the whole pattern.
_EN["forward triggers"] = [
    "no", "nev", "nei", "without", "lack", "absence", "free", "den", "reject", "refut", "rul",
    "dismiss", "cannot",
]  # fmt: skip
_EN["post triggers"] = [
    "materiali", "true", "rul", "den", "dismiss", "refut", "reject", "unfounded", "groundless",
    "baseless", "exist",
]  # fmt: skip
_RU["forward triggers"] = [
    "не", "ни", "без", "отсутств", "отверг", "опроверг", "отрица", "отклон", "исключ",
]  # fmt: skip
_RU["post triggers"] = [
    "нет", "не", "подтверди", "сбыл", "состоял", "оправдал", "материализ", "опровергнут", "отвергнут",
    "реч", "исключ",
]  # fmt: skip
_CUE_SETS = {"english": _EN, "russian": _RU}

# punctuation that ends a clause: a sentence end before white space, a line break, ; and :
_PUNCT_STOP = r"[.!?…]+(?=\s|$|[\"'»”’)\]])|\n|[;:]"
# a comma and "and" start a new clause more often than they end a list (news style has no
# serial comma); a comma and a subordinating word always do
_DENIED_THAT_RE = re.compile(
    r"(?:denied|denies|deny|rejected|rejects|отрица\w*|отверг\w*|опроверг\w*)"
    r"\s*,?\s*(?:that|что)(?!\w)"
)
# a denial whose object is a report of something ("rejected suggestions that the defences
# were close to collapse", "опроверг сообщения СМИ о приостановке …")
_DENIED_CLAIMS_RE = re.compile(
    r"(?:dismiss\w*|denied|denies|deny|rejected|rejects|refuted|отверг\w*|опроверг\w*)"
    r"(?:\s+\w+){0,3}?\s+(?:claims?|suggestions?|allegations?|reports?|speculation|rumou?rs?|"
    r"accusations?|сообщени\w*|информаци\w*|слух\w*|обвинени\w*|утверждени\w*|домысл\w*)(?!\w)"
)
# the forms of the Russian denials whose object a "что" clause is ("отрицают, что …")
_DENIALS = [
    stem + ending
    for stem, endings in (
        ("отрица", ("л", "ла", "ли", "ет", "ют", "ю")),
        ("отверг", ("", "ла", "ли", "ает", "ают")),
        ("опроверг", ("", "ла", "ли", "ает", "ают")),
    )
    for ending in endings
]
_COMMA_AND = (
    r",\s*(?:and|so|since|because|as|if|when|where|adding|saying|noting|и|поскольку|потому|если|"
    r"когда|так как|чтобы|где|куда|откуда|либо|или)(?!\w)"
    # a second content clause or a new one with no comma: "was not directed against anyone
    # and that Armenia's security …", "did nothing when our territory came under attack"
    r"|(?<!\w)(?:and that|when|where|и что)(?!\w)"
    # "rejected claims of profiling and said it was Baku that was escalating": a second verb
    r"|(?<!\w)and(?=\s+(?:said|says|added|insisted|warned|stressed|noted|told|called|accused|"
    r"urged|argued|claimed|blamed)(?!\w))"
    # "не поехал в Минск и провел переговоры …": a second verb of the subject, a new clause
    r"|(?<!\w)и(?=\s+[а-яё]{3,}(?:ает|яет|ует|ают|яют|уют|ил|ила|или|ило|ала|али|яла|яли|вел|вёл|шел|шёл)(?!\w))"
    # "не означает, что …": a new clause; not after a denial, whose object it is ("отрицал,
    # что блоку грозит распад")
    r"|" + "".join(f"(?<!{verb})" for verb in _DENIALS) + r",\s*что(?!\w)"
)
# "n't" is a cue inside a word ("doesn't"), so it stands outside the whole-word alternatives
_INFIX_CUE = r"n['’ʼ]t(?:\s+yet)?(?!\w)"
_KINDS = ("pseudo", "post", "both", "cue", "stop")
#: the kind of each named group of the compiled pattern
_GROUP_KIND = {"pseudo": "pseudo", "post": "post", "both": "both", "cue": "cue", "stop": "stop",
               "punct": "stop", "infix": "cue"}  # fmt: skip
# a cue may end this far past where the scan stops; a trigger lies at most _LEAD characters
# after the start of its cue or pseudo-negation ("whether or not", "has been ruled out")
_SLACK = 120
_LEAD = 24
# "dismiss" negates only with an "as" later in its clause ("dismissed the talk as rumours")
# "dismissed the reports as …", "dismissed fears of a war": a denial; "dismissed the
# minister" is not
_DISMISS_AS = re.compile(
    r"[^.;:!?\n]{0,80}?\bas\b|\s+(?:the\s+)?(?:fears?|warnings?|talk|concerns?|claims?|"
    r"reports?|suggestions?|speculation|rumou?rs?|idea|possibility|allegations?|accusations?|"
    r"threats?)\s+(?:of|that|about)\b"
    # "dismissed the threat", "dismissed any danger": the term itself is what is dismissed
    r"|\s+(?:the\s+|a\s+|any\s+|such\s+)?(?:threats?|dangers?|risks?|crisis)\b",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"\w+")
_SENTENCE_MARK_RE = re.compile(r"[.!?](?=\s|$|[\"'»”’)\]])|\n")
_WH_RE = re.compile(
    r"[\s\"'«“—–-]*(?:why|how|what|when|where|who|which|почему|зачем|как|что|когда|где|кто|"
    r"какой|какая|какие|отчего)(?!\w)"
)
_NP_CUES = frozenset(("without", "без", "безо"))
# a comma, then a determiner or a pronoun: a new clause's subject, out of "without"'s phrase
_NEW_SUBJECT_RE = re.compile(
    r",\s+(?:the|a|an|this|that|these|those|its|his|her|their|our|we|they|it|he|she|i)\b"
)
_CLOSED_RE = re.compile(r"\s*[,—–]")
_CLAUSE_END_RE = re.compile(r"\s*(?:[,—–.;:!?…»”\")]|$)")
CLOSING_REACH = 110  # characters: CLOSING_WINDOW words
# a hit after "у" is what has (or has not) something: "у этой войны нет решения"
_POSSESSOR_RE = re.compile(r"(?<!\w)у\s+(?:[а-яё]+\s+){0,2}$")
_ASIDE_RE = re.compile(r",[^,]{1,25},")  # a short parenthetical: ", по его мнению,", ", может,"
# a cue outside a quote does not govern a hit inside it, nor the reverse: an odd number of
# quotation marks between them („ is left out: it opens a quotation nested in «…», which is
# no barrier); a whole quote between them is no barrier (no "suspended" sanctions packages)
_QUOTE_MARK_RE = re.compile(r"[«»“”\"]")
# In UTF-8 a letter A-Z, a-z is its own byte and a character of U+0400-U+04FF (Cyrillic) is
# two bytes led by 0xD0-0xD3: counting bytes counts the letters without a match per letter.
_NOT_LATIN = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
_NOT_CYRILLIC_LEAD = bytes(b for b in range(256) if not 0xD0 <= b <= 0xD3)


def _alternation(pieces: list[str]) -> str:
    """Alternatives, longest first; a space in a piece stands for any white space."""
    return "|".join(p.replace(" ", r"\s+") for p in sorted(pieces, key=len, reverse=True))


def _trigger_pattern(words: list[str], *, infix: bool) -> re.Pattern:
    """A pattern finding the words that begin like one of ``words`` (and "n't" if ``infix``)."""
    body = rf"(?<!\w)(?:{_alternation(words)})"
    return re.compile(rf"{body}|n['’ʼ]t(?!\w)" if infix else body)


@dataclass(frozen=True)
class NegationCues:
    """The compiled cues of one language: one pattern, a named group per kind of match.

    ``pattern`` ignores case; ``lower_pattern`` is the same for lower-cased text (about twice
    as fast). ``forward`` and ``post`` find (in lower-cased text) the word beginnings of which
    every cue, respectively every post cue, holds one.
    """

    language: str
    pattern: re.Pattern
    lower_pattern: re.Pattern
    forward: re.Pattern
    post: re.Pattern


@lru_cache(maxsize=8)
def negation_cues(lang: str | None) -> NegationCues | None:
    """The compiled negation cues of a language (ISO code or NLTK name), None if it has none.

    Examples
    --------
    >>> negation_cues("ru").language, negation_cues("de") is None
    ('russian', True)
    >>> [m.lastgroup for m in negation_cues("en").pattern.finditer("Not only no threat; but")]
    ['pseudo', 'cue', 'punct', 'stop']
    """
    name = language_name(lang)
    sets = _CUE_SETS.get(name)
    if sets is None:
        return None
    words = "|".join(f"(?P<{kind}>{_alternation(sets[kind])})" for kind in _KINDS if sets.get(kind))
    body = (
        rf"(?<!\w)(?:{words})(?!\w)|(?P<punct>{_PUNCT_STOP}|{_COMMA_AND})"
        rf"|(?P<infix>{_INFIX_CUE})"
    )
    return NegationCues(
        name,
        re.compile(body, re.IGNORECASE),
        re.compile(body),
        _trigger_pattern(sets["forward triggers"], infix=name == "english"),
        _trigger_pattern(sets["post triggers"], infix=False),
    )


def script_language(text) -> str:
    """``"russian"`` when a text has more Cyrillic than Latin letters, else ``"english"``.

    Only the first 4,000 characters are looked at: enough to tell the script of an article.

    Examples
    --------
    >>> script_language("Угроза распада ОДКБ"), script_language("CSTO"), script_language(None)
    ('russian', 'english', 'english')
    """
    if not isinstance(text, str):
        return "english"
    head = text[:4000].encode("utf-8", "surrogatepass")
    cyrillic = len(head.translate(None, _NOT_CYRILLIC_LEAD))
    return "russian" if cyrillic > len(head.translate(None, _NOT_LATIN)) else "english"


class _Scanner:
    """The matches of the cue pattern in stretches of one text, lower-cased."""

    def __init__(self, cues: NegationCues, text: str):
        self.low = aligned_lower(text)
        self.pattern = cues.lower_pattern

    def matches(self, lo: int, hi: int):
        """``(kind, start, end)`` of the matches that start in ``[lo, hi)``, pseudo ones left out."""
        for m in self.pattern.finditer(self.low, max(lo, 0), hi + _SLACK):
            if m.start() >= hi:
                break
            kind = _GROUP_KIND[m.lastgroup]
            if kind == "cue" and m.group().startswith("dismiss"):
                if not _DISMISS_AS.match(self.low, m.end()):
                    continue
            if kind != "pseudo":
                yield kind, m.start(), m.end()

    def words(self, lo: int, hi: int) -> int:
        return len(_WORD_RE.findall(self.low, lo, hi))

    def across_quote(self, lo: int, hi: int) -> bool:
        """Whether ``[lo, hi)`` crosses into or out of a quote (an odd number of marks)."""
        return len(_QUOTE_MARK_RE.findall(self.low, lo, hi)) % 2 == 1


def _forward(scan: _Scanner, start: int, first: int) -> bool:
    """Whether a cue governs a hit at ``start``; ``first`` is the first trigger in reach."""
    lo = start - REACH
    cue_end, window = -1, WINDOW
    for kind, m_start, m_end in scan.matches(first - _LEAD, start):
        if kind in ("cue", "both") and m_start >= lo and m_end <= start:
            if kind == "both" and _CLOSED_RE.match(scan.low, m_end):
                cue_end = -1  # "угрозы нет, есть угроза провокаций": "нет" closed its clause
                continue
            cue_end = m_end
            window = NP_WINDOW if scan.low[m_start:m_end] in _NP_CUES else WINDOW
            if window == NP_WINDOW and _NEW_SUBJECT_RE.search(scan.low, m_end, start):
                cue_end = -1  # "Without sanctions relief, the crisis …": another clause
            if _DENIED_THAT_RE.match(scan.low, m_start):
                window = CLAUSE_WINDOW  # "denied that the troops posed a threat": the clause
            elif _DENIED_CLAIMS_RE.match(scan.low, m_start):
                window = OBJECT_WINDOW  # "dismissed opposition claims that …": all of them
        elif kind == "stop":
            cue_end = -1  # a boundary after a cue ends its scope
    return (
        cue_end >= 0
        and scan.words(cue_end, start) <= window
        and not scan.across_quote(cue_end, start)
    )


def _backward(scan: _Scanner, start: int, end: int) -> bool:
    """Whether a post cue after ``end`` governs a hit ``scan.low[start:end]``."""
    for kind, m_start, m_end in scan.matches(end, end + CLOSING_REACH + 1):
        if kind == "stop":
            return False
        if kind == "both" and _POSSESSOR_RE.search(scan.low, max(0, start - 24), start):
            return False  # "у этой войны нет решения": what the war has not is negated
        if kind in ("post", "both"):
            words = scan.words(end, m_start)
            if words > POST_WINDOW and _CLAUSE_END_RE.match(scan.low, m_end) is not None:
                # one noun phrase, without a comma ("…, сомнений нет" is another clause):
                # "угрозы для курса … нет", "a renewed attack on Kyiv … has been ruled out."
                between = _ASIDE_RE.sub(" ", scan.low[end:m_start])  # ", по его мнению,"
                return words <= CLOSING_WINDOW and "," not in between
            return words <= POST_WINDOW and not scan.across_quote(end, m_start)
    return False


def _yes_no_question(low: str, start: int, end: int) -> bool:
    """Whether the sentence around ``low[start:end]`` asks a yes/no question: it ends with
    "?" and opens with no question word ("why", "почему": those presume what they ask)."""
    mark = _SENTENCE_MARK_RE.search(low, end)
    if mark is None or mark.group() != "?":
        return False
    opening = max((m.end() for m in _SENTENCE_MARK_RE.finditer(low, max(0, start - 300), start)),
                  default=max(0, start - 300))  # fmt: skip
    return _WH_RE.match(low, opening) is None


def negated(text, starts, ends, lang: str | None = "english") -> np.ndarray:
    """Whether a negation cue governs each hit ``text[start:end]`` within its clause.

    Parameters
    ----------
    text : str
        One article's text (anything else gives all False). The line breaks of hard-wrapped
        paragraphs (wire copy) do not end a clause: the text is read as
        :func:`framing.voices.sentences.unwrap_lines` joins it.
    starts, ends : array-like of int
        The hits' character offsets into ``text``.
    lang : str, optional
        The text's language, an ISO code or NLTK name (``"en"``, ``"russian"``). Languages
        without cues (see :data:`NEGATION_LANGUAGES`) give all False.

    Returns
    -------
    ndarray of bool
        One value per hit, in the order given.

    Examples
    --------
    >>> text = "There is no threat to Armenia, but a collapse of trust."
    >>> negated(text, [12, 37], [18, 45]).tolist()
    [True, False]
    >>> text = "Лавров опроверг сообщения о распаде ОДКБ, но признал кризис."
    >>> negated(text, [28, 52], [35, 58], "ru").tolist()
    [True, False]
    >>> wire = chr(10).join(["The company said on Tuesday that it did not expect a",
    ...     "collapse in prices this year and that the board would not",
    ...     "see new sanctions as a threat to the planned merger with",
    ...     "its larger rival, which was announced in the spring."])
    >>> at = [wire.index(w) for w in ("collapse", "sanctions")]
    >>> negated(wire, at, [a + 8 for a in at]).tolist()
    [True, True]
    """
    starts = np.asarray(starts, dtype=np.int64).reshape(-1)
    ends = np.asarray(ends, dtype=np.int64).reshape(-1)
    out = np.zeros(len(starts), dtype=bool)
    cues = negation_cues(lang)
    if cues is None or not isinstance(text, str) or not len(starts) or not text:
        return out
    scan = _Scanner(cues, unwrap_lines(text))  # the same offsets
    low, forward, post = scan.low, cues.forward.search, cues.post.search
    for i, (start, end) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
        # only a hit with a trigger near it can be negated: the others are not scanned
        first = forward(low, max(start - REACH, 0), start)
        if first is not None and _forward(scan, start, first.start()):
            out[i] = True
        elif post(low, end, end + CLOSING_REACH + _LEAD) is not None:
            out[i] = _backward(scan, start, end)
        if out[i]:  # a yes/no question asks, it does not deny ("Did the CSTO not respond?");
            out[i] = not _yes_no_question(low, start, end)  # "Why did it not …?" presumes
    return out
