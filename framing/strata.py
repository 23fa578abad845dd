"""Comparisons within strata: Mantel–Haenszel ratios, and the change of each group over periods.

A pooled rate ratio can point the wrong way when the groups compared differ in their mix of
another variable (Simpson's paradox). On the Kremlin and Ukrainian presidential press
releases, the threat frame rose after 24 February 2022 when both sources are pooled, yet it
fell within each source: the Ukrainian presidency, which uses the frame three times as
often, published far more after than before. Two designs answer this (used by
:func:`framing.compare`):

* ``adjust_for="outlet"``: the ratio *within* strata, Mantel–Haenszel's estimator for rates
  (Rothman & Greenland): with ``h1_k, t1_k`` the hits and tokens of the group in stratum
  ``k``, ``h0_k, t0_k`` those of the reference, and ``T_k = t1_k + t0_k``,
  ``RR_MH = Σ h1_k t0_k / T_k  /  Σ h0_k t1_k / T_k``. Strata where one side has no tokens
  add nothing. Its interval and p-value come from the same bootstrap over articles as the
  pooled ratio, resampled within each group × stratum cell, so the clustering of hits
  within articles is kept.
* ``between=`` and ``periods=`` together: each group's later-against-earlier ratio, and the
  *ratio of ratios* (difference in differences on the log scale) of each group against the
  rest (or each pair, with ``mode="pairs"``), with bootstrap intervals.
"""

from __future__ import annotations

import warnings
from itertools import combinations

import numpy as np
import pandas as pd

from ._errors import FramingError, FramingWarning
from .bootstrap import bootstrap_p, group_sums, pooled, quantiles, rates, ratio_of

__all__ = [
    "DIFFERENCE_COLUMNS", "adjusted_rows", "adjusted_table", "cell_codes", "cell_sums", "check_adjust_for",
    "difference_rows", "mantel_haenszel", "warn_across_languages", "warn_if_confounded",
]  # fmt: skip

#: the columns of a comparison of groups over periods (``between=`` and ``periods=``)
DIFFERENCE_COLUMNS = [
    "frame", "kind", "group", "reference", "period", "period_ref", "rate", "rate_ref", "ratio",
    "ratio_lo", "ratio_hi", "n_articles", "n_articles_ref", "n_hits", "n_hits_ref", "p_value",
]  # fmt: skip


def cell_codes(first: pd.Series, first_order: list, second: pd.Series) -> tuple[np.ndarray, list]:
    """An integer code for every article's cell of two labels (-1 where either is missing),
    and the values of the second label in their order (sorted).

    The code of the cell ``(first_order[i], seconds[k])`` is ``i * len(seconds) + k``.
    """
    seconds = sorted(set(second.dropna().tolist()), key=lambda v: (str(type(v)), v))
    i = pd.Index(first_order).get_indexer(first.astype(object))
    k = pd.Index(seconds).get_indexer(second.astype(object))
    codes = np.where((i >= 0) & (k >= 0), i * max(len(seconds), 1) + k, -1)
    return codes.astype(np.int64), seconds


def cell_sums(codes: np.ndarray, n_cells: int, counts, tokens, rng, n_boot) -> dict:
    """:func:`framing.bootstrap.group_sums` of every cell with articles, drawn in code order;
    cells without articles hold zeros (and draw nothing)."""
    present = sorted(set(codes[codes >= 0].tolist()))
    sums = group_sums(present, codes, counts, tokens, rng, n_boot)
    n_frames = counts.shape[1]
    zero_boot = (np.zeros((n_boot, n_frames)), np.zeros(n_boot)) if n_boot else (None, None)
    for code in range(n_cells):
        sums.setdefault(code, (np.zeros(n_frames), 0.0, *zero_boot, 0))
    return sums


def mantel_haenszel(h1, t1, h0, t0) -> np.ndarray:
    """The Mantel–Haenszel rate ratio over the strata (the first axis).

    ``h1``, ``h0``: hits, shape ``(strata, ..., frames)``; ``t1``, ``t0``: tokens, shape
    ``(strata, ...)``.

    Examples
    --------
    >>> h1, t1 = np.array([[2.0], [30.0]]), np.array([100.0, 1000.0])
    >>> h0, t0 = np.array([[10.0], [3.0]]), np.array([400.0, 80.0])
    >>> round(float(mantel_haenszel(h1, t1, h0, t0)[0]), 4)
    0.8
    """
    h1, t1, h0, t0 = (np.asarray(x, dtype=float) for x in (h1, t1, h0, t0))
    total = t1 + t0
    with np.errstate(divide="ignore", invalid="ignore"):
        w1 = np.where(total > 0, t0 / total, 0.0)[..., None]
        w0 = np.where(total > 0, t1 / total, 0.0)[..., None]
    return ratio_of((h1 * w1).sum(axis=0), (h0 * w0).sum(axis=0))


