"""The articles' texts as the engines read them: an Arrow array when the column is
Arrow-backed (read without copying), else a list of str; and what is derived from the texts
alone (their subsets by language, a fingerprint).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .._errors import FramingError
from .._tables import check_articles
from ..nfkc import changes_tokens, nfkc_with_offsets, token_changing_table
from ._buffer import texts_with
from ._unicode import changed_by_nfkc_table


def refuse_dask(articles, function: str) -> None:
    """Raise a FramingError for a Dask DataFrame, naming the functions that count one.

    Examples
    --------
    >>> import pandas as pd
    >>> refuse_dask(pd.DataFrame({"text": ["x"]}), "find_hits")
    """
    if type(articles).__module__.startswith("dask"):
        raise FramingError(
            f"{function} counts a pandas DataFrame in memory; you passed a Dask DataFrame",
            where=f"{function}(articles=...)",
            fix="Count it where it lies with framing.count_dask(ddf, lexicon, ...), or count "
            "its files with framing.count_corpus(paths, lexicon, ...).",
        )


def _check_articles(articles: pd.DataFrame, function: str) -> None:
    refuse_dask(articles, function)
    check_articles(articles, function)


def text_list(articles: pd.DataFrame, function: str) -> list[str]:
    """The texts of the articles as a list of str (a missing text reads as "")."""
    _check_articles(articles, function)
    return [t if isinstance(t, str) else "" for t in articles["text"].tolist()]


class TextColumn:
    """The articles' texts: a pyarrow array when the column is Arrow-backed, else a list of str.

    Missing texts read as "". Indexing gives one text as str (fetched from Arrow on demand).
    """

    def __init__(self, articles: pd.DataFrame, function: str):
        _check_articles(articles, function)
        self.arrow = _arrow_strings(articles["text"])
        self._list = None if self.arrow is not None else text_list(articles, function)
        self._cache: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._list) if self._list is not None else len(self.arrow)

    def __getitem__(self, i: int) -> str:
        if self._list is not None:
            return self._list[i]
        text = self._cache.get(i)
        if text is None:
            text = self._cache[i] = self.arrow[i].as_py()
        return text

    def n_chars(self) -> int:
        """The number of characters of all texts together."""
        if self._list is not None:
            return sum(map(len, self._list))
        import pyarrow.compute as pc

        return int(pc.sum(pc.utf8_length(self.arrow)).as_py() or 0)

    def tolist(self) -> list[str]:
        if self._list is None:
            self._list = self.arrow.to_pylist()
        return self._list

    def fast(self):
        """What the byte-level engine reads: the Arrow array, else the list."""
        return self.arrow if self.arrow is not None else self._list

    def replaced(self, forms: dict[int, str]) -> TextColumn:
        """A copy with the texts at the positions of ``forms`` replaced by their values."""
        out = TextColumn.__new__(TextColumn)
        out._cache = {}
        positions = sorted(forms)
        if self._list is not None or not forms:
            out.arrow, out._list = self.arrow, None if self._list is None else list(self._list)
            for i in positions:
                out._list[i] = forms[i]
            return out
        import pyarrow as pa
        import pyarrow.compute as pc

        mask = np.zeros(len(self.arrow), dtype=bool)
        mask[positions] = True
        values = pa.array([forms[i] for i in positions], type=pa.large_string())
        out.arrow, out._list = pc.replace_with_mask(self.arrow, pa.array(mask), values), None
        return out


def _arrow_strings(column: pd.Series):
    """The column as a pyarrow large_string array without nulls, or None if not Arrow-backed."""
    dtype = column.dtype
    arrow_backed = isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"
    if isinstance(dtype, pd.ArrowDtype):
        arrow_backed = str(dtype.pyarrow_dtype) in ("string", "large_string")
    if not arrow_backed:
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    array = pa.array(column.array)  # zero-copy; may be chunked
    if isinstance(array, pa.ChunkedArray) and array.num_chunks == 1:
        array = array.chunk(0)
    if array.type != pa.large_string():
        array = array.cast(pa.large_string())
    return pc.fill_null(array, "") if array.null_count else array


def subset(texts, members: list[int]):
    """The texts ``members`` of an Arrow array or a list."""
    if isinstance(texts, list):
        return [texts[i] for i in members]
    import pyarrow as pa

    return texts.take(pa.array(members, type=pa.int64()))


def language_groups(langs: Iterable[str], idx: Iterable[int]) -> dict[str, list[int]]:
    """Article indices ``idx`` grouped by their language ``langs`` (parallel), sorted by name."""
    groups: dict[str, list[int]] = {}
    for i, lang in zip(idx, langs, strict=True):
        groups.setdefault(lang, []).append(i)
    return dict(sorted(groups.items()))


def corpus_hash(articles: pd.DataFrame) -> str:
    """A SHA-256 fingerprint of the articles' ids and texts, for provenance.

    Examples
    --------
    >>> import pandas as pd
    >>> len(corpus_hash(pd.DataFrame({"article_id": ["a"], "text": ["x"]})))
    64
    """
    h = hashlib.sha256()
    for aid, text in zip(
        articles["article_id"].tolist(), text_list(articles, "corpus_hash"), strict=True
    ):
        h.update(str(aid).encode("utf-8", "surrogatepass") + b"\x1f")
        h.update(text.encode("utf-8", "surrogatepass") + b"\x1e")
    return h.hexdigest()


def nfkc_changed(texts: TextColumn, *, strict: bool = False) -> list[int]:
    """The positions of the texts whose word tokens NFKC changes in a way the engines do
    not follow on their own: the texts to normalize before matching.

    The texts that hold such a character are found in their UTF-8 bytes with NumPy
    (:func:`framing.match._unicode.changed_by_nfkc_table`); only those are looked at in
    Python (:func:`framing.nfkc.changes_tokens`). A text whose only change is a ligature or
    a full-width letter ("ﬁ", "Ｃ") is not among them: the engines count it as its NFKC form
    (with ``strict=True`` it is: every text whose tokens NFKC changes).

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b", "c"], "text": ["№ 5", "ally…", "x"]})
    >>> nfkc_changed(TextColumn(arts, "find_hits"))
    [0]
    """
    table = token_changing_table() if strict else changed_by_nfkc_table()
    candidates = texts_with(texts.fast(), table).tolist()
    return [i for i in candidates if changes_tokens(texts[i])]


def nfkc_texts(texts: TextColumn) -> tuple[TextColumn, dict]:
    """The texts NFKC-normalized where that changes their word tokens, and the offset maps
    of those by position (see :func:`nfkc_articles`)."""
    maps, forms = {}, {}
    for i in nfkc_changed(texts):
        forms[i], maps[i] = nfkc_with_offsets(texts[i])
    return (texts.replaced(forms) if forms else texts), maps


def nfkc_articles(articles: pd.DataFrame, function: str) -> tuple[pd.DataFrame, dict]:
    """The articles with their texts NFKC-normalized where that changes their word tokens.

    The token rule normalizes the whole text first (DESIGN.md §3): "№ 5" has the token "no",
    and decomposed (NFD) letters count as the composed ones. Texts NFKC leaves alone, or
    changes only outside words ("…" to "..."), are kept as they are (no copy); the others
    are replaced by their NFKC form, and their offset maps (:func:`framing.nfkc.
    nfkc_with_offsets`) are returned by article position, so that hits can be given as
    offsets into the texts as written (:func:`original_offsets`).

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "text": ["Decree № 5", "plain"]})
    >>> normalized, maps = nfkc_articles(arts, "find_hits")
    >>> normalized["text"].tolist(), sorted(maps)
    (['Decree No 5', 'plain'], [0])
    """
    texts = TextColumn(articles, function)
    maps, forms = {}, {}
    for i in nfkc_changed(texts, strict=True):
        forms[i], maps[i] = nfkc_with_offsets(texts[i])
    if not maps:
        return articles, {}
    column = articles["text"].copy()
    positions = list(forms)
    column.iloc[positions] = [forms[i] for i in positions]
    return articles.assign(text=column), maps


def original_offsets(found: dict, maps: dict, texts) -> dict:
    """Found hits (parallel arrays, offsets into the normalized texts) with their ``start``,
    ``end`` and ``match`` given in the texts as written (``texts``, by article position)."""
    if not maps:
        return found
    found = dict(found)
    start, end, match = found["start"].copy(), found["end"].copy(), found["match"].copy()
    article = found["article"]
    # the rows of the normalized articles, grouped by article in one pass (a corpus of NFD
    # text normalizes every article: one scan of all hits per article would be quadratic)
    rows = np.flatnonzero(np.isin(article, np.fromiter(maps, dtype=article.dtype)))
    rows = rows[np.argsort(article[rows], kind="stable")]
    bounds = np.flatnonzero(np.diff(article[rows])) + 1
    for group in np.split(rows, bounds) if len(rows) else []:
        i = int(article[group[0]])
        to_original = maps[i]
        start[group], end[group] = to_original[start[group]], to_original[end[group]]
        text = texts[i]
        match[group] = [
            text[a:b] for a, b in zip(start[group].tolist(), end[group].tolist(), strict=True)
        ]
    found.update(start=start, end=end, match=match)
    return found
