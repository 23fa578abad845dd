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
  :mod:`framing.match._hyperscan`). Token totals are counted with NumPy over the UTF-8 bytes
  (:mod:`framing.match._buffer`). The few articles it cannot take exactly (a word character
  whose NFKC form holds a non-word character, such as "½", composing Hangul jamo, or "İ") are
  counted with the ``"python"`` engine. With ``match="stem"``, each language's articles are
  scanned for the words of their vocabulary whose stem is an entry word's (searched by a
  prefix of the entry word, then checked against those words; :mod:`framing.match.stems`), at
  a third to a half of the speed of exact matching. The compiled database is cached for the
  process.
* ``"python"`` (portable, :mod:`framing.match.rules`): the texts are tokenized once into lists
  of token keys; every entry token is expanded against the *vocabulary* of the batch once
  (globs and stems cost grows with the vocabulary, not the text); then candidate positions
  are found by set look-ups and only the rare candidates are checked token by token.
* ``"reference"``: the rules written out plainly (every entry tried at every token of every
  article); slow, for tests.
* ``"auto"`` (default): ``"hyperscan"`` when the package is installed, else ``"python"``
  (with one warning per process).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .._errors import (
    FramingError,
    FramingWarning,
    MissingDependencyError,
    choices_error,
)
from .._tables import as_lexicon, check_articles, check_token_totals
from ..lexicon import Lexicon
from ..tokens import count_tokens, language_name, sentence_index
from . import _hyperscan
from ._buffer import token_totals
from .rules import (
    FOUND_FIELDS,
    TOKEN_RE,
    compared_tokens,
    found_arrays,
    object_array,
    python_hits,
    reference_hits,
    resolve_overlaps,
)
from .stems import stem_candidates
from .texts import TextColumn, nfkc_changed, nfkc_texts, original_offsets, refuse_dask

__all__ = ["find_hits", "token_counts", "article_token_totals", "HITS_COLUMNS", "ENGINES"]

HITS_COLUMNS = ["article_id", "frame", "entry", "match", "start", "end", "token", "sentence"]
_MATCH_MODES = ("exact", "stem")
#: The engines of :func:`find_hits` and :func:`token_counts`.
ENGINES = ("auto", "hyperscan", "python", "reference")


_FALLBACK_WARNED = False


def _choose_engine(engine, function: str) -> str:
    """Validate ``engine=`` and resolve ``"auto"``: hyperscan when importable, else python."""
    if not isinstance(engine, str) or engine not in ENGINES:
        raise choices_error(f"{function}(engine=...)", engine, ENGINES)
    if engine not in ("auto", "hyperscan"):
        return engine
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
    refuse_dask(articles, "token_counts")
    texts = TextColumn(articles, "token_counts")
    if engine in ("auto", "hyperscan"):
        n = token_totals(texts.fast())
    else:
        found = TOKEN_RE.findall
        n = np.fromiter((len(found(t)) for t in texts.tolist()), dtype=np.int64, count=len(texts))
    for i in nfkc_changed(texts):  # the others have the same tokens as their NFKC form
        n[i] = count_tokens(texts[i])
    return pd.DataFrame({"article_id": articles["article_id"].to_numpy(), "n_tokens": n})


def article_token_totals(
    articles: pd.DataFrame,
    token_totals: pd.DataFrame | None = None,
    *,
    function: str = "article_token_totals",
) -> np.ndarray:
    """The token total of each article, the denominator of the rates, from a visible value.

    Parameters
    ----------
    articles : DataFrame
        The articles table (``article_id``, and ``n_tokens`` or ``text``).
    token_totals : DataFrame, optional
        A :func:`token_counts` table (``article_id``, ``n_tokens``) covering the articles.
        Without it, the articles' ``n_tokens`` column is used (a missing value reads as 0),
        and without that column the totals are counted (:func:`token_counts`).
    function : str
        The public function asking, named in errors.

    Returns
    -------
    ndarray of int64
        One total per article, in the articles' order.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["Two words.", "One"]})
    >>> article_token_totals(arts).tolist()
    [2, 1]
    >>> article_token_totals(arts.assign(n_tokens=[5, None])).tolist()
    [5, 0]
    """
    if token_totals is not None:
        check_token_totals(token_totals, function)
        mapping = dict(zip(token_totals["article_id"], token_totals["n_tokens"], strict=True))
        values = articles["article_id"].map(mapping)
        if values.isna().any():
            raise FramingError(
                f"token_totals lacks {int(values.isna().sum())} of the articles",
                where=f"{function}(token_totals=...)",
                fix="Compute it with framing.token_counts(articles) on the same articles.",
            )
        return values.to_numpy(dtype="int64")
    if "n_tokens" in articles.columns:
        return articles["n_tokens"].fillna(0).to_numpy(dtype="int64")
    return token_counts(articles)["n_tokens"].to_numpy()


