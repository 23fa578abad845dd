"""Composing ``str -> str`` cleaners: :class:`Cleaner`, :func:`make_cleaner`, :data:`default_cleaner`.

Every cleaner takes a text and returns a text; options are keyword-only, so a cleaner with
other options is built with :func:`functools.partial`. :func:`make_cleaner` composes cleaners
left to right (the idea of textacy's ``make_pipeline``), and :data:`default_cleaner` is::

    normalize_unicode → normalize_quotes → normalize_dashes
        → remove_boilerplate → remove_captions → normalize_whitespace
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from .._errors import FramingError
from .layout import default_line_drops, remove_boilerplate, remove_captions, without_lines
from .plain import plain_drops
from .text import (
    check_text,
    collapse_whitespace,
    fold_characters,
    normalize_dashes,
    normalize_quotes,
    normalize_unicode,
    normalize_whitespace,
    single_breaks,
)

__all__ = [
    "Cleaner",
    "default_cleaner",
    "make_cleaner",
    "normalize_characters_and_space",
    "normalized_with_drops",
]


def cleaner_name(func: Callable) -> str:
    """A cleaner's name, the same in every process (no memory address), for provenance.

    Examples
    --------
    >>> cleaner_name(make_cleaner(str.strip))
    'make_cleaner(strip)'
    """
    if isinstance(func, Cleaner):
        return func.__name__
    if isinstance(func, functools.partial):
        args = [*(repr(a) for a in func.args), *(f"{k}=…" for k in func.keywords)]
        return f"{cleaner_name(func.func)}({', '.join(args)})"
    return getattr(func, "__name__", None) or type(func).__name__


class Cleaner:
    """A composition of ``str -> str`` cleaners, applied left to right (see :func:`make_cleaner`).

    Attributes
    ----------
    steps : tuple of callables
        The cleaners, in the order they run. The steps of :data:`default_cleaner` run as one
        function that gives the same result with fewer passes over the text.

    Examples
    --------
    >>> Cleaner(normalize_quotes, str.upper)("«нет»")
    '"НЕТ"'
    """

    #: the one function the steps run as, if any (a class default for older pickles)
    _fused: Callable[[str], str] | None = None

    def __init__(self, *funcs: Callable[[str], str]):
        steps: list[Callable[[str], str]] = []
        for i, func in enumerate(funcs):
            if isinstance(func, Cleaner):
                steps.extend(func.steps)  # flatten nested cleaners
            elif callable(func):
                steps.append(func)
            else:
                raise FramingError(
                    f"step {i} is {type(func).__name__} {func!r:.60}, not a function",
                    where="make_cleaner",
                    fix="Pass functions that take a str and return a str, e.g. "
                    "make_cleaner(normalize_unicode, functools.partial(remove_boilerplate, "
                    "patterns=...)).",
                )
        self.steps = tuple(steps)
        self._fused = _FUSED.get(self.steps)
        self.__name__ = f"make_cleaner({', '.join(cleaner_name(f) for f in self.steps)})"
        self.__doc__ = "Apply, left to right: " + ", ".join(cleaner_name(f) for f in self.steps)

    def __call__(self, text: str) -> str:
        if self._fused is not None:
            return self._fused(text)
        for func in self.steps:
            text = func(text)
            if not isinstance(text, str):
                raise FramingError(
                    f"the step {cleaner_name(func)} returned {type(text).__name__}, not str",
                    where=self.__name__,
                    fix="Every cleaner must take a str and return a str.",
                )
        return text

    def __repr__(self) -> str:
        return self.__name__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Cleaner) and self.steps == other.steps

    def __hash__(self) -> int:
        return hash(self.steps)


def make_cleaner(*funcs: Callable[[str], str]) -> Cleaner:
    """Compose ``str -> str`` cleaners into one, applied left to right.

    The result is a callable :class:`Cleaner` whose ``__name__`` and repr list its steps;
    nested cleaners are flattened. It can be pickled (for worker processes) when its steps
    can. Give a cleaner options with :func:`functools.partial`.

    Parameters
    ----------
    *funcs : callables
        Functions that take a str and return a str.

    Returns
    -------
    Cleaner

    Examples
    --------
    >>> from functools import partial
    >>> from framing.clean import DEFAULT_BOILERPLATE, remove_boilerplate
    >>> clean = make_cleaner(
    ...     normalize_quotes,
    ...     partial(remove_boilerplate, patterns=DEFAULT_BOILERPLATE + (r"^Sponsored$",)),
    ...     normalize_whitespace,
    ... )
    >>> clean
    make_cleaner(normalize_quotes, remove_boilerplate(patterns=…), normalize_whitespace)
    >>> clean("Sponsored\\n«Нет»,  said   Armenia’s PM.")
    '"Нет", said Armenia\\'s PM.'
    """
    return Cleaner(*funcs)


_DEFAULT_STEPS = (
    normalize_unicode,
    normalize_quotes,
    normalize_dashes,
    remove_boilerplate,
    remove_captions,
    normalize_whitespace,
)


def _clean_by_default(text: str) -> str:
    """The steps of :data:`default_cleaner` in one function, with the same result.

    Most news texts are short, so what each step costs whatever the text (a call, its
    checks) weighs as much as the work. Here characters and white space are normalized
    first, in one go; then every line is its own key, and the lines the boilerplate and
    caption patterns drop are found with one search and cut, as :func:`clean_articles`
    finds and records them (:func:`normalized_with_drops`). Dropping whole lines of a
    normalized text and collapsing the blank lines they leave gives what dropping them
    first and normalizing after gives: the lines kept, with a blank line between two of
    them wherever one stood between them before.
    """
    base, drops = normalized_with_drops(text, "normalize_unicode")
    return without_lines(base, drops) if drops else base


def normalized_with_drops(
    text: str, function: str = "clean_articles"
) -> tuple[str, dict[int, str]]:
    """:func:`normalize_characters_and_space` of ``text``, and the lines of it that the
    default patterns drop (:func:`~framing.clean.layout.default_line_drops`).

    A plain text (ASCII, ``"\\n"`` its only line break) takes one scan
    (:func:`~framing.clean.plain.plain_drops`); another, searches in its lower case when it
    is ASCII. ``function`` is the name an error about ``text`` (not a str) gives.

    Examples
    --------
    >>> normalized_with_drops("Photo: Jermuk\\n  Armenia did not sign.")
    ('Photo: Jermuk\\nArmenia did not sign.', {0: 'caption'})
    """
    check_text(text, function)
    plain = plain_drops(text)
    if plain is not None:
        return plain
    base = normalize_characters_and_space(text, function)
    return base, default_line_drops(base, base.lower() if base.isascii() else None)


def normalize_characters_and_space(text: str, function: str = "clean_articles") -> str:
    """What :data:`default_cleaner` changes in characters and white space, without dropping
    any line: the text whose lines its patterns then drop.

    ``function`` is the name an error about ``text`` (not a str) gives.

    Examples
    --------
    >>> normalize_characters_and_space("«Нет»,  said\\r\\n\\r\\n\\r\\nReuter")
    '"Нет", said\\n\\nReuter'
    """
    check_text(text, function)
    text = fold_characters(text)
    if not single_breaks(text):
        return normalize_whitespace(text)
    return collapse_whitespace(text)


#: Composed step lists that run as one function (see Cleaner.__call__).
_FUSED = {_DEFAULT_STEPS: _clean_by_default}

#: The cleaner :func:`clean_articles` uses unless given another.
default_cleaner: Cleaner = make_cleaner(*_DEFAULT_STEPS)
