"""The ingest report: what was read, kept and set aside, and why.

:class:`IngestReport` travels with the articles table in ``attrs`` (as JSON text), so that
every article read is either in the table or listed with its row and reason.
"""

from __future__ import annotations

import json
import warnings
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from .._errors import FramingError, FramingWarning

#: reason an article or file was set aside -> how to fix it (the strict error's advice)
FIXES = {
    "missing date": "Give the article a date, or pass strict=False to set it aside",
    "unparseable date": (
        "Correct the value, pass date_format= (e.g. date_format='%d/%m/%Y'), "
        "or pass strict=False to set the article aside"
    ),
    "empty text": "Remove the article or give it a text, or pass strict=False to set it aside",
    "duplicate id": (
        "Make the ids unique (or map no id column, so ids are made from the rows), "
        "or pass strict=False to keep the first copy"
    ),
    "undecodable bytes": (
        "Pass encoding= with the file's encoding, e.g. encoding='cp1251', "
        "or pass strict=False to set the file aside"
    ),
    "malformed line": (
        "Fix the line (each JSONL line must be one JSON object), "
        "or pass strict=False to set it aside"
    ),
    "malformed record": (
        "Each item of the JSON list must be an object, or pass strict=False to set it aside"
    ),
    "malformed front matter": (
        "Fix the YAML between the --- lines at the top of the file, "
        "or pass strict=False to set it aside"
    ),
    "empty file": "Remove the file, or pass strict=False to set it aside",
    "unreadable file": "Repair or remove the file, or pass strict=False to set it aside",
}


@dataclass
class Problem:
    """A record set aside: its source label, article id, reason and detail, and the file and
    row numbers that put the report in reading order."""

    source: str
    article_id: str
    reason: str
    detail: str
    file: int
    row: int


