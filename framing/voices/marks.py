"""Quotation marks paired into quoted spans, on real news text (:func:`pair_quotes`).

The rules, in the order they are applied to each mark:

* **Marks.** Double: ``"`` “ ” „ ‟ « »; single: ``'`` ‘ ’ ‚ ‹ ›. Primes (′ ″) are not marks.
* **Not a mark.** An apostrophe between letters (Armenia's, don’t); an elision
  ('n', 'til, 'em, '90s, ’22); a ``"`` or ``'`` right after a digit when no quote of its
  family is open (the inch and foot signs 5", 12'', 6'); a single closing mark when no
  single quote is open (the plural possessive officials').
* **Direction.** « „ ‚ ‹ always open and » › always close. “ closes a quote opened by „
  (German „so“) and opens otherwise; ‘ likewise after ‚. Other marks read their
  neighbours: a mark after white space, an opening bracket, a dash, a colon or another
  mark, and before a word, opens; a mark after a word and before white space or
  punctuation closes; a mark that could be either closes an open quote of its family and
  opens one otherwise.
* **Nesting.** Marks opened inside an open quote nest (« „…“ », “ ‘…’ ”, and straight
  "…"…"" as the default cleaner leaves Russian quotes); only the outermost span is returned.
  A single closing mark after *s* and before a word (officials' response) closes only when
  no other single closing mark follows in the paragraph.
* **Paragraphs** are lines. A quote still open at the end of a paragraph continues into
  the next one when that one starts with an opening mark of the same family (the English
  news convention for a quote over several paragraphs), and also when the paragraph ended
  a sentence and the next one closes the quote's mark (» ” “) before it opens another
  (the Russian convention «…¶…», no re-opening mark); otherwise it ends at the
  paragraph's end and is *unclosed*. An unclosed quote opened by a straight ``'`` is
  dropped (it was almost surely an apostrophe).
* **Recovery.** A new opening mark of the open quote's family right after the end of a
  sentence (". “") means the open quote lost its closing mark: it ends, unclosed, at that
  sentence's end, and the new one opens.

Every step looks at one mark and its two neighbours, so the cost is linear in the text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["QuoteSpan", "pair_quotes", "dash_quotes", "DOUBLE_MARKS", "SINGLE_MARKS"]

DOUBLE_MARKS = '"“”„‟«»'
SINGLE_MARKS = "'‘’‚‹›"
_MARK_RE = re.compile("[" + re.escape(DOUBLE_MARKS + SINGLE_MARKS) + "]")
_PARAGRAPH_RE = re.compile(r"[^\n]+")
_OPEN_BEFORE = set("([{<—–-/:;" + DOUBLE_MARKS + SINGLE_MARKS)  # a mark after these opens
_CLOSE_AFTER = set(".,;:!?)]}>…—–-/" + DOUBLE_MARKS + SINGLE_MARKS)  # a mark before these closes
_ALWAYS_OPEN, _ALWAYS_CLOSE = set("«„‚‹"), set("»›")
# words that start with an elided letter: rock 'n' roll, 'til, 'em, 'tis, 'cause
_ELISION_RE = re.compile(r"(?:n|em|til|tis|twas|cause|bout|nuff)\b|\d\d?s?\b", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»)]?\s+$")
# a single closing mark that is not a possessive: after a non-space, before space/punctuation
_SINGLE_CLOSER_RE = re.compile(r"(?<=\S)['’](?=[\s.,;:!?)\]—–…-]|$)")
_MAX_DEPTH = 4
_LOOKAHEAD = 2000  # how far a possessive-looking mark looks for a better closing mark

OPEN, CLOSE, EITHER = 1, 2, 3


class QuoteSpan(NamedTuple):
    """One quoted span: the offsets of its words (marks excluded) and whether it closed."""

    start: int
    end: int
    unclosed: bool
    mark: str


def _family(mark: str) -> str:
    return "double" if mark in DOUBLE_MARKS else "single"


def _direction(text: str, i: int, stack: list) -> int:
    """OPEN, CLOSE, EITHER or 0 (not a quotation mark) for the mark at ``text[i]``."""
    mark = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark in _ALWAYS_OPEN:
        return OPEN
    if mark in _ALWAYS_CLOSE:
        return CLOSE
    family = _family(mark)
    open_here = any(_family(entry[0]) == family for entry in stack)
    if mark in "'’" and before.isalpha() and after.isalpha():
        return 0  # Armenia's, don’t
    if mark in "\"'’" and before.isdigit() and not open_here:
        return 0  # 5", 12'', 6' 2": inch and foot signs
    if (
        mark in "'’"
        and i > 1
        and (text[i - 2 : i] in ("'n", "’n") or text[i - 2].isdigit() and before in "'’")
    ):
        return 0  # the second mark of rock 'n' roll, of 12''

    if stack and ((mark == "“" and stack[-1][0] == "„") or (mark == "‘" and stack[-1][0] == "‚")):
        return CLOSE  # German „so“ and ‚so‘
    opens = before.isspace() or before in _OPEN_BEFORE
    closes = after.isspace() or after in _CLOSE_AFTER
    if opens and not closes:
        if mark in "'’‘" and _ELISION_RE.match(text, i + 1):
            return 0  # rock 'n' roll, '90s
        return CLOSE if mark in "”’" and open_here else OPEN
    if closes and not opens:
        if mark in "'’" and not open_here:
            return 0  # officials' (a plural possessive), or a stray mark
        return OPEN if mark in "“‘" and not open_here else CLOSE
    if mark in "'’" and not open_here:
        return 0  # letter'digit, a lone ' between spaces and the like
    return EITHER


def _possessive(text: str, i: int, paragraph_end: int) -> bool:
    """A single closing mark after *s* and before a word, with a better closing mark ahead."""
    if text[i - 1 : i] not in ("s", "S") or i + 2 >= paragraph_end:
        return False
    if not (text[i + 1] == " " and text[i + 2].isalnum()):
        return False
    end = min(paragraph_end, i + _LOOKAHEAD)
    return _SINGLE_CLOSER_RE.search(text, i + 1, end) is not None


def _continues(text: str, next_start: int | None, family: str) -> bool:
    """The next paragraph starts with an opening mark of ``family``."""
    if next_start is None:
        return False
    mark = text[next_start]
    return mark in (DOUBLE_MARKS if family == "double" else SINGLE_MARKS) and mark not in "»›”’"


_CLOSER = {"«": "»", "“": "”", "„": "“"}
_FINAL_RE = re.compile(r"[.!?…]\s*$")


def _resumes(text: str, bottom: tuple, end: int, span: tuple[int, int] | None) -> bool:
    """A quote open at a paragraph's end after a full sentence goes on in the next paragraph
    ``span`` without a re-opening mark (the Russian convention «…¶…»): that paragraph closes
    the quote's mark before it opens another one."""
    closer = _CLOSER.get(bottom[0])
    if span is None or closer is None or not _FINAL_RE.search(text, max(bottom[1], end - 8), end):
        return False
    close = text.find(closer, span[0], span[1])
    if close < 0:
        return False
    opener = text.find(bottom[0], span[0], close)
    return opener < 0 and not (closer == "“" and text.find("„", span[0], close) >= 0)


