"""Parsing a column of dates: ISO 8601 in bulk, then the other formats one by one."""

from __future__ import annotations

import math
import numbers
import re
import warnings
from datetime import date as _date
from datetime import datetime as _datetime

import numpy as np
import pandas as pd

from .._errors import FramingError, FramingWarning

_NS_MIN, _NS_MAX = pd.Timestamp.min, pd.Timestamp.max
_UNIX = re.compile(r"^[+-]?\d{9,11}(?:\.\d+)?$")
_AWARE = re.compile(
    r"\d:\d\d(?::\d\d(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d\d(?::?\d\d)?)\s*$", re.IGNORECASE
)
_DOTTED = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\b")
# a date of numbers only, such as 01/02/2024, 1-2-24 or 01.02.2024: day and month may swap
_NUMERIC = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2\d{2,4}\b")
_ZONE_NAME = re.compile(r"(?<=[\d\s])(?:utc|gmt)(?=\s*$)", re.IGNORECASE)  # dateutil: upper case
_RFC2822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d\d")
_RU_MONTHS = {
    "январ": "January", "феврал": "February", "март": "March", "апрел": "April",
    "ма": "May", "июн": "June", "июл": "July", "август": "August", "сентябр": "September",
    "октябр": "October", "ноябр": "November", "декабр": "December",
}  # fmt: skip
_RU_MONTH = re.compile(
    r"\b(январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)(?:я|ь|а|й|е)?\b",
    re.IGNORECASE,
)
_RU_YEAR = re.compile(r"\s*(?:г\.|года?)(?=\s|$|,)", re.IGNORECASE)
_D1, _D2 = _datetime(2000, 1, 1), _datetime(2001, 2, 2)


class _BadDate(Exception):
    pass


def _ns(ts: pd.Timestamp) -> np.datetime64:
    return ts.as_unit("ns").to_datetime64()


def _to_naive(ts: pd.Timestamp, tz: str | None) -> pd.Timestamp:
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None) if tz is None else ts.tz_convert(tz).tz_localize(None)
    if not (_NS_MIN <= ts <= _NS_MAX):
        raise _BadDate("out of the supported range 1677-2262")
    return ts


def _parse_string(value: str, tz: str | None, dayfirst: bool | None = None) -> pd.Timestamp:
    """Parse one date string with the fallbacks (not ISO 8601, tried first in bulk).

    ``dayfirst`` is the column's order of day and month for dates of numbers only
    (:func:`column_dayfirst`); None reads dotted dates day-first and the others month-first.
    """
    from dateutil import parser

    text = value.strip()
    if _UNIX.match(text):
        return _to_naive(pd.Timestamp(float(text), unit="s", tz="UTC"), tz)
    if _RU_MONTH.search(text):
        text = _RU_MONTH.sub(lambda m: _RU_MONTHS[m.group(1).lower()], text)
        text = _RU_YEAR.sub("", text)
    text = _ZONE_NAME.sub(lambda m: m.group().upper(), text)
    if _RFC2822.match(text):
        from email.utils import parsedate_to_datetime

        try:
            return _to_naive(pd.Timestamp(parsedate_to_datetime(text)), tz)
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    if tz is None or tz.upper() == "UTC":
        try:
            parsed = _datetime.fromisoformat(text)
            return _to_naive(pd.Timestamp(parsed), tz)
        except ValueError:
            pass
    if dayfirst is None or not _NUMERIC.match(text):
        dayfirst = bool(_DOTTED.match(text))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            first = parser.parse(text, default=_D1, dayfirst=dayfirst)
            second = parser.parse(text, default=_D2, dayfirst=dayfirst)
        except (ValueError, OverflowError, TypeError) as exc:
            raise _BadDate("not a date format framing knows") from exc
    if first.year != second.year or first.month != second.month:
        raise _BadDate("no year or month")
    try:
        return _to_naive(pd.Timestamp(first), tz)
    except (ValueError, OverflowError) as exc:
        raise _BadDate(str(exc)) from exc


