"""Lexicons: frames of entries (words, globs, phrases), their file formats and validation.

A :class:`Lexicon` maps frame names (``"collapse"``, ``"threat"``) to :class:`Entry` objects.
An entry is written as text and tokenized by the token rule of :mod:`framing.tokens`
(DESIGN.md §3), with the two wildcards kept inside tokens:

* an **entry token** is a maximal run of word characters and wildcards (``[\\w*?]+``);
  everything else separates tokens and is dropped, so ``"zone, of responsibility"`` and
  ``"zone of responsibility"`` are the same three-token phrase, as in quanteda;
* each token is compared under :func:`framing.tokens.token_key` (NFKC, lower-cased);
* ``*`` matches any run of characters inside one token (possibly empty), ``?`` exactly one
  character (see :func:`glob_to_regex`); an entry of several tokens is a phrase and matches
  consecutive word tokens.

A frame may also have **exclusions** (stop phrases), written like entries: text that looks
like the frame but is not, such as the name *Collective Security Treaty Organization* in a
frame that counts ``security``. When counting (:func:`framing.find_hits`), a frame's
exclusions take part in the frame's overlap contest (longest match wins, then the earlier
one; an exclusion wins a tie) and the tokens they cover give no hit.

Three file formats are read by :func:`read_lexicon`: framing's own YAML (documented in
``data/lexicons/README.md``), quanteda YAML dictionaries and LIWC ``.dic`` files. Every
problem in a file is reported with the file, the line and the entry at fault. YAML is
only ever composed into nodes (no Python objects are built from tags), so loading is safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .._errors import FramingError, FramingWarning, choices_error
from ..tokens import token_key

__all__ = [
    "ENTRY_TOKEN_PATTERN",
    "FORMATS",
    "KINDS",
    "Entry",
    "Lexicon",
    "entry_tokens",
    "glob_to_regex",
    "read_lexicon",
]

#: The regular expression of an entry token: word characters plus the wildcards ``*`` and ``?``.
ENTRY_TOKEN_PATTERN = r"[\w*?]+"
_ENTRY_TOKEN_RE = re.compile(ENTRY_TOKEN_PATTERN)
_WORD_CHAR_RE = re.compile(r"\w")
_STARS_RE = re.compile(r"\*+")
# Characters that only make sense in a regular expression: an entry holding one is a mistake.
_REGEX_CHARS = "|\\[]{}^$"

#: The lexicon file formats :func:`read_lexicon` understands.
FORMATS = ("yaml", "quanteda", "liwc")
#: The kinds of entry, as in :meth:`Lexicon.to_frame`.
KINDS = ("word", "glob", "phrase", "glob phrase")
#: The plural of each noun used in messages about entries and exclusions.
_PLURAL = {"entry": "entries", "exclusion": "exclusions"}

# Keys of the own YAML format with a fixed meaning; other top-level keys are kept in ``meta``.
_OWN_META_KEYS = ("version", "description", "language")
_FRAME_KEYS = ("description", "entries", "exclude")
# meta keys that describe where a lexicon came from, not what it is (not written by to_yaml).
_SOURCE_KEYS = ("source", "format", "frame_descriptions")
_HASH_VERSION = "framing-lexicon-1"
_MAX_DEPTH = 50  # nesting of quanteda categories


# --------------------------------------------------------------------------------------
# entries
# --------------------------------------------------------------------------------------


def entry_tokens(pattern: str) -> tuple[str, ...]:
    """Tokenize a lexicon entry by the token rule, keeping the wildcards ``*`` and ``?``.

    Each token is a maximal run of ``[\\w*?]`` characters, passed through
    :func:`framing.tokens.token_key` (NFKC, lower-cased); runs of ``*`` are collapsed to one.
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
    return tuple(_STARS_RE.sub("*", token_key(t)) for t in _ENTRY_TOKEN_RE.findall(pattern))


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


# --------------------------------------------------------------------------------------
# building a lexicon from raw frames (shared by every reader)
# --------------------------------------------------------------------------------------


@dataclass
class _RawFrame:
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


def _cancelling_problem(exclusion: Entry, entries: Iterable[Entry]) -> tuple[str, str] | None:
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


def _build_frames(raw: list[_RawFrame], *, where: str, stacklevel: int) -> tuple[dict, dict]:
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
            problem = _cancelling_problem(exclusion, entries)
            if problem:
                raise FramingError(problem[0], where=at, fix=problem[1])
        frames[rf.name] = tuple(entries)
        if excluded:
            exclusions[rf.name] = tuple(e for e, _ in excluded)
        first_where[rf.name] = rf.where
    return frames, exclusions


