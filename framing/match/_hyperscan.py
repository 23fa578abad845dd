"""The hyperscan matcher (private): every place an entry can match, checked exactly.

It works on the UTF-8 buffers of :mod:`framing.match._buffer` (a batch of articles joined, a
newline between them). Every entry becomes one byte-level pattern that accepts a *superset* of
its true matches: a non-word byte, the entry's tokens (each character as the alternation of its
case variants, ``*`` as a run of word-ish bytes, ``?`` as one or more) separated by runs of
non-word bytes, and a non-word byte (see :func:`entry_pattern`). One hyperscan scan per batch
reports every place a match can end; each report is mapped to the token it ends (or, for an
entry whose last token ends with ``*``, ends inside), and the entry is then checked exactly,
token by token, on the token keys of :mod:`framing.tokens` (NFKC, lower-cased), so the results
are those of the rules by construction. Words of ASCII letters are checked on the bytes with
NumPy; the rest (globs, other scripts) in Python, one candidate at a time, memoized.

The superset argument needs the key of a token to be its character-wise lower-casing. So the
word characters that NFKC changes are replaced in the buffer by their NFKC forms when these are
word characters too ("ﬁ" -> "fi", "և" -> "եւ", "µ" -> "μ", "Ｋ" -> "K"; offsets are mapped
back), and so is "İ", whose lower case is two characters ("i" and a combining dot), where
the case is ignored; the articles holding the few others (a form with a non-word character
such as "½" -> "1⁄2", Hangul jamo that compose) are reported back: the caller counts them with
the portable engine. Non-word characters (no-break spaces, "…", lone surrogates) do
not matter.

The package ``hyperscan`` is imported only when a scan needs it (:func:`available` tells
whether it can be).
"""

from __future__ import annotations

import hashlib
import platform
import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from .. import _cache
from ..lexicon import glob_to_regex
from ..tokens import token_key
from ._buffer import ASCII_LOWER, Buffer, batches
from ._unicode import DOTTED_I, LOWER_FORMS, case_variants, substituted_by_char

# byte-level pattern pieces (hyperscan, no UTF-8 mode): supersets of the token rule
_BOUND = rb"[^0-9A-Za-z_]"  # any byte of a non-word character
_GAP = rb"[^0-9A-Za-z_]+"  # the non-word characters between two tokens
_RUN = rb"[0-9A-Za-z_\x80-\xff]*"  # glob *: any run of word characters
_ONE = rb"[0-9A-Za-z_\x80-\xff]+"  # glob ?: one word character (or more: quicker to build)


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


class TooLarge(Exception):
    """hyperscan cannot compile the lexicon (an entry of thousands of characters or hundreds
    of words): the caller counts with the portable engine instead."""


@lru_cache(maxsize=16)
def database(patterns: tuple[bytes, ...]):
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
    try:
        db.compile(
            expressions=list(patterns),
            ids=list(range(len(patterns))),
            elements=len(patterns),
            flags=[0] * len(patterns),
        )
    except hs.error as exc:
        if "exceeds limit" in str(exc) or "too large" in str(exc).lower():
            raise TooLarge(str(exc)) from exc
        raise
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
        self.db = database(patterns) if patterns else None
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
    """The substituted characters that can change what matches.

    The patterns compare the bytes of the lexicon's characters; a substitution (see
    :func:`framing.match._unicode.nfkc_tables`) matters only where its form holds one of them
    (``"ﬁ"`` -> ``"fi"`` for an entry ``final``). Elsewhere the raw character is left in
    place: the bounds of tokens are the same either way (both are word characters), and the
    verification keys every token with NFKC. Copying a whole batch for a substitution that
    cannot matter (``"և"`` in Armenian text, with an English lexicon) would cost a fifth of
    the scan. ``None`` (all) when an entry has a ``?``, which counts characters.
    """
    tokens = [t for seq in seqs for t in seq]
    if any("?" in t for t in tokens):
        return None
    chars = {c for t in tokens for c in t if c != "*"}
    if not case_sensitive:  # the characters the patterns accept (a Σ for a final ς, too)
        chars = {v for c in chars for v in case_variants(c)}
    by_char = substituted_by_char()
    needed = np.zeros(0x110000, dtype=bool)
    for c in chars:
        needed[by_char.get(c, [])] = True
    if not case_sensitive:  # "İ" is keyed "i" and a combining dot (LOWER_FORMS)
        needed[DOTTED_I] = bool(chars & set(LOWER_FORMS[DOTTED_I].decode("utf-8")))
    return needed


