"""Association statistics of 2×2 tables, for keyness: G2, chi-squared, PMI, Fisher's exact test.

An item (a lexicon entry, frame or word) has ``a`` hits among the ``c`` tokens of the target
and ``b`` among the ``d`` tokens of the reference. Two families of statistics are offered:

* ``"g2"``: Dunning's log-likelihood in the two-cell form of Rayson & Garside (2000), the
  form of the Lancaster log-likelihood calculator: ``E1 = c(a+b)/(c+d)``,
  ``E2 = d(a+b)/(c+d)``, ``G2 = 2(a ln(a/E1) + b ln(b/E2))``.
* quanteda's ``textstat_keyness`` measures, on the full 2×2 table
  ``[[a, b], [c - a, d - b]]`` with ``N = c + d`` and ``E11 = (a+b)c/N``, equal to its
  definitions (quanteda.textstats, ``src/keyness.cpp``):

  - ``"chi2"``: Pearson's chi-squared. With ``correction="default"`` (or ``"yates"``)
    Yates' continuity correction is applied when some expected count is below 5 and
    ``|ad − bc| ≥ N/2`` (with the table's cells); ``"williams"`` divides by Williams'
    ``q``; ``"none"`` applies none.
  - ``"lr"``: the likelihood-ratio G2 of the four cells (``ln(x/E + 1e-9)``, so empty cells
    count 0). The Yates correction moves each cell 0.5 towards independence, under the same
    condition as for ``"chi2"`` (strictly, for ``|ad − bc| > N/2``); ``"williams"`` as above.
  - ``"pmi"``: pointwise mutual information ``ln(a/E11 + 1e-9)`` (no correction).
  - ``"exact"``: Fisher's exact test: the conditional maximum-likelihood odds ratio (as R's
    ``fisher.test``) and the two-sided p-value.

Every statistic but the odds ratio is signed negative when the item is relatively rarer in
the target (``a < E11``); the p-values of ``g2``, ``chi2`` and ``lr`` are those of a
chi-squared distribution with 1 degree of freedom. PMI measures association but tests
nothing, so its p-value is NaN (quanteda reports ``pchisq(|pmi|, 1)``, which is not the
p-value of any test).

The effect size reported beside any of them is Hardie's (2014) LogRatio,
``log2((a/c) / (b/d))``, where a count of 0 (and only a count of 0) is replaced by 0.5.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._errors import FramingError, choices_error
from .multiplicity import adjust_pvalues

__all__ = [
    "KEYNESS_MEASURES", "CORRECTIONS", "check_measure", "g2", "keyness_statistic", "keyness_table",
    "log_ratio",
]  # fmt: skip

#: the statistics :func:`keyness_statistic` computes, and the column each is reported in
KEYNESS_MEASURES = {"g2": "g2", "chi2": "chi2", "lr": "lr", "pmi": "pmi", "exact": "odds_ratio"}
#: the corrections of quanteda's ``chi2`` and ``lr``
CORRECTIONS = ("default", "yates", "williams", "none")

_EPSILON = 1e-9  # quanteda's offset of empty cells inside the logarithms


def g2(a, b, c, d) -> np.ndarray:
    """Dunning's log-likelihood G2 (unsigned), Rayson & Garside's two-corpus form.

    ``a``/``b``: the item's count in the target/reference; ``c``/``d``: their token totals.

    Examples
    --------
    >>> round(float(g2(10, 5, 1000, 2000)), 4)
    6.9315
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    with np.errstate(divide="ignore", invalid="ignore"):
        e1 = c * (a + b) / (c + d)
        e2 = d * (a + b) / (c + d)
        t1 = np.where(a > 0, a * np.log(a / e1), 0.0)
        t2 = np.where(b > 0, b * np.log(b / e2), 0.0)
    return 2 * (t1 + t2)


