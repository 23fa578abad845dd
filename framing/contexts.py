"""Keyword in context: the words around every hit, for reading and validating a lexicon.

A KWIC line is cut from the article's text *verbatim* with the token rule of
:mod:`framing.tokens`: with ``window=8`` the left context runs from the start of the 8th word
token before the hit to the start of the hit, and the right context from the end of the hit
to the end of the 8th word token after it (fewer at the edges of the text). Punctuation and
line breaks inside the window are kept as written, so ``left + match + right`` is a slice of
the text. With ``unit="chars"`` the window counts characters instead.

The hits must come from the same articles table (cleaned the same way) that
:func:`framing.find_hits` read, since ``start``/``end`` are character offsets into its text;
a mismatch is detected and reported.

The ``sentence`` of each line is the hits' own when :func:`framing.find_hits` filled it, and
is otherwise computed here, for the hits asked about only (the sentence spans of
:mod:`framing.tokens` in the article's ``lang``, as ``find_hits(..., sentences=True)`` gives).

:func:`collocates`: the words and phrases around the hits (:mod:`framing.cooccurrence`).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from ._errors import FramingError, choices_error
from ._tables import check_articles, check_hits, hit_rows
from .bootstrap import random_generator
from .cooccurrence import (
    collocate_rows,
    count_collocates,
    group_labels,
    hit_lengths,
    mark_entries,
    node_hits,
    node_tokens,
    stop_words,
    token_stream,
)
from .export import write_csv
from .lexicon import Lexicon
from .tokens import TOKEN_PATTERN, language_name, sentence_index

__all__ = ["kwic", "sample_kwic", "collocates", "KWIC_UNITS"]

#: accepted values of ``unit``
KWIC_UNITS = ("tokens", "chars")
_ARTICLE_EXTRAS = ("outlet", "date", "title")
_HIT_EXTRAS = ("frame", "entry", "match")
#: who frames it (framing.voices.add_voice): copied from the hits when they have them
_VOICE_COLUMNS = ("voice", "speaker", "negated")
_CODING_COLUMNS = ("code", "note")
_TOKEN_RE = re.compile(TOKEN_PATTERN)


def _check_hits_table(hits, function: str, needed=("article_id", "start", "end")) -> None:
    """Catch the usual mix-ups (articles or counts passed as hits) with one clear sentence."""
    check_hits(
        hits,
        function,
        needed,
        hint="Pass the table framing.find_hits returns (or one read back from its Parquet/CSV).",
    )


def _article_rows(hits: pd.DataFrame, articles, function: str) -> np.ndarray:
    """Position in ``articles`` of each hit's article; FramingError naming missing articles."""
    check_articles(
        articles, function, hint="Pass the articles table you gave find_hits.", second=True,
        unique=True,
    )  # fmt: skip
    return hit_rows(hits, articles["article_id"], function=function)


def _offsets(hits: pd.DataFrame, function: str) -> tuple[np.ndarray, np.ndarray]:
    """The start and end columns as int64 arrays, or a clear error."""
    out = []
    for col in ("start", "end"):
        values = pd.to_numeric(hits[col], errors="coerce")
        bad = values.isna() | (values != values.round()) | (values < 0)
        if bad.any():
            example = hits.loc[bad, col].iloc[0]
            raise FramingError(
                f"the hits table's {col!r} column holds {int(bad.sum())} values that are not "
                f"character offsets (e.g. {example!r})",
                where=function,
                fix="Pass the hits table from framing.find_hits unchanged.",
            )
        out.append(values.to_numpy(dtype="int64"))
    start, end = out
    if (end < start).any():
        i = int(np.flatnonzero(end < start)[0])
        raise FramingError(
            f"hit {i} ends before it starts (start={start[i]}, end={end[i]})",
            where=function,
            fix="Pass the hits table from framing.find_hits unchanged.",
        )
    return start, end


def _texts(articles: pd.DataFrame) -> list[str]:
    return [t if isinstance(t, str) else "" for t in articles["text"].tolist()]


