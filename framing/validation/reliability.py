"""Agreement between coders: Krippendorff's alpha and Cohen's kappa, on the passages both coded.

Codes are nominal with three values (``relevant``, ``not_relevant``, ``unsure``): a coder's
``unsure`` against another's ``relevant`` is a disagreement. Alpha comes from the
``krippendorff`` package (nominal level) over every passage that two or more coders coded.
Its interval is a bootstrap over those passages (resampled with replacement, ``seed``
fixed): the percentile interval of the resampled alphas (resamples with a single code in
them, where alpha is undefined, are left out). Kappa is Cohen's for two coders (the mean of
the pairwise kappas, Light's kappa, for more).

Krippendorff (2004, §11.4) asks for alpha ≥ 0.800 and accepts alpha ≥ 0.667 only for
tentative conclusions: ``reliability`` says ``"reliable"``, ``"tentative"`` or
``"unreliable"``.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd

from .._errors import FramingError, MissingDependencyError, choices_error
from ..bootstrap import random_generator
from .scores import check_coded
from .sheets import CODES, passage_keys

__all__ = ["agreement", "cohen_kappa", "ALPHA_RELIABLE", "ALPHA_TENTATIVE"]

#: Krippendorff's thresholds of alpha
ALPHA_RELIABLE, ALPHA_TENTATIVE = 0.800, 0.667
_BY = (None, "entry", "frame")


def cohen_kappa(a, b) -> float:
    """Cohen's kappa of two coders' codes of the same passages (NaN when chance is certain).

    Examples
    --------
    >>> cohen_kappa(["relevant", "relevant", "not_relevant", "unsure"],
    ...             ["relevant", "not_relevant", "not_relevant", "unsure"])
    0.6363636363636364
    """
    a, b = np.asarray(a, dtype=object), np.asarray(b, dtype=object)
    values = sorted(set(a.tolist()) | set(b.tolist()))
    observed = float(np.mean(a == b))
    chance = sum(float(np.mean(a == v)) * float(np.mean(b == v)) for v in values)
    return (observed - chance) / (1 - chance) if chance < 1 else float("nan")


def _krippendorff():
    try:
        import krippendorff
    except ImportError as exc:
        raise MissingDependencyError(
            "agreement needs the package 'krippendorff', which is not installed",
            where="agreement",
            fix="Install it with: pip install krippendorff",
        ) from exc
    return krippendorff


def _alpha(value_counts: np.ndarray) -> float:
    """Nominal alpha from passages × codes counts (NaN when only one code occurs)."""
    if np.count_nonzero(value_counts.sum(axis=0)) < 2:
        return float("nan")
    return float(
        _krippendorff().alpha(
            value_counts=value_counts, value_domain=list(range(len(CODES))),
            level_of_measurement="nominal",
        )
    )  # fmt: skip


def _combined(coded_a, coded_b) -> pd.DataFrame:
    """One coding table of both; coders named alike in the two get " (a)"/" (b)" added."""
    check_coded(coded_a, "agreement")
    if coded_b is None:
        return coded_a
    check_coded(coded_b, "agreement")
    a, b = coded_a.copy(), coded_b.copy()
    if set(a["coder"]) & set(b["coder"]):
        a["coder"] = a["coder"].astype(str) + " (a)"
        b["coder"] = b["coder"].astype(str) + " (b)"
    return pd.concat([a, b], ignore_index=True)


def _matrix(coded: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Passages × coders: each coder's code index (0, 1, 2) or NaN where not coded."""
    index = {c: i for i, c in enumerate(CODES)}
    codes = coded.assign(_v=coded["code"].map(index).astype(float))
    return codes.pivot_table(index=keys, columns="coder", values="_v", aggfunc="first")


def _no_overlap(coders: list, where: str, group: str = "") -> FramingError:
    return FramingError(
        f"the coders {', '.join(map(repr, coders))} have no passage in common{group}, so "
        "their agreement cannot be measured",
        where=where,
        fix="Have each coder code the same sample: write one sheet with sample_kwic and give "
        "each coder a copy (or pass the sheets that overlap).",
    )


