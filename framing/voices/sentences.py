"""Sentences and language for the voices stage: linear rules that need no model.

The voices stage asks two things of a text many times: where the sentence around an offset
begins and ends, and whether the text is Russian. Punkt (``framing.tokens``) is right for
token counts, but quotes need sentence ends that respect quotation marks ("…won,” he said)
and must cost no more than one regular-expression scan, so this module has its own rules:

* a sentence ends after ``.``, ``!``, ``?`` or ``…`` (and any closing marks or brackets)
  followed by white space and an upper-case letter, a digit, an opening mark or a dash, and
  at every line break;
* not after a known abbreviation (Mr., Gen., U.S., Jan., г., т.е.) or an initial (S. Lavrov).

Wire copy is often *hard-wrapped* (lines of 60-80 characters, paragraphs marked by an
indented line or a blank one, as in Reuters-21578); :func:`unwrap_lines` turns the line breaks
inside its paragraphs into spaces, one character for one, so that every offset stays the same.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

__all__ = ["Sentences", "sentence_ends", "sentence_around", "text_language", "unwrap_lines"]

_END_RE = re.compile(r"[.!?…\n][.!?…]*[\"'»”’)\]]*(?=\s+[\"'«“„‘(\[—–-]?\s?[A-ZА-ЯЁ0-9])|\n")
_BREAK_RE = re.compile("\n")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen lt col sgt maj capt gov sen rep jr sr prof no vs etc jan feb mar apr "
    "jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e inc corp co ltd "
    "г гг т т.е им ул д др пр проф см".split()
)
# runs of letters, summed: one match per word rather than one per letter
_CYRILLIC_RE = re.compile(r"[а-яё]+", re.IGNORECASE)
_LATIN_RE = re.compile(r"[a-z]+", re.IGNORECASE)


# "posted on X.": the network's name ends the sentence, no initial
_PLATFORM_RE = re.compile(r"(?<!\w)(?:on|в)\s$")


def _long_word(text: str, dot: int) -> bool:
    """Five letters before the dot: no abbreviation is that long (the common case, made cheap)."""
    return text[dot - 5 : dot].isalpha() and dot >= 5


def _ends(text: str, pos: int = 0, last: int | None = None) -> list[int]:
    """The sentence ends of the matches of ``_END_RE`` that start in ``text[pos:last]``."""
    ends = []
    for m in _END_RE.finditer(text, pos):
        dot = m.start()
        if last is not None and dot > last:
            break
        if text[dot] == "." and dot and text[dot - 1].isalpha() and not _long_word(text, dot):
            start = dot - 1  # the word before the dot, if it is short enough to be an abbreviation
            while (
                start > 0
                and dot - start <= 4
                and (text[start - 1].isalpha() or text[start - 1] == ".")
            ):
                start -= 1
            if not (start and (text[start - 1].isalnum() or text[start - 1] == ".")):
                token = text[start:dot].lower()
                if (
                    len(token) == 1 and not _PLATFORM_RE.search(text, max(0, start - 4), start)
                ) or (token in _ABBREVIATIONS):
                    continue  # an initial (S. Lavrov) or an abbreviation; not "wrote on X."
        ends.append(m.end())
    return ends


class Sentences:
    """The sentences of a text, found only around the offsets asked for.

    ``around(offset)`` is ``sentence_around(sentence_ends(text), offset)``, but it reads only
    the line of ``offset``, the line after it and the two lines before it (every line break
    ends a sentence and starts a match of the sentence-end rule, so the ends found from a
    line break on are those of the whole text); the lines read are kept for the next offsets.
    A text without line breaks is read once.

    Examples
    --------
    >>> text = "One. Two words." + chr(10) + "Three. Four."
    >>> sentences = Sentences(text)
    >>> [sentences.around(i) == sentence_around(sentence_ends(text), i) for i in (0, 6, 17, 24)]
    [True, True, True, True]
    """

    def __init__(self, text: str):
        self.text = text
        self.cache: dict[tuple[int, int], list[int]] = {}
        self.breaks: list[int] | None = None  # the offsets of the line breaks, found once

    def around(self, offset: int) -> tuple[int, int]:
        """The ``(start, end)`` of the sentence that holds ``offset``."""
        text = self.text
        if self.breaks is None:
            self.breaks = [m.start() for m in _BREAK_RE.finditer(text)]
        k = bisect_left(self.breaks, offset)  # the breaks before offset are breaks[:k]
        before = self.breaks[k - 1] if k else -1
        start = self.breaks[k - 2] if k > 1 and before > 0 else 0
        last = self.breaks[k] if k < len(self.breaks) else -1
        ends = self.cache.get((start, last))
        if ends is None:
            ends = _ends(text, start, None if last < 0 else last)
            if last < 0 and (not ends or ends[-1] < len(text)):
                ends.append(len(text))
            self.cache[(start, last)] = ends
        return sentence_around(ends, offset)

    def reach(self, offsets) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """The stretches of text that decide the voice of a word at each of ``offsets``.

        Returns ``(held, reach)``: the sentences that hold the offsets, and those with the
        sentence after each (an attribution at its start, "Об этом заявил X." / "This was
        stated by X.", reports the sentence before). Each sorted and merged, as
        ``(start, end)``.

        Examples
        --------
        >>> text = "One. Two words. Three. Four."
        >>> Sentences(text).reach([6, 1]), Sentences(text).reach([24])
        (([(0, 15)], [(0, 22)]), ([(22, 28)], [(22, 28)]))
        """
        held: list[tuple[int, int]] = []
        reach: list[tuple[int, int]] = []
        for offset in sorted(set(offsets)):
            if held and held[-1][0] <= offset < held[-1][1]:
                continue  # in a sentence already held (a sentence's end is the next's start)
            start, end = self.around(offset)
            _merge(held, start, end)
            after = end
            while after < len(self.text) and self.text[after].isspace():
                after += 1  # the sentence after a paragraph break
            if after < len(self.text):
                end = max(end, self.around(after)[1])
            _merge(reach, start, end)
        return held, reach


def _merge(stretches: list[tuple[int, int]], start: int, end: int) -> None:
    """Add ``[start, end)`` to sorted stretches that end before it or meet it (merged)."""
    if stretches and start <= stretches[-1][1]:
        stretches[-1] = (stretches[-1][0], max(stretches[-1][1], end))
    else:
        stretches.append((start, end))


def sentence_ends(text: str) -> list[int]:
    """The offsets where the sentences of ``text`` end (exclusive), the text's end last.

    Examples
    --------
    >>> text = "Gen. S. Lavrov spoke. “We won.” Then: no."
    >>> [text[:e] for e in sentence_ends(text)][:2]
    ['Gen. S. Lavrov spoke.', 'Gen. S. Lavrov spoke. “We won.”']
    """
    ends = _ends(text)
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    return ends


def sentence_around(ends: list[int], offset: int) -> tuple[int, int]:
    """The ``(start, end)`` of the sentence that holds ``offset``, given :func:`sentence_ends`.

    Examples
    --------
    >>> text = "One. Two words. Three."
    >>> sentence_around(sentence_ends(text), 6)
    (4, 15)
    """
    k = bisect_right(ends, offset)
    start = ends[k - 1] if k else 0
    end = ends[k] if k < len(ends) else ends[-1]
    return start, end


_WRAPPED_BREAK_RE = re.compile(r"\n(?![ \t]*\n|[ \t])")
_LINE_END_RE = re.compile(r"[.!?…:][\"'»”’)]*\s*$")
# an ellipsis at a line's end and a lower-case word on the next: the sentence goes on
_GOES_ON_RE = re.compile(r"(?:\.\.\.|…)[ \t]*\n[ \t]*[a-zа-яё]")


def unwrap_lines(text: str) -> str:
    """``text`` with the line breaks inside hard-wrapped paragraphs turned into spaces.

    A text is hard-wrapped when it has at least four lines and three in five of them are 40 to
    90 characters long, or no line is longer than 90 and at least two, and half, of the breaks
    inside its paragraphs fall inside a sentence (a lower-case word after a line with no stop);
    or (a short item of two or three lines) when no line is longer than 90 characters and every
    line but the last is at least 50 long and ends inside a sentence (no . ! ? … or colon at
    its end, or an ellipsis before a lower-case word). Its paragraphs end at a blank line or
    before an indented line. Other texts are returned as they are (there every line is a
    paragraph). The length never changes, and a text it returns it leaves as it is (every line
    break left is followed by a blank or an indented line, which the join never touches).

    Examples
    --------
    >>> lines = ["The minister said on Tuesday that the talks had failed,",
    ...          "adding that Moscow would wait for a new government in",
    ...          "Yerevan before it made any offer to the other members.",
    ...          "    He declined to say more about the coming meeting in",
    ...          "Vienna, where the ministers are expected next week."]
    >>> unwrap_lines(chr(10).join(lines)).split(chr(10))[1]
    '    He declined to say more about the coming meeting in Vienna, where the ministers are expected next week.'
    """
    body = text.rstrip()  # a text that ends with a line break has no empty last line to read
    breaks = body.count("\n")
    if not breaks:
        return text
    lines = body.split("\n")
    lengths = [len(line.rstrip()) for line in lines]
    if breaks < 3:  # a short item: wrapped when every line is as long as a wire line and
        # every line but the last breaks inside a sentence (a headline is shorter or stands alone)
        if not all(n <= 90 for n in lengths) or not all(
            50 <= n and (not _LINE_END_RE.search(line) or _GOES_ON_RE.search(line + "\n" + after))
            for n, line, after in zip(lengths[:-1], lines[:-1], lines[1:], strict=True)
        ):
            return text
    elif sum(40 <= n <= 90 for n in lengths) * 5 < len(lengths) * 3 and not _breaks_inside(
        lines, lengths
    ):
        return text
    return _WRAPPED_BREAK_RE.sub(" ", text)


def _breaks_inside(lines: list[str], lengths: list[int]) -> bool:
    """Whether at least two, and half, of the line breaks a join would remove fall inside a
    sentence: a line of wire length with no stop at its end, a lower-case word on the next.
    A short wrapped item of short paragraphs ("…sellers of¶dollars…", its paragraphs' last
    lines short and an indented " REUTER") passes this where the rule of lengths fails."""
    if any(n > 90 for n in lengths):
        return False
    joined = inside = 0
    for n, line, after in zip(lengths[:-1], lines[:-1], lines[1:], strict=True):
        if not after.strip() or after[0] in " \t":
            continue  # a paragraph's end: the join leaves it
        joined += 1
        inside += n >= 30 and after[0].islower() and not _LINE_END_RE.search(line)
    return inside >= 2 and inside * 2 >= joined


def text_language(text: str, lang=None) -> str:
    """``"ru"`` or ``"en"``: the ``lang`` given (an ISO code), else the script of the text.

    A text is Russian when at least a third of the Latin and Cyrillic letters among its first
    2,000 characters are Cyrillic.

    Examples
    --------
    >>> text_language("Лавров заявил, что CSTO ..."), text_language("Lavrov said"), text_language("x", "ru-RU")
    ('ru', 'en', 'ru')
    """
    if isinstance(lang, str) and lang.strip():
        return "ru" if lang.strip().lower()[:2] == "ru" else "en"
    sample = text[:2000]
    cyrillic = sum(map(len, _CYRILLIC_RE.findall(sample)))
    if not cyrillic:
        return "en"
    return "ru" if cyrillic * 3 >= cyrillic + sum(map(len, _LATIN_RE.findall(sample))) else "en"