def _parse_other(value, tz):
    if isinstance(value, bool):
        raise _BadDate("a boolean, not a date")
    if isinstance(value, numbers.Real):
        if not math.isfinite(value):
            raise _BadDate("not a finite number")
        try:
            return _to_naive(pd.Timestamp(float(value), unit="s", tz="UTC"), tz)
        except (ValueError, OverflowError) as exc:
            raise _BadDate("unix seconds out of range") from exc
    if isinstance(value, (_datetime, pd.Timestamp, np.datetime64)):
        try:
            return _to_naive(pd.Timestamp(value), tz)
        except (ValueError, OverflowError) as exc:
            raise _BadDate(str(exc)) from exc
    if isinstance(value, _date):
        return _to_naive(pd.Timestamp(value), tz)
    raise _BadDate(f"a {type(value).__name__}, not a date")


def is_missing(value) -> bool:
    """Whether a cell holds no value: None, NaN, NaT, NA or a blank string."""
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, np.datetime64) and np.isnat(value):
        return True
    return isinstance(value, str) and not value.strip()


#: what _plain_iso_dates takes (RE2 syntax; \d is ASCII there)
_PLAIN_ISO = r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}:\d{2})?$"
_PLAIN_FIRST, _PLAIN_LAST = np.datetime64("1678-01-01", "s"), np.datetime64("2261-12-31", "s")