def _unclosed(text: str, bottom: tuple, end: int) -> QuoteSpan | None:
    """The span of a quote that lost its closing mark, or None when it is not worth one."""
    while end > bottom[1] + 1 and text[end - 1].isspace():
        end -= 1
    if bottom[0] == "'" or end <= bottom[1] + 1:
        return None
    return QuoteSpan(bottom[1] + 1, end, True, bottom[0])


def _paragraph_quotes(text: str, start: int, end: int, stack: list, out: list) -> None:
    """Pair the marks of one paragraph; what stays open is left on ``stack``."""
    for m in _MARK_RE.finditer(text, start, end):
        i = m.start()
        if stack and stack[0][1] == -1:  # the opening mark of a continued paragraph
            stack[0] = (stack[0][0], stack[0][2], stack[0][2])
            continue
        direction = _direction(text, i, stack)
        if not direction:
            continue
        family = _family(text[i])
        depth = next(
            (k for k in range(len(stack) - 1, -1, -1) if _family(stack[k][0]) == family), None
        )
        if direction == CLOSE or (direction == EITHER and depth is not None):
            if depth is None:
                continue  # a stray closing mark
            if family == "single" and _possessive(text, i, end):
                continue
            if depth == 0:
                if i > stack[0][1] + 1:
                    out.append(QuoteSpan(stack[0][1] + 1, i, False, stack[0][0]))
                stack.clear()
            else:
                del stack[depth:]
            continue
        if (
            stack
            and _family(stack[0][0]) == family
            and _SENTENCE_END_RE.search(text, max(start, i - 4), i)
        ):
            span = _unclosed(text, stack[0], i)  # ". “": the open quote lost its closing mark
            if span:
                out.append(span)
            stack.clear()
        if len(stack) < _MAX_DEPTH:  # deeper "nesting" is noise; the stack stays small
            stack.append((text[i], i, i))


