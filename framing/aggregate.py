"""Aggregate hits over time and groups, with honest denominators and 95% intervals.

Every cell of the counts table (period × group × frame) counts every article published in
it, with or without hits, so rates are never inflated by looking only at articles that
matched. Empty periods are filled: a period with articles but no hits has ``n_hits = 0``;
a period with no articles at all has ``n_articles = 0`` and undefined (NaN) rates, not zero.

Intervals (default 95%):

* ``n_hits`` and ``per_1k_tokens``: exact Poisson (Garwood) intervals for the count,
  scaled by the cell's token total. They assume hits occur independently; hits cluster
  within articles, so these are narrower than a bootstrap over articles would be.
* ``share_of_articles``: Wilson score interval for a binomial proportion.

Voices (``voice=``, ``by="voice"``): on hits that know their voice
(:func:`framing.voices.add_voice`), a count of one voice takes the hits in that voice over
the tokens in that voice, so the outlet's own framing (``"narrative"``) and the framing of
the people it quotes (``"quote"``, ``"scare_quote"``, ``"reported"``) each get an honest
rate. ``n_articles`` of a voice counts the articles in which that voice has a word (every
article has narrative; only some quote anyone), so ``share_of_articles`` of ``"quote"`` is
the share of the articles that quote someone in which a quote carries the frame.
``negated=`` keeps, drops or counts apart the hits a negation cue governs ("no threat").

The intervals and measures are in :mod:`framing.intervals`; the additive pieces a counts
table is made of (how :func:`framing.count_corpus` counts in batches) in
:mod:`framing.partials`.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd

from ._errors import FramingError, choices_error
from ._tables import check_articles, check_hits, entry_order, frame_order, hit_rows
from .bands import bootstrap_bands
from .copies import add_copy_summary, choose_copies
from .intervals import INTERVALS, add_measures, dispersion, poisson_interval, wilson_interval
from .match import article_token_totals
from .partials import (
    VOICES,
    CountPartials,
    article_groups,
    cell_counts,
    combine_partials,
    label_columns,
    voice_choice,
    voice_codes,
    voice_token_matrix,
    voice_units,
)
from .periods import partial_periods
from .provenance import corpus_provenance
from .smoothing import rolling_counts
from .validation.correction import add_corrected

__all__ = [
    "count_by_period",
    "count_partials",
    "combine_partials",
    "counts_from_partials",
    "CountPartials",
    "rolling_counts",
    "poisson_interval",
    "wilson_interval",
    "FREQUENCIES",
    "VOICES",
    "NEGATED",
]

#: accepted ``freq`` values and the pandas period frequency each one means
FREQUENCIES = {
    "D": "D", "day": "D", "daily": "D",
    "W": "W-SUN", "week": "W-SUN", "weekly": "W-SUN",
    "M": "M", "month": "M", "monthly": "M",
    "Q": "Q", "quarter": "Q", "quarterly": "Q",
    "Y": "Y", "A": "Y", "year": "Y", "yearly": "Y", "annual": "Y",
}  # fmt: skip

_LEVELS = ("frame", "entry")
#: what count_by_period can do with negated hits
NEGATED = ("keep", "drop", "apart")
#: how to get the hits' voice columns
_VOICE_FIX = "Run hits = fr.add_voice(hits, articles) first."


def count_by_period(
    hits: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    freq: str = "M",
    by=None,
    frames=None,
    level: str = "frame",
    token_totals: pd.DataFrame | None = None,
    start=None,
    end=None,
    conf: float = 0.95,
    max_rows: int | None = None,
    voice=None,
    negated: str = "keep",
    interval: str = "quasipoisson",
    n_boot: int = 1000,
    seed: int | None = 0,
    copies: str = "keep",
    precision: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Count hits by period and group, normalized, with intervals.

    Parameters
    ----------
    hits : DataFrame
        The hits table from :func:`framing.find_hits`.
    articles : DataFrame
        The articles table the hits were found in (``article_id``, ``date``, the ``by`` columns).
    freq : {"D", "W", "M", "Q", "Y"} or "day", "week", "month", "quarter", "year"
        Period length. Weeks run Monday to Sunday.
    by : str or list of str, optional
        Article columns to group by, e.g. ``"outlet"`` or ``["outlet", "lang"]``; and
        ``"voice"``, one group per voice of the hits, each over its own tokens (hits with a
        ``voice`` column); ``n_articles`` of a voice counts the articles with a word in it,
        so the voices' ``n_tokens`` add up to the articles' but their ``n_articles`` do not.
    frames : list of str or Lexicon, optional
        Frames to report (frames without hits get zero rows). Defaults to the frames of the
        lexicon ``find_hits`` used.
    level : {"frame", "entry"}
        Count per frame, or per frame and lexicon entry.
    token_totals : DataFrame, optional
        Precomputed :func:`framing.token_counts`; by default the ``n_tokens`` column of
        ``articles`` if present, else computed. Counting by voice needs the tokens of each
        article in each voice (``article_id``, ``voice``, ``n_tokens``, as
        :func:`framing.voices.voice_token_totals` gives, and computes when this is None);
        such a table also serves a count without voices (its rows add up per article).
    start, end : date-like, optional
        Extend (or cut) the period range; by default it spans the articles' dates.
    max_rows : int, optional
        The most rows (periods x groups x frames, zero-filled) to build; by default
        :data:`MAX_ROWS` (2,000,000). A table larger than that is refused with an error
        naming the date range, which is most often a typo in a year (``2204`` for ``2024``);
        pass a larger number to build it anyway.
    conf : float
        Confidence level of the intervals.
    interval : {"quasipoisson", "poisson", "bootstrap"}
        The band of the hits and rates (:mod:`framing.intervals`). ``"quasipoisson"`` (the
        default) widens the exact Poisson interval by how much the hits of each series
        cluster in articles (the ``dispersion`` column, at least 1), so a 95% band keeps
        about 95% coverage when an article that mentions a frame mentions it many times;
        ``"poisson"`` assumes every hit independent and is too narrow on news;
        ``"bootstrap"`` resamples the articles of each period and group ``n_boot`` times
        (:mod:`framing.bands`; not with ``voice=`` or ``by="voice"``).
    n_boot, seed : int
        Resamples and random seed of ``interval="bootstrap"`` and of the corrected bands of
        ``precision=`` (the same seed gives the same bands).
    voice : {"narrative", "quote", "scare_quote", "reported"} or list of them, optional
        Count only the hits in these voices, over these voices' tokens (a list is pooled:
        ``["quote", "scare_quote"]`` is everything quoted directly); ``n_articles`` is then
        the number of articles with a word in these voices. Needs hits with a ``voice``
        column (:func:`framing.voices.add_voice`). None counts every hit over all tokens.
    negated : {"keep", "drop", "apart"}
        What to do with the hits a negation cue governs ("no threat", "denied any threat";
        the hits' ``negated`` column): count them (the default), leave them out, or count
        them apart (a ``negated`` column, False and True rows for every cell). The
        denominators are the same in all three.
    copies : {"keep", "drop", "origin"}
        Count every wire copy (:func:`framing.find_copies`), each story once at its original,
        or copies for the original's outlet (:func:`framing.copies.choose_copies`).
    precision : DataFrame, optional
        :func:`framing.precision` of a coded sample of these hits (per entry or frame): adds
        the columns of :func:`framing.corrected_counts` (``precision``, ``n_hits_corrected``,
        ``per_1k_tokens_corrected``, with ``_lo``/``_hi`` bands carrying the counting and the
        coding uncertainty). Counts per frame only.

    Returns
    -------
    DataFrame
        The counts table: ``period`` (start of the period), the ``by`` columns, ``frame``
        (and ``entry``, ``negated``), ``n_hits`` (+ ``_lo``/``_hi``), ``n_articles``,
        ``n_articles_with_hit``, ``n_tokens``, ``per_1k_tokens`` (+ ``_lo``/``_hi``),
        ``share_of_articles`` (+ ``_lo``/``_hi``), ``dispersion`` (the quasi-Poisson
        scale of the row's series) and ``partial`` (True for a first or last period that the
        articles cover only in part: its counts are not comparable with a whole period's). Its ``attrs["provenance"]`` names the band
        (``interval``), the voices counted (``voice``) and ``negated`` when they were asked
        for.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"],
    ...     "date": pd.to_datetime(["2024-01-03", "2024-01-20", "2024-03-01"]),
    ...     "text": ["A threat.", "Calm news today.", "Threats, threats."]})
    >>> hits = pd.DataFrame({"article_id": ["a", "c", "c"], "frame": "threat"})
    >>> counts = count_by_period(hits, arts, freq="M")
    >>> counts[["period", "n_hits", "n_articles", "n_articles_with_hit", "n_tokens"]]
          period  n_hits  n_articles  n_articles_with_hit  n_tokens
    0 2024-01-01       1           2                    1         5
    1 2024-02-01       0           0                    0         0
    2 2024-03-01       2           1                    1         2

    By voice: the outlet's own words and the quoted ones, each over its own tokens.

    >>> hits = hits.assign(voice=["narrative", "quote", "narrative"])
    >>> totals = pd.DataFrame({"article_id": ["a"] * 4 + ["b"] * 4 + ["c"] * 4,
    ...     "voice": list(VOICES) * 3, "n_tokens": [2, 0, 0, 0, 3, 0, 0, 0, 1, 1, 0, 0]})
    >>> by_voice = count_by_period(hits, arts, freq="Y", by="voice", token_totals=totals)
    >>> by_voice[["voice", "n_hits", "n_articles", "n_tokens", "per_1k_tokens"]]
             voice  n_hits  n_articles  n_tokens  per_1k_tokens
    0    narrative       2           3         6     333.333333
    1        quote       1           1         1    1000.000000
    2     reported       0           0         0            NaN
    3  scare_quote       0           0         0            NaN
    """
    hits, articles, copy_summary = choose_copies(hits, articles, copies, "count_by_period")
    partials = make_partials(
        hits,
        articles,
        freq=freq,
        by=by,
        level=level,
        token_totals=token_totals,
        function="count_by_period",
        voice=voice,
        negated=negated,
    )
    counts = finish_counts(
        partials,
        frames=frames,
        start=start,
        end=end,
        conf=conf,
        function="count_by_period",
        max_rows=MAX_ROWS if max_rows is None else max_rows,
        interval=_checked_interval(interval, "count_by_period"),
    )
    if interval == "bootstrap":
        counts = _bootstrapped(counts, hits, articles, token_totals, partials, voice, negated,
                               n_boot=n_boot, seed=seed)  # fmt: skip
    if precision is not None:  # a table per entry corrects the same count made per entry
        per_entry = level == "frame" and "entry" in getattr(precision, "columns", ())
        by_entry = None if not per_entry else finish_counts(
            make_partials(hits, articles, freq=freq, by=by, level="entry", voice=voice,
                          token_totals=token_totals, function="count_by_period", negated=negated),
            frames=frames, start=start, end=end, conf=conf, function="count_by_period",
            max_rows=MAX_ROWS if max_rows is None else max_rows)  # fmt: skip
        counts = add_corrected(counts, precision, hits, by_entry=by_entry, conf=conf,
                               n_sim=n_boot, seed=seed, function="count_by_period")  # fmt: skip
    return add_copy_summary(counts, copy_summary)


