"""The bundled teaching corpus and lexicons.

The teaching corpus is fictional news written for framing, built on the real public
chronology of Armenia–Russia–CSTO relations (Sept 2022 – June 2024); see ``data/README.md``.
NLTK's year-named plain-text corpora (inaugural, state_union) are read with
:func:`read_nltk_corpus`.

The Kremlin and Ukrainian presidential press releases of October 2021 – June 2022 (real texts,
CC BY 4.0, kept beside the project in ``../shared/data/news``) are bundled as *counts*
only: one row per release (id, date, source, address, token total) and the hits of the
security lexicon per release and entry, without any text (:func:`load_press_release_counts`).
:func:`press_release_tables` derives them from the CSV, and ``data/press_releases/build.py``
writes them, so anyone with the CSV can check or remake them.
"""

from __future__ import annotations

import hashlib
import json
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
from .match import find_hits, token_counts

__all__ = [
    "load_example", "load_lexicon", "lexicon_path", "read_nltk_corpus", "LEXICONS",
    "load_press_release_counts", "press_release_tables", "write_press_release_tables",
    "PRESS_RELEASES_SOURCE", "RELEASE_COLUMNS", "HIT_COUNT_COLUMNS",
]  # fmt: skip

#: the lexicons bundled with framing
LEXICONS = ("security",)
CODING_SAMPLES = ("threat-a", "threat-a-retest")


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
    own = "or read your own file with framing.read_lexicon(path)"
    return _bundled_file("lexicons", f"{name}.yml", LEXICONS, name, "lexicon_path", own)


def coding_sample_path(name: str = "threat-a") -> Path:
    """The path of a bundled coding sheet (``data/coding/<name>.csv``), for notebook 10.

    ``"threat-a"`` is 111 passages of the teaching corpus's ``threat`` hits, each coded
    relevant or not against a written codebook; ``"threat-a-retest"`` is 48 of them coded
    again by the same person (a re-test, not a second coder). ``data/README.md`` tells how
    they were made. Read them with :func:`framing.read_coding`.

    Examples
    --------
    >>> coding_sample_path("threat-a-retest").name
    'threat-a-retest.csv'
    """
    own = "or pass the path of your own sheet to framing.read_coding"
    return _bundled_file("coding", f"{name}.csv", CODING_SAMPLES, name, "coding_sample_path", own)


def _bundled_file(folder: str, file: str, choices, name: str, where: str, own: str) -> Path:
    """A file of ``data/<folder>``: through the package link, or the source checkout's."""
    if name not in choices:
        raise FramingError(
            f"no bundled file named {name!r} (data/{folder})",
            where=where,
            fix=f"Use one of {', '.join(map(repr, choices))}, {own}.",
        )
    path = Path(str(resources.files("framing") / folder / file))
    if not path.exists():  # a source checkout without the package link
        path = Path(__file__).resolve().parents[1] / "data" / folder / file
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


# --------------------------------------------------------------------------------------
# the press releases, as counts without their texts

#: the file of ``../shared/data/news`` the bundled press-release counts are derived from
PRESS_RELEASES_SOURCE = "press_releases_kremlin_president_ua_2021-10_2022-06.csv"
#: the columns of the releases table (one row per press release)
RELEASE_COLUMNS = ["article_id", "date", "outlet", "url", "n_tokens"]
#: the columns of the hit counts (one row per release and lexicon entry with hits)
HIT_COUNT_COLUMNS = ["article_id", "frame", "entry", "n_hits"]
_PRESS_FILES = {"releases": "releases.csv", "hit_counts": "hit_counts.csv"}
_PRESS_PROVENANCE = "provenance.json"
_PRESS_LICENSE = {
    "license": "CC BY 4.0",
    "attribution": [
        "President of Russia, kremlin.ru, CC BY 4.0",
        "President of Ukraine, president.gov.ua, CC BY 4.0",
    ],
    "origin": "github.com/PeiYiZhuo/zelenskyy-putin, commit 134450b5183c05bcbaac31d87e0e0ed65d54986e",
}