def _stacked(sums: dict, codes_by_stratum: list[list[int]], n_boot: int):
    """Per stratum (first axis): the pooled hits, tokens and their resamples of some cells."""
    sides = [pooled(sums, codes, n_boot) for codes in codes_by_stratum]
    hits = np.stack([s[0] for s in sides])
    tokens = np.array([s[1] for s in sides], dtype=float)
    if not n_boot:
        return hits, tokens, None, None
    return hits, tokens, np.stack([s[2] for s in sides]), np.stack([s[3] for s in sides])


def _interval(reps, n_frames, n_boot, conf):
    if not n_boot:
        nan = np.full(n_frames, np.nan)
        return nan, nan, nan
    lo, hi = quantiles(reps, [(1 - conf) / 2, 1 - (1 - conf) / 2])
    return lo, hi, bootstrap_p(reps)


def adjusted_rows(pair, sums, group_index, n_strata, frame_names, n_boot, conf) -> list[tuple]:
    """The rows of one comparison ``(group, reference, members, ref_members)`` adjusted for
    the strata: the crude rates, the Mantel–Haenszel ratio with its bootstrap interval and
    p-value, and the crude ratio."""
    group, ref, members, ref_members = pair
    by_k = [[group_index[m] * n_strata + k for m in members] for k in range(n_strata)]
    ref_by_k = [[group_index[m] * n_strata + k for m in ref_members] for k in range(n_strata)]
    h1, t1, hb1, tb1 = _stacked(sums, by_k, n_boot)
    h0, t0, hb0, tb0 = _stacked(sums, ref_by_k, n_boot)
    ratio = mantel_haenszel(h1, t1, h0, t0)
    reps = mantel_haenszel(hb1, tb1, hb0, tb0) if n_boot else None
    lo, hi, p = _interval(reps, len(frame_names), n_boot, conf)
    rate, rate_ref = rates(h1.sum(axis=0), t1.sum()), rates(h0.sum(axis=0), t0.sum())
    n = sum(sums[c][4] for codes in by_k for c in codes)
    n_r = sum(sums[c][4] for codes in ref_by_k for c in codes)
    crude = ratio_of(rate, rate_ref)
    return [
        (frame, group, ref, rate[j], rate_ref[j], ratio[j], lo[j], hi[j], n, n_r,
         int(h1[:, j].sum()), int(h0[:, j].sum()), p[j], crude[j])
        for j, frame in enumerate(frame_names)
    ]  # fmt: skip


def difference_rows(sums, groups, periods, mode, frame_names, n_boot, conf) -> list[tuple]:
    """Each group's later-against-earlier ratios and the ratios of those ratios between groups
    (each against the rest, or each pair), as rows of :data:`DIFFERENCE_COLUMNS`."""
    n_p = len(periods)
    rows = []
    for (i_a, a), (i_b, b) in combinations(list(enumerate(periods)), 2):
        change = {}
        for gi, g in enumerate(groups):
            late, early = (
                pooled(sums, [gi * n_p + i_b], n_boot),
                pooled(sums, [gi * n_p + i_a], n_boot),
            )
            change[g] = (late, early)
            rows += _change_rows(g, g, b, a, late, early, None, frame_names, n_boot, conf)
        if mode == "one-vs-rest":
            pairs = [(g, "rest", [g], [h for h in groups if h != g]) for g in groups]
        else:
            pairs = [(h, g, [h], [g]) for g, h in combinations(groups, 2)]
        for g, ref, members, others in pairs:
            gi = [groups.index(m) for m in members]
            ri = [groups.index(m) for m in others]
            late_r = pooled(sums, [r * n_p + i_b for r in ri], n_boot)
            early_r = pooled(sums, [r * n_p + i_a for r in ri], n_boot)
            late = pooled(sums, [x * n_p + i_b for x in gi], n_boot)
            early = pooled(sums, [x * n_p + i_a for x in gi], n_boot)
            rows += _change_rows(g, ref, b, a, late, early, (late_r, early_r), frame_names,
                                 n_boot, conf)  # fmt: skip
    return rows