def _bootstrapped(counts, hits, articles, token_totals, partials, voice, negated, *, n_boot,
                  seed) -> pd.DataFrame:  # fmt: skip
    """``counts`` with bootstrap bands (:func:`framing.bands.bootstrap_bands`)."""
    if partials.voice is not None:
        raise FramingError(
            "interval='bootstrap' does not count voices yet",
            where="count_by_period(interval=...)",
            fix="Use the default interval='quasipoisson' with voice= or by='voice'.",
        )
    # "apart" keeps every hit: its labels tell negated ones apart
    chosen = hits[~hits["negated"].astype(bool)] if negated == "drop" else hits
    tokens = _token_totals(articles, token_totals, "count_by_period").astype(np.float64)
    labels = label_columns(partials.level, negated)
    out = bootstrap_bands(counts, chosen, articles, tokens, freq=partials.freq,
                          by=list(partials.by), labels=labels, n_boot=n_boot, seed=seed,
                          conf=float(counts.attrs["provenance"]["conf"]))  # fmt: skip
    out.attrs = counts.attrs
    out.attrs["provenance"] = {**counts.attrs["provenance"], "n_boot": n_boot, "seed": seed}
    return out


def _checked_interval(interval, function: str) -> str:
    if interval not in INTERVALS:
        raise choices_error(f"{function}(interval=...)", interval, INTERVALS)
    return interval


