"""The counting engine: every hit of a lexicon in the articles, and per-article token totals.

The rules are those of :mod:`framing.tokens` and DESIGN.md §3:

* an entry matches consecutive word tokens, compared lower-cased after NFKC (so punctuation
  between the words of a phrase does not matter: "zone, of responsibility" matches
  "zone of responsibility");
* ``*`` in an entry matches any run of characters inside one token, ``?`` exactly one;
* within one frame a token is counted at most once: the longest match (in tokens) wins, and
  between equally long overlapping matches the earlier one (then the entry listed first);
* frames are counted independently of each other;
* ``match="stem"`` compares Snowball stems, with the stemmer of each article's ``lang``.

How it is fast without one row per token: the texts are tokenized once into lists of token
keys; every entry token is expanded against the *vocabulary* of the batch once (globs and
stems cost grows with the vocabulary, not the text); then candidate positions are found by
set look-ups and only the rare candidates are checked token by token.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import warnings
from collections.abc import Iterable

import numpy as np
import pandas as pd

from ._errors import FramingError, FramingWarning, check_columns, choices_error
from .tokens import TOKEN_PATTERN, language_name, sentence_index, stemmer

__all__ = ["find_hits", "token_counts", "HITS_COLUMNS", "corpus_hash"]

HITS_COLUMNS = ["article_id", "frame", "entry", "match", "start", "end", "token", "sentence"]
_TOKEN_RE = re.compile(TOKEN_PATTERN)
_MATCH_MODES = ("exact", "stem")


def _keys(text: str, *, case_sensitive: bool) -> list[str]:
    """The token keys of ``text``: NFKC, lower-cased unless case-sensitive."""
    folded = text if case_sensitive else text.lower()
    if len(folded) == len(text):
        keys = _TOKEN_RE.findall(folded)
        if not folded.isascii():
            keys = [k if k.isascii() else unicodedata.normalize("NFKC", k) for k in keys]
            if not case_sensitive:
                keys = [k if k.isascii() else k.lower() for k in keys]
        return keys
    # Rare: lower-casing changed the length (e.g. "İ"); fold token by token instead.
    keys = []
    for tok in _TOKEN_RE.findall(text):
        tok = unicodedata.normalize("NFKC", tok) if not tok.isascii() else tok
        keys.append(tok if case_sensitive else tok.lower())
    return keys


def _texts(articles: pd.DataFrame, function: str) -> list[str]:
    check_columns(
        articles,
        ["article_id", "text"],
        table="articles",
        function=function,
        hint="Read articles with framing.read_articles, or pass columns={'body': 'text'} there.",
    )
    return [t if isinstance(t, str) else "" for t in articles["text"].tolist()]


def token_counts(articles: pd.DataFrame) -> pd.DataFrame:
    """The number of word tokens of each article, the denominator of every rate.

    Parameters
    ----------
    articles : DataFrame
        The articles table (``article_id``, ``text``).

    Returns
    -------
    DataFrame
        Columns ``article_id`` and ``n_tokens`` (int64), one row per article, in input order.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["The CSTO's crisis.", ""]})
    >>> token_counts(arts)
      article_id  n_tokens
    0          a         4
    1          b         0
    """
    texts = _texts(articles, "token_counts")
    n = np.fromiter((len(_TOKEN_RE.findall(t)) for t in texts), dtype=np.int64, count=len(texts))
    return pd.DataFrame({"article_id": articles["article_id"].to_numpy(), "n_tokens": n})


def corpus_hash(articles: pd.DataFrame) -> str:
    """A SHA-256 fingerprint of the articles' ids and texts, for provenance.

    Examples
    --------
    >>> import pandas as pd
    >>> len(corpus_hash(pd.DataFrame({"article_id": ["a"], "text": ["x"]})))
    64
    """
    h = hashlib.sha256()
    for aid, text in zip(
        articles["article_id"].tolist(), _texts(articles, "corpus_hash"), strict=True
    ):
        h.update(str(aid).encode("utf-8", "surrogatepass") + b"\x1f")
        h.update(text.encode("utf-8", "surrogatepass") + b"\x1e")
    return h.hexdigest()


_ENTRY_TOKEN_RE = re.compile(r"[\w*?]+")


def _entry_tokens(entry, case_sensitive: bool) -> tuple[str, ...]:
    """An entry's tokens as compared: the lexicon's lower-cased keys, or as written."""
    if not case_sensitive:
        return entry.tokens
    return tuple(_ENTRY_TOKEN_RE.findall(unicodedata.normalize("NFKC", entry.pattern)))


_WARNED_LANGUAGES: set[str] = set()


def _stem_function(language: str):
    """The Snowball stemmer's ``stem`` for a language, or None (exact matching) if there is none."""
    try:
        return stemmer(language).stem
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