def _change_rows(group, ref, period, period_ref, late, early, other, frame_names, n_boot, conf):
    """Rows of one group's change (``other`` None) or of its change against ``other``'s."""
    ratio = ratio_of(rates(late[0], late[1]), rates(early[0], early[1]))
    reps = None
    if n_boot:
        reps = ratio_of(rates(late[2], late[3][:, None]), rates(early[2], early[3][:, None]))
    if other is None:
        kind, rate, rate_ref = "ratio", rates(late[0], late[1]), rates(early[0], early[1])
        n, n_r, h, h_r = late[4], early[4], late[0], early[0]
    else:
        late_r, early_r = other
        kind = "ratio_of_ratios"
        ratio = ratio_of(
            ratio, ratio_of(rates(late_r[0], late_r[1]), rates(early_r[0], early_r[1]))
        )
        if n_boot:
            reps = ratio_of(reps, ratio_of(rates(late_r[2], late_r[3][:, None]),
                                           rates(early_r[2], early_r[3][:, None])))  # fmt: skip
        rate = rate_ref = np.full(len(frame_names), np.nan)
        n, n_r = late[4] + early[4], late_r[4] + early_r[4]
        h, h_r = late[0] + early[0], late_r[0] + early_r[0]
    lo, hi, p = _interval(reps, len(frame_names), n_boot, conf)
    return [
        (frame, kind, group, ref, period, period_ref, rate[j], rate_ref[j], ratio[j], lo[j],
         hi[j], n, n_r, int(h[j]), int(h_r[j]), p[j])
        for j, frame in enumerate(frame_names)
    ]  # fmt: skip


def adjusted_table(labels, strata, order, pairs, counts, tokens, rng, frame_names, n_boot, conf,
                   columns) -> pd.DataFrame:  # fmt: skip
    """The comparison table of ``pairs`` (groups of ``labels``) within the ``strata``, with
    ``columns`` and the crude ratio."""
    codes, names = cell_codes(labels, order, strata)
    sums = cell_sums(codes, len(order) * len(names), counts, tokens, rng, n_boot)
    index = {g: i for i, g in enumerate(order)}
    records = [
        row for pair in pairs
        for row in adjusted_rows(pair, sums, index, len(names), frame_names, n_boot, conf)
    ]  # fmt: skip
    return pd.DataFrame.from_records(records, columns=[*columns, "ratio_crude"])


def warn_if_confounded(table: pd.DataFrame, adjust_for: str) -> None:
    """Warn, naming ``adjust_for``, where the crude and the adjusted ratio point different
    ways, or the crude ratio lies outside the adjusted one's interval."""
    crude, adjusted = table["ratio_crude"], table["ratio"]
    opposite = ((crude > 1) & (adjusted < 1)) | ((crude < 1) & (adjusted > 1))
    outside = (crude < table["ratio_lo"]) | (crude > table["ratio_hi"])
    flagged = table[opposite | outside]
    if flagged.empty:
        return
    shown = "; ".join(
        f"{r.frame} {r.group} vs {r.reference}: pooled {r.ratio_crude:.2f}, "
        f"within {adjust_for!r} {r.ratio:.2f}"
        for r in flagged.head(5).itertuples()
    )
    more = f" and {len(flagged) - 5} more" if len(flagged) > 5 else ""
    warnings.warn(
        f"compare: the pooled ratio and the ratio within {adjust_for!r} disagree ({shown}{more}). "
        f"The groups differ in their mix of {adjust_for!r}, which confounds the pooled "
        "comparison (Simpson's paradox); report the adjusted ratio.",
        FramingWarning,
        stacklevel=3,
    )


def check_adjust_for(adjust_for, between, over_periods) -> None:
    """Errors for an ``adjust_for`` of :func:`framing.compare` that cannot be used (``between``:
    the groups compared, None when periods are; ``over_periods``: both are given)."""
    if adjust_for is None:
        return
    if not isinstance(adjust_for, str):
        raise FramingError(
            f"adjust_for must name one article column, got {adjust_for!r}",
            where="compare(adjust_for=...)",
            fix='Pass a column name, e.g. adjust_for="outlet".',
        )
    if over_periods:
        raise FramingError(
            "adjust_for cannot be combined with between= and periods= together",
            where="compare(adjust_for=...)",
            fix="Compare each group over the periods (between= and periods=), or compare the "
            "periods adjusted for the groups (periods= and adjust_for=).",
        )
    if adjust_for == between:
        raise FramingError(
            f"the groups compared ({between!r}) cannot also be the strata",
            where="compare(adjust_for=...)",
            fix="Adjust for another column, e.g. compare(periods=..., adjust_for='outlet').",
        )


def warn_across_languages(articles: pd.DataFrame, between: str | None) -> None:
    """Warn when per-token rates are compared across languages: ``between`` is ``"lang"``, or
    its groups are mostly written in different languages (the ``lang`` column)."""
    if between is None or "lang" not in articles.columns:
        return
    langs = articles.groupby(articles[between].astype(object), dropna=True)["lang"].agg(
        lambda s: s.mode().iloc[0] if s.notna().any() else None
    )
    found = sorted({str(v) for v in langs.dropna()})
    if between == "lang" or len(found) > 1:
        warnings.warn(
            f"compare: the groups are written in different languages ({', '.join(found)}), so "
            "their per-token rates compare the lexicon's language halves as much as the texts. "
            "Check that the entries of each language are equivalent (same concepts, validated "
            "precision) before reading these ratios.",
            FramingWarning,
            stacklevel=3,
        )
