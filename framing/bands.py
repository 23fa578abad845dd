"""Bootstrap bands of a counts table: articles resampled within each period and group.

``count_by_period(..., interval="bootstrap")`` replaces the hit and rate bands of the table
with percentile intervals from a bootstrap over articles: in every cell of periods and
groups, the articles are drawn with replacement ``n_boot`` times (one seeded NumPy
generator, cells in the table's order), their hits and tokens summed and the rate
recomputed. It makes no assumption about how hits cluster in articles, at the cost of time
(``n_boot`` sums per cell) and of coarse bands in cells with few articles. The quasi-Poisson
band (:mod:`framing.intervals`) is the default.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._errors import FramingError
from ._tables import hit_rows
from .bootstrap import quantiles, random_generator, resampled_sums

__all__ = ["bootstrap_bands"]


def bootstrap_bands(
    counts: pd.DataFrame, hits: pd.DataFrame, articles: pd.DataFrame, tokens: np.ndarray, *,
    freq: str, by: list[str], labels: list[str], n_boot: int, seed, conf: float,
) -> pd.DataFrame:  # fmt: skip
    """``counts`` with ``n_hits_lo/_hi`` and ``per_1k_tokens_lo/_hi`` from the bootstrap.

    ``hits`` are the hits counted (after any voice or negation choice), ``tokens`` each
    article's tokens (in the order of ``articles``), ``labels`` the columns that tell the
    table's series apart (``frame``, and ``entry`` or ``negated``).
    """
    if isinstance(n_boot, bool) or not isinstance(n_boot, int | np.integer) or n_boot < 1:
        raise FramingError(
            f"{n_boot!r} is not a number of resamples",
            where="count_by_period(n_boot=...)",
            fix="Pass a whole number >= 1, e.g. n_boot=1000.",
        )
    rng = random_generator(seed, "count_by_period(seed=...)")
    dates = articles["date"]
    if dates.dt.tz is not None:
        dates = dates.dt.tz_localize(None)
    cell_keys = [dates.dt.to_period(freq).dt.start_time.rename("period")]
    cell_keys += [articles[c].astype(object).where(articles[c].notna(), "") for c in by]
    cells = pd.MultiIndex.from_arrays(cell_keys)
    code, uniques = pd.factorize(cells, sort=True)
    series = pd.MultiIndex.from_frame(hits[labels].astype(object)) if labels else None
    label_code, label_uniques = pd.factorize(series, sort=True)
    rows = hit_rows(hits, articles["article_id"], function="count_by_period")
    n_labels = max(len(label_uniques), 1)
    per_article = np.zeros((len(articles), n_labels))
    np.add.at(per_article, (rows, label_code), 1.0)
    out = counts.copy()
    bounds = np.full((len(out), 4), np.nan)  # n_hits lo, hi; per_1k_tokens lo, hi
    position = {index: i for i, index in enumerate(out.index)}
    lookup = _row_lookup(out, ["period", *by], labels)
    qs = [(1 - conf) / 2, 1 - (1 - conf) / 2]
    for cell in range(len(uniques)):
        members = np.flatnonzero(code == cell)
        boot_hits, boot_tokens = resampled_sums(rng, per_article[members], tokens[members], n_boot)
        with np.errstate(divide="ignore", invalid="ignore"):
            rates = np.where(boot_tokens[:, None] > 0, boot_hits / boot_tokens[:, None] * 1000,
                             np.nan)  # fmt: skip
        (h_lo, h_hi), (r_lo, r_hi) = quantiles(boot_hits, qs), quantiles(rates, qs)
        key = uniques[cell] if isinstance(uniques[cell], tuple) else (uniques[cell],)
        for j, label in enumerate(label_uniques):
            label = label if isinstance(label, tuple) else (label,)
            row = lookup.get((*key, *label))
            if row is not None:
                bounds[position[row]] = h_lo[j], h_hi[j], r_lo[j], r_hi[j]
    out[["n_hits_lo", "n_hits_hi", "per_1k_tokens_lo", "per_1k_tokens_hi"]] = bounds
    # cells where a series has no hit: every resample has none as well
    none = out["n_hits"] == 0
    has_tokens = out["n_tokens"] > 0
    out.loc[none & has_tokens, ["n_hits_lo", "n_hits_hi"]] = 0.0
    out.loc[none & has_tokens, ["per_1k_tokens_lo", "per_1k_tokens_hi"]] = 0.0
    return out


def _row_lookup(counts: pd.DataFrame, keys: list[str], labels: list[str]) -> dict:
    """(period, groups..., labels...) -> the row label of ``counts``."""
    columns = [counts[c].tolist() for c in [*keys, *labels]]
    keys_of_rows = zip(*columns, strict=True)
    return {tuple(values): index for index, values in zip(counts.index, keys_of_rows, strict=True)}
