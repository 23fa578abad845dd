"""The head of a news article: captions without a cue, bylines and the dateline under them.

Real articles do not always open with their dateline. A photo caption ("Nikol Pashinyan at
a cabinet meeting (Photo: Government of Armenia, April 18, 2024)"), a credit line ("Mikhail
Metzel / TASS / Scanpix / LETA"), a byline ("By Jane Doe | Associated Press") or a short
heading may come first, and the dateline ("YEREVAN (Azatutyun) —") only after them.
:func:`find_layout` reads the first lines of a text the way a reader does and says which
lines are captions or bylines and where the dateline is; photo credits such as "(AP
Photo/Evan Vucci)" or "… Photograph: Karen Minasyan/AFP/Getty Images" are found on any line.

What is never taken: a first paragraph that ends with a full stop (the body has begun, and
nothing after it counts as the head), a one-line quote, a heading that no dateline follows,
a line that ends in a parenthesis of content ("… (in Russian)"), or a capitalized phrase
deeper in the text that looks like a dateline.
"""

from __future__ import annotations

import re

from .datelines import DATE_PATTERN, match_dateline
from .text import DASH_CHARS, has_any

__all__ = [
    "HEAD_LINES",
    "credit_lines",
    "find_layout",
    "is_byline",
    "is_credit_line",
    "is_head_caption",
    "is_link_cue",
    "is_open_short",
    "linked_titles",
    "opens_with_body",
    "read_head",
]

#: How many non-empty lines at the start of a text are read as its head.
HEAD_LINES = 6

_CAPWORD = r"[A-ZА-ЯЁ][\w.'’&-]*"
_PARTICLE = r"(?:de|van|von|der|den|al|bin|da|di|du|la|le|dos|del)"
#: a name as bylines and credits write it: capitalized words, particles between
NAME = rf"{_CAPWORD}(?: (?:{_CAPWORD}|{_PARTICLE})){{0,4}}"
_JOIN = r"(?: ?[,|•·/] ?| (?:and|&|и|for|in|with|—|–|-) )"
# "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By JANE DOE | Associated Press"
_BY = ("By ", "BY ")
_BYLINE_RE = re.compile(rf"(?:By|BY) {NAME}(?:{_JOIN}{NAME}){{0,5}}")
# "Author: …", "Автор: …", "Текст: …"
_AUTHOR_RE = re.compile(
    r"(?i:authors?|автор(?:ы)?|текст|written by|words by) ?: ?[^\W\d_][^.!?]{0,120}"
)
# A line made only of credits: "Mikhail Metzel / TASS / Scanpix / LETA", "REUTERS/Name"
_CREDITS_RE = re.compile(rf"{NAME}(?: ?/ ?{NAME}){{1,5}}")
_PHOTO = r"(?:photos?|photograph(?:er)?|фото|снимок)"
# A photo credit that ends a line, wherever the line is: "(AP Photo/Evan Vucci)",
# "(Photo: Government of Armenia, April 18, 2024)", "… Photograph: Name/AFP/Getty Images",
# "Name/AFP via Getty Images"
_PHOTO_TAIL_RE = re.compile(
    rf"(?:\((?:[\w.]+ ){{0,2}}{_PHOTO}(?: ?[:/]| (?:by|credit)\b| (?-i:[A-ZА-ЯЁ]))[^()]{{0,150}}\)\.?"
    rf"|[.!?] (?:{_PHOTO}|illustration|иллюстрация) ?: ?[^.!?()]{{1,150}}\.?"  # "Photo: OC Media."
    rf"|[.!?] (?:{_PHOTO}|illustration) by [^.!?()]{{1,80}}\.?"
    r"| (?-i:Photograph|Photo|Фото|Illustration): [^.!?()]{1,150}\.?"
    r"|(?:/| via | for )getty images[^.!?()]{0,40}\)?\.?)$",
    re.IGNORECASE,
)
# Every photo credit holds one of these (in lower case): one search of a text for them
# spares most texts a look at each line.
_PHOTO_WORDS = ("photo", "getty", "illustration", "фото", "снимок", "иллюстрация")
_ASCII_PHOTO_WORDS = _PHOTO_WORDS[:3]
# A parenthesis that ends a line of the head: "(Reuters / 12.04.2024)", "(TCW/Arman Galoyan)"
_HEAD_TAIL_RE = re.compile(r"[^.!?…\s] ?\((?P<inner>[^()]{1,100})\)$")
# "Reuters / 12.04.2024", "TCW/Arman Galoyan": a source, then a date or a person's name
_SLASH_RE = re.compile(r"[A-ZА-ЯЁ][^/]{0,40}/ ?(?:\d|[A-ZА-ЯЁ][a-zа-яё])")
_DATE_RE = re.compile(DATE_PATTERN)
_AGENCY_RE = re.compile(r"[A-Z]{2,}/[A-Z][a-z]")  # "REUTERS/Irakli Gedenidze"
_MIXED_RE = re.compile(r"[A-ZА-ЯЁ][a-zа-яё]")  # a name, not a code such as "DLRS/BBL"
#: the longest line a caption or a credit is
LONG_LINE = 300
#: what ends a line that ends a sentence: a full stop, a question, a closing quote, a colon
CLOSED = ".!?…\"'»”“:;,"
_QUOTE_RE = re.compile('["«»“”„]')
_QUOTES = "\"'»”“"
# a quoted name closes without a stop; speech closes with one ('"We stay," he said')
_SPEECH_RE = re.compile('[,.!?…:;]["»“”]')
# What every dateline holds (a dash, or the slashes of "/TASS/"): a line without any is
# spared the dateline's regular expressions
_DASHED_RE = re.compile(f"[-/{DASH_CHARS}]")