def pair_quotes(text: str) -> list[QuoteSpan]:
    """The outermost quoted spans of ``text``, in order.

    Parameters
    ----------
    text : str
        One article's text (any quotation style; straight quotes after cleaning work too).

    Returns
    -------
    list of QuoteSpan
        ``start``, ``end`` (the quoted words without their marks, so ``text[start:end]`` is
        the quote), ``unclosed`` and the opening ``mark``.

    Examples
    --------
    >>> text = "Armenia's premier called it a “freeze”. «Мы „не“ уйдём», — сказал он."
    >>> [text[q.start : q.end] for q in pair_quotes(text)]
    ['freeze', 'Мы „не“ уйдём']
    >>> pair_quotes('The 5" screen. "No end')
    [QuoteSpan(start=16, end=22, unclosed=True, mark='"')]
    """
    if not text or _MARK_RE.search(text) is None:
        return []
    paragraphs = [m.span() for m in _PARAGRAPH_RE.finditer(text) if not m.group().isspace()]
    out: list[QuoteSpan] = []
    stack: list = []
    for k, (start, end) in enumerate(paragraphs):
        _paragraph_quotes(text, start, end, stack, out)
        if not stack:
            continue
        following = None
        if k + 1 < len(paragraphs):
            line = text[paragraphs[k + 1][0] : paragraphs[k + 1][1]]
            following = paragraphs[k + 1][0] + len(line) - len(line.lstrip())
        bottom = stack[0]
        if _continues(text, following, _family(bottom[0])):
            stack[:] = [(bottom[0], -1, bottom[1])]  # the next mark re-opens the same quote
            continue
        if _resumes(text, bottom, end, paragraphs[k + 1] if k + 1 < len(paragraphs) else None):
            stack[:] = [bottom]  # «…¶…»: the next paragraph's closing mark ends the quote
            continue
        span = _unclosed(text, bottom, end)
        if span:
            out.append(span)
        stack.clear()
    out.sort()
    return out


# Russian direct speech set off by dashes, not marks: "— Мы не уйдём, — сказал он. — Никогда."
_DASH_LINE_RE = re.compile(r"^[ \t]*[—–][ \t]+(?=\S)", re.MULTILINE)
_DASH_ATTRIBUTION_RE = re.compile(r"[,!?…][ \t]+[—–][ \t]+(?=[а-яё])")
_DASH_GOES_ON_RE = re.compile(r"\.[ \t]+[—–][ \t]+(?=[А-ЯЁ])")


def dash_quotes(text: str, cue_re) -> list[QuoteSpan]:
    r"""The quotes that a dash opens at a line's start and a dash before a cue ends, as Russian
    papers print direct speech: "— Заморозить конфликт — значит отложить войну, — сказал он
    «Комсомолке». — Мы это проходили." is two quotes. A dash line without a cue after it (an
    interview's question or answer) is no quote. ``cue_re`` matches the cue words.

    >>> import re
    >>> text = "— Мы не уйдём, — сказал он. — Никогда.\n— Почему?"
    >>> [text[q.start : q.end] for q in dash_quotes(text, re.compile("сказал"))]
    ['Мы не уйдём,', 'Никогда.']
    """
    out: list[QuoteSpan] = []
    for line in _DASH_LINE_RE.finditer(text):
        start = line.end()
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        # the dash before a cue: "— Заморозить конфликт, — значит отложить войну, — сказал он"
        said = next(
            (
                m
                for m in _DASH_ATTRIBUTION_RE.finditer(text, start, end)
                if cue_re.match(text, m.end())
            ),
            None,
        )
        if said is None:
            continue
        out.append(QuoteSpan(start, said.start() + 1, False, "—"))
        goes_on = _DASH_GOES_ON_RE.search(text, said.end(), end)
        if goes_on is not None:
            out.append(QuoteSpan(goes_on.end(), len(text[:end].rstrip()), False, "—"))
    return out
