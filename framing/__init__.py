"""framing: count, compare and plot how the news frames events over time.

The public API, stage by stage (each takes a DataFrame and returns a new one)::

    import framing as fr
    articles = fr.load_example()
    lexicon = fr.load_lexicon("security")
    hits = fr.find_hits(fr.clean_articles(articles), lexicon)
    counts = fr.count_by_period(hits, articles, freq="M", by="outlet")
    ax = fr.plot_trends(counts, measure="per_1k_tokens")

Submodules are imported on first use, so ``import framing`` stays fast and pulls in
neither pandas nor matplotlib until they are needed.
"""

from __future__ import annotations

import importlib

from ._errors import FramingError, FramingWarning, MissingDataError, MissingDependencyError

# public name -> submodule that defines it
_API = {
    "read_articles": "ingest",
    "ingest_report": "ingest",
    "read_nltk_corpus": "datasets",
    "iter_article_chunks": "ingest",
    "IngestReport": "ingest",
    "load_example": "datasets",
    "load_lexicon": "datasets",
    "load_press_release_counts": "datasets",
    "lexicon_path": "datasets",
    "coding_sample_path": "datasets",
    "clean_articles": "clean",
    "make_cleaner": "clean",
    "default_cleaner": "clean",
    "split_dateline": "clean",
    "removed_pieces": "clean",
    "restore_removed": "clean",
    "read_lexicon": "lexicon",
    "Lexicon": "lexicon",
    "find_hits": "match",
    "token_counts": "match",
    "find_quotes": "voices",
    "add_voice": "voices",
    "count_by_period": "aggregate",
    "rolling_counts": "smoothing",
    "plot_trends": "plot",
    "save_figure": "export",
    "save_table": "export",
    "kwic": "contexts",
    "sample_kwic": "contexts",
    "compare": "comparison",
    "keyness": "comparison",
    "plot_comparison": "plot",
    "plot_heatmap": "plot",
    "plot_dispersion": "plot",
    "plot_bars": "plot",
    "use_style": "style",
    "style_context": "style",
    "figsize": "style",
    "explore": "widgets",
    "Explorer": "widgets",
    "count_corpus": "corpus",
    "count_dask": "corpus",
    "shutdown_workers": "corpus",
    "voices_in_workers": "corpus",
    "clear_caches": "_cache",
    "code_kwic": "widgets.coding",
    "suggest_terms": "suggestions",
    "find_copies": "copies",
    "collocates": "contexts",
    "read_coding": "validation",
    "precision": "validation",
    "sample_size": "validation",
    "agreement": "validation",
    "corrected_counts": "validation",
    "drop_one_entry": "validation",
    "lexicon_report": "validation",
    "CodingSession": "validation",
}

__all__ = [
    "CodingSession",
    "Explorer",
    "FramingError",
    "FramingWarning",
    "IngestReport",
    "Lexicon",
    "MissingDataError",
    "MissingDependencyError",
    "__version__",
    "add_voice",
    "agreement",
    "clean_articles",
    "clear_caches",
    "code_kwic",
    "coding_sample_path",
    "collocates",
    "compare",
    "corrected_counts",
    "count_by_period",
    "count_corpus",
    "count_dask",
    "default_cleaner",
    "drop_one_entry",
    "explore",
    "figsize",
    "find_copies",
    "find_hits",
    "find_quotes",
    "ingest_report",
    "iter_article_chunks",
    "keyness",
    "kwic",
    "lexicon_path",
    "lexicon_report",
    "load_example",
    "load_lexicon",
    "load_press_release_counts",
    "make_cleaner",
    "plot_bars",
    "plot_comparison",
    "plot_dispersion",
    "plot_heatmap",
    "plot_trends",
    "precision",
    "read_articles",
    "read_coding",
    "read_lexicon",
    "read_nltk_corpus",
    "removed_pieces",
    "restore_removed",
    "rolling_counts",
    "sample_kwic",
    "sample_size",
    "save_figure",
    "save_table",
    "shutdown_workers",
    "split_dateline",
    "style_context",
    "suggest_terms",
    "token_counts",
    "use_style",
    "voices_in_workers",
]


def _version() -> str:
    """The installed version, which names the commit (setuptools-scm; see pyproject.toml)."""
    from importlib import metadata

    try:
        return metadata.version("framing")
    except metadata.PackageNotFoundError:  # a source folder on sys.path, never installed
        return "0+unknown"


def __getattr__(name: str):
    if name == "__version__":  # read on first use: importlib.metadata costs 50 ms to import
        globals()[name] = value = _version()
        return value
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
