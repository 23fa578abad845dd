"""Statistics between groups and periods: rate ratios with bootstrap intervals, and keyness.

**Rate ratios** (:func:`compare`). The rate of a frame in a group is its hits per 1,000 word
tokens, pooled over the group's articles (``sum of hits / sum of tokens * 1000``). The ratio
compares a group with the rest of the corpus (``mode="one-vs-rest"``) or with each other
group (``mode="pairs"``). Its interval comes from a *bootstrap over articles*: articles are
resampled with replacement within each group (and, for "the rest", within each of the other
groups), the pooled rates and their ratio recomputed, and the percentile interval taken.
Resampling whole articles keeps the clustering of hits within articles, so these intervals
are honest where Poisson intervals are too narrow. The draw is deterministic for a ``seed``:
one :func:`numpy.random.default_rng` generator draws an ``(n_boot, n_articles)`` matrix of
article indices (``rng.integers(0, n_articles, size=(n_boot, n_articles))``) for each group
in turn: the groups compared, in the order given (or sorted), then the other groups.
The resampling is in :mod:`framing.bootstrap`, the labelling of articles by named periods
(``periods=``) in :mod:`framing.periods`.

**p-values** (``p_value``, ``p_adj``). A comparison's p-value is the bootstrap's: twice the
share of resampled ratios on the far side of 1 (``2 min(#{r* <= 1} + 1, #{r* >= 1} + 1) /
(n_boot + 1)``, at most 1), the test that the percentile interval inverts, so a ratio
whose interval excludes 1 has ``p_value < 1 - conf`` up to the resolution of ``n_boot``.
``p_adj`` adjusts the p-values over every row of the table (:mod:`framing.multiplicity`;
Benjamini–Hochberg unless ``p_adjust="holm"`` or ``"none"``).

**Keyness** (:func:`keyness`). Which entries (or frames) are over- or under-used in one group
against a reference: for an item with ``a`` hits among ``c`` tokens in the target and ``b``
among ``d`` in the reference, Dunning's log-likelihood G2 in the form of Rayson & Garside
(2000) by default, or quanteda's chi-squared, likelihood ratio, PMI or Fisher's exact test
(``measure=``; the formulas are in :mod:`framing.association`), with Hardie's (2014)
LogRatio as the effect size and ``p_adj`` over the table's items.
"""

from __future__ import annotations

import warnings
from itertools import combinations

import numpy as np
import pandas as pd

from ._errors import FramingError, FramingWarning, choices_error
from ._tables import check_articles, check_hits, frame_order, hit_rows
from .association import check_measure, g2, keyness_table, log_ratio
from .bootstrap import bootstrap_p, group_sums, pooled, quantiles, random_generator, rates, ratio_of
from .copies import add_copy_summary, choose_copies
from .match import article_token_totals
from .multiplicity import P_ADJUST, adjust_pvalues
from .periods import period_labels
from .provenance import corpus_provenance
from .strata import (
    DIFFERENCE_COLUMNS,
    adjusted_table,
    cell_sums,
    check_adjust_for,
    difference_rows,
    warn_across_languages,
    warn_if_confounded,
)
from .tokens import token_key
from .vocabulary import word_counts

__all__ = [
    "compare",
    "keyness",
    "g2",
    "log_ratio",
    "COMPARE_MODES",
    "COMPARISON_COLUMNS",
    "KEYNESS_LEVELS",
]

#: accepted values of ``mode``
COMPARE_MODES = ("one-vs-rest", "pairs")
#: the columns of the comparison table
COMPARISON_COLUMNS = [
    "frame", "group", "reference", "rate", "rate_ref", "ratio", "ratio_lo", "ratio_hi",
    "n_articles", "n_articles_ref", "n_hits", "n_hits_ref", "p_value", "p_adj",
]  # fmt: skip
#: accepted values of ``level`` in :func:`keyness`
KEYNESS_LEVELS = ("entry", "frame", "match")
#: the label of the reference in one-vs-rest comparisons
REST = "rest"


