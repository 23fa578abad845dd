"""Precision-corrected counts: how many hits are relevant, with both uncertainties.

A frame's corrected count in a cell (period × group) is the sum over its entries of their
hits times their precision, ``sum_e k_e * p_e`` (with a frame-level precision table, the
frame's hits times its precision). Its interval is a parametric bootstrap that carries both
uncertainties:

* the **counting**: each cell's hits ``k`` are drawn as ``phi * Gamma(k / phi + 1/2)``, the
  Jeffreys posterior of a Poisson count widened by the counts table's overdispersion ``phi``
  (its ``dispersion`` column; 1 without one), as the quasi-Poisson bands of
  :func:`framing.count_by_period` widen: each entry's hits apart, the half hit not seen
  once per cell with the frame's mix of entries (see ``_bands``);
* the **coding**: each entry's precision is drawn from the Jeffreys posterior
  ``Beta(n_relevant + 1/2, n_coded - n_relevant + 1/2)`` of its coded passages, once per
  draw for all the cells, since one coded sample serves every period; a frame precision
  weighted by hits (:func:`framing.precision` ``by="frame", hits=...``) is drawn from the
  normal law of its interval, clipped to [0, 1].

The band is the percentile interval of the drawn corrected counts; a simulation in the
tests checks that 95% bands cover the true rate of relevant hits in at least 90% of
simulated corpora. ``count_by_period(..., precision=table)`` adds these columns to its
counts table (:func:`add_corrected`).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .._errors import FramingError, FramingWarning
from ..bootstrap import random_generator

__all__ = ["corrected_counts", "add_corrected", "cell_keys"]

#: the draws held in memory at once (cells × draws)
_BLOCK = 4_000_000
_MEASURE_PREFIXES = ("n_", "per_", "share_", "precision", "window_")
_MEASURES = ("dispersion", "sum_sq", "coverage", "partial", "window")
#: the columns :func:`add_corrected` adds to a counts table
CORRECTED = (
    "precision", "n_hits_corrected", "n_hits_corrected_lo", "n_hits_corrected_hi",
    "per_1k_tokens_corrected", "per_1k_tokens_corrected_lo", "per_1k_tokens_corrected_hi",
)  # fmt: skip


def cell_keys(counts: pd.DataFrame) -> list[str]:
    """The columns that name a cell of the counts table (period, groups, frame, entry)."""
    return [
        c
        for c in counts.columns
        if not str(c).startswith(_MEASURE_PREFIXES)
        and c not in _MEASURES
        and not str(c).endswith(("_lo", "_hi"))
    ]


def _check(counts, table, function: str = "corrected_counts") -> str:
    """The level of the correction ("entry" or "frame"), or a clear error."""
    for name, df, needed in (
        ("counts", counts, ("frame", "n_hits", "n_tokens")),
        ("precision", table, ("frame", "n_coded", "n_relevant", "precision")),
    ):
        if not isinstance(df, pd.DataFrame) or not set(needed) <= set(df.columns):
            raise FramingError(
                f"the {name} table lacks " + ", ".join(repr(c) for c in needed),
                where=f"{function}({name}=...)",
                fix="Pass counts = framing.count_by_period(...) and precision = "
                "framing.precision(coded, ...).",
            )
    if "entry" in table.columns and "entry" not in counts.columns:
        raise FramingError(
            "the precision table is per entry but the counts are per frame",
            where=function,
            fix="Count per entry (count_by_period(..., level='entry')) or give the frame's "
            "precision weighted by its hits (precision(coded, by='frame', hits=hits)).",
        )
    return "entry" if "entry" in table.columns else "frame"


def _precision_draws(table: pd.DataFrame, rng, n_sim: int, conf: float) -> np.ndarray:
    """Draws (n_sim × rows of ``table``) of each precision (see the module's notes)."""
    from scipy.special import ndtri

    n = table["n_coded"].to_numpy(float)
    x = table["n_relevant"].to_numpy(float)
    draws = rng.beta(x + 0.5, np.maximum(n - x, 0) + 0.5, size=(n_sim, len(table)))
    if "coverage" in table.columns:  # a frame's precision weighted by its entries' hits
        z = ndtri(1 - (1 - conf) / 2)
        p = table["precision"].to_numpy(float)
        se = (table["precision_high"] - table["precision_low"]).to_numpy(float) / (2 * z)
        draws = np.clip(p + se * rng.standard_normal((n_sim, len(table))), 0, 1)
    return draws


def corrected_counts(
    counts: pd.DataFrame,
    precision: pd.DataFrame,
    *,
    conf: float = 0.95,
    n_sim: int = 2000,
    seed: int | None = 0,
) -> pd.DataFrame:
    """Counts corrected by the lexicon's precision, with intervals carrying both uncertainties.

    Parameters
    ----------
    counts : DataFrame
        From :func:`framing.count_by_period`, per entry (``level="entry"``, with a precision
        table per entry) or per frame (with ``precision(coded, by="frame", ...)``).
    precision : DataFrame
        From :func:`framing.precision`.
    conf : float
        Confidence level of the bands.
    n_sim : int
        Parametric bootstrap draws.
    seed : int or None
        Seed of the draws.

    Returns
    -------
    DataFrame
        One row per cell of the frames (period, groups, frame): ``n_hits``, ``n_tokens``,
        ``per_1k_tokens``, ``precision`` (the cell's: corrected hits over hits),
        ``n_hits_corrected`` with ``_lo``/``_hi`` and ``per_1k_tokens_corrected`` with
        ``_lo``/``_hi``; the other columns of a frame-level counts table are kept.

    Raises
    ------
    FramingError
        When an entry (or frame) with hits has no precision: code some of its passages.

    Examples
    --------
    >>> counts = pd.DataFrame({"period": ["2024-01", "2024-02"], "frame": "threat",
    ...     "n_hits": [40, 10], "n_tokens": [20_000, 10_000]})
    >>> prec = pd.DataFrame({"frame": ["threat"], "n_coded": [50], "n_relevant": [40],
    ...     "precision": [0.8]})
    >>> out = corrected_counts(counts, prec, n_sim=4000)
    >>> out[["n_hits", "n_hits_corrected", "per_1k_tokens_corrected"]]
       n_hits  n_hits_corrected  per_1k_tokens_corrected
    0      40              32.0                      1.6
    1      10               8.0                      0.8
    >>> bool((out["per_1k_tokens_corrected_lo"] < 1.6).all())
    True
    """
    return correct_counts(counts, precision, conf=conf, n_sim=n_sim, seed=seed)


def correct_counts(counts, precision, *, conf, n_sim, seed, function="corrected_counts"):
    """:func:`corrected_counts`, its errors naming ``function`` (the public function called)."""
    level = _check(counts, precision, function)
    on = ["frame", "entry"] if level == "entry" else ["frame"]
    units = precision.drop_duplicates(on).reset_index(drop=True)
    where = pd.MultiIndex.from_frame(units[on].astype(str)).get_indexer(
        pd.MultiIndex.from_frame(counts[on].astype(str))
    )
    k = counts["n_hits"].to_numpy(float)
    lacking = (where < 0) | (units["n_coded"].to_numpy(float)[where] <= 0)
    lacking &= k > 0
    if lacking.any():
        named = counts.loc[lacking, on].drop_duplicates().astype(str).agg(" / ".join, axis=1)
        raise FramingError(
            f"{len(named)} {'entries' if level == 'entry' else level + 's'} with hits have no "
            "coded passages: " + ", ".join(map(repr, named.head(8).tolist())),
            where=function,
            fix="Code a sample of their hits (sample_kwic(..., by='entry')), or leave them "
            "out of the counts.",
        )
    rng = random_generator(seed, f"{function}(seed=...)")
    p_draws = _precision_draws(units, rng, n_sim, conf)
    p_hat = np.where(where >= 0, units["precision"].to_numpy(float)[np.maximum(where, 0)], 1.0)
    cells = [c for c in cell_keys(counts) if c != "entry"]
    cell = counts.groupby(cells, sort=False, dropna=False).ngroup().to_numpy()
    lo, hi = _bands(counts, k, cell, np.maximum(where, 0), p_draws, rng, conf)
    return _table(counts, level, cells, cell, k * np.nan_to_num(p_hat), lo, hi)


def add_corrected(counts, precision, hits, *, by_entry=None, conf, n_sim, seed, function):
    """``counts`` (per frame) with the corrected columns of :func:`corrected_counts`.

    ``by_entry`` is the same count per entry, which a precision table per entry corrects
    (a frame's table corrects ``counts`` itself); ``hits`` are the hits counted. A table
    naming coded entries that the hits' frames do not have (a sample coded with another
    lexicon or version) is refused, as is a counts table per entry.
    """
    where = f"{function}(precision=...)"
    if "entry" in counts.columns:
        raise FramingError(
            "precision= corrects each frame's counts; these are counted per entry",
            where=where,
            fix="Count with level='frame' (the default): the frame's corrected rate comes "
            "from its entries' precision (precision(coded, by='entry')).",
        )
    level = _check(counts if by_entry is None else by_entry, precision, function)
    on = ["frame", "entry"] if level == "entry" else ["frame"]
    coded = precision.loc[precision["n_coded"] > 0, on].astype(str).drop_duplicates()
    counted = hits[on].astype(str).drop_duplicates()
    unknown = coded[coded["frame"].isin(counted["frame"])].merge(
        counted, how="left", indicator=True
    )
    unknown = unknown.loc[unknown["_merge"] == "left_only", on]
    if len(unknown):
        # A part of the corpus (one outlet, a date range) may lack some coded entries; a
        # renamed entry also leaves one of its new names uncoded, which is refused below.
        named = unknown.agg(" / ".join, axis=1)
        warnings.warn(
            f"{where}: the precision table names {len(named)} coded entries without hits "
            "here: " + ", ".join(map(repr, named.head(8).tolist())) + ". Fine when you "
            "count a part of the corpus; otherwise check the sample was coded with this "
            "lexicon version.",
            FramingWarning,
            stacklevel=3,
        )
    source = counts if by_entry is None else by_entry
    corrected = correct_counts(source, precision, conf=conf, n_sim=n_sim, seed=seed,
                               function=function)  # fmt: skip
    cells = cell_keys(counts)
    out = counts.drop(columns=[c for c in CORRECTED if c in counts.columns]).merge(
        corrected[[*cells, *CORRECTED]], on=cells, how="left", validate="one_to_one"
    )
    recorded = {"level": level, "n_coded": int(precision["n_coded"].sum()), "n_sim": n_sim,
                "seed": seed}  # fmt: skip
    out.attrs = {**counts.attrs,
                 "provenance": {**counts.attrs.get("provenance", {}), "precision": recorded}}  # fmt: skip
    return out


def _frame_mix(counts: pd.DataFrame, k: np.ndarray) -> np.ndarray:
    """Each row's entry's share of its frame's hits over all cells (1 per frame-level row)."""
    frame_total = counts.assign(_k=k).groupby("frame", sort=False)["_k"].transform("sum")
    if "entry" not in counts.columns:
        return np.ones(len(k))
    entry_total = counts.assign(_k=k).groupby(["frame", "entry"], sort=False)["_k"].transform("sum")
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.nan_to_num((entry_total / frame_total).to_numpy(float))


def _bands(counts, k, cell, unit, p_draws, rng, conf):
    """The percentile band of each cell's corrected count, drawn in blocks of cells.

    A cell's hits are drawn as ``phi * Gamma(k / phi + 1/2)`` split exactly into one
    ``phi * Gamma(k_e / phi)`` per entry with hits (each times its precision) and one
    ``phi * Gamma(1/2)`` for the hits not seen, with the frame's mix of precisions: the
    Jeffreys half hit is the cell's, not each entry's (40 entries without hits would
    otherwise add 20 hits to the band).
    """
    phi = (
        counts["dispersion"].to_numpy(float) if "dispersion" in counts.columns else np.ones(len(k))
    )
    phi = np.where(np.isfinite(phi) & (phi >= 1), phi, 1.0)
    n_sim, n_cells = p_draws.shape[0], int(cell.max()) + 1 if len(cell) else 0
    cell_phi = np.ones(n_cells)
    np.maximum.at(cell_phi, cell, phi)
    mix = _frame_mix(counts, k)
    lo, hi = np.full(n_cells, np.nan), np.full(n_cells, np.nan)
    order = np.argsort(cell, kind="stable")
    starts = np.concatenate([[0], np.flatnonzero(np.diff(cell[order])) + 1])
    step = max(1, _BLOCK // max(n_sim, 1))
    q = [(1 - conf) / 2, 1 - (1 - conf) / 2]
    for b in range(0, len(starts), step):
        first = starts[b : b + step]
        stop = starts[b + step] if b + step < len(starts) else len(order)
        rows = order[first[0] : stop]
        p = p_draws[:, unit[rows]]
        shape = k[rows] / phi[rows]
        seen = phi[rows] * rng.gamma(np.where(shape > 0, shape, 1.0), size=(n_sim, len(rows)))
        seen = np.where(shape > 0, seen, 0.0)
        ids = cell[order[first]]
        unseen = cell_phi[ids] * rng.gamma(0.5, size=(n_sim, len(ids)))
        offsets = first - first[0]
        total = np.add.reduceat(seen * p, offsets, axis=1)
        total += unseen * np.add.reduceat(p * mix[rows], offsets, axis=1)
        lo[ids], hi[ids] = np.quantile(total, q, axis=0)
    return lo, hi


def _table(counts, level, cells, cell, corrected_rows, lo, hi) -> pd.DataFrame:
    """The frame cells with their corrected counts and rates."""
    if level == "entry":
        frame = counts.assign(_c=corrected_rows, _cell=cell)
        out = frame.groupby("_cell", sort=True).agg(
            **{c: (c, "first") for c in cells},
            n_hits=("n_hits", "sum"),
            n_tokens=("n_tokens", "first"),
            n_hits_corrected=("_c", "sum"),
        )
        out = out.reset_index(drop=True)
    else:
        out = counts.assign(n_hits_corrected=corrected_rows)
        lo, hi = lo[cell], hi[cell]
    tokens = out["n_tokens"].to_numpy(float)
    k = out["n_hits"].to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        per = np.where(tokens > 0, 1000 / tokens, np.nan)
        out["per_1k_tokens"] = k * per
        out["precision"] = np.where(k > 0, out["n_hits_corrected"] / k, np.nan)
        out["n_hits_corrected_lo"], out["n_hits_corrected_hi"] = lo, hi
        out["per_1k_tokens_corrected"] = out["n_hits_corrected"] * per
        out["per_1k_tokens_corrected_lo"] = lo * per
        out["per_1k_tokens_corrected_hi"] = hi * per
    out.attrs = dict(counts.attrs)
    return out
