"""The ``str -> str`` cleaners of characters and white space: Unicode, quotes, dashes, spaces.

What they change, on purpose:

* Invisible characters go and the text is NFKC-normalized (:func:`normalize_unicode`).
* Quotes become straight: “ ” „ « » → ``"`` and ‘ ’ ‚ ‹ › → ``'``. Russian «ёлочки» become
  ``"`` too; token counts do not change, since quotes are not tokens.
* Spaced dashes (en dash, em dash, minus sign, horizontal bar, figure dash and ``--``) become
  one em dash ``—``; digit ranges such as ``2022–2024`` become ``2022-2024``. A single spaced
  hyphen-minus (``a - b``) is left as it is.
* Runs of white space become one space, lines are stripped, and at most one blank line is
  kept in a row (:func:`normalize_whitespace`).

All are idempotent: cleaning a cleaned text changes nothing.
"""

from __future__ import annotations

import unicodedata

from .._errors import FramingError
from ..tokens import normalize

__all__ = ["normalize_dashes", "normalize_quotes", "normalize_unicode", "normalize_whitespace"]


def check_text(text: object, function: str) -> None:
    """Raise a FramingError naming ``function`` unless ``text`` is a str."""
    if not isinstance(text, str):
        raise FramingError(
            f"expected a text (str), got {type(text).__name__} {text!r:.60}",
            where=function,
            fix="Pass one article's text; to clean a table use clean_articles(articles).",
        )


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


def has_any(text: str, pairs: tuple[tuple[str, str], ...]) -> bool:
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
    check_text(text, "normalize_unicode")
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
    check_text(text, "normalize_quotes")
    if text.isascii():
        return text
    return _replace_chars(text, _QUOTES)


DASH_CHARS = "\u2012\u2013\u2014\u2015\u2212"  # figure, en, em dash, horizontal bar, minus


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
    check_text(text, "normalize_dashes")
    if text.isascii() and "--" not in text:
        return text
    return _cut_dashes(text)


def _cut_dashes(text: str) -> str:
    """:func:`normalize_dashes` without its checks."""
    cuts = dash_cuts(text)
    return splice(text, cuts) if cuts else text


def dash_cuts(text: str) -> list[tuple[int, int, str]]:
    """What :func:`normalize_dashes` changes in ``text``: ``(start, stop, new)`` in order."""
    # The rules as regular expressions, applied in turn: (?<=\d)[dashes](?=\d) -> "-", then
    # (?<!\S)(?:[dashes]|--)(?!\S) -> "—". A match of either has a dash character, or the
    # "--", that the other cannot match, and what the first changes cannot change the white
    # space the second looks at; so every dash is decided on the text as given. Found by
    # str.find (dashes are few) instead of a regex scan, 10-30 times as fast; the tests
    # check against the regular expressions. (re's \d and \s are str.isdecimal and
    # str.isspace on one character; a test checks that over all of Unicode.)
    end = len(text)
    cuts = []
    for dash in DASH_CHARS:
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
    cuts.sort()
    return cuts


def splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    """``text`` with each ``text[start:stop]`` of ``edits`` (in order, not overlapping)
    replaced by its new text."""
    pieces, done = [], 0
    for start, stop, new in edits:
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
    check_text(text, "normalize_whitespace")
    # The rule, line by line: lines = text.splitlines(); each becomes " ".join(line.split());
    # runs of blank lines become one; blank lines at both ends go. Done here with str.replace
    # on the whole text (8-15 times as fast; the tests check it against the loop): every line
    # break becomes "\n" and every other white space character a space, so that what is left
    # is spaces and "\n" only.
    if "\r" in text and "\r\n" in text:
        text = text.replace("\r\n", "\n")
    ascii_only = text.isascii()
    text = _replace_chars(text, ASCII_LINE_BREAKS if ascii_only else LINE_BREAKS)
    text = _replace_chars(text, ASCII_SPACES if ascii_only else SPACES)
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
LINE_BREAKS = tuple((c, "\n") for c in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
#: The other white space characters (str.isspace; what str.split splits at).
SPACES = tuple(
    (c, " ")
    for c in "\t\x1f\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u202f\u205f\u3000"
)
# those in ASCII: all that an ASCII text can hold
ASCII_LINE_BREAKS = tuple(pair for pair in LINE_BREAKS if pair[0].isascii())
ASCII_SPACES = tuple(pair for pair in SPACES if pair[0].isascii())


def single_breaks(text: str) -> bool:
    """Whether ``"\\n"`` is the only line break in ``text`` (as :meth:`str.splitlines` sees them)."""
    return not has_any(text, ASCII_LINE_BREAKS if text.isascii() else LINE_BREAKS)


def fold_characters(text: str) -> str:
    """:func:`normalize_unicode`, :func:`normalize_quotes` and :func:`normalize_dashes` in
    turn, without their checks of ``text``."""
    if not text.isascii():
        return _cut_dashes(normalize_quotes(normalize_unicode(text)))
    return _cut_dashes(text) if "--" in text else text


def collapse_whitespace(text: str) -> str:
    """:func:`normalize_whitespace` of a text whose only line break is ``"\\n"``."""
    text = _replace_chars(text, ASCII_SPACES if text.isascii() else SPACES)
    return _collapse_runs(_strip_lines(text))
