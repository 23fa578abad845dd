"""One scan of a plain text: the quick way of :data:`~framing.clean.default_cleaner`.

Most news texts in English (all of Reuters-21578 but one) are plain: ASCII, with ``"\\n"``
their only line break. Of such a text the default cleaner strips every line, collapses runs
of spaces and of blank lines, turns spaced ``"--"`` into a dash, and drops the lines its
patterns match. With its lines stripped, one hyperscan scan of the text tells which of the
rest there is to do, and finds the lines that the patterns can match: those that start with
one of the words :data:`~framing.clean.layout.LINE_WORDS` (in any case) and not with a
lower-case letter, or with one of :data:`~framing.clean.layout.LINE_OPENERS`. That one scan
stands for several searches of the text and of its lower case, each of which reads every
character. Other texts, and every text where hyperscan cannot be imported, take the general
way (:func:`~framing.clean.pipeline.normalize_characters_and_space`, then
:func:`~framing.clean.layout.default_line_drops`); the tests check that both agree.
"""

from __future__ import annotations

import functools
import threading

from .. import _cache
from .layout import LINE_OPENERS, LINE_WORDS, default_line_drops, line_drops_at
from .text import collapse_whitespace, dash_cuts, splice

__all__ = ["plain_drops"]

# What the scan looks for once, and what finding it means for the text with stripped lines:
# "--" may become a dash; runs of spaces and three line breaks in a row are left to
# collapse; and a copyright notice, which holds "reserved", may end any line, so that every
# line is looked at. Letters in any case are spelled as classes: hyperscan scans so more
# quickly than with its flag for any case.
_DASHES, _COLLAPSE, _NOTICE = 1, 2, 4
_ONCE = ((b"--", _DASHES), (b"  ", _COLLAPSE), (b"\n\n\n", _COLLAPSE))
# Bytes after the text that no pattern holds. The hyperscan of the wheels (Vectorscan 5.4.12)
# can miss a match that ends at the last byte of what it scans (its double-shufti search
# leaves out the last byte: VectorCamp/vectorscan#358, fixed by #368); with these after it,
# none does.
_PAD = b"\0" * 8


def _spelled(word: str, *, capital: bool = False) -> bytes:
    """A hyperscan pattern that matches ``word`` (ASCII, lower case) in any case, or with
    ``capital`` with its first letter a capital (not a lower-case letter: _CAP)."""
    out = []
    for i, char in enumerate(word.encode("ascii")):
        lower, upper = b"\\x%02x" % char, b"\\x%02x" % ord(chr(char).upper())
        if capital and i == 0:
            out.append(upper)
        else:
            out.append(lower if lower == upper else b"[" + lower + upper + b"]")
    return b"".join(out)


def _line_words() -> list[tuple[str, bool]]:
    """The ASCII words and openers that start a line the patterns can match, with whether a
    line may start with a lower-case letter (an opener) and still match.

    A word that starts with another is left out: the line is found by the shorter one. One
    that starts an opener is taken as one (a few lines more are looked at), so that no line
    an opener finds is lost.
    """
    words = {w: False for w in LINE_WORDS if w.isascii()}
    words.update((w, True) for w in LINE_OPENERS if w.isascii())
    kept = [w for w in words if not any(v != w and w.startswith(v) for v in words)]
    return [(w, any(o.startswith(w) for o in LINE_OPENERS)) for w in kept]