def count_partials(
    hits: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    freq: str = "M",
    by=None,
    level: str = "frame",
    token_totals: pd.DataFrame | None = None,
    voice=None,
    negated: str = "keep",
) -> CountPartials:
    """The additive pieces of :func:`count_by_period` for one batch of articles.

    Takes the same tables and options as :func:`count_by_period` and checks them the same
    way; see :class:`CountPartials`.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["A threat.", "Threats."],
    ...     "date": pd.to_datetime(["2024-01-03", "2024-02-20"])})
    >>> hits = pd.DataFrame({"article_id": ["a", "b"], "frame": "threat"})
    >>> count_partials(hits, arts).numerators
        period   frame  n_hits  n_articles_with_hit  sum_sq
    0  2024-01  threat       1                    1     0.5
    1  2024-02  threat       1                    1     1.0
    """
    return make_partials(
        hits,
        articles,
        freq=freq,
        by=by,
        level=level,
        token_totals=token_totals,
        function="count_partials",
        voice=voice,
        negated=negated,
    )


def make_partials(
    hits, articles, *, freq, by, level, token_totals, function, voice=None, negated="keep"
) -> CountPartials:
    """:func:`count_partials`, its errors naming ``function`` (the public function called)."""
    if level not in _LEVELS:
        raise choices_error(f"{function}(level=...)", level, _LEVELS)
    key = freq if freq in FREQUENCIES else str(freq).lower()
    if key not in FREQUENCIES:
        raise choices_error(f"{function}(freq=...)", freq, ["D", "W", "M", "Q", "Y"])
    pfreq = FREQUENCIES[key]
    by = [] if by is None else [by] if isinstance(by, str) else list(by)
    hit_cols = ["article_id", "frame"] + (["entry"] if level == "entry" else [])
    check_hits(hits, function, hit_cols, fixes={"counts": None})
    voices = chosen_voices(hits, voice, by, function)
    art_by = by if voices is None else [c for c in by if c != "voice"]
    check_articles(
        articles, function, ["article_id", "date", *art_by], second=True, dated=True,
        unique=True, hint="Group only by columns of the articles table (by=...).",
    )  # fmt: skip
    if negated not in NEGATED:
        raise choices_error(f"{function}(negated=...)", negated, NEGATED)

    arts = articles[["article_id", "date", *art_by]].copy()
    if voices is None:
        arts["n_tokens"] = _token_totals(articles, token_totals, function)
    dates = arts["date"].dt.tz_localize(None) if arts["date"].dt.tz is not None else arts["date"]
    arts["period"] = dates.dt.to_period(pfreq)
    for col in art_by:
        arts[col] = arts[col].astype(object).where(arts[col].notna(), "")

    position = hit_rows(hits, arts["article_id"], function=function, articles=articles)
    labels = label_columns(level, negated)
    counted = None  # without voices every article counts in n_articles
    if voices is not None or negated != "keep":
        hits, position, voice_code = _chosen_hits(hits, position, voices, negated, function)
    if voices is not None:
        tokens = voice_token_matrix(articles, token_totals, function)
        arts, unit_of = voice_units(arts, tokens, voices, split="voice" in by)
        position, counted = unit_of(position, voice_code), arts["counted"].to_numpy()
    keys = ["period", *by]
    article_group, den = article_groups(arts, keys)
    den["n_articles"] = np.bincount(article_group, counted, minlength=len(den)).astype(np.int64)
    tokens = arts["n_tokens"].to_numpy(dtype=np.float64)  # exact: sums stay below 2**53
    den["n_tokens"] = np.bincount(article_group, tokens, minlength=len(den)).astype(np.int64)
    num = cell_counts(article_group, den[keys], hits, labels, position, len(arts), tokens)
    frames = hits.attrs.get("frames")
    return CountPartials(
        denominators=den,
        numerators=num,
        freq=pfreq,
        by=tuple(by),
        level=level,
        frames=None if frames is None else list(frames),
        attrs={
            **{k: v for k, v in hits.attrs.items() if k != "frames"},
            "corpus": corpus_provenance(articles),
        },  # fmt: skip
        voice=None if voices is None else tuple(voices),
        negated=negated,
    )


