"""The explorer's data sources: what its controls filter, counted for each choice.

:class:`HitsSource` holds the articles and the hits found once (and the texts for the
passages); every change of the controls filters them and re-counts with
:func:`framing.count_by_period` (by voice, over the tokens of the chosen voices, when the
hits have a ``voice`` column). :class:`CountsSource` holds a ready counts table, summed
over the chosen series and outlets without re-counting.
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd

from .._errors import FramingError
from .._tables import (
    COUNTS_COLUMNS,
    as_lexicon,
    check_articles,
    check_columns,
    check_counts,
    check_hits,
    entry_order,
    frame_order,
)
from ..aggregate import count_by_period, rolling_counts
from ..contexts import kwic
from ..corpus.spans import voices_in_workers
from ..datasets import LEXICONS, load_lexicon
from ..intervals import add_measures
from ..lexicon import read_lexicon
from ..match import article_token_totals, find_hits, token_counts
from ..partials import VOICES, voice_token_matrix
from ..voices import add_voice
from .copies import CopyViews
from .rows import take_rows
from .voice import hit_voice_codes, voice_totals_by_position

__all__ = [
    "source_of", "HitsSource", "CountsSource", "NothingToDraw", "GRANULARITIES",
    "smoothed_over_all_dates",
]  # fmt: skip

#: granularity choices and the pandas period frequency of each
GRANULARITIES = {"week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}
_NO_OUTLET = "(no outlet)"


class NothingToDraw(Exception):
    """A reason there is nothing to draw: shown in the status line, not an error."""


def source_of(
    articles=None, lexicon=None, *, hits=None, counts=None, match: str = "exact", token_totals=None
):
    """The source of the tables :func:`framing.explore` was given: counts, or articles + hits.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["Ledger"],
    ...     "date": pd.to_datetime(["2024-01-05"]), "text": ["A threat."]})
    >>> source_of(arts, {"threat": ["threat*"]}).series_totals()
    {'threat': 1, 'threat: threat*': 1}
    """
    if counts is not None:
        if articles is not None or hits is not None or lexicon is not None:
            raise FramingError(
                "pass either a counts table or the articles (with a lexicon or hits), not both",
                where="explore",
                fix="Call explore(counts=counts) or explore(articles, lexicon).",
            )
        return CountsSource(counts)
    if articles is None:
        raise FramingError(
            "nothing to explore",
            where="explore",
            fix="Call explore(articles, lexicon), explore(articles, hits=hits) or "
            "explore(counts=counts).",
        )
    return HitsSource(articles, lexicon, hits, match=match, token_totals=token_totals)


def _as_lexicon(lexicon):
    """The explorer's lexicon: a Lexicon, a dict, a bundled lexicon's name or a lexicon file."""
    if isinstance(lexicon, str | os.PathLike):
        return load_lexicon(lexicon) if lexicon in LEXICONS else read_lexicon(lexicon)
    return None if lexicon is None else as_lexicon(lexicon, "explore")


def _naive(dates: pd.Series) -> pd.Series:
    return dates.dt.tz_localize(None) if dates.dt.tz is not None else dates


def _check_articles(articles) -> None:
    check_articles(
        articles,
        "explore",
        ["article_id", "date"],
        hint="Read articles with framing.read_articles (or framing.load_example()).",
        subject="explore's first argument is the articles table",
        fixes={
            "counts": "Pass it as explore(counts=counts), or pass the articles and a lexicon.",
            "hits": "Call explore(articles, lexicon) or explore(articles, hits=hits).",
        },
        dated=True,
        unique=True,
    )
    if articles.empty:
        raise FramingError("the articles table is empty: nothing to explore", where="explore")


def _check_hits(hits) -> None:
    check_hits(
        hits,
        "explore",
        subject="hits=",
        where="explore(hits=...)",
        fixes={
            "counts": "Pass it as explore(counts=counts), or hits = framing.find_hits(articles, "
            "lexicon).",
            "articles": "Call explore(articles, lexicon) or explore(articles, hits=hits).",
        },
        hint="Pass the table framing.find_hits returns.",
    )


class HitsSource:
    """Articles + hits, precomputed once; counts and KWIC pages for any choice of controls."""

    has_kwic = True
    fixed_freq = None

    @property
    def has_copies(self) -> bool:
        """Whether the copies chooser works (copies given, or texts to find them in)."""
        return self.copies.available

    def __init__(self, articles, lexicon, hits, *, match: str, token_totals=None):
        _check_articles(articles)
        lexicon = _as_lexicon(lexicon)
        found_here = hits is None
        hits = _hits_of(articles, lexicon, hits, match=match)
        self.match = match
        # the hits know their voice (a code in VOICES) when they have a voice column; the
        # tokens of each voice are counted when a voice is first chosen (see voice_totals).
        # Hits found here get their voices then too (see find_voices): on a large corpus
        # that takes minutes, which opening the explorer should not.
        self.voices_known = "voice" in hits.columns
        self.has_voice = self.voices_known or found_here
        self.articles, self._token_totals, self._voice_totals = articles, token_totals, None
        # the slim articles table every count starts from (article ids are replaced by
        # positions: integer keys count fast)
        self.arts = _slim_articles(articles, token_totals)
        self.dates = self.arts["date"].to_numpy()
        # each article's outlet as a code: a choice of outlets is a lookup, not a comparison
        # of every article's outlet name with every chosen name
        self.outlet_codes, self.outlet_names = pd.factorize(self.arts["outlet"])
        self.copies = CopyViews(articles, self.arts, self.outlet_names)
        self._periods: dict[str, pd.PeriodIndex] = {}
        self._keep_texts(articles, hits)
        #: the hits of the query box's queries, by label (see framing.widgets.queries)
        self.queries: dict[str, pd.DataFrame] = {}
        self.set_hits(hits, lexicon)

    def set_hits(self, hits: pd.DataFrame, lexicon) -> None:
        """Count ``hits`` (found with ``lexicon``, or None) from now on, and the queries'."""
        self.hits, self.lexicon = hits.reset_index(drop=True), lexicon
        self.frames, self.index, self.labels_of = _series_index(self.hits, lexicon)
        pieces = [self.hits]
        for label, table in self.queries.items():
            start = sum(len(t) for t in pieces)
            self.index[label] = np.arange(start, start + len(table), dtype=np.intp)
            self.labels_of[label] = (label, None)
            pieces.append(table)
        # the lexicon's hits and the queries' in one table: what the counts and passages read
        every = pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else self.hits
        self.all_hits = every
        self.voice_codes = hit_voice_codes(every)
        self.hit_rows = _article_rows(self.articles, every)
        # reading order of the passages: by date, article, offset
        start = every["start"].to_numpy() if "start" in every.columns else np.zeros(len(every))
        self.hit_order = np.lexsort((start, self.hit_rows, self.dates[self.hit_rows]))
        self.attrs = {k: v for k, v in hits.attrs.items() if k != "frames"}

    def _keep_texts(self, articles, hits) -> None:
        """What KWIC needs: the text (and outlet, date, title) of every article."""
        self.has_kwic = "text" in articles.columns and {"start", "end"} <= set(hits.columns)
        self.no_kwic_reason = (
            "The passages need the articles' text and the hits' start/end offsets."
            if not self.has_kwic
            else ""
        )
        # lang: the passages' voices are worked out as add_voice would on the whole table
        keep = [c for c in ("article_id", "text", "outlet", "date", "title", "lang")
                if c in articles]  # fmt: skip
        self.texts = articles[keep].reset_index(drop=True) if self.has_kwic else None
        self.text_lengths = (
            self.texts["text"].fillna("").str.len().to_numpy() if self.has_kwic else None
        )

    # -- choices -------------------------------------------------------------------------

    def series_totals(self) -> dict[str, int]:
        return {label: len(idx) for label, idx in self.index.items()}

    def outlet_totals(self) -> dict[str, int]:
        return self.arts["outlet"].value_counts(sort=False).sort_index().to_dict()

    def months(self) -> list[str]:
        lo, hi = self.arts["date"].min(), self.arts["date"].max()
        return [str(p) for p in pd.period_range(lo, hi, freq="M")]

    # -- counting --------------------------------------------------------------------------

    def article_mask(self, outlets, lo, hi, copies: str = "keep") -> np.ndarray:
        """Whether each article counts under ``copies`` (a choice of the copies chooser), is
        from one of ``outlets`` (for ``copies``: a copy's original's under ``"origin"``) and
        is dated in ``[lo, hi)``."""
        view = self.copies.view(copies)
        chosen = np.isin(np.asarray(self.outlet_names, dtype=object), list(outlets))
        return (
            chosen[view.outlet]
            & view.keep
            & (self.dates >= lo.to_datetime64())
            & (self.dates < hi.to_datetime64())
        )

    def chosen_hits(self, labels, mask: np.ndarray) -> np.ndarray:
        """Whether each hit is of one of the series ``labels`` (a hit of two of them once)
        and in an article of ``mask``."""
        wanted = np.zeros(len(self.all_hits), dtype=bool)
        for label in labels:
            wanted[self.index[label]] = True
        return wanted & mask[self.hit_rows]

    def copy_summary(self, labels, outlets, lo, hi, copies: str) -> dict:
        """What the copies change in the chosen articles and hits (see
        :meth:`framing.widgets.copies.CopyViews.summary`)."""
        # the articles chosen before copies are left out: under "drop", the copies' own
        mask = self.article_mask(outlets, lo, hi, "origin" if copies == "origin" else "keep")
        hit_in = self.hit_rows[self.chosen_hits(labels, mask)]
        return self.copies.summary(copies, mask, hit_in)

    def pending(self, voices, copies: str) -> str | None:
        """What a choice must work out once before it can be counted, for the status line
        while it runs (the tokens of each voice, the copies); None when nothing is.

        Examples
        --------
        >>> arts = pd.DataFrame({"article_id": ["a"], "date": pd.to_datetime(["2024-01-01"]),
        ...     "outlet": ["X"], "text": ["No threat."]})
        >>> source = HitsSource(arts, {"threat": ["threat"]}, None, match="exact")
        >>> source.pending(["narrative"], "keep").split(" (")[0]
        'Finding who speaks in 1 article'
        >>> source.pending(None, "keep") is None
        True
        """
        n = f"{len(self.arts):,} article" + ("" if len(self.arts) == 1 else "s")
        if voices is not None and not self.voices_known:
            return (
                f"Finding who speaks in {n} (the voice of each hit, the tokens of each "
                "voice), once: on a large corpus this takes minutes."
            )
        if voices is not None and self._voice_totals is None:
            return (
                f"Counting the tokens of each voice in {n}, once: on a large corpus this takes "
                "minutes."
            )
        if copies != "keep" and not self.copies.known:
            return f"Finding the copies among {n}, once."
        return None

    def prepare(self, voices, copies: str, say) -> None:
        """Say what a choice must work out once (:meth:`pending`) with ``say(text)``, and
        find the voices now when it needs them, saying how far it got."""
        work = self.pending(voices, copies)
        if work is None:
            return
        say(work)
        if voices is not None:
            self.find_voices(
                progress=lambda done, total: say(f"{work} {done:,} of {total:,} read.")
            )

    def find_voices(self, progress=None) -> None:
        """Give the hits found here (and the queries') their voices, and count the tokens of
        each voice, once: the voices of every article are found once for both
        (``progress(done, total)`` is called as articles are read)."""
        if self.voices_known:
            return
        # on every core when the corpus is large (framing.corpus.voices_in_workers)
        hits, totals, spans = voices_in_workers(self.hits, self.articles,
                                                progress=progress or False)  # fmt: skip
        for label, table in self.queries.items():
            self.queries[label] = add_voice(table, self.articles, spans=spans)
        if self._voice_totals is None and not _per_voice(self._token_totals):
            self._voice_totals = voice_totals_by_position(self.articles, totals)
        self.voices_known = True
        self.set_hits(hits, self.lexicon)

    def voice_totals(self) -> pd.DataFrame:
        """The tokens of each article (by position) in each voice, counted once."""
        self.find_voices()
        if self._voice_totals is None:
            given = self._token_totals if _per_voice(self._token_totals) else None
            self._voice_totals = voice_totals_by_position(self.articles, given)
        return self._voice_totals

    def counts(self, labels, outlets, lo, hi, freq, pooled, voices=None, copies="keep"):
        """The counts table of a choice (:func:`framing.count_by_period` on the chosen
        articles and hits; ``copies`` a choice of the copies chooser)."""
        # the voices first: finding them (for hits found here) renumbers the hits
        totals = self.voice_totals() if voices is not None else None
        mask = self.article_mask(outlets, lo, hi, copies)
        if not mask.any():
            raise NothingToDraw("empty")
        pieces = [self.index[label] for label in labels]
        pieces = [idx[mask[self.hit_rows[idx]]] for idx in pieces]
        chosen = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.intp)
        # the labels as codes: a column of one string per hit would be converted to
        # pandas' string type, hit by hit, at every change of the controls
        frame = pd.Categorical.from_codes(
            np.repeat(np.arange(len(labels)), [len(p) for p in pieces]), categories=list(labels)
        )
        hits = pd.DataFrame({"article_id": self.hit_rows[chosen], "frame": frame})
        options = {}
        if voices is not None:  # each voice counted over its own tokens
            # as codes too: count_by_period looks the voices up by their distinct values
            hits["voice"] = pd.Categorical.from_codes(self.voice_codes[chosen], list(VOICES))
            options = {"voice": list(voices), "token_totals": totals}
        hits.attrs = dict(self.attrs)
        return count_by_period(
            hits,
            self.copies.view(copies).arts[mask],
            freq={v: k for k, v in GRANULARITIES.items()}[freq],
            by=None if pooled else "outlet",
            frames=list(labels),
            start=lo,
            end=hi - pd.Timedelta(days=1),
            **options,
        )

    def periods(self, freq: str) -> pd.PeriodIndex:
        if freq not in self._periods:
            self._periods[freq] = pd.PeriodIndex(self.arts["date"].dt.to_period(freq))
        return self._periods[freq]

    def kwic_page(self, labels, outlets, lo, hi, *, freq, period, page, size, window, voices=None,
                  copies="keep"):  # fmt: skip
        """(number of passages, kwic table of the page) for the current choice (and voices:
        None for all; copies: a choice of the copies chooser)."""
        if voices is not None:
            self.find_voices()
        mask = self.article_mask(outlets, lo, hi, copies)
        if period:
            mask &= np.asarray(self.periods(freq) == pd.Period(pd.Timestamp(period), freq))
        wanted = self.chosen_hits(labels, mask)
        if voices is not None:
            wanted &= np.isin(self.voice_codes, [VOICES.index(v) for v in voices])
        chosen = self.hit_order[wanted[self.hit_order]]  # in reading order
        shown = chosen[page * size : (page + 1) * size]
        page_hits = take_rows(self.all_hits, shown)
        texts = take_rows(self.texts, np.unique(self.hit_rows[shown]))
        if self.has_voice and not self.voices_known:  # those of the page's hits alone
            page_hits = add_voice(page_hits, texts)
        table = kwic(page_hits, texts, window=window)
        # whether the context is cut (to show "…"): it starts after the text's start / ends
        # before the text's end
        lengths = self.text_lengths[self.hit_rows[shown]]
        n_left = np.array([len(t) for t in table["left"]], dtype=np.int64)
        n_right = np.array([len(t) for t in table["right"]], dtype=np.int64)
        table["cut_left"] = table["start"].to_numpy(dtype=np.int64) - n_left > 0
        table["cut_right"] = table["end"].to_numpy(dtype=np.int64) + n_right < lengths
        return len(chosen), table


