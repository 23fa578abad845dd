"""Precision per lexicon entry or frame, from coded passages, and the sample it needs.

The **precision** of an entry is the share of its coded passages coded relevant. Passages
coded ``unsure`` are left out of it (and counted in ``n_unsure``). When several coders coded
one passage it counts once, with the code most of them gave (``relevant`` when more coders
said relevant than not, ``not_relevant`` when fewer, ``unsure`` on a tie or when all were
unsure), so that a doubly coded sample does not weigh twice.

The interval is Wilson's score interval (:func:`framing.intervals.wilson_interval`), as
``statsmodels.stats.proportion.proportion_confint(method="wilson")`` gives it.

**A frame's precision.** A sample stratified by entry (``sample_kwic(by="entry")``) holds as
many passages of a rare entry as of a common one, so the plain share of its relevant passages
is not the frame's precision. Given the hits (``hits=``), ``by="frame"`` weights each entry's
precision by its share of the frame's hits (a stratified estimate) with a normal interval of
the weighted sum (each entry's variance from its Wilson centre, so an entry coded all
relevant still counts); ``coverage`` is the share of the frame's hits whose entries were
coded. Without the hits it is the pooled share of the sample.

**How many passages.** :func:`sample_size` is the smallest number of coded passages whose
Wilson interval is ±``half_width`` or narrower at a given precision (93 at 0.5 for ±0.10,
fewer far from 0.5). :func:`precision` plans with the value inside each entry's interval
nearest 0.5 (0.5 before any coding), so the plan errs on the safe side, and reports in
``n_needed`` how many more passages each entry needs; with ``hits=`` only the entries with at
least ``min_share`` of their frame's hits are planned for (and no entry beyond its hits).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._errors import FramingError, choices_error
from .._tables import check_hits
from ..intervals import wilson_interval
from .sheets import CODES, passage_keys

__all__ = ["precision", "sample_size", "resolve_codes", "check_coded", "PRECISION_BY"]

#: what :func:`precision` groups by
PRECISION_BY = ("entry", "frame")
_LARGEST = 1 << 24


def sample_size(precision=0.5, *, half_width: float = 0.10, conf: float = 0.95):
    """The fewest coded passages whose Wilson interval is ±``half_width`` or narrower.

    The half-width is that of the interval at ``precision`` (half its length).

    Examples
    --------
    >>> int(sample_size(0.5)), int(sample_size(0.9)), int(sample_size(0.5, half_width=0.05))
    (93, 37, 381)
    >>> sample_size([0.5, 0.8]).tolist()
    [93, 60]
    """
    from scipy.special import ndtri

    if not 0 < half_width < 0.5:
        raise FramingError(
            f"{half_width!r} is not a half-width of an interval of a proportion",
            where="sample_size(half_width=...)",
            fix="Pass a number between 0 and 0.5, e.g. 0.10.",
        )
    p = np.clip(np.asarray(precision, dtype=float), 0.0, 1.0)
    z = ndtri(1 - (1 - conf) / 2)

    def half(n):
        return z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)

    # the half-width falls as n grows (for every p), so bisect on whole numbers
    lo, hi = np.ones(p.shape), np.full(p.shape, float(_LARGEST))
    while (hi - lo > 0).any():
        mid = np.floor((lo + hi) / 2)
        ok = half(mid) <= half_width
        hi, lo = np.where(ok, mid, hi), np.where(ok, lo, mid + 1)
    return hi.astype(np.int64) if p.ndim else np.int64(hi)


def resolve_codes(coded: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per passage (``keys``), with the code most of its coders gave and ``n_coders``.

    Examples
    --------
    >>> coded = pd.DataFrame({"article_id": ["a", "a", "b"], "start": [0, 0, 3],
    ...     "end": [2, 2, 5], "code": ["relevant", "unsure", "not_relevant"]})
    >>> resolve_codes(coded, ["article_id", "start", "end"])[["code", "n_coders"]].values.tolist()
    [['relevant', 2], ['not_relevant', 1]]
    """
    code = coded["code"].to_numpy()
    counts = (
        pd.DataFrame({k: coded[k].to_numpy() for k in keys})
        .assign(**{c: (code == c).astype("int64") for c in CODES})
        .groupby(keys, sort=True, dropna=False)[list(CODES)]
        .sum()
    )
    rel, not_rel = counts["relevant"].to_numpy(), counts["not_relevant"].to_numpy()
    code = np.where(rel > not_rel, "relevant", np.where(rel < not_rel, "not_relevant", "unsure"))
    out = counts.index.to_frame(index=False)
    out["code"] = code
    out["n_coders"] = counts.sum(axis=1).to_numpy()
    return out


