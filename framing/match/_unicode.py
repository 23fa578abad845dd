"""The Unicode tables of the byte-level engine (private): which code points are word
characters, their case variants, and the word characters that NFKC changes.

They are built from Python's own ``re`` and ``unicodedata`` (so they agree with the rules of
:mod:`framing.tokens` by construction) once per process, and kept in the on-disk cache of
:mod:`framing._cache` between sessions. :func:`supports` tells whether the byte-level engine
gives the rules' results on a text (see :mod:`framing.match._hyperscan`).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from functools import lru_cache

import numpy as np

from .. import _cache
from ..nfkc import starting_changed_characters, token_changing_table
from ..tokens import DOTTED_CAPITAL_I

# The only character outside ASCII whose lower case is an ASCII letter (KELVIN SIGN -> k).
_ASCII_EXTRA = {"k": "\u212a"}

#: The code point of :data:`framing.tokens.DOTTED_CAPITAL_I` ("İ"), whose lower case is two
#: characters
DOTTED_I = ord(DOTTED_CAPITAL_I)
#: Where the case is ignored, the buffer holds the UTF-8 of these characters' lower case, so
#: that a token's key is again the character-wise lower case of its bytes (see
#: :class:`framing.match._buffer.Buffer`); the token keeps its bounds.
LOWER_FORMS = {DOTTED_I: DOTTED_CAPITAL_I.lower().encode("utf-8")}


@lru_cache(maxsize=1)
def _every_code_point() -> str:
    """All code points U+0000..U+10FFFF (surrogates included) as one string."""
    return np.arange(0x110000, dtype="<u4").tobytes().decode("utf-32-le", "surrogatepass")


def _tables_key(name: str) -> str:
    """The cache key of a Unicode table: Python's ``re`` and ``unicodedata`` define it."""
    py = f"{sys.implementation.name}{sys.version_info[0]}.{sys.version_info[1]}"
    return f"{name}-{py}-unicode{unicodedata.unidata_version}"


def _cached_bits(name: str, build) -> np.ndarray:
    """A boolean table over all code points, from the cache or built (and cached)."""
    key = _tables_key(name)
    payload = _cache.load(key)
    if payload is not None and len(payload) == 0x110000 // 8:
        table = np.unpackbits(np.frombuffer(payload, dtype=np.uint8)).astype(bool)
    else:
        table = build()
        _cache.store(key, np.packbits(table).tobytes())
    table.setflags(write=False)
    return table


def _cached_json(name: str, build):
    """A JSON-able value, from the cache or built (and cached)."""
    key = _tables_key(name)
    payload = _cache.load(key)
    if payload is not None:
        try:
            return json.loads(payload)
        except ValueError:
            pass
    value = build()
    _cache.store(key, json.dumps(value, ensure_ascii=True).encode())
    return value


@lru_cache(maxsize=1)
def word_table() -> np.ndarray:
    """A boolean table over all code points: True where ``re``'s ``\\w`` matches.

    Examples
    --------
    >>> t = word_table()
    >>> bool(t[ord("ж")]), bool(t[ord("_")]), bool(t[ord("’")]), bool(t[0x0301])
    (True, True, False, False)
    """

    def build():
        table = np.zeros(0x110000, dtype=bool)
        for m in re.finditer(r"\w+", _every_code_point()):
            table[m.start() : m.end()] = True
        return table

    return _cached_bits("word-table", build)