class CountsSource:
    """A ready counts table: the chart without re-counting (granularity fixed, no passages)."""

    has_kwic = False
    has_voice = False
    has_copies = False

    def prepare(self, voices, copies: str, say) -> None:
        """Nothing to work out: the counts are given."""

    no_kwic_reason = (
        "The explorer was given a counts table only: pass the articles and a lexicon "
        "(or hits) to read the passages behind the chart."
    )

    def __init__(self, counts):
        check_counts(
            counts, "explore", COUNTS_COLUMNS, subject="counts=", where="explore(counts=...)",
            empty="explore",
        )  # fmt: skip
        _check_not_split(counts)
        prov = counts.attrs.get("provenance", {})
        freq = prov.get("freq")
        names = {v: k for k, v in GRANULARITIES.items()}
        self.fixed_freq = names.get(freq, "as counted")
        self.freq = freq
        self.conf = prov.get("conf", 0.95)
        table = counts.copy()
        table["period"] = pd.to_datetime(table["period"])
        if "entry" in table.columns:
            table["label"] = table["frame"].astype(str) + ": " + table["entry"].astype(str)
        else:
            table["label"] = table["frame"].astype(str)
        if "outlet" in table.columns:
            table["outlet"] = table["outlet"].astype(object).fillna(_NO_OUTLET).astype(str)
        else:
            table["outlet"] = _NO_OUTLET
        self.table = table
        self.frames = list(dict.fromkeys(table["frame"].astype(str)))
        self.attrs = dict(counts.attrs)

    def series_totals(self) -> dict[str, int]:
        sums = self.table.groupby("label", sort=False)["n_hits"].sum()
        return {k: int(v) for k, v in sums.items()}

    def outlet_totals(self) -> dict[str, int]:
        first = self.table.drop_duplicates(["period", "outlet"])
        return {k: int(v) for k, v in first.groupby("outlet")["n_articles"].sum().items()}

    def months(self) -> list[str]:
        p = self.table["period"]
        return [str(m) for m in pd.period_range(p.min(), p.max(), freq="M")]

    def counts(self, labels, outlets, lo, hi, freq, pooled, voices=None, copies="keep"):
        """The counts of a choice, summed from the table (``voices``, ``copies``: unused)."""
        t = self.table
        first, last = lo, hi - pd.Timedelta(days=1)
        if self.freq:
            first = pd.Period(lo, self.freq).start_time
            last = pd.Period(last, self.freq).start_time
        keep = (
            t["label"].isin(labels) & t["outlet"].isin(outlets) & t["period"].between(first, last)
        )
        sub = t[keep]
        per_outlet = sub.drop_duplicates(["period", "outlet"]).groupby("outlet")["n_articles"].sum()
        if per_outlet.sum() == 0:
            raise NothingToDraw("empty")
        sub = sub[sub["outlet"].isin(per_outlet.index[per_outlet > 0])]
        sums = ["n_hits", "n_articles_with_hit", "n_articles", "n_tokens"]
        keys = ["period", "label"] if pooled else ["period", "outlet", "label"]
        out = sub.groupby(keys, sort=False)[sums].sum().reset_index()
        out["label"] = pd.Categorical(out["label"], categories=list(labels))
        out = out.sort_values(keys[1:][::-1] + ["period"], kind="stable")
        out = out.rename(columns={"label": "frame"})
        out["frame"] = out["frame"].astype(object)
        out = add_measures(out.reset_index(drop=True), conf=self.conf)
        out.attrs = dict(self.attrs)
        return out