def _frame_name(value, where: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise FramingError(
            f"a frame name must be text, got {type(value).__name__} {value!r}",
            where=where,
            fix="Name each frame with a word, such as 'threat'.",
        )
    name = str(value).strip()
    if not name:
        raise FramingError(
            "a frame has an empty name", where=where, fix="Name each frame with a word."
        )
    return name


def _check_name(name, where: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise FramingError(
            f"the lexicon name must be non-empty text, got {name!r}",
            where=where,
            fix="Pass name='security', for example.",
        )
    return name.strip()


# --------------------------------------------------------------------------------------
# the Lexicon
# --------------------------------------------------------------------------------------


class Lexicon:
    """Frames of entries: the research instrument that :func:`framing.find_hits` counts with.

    Build one with :func:`read_lexicon` (from a file) or :meth:`Lexicon.from_dict`; the
    constructor takes ready :class:`Entry` objects.

    Parameters
    ----------
    name : str
        The lexicon's name.
    frames : mapping of str to iterable of Entry
        Frame name to its entries, in order.
    meta : mapping, optional
        Description, version, language, source path and the like. Not part of the hash and
        not compared by ``==``.
    exclusions : mapping of str to iterable of Entry, optional
        Frame name to its exclusions (stop phrases): entries whose matches take part in the
        frame's overlap contest, win ties, and give no hit (see :func:`framing.find_hits`).
        Only frames of ``frames``; each Entry's ``frame`` is that frame. Frames without
        exclusions may be left out.

    Attributes
    ----------
    name : str
    frames : dict of str to tuple of Entry
    exclusions : dict of str to tuple of Entry
        Only the frames that have exclusions, in frame order; empty when there are none.
    meta : dict

    Examples
    --------
    >>> lex = Lexicon.from_dict({"threat": ["threat*", "danger"], "alliance": ["ally"]},
    ...                         name="demo")
    >>> lex
    <Lexicon 'demo': 2 frames, 3 entries (threat 2, alliance 1)>
    >>> len(lex), lex.frame_names, [e.pattern for e in lex]
    (3, ('threat', 'alliance'), ['threat*', 'danger', 'ally'])
    >>> Lexicon.from_dict({"threat": {"entries": ["security"],
    ...                               "exclude": ["security council"]}}).exclusions
    {'threat': (Entry(frame='threat', pattern='security council', tokens=('security', 'council')),)}
    """

    def __init__(
        self,
        name: str,
        frames: Mapping[str, Iterable[Entry]],
        meta: Mapping | None = None,
        *,
        exclusions: Mapping[str, Iterable[Entry]] | None = None,
    ):
        self.name = _check_name(name, "Lexicon")
        if not isinstance(frames, Mapping) or not frames:
            raise FramingError(
                "frames must be a non-empty mapping of frame names to entries",
                where="Lexicon",
                fix="Build lexicons with read_lexicon(path) or Lexicon.from_dict({...}).",
            )
        built: dict[str, tuple[Entry, ...]] = {}
        for frame, entries in frames.items():
            if not isinstance(frame, str):
                raise FramingError(f"frame name {frame!r} is not text", where="Lexicon")
            entries = tuple(entries)
            if not entries:
                raise FramingError(f"frame {frame!r} has no entries", where="Lexicon")
            for e in entries:
                if not isinstance(e, Entry) or e.frame != frame:
                    raise FramingError(
                        f"frame {frame!r} holds {e!r}, not an Entry of that frame",
                        where="Lexicon",
                        fix="Use Lexicon.from_dict({frame: [patterns]}) to build from text.",
                    )
            built[frame] = entries
        self.frames = built
        self.exclusions = _checked_exclusions(exclusions, built)
        self.meta = dict(meta or {})

    # -- views -------------------------------------------------------------------------

    @property
    def entries(self) -> tuple[Entry, ...]:
        """All entries, in frame order then entry order (not the exclusions: see ``exclusions``).

        Examples
        --------
        >>> Lexicon.from_dict({"a": ["x", "y"], "b": ["z"]}).entries[-1]
        Entry(frame='b', pattern='z', tokens=('z',))
        """
        return tuple(e for entries in self.frames.values() for e in entries)

    @property
    def frame_names(self) -> tuple[str, ...]:
        """The frame names, in order.

        Examples
        --------
        >>> Lexicon.from_dict({"threat": ["threat*"], "ally": ["ally"]}).frame_names
        ('threat', 'ally')
        """
        return tuple(self.frames)

    @property
    def hash(self) -> str:
        """SHA-256 (hex) of the frames, their entries and their exclusions, for provenance.

        The serialisation is canonical: frames are sorted by name and each frame lists its
        entries (as written, stripped) in order; when there are exclusions, they are listed
        the same way under a separate key (a lexicon without exclusions has the hash it had
        before exclusions existed). The name, the descriptions, the other ``meta`` and the
        comments of the source file do not enter it, and neither does the order of frames,
        so the hash is the same whatever the file's key order.

        Examples
        --------
        >>> a = Lexicon.from_dict({"x": ["one"], "y": ["two"]}, name="a")
        >>> b = Lexicon.from_dict({"y": ["two"], "x": ["one"]}, name="b")
        >>> a.hash == b.hash, len(a.hash)
        (True, 64)
        >>> c = Lexicon.from_dict({"x": {"entries": ["one"], "exclude": ["one more"]},
        ...                        "y": ["two"]}, name="a")
        >>> c.hash == a.hash
        False
        """
        canonical: dict = {
            "v": _HASH_VERSION,
            "frames": {f: [e.pattern for e in es] for f, es in self.frames.items()},
        }
        if self.exclusions:
            canonical["exclude"] = {f: [e.pattern for e in es] for f, es in self.exclusions.items()}
        text = json.dumps(canonical, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def __len__(self) -> int:
        return sum(len(es) for es in self.frames.values())

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    @property
    def n_exclusions(self) -> int:
        """The number of exclusions, all frames together.

        Examples
        --------
        >>> Lexicon.from_dict({"a": {"entries": ["x"], "exclude": ["x y", "z x"]}}).n_exclusions
        2
        """
        return sum(len(es) for es in self.exclusions.values())

    def __repr__(self) -> str:
        counts = ", ".join(f"{f} {len(es)}" for f, es in self.frames.items())
        n = len(self.frames)
        text = f"<Lexicon {self.name!r}: {n} frame{'s' * (n != 1)}, {len(self)} entries ({counts})"
        if self.exclusions:
            k = self.n_exclusions
            excluded = ", ".join(f"{f} {len(es)}" for f, es in self.exclusions.items())
            text += f", {k} exclusion{'s' * (k != 1)} ({excluded})"
        return text + ">"

    def __eq__(self, other) -> bool:
        if not isinstance(other, Lexicon):
            return NotImplemented
        return (
            self.name == other.name
            and self.frames == other.frames
            and self.exclusions == other.exclusions
        )

    def __hash__(self) -> int:
        return hash((self.name, self.hash))

    # -- constructors and conversions --------------------------------------------------

    @classmethod
    def from_dict(cls, mapping: Mapping, *, name: str | None = None) -> Lexicon:
        """Build a lexicon from a mapping of frame names to lists of entries.

        Parameters
        ----------
        mapping : mapping
            Either ``{frame: [entry, ...]}`` (a single string is one entry), or the own YAML
            structure as Python objects: ``{"name": ..., "frames": {frame: [...] or
            {"description": ..., "entries": [...], "exclude": [...]}}, ...}``. A frame given
            as a mapping (in either form) may hold ``"exclude"``, its exclusions. Numbers are
            turned into text; lists or mappings inside the entries are errors.
        name : str, optional
            The lexicon's name; defaults to ``mapping["name"]`` when there is one, else
            ``"lexicon"``.

        Returns
        -------
        Lexicon

        Raises
        ------
        FramingError
            Naming ``Lexicon.from_dict``, the frame and the entry at fault.

        Examples
        --------
        >>> Lexicon.from_dict({"threat": ["threat*", "угроз*"], "sovereignty": "border*"})
        <Lexicon 'lexicon': 2 frames, 3 entries (threat 2, sovereignty 1)>
        >>> lex = Lexicon.from_dict({"name": "mini", "version": "2",
        ...     "frames": {"collapse": {"description": "Breakdown.", "entries": ["collaps*"]}}})
        >>> lex.name, lex.meta["version"], lex.meta["frame_descriptions"]
        ('mini', '2', {'collapse': 'Breakdown.'})
        >>> Lexicon.from_dict({"threat": {"entries": ["security"],
        ...                               "exclude": ["collective security treaty"]}})
        <Lexicon 'lexicon': 1 frame, 1 entries (threat 1), 1 exclusion (threat 1)>
        """
        return _from_mapping(mapping, name=name, stacklevel=4)

    def to_dict(self) -> dict[str, list[str] | dict[str, list[str]]]:
        """The frames as ``{frame: [pattern, ...]}``, which :meth:`from_dict` reads back.

        A frame with exclusions is written ``{"entries": [...], "exclude": [...]}`` instead.

        Examples
        --------
        >>> Lexicon.from_dict({"threat": ["Threat*", "danger"]}).to_dict()
        {'threat': ['Threat*', 'danger']}
        >>> Lexicon.from_dict({"a": {"entries": ["x"], "exclude": ["x y"]}, "b": "z"}).to_dict()
        {'a': {'entries': ['x'], 'exclude': ['x y']}, 'b': ['z']}
        """
        out: dict[str, list[str] | dict[str, list[str]]] = {}
        for frame, entries in self.frames.items():
            patterns = [e.pattern for e in entries]
            if frame in self.exclusions:
                excluded = [e.pattern for e in self.exclusions[frame]]
                out[frame] = {"entries": patterns, "exclude": excluded}
            else:
                out[frame] = patterns
        return out

    def to_yaml(self, path: str | os.PathLike | None = None) -> str:
        """Write the lexicon in framing's own YAML format.

        Comments of a source file are not kept (they are not data); frame descriptions,
        exclusions (``exclude:`` beside ``entries:``), version, description, language and
        other plain metadata are.

        Parameters
        ----------
        path : str or path-like, optional
            When given, the YAML is also written to this file (UTF-8).

        Returns
        -------
        str
            The YAML text.

        Examples
        --------
        >>> lex = Lexicon.from_dict({"threat": ["threat*", "*danger*"]}, name="mini")
        >>> print(lex.to_yaml())  # doctest: +ELLIPSIS
        # framing lexicon, written by Lexicon.to_yaml; sha256 ...
        name: mini
        frames:
          threat:
            entries:
              - threat*
              - '*danger*'
        <BLANKLINE>
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     file = pathlib.Path(tmp) / "mini.yml"
        ...     _ = lex.to_yaml(file)
        ...     read_lexicon(file) == lex
        True
        >>> lex = Lexicon.from_dict({"threat": {"entries": ["security"],
        ...                                     "exclude": ["security council"]}}, name="m")
        >>> print(lex.to_yaml())  # doctest: +ELLIPSIS
        # framing lexicon, written by Lexicon.to_yaml; sha256 ...
        name: m
        frames:
          threat:
            entries:
              - security
            exclude:
              - security council
        <BLANKLINE>
        """
        doc: dict = {"name": self.name}
        for key, value in self.meta.items():
            if key not in _SOURCE_KEYS and key != "name":
                doc[key] = _plain_meta(value)
        descriptions = self.meta.get("frame_descriptions") or {}
        frames: dict = {}
        for frame, entries in self.frames.items():
            block: dict = {}
            if isinstance(descriptions, Mapping) and descriptions.get(frame):
                block["description"] = str(descriptions[frame])
            block["entries"] = [e.pattern for e in entries]
            if frame in self.exclusions:
                block["exclude"] = [e.pattern for e in self.exclusions[frame]]
            frames[frame] = block
        doc["frames"] = frames
        body = yaml.dump(
            doc,
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=1_000_000,
        )
        text = f"# framing lexicon, written by Lexicon.to_yaml; sha256 {self.hash}\n{body}"
        if path is not None:
            try:
                Path(path).write_text(text, encoding="utf-8")
            except (OSError, ValueError) as exc:
                raise FramingError(
                    f"cannot write the lexicon: {exc}",
                    where=f"Lexicon.to_yaml({str(path)!r})",
                    fix="Check that the folder exists and is writable.",
                ) from exc
        return text

    def to_frame(self):
        """One row per entry and per exclusion: ``frame``, ``entry``, ``n_tokens``, ``kind``,
        ``excluded``.

        ``kind`` is one of ``"word"``, ``"glob"``, ``"phrase"``, ``"glob phrase"`` (the shape
        of the entry, for exclusions too). ``excluded`` is True for an exclusion (a stop
        phrase, whose matches give no hit) and False for an entry. Each frame's entries come
        first, then its exclusions; keep the entries with ``frame[~frame["excluded"]]``.

        Returns
        -------
        pandas.DataFrame

        Examples
        --------
        >>> Lexicon.from_dict({"a": {"entries": ["ally", "collaps*", "zone of responsibility"],
        ...                          "exclude": ["ally* of the mayor"]}}).to_frame()
          frame                   entry  n_tokens         kind  excluded
        0     a                    ally         1         word     False
        1     a                collaps*         1         glob     False
        2     a  zone of responsibility         3       phrase     False
        3     a      ally* of the mayor         4  glob phrase      True
        """
        import pandas as pd

        rows = []
        for frame, entries in self.frames.items():
            rows.extend((e, False) for e in entries)
            rows.extend((e, True) for e in self.exclusions.get(frame, ()))
        return pd.DataFrame(
            {
                "frame": pd.Series([e.frame for e, _ in rows], dtype="str"),
                "entry": pd.Series([e.pattern for e, _ in rows], dtype="str"),
                "n_tokens": pd.Series([e.n_tokens for e, _ in rows], dtype="int64"),
                "kind": pd.Series([e.kind for e, _ in rows], dtype="str"),
                "excluded": pd.Series([x for _, x in rows], dtype="bool"),
            }
        )

    def select(self, frames: str | Iterable[str]) -> Lexicon:
        """A sub-lexicon holding only the given frames, in the order given.

        Parameters
        ----------
        frames : str or iterable of str
            One frame name or several.

        Returns
        -------
        Lexicon
            Same name and metadata (descriptions of the kept frames only); the kept frames
            keep their exclusions.

        Examples
        --------
        >>> lex = Lexicon.from_dict({"a": ["x"], "b": ["y"], "c": ["z"]})
        >>> lex.select(["c", "a"]).frame_names
        ('c', 'a')
        >>> lex.select("d")
        Traceback (most recent call last):
        ...
        framing._errors.FramingError: Lexicon.select: no frame 'd' in lexicon 'lexicon'. Use one of: 'a', 'b', 'c'.
        """
        names = [frames] if isinstance(frames, str) else frames
        try:
            names = list(dict.fromkeys(names))
        except TypeError as exc:
            raise FramingError(
                f"frames must be a frame name or a list of them, got {frames!r}",
                where="Lexicon.select",
            ) from exc
        if not names:
            raise FramingError(
                "no frames selected",
                where="Lexicon.select",
                fix=f"Use some of: {', '.join(map(repr, self.frames))}.",
            )
        for n in names:
            if n not in self.frames:
                raise FramingError(
                    f"no frame {n!r} in lexicon {self.name!r}",
                    where="Lexicon.select",
                    fix=f"Use one of: {', '.join(map(repr, self.frames))}.",
                )
        meta = dict(self.meta)
        descriptions = meta.get("frame_descriptions")
        if isinstance(descriptions, Mapping):
            meta["frame_descriptions"] = {k: v for k, v in descriptions.items() if k in names}
        return Lexicon(
            self.name,
            {n: self.frames[n] for n in names},
            meta,
            exclusions={n: self.exclusions[n] for n in names if n in self.exclusions},
        )


class _Dumper(yaml.SafeDumper):
    """Indent list items under their key (``entries:\\n  - x``)."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _plain_meta(value):
    """Metadata as YAML-safe plain values (text, numbers, lists, mappings)."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, Mapping):
        return {str(k): _plain_meta(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain_meta(v) for v in value]
    return str(value)


def _checked_exclusions(exclusions, frames: dict) -> dict[str, tuple[Entry, ...]]:
    """Validate the constructor's exclusions: frames that exist, Entries of that frame."""
    if exclusions is None:
        return {}
    if not isinstance(exclusions, Mapping):
        raise FramingError(
            f"exclusions must be a mapping of frame names to entries, got "
            f"{type(exclusions).__name__}",
            where="Lexicon",
            fix="Pass exclusions={'threat': [Entry.from_pattern('threat', 'security council')]}, "
            "or use Lexicon.from_dict({'threat': {'entries': [...], 'exclude': [...]}}).",
        )
    checked: dict[str, tuple[Entry, ...]] = {}
    for frame, excluded in exclusions.items():
        if frame not in frames:
            raise FramingError(
                f"exclusions for frame {frame!r}, which the lexicon does not have",
                where="Lexicon",
                fix=f"Exclusions belong to one of the frames: {', '.join(map(repr, frames))}.",
            )
        if isinstance(excluded, Entry | str):
            excluded = [excluded]
        try:
            excluded = tuple(excluded)
        except TypeError as exc:
            raise FramingError(
                f"the exclusions of frame {frame!r} are {type(excluded).__name__}, not a list",
                where="Lexicon",
            ) from exc
        for e in excluded:
            if not isinstance(e, Entry) or e.frame != frame:
                raise FramingError(
                    f"the exclusions of frame {frame!r} hold {e!r}, not an Entry of that frame",
                    where="Lexicon",
                    fix="Use Lexicon.from_dict({frame: {'entries': [...], 'exclude': [...]}}) "
                    "to build from text.",
                )
            problem = _cancelling_problem(e, frames[frame])
            if problem:
                raise FramingError(problem[0], where="Lexicon", fix=problem[1])
        checked[frame] = excluded
    # in frame order; frames without exclusions are left out
    return {f: checked[f] for f in frames if checked.get(f)}


# --------------------------------------------------------------------------------------
# from_dict
# --------------------------------------------------------------------------------------


def _from_mapping(mapping, *, name, stacklevel: int) -> Lexicon:
    where = "Lexicon.from_dict"
    if not isinstance(mapping, Mapping):
        raise FramingError(
            f"expected a mapping of frame names to lists of entries, got {type(mapping).__name__}",
            where=where,
            fix="Pass {'threat': ['threat*', 'danger'], ...}.",
        )
    meta: dict = {}
    frames_obj = mapping
    if "frames" in mapping and isinstance(mapping["frames"], Mapping):
        frames_obj = mapping["frames"]
        for key, value in mapping.items():
            if key not in ("frames", "name"):
                meta[str(key)] = value
        if name is None and "name" in mapping:
            name = mapping["name"]
    name = _check_name("lexicon" if name is None else name, where)

    raw: list[_RawFrame] = []
    descriptions: dict[str, str] = {}
    for key, value in frames_obj.items():
        frame = _frame_name(key, where)
        fwhere = f"{where}, frame {frame!r}"
        if isinstance(value, Mapping):
            unknown = [k for k in value if k not in _FRAME_KEYS]
            if unknown:
                raise FramingError(
                    f"unknown key {unknown[0]!r} in frame {frame!r}",
                    where=fwhere,
                    fix="A frame mapping holds 'entries' (a list) and optionally 'exclude' "
                    "(a list of exclusions) and 'description'.",
                )
            if "entries" not in value:
                raise FramingError(
                    f"frame {frame!r} has no 'entries'",
                    where=fwhere,
                    fix="Give it {'entries': [...]} or a plain list of entries.",
                )
            if value.get("description") is not None:
                descriptions[frame] = str(value["description"])
            excludes = _dict_items(value.get("exclude"), frame, fwhere, noun="exclusion")
            value = value["entries"]
        else:
            excludes = []
        items = _dict_items(value, frame, fwhere)
        raw.append(_RawFrame(frame, fwhere, items, excludes))
    if descriptions:
        meta["frame_descriptions"] = descriptions
    frames, exclusions = _build_frames(raw, where=where, stacklevel=stacklevel)
    return Lexicon(name, frames, meta, exclusions=exclusions)


def _dict_items(value, frame: str, fwhere: str, noun: str = "entry") -> list[tuple[str, str]]:
    """The (text, where) of the entries (or exclusions) of a frame given to from_dict."""
    if value is None:
        return []
    if isinstance(value, str | Entry):
        value = [value]
    if not isinstance(value, list | tuple):
        if noun == "entry":
            what = f"frame {frame!r} holds"
            fix = "Give each frame a list of entries: {'threat': ['threat*', 'danger']}."
        else:
            what = f"the exclusions of frame {frame!r} are"
            fix = (
                "Give 'exclude' a list: {'entries': ['security'], 'exclude': ['security council']}."
            )
        raise FramingError(
            f"{what} {type(value).__name__} {value!r}, not a list of {_PLURAL[noun]}",
            where=fwhere,
            fix=fix,
        )
    items = []
    for i, item in enumerate(value, 1):
        at = f"{fwhere}, {noun} {i}"
        if isinstance(item, Entry):
            item = item.pattern
        elif isinstance(item, int | float) and not isinstance(item, bool):
            item = str(item)
        elif item is None:
            item = ""
        elif not isinstance(item, str):
            raise FramingError(
                f"{noun} {i} of frame {frame!r} is {type(item).__name__} {item!r}, not text",
                where=at,
                fix="Write each entry as one string: a word, a glob or a phrase.",
            )
        items.append((item, at))
    return items


# --------------------------------------------------------------------------------------
# reading files
# --------------------------------------------------------------------------------------


def read_lexicon(
    path: str | os.PathLike, *, format: str | None = None, name: str | None = None
) -> Lexicon:
    """Read a lexicon file: framing's own YAML, a quanteda YAML dictionary or a LIWC .dic.

    Parameters
    ----------
    path : str or path-like
        The file (UTF-8).
    format : {"yaml", "quanteda", "liwc"}, optional
        Guessed when not given: ``.dic`` files (and files whose first line is ``%``) are
        LIWC; YAML with a top-level ``frames:`` key is the own format, other YAML is read as
        a quanteda dictionary (nested categories become ``parent.child`` frames).
    name : str, optional
        The lexicon's name; defaults to the file's ``name:`` (own format) or its stem.

    Returns
    -------
    Lexicon
        ``meta`` holds ``source`` (the path), ``format`` and, for the own format,
        ``version``, ``description``, ``language``, ``frame_descriptions`` and any other
        top-level keys.

    Raises
    ------
    FramingError
        Naming the file, the line and the entry at fault, and how to fix it.

    Warns
    -----
    FramingWarning
        When an entry repeats an earlier one of its frame (the repeat is dropped).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> text = '''
    ... name: mini
    ... frames:
    ...   threat:
    ...     description: Danger to Armenia.
    ...     entries:
    ...       - threat*         # also "threatened to resign"
    ...       - угроз*
    ...   sovereignty: [border*, "zone of responsibility"]
    ... '''
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     file = pathlib.Path(tmp) / "mini.yml"
    ...     _ = file.write_text(text, encoding="utf-8")
    ...     lex = read_lexicon(file)
    >>> lex
    <Lexicon 'mini': 2 frames, 4 entries (threat 2, sovereignty 2)>
    >>> lex.frames["sovereignty"][1].tokens
    ('zone', 'of', 'responsibility')
    """
    if format is not None and format not in FORMATS:
        raise choices_error("format", format, FORMATS)
    if not isinstance(path, str | os.PathLike):
        raise FramingError(
            f"expected a file path, got {type(path).__name__}",
            where="read_lexicon",
            fix="Pass the path of a .yml or .dic file, or use Lexicon.from_dict for a dict.",
        )
    if name is not None:
        name = _check_name(name, "read_lexicon(name=...)")
    src = str(path)
    p = Path(path)
    try:
        if p.is_dir():
            raise FramingError(
                "is a folder, not a lexicon file", where=src, fix="Pass the .yml or .dic file."
            )
        data = p.read_bytes()
    except FileNotFoundError as exc:
        fix = "Check the path (relative paths start from the current folder)."
        if not p.suffix:
            fix += f" For a bundled lexicon use framing.load_lexicon({src!r})."
        raise FramingError("no such lexicon file", where=src, fix=fix) from exc
    except (OSError, ValueError) as exc:
        raise FramingError(f"cannot read the file: {exc}", where=src) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FramingError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line})",
            where=src,
            fix="Re-save the file as UTF-8.",
        ) from exc

    suffix = p.suffix.lower()
    if format is None:
        if suffix == ".dic":
            format = "liwc"
        elif suffix not in (".yml", ".yaml") and _first_line(text) == "%":
            format = "liwc"
    try:
        if format == "liwc":
            raw, meta = _parse_liwc(text, src), {}
            default_name = p.stem
        else:
            root = _compose(text, src)
            is_own = _has_frames_key(root)
            if format is None:
                if not is_own:
                    _refuse_own_without_frames(root, src)
                format = "yaml" if is_own else "quanteda"
            if format == "yaml":
                file_name, meta, raw = _parse_own(root, src)
                default_name = file_name or p.stem
            else:
                raw, meta = _parse_quanteda(root, src), {}
                default_name = p.stem
    except RecursionError as exc:
        raise FramingError(
            "the file is nested too deeply", where=src, fix="Flatten the structure."
        ) from exc
    frames, exclusions = _build_frames(raw, where=src, stacklevel=3)
    meta = {**meta, "source": src, "format": format}
    return Lexicon(name or _check_name(default_name, src), frames, meta, exclusions=exclusions)


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


# -- YAML helpers -----------------------------------------------------------------------


def _at(src: str, node) -> str:
    return f"{src}, line {node.start_mark.line + 1}"


def _is_null(node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _compose(text: str, src: str):
    """Compose YAML text into a node tree (safe: no objects are constructed)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{src}, line {mark.line + 1}" if mark else src
        problem = exc.problem or exc.context or "syntax error"
        fix = "Check the indentation, colons and quotes near that line."
        if "alias" in f"{exc.context} {problem}" or "anchor" in f"{exc.context} {problem}":
            fix = (
                "An entry that starts with * or & must be quoted: - '*threat*'. "
                "(YAML reads a leading * as an alias.)"
            )
        raise FramingError(f"not valid YAML: {problem}", where=where, fix=fix) from exc
    except yaml.YAMLError as exc:
        raise FramingError(f"not valid YAML: {exc}", where=src) from exc
    if root is None or _is_null(root):
        raise FramingError(
            "the file is empty", where=src, fix="Write the frames and their entries in it."
        )
    if not isinstance(root, yaml.MappingNode):
        raise FramingError(
            "the top level is not a mapping of frames",
            where=_at(src, root),
            fix="Start the file with 'frames:' (framing's format) or with frame names as keys "
            "(quanteda); see data/lexicons/README.md.",
        )
    return root


def _mapping_items(node, src: str, *, frames: bool = False) -> list[tuple[str, object, object]]:
    """The (key text, key node, value node) of a mapping node; duplicate keys are errors."""
    out = []
    first: dict[str, int] = {}
    for knode, vnode in node.value:
        where = _at(src, knode)
        if knode.tag == "tag:yaml.org,2002:merge":
            raise FramingError(
                "YAML merge keys (<<) are not supported in lexicons",
                where=where,
                fix="Write the entries out.",
            )
        if not isinstance(knode, yaml.ScalarNode) or _is_null(knode):
            raise FramingError(
                "a key is not a plain name" if not _is_null(knode) else "a key is empty",
                where=where,
                fix="Use a word as the key, such as 'threat:'.",
            )
        key = knode.value.strip()
        if not key:
            raise FramingError("a key is empty", where=where, fix="Use a word as the key.")
        if key in first:
            what = "frame name" if frames else "key"
            raise FramingError(
                f"duplicate {what} {key!r} (first at line {first[key]})",
                where=where,
                fix="YAML would silently keep only the last one: rename one of them "
                "or merge their entries.",
            )
        first[key] = knode.start_mark.line + 1
        out.append((key, knode, vnode))
    return out


def _yaml_entries(vnode, src: str, frame: str, noun: str = "entry") -> list[tuple[str, str]]:
    """The entries (or exclusions) under a frame: a list of scalars, or one scalar."""
    if _is_null(vnode):
        return []
    if isinstance(vnode, yaml.ScalarNode):
        return [(vnode.value, _at(src, vnode))]
    if isinstance(vnode, yaml.MappingNode):
        raise FramingError(
            f"the {_PLURAL[noun]} of frame {frame!r} are a mapping, not a list",
            where=_at(src, vnode),
            fix=f"List the {_PLURAL[noun]} with '- ' in front of each.",
        )
    items = []
    for item in vnode.value:
        at = _at(src, item)
        if isinstance(item, yaml.ScalarNode):
            items.append(("" if _is_null(item) else item.value, at))
        else:
            kind = "list" if isinstance(item, yaml.SequenceNode) else "mapping"
            raise FramingError(
                f"an {noun} of frame {frame!r} is a {kind}, not text",
                where=at,
                fix="Write each entry as one line of text: - word, - 'a phrase'. "
                "Quote an entry that holds ': ' (YAML reads '- a: b' as a mapping).",
            )
    return items


def _plain(node, src: str, depth: int = 0):
    """A metadata node as plain Python values (scalars stay text, as written)."""
    if depth > _MAX_DEPTH:
        raise FramingError("metadata nested too deeply", where=_at(src, node))
    if isinstance(node, yaml.ScalarNode):
        return None if _is_null(node) else node.value
    if isinstance(node, yaml.SequenceNode):
        return [_plain(n, src, depth + 1) for n in node.value]
    return {k: _plain(v, src, depth + 1) for k, _, v in _mapping_items(node, src)}


def _has_frames_key(root) -> bool:
    return any(isinstance(k, yaml.ScalarNode) and k.value == "frames" for k, _ in root.value)


def _refuse_own_without_frames(root, src: str) -> None:
    """A file with name/version/description but no frames: is a broken own-format file."""
    for knode, vnode in root.value:
        if (
            isinstance(knode, yaml.ScalarNode)
            and knode.value in ("name", "version", "description", "language")
            and isinstance(vnode, yaml.ScalarNode)
            and not _is_null(vnode)
        ):
            raise FramingError(
                f"the file has a top-level {knode.value!r} but no 'frames:' mapping",
                where=_at(src, knode),
                fix="Put the frames under a top-level 'frames:' key (see data/lexicons/"
                "README.md), or pass format='quanteda' to read it as a quanteda dictionary.",
            )


def _parse_own(root, src: str) -> tuple[str | None, dict, list[_RawFrame]]:
    items = _mapping_items(root, src)
    by_key = {k: (kn, vn) for k, kn, vn in items}
    if "frames" not in by_key:
        raise FramingError(
            "no top-level 'frames:' key",
            where=src,
            fix="Put the frames under 'frames:' (see data/lexicons/README.md), or pass "
            "format='quanteda' if this is a quanteda dictionary.",
        )
    file_name = None
    meta: dict = {}
    for key, knode, vnode in items:
        if key == "frames":
            continue
        if key in _SOURCE_KEYS:
            raise FramingError(
                f"the key {key!r} is reserved: read_lexicon sets it",
                where=_at(src, knode),
                fix="Rename it (for a citation, use 'reference:'); frame descriptions go "
                "under each frame's 'description:'.",
            )
        if key == "name":
            if not isinstance(vnode, yaml.ScalarNode) or _is_null(vnode) or not vnode.value.strip():
                raise FramingError(
                    "'name' must be a non-empty text", where=_at(src, knode), fix="name: security"
                )
            file_name = vnode.value.strip()
        elif key in ("version", "description") and not isinstance(vnode, yaml.ScalarNode):
            raise FramingError(f"{key!r} must be text", where=_at(src, knode), fix=f'{key}: "1.0"')
        else:
            meta[key] = _plain(vnode, src)
    fkey, fnode = by_key["frames"]
    if not isinstance(fnode, yaml.MappingNode):
        raise FramingError(
            "'frames' must be a mapping of frame names to entries",
            where=_at(src, fkey),
            fix="Indent the frames under 'frames:' as 'name: [entries]' or "
            "'name:' with 'entries:'.",
        )
    raw: list[_RawFrame] = []
    descriptions: dict[str, str] = {}
    for frame, knode, vnode in _mapping_items(fnode, src, frames=True):
        where = _at(src, knode)
        excludes: list[tuple[str, str]] = []
        if isinstance(vnode, yaml.MappingNode):
            sub = {k: (kn, vn) for k, kn, vn in _mapping_items(vnode, src)}
            for k, (kn, _) in sub.items():
                if k not in _FRAME_KEYS:
                    raise FramingError(
                        f"unknown key {k!r} in frame {frame!r}",
                        where=_at(src, kn),
                        fix="A frame holds 'entries:' (a list) and optionally 'exclude:' "
                        "(a list of exclusions) and 'description:'.",
                    )
            if "entries" not in sub:
                raise FramingError(
                    f"frame {frame!r} has no 'entries:'",
                    where=where,
                    fix="List its entries under 'entries:'.",
                )
            if "description" in sub:
                dn = sub["description"][1]
                if not isinstance(dn, yaml.ScalarNode):
                    raise FramingError(
                        f"the description of frame {frame!r} must be text", where=_at(src, dn)
                    )
                if not _is_null(dn):
                    descriptions[frame] = dn.value
            if "exclude" in sub:
                excludes = _yaml_entries(sub["exclude"][1], src, frame, noun="exclusion")
            vnode = sub["entries"][1]
        raw.append(_RawFrame(frame, where, _yaml_entries(vnode, src, frame), excludes))
    if descriptions:
        meta["frame_descriptions"] = descriptions
    return file_name, meta, raw


def _parse_quanteda(root, src: str) -> list[_RawFrame]:
    raw: list[_RawFrame] = []
    visited: set[int] = {id(root)}

    def walk(node, prefix: str, depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise FramingError(
                f"categories nested more than {_MAX_DEPTH} levels deep", where=_at(src, node)
            )
        for key, knode, vnode in _mapping_items(node, src, frames=True):
            frame = f"{prefix}.{key}" if prefix else key
            if isinstance(vnode, yaml.MappingNode):
                if id(vnode) in visited:
                    raise FramingError(
                        f"category {frame!r} repeats a nested category through a YAML alias",
                        where=_at(src, knode),
                        fix="Write the category out instead of using an alias (*name).",
                    )
                visited.add(id(vnode))
                if not vnode.value:
                    raw.append(_RawFrame(frame, _at(src, knode), []))
                walk(vnode, frame, depth + 1)
            else:
                raw.append(_RawFrame(frame, _at(src, knode), _yaml_entries(vnode, src, frame)))

    walk(root, "", 0)
    return raw


# -- LIWC -------------------------------------------------------------------------------

_ID_RE = re.compile(r"[0-9]+")


def _parse_liwc(text: str, src: str) -> list[_RawFrame]:
    lines = text.splitlines()
    n = len(lines)
    i = 0
    while i < n and not lines[i].strip():
        i += 1
    if i == n:
        raise FramingError(
            "the file is empty", where=src, fix="A LIWC dictionary starts with a '%' line."
        )
    if lines[i].strip() != "%":
        raise FramingError(
            f"a LIWC dictionary starts with a line holding only '%', found {lines[i].strip()!r}",
            where=f"{src}, line {i + 1}",
            fix="Start with '%', then 'id<TAB>category' lines, then '%', then "
            "'word<TAB>id id' lines; or pass format='yaml'/'quanteda' for a YAML file.",
        )
    opened = i + 1
    categories: dict[int, tuple[str, int]] = {}
    names: dict[str, int] = {}
    i += 1
    while True:
        if i == n:
            raise FramingError(
                f"the category list opened by '%' at line {opened} is never closed",
                where=src,
                fix="Add a line holding only '%' after the 'id<TAB>category' lines.",
            )
        line = lines[i].strip()
        i += 1
        if not line:
            continue
        if line == "%":
            break
        parts = line.split()
        where = f"{src}, line {i}"
        if len(parts) < 2 or not _ID_RE.fullmatch(parts[0]):
            fix = "Write a number, a tab and the category name, e.g. '1\tthreat'."
            if _ID_RE.fullmatch(parts[-1]):
                fix += " If the word lines start here, the '%' line that ends the category list is missing."
            raise FramingError(f"expected 'id<TAB>category', found {line!r}", where=where, fix=fix)
        cid, cname = int(parts[0]), parts[1]
        if cid in categories:
            raise FramingError(
                f"category id {cid} is used twice (first at line {categories[cid][1]})",
                where=where,
                fix="Give every category its own number.",
            )
        if cname in names:
            raise FramingError(
                f"duplicate frame name {cname!r} (first at line {names[cname]})",
                where=where,
                fix="Give every category its own name.",
            )
        categories[cid] = (cname, i)
        names[cname] = i
    if not categories:
        raise FramingError(
            "the LIWC dictionary defines no categories",
            where=f"{src}, line {opened}",
            fix="List 'id<TAB>category' lines between the two '%' lines.",
        )
    items: dict[int, list[tuple[str, str]]] = {cid: [] for cid in categories}
    known = ", ".join(f"{cid} ({nm})" for cid, (nm, _) in categories.items())
    for j in range(i, n):
        line = lines[j]
        if not line.strip():
            continue
        where = f"{src}, line {j + 1}"
        if "\t" in line:
            word, _, rest = line.partition("\t")
            ids = rest.split()
        else:
            parts = line.split()
            k = len(parts)
            while k > 1 and _ID_RE.fullmatch(parts[k - 1]):
                k -= 1
            word, ids = " ".join(parts[:k]), parts[k:]
        if not ids:
            raise FramingError(
                f"entry {word.strip()!r} has no category ids",
                where=where,
                fix="Write the word, a tab and the ids of its categories, e.g. 'threat*\t1 2'.",
            )
        for cid_text in ids:
            if not _ID_RE.fullmatch(cid_text):
                raise FramingError(
                    f"{cid_text!r} after entry {word.strip()!r} is not a category id "
                    "(this reader takes numeric ids only)",
                    where=where,
                    fix=f"Refer to categories by their number: {known}.",
                )
            cid = int(cid_text)
            if cid not in categories:
                raise FramingError(
                    f"entry {word.strip()!r} refers to category {cid}, which the header does "
                    "not define",
                    where=where,
                    fix=f"Use one of the ids defined at the top: {known}.",
                )
            items[cid].append((word, where))
    return [
        _RawFrame(nm, f"{src}, line {line_no}", items[cid])
        for cid, (nm, line_no) in categories.items()
    ]
