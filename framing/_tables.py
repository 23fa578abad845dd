"""The contracts of the tables between stages: their columns, their checks, dict -> Lexicon.

Every stage takes a table first (DESIGN §2): articles, hits, token totals, counts or a
comparison. The checks here are the one place that says what each table must hold and that
anticipates the usual mix-up (the articles passed where the hits go, a counts table passed as
hits) with one sentence naming the fix. :func:`table_kind` tells the tables apart by the
columns only one of them has.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ._errors import FramingError, choices_error
from .lexicon import Lexicon

__all__ = [
    "ARTICLES_COLUMNS",
    "HITS_KEYS",
    "TOKEN_TOTALS_COLUMNS",
    "COUNTS_COLUMNS",
    "RATIO_COLUMNS",
    "ARTICLES_HINT",
    "table_kind",
    "check_columns",
    "check_dates",
    "check_articles",
    "check_hits",
    "check_token_totals",
    "check_counts",
    "check_comparison",
    "hit_rows",
    "check_offsets",
    "OFFSET_SAMPLE",
    "as_lexicon",
    "frame_order",
    "entry_order",
]

#: the columns every articles table has (framing.read_articles gives them)
ARTICLES_COLUMNS = ("article_id", "date", "outlet", "title", "text")
#: the columns that tie a hit to its article and frame
HITS_KEYS = ("article_id", "frame")
#: the columns of the token totals (the normalization denominator per article)
TOKEN_TOTALS_COLUMNS = ("article_id", "n_tokens")
#: the sums of a counts table, from which its rates are computed
COUNTS_COLUMNS = ("period", "frame", "n_hits", "n_articles", "n_articles_with_hit", "n_tokens")
#: the columns of a comparison table that say a ratio and its interval
RATIO_COLUMNS = ("frame", "group", "reference", "ratio", "ratio_lo", "ratio_hi")
#: how to get an articles table with the columns it needs
ARTICLES_HINT = "Read articles with framing.read_articles, or pass columns={'body': 'text'} there."

#: how a message names a table passed by mistake
_PASSED = {
    "articles": "the articles table",
    "hits": "a hits table",
    "counts": "a counts table",
    "comparison": "a comparison table",
}


def table_kind(table) -> str | None:
    """Which of framing's tables ``table`` looks like, by the columns only that one has.

    ``"comparison"`` (a ``ratio``), ``"counts"`` (``n_hits``), ``"hits"`` (``start``, or a
    ``frame`` without a ``text``), ``"articles"`` (a ``text``), else None.

    Examples
    --------
    >>> table_kind(pd.DataFrame(columns=["article_id", "frame"]))
    'hits'
    >>> table_kind(pd.DataFrame(columns=["article_id", "text"]))
    'articles'
    """
    if not isinstance(table, pd.DataFrame):
        return None
    columns = table.columns
    if "ratio" in columns:
        return "comparison"
    if "n_hits" in columns:
        return "counts"
    if "start" in columns or ("frame" in columns and "text" not in columns):
        return "hits"
    if "text" in columns:
        return "articles"
    return None


def _mixup(what: str, function: str, where: str | None, fix: str | None) -> FramingError:
    return FramingError(what, where=where or function, fix=fix)


def check_columns(df, needed: Iterable[str], *, table: str, function: str, hint: str = "") -> None:
    """Raise a FramingError naming the missing columns of a table passed to ``function``.

    Examples
    --------
    >>> check_columns(pd.DataFrame({"a": [1]}), ["a"], table="articles", function="f")
    """
    if not isinstance(df, pd.DataFrame):
        raise FramingError(
            f"expected the {table} table as a pandas DataFrame, got {type(df).__name__}",
            where=function,
        )
    missing = [c for c in needed if c not in df.columns]
    if missing:
        found = ", ".join(map(repr, df.columns)) or "none"
        raise FramingError(
            f"the {table} table has no column {', '.join(map(repr, missing))} (columns found: {found})",
            where=function,
            fix=hint or None,
        )


def check_dates(df, *, function: str) -> None:
    """Raise a FramingError if the articles' ``date`` column is not datetime.

    Examples
    --------
    >>> check_dates(pd.DataFrame({"date": pd.to_datetime(["2024-01-01"])}), function="f")
    """
    if not pd.api.types.is_datetime64_any_dtype(df["date"]):
        raise FramingError(
            f"the articles' 'date' column has dtype {df['date'].dtype}, not datetime",
            where=function,
            fix="Read articles with framing.read_articles, or convert with pd.to_datetime.",
        )


def check_articles(
    articles,
    function: str,
    needed: Iterable[str] = ("article_id", "text"),
    *,
    hint: str = ARTICLES_HINT,
    second: bool = False,
    subject: str | None = None,
    fixes: dict | None = None,
    unique: bool = False,
    dated: bool = False,
    tokens: bool = False,
) -> None:
    """Raise a FramingError unless ``articles`` is an articles table with the ``needed`` columns.

    Parameters
    ----------
    articles : DataFrame
        What was passed as the articles table.
    function : str
        The function called, named in the errors.
    needed : list of str
        The columns it must have.
    hint : str
        How to get them.
    second : bool
        The articles come second, after the hits: a hits table here means they were swapped.
    subject : str, optional
        The start of the mix-up message (default ``"<function> needs the articles table"``).
    fixes : dict, optional
        The fix to name for each kind of table passed by mistake.
    unique, dated, tokens : bool
        Also require unique ids; datetime dates, none missing; text or ``n_tokens``.

    Examples
    --------
    >>> check_articles(pd.DataFrame({"article_id": ["a"], "n_hits": [1]}), "kwic", second=True)
    Traceback (most recent call last):
    ...
    framing._errors.FramingError: kwic: kwic needs the articles table second; you passed a counts table
    """
    kind = table_kind(articles)
    if kind == "hits" and not second and "text" in articles.columns:
        kind = "articles"  # an articles table may have a column named start
    if kind in ("hits", "counts"):
        order = " second" if second else ""
        default = f"Call {function}(hits, articles)." if second and kind == "hits" else None
        fix = (fixes or {}).get(kind, default)
        start = subject or f"{function} needs the articles table{order}"
        raise _mixup(f"{start}; you passed {_PASSED[kind]}", function, None, fix)
    check_columns(articles, needed, table="articles", function=function, hint=hint)
    if tokens and "text" not in articles.columns and "n_tokens" not in articles.columns:
        raise FramingError(
            "the articles table has neither 'text' nor 'n_tokens', so there is no token total",
            where=function,
            fix="Pass the articles table you gave find_hits.",
        )
    if dated:
        check_dates(articles, function=function)
    ids = articles["article_id"] if unique else None
    if unique and ids.duplicated().any():
        raise FramingError(
            f"the articles table has duplicate article_id values (e.g. {ids[ids.duplicated()].iloc[0]!r})",
            where=function,
            fix="Make ids unique; framing.read_articles sets duplicates aside for you.",
        )
    if dated and articles["date"].isna().any():
        raise FramingError(
            f"{int(articles['date'].isna().sum())} articles have no date",
            where=function,
            fix="Drop them or read articles with framing.read_articles, which sets them aside.",
        )


def check_hits(
    hits,
    function: str,
    needed: Iterable[str] = HITS_KEYS,
    *,
    subject: str | None = None,
    where: str | None = None,
    because: str | None = None,
    fixes: dict | None = None,
    hint: str = "",
) -> None:
    """Raise a FramingError unless ``hits`` is a hits table with the ``needed`` columns.

    The hits come first: the articles table here means the two were swapped.

    Parameters
    ----------
    hits : DataFrame
        What was passed as the hits table.
    function : str
        The function called, named in the errors.
    needed : list of str
        The columns it must have.
    subject : str, optional
        Who needs the hits in the mix-up message (default ``function``; e.g. ``"hits="``).
    where : str, optional
        Where the errors point (default ``function``).
    because : str, optional
        Why a counts table will not do (said instead of "you passed a counts table").
    fixes : dict, optional
        The fix to name for each kind of table passed by mistake.
    hint : str
        How to get the missing columns.

    Examples
    --------
    >>> check_hits(pd.DataFrame({"article_id": ["a"], "text": ["x"]}), "count_by_period")
    Traceback (most recent call last):
    ...
    framing._errors.FramingError: count_by_period: count_by_period needs the hits table first; you passed the articles table. Call count_by_period(hits, articles) with hits = framing.find_hits(articles, lexicon).
    """
    kind = table_kind(hits)
    if kind in ("articles", "counts"):
        name = subject or function
        if kind == "counts" and because:
            what = f"{name} needs the hits table, not a counts table: {because}"
        else:
            first = " first" if kind == "articles" and subject is None else ""
            what = f"{name} needs the hits table{first}; you passed {_PASSED[kind]}"
        fix = {
            "articles": f"Call {function}(hits, articles) with hits = framing.find_hits(articles, "
            "lexicon).",
            "counts": "Pass hits = framing.find_hits(articles, lexicon), not count_by_period's "
            "output.",
        }
        fix.update(fixes or {})
        raise _mixup(what, function, where, fix[kind])
    check_columns(hits, needed, table="hits", function=where or function, hint=hint)


def check_token_totals(token_totals, function: str) -> None:
    """Raise a FramingError unless ``token_totals`` has ``article_id`` and ``n_tokens``.

    Examples
    --------
    >>> check_token_totals(pd.DataFrame({"article_id": ["a"], "n_tokens": [3]}), "f")
    """
    check_columns(token_totals, TOKEN_TOTALS_COLUMNS, table="token totals", function=function)


def check_counts(
    counts,
    function: str,
    needed: Iterable[str] = (),
    *,
    subject: str | None = None,
    where: str | None = None,
    empty: str = "plot",
) -> None:
    """Raise unless ``counts`` is a non-empty counts table (not articles or hits).

    Parameters
    ----------
    counts : DataFrame
        What was passed as the counts table.
    function : str
        The function called, named in the errors.
    needed : list of str
        The columns it must have.
    subject : str, optional
        Who needs the counts in the mix-up message (default ``function``; e.g. ``"counts="``).
    where : str, optional
        Where the errors point (default ``function``; e.g. ``"explore(counts=...)"``).
    empty : str
        What an empty table leaves nothing to (``"plot"``, ``"explore"``).

    Examples
    --------
    >>> check_counts(pd.DataFrame({"article_id": ["a"], "text": ["x"]}), "plot_bars")
    Traceback (most recent call last):
    ...
    framing._errors.FramingError: plot_bars: plot_bars needs a counts table; you passed articles or hits. Make one with framing.count_by_period(hits, articles).
    """
    where = where or function
    if table_kind(counts) in ("articles", "hits"):
        raise FramingError(
            f"{subject or function} needs a counts table; you passed articles or hits",
            where=where,
            fix="Make one with framing.count_by_period(hits, articles).",
        )
    check_columns(counts, needed, table="counts", function=where)
    if counts.empty:
        raise FramingError(f"the counts table is empty: nothing to {empty}", where=function)


def check_comparison(comparison, function: str, needed: Iterable[str] = RATIO_COLUMNS) -> None:
    """Raise unless ``comparison`` is a non-empty table from :func:`framing.compare`.

    Examples
    --------
    >>> check_comparison(pd.DataFrame({"n_hits": [1]}), "plot_comparison")
    Traceback (most recent call last):
    ...
    framing._errors.FramingError: plot_comparison: plot_comparison needs a comparison table; you passed counts or hits. Make one with framing.compare(hits, articles).
    """
    if table_kind(comparison) in ("counts", "hits"):
        raise FramingError(
            f"{function} needs a comparison table; you passed counts or hits",
            where=function,
            fix="Make one with framing.compare(hits, articles).",
        )
    check_columns(comparison, needed, table="comparison", function=function)
    if comparison.empty:
        raise FramingError("the comparison table is empty: nothing to plot", where=function)


def hit_rows(hits, ids, *, function: str, articles=None):
    """The position in ``ids`` (the articles' ids) of each hit's article.

    Raises a FramingError naming the hits' articles that are not there. With ``articles``
    (the table ``ids`` come from), the hits are also checked to fit its texts
    (:func:`check_offsets`).

    Examples
    --------
    >>> hit_rows(pd.DataFrame({"article_id": ["b", "a"]}), pd.Series(["a", "b"]), function="f")
    array([1, 0])
    """
    rows = pd.Index(pd.Series(ids).astype(object)).get_indexer(hits["article_id"].astype(object))
    missing = rows < 0
    if missing.any():
        absent = list(dict.fromkeys(hits.loc[missing, "article_id"].tolist()))
        named = ", ".join(map(repr, absent[:5])) + (", ..." if len(absent) > 5 else "")
        raise FramingError(
            f"{int(missing.sum())} hits refer to {len(absent)} articles not in the articles "
            f"table: {named}",
            where=function,
            fix="Pass the same articles table you gave find_hits (check the article_id type too).",
        )
    if articles is not None:
        check_offsets(hits, articles, rows, function=function)
    return rows


#: how many hits :func:`check_offsets` looks at (evenly spread over the table)
OFFSET_SAMPLE = 200


def check_offsets(hits, articles, rows, *, function: str) -> None:
    """Raise when the hits do not fit the texts of ``articles``: the text at a hit's offsets
    is not its ``match``.

    That happens when the hits were found in other texts than these, e.g. in the cleaned
    articles while these are the raw ones: the token totals, and so every rate, would then
    be wrong (on the teaching corpus, 7% too low). Up to :data:`OFFSET_SAMPLE` hits, evenly
    spread, are checked; hits without ``start``, ``end`` and ``match`` (built by hand, or
    read back without them) and articles without ``text`` are not checked.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["A threat."]})
    >>> hits = pd.DataFrame({"article_id": ["a"], "start": [2], "end": [8], "match": ["threat"]})
    >>> check_offsets(hits, arts, [0], function="count_by_period")
    >>> check_offsets(hits, arts.assign(text=["Photo. A threat."]), [0], function="kwic")
    Traceback (most recent call last):
    ...
    framing._errors.FramingError: kwic: 1 of 1 hits checked do not fit the texts of the articles table: ...
    """
    if not {"start", "end", "match"} <= set(hits.columns) or "text" not in articles.columns:
        return
    n = len(hits)
    if n == 0:
        return
    picks = np.unique(np.linspace(0, n - 1, min(n, OFFSET_SAMPLE)).astype(np.int64))
    texts = articles["text"].to_numpy(dtype=object)
    starts = pd.to_numeric(hits["start"].iloc[picks], errors="coerce").to_numpy()
    ends = pd.to_numeric(hits["end"].iloc[picks], errors="coerce").to_numpy()
    matches = hits["match"].iloc[picks].to_numpy(dtype=object)
    bad = []
    for k, i in enumerate(picks):
        text, match = texts[rows[i]], matches[k]
        if not isinstance(text, str) or not isinstance(match, str):
            continue
        if np.isnan(starts[k]) or np.isnan(ends[k]):
            continue
        if text[int(starts[k]) : int(ends[k])] != match:
            bad.append(k)
    if not bad:
        return
    k = bad[0]
    i = picks[k]
    found = texts[rows[i]][int(starts[k]) : int(ends[k])]
    raise FramingError(
        f"{len(bad)} of {len(picks)} hits checked do not fit the texts of the articles table: "
        f"in article {hits['article_id'].iloc[i]!r} the hit {matches[k]!r} is at "
        f"{int(starts[k])}-{int(ends[k])}, where the text reads {found!r}. The hits were found "
        "in other texts than these (e.g. the cleaned articles, and these are the raw ones), "
        "so the token totals and every rate would be wrong",
        where=function,
        fix="Pass the articles table you gave find_hits: clean_articles returns a new table, "
        "use it for both (hits = find_hits(clean, lexicon); count_by_period(hits, clean)).",
    )


def as_lexicon(value, function: str) -> Lexicon:
    """The ``lexicon=`` argument of ``function`` as a :class:`framing.Lexicon` (a dict is read).

    Examples
    --------
    >>> as_lexicon({"threat": ["threat*"]}, "find_hits").frame_names
    ('threat',)
    """
    if isinstance(value, dict):
        value = Lexicon.from_dict(value)
    if not isinstance(value, Lexicon):
        raise FramingError(
            f"expected a Lexicon or a dict of frame -> entries, got {type(value).__name__}",
            where=f"{function}(lexicon=...)",
            fix="Load one with framing.read_lexicon(path) or framing.load_lexicon('security').",
        )
    return value


def frame_order(hits: pd.DataFrame, frames=None, *, function: str | None = None) -> list:
    """The frames to report, in the lexicon's order: ``frames`` if given, else the hits' own.

    The hits' own are those of the lexicon that found them (``hits.attrs["frames"]``), then
    any other frame of the hits, sorted. ``frames`` may be a Lexicon, a frame or a list; with
    ``function`` given, a frame the hits do not know raises.

    Examples
    --------
    >>> hits = pd.DataFrame({"frame": ["b", "a", "c"]})
    >>> hits.attrs["frames"] = ["c", "b"]
    >>> frame_order(hits)
    ['c', 'b', 'a']
    >>> frame_order(hits, "a", function="compare")
    ['a']
    """
    known = list(hits.attrs.get("frames") or [])
    known += sorted(set(hits["frame"].dropna().tolist()) - set(known))
    if frames is None:
        return known
    if isinstance(frames, Lexicon):
        return list(frames.frame_names)
    frames = [frames] if isinstance(frames, str) else list(frames)
    for f in frames if function else ():
        if f not in known:
            raise choices_error(f"{function}(frames=...)", f, known)
    return frames


def entry_order(hits: pd.DataFrame, frames=None) -> list[tuple]:
    """The (frame, entry) pairs to report: the lexicon's, or the hits' own in frame order.

    ``frames`` is as in :func:`frame_order`; the hits' pairs are ordered by frame, then by
    entry, and only those of the frames reported are kept.

    Examples
    --------
    >>> hits = pd.DataFrame({"frame": ["b", "a", "b"], "entry": ["y", "x", "w"]})
    >>> entry_order(hits, ["b", "a"])
    [('b', 'w'), ('b', 'y'), ('a', 'x')]
    """
    if isinstance(frames, Lexicon):
        return [(e.frame, e.pattern) for e in frames.entries]
    rank = {f: i for i, f in enumerate(frame_order(hits, frames))}
    seen = hits[["frame", "entry"]].drop_duplicates().itertuples(index=False, name=None)
    return sorted((p for p in seen if p[0] in rank), key=lambda p: (rank[p[0]], p[1]))
