"""Named periods of articles: which articles fall in ``{name: (start, end)}`` date ranges.

Used by :func:`framing.compare` (``periods=``) to compare, e.g., the year before an event
with the year after it. Bounds are inclusive; a period string is its whole span.
"""

from __future__ import annotations

import pandas as pd

from ._errors import FramingError
from ._tables import check_dates

__all__ = ["period_labels"]


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