# --------------------------------------------------------------------------- shared checks


_COUNTS_REFUSED = "the bootstrap resamples articles, so it needs per-article hits"


def _check_hits(data, function: str, needed) -> None:
    check_hits(
        data,
        function,
        needed,
        because=_COUNTS_REFUSED,
        fixes={
            "articles": f"Call {function}(hits, articles).",
            "counts": f"Call {function}(hits, articles) with hits = framing.find_hits(articles, "
            "lexicon).",
        },
    )


def _check_articles(articles, function: str, needed) -> None:
    if articles is None:
        raise FramingError(
            f"{function} needs the articles table as well as the hits (for the token totals and "
            "the groups of every article, with or without hits)",
            where=function,
            fix=f"Call {function}(hits, articles).",
        )
    check_articles(
        articles, function, needed, hint="", second=True, fixes={"hits": None}, unique=True,
        tokens=True,
    )  # fmt: skip


def _tokens(articles: pd.DataFrame) -> np.ndarray:
    """Token totals per article: the ``n_tokens`` column if present, else counted."""
    return article_token_totals(articles).astype(float)


def _hit_rows(hits: pd.DataFrame, articles: pd.DataFrame, function: str) -> np.ndarray:
    return hit_rows(hits, articles["article_id"], function=function, articles=articles)


def _labels(values: pd.Series, function: str, between: str) -> pd.Series:
    """Group labels of the articles; articles without one are left out, with a warning."""
    missing = values.isna()
    if missing.any():
        warnings.warn(
            f"{function}: {int(missing.sum())} articles have no {between!r} and are left out",
            FramingWarning,
            stacklevel=3,
        )
    return values.astype(object).where(~missing, None)