def is_byline(line: str) -> bool:
    """Whether a stripped line is a byline: "By Jane Doe, Reuters", "Автор: Иван Петров".

    Examples
    --------
    >>> is_byline("By JANE DOE | Associated Press"), is_byline("By the end of the day")
    (True, False)
    """
    if len(line) > 160:
        return False
    if line[:3] in _BY:
        return _BYLINE_RE.fullmatch(line) is not None
    return ":" in line[:20] and _AUTHOR_RE.fullmatch(line) is not None


def is_credit_line(line: str) -> bool:
    """Whether a stripped line ends in a photo credit, wherever it stands in the text.

    Examples
    --------
    >>> is_credit_line("Armenia's prime minister in Yerevan (AP Photo/Hayk Baghdasaryan)")
    True
    >>> is_credit_line("The photo was taken in Yerevan (see below).")
    False
    """
    return len(line) <= LONG_LINE and _PHOTO_TAIL_RE.search(line) is not None


def _has_photo_word(text: str) -> bool:
    """Whether ``text`` holds one of _PHOTO_WORDS in any case (False: no photo credit)."""
    low = text.lower()
    for word in _ASCII_PHOTO_WORDS if text.isascii() else _PHOTO_WORDS:
        if word in low:
            return True
    return False


def is_head_caption(line: str) -> bool:
    """Whether a stripped line of the head is a caption or a credit: it ends in a
    parenthesized credit or date without a full stop after it, or is made of credits only
    ("Name / TASS / Scanpix", "REUTERS/Name")."""
    if len(line) > LONG_LINE:
        return False
    if line[-1] == ")":
        m = _HEAD_TAIL_RE.search(line)
        if m is not None and (_SLASH_RE.search(m["inner"]) or _DATE_RE.search(m["inner"])):
            return True
    if len(line) > 120 or "/" not in line:
        return False
    # a spaced slash, or an agency in capitals: a hard-wrapped "Craftmatic/Contour Inc" is
    # the start of a sentence
    spaced = " / " in line or _AGENCY_RE.match(line) is not None
    return spaced and _MIXED_RE.search(line) is not None and _CREDITS_RE.fullmatch(line) is not None


_CAPS_SOURCE_RE = re.compile(
    r"[,.][ \t]*(?:[A-ZА-ЯЁ]{3,}(?:[ \t-][A-ZА-ЯЁ]{2,})?|[A-ZА-ЯЁ][\w.-]*[^\W\d_])\.(?:\s|$)"
)


def _has_dash(raw: str) -> bool:
    """Whether the first 200 characters of a line hold a dash or a slash (_DASHED_RE)."""
    if raw.isascii():  # the one dash in ASCII is the hyphen-minus: two quick searches
        return raw.find("-", 0, 200) != -1 or raw.find("/", 0, 200) != -1
    return _DASHED_RE.search(raw, 0, 200) is not None


def is_open_short(line: str) -> bool:
    """Whether a stripped line is short and not a closed sentence (a heading or caption)."""
    return (
        len(line) <= 200
        # a closing quote after a word ends a quoted term ("… as 'undesirable'"), not speech
        and (line[-1] not in CLOSED or (line[-1] in _QUOTES and line[-2:-1].isalnum()))
        and line.count(" ") < 25
        # speech is never a caption; a quoted name may be ("Border post «Upper Lars»")
        and (
            ('"' not in line if line.isascii() else _QUOTE_RE.search(line) is None)
            or _SPEECH_RE.search(line) is None
        )
    )


