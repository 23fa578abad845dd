"""The lexicon's datasheet: every entry's hits, precision and agreement, and what to review.

:func:`lexicon_report` gathers, for every entry of a lexicon, its hits and share of its
frame's hits, its precision with the Wilson interval (:func:`framing.precision`), the
coders' agreement on it when two or more coders coded it (:func:`framing.agreement`), and
flags the entries to review:

* ``precision below <min>``: the precision estimate is below ``min_precision``;
* ``not coded``: an entry with ``min_share`` or more of its frame's hits has no coded
  passage;
* ``needs N more passages``: its interval is wider than ±``half_width``
  (:func:`framing.sample_size`);
* ``coders disagree``: Krippendorff's alpha on it is below 0.667; when the coders agree
  on 90% of its passages or more, the flag says instead that the codes are too one-sided for
  alpha to judge (alpha's known paradox: one disagreement among passages nearly all coded
  alike gives alpha near 0);
* ``no hits``: the entry never matched (a typo, or a word the corpus does not use).

The header names the lexicon, its version and hash (the hash the counts' provenance
carries), the coders, the sheets and the date, so the datasheet is tied to the counts it
validates. With ``path=`` it is written as Markdown (``.md``) and CSV (``.csv``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from .._errors import FramingError
from .._tables import as_lexicon, check_hits
from ..export import atomic_write, write_csv
from .reliability import ALPHA_TENTATIVE, agreement
from .scores import check_coded, precision

__all__ = ["lexicon_report", "datasheet_markdown"]

#: Percent agreement from which a low alpha is put down to one-sided codes.
ONE_SIDED = 0.9

_SHOWN = {
    "frame": "frame", "entry": "entry", "n_hits": "hits", "share": "share of frame",
    "n_coded": "coded", "n_relevant": "relevant", "n_unsure": "unsure",
    "precision": "precision", "precision_low": "low", "precision_high": "high",
    "alpha": "alpha", "percent_agreement": "agree", "review": "review",
}  # fmt: skip


def lexicon_report(
    lexicon,
    hits: pd.DataFrame,
    coded: pd.DataFrame,
    *,
    path=None,
    min_precision: float = 0.7,
    min_share: float = 0.05,
    half_width: float = 0.10,
    conf: float = 0.95,
    n_boot: int = 1000,
    seed: int | None = 0,
) -> pd.DataFrame:
    """The lexicon's datasheet: hits, precision, agreement and review flags of every entry.

    Parameters
    ----------
    lexicon : Lexicon or dict
        The lexicon the hits were found with (its order of frames and entries is kept;
        entries without hits get a row).
    hits : DataFrame
        Its hits (:func:`framing.find_hits`).
    coded : DataFrame
        The coding table (:func:`framing.read_coding`) of a sample of these hits.
    path : str or Path, optional
        Write the datasheet to ``path`` with the suffixes ``.md`` and ``.csv`` (e.g.
        ``"data/lexicons/security-datasheet"`` beside ``security.yml``).
    min_precision, min_share, half_width : float
        The review thresholds (see the module's notes).
    conf : float
        Confidence level of the intervals.
    n_boot, seed
        The bootstrap of the overall alpha (:func:`framing.agreement`).

    Returns
    -------
    DataFrame
        One row per entry: ``frame``, ``entry``, ``n_hits``, ``share``, ``n_coded``,
        ``n_relevant``, ``n_unsure``, ``precision``, ``precision_low``, ``precision_high``,
        ``n_needed``, ``alpha`` (NaN with one coder) and ``review`` ("" when nothing to
        review). ``attrs["datasheet"]`` holds the header: lexicon, version, hash, coders,
        sheets, date, passages coded, overall agreement.

    Examples
    --------
    >>> lex = {"threat": ["threat*", "security"]}
    >>> hits = pd.DataFrame({"article_id": list("abcdef"), "frame": "threat",
    ...     "entry": ["threat*"] * 4 + ["security"] * 2, "start": 0, "end": 6})
    >>> coded = hits.assign(coder="ann", code=["relevant"] * 4 + ["not_relevant"] * 2)
    >>> sheet = lexicon_report(lex, hits, coded)
    >>> sheet[["entry", "n_hits", "precision", "review"]]
          entry  n_hits  precision               review
    0   threat*       4        1.0
    1  security       2        0.0  precision below 0.7
    """
    lexicon = as_lexicon(lexicon, "lexicon_report")
    check_hits(hits, "lexicon_report", ("frame", "entry"))
    check_coded(coded, "lexicon_report")
    table = precision(coded, hits=hits, conf=conf, half_width=half_width, min_share=min_share)
    order = pd.DataFrame(
        [(e.frame, e.pattern) for e in lexicon.entries], columns=["frame", "entry"]
    )
    table = order.merge(table, on=["frame", "entry"], how="left")
    for col in ("n_hits", "n_coded", "n_relevant", "n_unsure", "n_needed"):
        table[col] = table[col].fillna(0).astype("int64")
    table["share"] = table["share"].fillna(0.0)
    overall, table["alpha"], table["percent_agreement"] = _agreement(
        coded, table, n_boot, seed, conf
    )
    table["review"] = _review(table, min_precision, min_share)
    table.attrs["datasheet"] = _header(lexicon, hits, coded, overall)
    if path is not None:
        _write(table, Path(path))
    return table


def _agreement(coded, table, n_boot, seed, conf):
    """The overall agreement (a dict, or None with one coder), alpha and percent agreement
    per entry."""
    alpha = np.full(len(table), np.nan)
    if coded["coder"].nunique() < 2:
        return None, alpha, alpha.copy()
    try:
        result = agreement(coded, by="entry", n_boot=n_boot, seed=seed, conf=conf)
    except FramingError as exc:
        if "no passage in common" not in str(exc):
            raise
        return None, alpha, alpha.copy()
    per_entry = result.iloc[1:].set_index("entry")  # row 0 is the overall "all"
    alpha = per_entry["alpha"].reindex(table["entry"]).to_numpy(float)
    agree = per_entry["percent_agreement"].reindex(table["entry"]).to_numpy(float)
    first = result.iloc[0]
    overall = {k: first[k] for k in ("coders", "n_passages", "alpha", "alpha_low",
                                     "alpha_high", "kappa", "reliability")}  # fmt: skip
    return overall, alpha, agree


def _review(table: pd.DataFrame, min_precision: float, min_share: float) -> list[str]:
    reasons = []
    for row in table.itertuples(index=False):
        why = []
        if row.n_hits == 0:
            why.append("no hits")
        elif row.n_coded == 0 and row.share >= min_share:
            why.append("not coded")
        if row.precision == row.precision and row.precision < min_precision:
            why.append(f"precision below {min_precision:g}")
        if row.n_needed > 0:
            left = row.n_hits - row.n_coded - row.n_unsure
            why.append(
                f"needs {row.n_needed} more passages" + (" (all)" if row.n_needed == left else "")
            )
        if row.alpha == row.alpha and row.alpha < ALPHA_TENTATIVE:
            why.append(_disagreement(row.alpha, row.percent_agreement))
        reasons.append("; ".join(why))
    return reasons


def _disagreement(alpha: float, agree: float) -> str:
    """The review flag of a low alpha, saying when it comes from one-sided codes."""
    if agree == agree and agree >= ONE_SIDED:
        return (
            f"alpha {alpha:.2f} though coders agree on {agree:.0%}: codes too one-sided for "
            "alpha to judge; code passages that vary more"
        )
    return f"coders disagree (alpha {alpha:.2f})"


def _header(lexicon, hits, coded, overall) -> dict:
    info = coded.attrs.get("coding", {})
    return {
        "lexicon": lexicon.name,
        "version": lexicon.meta.get("version"),
        "hash": lexicon.hash,
        "hits_lexicon_hash": (hits.attrs.get("provenance") or {}).get("lexicon_hash")
        or hits.attrs.get("lexicon_hash"),
        "n_hits": len(hits),
        "n_passages": len(coded),
        "coders": sorted(coded["coder"].astype(str).unique().tolist()),
        "sheets": list(info.get("sheets", [])),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d"),
        "agreement": overall,
    }


def _cell(value) -> str:
    if isinstance(value, float | np.floating):
        return "" if value != value else f"{value:.2f}"
    return str(value).replace("|", "\\|").replace("\n", " ")


def datasheet_markdown(table: pd.DataFrame) -> str:
    """The datasheet of :func:`lexicon_report` as Markdown: its header, then one table.

    Examples
    --------
    >>> sheet = pd.DataFrame({"frame": ["t"], "entry": ["x|y"], "n_hits": [3],
    ...     "precision": [0.5], "review": [""]})
    >>> sheet.attrs["datasheet"] = {"lexicon": "demo", "version": "1", "hash": "ab12"}
    >>> print(datasheet_markdown(sheet))
    # Datasheet of the lexicon demo
    <BLANKLINE>
    - version: 1
    - hash: ab12
    <BLANKLINE>
    | frame | entry | hits | precision | review |
    |---|---|---|---|---|
    | t | x\\|y | 3 | 0.50 |  |
    <BLANKLINE>
    """
    head = dict(table.attrs.get("datasheet", {}))
    lines = [f"# Datasheet of the lexicon {head.pop('lexicon', '')}", ""]
    for key, value in head.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {_cell(v)}" for k, v in value.items())
        elif isinstance(value, list):
            value = ", ".join(map(str, value))
        lines.append(f"- {key.replace('_', ' ')}: {value}")
    cols = [c for c in _SHOWN if c in table.columns]
    lines += ["", "| " + " | ".join(_SHOWN[c] for c in cols) + " |"]
    lines.append("|" + "---|" * len(cols))
    for row in table[cols].itertuples(index=False):
        lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
    return "\n".join(lines) + "\n"


def _write(table: pd.DataFrame, path: Path) -> None:
    if path.is_dir():
        raise FramingError(
            "is a folder", where=str(path), fix="Pass a file name without suffix, e.g. "
            "'data/lexicons/security-datasheet'."
        )  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    text = datasheet_markdown(table)
    atomic_write(path.with_suffix(".md"), lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    write_csv(table, path.with_suffix(".csv"))
