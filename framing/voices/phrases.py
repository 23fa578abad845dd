"""Walking back over the words before a cue: the noun phrase that names a speaker.

:func:`word_back` finds the word that ends before a position (a quoted name such as
«Меридиан» counts as one word; a hard-wrapped line that broke inside a noun phrase is
followed); :func:`words_before` the run of words back to punctuation or a stop word;
:func:`words_after` the run forward, and :func:`source_after` the source after "according
to" ("the Institute for the Study of War", "a document seen by Reuters").
"""

from __future__ import annotations

import re

from .cues import NP_LINKS, TITLES

__all__ = [
    "ABBREVIATION_RE",
    "DETERMINERS",
    "CAPITAL_WORD_RE",
    "NAME_PARTICLES",
    "PERSON_NAME",
    "SMALL",
    "SUBJECT_PRONOUNS",
    "UPPER",
    "TOKEN_RE",
    "WORD",
    "quoted_name_before",
    "source_after",
    "word_back",
    "words_after",
    "words_before",
]

DETERMINERS = frozenset("the a an".split())
#: a capital and the small letters of a name in Latin script, with the accents of European
#: names ("Péter Szijjártó", "Radosław Sikorski", "Mevlüt Çavuşoğlu")
UPPER = "[A-ZÀ-ÖØ-ÞŁŚŠŽŻŹČĆŘŞİĞĐ]"
SMALL = "[a-zß-öø-ÿ\u0100-\u017f]"
_LOWER = "[a-zß-öø-ÿ\u0100-\u017f'’-]"  # SMALL, and the apostrophes and hyphens inside a name
#: a word that opens with a capital, in Latin or Cyrillic script: a name may be in a phrase
CAPITAL_WORD_RE = re.compile(r"(?<!\w)[A-ZА-ЯЁ]")
#: the lower-case words inside a person's name ("Ursula von der Leyen", "Mohammed bin
#: Abdulrahman Al Thani", "Bart de Wever")
NAME_PARTICLES = frozenset("bin ibn al el von der van den de da di du dos das del la le".split())
_PARTICLE = "(?:" + "|".join(sorted(NAME_PARTICLES, key=len, reverse=True)) + ")"
#: a person's name as written: two to five capitalized words, particles between them
PERSON_NAME = rf"{UPPER}{_LOWER}+(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{UPPER}{_LOWER}+){{1,4}}"

#: an abbreviation with inner full stops (U.S., U.N., E.U.): no sentence ends at it
ABBREVIATION_RE = re.compile(r"(?:[^\W\d_]\.){2,}")
_LINE_END_LINK_RE = re.compile(
    r"(?<!\w)(?:of|in|for|from|at|with|the|a|an|and|&|из|от)[ \t]*\n$", re.I
)
_WORD_CHARS = "'’.-_"
#: a word: a letter, then letters, digits, apostrophes, dots and hyphens
WORD = r"[^\W\d_][\w'’.-]*"
#: one word (or a number) after optional white space, the word in group 1
TOKEN_RE = re.compile(r"\s*(" + WORD + r"|\d[\w.-]*)")
_SEEN = ("seen", "obtained", "reviewed")
_NAME_LINK_RE = re.compile(r"[ \t]+(?:for|of|on|and)[ \t]+(?:the[ \t]+)?(?=[A-Z])")
_SEEN_BY_RE = re.compile(r"[ \t]+by[ \t]+[A-Z][\w.&-]*(?:[ \t]+[A-Z][\w.&-]*){0,3}")
# what attaches a person to a group after a noun: "a source close to the Kremlin"
_ATTACHED_RE = re.compile(
    r"(?<=[a-z])[ \t]+(?:close|closer|linked|loyal|tied|allied|briefed)[ \t]+(?:to|with|on)[ \t]+$"
)


_CLOSERS = '»”"'
_OPENERS = '«“"'