def _check_not_split(counts) -> None:
    """Refuse a counts table by voice or negation, whose rows do not add up over outlets."""
    split = [c for c in ("voice", "negated") if c in counts.columns and counts[c].nunique() > 1]
    if split:
        raise FramingError(
            f"the counts table has one row per {' and '.join(split)} (by='voice' or "
            "negated='apart'); the explorer cannot add those rows up (an article counts in "
            "several voices)",
            where="explore(counts=...)",
            fix="Pass the counts of one voice, count_by_period(hits, articles, voice='narrative'), "
            "or explore(articles, hits=hits) to choose the voice in the explorer.",
        )


def _per_voice(token_totals) -> bool:
    """Whether ``token_totals`` (given to the explorer, or None) counts each voice apart."""
    return token_totals is not None and "voice" in token_totals.columns


def _hits_of(articles, lexicon, hits, *, match: str) -> pd.DataFrame:
    """The hits given (checked), or found in the articles with the lexicon."""
    if hits is None:
        if lexicon is None:
            raise FramingError(
                "explore needs a lexicon (or the hits found with one)",
                where="explore",
                fix="Call explore(articles, framing.load_lexicon('security')) or "
                "explore(articles, hits=hits).",
            )
        # their voices are found when first needed (HitsSource.find_voices)
        hits = find_hits(articles, lexicon, match=match, sentences=False)
    else:
        _check_hits(hits)
    return hits.reset_index(drop=True)


