"""The voices stage on the hits table: :func:`add_voice` and :func:`voice_token_totals`.

A hit's voice is the voice of the span (:func:`framing.voices.voice_spans`) that holds its
first character, ``"narrative"`` when none does; a token's voice is that of the span holding
its first character. Spans are looked up with one sorted array for the whole corpus
(NumPy ``searchsorted``), never with a loop per hit; negation (:mod:`.negation`) is computed
for the articles with hits only, around their hits.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .._errors import FramingError
from .._tables import check_articles, check_columns, check_hits, hit_rows
from ..match.hits import token_counts
from ..match.texts import nfkc_articles
from ..tokens import TOKEN_PATTERN, language_name
from .negation import negated, script_language
from .spans import voice_spans, voice_spans_at

__all__ = ["VOICES", "add_voice", "voice_token_totals", "article_languages"]

#: the four voices, in the order of :func:`voice_token_totals`' rows
VOICES = ("narrative", "quote", "scare_quote", "reported")
_SPAN_NEEDED = ("article_id", "start", "end", "voice", "speaker")
_SPANS_HINT = "Make it with framing.voices.voice_spans(articles)."
_TOKEN_RE = re.compile(TOKEN_PATTERN)
# two word characters: an offset between them cuts a token
_INSIDE_WORD_RE = re.compile(r"\w\w")


def article_languages(articles: pd.DataFrame, rows: np.ndarray) -> list[str]:
    """The NLTK language of the articles at ``rows``: ``lang`` if given, else their script.

    Examples
    --------
    >>> arts = pd.DataFrame({"text": ["Угроза", "A threat", "x"], "lang": [None, None, "ru"]})
    >>> article_languages(arts, np.array([0, 1, 2]))
    ['russian', 'english', 'russian']
    """
    texts = articles["text"].to_numpy()[rows]
    if "lang" not in articles.columns:
        return [script_language(t) for t in texts]
    langs = articles["lang"].to_numpy()[rows]
    return [
        language_name(lang) if isinstance(lang, str) and lang.strip() else script_language(text)
        for lang, text in zip(langs, texts, strict=True)
    ]


def _checked_spans(spans, articles: pd.DataFrame, function: str):
    """The voice-spans table, checked."""
    where = f"{function}(spans=...)"
    check_columns(spans, _SPAN_NEEDED, table="voice spans", function=where, hint=_SPANS_HINT)
    odd = ~spans["voice"].isin(VOICES[1:])
    if odd.any():
        raise FramingError(
            f"the voice spans hold the voice {spans.loc[odd, 'voice'].iloc[0]!r}; a span's "
            f"voice is one of {', '.join(map(repr, VOICES[1:]))}",
            where=where,
            fix=_SPANS_HINT,
        )
    return spans


def _span_index(spans: pd.DataFrame, ids: pd.Series, offsets: np.ndarray):
    """The spans sorted by (article row, start) as one int64 key each; foreign spans dropped.

    ``offsets`` are those that will be looked up: the key's stride exceeds them all.
    """
    rows = pd.Index(ids.astype(object)).get_indexer(spans["article_id"].astype(object))
    keep = rows >= 0  # spans of other articles do not matter here
    rows = rows[keep]
    starts = spans["start"].to_numpy(dtype=np.int64)[keep]
    ends = spans["end"].to_numpy(dtype=np.int64)[keep]
    stride = max(int(starts.max(initial=0)), int(offsets.max(initial=0))) + 1
    keys = rows.astype(np.int64) * stride + starts
    order = np.argsort(keys, kind="stable")
    return keys[order], rows[order], ends[order], np.flatnonzero(keep)[order], stride


def _lookup(index, rows: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """For each (row, offset), the position in the spans table of the span holding it, or -1."""
    keys, span_rows, span_ends, positions, stride = index
    if not len(keys):
        return np.full(len(rows), -1, dtype=np.int64)
    j = np.searchsorted(keys, rows.astype(np.int64) * stride + offsets, side="right") - 1
    safe = np.maximum(j, 0)
    found = (j >= 0) & (span_rows[safe] == rows) & (offsets < span_ends[safe])
    return np.where(found, positions[safe], -1)


def _check_offsets(hits: pd.DataFrame) -> None:
    """Raise a FramingError unless the hits' ``start`` and ``end`` are whole numbers."""
    for column in ("start", "end"):
        values = hits[column]
        if not pd.api.types.is_integer_dtype(values) and (
            values.isna().any() or not pd.api.types.is_numeric_dtype(values)
        ):
            raise FramingError(
                f"the hits' {column!r} column holds missing or non-numeric offsets",
                where="add_voice",
                fix="Pass the hits table framing.find_hits returned.",
            )