def quoted_name_before(text: str, end: int) -> int:
    """Where a quoted name that ends right at ``end`` opens («Меридиан», "Memorial"), or -1.

    A name: at most four words on one line, starting with a capital, not ending in
    punctuation (so a quote such as “No,” is never taken for one).

    Examples
    --------
    >>> quoted_name_before("Центр «Меридиан» заявил", 16), quoted_name_before("“No,” said", 5)
    (6, -1)
    """
    if end < 2 or text[end - 1] not in _CLOSERS:
        return -1
    opening = max(text.rfind(c, max(0, end - 60), end - 1) for c in _OPENERS)
    inner = text[opening + 1 : end - 1] if opening >= 0 else ""
    if not inner or "\n" in inner or not inner[0].isupper() or len(inner.split()) > 4:
        return -1
    return -1 if inner.rstrip()[-1] in ",.;:!?…" else opening


def word_back(text: str, pos: int) -> tuple[int, int] | None:
    """The word that ends right before ``pos`` (spaces between, no line break unless the
    line ended inside a noun phrase: "the trade ambassador of¶the European Community"), or
    None."""
    end = pos
    while end > 0 and text[end - 1] in " \t\xa0":
        end -= 1
    if end > 1 and text[end - 1] == "\n" and text[end - 2] != "\n":
        link = _LINE_END_LINK_RE.search(text, max(0, end - 8), end)
        if link:  # a hard-wrapped line that broke after "of", "the", "for" …
            end = link.start() + len(link.group().rstrip())
    start = end
    opening = quoted_name_before(text, end)
    if opening >= 0:  # a quoted name is one word of a noun phrase: «Меридиан» заявил
        return opening, end
    while (
        start > 0
        and end - start < 40
        and (text[start - 1].isalnum() or text[start - 1] in _WORD_CHARS)
    ):
        start -= 1
    while start < end and not text[start].isalnum():
        start += 1
    return (start, end) if start < end else None


def _after_on(text: str, pos: int) -> bool:
    """Whether the word before ``pos`` is "on" (or "в"): "posted on X." names a network."""
    before = word_back(text, pos)
    return before is not None and text[before[0] : before[1]].lower() in ("on", "в")


#: The personal pronouns that are a clause's subject (in lower case)
SUBJECT_PRONOUNS = frozenset("he she they it we you i он она они мы".split())
# lower-case words in -ly that are nouns or names of papers, not adverbs
_LY_NOUNS = frozenset(
    "assembly family ally rally supply reply monopoly anomaly italy daily weekly monthly "
    "quarterly july homily".split()
)


def _adverb(word: str) -> bool:
    """Whether a word is an English adverb in -ly ("strongly", "routinely")."""
    return (
        len(word) > 4
        and word.endswith("ly")
        and word.isalpha()
        and word.islower()
        and (word not in _LY_NOUNS)
    )


# an unnamed role that serves someone: "an aide to the senator said" (not the senator)
_SERVES_TO = frozenset("aide adviser advisor assistant".split())
_UNNAMED = frozenset("a an one another".split())


def _serves_to(text: str, found) -> bool:
    """Whether the word at ``found`` is the "to" of an unnamed serving role ("an aide to
    the", "one adviser to"); a title ("Adviser to the President") is not."""
    if found is None or text[found[0] : found[1]].lower() != "to":
        return False
    role = word_back(text, found[0])
    if role is None or text[role[0] : role[1]] not in _SERVES_TO:
        return False
    article = word_back(text, role[0])  # "an aide to …": someone unnamed, not a title
    return article is not None and text[article[0] : article[1]].lower() in _UNNAMED


