"""The clean stage: ``str -> str`` cleaners composed into one cleaner, and ``clean_articles``.

Modules: ``layout`` (for now, everything; being split into its parts).
"""

from .layout import (
    DEFAULT_BOILERPLATE,
    DEFAULT_CAPTIONS,
    Cleaner,
    clean_articles,
    default_cleaner,
    make_cleaner,
    normalize_dashes,
    normalize_quotes,
    normalize_unicode,
    normalize_whitespace,
    remove_boilerplate,
    remove_captions,
    split_dateline,
)

__all__ = [
    "DEFAULT_BOILERPLATE",
    "DEFAULT_CAPTIONS",
    "Cleaner",
    "clean_articles",
    "default_cleaner",
    "make_cleaner",
    "normalize_dashes",
    "normalize_quotes",
    "normalize_unicode",
    "normalize_whitespace",
    "remove_boilerplate",
    "remove_captions",
    "split_dateline",
]