def hits_in_texts(hits: pd.DataFrame, articles: pd.DataFrame, function: str):
    """Validate hits against the articles: (article rows, starts, ends, texts).

    Checks that every hit's article is present and that its offsets fall inside the text and
    (when the hits have a ``match`` column) cut out exactly the matched text.
    """
    _check_hits_table(hits, function)
    rows = _article_rows(hits, articles, function)
    start, end = _offsets(hits, function)
    texts = _texts(articles)
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    outside = end > lengths[rows] if len(rows) else np.zeros(0, dtype=bool)
    if outside.any():
        i = int(np.flatnonzero(outside)[0])
        raise FramingError(
            f"{int(outside.sum())} hits lie beyond the end of their article's text (e.g. hit {i} "
            f"in {hits['article_id'].iloc[i]!r} ends at {end[i]}, the text has {lengths[rows[i]]} "
            "characters)",
            where=function,
            fix="Pass the same articles (cleaned the same way) that you gave find_hits.",
        )
    if "match" in hits.columns and len(rows):
        matches = hits["match"].tolist()
        wrong = [
            i
            for i, (r, s, e, m) in enumerate(zip(rows, start, end, matches, strict=True))
            if isinstance(m, str) and texts[r][s:e] != m
        ]
        if wrong:
            i = wrong[0]
            raise FramingError(
                f"{len(wrong)} hits do not line up with their article's text (e.g. hit {i}: "
                f"match {matches[i]!r} but the text there reads {texts[rows[i]][start[i] : end[i]]!r})",
                where=function,
                fix="Pass the same articles (cleaned the same way) that you gave find_hits.",
            )
    return rows, start, end, texts


def _by_article(rows: np.ndarray):
    """The positions of the hits of each article: one array per article (in the order of
    the article rows), each in the hits' order."""
    order = np.argsort(rows, kind="stable")
    bounds = np.flatnonzero(np.diff(rows[order])) + 1
    return np.split(order, bounds)


def sentence_numbers(hits, articles, rows: np.ndarray, start: np.ndarray, texts) -> np.ndarray:
    """The ``sentence`` of each hit: the hits' own where filled, else computed for those hits.

    A hit's sentence is missing when the hits table has no ``sentence`` column or holds -1
    (``find_hits(..., sentences=False)``) or nothing there; it is then the index of the
    sentence of :func:`framing.tokens.sentence_index` in the article's language (its ``lang``,
    English without one), as :func:`framing.find_hits` computes it. Only the articles of
    those hits are split into sentences.
    """
    if "sentence" in hits.columns:
        given = pd.to_numeric(hits["sentence"], errors="coerce").to_numpy(dtype="float64")
    else:
        given = np.full(len(hits), np.nan)
    missing = np.isnan(given) | (given < 0)
    out = np.where(missing, -1, np.nan_to_num(given)).astype("int64")
    if not missing.any():
        return out
    langs = articles["lang"].to_numpy() if "lang" in articles.columns else None
    todo = np.flatnonzero(missing)
    for group in _by_article(rows[todo]):
        hit = todo[group]
        row = rows[hit[0]]
        language = language_name(None if langs is None else langs[row])
        out[hit] = sentence_index(texts[row], start[hit].tolist(), language=language)
    return out


def _token_windows(text: str, starts: np.ndarray, ends: np.ndarray, window: int):
    """Left and right context offsets, ``window`` word tokens on each side."""
    spans = np.array([m.span() for m in _TOKEN_RE.finditer(text)], dtype=np.int64).reshape(-1, 2)
    if window == 0 or len(spans) == 0:
        return starts.copy(), ends.copy()
    tok_start, tok_end = spans[:, 0], spans[:, 1]
    n = len(spans)
    first = np.searchsorted(tok_end, starts, side="right")  # first token ending after start
    last = np.searchsorted(tok_start, ends, side="left") - 1  # last token starting before end
    left = tok_start[np.clip(first - window, 0, n - 1)]
    right = tok_end[np.clip(last + window, 0, n - 1)]
    return np.minimum(left, starts), np.maximum(right, ends)


def _check_window(window, unit: str, function: str) -> None:
    if unit not in KWIC_UNITS:
        raise choices_error(f"{function}(unit=...)", unit, KWIC_UNITS)
    if isinstance(window, bool) or not isinstance(window, int | np.integer) or window < 0:
        raise FramingError(
            f"{window!r} is not a window length",
            where=f"{function}(window=...)",
            fix=f"Pass a whole number of {unit} >= 0, e.g. window=8.",
        )


