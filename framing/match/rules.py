"""The rules of a match, and the engines that follow them token by token.

The rules (DESIGN.md §3, :mod:`framing.tokens`): an entry matches consecutive word tokens,
compared by their keys (NFKC, lower-cased unless ``case_sensitive``); ``*`` matches any run of
characters inside one token, ``?`` exactly one; with ``match="stem"`` a word also matches the
tokens with its Snowball stem. The *overlap rule*: within one frame a token is counted at most
once: the longest match (in tokens) wins, then the earlier one, then the entry listed first
(exclusions are listed before the entries, so they win ties).

Here are the *portable* engine (:func:`python_hits`: every entry token expanded against the
vocabulary of the articles once, candidates found by set look-ups), the *reference* engine
(:func:`reference_hits`: the rules written out plainly, every entry at every token, for
tests) and the overlap rule on the candidates of the hyperscan engine
(:func:`resolve_overlaps`). Each engine gives the found hits as :data:`FOUND_FIELDS` tuples
or arrays (see :func:`found_arrays`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from itertools import islice

import numpy as np

from ..lexicon import glob_to_regex
from ..tokens import TOKEN_PATTERN, token_key
from .stems import stem_function, words_by_stem
from .texts import language_groups

#: A word token (:data:`framing.tokens.TOKEN_PATTERN`).
TOKEN_RE = re.compile(TOKEN_PATTERN)
#: The fields of a found hit (before the hits table): article index, frame index, entry
#: index, first token, character offsets.
FOUND_FIELDS = ("article", "frame", "entry", "token", "start", "end")


def text_keys(text: str, *, case_sensitive: bool) -> list[str]:
    """The token keys of ``text``: :func:`framing.tokens.token_key` of every word token."""
    if text.isascii():
        return TOKEN_RE.findall(text if case_sensitive else text.lower())
    if not case_sensitive:
        # Lower-casing the whole text is the same as lower-casing each token unless a
        # character lowers to two ("İ"), a Σ lowers by its context (final sigma), or a
        # token is not NFKC-normalized.
        folded = text.lower()
        if (
            len(folded) == len(text)
            and "\u03a3" not in text
            and unicodedata.is_normalized("NFKC", text)
        ):
            return TOKEN_RE.findall(folded)
    if case_sensitive:
        return [
            t if t.isascii() else token_key(t, case_sensitive=True) for t in TOKEN_RE.findall(text)
        ]
    return [t.lower() if t.isascii() else token_key(t) for t in TOKEN_RE.findall(text)]


_ENTRY_TOKEN_RE = re.compile(r"[\w*?]+")


def compared_tokens(entry, case_sensitive: bool) -> tuple[str, ...]:
    """An entry's tokens as compared: the lexicon's lower-cased keys, or as written."""
    if not case_sensitive:
        return entry.tokens
    return tuple(_ENTRY_TOKEN_RE.findall(unicodedata.normalize("NFKC", entry.pattern)))


def found_arrays(found: list[tuple[int, int, int, int, int, int]], texts) -> dict[str, np.ndarray]:
    """Hits as tuples ``(article, frame, entry, token, start, end)`` -> parallel int64 arrays,
    and ``match``, the text matched."""
    columns = np.array(found, dtype=np.int64).reshape(-1, len(FOUND_FIELDS))
    out = {name: columns[:, k] for k, name in enumerate(FOUND_FIELDS)}
    out["match"] = object_array([texts[h[0]][h[4] : h[5]] for h in found])
    return out


def object_array(values: list) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


class _Compiled:
    """A lexicon compiled against one vocabulary: allowed token keys for every entry token."""

    def __init__(self, entries, vocabulary: set[str], *, mode: str, language: str,
                 case_sensitive: bool):  # fmt: skip
        stem = stem_function(language) if mode == "stem" else None
        by_stem = words_by_stem(vocabulary, stem) if stem is not None else {}
        glob_cache: dict[str, frozenset[str]] = {}
        ordered: list[str] = []

        def allowed(tok: str) -> frozenset[str]:
            if "*" in tok or "?" in tok:
                if tok not in glob_cache:
                    rx = re.compile(glob_to_regex(tok))
                    head = re.split(r"[*?]", tok, maxsplit=1)[0]
                    words = vocabulary
                    if head:  # only the words that start with the glob's literal head
                        if not ordered:
                            ordered.extend(sorted(vocabulary))
                        lo = bisect_left(ordered, head)
                        words = ordered[lo : bisect_left(ordered, head + "\U0010ffff", lo)]
                    glob_cache[tok] = frozenset(w for w in words if rx.fullmatch(w))
                return glob_cache[tok]
            if stem is not None:
                return frozenset(by_stem.get(stem(tok), set()) | {tok})
            return frozenset((tok,))

        self.entries = list(entries)
        self.slots = [
            tuple(allowed(t) for t in compared_tokens(e, case_sensitive)) for e in self.entries
        ]
        # first-token key -> indices of entries that can start there
        self.first: dict[str, list[int]] = {}
        for i, slots in enumerate(self.slots):
            for key in slots[0]:
                self.first.setdefault(key, []).append(i)
        self.first_keys = frozenset(self.first)


def _frame_hits(keys: list[str], compiled: _Compiled, frame_of: list[int]):
    """All hits of one article as (frame_idx, entry_idx, first_token, n_tokens), resolved per frame."""
    first = compiled.first
    positions = [i for i, k in enumerate(keys) if k in first]
    if not positions:
        return []
    n_keys = len(keys)
    candidates: dict[int, list[tuple[int, int, int]]] = {}
    for i in positions:
        for e in first[keys[i]]:
            slots = compiled.slots[e]
            n = len(slots)
            if i + n > n_keys:
                continue
            if n > 1 and not all(keys[i + j] in slots[j] for j in range(1, n)):
                continue
            candidates.setdefault(frame_of[e], []).append((-n, i, e))
    return _resolve(candidates)


def _resolve(candidates: dict[int, list[tuple[int, int, int]]]):
    """The overlap rule: ``{frame: [(-n_tokens, first_token, entry)]}`` -> kept hits.

    Within a frame the longest candidate wins, then the earlier, then the entry listed first
    (exclusions are listed before entries); a candidate sharing a token with a kept one is
    dropped. Returns ``(frame, entry, first_token, n_tokens)`` tuples.
    """
    out = []
    for f, cands in candidates.items():
        if len(cands) == 1:
            negn, i, e = cands[0]
            out.append((f, e, i, -negn))
            continue
        cands.sort()
        taken: set[int] = set()
        for negn, i, e in cands:
            span = range(i, i - negn)
            if any(t in taken for t in span):
                continue
            taken.update(span)
            out.append((f, e, i, -negn))
    return out


def resolve_overlaps(cand: dict[str, np.ndarray], frame_of: np.ndarray) -> dict[str, np.ndarray]:
    """The overlap rule on the candidates of :func:`framing.match._hyperscan.find_candidates`.

    ``frame_of`` gives the frame of each entry. Returns the kept hits as arrays named by
    :data:`FOUND_FIELDS`, and ``match``, sorted by text, frame and first token.
    """
    art, entry, tok, n = cand["text"], cand["entry"], cand["token"], cand["n_tokens"]
    frame = frame_of[entry]
    order = np.lexsort((entry, tok, frame, art))
    run = _overlap_runs(art[order], frame[order], tok[order], n[order])
    keep = np.bincount(run)[run] == 1 if run.size else np.ones(0, dtype=bool)  # alone
    if not keep.all():
        entry_o, tok_o, n_o = entry[order], tok[order], n[order]
        runs: dict[int, list[tuple[int, int, int]]] = {}
        row_of: dict[tuple[int, int, int], int] = {}
        for i in np.flatnonzero(~keep).tolist():
            e, t = int(entry_o[i]), int(tok_o[i])
            runs.setdefault(int(run[i]), []).append((-int(n_o[i]), t, e))
            row_of[int(run[i]), e, t] = i
        rows = [row_of[r, e, t] for r, cands in runs.items() for _, e, t, _ in _resolve({0: cands})]
        keep[rows] = True
    # one gather per column, of the kept candidates only
    take = order[keep]
    fields = (art, frame, entry, tok, cand["start"], cand["end"], cand["match"])
    return dict(zip((*FOUND_FIELDS, "match"), (x[take] for x in fields), strict=True))


def _overlap_runs(art: np.ndarray, frame: np.ndarray, tok: np.ndarray, n: np.ndarray):
    """The run of each candidate (sorted by article, frame, first token): candidates of one
    frame that share tokens, directly or through others, are in one run.

    The overlap rule only matters inside a run (a candidate is only ever blocked by one it
    overlaps), so runs of one candidate are kept as they are and only the others resolved.
    """
    new_group = np.ones(art.size, dtype=bool)
    new_group[1:] = (art[1:] != art[:-1]) | (frame[1:] != frame[:-1])
    group = np.cumsum(new_group) - 1
    last = tok + n - 1
    width = int(last.max()) + 2 if last.size else 1
    reach = np.maximum.accumulate(group * width + last) - group * width
    new_run = new_group.copy()
    new_run[1:] |= tok[1:] > reach[:-1]
    return np.cumsum(new_run) - 1


def python_hits(texts, langs, idx, entries, frame_of, *, match: str, case_sensitive: bool):
    """The portable engine on the articles ``idx``: ``(i, frame, entry, token, start, end)``."""
    all_keys = {i: text_keys(texts[i], case_sensitive=case_sensitive) for i in idx}
    if match == "stem":
        groups = language_groups([langs[i] for i in idx], list(idx))
    else:
        groups = {"english": list(idx)}
    out = []
    for language, members in groups.items():
        vocabulary: set[str] = set()
        for i in members:
            vocabulary.update(all_keys[i])
        compiled = _Compiled(
            entries, vocabulary, mode=match, language=language, case_sensitive=case_sensitive
        )
        for i in members:
            keys = all_keys[i]
            if compiled.first_keys.isdisjoint(keys):
                continue
            found = _frame_hits(keys, compiled, frame_of)
            if not found:
                continue
            # the spans of the tokens up to the last one a hit ends on, not of all of them
            last = max(tok + n for _, _, tok, n in found)
            spans = [m.span() for m in islice(TOKEN_RE.finditer(texts[i]), last)]
            for f, e, tok, n in found:
                out.append((i, f, e, tok, spans[tok][0], spans[tok + n - 1][1]))
    return out


@lru_cache(maxsize=4096)
def _glob(pattern: str) -> re.Pattern:
    return re.compile(glob_to_regex(pattern))


def _token_matches(pattern: str, key: str, stem) -> bool:
    """The rule for one entry token against one token key (literal, glob or stem)."""
    if "*" in pattern or "?" in pattern:
        return _glob(pattern).fullmatch(key) is not None
    if stem is not None:
        return key == pattern or stem(key) == stem(pattern)
    return key == pattern


def reference_hits(texts, langs, entries, frame_of, *, match: str, case_sensitive: bool):
    """The rules written out plainly: every entry at every token, then the overlap rule."""
    out = []
    for i, text in enumerate(texts):
        tokens = list(TOKEN_RE.finditer(text))
        keys = [token_key(m.group(), case_sensitive=case_sensitive) for m in tokens]
        stem = stem_function(langs[i]) if match == "stem" else None
        for f in sorted(set(frame_of)):
            candidates = []  # (n_tokens, first token, entry index)
            for e, entry in enumerate(entries):
                if frame_of[e] != f:
                    continue
                parts = compared_tokens(entry, case_sensitive)
                n = len(parts)
                for s in range(len(keys) - n + 1):
                    if all(_token_matches(p, keys[s + j], stem) for j, p in enumerate(parts)):
                        candidates.append((n, s, e))
            taken: set[int] = set()
            for n, s, e in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
                span = set(range(s, s + n))
                if span & taken:
                    continue
                taken |= span
                out.append((i, f, e, s, tokens[s].start(), tokens[s + n - 1].end()))
    return out
