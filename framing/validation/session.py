"""A coding session: one coder's sheet, saved answer by answer, resumed where it stopped.

This is the state behind the coding widget (``framing.code_kwic``, a thin layer of buttons
and keys over it) and usable on its own. The sheet is the one :func:`framing.sample_kwic`
writes (the same columns, UTF-8 with a byte-order mark, formulas neutralized) with a
``coder`` column, so :func:`framing.read_coding` reads it like any coded sheet and a coder
may finish it in a spreadsheet program.

* Every answer is written to the file at once (atomically: a crash leaves the previous
  version), so nothing is lost on a restart.
* Opening a session on a sheet that exists resumes it: the same passages, the answers
  given, the first passage without one next. The hits and articles are not drawn again.
* A sheet holding another coder's answers is never written to.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .._errors import FramingError
from ..contexts import sample_kwic
from ..export import restore_formulas, write_csv
from .sheets import normalize_codes

__all__ = ["CodingSession"]


class CodingSession:
    """One coder's coding of a KWIC sample, saved to ``path`` after every answer.

    Parameters
    ----------
    hits, articles : DataFrame
        As for :func:`framing.sample_kwic` (used only when the sheet is new).
    path : str or Path
        The coding sheet (CSV); resumed when it exists.
    coder : str
        Who codes; a sheet coded by someone else is refused.
    n, by, seed, window
        The sample, as for :func:`framing.sample_kwic`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["A threat, then a threat."]})
    >>> hits = pd.DataFrame({"article_id": ["a", "a"], "frame": "t", "entry": "threat",
    ...     "match": "threat", "start": [2, 17], "end": [8, 23]})
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ann.csv"
    >>> session = CodingSession(hits, arts, path=path, coder="ann")
    >>> session.answer("y").position, session.n_done
    (1, 1)
    >>> CodingSession(hits, arts, path=path, coder="ann").position  # resumed
    1
    """

    def __init__(
        self, hits, articles, *, path, coder: str, n: int = 20, by="entry", seed=0, window=8
    ):
        if not isinstance(coder, str) or not coder.strip():
            raise FramingError(
                f"{coder!r} is not a coder's name",
                where="CodingSession(coder=...)",
                fix="Pass the coder's name or initials, e.g. coder='ann'.",
            )
        self.path, self.coder = Path(path), coder.strip()
        if self.path.exists():
            self._sheet = self._resume()
        else:
            lines = sample_kwic(hits, articles, n=n, by=by, seed=seed, window=window)
            lines.insert(lines.columns.get_loc("code"), "coder", self.coder)
            self._sheet = lines
            self._save()
        self.position = self._first_open()

    def _resume(self) -> pd.DataFrame:
        try:
            sheet = pd.read_csv(self.path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
            raise FramingError(
                f"cannot be read as a coding sheet ({exc})",
                where=str(self.path),
                fix="Pass another path for a new sheet.",
            ) from exc
        if "code" not in sheet.columns:
            raise FramingError(
                "is not a coding sheet (no 'code' column)",
                where=str(self.path),
                fix="Pass another path for a new sheet.",
            )
        sheet = restore_formulas(sheet)
        coders = set(sheet.get("coder", pd.Series(dtype=str))) - {"", self.coder}
        if coders:
            raise FramingError(
                f"holds the answers of {', '.join(map(repr, sorted(coders)))}, which coder "
                f"{self.coder!r} must not overwrite",
                where=str(self.path),
                fix="Give each coder a sheet of their own (e.g. path='coding/threat-"
                f"{self.coder}.csv').",
            )
        sheet["code"] = normalize_codes(sheet["code"].tolist(), where=str(self.path),
                                        rows=range(2, len(sheet) + 2))  # fmt: skip
        if "coder" not in sheet.columns:
            sheet.insert(sheet.columns.get_loc("code"), "coder", self.coder)
        sheet["coder"] = self.coder
        return sheet

    def _first_open(self) -> int:
        open_rows = (self._sheet["code"] == "").to_numpy().nonzero()[0]
        return int(open_rows[0]) if len(open_rows) else len(self._sheet)

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_csv(self._sheet, self.path, encoding="utf-8-sig")

    @property
    def sheet(self) -> pd.DataFrame:
        """A copy of the sheet with the answers so far."""
        return self._sheet.copy()

    @property
    def n_done(self) -> int:
        """How many passages have an answer."""
        return int((self._sheet["code"] != "").sum())

    @property
    def done(self) -> bool:
        """Whether every passage has an answer."""
        return self.n_done == len(self._sheet)

    @property
    def current(self) -> pd.Series | None:
        """The passage at ``position`` (None past the last one)."""
        if self.position >= len(self._sheet):
            return None
        return self._sheet.iloc[self.position].copy()

    def answer(self, code: str, note: str | None = None) -> CodingSession:
        """Code the current passage (any spelling :func:`framing.read_coding` accepts), save
        the sheet, and move to the next passage without an answer (or the next one)."""
        if self.position >= len(self._sheet):
            raise FramingError(
                "there is no passage left to code",
                where="CodingSession.answer",
                fix="Go back with back() or go(i) to change an answer.",
            )
        value = normalize_codes([code], where="CodingSession.answer")[0]
        if value == "":
            raise FramingError(
                "an empty code", where="CodingSession.answer",
                fix="Answer relevant, not relevant or unsure.",
            )  # fmt: skip
        changes = {"code": value} if note is None else {"code": value, "note": str(note)}
        self._write_row(changes)
        following = self._first_open()
        self.position = following if following > self.position else self.position + 1
        self.position = min(self.position, len(self._sheet))
        return self

    def note(self, text: str) -> CodingSession:
        """Write a note on the current passage and save the sheet, its code unchanged.

        The coding widget keeps a note typed before moving to another passage this way.
        """
        if self.position >= len(self._sheet):
            raise FramingError(
                "there is no passage here to write a note on",
                where="CodingSession.note",
                fix="Go back with back() or go(i) first.",
            )
        self._write_row({"note": str(text)})
        return self

    def _write_row(self, changes: dict) -> None:
        """Set cells of the current passage and save the sheet; when the save fails, the
        cells are put back, so that the sheet in memory stays the one on disk."""
        row = self._sheet.index[self.position]
        before = {col: self._sheet.loc[row, col] for col in changes}
        for col, value in changes.items():
            self._sheet.loc[row, col] = value
        try:
            self._save()
        except BaseException:
            for col, value in before.items():
                self._sheet.loc[row, col] = value
            raise

    def forward(self) -> CodingSession:
        """Move to the next passage, leaving this one as it is (to skip it); from the last
        passage, to the first one without an answer (past the end when there is none).

        Examples
        --------
        >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["A threat, a threat."]})
        >>> hits = pd.DataFrame({"article_id": ["a", "a"], "frame": "t", "entry": "threat",
        ...     "match": "threat", "start": [2, 12], "end": [8, 18]})
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "ann.csv"
        >>> session = CodingSession(hits, arts, path=path, coder="ann")
        >>> session.forward().position, session.answer("n").position, session.forward().position
        (1, 2, 0)
        """
        following = self.position + 1
        self.position = following if following < len(self._sheet) else self._first_open()
        return self

    def back(self) -> CodingSession:
        """Move to the previous passage (to change its answer)."""
        self.position = max(self.position - 1, 0)
        return self

    def go(self, position: int) -> CodingSession:
        """Move to the passage at ``position`` (0-based)."""
        if not 0 <= position < len(self._sheet):
            raise FramingError(
                f"no passage {position} in a sheet of {len(self._sheet)}",
                where="CodingSession.go",
                fix=f"Pass 0 to {len(self._sheet) - 1}.",
            )
        self.position = int(position)
        return self
