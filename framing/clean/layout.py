"""News layout: whole lines of boilerplate and photo captions, dropped by pattern.

Whole lines of boilerplate (newsletter promos, "Read more: …", share and follow links,
agency credits and notices, copyright and cookie notes, "Advertisement") and photo captions
are dropped. Patterns match a line from its start, case-insensitively, after the line's
spaces are collapsed; a phrase like "read more" inside a sentence never drops its line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from .._errors import FramingError
from .text import ASCII_SPACES, SPACES, check_text, has_any, single_breaks

__all__ = ["DEFAULT_BOILERPLATE", "DEFAULT_CAPTIONS", "remove_boilerplate", "remove_captions"]


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
#: ``remove_boilerplate(text, patterns=DEFAULT_BOILERPLATE + (r"^Sponsored$",))``.
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
    # "Related", "Related: …", "See also: …", "ALSO READ | …", "По теме: …"; never a sentence
    _CAP + r"(?:related(?: (?:articles?|stories|coverage|content|news|reading))?|see also"
    r"|also read|по теме)(?:\s*[:>»›→|–—-].{0,250})?\W{0,3}$",
    # "Most Read from Bloomberg", "More from Daily Sabah", "Explore more on these topics",
    # "Новости и материалы по теме:": a line of its own, without a full stop
    _CAP + r"(?:most read|most popular|more stories|read next|you may also like"
    r"|recommended(?: for you)?|latest news|explore more on (?:these|this) topics?|related topics"
    r"|(?:новости и )?материалы по теме)"
    r"(?: (?:from|on|in|at) (?-i:[A-ZА-ЯЁ])[^.!?:\n]{0,40})?[^\S\n]*[:>»›→|–—-]?$",
    _CAP + r"more (?:from|on) (?-i:[A-ZА-ЯЁ])[^.!?:\n]{0,40}[^\S\n]*[:>»›→|–—-]?$",
    # share and follow links
    _CAP + r"share this (?:article|story|page|post)\b.{0,150}$",
    _CAP + rf"share (?:on|via) {_SOCIAL}\b.{{0,100}}$",
    _CAP + rf"follow (?:us|\S.{{0,80}}?) on {_SOCIAL}\b.{{0,100}}$",
    _CAP + r"(?:подписывайтесь|подпишитесь) на\b.{0,200}$",
    _CAP + rf"(?:join|присоединяйтесь к) (?:\S.{{0,80}}? )?(?:on |in |в )?{_SOCIAL}\b.{{0,100}}$",
    _CAP + rf"(?:читайте|смотрите) нас в {_SOCIAL}\b.{{0,100}}$",
    _CAP + rf"больше новостей\b.{{0,80}}\b(?:{_SOCIAL}|телеграм)\w*.{{0,60}}$",
    # an advertisement's label, on a line of its own
    _CAP + r"(?:advertisement|advertising|реклама)\W{0,3}$",
    _CAP + r"story continues below(?: (?:advertisement|this ad))?\W{0,3}$",
    # agency credits and sign-offs
    r"\((?:additional )?(?:reporting|writing|compiled|editing) by\b[^()]*\)\.?$",
    _CAP + r"(?:additional )?(?:reporting|writing) by\b.{0,250};\s*editing by\b.{0,150}$",
    r"reuters?$",
    # copyright and an agency's notices: "Our Standards: The Thomson Reuters Trust Principles."
    _CAP + r"(?:©|copyright\s*(?:©|\(c\)|\d{4})).{0,200}$",
    _CAP + r"our standards\s*:.{0,150}$",
    _CAP + r"при (?:полном или частичном |любом )?(?:использовании|перепечатке|цитировании) "
    r"(?:материалов|информации)\b.{0,150}\b(?:гипер)?ссылк\w*.{0,100}$",
    _CAP + r"(?:.{0,120}[.,;:|©)]\s*)?(?:all rights reserved|все права защищены)\W{0,3}$",
    # cookie notes
    _CAP + r"(?:we use cookies|this (?:web)?site uses cookies|by (?:continuing to use|using) "
    r"(?:this|our) (?:web)?site\b.{0,150}\bcookies|accept (?:all )?cookies)\b.{0,300}$",
    _CAP + r"(?:мы используем|(?:этот|наш) сайт использует) (?:файлы )?cookie.{0,300}$",
)

#: Default photo-caption patterns, used like :data:`DEFAULT_BOILERPLATE`.
DEFAULT_CAPTIONS: tuple[str, ...] = (
    _CAP + r"(?:photos?|photograph|image|picture|caption|фото|фотография|снимок|иллюстрация"
    r"|коллаж|скриншот)\s*:.*",
    _CAP + r"(?:photos? )?credits?\s*:.{0,150}$",
    # "Фото ТАСС", "Photo AFP/…", "Getty Images", "Getty Images/iStockphoto"
    _CAP + r"(?:photo|фото)\s+(?-i:[A-ZА-ЯЁ][\w.&-]*(?:(?: | ?/ ?)[A-ZА-ЯЁ][\w.&-]*){0,4})$",
    _CAP + r"getty images\b[^.!?]{0,80}$",
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
    "мы", "этот", "наш", "related", "see", "also", "по", "join", "присоединяйтесь",
    "больше", "advertisement", "реклама", "our", "при", "most", "more", "you", "recommended",
    "latest", "explore", "новости", "материалы", "story", "advertising",
)  # fmt: skip
_BOILERPLATE_OPENERS = ("(", "reuter")  # not under _CAP
_CAPTION_WORDS = (
    "photo", "image", "picture", "caption", "фото", "снимок", "credit", "getty", "иллюстрация",
    "коллаж", "скриншот",
)  # fmt: skip
_CAPTION_OPENERS = ("[",)
#: The first words (in lower case) of the lines the default patterns can match, which then
#: do not start with a lower-case letter (_CAP), and the openers, which start such lines in
#: any case: what a search for those lines looks for (the tests check that it finds them).
LINE_WORDS = _BOILERPLATE_WORDS + _CAPTION_WORDS
LINE_OPENERS = _BOILERPLATE_OPENERS + _CAPTION_OPENERS


def _starts_pattern(words: tuple[str, ...], openers: tuple[str, ...], cap: str = _CAP) -> str:
    """A regex (for re.IGNORECASE) of one of ``openers`` or, after ``cap``, one of
    ``words``. A class of their first characters comes first and the words are grouped by
    their first letter, so that most lines fail at their first character."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    capped = "|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in groups.items())
    firsts = re.escape("".join(sorted({w[0] for w in words + openers})))
    return f"(?=[{firsts}])(?:{'|'.join(map(re.escape, openers))}|{cap}(?:{capped}))"


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
                    "(r'^Sponsored$',).",
                )
        return patterns
    raise FramingError(
        f"expected a tuple of regular expressions, got {type(patterns).__name__}",
        where=f"{function}({argument}=...)",
        fix=f"Pass a tuple of strings, e.g. {argument}=(r'^Sponsored$',).",
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


def _key(line: str) -> str:
    """A line's key: stripped, each run of white space one space."""
    return " ".join(line.split())


def _drop_found_lines(
    text: str, matches: tuple[Callable[[str], object], ...], starts: _LineStarts
) -> str:
    """:func:`_drop_lines` for a text with no line break but ``\\n``: only the lines that
    ``starts`` finds are looked at, and dropped when one of ``matches`` matches their key."""
    found = [0] if starts.first(text) else []
    found.extend(m.start() + 1 for m in starts.rest(text))
    pieces, done = [], 0
    for start in found:
        stop = text.find("\n", start) + 1 or len(text)  # the line and its line break
        key = _key(text[start:stop])
        if key:
            for match in matches:
                if match(key):
                    pieces.append(text[done:start])
                    done = stop
                    break
    if not done:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _drop_lines(
    text: str, match: Callable[[str], object], starts: _LineStarts | None = None
) -> str:
    """``text`` without the lines whose key (the line stripped, its white space collapsed)
    ``match`` matches; ``starts``, when given, finds every line that ``match`` can match."""
    if starts is not None and single_breaks(text):
        if not (starts.notice and _may_hold_notice(text)):
            return _drop_found_lines(text, (match,), starts)
    lines = text.splitlines(keepends=True)
    # a text with no white space but single spaces within its lines: each key is the line
    # stripped, with no need to look at each line for white space to collapse
    collapse = "  " in text or has_any(text, ASCII_SPACES if text.isascii() else SPACES)
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
        ``DEFAULT_BOILERPLATE + (r"^Sponsored$",)``.

    Returns
    -------
    str

    Examples
    --------
    >>> text = "The summit ended.\\nRead more: CSTO leaders meet\\nSubscribe to our newsletter"
    >>> remove_boilerplate(text)
    'The summit ended.\\n'
    >>> remove_boilerplate("Sponsored\\nArmenia did not sign.", patterns=(r"^Sponsored$",))
    'Armenia did not sign.'
    """
    check_text(text, "remove_boilerplate")
    patterns = _as_patterns(patterns, "patterns", "remove_boilerplate")
    return _drop_lines(
        text, _line_matcher(patterns, "remove_boilerplate"), _DEFAULT_STARTS.get(patterns)
    )


def remove_captions(text: str, *, patterns: Iterable[str] = DEFAULT_CAPTIONS) -> str:
    """Drop photo-caption lines.

    By default a line is a caption when it starts with ``Photo:``, ``Photograph:``,
    ``Image:``, ``Picture:``, ``Caption:``, ``Фото:``, ``Снимок:``, ``Photo credit:``,
    ``Credit:``, ``[Photo …]`` or ``Photo by …`` (any case), when it is a bare credit such
    as ``Фото ТАСС/Сергей Бобылев`` or ``Getty Images``, or when it starts with "Photo" and
    ends in a credit such as ``(Reuters/Ani Sargsyan)``. Matching works as in
    :func:`remove_boilerplate`; pass ``patterns`` to change it. Captions without such a
    cue are found by :func:`framing.clean_articles` (see :func:`framing.clean.find_layout`).

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
    check_text(text, "remove_captions")
    patterns = _as_patterns(patterns, "patterns", "remove_captions")
    return _drop_lines(
        text, _line_matcher(patterns, "remove_captions"), _DEFAULT_STARTS.get(patterns)
    )


_BOTH_STARTS = _LineStarts(f"{_BOILERPLATE_STARTS}|{_CAPTION_STARTS}", notice=False)


@functools.cache
def _default_matchers() -> tuple[Callable[[str], object], Callable[[str], object]]:
    """The matchers of the default boilerplate and captions (without hashing the pattern
    tuples again for every text, as _line_matcher's cache does)."""
    return (
        _line_matcher(DEFAULT_BOILERPLATE, "remove_boilerplate"),
        _line_matcher(DEFAULT_CAPTIONS, "remove_captions"),
    )


def without_lines(text: str, drops: dict[int, str]) -> str:
    """``text`` without the lines ``drops`` (by the offset where each starts, in order), of a
    text through :func:`normalize_whitespace`: the blank lines they leave are collapsed
    as :func:`normalize_whitespace` collapses them.

    Examples
    --------
    >>> without_lines("Photo: X\\n\\nBody.\\n\\nReuter", {0: "caption", 17: "boilerplate"})
    'Body.'
    >>> without_lines("A\\n\\nX\\n\\nB", {3: "caption"})
    'A\\n\\nB'
    """
    pieces, done, blank_after = [], 0, False
    for start in drops:
        pieces.append(text[done:start])
        done = text.find("\n", start) + 1 or len(text)  # the line and its line break
        # The text has no three line breaks in a row, so three can only meet where a
        # dropped line was followed by a blank line; without one the text need not be
        # searched for them again.
        blank_after = blank_after or text.startswith("\n", done)
    pieces.append(text[done:])
    text = "".join(pieces)
    while blank_after and "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip("\n")


# The same line starts in a lower-cased ASCII text whose lines are stripped, without
# re.IGNORECASE (which costs a look-up of each character's case): the caller checks _CAP
# against the text itself. The first line, and the others after their "\n".
_LOWER_STARTS = _starts_pattern(LINE_WORDS, LINE_OPENERS, cap="")
_LOWER_FIRST = re.compile(_LOWER_STARTS).match
_LOWER_REST = re.compile(f"\n{_LOWER_STARTS}").finditer


def _lower_line_starts(text: str, low: str) -> list[int]:
    """The lines of an ASCII ``text`` with stripped lines that ``_BOTH_STARTS`` finds, found in
    ``low``, its lower case: those that start with an opener, or with a word and not with a
    lower-case letter (_CAP)."""
    found = [m.start() + 1 for m in _LOWER_REST(low)]
    if _LOWER_FIRST(low):
        found.insert(0, 0)
    return [i for i in found if not text[i].islower() or low.startswith(LINE_OPENERS, i)]


def default_line_drops(text: str, low: str | None = None) -> dict[int, str]:
    """The lines that the default boilerplate and caption patterns drop, with the reason.

    ``text`` must have been through :func:`normalize_whitespace` (every line its own key).
    Returns ``{offset where the line starts: "boilerplate" or "caption"}`` (a line both
    would drop is boilerplate, the cleaner that runs first): the lines that
    :func:`remove_boilerplate` and then :func:`remove_captions` drop. ``low`` is
    ``text.lower()`` of an ASCII text, when the caller has it.

    Examples
    --------
    >>> default_line_drops("Photo: Jermuk\\nArmenia did not sign.\\nRead more: CSTO")
    {0: 'caption', 36: 'boilerplate'}
    """
    if low is not None and "reserved" not in low:  # _may_hold_notice of an ASCII text
        starts = _lower_line_starts(text, low)
    elif _may_hold_notice(text):
        starts = [0, *(m.start() + 1 for m in re.finditer("\n", text))]
    else:
        starts = [0] if _BOTH_STARTS.first(text) else []
        starts.extend(m.start() + 1 for m in _BOTH_STARTS.rest(text))
    return line_drops_at(text, starts)


def line_drops_at(text: str, starts: Iterable[int]) -> dict[int, str]:
    """:func:`default_line_drops` of the lines of ``text`` that start at ``starts`` (in
    order): those that the default boilerplate and caption patterns drop, with the reason.

    Examples
    --------
    >>> line_drops_at("Photo: Jermuk\\nArmenia did not sign.\\nREUTER", [0, 36])
    {0: 'caption', 36: 'boilerplate'}
    """
    boilerplate, captions = _default_matchers()
    drops = {}
    for start in starts:
        stop = text.find("\n", start)
        line = text[start:] if stop == -1 else text[start:stop]
        if not line:
            continue
        if boilerplate(line):
            drops[start] = "boilerplate"
        elif captions(line):
            drops[start] = "caption"
    return drops