def _article_rows(articles, hits) -> np.ndarray:
    """The row of each hit's article in the articles table; hits of other articles raise."""
    ids = pd.Index(articles["article_id"].astype(object))
    rows = ids.get_indexer(hits["article_id"].astype(object))
    if (rows < 0).any():
        missing = hits.loc[rows < 0, "article_id"]
        raise FramingError(
            f"{len(missing)} hits refer to articles not in the articles table "
            f"(e.g. {missing.iloc[0]!r})",
            where="explore(hits=...)",
            fix="Pass the same articles table you gave find_hits.",
        )
    return rows


def _slim_articles(articles, token_totals=None) -> pd.DataFrame:
    """Position, naive date, outlet and token total of every article: what counts start from
    (the token totals given, per article or per voice, else counted)."""
    outlet = (
        articles["outlet"].astype(object).where(articles["outlet"].notna(), _NO_OUTLET)
        if "outlet" in articles.columns
        else pd.Series(_NO_OUTLET, index=articles.index, dtype=object)
    )
    if token_totals is not None and "voice" in token_totals.columns:
        n_tokens = voice_token_matrix(articles, token_totals, "explore").sum(axis=1)
    elif token_totals is not None or "n_tokens" in articles.columns:
        n_tokens = article_token_totals(articles, token_totals, function="explore")
    else:
        check_columns(articles, ["text"], table="articles", function="explore")
        n_tokens = token_counts(articles)["n_tokens"].to_numpy()
    return pd.DataFrame(
        {
            "article_id": np.arange(len(articles)),
            "date": _naive(articles["date"]).to_numpy(),
            "outlet": outlet.astype(str).to_numpy(dtype=object),
            "n_tokens": n_tokens,
        }
    )