def check_coded(coded, function: str) -> None:
    if not isinstance(coded, pd.DataFrame) or not {"code", "article_id"} <= set(coded.columns):
        raise FramingError(
            f"{function} needs the coding table (with 'article_id' and 'code')",
            where=function,
            fix="Pass coded = framing.read_coding(path) for your coded sample_kwic sheets.",
        )
    bad = set(coded["code"].unique()) - {"relevant", "not_relevant", "unsure"}
    if bad:
        raise FramingError(
            f"the 'code' column holds {sorted(map(str, bad))[:5]}, not normalized codes",
            where=function,
            fix="Read the sheets with framing.read_coding, which normalizes the codes.",
        )


def precision(
    coded: pd.DataFrame,
    *,
    by: str = "entry",
    hits: pd.DataFrame | None = None,
    conf: float = 0.95,
    half_width: float = 0.10,
    min_share: float = 0.05,
) -> pd.DataFrame:
    """Precision of every lexicon entry (or frame) from coded passages, with its interval.

    Parameters
    ----------
    coded : DataFrame
        The coding table from :func:`framing.read_coding`.
    by : {"entry", "frame"}
        One row per ``frame`` and ``entry``, or per ``frame`` (see the module's notes).
    hits : DataFrame, optional
        The hits the sample was drawn from: adds every entry's ``n_hits`` and ``share`` of its
        frame's hits (entries never coded get a row too), weights a frame's precision by its
        entries' hits, and plans the sample for the entries with ``min_share`` or more.
    conf : float
        Confidence level of the intervals.
    half_width : float
        The planned half-width of every planned entry's interval (``n_needed``).
    min_share : float
        Entries with at least this share of their frame's hits are planned for.

    Returns
    -------
    DataFrame
        ``frame``, ``entry`` (by entry), ``n_coded`` (passages coded relevant or not),
        ``n_relevant``, ``n_unsure``, ``precision``, ``precision_low``, ``precision_high``;
        with ``hits=`` also ``n_hits`` and ``share`` (by entry) or ``coverage`` (by frame);
        by entry ``n_needed``: the passages still to code. ``attrs["precision"]["n_needed"]``
        is their total and ``["message"]`` says it in a sentence.

    Examples
    --------
    >>> coded = pd.DataFrame({"article_id": list("abcdef"), "start": 0, "end": 5,
    ...     "frame": "threat", "entry": ["threat*"] * 4 + ["security"] * 2,
    ...     "code": ["relevant", "relevant", "not_relevant", "unsure", "not_relevant",
    ...              "relevant"]})
    >>> table = precision(coded)
    >>> table[["entry", "n_coded", "n_relevant", "n_unsure", "precision"]].round(3)
          entry  n_coded  n_relevant  n_unsure  precision
    0  security        2           1         0      0.500
    1   threat*        3           2         1      0.667
    >>> table.attrs["precision"]["n_needed"]
    181
    """
    check_coded(coded, "precision")
    if by not in PRECISION_BY:
        raise choices_error("precision(by=...)", by, PRECISION_BY)
    group = ["frame", "entry"] if by == "entry" else ["frame"]
    missing = [c for c in group if c not in coded.columns]
    if missing:
        raise FramingError(
            f"the coding table has no {missing[0]!r} column",
            where=f"precision(by={by!r})",
            fix="Code a sheet from sample_kwic, which writes 'frame' and 'entry'.",
        )
    keys = list(
        dict.fromkeys([*passage_keys(coded), *group, *(["entry"] if "entry" in coded else [])])
    )
    passages = resolve_codes(coded, keys)
    table = _tally(passages, group, conf)
    if hits is not None:
        check_hits(hits, "precision", ("frame", "entry"), subject="precision(hits=...)")
        table = _with_hits(table, passages, hits, group, conf)
    if by == "entry":
        table = _plan(table, half_width, conf, min_share, hits is not None)
    return table


def _tally(passages: pd.DataFrame, group: list[str], conf: float) -> pd.DataFrame:
    """Counts, precision and Wilson interval of every group of passages."""
    code = passages["code"]
    counts = (
        passages.assign(
            n_coded=(code != "unsure").astype("int64"),
            n_relevant=(code == "relevant").astype("int64"),
            n_unsure=(code == "unsure").astype("int64"),
        )
        .groupby(group, sort=True)[["n_coded", "n_relevant", "n_unsure"]]
        .sum()
        .reset_index()
    )
    return _with_interval(counts, conf)


