"""The counting engine: every hit of a lexicon in the articles, and per-article token totals.

The rules are those of :mod:`framing.tokens` and DESIGN.md §3:

* an entry matches consecutive word tokens, compared lower-cased after NFKC (so punctuation
  between the words of a phrase does not matter: "zone, of responsibility" matches
  "zone of responsibility");
* ``*`` in an entry matches any run of characters inside one token, ``?`` exactly one;
* within one frame a token is counted at most once: the longest match (in tokens) wins, and
  between equally long overlapping matches the earlier one (then the entry listed first);
* a frame's *exclusions* (e.g. "collective security treaty organization" in a frame that counts
  "security") take part in that contest and win ties; the tokens they cover give no hit;
* frames are counted independently of each other;
* ``match="stem"`` compares Snowball stems, with the stemmer of each article's ``lang``.

Engines (``engine=``), all giving exactly the same hits and totals:

* ``"hyperscan"``: one scan of each batch of articles (joined as UTF-8 bytes, straight from
  the Arrow buffers of a pandas ``str`` column) with a database of all entries, each compiled
  to a pattern that accepts a superset of its matches; every report is then checked exactly on
  the token keys, with NumPy or, for the rare other candidates, in Python (see
  :mod:`framing._hyperscan`). Token totals are counted with NumPy over the UTF-8 bytes. The
  few articles it cannot take exactly (a word character whose NFKC form holds a non-word
  character, such as "½", composing Hangul jamo, or "İ") are counted with the ``"python"``
  engine. With ``match="stem"``, each language's articles are scanned for the words of
  their vocabulary whose stem is an entry word's (searched by a prefix of the entry word,
  then checked against those words), at a third to a half of the speed of exact matching.
  The compiled database is cached for the process.
* ``"python"`` (portable): the texts are tokenized once into lists of token keys; every entry
  token is expanded against the *vocabulary* of the batch once (globs and stems cost grows
  with the vocabulary, not the text); then candidate positions are found by set look-ups and
  only the rare candidates are checked token by token.
* ``"reference"``: the rules written out plainly (every entry tried at every token of every
  article); slow, for tests.
* ``"auto"`` (default): ``"hyperscan"`` when the package is installed, else ``"python"``
  (with one warning per process).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import warnings
import weakref
from bisect import bisect_left
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache
from itertools import islice

import numpy as np
import pandas as pd

from .._errors import (
    FramingError,
    FramingWarning,
    MissingDependencyError,
    check_columns,
    choices_error,
)
from ..tokens import TOKEN_PATTERN, language_name, sentence_index, stemmer, token_key

__all__ = ["find_hits", "token_counts", "HITS_COLUMNS", "corpus_hash"]

HITS_COLUMNS = ["article_id", "frame", "entry", "match", "start", "end", "token", "sentence"]
_TOKEN_RE = re.compile(TOKEN_PATTERN)
_MATCH_MODES = ("exact", "stem")
#: The engines of :func:`find_hits` and :func:`token_counts`.
ENGINES = ("auto", "hyperscan", "python", "reference")


def _keys(text: str, *, case_sensitive: bool) -> list[str]:
    """The token keys of ``text``: :func:`framing.tokens.token_key` of every word token."""
    if text.isascii():
        return _TOKEN_RE.findall(text if case_sensitive else text.lower())
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
            return _TOKEN_RE.findall(folded)
    if case_sensitive:
        return [
            t if t.isascii() else token_key(t, case_sensitive=True) for t in _TOKEN_RE.findall(text)
        ]
    return [t.lower() if t.isascii() else token_key(t) for t in _TOKEN_RE.findall(text)]


def _texts(articles: pd.DataFrame, function: str) -> list[str]:
    check_columns(
        articles,
        ["article_id", "text"],
        table="articles",
        function=function,
        hint="Read articles with framing.read_articles, or pass columns={'body': 'text'} there.",
    )
    return [t if isinstance(t, str) else "" for t in articles["text"].tolist()]


#: token totals found while scanning, by the id of the Arrow data scanned (while it lives)
_TOTALS: dict[int, tuple] = {}
#: the vocabularies of ``match="stem"``, by the id of the Arrow data and the case rule (while
#: the data lives), when they have at most :data:`VOCABULARY_MEMO_WORDS` words
_VOCABULARIES: dict[tuple[int, bool], tuple] = {}
#: A vocabulary of up to this many words (about 80 MB) is remembered for the next
#: ``find_hits(match="stem")`` on the same articles: another lexicon does not tokenize them
#: again (Reuters-21578: 0.23 s of a 0.5-0.7 s call).
VOCABULARY_MEMO_WORDS = 1_000_000


class _TextColumn:
    """The articles' texts: a pyarrow array when the column is Arrow-backed, else a list of str.

    Missing texts read as "". Indexing gives one text as str (fetched from Arrow on demand).
    """

    def __init__(self, articles: pd.DataFrame, function: str):
        check_columns(
            articles,
            ["article_id", "text"],
            table="articles",
            function=function,
            hint="Read articles with framing.read_articles, or pass columns={'body': 'text'} there.",
        )
        column = articles["text"]
        self.arrow = _arrow_strings(column)
        self._list = None if self.arrow is not None else _texts(articles, function)
        self._cache: dict[int, str] = {}
        # The immutable Arrow data behind the column (pandas keeps it while the column is
        # unchanged): the key under which the token totals of a scan are remembered.
        self._data = getattr(column.array, "_pa_array", None) if self.arrow is not None else None

    def _recall(self, memo: dict, key):
        """What ``memo`` holds under ``key`` for this very Arrow data, or None."""
        if self._data is None:
            return None
        ref, value = memo.get(key, (None, None))
        return value if ref is not None and ref() is self._data else None

    def _remember(self, memo: dict, key, value) -> None:
        """Keep ``value`` in ``memo`` under ``key`` while this Arrow data lives."""
        if self._data is None:
            return
        try:
            ref = weakref.ref(self._data, lambda _, key=key: memo.pop(key, None))
        except TypeError:  # not weak-referenceable: nothing is remembered
            return
        memo[key] = (ref, value)

    def known_totals(self) -> np.ndarray | None:
        """The token totals of these texts if a scan of the same Arrow data found them."""
        return self._recall(_TOTALS, id(self._data))

    def remember_totals(self, totals: np.ndarray) -> None:
        totals.setflags(write=False)
        self._remember(_TOTALS, id(self._data), totals)

    def vocabulary(self, case_sensitive: bool) -> frozenset[str]:
        """The token keys of all texts (:func:`framing._hyperscan.vocabulary`), remembered
        for the same Arrow data (up to :data:`VOCABULARY_MEMO_WORDS` words)."""
        from ._hyperscan import vocabulary

        key = (id(self._data), case_sensitive)
        words = self._recall(_VOCABULARIES, key)
        if words is None:
            words = frozenset(vocabulary(self.fast(), case_sensitive=case_sensitive))
            if len(words) <= VOCABULARY_MEMO_WORDS:
                self._remember(_VOCABULARIES, key, words)
        return words

    def __len__(self) -> int:
        return len(self._list) if self._list is not None else len(self.arrow)

    def __getitem__(self, i: int) -> str:
        if self._list is not None:
            return self._list[i]
        text = self._cache.get(i)
        if text is None:
            text = self._cache[i] = self.arrow[i].as_py()
        return text

    def n_chars(self) -> int:
        """The number of characters of all texts together."""
        if self._list is not None:
            return sum(map(len, self._list))
        import pyarrow.compute as pc

        return int(pc.sum(pc.utf8_length(self.arrow)).as_py() or 0)

    def n_tokens(self) -> int:
        """The number of word tokens of all texts together."""
        from ._hyperscan import token_totals

        known = self.known_totals()
        return int((known if known is not None else token_totals(self.fast())).sum())

    def tolist(self) -> list[str]:
        if self._list is None:
            self._list = self.arrow.to_pylist()
        return self._list

    def fast(self):
        """What the byte-level engine reads: the Arrow array, else the list."""
        return self.arrow if self.arrow is not None else self._list


def _arrow_strings(column: pd.Series):
    """The column as a pyarrow large_string array without nulls, or None if not Arrow-backed."""
    dtype = column.dtype
    arrow_backed = isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"
    if isinstance(dtype, pd.ArrowDtype):
        arrow_backed = str(dtype.pyarrow_dtype) in ("string", "large_string")
    if not arrow_backed:
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    array = pa.array(column.array)  # zero-copy; may be chunked
    if isinstance(array, pa.ChunkedArray) and array.num_chunks == 1:
        array = array.chunk(0)
    if array.type != pa.large_string():
        array = array.cast(pa.large_string())
    return pc.fill_null(array, "") if array.null_count else array


_FALLBACK_WARNED = False


def _choose_engine(engine, function: str) -> str:
    """Validate ``engine=`` and resolve ``"auto"``: hyperscan when importable, else python."""
    if not isinstance(engine, str) or engine not in ENGINES:
        raise choices_error(f"{function}(engine=...)", engine, ENGINES)
    if engine not in ("auto", "hyperscan"):
        return engine
    from . import _hyperscan

    if _hyperscan.available():
        return "hyperscan"
    if engine == "hyperscan":
        raise MissingDependencyError(
            f"{function}(engine='hyperscan') needs the package 'hyperscan', which is not installed",
            fix="Install it with: pip install hyperscan (or pass engine='python').",
        )
    global _FALLBACK_WARNED
    if not _FALLBACK_WARNED:
        _FALLBACK_WARNED = True
        warnings.warn(
            "the package 'hyperscan' is not installed, so framing counts with its portable "
            "engine (same results, several times slower). Install it with: pip install "
            "hyperscan, or pass engine='python' to silence this warning.",
            FramingWarning,
            stacklevel=3,
        )
    return "python"


def token_counts(articles: pd.DataFrame, *, engine: str = "auto") -> pd.DataFrame:
    """The number of word tokens of each article, the denominator of every rate.

    Parameters
    ----------
    articles : DataFrame
        The articles table (``article_id``, ``text``).
    engine : {"auto", "hyperscan", "python", "reference"}
        ``"auto"`` and ``"hyperscan"`` count with NumPy over the UTF-8 bytes (hyperscan itself
        is not needed for this); ``"python"`` and ``"reference"`` with ``re``. The numbers are
        the same: ``len(re.findall(r"\\w+", text))``.

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
    if not isinstance(engine, str) or engine not in ENGINES:
        raise choices_error("token_counts(engine=...)", engine, ENGINES)
    if engine in ("auto", "hyperscan"):
        from ._hyperscan import token_totals

        texts = _TextColumn(articles, "token_counts")
        n = texts.known_totals()  # find_hits on the same texts counted them
        if n is None:
            n = token_totals(texts.fast())
            texts.remember_totals(n)
        n = n.copy()
    else:
        texts = _texts(articles, "token_counts")
        n = np.fromiter(
            (len(_TOKEN_RE.findall(t)) for t in texts), dtype=np.int64, count=len(texts)
        )
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