def _marks(highlight, function: str) -> tuple[str, str] | None:
    if highlight is None:
        return None
    if isinstance(highlight, str):
        return highlight, highlight
    if (
        isinstance(highlight, tuple | list)
        and len(highlight) == 2
        and all(isinstance(h, str) for h in highlight)
    ):
        return highlight[0], highlight[1]
    raise FramingError(
        f"{highlight!r} is not a highlight mark",
        where=f"{function}(highlight=...)",
        fix="Pass a string put on both sides of the hit ('**') or a pair ('[', ']').",
    )


def kwic(
    hits: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    window: int = 8,
    unit: str = "tokens",
    highlight=None,
) -> pd.DataFrame:
    """Keyword-in-context lines: the text around every hit, one row per hit.

    Parameters
    ----------
    hits : DataFrame
        The hits table from :func:`framing.find_hits` (also read back from Parquet or CSV):
        ``article_id``, ``start``, ``end`` and usually ``frame``, ``entry``, ``match``,
        ``sentence``, and ``voice``, ``speaker``, ``negated`` after
        :func:`framing.voices.add_voice`.
    articles : DataFrame
        The articles table the hits were found in (``article_id``, ``text``; ``outlet``,
        ``date``, ``title`` are copied when present).
    window : int
        Context length on each side, in word tokens (or characters with ``unit="chars"``).
    unit : {"tokens", "chars"}
        What ``window`` counts. Tokens follow :mod:`framing.tokens`: the left context starts
        at the start of the ``window``-th word token before the hit.
    highlight : str or (str, str), optional
        Marks put around the hit in an extra column ``line`` (``left + mark + match + mark +
        right``, whitespace collapsed to single spaces), e.g. ``"**"`` or ``("[", "]")``.

    Returns
    -------
    DataFrame
        One row per hit, in the hits' order: ``article_id``, ``frame``, ``entry``, ``match``,
        ``start``, ``end``, ``left``, ``right`` (verbatim, so ``left + match + right`` is a
        slice of the text), then who frames it, ``voice``, ``speaker`` and ``negated``, when
        the hits have them (:func:`framing.voices.add_voice`), then ``outlet``, ``date``,
        ``title`` when available, ``sentence``
        (the hits' own, or computed for these hits where missing or -1: see the module's
        notes) and ``line`` with ``highlight``.

    Raises
    ------
    FramingError
        When a table is not what it should be, a hit's article is missing, or the offsets do
        not fit the text (hits found in differently cleaned articles).

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"],
    ...     "text": ["Yerevan said the bloc is a real security threat, once more."]})
    >>> hits = pd.DataFrame({"article_id": ["a"], "frame": ["threat"],
    ...     "entry": ["security threat"], "match": ["security threat"],
    ...     "start": [32], "end": [47]})
    >>> row = kwic(hits, arts, window=3).iloc[0]
    >>> row["left"], row["match"], row["right"]
    ('is a real ', 'security threat', ', once more')
    >>> kwic(hits, arts, window=2, highlight=("[", "]"))["line"].iloc[0]
    'a real [security threat], once more'
    """
    _check_window(window, unit, "kwic")
    marks = _marks(highlight, "kwic")
    rows, start, end, texts = hits_in_texts(hits, articles, "kwic")
    lo, hi = _context_bounds(rows, start, end, texts, window, unit)
    hit_texts = [texts[r] for r in rows]
    left = [t[a:s] for t, a, s in zip(hit_texts, lo, start, strict=True)]
    right = [t[e:b] for t, e, b in zip(hit_texts, end, hi, strict=True)]
    matches = (
        hits["match"].tolist()
        if "match" in hits.columns
        else [t[s:e] for t, s, e in zip(hit_texts, start, end, strict=True)]
    )
    out = _kwic_table(hits, articles, rows, start, end, matches, left, right)
    out["sentence"] = sentence_numbers(hits, articles, rows, start, texts)
    if marks is not None:
        out["line"] = [
            " ".join(f"{a}{marks[0]}{m}{marks[1]}{b}".split())
            for a, m, b in zip(left, matches, right, strict=True)
        ]
    out.attrs = {
        "provenance": {
            **{k: v for k, v in hits.attrs.items() if k != "frames"},
            "kwic": {"window": int(window), "unit": unit},
        }
    }
    return out


