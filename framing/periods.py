"""Named periods of articles: which articles fall in ``{name: (start, end)}`` date ranges.

Used by :func:`framing.compare` (``periods=``) to compare, e.g., the year before an event
with the year after it. Bounds are inclusive; a period string is its whole span. Also which
periods of a counts table the articles cover only in part (:func:`partial_periods`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._errors import FramingError
from ._tables import check_dates

__all__ = ["period_labels", "partial_periods"]


def _period_bound(value, side: str, name: str):
    where = f"compare(periods={{{name!r}: ...}})"
    if value is None:
        return None
    try:
        if isinstance(value, str):
            period = pd.Period(value)
            return period.start_time if side == "start" else period.end_time
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError) as exc:
        raise FramingError(
            f"{value!r} is not a date or period",
            where=where,
            fix="Use strings like '2022-09' (a month), '2023' (a year) or '2023-09-15'.",
        ) from exc
    return stamp if side == "start" else stamp + pd.Timedelta(days=1) - pd.Timedelta(1, "ns")


def period_labels(articles: pd.DataFrame, periods) -> tuple[pd.Series, list]:
    """Label each article with the period it falls in (inclusive bounds), and list the periods.

    ``periods`` is ``{name: (start, end)}``; bounds are dates or periods ("2023-08" ends on
    31 August), None for open; articles outside every period are labelled None.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"date": pd.to_datetime(["2022-09-30", "2023-09-01", "2024-07-01"])})
    >>> labels, names = period_labels(arts, {"before": ("2022-09", "2023-08"),
    ...                                      "after": ("2023-09", None)})
    >>> labels.tolist(), names
    (['before', 'after', 'after'], ['before', 'after'])
    """
    if not isinstance(periods, dict) or not periods:
        raise FramingError(
            f"{periods!r} is not a dict of periods",
            where="compare(periods=...)",
            fix='Pass e.g. {"before": ("2022-09", "2023-08"), "after": ("2023-09", "2024-06")}.',
        )
    check_dates(articles, function="compare(periods=...)")
    dates = articles["date"]
    if dates.dt.tz is not None:
        dates = dates.dt.tz_localize(None)
    labels = pd.Series([None] * len(articles), index=articles.index, dtype=object)
    for name, bounds in periods.items():
        if not isinstance(bounds, tuple | list) or len(bounds) != 2:
            raise FramingError(
                f"{bounds!r} is not a (start, end) pair",
                where=f"compare(periods={{{name!r}: ...}})",
                fix="Give each period as (start, end), e.g. ('2022-09', '2023-08'); ends are inclusive.",
            )
        lo = _period_bound(bounds[0], "start", name)
        hi = _period_bound(bounds[1], "end", name)
        inside = dates.notna().to_numpy().copy()
        if lo is not None:
            inside &= (dates >= lo).to_numpy()
        if hi is not None:
            inside &= (dates <= hi).to_numpy()
        taken = labels.notna().to_numpy() & inside
        if taken.any():
            other = labels[taken].iloc[0]
            raise FramingError(
                f"periods {other!r} and {name!r} overlap ({int(taken.sum())} articles fall in both)",
                where="compare(periods=...)",
                fix="Make the periods disjoint; both bounds are inclusive.",
            )
        labels[inside] = name
    return labels, list(periods)


def partial_periods(periods: pd.Series, corpus: dict | None) -> np.ndarray:
    """Whether each period is only partly covered by the articles: the period of the first
    article when it starts after the period does, the period of the last article when it
    ends before the period does (the corpus provenance gives both dates).

    Examples
    --------
    >>> periods = pd.Series(pd.period_range("2024-01", "2024-03", freq="M"))
    >>> partial_periods(periods, {"first_date": "2024-01-10", "last_date": "2024-03-31"})
    array([ True, False, False])
    """
    flags = np.zeros(len(periods), dtype=bool)
    if not corpus or not corpus.get("first_date") or not len(periods):
        return flags
    first, last = pd.Timestamp(corpus["first_date"]), pd.Timestamp(corpus["last_date"])
    starts = periods.dt.start_time.to_numpy()
    ends = periods.dt.end_time.dt.normalize().to_numpy()
    holds_first = (starts <= first.to_datetime64()) & (first.to_datetime64() <= ends)
    holds_last = (starts <= last.to_datetime64()) & (last.to_datetime64() <= ends)
    flags |= holds_first & (first.to_datetime64() > starts)
    flags |= holds_last & (last.to_datetime64() < ends)
    return flags
