"""The clean stage on a table: :func:`clean_articles`."""

from __future__ import annotations

import copy
import warnings
from collections.abc import Callable

import pandas as pd

from .._errors import FramingError, FramingWarning
from .._tables import check_columns
from .captions import captions_over_credits, credit_ends
from .datelines import match_dateline
from .edges import factiva_markers, head_block, head_edges, tail_edges
from .head import credit_lines, linked_titles, opens_with_body, read_head
from .pipeline import cleaner_name, default_cleaner, normalized_with_drops
from .removed import Piece, after_earlier, cut_lines, decode_pieces, dropped_lines, encode_pieces

__all__ = ["clean_articles", "clean_text"]


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
    layout: bool = True,
    column: str = "text",
) -> pd.DataFrame:
    """Clean the text of every article; return a new articles table that shows what went.

    Applies ``cleaner`` (default :data:`default_cleaner`) to ``articles[column]``. With
    ``layout=True`` it then reads the head of each text (:func:`find_layout`): captions
    without a cue ("Lavrov in Moscow (Reuters / 12.04.2024)", a short line with no full
    stop before a dateline), credit lines, bylines ("By Jane Doe, Reuters", "Автор: …"),
    and photo credits anywhere ("(AP Photo/…)"); the bylines and credits of a page's head
    that no dateline follows, when a timestamp or credit shows it to be one; and the page
    furniture at the head and the tail (:func:`~framing.clean.edges.edge_lines`):
    timestamps, view counts, database fields and tags lines (reason ``"metadata"``), the
    "foreign agent" notice, appeals for support and a writer's note under the article. With
    ``datelines=True`` the dateline,
    at the start or under those lines ("YEREVAN (Azatutyun) —", "MOSCOW, April 1. /TASS/.",
    "МОСКВА, 1 апр — РИА Новости."), goes into the new columns ``dateline_place`` and
    ``dateline_source`` (``""`` when there is none); with ``layout=False`` only a dateline
    at the very start is looked for.

    Nothing is removed silently: the new column ``removed`` holds, for each article, a JSON
    list of ``{"reason", "at", "text"}``, one per piece removed (boilerplate, caption,
    byline, dateline, metadata), in the order of the text; :func:`removed_pieces` makes a
    table of it and :func:`restore_removed` puts pieces back. With the default cleaner
    every piece is recorded exactly; a cleaner of your own is a black box, so only what the
    layout and dateline rules remove after it is recorded. Cleaning a cleaned table keeps
    the datelines and the pieces found the first time.

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
    layout : bool, default True
        Read each text's head and tail for the page's layout: captions, credit lines,
        bylines, timestamps, database fields, link lists, notices and appeals. It costs
        about as much again as the rest of the cleaning on short wire items (Reuters-21578:
        19 against 51 MB per CPU-second); ``False`` for texts that come without such a page
        around them.
    column : str, default "text"
        The column holding the texts.

    Returns
    -------
    DataFrame
        A new articles table, with the column ``removed``.

    Examples
    --------
    >>> import pandas as pd
    >>> articles = pd.DataFrame({
    ...     "article_id": ["tcw-1"],
    ...     "text": ["Pashinyan in Yerevan (Photo: Government of Armenia, April 18, 2024)\\n\\n"
    ...              "YEREVAN (Azatutyun) – Armenia’s “ally” did not come.\\n\\n"
    ...              "Read more: CSTO leaders meet in Yerevan"],
    ... })
    >>> out = clean_articles(articles)
    >>> out.loc[0, "text"]
    'Armenia\\'s "ally" did not come.'
    >>> out.loc[0, ["dateline_place", "dateline_source"]].tolist()
    ['YEREVAN', 'Azatutyun']
    >>> from framing.clean import removed_pieces
    >>> removed_pieces(out)[["reason", "text"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['caption', 'Pashinyan in Yerevan (Photo: Government of Armenia, April 18, 2024)'],
     ['dateline', 'YEREVAN (Azatutyun) —'], ['boilerplate', 'Read more: CSTO leaders meet in Yerevan']]
    """
    check_columns(articles, [column], table="articles", function="clean_articles")
    cleaner = _the_cleaner(cleaner)
    parts: list[pd.Series] = []
    places: list[str] = []
    sources: list[str] = []
    removed: list[str] = []
    emptied: list[int] = []
    # a batch at a time, each batch of texts turned back into Arrow strings before the next
    # is read: a column of Python strings takes two to four bytes a character, and the input
    # and the cleaned texts of a whole corpus held as such would take several times its size
    for start in range(0, max(len(articles), 1), BATCH_ROWS):
        cleaned = _clean_batch(
            articles,
            start,
            column,
            (cleaner, datelines, layout),
            (places, sources, removed, emptied),
        )
        parts.append(pd.Series(cleaned, dtype="str"))
        del cleaned
    texts = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    del parts  # the batches' Arrow chunks are shared with ``texts``, not copied
    new_columns = {column: pd.Series(texts.array, index=articles.index)}
    if datelines:
        new_columns.update(_dateline_columns(articles, places, sources))
    new_columns["removed"] = pd.Series(removed, index=articles.index, dtype="str")
    out = articles.assign(**new_columns)
    out.attrs = copy.deepcopy(articles.attrs)
    # what was done to the texts, for the provenance of every table made from them
    step = {"cleaner": cleaner_name(cleaner), "datelines": bool(datelines), "layout": bool(layout)}
    out.attrs["cleaning"] = [*out.attrs.get("cleaning", []), step]
    if emptied:
        _warn_emptied(articles, emptied)
    return out