@lru_cache(maxsize=1)
def _upper_variants() -> dict[str, tuple[str, ...]]:
    """Lower-case character -> the other characters whose ``str.lower`` is that character."""

    def build():
        chars = _every_code_point().replace("\u0130", "\u0131")  # İ lowers to two characters
        codes = np.frombuffer(chars.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        lowered = np.frombuffer(chars.lower().encode("utf-32-le", "surrogatepass"), dtype="<u4")
        out: dict[str, list[str]] = {}
        for i in np.flatnonzero(codes != lowered).tolist():
            out.setdefault(chr(int(lowered[i])), []).append(chr(int(codes[i])))
        # Final sigma: "ΟΔΟΣ".lower() == "οδος", so a key's ς can come from a Σ.
        out.setdefault("ς", []).append("Σ")
        return out

    return {k: tuple(v) for k, v in _cached_json("upper-variants", build).items()}


@lru_cache(maxsize=1)
def nfkc_tables() -> tuple[np.ndarray, np.ndarray, dict[int, bytes]]:
    """The word characters NFKC changes: which are substituted in the buffer, and which not.

    A word character NFKC changes is *substituted* by its NFKC form (UTF-8 bytes) when that
    form is made of word characters only, none of which combines with a neighbour or lowers
    to a different number of characters ("ﬁ" -> "fi", "և" -> "եւ", "µ" -> "μ", "²" -> "2",
    "Ｃ" -> "C"): tokens keep their bounds and the key of a token is the lower case of its
    substituted form. The others are *unsupported* (see :func:`unsupported_table`).
    """

    @lru_cache(maxsize=1)  # both cache entries come from one pass
    def build():
        words = word_table()
        unsupported = np.zeros(0x110000, dtype=bool)
        replace: dict[int, bytes] = {}
        for cp in np.flatnonzero(words).tolist():
            c = chr(cp)
            if unicodedata.combining(c) or 0x1100 <= cp <= 0x11FF:
                unsupported[cp] = True  # combines with its neighbours
                continue
            form = unicodedata.normalize("NFKC", c)
            if form == c:
                continue
            if (
                all(words[ord(x)] and not unicodedata.combining(x) for x in form)
                and not any(0x1100 <= ord(x) <= 0x11FF for x in form)
                and len(form.lower()) == len(form)
            ):
                replace[cp] = form.encode("utf-8")
            else:
                unsupported[cp] = True
        unsupported[0x130] = True  # İ: its lower case is two characters
        return unsupported, replace

    unsupported = _cached_bits("nfkc-unsupported", lambda: build()[0])
    forms = _cached_json(
        "nfkc-forms", lambda: {str(cp): form.hex() for cp, form in build()[1].items()}
    )
    replace = {int(cp): bytes.fromhex(form) for cp, form in forms.items()}
    substituted = np.zeros(0x110000, dtype=bool)
    substituted[list(replace)] = True
    substituted.setflags(write=False)
    return unsupported, substituted, replace


@lru_cache(maxsize=1)
def changed_by_nfkc_table() -> np.ndarray:
    """A boolean table over all code points: the characters by which NFKC changes a text's
    tokens in a way the engine does not follow on its own, so that the text is normalized
    before it is matched (:func:`framing.nfkc.token_changing_table` less the substituted
    characters that start a segment).

    A substituted character that starts a segment is normalized alone (next to characters
    that NFKC leaves alone or changes into non-word characters only): the buffer's
    substitution gives the tokens of the NFKC form, and the portable engine's token keys
    are NFKC forms, so both count such a text as its NFKC form without normalizing it.

    Examples
    --------
    >>> t = changed_by_nfkc_table()
    >>> bool(t[ord("№")]), bool(t[ord("ﬁ")]), bool(t[ord("և")]), bool(t[0x0301]), bool(t[ord("a")])
    (True, False, False, True, False)
    """
    table = token_changing_table().copy()
    starting = starting_changed_characters()
    table[starting[nfkc_tables()[1][starting]]] = False
    table.setflags(write=False)
    return table


def unsupported_table() -> np.ndarray:
    """Code points that send an article to the portable engine (see the module doc).

    The word characters whose NFKC form holds a non-word character ("½" -> "1⁄2"), that
    combine with their neighbours (non-zero combining class, Hangul jamo: no other word
    character is the second half of a canonical decomposition), and U+0130 (whose lower case
    is two characters), which a buffer that knows the case mode takes all the same (see
    :data:`LOWER_FORMS`).

    Examples
    --------
    >>> t = unsupported_table()
    >>> bool(t[ord("½")]), bool(t[ord("İ")]), bool(t[0x1161]), bool(t[ord("ﬁ")]), bool(t[0xA0])
    (True, True, True, False, False)
    """
    return nfkc_tables()[0]


def case_variants(ch: str) -> frozenset[str]:
    """Every character whose lower case (in a token) can be ``ch``, ``ch`` included.

    Examples
    --------
    >>> sorted(case_variants("a")), sorted(case_variants("ж")), sorted(case_variants("ς"))
    (['A', 'a'], ['Ж', 'ж'], ['Σ', 'ς'])
    """
    if ch.isascii():
        up = ch.upper()
        return frozenset({ch, up, *_ASCII_EXTRA.get(ch, "")})
    return frozenset((ch, *_upper_variants().get(ch, ())))


def supports(text: str) -> bool:
    """True when the hyperscan matcher gives the rules' results on ``text``.

    See :mod:`framing.match._hyperscan`: a text with a word character that NFKC changes into
    non-word characters, that combines with its neighbours, or U+0130, is not supported.

    Examples
    --------
    >>> supports("Armenia’s\xa0ally…"), supports("ﬁnal"), supports("½"), supports("İstanbul")
    (True, True, False, False)
    """
    if text.isascii():
        return True
    table = unsupported_table()
    return not any(table[ord(c)] for c in text)


@lru_cache(maxsize=1)
def substituted_by_char() -> dict[str, list[int]]:
    """Character -> the substituted code points whose NFKC form holds it."""
    out: dict[str, list[int]] = {}
    for cp, form in nfkc_tables()[2].items():
        for c in set(form.decode("utf-8")):
            out.setdefault(c, []).append(cp)
    return out
