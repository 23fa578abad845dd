"""Negation cues and their scopes (NegEx-like): is a hit governed by a negation in its clause?

The rules, in the spirit of NegEx (Chapman et al. 2001) and its descendants (negspacy,
pyConTextNLP), adapted to news prose in English and Russian:

* **Cues that negate what follows**: ``no``, ``not``, ``n't``, ``never``, ``nor``,
  ``neither``, ``without``, ``none``, ``nobody``, ``no one``, ``nothing``, ``no longer``,
  ``not yet``, ``lack of``, ``absence of``, ``free of``, ``cannot``; and the **denial verbs**
  ``deny`` / ``denied`` / ``denies``, ``reject`` / ``rejected``, ``refute`` / ``refuted``,
  ``rule(d) out``, ``dismiss(ed)`` when an ``as`` follows in its clause ("dismissed talk of a
  collapse as rumours"; "dismissed the minister" is not a cue). Russian: ``не``, ``нет``,
  ``ни``, ``никакой`` and every ``никак…`` form, ``ничего``, ``никто``, ``никогда``, ``нигде``,
  ``без``, ``отсутствие`` (``отсутств…``), ``отверг…``, ``опроверг…``, ``отрица…``,
  ``отклонил…``.
* **Scope**: a hit is negated when a cue ends at most :data:`WINDOW` word tokens (and at
  most :data:`REACH` characters) before the hit's start, with no **clause boundary** in
  between. Boundaries: a sentence end (``.``, ``!``, ``?``, ``…`` before a space), a line
  break, ``;``, ``:``, a comma followed by ``and`` / ``и``, and the words ``but``,
  ``however``, ``although``, ``though``, ``yet``, ``whereas``, ``while``, ``except``,
  ``apart from``, ``aside from``, ``which``, ``who``, ``nevertheless``, ``despite``,
  ``amid``, ``unlike``; ``однако``, ``но``, ``а``, ``зато``, ``хотя``, ``тогда как``,
  ``котор…``, ``несмотря``, ``тем не менее``, ``впрочем``, ``вопреки``. Commas alone do not
  end a scope, so lists stay in it: in "no threat, pressure or ultimatum" all three are
  negated.
* **Post-position cues** negate a hit at most :data:`POST_WINDOW` tokens *before* them in
  the same clause: "a threat that never materialised", "the collapse was ruled out",
  "fears of a collapse proved unfounded", "угроза не подтвердилась". This is the one
  backward window: NegEx has it too, and news writes these forms often enough.
* **Pseudo-negations** are matched first and negate nothing: "not only", "not just", "not
  least", "no doubt", "without (a) doubt", "no longer than", "no less / more than", "nothing
  but", "nothing short of", "not to mention", "whether or not", "if not", "no-fly",
  "не только", "не просто", "не раз", "не менее", "нельзя не", "не мог не", "без сомнения",
  "нет сомнений", "чуть ли не", "как бы то ни было".
* **Double negation**: litotes are affirmations, so "not without", "not unlike", "cannot
  rule out", "not ruled out", "не без", "не исключено" / "не исключает" are pseudo-negations
  (the hit is *not* negated: "not without risk" asserts a risk). Otherwise negations are not
  counted for parity: any cue in scope negates ("it is not true that there is no threat"
  gives a negated "threat"), as in NegEx.
* Languages other than English and Russian have no cues here: their hits are never negated.

All patterns are alternations of fixed words with bounded gaps, compiled once per language
into one regular expression: matching is linear in the text, whatever the input. Only the
neighbourhood of the hits is scanned (from :data:`REACH` characters before each hit to
:data:`POST_REACH` after it), so the cost grows with the hits, not with the texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..tokens import language_name

__all__ = [
    "WINDOW",
    "POST_WINDOW",
    "REACH",
    "POST_REACH",
    "NEGATION_LANGUAGES",
    "negated",
    "negation_cues",
    "script_language",
]

#: the most word tokens between a cue and the hit it negates (NegEx's five, plus one)
WINDOW = 6
#: the most word tokens between a hit and a post-position cue after it
POST_WINDOW = 3
#: the most characters from a cue's start to the hit's start
REACH = 200
#: the most characters from a hit's end to a post-position cue's start
POST_REACH = 80
#: the languages (NLTK names) with negation cues
NEGATION_LANGUAGES = ("english", "russian")

_APOSTROPHE = "['’ʼ]"

# Each list holds regular-expression pieces of fixed words; a space stands for white space.
_EN = {
    "pseudo": [
        r"not only", r"not just", r"not merely", r"not least", r"not to mention",
        r"not without", r"not unlike", r"not ruled out", r"not rule out", r"not been ruled out",
        r"(?:can|could)(?:not| not|n" + _APOSTROPHE + r"t) (?:be )?rule[ds]? out",
        r"no doubt", r"no question that", r"without (?:a |any )?doubt", r"no longer than",
        r"no (?:less|more|fewer|sooner|matter)", r"nothing (?:but|less than|short of)",
        r"whether or not", r"or not", r"if not", r"no[-‐‑]\w+", r"no(?=\s*[,.!])",
    ],
    "post": [
        r"(?:never|not|\w+n" + _APOSTROPHE + r"t|failed to) "
        r"(?:materiali[sz]ed?|come true|came true)",
        r"(?:was|were|is|are|has been|have been|had been) "
        r"(?:ruled out|denied|dismissed|refuted|rejected)",
        r"(?:was|were|is|are|proved|proven|prove) (?:unfounded|groundless|baseless)",
    ],
    "cue": [
        r"no longer", r"not yet", r"no one", r"lack of",
        r"lacks", r"absence of", r"free of", r"cannot", r"no", r"not", r"never", r"nor",
        r"neither", r"without", r"none", r"nobody", r"nothing", r"nowhere",
        r"den(?:y|ies|ied|ying)", r"reject(?:s|ed|ing)?", r"refut(?:e|es|ed|ing)",
        r"rul(?:e|es|ed|ing) out",
        r"dismiss(?:es|ed|ing)?(?=[^.;:!?\n]{0,80}?\bas\b)",
    ],
    "stop": [
        r"but", r"however", r"although", r"though", r"yet", r"whereas", r"while",
        r"except", r"apart from", r"aside from", r"which", r"who", r"nevertheless",
        r"nonetheless", r"none the less", r"despite", r"in spite of", r"amid", r"unlike",
    ],
}  # fmt: skip

_RU = {
    "pseudo": [
        r"не только", r"не просто", r"не столько", r"не раз", r"не менее", r"не меньше",
        r"не без", r"не исключ\w*", r"не что иное", r"ничто иное", r"ничего,? кроме",
        r"нельзя не", r"не мог(?:у|ла|ли|ло)? не", r"не может не", r"не могут не",
        r"без (?:всякого )?сомнени\w*", r"нет сомнени\w*", r"не говоря уже",
        r"чуть ли не", r"едва ли не", r"или нет", r"бы (?:то )?ни", r"нет[,!]",
    ],
    "post": [
        r"не (?:подтвердил|сбыл|состоял|оправдал|материализовал)\w*",
        r"(?:был[аио]? )?(?:опровергнут|отвергнут)\w*",
    ],
    "cue": [
        r"не", r"нет", r"ни", r"никак\w*", r"ничего", r"ничто", r"ничем", r"никто", r"никого",
        r"никому", r"никем", r"никогда", r"нигде", r"ниоткуда", r"без", r"безо",
        r"отсутств\w*", r"отверг\w*", r"опроверг\w*", r"опровержени\w*", r"отрица\w*",
        r"отклонил\w*", r"отклоня(?:ет|ют)",
    ],
    "stop": [
        r"однако", r"но", r"а", r"зато", r"хотя", r"тогда как", r"в то время как",
        r"котор\w+", r"несмотря", r"тем не менее", r"впрочем", r"вопреки", r"в отличие от",
    ],
}  # fmt: skip

_CUE_SETS = {"english": _EN, "russian": _RU}
# punctuation that ends a clause: a sentence end before white space, a line break, ; and :
_PUNCT_STOP = r"[.!?…]+(?=\s|$|[\"'»”’)\]])|\n|[;:]"
_KINDS = ("pseudo", "post", "cue", "stop")
# "n't" is a cue inside a word ("doesn't"), so it stands outside the whole-word alternatives
_INFIX_CUE = r"n['’ʼ]t(?:\s+yet)?(?!\w)"
_SLACK = 120
# a comma and "and" start a new clause more often than they end a list (news style has no
# serial comma)
_COMMA_AND = r",\s*(?:and|и)(?!\w)"
_WORD_RE = re.compile(r"\w+")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_LATIN_RE = re.compile(r"[A-Za-z]")


def _alternation(pieces: list[str]) -> str:
    """Whole-word alternatives; a space in a piece stands for any white space."""
    body = "|".join(p.replace(" ", r"\s+") for p in sorted(pieces, key=len, reverse=True))
    return rf"(?<!\w)(?:{body})(?!\w)"


@dataclass(frozen=True)
class NegationCues:
    """The compiled cues of one language: one pattern with a named group per kind."""

    language: str
    pattern: re.Pattern


@lru_cache(maxsize=8)
def negation_cues(lang: str | None) -> NegationCues | None:
    """The compiled negation cues of a language (ISO code or NLTK name), None if it has none.

    Examples
    --------
    >>> negation_cues("ru").language, negation_cues("de") is None
    ('russian', True)
    >>> [m.lastgroup for m in negation_cues("en").pattern.finditer("Not only no threat; but")]
    ['pseudo', 'cue', 'stop', 'stop']
    """
    name = language_name(lang)
    sets = _CUE_SETS.get(name)
    if sets is None:
        return None
    groups = []
    for kind in _KINDS:
        body = _alternation(sets[kind])
        if kind == "stop":
            body = f"{body}|{_PUNCT_STOP}|{_COMMA_AND}"
        elif kind == "cue":
            body = f"{body}|{_INFIX_CUE}"
        groups.append(f"(?P<{kind}>{body})")
    return NegationCues(name, re.compile("|".join(groups), re.IGNORECASE))


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
    head = text[:4000]
    return (
        "russian" if len(_CYRILLIC_RE.findall(head)) > len(_LATIN_RE.findall(head)) else "english"
    )


def _windows(starts: np.ndarray, ends: np.ndarray, size: int) -> list[tuple[int, int]]:
    """The parts of a text to scan: around each hit, overlapping ones merged."""
    lo = np.maximum(starts - REACH, 0)
    hi = np.minimum(ends + POST_REACH, size)
    order = np.argsort(lo, kind="stable")
    lo, hi = lo[order], np.maximum.accumulate(hi[order])
    new = np.ones(len(lo), dtype=bool)
    new[1:] = lo[1:] > hi[:-1]
    first = np.flatnonzero(new)
    last = np.r_[first[1:], len(lo)] - 1
    return list(zip(lo[first].tolist(), hi[last].tolist(), strict=True))


def _events(pattern: re.Pattern, text: str, windows) -> dict[str, np.ndarray]:
    """Start and end offsets of the cues, post cues and boundaries found in the windows."""
    found: dict[str, list[int]] = {kind: [] for kind in ("post", "cue", "stop")}
    for lo, hi in windows:
        # a cue that starts in the window may end after it: scan a little further
        for m in pattern.finditer(text, lo, hi + _SLACK):
            if m.start() >= hi:
                break
            kind = m.lastgroup
            if kind != "pseudo":
                found[kind].extend(m.span())
    return {k: np.asarray(v, dtype=np.int64).reshape(-1, 2) for k, v in found.items()}


def _words_between(text: str, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """The number of word tokens in ``text[lo:hi]`` for each pair (short stretches only)."""
    words = _WORD_RE.findall
    return np.fromiter(
        (len(words(text, a, b)) for a, b in zip(lo.tolist(), hi.tolist(), strict=True)),
        dtype=np.int64,
        count=len(lo),
    )


def _blocked(stops: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Whether a boundary starts in ``[lo, hi)`` for each pair."""
    k = np.searchsorted(stops, lo, side="left")
    inside = k < len(stops)
    out = np.zeros(len(lo), dtype=bool)
    out[inside] = stops[k[inside]] < hi[inside]
    return out