#: How many texts :func:`clean_articles` holds as Python strings at a time.
BATCH_ROWS = 4096


def _clean_batch(
    articles: pd.DataFrame,
    start: int,
    column: str,
    how: tuple[Callable[[str], str], bool, bool],
    into: tuple[list[str], list[str], list[str], list[int]],
) -> list[str]:
    """The cleaned texts of the rows ``start`` to ``start + BATCH_ROWS``.

    ``how`` is ``(cleaner, datelines, layout)``; the places, sources, JSON of the pieces
    removed and the positions of the texts made empty are appended to the lists ``into``.
    """
    cleaner, datelines, layout = how
    places, sources, removed, emptied = into
    stop = start + BATCH_ROWS
    texts = articles[column].iloc[start:stop].tolist()
    before = articles["removed"].iloc[start:stop].tolist() if "removed" in articles else None
    cleaned = []
    for pos, text in enumerate(texts, start):
        if not isinstance(text, str):
            text = _text_of(articles, pos, text, column)
        new, place, source, pieces = clean_text(text, cleaner, datelines=datelines, layout=layout)
        places.append(place)
        sources.append(source)
        if before is not None:
            pieces = after_earlier(decode_pieces(before[pos - start], f"row {pos}"), pieces)
        removed.append(encode_pieces(pieces))
        if not new.strip() and text.strip():  # (the cleaned text first: seldom blank)
            emptied.append(pos)
        cleaned.append(new)
    return cleaned


def clean_text(
    text: str, cleaner: Callable[[str], str], *, datelines: bool = True, layout: bool = True
) -> tuple[str, str, str, list[Piece]]:
    """One text cleaned as :func:`clean_articles` cleans it: ``(text, place, source, pieces)``.

    With :data:`default_cleaner` the lines its patterns drop are found on the text with
    characters and white space normalized, so that they can be recorded; the text is then
    the one :data:`default_cleaner` gives (the tests check it).

    Examples
    --------
    >>> clean_text("By Jane Doe\\nYEREVAN (AP) — Armenia said no.", default_cleaner)
    ('Armenia said no.', 'YEREVAN', 'AP', [('byline', 0, 'By Jane Doe\\n'), ('dateline', 0, 'YEREVAN (AP) — ')])
    """
    earlier: list[Piece] = []
    # the lower case of an ASCII text, made once for the searches of words in any case
    low = None
    normalized = cleaner is default_cleaner or cleaner == default_cleaner
    if normalized:
        base, drops = normalized_with_drops(text)
        low = base.lower() if base.isascii() else None
    else:
        base = _cleaned(cleaner, text)
        earlier = dropped_lines(text, base)  # a black box: the whole lines it dropped
        drops = {}
    if layout:
        found = credit_lines(base, drops, low)
        found.update(credit_ends(base, drops))
        found.update(captions_over_credits(base, {**drops, **found}))
        if normalized and opens_with_body(base, drops, found):
            dateline = None  # what read_head gives, without reading the lines one by one
        else:
            drops.update(head_edges(base, drops))
            found, dateline = read_head(base, drops, found)
            if dateline is None:
                found, dateline = _under_head_block(base, drops, found)
        drops.update(found)
        if drops:
            linked = linked_titles(base, drops)
            if dateline is not None:  # "Read more:\nYEREVAN (AP) — …": the body, no link
                linked.pop(dateline[0], None)
            drops.update(linked)
        drops.update(tail_edges(base, drops))
        drops.update(factiva_markers(base))
    else:
        dateline = _dateline_at_start(base, drops) if datelines else None
    if not datelines or dateline is None:
        new, pieces = cut_lines(base, drops)
        return new, "", "", after_earlier(earlier, pieces)
    line, place, source, end = dateline
    new, pieces = cut_lines(base, drops, (line, end))
    return new, place, source, after_earlier(earlier, pieces)


def _under_head_block(
    text: str, drops: dict[int, str], found: dict[int, str]
) -> tuple[dict[int, str], tuple[int, str, str, int] | None]:
    """``found`` with the bylines and credits of a page's head (:func:`head_block`), and the
    dateline that opens the body under it ("LOS ANGELES—…"), if any."""
    block = head_block(text, {**drops, **found})
    if not block:
        return found, None
    found = {**found, **block}
    start = text.find("\n", max(block)) + 1
    while 0 < start < len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if text[start:end].strip() and start not in drops and start not in found:
            if text[start - 2 : start] != "\n\n":
                return found, None  # still in the head block
            dateline = match_dateline(text[start:end])
            return found, (None if dateline is None else (start, *dateline))
        start = end + 1
    return found, None


def _dateline_at_start(text: str, drops: dict[int, str]) -> tuple[int, str, str, int] | None:
    """The dateline of the first line of ``text`` not dropped and not blank, if any."""
    start = 0
    for line in text.split("\n"):
        if line.strip() and start not in drops:
            found = match_dateline(line)
            return None if found is None else (start, *found)
        start += len(line) + 1
    return None


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
    """The text of row ``pos`` that is not a str: ``""`` when missing; else an error naming
    the row."""
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