def _with_interval(table: pd.DataFrame, conf: float) -> pd.DataFrame:
    n, x = table["n_coded"].to_numpy(float), table["n_relevant"].to_numpy(float)
    lo, hi = wilson_interval(x, n, conf=conf)
    with np.errstate(divide="ignore", invalid="ignore"):
        table["precision"] = np.where(n > 0, x / n, np.nan)
    table["precision_low"], table["precision_high"] = lo, hi
    return table


def _with_hits(table, passages, hits, group, conf) -> pd.DataFrame:
    """Add the hits per entry (all entries, coded or not) and, by frame, the weighted precision."""
    per_entry = hits.groupby(["frame", "entry"], sort=True).size().rename("n_hits").reset_index()
    per_entry["share"] = per_entry["n_hits"] / per_entry.groupby("frame")["n_hits"].transform("sum")
    if group == ["frame", "entry"]:
        out = per_entry.merge(table, on=group, how="outer")
        for col in ("n_hits", "n_coded", "n_relevant", "n_unsure"):
            out[col] = out[col].fillna(0).astype("int64")
        out["share"] = out["share"].fillna(0.0)
        cols = [*group, "n_hits", "share", "n_coded", "n_relevant", "n_unsure"]
        return _with_interval(out[cols].copy(), conf)
    entries = _with_interval(_tally(passages, ["frame", "entry"], conf), conf)
    return _weighted(table, per_entry.merge(entries, on=["frame", "entry"], how="left"), conf)


def _weighted(table: pd.DataFrame, entries: pd.DataFrame, conf: float) -> pd.DataFrame:
    """A frame's precision as its entries' precisions weighted by their share of its hits."""
    from scipy.special import ndtri

    z = ndtri(1 - (1 - conf) / 2)
    n = entries["n_coded"].fillna(0).to_numpy(float)
    coded = n > 0
    w = entries["share"].to_numpy(float)
    p = entries["precision"].to_numpy(float)
    # the variance of each entry's estimate around its Wilson centre (never 0)
    centre = (entries["n_relevant"].fillna(0).to_numpy(float) + z**2 / 2) / (n + z**2)
    var = np.where(coded, centre * (1 - centre) / (n + z**2), 0.0)
    parts = pd.DataFrame({
        "frame": entries["frame"], "w": np.where(coded, w, 0.0),
        "wp": np.where(coded, w * np.nan_to_num(p), 0.0), "wv": w**2 * var,
        "n_hits": entries["n_hits"],
    }).groupby("frame", sort=True).sum()  # fmt: skip
    with np.errstate(divide="ignore", invalid="ignore"):
        est = (parts["wp"] / parts["w"]).to_numpy()
        se = (np.sqrt(parts["wv"]) / parts["w"]).to_numpy()
    out = table.set_index("frame").reindex(parts.index)
    out["n_hits"] = parts["n_hits"].to_numpy()
    out["coverage"] = parts["w"].to_numpy()
    out["precision"] = est
    out["precision_low"] = np.clip(est - z * se, 0, 1)
    out["precision_high"] = np.clip(est + z * se, 0, 1)
    for col in ("n_coded", "n_relevant", "n_unsure"):
        out[col] = out[col].fillna(0).astype("int64")
    return out.reset_index()


def _plan(table: pd.DataFrame, half_width: float, conf: float, min_share: float, with_hits):
    """``n_needed``: the passages each entry still needs for an interval of ±half_width."""
    lo = table["precision_low"].fillna(0.5).to_numpy(float)
    hi = table["precision_high"].fillna(0.5).to_numpy(float)
    plan_p = np.clip(0.5, lo, hi)  # the precision inside the interval nearest 0.5
    need = np.maximum(sample_size(plan_p, half_width=half_width, conf=conf) - table["n_coded"], 0)
    if with_hits:
        need = np.where(table["share"] >= min_share, need, 0)
        need = np.minimum(
            need, np.maximum(table["n_hits"] - table["n_coded"] - table["n_unsure"], 0)
        )
    table["n_needed"] = np.asarray(need, dtype="int64")
    total = int(table["n_needed"].sum())
    planned = "every entry" + (
        f" with {min_share:.0%} or more of its frame's hits" if with_hits else ""
    )
    table.attrs["precision"] = {
        "n_needed": total,
        "half_width": half_width,
        "conf": conf,
        "message": (
            f"{total} more coded passages give {planned} a {conf:.0%} interval of "
            f"±{half_width:.2f} or narrower"
            if total
            else f"{planned[0].upper()}{planned[1:]} has a {conf:.0%} interval of ±{half_width:.2f} "
            "or narrower (at the planned precision)"
        ),
    }
    return table
