"""The additive pieces of a counts table (:class:`CountPartials`), counted and added up.

A counts table is a function of per-group denominators (articles, tokens) and per-cell
numerators (hits, articles with a hit), which add up over batches of articles that share no
article. A count by voice counts over *units* instead of articles: each article's tokens in
the chosen voices (:func:`voice_token_matrix`, :func:`voice_units`). :func:`framing.aggregate.count_partials` makes them from one batch, with
:func:`article_groups` and :func:`cell_counts` (which count on integer codes, not with
pandas group-bys); :func:`combine_partials` adds batches; and
:func:`framing.aggregate.counts_from_partials` finishes the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import voices as voice_stage
from ._errors import FramingError, choices_error
from ._tables import check_columns
from .provenance import combine_corpora

__all__ = [
    "CountPartials",
    "combine_partials",
    "article_groups",
    "cell_counts",
    "label_columns",
    "NUMERATOR_SUMS",
    "voice_units",
    "voice_token_matrix",
    "voice_codes",
    "positions_in",
    "VOICES",
    "voice_choice",
]

#: the voices of a text (framing.voices): the outlet's own words, and the words it quotes
#: directly, as scare quotes, or as reported (indirect) speech
VOICES = ("narrative", "quote", "scare_quote", "reported")


@dataclass(eq=False)
class CountPartials:
    """The additive pieces of a counts table, from one batch of articles.

    A counts table is a function of two small tables that simply add up over batches of
    articles that share no article: per period and group, the number of articles and tokens
    (the *denominators*), and per period, group and frame (and entry), the number of hits and
    of articles with a hit (the *numerators*). :func:`count_partials` makes them from one
    batch, :func:`combine_partials` (or ``+``) adds batches, and :func:`counts_from_partials`
    finishes the counts table, which is then identical to :func:`count_by_period` on all
    the articles at once. This is how :func:`framing.count_corpus` counts corpora larger
    than memory, on several cores or on a Dask cluster.

    Attributes
    ----------
    denominators : DataFrame
        ``period`` (pandas Period), the ``by`` columns, ``n_articles``, ``n_tokens``.
    numerators : DataFrame
        ``period``, the ``by`` columns, ``frame`` (and ``entry``), ``n_hits``,
        ``n_articles_with_hit`` and ``sum_sq`` (the sum over the cell's articles of
        ``hits**2 / tokens``, from which :func:`framing.intervals.dispersion` estimates how
        much hits cluster in articles); only cells with hits.
    freq : str
        The pandas period frequency.
    by : tuple of str
        The grouping columns.
    level : {"frame", "entry"}
    voice : tuple of str or None
        The voices counted (their hits, over their tokens), or None when the count does not
        tell voices apart.
    negated : {"keep", "drop", "apart"}
        What was done with negated hits; with ``"apart"`` the numerators have a ``negated``
        column.
    frames : list of str or None
        The frames of the lexicon the hits were found with (``hits.attrs["frames"]``).
    attrs : dict
        The rest of ``hits.attrs`` (lexicon name and hash, parameters), for provenance.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.aggregate import count_partials
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["A threat.", "Calm."],
    ...     "date": pd.to_datetime(["2024-01-03", "2024-01-20"])})
    >>> hits = pd.DataFrame({"article_id": ["a"], "frame": ["threat"]})
    >>> p = count_partials(hits.iloc[:1], arts.iloc[:1]) + count_partials(hits.iloc[:0], arts.iloc[1:])
    >>> p.denominators
        period  n_articles  n_tokens
    0  2024-01           2         3
    """

    denominators: pd.DataFrame
    numerators: pd.DataFrame
    freq: str
    by: tuple[str, ...]
    level: str
    frames: list | None = None
    attrs: dict = field(default_factory=dict)
    voice: tuple[str, ...] | None = None
    negated: str = "keep"

    def __add__(self, other: CountPartials) -> CountPartials:
        return combine_partials([self, other])

    def __repr__(self) -> str:
        return (
            f"<CountPartials freq={self.freq!r} by={list(self.by)!r} level={self.level!r}: "
            f"{int(self.denominators['n_articles'].sum())} articles, "
            f"{int(self.numerators['n_hits'].sum())} hits>"
        )


def combine_partials(parts) -> CountPartials:
    """Add up the :class:`CountPartials` of batches that share no article.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.aggregate import count_partials
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["A threat.", "Threats."],
    ...     "date": pd.to_datetime(["2024-01-03", "2024-01-20"])})
    >>> hits = pd.DataFrame({"article_id": ["a", "b"], "frame": "threat"})
    >>> parts = [count_partials(hits.iloc[[i]], arts.iloc[[i]]) for i in range(2)]
    >>> combine_partials(parts).numerators
        period   frame  n_hits  n_articles_with_hit  sum_sq
    0  2024-01  threat       2                    2     1.5
    """
    parts = list(parts)
    if not parts or not all(isinstance(p, CountPartials) for p in parts):
        raise FramingError(
            "expected a non-empty list of CountPartials",
            where="combine_partials",
            fix="Make them with framing.aggregate.count_partials(hits, articles).",
        )
    first = parts[0]
    for p in parts[1:]:
        if _options(p) != _options(first):
            raise FramingError(
                f"cannot add partial counts made with {_options(p, named=True)} to ones made "
                f"with {_options(first, named=True)}",
                where="combine_partials",
                fix="Count every batch with the same freq, by, level, voice and negated.",
            )
    if len(parts) == 1:
        return first
    keys = ["period", *first.by]

    def add(tables, group_keys, sums):
        tables = [t for t in tables if len(t)] or tables[:1]
        if len(tables) == 1:
            return tables[0].reset_index(drop=True)
        both = pd.concat(tables, ignore_index=True)
        return both.groupby(group_keys, sort=False, dropna=False)[sums].sum().reset_index()

    cell_keys = keys + label_columns(first.level, first.negated)
    frames = next((p.frames for p in parts if p.frames is not None), None)
    return CountPartials(
        denominators=add([p.denominators for p in parts], keys, ["n_articles", "n_tokens"]),
        numerators=add([p.numerators for p in parts], cell_keys, NUMERATOR_SUMS),
        freq=first.freq,
        by=first.by,
        level=first.level,
        frames=frames,
        attrs={**first.attrs, "corpus": combine_corpora([p.attrs.get("corpus") for p in parts])},
        voice=first.voice,
        negated=first.negated,
    )


def _options(p: CountPartials, *, named: bool = False):
    """The options a batch was counted with (batches add up only when they agree)."""
    values = (p.freq, list(p.by), p.level, None if p.voice is None else list(p.voice), p.negated)
    if not named:
        return values
    names = ("freq", "by", "level", "voice", "negated")
    return ", ".join(f"{n}={v!r}" for n, v in zip(names, values, strict=True))


def label_columns(level: str, negated: str = "keep") -> list[str]:
    """The columns that name a cell besides the period and the groups: ``frame`` (and
    ``entry``), and ``negated`` when negated hits are counted apart.

    Examples
    --------
    >>> label_columns("entry", "apart")
    ['frame', 'entry', 'negated']
    """
    return ["frame", "entry"][: 2 if level == "entry" else 1] + (
        ["negated"] if negated == "apart" else []
    )


def voice_units(arts: pd.DataFrame, tokens: np.ndarray, voices, *, split: bool):
    """What a count by voice counts over: each article's tokens in the chosen voices.

    Parameters
    ----------
    arts : DataFrame
        One row per article (period and groups).
    tokens : ndarray of int64, shape (articles, 4)
        Each article's tokens in each of :data:`VOICES`.
    voices : sequence of str
        The voices counted.
    split : bool
        One unit per article and voice (a ``voice`` column; ``by="voice"``), else one per
        article with the chosen voices' tokens added up.

    Returns
    -------
    (DataFrame, callable)
        The units (``arts``' columns, ``voice`` when split, ``n_tokens``, and ``counted``:
        whether the unit has a token, so that ``n_articles`` of a voice counts the articles
        in which it speaks) and a function from (article position, voice code in
        :data:`VOICES`) of the hits to their unit's position.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b"]})
    >>> tokens = np.array([[5, 2, 0, 1], [3, 0, 0, 0]])
    >>> units, unit_of = voice_units(arts, tokens, ["narrative", "quote"], split=True)
    >>> units
      article_id      voice  n_tokens  counted
    0          a  narrative         5     True
    1          a      quote         2     True
    2          b  narrative         3     True
    3          b      quote         0    False
    >>> unit_of(np.array([0, 1]), np.array([1, 0])).tolist()
    [1, 2]
    """
    codes = np.array([VOICES.index(v) for v in voices], dtype=np.int64)
    chosen = tokens[:, codes]
    if not split:
        units = arts.assign(n_tokens=chosen.sum(axis=1).astype(np.int64))
        return units.assign(counted=units["n_tokens"].to_numpy() > 0), lambda pos, _: pos
    k = len(codes)
    units = arts.iloc[np.repeat(np.arange(len(arts)), k)].reset_index(drop=True)
    units["voice"] = np.tile(np.asarray(list(voices), dtype=object), len(arts))
    units["n_tokens"] = chosen.reshape(-1).astype(np.int64)
    units["counted"] = units["n_tokens"].to_numpy() > 0
    slot = np.zeros(len(VOICES), dtype=np.int64)
    slot[codes] = np.arange(k)
    return units, lambda pos, code: pos * k + slot[code]


#: cells (groups x labels) and (article, label) pairs up to which cell_counts counts in
#: arrays over all of them rather than sorting the hits
_DENSE_CELLS = 4_000_000
_DENSE_PAIRS = 50_000_000


def article_groups(arts: pd.DataFrame, keys: list[str]) -> tuple[np.ndarray, pd.DataFrame]:
    """The group of every article by ``keys`` (numbered in order of first occurrence, as
    ``groupby(keys, sort=False).ngroup()``) and the groups' keys, one row per group.

    Computed on integer codes: a pandas groupby-aggregate cost 15-25 ms per call, most of
    what :func:`framing.count_corpus` spent on a chunk outside the scan.
    """
    code = np.zeros(len(arts), dtype=np.int64)
    for col in keys:
        values = arts[col]
        if isinstance(values.dtype, pd.PeriodDtype):
            values = values.array.asi8
        part, uniques = pd.factorize(values, use_na_sentinel=False)
        code = code * max(len(uniques), 1) + part
    article_group, _ = pd.factorize(code)
    article_group = article_group.astype(np.int64)
    n_groups = int(article_group.max()) + 1 if len(article_group) else 0
    first = np.full(n_groups, len(article_group), dtype=np.int64)
    np.minimum.at(first, article_group, np.arange(len(article_group), dtype=np.int64))
    groups = arts[keys].iloc[first].reset_index(drop=True)
    for col in keys:  # the dtypes a groupby gives its keys (str, int64 ... from object)
        if groups[col].dtype == object:
            groups[col] = groups[col].infer_objects()
    return article_group, groups


_GRID = float(2**30)

#: the sums of the numerators, per cell
NUMERATOR_SUMS = ["n_hits", "n_articles_with_hit", "sum_sq"]


def cell_counts(
    article_group, groups: pd.DataFrame, hits, labels, position, n_arts, tokens=None
) -> pd.DataFrame:
    """Hits and articles with a hit per group (``article_group``, one row of ``groups`` each)
    and label (frame, entry), in the order cells first occur in the hits, counted on integer
    codes.

    (A merge of the hits with the articles on the id strings and a ``nunique`` per cell were
    most of the time :func:`framing.count_corpus` spent outside the scan.)
    """
    group = article_group[position]
    codes, levels = [], []
    n_labels = 1  # distinct label combinations
    for col in labels:
        code, uniques = pd.factorize(hits[col], use_na_sentinel=False)
        codes.append(code)
        levels.append(uniques)
        n_labels *= max(len(uniques), 1)
    label = np.zeros(len(position), dtype=np.int64)
    for code, uniques in zip(codes, levels, strict=True):
        label = label * len(uniques) + code
    cell = group.astype(np.int64) * n_labels + label
    n_arts = max(n_arts, 1)
    if len(groups) * n_labels <= _DENSE_CELLS:
        # few possible cells (the usual case): count them in arrays over all of them
        space = len(groups) * n_labels
        n_hits = np.bincount(cell, minlength=space)
        first = np.full(space, len(cell), dtype=np.int64)
        np.minimum.at(first, cell, np.arange(len(cell), dtype=np.int64))
        present = np.flatnonzero(n_hits)
        order = present[np.argsort(first[present], kind="stable")]  # by first occurrence
        if n_arts * n_labels <= _DENSE_PAIRS:  # (article, label) pairs with a hit
            mark = np.zeros(n_arts * n_labels, dtype=bool)
            mark[position * n_labels + label] = True
            pair = np.flatnonzero(mark)
        else:
            pair = np.unique(position * n_labels + label)
        owner = article_group[pair // n_labels].astype(np.int64) * n_labels + pair % n_labels
        with_hit = np.bincount(owner, minlength=space)
        rows, n_hits, with_hit = first[order], n_hits[order], with_hit[order]
    else:
        cells, first, inverse = np.unique(cell, return_index=True, return_inverse=True)
        order = np.argsort(first, kind="stable")  # cells in order of first occurrence
        n_hits = np.bincount(inverse, minlength=cells.size)[order]
        # articles with a hit: distinct (cell, article) pairs per cell
        pairs = np.unique(inverse.astype(np.int64) * n_arts + position)
        with_hit = np.bincount(pairs // n_arts, minlength=cells.size)[order]
        rows = first[order]  # one hit of each cell
    out = groups.iloc[group[rows]].reset_index(drop=True)
    for col, code, uniques in zip(labels, codes, levels, strict=True):
        dtype = "str" if hits[col].dtype == object else hits[col].dtype  # as a groupby makes it
        out[col] = pd.Series(np.asarray(uniques, dtype=object)[code[rows]], dtype=dtype)
    out["n_hits"] = n_hits.astype(np.int64)
    out["n_articles_with_hit"] = with_hit.astype(np.int64)
    out["sum_sq"] = _sum_sq(article_group, group, position, label, n_labels, tokens, rows, cell)
    return out


def _sum_sq(article_group, group, position, label, n_labels, tokens, rows, cell) -> np.ndarray:
    """Per cell (in the order of ``rows``, one hit of each): the sum over its articles of
    ``y**2 / t``, ``y`` an article's hits of the cell's label and ``t`` its tokens."""
    if tokens is None or not len(position):
        return np.zeros(len(rows))
    pair, y = np.unique(position.astype(np.int64) * n_labels + label, return_counts=True)
    t = np.asarray(tokens, dtype=np.float64)[pair // n_labels]
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(t > 0, y.astype(np.float64) ** 2 / t, 0.0)
    # on a grid of 2**-30, so that sums are exact in any order (below 2**23 per cell): the
    # counts of a corpus are then the same whatever its batches, to the last digit
    share = np.round(share * _GRID) / _GRID
    owner = article_group[pair // n_labels].astype(np.int64) * n_labels + pair % n_labels
    cells, where = np.unique(cell[rows], return_inverse=True)  # the cells of the rows
    slot = np.searchsorted(cells, owner)
    total = np.bincount(slot, share, minlength=len(cells))
    return total[where]


def voice_token_matrix(articles, token_totals, function: str) -> np.ndarray:
    """The tokens of each article (rows, in the articles' order) in each voice (columns, in
    :data:`VOICES` order): from ``token_totals`` (``article_id``, ``voice``, ``n_tokens``), or
    :func:`framing.voices.voice_token_totals` when it is None.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b"]})
    >>> totals = pd.DataFrame({"article_id": ["b", "a", "a"],
    ...     "voice": ["narrative", "quote", "narrative"], "n_tokens": [4, 3, 9]})
    >>> voice_token_matrix(arts, totals, "count_by_period").tolist()
    [[9, 3, 0, 0], [4, 0, 0, 0]]
    """
    where = f"{function}(token_totals=...)"
    if token_totals is None:
        token_totals = voice_stage.voice_token_totals(articles)
    elif isinstance(token_totals, pd.DataFrame) and "voice" not in token_totals.columns:
        raise FramingError(
            "the token totals have no 'voice' column, so they cannot give each voice its "
            "own denominator",
            where=where,
            fix="Pass framing.voices.voice_token_totals(articles), or leave token_totals out.",
        )
    check_columns(token_totals, ["article_id", "voice", "n_tokens"], table="token totals",
                  function=where)  # fmt: skip
    code = positions_in(VOICES, token_totals["voice"])
    if (code < 0).any():
        bad = token_totals["voice"].to_numpy()[code < 0][0]
        raise FramingError(
            f"the token totals name a voice that is not one: {bad!r}", where=where,
            fix=f"Voices are {', '.join(map(repr, VOICES))}: pass "
            "framing.voices.voice_token_totals(articles).",
        )  # fmt: skip
    n_tokens = pd.to_numeric(token_totals["n_tokens"]).fillna(0).to_numpy(dtype=np.int64)
    n, k = len(articles), len(VOICES)
    ids = token_totals["article_id"].to_numpy()
    if len(code) == n * k and np.array_equal(code, np.tile(np.arange(k), n)):
        # the four rows of each article in the articles' order, as voice_token_totals
        # gives them: no look-up of the ids
        if np.array_equal(ids[::k], articles["article_id"].to_numpy()):
            return n_tokens.reshape(n, k)
    row = positions_in(articles["article_id"], token_totals["article_id"])
    inside = row >= 0  # totals of other articles are left aside, as token_counts' are
    matrix = np.zeros((n, k), dtype=np.int64)
    np.add.at(matrix, (row[inside], code[inside]), n_tokens[inside])
    seen = np.zeros(len(articles), dtype=bool)
    seen[row[inside]] = True
    if not seen.all():
        missing = articles["article_id"].to_numpy()[~seen]
        raise FramingError(
            f"token_totals lacks {len(missing)} of the articles (e.g. {missing[0]!r})",
            where=where,
            fix="Compute it with framing.voices.voice_token_totals(articles) on the same articles.",
        )
    return matrix


def voice_codes(hits: pd.DataFrame, *, where: str, fix: str) -> np.ndarray:
    """Each hit's voice as its position in :data:`VOICES`; values that are not voices raise.

    Examples
    --------
    >>> voice_codes(pd.DataFrame({"voice": ["quote", "narrative"]}), where="f", fix="").tolist()
    [1, 0]
    """
    codes = positions_in(VOICES, hits["voice"])
    if (codes < 0).any():
        bad = hits["voice"].to_numpy()[codes < 0][0]
        raise FramingError(
            f"the hits table's 'voice' column holds {int((codes < 0).sum())} values that are "
            f"not a voice (e.g. {bad!r}; voices: {', '.join(map(repr, VOICES))})",
            where=where,
            fix=fix,
        )
    return codes


def positions_in(index, values) -> np.ndarray:
    """The position of each of ``values`` in ``index`` (unique), -1 where absent.

    Looks up the distinct values only: a hits or totals table repeats few voices and
    articles many times, and ``Index.get_indexer`` on a million strings cost seconds.

    Examples
    --------
    >>> positions_in(VOICES, ["quote", "quote", "said", None]).tolist()
    [1, 1, -1, -1]
    """
    values = values if isinstance(values, pd.Series) else pd.Series(values, dtype=object)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    found = pd.Index(index).get_indexer(uniques)
    return np.where(codes >= 0, np.append(found, -1)[codes], -1).astype(np.int64)


def voice_choice(voice, where: str) -> list[str]:
    """The voices of a ``voice=`` argument (a voice or a list of them), checked; a
    FramingError naming ``where`` for anything else.

    Examples
    --------
    >>> voice_choice(["quote", "scare_quote", "quote"], "count_corpus(voice=...)")
    ['quote', 'scare_quote']
    """
    chosen = [voice] if isinstance(voice, str) else voice
    if not isinstance(chosen, list | tuple) or not chosen:
        raise FramingError(
            f"no voice chosen ({voice!r})",
            where=where,
            fix="Pass one voice (voice='narrative') or a list (voice=['quote', 'scare_quote']).",
        )
    for value in chosen:
        if value not in VOICES:
            raise choices_error(where, value, VOICES)
    return list(dict.fromkeys(chosen))
