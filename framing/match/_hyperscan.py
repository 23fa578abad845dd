"""The fast engine (private): NumPy token totals over UTF-8 bytes, and the hyperscan matcher.

Both work on a batch of articles joined into one UTF-8 buffer, with a newline before, between
and after the articles (a newline is never part of a token, so no token or match crosses two
articles).

**Token totals.** A byte is a *word byte* when it belongs to a character that ``re``'s ``\\w``
matches: ASCII bytes through a 256-entry table; multi-byte characters are decoded with NumPy
and looked up in a table over all code points built from ``re`` itself. A token starts where a
word byte follows a non-word byte, so the totals equal ``len(re.findall(r"\\w+", text))``.

**Matching.** Every entry becomes one byte-level pattern that accepts a *superset* of its true
matches: a non-word byte, the entry's tokens (each character as the alternation of its case
variants, ``*`` as a run of word-ish bytes, ``?`` as one or more) separated by runs of non-word
bytes, and a non-word byte (see :func:`entry_pattern`). One hyperscan scan per batch reports
every place a match can end; each report is mapped to the token it ends (or, for an entry whose
last token ends with ``*``, ends inside), and the entry is then checked exactly, token by
token, on the token keys of :mod:`framing.tokens` (NFKC, lower-cased), so the results are those
of the rules by construction. Words of ASCII letters are checked on the bytes with NumPy; the
rest (globs, other scripts) in Python, one candidate at a time, memoized.

The superset argument needs the key of a token to be its character-wise lower-casing. So the
word characters that NFKC changes are replaced in the buffer by their NFKC forms when these are
word characters too ("ﬁ" -> "fi", "և" -> "եւ", "µ" -> "μ", "Ｋ" -> "K"; offsets are mapped
back), and the articles holding the few others (a form with a non-word character such as
"½" -> "1⁄2", Hangul jamo that compose, U+0130 whose lower case is two characters) are reported
back (:func:`supports` tells the same for one text): the caller counts them with the portable
engine. Non-word characters (no-break spaces, "…", lone surrogates) do not matter.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import platform
import re
import sys
import threading
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from .. import _cache
from ..lexicon import glob_to_regex
from ..tokens import token_key

#: Articles are joined in batches of about this many characters (bounds memory).
BATCH_CHARS = 1 << 22

_ASCII_WORD = np.zeros(256, dtype=bool)
_ASCII_WORD[list(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")] = True
_PAD = b"\n\n\n\n"  # after the last article: room to read 3 bytes past any lead byte

# byte-level pattern pieces (hyperscan, no UTF-8 mode): supersets of the token rule
_BOUND = rb"[^0-9A-Za-z_]"  # any byte of a non-word character
_GAP = rb"[^0-9A-Za-z_]+"  # the non-word characters between two tokens
_RUN = rb"[0-9A-Za-z_\x80-\xff]*"  # glob *: any run of word characters
_ONE = rb"[0-9A-Za-z_\x80-\xff]+"  # glob ?: one word character (or more: quicker to build)
# The only character outside ASCII whose lower case is an ASCII letter (KELVIN SIGN -> k).
_ASCII_EXTRA = {"k": "\u212a"}


def _import():
    """Import hyperscan (a separate function so that tests can pretend it is missing)."""
    import hyperscan

    return hyperscan


def available() -> bool:
    """True when the hyperscan package can be imported.

    Examples
    --------
    >>> isinstance(available(), bool)
    True
    """
    try:
        _import()
    except ImportError:
        return False
    return True


# --------------------------------------------------------------------------------------
# Unicode tables
# --------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _every_code_point() -> str:
    """All code points U+0000..U+10FFFF (surrogates included) as one string."""
    return np.arange(0x110000, dtype="<u4").tobytes().decode("utf-32-le", "surrogatepass")


def _tables_key(name: str) -> str:
    """The cache key of a Unicode table: Python's ``re`` and ``unicodedata`` define it."""
    from .. import __version__

    py = f"{sys.implementation.name}{sys.version_info[0]}.{sys.version_info[1]}"
    return f"{name}-{py}-unicode{unicodedata.unidata_version}-framing{__version__}"


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
def _nfkc_tables() -> tuple[np.ndarray, np.ndarray, dict[int, bytes]]:
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


def unsupported_table() -> np.ndarray:
    """Code points that send an article to the portable engine (see the module doc).

    The word characters whose NFKC form holds a non-word character ("½" -> "1⁄2"), that
    combine with their neighbours (non-zero combining class, Hangul jamo: no other word
    character is the second half of a canonical decomposition), and U+0130 (whose lower case
    is two characters).

    Examples
    --------
    >>> t = unsupported_table()
    >>> bool(t[ord("½")]), bool(t[ord("İ")]), bool(t[0x1161]), bool(t[ord("ﬁ")]), bool(t[0xA0])
    (True, True, True, False, False)
    """
    return _nfkc_tables()[0]


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