class _Scan:
    """The compiled scan, and a scratch space for each thread that uses it."""

    def __init__(self, hyperscan):
        self.hyperscan = hyperscan
        patterns = [pattern for pattern, _ in _ONCE] + [_spelled("reserved")]
        flags = [hyperscan.HS_FLAG_SINGLEMATCH] * len(patterns)
        #: for each pattern id, what finding it means, or 0 and the length of a line's word
        self.ids = [(meaning, 0) for _, meaning in _ONCE] + [(_NOTICE, 0)]
        for word, opener in _line_words():
            # the first line, and every other after its line break; a match ends
            # ``len(word)`` characters after the line starts
            spelled = _spelled(word, capital=not opener and word[0].isalpha())
            for before in (b"^", b"\\n"):
                patterns.append(before + spelled)
                flags.append(0)
                self.ids.append((0, len(word)))
        self.db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        self.db.compile(
            expressions=patterns, ids=list(range(len(patterns))), elements=len(patterns),
            flags=flags,
        )  # fmt: skip
        self.local = threading.local()

    def __call__(self, text: str) -> tuple[int, list[int]]:
        """What ``text`` (ASCII, its lines stripped) holds of ``_ONCE`` (their meanings,
        or-ed), and where the lines start that the default patterns can match."""
        meanings = _COLLAPSE if "\t" in text or "\x1f" in text else 0  # ASCII_SPACES
        if not text:
            return meanings, []
        scratch = getattr(self.local, "scratch", None)
        if scratch is None:  # a scratch space cannot serve two scans at once
            scratch = self.local.scratch = self.hyperscan.Scratch(self.db)
        found: list[tuple[int, int]] = []
        self.db.scan(
            text.encode() + _PAD, match_event_handler=_on_match, scratch=scratch, context=found
        )
        starts = []
        ids = self.ids
        for pid, end in found:
            meaning, length = ids[pid]
            if meaning:
                meanings |= meaning
            else:
                starts.append(end - length)
        starts.sort()  # hyperscan does not promise to report in order
        return meanings, starts


def _on_match(pid: int, _start: int, end: int, _flags: int, found: list) -> None:
    found.append((pid, end))


@functools.cache
def _scan() -> _Scan | None:
    """The scan, compiled once; None where hyperscan cannot be imported."""
    try:
        import hyperscan
    except ImportError:
        return None
    return _Scan(hyperscan)


_cache.register_cache(
    "the cleaner's plain-text scan",
    _scan.cache_clear,
    "the hyperscan database default_cleaner scans plain texts with (one per process)",
)


def plain_drops(text: str) -> tuple[str, dict[int, str]] | None:
    """:func:`~framing.clean.pipeline.normalize_characters_and_space` of a plain text and
    :func:`~framing.clean.layout.default_line_drops` of that, or None for another text.

    A plain text is ASCII and has no line break but ``"\\n"``. None is also the answer
    for every text where hyperscan cannot be imported.

    Examples
    --------
    >>> plain_drops("  Photo: Jermuk\\n  Armenia did not sign.  \\nREUTER") in (
    ...     None, ("Photo: Jermuk\\nArmenia did not sign.\\nREUTER", {0: "caption", 36: "boilerplate"})
    ... )
    True
    >>> plain_drops("Армения") is None
    True
    """
    scan = _scan()
    if (
        scan is None
        or not text.isascii()
        # the ASCII line breaks but "\n" (ASCII_LINE_BREAKS), one search each: most texts
        # have none, and a loop over them takes longer than the searches themselves
        or "\r" in text
        or "\x0b" in text
        or "\x0c" in text
        or "\x1c" in text
        or "\x1d" in text
        or "\x1e" in text
    ):
        return None
    # ASCII white space is that of str.strip, so stripping first strips what the general
    # way strips after turning tabs into spaces
    base = "\n".join(map(str.strip, text.split("\n"))).strip("\n")
    meanings, starts = scan(base)
    if meanings & _COLLAPSE:
        base = collapse_whitespace(base)
        meanings, starts = scan(base)  # the lines moved
    if meanings & _DASHES:
        # Whether "--" becomes a dash depends on whether white space (or the end of the
        # text) is on both sides of it, which stripping and collapsing do not change: so
        # it can be decided after them, as the general way decides it before them.
        base, starts = _fold_dashes(base, starts)
    if meanings & _NOTICE:
        return base, default_line_drops(base, base.lower() if base.isascii() else None)
    return base, line_drops_at(base, starts)


def _fold_dashes(text: str, starts: list[int]) -> tuple[str, list[int]]:
    """``text`` (ASCII) with its dashes normalized (:func:`normalize_dashes`), and the line
    starts ``starts`` moved back by what the dashes before each took less room."""
    cuts = dash_cuts(text)
    if not cuts:
        return text, starts
    moved, i, less = [], 0, 0
    for start in starts:
        while i < len(cuts) and cuts[i][0] < start:
            at, stop, new = cuts[i]
            less += stop - at - len(new)
            i += 1
        moved.append(start - less)
    return splice(text, cuts), moved