def press_release_tables(path, lexicon: str = "security") -> dict:
    """Derive the bundled press-release counts from the CSV of ``../shared/data/news``.

    The releases are read with :func:`framing.read_articles` and counted as they are (no
    cleaning), with framing's token definition (:func:`framing.token_counts`) and a bundled
    lexicon (:func:`framing.find_hits`). Nothing of the texts is kept.

    Parameters
    ----------
    path : str or Path
        The press-release CSV (:data:`PRESS_RELEASES_SOURCE`).
    lexicon : str, default "security"
        The bundled lexicon to count.

    Returns
    -------
    dict
        ``"releases"``: :data:`RELEASE_COLUMNS`, one row per release, by date then id;
        ``"hit_counts"``: :data:`HIT_COUNT_COLUMNS`, one row per release and entry with hits,
        in the releases' order, then the lexicon's; ``"provenance"``: the source file and its
        SHA-256, the license and attribution, the lexicon's name, version and hash, and the
        totals.
    """
    path = Path(path)
    if not path.is_file():
        raise FramingError(
            f"there is no file {str(path)!r}",
            where="press_release_tables(path)",
            fix=f"Pass the path of {PRESS_RELEASES_SOURCE} (in ../shared/data/news).",
        )
    lex = load_lexicon(lexicon)
    articles = read_articles(path)
    releases = _release_rows(articles)
    hits = find_hits(articles, lex)
    counts = _hit_count_rows(hits, releases["article_id"], lex)
    provenance = {
        "source": {"file": path.name, "sha256": _sha256(path), **_PRESS_LICENSE},
        "lexicon": {
            "name": lex.name,
            "version": lex.meta.get("version"),
            "hash": lex.hash,
            "frames": list(lex.frame_names),
        },
        "counting": "raw texts (no cleaning); tokens: framing.token_counts; hits: "
        "framing.find_hits (match='exact', case-insensitive)",
        "n_releases": int(len(releases)),
        "n_tokens": int(releases["n_tokens"].sum()),
        "n_hits": int(counts["n_hits"].sum()),
    }
    return {"releases": releases, "hit_counts": counts, "provenance": provenance}


