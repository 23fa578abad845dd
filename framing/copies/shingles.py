"""Word shingles of many texts at once, hashed with NumPy.

A shingle is a run of ``size`` consecutive word tokens (framing's tokens,
:mod:`framing.tokens`: ``\\w+`` runs of the NFKC text, lower-cased). Punctuation, quotation
marks and white space are not tokens, so a copy that changes them has the same shingles.

The texts of a batch are lower-cased, NFKC-normalized where that changes them, joined with
a newline (a non-word character, so no token crosses two texts) and read as one array of
code points. A token's hash is a polynomial hash of its code points, computed for all tokens
at once from one cumulative sum; a shingle's hash mixes the hashes of its tokens. Python
touches each text once (``str.lower``), never each token, which is what makes it fast.
The hashes are deterministic (no per-process seed), so batches and runs agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np

from .. import _cache
from ..tokens import TOKEN_PATTERN, aligned_lower, needs_nfkc

__all__ = ["SHINGLE_SIZE", "shingle_hashes", "word_table", "mix64"]

#: words per shingle: three words survive a changed word nearby and are rare by chance
SHINGLE_SIZE = 3
_BASE = np.uint64(0x100000001B3)
_BASE_INVERSE = np.uint64(pow(0x100000001B3, -1, 1 << 64))
#: texts are hashed in pieces of about this many characters: arrays this small are reused
#: by the allocator, where larger ones are mapped afresh (and page-faulted) every time
_PIECE = 500_000


@lru_cache(maxsize=1)
def word_table() -> np.ndarray:
    """A boolean table over all code points: True for the characters of ``\\w``.

    Examples
    --------
    >>> table = word_table()
    >>> bool(table[ord("a")]), bool(table[ord("ж")]), bool(table[ord("-")])
    (True, True, False)
    """
    points = np.arange(0x110000, dtype=np.uint32)
    points[0xD800:0xE000] = 0x20  # surrogates cannot be encoded; they are not word characters
    everything = points.tobytes().decode("utf-32-le")
    table = np.zeros(0x110000, dtype=bool)
    for match in re.finditer(TOKEN_PATTERN, everything):
        table[match.start() : match.end()] = True
    return table


def mix64(values: np.ndarray) -> np.ndarray:
    """The splitmix64 finalizer: every output bit depends on every input bit.

    Examples
    --------
    >>> mix64(np.array([1, 2], dtype=np.uint64)).dtype
    dtype('uint64')
    """
    with np.errstate(over="ignore"):
        z = values.astype(np.uint64, copy=True)
        z ^= z >> np.uint64(30)
        z *= np.uint64(0xBF58476D1CE4E5B9)
        z ^= z >> np.uint64(27)
        z *= np.uint64(0x94D049BB133111EB)
        z ^= z >> np.uint64(31)
    return z


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """The powers of the hash base and of its inverse (mod 2**64) for n characters.

    A piece of texts is about :data:`_PIECE` characters, so the powers for twice as many
    are computed once and kept (16 MB); a longer piece computes its own.
    """
    if n <= 2 * _PIECE:
        powers, inverse = _kept_powers()
        return powers[:n], inverse[:n]
    return _computed_powers(n)


@lru_cache(maxsize=1)
def _kept_powers() -> tuple[np.ndarray, np.ndarray]:
    return _computed_powers(2 * _PIECE)


def clear_shingle_tables() -> None:
    """Forget the word table and the kept powers (built again on the next use)."""
    word_table.cache_clear()
    _kept_powers.cache_clear()


_cache.register_cache(
    "shingle tables",
    clear_shingle_tables,
    "the word characters over all code points (1.1 MB) and the hash powers of a piece of "
    "text (16 MB), one each per process",
)


def _computed_powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    out = []
    for base in (_BASE, _BASE_INVERSE):
        powers = np.full(n, base, dtype=np.uint64)
        powers[0] = 1
        with np.errstate(over="ignore"):
            np.cumprod(powers, out=powers)
        out.append(powers)
    return out[0], out[1]


#: characters NFKC turns into non-word characters only, with a stand-in of the same length
_HARMLESS = (("\u2026", "."), ("\u00a0", " "), ("\u202f", " "), ("\u2009", " "),
             ("\u2002", " "), ("\u2003", " "), ("\u2007", " "), ("\u2008", " "),
             ("\u200a", " "))  # fmt: skip


def _joined(texts: list) -> tuple[str, np.ndarray]:
    """The texts lower-cased and NFKC-normalized, joined by newlines, and each one's length
    plus one (its newline). None and NaN are empty texts."""
    clean = [t if isinstance(t, str) else "" for t in texts]
    joined = "\n".join(clean)
    if not joined.isascii():
        # NFKC changes news mostly outside words ("…" to "...", a no-break space to a space);
        # those characters become a non-word character of their own length, the rest of the
        # piece is then most often NFKC already
        for char, plain in _HARMLESS:
            if char in joined:
                joined = joined.replace(char, plain)
        if not unicodedata.is_normalized("NFKC", joined):
            clean = [unicodedata.normalize("NFKC", t) if needs_nfkc(t) else t for t in clean]
            joined = "\n".join(clean)
    # "İ" lower-cases to "i" and a combining dot that would split the word: it becomes "i",
    # so lower-casing keeps every offset
    lowered = aligned_lower(joined)
    lengths = np.fromiter(map(len, clean), dtype=np.int64, count=len(clean)) + 1
    return lowered + "\n", lengths


def _token_hashes(texts: list) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of the word tokens of the texts, and the number of tokens of each text."""
    joined, lengths = _joined(texts)
    points = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    n = len(points)
    # word characters, with a non-word character before the first and after the last
    word = np.zeros(n + 2, dtype=bool)
    np.take(word_table(), points, out=word[1:-1])
    starts = np.flatnonzero(word[1:] > word[:-1])
    ends = np.flatnonzero(word[1:] < word[:-1])
    del word
    powers, inverse = _powers(n)
    # the cumulative sum of (code point + 1) * base**position, in one array
    total = np.empty(n + 1, dtype=np.uint64)
    total[0] = 0
    with np.errstate(over="ignore"):
        np.add(points, np.uint64(1), out=total[1:])
        np.multiply(total[1:], powers, out=total[1:])
        np.cumsum(total[1:], out=total[1:])
        # the sum over a token, shifted back to start at power 0, plus its length
        raw = (total[ends] - total[starts]) * inverse[starts]
        hashes = mix64(raw + (ends - starts).astype(np.uint64))
    # tokens before each text's end (the texts' ends are few, the tokens many)
    before = np.searchsorted(starts, np.cumsum(lengths))
    return hashes, np.diff(before, prepend=0)