# --------------------------------------------------------------------------------------
# batches, word bytes, token bounds
# --------------------------------------------------------------------------------------


def _is_arrow(texts) -> bool:
    """A pyarrow Array or ChunkedArray (of large_string without nulls)?"""
    return hasattr(texts, "type") and hasattr(texts, "slice")


def _arrow_lengths(texts) -> np.ndarray:
    import pyarrow.compute as pc

    return pc.binary_length(texts).to_numpy(zero_copy_only=False).astype(np.int64)


def _batches(texts):
    """Yield ``(lo, hi)`` index ranges of about BATCH_CHARS characters (Arrow: bytes), >= 1 text."""
    n = len(texts)
    if _is_arrow(texts):
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(_arrow_lengths(texts) + 1, out=offsets[1:])  # bytes plus one separator each
        cuts = np.searchsorted(offsets, np.arange(BATCH_CHARS, offsets[-1], BATCH_CHARS))
        bounds = sorted({0, *np.clip(cuts, 1, n).tolist(), n}) if n else [0]
        yield from zip(bounds[:-1], bounds[1:], strict=True)
        return
    lo, size = 0, 0
    for i, t in enumerate(texts):
        size += len(t) + 1
        if size >= BATCH_CHARS:
            yield lo, i + 1
            lo, size = i + 1, 0
    if lo < n:
        yield lo, n


_GC_LOCK = threading.Lock()
_GC_PAUSE = {"depth": 0, "was_enabled": False}  # pauses under way (threads), and the state before


@contextlib.contextmanager
def _gc_paused():
    """Pause Python's cyclic garbage collector while many short-lived objects exist.

    The memoryviews of :func:`_joined` (one per article, freed at once) would trigger
    collections; in a fresh process the first is a full one over every object the imports
    made (60 ms on Reuters-21578, more than the join itself). Nothing is lost: what they
    would have collected is collected later. Pauses in several threads at once nest: the
    collector comes back, if it was on, when the last one ends.
    """
    with _GC_LOCK:
        if not _GC_PAUSE["depth"]:
            _GC_PAUSE["was_enabled"] = gc.isenabled()
            gc.disable()
        _GC_PAUSE["depth"] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_PAUSE["depth"] -= 1
            if not _GC_PAUSE["depth"] and _GC_PAUSE["was_enabled"]:
                gc.enable()


def _joined(texts, lo: int, hi: int) -> tuple[bytes, np.ndarray]:
    """Texts ``lo:hi`` as UTF-8 with a newline before, between and after them (plus padding),
    and the byte length of each text."""
    with _gc_paused():
        return _joined_now(texts, lo, hi)


def _joined_now(texts, lo: int, hi: int) -> tuple[bytes, np.ndarray]:
    if _is_arrow(texts):
        # views of each text in Arrow's data buffer, joined by one copy
        part = texts.slice(lo, hi - lo)
        views, lengths = [], []
        for chunk in part.chunks if hasattr(part, "chunks") else [part]:
            _, offsets, values = chunk.buffers()
            bounds = np.frombuffer(offsets, dtype=np.int64)[
                chunk.offset : chunk.offset + len(chunk) + 1
            ]
            if not len(chunk):
                continue
            whole = memoryview(values if values is not None else b"")
            ends = bounds.tolist()
            views.extend(whole[s:e] for s, e in zip(ends[:-1], ends[1:], strict=True))
            lengths.append(np.diff(bounds))
        sizes = np.concatenate(lengths) if lengths else np.zeros(0, dtype=np.int64)
        return b"\n" + b"\n".join(views) + _PAD, sizes
    encoded = [t.encode("utf-8", "surrogatepass") for t in texts[lo:hi]]
    lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
    return b"\n" + b"\n".join(encoded) + _PAD, lengths


_ASCII_WORD_BYTES = bytes(_ASCII_WORD.astype(np.uint8))


def _classify(data: bytes):
    """Word bytes of UTF-8 ``data`` (padded by 3 bytes after the last character).

    Returns ``(array, word, lead, size, cp)``: the bytes as uint8; True for every byte of a
    word character; the offsets, byte sizes and code points of the multi-byte characters.
    """
    a = np.frombuffer(data, dtype=np.uint8)
    word = np.frombuffer(data.translate(_ASCII_WORD_BYTES), dtype=bool)
    lead = np.flatnonzero(a >= 0xC0)  # first bytes of multi-byte characters
    if not lead.size:
        return a, word, lead, lead, lead
    word = word.copy()
    b0 = a[lead].astype(np.int32)
    b1 = a[lead + 1].astype(np.int32) & 0x3F
    b2 = a[lead + 2].astype(np.int32) & 0x3F
    size = 2 + (b0 >= 0xE0) + (b0 >= 0xF0)
    cp = np.where(size == 2, ((b0 & 0x1F) << 6) | b1, ((b0 & 0x0F) << 12) | (b1 << 6) | b2)
    four = size == 4
    if four.any():
        b3 = a[lead[four] + 3].astype(np.int32) & 0x3F
        cp[four] = ((b0[four] & 0x07) << 18) | (b1[four] << 12) | (b2[four] << 6) | b3
    is_word = word_table()[cp]
    word[lead] = is_word
    word[lead + 1] = is_word
    longer = size > 2
    word[lead[longer] + 2] = is_word[longer]
    word[lead[four] + 3] = is_word[four]
    return a, word, lead, size, cp


