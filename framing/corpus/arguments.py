"""Checking the arguments of :func:`~framing.corpus.count_corpus` and
:func:`~framing.corpus.count_dask`, and building the :class:`~framing.corpus.job.Job`."""

from __future__ import annotations

import functools
import numbers

from .._errors import FramingError, choices_error
from .._tables import as_lexicon
from ..aggregate import FREQUENCIES, NEGATED
from ..clean import clean_articles
from ..partials import voice_choice
from .job import Job

_MATCH_MODES = ("exact", "stem")
_LEVELS = ("frame", "entry")


def check_job(
    lexicon,
    *,
    freq,
    by,
    level,
    clean,
    match,
    want_hits,
    function: str,
    voice=None,
    negated="keep",
) -> Job:
    """The :class:`Job` of checked arguments, or a FramingError naming the bad one."""
    lexicon = as_lexicon(lexicon, function)
    key = freq if isinstance(freq, str) and freq in FREQUENCIES else str(freq).lower()
    if key not in FREQUENCIES:
        raise choices_error(f"{function}(freq=...)", freq, ["D", "W", "M", "Q", "Y"])
    if level not in _LEVELS:
        raise choices_error(f"{function}(level=...)", level, _LEVELS)
    if match not in _MATCH_MODES:
        raise choices_error(f"{function}(match=...)", match, _MATCH_MODES)
    by = () if by is None else (by,) if isinstance(by, str) else by
    if not isinstance(by, (list, tuple)) or not all(isinstance(col, str) for col in by):
        raise FramingError(
            f"expected column names, got {by!r}",
            where=f"{function}(by=...)",
            fix="Pass a column name or a list of them, e.g. by='outlet'.",
        )
    if not (isinstance(clean, bool) or callable(clean)):
        raise FramingError(
            f"expected True, False or a cleaner function, got {type(clean).__name__}",
            where=f"{function}(clean=...)",
            fix="Pass clean=True (framing.default_cleaner), False, or make_cleaner(...).",
        )
    if negated not in NEGATED:
        raise choices_error(f"{function}(negated=...)", negated, NEGATED)
    return Job(
        lexicon=lexicon,
        cleaner=_cleaner(clean),
        match=match,
        freq=key,
        by=tuple(by),
        level=level,
        want_hits=want_hits,
        function=function,
        voice=None if voice is None else tuple(voice_choice(voice, f"{function}(voice=...)")),
        negated=negated,
    )


def _cleaner(clean):
    """The job's cleaner for ``clean=``: None, clean_articles, or it with a ``str -> str``."""
    if clean is False:
        return None
    if clean is True:
        return clean_articles
    return functools.partial(clean_articles, cleaner=clean)


def check_workers(workers, where: str = "count_corpus(workers=...)") -> int | None:
    """The ``workers`` argument: None, or a positive whole number."""
    if workers is None:
        return None
    if isinstance(workers, bool) or not isinstance(workers, numbers.Integral) or workers < 1:
        raise FramingError(
            f"expected a positive whole number of worker processes, got {workers!r}",
            where=where,
            fix="Pass e.g. workers=4, workers=1 to count in this process, or None for all cores.",
        )
    return int(workers)


def is_dask_frame(obj) -> bool:
    """True for a Dask DataFrame (without importing dask)."""
    return type(obj).__module__.split(".")[0] in ("dask", "dask_expr") and hasattr(
        obj, "map_partitions"
    )