def _context_bounds(rows, start, end, texts, window: int, unit: str):
    """Where each hit's left context starts and its right context ends (``lo``, ``hi``)."""
    if unit == "chars":
        return np.maximum(start - window, 0), end + window
    lo, hi = start.copy(), end.copy()
    if len(rows):
        for group in _by_article(rows):
            lo[group], hi[group] = _token_windows(
                texts[rows[group[0]]], start[group], end[group], window
            )
    return lo, hi


def _kwic_table(hits, articles, rows, start, end, matches, left, right) -> pd.DataFrame:
    """The KWIC columns up to ``right``, the hit's ``voice``, ``speaker`` and ``negated``
    (when the hits have them), then the article's ``outlet``, ``date``, ``title``."""
    out = pd.DataFrame({"article_id": hits["article_id"].to_numpy()})
    for col in ("frame", "entry"):
        if col in hits.columns:
            out[col] = hits[col].to_numpy()
    out["match"] = matches
    out["start"], out["end"] = start, end
    out["left"], out["right"] = left, right
    for col in _VOICE_COLUMNS:
        if col in hits.columns:
            out[col] = hits[col].to_numpy()
    for col in _ARTICLE_EXTRAS:
        if col in articles.columns:
            out[col] = articles[col].to_numpy()[rows]
    return out


def _strata(hits: pd.DataFrame, articles: pd.DataFrame, rows: np.ndarray, by: list[str]):
    """The stratum columns of each hit, from the hits table or else the articles table."""
    values = {}
    for col in by:
        if col in hits.columns:
            values[col] = hits[col].to_numpy()
        elif col in articles.columns:
            values[col] = articles[col].to_numpy()[rows]
        else:
            found = sorted({*hits.columns, *articles.columns} - {"text", "start", "end"})
            raise FramingError(
                f"{col!r} is neither a column of the hits nor of the articles table",
                where="sample_kwic(by=...)",
                fix="Stratify by one of: " + ", ".join(map(repr, found)) + ".",
            )
    return pd.DataFrame(values)


def _has_hand_coding(path: Path) -> bool:
    """Whether an existing CSV at ``path`` holds any hand coding (non-empty code or note)."""
    try:
        old = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, ValueError, UnicodeDecodeError, pd.errors.ParserError):
        return True  # unreadable as a KWIC sample: do not overwrite it blindly
    cols = [c for c in _CODING_COLUMNS if c in old.columns]
    if not cols:
        return True
    return bool((old[cols].apply(lambda s: s.str.strip()) != "").to_numpy().any())