def _negations(articles: pd.DataFrame, rows: np.ndarray, hits: pd.DataFrame) -> np.ndarray:
    """``negated`` for every hit, one pass over the hits of each article with hits."""
    starts = hits["start"].to_numpy(dtype=np.int64)
    ends = hits["end"].to_numpy(dtype=np.int64)
    out = np.zeros(len(hits), dtype=bool)
    order = np.argsort(rows, kind="stable")
    bounds = np.flatnonzero(np.diff(rows[order])) + 1
    groups = np.split(order, bounds) if len(order) else []
    firsts = np.array([g[0] for g in groups], dtype=np.int64)
    langs = article_languages(articles, rows[firsts]) if groups else []
    texts = articles["text"].to_numpy()
    for group, lang in zip(groups, langs, strict=True):
        out[group] = negated(texts[rows[group[0]]], starts[group], ends[group], lang)
    return out


def add_voice(
    hits: pd.DataFrame, articles: pd.DataFrame, *, spans: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The hits with their ``voice``, ``speaker`` and ``negated``.

    Parameters
    ----------
    hits : DataFrame
        A hits table (:func:`framing.find_hits`): ``article_id``, ``start``, ``end``.
    articles : DataFrame
        The articles the hits were found in (``article_id``, ``text``; ``lang`` if known,
        else the language is told by the script: Cyrillic is read as Russian).
    spans : DataFrame, optional
        A voice-spans table (:func:`framing.voices.voice_spans`). Without it only the
        articles with hits are read, and in them reported speech only around the hits
        (:func:`framing.voices.voice_spans_at`): the result is the same as with
        ``spans=voice_spans(articles)``, at a fraction of the cost.

    Returns
    -------
    DataFrame
        A new table: the hits (their columns, order and ``attrs``) with ``voice``
        (``"narrative"``, ``"quote"``, ``"scare_quote"``, ``"reported"``: the voice of the
        span holding the hit's first character), ``speaker`` (the span's, ``""`` in the
        narrative) and ``negated`` (a negation cue governs the hit within its clause, see
        :mod:`framing.voices.negation`). Columns of those names are replaced.

    Examples
    --------
    >>> text = 'Lavrov said "there is no threat", but warned of a collapse.'
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
    >>> hits = pd.DataFrame({"article_id": ["a", "a"], "start": [25, 50], "end": [31, 58]})
    >>> spans = pd.DataFrame({"article_id": ["a"], "start": [13], "end": [31],
    ...                       "voice": ["quote"], "speaker": ["Lavrov"], "cue": ["said"]})
    >>> add_voice(hits, arts, spans=spans)
      article_id  start  end      voice speaker  negated
    0          a     25   31      quote  Lavrov     True
    1          a     50   58  narrative            False
    """
    check_hits(
        hits,
        "add_voice",
        ("article_id", "start", "end"),
        hint="Make it with framing.find_hits(articles, lexicon).",
    )
    check_articles(articles, "add_voice", second=True, unique=True)
    _check_offsets(hits)
    rows = np.asarray(hit_rows(hits, articles["article_id"], function="add_voice"), np.int64)
    starts = hits["start"].to_numpy(dtype=np.int64)
    if spans is None:  # only the spans that may hold a hit are looked for
        spans = voice_spans_at(articles, rows, starts)
    else:
        spans = _checked_spans(spans, articles, "add_voice")
    at = _lookup(_span_index(spans, articles["article_id"], starts), rows, starts)
    inside = at >= 0
    voice = np.full(len(hits), VOICES[0], dtype=object)
    speaker = np.full(len(hits), "", dtype=object)
    voice[inside] = spans["voice"].to_numpy(dtype=object)[at[inside]]
    speaker[inside] = spans["speaker"].fillna("").to_numpy(dtype=object)[at[inside]]
    out = hits.assign(
        voice=pd.Series(voice, index=hits.index, dtype=object),
        speaker=pd.Series(speaker, index=hits.index, dtype=object),
        negated=pd.Series(_negations(articles, rows, hits), index=hits.index, dtype=bool),
    )
    out.attrs = dict(hits.attrs)
    return out


def _tokens_in_spans(text, starts: np.ndarray, ends: np.ndarray, to_original=None):
    """The number of word tokens of ``text`` that start in each span ``[start, end)``.

    A text whose tokens NFKC leaves alone is counted span by span (a token cut by the span's
    start began before it and is not counted). For another, ``text`` is its NFKC form and
    ``to_original`` the offset map back (:func:`framing.match.texts.nfkc_articles`): it is
    tokenized whole and its token starts mapped back to the text as given.
    """
    if not isinstance(text, str) or not text:
        return np.zeros(len(starts), dtype=np.int64)
    if to_original is not None:
        found = [m.start() for m in _TOKEN_RE.finditer(text)]
        tokens = np.asarray(to_original)[np.asarray(found, dtype=np.int64)]
        return np.searchsorted(tokens, ends) - np.searchsorted(tokens, starts)
    findall, inside = _TOKEN_RE.findall, _INSIDE_WORD_RE.match
    return np.fromiter(
        (
            len(findall(text, lo, hi)) - (lo > 0 and lo < hi and inside(text, lo - 1) is not None)
            for lo, hi in zip(starts.tolist(), ends.tolist(), strict=True)
        ),
        dtype=np.int64,
        count=len(starts),
    )


def voice_token_totals(
    articles: pd.DataFrame, *, spans: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The word tokens of each article in each voice: the per-voice denominators.

    Parameters
    ----------
    articles : DataFrame
        The articles table (``article_id``, ``text``).
    spans : DataFrame, optional
        A voice-spans table (:func:`framing.voices.voice_spans`); found when None.

    Returns
    -------
    DataFrame
        Columns ``article_id``, ``voice`` and ``n_tokens`` (int64): four rows per article, one
        per voice in the order ``narrative``, ``quote``, ``scare_quote``, ``reported``, zeros
        included. A token (framing's definition, :mod:`framing.tokens`) belongs to the voice of
        the span holding its first character; the four rows of an article sum to its total in
        :func:`framing.token_counts`. Only the spans are tokenized here (the whole text when
        NFKC changes its tokens); the narrative gets the rest of the article's total.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b"],
    ...                      "text": ['He said "no threat" today.', "Calm."]})
    >>> spans = pd.DataFrame({"article_id": ["a"], "start": [9], "end": [18],
    ...                       "voice": ["quote"], "speaker": ["he"], "cue": ["said"]})
    >>> voice_token_totals(arts, spans=spans)
      article_id        voice  n_tokens
    0          a    narrative         3
    1          a        quote         2
    2          a  scare_quote         0
    3          a     reported         0
    4          b    narrative         1
    5          b        quote         0
    6          b  scare_quote         0
    7          b     reported         0
    """
    check_articles(articles, "voice_token_totals", unique=True)
    ids = articles["article_id"]
    if spans is None:
        spans = voice_spans(articles)
    spans = _checked_spans(spans, articles, "voice_token_totals")
    counts = np.zeros((len(articles), len(VOICES)), dtype=np.int64)
    # the texts whose tokens NFKC changes are normalized once, with their maps back
    normalized, maps = nfkc_articles(articles, "voice_token_totals")
    counts[:, 0] = token_counts(normalized)["n_tokens"].to_numpy()
    span_rows = pd.Index(ids.astype(object)).get_indexer(spans["article_id"].astype(object))
    keep = span_rows >= 0
    span_rows = span_rows[keep]
    starts = spans["start"].to_numpy(dtype=np.int64)[keep]
    ends = spans["end"].to_numpy(dtype=np.int64)[keep]
    voice = pd.Categorical(spans["voice"].to_numpy()[keep], categories=VOICES).codes
    order = np.argsort(span_rows, kind="stable")
    bounds = np.flatnonzero(np.diff(span_rows[order])) + 1
    texts = normalized["text"].to_numpy()
    for group in np.split(order, bounds) if len(order) else []:
        row = span_rows[group[0]]
        inside = _tokens_in_spans(texts[row], starts[group], ends[group], maps.get(row))
        np.add.at(counts[row], voice[group], np.maximum(inside, 0))
        counts[row, 0] -= counts[row, 1:].sum()
    return pd.DataFrame(
        {
            "article_id": np.repeat(ids.to_numpy(dtype=object), len(VOICES)),
            "voice": np.tile(np.array(VOICES, dtype=object), len(articles)),
            "n_tokens": counts.reshape(-1),
        }
    )