def compare(
    data: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    *,
    between: str | None = None,
    groups=None,
    periods: dict | None = None,
    adjust_for: str | None = None,
    frames=None,
    mode: str = "one-vs-rest",
    n_boot: int = 1000,
    seed: int | None = 0,
    conf: float = 0.95,
    p_adjust: str = "bh",
    copies: str = "keep",
) -> pd.DataFrame:
    """Rate ratios between groups (or periods) per frame, with bootstrap intervals over articles.

    Parameters
    ----------
    data : DataFrame
        The hits table from :func:`framing.find_hits` (``article_id``, ``frame``).
    articles : DataFrame
        The articles table the hits were found in: ``article_id``, the ``between`` column (or
        ``date`` with ``periods``), and ``text`` or ``n_tokens`` for the token totals.
    between : str, optional
        The article column whose values are the groups, e.g. ``"outlet"`` or ``"lang"``
        (default ``"outlet"``; with ``periods`` the default is to pool all articles).
        Articles with no value are left out (with a :class:`framing.FramingWarning`).
        Given together with ``periods``, each group's later-against-earlier ratio is
        reported, and the ratio of ratios between groups (see Returns).
    groups : list, optional
        The groups to report, in this order (default: all, sorted). In ``"one-vs-rest"`` mode
        the rest is always every other article, whether listed or not.
    periods : dict, optional
        Compare periods instead of groups: ``{name: (start, end)}`` with inclusive bounds given
        as periods or dates, e.g. ``{"before": ("2022-09", "2023-08"), "after": ("2023-09",
        "2024-06")}`` ("2023-08" ends on 31 August). Articles outside every period are left
        out.
    adjust_for : str, optional
        An article column to stratify by, e.g. ``"outlet"`` when comparing periods: the
        ratio is then the Mantel–Haenszel ratio within its values (:mod:`framing.strata`),
        and a :class:`framing.FramingWarning` says when the pooled ratio disagrees with it.
        Not with ``between`` and ``periods`` together.
    frames : list of str or Lexicon, optional
        Frames to compare (default: the lexicon's frames, as recorded by ``find_hits``).
    mode : {"one-vs-rest", "pairs"}
        Each group against all other articles, or each pair of groups: then every group is
        compared with each group listed *before* it (so with periods, later against earlier).
    n_boot : int
        Bootstrap resamples (0: no intervals).
    seed : int or None
        Seed of the random generator; the same seed gives the same intervals.
    conf : float
        Confidence level of the percentile intervals.
    p_adjust : {"bh", "holm", "none"}
        The adjustment of ``p_adj`` over the family of the table's rows
        (:mod:`framing.multiplicity`).
    copies : {"keep", "drop", "origin"}
        Count every wire copy, each story once at its original, or copies for their
        original's outlet (articles marked by :func:`framing.find_copies`; see
        :func:`framing.copies.choose_copies`).

    Returns
    -------
    DataFrame
        One row per frame and comparison: ``frame``, ``group``, ``reference``, ``rate`` and
        ``rate_ref`` (hits per 1,000 tokens), ``ratio`` (``rate / rate_ref``), ``ratio_lo``,
        ``ratio_hi``, ``n_articles``, ``n_articles_ref``, ``n_hits``, ``n_hits_ref``,
        ``p_value`` (the bootstrap's, of the ratio against 1; NaN with ``n_boot=0``) and
        ``p_adj`` (adjusted over all rows). A ratio is ``inf`` when the reference has no hits,
        NaN when neither has. With ``adjust_for``, ``ratio`` (and its interval) is the
        stratified ratio, ``rate`` and ``rate_ref`` stay the pooled rates, and the extra
        column ``ratio_crude`` is their (pooled) ratio. With ``between`` and ``periods``
        the columns are ``frame``, ``kind`` (``"ratio"``: a group's later period against its
        earlier one; ``"ratio_of_ratios"``: that change in the group against the change in
        the reference), ``group``, ``reference``, ``period``, ``period_ref``, ``rate``,
        ``rate_ref`` (NaN for ratios of ratios), ``ratio``, ``ratio_lo``, ``ratio_hi``, the
        article and hit counts, ``p_value`` and ``p_adj``.
        A comparison of per-token rates across languages (``between="lang"``, or groups of
        different languages) warns that the lexicon's halves must be equivalent first.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c", "d"],
    ...     "outlet": ["X", "X", "Y", "Y"],
    ...     "text": ["threat " * 10, "calm " * 10, "threat " * 2 + "calm " * 8, "calm " * 10]})
    >>> hits = pd.DataFrame({"article_id": ["a"] * 10 + ["c"] * 2, "frame": "threat"})
    >>> out = compare(hits, arts, between="outlet", n_boot=200)
    >>> out[["group", "reference", "rate", "rate_ref", "ratio"]]
      group reference   rate  rate_ref  ratio
    0     X      rest  500.0     100.0    5.0
    1     Y      rest  100.0     500.0    0.2
    """
    function = "compare"
    _check_hits(data, function, ["article_id", "frame"])
    data, articles, copy_summary = choose_copies(data, articles, copies, function)
    _check_compare_options(mode, n_boot, conf, p_adjust)
    over_periods = between is not None and periods is not None
    between = between or "outlet"
    needed = ["article_id", "date"] if periods is not None else ["article_id"]
    needed += [between] if periods is None or over_periods else []
    check_adjust_for(adjust_for, between if periods is None else None, over_periods)
    _check_articles(articles, function, needed + ([adjust_for] if adjust_for else []))
    rng = random_generator(seed, "compare(seed=...)")
    frame_names = frame_order(data, frames, function=function)
    counts = _hits_per_article(data, articles, frame_names, function)
    tokens = _tokens(articles)
    if over_periods:
        out = _over_periods(articles, between, groups, periods, mode, counts, tokens, rng,
                            frame_names, n_boot, conf)  # fmt: skip
    else:
        labels, chosen, present = _compared_groups(articles, between, groups, periods, mode)
        if mode == "one-vs-rest":
            pairs = [(g, REST, [g], [m for m in present if m != g]) for g in chosen]
        else:
            pairs = [(b, a, [b], [a]) for a, b in combinations(chosen, 2)]
        order = chosen + [g for g in present if g not in chosen]
        if adjust_for:
            strata = _labels(articles[adjust_for], "compare", adjust_for)
            out = adjusted_table(labels, strata, order, pairs, counts, tokens, rng, frame_names,
                                 n_boot, conf, COMPARISON_COLUMNS[:-1])  # fmt: skip
        else:
            # point and bootstrap sums of every group with articles, in a fixed order (the draws)
            sums = group_sums(order, labels.to_numpy(dtype=object), counts, tokens, rng, n_boot)
            records = [
                r for p in pairs for r in _comparison_rows(p, sums, frame_names, n_boot, conf)
            ]
            out = pd.DataFrame.from_records(records, columns=COMPARISON_COLUMNS[:-1])
    rank = {f: i for i, f in enumerate(frame_names)}
    out = out.sort_values("frame", key=lambda s: s.map(rank), kind="stable").reset_index(drop=True)
    out.insert(out.columns.get_loc("p_value") + 1, "p_adj",
               adjust_pvalues(out["p_value"].to_numpy(), p_adjust))  # fmt: skip
    for col in ("frame", "group", "reference"):
        out[col] = out[col].astype(object)
    if adjust_for:
        warn_if_confounded(out, adjust_for)
    warn_across_languages(articles, between if periods is None or over_periods else None)
    out.attrs = {
        "provenance": {
            **{k: v for k, v in data.attrs.items() if k != "frames"},
            "corpus": corpus_provenance(articles),
            "compare": {
                "between": between if periods is None or over_periods else None,
                "periods": {k: list(map(str, v)) for k, v in periods.items()} if periods else None,
                "adjust_for": adjust_for, "mode": mode, "n_boot": int(n_boot), "seed": seed,
                "conf": conf, "p_adjust": p_adjust,
            },
        }
    }  # fmt: skip
    return add_copy_summary(out, copy_summary)


