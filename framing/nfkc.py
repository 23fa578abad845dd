"""NFKC normalization that keeps track of offsets: the first step of the token rule.

framing normalizes the whole text with NFKC before it tokenizes it (see
:mod:`framing.tokens`), but the offsets of hits are offsets into the text as given (KWIC
slices the original). This module is the internal API the matching engine calls:

* :func:`needs_nfkc`: does NFKC change a text at all (a quick check in C that reads each
  character once);
* :func:`nfkc_with_offsets`: the NFKC form and, for every offset of it, the offset in the
  text as given;
* :func:`spans_to_original`: token spans of the NFKC form mapped back, as NumPy arrays.

Examples
--------
>>> text = "Decree № 5"
>>> normalized, to_original = nfkc_with_offsets(text)
>>> normalized, text[to_original[7] : to_original[9]]
('Decree No 5', '№')
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache

import numpy as np

from . import _cache

__all__ = [
    "needs_nfkc",
    "changes_tokens",
    "token_changing_table",
    "starting_changed_characters",
    "nfkc_with_offsets",
    "spans_to_original",
    "normalize_segments",
    "clear_nfkc_tables",
]

# a word character of the token rule (framing.tokens.TOKEN_PATTERN is a run of them): a
# token can start or end inside a normalized form only next to one
_WORD_CHAR_RE = re.compile(r"\w")


def needs_nfkc(text: str) -> bool:
    """True when NFKC normalization changes ``text`` (the fast test before tokenizing).

    ASCII texts are answered at once; the others by :func:`unicodedata.is_normalized`, a
    quick check in C that reads each character once.

    Examples
    --------
    >>> needs_nfkc("CSTO summit"), needs_nfkc("Саммит ОДКБ"), needs_nfkc("№ 5")
    (False, False, True)
    >>> needs_nfkc("re\\u0301sume\\u0301")
    True
    """
    return not text.isascii() and not unicodedata.is_normalized("NFKC", text)


def changes_tokens(text: str) -> bool:
    """True when NFKC changes the word tokens of ``text`` or their offsets' meaning.

    Most texts that NFKC changes at all change only outside words: "…" becomes "...", a
    no-break space a space. Their word tokens are the same characters at the same offsets
    in both forms, so they are matched as they are. A text whose changes touch a word
    character, or produce one ("№" gives "No", "ﬁ" gives "fi", a decomposed "é" is composed),
    is normalized before it is tokenized (:func:`nfkc_with_offsets`).

    Examples
    --------
    >>> changes_tokens("A threat\u2026 and more"), changes_tokens("Decree № 5")
    (False, True)
    >>> changes_tokens("re\u0301sume\u0301"), changes_tokens("plain text")
    (True, False)
    """
    if not needs_nfkc(text):
        return False
    if unicodedata.is_normalized("NFKC", _harmless_re().sub("", text)):
        return False  # only non-word characters with non-word forms change ("…" to "...")
    return changes_tokens_by_segments(text)


def changes_tokens_by_segments(text: str) -> bool:
    """:func:`changes_tokens` by looking at every segment NFKC changes (the careful path)."""
    places = _special_segments(text)
    normalized, forms = normalize_segments(text, places)
    if normalized != unicodedata.normalize("NFKC", text):
        return True  # the segments missed something: take the careful path
    return any(
        _WORD_CHAR_RE.search(text, a, b) or _WORD_CHAR_RE.search(form)
        for (a, b), form in zip(places, forms, strict=True)
    )


# Where the composites of canonical pairs lie (a composite's decomposition is two characters
# and NFC composes them again). The backward-combining starters are found by scanning these
# blocks only; tests/test_nfkc.py checks the result against a scan of all code points.
_COMPOSITE_BLOCKS = ((0x00C0, 0x3100), (0x10000, 0x17000))
# Conjoining Hangul jamo that compose with what precedes them: vowels (after a leading
# consonant) and trailing consonants (after an LV syllable). NFC composes them by rule.
_HANGUL_V = range(0x1161, 0x1176)
_HANGUL_T = range(0x11A8, 0x11C3)


@lru_cache(maxsize=1)
def _backward_starters() -> frozenset[str]:
    """The starters (combining class 0) that canonical composition joins to a preceding
    character: the second characters of canonical pairs, and conjoining Hangul V and T jamo."""
    found = {chr(cp) for cp in (*_HANGUL_V, *_HANGUL_T)}
    for low, high in _COMPOSITE_BLOCKS:
        for cp in range(low, high):
            parts = unicodedata.decomposition(chr(cp)).split()
            if len(parts) != 2 or parts[0].startswith("<"):
                continue
            first, second = (chr(int(p, 16)) for p in parts)
            if unicodedata.combining(second) == 0 and (
                unicodedata.normalize("NFC", first + second) == chr(cp)
            ):
                found.add(second)
    return frozenset(found)


def _starts_segment(char: str) -> bool:
    """Can NFKC treat the text from ``char`` on apart from what precedes it?

    Yes when the first character of its compatibility decomposition is a starter that
    composes with nothing before it. ("ﾞ", the half-width voiced mark, is a starter whose
    decomposition is the non-starter U+3099, so it joins the kana before it.)
    """
    first = unicodedata.normalize("NFKD", char)[:1]
    return unicodedata.combining(first) == 0 and first not in _backward_starters()


def _char_flags(codes: np.ndarray, *tests) -> list[np.ndarray]:
    """For each of ``tests``, ``test(char)`` at every character (``codes``: the text's code
    points), computed once per distinct character."""
    if int(codes.max()) < 0x10000:
        distinct = np.flatnonzero(np.bincount(codes)).tolist()
    else:  # no table over all code points for one emoji: sort instead
        distinct = np.unique(codes).tolist()
    tables = [np.zeros(distinct[-1] + 1, dtype=bool) for _ in tests]
    for cp in distinct:
        char = chr(cp)
        for table, test in zip(tables, tests, strict=True):
            table[cp] = test(char)
    return [table[codes] for table in tables]


def _is_stable(char: str) -> bool:
    """Does NFKC leave ``char`` alone as it is?"""
    return char.isascii() or unicodedata.is_normalized("NFKC", char)


def _starts_or_ascii(char: str) -> bool:
    return char.isascii() or _starts_segment(char)


def _is_word(char: str) -> bool:
    return _WORD_CHAR_RE.match(char) is not None


def _changed_segments(codes: np.ndarray, *, coarse: bool) -> list[tuple[int, int]]:
    """The NFKC segments of a text (``codes``: its code points, at least one) that
    normalization may change, as ``(start, end)``.

    A segment starts before each character that starts one (:func:`_starts_segment`; every
    ASCII character does), or, when ``coarse``, only before ASCII characters. Only segments of
    several characters and single characters that NFKC changes are returned.
    """
    if coarse:
        (stable,) = _char_flags(codes, _is_stable)
        starts = codes < 0x80
    else:
        starts, stable = _char_flags(codes, _starts_or_ascii, _is_stable)
    starts[0] = True
    first = np.flatnonzero(starts)
    ends = np.append(first[1:], len(codes))
    maybe = ((ends - first) > 1) | ~stable[first]
    return list(zip(first[maybe].tolist(), ends[maybe].tolist(), strict=True))


def _offset_map(size: int, places: list[tuple[int, int]], forms: list[str]) -> np.ndarray:
    """The ``to_original`` array of :func:`nfkc_with_offsets` (see there).

    ``places`` are the original spans of the segments NFKC changed, ``forms`` their NFKC
    forms, ``size`` the length of the normalized text.
    """
    to_original = np.arange(size + 1, dtype=np.int64)
    if not places:
        return to_original
    spans = np.array(places, dtype=np.int64).reshape(-1, 2)
    start, end = spans[:, 0], spans[:, 1]
    length = np.fromiter(map(len, forms), dtype=np.int64, count=len(forms))
    growth = length - (end - start)  # how much longer each form is than its segment
    grown = np.cumsum(growth)
    out_start = start + grown - growth  # where each form starts in the output
    # unchanged characters: the output offset less the growth of the forms before it
    changes = np.concatenate(([0], out_start + length, [size + 1]))
    to_original -= np.repeat(np.concatenate(([0], grown)), np.diff(changes))
    # the characters of a form: its segment's start, or its end where a token can end
    joined = "".join(forms)
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    (word,) = _char_flags(codes, _is_word)
    first_out = np.cumsum(length) - length
    at = np.arange(len(joined), dtype=np.int64) - np.repeat(first_out, length)
    where = np.repeat(out_start, length) + at
    to_original[where] = np.where(
        (at == 0) | word, np.repeat(start, length), np.repeat(end, length)
    )
    return to_original


# Blocks that hold every character NFKC changes or joins to a neighbour: all but the large
# CJK, Hangul-syllable and private-use blocks and the unassigned planes. A character of a
# later Unicode version missed here only sends its text down the slower path: the result is
# checked (see nfkc_with_offsets).
_SPECIAL_BLOCKS = (
    (0x0000, 0x3400), (0x4DC0, 0x4E00), (0xA000, 0xAC00), (0xD7B0, 0xD800), (0xF900, 0x20000),
    (0x2F800, 0x2FA20), (0xE0000, 0xE1000),
)  # fmt: skip


def _special_characters() -> tuple[np.ndarray, np.ndarray]:
    """The characters NFKC may change or join, and which of them start a segment, from the
    on-disk cache (:mod:`framing._cache`) or built and cached."""
    python = f"{sys.implementation.name}{sys.version_info[0]}.{sys.version_info[1]}"
    key = f"nfkc-special-{python}-unicode{unicodedata.unidata_version}"
    payload = _cache.load(key)
    if payload is not None and len(payload) % 5 == 0:
        n = len(payload) // 5
        return np.frombuffer(payload[: 4 * n], "<u4"), np.frombuffer(payload[4 * n :], bool)
    special, starting = [], []
    for low, high in _SPECIAL_BLOCKS:
        for cp in range(low, high):
            char = chr(cp)
            starts = _starts_or_ascii(char)
            if not (starts and _is_stable(char)):
                special.append(cp)
                starting.append(starts)
    codes, flags = np.array(special, "<u4"), np.array(starting, bool)
    _cache.store(key, codes.tobytes() + flags.tobytes())
    return codes, flags


@lru_cache(maxsize=1)
def _special_tables() -> tuple[np.ndarray, np.ndarray]:
    """Two boolean tables over all code points: the characters NFKC may change or join
    (neither a plain starter nor stable alone), and those of them that start a segment."""
    codes, starting = _special_characters()
    special = np.zeros(0x110000, dtype=bool)
    special[codes] = True
    starts = np.zeros(0x110000, dtype=bool)
    starts[codes[starting]] = True
    special.setflags(write=False)
    starts.setflags(write=False)
    return special, starts


def _harmless_characters() -> np.ndarray:
    """The characters NFKC changes into non-word characters only, which are no word
    characters themselves, neither combine nor compose with a neighbour ("…", a no-break
    space, "″"), from the on-disk cache (:mod:`framing._cache`) or built and cached."""
    python = f"{sys.implementation.name}{sys.version_info[0]}.{sys.version_info[1]}"
    key = f"nfkc-harmless-{python}-unicode{unicodedata.unidata_version}"
    payload = _cache.load(key)
    if payload is not None and len(payload) % 4 == 0:
        return np.frombuffer(payload, "<u4")
    codes, starting = _special_characters()
    backward = _backward_starters()
    table = []
    for cp in codes[starting].tolist():
        char = chr(cp)
        form = unicodedata.normalize("NFKC", char)
        if (
            form != char
            and char not in backward
            and not _WORD_CHAR_RE.search(char + form)
            and not any(unicodedata.combining(c) for c in form)
            and form[:1] not in backward
        ):
            table.append(cp)
    harmless = np.array(table, "<u4")
    _cache.store(key, harmless.tobytes())
    return harmless


@lru_cache(maxsize=1)
def _harmless_re() -> re.Pattern:
    """A pattern of the harmless characters (:func:`_harmless_characters`), to delete them: a
    text that is NFKC-normalized without them has the same word tokens as its NFKC form.
    (A pattern, not a ``str.translate`` table: translate looks each character of the text up
    in a dict, 3-4 times slower on a long text.)"""
    codes = sorted(_harmless_characters().tolist())
    runs: list[list[int]] = []
    for cp in codes:  # runs of consecutive code points, as ranges of a character class
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    one = "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in runs)
    return re.compile(f"[{one}]")


def starting_changed_characters() -> np.ndarray:
    """The code points NFKC may change that start a segment: NFKC normalizes each of them
    on its own, whatever surrounds it (unless a combining character follows it)."""
    codes, starting = _special_characters()
    return codes[starting]


@lru_cache(maxsize=1)
def token_changing_table() -> np.ndarray:
    """A boolean table over all code points: True for the characters by which NFKC can
    change a text's word tokens (those it may change or join, less the harmless ones).

    A text without any of them keeps its tokens (:func:`changes_tokens` is False for it), so
    the engine looks for them in the UTF-8 bytes of all texts with NumPy and asks
    :func:`changes_tokens` only about the texts that hold one.

    Examples
    --------
    >>> table = token_changing_table()
    >>> [bool(table[ord(c)]) for c in "a’…\u00a0ж№ﬁ\u0301"]
    [False, False, False, False, False, True, True, True]
    """
    table = np.zeros(0x110000, dtype=bool)
    table[_special_characters()[0]] = True
    table[_harmless_characters()] = False
    table.setflags(write=False)
    return table


def clear_nfkc_tables() -> None:
    """Forget the character tables of :func:`nfkc_with_offsets` (built again when needed)."""
    _special_tables.cache_clear()
    _backward_starters.cache_clear()
    _harmless_re.cache_clear()
    token_changing_table.cache_clear()


_cache.register_cache(
    "nfkc tables",
    clear_nfkc_tables,
    "the characters NFKC may change or join, as two tables over all code points (2.2 MB, "
    "one per process; also in the on-disk cache)",
)


def _special_segments(text: str) -> list[tuple[int, int]]:
    """The segments of ``text`` that NFKC may change, found by looking up its characters in
    the table of those NFKC may change or join: each run of them, with the starter before
    it when its first character joins what precedes it, cut into segments."""
    special, starts = _special_tables()
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    # the runs of special characters: [edges[0], edges[1]), [edges[2], edges[3]), ...
    edges = np.flatnonzero(np.diff(special[codes], prepend=False, append=False)).tolist()
    starting = starts[codes]
    places = []
    for a, b in zip(edges[::2], edges[1::2], strict=True):
        cuts = (np.flatnonzero(starting[a + 1 : b]) + (a + 1)).tolist()
        if a > 0 and not starting[a]:
            a -= 1  # the plain starter before the run (a plain character starts a segment)
        places += zip([a, *cuts], [*cuts, b], strict=True)
    return places


def normalize_segments(text: str, places: list[tuple[int, int]]) -> tuple[str, list[str]]:
    """``text`` with each span in ``places`` (sorted, apart) replaced by its NFKC form, and
    those forms."""
    pieces, forms, done = [], [], 0
    for a, b in places:
        forms.append(unicodedata.normalize("NFKC", text[a:b]))
        pieces += [text[done:a], forms[-1]]
        done = b
    pieces.append(text[done:])
    return "".join(pieces), forms


def nfkc_with_offsets(text: str) -> tuple[str, np.ndarray]:
    """The NFKC form of ``text``, and the map of its offsets back to offsets in ``text``.

    NFKC composes characters only within a *segment*: a starter and the characters that
    follow it up to the next starter that composes with nothing before it (a run of
    conjoining Hangul jamo is one segment; so is a kana with a half-width voiced mark).
    The segments that hold a character NFKC may change or join are found with one regular
    expression scan (the class of those characters is built once and kept in framing's
    on-disk cache), normalized one by one, and the result checked against
    ``unicodedata.normalize("NFKC", text)``. Should they ever differ (a character of a later
    Unicode version), every character is looked at, then segments are cut only before ASCII
    characters, and at last the whole text is one segment.

    Parameters
    ----------
    text : str
        The text as given.

    Returns
    -------
    normalized : str
        ``unicodedata.normalize("NFKC", text)``.
    to_original : numpy.ndarray of int64
        ``len(normalized) + 1`` offsets into ``text``. A token (a ``\\w+`` run) or a run of
        tokens at ``[s, e)`` in ``normalized`` comes from ``text[to_original[s]:
        to_original[e]]``: the characters that produced it, whole segments where NFKC
        changed something. In a changed segment, an offset maps to the segment's start where
        a word character follows it (a token can start there) and to its end otherwise (a
        token can end there); so the map is not monotonic inside a form such as "1⁄2" (from
        "½"), whose two tokens both map to "½". Where NFKC changes nothing,
        ``to_original[i] == i``.

    Examples
    --------
    >>> text = "№ 5 re\\u0301sume\\u0301"  # "résumé" decomposed (NFD)
    >>> normalized, to_original = nfkc_with_offsets(text)
    >>> normalized, len(text), len(normalized)
    ('No 5 résumé', 12, 11)
    >>> text[to_original[0] : to_original[2]], text[to_original[5] : to_original[11]] == text[4:]
    ('№', True)
    """
    size = len(text)
    if not needs_nfkc(text):
        return text, np.arange(size + 1, dtype=np.int64)
    expected = unicodedata.normalize("NFKC", text)
    places = _special_segments(text)
    normalized, forms = normalize_segments(text, places)
    if normalized != expected:  # a character of a later Unicode version: look at each one
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        for coarse in (False, True, None):
            places = [(0, size)] if coarse is None else _changed_segments(codes, coarse=coarse)
            normalized, forms = normalize_segments(text, places)
            if normalized == expected:
                break
    return expected, _offset_map(len(expected), places, forms)


def spans_to_original(to_original, starts, ends) -> tuple[np.ndarray, np.ndarray]:
    """Map arrays of token spans in a text's NFKC form back to spans in the text as given.

    Parameters
    ----------
    to_original : numpy.ndarray or None
        The map of :func:`nfkc_with_offsets` for the text; None when the text needed no
        normalization (:func:`needs_nfkc` was False): the spans are returned as they are.
    starts, ends : array-like of int
        Token spans ``[start, end)`` (or spans of consecutive tokens) in the normalized text.

    Returns
    -------
    starts, ends : numpy.ndarray of int64
        The spans in the text as given: ``text[start:end]`` is the surface form.

    Examples
    --------
    >>> text = "Dossier № 5, ﬁnal"
    >>> normalized, to_original = nfkc_with_offsets(text)
    >>> starts, ends = spans_to_original(to_original, [8, 14], [10, 19])
    >>> normalized[8:10], normalized[14:19], text[starts[0] : ends[0]], text[starts[1] : ends[1]]
    ('No', 'final', '№', 'ﬁnal')
    """
    starts = np.asarray(starts, dtype=np.int64)
    ends = np.asarray(ends, dtype=np.int64)
    if to_original is None:
        return starts, ends
    return to_original[starts], to_original[ends]
