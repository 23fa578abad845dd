"""Counting the words around hits, for :func:`framing.collocates`.

The corpus is read once into a stream of token ids (:func:`token_stream`): every article's
word tokens (:mod:`framing.tokens`: ``\\w+`` runs of the NFKC form, compared lower-cased),
one after another, with the article each belongs to. A hit covers the tokens from its
``token`` for as many tokens as its ``match`` has (the *node*); its window is the ``window``
tokens on each side inside its article. A token position in several windows counts once, and
node tokens are never in a window. Two-word phrases are two consecutive window tokens of one
article.

Each collocate's counts make a 2×2 table against the rest of the corpus, without the nodes:
``a`` occurrences in the windows of ``c`` window tokens against ``b`` in the other ``d``
tokens (for phrases: two-token positions); :mod:`framing.association` gives the statistics.
Everything is arrays of token ids: never one pandas row per token.
"""

from __future__ import annotations

import re
from itertools import chain

import numpy as np
import pandas as pd

from ._errors import FramingError, choices_error, missing_nltk_data
from ._tables import as_lexicon, check_hits
from .association import keyness_statistic, log_ratio
from .lexicon import Lexicon
from .match import find_hits
from .tokens import TOKEN_PATTERN, language_name, normalize, token_key

__all__ = [
    "token_stream", "node_positions", "window_positions", "collocate_table", "hit_lengths",
    "misplaced_hits", "node_tokens", "mark_entries", "count_collocates", "node_hits", "group_labels", "stop_words",
    "collocate_rows",
]  # fmt: skip

_TOKEN_RE = re.compile(TOKEN_PATTERN)


def token_stream(texts) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(token ids, first token of each article, vocabulary) of the texts, in order.

    ``offsets[i]`` is the position of article ``i``'s first token (``offsets[-1]`` the total).

    Examples
    --------
    >>> ids, offsets, vocab = token_stream(["A threat. THREATS", "a № 5"])
    >>> [vocab[i] for i in ids], offsets.tolist()
    (['a', 'threat', 'threats', 'a', 'no', '5'], [0, 3, 6])
    """
    found = [_TOKEN_RE.findall(normalize(t)) if isinstance(t, str) else [] for t in texts]
    lengths = np.fromiter((len(f) for f in found), dtype=np.int64, count=len(found))
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    raw, surface = pd.factorize(pd.Series(list(chain.from_iterable(found)), dtype=object))
    # lower-case the vocabulary, not the tokens: a few surface forms share one key
    keys, vocab = pd.factorize(pd.Series([token_key(s) for s in surface], dtype=object))
    ids = keys[raw] if len(raw) else np.zeros(0, dtype=np.int64)
    return ids.astype(np.int64), offsets, np.asarray(vocab, dtype=object)


def node_positions(rows, tokens, lengths, offsets) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(first, last + 1) positions in the stream of each hit, and the node positions.

    ``rows``: each hit's article position; ``tokens``: its first token in the article;
    ``lengths``: its number of tokens.
    """
    first = offsets[rows] + tokens
    stop = np.minimum(first + np.maximum(lengths, 1), offsets[rows + 1])
    return first, stop, _ranges(first, stop)