def _plain_iso_dates(values: pd.Series) -> np.ndarray | None:
    """The common case at once: a column of Arrow strings, every one an ISO date or date and
    time to the second without a zone ("1987-02-26", "2024-03-05 13:00:00") between 1678
    and 2261. Parsed by NumPy, which refuses what the general path refuses (1987-02-30,
    24:00:00); datetime64[ns], or None when any value is otherwise (the general path then).
    A date without a zone is kept as written whatever ``tz``, as the general path does."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        array = pa.array(values.array)
    except (pa.ArrowException, TypeError, ValueError):
        return None
    if not len(array) or array.null_count:
        return None
    if not pc.all(pc.match_substring_regex(array, _PLAIN_ISO)).as_py():
        return None
    try:
        parsed = np.array(array.to_pylist(), dtype="datetime64[s]")
    except ValueError:
        return None
    if parsed.min() < _PLAIN_FIRST or parsed.max() > _PLAIN_LAST:
        return None
    return parsed.astype("datetime64[ns]")


def parse_dates(values: pd.Series, *, date_format: str | None, tz: str | None):
    """Parse a column of dates: ``(datetime64[ns] array, {position: (reason, detail)})``.

    A datetime column is converted; a column of plain ISO dates is parsed by NumPy at once;
    otherwise strings are parsed in bulk (ISO 8601, or ``date_format``), then the ones that
    fail one by one with the fallbacks, and other values (numbers, dates) one by one.
    """
    if isinstance(values.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(values):
        return _datetime_column(values, tz)
    if date_format is None and isinstance(values.dtype, pd.StringDtype):
        plain = _plain_iso_dates(values)
        if plain is not None:
            return plain, {}
    out = np.full(len(values), np.datetime64("NaT", "ns"))
    problems: dict[int, tuple[str, str]] = {}
    strings = _strings_to_parse(values, out, problems, date_format=date_format, tz=tz)
    if strings:
        _parse_strings(strings, out, problems, date_format=date_format, tz=tz)
    return out, problems


def _datetime_column(values: pd.Series, tz: str | None):
    """A column of datetimes (with a zone or not) as :func:`parse_dates` returns it."""
    out = np.full(len(values), np.datetime64("NaT", "ns"))
    problems: dict[int, tuple[str, str]] = {}
    series = values
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        series = values.dt.tz_localize(None) if tz is None else values.dt.tz_convert(tz)
        series = series.dt.tz_localize(None)
    arr = series.to_numpy()
    missing = np.isnat(arr)
    # the range of nanoseconds in the column's unit (pandas: s, ms, us or ns)
    per = {"s": 10**9, "ms": 10**6, "us": 10**3, "ns": 1}[np.datetime_data(arr.dtype)[0]]
    ticks = arr.view(np.int64)
    inside = ~missing & (ticks >= -(-_NS_MIN.value // per)) & (ticks <= _NS_MAX.value // per)
    out[inside] = arr[inside].astype("datetime64[ns]")
    for i in np.flatnonzero(missing).tolist():
        problems[i] = ("missing date", "no date")
    for i in np.flatnonzero(~missing & ~inside).tolist():
        problems[i] = ("unparseable date", f"{str(arr[i])!r}: out of the supported range")
    return out, problems


def _strings_to_parse(
    values: pd.Series, out, problems, *, date_format, tz
) -> list[tuple[int, str]]:
    """The ``(position, stripped string)`` of the values to parse as text; a missing value is
    a problem, and any other value (a number, a date) is parsed into ``out`` here."""
    strings: list[tuple[int, str]] = []
    if isinstance(values.dtype, pd.StringDtype):  # str or missing: no per-value type checks
        stripped = [v.strip() for v in values.to_numpy(dtype=object, na_value="")]
        strings = [(i, v) for i, v in enumerate(stripped) if v]
        for i, v in enumerate(stripped):
            if not v:
                problems[i] = ("missing date", "no date")
        return strings
    for i, v in enumerate(values.astype(object).to_numpy()):
        if is_missing(v):
            problems[i] = ("missing date", "no date")
        elif isinstance(v, str):
            strings.append((i, v.strip()))
        elif date_format is not None and not isinstance(v, (_date, pd.Timestamp, np.datetime64)):
            strings.append((i, str(v).strip()))
        else:
            try:
                out[i] = _ns(_parse_other(v, tz))
            except _BadDate as exc:
                problems[i] = ("unparseable date", f"{v!r}: {exc}")
    return strings


def column_dayfirst(texts: list[str]) -> bool | None:
    """The order of day and month of a column's dates of numbers only, decided once.

    A first number over 12 (``25/02/2024``) makes the column day-first; a second one over 12
    (``02/25/2024``) month-first. A column of dotted dates with neither is day-first
    (``01.02.2024``: nobody writes month-first with dots). Any other column with neither is
    ambiguous: it is read month-first, with a warning that names ``date_format=``. A column with both is read date by date, with the same warning.
    Returns True (day-first), False (month-first) or None (no evidence, or contradictory).

    Examples
    --------
    >>> column_dayfirst(["01/02/2024", "13/02/2024"]), column_dayfirst(["02/13/2024"])
    (True, False)
    """
    firsts, seconds, examples = [], [], []
    for text in texts:
        m = _NUMERIC.match(text)
        if m:
            firsts.append(int(m.group(1)))
            seconds.append(int(m.group(3)))
            examples.append(text)
    if not examples:
        return None
    day_first, month_first = max(firsts) > 12, max(seconds) > 12
    if day_first != month_first:
        return day_first
    if not day_first and all(_DOTTED.match(t) for t in examples):
        return True  # 01.02.2024 is day-first wherever dots are written (DIN, GOST)
    how = "some read day-first and some month-first" if day_first else "all could be either"
    warnings.warn(
        f"{len(examples):,} dates of numbers only, such as {examples[0]!r}, could be read "
        f"day-first or month-first ({how}); framing read dotted ones day-first and the others "
        "month-first. Pass date_format= to read_articles (e.g. date_format='%d/%m/%Y') to say "
        "which.",
        FramingWarning,
        stacklevel=6,
    )
    return None


def _parse_strings(strings: list[tuple[int, str]], out, problems, *, date_format, tz) -> None:
    """Parse ``strings`` into ``out``: in bulk, then one by one those the bulk parse missed;
    dates of numbers only in the column's one order of day and month."""
    local = _parse_in_bulk(pd.Series([s for _, s in strings], dtype=object), date_format, tz)
    positions = np.fromiter((i for i, _ in strings), dtype=np.int64, count=len(strings))
    valid = local.notna().to_numpy()
    in_range = valid & ((local >= _NS_MIN) & (local <= _NS_MAX)).to_numpy()
    out[positions[in_range]] = local[in_range].to_numpy().astype("datetime64[ns]")
    for j in np.flatnonzero(valid & ~in_range):
        problems[int(positions[j])] = (
            "unparseable date",
            f"{strings[j][1]!r}: out of the supported range 1677-2262",
        )
    missed = np.flatnonzero(~valid)
    dayfirst = None
    if date_format is None:
        dayfirst = column_dayfirst([strings[j][1] for j in missed.tolist()])
    for j in missed:
        pos, text = strings[j]
        if date_format is not None and not (tz is None and _AWARE.search(text)):
            problems[pos] = ("unparseable date", f"{text!r} does not match {date_format!r}")
            continue
        try:
            if date_format is not None:
                ts = pd.Timestamp(_datetime.strptime(text, date_format))
                out[pos] = _ns(_to_naive(ts, tz))
            else:
                out[pos] = _ns(_parse_string(text, tz, dayfirst))
        except (_BadDate, ValueError) as exc:
            problems[pos] = ("unparseable date", f"{text!r}: {exc}")


