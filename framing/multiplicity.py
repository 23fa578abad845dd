"""Adjusting p-values for the many tests in one table: Benjamini–Hochberg and Holm.

A keyness or comparison table tests dozens of entries, groups and frames at once; at the
5% level, one test in twenty comes out "significant" by chance alone. The table's
``p_adj`` column adjusts every p-value over the *family* of tests in that table:

* ``"bh"`` (default): Benjamini & Hochberg (1995), which controls the false discovery rate
  (the expected share of false findings among those called significant);
* ``"holm"``: Holm (1979), which controls the family-wise error rate (the chance of any
  false finding), and is uniformly more powerful than Bonferroni;
* ``"none"``: ``p_adj`` equals ``p_value``.

Tests without a p-value (NaN) are not counted in the family and stay NaN. The values equal
those of ``statsmodels.stats.multitest.multipletests`` (``"fdr_bh"``, ``"holm"``).
"""

from __future__ import annotations

import numpy as np

from ._errors import choices_error

__all__ = ["P_ADJUST", "adjust_pvalues"]

#: the adjustments :func:`adjust_pvalues` makes
P_ADJUST = ("bh", "holm", "none")


def adjust_pvalues(p, method: str = "bh", *, where: str = "p_adjust") -> np.ndarray:
    """The p-values adjusted for multiple testing over the family ``p``.

    Parameters
    ----------
    p : array-like of float
        The p-values of the family (NaN: no test; left out of the family).
    method : {"bh", "holm", "none"}
        Benjamini–Hochberg, Holm, or no adjustment.
    where : str
        Named in the error for an unknown ``method``, e.g. ``"keyness(p_adjust=...)"``.

    Returns
    -------
    ndarray
        The adjusted p-values, in the order of ``p``, at most 1.

    Examples
    --------
    >>> adjust_pvalues([0.01, 0.04, 0.03, 0.5]).round(4).tolist()
    [0.04, 0.0533, 0.0533, 0.5]
    >>> adjust_pvalues([0.01, 0.04, 0.03, 0.5], "holm").round(4).tolist()
    [0.04, 0.09, 0.09, 0.5]
    """
    if method not in P_ADJUST:
        raise choices_error(where, method, P_ADJUST)
    p = np.asarray(p, dtype=float)
    out = np.full(p.shape, np.nan)
    tested = np.flatnonzero(~np.isnan(p))
    m = len(tested)
    if m == 0:
        return out
    if method == "none":
        out[tested] = p[tested]
        return out
    order = tested[np.argsort(p[tested], kind="stable")]
    ranked = p[order]
    if method == "bh":
        scaled = ranked * m / np.arange(1, m + 1)
        adjusted = np.minimum.accumulate(scaled[::-1])[::-1]
    else:
        scaled = ranked * (m - np.arange(m))
        adjusted = np.maximum.accumulate(scaled)
    out[order] = np.minimum(adjusted, 1.0)
    return out