@lru_cache(maxsize=8)
def _compiled(entry_tokens: tuple[tuple[str, ...], ...], case_sensitive: bool,
              allowed: tuple | None = None) -> _Lexicon:  # fmt: skip
    return _Lexicon(entry_tokens, case_sensitive, allowed)


_STARS_RE = re.compile(r"\*+")


@lru_cache(maxsize=4096)
def _entry_pattern(tokens: tuple[str, ...], case_sensitive: bool) -> bytes:
    return entry_pattern(tokens, case_sensitive=case_sensitive)


def clear() -> None:
    """Forget the compiled lexicons, patterns and databases kept in memory.

    They are caches of pure functions of the lexicon (bounded by their ``lru_cache`` sizes);
    the databases' copies on disk are :mod:`framing._cache`'s.
    """
    for cached in (database, _compiled, _entry_pattern, _char_pattern):
        cached.cache_clear()


_cache.register_cache(
    "compiled lexicons",
    clear,
    f"hyperscan databases of the last {database.cache_info().maxsize} lexicons in memory "
    "(their serialized copies are in the on-disk cache)",
)


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
        Filled with the number of word tokens of each text (as
        :func:`framing.match._buffer.token_totals`), a by-product of the scan.
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
        The texts that :func:`framing.match._unicode.supports` rejects, but for those it
        rejects for an "İ" alone (taken here in either case mode); they were not searched.

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
    for lo, hi in batches(texts):
        buf = Buffer(texts, lo, hi, matching=True, needed=lex.needed,
                     case_sensitive=case_sensitive)  # fmt: skip
        if totals is not None:
            totals[lo:hi] = buf.token_totals()  # substitutions keep the tokens
        unsupported.extend((np.flatnonzero(buf.unsupported) + lo).tolist())
        if lex.db is None:
            continue
        ids: list[int] = []
        tos: list[int] = []

        for start, stop in buf.supported_spans():  # the others go to the portable engine

            def on_match(pid, _from, to, _flags, _ctx, ids=ids, tos=tos, start=start):
                ids.append(pid)
                tos.append(to + start)

            data = buf.data if (start, stop) == (0, len(buf.data)) else buf.data[start:stop]
            lex.db.scan(data, match_event_handler=on_match, scratch=scratch)
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


def _verify(buf: Buffer, lex: _Lexicon, pid: np.ndarray, to: np.ndarray) -> dict[str, np.ndarray]:
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


def _ascii_phrase_ok(
    buf: Buffer, words: list[np.ndarray], first: np.ndarray, case_sensitive: bool
) -> np.ndarray:
    """For phrases of ASCII words: do tokens ``first + j`` consist exactly of ``words[j]``?"""
    a, word, top = buf.array, buf.word, len(buf.array) - 1
    ok = np.ones(first.size, dtype=bool)
    for j, lit in enumerate(words):
        pos = buf.starts[first + j]
        got = a[np.minimum(pos[:, None] + np.arange(lit.size), top)]
        if not case_sensitive:
            got = ASCII_LOWER[got]
        ok &= (got == lit).all(axis=1) & ~word[np.minimum(pos + lit.size, top)]
    return ok


def _check(buf: Buffer, lex: _Lexicon, p: int, first: int, end: int) -> bool:
    """Do tokens ``first``, ``first + 1``, ... (the last ending at byte ``end``) match the
    entry tokens of pattern ``p`` exactly?"""
    tests = lex.tests[p]
    for j, test in enumerate(tests):
        t = first + j
        stop = end if j == len(tests) - 1 else buf.token_end(t)
        if not test(lex.key(buf.data[buf.starts[t] : stop])):
            return False
    return True
