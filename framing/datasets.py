"""The bundled teaching corpus and lexicons.

The teaching corpus is fictional news written for framing, built on the real public
chronology of Armenia–Russia–CSTO relations (Sept 2022 – June 2024); see ``data/README.md``.
NLTK corpora (inaugural, state_union) are read with :func:`framing.read_nltk_corpus`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ._errors import FramingError

__all__ = ["load_example", "load_lexicon", "lexicon_path", "LEXICONS"]

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
    from .ingest import read_articles

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
    from .lexicon import read_lexicon

    return read_lexicon(lexicon_path(name))
