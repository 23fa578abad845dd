"""The clean stage: ``str -> str`` cleaners composed into one cleaner, and ``clean_articles``.

Every cleaner takes a text and returns a text; options are keyword-only, so a cleaner with
other options is built with :func:`functools.partial`. :func:`make_cleaner` composes cleaners
left to right (the idea of textacy's ``make_pipeline``), and :data:`default_cleaner` is the
composition used by :func:`clean_articles` unless told otherwise::

    normalize_unicode → normalize_quotes → normalize_dashes
        → remove_boilerplate → remove_captions → normalize_whitespace

Then, when ``datelines=True``, :func:`split_dateline` moves a dateline such as
``YEREVAN, Sept 14 (TCW) —`` out of the text into the columns ``dateline_place`` and
``dateline_source``.

What the cleaners change, on purpose:

* Quotes become straight: “ ” „ « » → ``"`` and ‘ ’ ‚ ‹ › → ``'``. Russian «ёлочки» become
  ``"`` too; token counts do not change, since quotes are not tokens.
* Spaced dashes (en dash, em dash, minus sign, horizontal bar, figure dash and ``--``) become
  one em dash ``—``; digit ranges such as ``2022–2024`` become ``2022-2024``. A single spaced
  hyphen-minus (``a - b``) is left as it is.
* Whole lines of boilerplate (newsletter promos, "Read more: …", share and follow links,
  agency credits, copyright and cookie notes) and photo captions are dropped. Patterns match
  a line from its start, case-insensitively, after the line's spaces are collapsed; a phrase
  like "read more" inside a sentence never drops its line.

All cleaners are idempotent: cleaning a cleaned text changes nothing.
"""

from __future__ import annotations

import copy
import functools
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable

import pandas as pd

from .._errors import FramingError, FramingWarning, check_columns
from ..tokens import normalize

__all__ = [
    "DEFAULT_BOILERPLATE",
    "DEFAULT_CAPTIONS",
    "Cleaner",
    "clean_articles",
    "default_cleaner",
    "make_cleaner",
    "normalize_dashes",
    "normalize_quotes",
    "normalize_unicode",
    "normalize_whitespace",
    "remove_boilerplate",
    "remove_captions",
    "split_dateline",
]


def _check_text(text: object, function: str) -> None:
    if not isinstance(text, str):
        raise FramingError(
            f"expected a text (str), got {type(text).__name__} {text!r:.60}",
            where=function,
            fix="Pass one article's text; to clean a table use clean_articles(articles).",
        )


# --------------------------------------------------------------------------------------
# Unicode, quotes, dashes, whitespace
# --------------------------------------------------------------------------------------

#: Removed by normalize_unicode: zero-width space/non-joiner/joiner, word joiner, BOM
#: (zero-width no-break space) and soft hyphen. Non-breaking spaces become plain spaces.
_UNICODE_TABLE = {
    0x200B: None,  # zero width space
    0x200C: None,  # zero width non-joiner
    0x200D: None,  # zero width joiner
    0x2060: None,  # word joiner
    0xFEFF: None,  # zero width no-break space (BOM)
    0x00AD: None,  # soft hyphen
    0x00A0: " ",  # no-break space
    0x202F: " ",  # narrow no-break space
    0x2007: " ",  # figure space
}
_INVISIBLE = tuple((chr(k), v or "") for k, v in _UNICODE_TABLE.items())


def _has_any(text: str, pairs: tuple[tuple[str, str], ...]) -> bool:
    """Whether ``text`` holds one of the characters ``old`` of ``pairs``."""
    for old, _ in pairs:
        if old in text:
            return True
    return False


