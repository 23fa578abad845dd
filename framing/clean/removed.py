"""What cleaning removed, kept where a researcher can see it and put it back.

:func:`framing.clean_articles` writes, for every article, the pieces it removed into the
column ``removed``: a JSON list (a plain string, safe in CSV and Parquet, the same for the
same input) of ``{"reason": …, "at": …, "text": …}`` in the order of the text, where
``reason`` is ``"boilerplate"``, ``"caption"``, ``"byline"``, ``"dateline"`` or ``"metadata"``
(timestamps, counts, tags, a database's fields), ``text`` the
exact characters removed (with the one line break that went with a line) and ``at`` the
offset in the cleaned text where they stood. :func:`removed_pieces` turns the column into a
table, and :func:`restore_removed` puts pieces back, all or those of some reasons.

Changes of characters (quotes, dashes, white space, Unicode forms) are not removals and
are not recorded: putting every piece back gives the text with only those changes made.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from json.encoder import encode_basestring as quote

import pandas as pd

from .._errors import FramingError
from .._tables import check_columns
from .text import fold_characters, splice

__all__ = [
    "REASONS",
    "after_earlier",
    "cut_lines",
    "dropped_lines",
    "removed_pieces",
    "restore_removed",
    "restore_text",
]

#: Why a piece was removed: the reasons :func:`framing.clean_articles` records.
#: ``"cleaner"`` marks the lines that a cleaner of your own dropped (see :func:`dropped_lines`).
REASONS = ("boilerplate", "caption", "byline", "dateline", "metadata", "cleaner")

Piece = tuple[str, int, str]  # (reason, at, text)


def cut_lines(
    text: str, drops: dict[int, str], dateline: tuple[int, int] | None = None
) -> tuple[str, list[Piece]]:
    """``text`` without the lines ``drops`` and the dateline; the pieces removed.

    ``drops`` maps the lines to drop (each by the offset where it starts: 0 or after a
    ``"\n"``) to reasons; ``dateline`` is ``(offset of its line, end)``: the line's first
    ``end`` characters go (the whole line when the rest is blank). Between two kept lines
    the first of the widest runs of line breaks that stood between them stays (a blank
    line, if there was one), as when lines are dropped and white space is normalized; each
    piece takes the line breaks on its other side, so that
    ``restore_text(new_text, pieces) == text``.

    Examples
    --------
    >>> cut_lines("Photo: X\\n\\nYEREVAN — Body.\\nReuter", {0: "caption", 26: "boilerplate"}, (10, 10))
    ('Body.', [('caption', 0, 'Photo: X\\n\\n'), ('dateline', 0, 'YEREVAN — '), ('boilerplate', 5, '\\nReuter')])
    """
    if not drops and dateline is None:
        return text, []
    if dateline is None and len(drops) == 1:  # most texts: one line, often the last
        return _cut_one(text, *next(iter(drops.items())))
    drops = dict(drops)
    if dateline is not None and not text[sum(dateline) : _line_end(text, dateline[0])].strip():
        drops[dateline[0]] = "dateline"  # a dateline alone on its line: the line goes
        dateline = None
    cut = _Cut(text, drops)
    starts = sorted(drops)
    k = 0
    while k < len(starts):
        run = [starts[k]]
        while k + 1 < len(starts) and _next_line(text, _line_end(text, run[-1])) == starts[k + 1]:
            k += 1
            run.append(starts[k])
        if dateline is not None and dateline[0] < run[0]:
            cut.dateline(*dateline)
            dateline = None
        cut.run(run)
        k += 1
    if dateline is not None:
        cut.dateline(*dateline)
    cut.keep(len(text))
    return "".join(cut.out), cut.pieces


def _cut_one(text: str, start: int, reason: str) -> tuple[str, list[Piece]]:
    """:func:`cut_lines` of one line: ``_Cut.run`` for a run of one."""
    end = _line_end(text, start)
    before = _previous_end(text, start)
    after = _next_line(text, end)
    if before is None:  # the line goes with the breaks after it
        stop = end if after is None else after
        return text[:start] + text[stop:], [(reason, start, text[start:stop])]
    if after is None:  # the line goes with the breaks before it
        return text[:before] + text[end:], [(reason, before, text[before:end])]
    if text.count("\n", end, after) > text.count("\n", before, start):
        return text[:before] + text[end:], [(reason, before, text[before:end])]
    return text[:start] + text[after:], [(reason, start, text[start:after])]


def _line_end(text: str, start: int) -> int:
    """Where the line that starts at ``start`` ends (its ``"\n"``, or the text's end)."""
    end = text.find("\n", start)
    return len(text) if end == -1 else end


def _next_line(text: str, pos: int) -> int | None:
    """The start of the first non-blank line at or after ``pos`` (a line's end), if any."""
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    return None if pos == n else text.rfind("\n", 0, pos) + 1


def _previous_end(text: str, start: int) -> int | None:
    """The end of the last non-blank line before the line at ``start``, if any."""
    pos = start - 1
    while pos >= 0 and text[pos].isspace():
        pos -= 1
    return None if pos < 0 else _line_end(text, pos)


class _Cut:
    """The new text built piece by piece (see :func:`cut_lines`)."""

    def __init__(self, text: str, drops: dict[int, str]):
        self.text, self.drops = text, drops
        self.out: list[str] = []
        self.pieces: list[Piece] = []
        self.size = 0  # the length of the new text so far
        self.done = 0  # where in the text what is not yet in ``out`` starts

    def keep(self, stop: int) -> None:
        """Keep the text up to ``stop``."""
        self.out.append(self.text[self.done : stop])
        self.size += stop - self.done
        self.done = stop

    def dateline(self, start: int, end: int) -> None:
        """Cut the dateline ``text[start:start + end]``."""
        self.keep(start)
        self.pieces.append(("dateline", self.size, self.text[start : start + end]))
        self.done = start + end

    def run(self, run: list[int]) -> None:
        """Cut a run of dropped lines (their starts) with no kept line between them."""
        text, pieces = self.text, self.pieces
        ends = [_line_end(text, start) for start in run]
        before = _previous_end(text, run[0])
        after = _next_line(text, ends[-1])
        if before is None:  # the start of the text: each line goes with the breaks after it
            self.keep(run[0])
            nexts = [*run[1:], ends[-1] if after is None else after]
            for start, stop in zip(run, nexts, strict=True):
                pieces.append((self.drops[start], self.size, text[start:stop]))
            self.done = nexts[-1]
            return
        self.keep(before)
        if after is None:  # the end: each line goes with the breaks before it
            for start, end, prev in zip(run, ends, [before, *ends[:-1]], strict=True):
                pieces.append((self.drops[start], self.size, text[prev:end]))
            self.done = ends[-1]
            return
        # between two kept lines the first of the widest runs of breaks stays
        gaps = [(prev, start) for prev, start in zip([before, *ends], [*run, after], strict=True)]
        widths = [text.count("\n", a, b) for a, b in gaps]
        k = widths.index(max(widths))
        for j in range(k):
            pieces.append((self.drops[run[j]], self.size, text[gaps[j][0] : ends[j]]))
        self.out.append(text[gaps[k][0] : gaps[k][1]])
        self.size += gaps[k][1] - gaps[k][0]
        for j in range(k, len(run)):
            pieces.append((self.drops[run[j]], self.size, text[run[j] : gaps[j + 1][1]]))
        self.done = after


def dropped_lines(before: str, after: str) -> list[Piece]:
    """The whole lines of ``before`` that a cleaner dropped to make ``after``.

    Lines are compared by their words (characters folded, white space collapsed), so a
    cleaner that only normalizes is seen to drop nothing; a line changed inside is not a
    dropped line. Each run of dropped lines is one piece ``("cleaner", at, lines)`` with
    ``at`` the offset in ``after`` where the run stood.

    Examples
    --------
    >>> dropped_lines("Advertisement\\nArmenia did not sign.", "Armenia did not sign.")
    [('cleaner', 0, 'Advertisement\\n')]
    """
    if before == after:
        return []
    old, new = before.split("\n"), after.split("\n")
    matcher = difflib.SequenceMatcher(None, [_words(x) for x in old], [_words(x) for x in new],
                                      autojunk=False)  # fmt: skip
    starts = [0]
    for line in new:
        starts.append(starts[-1] + len(line) + 1)
    pieces = []
    for op, i1, i2, j1, _ in matcher.get_opcodes():
        lines = [x for x in old[i1:i2] if x.strip()]
        if op != "delete" or not lines:
            continue
        if j1 < len(new):
            pieces.append(("cleaner", starts[j1], "\n".join(old[i1:i2]) + "\n"))
        else:
            pieces.append(("cleaner", len(after), "\n" + "\n".join(old[i1:i2])))
    return pieces


def _words(line: str) -> str:
    return " ".join(fold_characters(line).split())


def after_earlier(earlier: list[Piece], pieces: list[Piece]) -> list[Piece]:
    """``earlier`` pieces (offsets into a text that ``pieces`` were then cut from) with
    ``pieces``, all with offsets into the new text, in the order of the text.

    An earlier piece that stood inside a later cut moves to the cut's place, so restoring
    both is exact but for the white space around them.
    """
    if not earlier or not pieces:
        return earlier or pieces
    cuts, removed = [], 0  # (start, stop) in this cleaning's input of each new piece
    for _, at, piece in pieces:
        cuts.append((at + removed, at + removed + len(piece)))
        removed += len(piece)
    moved = []
    for reason, at, piece in earlier:
        shift = sum(min(stop, at) - start for start, stop in cuts if start < at)
        moved.append((reason, at - shift, piece))
    return sorted(moved + pieces, key=lambda p: p[1])


def restore_text(text: str, pieces: Iterable[Piece]) -> str:
    """Put ``pieces`` (``(reason, at, text)``, in the order of the text) back into ``text``.

    Examples
    --------
    >>> restore_text("Body.", [("caption", 0, "Photo: X\\n\\n"), ("dateline", 0, "YEREVAN — ")])
    'Photo: X\\n\\nYEREVAN — Body.'
    """
    return splice(text, [(at, at, piece) for _, at, piece in pieces])


# the start of each record up to its offset, written once
_OPENING = {reason: f'{{"reason": {quote(reason)}, "at": ' for reason in REASONS}


def encode_pieces(pieces: list[Piece]) -> str:
    """The JSON of the column ``removed`` for one article's pieces."""
    if not pieces:
        return "[]"
    # what json.dumps([{"reason": r, "at": at, "text": t}, ...], ensure_ascii=False) gives
    # (the tests check it), written out: json.dumps costs more than the cleaning
    if len(pieces) == 1:  # most texts: the sign-off or one caption
        return f"[{_record(*pieces[0])}]"
    return "[" + ", ".join(_record(*piece) for piece in pieces) + "]"


def _record(reason: str, at: int, text: str) -> str:
    """The JSON of one piece."""
    opening = _OPENING.get(reason) or f'{{"reason": {quote(reason)}, "at": '
    return f'{opening}{at}, "text": {quote(text)}}}'


def decode_pieces(value: object, where: str) -> list[Piece]:
    """The pieces of one value of the column ``removed``."""
    if value is None or (isinstance(value, float) and value != value) or value == "":
        return []
    try:
        records = json.loads(value)  # type: ignore[arg-type]
        return [(r["reason"], int(r["at"]), r["text"]) for r in records]
    except (TypeError, ValueError, KeyError) as exc:
        raise FramingError(
            f"the column 'removed' of {where} is not what clean_articles wrote: {value!r:.80}",
            where="the column 'removed'",
            fix="Pass the table clean_articles returned (the column holds a JSON list).",
        ) from exc


def _ids(cleaned: pd.DataFrame) -> list[str]:
    if "article_id" in cleaned.columns:
        return [str(i) for i in cleaned["article_id"]]
    return [str(i) for i in cleaned.index]


def removed_pieces(cleaned: pd.DataFrame) -> pd.DataFrame:
    """What cleaning removed from each article: one row per piece.

    Parameters
    ----------
    cleaned : DataFrame
        A table from :func:`framing.clean_articles` (with its column ``removed``).

    Returns
    -------
    DataFrame
        Columns ``article_id``, ``reason`` (``"boilerplate"``, ``"caption"``,
        ``"byline"``, ``"dateline"``, ``"metadata"``), ``text`` (the piece, stripped), ``at`` (the offset
        in the cleaned text where it stood) and ``removed`` (the exact characters removed).

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.clean import clean_articles
    >>> articles = pd.DataFrame({"article_id": ["a1"], "text": [
    ...     "Lavrov in Moscow (Reuters / 12.04.2024)\\n\\nMOSCOW, April 12 (Reuters) - "
    ...     "Russia said it was a collapse.\\n\\nRead also: CSTO summit"]})
    >>> removed_pieces(clean_articles(articles))[["reason", "text", "at"]]
          reason                                     text  at
    0    caption  Lavrov in Moscow (Reuters / 12.04.2024)   0
    1   dateline             MOSCOW, April 12 (Reuters) -   0
    2  boilerplate                   Read also: CSTO summit  30
    """
    check_columns(cleaned, ["removed"], table="cleaned articles", function="removed_pieces")
    rows = []
    for article_id, value in zip(_ids(cleaned), cleaned["removed"].tolist(), strict=True):
        for reason, at, piece in decode_pieces(value, f"article {article_id!r}"):
            rows.append((article_id, reason, piece.strip(), at, piece))
    out = pd.DataFrame(rows, columns=["article_id", "reason", "text", "at", "removed"])
    return out.astype({"article_id": "str", "reason": "str", "text": "str", "at": "int64",
                       "removed": "str"})  # fmt: skip


def restore_removed(
    cleaned: pd.DataFrame, *, reasons: str | Iterable[str] | None = None, column: str = "text"
) -> pd.DataFrame:
    """Put back into the texts what cleaning removed, all of it or that of some reasons.

    The pieces put back leave the column ``removed``; restoring the datelines also empties
    ``dateline_place`` and ``dateline_source``. With every piece back, each text is its
    original with only characters and white space normalized. The input is not changed.

    Parameters
    ----------
    cleaned : DataFrame
        A table from :func:`framing.clean_articles`.
    reasons : str or iterable of str, optional
        Restore only the pieces removed for these reasons (see :data:`REASONS`); all when
        None.
    column : str, default "text"
        The column of the texts (as given to :func:`framing.clean_articles`).

    Returns
    -------
    DataFrame

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.clean import clean_articles
    >>> articles = pd.DataFrame({"article_id": ["a1"], "text": [
    ...     "By Jane Doe, Reuters\\nMOSCOW, April 12 (Reuters) - Russia said no.\\nReuters"]})
    >>> cleaned = clean_articles(articles)
    >>> cleaned.loc[0, "text"]
    'Russia said no.'
    >>> restore_removed(cleaned, reasons="byline").loc[0, "text"]
    'By Jane Doe, Reuters\\nRussia said no.'
    """
    check_columns(cleaned, [column, "removed"], table="cleaned articles",
                  function="restore_removed")  # fmt: skip
    wanted = _reasons(reasons)
    texts, left, undated = [], [], []
    for article_id, text, value in zip(
        _ids(cleaned), cleaned[column].tolist(), cleaned["removed"].tolist(), strict=True
    ):
        pieces = decode_pieces(value, f"article {article_id!r}")
        back = [p for p in pieces if p[0] in wanted]
        texts.append(restore_text(text if isinstance(text, str) else "", back) if back else text)
        left.append(encode_pieces(_moved(pieces, wanted)))
        undated.append(any(p[0] == "dateline" for p in back))
    new = {column: pd.Series(texts, index=cleaned.index, dtype="str"),
           "removed": pd.Series(left, index=cleaned.index, dtype="str")}  # fmt: skip
    for name in ("dateline_place", "dateline_source"):
        if name in cleaned.columns and any(undated):
            new[name] = cleaned[name].where(~pd.Series(undated, index=cleaned.index), "")
    out = cleaned.assign(**new)
    out.attrs = dict(cleaned.attrs)
    return out


def _moved(pieces: list[Piece], wanted: frozenset[str]) -> list[Piece]:
    """The pieces not of the ``wanted`` reasons, their offsets moved by those put back."""
    moved, shift = [], 0
    for reason, at, piece in pieces:
        if reason in wanted:
            shift += len(piece)
        else:
            moved.append((reason, at + shift, piece))
    return moved


def _reasons(reasons: str | Iterable[str] | None) -> frozenset[str]:
    """The reasons to restore, checked."""
    if reasons is None:
        return frozenset(REASONS)
    chosen = frozenset([reasons] if isinstance(reasons, str) else reasons)
    unknown = sorted(chosen - set(REASONS))
    if unknown:
        raise FramingError(
            f"unknown reason(s) {', '.join(map(repr, unknown))}",
            where="restore_removed(reasons=...)",
            fix=f"Choose among {', '.join(map(repr, REASONS))}, or leave reasons out for all.",
        )
    return chosen
