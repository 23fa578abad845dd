"""The :class:`Lexicon`: frames of entries, the research instrument that is counted with.

A frame may also have **exclusions** (stop phrases), written like entries: text that looks
like the frame but is not, such as the name *Collective Security Treaty Organization* in a
frame that counts ``security``. When counting (:func:`framing.find_hits`), a frame's
exclusions take part in the frame's overlap contest (longest match wins, then the earlier
one; an exclusion wins a tie) and the tokens they cover give no hit.

Lexicons are built from Python objects with :meth:`Lexicon.from_dict` (here) and from files
with :func:`framing.read_lexicon` (:mod:`framing.lexicon.read`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping

from .._errors import FramingError
from . import formats
from .entries import FRAME_KEYS, PLURAL, Entry, RawFrame, build_frames, cancelling_problem

__all__ = ["Lexicon"]

_HASH_VERSION = "framing-lexicon-1"


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
        self.name = check_name(name, "Lexicon")
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
        >>> import tempfile, pathlib, framing as fr
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     file = pathlib.Path(tmp) / "mini.yml"
        ...     _ = lex.to_yaml(file)
        ...     fr.read_lexicon(file) == lex
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
        return formats.to_yaml(self, path)

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
            problem = cancelling_problem(e, frames[frame])
            if problem:
                raise FramingError(problem[0], where="Lexicon", fix=problem[1])
        checked[frame] = excluded
    # in frame order; frames without exclusions are left out
    return {f: checked[f] for f in frames if checked.get(f)}


def check_name(name, where: str) -> str:
    """The lexicon's name, stripped; a FramingError naming ``where`` unless it is text."""
    if not isinstance(name, str) or not name.strip():
        raise FramingError(
            f"the lexicon name must be non-empty text, got {name!r}",
            where=where,
            fix="Pass name='security', for example.",
        )
    return name.strip()


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
    name = check_name("lexicon" if name is None else name, where)

    raw: list[RawFrame] = []
    descriptions: dict[str, str] = {}
    for key, value in frames_obj.items():
        frame = _frame_name(key, where)
        fwhere = f"{where}, frame {frame!r}"
        if isinstance(value, Mapping):
            unknown = [k for k in value if k not in FRAME_KEYS]
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
        raw.append(RawFrame(frame, fwhere, items, excludes))
    if descriptions:
        meta["frame_descriptions"] = descriptions
    frames, exclusions = build_frames(raw, where=where, stacklevel=stacklevel)
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
            f"{what} {type(value).__name__} {value!r}, not a list of {PLURAL[noun]}",
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
