"""The clean stage on a table: :func:`clean_articles`."""

from __future__ import annotations

import copy
import warnings
from collections.abc import Callable

import pandas as pd

from .._errors import FramingError, FramingWarning
from .._tables import check_columns
from .datelines import split_dateline
from .pipeline import default_cleaner

__all__ = ["clean_articles"]


def _row_ids(articles: pd.DataFrame, positions: list[int]) -> list[str]:
    """The article ids (or index labels) of the rows at ``positions``, as str."""
    if "article_id" in articles.columns:
        ids = articles["article_id"].iloc[positions]
    else:
        ids = pd.Series(articles.index[positions])
    return [str(i) for i in ids]


def clean_articles(
    articles: pd.DataFrame,
    *,
    cleaner: Callable[[str], str] | None = None,
    datelines: bool = True,
    column: str = "text",
) -> pd.DataFrame:
    """Clean the text of every article; return a new articles table.

    Applies ``cleaner`` (default :data:`default_cleaner`) to ``articles[column]``. With
    ``datelines=True`` it then splits a dateline off each text (:func:`split_dateline`,
    after the cleaner, so dashes are already normalized) into the new columns
    ``dateline_place`` and ``dateline_source`` (``""`` when there is none). Cleaning a
    cleaned table keeps the datelines found the first time.

    Every row is kept. A missing text is treated as ``""``. An article whose text becomes
    empty through cleaning stays in the table with an empty text, and a
    :class:`~framing.FramingWarning` names how many and which ones. The table's ``attrs``
    (the ingest report) are carried over; the input table is not changed.

    Parameters
    ----------
    articles : DataFrame
        The articles table (at least the column ``column``).
    cleaner : callable, optional
        A ``str -> str`` function, e.g. from :func:`make_cleaner`. Default
        :data:`default_cleaner`.
    datelines : bool, default True
        Split datelines off the texts into ``dateline_place`` and ``dateline_source``.
    column : str, default "text"
        The column holding the texts.

    Returns
    -------
    DataFrame
        A new articles table.

    Examples
    --------
    >>> import pandas as pd
    >>> articles = pd.DataFrame({
    ...     "article_id": ["tcw-1"],
    ...     "text": ["YEREVAN, Sept 13 (TCW) – Armenia’s “ally” did not come.\\n\\n"
    ...              "Photo: Smoke over Jermuk. (TCW/Arman Galoyan)\\n\\n"
    ...              "Read more: CSTO leaders meet in Yerevan"],
    ... })
    >>> out = clean_articles(articles)
    >>> out.loc[0, "text"]
    'Armenia\\'s "ally" did not come.'
    >>> out.loc[0, ["dateline_place", "dateline_source"]].tolist()
    ['YEREVAN', 'TCW']
    """
    check_columns(articles, [column], table="articles", function="clean_articles")
    cleaner = _the_cleaner(cleaner)
    cleaned, places, sources, emptied = [], [], [], []
    for pos, text in enumerate(articles[column].tolist()):
        text = _text_of(articles, pos, text, column)
        new = _cleaned(cleaner, text)
        if datelines:
            place, source, new = split_dateline(new)
            places.append(place)
            sources.append(source)
        if text.strip() and not new.strip():
            emptied.append(pos)
        cleaned.append(new)

    new_columns = {column: pd.Series(cleaned, index=articles.index, dtype="str")}
    if datelines:
        new_columns.update(_dateline_columns(articles, places, sources))
    out = articles.assign(**new_columns)
    out.attrs = copy.deepcopy(articles.attrs)
    if emptied:
        _warn_emptied(articles, emptied)
    return out


def _the_cleaner(cleaner: Callable[[str], str] | None) -> Callable[[str], str]:
    """``cleaner``, or :data:`default_cleaner` for None; an error for what is not callable."""
    if cleaner is None:
        return default_cleaner
    if not callable(cleaner):
        raise FramingError(
            f"cleaner must be a function from str to str, got {type(cleaner).__name__}",
            where="clean_articles(cleaner=...)",
            fix="Pass make_cleaner(...) or leave it out to use default_cleaner.",
        )
    return cleaner


def _text_of(articles: pd.DataFrame, pos: int, text: object, column: str) -> str:
    """The text of row ``pos``: ``""`` when missing; an error naming the row when not a str."""
    if isinstance(text, str):
        return text
    if text is None or (pd.api.types.is_scalar(text) and pd.isna(text)):
        return ""
    where = _row_ids(articles, [pos])[0]
    raise FramingError(
        f"the text of article {where!r} is {type(text).__name__} {text!r:.60}, not a string",
        where=f"clean_articles (column {column!r}, row {pos})",
        fix="Convert the column to text first: articles[column].astype(str).",
    )


def _cleaned(cleaner: Callable[[str], str], text: str) -> str:
    """``cleaner(text)``, checked to be a str."""
    new = cleaner(text)
    if not isinstance(new, str):
        raise FramingError(
            f"the cleaner returned {type(new).__name__}, not str",
            where=f"clean_articles(cleaner={cleaner!r})",
            fix="Every cleaner must take a str and return a str.",
        )
    return new


def _dateline_columns(
    articles: pd.DataFrame, places: list[str], sources: list[str]
) -> dict[str, pd.Series]:
    """The columns ``dateline_place`` and ``dateline_source``; where a table cleaned before
    has one and this cleaning found none, the one found before is kept."""
    columns = {}
    for name, values in (("dateline_place", places), ("dateline_source", sources)):
        found = pd.Series(values, index=articles.index, dtype="str")
        if name in articles.columns:
            before = articles[name].astype("str").fillna("")
            found = found.where(found != "", before)
        columns[name] = found
    return columns


def _warn_emptied(articles: pd.DataFrame, emptied: list[int]) -> None:
    """Warn, naming them, about the articles (positions) that cleaning left empty."""
    ids = _row_ids(articles, emptied)
    shown = ", ".join(map(repr, ids[:20])) + (f" and {len(ids) - 20} more" if len(ids) > 20 else "")
    warnings.warn(
        f"clean_articles: {len(ids)} article(s) became empty after cleaning and are "
        f"kept with an empty text: {shown}. Check the cleaner (a boilerplate or caption "
        "pattern may match whole texts).",
        FramingWarning,
        stacklevel=3,  # the caller of clean_articles
    )
