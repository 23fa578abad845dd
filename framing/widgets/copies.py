"""Wire copies in the explorer: count every copy, each story once, or copies for the original.

The copies chooser passes its choice (``"keep"``, ``"drop"``, ``"origin"``) to the counting
as :func:`framing.count_by_period`'s ``copies=`` does: :class:`CopyViews` applies
:func:`framing.copies.choose_copies` once per choice to the explorer's slim articles table
(which articles count, and for which outlet), and the source counts those. The copies are
the articles' ``copy_of`` column (from :func:`framing.find_copies`), or, when the table has
none, found with :func:`framing.find_copies` (its defaults) the first time they are needed.
:func:`copies_note` says in the status line how many copies there are among the chosen
articles and how they moved the counts, with the keys of ``count_by_period``'s summary.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from .._errors import FramingError, choices_error
from ..copies import choose_copies, find_copies

__all__ = [
    "COPY_CHOICES", "NO_COPIES_NOTE", "CopyView", "CopyViews", "check_copies_choice",
    "copies_note",
]  # fmt: skip

#: the copies chooser's choices: value -> label
COPY_CHOICES = {
    "keep": "count every copy",
    "drop": "each story once (copies left out)",
    "origin": "copies for the original's outlet",
}
#: why the chooser is disabled
NO_COPIES_NOTE = (
    "Copies: the articles have neither a 'copy_of' column nor their text. Pass articles "
    "marked by fr.find_copies(articles) to count each story once."
)


class CopyView(NamedTuple):
    """The articles as one choice of the copies chooser counts them.

    ``arts`` is the explorer's slim articles table with each article's outlet for this
    choice (a copy's original's under ``"origin"``), ``keep`` whether each article counts
    (copies do not under ``"drop"``), ``outlet`` its outlet's position in the source's
    outlet names, and ``moved`` whether its outlet changed.
    """

    arts: pd.DataFrame
    keep: np.ndarray
    outlet: np.ndarray
    moved: np.ndarray


def check_copies_choice(value, *, available: bool) -> str:
    """The initial copies choice, checked: a key of :data:`COPY_CHOICES` the articles allow.

    Examples
    --------
    >>> check_copies_choice("drop", available=True)
    'drop'
    """
    if value not in COPY_CHOICES:
        raise choices_error("explore(copies=...)", value, list(COPY_CHOICES))
    if value != "keep" and not available:
        raise FramingError(
            "the articles have neither a 'copy_of' column nor their text",
            where="explore(copies=...)",
            fix="Pass articles = fr.find_copies(articles) to explore.",
        )
    return value


class CopyViews:
    """The copies of the explorer's articles and the :class:`CopyView` of each choice.

    Parameters
    ----------
    articles : DataFrame
        The articles the explorer was given (their ``copy_of``, or their text to find them).
    slim : DataFrame
        The explorer's slim articles table (``article_id`` = position, ``outlet``, ...).
    outlet_names : Index
        The source's outlet names (an article's outlet is a position in it).

    Attributes
    ----------
    available : bool
        Whether copies can be known (a ``copy_of`` column, or texts to find them in).
    found_here : bool
        True once the explorer found the copies itself (:func:`framing.find_copies`).
    """

    def __init__(self, articles: pd.DataFrame, slim: pd.DataFrame, outlet_names):
        self._articles, self._slim, self._names = articles, slim, pd.Index(outlet_names)
        self.given = "copy_of" in articles.columns
        self.available = self.given or "text" in articles.columns
        self.found_here = False
        self._marked: pd.DataFrame | None = None
        self._is_copy: np.ndarray | None = None
        self._views: dict[str, CopyView] = {}

    @property
    def known(self) -> bool:
        """Whether the copies are known already (given, or found)."""
        return self._marked is not None or self.given

    def marked(self) -> pd.DataFrame:
        """The slim table with ``copy_of``: the original's position (as text), ``""`` if none."""
        if self._marked is None:
            articles = self._articles
            if not self.given:
                articles = find_copies(articles)
                self.found_here = True
            ids = articles["article_id"].astype(str)
            position = pd.Series(np.arange(len(ids)).astype(str), index=ids.to_numpy())
            copy_of = articles["copy_of"].fillna("").astype(str).reset_index(drop=True)
            # an original that is not in the table still makes its copy a copy
            mapped = copy_of.map(position).where(copy_of != "", "")
            self._marked = self._slim.assign(
                article_id=self._slim["article_id"].astype(str),
                copy_of=mapped.fillna("missing " + copy_of).to_numpy(dtype=object),
            )
            self._is_copy = (self._marked["copy_of"] != "").to_numpy()
        return self._marked

    def view(self, choice: str) -> CopyView:
        """The :class:`CopyView` of a choice (``"keep"`` without copies needs none)."""
        if choice not in self._views:
            if choice == "keep" and not self.known:
                arts = self._slim
            else:
                no_hits = pd.DataFrame({"article_id": pd.Series([], dtype=str)})
                _, arts, _ = choose_copies(no_hits, self.marked(), choice, "explore(copies=...)")
                arts = arts.assign(article_id=arts["article_id"].astype(np.int64))
            keep = np.zeros(len(self._slim), dtype=bool)
            keep[arts["article_id"].to_numpy()] = True
            outlet = np.zeros(len(self._slim), dtype=np.intp)
            outlet[arts["article_id"].to_numpy()] = self._names.get_indexer(arts["outlet"])
            own = self._names.get_indexer(self._slim["outlet"])
            slim = self._slim.assign(outlet=self._names[outlet].to_numpy(dtype=object))
            self._views[choice] = CopyView(slim, keep, outlet, outlet != own)
        return self._views[choice]

    def is_copy(self) -> np.ndarray:
        """Whether each article is a copy (finds the copies if needed)."""
        self.marked()
        return self._is_copy

    def summary(self, choice: str, mask: np.ndarray, hit_in: np.ndarray) -> dict:
        """What the copies change in a selection, with the keys of ``choose_copies``' summary.

        ``mask`` is whether each article is chosen (its outlet for ``choice``, before copies
        are dropped), ``hit_in`` the article of each chosen hit (positions).
        """
        marked = self.marked()
        copies = mask & self.is_copy()
        hits_in_copies = copies[hit_in]
        summary = {
            "copies": choice,
            "n_hits": len(hit_in),
            "n_copies": int(copies.sum()),
            "n_stories_with_copies": int(marked.loc[copies, "copy_of"].nunique()),
            "n_hits_in_copies": int(hits_in_copies.sum()),
            "share_of_hits_in_copies": float(hits_in_copies.mean()) if len(hit_in) else 0.0,
        }
        if choice == "drop":
            summary["articles_dropped"] = summary["n_copies"]
            summary["hits_dropped"] = summary["n_hits_in_copies"]
            summary["tokens_dropped"] = int(self._slim["n_tokens"].to_numpy()[copies].sum())
        elif choice == "origin":
            moved = mask & self.view("origin").moved
            summary["articles_moved"] = int(moved.sum())
            summary["hits_moved"] = int(moved[hit_in].sum())
        return summary