class _Buffer:
    """One batch of texts as a UTF-8 buffer, with its word bytes and token starts.

    Attributes: ``data`` (bytes) and ``array`` (its uint8 view); ``lo``/``hi`` the byte span of
    each article; ``starts`` the byte offset of every token; ``first_token`` the index of each
    article's first token.

    With ``matching=True``, ``data`` is the text with every substituted character (of those
    ``needed`` marks, a table over code points; all by default) replaced by its NFKC form (see :func:`_nfkc_tables`; tokens keep their number and order), ``raw`` the
    text as given, ``word`` is True for the bytes of word characters, ``unsupported`` marks the
    articles to count elsewhere (see :func:`supports`), and :meth:`raw_offsets` and
    :meth:`char_offsets` map offsets in ``data`` back to the text.
    """

    def __init__(self, texts, lo: int, hi: int, *, matching: bool = False, needed=None):
        self.data, lengths = _joined(texts, lo, hi)
        self.lo = np.ones(len(lengths), dtype=np.int64)  # byte offset of each article
        np.cumsum(lengths[:-1] + 1, out=self.lo[1:])
        self.lo[1:] += 1
        self.hi = self.lo + lengths
        self.array, word, lead, size, cp = _classify(self.data)
        if matching:
            word = self._prepare_matching(word, lead, size, cp, needed)
        self.starts = np.flatnonzero(word[1:] > word[:-1])
        self.starts += 1
        self.first_token = np.searchsorted(self.starts, self.lo)

    def _prepare_matching(self, word, lead, size, cp, needed) -> np.ndarray:
        self.raw, self.raw_lo = self.data, self.lo
        self.raw_lead = lead
        self.raw_extra = np.cumsum(size - 1) if lead.size else lead  # continuation bytes so far
        self.unsupported = np.zeros(len(self.lo), dtype=bool)
        self.sub_at = self.sub_shift = np.zeros(0, dtype=np.int64)
        if lead.size:
            unsupported, substituted, replace = _nfkc_tables()
            bad = lead[unsupported[cp]]
            self.unsupported[np.searchsorted(self.lo, bad, side="right") - 1] = True
            subs = substituted[cp] if needed is None else substituted[cp] & needed[cp]
            if subs.any():
                word = self._substitute(
                    word, lead[subs], size[subs], [replace[c] for c in cp[subs].tolist()]
                )
                self.array = np.frombuffer(self.data, dtype=np.uint8)
        self.word = word
        return word

    def _substitute(self, word, at: np.ndarray, size: np.ndarray, forms: list[bytes]):
        """Replace the characters at byte offsets ``at`` (of ``size`` bytes) by ``forms``;
        return the word bytes of the new data.

        The substituted characters and their forms are word characters only (see
        :func:`_nfkc_tables`), so the new word bytes are the old ones with each substituted
        run of True resized: no need to classify the whole buffer again.
        """
        raw, pieces, flags, prev = self.raw, [], [], 0
        for p, n, form in zip(at.tolist(), size.tolist(), forms, strict=True):
            pieces.append(raw[prev:p])
            pieces.append(form)
            flags.append(word[prev:p])
            flags.append(np.ones(len(form), dtype=bool))
            prev = p + n
        pieces.append(raw[prev:])
        flags.append(word[prev:])
        self.data = b"".join(pieces)
        lengths = np.fromiter(map(len, forms), dtype=np.int64, count=len(forms))
        shift = np.cumsum(lengths - size)  # total shift after each substitution

        def before(x):  # the shift of everything from raw offset x on
            k = np.searchsorted(at, x)
            return np.where(k > 0, shift[np.maximum(k - 1, 0)], 0)

        self.sub_at = at + before(at)  # where each substitution starts in data
        self.sub_shift = shift
        self.lo, self.hi = self.raw_lo + before(self.raw_lo), self.hi + before(self.hi)
        return np.concatenate(flags)

    def token_totals(self) -> np.ndarray:
        return np.searchsorted(self.starts, self.hi) - self.first_token

    def token_end(self, t: int) -> int:
        """The byte offset (in ``data``) just past token ``t``."""
        start, size = int(self.starts[t]), 32
        while True:
            run = self.word[start : start + size]
            if not run.all():
                return start + int(run.argmin())
            size *= 4

    def raw_offsets(self, pos: np.ndarray) -> np.ndarray:
        """Byte offsets in ``data`` (at token bounds) -> byte offsets in ``raw``."""
        if not self.sub_at.size:
            return pos
        k = np.searchsorted(self.sub_at, pos)  # substitutions before pos
        return pos - np.where(k > 0, self.sub_shift[np.maximum(k - 1, 0)], 0)

    def char_offsets(self, raw_pos: np.ndarray, article: np.ndarray) -> np.ndarray:
        """Byte offsets in ``raw`` (at character starts) -> character offsets in the article."""
        if not self.raw_lead.size:
            return raw_pos - self.raw_lo[article]

        def chars(p):
            k = np.searchsorted(self.raw_lead, p)  # multi-byte characters before p
            return p - np.where(k > 0, self.raw_extra[np.maximum(k - 1, 0)], 0)

        return chars(raw_pos) - chars(self.raw_lo[article])