def words_before(text: str, pos: int, stop: frozenset, skip: frozenset, limit: int = 8):
    """The run of words right before ``pos`` back to punctuation or a stop word: (start, end)."""
    start = end = -1
    skipping = True
    for _ in range(limit + 3):
        found = word_back(text, pos)
        if found is None:
            break
        word = text[found[0] : found[1]]
        low = word.lower()
        if skipping and (low in skip or (_adverb(word) and "reportedly" in skip)):
            pos = found[0]  # "The Ministry … has strongly rejected": English adverbs too
            continue
        if skipping and low in SUBJECT_PRONOUNS:
            return found  # "told DW he did not believe": the pronoun is the subject
        skipping = False
        if low in NP_LINKS and end >= 0 and word.islower():  # ("In a filing …," opens one)
            previous = word_back(text, found[0])
            before = text[previous[0] : previous[1]].lower() if previous else ""
            if before and before not in stop and before not in NP_LINKS:
                low = ""  # "Officials in Yerevan", "одной из столиц": the phrase goes on
        elif low in ("and", "&", "to") and end >= 0 and text[start].isupper():
            previous = word_back(text, found[0])
            if previous is not None and text[previous[0]].isupper():
                low = ""  # "Savings and Loan Association", "Shultz and Weinberger": one name
                # ("Committee to Protect Journalists")
        if low == "to" and end >= 0 and _serves_to(text, found):
            low = ""  # "an aide to Agriculture Secretary Richard Lyng said": the aide speaks
        if low in stop or (
            word.endswith(".")
            and (len(word) > 2 or _after_on(text, found[0]))  # "wrote on X. He said"
            and low.rstrip(".") not in TITLES
            and not ABBREVIATION_RE.fullmatch(word)
        ):
            break
        if end < 0:
            end = found[1]
        start = pos = found[0]
        if low in DETERMINERS:
            previous = word_back(text, pos)
            if previous is None or text[previous[0] : previous[1]].lower() not in NP_LINKS:
                attached = _ATTACHED_RE.search(text, max(0, pos - 32), pos)
                if attached is None and not _serves_to(text, previous):
                    break  # "the head of the Office" goes on past "of the"
                if attached is not None:  # "a source close to the Kremlin": the phrase goes on
                    pos = attached.start()
    return start, end


# quantifiers a Russian speaker's phrase may open with: "один из источников"
_SOME = frozenset("один одна одно двое трое многие некоторые большинство часть".split())


_ACRONYM_AFTER_RE = re.compile(r"[ \t]*\([A-ZА-ЯЁ]{2,8}\)(?=[ \t]+\w)")


def words_after(text: str, pos: int, stop: frozenset, limit: int = 8) -> tuple[int, int]:
    """The run of words right after ``pos`` up to punctuation or a stop word: (start, end)."""
    start = end = -1
    for _ in range(limit):
        acronym = _ACRONYM_AFTER_RE.match(text, pos) if start >= 0 else None
        if acronym is not None:  # "… Центра анализа международных отношений (ЦАМО) Фарид …"
            pos = acronym.end()
        m = TOKEN_RE.match(text, pos)
        if m is None or "\n" in text[pos : m.start(1)]:
            break
        word = m.group(1).rstrip(".")
        if word.lower() in stop and not (word == "из" and text[start:end].lower() in _SOME):
            break  # but "один из источников" goes on
        if start < 0:
            start = m.start(1)
        end = m.start(1) + len(word)
        pos = m.end()
        if (
            m.group(1).endswith(".")
            and len(word) > 1
            and word.lower() not in TITLES
            and not ABBREVIATION_RE.fullmatch(m.group(1))
        ):
            break  # "said Lavrov." ends the phrase; "S. Lavrov", "U.S. Ambassador" keep going
    return start, end


# a document and its author: "a statement from the secretariat", "a report by the ministry"
_DOCUMENT_FROM_RE = re.compile(
    r"(?:(?:an?|the)[ \t]+(?:\w+[ \t]+)?(?:statement|report|communiqu[eé]|readout|release|"
    r"document|letter|decree|resolution|post|declaration|note)|data|figures|estimates)"
    r"[ \t]+(?:from|by|issued[ \t]+by|of)[ \t]+"  # "data from Russia's customs service"
)


def source_after(text: str, pos: int, stop: frozenset) -> tuple[int, int]:
    """The source after "according to" at ``pos``, with "seen by X" ("a document seen by
    Reuters"); a document's author ("a statement from the secretariat": the secretariat).

    >>> text = "According to a statement from the secretariat, the door is open."
    >>> s, e = source_after(text, 12, frozenset())
    >>> text[s:e]
    'the secretariat'
    """
    document = _DOCUMENT_FROM_RE.match(text, pos + (text[pos : pos + 1] in " \t"))
    s, e = words_after(text, document.end() if document else pos, stop)
    while s >= 0 and (link := _NAME_LINK_RE.match(text, e)) is not None:
        e = words_after(text, link.end(), stop)[1]  # "the Institute for the Study of War"
    by = _SEEN_BY_RE.match(text, e) if text[s:e].endswith(_SEEN) else None
    return (s, by.end()) if s >= 0 and by else (s, e)
