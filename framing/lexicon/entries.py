"""Lexicon entries: a word, a glob or a phrase of a frame, its tokens and its validation.

An entry is written as text and tokenized by the token rule of :mod:`framing.tokens`
(DESIGN.md §3), with the two wildcards kept inside tokens:

* an **entry token** is a maximal run of word characters and wildcards (``[\\w*?]+``);
  everything else separates tokens and is dropped, so ``"zone, of responsibility"`` and
  ``"zone of responsibility"`` are the same three-token phrase, as in quanteda;
* each token is compared under :func:`framing.tokens.token_key` (NFKC, lower-cased);
* ``*`` matches any run of characters inside one token (possibly empty), ``?`` exactly one
  character (see :func:`glob_to_regex`); an entry of several tokens is a phrase and matches
  consecutive word tokens.

Every reader (:meth:`framing.Lexicon.from_dict`, the file formats) hands its frames over as
:class:`RawFrame` objects (texts and where each was written); :func:`build_frames` validates
them into entries and exclusions, so every source is checked by the same rules.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field

from .._errors import FramingError, FramingWarning
from ..tokens import normalize, token_key

__all__ = ["ENTRY_TOKEN_PATTERN", "KINDS", "Entry", "entry_tokens", "glob_to_regex"]

#: The regular expression of an entry token: word characters plus the wildcards ``*`` and ``?``.
ENTRY_TOKEN_PATTERN = r"[\w*?]+"
_ENTRY_TOKEN_RE = re.compile(ENTRY_TOKEN_PATTERN)
_WORD_CHAR_RE = re.compile(r"\w")
_STARS_RE = re.compile(r"\*+")
# the wildcards as typed; "？", "⁇" or "＊" become "?" and "*" only through NFKC, and a
# text's "?" is punctuation, so those stay punctuation in an entry too
_WILDCARD_RE = re.compile(r"([*?])")
# Characters that only make sense in a regular expression: an entry holding one is a mistake.
_REGEX_CHARS = "|\\[]{}^$"

#: The kinds of entry, as in :meth:`framing.Lexicon.to_frame`.
KINDS = ("word", "glob", "phrase", "glob phrase")
#: The plural of each noun used in messages about entries and exclusions.
PLURAL = {"entry": "entries", "exclusion": "exclusions"}
#: The keys a frame written as a mapping may hold (own YAML format and ``from_dict``).
FRAME_KEYS = ("description", "entries", "exclude")


def entry_tokens(pattern: str) -> tuple[str, ...]:
    """Tokenize a lexicon entry by the token rule, keeping the wildcards ``*`` and ``?``.

    The whole pattern is NFKC-normalized first, as texts are ("¼" is the two tokens "1" and
    "4", "№" is "no"; a "？" or "⁇" that NFKC makes a question mark is punctuation, only the
    ``*`` and ``?`` typed as such are wildcards); then each token is a maximal run of ``[\\w*?]`` characters, passed
    through :func:`framing.tokens.token_key` (lower-cased); runs of ``*`` are collapsed to one.
    Punctuation, hyphens and apostrophes separate tokens and are dropped. No validation is
    done here (see :meth:`Entry.from_pattern`).

    Parameters
    ----------
    pattern : str
        The entry as written.

    Returns
    -------
    tuple of str

    Examples
    --------
    >>> entry_tokens("Zone, of responsibility")
    ('zone', 'of', 'responsibility')
    >>> entry_tokens("military-technical assistance")
    ('military', 'technical', 'assistance')
    >>> entry_tokens("*threat**"), entry_tokens("Угроз*")
    (('*threat*',), ('угроз*',))
    """
    pieces = _WILDCARD_RE.split(pattern)
    pieces[::2] = [_WILDCARD_RE.sub(" ", normalize(piece)) for piece in pieces[::2]]
    tokens = _ENTRY_TOKEN_RE.findall("".join(pieces))
    return tuple(_STARS_RE.sub("*", token_key(t)) for t in tokens)


def _entry_problem(pattern: str, frame: str, noun: str = "entry") -> tuple[str, str] | None:
    """What is wrong with a stripped entry (or exclusion), and how to fix it; None when valid."""
    if not pattern:
        return (
            f"empty {noun} in frame {frame!r}",
            "Remove the empty item, or write the word it should hold "
            "(YAML reads a bare '-', '~' or 'null' as nothing; quote a word like 'null').",
        )
    bad = sorted({c for c in pattern if c in _REGEX_CHARS})
    if bad:
        return (
            f"{noun} {pattern!r} in frame {frame!r} looks like a regular expression "
            f"(it holds {', '.join(map(repr, bad))})",
            "Entries are words, globs (* = any run of characters, ? = one character) or "
            "phrases, not regular expressions; write alternatives as separate entries.",
        )
    if not _WORD_CHAR_RE.search(pattern):
        return (
            f"{noun} {pattern!r} in frame {frame!r} has no letter or digit",
            "An entry needs at least one letter or digit: punctuation is never a token, and "
            "a bare * or ? would match every token. Remove it or write the word it should match.",
        )
    for tok in entry_tokens(pattern):
        if not _WORD_CHAR_RE.search(tok):
            return (
                f"{noun} {pattern!r} in frame {frame!r} has the bare wildcard token {tok!r}: "
                "a bare * would match every token",
                "Attach the wildcard to a word (collaps*, зон*), or remove it.",
            )
    return None


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a word, a glob or a phrase of a frame.

    Parameters
    ----------
    frame : str
        The frame the entry belongs to.
    pattern : str
        The entry as written, stripped (``"collaps*"``, ``"zone of responsibility"``).
    tokens : tuple of str
        The entry's tokens as given by :func:`entry_tokens` (token keys, wildcards kept).

    Examples
    --------
    >>> e = Entry.from_pattern("sovereignty", "зон* ответственности")
    >>> e.tokens, e.n_tokens, e.is_phrase, e.is_glob, e.kind
    (('зон*', 'ответственности'), 2, True, True, 'glob phrase')
    """

    frame: str
    pattern: str
    tokens: tuple[str, ...]

    def __post_init__(self):
        if not isinstance(self.tokens, tuple):
            object.__setattr__(self, "tokens", tuple(self.tokens))

    @classmethod
    def from_pattern(cls, frame: str, pattern: str) -> Entry:
        """Build a validated entry of ``frame`` from the text of ``pattern``.

        Raises
        ------
        FramingError
            If the entry is empty, has no letter or digit, has a bare wildcard token or
            looks like a regular expression.

        Examples
        --------
        >>> Entry.from_pattern("threat", "  Threat* ")
        Entry(frame='threat', pattern='Threat*', tokens=('threat*',))
        >>> Entry.from_pattern("threat", "collapse *")
        Traceback (most recent call last):
        ...
        framing._errors.FramingError: Entry.from_pattern: entry 'collapse *' in frame 'threat' has the bare wildcard token '*': a bare * would match every token. Attach the wildcard to a word (collaps*, зон*), or remove it.
        """
        if not isinstance(pattern, str):
            raise FramingError(
                f"expected the entry as text, got {type(pattern).__name__}",
                where="Entry.from_pattern",
            )
        pattern = pattern.strip()
        problem = _entry_problem(pattern, frame)
        if problem:
            raise FramingError(problem[0], where="Entry.from_pattern", fix=problem[1])
        return cls(frame, pattern, entry_tokens(pattern))

    @property
    def n_tokens(self) -> int:
        """The number of tokens (1 for a word or glob).

        Examples
        --------
        >>> Entry.from_pattern("f", "mutual defen?e").n_tokens
        2
        """
        return len(self.tokens)

    @property
    def is_phrase(self) -> bool:
        """True when the entry has more than one token.

        Examples
        --------
        >>> Entry.from_pattern("f", "territorial integrity").is_phrase
        True
        """
        return len(self.tokens) > 1

    @property
    def is_glob(self) -> bool:
        """True when any token holds a wildcard (``*`` or ``?``).

        Examples
        --------
        >>> Entry.from_pattern("f", "defen?e").is_glob, Entry.from_pattern("f", "ally").is_glob
        (True, False)
        """
        return any("*" in t or "?" in t for t in self.tokens)

    @property
    def kind(self) -> str:
        """``"word"``, ``"glob"``, ``"phrase"`` or ``"glob phrase"``.

        Examples
        --------
        >>> Entry.from_pattern("f", "collaps*").kind
        'glob'
        """
        if self.is_phrase:
            return "glob phrase" if self.is_glob else "phrase"
        return "glob" if self.is_glob else "word"