def token_totals(texts) -> np.ndarray:
    """The number of word tokens of each text (``len(re.findall(r"\\w+", t))``), with NumPy.

    ``texts`` is a sequence of str or a pyarrow ``large_string`` (chunked) array without nulls.

    Examples
    --------
    >>> token_totals(["The CSTO’s crisis.", "", "Ереван, 2024 г."]).tolist()
    [4, 0, 3]
    """
    out = np.zeros(len(texts), dtype=np.int64)
    for lo, hi in _batches(texts):
        out[lo:hi] = _Buffer(texts, lo, hi).token_totals()
    return out


def vocabulary(texts, *, case_sensitive: bool) -> set[str]:
    """The token keys of the texts: every distinct word token, as compared.

    Per batch the word tokens are cut from the buffer by their byte bounds and made distinct
    by Arrow; only the distinct ones with a non-ASCII character are keyed in Python. (Without
    case, ASCII letters are lowered in the buffer first: NFKC and lower-casing of a token then
    give the same key, as no word character composes with an ASCII letter.) ``texts`` as for
    :func:`token_totals`.

    Examples
    --------
    >>> sorted(vocabulary(["Threats, threats.", "ﬁnal ОДКБ"], case_sensitive=False))
    ['final', 'threats', 'одкб']
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    keys: set[str] = set()
    other: set[str] = set()
    for lo, hi in _batches(texts):
        data, _ = _joined(texts, lo, hi)
        word = _classify(data)[1]
        if not case_sensitive:
            data = data.translate(_ASCII_LOWER_BYTES)
        # bounds alternate: a token's first byte, the byte just past it, the next token's ...
        bounds = np.flatnonzero(word[1:] != word[:-1])
        bounds += 1
        if not bounds.size:
            continue
        pieces = pa.Array.from_buffers(
            pa.large_string(), bounds.size - 1, [None, pa.py_buffer(bounds), pa.py_buffer(data)]
        )  # the tokens are whole characters: valid UTF-8
        distinct = pc.unique(pieces.take(pa.array(np.arange(0, bounds.size - 1, 2))))
        ascii = pc.string_is_ascii(distinct)
        keys.update(distinct.filter(ascii).to_pylist())
        other.update(distinct.filter(pc.invert(ascii)).to_pylist())
    keys.update(token_key(t, case_sensitive=case_sensitive) for t in other)
    return keys


# --------------------------------------------------------------------------------------
# the matcher
# --------------------------------------------------------------------------------------


def supports(text: str) -> bool:
    """True when the hyperscan matcher gives the rules' results on ``text`` (see module doc).

    Examples
    --------
    >>> supports("Armenia’s\xa0ally…"), supports("ﬁnal"), supports("½"), supports("İstanbul")
    (True, True, False, False)
    """
    if text.isascii():
        return True
    table = unsupported_table()
    return not any(table[ord(c)] for c in text)


def _hex(raw: bytes) -> bytes:
    return b"".join(b"\\x%02x" % c for c in raw)


@lru_cache(maxsize=65536)
def _char_pattern(ch: str, case_sensitive: bool) -> bytes:
    variants = sorted(
        v.encode("utf-8", "surrogatepass") for v in ({ch} if case_sensitive else case_variants(ch))
    )
    if len(variants) == 1:
        return _hex(variants[0])
    if all(len(v) == 1 for v in variants):
        return b"[" + b"".join(map(_hex, variants)) + b"]"
    return b"(?:" + b"|".join(map(_hex, variants)) + b")"


def entry_pattern(tokens: Sequence[str], *, case_sensitive: bool) -> bytes:
    """The hyperscan pattern (bytes) that accepts a superset of an entry's matches.

    A non-word byte, the tokens separated by runs of non-word bytes, and a non-word byte.
    A leading ``*`` and the byte before it are left out (they only filter), and so are a
    trailing ``*`` and the byte after it: the match then ends inside the entry's last token
    (an *open* end, see :func:`open_end`). Both keep the database small and quick to build.

    Examples
    --------
    >>> entry_pattern(["zone", "of"], case_sensitive=True)
    b'[^0-9A-Za-z_]\\\\x7a\\\\x6f\\\\x6e\\\\x65[^0-9A-Za-z_]+\\\\x6f\\\\x66[^0-9A-Za-z_]'
    >>> entry_pattern(["*a*"], case_sensitive=False)
    b'[\\\\x41\\\\x61]'
    """
    parts = []
    for tok in tokens:
        out, star = [], False
        for ch in tok:
            if ch == "*":
                if not star:
                    out.append(_RUN)
                star = True
                continue
            star = False
            out.append(_ONE if ch == "?" else _char_pattern(ch, case_sensitive))
        parts.append(b"".join(out))
    head, tail = _BOUND, _BOUND
    if tokens[0].startswith("*") and parts[0] != _RUN:
        parts[0], head = parts[0].removeprefix(_RUN), b""
    if open_end(tokens) and parts[-1] != _RUN:
        parts[-1], tail = parts[-1].removesuffix(_RUN), b""
    return head + _GAP.join(parts) + tail


def open_end(tokens: Sequence[str]) -> bool:
    """True when an entry's pattern ends inside its last token (the token ends with ``*``).

    Examples
    --------
    >>> open_end(["collaps*"]), open_end(["zone", "of"]), open_end(["*"])
    (True, False, False)
    """
    last = tokens[-1]
    return last.endswith("*") and last.strip("*") != ""


@lru_cache(maxsize=16)
def _database(patterns: tuple[bytes, ...]):
    """A compiled hyperscan block-mode database of the patterns (ids = positions), cached
    in memory and on disk (see :mod:`framing._cache`)."""
    hs = _import()
    version = getattr(hs, "__version__", "")
    key = hashlib.sha256(b"\n".join(patterns)).hexdigest()
    key = f"hyperscan-db-{version}-{platform.machine()}-{key}"
    payload = _cache.load(key)
    if payload is not None:
        try:
            return hs.loadb(payload, hs.HS_MODE_BLOCK)
        except Exception:  # built elsewhere (another CPU, another library): build it here
            pass
    db = hs.Database(mode=hs.HS_MODE_BLOCK)
    db.compile(
        expressions=list(patterns),
        ids=list(range(len(patterns))),
        elements=len(patterns),
        flags=[0] * len(patterns),
    )
    _cache.store(key, bytes(hs.dumpb(db)))
    return db


class _TokenTest:
    """Does a token key match one entry token (a literal, a glob, or one of the keys
    ``allowed``, whatever the glob it is searched with)? Memoized."""

    def __init__(self, token: str, allowed: frozenset[str] | None = None):
        self.allowed = allowed
        self.glob = allowed is None and ("*" in token or "?" in token)
        self.token = token
        self.rx = None  # compiled when first needed: most globs are decided on the bytes
        self.memo: dict[str, bool] = {}

    def __call__(self, key: str) -> bool:
        if self.allowed is not None:
            return key in self.allowed
        if not self.glob:
            return key == self.token
        ok = self.memo.get(key)
        if ok is None:
            if self.rx is None:
                self.rx = re.compile(glob_to_regex(self.token))
            ok = self.memo[key] = self.rx.fullmatch(key) is not None
        return ok


#: Columns of the candidates table of :func:`find_candidates`.
CANDIDATE_FIELDS = ("text", "entry", "token", "n_tokens", "start", "end", "match")


class _Lexicon:
    """The entries compiled for hyperscan: one pattern per distinct token sequence, and one
    per entry that has sets of allowed keys (see :func:`find_candidates`)."""

    def __init__(self, entry_tokens: Sequence[Sequence[str]], case_sensitive: bool,
                 allowed: Sequence[Sequence[frozenset[str] | None]] | None = None):  # fmt: skip
        groups: dict[tuple, list[int]] = {}
        for e, toks in enumerate(entry_tokens):
            if toks:
                sets = tuple(allowed[e]) if allowed is not None else (None,) * len(toks)
                seq = tuple(_STARS_RE.sub("*", t) for t in toks)
                # an entry with sets of keys keeps a pattern of its own, so that the patterns
                # (the database) do not depend on which entries' sets happen to be equal
                key = (seq, sets) if all(a is None for a in sets) else (seq, sets, e)
                groups.setdefault(key, []).append(e)
        self.seqs = [key[0] for key in groups]
        self.sets = [key[1] for key in groups]
        self.case_sensitive = case_sensitive
        patterns = tuple(_entry_pattern(s, case_sensitive) for s in self.seqs)
        self.db = _database(patterns) if patterns else None
        self.n_tokens = np.array([len(s) for s in self.seqs], dtype=np.int64)
        self.open_end = np.array([open_end(s) for s in self.seqs], dtype=bool)
        # pattern -> its entries, flattened: entries[ptr[p] : ptr[p + 1]]
        counts = np.array([len(members) for members in groups.values()], dtype=np.int64)
        self.ptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self.entries = np.array([e for members in groups.values() for e in members],
                                dtype=np.int64)  # fmt: skip
        # Entries of ASCII words only (no wildcards, no allowed sets) are checked on the
        # bytes with NumPy: one-token ones by the token's span alone (the pattern is then
        # exact), phrases by comparing each token's bytes.
        plain = [all(a is None for a in sets) for sets in self.sets]
        literal = [
            free and all(t.isascii() and not ("*" in t or "?" in t) for t in s)
            for s, free in zip(self.seqs, plain, strict=True)
        ]
        self.ascii_literal = np.array(
            [ok and len(s) == 1 for ok, s in zip(literal, self.seqs, strict=True)], dtype=bool
        )
        self.ascii_phrase = np.array(
            [ok and len(s) > 1 for ok, s in zip(literal, self.seqs, strict=True)], dtype=bool
        )
        # One-token globs "prefix*" with an ASCII prefix: the pattern puts the prefix at a
        # token's start, so every report that ends inside a word is a match.
        self.ascii_prefix = np.array(
            [
                free
                and len(s) == 1
                and s[0].endswith("*")
                and s[0][:-1].isascii()
                and s[0][:-1] != ""
                and not ("*" in s[0][:-1] or "?" in s[0][:-1])
                for s, free in zip(self.seqs, plain, strict=True)
            ],
            dtype=bool,
        )
        self.literal_bytes = np.array(  # of a prefix glob: the prefix
            [len(s[0].rstrip("*").encode("utf-8", "surrogatepass")) for s in self.seqs],
            dtype=np.int64,
        )
        self.phrase_bytes = [
            [np.frombuffer(t.encode("ascii"), dtype=np.uint8) for t in s]
            if ok and len(s) > 1
            else None
            for ok, s in zip(literal, self.seqs, strict=True)
        ]
        self.needed = _needed_substitutions(self.seqs, case_sensitive)
        tests: dict[tuple, _TokenTest] = {}
        self.tests = [
            [tests.setdefault((t, a), _TokenTest(t, a)) for t, a in zip(s, sets, strict=True)]
            for s, sets in zip(self.seqs, self.sets, strict=True)
        ]
        self.memo: dict[tuple[int, bytes], bool] = {}  # (one-token pattern, token bytes) -> ok

    def key(self, raw: bytes) -> str:
        """The token key of a token's UTF-8 bytes."""
        if raw.isascii():
            return raw.decode("ascii") if self.case_sensitive else raw.decode("ascii").lower()
        return token_key(raw.decode("utf-8"), case_sensitive=self.case_sensitive)

    def single_ok(self, p: int, raw: bytes) -> bool:
        """Does the token with bytes ``raw`` match one-token pattern ``p``? Memoized."""
        ok = self.memo.get((p, raw))
        if ok is None:
            if len(self.memo) > 1_000_000:
                self.memo.clear()
            ok = self.memo[p, raw] = self.tests[p][0](self.key(raw))
        return ok