def _ranges(starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
    """The unique positions of all the ranges ``[start, stop)``."""
    sizes = np.maximum(stops - starts, 0)
    if not sizes.sum():
        return np.zeros(0, dtype=np.int64)
    base = np.repeat(starts - np.concatenate([[0], np.cumsum(sizes)[:-1]]), sizes)
    return np.unique(base + np.arange(int(sizes.sum())))


def window_positions(first, stop, rows, offsets, nodes, window: int) -> np.ndarray:
    """The unique token positions within ``window`` tokens of a hit, in its article, not nodes."""
    lo = np.maximum(first - window, offsets[rows])
    hi = np.minimum(stop + window, offsets[rows + 1])
    spots = np.union1d(_ranges(lo, first), _ranges(stop, hi))
    return np.setdiff1d(spots, nodes, assume_unique=True)


def collocate_table(ids, vocab, in_window, counted, pair_ok, *, phrases: bool):
    """Counts and statistics of the words (and two-word phrases) of the windows.

    ``in_window``: the window positions (a boolean mask over the stream); ``counted``: the
    positions of the corpus (or group) compared with, nodes left out; ``pair_ok``: where
    position ``i`` and ``i + 1`` are both counted and in one article.
    """
    tables = [_words(ids, vocab, in_window, counted)]
    if phrases and len(ids) > 1:
        tables.append(_phrases(ids, vocab, in_window, pair_ok))
    return pd.concat(tables, ignore_index=True)


def _words(ids, vocab, in_window, counted) -> pd.DataFrame:
    n_vocab = len(vocab)
    a = np.bincount(ids[in_window], minlength=n_vocab)
    total = np.bincount(ids[counted], minlength=n_vocab)
    c = int(in_window.sum())
    d = int(counted.sum()) - c
    keep = np.flatnonzero(a)
    return _stats(vocab[keep], 1, a[keep], total[keep], c, d)


def _phrases(ids, vocab, in_window, ok) -> pd.DataFrame:
    """Two-token phrases: both tokens in the windows of one article (or, for the reference,
    both outside the nodes in one article)."""
    both = ok & in_window[:-1] & in_window[1:]
    n_vocab = np.int64(len(vocab))
    pairs = ids[:-1] * n_vocab + ids[1:]
    found, a = np.unique(pairs[both], return_counts=True)
    if not len(found):
        return _stats(np.array([], dtype=object), 2, a, a, 1, 1)
    # the corpus counts of the phrases found in the windows only
    where = pd.Index(found).get_indexer(pairs[ok])
    total = np.bincount(where[where >= 0], minlength=len(found))
    c = int(both.sum())
    d = int(ok.sum()) - c
    words = [f"{vocab[x // n_vocab]} {vocab[x % n_vocab]}" for x in found.tolist()]
    return _stats(np.array(words, dtype=object), 2, a, total, c, d)


def _stats(terms, n_words: int, a, total, c: int, d: int) -> pd.DataFrame:
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(total, dtype=np.int64) - a
    g2, p = keyness_statistic("g2", a, b, c, max(d, 1))
    pmi, _ = keyness_statistic("pmi", a, b, c, max(d, 1))
    return pd.DataFrame({
        "collocate": terms, "n_words": np.full(len(a), n_words, dtype=np.int64),
        "n_window": a, "n_corpus": a + b, "g2": g2, "p_value": p, "pmi": pmi,
        "log_ratio": log_ratio(a, b, c, max(d, 1)),
    })  # fmt: skip


def hit_lengths(hits: pd.DataFrame, texts, rows) -> np.ndarray:
    """The number of word tokens of every hit (of its ``match``, else of its text span)."""
    if "match" in hits.columns:
        matches = hits["match"].tolist()
    else:
        starts, ends = hits["start"].to_numpy(), hits["end"].to_numpy()
        matches = [texts[r][s:e] for r, s, e in zip(rows, starts, ends, strict=True)]
    return np.fromiter(
        (len(_TOKEN_RE.findall(normalize(m))) if isinstance(m, str) else 1 for m in matches),
        dtype=np.int64,
        count=len(matches),
    )


def node_tokens(hits, ids, vocab, offsets, rows) -> np.ndarray:
    """Each hit's ``token``; a FramingError when some are not their match's first token."""
    tokens = pd.to_numeric(hits["token"], errors="coerce").fillna(-1).to_numpy(dtype="int64")
    wrong = misplaced_hits(hits, ids, vocab, offsets, rows, tokens)
    if len(wrong):
        i = int(wrong[0])
        raise FramingError(
            f"{len(wrong)} hits do not sit at their 'token' in the articles' texts (e.g. hit {i}, "
            f"{hits['match'].iloc[i]!r} in {hits['article_id'].iloc[i]!r})",
            where="collocates(terms=...)",
            fix="Pass hits that framing.find_hits found in these same articles.",
        )
    return tokens


def misplaced_hits(hits, ids, vocab, offsets, rows, tokens) -> np.ndarray:
    """Positions of the hits whose ``token`` is not their match's first token in the stream."""
    if "match" not in hits.columns or not len(rows):
        return np.zeros(0, dtype=np.int64)
    at = offsets[rows] + tokens
    inside = (tokens >= 0) & (at < offsets[rows + 1])
    first = [
        token_key(found[0]) if found else ""
        for found in (_TOKEN_RE.findall(normalize(m)) if isinstance(m, str) else []
                      for m in hits["match"].tolist())
    ]  # fmt: skip
    want = pd.Index(vocab).get_indexer(pd.Series(first, dtype=object))
    got = np.where(inside, ids[np.where(inside, at, 0)], -2)
    return np.flatnonzero(got != want)


def count_collocates(ids, offsets, vocab, rows, tokens, lengths, groups, *, window, phrases):
    """The collocate table of every group: ``groups`` labels each article (None: one group).

    Returns a list of (label, table) pairs, in the order of the labels' first articles.
    """
    first, stop, nodes = node_positions(rows, tokens, lengths, offsets)
    spots = window_positions(first, stop, rows, offsets, nodes, window)
    n = len(ids)
    in_window = np.zeros(n, dtype=bool)
    in_window[spots] = True
    counted = np.ones(n, dtype=bool)
    counted[nodes] = False
    article = np.repeat(np.arange(len(offsets) - 1), np.diff(offsets))
    same_article = article[:-1] == article[1:]
    if groups is None:
        pair_ok = same_article & counted[:-1] & counted[1:]
        return [(None, collocate_table(ids, vocab, in_window, counted, pair_ok, phrases=phrases))]
    codes, labels = pd.factorize(pd.Series(groups, dtype=object), use_na_sentinel=False)
    token_group = codes[article] if n else codes[:0]
    out = []
    for g, label in enumerate(labels):
        mine = token_group == g
        here = counted & mine
        pair_ok = same_article & here[:-1] & here[1:]
        table = collocate_table(ids, vocab, in_window & mine, here, pair_ok, phrases=phrases)
        out.append((label, table))
    return out


def node_hits(articles: pd.DataFrame, terms, frame) -> pd.DataFrame:
    """The hits whose words are the nodes: found for an entry, list or lexicon, or given."""
    if isinstance(terms, pd.DataFrame):
        check_hits(terms, "collocates", ("article_id", "token"), subject="collocates(terms=...)")
        hits = terms
    elif isinstance(terms, str | list | tuple):
        entries = [terms] if isinstance(terms, str) else list(terms)
        return find_hits(articles, {"collocates": entries})
    elif isinstance(terms, dict | Lexicon):
        lexicon = as_lexicon(terms, "collocates")
        names = list(lexicon.frame_names)
        if frame is None and len(names) > 1:
            raise FramingError(
                f"the lexicon has {len(names)} frames; say whose hits are the nodes",
                where="collocates(frame=...)",
                fix="Pass frame= one of: " + ", ".join(map(repr, names)) + ".",
            )
        hits = find_hits(articles, lexicon)
    else:
        raise FramingError(
            f"expected an entry, a list of entries, a lexicon or a hits table, got "
            f"{type(terms).__name__}",
            where="collocates(terms=...)",
            fix="Pass e.g. 'threat*', ['threat*', 'security threat'], or a lexicon with frame=.",
        )
    if frame is None:
        return hits
    known = sorted(hits["frame"].dropna().unique().tolist()) if "frame" in hits.columns else []
    if frame not in known:
        raise choices_error("collocates(frame=...)", frame, known)
    return hits[hits["frame"] == frame]


def group_labels(articles: pd.DataFrame, by) -> np.ndarray:
    if not isinstance(by, str) or by not in articles.columns:
        found = [c for c in articles.columns if c not in ("text", "article_id")]
        raise choices_error("collocates(by=...)", by, found)
    return articles[by].astype(object).where(articles[by].notna(), "").to_numpy()


def stop_words(stopwords) -> set:
    """The stop words as token keys: a language's NLTK list, or the words given."""
    if stopwords is None:
        return set()
    if isinstance(stopwords, str):
        from nltk.corpus import stopwords as nltk_stopwords

        try:
            words = nltk_stopwords.words(language_name(stopwords))
        except LookupError as exc:
            raise missing_nltk_data("corpora/stopwords", where="collocates(stopwords=...)") from exc
        except OSError as exc:
            raise FramingError(
                f"NLTK has no stop-word list for {stopwords!r}",
                where="collocates(stopwords=...)",
                fix="Pass a language NLTK lists (e.g. 'english', 'russian') or a list of words.",
            ) from exc
    else:
        words = list(stopwords)
    return {token_key(w) for w in words}


def collocate_rows(parts, by, min_count: int, stop: set) -> pd.DataFrame:
    """One table of the groups' collocates: frequent enough, stop words out, best first."""
    tables = []
    for label, table in parts:
        table = table[table["n_window"] >= min_count]
        if stop:
            words = table["collocate"].str.split(" ")
            table = table[~words.map(lambda ws: all(w in stop for w in ws))]
        if by is not None:
            table = table.assign(**{by: label})[[by, *table.columns]]
        tables.append(table.sort_values(["g2", "collocate"], ascending=[False, True]))
    out = pd.concat(tables, ignore_index=True)
    out["collocate"] = out["collocate"].astype(str)  # the same dtype, grouped or not
    return out


def mark_entries(table: pd.DataFrame, lexicon, *, new_only: bool) -> pd.DataFrame:
    """Add ``lexicon_entry``: the entry of ``lexicon`` that matches the whole collocate.

    The collocates are matched as tiny texts by :func:`framing.find_hits` (so globs, phrases
    and the overlap rule are the lexicon's own). ``new_only`` keeps the unmatched ones.

    Examples
    --------
    >>> table = pd.DataFrame({"collocate": ["threats", "grave", "security threat"]})
    >>> mark_entries(table, {"t": ["threat*", "security"]}, new_only=False)["lexicon_entry"].tolist()
    ['threat*', '', '']
    """
    lexicon = as_lexicon(lexicon, "collocates(lexicon=...)")
    words = table["collocate"].astype(str).tolist()
    texts = pd.DataFrame({"article_id": [str(i) for i in range(len(words))], "text": words})
    found = (
        find_hits(texts, lexicon)
        if words
        else pd.DataFrame(columns=["article_id", "entry", "start", "end"])
    )
    lengths = np.array([len(w) for w in words], dtype=np.int64)
    ids = found["article_id"].astype(int).to_numpy()
    whole = (found["start"].to_numpy() == 0) & (found["end"].to_numpy() == lengths[ids])
    entry = np.full(len(words), "", dtype=object)
    entry[ids[whole]] = found["entry"].to_numpy()[whole]
    out = table.assign(lexicon_entry=entry)
    return out[entry == ""].reset_index(drop=True) if new_only else out
