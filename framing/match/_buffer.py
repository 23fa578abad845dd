"""UTF-8 buffers of a batch of texts (private): word bytes, token bounds, token totals and
the vocabulary, with NumPy.

A batch of articles is joined into one UTF-8 buffer, with a newline before, between and after
the articles (a newline is never part of a token, so no token or match crosses two articles).
A byte is a *word byte* when it belongs to a character that ``re``'s ``\\w`` matches: ASCII
bytes through a 256-entry table; multi-byte characters are decoded with NumPy and looked up in
:func:`framing.match._unicode.word_table`. A token starts where a word byte follows a non-word
byte, so the totals equal ``len(re.findall(r"\\w+", text))``.
"""

from __future__ import annotations

import numpy as np

from ..tokens import token_key
from ._unicode import DOTTED_I, LOWER_FORMS, nfkc_tables, word_table

#: Articles are joined in batches of about this many characters: it bounds memory, and the
#: buffer and its temporary arrays stay small enough to be reused from one batch to the next
#: (larger ones are fresh memory for every batch, paid for in page faults).
BATCH_CHARS = 1 << 20

_ASCII_WORD = np.zeros(256, dtype=bool)
_ASCII_WORD[list(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")] = True
_ASCII_WORD_BYTES = bytes(_ASCII_WORD.astype(np.uint8))
#: byte -> the byte lower-cased (ASCII letters only)
ASCII_LOWER = np.arange(256, dtype=np.uint8)
ASCII_LOWER[65:91] += 32
_ASCII_LOWER_BYTES = ASCII_LOWER.tobytes()
_PAD = b"\n\n\n\n"  # after the last article: room to read 3 bytes past any lead byte


def _is_arrow(texts) -> bool:
    """A pyarrow Array or ChunkedArray (of large_string without nulls)?"""
    return hasattr(texts, "type") and hasattr(texts, "slice")


def _arrow_lengths(texts) -> np.ndarray:
    import pyarrow.compute as pc

    return pc.binary_length(texts).to_numpy(zero_copy_only=False).astype(np.int64)


def batches(texts):
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


def joined(texts, lo: int, hi: int) -> tuple[bytes, np.ndarray]:
    """Texts ``lo:hi`` as UTF-8 with a newline before, between and after them (plus padding),
    and the byte length of each text."""
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
    size, cp = code_points(a, lead)
    four = size == 4
    is_word = word_table()[cp]
    word[lead] = is_word
    word[lead + 1] = is_word
    longer = size > 2
    word[lead[longer] + 2] = is_word[longer]
    word[lead[four] + 3] = is_word[four]
    return a, word, lead, size, cp


def code_points(a: np.ndarray, lead: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The byte sizes and code points of the multi-byte characters of UTF-8 bytes ``a`` (a
    uint8 array) that start at offsets ``lead``."""
    top = a.size - 1  # a character's unused bytes past the end are read as the last byte
    b0 = a[lead].astype(np.int32)
    b1 = a[np.minimum(lead + 1, top)].astype(np.int32) & 0x3F
    b2 = a[np.minimum(lead + 2, top)].astype(np.int32) & 0x3F
    size = 2 + (b0 >= 0xE0) + (b0 >= 0xF0)
    cp = np.where(size == 2, ((b0 & 0x1F) << 6) | b1, ((b0 & 0x0F) << 12) | (b1 << 6) | b2)
    four = size == 4
    if four.any():
        b3 = a[np.minimum(lead[four] + 3, top)].astype(np.int32) & 0x3F
        cp[four] = ((b0[four] & 0x07) << 18) | (b1[four] << 12) | (b2[four] << 6) | b3
    return size, cp


def texts_with(texts, table: np.ndarray) -> np.ndarray:
    """The positions of the texts that hold a character marked in ``table`` (a boolean table
    over code points; ASCII characters are not looked up), in order.

    Arrow texts are read in their data buffers without a copy, a batch at a time (see
    :func:`batches`); a list's non-ASCII texts are encoded. ``texts`` as for
    :func:`token_totals`.

    Examples
    --------
    >>> table = np.zeros(0x110000, dtype=bool)
    >>> table[ord("№")] = True
    >>> texts_with(["No 5", "№ 5", "Ереван", "ﬁ №"], table).tolist()
    [1, 3]
    """
    if not _is_arrow(texts):
        other = [i for i, t in enumerate(texts) if not t.isascii()]
        found = []
        for lo, hi in batches([texts[i] for i in other]):
            encoded = [texts[i].encode("utf-8", "surrogatepass") for i in other[lo:hi]]
            data = np.frombuffer(b"".join(encoded), dtype=np.uint8)
            bounds = np.zeros(len(encoded) + 1, dtype=np.int64)
            np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64), out=bounds[1:])
            found.append(np.asarray(other[lo:hi], dtype=np.int64)[_marked(data, bounds, table)])
        return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
    found = []
    for lo, hi in batches(texts):
        base = lo
        part = texts.slice(lo, hi - lo)
        for chunk in part.chunks if hasattr(part, "chunks") else [part]:
            _, offsets, values = chunk.buffers()
            if len(chunk) and values is not None:
                bounds = np.frombuffer(offsets, dtype=np.int64)[
                    chunk.offset : chunk.offset + len(chunk) + 1
                ]
                data = np.frombuffer(values, dtype=np.uint8)[bounds[0] : bounds[-1]]
                found.append(_marked(data, bounds - bounds[0], table) + base)
            base += len(chunk)
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


def _marked(data: np.ndarray, bounds: np.ndarray, table: np.ndarray) -> np.ndarray:
    """The texts (``data[bounds[i]:bounds[i + 1]]``) with a multi-byte character marked in
    ``table``."""
    lead = np.flatnonzero(data >= 0xC0)
    if not lead.size:
        return lead
    bad = lead[table[code_points(data, lead)[1]]]
    return np.unique(np.searchsorted(bounds, bad, side="right") - 1)


#: tokens longer than this (in UTF-8 bytes) send their article to the portable engine
LONG_TOKEN_BYTES = 1024


class Buffer:
    """One batch of texts as a UTF-8 buffer, with its word bytes and token starts.

    Attributes: ``data`` (bytes) and ``array`` (its uint8 view); ``lo``/``hi`` the byte span of
    each article; ``starts`` the byte offset of every token; ``first_token`` the index of each
    article's first token.

    With ``matching=True``, ``data`` is the text with every substituted character (of those
    ``needed`` marks, a table over code points; all by default) replaced by its NFKC form
    (see :func:`framing.match._unicode.nfkc_tables`; tokens keep their number and order),
    ``raw`` the text as given, ``word`` is True for the bytes of word characters,
    ``unsupported`` marks the articles to count elsewhere (see
    :func:`framing.match._unicode.supports`), and :meth:`raw_offsets` and :meth:`char_offsets`
    map offsets in ``data`` back to the text. Given the ``case_sensitive`` mode of the match,
    an "İ" is no reason to count elsewhere: where the case is ignored, it is replaced by its
    lower case (:data:`framing.match._unicode.LOWER_FORMS`, when ``needed``).
    """

    def __init__(self, texts, lo: int, hi: int, *, matching: bool = False, needed=None,
                 case_sensitive: bool | None = None):  # fmt: skip
        self.data, lengths = joined(texts, lo, hi)
        self.lo = np.ones(len(lengths), dtype=np.int64)  # byte offset of each article
        np.cumsum(lengths[:-1] + 1, out=self.lo[1:])
        self.lo[1:] += 1
        self.hi = self.lo + lengths
        self.array, word, lead, size, cp = _classify(self.data)
        if matching:
            word = self._prepare_matching(word, lead, size, cp, needed, case_sensitive)
        self.starts = np.flatnonzero(word[1:] > word[:-1])
        self.starts += 1
        self.first_token = np.searchsorted(self.starts, self.lo)
        if matching:
            self._route_long_tokens(word)

    def supported_spans(self) -> list[tuple[int, int]]:
        """The byte spans of ``data`` to scan: runs of supported articles, each with the
        separators around it (everything when all are supported)."""
        if not self.unsupported.any():
            return [(0, len(self.data))]
        spans, first = [], None
        for i, bad in enumerate([*self.unsupported.tolist(), True]):
            if not bad and first is None:
                first = i
            elif bad and first is not None:
                spans.append(
                    (int(self.lo[first]) - 1, min(int(self.hi[i - 1]) + 1, len(self.data)))
                )
                first = None
        return spans

    def _route_long_tokens(self, word) -> None:
        """Mark the articles with a token over :data:`LONG_TOKEN_BYTES` as unsupported: a glob
        open at its end reports at every byte of such a token (a 4 MB run of one letter with
        ``aa*`` took 9-40 s), while the portable engine matches it in one regex call."""
        # a token can only be that long where the next token starts further away
        gaps = np.diff(self.starts, append=len(word))
        long = [
            start
            for start in self.starts[gaps > LONG_TOKEN_BYTES].tolist()
            if word[start : start + LONG_TOKEN_BYTES + 1].all()
        ]
        if long:
            self.unsupported[np.searchsorted(self.lo, long, side="right") - 1] = True

    def _prepare_matching(self, word, lead, size, cp, needed, case_sensitive) -> np.ndarray:
        self.raw, self.raw_lo = self.data, self.lo
        self.raw_lead = lead
        self.raw_extra = np.cumsum(size - 1) if lead.size else lead  # continuation bytes so far
        self.unsupported = np.zeros(len(self.lo), dtype=bool)
        self.sub_at = self.sub_shift = np.zeros(0, dtype=np.int64)
        if lead.size:
            unsupported, substituted, replace = nfkc_tables()
            bad = unsupported[cp]
            dotted = cp == DOTTED_I
            if case_sensitive is not None:  # "İ" is the one case a known case mode can take
                bad &= ~dotted
            self.unsupported[np.searchsorted(self.lo, lead[bad], side="right") - 1] = True
            subs = substituted[cp] if needed is None else substituted[cp] & needed[cp]
            if case_sensitive is False:  # its key is its lower case: "i" and a combining dot
                subs |= dotted if needed is None else dotted & needed[cp]
            if subs.any():
                forms = [replace.get(c, LOWER_FORMS.get(c)) for c in cp[subs].tolist()]
                word = self._substitute(word, lead[subs], size[subs], forms)
                self.array = np.frombuffer(self.data, dtype=np.uint8)
        self.word = word
        return word

    def _substitute(self, word, at: np.ndarray, size: np.ndarray, forms: list[bytes]):
        """Replace the characters at byte offsets ``at`` (of ``size`` bytes) by ``forms``;
        return the word bytes of the new data.

        The substituted characters are word characters, and so are their forms (see
        :func:`framing.match._unicode.nfkc_tables`) but for the combining dot of the lower case
        of "İ", which stays inside its token as it does in the token's key; so the new word
        bytes are the old ones with each substituted run of True resized: no need to classify
        the whole buffer again.
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
    for lo, hi in batches(texts):
        out[lo:hi] = Buffer(texts, lo, hi).token_totals()
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
    for lo, hi in batches(texts):
        data, _ = joined(texts, lo, hi)
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