def log_ratio(a, b, c, d) -> np.ndarray:
    """Hardie's LogRatio: ``log2((a/c) / (b/d))``, with a count of 0 replaced by 0.5.

    Examples
    --------
    >>> float(log_ratio(10, 5, 1000, 2000))
    2.0
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    a = np.where(a == 0, 0.5, a)
    b = np.where(b == 0, 0.5, b)
    return np.log2((a / c) / (b / d))


def keyness_statistic(
    measure: str, a, b, c, d, *, correction: str = "default"
) -> tuple[np.ndarray, np.ndarray]:
    """The signed statistic ``measure`` and its p-value for every item.

    Parameters
    ----------
    measure : {"g2", "chi2", "lr", "pmi", "exact"}
        See the module documentation.
    a, b : array-like
        The items' counts in the target and the reference.
    c, d : float
        The token totals of the target and the reference.
    correction : {"default", "yates", "williams", "none"}
        For ``"chi2"`` and ``"lr"`` (quanteda's; ``"default"`` is Yates'). Other measures
        take only ``"default"`` or ``"none"``.

    Returns
    -------
    statistic, p_value : ndarray
        For ``"exact"`` the statistic is the odds ratio.

    Examples
    --------
    >>> stat, p = keyness_statistic("lr", [3], [0], 5000, 5000)
    >>> round(float(stat[0]), 4), round(float(p[0]), 4)
    (1.4559, 0.2276)
    >>> stat, p = keyness_statistic("g2", [3], [0], 5000, 5000)
    >>> round(float(p[0]), 4)
    0.0414
    """
    from scipy.stats import chi2 as chi2_dist

    check_measure(measure, correction)
    a, b = (np.asarray(x, dtype=float) for x in (a, b))
    c, d = float(c), float(d)
    if measure == "exact":
        return _fisher(a, b, c, d)
    if measure == "g2":
        unsigned = g2(a, b, c, d)
        return np.where(a * d >= b * c, unsigned, -unsigned), chi2_dist.sf(unsigned, 1)
    table = (a, b, c - a, d - b)
    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "pmi":
            n = c + d
            return np.log(a / ((a + b) * c / n) + _EPSILON), np.full(len(a), np.nan)
        stat = _chi2(*table, correction) if measure == "chi2" else _lr(*table, correction)
    return stat, chi2_dist.sf(np.abs(stat), 1)


def check_measure(measure: str, correction: str) -> None:
    """An error naming the argument when ``measure`` or ``correction`` is not one of ours."""
    if measure not in KEYNESS_MEASURES:
        raise choices_error("keyness(measure=...)", measure, tuple(KEYNESS_MEASURES))
    if correction not in CORRECTIONS:
        raise choices_error("keyness(correction=...)", correction, CORRECTIONS)
    if measure not in ("chi2", "lr") and correction not in ("default", "none"):
        raise FramingError(
            f"measure {measure!r} takes no {correction!r} correction",
            where="keyness(correction=...)",
            fix="Corrections apply to measure='chi2' or 'lr'; leave correction out.",
        )


def _yates_applies(a, b, c, d, *, strict: bool) -> np.ndarray:
    """quanteda's condition for the continuity correction: an expected count below 5 and
    ``|ad - bc|`` at least (``strict``: more than) ``N/2``."""
    n = a + b + c + d
    small = ((a + b) * (a + c) / n < 5) | ((a + b) * (b + d) / n < 5)
    small |= ((a + c) * (c + d) / n < 5) | ((c + d) * (b + d) / n < 5)
    gap = np.abs(a * d - b * c)
    return small & (gap > n / 2 if strict else gap >= n / 2)


def _williams(a, b, c, d) -> np.ndarray:
    """Williams' q (1 where a cell is empty)."""
    n = a + b + c + d
    q = 1 + (n / (a + b) + n / (c + d) - 1) * (n / (a + c) + n / (b + d) - 1) / (6 * n)
    return np.where(a * b * c * d == 0, 1.0, q)


