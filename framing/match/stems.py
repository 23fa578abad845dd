"""Matching by Snowball stems (``find_hits(match="stem")``): the stemmer of a language, the
words of a vocabulary by stem, and the search for the forms of entry words with hyperscan.

The rule (DESIGN.md §3): a word of an entry (not a glob) matches a token whose key is the
word or has the word's stem, with the stemmer of the article's language.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from itertools import product
from math import prod
from os.path import commonprefix

import numpy as np

from .. import _cache
from .._errors import FramingError, FramingWarning
from ..tokens import language_name, stemmer
from . import _hyperscan
from ._buffer import token_totals, vocabulary
from .texts import language_groups, subset

_WARNED_LANGUAGES: set[str] = set()

#: Snowball stems kept, up to this many words per language (about 100 MB at most):
#: ``find_hits(match="stem")`` with another lexicon on the same articles does not stem their
#: vocabulary again (NLTK's Snowball takes about 40 microseconds a word).
STEM_MEMO_WORDS = 500_000
_STEM_MEMO: dict[str, dict[str, str]] = {}


def clear() -> None:
    """Forget the stems kept (a cache: stems are a pure function of the word and language)."""
    _STEM_MEMO.clear()


_cache.register_cache(
    "stems", clear, f"Snowball stems of up to {STEM_MEMO_WORDS:,} words per language"
)


def stem_function(language: str):
    """The Snowball stemmer's ``stem`` for a language (its results remembered), or None
    (exact matching) if there is none. Its ``many(words)`` gives the stems of a list."""
    try:
        stem = stemmer(language).stem
    except FramingError:
        if language not in _WARNED_LANGUAGES:
            _WARNED_LANGUAGES.add(language)
            warnings.warn(
                f"no Snowball stemmer for language {language!r}; its articles are matched "
                "exactly (match='exact')",
                FramingWarning,
                stacklevel=4,
            )
        return None
    memo = _STEM_MEMO.setdefault(language_name(language), {})

    def remembered(word: str) -> str:
        found = memo.get(word)
        if found is None:
            found = stem(word)
            if len(memo) < STEM_MEMO_WORDS:
                memo[word] = found
        return found

    def many(words: list[str]) -> list[str]:
        stems = list(map(memo.get, words))  # the known ones without a call each
        if None in stems:
            pairs = zip(stems, words, strict=True)
            stems = [s if s is not None else remembered(w) for s, w in pairs]
        return stems

    remembered.many = many
    return remembered


def words_by_stem(vocabulary: AbstractSet[str], stem, wanted: set[str] | None = None):
    """The words of ``vocabulary`` by their stem (only the stems ``wanted``, if given)."""
    words = list(vocabulary)
    by_stem: dict[str, set[str]] = {}
    for word, s in zip(words, stem.many(words), strict=True):
        if wanted is None or s in wanted:
            by_stem.setdefault(s, set()).add(word)
    return by_stem


#: With ``match="stem"``, an entry whose words have so many forms in the articles that it
#: would become more than this many token sequences (a phrase of three words with ten forms
#: each is 1,000) is matched by the portable engine, with the rest of its language's articles.
STEM_SEQUENCES_PER_ENTRY = 1_000


def stem_candidates(
    texts,
    langs: list[str],
    entry_tokens: Sequence[tuple[str, ...]],
    case_sensitive: bool,
    totals: np.ndarray,
):
    """:func:`framing.match._hyperscan.find_candidates` for ``match="stem"``, by language.

    ``texts`` are as :func:`framing.match._hyperscan.find_candidates` takes them (a list of
    str, or an Arrow array), ``langs`` the language of each, ``entry_tokens`` the tokens of
    each entry as compared. The rule is that of the portable engine
    (:mod:`framing.match.rules`): a word of an entry (not a glob) matches a token whose key is
    the word or has the word's stem. So each word becomes the set of those keys in the
    language's vocabulary (see :func:`stem_sequences`), and the candidates are reported as the
    entry's. The texts of a language with an entry of more than
    :data:`STEM_SEQUENCES_PER_ENTRY` sequences are left to the caller.
    """
    groups = language_groups(langs, range(len(langs)))
    parts, rest = [], []
    for language, members in groups.items():
        index = np.array(members, dtype=np.int64)
        part = texts if len(groups) == 1 else subset(texts, members)
        words = vocabulary(part, case_sensitive=case_sensitive)
        sequences, allowed, owner = stem_sequences(entry_tokens, words, language)
        if sequences is None:
            rest.extend(members)
            totals[index] = token_totals(part)
            continue
        some = np.zeros(len(members), dtype=np.int64)
        cand, left = _hyperscan.find_candidates(
            part, sequences, case_sensitive=case_sensitive, totals=some, allowed=allowed
        )
        totals[index] = some
        cand["entry"] = owner[cand["entry"]]
        cand["text"] = index[cand["text"]]
        parts.append(cand)
        rest.extend(index[left].tolist())
    if not parts:
        return _hyperscan.no_candidates(), sorted(rest)
    return {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}, sorted(rest)


def stem_sequences(
    entry_tokens: Sequence[tuple[str, ...]], vocabulary: AbstractSet[str], language: str
):
    """The entries (their tokens as compared) for :func:`framing.match._hyperscan.find_candidates`
    under stems.

    A word of an entry is searched as a glob of the part it shares with its stem, less the
    stem's last letter when more than three are left (``threa*`` for threat, ``secu*`` for
    security, ``all*`` for ally, stem alli), and checked against the set of the keys of its
    stem in the vocabulary (and the word itself). That glob does not depend on the
    vocabulary, so every batch of a corpus gets the same database (compiled once, and
    cached). When a key does not start with it (an irregular form), the keys' common prefix
    is searched; keys with none at all (rare) make a token sequence each.

    Returns ``(sequences, allowed, owner)``: the token sequences, the allowed keys of each
    token (a frozenset, or None for the token's own rule) and the entry of each sequence
    (int64), or three Nones when an entry would make more than
    :data:`STEM_SEQUENCES_PER_ENTRY` sequences.
    """
    stem = stem_function(language)
    by_stem: dict[str, set[str]] = {}
    if stem is not None:  # the vocabulary's words by stem, for the stems of entry words
        wanted = {stem(t) for toks in entry_tokens for t in toks if not ("*" in t or "?" in t)}
        by_stem = words_by_stem(vocabulary, stem, wanted)
    sequences: list[tuple[str, ...]] = []
    allowed: list[tuple[frozenset[str] | None, ...]] = []
    owner: list[int] = []
    for e, toks in enumerate(entry_tokens):
        options = []  # per token: (searched as, allowed keys) pairs
        for tok in toks:
            if stem is None or "*" in tok or "?" in tok:  # globs match surface forms
                options.append([(tok, None)])
                continue
            root = stem(tok)
            keys = by_stem.get(root, set()) | {tok}
            # the word's part before its stem's last letter: Snowball changes a word's end
            # (ruling -> rule, rallies -> ralli), so the keys of its stem start with it; at
            # least three letters (or the whole shared part), or too many words start so
            shared = commonprefix([tok, root])
            if len(shared) > 3:
                shared = shared[:-1]
            if not (shared and all(key.startswith(shared) for key in keys)):
                shared = commonprefix(list(keys))
            if shared:
                options.append([(shared + "*", frozenset(keys))])
            else:
                options.append([(key, None) for key in sorted(keys)])
        if prod(map(len, options)) > STEM_SEQUENCES_PER_ENTRY:
            return None, None, None
        for combination in product(*options):
            sequences.append(tuple(t for t, _ in combination))
            allowed.append(tuple(a for _, a in combination))
            owner.append(e)
    return sequences, allowed, np.array(owner, dtype=np.int64)