def credit_lines(text: str, skip: dict[int, str], low: str | None = None) -> dict[int, str]:
    """The lines of ``text`` (by their start) that end in a photo credit, but for ``skip``.

    ``low`` is ``text.lower()`` of an ASCII text, when the caller has it (None otherwise).
    """
    # Each way below gives the same lines; which one is the quicker depends on the text.
    if len(text) > 4 * LONG_LINE and text.find("\n", 0, LONG_LINE) == -1:
        # a caption is a short line: in a text of long paragraphs only those are read
        lines = text.split("\n")
        short = [x for x in lines if len(x) <= LONG_LINE or len(x.strip()) <= LONG_LINE]
        if not _has_photo_word("\n".join(short)):
            return {}
    elif low is not None:  # an ASCII text, its lower case at hand: one search of each word
        for word in _ASCII_PHOTO_WORDS:
            if word in low:
                break
        else:
            return {}
        lines = text.split("\n")
    elif _has_photo_word(text):  # short lines (hard-wrapped) or a short text: one search
        lines = text.split("\n")
    else:
        return {}
    found, start = {}, 0
    for line in lines:
        if start not in skip and _has_photo_word(line) and is_credit_line(line.strip()):
            found[start] = "caption"
        start += len(line) + 1
    return found


def find_layout(
    text: str, skip: dict[int, str] | None = None, *, head_lines: int = HEAD_LINES
) -> tuple[dict[int, str], tuple[int, str, str, int] | None]:
    """The caption and byline lines of a text, and its dateline.

    Reads the first ``head_lines`` non-empty lines (those in ``skip``, already removed,
    are passed over): bylines and captions (a parenthesized credit or date that ends the
    line, a line of credits) are taken; a dateline at the start of a line ends the head;
    up to two short lines without a closing full stop (captions without a cue, or a
    heading) are taken only when a dateline follows them; any other line is the body,
    and the head ends there. Lines ending in a photo credit are taken anywhere.

    Parameters
    ----------
    text : str
        One article's text (lines split at ``"\\n"``).
    skip : dict, optional
        The lines already removed (by boilerplate and caption patterns), by the offset
        where each starts.
    head_lines : int
        How many non-empty lines the head may have.

    Returns
    -------
    lines : dict
        ``{offset where the line starts: reason}``, reason ``"caption"`` or ``"byline"``.
    dateline : tuple or None
        ``(offset where its line starts, place, source, end)``: the dateline is the
        line's first ``end`` characters.

    Examples
    --------
    >>> text = ("Pashinyan in Yerevan (Photo: Government of Armenia, April 18, 2024)\\n\\n"
    ...         "YEREVAN (Azatutyun) — Armenia will not pay.")
    >>> find_layout(text)
    ({0: 'caption'}, (69, 'YEREVAN', 'Azatutyun', 22))
    """
    skip = skip or {}
    return read_head(text, skip, credit_lines(text, skip), head_lines)


def read_head(
    text: str, skip: dict[int, str], found: dict[int, str], head_lines: int = HEAD_LINES
) -> tuple[dict[int, str], tuple[int, str, str, int] | None]:
    """:func:`find_layout` given the lines ``found`` to end in a photo credit (a dict it
    adds to and returns)."""
    pending: list[tuple[int, str]] = []  # taken only if a dateline follows
    found_list: list[tuple[int, str]] = []
    seen, next_start, size = 0, 0, len(text)
    # the head is in the first lines: cut out no more of them than needed
    for _ in range(3 * head_lines):
        if next_start > size:
            break
        start = next_start
        end = text.find("\n", start)
        end = size if end == -1 else end
        next_start = end + 1
        raw = text[start:end]
        line = raw.strip()
        if not line or start in skip:
            continue
        seen += 1
        if seen > head_lines:
            break
        if start in found:
            continue
        first = line[0]
        if first.islower():  # a hard-wrapped paragraph goes on: the body
            break
        # each test below is tried only on a line with what it needs (a call costs more
        # than these looks at the line)
        if (line[:3] in _BY or ":" in line[:20]) and is_byline(line):
            # after a line that may go on ("…, CROSSED\nBY FIRST BOSTON"), a dateline
            # must follow
            (pending if pending else found_list).append((start, "byline"))
            continue
        if (line[-1] == ")" or "/" in line) and is_head_caption(line):
            found[start] = "caption"
            continue
        # a dateline starts with a capital or "(" and holds a dash or a slash, or an agency in
        # capitals after a comma ("ЕРЕВАН, 7 НОЯБРЯ, АРМЕНПРЕСС.")
        dated = (first.isupper() or first == "(") and (
            _has_dash(raw) or _CAPS_SOURCE_RE.search(raw, 0, 120) is not None
        )
        dateline = match_dateline(raw) if dated else None
        # after a heading, a bare "PLACE —" is too weak a sign: it needs a date or source
        if dateline is not None and (dateline[1] or not pending or _has_date(raw, dateline)):
            found.update(found_list)
            found.update(pending)
            return found, (start, *dateline)
        if is_open_short(line) and len(pending) < 2:
            pending.append((start, "caption"))
            continue
        break
    found.update(found_list)
    return found, None


