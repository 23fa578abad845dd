"""The spans of each voice in a text: quotes, scare quotes and reported speech.

:func:`voice_spans` lays the three voices that are not the narrative over each text:
the quotes and scare quotes of :func:`framing.voices.quotes.find_quotes` and the reported
speech of :func:`framing.voices.reported.reported_spans`. Spans of one article never
overlap: a quote inside reported speech splits the reported span around it (the quote's own
voice wins), and of two overlapping reported spans the earlier one keeps the shared part.
What no span covers is the narrative.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import numpy as np
import pandas as pd

from .._errors import FramingError
from .._tables import check_articles
from .quotes import QUOTE_COLUMNS, article_languages, article_voices
from .reported import reported_spans
from .sentences import text_language, unwrap_lines

__all__ = ["voice_spans", "voice_spans_at", "SPAN_COLUMNS"]

_WORD_RE = re.compile(r"\w")

#: The columns of the voice-spans table, in order.
SPAN_COLUMNS = ("article_id", "start", "end", "voice", "speaker", "cue")


def _subtract(start: int, end: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``[start, end)`` outside the sorted intervals ``cuts``."""
    parts = []
    for cut_start, cut_end in cuts:
        if cut_end <= start or cut_start >= end:
            continue
        if cut_start > start:
            parts.append((start, cut_start))
        start = max(start, cut_end)
    if start < end:
        parts.append((start, end))
    return parts


def article_spans(
    text: str, lang: str, quotes: list[tuple] | None = None, offsets=None
) -> list[tuple]:
    """The voice spans of one text: ``(start, end, voice, speaker, cue)`` sorted by start.

    ``quotes`` (``(start, end, kind, speaker, cue)``) replaces the quotes found in the text.
    With ``offsets``, only the spans that hold one of them are returned, the same as
    without; reported speech is looked for only around them (the sentences that hold them
    and the sentences after those, :meth:`Sentences.reach`), and the speakers of other
    quotes and cues are not worked out.

    Examples
    --------
    >>> text = "Lavrov said the bloc was “close to collapse” and would survive."
    >>> [(text[s:e], v) for s, e, v, _, _ in article_spans(text, "en")]
    [('the bloc was', 'reported'), ('close to collapse', 'scare_quote'), ('and would survive.', 'reported')]
    """
    text = unwrap_lines(text)  # as article_voices reads it; the offsets are the same
    voices = article_voices(text, lang, offsets=offsets, unwrapped=True)
    if quotes is None:
        quotes = [(q.start, q.end, q.kind, q.speaker, q.cue) for q in voices.quotes]
    cuts = sorted((q[0] - 1, q[1] + 1) for q in quotes)  # with their marks
    spans = list(quotes)
    covered = 0
    reach = None if offsets is None else voices.sentences.reach(offsets)
    for r in reported_spans(text, voices, reach):
        start = max(r.start, covered)
        for part_start, part_end in _subtract(start, r.end, cuts):
            piece = text[part_start:part_end]
            if _WORD_RE.search(piece):  # the piece without the white space at its ends
                part_start += len(piece) - len(piece.lstrip())
                part_end -= len(piece) - len(piece.rstrip())
                spans.append((part_start, part_end, "reported", r.speaker, r.cue))
        covered = max(covered, r.end)
    if offsets is not None:
        wanted = sorted(offsets)
        spans = [s for s in spans if bisect_left(wanted, s[1]) > bisect_left(wanted, s[0])]
    return sorted(spans)


def _given_quotes(quotes: pd.DataFrame) -> dict:
    """The quotes table's rows grouped by article, as ``(start, end, kind, speaker, cue)``."""
    missing = [
        c for c in QUOTE_COLUMNS if c not in quotes.columns and c not in ("text", "unclosed")
    ]
    if missing:
        raise FramingError(
            f"the quotes table has no column {missing[0]!r}",
            where="voice_spans(quotes=...)",
            fix="Pass the table framing.find_quotes returned, or quotes=None.",
        )
    grouped: dict = {}
    for row in quotes[["article_id", "start", "end", "kind", "speaker", "cue"]].itertuples(
        index=False
    ):
        grouped.setdefault(row[0], []).append((int(row[1]), int(row[2]), row[3], row[4], row[5]))
    return grouped


