"""The bundled teaching corpus and lexicons.

The teaching corpus is fictional news written for framing, built on the real public
chronology of Armenia–Russia–CSTO relations (Sept 2022 – June 2024); see ``data/README.md``.
NLTK's year-named plain-text corpora (inaugural, state_union) are read with
:func:`read_nltk_corpus`.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pandas as pd

from ._errors import FramingError, MissingDataError, choices_error, missing_nltk_data, require
from .ingest import read_articles
from .ingest.columns import CORE
from .ingest.files import (
    RAW_COLUMNS,
    RAW_ENCODING,
    RAW_FILE,
    RAW_ID,
    RAW_ROW,
    RAW_SOURCE,
    check_options,
)
from .ingest.read import articles_table
from .ingest.report import warn_set_aside
from .lexicon import read_lexicon

__all__ = ["load_example", "load_lexicon", "lexicon_path", "read_nltk_corpus", "LEXICONS"]

#: the lexicons bundled with framing
LEXICONS = ("security",)


def load_example():
    """The bundled teaching corpus: fictional news on Armenia, Russia and the CSTO, 2022–2024.

    Raw, as written (datelines, captions and newsletter lines included): pass it through
    :func:`framing.clean_articles` before counting.

    Returns
    -------
    DataFrame
        The articles table (``article_id``, ``date``, ``outlet``, ``title``, ``text``,
        ``lang``, ``url``, ``author``, ...), ordered by date then id.

    Examples
    --------
    >>> articles = load_example()
    >>> len(articles) >= 150, articles["lang"].isin(["en", "ru"]).all()
    (True, np.True_)
    """
    folder = resources.files("framing") / "example" / "articles"
    with resources.as_file(folder) as path:
        articles = read_articles(path)
    report = articles.attrs.get("ingest_report")
    articles = articles.sort_values(["date", "article_id"], kind="stable").reset_index(drop=True)
    if report is not None:
        articles.attrs["ingest_report"] = report
    return articles


def lexicon_path(name: str = "security") -> Path:
    """The path of a bundled lexicon file (``data/lexicons/<name>.yml``).

    Examples
    --------
    >>> lexicon_path("security").name
    'security.yml'
    """
    if name not in LEXICONS:
        raise FramingError(
            f"no bundled lexicon named {name!r}",
            where="lexicon_path",
            fix=f"Use one of {', '.join(map(repr, LEXICONS))}, or read your own file with "
            "framing.read_lexicon(path).",
        )
    path = Path(str(resources.files("framing") / "lexicons" / f"{name}.yml"))
    if not path.exists():  # a source checkout without the package link
        path = Path(__file__).resolve().parents[1] / "data" / "lexicons" / f"{name}.yml"
    return path


def load_lexicon(name: str = "security"):
    """Read a bundled lexicon (``"security"``: collapse, threat, suspension, alliance, sovereignty).

    Examples
    --------
    >>> lex = load_lexicon("security")
    >>> "threat" in lex.frame_names
    True
    """
    return read_lexicon(lexicon_path(name))


# the encodings nltk.corpus declares for these corpora (read the same way, the text is the same)
_NLTK_ENCODINGS = {"inaugural": "latin1", "state_union": "ISO-8859-2"}


def read_nltk_corpus(name: str = "inaugural", *, fileids=None, fallback=None) -> pd.DataFrame:
    """Read an NLTK plain-text corpus whose file names start with a year into an articles table.

    Made for ``inaugural`` (US inaugural addresses, 1789-2021) and ``state_union`` (State of
    the Union addresses, 1945-2006). Each file is one article: ``article_id`` is the fileid
    (``"1789-Washington.txt"``), ``date`` is **1 January** of the year in the name (the
    corpora do not record the day), ``outlet`` the speaker (``"Washington"``), ``title``
    ``"1789 Washington"``, ``text`` the raw text and ``lang`` ``"en"``.

    NLTK data is looked up on NLTK's data path (the ``NLTK_DATA`` environment variable, or
    ``nltk.data.path``); nothing is ever downloaded.

    Parameters
    ----------
    name : str, default "inaugural"
        The corpus name, as in ``nltk.corpus``.
    fileids : list of str, optional
        Read only these files.
    fallback : {None, "example"}
        What to do when the corpus is not installed: raise :class:`MissingDataError` (one line
        in Jupyter, with the command that installs it), or, with ``"example"``, print that line
        and return the bundled teaching corpus (:func:`load_example`) instead, as the
        tutorials do so that they run on a machine without NLTK data.

    Returns
    -------
    pandas.DataFrame
        The articles table with an :class:`IngestReport` in ``attrs``.

    Raises
    ------
    MissingDataError
        If the corpus is not installed (and ``fallback`` is None).
    FramingError
        If the corpus is not a year-named plain-text corpus, or a fileid is unknown.

    Examples
    --------
    A stand-in corpus in a temporary NLTK data folder (with NLTK_DATA set, use
    ``read_nltk_corpus("inaugural")``):

    >>> import tempfile, pathlib, nltk
    >>> data = pathlib.Path(tempfile.mkdtemp())
    >>> (data / "corpora" / "speeches").mkdir(parents=True)
    >>> _ = (data / "corpora" / "speeches" / "1789-Washington.txt").write_text("Fellow-Citizens")
    >>> nltk.data.path.insert(0, str(data))
    >>> speeches = read_nltk_corpus("speeches")
    >>> nltk.data.path.remove(str(data))
    >>> speeches[["article_id", "date", "outlet", "title"]]
                article_id       date      outlet            title
    0  1789-Washington.txt 1789-01-01  Washington  1789 Washington
    >>> read_nltk_corpus("no_such_corpus")
    Traceback (most recent call last):
    ...
    framing._errors.MissingDataError: read_nltk_corpus: the NLTK corpus 'no_such_corpus' is not installed. Install it with: python -m nltk.downloader no_such_corpus (or set NLTK_DATA to a folder that holds corpora/no_such_corpus before starting Python)
    """
    if not isinstance(name, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise choices_error("name", name, ["inaugural", "state_union"])
    if fallback not in (None, "example"):
        raise choices_error("read_nltk_corpus(fallback=...)", fallback, [None, "example"])
    try:
        corpus, available = _nltk_corpus(name)
    except MissingDataError as error:
        if fallback is None:
            raise
        print(f"{error}. Until then, this is framing's teaching corpus (fr.load_example()).")
        return load_example()
    wanted = _wanted_fileids(name, available, fileids)
    frame = pd.DataFrame(_speeches(name, corpus, wanted), columns=[*CORE, "lang", *RAW_COLUMNS])
    opts = check_options(columns=None, encoding=None, date_format=None, tz="UTC")
    articles = articles_table(frame, [], opts)
    warn_set_aside(articles)
    return articles


def _nltk_corpus(name: str):
    """The installed NLTK corpus ``name``: ``(plain-text corpus reader, its .txt fileids)``."""
    nltk = require("nltk", purpose="read_nltk_corpus")
    try:
        root = nltk.data.find(f"corpora/{name}")
    except LookupError as exc:
        raise missing_nltk_data(f"corpora/{name}", where="read_nltk_corpus") from exc
    reader = require("nltk.corpus.reader", package="nltk", purpose="read_nltk_corpus")
    try:
        corpus = reader.PlaintextCorpusReader(
            root, r"(?!\.).*\.txt", encoding=_NLTK_ENCODINGS.get(name, "utf8")
        )
        available = list(corpus.fileids())
    except (LookupError, OSError) as exc:
        raise FramingError(
            f"the NLTK corpus {name!r} could not be loaded ({exc})",
            fix=f"Reinstall it with python -m nltk.downloader {name}",
        ) from exc
    if not available:
        raise FramingError(
            f"the NLTK corpus {name!r} has no .txt files",
            where="name",
            fix="read_nltk_corpus reads plain-text corpora such as 'inaugural' and 'state_union'.",
        )
    return corpus, available


def _wanted_fileids(name: str, available: list[str], fileids) -> list[str]:
    """The fileids to read: all of them, or those asked for (each must exist)."""
    if fileids is None:
        return available
    wanted = [fileids] if isinstance(fileids, str) else list(fileids)
    unknown = [f for f in wanted if f not in set(available)]
    if unknown:
        shown = ", ".join(map(repr, available[:3]))
        raise FramingError(
            f"{', '.join(map(repr, unknown))} is not a file of the corpus {name!r}",
            where="fileids",
            fix=f"Use names from nltk.corpus.{name}.fileids(), e.g. {shown}.",
        )
    return wanted


_YEAR_NAMED = re.compile(r"^(\d{4})-([^./\\]+?)(?:-\d+)?\.\w+$")


def _speeches(name: str, corpus, wanted: list[str]) -> list[dict]:
    """One raw row per file: the year and speaker its name starts with, and its text."""
    rows = []
    for fid in wanted:
        match = _YEAR_NAMED.match(fid)
        if match is None:
            raise FramingError(
                f"the file {fid!r} of the corpus {name!r} does not start with a year",
                where="name",
                fix="read_nltk_corpus reads corpora such as 'inaugural' and 'state_union'.",
            )
        year, speaker = match.groups()
        rows.append(
            {
                "article_id": fid,
                "date": f"{year}-01-01",
                "outlet": speaker,
                "title": f"{year} {speaker}",
                "text": corpus.raw(fid),
                "lang": "en",
                RAW_SOURCE: f"{name}/{fid}",
                RAW_ID: fid,
                RAW_FILE: 0,
                RAW_ROW: len(rows),
                RAW_ENCODING: "",
            }
        )
    return rows