def opens_with_body(text: str, skip: dict[int, str], found: dict[int, str]) -> bool:
    """Whether :func:`read_head` of a normalized ``text`` takes nothing and finds no dateline,
    seen from its first two lines alone: the first line is none of what the head may hold,
    and the second, not removed, starts in lower case (the paragraph goes on).

    ``text`` must be through :func:`~framing.clean.normalize_whitespace` (lines stripped),
    as :data:`~framing.clean.default_cleaner` leaves it; ``skip`` and ``found`` are those
    :func:`read_head` takes. When this is True, ``read_head(text, skip, found)`` returns
    ``(found, None)``, ``found`` unchanged (the tests check it); when False, nothing is said.

    Examples
    --------
    >>> opens_with_body("Showers continued in\\nthe Bahia cocoa zone.", {}, {})
    True
    >>> opens_with_body("YEREVAN (Azatutyun) — Armenia\\nwill not pay.", {}, {})
    False
    """
    end = text.find("\n", 0, LONG_LINE)
    second = end + 1
    if end <= 0 or second == len(text) or not text[second].islower():
        return False  # a head of one line, or a second line that may be a head's
    if text.startswith("by ", second):
        return False  # "by Kateryna Hrytsenko" under a headline
    if 0 in skip or 0 in found or second in skip or second in found:
        return False
    line = text[:end]
    # a byline starts with "By " or has a colon; a caption ends in ")" or has a slash; a
    # dateline has a slash or a dash: "--", a hyphen between spaces, or another dash
    if line[:3] in _BY or ":" in line or "/" in line or line[-1] == ")":
        return False
    if "--" in line or " - " in line:
        return False
    return line.isascii() or not has_any(line, _DASH_PAIRS)


_DASH_PAIRS = tuple((c, "") for c in DASH_CHARS)


# A line that only announces links: "Read also", "Related:", "См. также", "По теме"
_LINK_CUE_RE = re.compile(
    r"(?:read (?:more|also)|related(?: (?:articles?|stories|coverage|content|news))?|see also"
    r"|also read|more on this|more stories|most read|most popular|read next|latest news"
    r"|recommended(?: for you)?|you may also like|(?:more|most read|most popular) from [^.!?]{1,40}"
    r"|(?:explore )?more on (?:these|this) topics?|related topics|topics|читайте также|смотрите также"
    r"|(?:новости и |ещ[её] )?(?:материалы )?по теме|см\. также)\W{0,3}",
    re.IGNORECASE,
)


def is_link_cue(line: str) -> bool:
    """Whether a stripped line only announces links: "Related", "Read also:", "По теме".

    >>> is_link_cue("Новости и материалы по теме:"), is_link_cue("Related talks ended.")
    (True, False)
    """
    return len(line) <= 60 and _LINK_CUE_RE.fullmatch(line) is not None


def linked_titles(text: str, drops: dict[int, str]) -> dict[int, str]:
    """The titles under a dropped "Read also" or "Related" line: ``{start: "boilerplate"}``.

    A line that only says "Read also" (or "Related:", "По теме", …) announces links whose
    titles are the next lines, one a line: those go too while they are short and not closed
    sentences, up to ten of them and never past a blank line.

    Examples
    --------
    >>> text = "Armenia did not sign.\\nRead also\\nPashinyan says Armenia could leave CSTO\\nMore."
    >>> linked_titles(text, {22: "boilerplate"})
    {32: 'boilerplate'}
    """
    found = {}
    for start, reason in drops.items():
        if reason != "boilerplate":
            continue
        end = text.find("\n", start)
        if end == -1 or not is_link_cue(text[start:end].strip()):
            continue
        nxt = end + 1
        while nxt < len(text) and text[nxt] == "\n":
            nxt += 1
        # the titles listed under it, one a line, up to a blank line or a sentence
        for _ in range(_LINKED_TITLES):
            stop = text.find("\n", nxt)
            title = text[nxt : len(text) if stop == -1 else stop].strip()
            if not title or nxt in drops or not is_open_short(title):
                break
            found[nxt] = "boilerplate"
            if stop == -1:
                break
            nxt = stop + 1
    return found


#: How many titles under a "Related" line are taken.
_LINKED_TITLES = 10


def _has_date(line: str, dateline: tuple[str, str, int]) -> bool:
    """Whether the dateline ``line[:end]`` holds a date."""
    return _DATE_RE.search(line, 0, dateline[2]) is not None
