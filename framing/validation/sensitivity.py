"""Drop-one-entry sensitivity: how a frame's trend changes without each of its entries.

From a counts table per entry (``count_by_period(..., level="entry")``), every frame's rate
is recomputed without each of its entries in turn: a trend that one entry carries (the bare
"security" making half of a frame's hits) shows at once. Each cell's tokens stay the same;
only the hits of the dropped entry are taken out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._errors import FramingError
from .correction import cell_keys

__all__ = ["drop_one_entry", "FULL"]

#: the ``without`` label of the frame with all its entries
FULL = "(none)"


def drop_one_entry(counts: pd.DataFrame, *, summary: bool = False) -> pd.DataFrame:
    """Every frame's rate per cell without each of its entries (and with all of them).

    Parameters
    ----------
    counts : DataFrame
        From :func:`framing.count_by_period` with ``level="entry"``.
    summary : bool
        Instead of the rates, one row per frame and entry: its ``share`` of the frame's hits,
        ``correlation`` (Pearson, over the cells, between the frame's rate without it and
        with it) and ``max_change`` (the largest change of the rate, per 1,000 tokens).

    Returns
    -------
    DataFrame
        The cell columns (period, groups, frame), ``without`` (the entry left out, or
        ``"(none)"``), ``n_hits``, ``n_tokens`` and ``per_1k_tokens``.

    Examples
    --------
    >>> counts = pd.DataFrame({"period": [1, 1, 2, 2], "frame": "threat",
    ...     "entry": ["security", "threat*"] * 2, "n_hits": [8, 2, 1, 3],
    ...     "n_tokens": 1000})
    >>> drop_one_entry(counts)[["period", "without", "per_1k_tokens"]]
       period   without  per_1k_tokens
    0       1    (none)           10.0
    1       1  security            2.0
    2       1   threat*            8.0
    3       2    (none)            4.0
    4       2  security            3.0
    5       2   threat*            1.0
    >>> drop_one_entry(counts, summary=True)[["without", "share", "correlation"]]
        without     share  correlation
    0  security  0.642857         -1.0
    1   threat*  0.357143          1.0
    """
    if not isinstance(counts, pd.DataFrame) or not {"frame", "entry", "n_hits", "n_tokens"} <= set(
        counts.columns
    ):
        raise FramingError(
            "drop_one_entry needs a counts table per entry",
            where="drop_one_entry",
            fix="Count with framing.count_by_period(hits, articles, level='entry').",
        )
    cells = [c for c in cell_keys(counts) if c != "entry"]
    full = counts.groupby(cells, sort=False, dropna=False).agg(
        n_hits=("n_hits", "sum"), n_tokens=("n_tokens", "first")
    )
    parts = [full.reset_index().assign(without=FULL)]
    for entry, rows in counts.groupby("entry", sort=True):
        mine = rows.set_index(cells)["n_hits"]
        frames = set(rows["frame"])
        part = full[full.index.get_level_values("frame").isin(frames)].copy()
        part["n_hits"] = part["n_hits"] - mine.reindex(part.index, fill_value=0).to_numpy()
        parts.append(part.reset_index().assign(without=entry))
    out = pd.concat(parts, ignore_index=True)
    tokens = out["n_tokens"].to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["per_1k_tokens"] = np.where(tokens > 0, out["n_hits"] / tokens * 1000, np.nan)
    out = out[[*cells, "without", "n_hits", "n_tokens", "per_1k_tokens"]]
    order = {FULL: ""}
    out = out.sort_values(
        [*cells, "without"], key=lambda s: s.map(order).fillna(s) if s.name == "without" else s,
        kind="stable",
    ).reset_index(drop=True)  # fmt: skip
    return _summary(out, cells, counts) if summary else out


def _summary(out: pd.DataFrame, cells: list[str], counts: pd.DataFrame) -> pd.DataFrame:
    full = out[out["without"] == FULL].set_index(cells)["per_1k_tokens"]
    rows = []
    for (frame, entry), part in out[out["without"] != FULL].groupby(["frame", "without"]):
        rate = part.set_index(cells)["per_1k_tokens"]
        base = full.reindex(rate.index)
        ok = rate.notna() & base.notna()
        r = np.corrcoef(rate[ok], base[ok])[0, 1] if ok.sum() > 1 and rate[ok].std() > 0 else np.nan
        hits = counts.loc[counts["frame"] == frame, ["entry", "n_hits"]]
        total = hits["n_hits"].sum()
        share = hits.loc[hits["entry"] == entry, "n_hits"].sum() / total if total else np.nan
        change = float(np.nanmax(np.abs(rate[ok] - base[ok]))) if ok.any() else np.nan
        rows.append({"frame": frame, "without": entry, "share": share, "correlation": r,
                     "max_change": change})  # fmt: skip
    return pd.DataFrame(rows)