#: Snowball stems kept, up to this many words per language (about 100 MB at most):
#: ``find_hits(match="stem")`` with another lexicon on the same articles does not stem their
#: vocabulary again (NLTK's Snowball takes about 40 microseconds a word).
STEM_MEMO_WORDS = 500_000
_STEM_MEMO: dict[str, dict[str, str]] = {}


def _stem_function(language: str):
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


def _words_by_stem(vocabulary: AbstractSet[str], stem, wanted: set[str] | None = None):
    """The words of ``vocabulary`` by their stem (only the stems ``wanted``, if given)."""
    words = list(vocabulary)
    by_stem: dict[str, set[str]] = {}
    for word, s in zip(words, stem.many(words), strict=True):
        if wanted is None or s in wanted:
            by_stem.setdefault(s, set()).add(word)
    return by_stem


class _Compiled:
    """A lexicon compiled against one vocabulary: allowed token keys for every entry token."""

    def __init__(self, entries, vocabulary: set[str], *, mode: str, language: str,
                 case_sensitive: bool):  # fmt: skip
        from ..lexicon import glob_to_regex

        stem = _stem_function(language) if mode == "stem" else None
        by_stem = _words_by_stem(vocabulary, stem) if stem is not None else {}
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


def find_hits(
    articles: pd.DataFrame,
    lexicon,
    *,
    match: str = "exact",
    case_sensitive: bool = False,
    sentences: bool = True,
    engine: str = "auto",
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
    engine : {"auto", "hyperscan", "python", "reference"}
        How to count; every engine gives the same table (see the module documentation).
        ``"auto"`` uses hyperscan when it is installed, else the portable ``"python"`` engine
        (and warns once). ``"reference"`` is the plain, slow reading of the rules.

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
    >>> find_hits(arts, {"threat": ["threat*"]}, engine="reference")["match"].tolist()
    ['threat', 'Threats']
    """
    from ..lexicon import Lexicon

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
    engine = _choose_engine(engine, "find_hits")
    texts = _TextColumn(articles, "find_hits")
    if engine != "hyperscan":
        texts = texts.tolist()
    ids = articles["article_id"].tolist()
    if "lang" in articles.columns:
        names: dict = {}  # few distinct values: one lookup each
        langs = [
            names[x] if x in names else names.setdefault(x, language_name(x))
            for x in articles["lang"].tolist()
        ]
    else:
        langs = ["english"] * len(texts)

    # Exclusions come first, so that they win ties; their matches take tokens but give no hit.
    exclusions = [e for f in lexicon.frame_names for e in _exclusions(lexicon).get(f, ())]
    entries = exclusions + list(lexicon.entries)
    n_excluded = len(exclusions)
    frame_names = list(lexicon.frame_names)
    frame_pos = {f: i for i, f in enumerate(frame_names)}
    frame_of = [frame_pos[e.frame] for e in entries]

    options = {"match": match, "case_sensitive": case_sensitive}
    if engine == "reference":
        found = _as_arrays(_reference_hits(texts, langs, entries, frame_of, **options), texts)
    elif engine == "python":
        found = _as_arrays(
            _python_hits(texts, langs, range(len(texts)), entries, frame_of, **options), texts
        )
    else:
        found = _hyperscan_hits(texts, langs, entries, frame_of, **options)
    hits = _hits_table(found, texts, ids, langs, entries, frame_names, n_excluded, sentences)
    hits.attrs.update(
        frames=frame_names,
        lexicon_name=lexicon.name,
        lexicon_hash=lexicon.hash,
        parameters={"match": match, "case_sensitive": case_sensitive},
    )
    _warn_broad_globs(hits, lexicon, texts)
    return hits


#: a glob entry that matches more than this share of all word tokens gets a warning ...
BROAD_GLOB_SHARE = 0.05
#: ... in a batch of at least this many words (in a few sentences any glob is a large share)
BROAD_GLOB_MIN_WORDS = 5_000


def _warn_broad_globs(hits: pd.DataFrame, lexicon, texts) -> None:
    """Warn about glob entries that match a large share of all words (``a*``, ``*e*``).

    A framing term is rarely above 1% of the words of news text; a glob above 5% almost
    certainly matches far more than was meant, and would dominate every rate.
    """
    globs = {e.pattern for e in lexicon.entries if e.is_glob}
    if not globs or hits.empty:
        return
    if isinstance(texts, _TextColumn):
        n_chars, n_tokens = texts.n_chars(), texts.n_tokens
    else:
        n_chars = sum(map(len, texts))

        def n_tokens():
            return sum(len(_TOKEN_RE.findall(t)) for t in texts)

    rough_total = n_chars / 5  # an upper bound of the word count of news text
    if len(hits) <= BROAD_GLOB_SHARE * rough_total * 0.5:
        return  # too few hits in all for any glob to be a suspect
    per_entry = hits.loc[hits["entry"].isin(globs), "entry"].value_counts()
    suspects = per_entry[per_entry > BROAD_GLOB_SHARE * rough_total * 0.5]
    if suspects.empty or rough_total < BROAD_GLOB_MIN_WORDS:
        return
    total = n_tokens()
    if total < BROAD_GLOB_MIN_WORDS:
        return
    source = lexicon.meta.get("source")
    where = f"lexicon {lexicon.name!r}" + (f" ({source})" if source else "")
    for entry, n in suspects.items():
        if total and n / total > BROAD_GLOB_SHARE:
            frames = sorted({e.frame for e in lexicon.entries if e.pattern == entry})
            warnings.warn(
                f"{where}, frame {', '.join(map(repr, frames))}: the glob {entry!r} matched "
                f"{n / total:.0%} of all words ({n:,} of {total:,}); a framing term is rarely above "
                "1%. Make it more specific (a longer stem) and check its hits with framing.kwic.",
                FramingWarning,
                stacklevel=3,
            )


_FOUND = ("article", "frame", "entry", "token", "start", "end")


def _as_arrays(found: list[tuple[int, int, int, int, int, int]], texts) -> dict[str, np.ndarray]:
    """Hits as tuples ``(article, frame, entry, token, start, end)`` -> parallel int64 arrays,
    and ``match``, the text matched."""
    columns = np.array(found, dtype=np.int64).reshape(-1, len(_FOUND))
    out = {name: columns[:, k] for k, name in enumerate(_FOUND)}
    out["match"] = _objects([texts[h[0]][h[4] : h[5]] for h in found])
    return out


def _hits_table(found, texts, ids, langs, entries, frame_names, n_excluded, sentences):
    """The hits table from the resolved hits (exclusions give no hit), in article/offset order."""
    keep = found["entry"] >= n_excluded
    art, frame, entry, tok, start, end, match = (found[k][keep] for k in (*_FOUND, "match"))
    order = np.lexsort((frame, start, art))
    art, frame, entry, tok, start, end, match = (
        x[order] for x in (art, frame, entry, tok, start, end, match)
    )
    arts, starts = art.tolist(), start.tolist()
    sentence = np.full(len(arts), -1, dtype=np.int64)
    if sentences and arts:
        bounds = np.flatnonzero(np.diff(art)) + 1
        for lo, hi in zip([0, *bounds.tolist()], [*bounds.tolist(), len(arts)], strict=True):
            i = arts[lo]
            sentence[lo:hi] = sentence_index(texts[i], starts[lo:hi], language=langs[i])
    columns = {
        "article_id": _take(ids, art),
        "frame": _take(frame_names, frame),
        "entry": _take([e.pattern for e in entries], entry),
        "match": match,
        "start": start,
        "end": end,
        "token": tok,
        "sentence": sentence,
    }
    # object columns stay object (no str inference), as every engine has always returned
    return pd.DataFrame(
        {k: pd.Series(v, dtype=v.dtype, copy=False) for k, v in columns.items()},
        columns=HITS_COLUMNS,
    )


def _objects(values: list) -> np.ndarray:
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _take(values: list, index: np.ndarray) -> np.ndarray:
    return _objects(values)[index] if len(values) else np.empty(0, dtype=object)


def _python_hits(texts, langs, idx, entries, frame_of, *, match: str, case_sensitive: bool):
    """The portable engine on the articles ``idx``: ``(i, frame, entry, token, start, end)``."""
    all_keys = {i: _keys(texts[i], case_sensitive=case_sensitive) for i in idx}
    if match == "stem":
        groups = _language_groups([langs[i] for i in idx], list(idx))
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
            spans = [m.span() for m in islice(_TOKEN_RE.finditer(texts[i]), last)]
            for f, e, tok, n in found:
                out.append((i, f, e, tok, spans[tok][0], spans[tok + n - 1][1]))
    return out


#: With ``match="stem"``, an entry whose words have so many forms in the articles that it
#: would become more than this many token sequences (a phrase of three words with ten forms
#: each is 1,000) is matched by the portable engine, with the rest of its language's articles.
STEM_SEQUENCES_PER_ENTRY = 1_000


def _hyperscan_hits(texts, langs, entries, frame_of, *, match: str, case_sensitive: bool):
    """The hyperscan engine; texts it cannot take exactly go to the python engine."""
    from ._hyperscan import find_candidates

    totals = np.zeros(len(texts), dtype=np.int64)
    if match == "stem":
        cand, rest = _stem_candidates(texts, langs, entries, case_sensitive, totals)
    else:
        cand, rest = find_candidates(
            texts.fast(),
            [_entry_tokens(e, case_sensitive) for e in entries],
            case_sensitive=case_sensitive,
            totals=totals,
        )
    texts.remember_totals(totals)  # for token_counts on the same texts
    frame_of = np.asarray(frame_of, dtype=np.int64)
    art, entry, tok, n = cand["text"], cand["entry"], cand["token"], cand["n_tokens"]
    frame = frame_of[entry]
    order = np.lexsort((entry, tok, frame, art))
    art, frame, entry, tok, n = art[order], frame[order], entry[order], tok[order], n[order]
    start, end = cand["start"][order], cand["end"][order]

    # The overlap rule only matters inside runs of candidates of one frame that share tokens
    # (a candidate is only ever blocked by one it overlaps): resolve those runs alone.
    new_group = np.ones(art.size, dtype=bool)
    new_group[1:] = (art[1:] != art[:-1]) | (frame[1:] != frame[:-1])
    group = np.cumsum(new_group) - 1
    last = tok + n - 1
    width = int(last.max()) + 2 if last.size else 1
    reach = np.maximum.accumulate(group * width + last) - group * width
    new_run = new_group.copy()
    new_run[1:] |= tok[1:] > reach[:-1]
    run = np.cumsum(new_run) - 1
    alone = np.bincount(run)[run] == 1 if run.size else new_run
    columns = dict(zip(_FOUND, (art, frame, entry, tok, start, end), strict=True))
    columns["match"] = cand["match"][order]
    resolved = [{k: v[alone] for k, v in columns.items()}]
    if not alone.all():
        runs: dict[int, list[tuple[int, int, int]]] = {}
        row_of: dict[tuple[int, int], int] = {}
        for i in np.flatnonzero(~alone).tolist():
            e, t = int(entry[i]), int(tok[i])
            runs.setdefault(int(run[i]), []).append((-int(n[i]), t, e))
            row_of[int(run[i]), e, t] = i
        rows = [row_of[r, e, t] for r, cands in runs.items() for _, e, t, _ in _resolve({0: cands})]
        resolved.append({k: v[np.array(rows, dtype=np.int64)] for k, v in columns.items()})
    if rest:
        found = _python_hits(texts, langs, rest, entries, frame_of.tolist(), match=match,
                             case_sensitive=case_sensitive)  # fmt: skip
        resolved.append(_as_arrays(found, texts))
    return {k: np.concatenate([r[k] for r in resolved]) for k in columns}


def _stem_candidates(column, langs, entries, case_sensitive: bool, totals: np.ndarray):
    """:func:`framing._hyperscan.find_candidates` for ``match="stem"``, by language, on the
    texts of ``column`` (a :class:`_TextColumn`).

    The rule is that of the portable engine's :class:`_Compiled`: a word of an entry (not a
    glob) matches a token whose key is the word or has the word's stem. So each word becomes
    the set of those keys in the language's vocabulary (see :func:`_stem_sequences`), and
    the candidates are reported as the entry's. The texts of a language with an entry of
    more than :data:`STEM_SEQUENCES_PER_ENTRY` sequences are left to the caller.
    """
    from ._hyperscan import find_candidates, no_candidates, token_totals, vocabulary

    groups = _language_groups(langs, range(len(langs)))
    parts, rest = [], []
    for language, members in groups.items():
        index = np.array(members, dtype=np.int64)
        if len(groups) == 1:  # all the texts: their vocabulary may be remembered
            subset, words = column.fast(), column.vocabulary(case_sensitive)
        else:
            subset = _subset(column.fast(), members)
            words = vocabulary(subset, case_sensitive=case_sensitive)
        sequences, allowed, owner = _stem_sequences(entries, words, language, case_sensitive)
        if sequences is None:
            rest.extend(members)
            totals[index] = token_totals(subset)
            continue
        some = np.zeros(len(members), dtype=np.int64)
        cand, left = find_candidates(subset, sequences, case_sensitive=case_sensitive,
                                     totals=some, allowed=allowed)  # fmt: skip
        totals[index] = some
        cand["entry"] = owner[cand["entry"]]
        cand["text"] = index[cand["text"]]
        parts.append(cand)
        rest.extend(index[left].tolist())
    if not parts:
        return no_candidates(), sorted(rest)
    return {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}, sorted(rest)


def _subset(texts, members: list[int]):
    """The texts ``members`` of an Arrow array or a list."""
    if isinstance(texts, list):
        return [texts[i] for i in members]
    import pyarrow as pa

    return texts.take(pa.array(members, type=pa.int64()))


def _stem_sequences(entries, vocabulary: AbstractSet[str], language: str, case_sensitive: bool):
    """The entries for :func:`framing._hyperscan.find_candidates` under stems.

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
    from itertools import product
    from math import prod
    from os.path import commonprefix

    stem = _stem_function(language)
    by_stem: dict[str, set[str]] = {}
    if stem is not None:  # the vocabulary's words by stem, for the stems of entry words
        wanted = {
            stem(t)
            for entry in entries
            for t in _entry_tokens(entry, case_sensitive)
            if not ("*" in t or "?" in t)
        }
        by_stem = _words_by_stem(vocabulary, stem, wanted)
    sequences: list[tuple[str, ...]] = []
    allowed: list[tuple[frozenset[str] | None, ...]] = []
    owner: list[int] = []
    for e, entry in enumerate(entries):
        options = []  # per token: (searched as, allowed keys) pairs
        for tok in _entry_tokens(entry, case_sensitive):
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