def _needed_substitutions(seqs, case_sensitive: bool) -> np.ndarray | None:
    """The substituted characters (see :func:`_nfkc_tables`) that can change what matches.

    The patterns compare the bytes of the lexicon's characters; a substitution matters only
    where its form holds one of them (``"ﬁ"`` -> ``"fi"`` for an entry ``final``). Elsewhere
    the raw character is left in place: the bounds of tokens are the same either way (both
    are word characters), and the verification keys every token with NFKC. Copying a whole
    batch for a substitution that cannot matter (``"և"`` in Armenian text, with an English
    lexicon) would cost a fifth of the scan. ``None`` (all) when an entry has a ``?``, which
    counts characters.
    """
    tokens = [t for seq in seqs for t in seq]
    if any("?" in t for t in tokens):
        return None
    chars = {c for t in tokens for c in t if c != "*"}
    if not case_sensitive:  # the characters the patterns accept (a Σ for a final ς, too)
        chars = {v for c in chars for v in case_variants(c)}
    by_char = _substituted_by_char()
    needed = np.zeros(0x110000, dtype=bool)
    for c in chars:
        needed[by_char.get(c, [])] = True
    return needed


@lru_cache(maxsize=1)
def _substituted_by_char() -> dict[str, list[int]]:
    """Character -> the substituted code points whose NFKC form holds it."""
    out: dict[str, list[int]] = {}
    for cp, form in _nfkc_tables()[2].items():
        for c in set(form.decode("utf-8")):
            out.setdefault(c, []).append(cp)
    return out