def _over_periods(articles, between, groups, periods, mode, counts, tokens, rng, frame_names,
                  n_boot, conf) -> pd.DataFrame:  # fmt: skip
    """Each group's change over the periods, and the ratios of those changes."""
    by_period, period_names = period_labels(articles, periods)
    labels, chosen, present = _compared_groups(articles, between, groups, None, mode)
    if len(period_names) < 2:
        raise FramingError(
            f"there is only one period ({period_names[0]!r}) to compare",
            where="compare(periods=...)",
            fix="Pass two periods or more, e.g. {'before': (...), 'after': (...)}.",
        )
    order = chosen + [g for g in present if g not in chosen]
    codes = pd.Index(order).get_indexer(labels.astype(object)) * len(period_names)
    within = pd.Index(period_names).get_indexer(by_period.astype(object))
    codes = np.where((codes >= 0) & (within >= 0), codes + within, -1)
    sums = cell_sums(codes, len(order) * len(period_names), counts, tokens, rng, n_boot)
    rows = difference_rows(sums, order, period_names, mode, frame_names, n_boot, conf)
    out = pd.DataFrame.from_records(rows, columns=DIFFERENCE_COLUMNS)
    keep = out["group"].isin(chosen)
    return out[keep].reset_index(drop=True)


def _check_compare_options(mode, n_boot, conf, p_adjust) -> None:
    """Errors for a ``mode``, ``n_boot``, ``conf`` or ``p_adjust`` of :func:`compare` that
    cannot be."""
    if p_adjust not in P_ADJUST:
        raise choices_error("compare(p_adjust=...)", p_adjust, P_ADJUST)
    if mode not in COMPARE_MODES:
        raise choices_error("compare(mode=...)", mode, COMPARE_MODES)
    if isinstance(n_boot, bool) or not isinstance(n_boot, int | np.integer) or n_boot < 0:
        raise FramingError(
            f"{n_boot!r} is not a number of resamples",
            where="compare(n_boot=...)",
            fix="Pass a whole number >= 0, e.g. n_boot=1000 (0 skips the intervals).",
        )
    if not isinstance(conf, float | int) or not 0 < conf < 1:
        raise FramingError(
            f"{conf!r} is not a confidence level",
            where="compare(conf=...)",
            fix="Pass a number between 0 and 1, e.g. conf=0.95.",
        )


