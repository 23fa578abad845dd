"""The YAML lexicon formats: framing's own YAML and quanteda dictionaries, read and written.

Reading composes the text into YAML nodes only (no Python objects are built from tags, so
loading is safe) and turns them into :class:`~framing.lexicon.entries.RawFrame` objects that
remember the line of every entry, so each problem is reported with the file, the line and
the entry at fault. :func:`to_yaml` writes framing's own format (documented in
``data/lexicons/README.md``). :func:`framing.read_lexicon` chooses the format.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import yaml

from .._errors import FramingError
from .entries import FRAME_KEYS, PLURAL, RawFrame

__all__ = ["to_yaml"]

# meta keys that describe where a lexicon came from, not what it is (not written by to_yaml).
SOURCE_KEYS = ("source", "format", "frame_descriptions")
_MAX_DEPTH = 50  # nesting of quanteda categories


# --------------------------------------------------------------------------------------
# writing the own format
# --------------------------------------------------------------------------------------


def to_yaml(lexicon, path: str | os.PathLike | None = None) -> str:
    """The text of ``lexicon`` in framing's own YAML format, also written to ``path`` if given.

    This is :meth:`framing.Lexicon.to_yaml`; see there.

    Parameters
    ----------
    lexicon : Lexicon
    path : str or path-like, optional

    Returns
    -------
    str
    """
    body = yaml.dump(
        _yaml_document(lexicon),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
    )
    text = f"# framing lexicon, written by Lexicon.to_yaml; sha256 {lexicon.hash}\n{body}"
    if path is not None:
        _write_text(text, path)
    return text


def _yaml_document(lexicon) -> dict:
    """The own format's document: name, plain metadata, then each frame's block."""
    doc: dict = {"name": lexicon.name}
    for key, value in lexicon.meta.items():
        if key not in SOURCE_KEYS and key != "name":
            doc[key] = _plain_meta(value)
    descriptions = lexicon.meta.get("frame_descriptions") or {}
    frames: dict = {}
    for frame, entries in lexicon.frames.items():
        block: dict = {}
        if isinstance(descriptions, Mapping) and descriptions.get(frame):
            block["description"] = str(descriptions[frame])
        block["entries"] = [e.pattern for e in entries]
        if frame in lexicon.exclusions:
            block["exclude"] = [e.pattern for e in lexicon.exclusions[frame]]
        frames[frame] = block
    doc["frames"] = frames
    return doc


def _write_text(text: str, path: str | os.PathLike) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except (OSError, ValueError) as exc:
        raise FramingError(
            f"cannot write the lexicon: {exc}",
            where=f"Lexicon.to_yaml({str(path)!r})",
            fix="Check that the folder exists and is writable.",
        ) from exc


class _Dumper(yaml.SafeDumper):
    """Indent list items under their key (``entries:\\n  - x``); text that holds a line
    break in double quotes, with its escapes."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, data: str):
    # PyYAML's other styles fold a line break: a single-quoted "0\x850" reads back as "0 0"
    style = '"' if any(c in _BREAKS for c in data) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_BREAKS = "\n\r\x85\u2028\u2029"
_Dumper.add_representer(str, _text)


def _plain_meta(value):
    """Metadata as YAML-safe plain values (text, numbers, lists, mappings)."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, Mapping):
        return {str(k): _plain_meta(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain_meta(v) for v in value]
    return str(value)


# --------------------------------------------------------------------------------------
# reading: YAML nodes
# --------------------------------------------------------------------------------------


def _at(src: str, node) -> str:
    """Where a node was written: the file and its line."""
    return f"{src}, line {node.start_mark.line + 1}"


def _is_null(node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def compose(text: str, src: str):
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
            f"the {PLURAL[noun]} of frame {frame!r} are a mapping, not a list",
            where=_at(src, vnode),
            fix=f"List the {PLURAL[noun]} with '- ' in front of each.",
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


def has_frames_key(root) -> bool:
    """True when the top-level mapping has a ``frames`` key (the own format)."""
    return any(isinstance(k, yaml.ScalarNode) and k.value == "frames" for k, _ in root.value)


def refuse_own_without_frames(root, src: str) -> None:
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


def parse_own(root, src: str) -> tuple[str | None, dict, list[RawFrame]]:
    """The name (None when not given), metadata and frames of an own-format document."""
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
        if key in SOURCE_KEYS:
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
    raw: list[RawFrame] = []
    descriptions: dict[str, str] = {}
    for frame, knode, vnode in _mapping_items(fnode, src, frames=True):
        where = _at(src, knode)
        excludes: list[tuple[str, str]] = []
        if isinstance(vnode, yaml.MappingNode):
            sub = {k: (kn, vn) for k, kn, vn in _mapping_items(vnode, src)}
            for k, (kn, _) in sub.items():
                if k not in FRAME_KEYS:
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
        raw.append(RawFrame(frame, where, _yaml_entries(vnode, src, frame), excludes))
    if descriptions:
        meta["frame_descriptions"] = descriptions
    return file_name, meta, raw


def parse_quanteda(root, src: str) -> list[RawFrame]:
    """The frames of a quanteda dictionary; nested categories become ``parent.child``."""
    raw: list[RawFrame] = []
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
                    raw.append(RawFrame(frame, _at(src, knode), []))
                walk(vnode, frame, depth + 1)
            else:
                raw.append(RawFrame(frame, _at(src, knode), _yaml_entries(vnode, src, frame)))

    walk(root, "", 0)
    return raw