def _release_rows(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per release: its id, date, source, address and token total (no text)."""
    totals = token_counts(articles)
    out = pd.DataFrame(
        {
            "article_id": articles["article_id"].astype(str).to_numpy(),
            "date": articles["date"].dt.strftime("%Y-%m-%d").to_numpy(),
            "outlet": articles["outlet"].astype(str).to_numpy(),
            "url": articles["url"].fillna("").astype(str).to_numpy(),
            "n_tokens": totals["n_tokens"].to_numpy(dtype="int64"),
        }
    )
    return out.sort_values(["date", "article_id"], kind="stable").reset_index(drop=True)


def _hit_count_rows(hits: pd.DataFrame, order: pd.Series, lexicon) -> pd.DataFrame:
    """The hits per release and entry, in the releases' order, then the lexicon's entries'."""
    rank = {(e.frame, e.pattern): i for i, e in enumerate(lexicon.entries)}
    counts = hits.groupby(["article_id", "frame", "entry"], observed=True).size()
    out = counts.rename("n_hits").reset_index().astype({"n_hits": "int64"})
    position = pd.Series(range(len(order)), index=order.to_numpy())
    keys = pd.DataFrame(
        {
            "release": out["article_id"].map(position).to_numpy(),
            "entry": [rank[key] for key in zip(out["frame"], out["entry"], strict=True)],
        }
    )
    keep = keys.sort_values(["release", "entry"], kind="stable").index
    return out.loc[keep, HIT_COUNT_COLUMNS].reset_index(drop=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_press_release_tables(path, folder) -> list[Path]:
    """Write :func:`press_release_tables` of the CSV ``path`` into ``folder``, byte for byte
    the same on every run: ``releases.csv``, ``hit_counts.csv`` and ``provenance.json``.

    Returns
    -------
    list of Path
        The files written.
    """
    tables = press_release_tables(path)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for key, name in _PRESS_FILES.items():
        target = folder / name
        tables[key].to_csv(target, index=False, lineterminator="\n", encoding="utf-8")
        written.append(target)
    target = folder / _PRESS_PROVENANCE
    target.write_text(
        json.dumps(tables["provenance"], indent=2, ensure_ascii=False, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    return [*written, target]


def press_release_folder() -> Path:
    """The folder of the bundled press-release counts (``data/press_releases``)."""
    path = Path(str(resources.files("framing") / "press_releases"))
    if not path.is_dir():  # a source checkout without the package link
        path = Path(__file__).resolve().parents[1] / "data" / "press_releases"
    return path


def load_press_release_counts() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Kremlin and Ukrainian presidential press releases (Oct 2021 – Jun 2022), as counts.

    1,796 English press releases of the President of Russia (kremlin.ru, 816) and the
    President of Ukraine (president.gov.ua, 980), 24 October 2021 – 24 June 2022, counted
    with the bundled ``security`` lexicon on their raw texts. The texts are not bundled:
    the releases table has a token total per release (``n_tokens``), which
    :func:`framing.compare` and :func:`framing.count_by_period` use instead of the text,
    and the hits table has one row per hit without its passage. The texts are CC BY 4.0:
    cite "President of Russia, kremlin.ru, CC BY 4.0" and "President of Ukraine,
    president.gov.ua, CC BY 4.0" (``url`` links each release); ``data/README.md`` has the
    details and how to remake the tables from the CSV.

    Returns
    -------
    releases : DataFrame
        ``article_id``, ``date`` (datetime64), ``outlet``, ``url``, ``n_tokens``, by date.
    hits : DataFrame
        ``article_id``, ``frame``, ``entry``, one row per hit; ``attrs`` carries the
        lexicon's frames, name, version and hash, and the source (``"dataset"``).

    Examples
    --------
    >>> releases, hits = load_press_release_counts()
    >>> releases.groupby("outlet").size().to_dict()
    {'kremlin.ru': 816, 'president.gov.ua': 980}
    >>> int((hits["frame"] == "threat").sum())
    4631
    """
    folder = press_release_folder()
    paths = {key: folder / name for key, name in _PRESS_FILES.items()}
    paths["provenance"] = folder / _PRESS_PROVENANCE
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        raise FramingError(
            f"the bundled press-release counts are missing ({', '.join(missing)})",
            where="load_press_release_counts",
            fix="Reinstall framing, or remake them from the CSV: python "
            f"data/press_releases/build.py ../shared/data/news/{PRESS_RELEASES_SOURCE}",
        )
    provenance = json.loads(paths["provenance"].read_text(encoding="utf-8"))
    releases = pd.read_csv(paths["releases"], dtype={"article_id": str, "outlet": str, "url": str},
                           keep_default_na=False, parse_dates=["date"])  # fmt: skip
    releases["date"] = releases["date"].astype("datetime64[ns]")  # as read_articles gives
    counts = pd.read_csv(paths["hit_counts"], dtype={"article_id": str, "frame": str, "entry": str},
                         keep_default_na=False)  # fmt: skip
    hits = counts.loc[counts.index.repeat(counts["n_hits"]), ["article_id", "frame", "entry"]]
    hits = hits.reset_index(drop=True)
    lexicon = provenance["lexicon"]
    hits.attrs.update(
        frames=list(lexicon["frames"]),
        lexicon_name=lexicon["name"],
        lexicon_hash=lexicon["hash"],
        lexicon_version=lexicon["version"],
        parameters={"match": "exact", "case_sensitive": False},
        dataset=provenance,
    )
    releases.attrs["dataset"] = provenance
    return releases[RELEASE_COLUMNS], hits