def find_hits(
    articles: pd.DataFrame,
    lexicon,
    *,
    match: str = "exact",
    case_sensitive: bool = False,
    sentences: bool = False,
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
        Fill the ``sentence`` column with the index of each hit's sentence in its article
        (NLTK Punkt, for the articles with hits). By default it holds ``-1``: sentences are
        split only where someone reads them (:func:`framing.kwic` numbers the sentences of
        the rows it returns).
    engine : {"auto", "hyperscan", "python", "reference"}
        How to count; every engine gives the same table (see the module documentation).
        ``"auto"`` uses hyperscan when it is installed, else the portable ``"python"`` engine
        (and warns once). ``"reference"`` is the plain, slow reading of the rules.

    Returns
    -------
    DataFrame
        The hits table, one row per hit: ``article_id``, ``frame``, ``entry`` (the lexicon entry
        that matched), ``match`` (the text as written), ``start``/``end`` (character offsets into
        the article's text), ``token`` (index of the first word token), ``sentence`` (index of
        the sentence with ``sentences=True``, else -1).
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
    >>> find_hits(arts, {"threat": ["threat*"]}, sentences=True)["sentence"].tolist()
    [0, 1]
    """
    refuse_dask(articles, "find_hits")
    check_articles(articles, "find_hits")
    lexicon = as_lexicon(lexicon, "find_hits")
    if match not in _MATCH_MODES:
        raise choices_error("find_hits(match=...)", match, _MATCH_MODES)
    engine = _choose_engine(engine, "find_hits")
    written = TextColumn(articles, "find_hits")
    texts, maps = nfkc_texts(written)
    if engine != "hyperscan":
        texts = texts.tolist()
    langs = _languages(articles)
    entries, frame_of, n_excluded = _entries(lexicon)
    options = {"match": match, "case_sensitive": case_sensitive}
    totals = None  # the token totals, when the engine counts them on the way
    if engine == "reference":
        found = found_arrays(reference_hits(texts, langs, entries, frame_of, **options), texts)
    elif engine == "python":
        found = found_arrays(
            python_hits(texts, langs, range(len(texts)), entries, frame_of, **options), texts
        )
    else:
        try:
            found, totals = _hyperscan_hits(texts, langs, entries, frame_of, **options)
        except _hyperscan.TooLarge:  # an entry longer than hyperscan takes: all on the portable
            texts = texts.tolist()
            found = found_arrays(
                python_hits(texts, langs, range(len(texts)), entries, frame_of, **options), texts
            )
    found = original_offsets(found, maps, written)
    hits = _hits_table(found, written, articles["article_id"].tolist(), langs, entries,
                       list(lexicon.frame_names), n_excluded, sentences)  # fmt: skip
    hits.attrs.update(
        frames=list(lexicon.frame_names),
        lexicon_name=lexicon.name,
        lexicon_hash=lexicon.hash,
        lexicon_version=lexicon.meta.get("version"),
        parameters=dict(options),
    )
    _warn_broad_globs(hits, lexicon, texts, totals)
    return hits


def _languages(articles: pd.DataFrame) -> list[str]:
    """The NLTK language name of each article (``lang``; English without the column)."""
    if "lang" not in articles.columns:
        return ["english"] * len(articles)
    names: dict = {}  # few distinct values: one lookup each
    return [
        names[x] if x in names else names.setdefault(x, language_name(x))
        for x in articles["lang"].tolist()
    ]


def _entries(lexicon: Lexicon) -> tuple[list, list[int], int]:
    """The entries as matched, the frame of each and the number of exclusions.

    The exclusions come first, so that they win ties; their matches take tokens but give no
    hit. The frame of an entry is its index in ``lexicon.frame_names``.
    """
    exclusions = [e for f in lexicon.frame_names for e in _exclusions(lexicon).get(f, ())]
    entries = exclusions + list(lexicon.entries)
    frame_pos = {f: i for i, f in enumerate(lexicon.frame_names)}
    return entries, [frame_pos[e.frame] for e in entries], len(exclusions)


#: a glob entry that matches more than this share of all word tokens gets a warning ...
BROAD_GLOB_SHARE = 0.05
#: ... in a batch of at least this many words (in a few sentences any glob is a large share)
BROAD_GLOB_MIN_WORDS = 5_000


def _warn_broad_globs(hits: pd.DataFrame, lexicon, texts, totals: np.ndarray | None) -> None:
    """Warn about glob entries that match a large share of all words (``a*``, ``*e*``).

    A framing term is rarely above 1% of the words of news text; a glob above 5% almost
    certainly matches far more than was meant, and would dominate every rate.
    """
    globs = {e.pattern for e in lexicon.entries if e.is_glob}
    if not globs or hits.empty:
        return
    n_chars = texts.n_chars() if isinstance(texts, TextColumn) else sum(map(len, texts))
    rough_total = n_chars / 5  # an upper bound of the word count of news text
    if len(hits) <= BROAD_GLOB_SHARE * rough_total * 0.5:
        return  # too few hits in all for any glob to be a suspect
    per_entry = hits.loc[hits["entry"].isin(globs), "entry"].value_counts()
    suspects = per_entry[per_entry > BROAD_GLOB_SHARE * rough_total * 0.5]
    if suspects.empty or rough_total < BROAD_GLOB_MIN_WORDS:
        return
    if totals is not None:
        total = int(totals.sum())
    else:
        total = sum(len(TOKEN_RE.findall(t)) for t in texts)
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


def _hits_table(found, texts, ids, langs, entries, frame_names, n_excluded, sentences):
    """The hits table from the resolved hits (exclusions give no hit), in article/offset order."""
    keep = np.flatnonzero(found["entry"] >= n_excluded)
    take = keep[np.lexsort((found["frame"][keep], found["start"][keep], found["article"][keep]))]
    art, frame, entry, tok, start, end, match = (found[k][take] for k in (*FOUND_FIELDS, "match"))
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


def _take(values: list, index: np.ndarray) -> np.ndarray:
    return object_array(values)[index] if len(values) else np.empty(0, dtype=object)


def _hyperscan_hits(texts, langs, entries, frame_of, *, match: str, case_sensitive: bool):
    """The hyperscan engine: the found hits and the token totals of the texts (counted on the
    way). Texts it cannot take exactly go to the python engine."""
    tokens = [compared_tokens(e, case_sensitive) for e in entries]
    totals = np.zeros(len(texts), dtype=np.int64)
    if match == "stem":
        cand, rest = stem_candidates(texts.fast(), langs, tokens, case_sensitive, totals)
    else:
        cand, rest = _hyperscan.find_candidates(
            texts.fast(), tokens, case_sensitive=case_sensitive, totals=totals
        )
    resolved = [resolve_overlaps(cand, np.asarray(frame_of, dtype=np.int64))]
    if rest:
        found = python_hits(texts, langs, rest, entries, frame_of, match=match,
                            case_sensitive=case_sensitive)  # fmt: skip
        resolved.append(found_arrays(found, texts))
    if len(resolved) == 1:
        return resolved[0], totals
    return {k: np.concatenate([r[k] for r in resolved]) for k in resolved[0]}, totals


def _exclusions(lexicon) -> dict:
    """The lexicon's exclusions: frame -> entries whose matches are not counted in that frame."""
    return getattr(lexicon, "exclusions", None) or {}