@lru_cache(maxsize=8)
def _compiled(entry_tokens: tuple[tuple[str, ...], ...], case_sensitive: bool,
              allowed: tuple | None = None) -> _Lexicon:  # fmt: skip
    return _Lexicon(entry_tokens, case_sensitive, allowed)


_STARS_RE = re.compile(r"\*+")


@lru_cache(maxsize=4096)
def _entry_pattern(tokens: tuple[str, ...], case_sensitive: bool) -> bytes:
    return entry_pattern(tokens, case_sensitive=case_sensitive)


def find_candidates(
    texts,
    entry_tokens: Sequence[Sequence[str]],
    *,
    case_sensitive: bool,
    totals=None,
    allowed: Sequence[Sequence[frozenset[str] | None]] | None = None,
) -> tuple[dict[str, np.ndarray], list[int]]:
    """Every place an entry matches, before the overlap rule, and the texts left unsearched.

    Parameters
    ----------
    texts : sequence of str, or pyarrow large_string (chunked) array without nulls
        The texts.
    entry_tokens : sequence of sequences of str
        The tokens of each entry as compared (token keys with wildcards).
    case_sensitive : bool
        Compare without lower-casing.
    totals : ndarray of int64, optional
        Filled with the number of word tokens of each text (as :func:`token_totals`), a
        by-product of the scan.
    allowed : sequence of sequences of frozenset or None, optional
        Per entry, per token: the token keys it matches, or None for the rule of its
        literal or glob. With a set, the entry token is only the glob the texts are searched
        with (it must match every key of the set, e.g. their common prefix and ``*``).

    Returns
    -------
    candidates : dict of str to ndarray
        Parallel arrays named by :data:`CANDIDATE_FIELDS`: the text, the entry, its first
        token and number of tokens, the character offsets ``start``/``end`` into the text
        (int64), and the text matched (object).
    unsupported : list of int
        The texts that :func:`supports` rejects; they were not searched.

    Examples
    --------
    >>> found, rest = find_candidates(["A security threat.", "½ ﬁnal threat"],
    ...                               [("security", "threat"), ("final",)], case_sensitive=False)
    >>> found["entry"].tolist(), found["token"].tolist(), found["match"].tolist(), rest
    ([0], [1], ['security threat'], [1])
    >>> found, rest = find_candidates(["ﬁnal Ｔhreat"], [("final", "threat")], case_sensitive=False)
    >>> found["match"].tolist(), found["start"].tolist(), found["end"].tolist(), rest
    (['ﬁnal Ｔhreat'], [0], [11], [])
    """
    if allowed is not None:
        allowed = tuple(map(tuple, allowed))
    lex = _compiled(tuple(map(tuple, entry_tokens)), case_sensitive, allowed)
    parts: list[dict[str, np.ndarray]] = []
    unsupported: list[int] = []
    scratch = _import().Scratch(lex.db) if lex.db is not None else None
    for lo, hi in _batches(texts):
        buf = _Buffer(texts, lo, hi, matching=True, needed=lex.needed)
        if totals is not None:
            totals[lo:hi] = buf.token_totals()  # substitutions keep the tokens
        unsupported.extend((np.flatnonzero(buf.unsupported) + lo).tolist())
        if lex.db is None:
            continue
        ids: list[int] = []
        tos: list[int] = []

        def on_match(pid, _from, to, _flags, _ctx, ids=ids, tos=tos):
            ids.append(pid)
            tos.append(to)

        lex.db.scan(buf.data, match_event_handler=on_match, scratch=scratch)
        if ids:
            found = _verify(buf, lex, np.array(ids, dtype=np.int64), np.array(tos, dtype=np.int64))
            found["text"] += lo
            parts.append(found)
    if not parts:
        return no_candidates(), unsupported
    return {k: np.concatenate([p[k] for p in parts]) for k in CANDIDATE_FIELDS}, unsupported


