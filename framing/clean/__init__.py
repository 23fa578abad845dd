"""The clean stage: ``str -> str`` cleaners composed into one cleaner, and ``clean_articles``.

Every cleaner takes a text and returns a text; :func:`make_cleaner` composes them left to
right, and :data:`default_cleaner` is the composition :func:`clean_articles` uses unless
told otherwise::

    normalize_unicode → normalize_quotes → normalize_dashes
        → remove_boilerplate → remove_captions → normalize_whitespace

Then :func:`clean_articles` reads the head of each text (:func:`find_layout`): captions
without a cue, credit lines and bylines go, and the dateline under them, such as
``YEREVAN (Azatutyun) —`` or ``МОСКВА, 1 апреля. /ТАСС/.``, moves into the columns
``dateline_place`` and ``dateline_source``. Every piece removed is recorded with its reason
in the column ``removed`` (:func:`removed_pieces`, :func:`restore_removed`).

Modules: ``text`` (characters and white space), ``layout`` (boilerplate and caption lines),
``head`` (captions, credits and bylines at the head of a text), ``datelines``, ``pipeline``
(composing cleaners; the default one), ``plain`` (the default one's quick way for plain ASCII
texts), ``removed`` (the record of what was removed) and ``articles`` (the stage on a table).
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