def chosen_voices(hits, voice, by, function: str) -> list[str] | None:
    """The voices a count tells apart (``voice=``, all of them for ``by="voice"``), checked
    against :data:`VOICES` and the hits' columns; None when it does not tell voices apart.

    Examples
    --------
    >>> hits = pd.DataFrame({"article_id": ["a"], "frame": ["threat"], "voice": ["quote"]})
    >>> chosen_voices(hits, "quote", [], "count_by_period")
    ['quote']
    >>> chosen_voices(hits, None, ["outlet", "voice"], "count_by_period")
    ['narrative', 'quote', 'scare_quote', 'reported']
    """
    if voice is None and "voice" not in by:
        return None
    where = f"{function}(voice=...)" if voice is not None else f"{function}(by='voice')"
    if "voice" not in hits.columns:
        raise FramingError("the hits table has no 'voice' column", where=where, fix=_VOICE_FIX)
    if voice is None:
        return list(VOICES)
    return voice_choice(voice, where)


def _chosen_hits(hits, position, voices, negated: str, function: str):
    """The hits counted (in the chosen voices; without the negated ones for ``"drop"``) as a
    slim table, their article positions and voice codes (in :data:`VOICES`)."""
    keep = np.ones(len(hits), dtype=bool)
    code = None
    if voices is not None:
        code = voice_codes(hits, where=function, fix=_VOICE_FIX.replace(" first", ""))
        keep &= np.isin(code, [VOICES.index(v) for v in voices])
    columns = {c: hits[c] for c in hits.columns if c in ("article_id", "frame", "entry")}
    slim = pd.DataFrame(columns, index=hits.index)
    if negated != "keep":
        flags = negated_flags(hits, function)
        if negated == "drop":
            keep &= ~flags
        else:
            slim["negated"] = flags
    slim = slim[keep]
    slim.attrs = dict(hits.attrs)
    return slim, position[keep], None if code is None else code[keep]