def _series_names(hits, lexicon) -> tuple[list, list]:
    """The frames and the (frame, entry) pairs, in the lexicon's order when there is one."""
    frames = frame_order(hits, lexicon)
    entries = entry_order(hits, lexicon) if lexicon is not None or "entry" in hits.columns else []
    frames += [f for f in dict.fromkeys(hits["frame"].tolist()) if f not in frames]
    return frames, entries


def _series_index(hits, lexicon) -> tuple[list, dict, dict]:
    """The series: every frame, then every entry, each a set of hit rows.

    Returns the frames, label -> hit rows, and label -> (frame, entry or None).
    """
    frames, entries = _series_names(hits, lexicon)
    by_frame = hits.groupby("frame", sort=False).indices if len(hits) else {}
    by_entry = (
        hits.groupby(["frame", "entry"], sort=False).indices
        if len(hits) and "entry" in hits.columns
        else {}
    )
    empty = np.zeros(0, dtype=np.intp)
    index: dict[str, np.ndarray] = {}
    labels_of: dict[str, tuple] = {}
    for f in frames:
        index[f] = np.asarray(by_frame.get(f, empty), dtype=np.intp)
        labels_of[f] = (f, None)
    for f, e in entries:
        label = f"{f}: {e}"
        if label not in index:
            index[label] = np.asarray(by_entry.get((f, e), empty), dtype=np.intp)
            labels_of[label] = (f, e)
    return frames, index, labels_of


def smoothed_over_all_dates(count, counts, window, months) -> pd.DataFrame:
    """The chosen series counted over every month of ``months`` (all the data's), smoothed
    with a ``window``-period moving window, then cut to the periods of ``counts`` (those
    shown): so narrowing the date range does not change the smoothed values at its edges.

    ``count(lo, hi)`` counts the chosen series from ``lo`` to before ``hi``, as
    :meth:`HitsSource.counts` does for the other controls' choice."""
    first = pd.Period(months[0], "M").start_time
    last = (pd.Period(months[-1], "M") + 1).start_time
    wide = count(first, last)
    rolled = rolling_counts(wide, window)
    shown = rolled["period"].between(counts["period"].min(), counts["period"].max())
    return rolled[shown].reset_index(drop=True)
