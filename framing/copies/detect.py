"""find_copies: wire copies and near-duplicates, found by their text.

See :mod:`framing.copies` for what it catches and misses.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .._errors import FramingError, FramingWarning
from .._tables import check_articles
from .index import find_candidates, sketch
from .shingles import SHINGLE_SIZE, shingle_hashes
from .stories import copy_decisions, origin_keys, pair_measures, story_heads

__all__ = [
    "find_copies",
    "COPY_COLUMNS",
    "copy_pairs",
    "copy_index",
    "measured_pairs",
    "long_enough",
    "warn_big_stories",
    "THRESHOLD",
    "CONTAINMENT",
    "MIN_WORDS",
    "MAX_COPIES",
]

#: the columns find_copies adds to the articles table
COPY_COLUMNS = ("story_id", "copy_of", "similarity")
#: the defaults of find_copies (and of count_corpus's copy index), see :mod:`framing.copies`
THRESHOLD, CONTAINMENT, MIN_WORDS, MAX_COPIES = 0.4, 0.7, 8, 100
#: articles are read in batches of about this many characters
_BATCH = 8_000_000
#: the most shingles kept from pass 1 for pass 2 (8 bytes each); a larger corpus is hashed
#: again for its candidate pairs only
_KEEP = 16_000_000


def _check_share(value, name: str) -> float:
    try:
        share = float(value)
    except (TypeError, ValueError):
        share = float("nan")
    if not 0 < share <= 1:
        raise FramingError(
            f"{name}={value!r} is not a share between 0 and 1",
            where=f"find_copies({name}=...)",
            fix=f"Pass a number such as {name}=0.5.",
        )
    return share


def _batches(texts: list, size: int = _BATCH):
    start, chars = 0, 0
    for i, text in enumerate(texts):
        chars += len(text) if isinstance(text, str) else 0
        if chars >= size:
            yield start, i + 1
            start, chars = i + 1, 0
    if start < len(texts):
        yield start, len(texts)


def long_enough(counts: np.ndarray, min_words: int) -> np.ndarray:
    """True for the articles with enough shingles (``counts``) to be copies: at least
    ``min_words`` words.

    Examples
    --------
    >>> long_enough(np.array([0, 5, 6]), 8).tolist()
    [False, False, True]
    """
    return counts >= max(1, min_words - SHINGLE_SIZE + 1)


def copy_index(texts: list, min_words: int, *, keep: int = 0):
    """Pass 1: the index (fingerprints, article numbers) of the articles long enough to count.

    It is built batch by batch; the index is what stays (at most 8 * SKETCH_SIZE bytes an
    article, :mod:`.index`). The shingles themselves are kept too, as ``(hashes, counts)``,
    when there are at most ``keep`` of them, so pass 2 need not hash the candidates again;
    else the third value is None.

    Examples
    --------
    >>> fp, art, kept = copy_index(["one two three four five six seven eight nine", "a b"], 8)
    >>> art.tolist() == [0] * len(art), fp.dtype.name, kept
    (True, 'uint32', None)
    """
    fps, arts, enough = [], [], np.zeros(len(texts), dtype=bool)
    kept, n_kept = [], 0
    for start, stop in _batches(texts):
        hashes, counts = shingle_hashes(texts[start:stop])
        enough[start:stop] = long_enough(counts, min_words)
        fp, art = sketch(hashes, counts, first=start)
        fps.append(fp)
        arts.append(art)
        n_kept += len(hashes)
        kept = kept + [(hashes, counts)] if kept is not None and n_kept <= keep else None
    fp = np.concatenate(fps) if fps else np.zeros(0, np.uint32)
    art = np.concatenate(arts) if arts else np.zeros(0, np.int32)
    if kept is not None:
        kept = (
            np.concatenate([h for h, _ in kept] or [np.zeros(0, np.uint64)]),
            np.concatenate([c for _, c in kept] or [np.zeros(0, np.int64)]),
        )
    chosen = enough[art]
    return fp[chosen], art[chosen], kept


def measured_pairs(texts: list, pairs: np.ndarray, kept=None):
    """Pass 2: the exact overlap and shingle counts of each pair of articles.

    The shingles come from ``kept`` (as :func:`copy_index` returns them) or are hashed
    again for the articles of the pairs only.

    Examples
    --------
    >>> texts = ["a b c d e f", "x a b c d e", "p q r"]
    >>> [m.tolist() for m in measured_pairs(texts, np.array([[0, 1], [0, 2]]))]
    [[3, 0], [4, 4], [4, 1]]
    """
    if len(pairs) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty.copy(), empty.copy()
    rows = np.unique(pairs)
    if kept is None:
        hashes, counts = shingle_hashes([texts[i] for i in rows])
    else:
        every, every_count = kept
        begins = np.concatenate(([0], np.cumsum(every_count)[:-1]))
        counts = every_count[rows]
        inside = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        hashes = every[np.repeat(begins[rows], counts) + inside]
    return pair_measures(hashes, counts, np.searchsorted(rows, pairs))


def copy_pairs(texts, threshold: float, containment: float, *, min_words: int = MIN_WORDS):
    """The pairs of copies among ``texts`` (row numbers ``i < j``) and their measures.

    Returns a DataFrame with ``i``, ``j``, ``overlap`` (shingles in common), ``n_i``,
    ``n_j`` (shingles of each), ``jaccard``, ``containment`` and ``copy`` (True when the pair
    passes ``threshold`` or ``containment``); every candidate pair is listed, copies or not.

    Examples
    --------
    >>> wire = ("Armenia will leave the Russian-led security bloc, Prime Minister Nikol "
    ...         "Pashinyan told parliament on Wednesday, but he did not say when.")
    >>> local = "In Gyumri, residents were divided. " + wire.replace("bloc", "alliance")
    >>> copy_pairs([wire, "Unrelated words here and there, nothing more to say.", local],
    ...            0.5, 0.8)[["i", "j", "copy"]].values.tolist()
    [[0, 2, True]]
    """
    texts = list(texts)
    fp, art, kept = copy_index(texts, min_words, keep=_KEEP)
    pairs, _ = find_candidates(fp, np.bincount(art, minlength=len(texts)))
    overlap, n_i, n_j = measured_pairs(texts, pairs, kept)
    jaccard, contained, copy = copy_decisions(overlap, n_i, n_j, threshold, containment)
    return pd.DataFrame(
        {
            "i": pairs[:, 0],
            "j": pairs[:, 1],
            "overlap": overlap,
            "n_i": n_i,
            "n_j": n_j,
            "jaccard": jaccard,
            "containment": contained,
            "copy": copy,
        }
    )


def find_copies(
    articles: pd.DataFrame,
    threshold: float = THRESHOLD,
    *,
    containment: float = CONTAINMENT,
    column: str = "text",
    min_words: int = MIN_WORDS,
    max_copies: int = MAX_COPIES,
) -> pd.DataFrame:
    """Find wire copies and near-duplicates by their text; mark each story's original.

    Parameters
    ----------
    articles : DataFrame
        The articles table (``article_id``, ``text``; ``date``, ``outlet`` and
        ``dateline_source`` choose the original when present).
    threshold : float
        The least Jaccard similarity of two texts' word 3-gram sets for them to be copies.
        0.4 (the default) keeps a reprint with a new lead, a cut ending and a changed word
        in sixty; chosen from measurements (``python -m bench.copies``).
    containment : float
        The least share of the shorter text's 3-grams found in the longer for the two to be
        copies (a wire story inside a local article), when the shorter is at least half as
        long as the longer.
    column : str
        The column holding the texts.
    min_words : int
        Texts with fewer words are never copies (empty pages, one-word texts).
    max_copies : int
        A story with more members than this is not formed: its articles are left as
        originals with a :class:`framing.FramingWarning` (pages that are all boilerplate).

    Returns
    -------
    DataFrame
        A copy of ``articles`` with ``story_id`` (the ``article_id`` of the story's
        original, shared by all its copies; an article without copies is its own story),
        ``copy_of`` (the original's ``article_id``, ``""`` for originals) and
        ``similarity`` (Jaccard similarity to the original; 1.0 for originals).
        ``attrs["copies"]`` records the options and how many copies were found.

    Examples
    --------
    >>> import pandas as pd
    >>> wire = ("Armenia will leave the Russian-led security bloc, Prime Minister Nikol "
    ...         "Pashinyan told parliament on Wednesday, but he did not say when. Answering "
    ...         "questions from lawmakers, he said Armenia would decide the timing itself.")
    >>> arts = pd.DataFrame({"article_id": ["wire", "local", "other"],
    ...     "date": pd.to_datetime(["2024-06-12", "2024-06-13", "2024-06-13"]),
    ...     "text": [wire, "GYUMRI — Residents were divided. " + wire,
    ...              "The weather in Yerevan was hot and dry on Wednesday afternoon."]})
    >>> find_copies(arts)[["article_id", "story_id", "copy_of", "similarity"]]
      article_id story_id copy_of  similarity
    0       wire     wire               1.000
    1      local     wire    wire       0.889
    2      other    other               1.000
    """
    check_articles(articles, "find_copies", ("article_id", column), unique=True)
    threshold = _check_share(threshold, "threshold")
    containment = _check_share(containment, "containment")
    texts = articles[column].tolist()
    pairs = copy_pairs(texts, threshold, containment, min_words=min_words)
    out = articles.copy()
    ids = out["article_id"].astype(str).to_numpy()
    story_id, copy_of, similarity = _stories(out, texts, ids, pairs, max_copies)
    out["story_id"], out["copy_of"], out["similarity"] = story_id, copy_of, similarity.round(3)
    out.attrs = {
        **articles.attrs,
        "copies": {
            "threshold": threshold,
            "containment": containment,
            "min_words": min_words,
            "n_copies": int((copy_of != "").sum()),
            "n_stories_with_copies": int(len(set(copy_of[copy_of != ""]))),
        },
    }
    return out


def _stories(articles, texts, ids, pairs, max_copies: int):
    """``story_id``, ``copy_of`` and ``similarity`` of every article from the copy pairs."""
    copies = pairs[pairs["copy"]]
    measured = dict(zip(zip(pairs["i"], pairs["j"], strict=True), pairs["jaccard"], strict=True))

    def keys_of(rows):
        return origin_keys(articles.iloc[rows], [texts[i] for i in rows])

    heads, too_big = story_heads(
        len(texts), copies[["i", "j"]].to_numpy(dtype=np.int64), keys_of, max_copies
    )
    followers = np.flatnonzero(heads != np.arange(len(heads)))
    story_id = ids[heads]
    copy_of = np.full(len(ids), "", dtype=object)
    copy_of[followers] = ids[heads[followers]]
    similarity = np.ones(len(ids))
    similarity[followers] = _similarities(texts, measured, heads[followers].tolist(),
                                          followers.tolist())  # fmt: skip
    warn_big_stories(too_big, ids, max_copies, "find_copies")
    return story_id, copy_of.astype(str), similarity


def _similarities(texts, measured: dict, heads: list, members: list) -> np.ndarray:
    """Jaccard similarity of each member to its story's head: measured, or computed now (a
    copy of a copy)."""
    keys = [(min(h, m), max(h, m)) for h, m in zip(heads, members, strict=True)]
    todo = np.array(sorted({k for k in keys if k not in measured}), dtype=np.int64)
    if len(todo):
        overlap, a, b = measured_pairs(texts, todo.reshape(-1, 2))
        union = np.maximum(a + b - overlap, 1)
        measured = {
            **measured,
            **dict(zip(map(tuple, todo.tolist()), overlap / union, strict=True)),
        }
    return np.array([measured[k] for k in keys], dtype=float)


def warn_big_stories(too_big: list, ids, max_copies: int, function: str) -> None:
    """Warn about the groups of more than ``max_copies`` near-identical articles left as
    originals (``too_big``: lists of row numbers; ``ids[row]`` names an article)."""
    if not too_big:
        return
    n = sum(len(m) for m in too_big)
    examples = ", ".join(repr(ids[m[0]]) for m in too_big[:3])
    warnings.warn(
        f"{function}: {len(too_big)} group(s) of more than {max_copies} near-identical "
        f"articles ({n} articles, e.g. {examples}) were left as originals: pages that are "
        "all boilerplate (a cookie notice, 'page not found') rather than copies of a story. "
        "Clean them (fr.clean_articles) or drop them; raise max_copies= if they are copies.",
        FramingWarning,
        stacklevel=3,
    )