def negated_flags(hits, function: str) -> np.ndarray:
    """The hits' ``negated`` column as booleans (also as read back from a CSV file).

    Examples
    --------
    >>> negated_flags(pd.DataFrame({"negated": ["True", "false", True]}), "f").tolist()
    [True, False, True]
    """
    if "negated" not in hits.columns:
        raise FramingError(
            "the hits table has no 'negated' column", where=f"{function}(negated=...)",
            fix=_VOICE_FIX,
        )  # fmt: skip
    column = hits["negated"]
    if pd.api.types.is_bool_dtype(column) and not column.isna().any():
        return column.to_numpy(dtype=bool)
    truth = {True: True, False: False, "True": True, "False": False, "true": True,
             "false": False, "1": True, "0": False}  # fmt: skip
    flags = column.map(lambda v: truth.get(v.strip() if isinstance(v, str) else v))
    if flags.isna().any():
        bad = column[flags.isna()].iloc[0]
        raise FramingError(
            f"the hits table's 'negated' column holds {int(flags.isna().sum())} values that are "
            f"not True or False (e.g. {bad!r})",
            where=function,
            fix=_VOICE_FIX.replace(" first", ""),
        )
    return flags.to_numpy(dtype=bool)


def _token_totals(articles, token_totals, function: str) -> np.ndarray:
    """Each article's token total; per-voice totals are added up per article."""
    if token_totals is not None and "voice" in getattr(token_totals, "columns", ()):
        return voice_token_matrix(articles, token_totals, function).sum(axis=1)
    return article_token_totals(articles, token_totals, function=function)


def counts_from_partials(
    partials: CountPartials,
    *,
    frames=None,
    start=None,
    end=None,
    conf: float = 0.95,
    interval: str = "quasipoisson",
) -> pd.DataFrame:
    """Finish the counts table from :class:`CountPartials` (as :func:`count_by_period` does).

    Parameters
    ----------
    partials : CountPartials
        From :func:`count_partials`, added up over batches with :func:`combine_partials`.
    frames, start, end, conf
        As in :func:`count_by_period`.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["A threat.", "Threats."],
    ...     "date": pd.to_datetime(["2024-01-03", "2024-03-20"])})
    >>> hits = pd.DataFrame({"article_id": ["a", "b"], "frame": "threat"})
    >>> parts = [count_partials(hits.iloc[[i]], arts.iloc[[i]]) for i in range(2)]
    >>> counts = counts_from_partials(combine_partials(parts))
    >>> counts.equals(count_by_period(hits, arts))
    True
    """
    if not isinstance(partials, CountPartials):
        raise FramingError(
            f"expected CountPartials, got {type(partials).__name__}",
            where="counts_from_partials",
            fix="Make them with framing.aggregate.count_partials(hits, articles).",
        )
    return finish_counts(
        partials,
        frames=frames,
        start=start,
        end=end,
        conf=conf,
        function="counts_from_partials",
        interval=_checked_interval(interval, "counts_from_partials"),
    )