@lru_cache(maxsize=4096)
def _glob(pattern: str) -> re.Pattern:
    from ..lexicon import glob_to_regex

    return re.compile(glob_to_regex(pattern))


def _token_matches(pattern: str, key: str, stem) -> bool:
    """The rule for one entry token against one token key (literal, glob or stem)."""
    if "*" in pattern or "?" in pattern:
        return _glob(pattern).fullmatch(key) is not None
    if stem is not None:
        return key == pattern or stem(key) == stem(pattern)
    return key == pattern


def _reference_hits(texts, langs, entries, frame_of, *, match: str, case_sensitive: bool):
    """The rules written out plainly: every entry at every token, then the overlap rule."""
    out = []
    for i, text in enumerate(texts):
        tokens = list(_TOKEN_RE.finditer(text))
        keys = [token_key(m.group(), case_sensitive=case_sensitive) for m in tokens]
        stem = _stem_function(langs[i]) if match == "stem" else None
        for f in sorted(set(frame_of)):
            candidates = []  # (n_tokens, first token, entry index)
            for e, entry in enumerate(entries):
                if frame_of[e] != f:
                    continue
                parts = _entry_tokens(entry, case_sensitive)
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


def _exclusions(lexicon) -> dict:
    """The lexicon's exclusions: frame -> entries whose matches are not counted in that frame."""
    return getattr(lexicon, "exclusions", None) or {}


def _language_groups(langs: Iterable[str], idx: Iterable[int]) -> dict[str, list[int]]:
    """Article indices ``idx`` grouped by their language ``langs`` (parallel), sorted by name."""
    groups: dict[str, list[int]] = {}
    for i, lang in zip(idx, langs, strict=True):
        groups.setdefault(lang, []).append(i)
    return dict(sorted(groups.items()))
