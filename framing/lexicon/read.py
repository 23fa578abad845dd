"""Reading a lexicon file: :func:`read_lexicon` finds its format and builds the Lexicon.

The file is read as UTF-8, its format guessed (or taken from ``format=``), its frames parsed
by :mod:`framing.lexicon.formats` (the YAML formats) or :mod:`framing.lexicon.liwc`, and
validated by :func:`framing.lexicon.entries.build_frames`.
"""

from __future__ import annotations

import os
from pathlib import Path

from .._errors import FramingError, choices_error
from .entries import build_frames
from .formats import compose, has_frames_key, parse_own, parse_quanteda, refuse_own_without_frames
from .liwc import parse_liwc
from .model import Lexicon, check_name

__all__ = ["FORMATS", "read_lexicon"]

#: The lexicon file formats :func:`read_lexicon` understands.
FORMATS = ("yaml", "quanteda", "liwc")


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
        name = check_name(name, "read_lexicon(name=...)")
    src = str(path)
    text = _read_text(Path(path), src)
    if format is None and _looks_like_liwc(Path(path), text):
        format = "liwc"
    try:
        format, meta, raw, default_name = _parse(text, src, format)
    except RecursionError as exc:
        raise FramingError(
            "the file is nested too deeply", where=src, fix="Flatten the structure."
        ) from exc
    frames, exclusions = build_frames(raw, where=src, stacklevel=3)
    meta = {**meta, "source": src, "format": format}
    name = name or check_name(default_name or Path(path).stem, src)
    return Lexicon(name, frames, meta, exclusions=exclusions)


def _read_text(p: Path, src: str) -> str:
    """The file's text, decoded as UTF-8 (a byte-order mark is dropped)."""
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
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FramingError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line})",
            where=src,
            fix="Re-save the file as UTF-8.",
        ) from exc


def _looks_like_liwc(p: Path, text: str) -> bool:
    """A ``.dic`` file, or a file not named ``.yml``/``.yaml`` whose first line is ``%``."""
    suffix = p.suffix.lower()
    return suffix == ".dic" or (suffix not in (".yml", ".yaml") and _first_line(text) == "%")


def _parse(text: str, src: str, format: str | None) -> tuple[str, dict, list, str | None]:
    """The format, metadata, raw frames and name (None: the file's stem) of the file's text.

    A YAML file with a top-level ``frames:`` key is the own format, other YAML is quanteda.
    """
    if format == "liwc":
        return format, {}, parse_liwc(text, src), None
    root = compose(text, src)
    is_own = has_frames_key(root)
    if format is None:
        if not is_own:
            refuse_own_without_frames(root, src)
        format = "yaml" if is_own else "quanteda"
    if format == "yaml":
        file_name, meta, raw = parse_own(root, src)
        return format, meta, raw, file_name
    return format, {}, parse_quanteda(root, src), None


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""
