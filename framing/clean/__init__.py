"""The clean stage: ``str -> str`` cleaners composed into one cleaner, and ``clean_articles``.

Every cleaner takes a text and returns a text; :func:`make_cleaner` composes them left to
right, and :data:`default_cleaner` is the composition :func:`clean_articles` uses unless
told otherwise::

    normalize_unicode → normalize_quotes → normalize_dashes
        → remove_boilerplate → remove_captions → normalize_whitespace

Then, when ``datelines=True``, :func:`split_dateline` moves a dateline such as
``YEREVAN, Sept 14 (TCW) —`` out of the text into the columns ``dateline_place`` and
``dateline_source``.

Modules: ``text`` (characters and white space), ``layout`` (boilerplate and caption lines),
``datelines``, ``pipeline`` (composing cleaners; the default one) and ``articles`` (the
stage on a table).
"""

from .articles import clean_articles, clean_text
from .datelines import match_dateline, split_dateline
from .head import find_layout, is_byline, is_credit_line
from .layout import DEFAULT_BOILERPLATE, DEFAULT_CAPTIONS, remove_boilerplate, remove_captions
from .pipeline import Cleaner, default_cleaner, make_cleaner
from .removed import REASONS, removed_pieces, restore_removed
from .text import normalize_dashes, normalize_quotes, normalize_unicode, normalize_whitespace

__all__ = [
    "DEFAULT_BOILERPLATE",
    "DEFAULT_CAPTIONS",
    "REASONS",
    "Cleaner",
    "clean_articles",
    "clean_text",
    "default_cleaner",
    "find_layout",
    "is_byline",
    "is_credit_line",
    "make_cleaner",
    "match_dateline",
    "normalize_dashes",
    "normalize_quotes",
    "normalize_unicode",
    "normalize_whitespace",
    "remove_boilerplate",
    "remove_captions",
    "removed_pieces",
    "restore_removed",
    "split_dateline",
]