class _Compiled:
    """A lexicon compiled against one vocabulary: allowed token keys for every entry token."""

    def __init__(self, entries, vocabulary: set[str], *, mode: str, language: str,
                 case_sensitive: bool):  # fmt: skip
        from .lexicon import glob_to_regex

        stem = _stem_function(language) if mode == "stem" else None
        by_stem: dict[str, set[str]] = {}
        if stem is not None:
            for word in vocabulary:
                by_stem.setdefault(stem(word), set()).add(word)
        glob_cache: dict[str, frozenset[str]] = {}

        def allowed(tok: str) -> frozenset[str]:
            if "*" in tok or "?" in tok:
                if tok not in glob_cache:
                    rx = re.compile(glob_to_regex(tok))
                    glob_cache[tok] = frozenset(w for w in vocabulary if rx.fullmatch(w))
                return glob_cache[tok]
            if stem is not None:
                return frozenset(by_stem.get(stem(tok), ()) | {tok})
            return frozenset((tok,))

        self.entries = list(entries)
        self.slots = [
            tuple(allowed(t) for t in _entry_tokens(e, case_sensitive)) for e in self.entries
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


def find_hits(
    articles: pd.DataFrame,
    lexicon,
    *,
    match: str = "exact",
    case_sensitive: bool = False,
    sentences: bool = True,
) -> pd.DataFrame:
    """Find every hit of a lexicon in the articles.

    Parameters
    ----------
    articles : DataFrame
        The articles table (``article_id``, ``text``; ``lang`` is used for stems and sentences).
    lexicon : Lexicon or dict
        A :class:`framing.Lexicon`, or a ``{frame: [entries]}`` dict.
    match : {"exact", "stem"}
        ``"stem"`` compares Snowball stems of words (globs still match surface forms).
    case_sensitive : bool
        Compare tokens without lower-casing.
    sentences : bool
        Fill the ``sentence`` column (NLTK Punkt; ``-1`` when False, which is faster).

    Returns
    -------
    DataFrame
        The hits table, one row per hit: ``article_id``, ``frame``, ``entry`` (the lexicon entry
        that matched), ``match`` (the text as written), ``start``/``end`` (character offsets into
        the article's text), ``token`` (index of the first word token), ``sentence`` (index).
        Ordered by article, then offset, then frame. ``attrs`` carries the frames, the lexicon
        hash and the parameters for provenance.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["A security threat. Threats grew."]})
    >>> find_hits(arts, {"threat": ["security threat", "threat*"]})[["entry", "match", "token"]]
                 entry            match  token
    0  security threat  security threat      1
    1          threat*          Threats      3
    """
    from .lexicon import Lexicon

    if isinstance(lexicon, dict):
        lexicon = Lexicon.from_dict(lexicon)
    if not isinstance(lexicon, Lexicon):
        raise FramingError(
            f"expected a Lexicon or a dict of frame -> entries, got {type(lexicon).__name__}",
            where="find_hits(lexicon=...)",
            fix="Load one with framing.read_lexicon(path) or framing.load_lexicon('security').",
        )
    if match not in _MATCH_MODES:
        raise choices_error("find_hits(match=...)", match, _MATCH_MODES)
    if "frame" in articles.columns and "text" not in articles.columns:
        raise FramingError(
            "find_hits needs the articles table; you passed a hits or counts table",
            where="find_hits",
        )
    texts = _texts(articles, "find_hits")
    ids = articles["article_id"].tolist()
    if "lang" in articles.columns:
        langs = [language_name(x) for x in articles["lang"].tolist()]
    else:
        langs = ["english"] * len(texts)

    entries = list(lexicon.entries)
    frame_names = list(lexicon.frame_names)
    frame_pos = {f: i for i, f in enumerate(frame_names)}
    frame_of = [frame_pos[e.frame] for e in entries]
    all_keys = [_keys(t, case_sensitive=case_sensitive) for t in texts]

    rows: list[tuple] = []
    groups = _language_groups(langs) if match == "stem" else {"english": range(len(texts))}
    for language, idx in groups.items():
        vocabulary: set[str] = set()
        for i in idx:
            vocabulary.update(all_keys[i])
        compiled = _Compiled(
            entries, vocabulary, mode=match, language=language, case_sensitive=case_sensitive
        )
        for i in idx:
            keys = all_keys[i]
            if compiled.first_keys.isdisjoint(keys):
                continue
            found = _frame_hits(keys, compiled, frame_of)
            if not found:
                continue
            text = texts[i]
            spans = [m.span() for m in _TOKEN_RE.finditer(text)]
            found.sort(key=lambda h: (h[2], h[0]))
            starts = [spans[tok][0] for _, _, tok, _ in found]
            sent = (
                sentence_index(text, starts, language=langs[i]) if sentences else [-1] * len(found)
            )
            for (f, e, tok, n), s_idx in zip(found, sent, strict=True):
                start, end = spans[tok][0], spans[tok + n - 1][1]
                rows.append(
                    (i, ids[i], frame_names[f], entries[e].pattern, text[start:end], start, end,
                     tok, s_idx)
                )  # fmt: skip
    rows.sort(key=lambda r: (r[0], r[5], frame_pos[r[2]]))
    hits = pd.DataFrame([r[1:] for r in rows], columns=HITS_COLUMNS)
    hits = hits.astype({"start": "int64", "end": "int64", "token": "int64", "sentence": "int64"})
    for col in ("article_id", "frame", "entry", "match"):
        hits[col] = hits[col].astype(object)
    hits.attrs.update(
        frames=frame_names,
        lexicon_name=lexicon.name,
        lexicon_hash=lexicon.hash,
        parameters={"match": match, "case_sensitive": case_sensitive},
    )
    return hits


def _language_groups(langs: Iterable[str]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for i, lang in enumerate(langs):
        groups.setdefault(lang, []).append(i)
    return dict(sorted(groups.items()))