def _scores(matrix: pd.DataFrame, rng, n_boot: int, conf: float) -> dict:
    """Alpha with its bootstrap interval, kappa and percent agreement of one matrix."""
    values = matrix.to_numpy()
    both = (~np.isnan(values)).sum(axis=1) >= 2
    values = values[both]
    counts = np.stack([(values == i).sum(axis=1) for i in range(len(CODES))], axis=1)
    alpha = _alpha(counts)
    draws = rng.integers(0, len(counts), size=(n_boot, len(counts))) if n_boot else []
    boots = np.array([_alpha(counts[d]) for d in draws], dtype=float)
    q = [(1 - conf) / 2, 1 - (1 - conf) / 2]
    lo, hi = np.nanquantile(boots, q) if np.isfinite(boots).any() else (np.nan, np.nan)
    kappas, agree = [], []
    for i, j in combinations(range(values.shape[1]), 2):
        pair = ~np.isnan(values[:, i]) & ~np.isnan(values[:, j])
        if pair.any():
            kappas.append(cohen_kappa(values[pair, i], values[pair, j]))
            agree.append(float(np.mean(values[pair, i] == values[pair, j])))
    return {
        "n_passages": int(both.sum()), "alpha": alpha, "alpha_low": float(lo),
        "alpha_high": float(hi), "kappa": float(np.mean(kappas)) if kappas else np.nan,
        "percent_agreement": float(np.mean(agree)) if agree else np.nan,
    }  # fmt: skip


def _verdict(alpha: float) -> str:
    if not alpha >= ALPHA_TENTATIVE:
        return "unreliable"
    return "reliable" if alpha >= ALPHA_RELIABLE else "tentative"


def agreement(
    coded_a: pd.DataFrame,
    coded_b: pd.DataFrame | None = None,
    *,
    by: str | None = None,
    n_boot: int = 1000,
    seed: int | None = 0,
    conf: float = 0.95,
) -> pd.DataFrame:
    """Agreement between coders on the passages they both coded.

    Parameters
    ----------
    coded_a, coded_b : DataFrame
        Coding tables from :func:`framing.read_coding`: one coder's each, or one table with
        several coders (``coded_b`` left out).
    by : {None, "entry", "frame"}
        One row overall, or one per entry or frame (with the overall row first, ``"all"``).
    n_boot : int
        Bootstrap resamples of the passages for the interval of alpha (0: none).
    seed : int or None
        Seed of the bootstrap.
    conf : float
        Confidence level of the interval.

    Returns
    -------
    DataFrame
        ``coders``, ``n_coders``, ``n_passages`` (passages coded by two coders or more),
        ``alpha``, ``alpha_low``, ``alpha_high``, ``kappa``, ``percent_agreement`` and
        ``reliability`` (``"reliable"`` for alpha ≥ 0.8, ``"tentative"`` for ≥ 0.667, else
        ``"unreliable"``); the ``by`` column first when asked.

    Raises
    ------
    FramingError
        When fewer than two coders are given, or they have no passage in common.

    Examples
    --------
    >>> ann = pd.DataFrame({"article_id": list("abcdef"), "start": 0, "end": 4,
    ...     "coder": "ann", "code": ["relevant"] * 3 + ["not_relevant"] * 3})
    >>> bob = ann.assign(coder="bob", code=["relevant"] * 4 + ["not_relevant"] * 2)
    >>> agreement(ann, bob, n_boot=0)[["n_passages", "alpha", "kappa", "reliability"]].round(3)
       n_passages  alpha  kappa reliability
    0           6  0.686  0.667   tentative
    """
    coded = _combined(coded_a, coded_b)
    if by not in _BY:
        raise choices_error("agreement(by=...)", by, _BY)
    if "coder" not in coded.columns or coded["coder"].nunique() < 2:
        raise FramingError(
            "agreement needs the codes of two coders or more",
            where="agreement",
            fix="Pass two coding tables (agreement(coded_ann, coded_bob)) or one read from "
            "several coders' sheets.",
        )
    if by is not None and by not in coded.columns:
        raise FramingError(
            f"the coding tables have no {by!r} column",
            where="agreement(by=...)",
            fix="Read sheets written by sample_kwic (they have 'frame' and 'entry'), or leave "
            "by out.",
        )
    keys = passage_keys(coded)
    rng = random_generator(seed, "agreement(seed=...)")
    coders = sorted(coded["coder"].astype(str).unique())
    matrix = _matrix(coded, keys + ([by] if by else []))
    if not ((~matrix.isna()).sum(axis=1) >= 2).any():
        raise _no_overlap(coders, "agreement")
    rows = [{"coders": ", ".join(coders), "n_coders": len(coders),
             **_scores(matrix, rng, n_boot, conf)}]  # fmt: skip
    if by:
        rows[0] = {by: "all", **rows[0]}
        for value, part in matrix.groupby(level=by, sort=True):
            part = part.dropna(axis=1, how="all")
            if ((~part.isna()).sum(axis=1) >= 2).any():
                names = [str(c) for c in part.columns]
                rows.append({by: value, "coders": ", ".join(names), "n_coders": len(names),
                             **_scores(part, rng, n_boot, conf)})  # fmt: skip
    out = pd.DataFrame(rows)
    out["reliability"] = [_verdict(a) for a in out["alpha"]]
    return out