def _sign(a, b, c, d) -> np.ndarray:
    """+1 where the target's cell exceeds its expected count, else -1."""
    n = a + b + c + d
    return np.where(a > (a + b) * (a + c) / n, 1.0, -1.0)


def _chi2(a, b, c, d, correction: str) -> np.ndarray:
    n = a + b + c + d
    delta = 0.0
    if correction in ("default", "yates"):
        delta = np.where(_yates_applies(a, b, c, d, strict=False), 0.5, 0.0)
    q = _williams(a, b, c, d) if correction == "williams" else 1.0
    num = n * (np.abs(a * d - b * c) - n * delta) ** 2
    return num / ((a + b) * (c + d) * (a + c) * (b + d)) / q * _sign(a, b, c, d)


def _lr(a, b, c, d, correction: str) -> np.ndarray:
    n = a + b + c + d
    sign = _sign(a, b, c, d)
    aa, bb, cc, dd = a, b, c, d
    if correction in ("default", "yates"):
        delta = np.where(_yates_applies(a, b, c, d, strict=True), 0.5, 0.0)
        toward = np.where(a * d - b * c > 0, -delta, delta)
        aa, bb, cc, dd = a + toward, b - toward, c - toward, d + toward
    cells = (
        (aa, (aa + bb) * (aa + cc)),
        (bb, (aa + bb) * (bb + dd)),
        (cc, (aa + cc) * (cc + dd)),
        (dd, (bb + dd) * (cc + dd)),
    )
    # x * ln(x/E + eps) is 0 for an empty cell, as in quanteda (0 * finite)
    total = sum(np.where(x > 0, x * np.log(x / (m / n) + _EPSILON), 0.0) for x, m in cells)
    stat = 2 * total * sign
    if correction == "williams":
        stat = stat / _williams(a, b, c, d)
    return stat


def _fisher(a, b, c, d) -> tuple[np.ndarray, np.ndarray]:
    """Fisher's exact test of each item: the conditional MLE odds ratio and the p-value."""
    from scipy.stats import fisher_exact
    from scipy.stats.contingency import odds_ratio

    ratios, ps = np.empty(len(a)), np.empty(len(a))
    for i, (x, y) in enumerate(zip(a.astype(np.int64), b.astype(np.int64), strict=True)):
        table = [[int(x), int(y)], [int(c) - int(x), int(d) - int(y)]]
        ratios[i] = odds_ratio(table, kind="conditional").statistic
        ps[i] = fisher_exact(table).pvalue
    return ratios, ps


def keyness_table(table, item_cols, c, d, measure, correction, p_adjust) -> pd.DataFrame:
    """The keyness table from each item's counts in the target (``n_target``, of ``c``
    tokens) and the reference (``n_reference``, of ``d``): rates per 1,000 tokens, the
    statistic ``measure`` and LogRatio, p-values adjusted over the table, sorted by the
    statistic."""
    a = table["n_target"].to_numpy(dtype=float)
    b = table["n_reference"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        table["per_1k_target"] = a / c * 1000 if c > 0 else np.nan
        table["per_1k_reference"] = b / d * 1000 if d > 0 else np.nan
    stat_col = KEYNESS_MEASURES[measure]
    table[stat_col], table["p_value"] = keyness_statistic(measure, a, b, c, d,
                                                          correction=correction)  # fmt: skip
    table["log_ratio"] = log_ratio(a, b, c, d)
    table = table[[*item_cols, "n_target", "n_reference", "per_1k_target", "per_1k_reference",
                   stat_col, "log_ratio", "p_value"]]  # fmt: skip
    table = table.assign(p_adj=adjust_pvalues(table["p_value"].to_numpy(), p_adjust))
    table = table.sort_values(
        [stat_col, *item_cols], ascending=[False] + [True] * len(item_cols), kind="stable"
    ).reset_index(drop=True)
    for col in item_cols:
        table[col] = table[col].astype(object)
    return table