def _replace_chars(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """``text`` with each character ``old`` of ``pairs`` replaced by ``new``.

    The same as ``str.translate`` when no ``new`` holds an ``old`` (true of every table
    here), and 20-40 times as fast on news text: ``str.translate`` with a table looks up
    every character of the text in Python, while each ``in`` and ``replace`` here is one
    fast search, and most texts hold none or few of the characters.
    """
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


def normalize_unicode(text: str) -> str:
    """NFKC-normalize a text and drop invisible characters.

    Zero-width spaces, joiners and non-joiners, word joiners, byte-order marks and soft
    hyphens are removed; non-breaking spaces become plain spaces; then the text is
    NFKC-normalized (:func:`framing.tokens.normalize`), so ligatures and full-width forms
    become their plain letters. Removing zero-width joiners breaks emoji sequences and
    the zero-width non-joiners of Persian spelling; neither matters for counting words.

    Parameters
    ----------
    text : str
        One article's text.

    Returns
    -------
    str

    Examples
    --------
    >>> normalize_unicode("CSTO\\u00a0sum\\u00admit, \\ufb01nal \\uff23\\uff33\\uff34\\uff2f\\u200b")
    'CSTO summit, final CSTO'
    """
    _check_text(text, "normalize_unicode")
    if text.isascii():
        return text
    # Remove first, then NFKC, so that removing a character cannot leave a sequence that
    # NFKC would compose on a second pass (which would break idempotence).
    text = _replace_chars(text, _INVISIBLE)
    if unicodedata.is_normalized("NFKC", text):  # most texts: one quick check, no copy
        return text
    return _normalize_in_pieces(text)


def _normalize_in_pieces(text: str, size: int = 512) -> str:
    """NFKC of ``text`` (:func:`framing.tokens.normalize`), normalizing only the pieces
    that need it.

    NFKC never acts across an ASCII character: one is a starter that no character
    composes with from before, and none of its own or earlier characters reorders past it.
    So the text is cut before a space about every ``size`` characters, and a piece that is
    already normalized (the quick check) is kept as it is; a text with a few "…" or "№"
    then costs the quick check and a few short pieces, not a full normalization.
    """
    pieces = []
    start, end = 0, len(text)
    while start < end:
        cut = text.find(" ", start + size)
        if cut == -1:
            cut = end
        piece = text[start:cut]
        if not unicodedata.is_normalized("NFKC", piece):
            piece = normalize(piece)
        pieces.append(piece)
        start = cut
    return "".join(pieces)


_QUOTES = (
    ("\u201c", '"'),  # “
    ("\u201d", '"'),  # ”
    ("\u201e", '"'),  # „
    ("\u201f", '"'),  # ‟
    ("\u00ab", '"'),  # «
    ("\u00bb", '"'),  # »
    ("\u2018", "'"),  # ‘
    ("\u2019", "'"),  # ’
    ("\u201a", "'"),  # ‚
    ("\u201b", "'"),  # ‛
    ("\u2039", "'"),  # ‹
    ("\u203a", "'"),  # ›
)


def normalize_quotes(text: str) -> str:
    """Turn curly and angle quotes into straight ones.

    “ ” „ ‟ « » become ``"`` and ‘ ’ ‚ ‛ ‹ › become ``'`` (so "Armenia’s" becomes
    "Armenia's"). Russian «ёлочки» become ``"`` as well: this is intended, so that quoted
    speech looks the same in every language. Quotes are not tokens, so counts do not change.

    Parameters
    ----------
    text : str
        One article's text.

    Returns
    -------
    str

    Examples
    --------
    >>> normalize_quotes("“Collective security”, Armenia’s «союзники»")
    '"Collective security", Armenia\\'s "союзники"'
    """
    _check_text(text, "normalize_quotes")
    if text.isascii():
        return text
    return _replace_chars(text, _QUOTES)


_DASH_CHARS = "\u2012\u2013\u2014\u2015\u2212"  # figure, en, em dash, horizontal bar, minus


def normalize_dashes(text: str) -> str:
    """Turn spaced dashes into one em dash ``—``, and dashes in digit ranges into ``-``.

    An en dash, em dash, figure dash, horizontal bar, minus sign or ``--`` with white space
    (or the start or end of a line) on both sides is punctuation and becomes ``—``. The same
    characters directly between two digits (``2022–2024``, ``pp. 3–5``) become ``-``.
    Hyphens inside words stay hyphens, unspaced dashes between words
    (``Armenia–Azerbaijan``) and a single spaced hyphen-minus (``a - b``) are left as they
    are, and so is a minus sign before a number (``−5``).

    Parameters
    ----------
    text : str
        One article's text.

    Returns
    -------
    str

    Examples
    --------
    >>> normalize_dashes("The bloc – and its treaty -- failed in 2022–2024 (fellow-citizens)")
    'The bloc — and its treaty — failed in 2022-2024 (fellow-citizens)'
    """
    _check_text(text, "normalize_dashes")
    if text.isascii() and "--" not in text:
        return text
    return _cut_dashes(text)


def _cut_dashes(text: str) -> str:
    """:func:`normalize_dashes` without its checks."""
    # The rules as regular expressions, applied in turn: (?<=\d)[dashes](?=\d) -> "-", then
    # (?<!\S)(?:[dashes]|--)(?!\S) -> "—". A match of either has a dash character, or the
    # "--", that the other cannot match, and what the first changes cannot change the white
    # space the second looks at; so every dash is decided on the text as given. Found by
    # str.find (dashes are few) instead of a regex scan, 10-30 times as fast; the tests
    # check against the regular expressions. (re's \d and \s are str.isdecimal and
    # str.isspace on one character; a test checks that over all of Unicode.)
    end = len(text)
    cuts = []
    for dash in _DASH_CHARS:
        at = text.find(dash)
        while at != -1:
            before = text[at - 1] if at else ""
            after = text[at + 1] if at + 1 < end else ""
            if before.isdecimal() and after.isdecimal():
                cuts.append((at, at + 1, "-"))
            elif (not before or before.isspace()) and (not after or after.isspace()):
                cuts.append((at, at + 1, "\u2014"))
            at = text.find(dash, at + 1)
    at = text.find("--")
    while at != -1:
        if (not at or text[at - 1].isspace()) and (at + 2 == end or text[at + 2].isspace()):
            cuts.append((at, at + 2, "\u2014"))
        at = text.find("--", at + 1)
    if not cuts:
        return text
    cuts.sort()
    pieces, done = [], 0
    for start, stop, new in cuts:
        pieces.append(text[done:start])
        pieces.append(new)
        done = stop
    pieces.append(text[done:])
    return "".join(pieces)


def normalize_whitespace(text: str) -> str:
    """Collapse runs of spaces, strip every line, and keep at most one blank line in a row.

    Every line break (``\\r\\n``, ``\\r``, ``\\u2028`` and the others :meth:`str.splitlines`
    knows) becomes ``\\n``; within a line every run of white space (spaces, tabs,
    non-breaking and other Unicode spaces) becomes one space; lines are stripped at both
    ends (so indentation goes); blank lines at the start and end of the text are dropped.

    Parameters
    ----------
    text : str
        One article's text.

    Returns
    -------
    str

    Examples
    --------
    >>> normalize_whitespace("  The  summit\\t ended. \\r\\n\\r\\n\\n\\n  Armenia did not sign.  \\n")
    'The summit ended.\\n\\nArmenia did not sign.'
    """
    _check_text(text, "normalize_whitespace")
    # The rule, line by line: lines = text.splitlines(); each becomes " ".join(line.split());
    # runs of blank lines become one; blank lines at both ends go. Done here with str.replace
    # on the whole text (8-15 times as fast; the tests check it against the loop): every line
    # break becomes "\n" and every other white space character a space, so that what is left
    # is spaces and "\n" only.
    if "\r" in text and "\r\n" in text:
        text = text.replace("\r\n", "\n")
    ascii_only = text.isascii()
    text = _replace_chars(text, _ASCII_LINE_BREAKS if ascii_only else _LINE_BREAKS)
    text = _replace_chars(text, _ASCII_SPACES if ascii_only else _SPACES)
    return _collapse_runs(_strip_lines(text))


def _strip_lines(text: str) -> str:
    """Each line of ``text`` stripped; ``"\\n"`` is its only line break and ``" "`` its only
    other white space. (``str.strip`` mapped over the lines runs no Python code per line.)"""
    if "\n" not in text:
        return text.strip()
    return "\n".join(map(str.strip, text.split("\n")))


def _collapse_runs(text: str) -> str:
    """:func:`normalize_whitespace` of a text of stripped lines, with ``" "`` and ``"\\n"``
    its only white space."""
    while "  " in text:
        text = text.replace("  ", " ")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip("\n")


#: The characters str.splitlines breaks a line at, but for "\n" (and "\r\n", two of them).
_LINE_BREAKS = tuple((c, "\n") for c in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
#: The other white space characters (str.isspace; what str.split splits at).
_SPACES = tuple(
    (c, " ")
    for c in "\t\x1f\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u202f\u205f\u3000"
)
# those in ASCII: all that an ASCII text can hold
_ASCII_LINE_BREAKS = tuple(pair for pair in _LINE_BREAKS if pair[0].isascii())
_ASCII_SPACES = tuple(pair for pair in _SPACES if pair[0].isascii())


# --------------------------------------------------------------------------------------
# Boilerplate and captions: whole lines
# --------------------------------------------------------------------------------------

_SOCIAL = (
    r"(?:telegram|x|twitter|facebook|instagram|youtube|vk|vkontakte|tiktok|linkedin|threads"
    r"|whatsapp|viber|mastodon|bluesky|rss|google news)"
)

# Put before a pattern: the line must not start with a lower-case letter. Boilerplate lines
# start with a capital; a hard-wrapped line of a paragraph that happens to begin with
# "subscribe to ordinary shares." (as in Reuters-21578) is a continuation and is kept.
_CAP = r"(?-i:(?![a-zа-яё]))"

#: Default boilerplate patterns (regular expressions, matched case-insensitively at the
#: start of each line after its white space is collapsed). Extend with your own:
#: ``remove_boilerplate(text, patterns=DEFAULT_BOILERPLATE + (r"^Advertisement$",))``.
#: The prefix ``(?-i:(?![a-zа-яё]))`` means "the line does not start with a lower-case
#: letter".
DEFAULT_BOILERPLATE: tuple[str, ...] = (
    # newsletter promos
    _CAP + r"get (?:the|our) .{0,100}\b(?:in|to|into) your inbox\b.*",
    _CAP + r"sign up (?:for|to) .{0,100}\bnewsletters?\b.*",
    _CAP + r"subscribe(?: now)? (?:to|for) .{0,150}$",
    _CAP + r"subscribe(?: now)?\W{0,3}$",
    # links to other articles: "Read more: …", "READ MORE >>", "Read also"; never a sentence
    _CAP + r"read (?:more|also)(?: here)?(?:\s*[:>»›→|–—-].{0,250})?\W{0,3}$",
    _CAP + r"(?:читайте|смотрите) также\b.{0,250}$",
    # share and follow links
    _CAP + r"share this (?:article|story|page|post)\b.{0,150}$",
    _CAP + rf"share (?:on|via) {_SOCIAL}\b.{{0,100}}$",
    _CAP + rf"follow (?:us|\S.{{0,80}}?) on {_SOCIAL}\b.{{0,100}}$",
    _CAP + r"(?:подписывайтесь|подпишитесь) на\b.{0,200}$",
    _CAP + rf"(?:читайте|смотрите) нас в {_SOCIAL}\b.{{0,100}}$",
    # agency credits and sign-offs
    r"\((?:additional )?(?:reporting|writing|compiled|editing) by\b[^()]*\)\.?$",
    _CAP + r"(?:additional )?(?:reporting|writing) by\b.{0,250};\s*editing by\b.{0,150}$",
    r"reuters?$",
    # copyright
    _CAP + r"(?:©|copyright\s*(?:©|\(c\)|\d{4})).{0,200}$",
    _CAP + r"(?:.{0,120}[.,;:|©)]\s*)?(?:all rights reserved|все права защищены)\W{0,3}$",
    # cookie notes
    _CAP + r"(?:we use cookies|this (?:web)?site uses cookies|by (?:continuing to use|using) "
    r"(?:this|our) (?:web)?site\b.{0,150}\bcookies|accept (?:all )?cookies)\b.{0,300}$",
    _CAP + r"(?:мы используем|(?:этот|наш) сайт использует) (?:файлы )?cookie.{0,300}$",
)

#: Default photo-caption patterns, used like :data:`DEFAULT_BOILERPLATE`.
DEFAULT_CAPTIONS: tuple[str, ...] = (
    _CAP + r"(?:photos?|photograph|image|picture|caption|фото|фотография|снимок)\s*:.*",
    _CAP + r"photos? credit\s*:.*",
    r"\[\s*(?:photos?|image|picture|фото)\b.*",
    # "Photo by Ani Sargsyan" and short lines ending in a credit: "… (Reuters/Name)"
    _CAP + r"photos? by\s+[^.!?]{1,60}$",
    _CAP + r"(?:photos?|фото)\b.{0,200}\([^()/]{1,60}/[^()]{1,60}\)\.?$",
)


_CAPPED_DEFAULTS = frozenset(
    p for p in DEFAULT_BOILERPLATE + DEFAULT_CAPTIONS if p.startswith(_CAP)
)

# Where the default patterns can match, found with one search of the whole text instead of
# a look at every line: each default pattern matches a key from its start, and the key
# starts with one of these words (after the pattern's _CAP) or one of the openers. The one
# exception, the notice that ends a line ("… All rights reserved."), is looked for apart
# (_may_hold_notice). The tests check that every line the patterns drop is found.
_BOILERPLATE_WORDS = (
    "get", "sign", "subscribe", "read", "share", "follow", "additional", "reporting",
    "writing", "©", "copyright", "we", "this", "by", "accept", "читайте", "смотрите", "подпи",
    "мы", "этот", "наш",
)  # fmt: skip
_BOILERPLATE_OPENERS = ("(", "reuter")  # not under _CAP
_CAPTION_WORDS = ("photo", "image", "picture", "caption", "фото", "снимок")
_CAPTION_OPENERS = ("[",)


def _starts_pattern(words: tuple[str, ...], openers: tuple[str, ...]) -> str:
    """A regex (for re.IGNORECASE) of one of ``openers`` or, after ``_CAP``, one of
    ``words``. A class of their first characters comes first and the words are grouped by
    their first letter, so that most lines fail at their first character."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    capped = "|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in groups.items())
    firsts = re.escape("".join(sorted({w[0] for w in words + openers})))
    return f"(?=[{firsts}])(?:{'|'.join(map(re.escape, openers))}|{_CAP}(?:{capped}))"


class _LineStarts:
    """Finds the lines of a text whose first word could start a match (see above).

    ``first(text)`` tests the first line; ``rest(text)`` yields a match at the ``\\n`` that
    ends the line before each other such line. A line's key starts at its first
    non-white-space character, which ``[^\\S\\n]*+`` skips (left out with
    ``stripped=True``, for texts whose lines are stripped); ``re.IGNORECASE`` and ``_CAP``
    make the same case decisions as in the patterns themselves.
    """

    def __init__(self, words: str, *, notice: bool, stripped: bool = False):
        space = "" if stripped else r"[^\S\n]*+"
        self.first = re.compile(rf"{space}(?:{words})", re.IGNORECASE).match
        self.rest = re.compile(rf"\n{space}(?:{words})", re.IGNORECASE).finditer
        self.notice = notice


_BOILERPLATE_STARTS = _starts_pattern(_BOILERPLATE_WORDS, _BOILERPLATE_OPENERS)
_CAPTION_STARTS = _starts_pattern(_CAPTION_WORDS, _CAPTION_OPENERS)
_DEFAULT_STARTS = {
    DEFAULT_BOILERPLATE: _LineStarts(_BOILERPLATE_STARTS, notice=True),
    DEFAULT_CAPTIONS: _LineStarts(_CAPTION_STARTS, notice=False),
}


def _may_hold_notice(text: str) -> bool:
    """Whether ``text`` may hold "reserved" or "защищены" in any case (False: it does not).

    In ``re.IGNORECASE`` these letters match only themselves in upper or lower case, but
    "s", which also matches "ſ"; so a match in a text without "ſ" is ASCII letters, which
    dropping the other characters keeps together (tested over all of Unicode).
    """
    if text.isascii():
        return "reserved" in text.lower()
    if "щ" in text or "Щ" in text or "ſ" in text:
        return True
    return b"reserved" in text.encode("ascii", "ignore").lower()


def _as_patterns(patterns: object, argument: str, function: str) -> tuple[str, ...]:
    if patterns is DEFAULT_BOILERPLATE or patterns is DEFAULT_CAPTIONS:
        return patterns
    if isinstance(patterns, str):
        return (patterns,)
    if isinstance(patterns, Iterable):
        patterns = tuple(patterns)
        for i, p in enumerate(patterns):
            if not isinstance(p, str):
                raise FramingError(
                    f"pattern {i} is {type(p).__name__} {p!r:.60}, not a regular expression string",
                    where=f"{function}({argument}=...)",
                    fix=f"Pass a tuple of strings, e.g. {argument}=DEFAULT_BOILERPLATE + "
                    "(r'^Advertisement$',).",
                )
        return patterns
    raise FramingError(
        f"expected a tuple of regular expressions, got {type(patterns).__name__}",
        where=f"{function}({argument}=...)",
        fix=f"Pass a tuple of strings, e.g. {argument}=(r'^Advertisement$',).",
    )


@functools.lru_cache(maxsize=64)
def _line_matcher(patterns: tuple[str, ...], function: str) -> Callable[[str], object]:
    """One compiled, case-insensitive matcher for a tuple of line patterns (cached)."""
    for i, p in enumerate(patterns):
        try:
            re.compile(p, re.IGNORECASE)
        except re.error as exc:
            raise FramingError(
                f"pattern {i} {p!r} is not a valid regular expression ({exc})",
                where=f"{function}(patterns=...)",
                fix="Fix the pattern; escape literal brackets, dots and parentheses with '\\'.",
            ) from exc
    if not patterns:
        return lambda line: None
    # The default patterns that start with _CAP share one test of it: a line that starts
    # with a lower-case letter fails them all at once (a third faster on Reuters' wrapped
    # lines). Only whether some pattern matches is used, which does not depend on their
    # order. (Not done for other patterns: in _CAP + "a|b" the _CAP applies to "a" only.)
    capped = [p[len(_CAP) :] for p in patterns if p in _CAPPED_DEFAULTS]
    parts = [f"(?:{p})" for p in patterns if p not in _CAPPED_DEFAULTS]
    if capped:
        parts.append(_CAP + "(?:" + "|".join(f"(?:{p})" for p in capped) + ")")
    try:
        return re.compile("|".join(parts), re.IGNORECASE).match
    except re.error:
        # e.g. inline global flags such as "(?s)" that may only start a whole pattern
        compiled = [re.compile(p, re.IGNORECASE) for p in patterns]
        return lambda line: any(rx.match(line) for rx in compiled)


def _single_breaks(text: str) -> bool:
    """Whether ``"\\n"`` is the only line break in ``text`` (as :meth:`str.splitlines` sees them)."""
    return not _has_any(text, _ASCII_LINE_BREAKS if text.isascii() else _LINE_BREAKS)


def _key(line: str) -> str:
    """A line's key: stripped, each run of white space one space."""
    return " ".join(line.split())


def _candidate_lines(text: str, starts: _LineStarts) -> list[tuple[int, int]]:
    """The spans (line break included) of the lines of ``text`` that ``starts`` finds;
    ``text`` has no line break but ``\\n``."""
    found = [0] if starts.first(text) else []
    found.extend(m.start() + 1 for m in starts.rest(text))
    spans = []
    for start in found:
        stop = text.find("\n", start)
        spans.append((start, len(text) if stop == -1 else stop + 1))
    return spans


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` without the sorted, disjoint ``spans``."""
    if not spans:
        return text
    pieces, done = [], 0
    for start, stop in spans:
        pieces.append(text[done:start])
        done = stop
    pieces.append(text[done:])
    return "".join(pieces)


def _drop_found_lines(
    text: str, matches: tuple[Callable[[str], object], ...], starts: _LineStarts
) -> str:
    """:func:`_drop_lines` for a text with no line break but ``\\n``: only the lines that
    ``starts`` finds are looked at, and dropped when one of ``matches`` matches their key."""
    dropped = []
    for start, stop in _candidate_lines(text, starts):
        key = _key(text[start:stop])
        if key and any(match(key) for match in matches):
            dropped.append((start, stop))
    return _cut(text, dropped)


def _drop_lines(
    text: str, match: Callable[[str], object], starts: _LineStarts | None = None
) -> str:
    """``text`` without the lines whose key (the line stripped, its white space collapsed)
    ``match`` matches; ``starts``, when given, finds every line that ``match`` can match."""
    if starts is not None and _single_breaks(text):
        if not (starts.notice and _may_hold_notice(text)):
            return _drop_found_lines(text, (match,), starts)
    lines = text.splitlines(keepends=True)
    # a text with no white space but single spaces within its lines: each key is the line
    # stripped, with no need to look at each line for white space to collapse
    collapse = "  " in text or _has_any(text, _ASCII_SPACES if text.isascii() else _SPACES)
    dropped = []
    for i, line in enumerate(lines):
        key = line.strip()
        if not key:
            continue
        if collapse and ("  " in key or "\t" in key or not key.isascii()):
            key = " ".join(key.split())
        if match(key):
            dropped.append(i)
    if not dropped:
        return text
    for i in reversed(dropped):
        del lines[i]
    return "".join(lines)


def remove_boilerplate(text: str, *, patterns: Iterable[str] = DEFAULT_BOILERPLATE) -> str:
    """Drop whole lines that are boilerplate: promos, "Read more" links, credits, notices.

    A line is dropped when one of ``patterns`` matches it from its start (``re.match``,
    case-insensitive), after the line is stripped and its runs of white space collapsed to
    one space; ``^`` and ``$`` anchor at the start and end of that line. Lines that merely
    contain such a phrase ("…, read more about it in the report.") are kept. The blank
    lines around a dropped line stay; :func:`normalize_whitespace` collapses them.

    Parameters
    ----------
    text : str
        One article's text.
    patterns : tuple of str, default DEFAULT_BOILERPLATE
        Regular expressions, one per kind of line. Add your own with
        ``DEFAULT_BOILERPLATE + (r"^Advertisement$",)``.

    Returns
    -------
    str

    Examples
    --------
    >>> text = "The summit ended.\\nRead more: CSTO leaders meet\\nSubscribe to our newsletter"
    >>> remove_boilerplate(text)
    'The summit ended.\\n'
    >>> remove_boilerplate("Advertisement\\nArmenia did not sign.", patterns=(r"^Advertisement$",))
    'Armenia did not sign.'
    """
    _check_text(text, "remove_boilerplate")
    patterns = _as_patterns(patterns, "patterns", "remove_boilerplate")
    return _drop_lines(
        text, _line_matcher(patterns, "remove_boilerplate"), _DEFAULT_STARTS.get(patterns)
    )


def remove_captions(text: str, *, patterns: Iterable[str] = DEFAULT_CAPTIONS) -> str:
    """Drop photo-caption lines.

    By default a line is a caption when it starts with ``Photo:``, ``Photograph:``,
    ``Image:``, ``Picture:``, ``Caption:``, ``Фото:``, ``Снимок:``, ``Photo credit:``,
    ``[Photo …]`` or ``Photo by …`` (any case), or when it starts with "Photo" and ends in
    a credit such as ``(Reuters/Ani Sargsyan)``. Matching works as in
    :func:`remove_boilerplate`; pass ``patterns`` to change it.

    Parameters
    ----------
    text : str
        One article's text.
    patterns : tuple of str, default DEFAULT_CAPTIONS
        Regular expressions, one per kind of caption line.

    Returns
    -------
    str

    Examples
    --------
    >>> remove_captions("Photo: Protesters in Yerevan. (TCW/Arman Galoyan)\\nThe summit ended.")
    'The summit ended.'
    >>> remove_captions("Фото: Участники шествия\\nСаммит завершился.")
    'Саммит завершился.'
    """
    _check_text(text, "remove_captions")
    patterns = _as_patterns(patterns, "patterns", "remove_captions")
    return _drop_lines(
        text, _line_matcher(patterns, "remove_captions"), _DEFAULT_STARTS.get(patterns)
    )


# --------------------------------------------------------------------------------------
# Datelines
# --------------------------------------------------------------------------------------


def _char_class(chars: str) -> str:
    """A compact regex character class of ``chars`` (runs of code points become ranges)."""
    points = sorted(set(map(ord, chars)))
    parts, i = [], 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        lo, hi = chr(points[i]), chr(points[j])
        parts.append(re.escape(lo) if i == j else f"{re.escape(lo)}-{re.escape(hi)}")
        i = j + 1
    return "[" + "".join(parts) + "]"


_UPPER = _char_class("".join(c for c in map(chr, range(0x10000)) if c.isupper()))
_HS = r"[^\S\n]"  # horizontal white space
_PLACE_WORD = rf"{_UPPER}+(?:[-'’]{_UPPER}+)*\.?"
_PLACE = rf"{_PLACE_WORD}(?:(?:{_HS}+|/){_PLACE_WORD}){{0,3}}"  # at most four words
_REGION = rf"{_UPPER}[\w'’.-]*(?:{_HS}+{_UPPER}[\w'’.-]*){{0,2}}"
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]"
    r"|октябр[яь]|ноябр[яь]|декабр[яь]|янв|фев|мар|апр|июн|июл|авг|сент?|окт|ноя|дек)"
    r"\.?(?![^\W\d_])"
)
_WEEKDAY = r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
_YEAR = rf"\d{{4}}(?:{_HS}*(?:г\.|года?))?"
_DATE = (
    rf"(?:\d{{1,2}}{_HS}+{_MONTH}(?:,?{_HS}+{_YEAR})?"  # 14 сентября [2023 г.]
    rf"|{_MONTH}{_HS}*\d{{1,2}}(?!\d)(?:,?{_HS}+{_YEAR})?"  # Sept. 14[, 2023]
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}"  # 2023-09-14, 14.09.2023
    rf"|{_WEEKDAY})"
)
# Upper-case kickers that open a text like a place but are not one ("CORRECTION - …").
_NOT_PLACES = frozenset(
    """ADVISORY ANALYSIS BREAKING COMMENT COMMENTARY CORRECTED CORRECTION CORRECTS EDITORIAL
    EXCLUSIVE EXPLAINER FACTBOX FEATURE FLASH INTERVIEW LIVE NOTE OPINION PREVIEW REFILE
    REPEAT REVIEW UPDATE UPDATED URGENT WRAPUP АНАЛИЗ АНАЛИТИКА ИНТЕРВЬЮ КОММЕНТАРИЙ МНЕНИЕ
    МОЛНИЯ ОБНОВЛЕНО СРОЧНО ЭКСКЛЮЗИВ""".split()
)
_DASH = rf"(?:{_HS}*(?:[{_DASH_CHARS}]|--){_HS}*|{_HS}+-{_HS}+)"
_DATELINE_RE = re.compile(
    rf"\s*(?P<place>{_PLACE})"
    rf"(?:,{_HS}*(?P<region>{_REGION})(?={_HS}*[,(]))?"
    rf"(?:,{_HS}*(?P<date>{_DATE}))?"
    rf"(?:{_HS}*\((?P<source>[^\W\d_][^()\n]{{0,59}})\))?"
    rf"(?P<dash>{_DASH})"
)


def split_dateline(text: str) -> tuple[str, str, str]:
    """Split a dateline off the start of a text: ``(place, source, rest_of_text)``.

    Recognized at the very start of the text (after white space)::

        YEREVAN (Azatutyun) — …                     place, source
        MOSCOW, Sept 14 (TCW) — …                   place, date, source
        MOSCOW, Sept. 14, 2023 (TCW) -- …
        ЕРЕВАН, 14 сентября (Северный курьер) — …
        GORIS, Armenia, Dec 14 (TCW) — …            place, region, date, source
        BOSTON (Diaspora Mirror) - …                a spaced hyphen also counts
        WASHINGTON, March 3 (Reuters) - …
        YEREVAN — …                                 place only

    The place is a run of one to four upper-case words (any cased script; hyphens,
    apostrophes, dots and ``/`` allowed: ``NEW YORK``, ``ST. PETERSBURG``,
    ``САНКТ-ПЕТЕРБУРГ``, ``LONDON/MOSCOW``) with at least three letters and no lower-case
    letter. It must be followed by a comma and a date, by a source in parentheses or
    directly by the dash; a region after the comma (``KUT, Gegharkunik``) counts only when
    a date or a source follows it. So "NATO and the CSTO — two blocs" is no dateline, while
    a short all-caps opening such as "CSTO — the bloc …" is taken for one. Kickers such as
    ``CORRECTION``, ``UPDATE``, ``EXCLUSIVE`` or ``СРОЧНО`` are never places.

    Parameters
    ----------
    text : str
        One article's text.

    Returns
    -------
    place : str
        The place as written (upper case, without region or date), or ``""``.
    source : str
        The source in parentheses as written, or ``""``.
    text : str
        The text after the dateline's dash, or the text unchanged when there is none.

    Examples
    --------
    >>> split_dateline("MOSCOW, Sept. 14, 2023 (TCW) -- Russia said on Thursday ...")
    ('MOSCOW', 'TCW', 'Russia said on Thursday ...')
    >>> split_dateline("YEREVAN — Armenia will not host the drills.")
    ('YEREVAN', '', 'Armenia will not host the drills.')
    >>> split_dateline("NATO and the CSTO — two blocs.")
    ('', '', 'NATO and the CSTO — two blocs.')
    """
    _check_text(text, "split_dateline")
    m = _DATELINE_RE.match(text)
    if m is None:
        return "", "", text
    place = m["place"]
    if sum(c.isalpha() for c in place) < 3 or place.split()[0].rstrip(".") in _NOT_PLACES:
        return "", "", text
    source = (m["source"] or "").strip()
    if not source and not m["date"] and m["dash"].strip() == "-":
        return "", "", text  # "MONEY RATES - …": a bare place needs a real dash
    if source:
        words = source.split()
        if len(words) > 5 or (source[0].islower() and len(words) > 1):
            return "", "", text
    return place, source, text[m.end() :]


# --------------------------------------------------------------------------------------
# Composing cleaners
# --------------------------------------------------------------------------------------


def _step_name(func: Callable) -> str:
    if isinstance(func, functools.partial):
        args = [*(repr(a) for a in func.args), *(f"{k}=…" for k in func.keywords)]
        return f"{_step_name(func.func)}({', '.join(args)})"
    return getattr(func, "__name__", None) or repr(func)


class Cleaner:
    """A composition of ``str -> str`` cleaners, applied left to right (see :func:`make_cleaner`).

    Attributes
    ----------
    steps : tuple of callables
        The cleaners, in the order they run.

    Examples
    --------
    >>> Cleaner(normalize_quotes, str.upper)("«нет»")
    '"НЕТ"'
    """

    def __init__(self, *funcs: Callable[[str], str]):
        steps: list[Callable[[str], str]] = []
        for i, func in enumerate(funcs):
            if isinstance(func, Cleaner):
                steps.extend(func.steps)  # flatten nested cleaners
            elif callable(func):
                steps.append(func)
            else:
                raise FramingError(
                    f"step {i} is {type(func).__name__} {func!r:.60}, not a function",
                    where="make_cleaner",
                    fix="Pass functions that take a str and return a str, e.g. "
                    "make_cleaner(normalize_unicode, functools.partial(remove_boilerplate, "
                    "patterns=...)).",
                )
        self.steps = tuple(steps)
        self._fused = _FUSED.get(self.steps)
        self.__name__ = f"make_cleaner({', '.join(_step_name(f) for f in self.steps)})"
        self.__doc__ = "Apply, left to right: " + ", ".join(_step_name(f) for f in self.steps)

    def __call__(self, text: str) -> str:
        if self._fused is not None:
            return self._fused(text)
        for func in self.steps:
            text = func(text)
            if not isinstance(text, str):
                raise FramingError(
                    f"the step {_step_name(func)} returned {type(text).__name__}, not str",
                    where=self.__name__,
                    fix="Every cleaner must take a str and return a str.",
                )
        return text

    def __repr__(self) -> str:
        return self.__name__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cleaner) and self.steps == other.steps

    def __hash__(self) -> int:
        return hash(self.steps)


def make_cleaner(*funcs: Callable[[str], str]) -> Cleaner:
    """Compose ``str -> str`` cleaners into one, applied left to right.

    The result is a callable :class:`Cleaner` whose ``__name__`` and repr list its steps;
    nested cleaners are flattened. It can be pickled (for worker processes) when its steps
    can. Give a cleaner options with :func:`functools.partial`.

    Parameters
    ----------
    *funcs : callables
        Functions that take a str and return a str.

    Returns
    -------
    Cleaner

    Examples
    --------
    >>> from functools import partial
    >>> clean = make_cleaner(
    ...     normalize_quotes,
    ...     partial(remove_boilerplate, patterns=DEFAULT_BOILERPLATE + (r"^Advertisement$",)),
    ...     normalize_whitespace,
    ... )
    >>> clean
    make_cleaner(normalize_quotes, remove_boilerplate(patterns=…), normalize_whitespace)
    >>> clean("Advertisement\\n«Нет»,  said   Armenia’s PM.")
    '"Нет", said Armenia\\'s PM.'
    """
    return Cleaner(*funcs)


_DEFAULT_STEPS = (
    normalize_unicode,
    normalize_quotes,
    normalize_dashes,
    remove_boilerplate,
    remove_captions,
    normalize_whitespace,
)
_BOTH_STARTS = _LineStarts(f"{_BOILERPLATE_STARTS}|{_CAPTION_STARTS}", notice=False)


def _clean_by_default(text: str) -> str:
    """The steps of :data:`default_cleaner` in one function, with the same result.

    Most news texts are short, so what each step costs whatever the text (a call, its
    checks) weighs as much as the work: here the checks are made once, and boilerplate
    and captions are found with one search. Where that is not exact (a line break other
    than ``"\\n"``) the steps run one by one.
    """
    _check_text(text, "normalize_unicode")
    if not text.isascii():
        text = _cut_dashes(normalize_quotes(normalize_unicode(text)))
    elif "--" in text:
        text = _cut_dashes(text)
    if not _single_breaks(text):
        return normalize_whitespace(remove_captions(remove_boilerplate(text)))
    text = _replace_chars(text, _ASCII_SPACES if text.isascii() else _SPACES)
    boilerplate = _line_matcher(DEFAULT_BOILERPLATE, "remove_boilerplate")
    captions = _line_matcher(DEFAULT_CAPTIONS, "remove_captions")
    if _may_hold_notice(text):
        text = _drop_lines(text, boilerplate)
        text = _drop_found_lines(text, (captions,), _DEFAULT_STARTS[DEFAULT_CAPTIONS])
    else:
        # a line dropped by either, as when each drops its own: the other lines stay as
        # they are, since "\n" is the only line break
        text = _drop_found_lines(text, (boilerplate, captions), _BOTH_STARTS)
    return _collapse_runs(_strip_lines(text))


#: Composed step lists that run as one function (see Cleaner.__call__).
_FUSED = {_DEFAULT_STEPS: _clean_by_default}

#: The cleaner :func:`clean_articles` uses unless given another.
default_cleaner: Cleaner = make_cleaner(*_DEFAULT_STEPS)


# --------------------------------------------------------------------------------------
# The stage
# --------------------------------------------------------------------------------------


def _row_ids(articles: pd.DataFrame, positions: list[int]) -> list[str]:
    if "article_id" in articles.columns:
        ids = articles["article_id"].iloc[positions]
    else:
        ids = pd.Series(articles.index[positions])
    return [str(i) for i in ids]


def clean_articles(
    articles: pd.DataFrame,
    *,
    cleaner: Callable[[str], str] | None = None,
    datelines: bool = True,
    column: str = "text",
) -> pd.DataFrame:
    """Clean the text of every article; return a new articles table.

    Applies ``cleaner`` (default :data:`default_cleaner`) to ``articles[column]``. With
    ``datelines=True`` it then splits a dateline off each text (:func:`split_dateline`,
    after the cleaner, so dashes are already normalized) into the new columns
    ``dateline_place`` and ``dateline_source`` (``""`` when there is none). Cleaning a
    cleaned table keeps the datelines found the first time.

    Every row is kept. A missing text is treated as ``""``. An article whose text becomes
    empty through cleaning stays in the table with an empty text, and a
    :class:`~framing.FramingWarning` names how many and which ones. The table's ``attrs``
    (the ingest report) are carried over; the input table is not changed.

    Parameters
    ----------
    articles : DataFrame
        The articles table (at least the column ``column``).
    cleaner : callable, optional
        A ``str -> str`` function, e.g. from :func:`make_cleaner`. Default
        :data:`default_cleaner`.
    datelines : bool, default True
        Split datelines off the texts into ``dateline_place`` and ``dateline_source``.
    column : str, default "text"
        The column holding the texts.

    Returns
    -------
    DataFrame
        A new articles table.

    Examples
    --------
    >>> import pandas as pd
    >>> articles = pd.DataFrame({
    ...     "article_id": ["tcw-1"],
    ...     "text": ["YEREVAN, Sept 13 (TCW) – Armenia’s “ally” did not come.\\n\\n"
    ...              "Photo: Smoke over Jermuk. (TCW/Arman Galoyan)\\n\\n"
    ...              "Read more: CSTO leaders meet in Yerevan"],
    ... })
    >>> out = clean_articles(articles)
    >>> out.loc[0, "text"]
    'Armenia\\'s "ally" did not come.'
    >>> out.loc[0, ["dateline_place", "dateline_source"]].tolist()
    ['YEREVAN', 'TCW']
    """
    check_columns(articles, [column], table="articles", function="clean_articles")
    if cleaner is None:
        cleaner = default_cleaner
    elif not callable(cleaner):
        raise FramingError(
            f"cleaner must be a function from str to str, got {type(cleaner).__name__}",
            where="clean_articles(cleaner=...)",
            fix="Pass make_cleaner(...) or leave it out to use default_cleaner.",
        )

    cleaned: list[str] = []
    places: list[str] = []
    sources: list[str] = []
    emptied: list[int] = []
    for pos, text in enumerate(articles[column].tolist()):
        if not isinstance(text, str):
            if text is None or (pd.api.types.is_scalar(text) and pd.isna(text)):
                text = ""
            else:
                where = _row_ids(articles, [pos])[0]
                raise FramingError(
                    f"the text of article {where!r} is {type(text).__name__} {text!r:.60}, "
                    "not a string",
                    where=f"clean_articles (column {column!r}, row {pos})",
                    fix="Convert the column to text first: articles[column].astype(str).",
                )
        new = cleaner(text)
        if not isinstance(new, str):
            raise FramingError(
                f"the cleaner returned {type(new).__name__}, not str",
                where=f"clean_articles(cleaner={cleaner!r})",
                fix="Every cleaner must take a str and return a str.",
            )
        if datelines:
            place, source, new = split_dateline(new)
            places.append(place)
            sources.append(source)
        if text.strip() and not new.strip():
            emptied.append(pos)
        cleaned.append(new)

    index = articles.index
    new_columns = {column: pd.Series(cleaned, index=index, dtype="str")}
    if datelines:
        for name, values in (("dateline_place", places), ("dateline_source", sources)):
            found = pd.Series(values, index=index, dtype="str")
            if name in articles.columns:  # re-cleaning: keep what was found before
                before = articles[name].astype("str").fillna("")
                found = found.where(found != "", before)
            new_columns[name] = found
    out = articles.assign(**new_columns)
    out.attrs = copy.deepcopy(articles.attrs)

    if emptied:
        ids = _row_ids(articles, emptied)
        shown = ", ".join(map(repr, ids[:20])) + (
            f" and {len(ids) - 20} more" if len(ids) > 20 else ""
        )
        warnings.warn(
            f"clean_articles: {len(ids)} article(s) became empty after cleaning and are "
            f"kept with an empty text: {shown}. Check the cleaner (a boilerplate or caption "
            "pattern may match whole texts).",
            FramingWarning,
            stacklevel=2,
        )
    return out