def _governed(text, cues, stops, at, *, forward: bool) -> np.ndarray:
    """For each hit (its start, or its end for post cues), whether the nearest cue reaches it."""
    n = len(at)
    if not len(cues) or not n:
        return np.zeros(n, dtype=bool)
    if forward:  # the last cue that ends at or before the hit's start
        j = np.searchsorted(cues[:, 1], at, side="right") - 1
        ok = j >= 0
        j = np.maximum(j, 0)
        lo, hi = cues[j, 1], at
        ok &= at - cues[j, 0] <= REACH
        limit = WINDOW
    else:  # the first post cue that starts at or after the hit's end
        j = np.searchsorted(cues[:, 0], at, side="left")
        ok = j < len(cues)
        j = np.minimum(j, len(cues) - 1)
        lo, hi = at, cues[j, 0]
        ok &= hi - lo <= POST_REACH
        limit = POST_WINDOW
    ok &= ~_blocked(stops, lo, hi)
    if ok.any():
        ok[ok] = _words_between(text, lo[ok], hi[ok]) <= limit
    return ok


def negated(text, starts, ends, lang: str | None = "english") -> np.ndarray:
    """Whether a negation cue governs each hit ``text[start:end]`` within its clause.

    Parameters
    ----------
    text : str
        One article's text (anything else gives all False).
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
    """
    starts = np.asarray(starts, dtype=np.int64).reshape(-1)
    ends = np.asarray(ends, dtype=np.int64).reshape(-1)
    cues = negation_cues(lang)
    if cues is None or not isinstance(text, str) or not len(starts) or not text:
        return np.zeros(len(starts), dtype=bool)
    found = _events(cues.pattern, text, _windows(starts, ends, len(text)))
    stops = found["stop"][:, 0]
    before = _governed(text, found["cue"], stops, starts, forward=True)
    after = _governed(text, found["post"], stops, ends, forward=False)
    return before | after