def _compared_groups(articles, between, groups, periods, mode) -> tuple[pd.Series, list, list]:
    """The label of every article (its group or period), the groups to report, in order,
    and every group with articles; errors when there is nothing to compare."""
    if periods is not None:
        labels, universe = period_labels(articles, periods)
        what = "period"
    else:
        labels = _labels(articles[between], "compare", between)
        universe = sorted(set(labels.dropna().tolist()), key=lambda v: (str(type(v)), v))
        what = f"{between!r} group"
    if groups is None:
        chosen = list(universe)
    else:
        chosen = [groups] if isinstance(groups, str) else list(groups)
        for g in chosen:
            if g not in universe:
                raise choices_error("compare(groups=...)", g, universe)
    present = [g for g in universe if (labels == g).any()]
    empty = [g for g in chosen if g not in present]
    if empty:
        raise FramingError(
            f"the {what} {empty[0]!r} has no articles",
            where=f"compare({'periods' if periods is not None else 'groups'}=...)",
            fix="Check the period bounds against the articles' dates.",
        )
    if len(present) < 2 or (mode == "pairs" and len(chosen) < 2):
        raise FramingError(
            f"there is only {len(present)} {what} with articles ({', '.join(map(repr, present))}), "
            "so there is nothing to compare against",
            where="compare",
            fix="Compare a column with two or more values, or pass two periods.",
        )
    return labels, chosen, present


def _hits_per_article(hits, articles, frame_names, function) -> np.ndarray:
    """The number of hits of each frame (columns) in each article (rows, as ``articles``)."""
    rows = _hit_rows(hits, articles, function)
    fidx = pd.Index(frame_names).get_indexer(hits["frame"].astype(object))
    keep = fidx >= 0
    counts = np.zeros((len(articles), len(frame_names)))
    np.add.at(counts, (rows[keep], fidx[keep]), 1.0)
    return counts


def _comparison_rows(pair, sums, frame_names, n_boot, conf) -> list[tuple]:
    """The rows (one per frame) of one comparison ``(group, reference, members, ref_members)``."""
    group, ref, members, ref_members = pair
    h, t, hb, tb, n = pooled(sums, members, n_boot)
    h_r, t_r, hb_r, tb_r, n_r = pooled(sums, ref_members, n_boot)
    rate, rate_ref = rates(h, t), rates(h_r, t_r)
    ratio = ratio_of(rate, rate_ref)
    if n_boot:
        reps = ratio_of(rates(hb, tb[:, None]), rates(hb_r, tb_r[:, None]))
        lo, hi = quantiles(reps, [(1 - conf) / 2, 1 - (1 - conf) / 2])
        p = bootstrap_p(reps)
    else:
        lo = hi = p = np.full(len(frame_names), np.nan)
    return [
        (frame, group, ref, rate[j], rate_ref[j], ratio[j], lo[j], hi[j],
         n, n_r, int(h[j]), int(h_r[j]), p[j])
        for j, frame in enumerate(frame_names)
    ]  # fmt: skip


# ------------------------------------------------------------------------------ keyness


def _keyness_groups(labels: pd.Series, between: str, target, reference) -> tuple[list, list]:
    """The target and reference groups of :func:`keyness`, checked against the groups present."""
    present = sorted(set(labels.dropna().tolist()), key=lambda v: (str(type(v)), v))
    targets = _as_list(target)
    for g in targets:
        if g not in present:
            raise choices_error("keyness(target=...)", g, present)
    if reference is None:
        references = [g for g in present if g not in targets]
    else:
        references = _as_list(reference)
        for g in references:
            if g not in present:
                raise choices_error("keyness(reference=...)", g, present)
        both = [g for g in references if g in targets]
        if both:
            raise FramingError(
                f"{both[0]!r} is both target and reference",
                where="keyness(reference=...)",
                fix="Make the target and reference groups disjoint.",
            )
    if not references:
        raise FramingError(
            f"no articles are left for the reference: every {between!r} group is in the target",
            where="keyness",
            fix="Pass fewer target groups or a reference.",
        )
    return targets, references