#: the most rows count_by_period builds unless asked (see its ``max_rows``)
MAX_ROWS = 2_000_000


def _check_size(n_rows: int, max_rows: int, periods, function: str) -> None:
    """Refuse a zero-filled table over ``max_rows`` rows, naming its date range."""
    if n_rows <= max_rows:
        return
    raise FramingError(
        f"the counts table would have {n_rows:,} rows ({len(periods):,} periods from "
        f"{periods[0]} to {periods[-1]}, times the groups and frames), more than "
        f"max_rows={max_rows:,}",
        where=function,
        fix="Check the dates first (a typo in a year, such as 2204 for 2024? read_articles "
        "warns of such dates); then pass start=/end= to cut the range, a coarser freq=, or "
        "a larger max_rows= to build it anyway.",
    )


def finish_counts(
    partials, *, frames, start, end, conf, function, max_rows: int = MAX_ROWS,
    interval: str = "quasipoisson",
) -> pd.DataFrame:  # fmt: skip
    """:func:`counts_from_partials`, its errors naming ``function`` (the public function
    called): the full grid of periods, groups and frames, zero-filled, with the measures."""
    pfreq, by, level = partials.freq, list(partials.by), partials.level
    den, num = partials.denominators, partials.numerators
    keys = ["period", *by]
    labels = label_columns(level, partials.negated)
    cell_keys = keys + labels

    # The full grid: every period in range x every observed group x every frame.
    if den.empty and start is None:
        raise FramingError("the articles table is empty", where=function)
    lo = pd.Period(start, pfreq) if start is not None else den["period"].min()
    hi = pd.Period(end, pfreq) if end is not None else den["period"].max()
    periods = pd.period_range(lo, hi, freq=pfreq)
    groups = sorted(den[by].drop_duplicates().itertuples(index=False, name=None)) if by else [()]
    observed = num[label_columns(level)]
    observed.attrs = {} if partials.frames is None else {"frames": partials.frames}
    targets = (entry_order if level == "entry" else frame_order)(observed, frames)
    targets = [(t,) if level == "frame" else t for t in targets]
    if partials.negated == "apart":  # every cell twice: not negated, negated
        targets = [(*t, flag) for t in targets for flag in (False, True)]
    _check_size(len(periods) * len(groups) * len(targets), max_rows, periods, function)
    grid = pd.DataFrame(
        [(p, *g, *t) for g, t, p in itertools.product(groups, targets, periods)],
        columns=cell_keys,
    )
    grid = grid.astype({"period": pd.PeriodDtype(pfreq)})
    if partials.negated == "apart":
        grid["negated"] = grid["negated"].astype(bool)
    for col in by:
        grid[col] = grid[col].astype(object)
    counts = grid.merge(num, on=cell_keys, how="left").merge(den, on=keys, how="left")
    for col in ("n_hits", "n_articles_with_hit", "n_articles", "n_tokens"):
        counts[col] = counts[col].fillna(0).astype("int64")
    counts = counts[(counts["period"] >= lo) & (counts["period"] <= hi)]
    counts = counts.assign(partial=partial_periods(counts["period"], partials.attrs.get("corpus")))
    phi = dispersion(counts.assign(sum_sq=counts["sum_sq"].fillna(0.0)), [*by, *labels])
    counts = counts.drop(columns="sum_sq").assign(dispersion=phi)
    counts = add_measures(counts, conf=conf, interval=interval)
    counts["period"] = counts["period"].dt.start_time.astype("datetime64[ns]")
    counts = counts.reset_index(drop=True)
    counts.attrs = {
        "provenance": {
            **partials.attrs,
            "freq": pfreq,
            "by": by,
            "level": level,
            "conf": conf,
            "interval": interval,
            "n_articles": int(den["n_articles"].sum()),
            **({} if partials.voice is None else {"voice": list(partials.voice)}),
            **({} if partials.negated == "keep" else {"negated": partials.negated}),
        },
        # every level a plot of this table could show, so that a level keeps its colour
        # in a plot of any subset of the table
        "levels": {
            **{col: sorted({g[i] for g in groups}, key=str) for i, col in enumerate(by)},
            "frame": list(dict.fromkeys(t[0] for t in targets)),
            **({"entry": [t[1] for t in targets]} if level == "entry" else {}),
        },
    }  # fmt: skip
    return counts
