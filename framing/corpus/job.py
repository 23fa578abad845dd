"""The job sent to the worker processes, and what a worker does with one chunk of it.

A :class:`Job` holds everything a chunk is counted with (the lexicon, the cleaning, the
period and grouping). It is pickled to the workers with every chunk, so a worker imports
only what the job names: :mod:`framing.clean` is imported by a worker only when the job
cleans (its cleaner is pickled by reference).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from .._errors import FramingError
from .._memory import release_memory
from ..aggregate import make_partials
from ..match import find_hits
from ..voices import add_voice, voice_spans, voice_token_totals

#: Columns that :func:`framing.clean_articles` adds, which may be grouped by.
CLEAN_COLUMNS = ("dateline_place", "dateline_source")
#: Columns the workers need besides the text and the grouping columns.
WORK_COLUMNS = ("article_id", "date", "text", "lang", "n_tokens", *CLEAN_COLUMNS)


@dataclass(frozen=True)
class Job:
    """What every chunk is counted with (pickled once per chunk to the workers).

    ``cleaner`` is None when the texts are counted raw, else a function of an articles
    table (:func:`framing.clean_articles`, with the user's cleaner bound to it). ``voice``
    and ``negated`` are those of :func:`framing.count_by_period`.
    """

    lexicon: object
    cleaner: Callable[[pd.DataFrame], pd.DataFrame] | None
    match: str
    freq: str
    by: tuple[str, ...]
    level: str
    want_hits: bool
    function: str = "count_corpus"
    voice: tuple[str, ...] | None = None
    negated: str = "keep"

    @property
    def by_voice(self) -> bool:
        """Whether the count tells voices apart (each over its own tokens)."""
        return self.voice is not None or "voice" in self.by

    @property
    def voices(self) -> bool:
        """Whether the hits need their voice, speaker and negation (:func:`framing.add_voice`)."""
        return self.by_voice or self.negated != "keep"


@dataclass
class Result:
    """What counting one chunk gives back: its partial counts, hits and warnings."""

    partials: object  # CountPartials, or None for an empty chunk
    hits: pd.DataFrame | None
    warnings: list[tuple[type[Warning], str]]


def count_chunk(chunk: pd.DataFrame, job: Job) -> Result:
    """Clean one chunk, find its hits and return its partial counts (runs in a worker)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if job.cleaner is not None:
            chunk = job.cleaner(chunk)
        hits, totals = chunk_hits(chunk, job)
        partials = chunk_partials(hits, chunk, job, totals) if len(chunk) else None
    found = [(w.category, str(w.message)) for w in caught]
    return Result(partials, hits if job.want_hits else None, found)


def count_sent_chunk(chunk: pd.DataFrame, job: Job) -> Result:
    """:func:`count_chunk` in a worker process, which then returns the memory it freed."""
    result = count_chunk(chunk, job)
    del chunk
    release_memory()
    return result


def chunk_hits(chunk: pd.DataFrame, job: Job) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The hits of a cleaned chunk (with their voices when the job needs them), and the
    tokens of each article in each voice when the count tells voices apart (else None)."""
    hits = find_hits(chunk, job.lexicon, match=job.match, sentences=False)
    if not job.voices:
        return hits, None
    if not job.by_voice:  # only the spans that hold a hit are needed
        return add_voice(hits, chunk), None
    # the denominators need every span of every article: find them once for both
    spans = voice_spans(chunk)
    return add_voice(hits, chunk, spans=spans), voice_token_totals(chunk, spans=spans)


def chunk_partials(hits: pd.DataFrame, chunk: pd.DataFrame, job: Job, token_totals=None):
    """The :class:`~framing.aggregate.CountPartials` of a cleaned chunk and its hits
    (``token_totals``: per voice, from :func:`chunk_hits`)."""
    return make_partials(
        hits,
        chunk,
        freq=job.freq,
        by=list(job.by),
        level=job.level,
        token_totals=token_totals,
        function=job.function,
        voice=None if job.voice is None else list(job.voice),
        negated=job.negated,
    )


def count_here(chunk, job: Job) -> Result:
    """Count one chunk (a :class:`~framing.corpus.reader.Chunk`) in this process; a
    bad-input error names the chunk's rows."""
    try:
        return count_chunk(chunk.work, job)
    except FramingError as exc:
        raise FramingError(str(exc), where=chunk.where) from exc


def check_by_columns(columns, job: Job) -> None:
    """Fail early, in this process, for a grouping column that no chunk will have."""
    made = (*CLEAN_COLUMNS, "voice") if job.cleaner is not None else ("voice",)
    missing = [c for c in job.by if c not in columns and c not in made]
    if missing:
        found = ", ".join(repr(c) for c in columns if c not in ("source", "encoding"))
        raise FramingError(
            f"the articles have no column {', '.join(map(repr, missing))} to group by "
            f"(columns found: {found})",
            where=f"{job.function}(by=...)",
            fix="Group only by columns of the articles, e.g. by='outlet'.",
        )


_NUMBERS = re.compile(r"\d[\d,.]*%?")


def warning_shape(warning: tuple[type[Warning], str]) -> tuple[type[Warning], str]:
    """A warning with its numbers blanked: the same warning from every chunk (a broad glob
    that "matched 12% of all words (1,234 of 10,000)" in one, 11% in the next) has one
    shape, so a count warns once, not once per chunk."""
    category, message = warning
    return category, _NUMBERS.sub("#", message)