def _shingles_of(hashes: np.ndarray, counts: np.ndarray, size: int):
    """Combine the token hashes of each text into its shingle hashes."""
    n_shingles = np.maximum(counts - (size - 1), 0)
    first = np.concatenate(([0], np.cumsum(counts)[:-1]))
    position = np.arange(len(hashes)) - np.repeat(first, counts)
    begins = np.flatnonzero(position < np.repeat(n_shingles, counts))
    with np.errstate(over="ignore"):
        combined = hashes[begins].copy()
        for step in range(1, size):
            combined = mix64(combined * np.uint64(0x9E3779B97F4A7C15) + hashes[begins + step])
    return combined, n_shingles


def shingle_hashes(texts, *, size: int = SHINGLE_SIZE) -> tuple[np.ndarray, np.ndarray]:
    """The hashed word shingles of each text, one flat array, and the number per text.

    Parameters
    ----------
    texts : sequence of str
        The texts (None or NaN count as empty).
    size : int
        Words per shingle.

    Returns
    -------
    hashes : ndarray of uint64
        The shingles of the first text, then those of the second, … (in text order,
        repeated shingles repeated).
    counts : ndarray of int64
        The number of shingles of each text (``max(0, n_tokens - size + 1)``).

    Examples
    --------
    >>> h, n = shingle_hashes(["The “CSTO” failed us,  he said.", "the CSTO failed us he said",
    ...                        "One.", None])
    >>> n.tolist(), bool((h[:4] == h[4:8]).all())
    ([4, 4, 0, 0], True)
    """
    texts = list(texts)
    if not texts:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    sizes = np.fromiter((len(t) if isinstance(t, str) else 0 for t in texts), np.int64, len(texts))
    # pieces of about _PIECE characters, each at least one text
    piece = np.cumsum(sizes) // _PIECE
    bounds = np.flatnonzero(np.diff(piece)) + 1
    pieces, piece_counts = [], []
    for start, stop in zip(np.r_[0, bounds], np.r_[bounds, len(texts)], strict=True):
        hashes, counts = _token_hashes(texts[start:stop])
        shingles, n = _shingles_of(hashes, counts, size)
        pieces.append(shingles)
        piece_counts.append(n)
    return np.concatenate(pieces), np.concatenate(piece_counts).astype(np.int64)