def voice_spans(articles: pd.DataFrame, *, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """The spans of every voice but the narrative: quotes, scare quotes and reported speech.

    Parameters
    ----------
    articles : DataFrame
        The articles table (``article_id``, ``text``; ``lang`` when present).
    quotes : DataFrame, optional
        A quotes table from :func:`framing.voices.quotes.find_quotes` for these articles;
        found again when None. Reported speech is always found from the texts.

    Returns
    -------
    DataFrame
        Columns :data:`SPAN_COLUMNS`: ``article_id``, ``start``, ``end`` (offsets into the
        text), ``voice`` ("quote", "scare_quote" or "reported"), ``speaker`` and ``cue``.
        Spans of one article do not overlap; ordered as the articles, then by ``start``.

    Examples
    --------
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"article_id": ["a1"], "text": [
    ...     "Pashinyan described the freeze as an effective suspension. “It is over,” he said."]})
    >>> voice_spans(articles)[["start", "end", "voice", "speaker", "cue"]]
       start  end     voice    speaker        cue
    0     20   58  reported  Pashinyan  described
    1     60   71     quote  Pashinyan       said
    """
    check_articles(articles, "voice_spans", ("article_id", "text"))
    given = None if quotes is None else _given_quotes(quotes)
    rows = []
    langs = article_languages(articles)
    for article_id, text, lang in zip(articles["article_id"], articles["text"], langs, strict=True):
        if not isinstance(text, str) or not text:
            continue
        mine = None if given is None else given.get(article_id, [])
        for span in article_spans(text, text_language(text, lang), mine):
            rows.append((article_id, *span))
    table = pd.DataFrame(rows, columns=list(SPAN_COLUMNS))
    return table.astype({"start": "int64", "end": "int64"})


def voice_spans_at(articles: pd.DataFrame, rows: np.ndarray, offsets: np.ndarray) -> pd.DataFrame:
    """The voice spans that hold the given offsets: what :func:`add_voice` looks up.

    Parameters
    ----------
    articles : DataFrame
        The articles table (``article_id``, ``text``; ``lang`` when present).
    rows, offsets : ndarray of int
        For each word to place (a hit), the row of its article and its offset in the text.

    Returns
    -------
    DataFrame
        A voice-spans table (:data:`SPAN_COLUMNS`): the spans of :func:`voice_spans` that
        hold one of the offsets (spans of one article do not overlap, so the span that
        holds an offset decides its voice). Only the articles at ``rows`` are read, in
        them reported speech only in the sentences around the offsets (and the sentence
        after each, whose cue may report it), and only the speakers of those spans are
        worked out (with the cues before them that a pronoun may refer back through).

    Examples
    --------
    >>> import numpy as np
    >>> text = "Lavrov said the bloc was intact. “It is over,” he said. Calm returned."
    >>> articles = pd.DataFrame({"article_id": ["a1", "a2"], "text": [text, "Nothing."]})
    >>> voice_spans_at(articles, np.array([0, 0]), np.array([15, 40]))
      article_id  start  end     voice speaker   cue
    0         a1     12   32  reported  Lavrov  said
    1         a1     34   45     quote  Lavrov  said
    """
    check_articles(articles, "voice_spans", ("article_id", "text"))
    rows = np.asarray(rows, dtype=np.int64)
    offsets = np.asarray(offsets, dtype=np.int64)
    order = np.argsort(rows, kind="stable")
    bounds = np.flatnonzero(np.diff(rows[order])) + 1
    ids = articles["article_id"].to_numpy(dtype=object)
    texts = articles["text"].to_numpy(dtype=object)
    langs = article_languages(articles)
    out = []
    for group in np.split(order, bounds) if len(order) else []:
        row = int(rows[group[0]])
        text = texts[row]
        if not isinstance(text, str) or not text:
            continue
        lang = text_language(text, langs[row])
        for span in article_spans(text, lang, offsets=offsets[group].tolist()):
            out.append((ids[row], *span))
    table = pd.DataFrame(out, columns=list(SPAN_COLUMNS))
    return table.astype({"start": "int64", "end": "int64"})