def glob_to_regex(token: str) -> str:
    """Translate one glob token into a regular expression for :func:`re.fullmatch`.

    ``*`` is any run of characters inside the token (possibly empty), ``?`` exactly one
    character; every other character is literal. Runs of ``*`` are collapsed, and the parts
    between two stars are matched at their first occurrence inside atomic groups, so the
    expression never backtracks more than linearly, whatever the glob.

    Parameters
    ----------
    token : str
        One entry token (a token key, as in :attr:`Entry.tokens`).

    Returns
    -------
    str
        A pattern to use with ``re.fullmatch`` on token keys.

    Examples
    --------
    >>> glob_to_regex("collaps*"), glob_to_regex("defen?e"), glob_to_regex("*threat**")
    ('collaps.*', 'defen.e', '(?>.*?threat).*')
    >>> import re
    >>> [bool(re.fullmatch(glob_to_regex("угроз*"), t)) for t in ["угроза", "угроз", "угрожать"]]
    [True, True, False]
    """
    if not isinstance(token, str):
        raise FramingError(
            f"expected a glob token as text, got {type(token).__name__}", where="glob_to_regex"
        )

    def literal(part: str) -> str:
        return "".join("." if c == "?" else re.escape(c) for c in part)

    parts = _STARS_RE.sub("*", token).split("*")
    if len(parts) == 1:
        return literal(parts[0])
    head, *middle, tail = parts
    return literal(head) + "".join(f"(?>.*?{literal(m)})" for m in middle) + ".*" + literal(tail)