@dataclass(eq=False)
class IngestReport:
    """What an ingest read, kept and set aside (:func:`ingest_report` gets it from a table).

    The table keeps it in ``articles.attrs["ingest_report"]`` as JSON text
    (:meth:`to_json`), so that pandas copies it cheaply and ``articles.to_parquet(path)``
    saves it: ``ingest_report(pd.read_parquet(path))`` gives it back.

    Attributes
    ----------
    n_read : int
        Records met: articles read, plus one for each malformed line or record and each
        file that could not be read.
    n_kept : int
        Articles in the returned table.
    set_aside : pandas.DataFrame
        One row per record set aside, with columns ``source``, ``article_id``, ``reason``,
        ``detail``. Always ``n_read == n_kept + len(set_aside)``.
    notes : list of str
        Other remarks (files skipped for their type, sidecar rows that match no file).
    inputs : list of str
        The files read, as paths (for the provenance of what is made from the table).

    Examples
    --------
    >>> report = IngestReport(n_read=2, n_kept=2)
    >>> report.counts()
    {}
    >>> print(report)
    IngestReport: 2 articles read, 2 kept, 0 set aside
    """

    n_read: int
    n_kept: int
    set_aside: pd.DataFrame = field(default_factory=lambda: empty_set_aside())
    notes: list[str] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """The number of records set aside for each reason, most frequent first.

        Examples
        --------
        >>> IngestReport(n_read=1, n_kept=1).counts()
        {}
        """
        return dict(Counter(self.set_aside["reason"].tolist()).most_common())

    def summary(self) -> str:
        """One line: ``"set aside 3 of 120 articles (2 unparseable date, 1 duplicate id)"``.

        Examples
        --------
        >>> IngestReport(n_read=4, n_kept=4).summary()
        'set aside 0 of 4 articles'
        """
        counts = self.counts()
        text = f"set aside {len(self.set_aside)} of {self.n_read} articles"
        if counts:
            text += " (" + ", ".join(f"{n} {reason}" for reason, n in counts.items()) + ")"
        return text

    def __str__(self) -> str:
        lines = [
            f"IngestReport: {self.n_read} articles read, {self.n_kept} kept, "
            f"{len(self.set_aside)} set aside"
        ]
        for reason, n in self.counts().items():
            where = self.set_aside.loc[self.set_aside["reason"] == reason, "source"].tolist()
            shown = ", ".join(where[:5]) + (", ..." if len(where) > 5 else "")
            lines.append(f"  {reason}: {n} ({shown})")
        lines.extend(f"  note: {note}" for note in self.notes)
        return "\n".join(lines)

    __repr__ = __str__

    def to_json(self) -> str:
        """The report as JSON text (what a table's ``attrs`` hold).

        Examples
        --------
        >>> IngestReport(n_read=1, n_kept=1).to_json()[:40]
        '{"framing_ingest_report": 1, "n_read": 1'
        """
        columns = {c: self.set_aside[c].astype("str").tolist() for c in _SET_ASIDE_COLUMNS}
        return json.dumps(
            {
                "framing_ingest_report": 1,
                "n_read": int(self.n_read),
                "n_kept": int(self.n_kept),
                "set_aside": columns,
                "notes": [str(n) for n in self.notes],
                "inputs": [str(p) for p in self.inputs],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> IngestReport:
        """The report that :meth:`to_json` wrote.

        Examples
        --------
        >>> report = IngestReport(n_read=3, n_kept=3, notes=["a note"])
        >>> IngestReport.from_json(report.to_json()).notes
        ['a note']
        """
        data = json.loads(text)
        if not (isinstance(data, dict) and data.get("framing_ingest_report") == 1):
            raise ValueError("not the JSON of a framing IngestReport")
        set_aside = pd.DataFrame(
            {c: pd.Series(data["set_aside"][c], dtype="str") for c in _SET_ASIDE_COLUMNS}
        )
        return cls(data["n_read"], data["n_kept"], set_aside, list(data["notes"]),
                   list(data.get("inputs", [])))  # fmt: skip


_SET_ASIDE_COLUMNS = ("source", "article_id", "reason", "detail")


def attach_report(table: pd.DataFrame, report: IngestReport) -> None:
    """Keep ``report`` in ``table.attrs`` (as JSON text: see :class:`IngestReport`)."""
    table.attrs["ingest_report"] = report.to_json()


def empty_set_aside() -> pd.DataFrame:
    """The ``set_aside`` table of a report that set nothing aside."""
    return pd.DataFrame({c: pd.Series([], dtype="str") for c in _SET_ASIDE_COLUMNS})


def set_aside_table(problems: list[Problem]) -> pd.DataFrame:
    """The ``set_aside`` table of a report: one row per :class:`Problem`, in their order."""
    if not problems:
        return empty_set_aside()
    return pd.DataFrame(
        {
            "source": pd.Series([p.source for p in problems], dtype="str"),
            "article_id": pd.Series([p.article_id for p in problems], dtype="str"),
            "reason": pd.Series([p.reason for p in problems], dtype="str"),
            "detail": pd.Series([p.detail for p in problems], dtype="str"),
        }
    )


def ingest_report(articles: pd.DataFrame) -> IngestReport:
    """The :class:`IngestReport` of an articles table returned by :func:`read_articles`.

    Parameters
    ----------
    articles : pandas.DataFrame
        The table as :func:`read_articles`, :func:`read_nltk_corpus` or
        :func:`iter_article_chunks` returned it (the report lives in ``articles.attrs``,
        which some pandas operations drop: ask for it right after reading).

    Returns
    -------
    IngestReport

    Raises
    ------
    FramingError
        If the table carries no report.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from framing import read_articles
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "news.csv").write_text("id,date,text\\na1,2024-03-05,The summit ended.\\n")
    >>> report = ingest_report(read_articles(folder / "news.csv"))
    >>> report.n_read, report.n_kept, len(report.set_aside)
    (1, 1, 0)
    """
    if not isinstance(articles, pd.DataFrame):
        raise FramingError(
            f"expected the articles table (a pandas DataFrame), got {type(articles).__name__}",
            where="ingest_report",
        )
    report = articles.attrs.get("ingest_report")
    if isinstance(report, str):
        try:
            return IngestReport.from_json(report)
        except (ValueError, KeyError, TypeError):
            pass  # not ours: the error below
    if not isinstance(report, IngestReport):
        raise FramingError(
            "this table carries no ingest report: it was not returned by read_articles "
            "(built by hand, or a pandas operation dropped its attrs)",
            where="ingest_report",
            fix="Call ingest_report on the table read_articles returned, right after reading.",
        )
    return report


def warn_set_aside(
    articles: pd.DataFrame, *, prefix: str = "", name: str = "articles", stacklevel: int = 3
) -> None:
    """Warn once (a :class:`FramingWarning`) when the table's report set articles aside."""
    report = ingest_report(articles)
    if len(report.set_aside):
        warnings.warn(
            f"{prefix}{report.summary()}; see framing.ingest_report({name})",
            FramingWarning,
            stacklevel=stacklevel,
        )


def warn_repaired(label: str, note: str, notes: list | None) -> None:
    """Say that a file was decoded line by line (:func:`framing.ingest.encodings.mostly_utf8`):
    a :class:`FramingWarning`, and a note in the ingest report."""
    text = f"{label}: {note}"
    if notes is not None:
        notes.append(text)
    warnings.warn(
        f"{text}. Pass strict=True to set such files aside, or encoding= to read a file in one "
        "encoding.",
        FramingWarning,
        stacklevel=6,
    )