def _parse_in_bulk(texts: pd.Series, date_format: str | None, tz: str | None) -> pd.Series:
    """ISO 8601 strings (or ``date_format``'s) parsed by pandas at once, as naive timestamps
    in ``tz``; NaT for unix seconds, for strings with a zone when ``tz`` is None, and for
    what pandas cannot parse."""
    # _UNIX and _AWARE, with a test first of what a match needs (no "-" after the first
    # character; a ":"): ISO dates never reach the regular expressions, 5-10 times as fast
    if date_format is None:
        unix = pd.Series(
            [s.find("-", 1) < 0 and ":" not in s and _UNIX.match(s) is not None for s in texts],
            dtype=bool,
        )
    else:
        unix = pd.Series(np.zeros(len(texts), dtype=bool))
    aware = pd.Series([":" in s and _AWARE.search(s) is not None for s in texts], dtype=bool)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = pd.to_datetime(
                texts.where(~unix, None),
                format=date_format or "ISO8601",
                utc=True,
                errors="coerce",
            )
    except (ValueError, TypeError) as exc:
        raise FramingError(
            f"{date_format!r} is not a date format pandas understands ({exc})",
            where="date_format",
            fix="Use strftime codes, e.g. date_format='%d.%m.%Y %H:%M'.",
        ) from exc
    if tz is None:
        parsed = parsed.where(~aware, pd.NaT)
    local = parsed.dt.tz_localize(None)
    if tz is not None and tz.upper() != "UTC":
        converted = parsed.dt.tz_convert(tz).dt.tz_localize(None)
        local = local.where(~aware, converted)
    return local


#: a gap between two groups of dates this long (about 20 years) marks the smaller as outliers
OUTLIER_GAP = np.timedelta64(7305, "D")


def warn_outlying_dates(articles: pd.DataFrame, *, stacklevel: int = 3) -> None:
    """Warn about dates after today, and about a few dates decades away from all the others.

    A typo'd year (``2204-01-15`` among 2024 dates, ``1924`` for ``2024``) is a valid date,
    so it is kept; but daily counts would then span centuries. The warning names the rows
    (their ``article_id``) and says how to look at them. A group is "a few" when it holds at
    most 1% of the articles (at least 3).

    Examples
    --------
    >>> import warnings
    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"],
    ...     "date": pd.to_datetime(["2024-01-02", "2024-03-04", "2204-01-15"])})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_outlying_dates(arts)
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    1 article dated after today (...): 'c' (2204-01-15). A typo in the year? ...
    """
    if not len(articles):
        return
    dates = articles["date"].to_numpy(dtype="datetime64[ns]")
    ids = articles["article_id"].to_numpy(dtype=object)
    today = np.datetime64(_date.today(), "ns") + np.timedelta64(1, "D")
    late = np.flatnonzero(dates > today)
    if len(late):
        _warn_dates(f"dated after today ({_date.today()})", late, ids, dates, stacklevel)
    order = np.argsort(dates[dates <= today], kind="stable")
    kept = np.flatnonzero(dates <= today)[order]
    if len(kept) < 2:
        return
    gaps = np.diff(dates[kept])
    cut = int(np.argmax(gaps))
    if gaps[cut] < OUTLIER_GAP:
        return
    few = max(3, len(kept) // 100)
    before, after = kept[: cut + 1], kept[cut + 1 :]
    small = before if len(before) <= len(after) else after
    if len(small) <= few:
        years = round(int(gaps[cut] / np.timedelta64(1, "D")) / 365.25)
        _warn_dates(f"{years} years away from all the others", small, ids, dates, stacklevel)


def _warn_dates(what: str, rows: np.ndarray, ids, dates, stacklevel: int) -> None:
    shown = ", ".join(
        f"{ids[i]!r} ({np.datetime_as_string(dates[i], unit='D')})" for i in rows[:5].tolist()
    )
    more = f" and {len(rows) - 5:,} more" if len(rows) > 5 else ""
    noun = "article" if len(rows) == 1 else "articles"
    warnings.warn(
        f"{len(rows):,} {noun} {what}: {shown}{more}. A typo in the year? Look at them with "
        "articles[articles['article_id'].isin([...])]; they are kept, and counts by period "
        "span their dates.",
        FramingWarning,
        stacklevel=stacklevel + 1,
    )