@dataclass
class RawFrame:
    """A frame as a reader found it: its name, where it was written, and the texts of its
    entries and exclusions, each with where it was written (file and line, or key path)."""

    name: str
    where: str
    items: list[tuple[str, str]]  # (entry text, where)
    excludes: list[tuple[str, str]] = field(default_factory=list)  # (exclusion text, where)


def _validated(
    items: list[tuple[str, str]], frame: str, noun: str, *, stacklevel: int
) -> list[tuple[Entry, str]]:
    """Validate the texts of one frame's entries (or exclusions); warn about and drop repeats."""
    out: list[tuple[Entry, str]] = []
    seen: dict[tuple[str, ...], tuple[str, str]] = {}
    for text, at in items:
        pattern = text.strip()
        problem = _entry_problem(pattern, frame, noun)
        if problem:
            raise FramingError(problem[0], where=at, fix=problem[1])
        entry = Entry(frame, pattern, entry_tokens(pattern))
        if entry.tokens in seen:
            first, first_at = seen[entry.tokens]
            same = "repeats" if first == pattern else f"is the same {noun} as {first!r}"
            warnings.warn(
                f"{at}: {noun} {pattern!r} in frame {frame!r} {same} ({first_at}); "
                "the repeat was dropped. Remove it from the lexicon.",
                FramingWarning,
                stacklevel=stacklevel + 1,
            )
            continue
        seen[entry.tokens] = (pattern, at)
        out.append((entry, at))
    return out


def cancelling_problem(exclusion: Entry, entries: Iterable[Entry]) -> tuple[str, str] | None:
    """The error for an exclusion that is one of its frame's entries (it would cancel it)."""
    for entry in entries:
        if entry.tokens == exclusion.tokens:
            same = "" if entry.pattern == exclusion.pattern else f" {entry.pattern!r}"
            return (
                f"exclusion {exclusion.pattern!r} in frame {exclusion.frame!r} is also its "
                f"entry{same}: the exclusion would cancel every hit of that entry",
                "An exclusion names text that looks like the frame but is not, and is usually "
                "longer than the entry it blocks ('security council' beside 'security'). "
                "Remove the entry or the exclusion.",
            )
    return None


def build_frames(raw: list[RawFrame], *, where: str, stacklevel: int) -> tuple[dict, dict]:
    """Validate raw frames into ``{frame: (Entry, ...)}`` and ``{frame: (exclusion, ...)}``.

    Repeated entries (or exclusions) of a frame are dropped with a warning.
    """
    if not raw:
        raise FramingError(
            "the lexicon has no frames", where=where, fix="Add at least one frame with entries."
        )
    frames: dict[str, tuple[Entry, ...]] = {}
    exclusions: dict[str, tuple[Entry, ...]] = {}
    first_where: dict[str, str] = {}
    for rf in raw:
        if rf.name in frames:
            raise FramingError(
                f"duplicate frame name {rf.name!r} (first defined at {first_where[rf.name]})",
                where=rf.where,
                fix="Rename one of the two frames or merge their entries.",
            )
        if not rf.items:
            raise FramingError(
                f"frame {rf.name!r} has no entries",
                where=rf.where,
                fix="Add at least one entry under it, or remove the frame.",
            )
        entries = [e for e, _ in _validated(rf.items, rf.name, "entry", stacklevel=stacklevel)]
        excluded = _validated(rf.excludes, rf.name, "exclusion", stacklevel=stacklevel)
        for exclusion, at in excluded:
            problem = cancelling_problem(exclusion, entries)
            if problem:
                raise FramingError(problem[0], where=at, fix=problem[1])
        frames[rf.name] = tuple(entries)
        if excluded:
            exclusions[rf.name] = tuple(e for e, _ in excluded)
        first_where[rf.name] = rf.where
    return frames, exclusions