def copies_note(summary: dict, *, found_here: bool) -> tuple[str, str]:
    """The status line's note on the copies among the chosen articles.

    Examples
    --------
    >>> copies_note({"copies": "drop", "n_hits": 20, "n_copies": 3, "n_stories_with_copies": 2,
    ...     "n_hits_in_copies": 5, "share_of_hits_in_copies": 0.25, "articles_dropped": 3,
    ...     "hits_dropped": 5, "tokens_dropped": 900}, found_here=False)[1]
    "Copies: 3 copies of 2 stories among the chosen articles hold 5 of the chart's 20 hits (25%); left out, with their 900 tokens: the chart counts each story once."
    """
    n, stories = summary["n_copies"], summary["n_stories_with_copies"]
    found = " (found by fr.find_copies with its defaults)" if found_here else ""
    if n == 0:
        return ("note", f"Copies: none among the chosen articles{found}.")
    share = summary["share_of_hits_in_copies"]
    held = (
        f"hold {summary['n_hits_in_copies']:,} of the chart's {summary['n_hits']:,} hits "
        f"({share:.0%})"
        if share
        else "hold none of the chart's hits"
    )
    text = (
        f"Copies{found}: {n:,} {'copy' if n == 1 else 'copies'} of {stories:,} "
        f"{'story' if stories == 1 else 'stories'} among the chosen articles {held}"
    )
    choice = summary["copies"]
    if choice == "drop":
        text += (
            f"; left out, with their {summary['tokens_dropped']:,} tokens: the chart counts "
            "each story once."
        )
    elif choice == "origin":
        text += (
            f"; {summary['articles_moved']:,} copies and their {summary['hits_moved']:,} hits "
            "are counted for their original's outlet."
        )
    else:
        text += ": counted like every article (choose 'each story once' under Copies)."
    return ("note", text)