def sample_kwic(
    hits: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    n: int = 20,
    by="entry",
    seed: int | None = 0,
    path=None,
    window: int = 8,
    overwrite: bool = False,
) -> pd.DataFrame:
    """A stratified random sample of KWIC lines, for hand-coding (validating a lexicon).

    Up to ``n`` hits are drawn from every stratum (every ``entry``, ``frame``, ``outlet``, or
    combination of columns), without replacement; strata with fewer hits give all of them. The
    draw is deterministic for a ``seed`` (a :func:`numpy.random.default_rng` generator gives
    each hit a random key and the ``n`` smallest keys of each stratum are kept), given the same
    hits table in the same order.

    Parameters
    ----------
    hits, articles : DataFrame
        As for :func:`kwic`.
    n : int
        Hits per stratum.
    by : str, list of str or None
        Stratify by columns of the hits (``"entry"``, ``"frame"``, and ``"voice"`` or
        ``"speaker"`` after :func:`framing.voices.add_voice`) or of the articles
        (``"outlet"``, ``"lang"``); None draws ``n`` hits overall.
    seed : int or None
        Seed of the random generator (None: a different sample every time).
    path : str or Path, optional
        Write the sample as CSV (UTF-8, header, ``\\n`` line ends) with empty columns ``code``
        and ``note`` to fill in by hand. Parent folders are created.
    window : int
        Context length in word tokens on each side.
    overwrite : bool
        A CSV at ``path`` that already holds hand coding (any non-empty ``code`` or ``note``)
        is never overwritten unless this is True; an uncoded one is replaced.

    Returns
    -------
    DataFrame
        The :func:`kwic` columns (with ``voice``, ``speaker`` and ``negated`` when the hits
        have them, so that a coder sees who speaks; plus any ``by`` columns), then ``code``
        and ``note`` (empty), ordered by stratum and then by the hits' order.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a", "b"],
    ...     "text": ["A threat, a threat, a threat.", "Crisis! Another crisis."]})
    >>> hits = pd.DataFrame({"article_id": ["a", "a", "a", "b", "b"],
    ...     "frame": ["threat"] * 3 + ["crisis"] * 2,
    ...     "entry": ["threat"] * 3 + ["crisis"] * 2,
    ...     "start": [2, 12, 22, 0, 16], "end": [8, 18, 28, 6, 22]})
    >>> sample = sample_kwic(hits, arts, n=2, by="frame", seed=1)
    >>> sample.groupby("frame").size().to_dict()
    {'crisis': 2, 'threat': 2}
    >>> list(sample.columns[-2:])
    ['code', 'note']
    """
    _check_sample_size(n)
    _check_window(window, "tokens", "sample_kwic")
    by_cols = [] if by is None else [by] if isinstance(by, str) else list(by)
    _check_hits_table(hits, "sample_kwic")
    rows = _article_rows(hits, articles, "sample_kwic")
    strata = _strata(hits, articles, rows, by_cols)
    chosen = _draw(strata, by_cols, n, _random_keys(seed, len(hits)))
    # kwic sees the drawn hits only, so only their articles are split into sentences
    lines = kwic(hits.iloc[chosen["_pos"].to_numpy()], articles, window=window)
    for col in by_cols:
        if col not in lines.columns:
            lines[col] = chosen[col].to_numpy()
    lines["code"] = ""
    lines["note"] = ""
    lines.attrs["provenance"] = {
        **lines.attrs.get("provenance", {}),
        "sample": {"n": int(n), "by": by_cols, "seed": seed},
    }
    if path is not None:
        _write_sample(lines, Path(path), overwrite=overwrite)
    return lines


def _check_sample_size(n) -> None:
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
        raise FramingError(
            f"{n!r} is not a sample size",
            where="sample_kwic(n=...)",
            fix="Pass a whole number of hits per stratum >= 1, e.g. n=20.",
        )


def _random_keys(seed, size: int) -> np.ndarray:
    """One random key per hit from ``numpy.random.default_rng(seed)``."""
    return random_generator(seed, "sample_kwic(seed=...)").random(size)


def _draw(strata: pd.DataFrame, by_cols: list[str], n: int, keys: np.ndarray) -> pd.DataFrame:
    """The hits with the ``n`` smallest keys of each stratum (``_pos``: their positions),
    ordered by stratum and then by the hits' order."""
    frame = strata.assign(_key=keys, _pos=np.arange(len(keys)))
    if not by_cols:
        return frame.nsmallest(n, "_key").sort_values("_pos", kind="stable")
    for col in by_cols:  # missing values form their own stratum
        frame[col] = frame[col].astype(object).where(frame[col].notna(), "")
    rank = frame.groupby(by_cols, sort=False)["_key"].rank(method="first")
    return frame[rank.to_numpy() <= n].sort_values([*by_cols, "_pos"], kind="stable")