def no_candidates() -> dict[str, np.ndarray]:
    """An empty candidates table (see :func:`find_candidates`)."""
    empty = {k: np.zeros(0, dtype=np.int64) for k in CANDIDATE_FIELDS}
    empty["match"] = np.zeros(0, dtype=object)
    return empty


def _verify(buf: _Buffer, lex: _Lexicon, pid: np.ndarray, to: np.ndarray) -> dict[str, np.ndarray]:
    """Map hyperscan reports to tokens and keep the entries that match the token keys exactly."""
    starts, word = buf.starts, buf.word
    # A closed report ends one byte past the match's last token (on the boundary byte): a
    # token must end exactly there. An open one ends inside the last token.
    is_open = lex.open_end[pid]
    end = to - 1 + is_open  # closed: the boundary byte; open: just past the last byte matched
    ok = word[end - 1] & (is_open | ~word[end])
    pid, end, is_open = pid[ok], end[ok], is_open[ok]
    last = np.searchsorted(starts, end - 1, side="right") - 1
    reported = end.copy()  # the end of the bytes the pattern matched
    if is_open.any():
        end[is_open] = _token_ends(word, end[is_open])
        # several reports inside one token: keep one
        _, once = np.unique(pid * (starts.size + 1) + last, return_index=True)
        once.sort()
        pid, end, last, reported = pid[once], end[once], last[once], reported[once]
    first = last - lex.n_tokens[pid] + 1
    article = np.searchsorted(buf.first_token, last, side="right") - 1
    ok = (first >= buf.first_token[article]) & ~buf.unsupported[article]
    pid, first, last, end, article = pid[ok], first[ok], last[ok], end[ok], article[ok]
    reported = reported[ok]

    # Exact without Python: ASCII literals whose token spans exactly the pattern's bytes.
    # (The pattern's boundary byte before a token is ASCII-only: the token must start
    # exactly where the matched bytes do, or the match began inside a word, after "ğ".)
    fast = lex.ascii_literal[pid] | lex.ascii_prefix[pid]
    exact = fast & (starts[last] == reported - lex.literal_bytes[pid])
    phrases = lex.ascii_phrase[pid]
    if phrases.any():
        for p in np.unique(pid[phrases]).tolist():
            rows = np.flatnonzero(pid == p)
            exact[
                rows[_ascii_phrase_ok(buf, lex.phrase_bytes[p], first[rows], lex.case_sensitive)]
            ] = True
    slow = np.flatnonzero(~fast & ~phrases)
    one = lex.n_tokens[pid[slow]] == 1
    single, phrase = slow[one], slow[~one]
    if single.size:
        data = buf.data
        args = zip(pid[single].tolist(), starts[last[single]].tolist(), end[single].tolist(),
                   strict=True)  # fmt: skip
        keep = [lex.single_ok(p, data[s:e]) for p, s, e in args]
        exact[single[np.array(keep, dtype=bool)]] = True
    if phrase.size:
        args = zip(pid[phrase].tolist(), first[phrase].tolist(), end[phrase].tolist(), strict=True)
        keep = [_check(buf, lex, p, f, e) for p, f, e in args]
        exact[phrase[np.array(keep, dtype=bool)]] = True
    pid, first, end, article = pid[exact], first[exact], end[exact], article[exact]
    start, end = buf.raw_offsets(starts[first]), buf.raw_offsets(end)
    match = _substrings(buf.raw, start, end)

    # one row per entry of each pattern
    counts = lex.ptr[pid + 1] - lex.ptr[pid]
    row = np.repeat(np.arange(pid.size), counts)
    within = np.arange(row.size) - np.repeat(np.cumsum(counts) - counts, counts)
    entry = lex.entries[lex.ptr[pid[row]] + within]
    pid, start, end, article = pid[row], start[row], end[row], article[row]
    first = first[row]
    return {
        "text": article,
        "entry": entry,
        "token": first - buf.first_token[article],
        "n_tokens": lex.n_tokens[pid],
        "start": buf.char_offsets(start, article),
        "end": buf.char_offsets(end, article),
        "match": match[row],
    }