def _as_list(value) -> list:
    if isinstance(value, str) or not hasattr(value, "__iter__"):
        return [value]
    return list(value)


def keyness(
    hits: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    between: str = "outlet",
    target,
    reference=None,
    level: str = "entry",
    measure: str = "g2",
    correction: str = "default",
    p_adjust: str = "bh",
    copies: str = "keep",
    vocabulary: str = "lexicon",
    stopwords="auto",
    min_count: int = 5,
) -> pd.DataFrame:
    """Which lexicon entries (or frames, or any words) are key in one group against another.

    Parameters
    ----------
    hits : DataFrame
        The hits table from :func:`framing.find_hits`.
    articles : DataFrame
        The articles table (``article_id``, the ``between`` column, ``text`` or ``n_tokens``).
    between : str
        The article column that defines the groups.
    target : value or list of values
        The group(s) of ``between`` whose usage is tested.
    reference : value or list of values, optional
        The group(s) to test against; by default every other article with a value.
    level : {"entry", "frame", "match"}
        Compare lexicon entries, whole frames, or matched words (lower-cased).
    measure : {"g2", "chi2", "lr", "pmi", "exact"}
        ``"g2"``: Dunning's log-likelihood, Rayson & Garside's two-cell form (the Lancaster
        calculator's). The others are quanteda's ``textstat_keyness`` measures, with its
        definitions: ``"chi2"``, ``"lr"`` (four-cell G2 with quanteda's correction),
        ``"pmi"`` and ``"exact"`` (Fisher's test; the statistic is the odds ratio). On small
        counts they differ: 3 hits against 0 in 5,000 tokens each give p = .041 with
        ``"g2"`` and p = .23 with ``"lr"`` (Yates-corrected, as quanteda).
    correction : {"default", "yates", "williams", "none"}
        quanteda's correction of ``"chi2"`` and ``"lr"`` (``"default"`` is Yates').
    p_adjust : {"bh", "holm", "none"}
        The adjustment of ``p_adj`` over the family of the table's items
        (:mod:`framing.multiplicity`).
    copies : {"keep", "drop", "origin"}
        Wire copies (from :func:`framing.find_copies`) in the target and the reference:
        all counted, each story once, or counted for the original's outlet, as in
        :func:`compare`.

    vocabulary : {"lexicon", "all"}
        ``"all"`` compares every word of the two groups (open vocabulary, as quanteda and
        scattertext do; :mod:`framing.vocabulary`), not only the lexicon's hits: the items
        are then in a ``word`` column, ``hits`` may be None and ``level`` is not used.
    stopwords : "auto", str, list or None
        With ``vocabulary="all"``: the words left out; ``"auto"`` takes NLTK's lists for the
        articles' languages, a language name its list, None none.
    min_count : int
        With ``vocabulary="all"``: the fewest uses in both groups together for a word to be
        listed.

    Returns
    -------
    DataFrame
        One row per item seen in either group: ``frame`` (and ``entry`` or ``match``),
        ``n_target``, ``n_reference``, ``per_1k_target``, ``per_1k_reference``, the statistic
        in a column named by the measure (``g2``, ``chi2``, ``lr``, ``pmi`` or
        ``odds_ratio``; signed negative where the item is relatively rarer in the target),
        ``log_ratio`` (Hardie's LogRatio in log2 units: 1 means twice as frequent; a zero
        count is replaced by 0.5), ``p_value`` (chi-squared with 1 df, or Fisher's; NaN for
        PMI, which tests nothing) and ``p_adj``, sorted by the statistic, descending. The
        token totals are in ``attrs["provenance"]["keyness"]``.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
    ...     "text": ["threat " * 10 + "calm " * 990, "threat " * 5 + "calm " * 1995]})
    >>> hits = pd.DataFrame({"article_id": ["a"] * 10 + ["b"] * 5, "frame": "threat",
    ...     "entry": "threat"})
    >>> key = keyness(hits, arts, target="X")
    >>> key[["entry", "n_target", "n_reference", "g2", "log_ratio"]].round(4)
        entry  n_target  n_reference      g2  log_ratio
    0  threat        10            5  6.9315        2.0
    >>> keyness(hits, arts, target="X", measure="lr")[["lr", "p_value"]].round(4)
           lr  p_value
    0  6.9692   0.0083
    """
    function = "keyness"
    if level not in KEYNESS_LEVELS:
        raise choices_error("keyness(level=...)", level, KEYNESS_LEVELS)
    check_measure(measure, correction)
    if p_adjust not in P_ADJUST:
        raise choices_error("keyness(p_adjust=...)", p_adjust, P_ADJUST)
    if vocabulary not in ("lexicon", "all"):
        raise choices_error("keyness(vocabulary=...)", vocabulary, ("lexicon", "all"))
    item_cols = (
        ["word"] if vocabulary == "all" else ["frame"] if level == "frame" else ["frame", level]
    )
    if vocabulary == "all" and hits is None:
        hits = pd.DataFrame({"article_id": pd.Series([], dtype=object)})
    else:
        _check_hits(hits, function, ["article_id", *([] if vocabulary == "all" else item_cols)])
    hits, articles, copy_summary = choose_copies(hits, articles, copies, function)
    _check_articles(articles, function, ["article_id", between])
    labels = _labels(articles[between], function, between)
    targets, references = _keyness_groups(labels, between, target, reference)
    if vocabulary == "all":
        in_target, in_ref = labels.isin(targets).to_numpy(), labels.isin(references).to_numpy()
        table, c, d = word_counts(articles, in_target, in_ref, stopwords=stopwords,
                                  min_count=min_count)  # fmt: skip
        table = keyness_table(table, item_cols, c, d, measure, correction, p_adjust)
        return _with_provenance(table, hits, articles, copy_summary, targets, references,
                                between, "word", measure, correction, p_adjust, c, d)  # fmt: skip

    rows = _hit_rows(hits, articles, function)
    tokens = _tokens(articles)
    in_target = labels.isin(targets).to_numpy()
    in_ref = labels.isin(references).to_numpy()
    c, d = tokens[in_target].sum(), tokens[in_ref].sum()
    items = hits[item_cols].copy()
    if level == "match":
        items["match"] = [token_key(m) if isinstance(m, str) else m for m in items["match"]]
    items["_t"] = in_target[rows]
    items["_r"] = in_ref[rows]
    items = items[items["_t"] | items["_r"]]
    table = (
        items.groupby(item_cols, sort=False, dropna=False)[["_t", "_r"]]
        .sum()
        .rename(columns={"_t": "n_target", "_r": "n_reference"})
        .reset_index()
        .astype({"n_target": "int64", "n_reference": "int64"})
    )
    table = keyness_table(table, item_cols, c, d, measure, correction, p_adjust)
    return _with_provenance(table, hits, articles, copy_summary, targets, references, between,
                            level, measure, correction, p_adjust, c, d)  # fmt: skip


def _with_provenance(table, hits, articles, copy_summary, targets, references, between, level,
                     measure, correction, p_adjust, c, d) -> pd.DataFrame:  # fmt: skip
    """The keyness table with its provenance (and what wire copies changed)."""
    table.attrs = {
        "provenance": {
            **{k: v for k, v in hits.attrs.items() if k != "frames"},
            "corpus": corpus_provenance(articles),
            "keyness": {
                "between": between, "target": targets, "reference": references,
                "level": level, "measure": measure, "correction": correction,
                "p_adjust": p_adjust, "tokens_target": int(c), "tokens_reference": int(d),
            },
        }
    }  # fmt: skip
    return add_copy_summary(table, copy_summary)