def _write_sample(lines: pd.DataFrame, path: Path, *, overwrite: bool) -> None:
    if path.is_dir():
        raise FramingError(
            "is a folder, not a file name", where=str(path), fix="Pass a path like 'kwic.csv'."
        )
    if path.exists() and not overwrite and _has_hand_coding(path):
        raise FramingError(
            "already holds hand coding (non-empty 'code' or 'note' entries), which a new sample "
            "would overwrite",
            where=str(path),
            fix="Choose another path, or pass overwrite=True if you mean to discard it.",
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FramingError(f"cannot create the folder ({exc.strerror})", where=str(path)) from exc
    table = lines.copy()
    date = table["date"] if "date" in table.columns else None
    if date is not None and pd.api.types.is_datetime64_any_dtype(date):
        if (date.dropna() == date.dropna().dt.normalize()).all():  # dates without times
            table["date"] = date.dt.strftime("%Y-%m-%d")
    # a coding sheet is opened in a spreadsheet: a byte-order mark so that it reads UTF-8
    # right, passages that cannot run as formulas, written atomically
    write_csv(table, path, encoding="utf-8-sig")


def collocates(
    articles: pd.DataFrame,
    terms,
    *,
    frame: str | None = None,
    window: int = 5,
    by: str | None = None,
    min_count: int = 3,
    phrases: bool = True,
    stopwords=None,
    lexicon=None,
    new_only: bool = False,
) -> pd.DataFrame:
    """The words and two-word phrases around the hits of an entry or a frame, by association.

    Every hit's window is ``window`` word tokens on each side, inside its article; each token
    position counts once however many windows hold it, and the hits' own tokens are never
    counted. Each collocate's count in the windows is compared with its count in the rest of
    the corpus (without the hits' tokens): Dunning's log-likelihood ``g2`` (signed: negative
    when rarer near the hits), its p-value, ``pmi`` (natural log, as in
    :func:`framing.keyness`) and Hardie's ``log_ratio`` (:mod:`framing.association`).
    Tokens follow :mod:`framing.tokens` (lower-cased ``\\w+`` runs of the NFKC text).

    Parameters
    ----------
    articles : DataFrame
        The articles table (``article_id``, ``text``, and the ``by`` column).
    terms : str, list of str, dict, Lexicon or DataFrame
        A lexicon entry (word, glob such as ``"threat*"``, or phrase) or a list of them; a
        lexicon (dict or :class:`framing.Lexicon`) with ``frame=`` naming one of its frames
        (the frame's hits, its longest-match rule applied); or a hits table from
        :func:`framing.find_hits` on these articles.
    frame : str, optional
        The frame of a lexicon (or hits table) whose hits are the nodes.
    window : int
        Word tokens on each side of a hit.
    by : str, optional
        A column of the articles: one table per group, each compared with its own group.
    min_count : int
        Keep the collocates seen at least this often in the windows.
    phrases : bool
        Also count two-word phrases (two consecutive tokens in the windows).
    stopwords : str or iterable of str, optional
        Words to leave out (phrases only when both words are); a language name
        (``"english"``, ``"russian"``) takes NLTK's stop-word list.
    lexicon : Lexicon or dict, optional
        Name in ``lexicon_entry`` the entry that already matches each whole collocate (""
        for none); by default the lexicon of ``terms``, when it is one.
    new_only : bool
        Keep only the collocates no entry matches: candidate terms for the lexicon.

    Returns
    -------
    DataFrame
        ``collocate``, ``n_words`` (1 or 2), ``n_window`` (count in the windows),
        ``n_corpus`` (count outside the hits' tokens), ``g2``, ``p_value``, ``pmi``,
        ``log_ratio`` (and ``lexicon_entry``); the ``by`` column first when asked. Ordered by ``g2``, highest first
        (by group). ``attrs["collocates"]`` holds the hits, window tokens and parameters.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "text": [
    ...     "A grave security threat. Another grave threat loomed.",
    ...     "The grave threat of war.", "Markets rose. Oil fell. Grain rose."]})
    >>> table = collocates(arts, "threat*", window=1, min_count=2)
    >>> table[["collocate", "n_window", "n_corpus"]]
      collocate  n_window  n_corpus
    0     grave         2         3
    """
    _check_window(window, "tokens", "collocates")
    check_articles(articles, "collocates", hint="Pass the articles table first.")
    hits = node_hits(articles, terms, frame)
    rows = hit_rows(hits, articles["article_id"], function="collocates")
    texts = _texts(articles)
    ids, offsets, vocab = token_stream(texts)
    tokens = node_tokens(hits, ids, vocab, offsets, rows)
    groups = None if by is None else group_labels(articles, by)
    parts = count_collocates(
        ids, offsets, vocab, rows, tokens, hit_lengths(hits, texts, rows), groups,
        window=window, phrases=phrases,
    )  # fmt: skip
    out = collocate_rows(parts, by, min_count, stop_words(stopwords))
    if lexicon is not None or isinstance(terms, dict | Lexicon):
        out = mark_entries(out, terms if lexicon is None else lexicon, new_only=new_only)
    out.attrs["collocates"] = {
        "n_hits": len(hits), "window": int(window), "min_count": int(min_count),
        "terms": terms if isinstance(terms, str | list) else frame,
    }  # fmt: skip
    return out