def _substrings(raw: bytes, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """``raw[start:end].decode()`` for every pair, as an object array of str.

    The bytes are gathered with NumPy and decoded by Arrow in one call (a Python slice and
    decode per hit costs more than the whole scan).
    """
    import pyarrow as pa

    lengths = end - start
    offsets = np.zeros(start.size + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    index = np.arange(offsets[-1], dtype=np.int64) + np.repeat(start - offsets[:-1], lengths)
    data = np.frombuffer(raw, dtype=np.uint8)[index]
    try:
        strings = pa.LargeStringArray.from_buffers(
            start.size, pa.py_buffer(offsets), pa.py_buffer(data)
        )
        strings.validate(full=True)  # valid UTF-8 (a lone surrogate in the text is not)
    except pa.ArrowInvalid:
        out = np.empty(start.size, dtype=object)
        out[:] = [
            raw[s:e].decode("utf-8", "surrogatepass")
            for s, e in zip(start.tolist(), end.tolist(), strict=True)
        ]
        return out
    return strings.to_numpy(zero_copy_only=False)


def _token_ends(word: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """For byte offsets just past a word byte, the byte offset just past its token."""
    end = pos.copy()
    todo = np.arange(end.size)
    while todo.size:
        todo = todo[word[end[todo]]]
        end[todo] += 1
    return end


_ASCII_LOWER = np.arange(256, dtype=np.uint8)
_ASCII_LOWER[65:91] += 32
_ASCII_LOWER_BYTES = _ASCII_LOWER.tobytes()


def _ascii_phrase_ok(
    buf: _Buffer, words: list[np.ndarray], first: np.ndarray, case_sensitive: bool
) -> np.ndarray:
    """For phrases of ASCII words: do tokens ``first + j`` consist exactly of ``words[j]``?"""
    a, word, top = buf.array, buf.word, len(buf.array) - 1
    ok = np.ones(first.size, dtype=bool)
    for j, lit in enumerate(words):
        pos = buf.starts[first + j]
        got = a[np.minimum(pos[:, None] + np.arange(lit.size), top)]
        if not case_sensitive:
            got = _ASCII_LOWER[got]
        ok &= (got == lit).all(axis=1) & ~word[np.minimum(pos + lit.size, top)]
    return ok


def _check(buf: _Buffer, lex: _Lexicon, p: int, first: int, end: int) -> bool:
    """Do tokens ``first``, ``first + 1``, ... (the last ending at byte ``end``) match the
    entry tokens of pattern ``p`` exactly?"""
    tests = lex.tests[p]
    for j, test in enumerate(tests):
        t = first + j
        stop = end if j == len(tests) - 1 else buf.token_end(t)
        if not test(lex.key(buf.data[buf.starts[t] : stop])):
            return False
    return True
