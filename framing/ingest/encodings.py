"""Detecting and decoding the encoding of each file (UTF-8/16/32, Windows-1251/1252, Latin-1)."""

from __future__ import annotations

import codecs
import re


class Undecodable(Exception):
    """Bytes that do not decode, or decode to binary-looking text; ``detail`` says where."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[^\W\d_]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _looks_russian(text: str) -> bool | None:
    """True if a cp1251 decoding reads as Cyrillic words, False if not, None if unsure."""
    cyrillic_words = mixed = 0
    for word in _WORD.findall(text):
        if _CYRILLIC.search(word):
            cyrillic_words += 1
            if _LATIN.search(word):
                mixed += 1
    if cyrillic_words == 0:
        return False
    share = mixed / cyrillic_words
    if share <= 0.1 and cyrillic_words - mixed >= 2:
        return True
    if share >= 0.3:
        return False
    return None


def _legacy_encoding(data: bytes) -> str:
    """Pick cp1251, cp1252 or latin-1 for bytes that are not UTF-8."""
    try:
        as_cp1251 = data.decode("cp1251")
    except UnicodeDecodeError:
        as_cp1251 = None
    if as_cp1251 is not None:
        verdict = _looks_russian(as_cp1251)
        if verdict is None:
            from charset_normalizer import from_bytes

            best = from_bytes(data, cp_isolation=["cp1251", "cp1252", "latin_1"]).best()
            verdict = best is not None and best.encoding == "cp1251"
        if verdict:
            return "cp1251"
    if not re.search(rb"[\x80-\x9f]", data):
        return "latin-1"
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE,
         codecs.BOM_UTF16_BE)  # fmt: skip


def detect_encoding(data: bytes, *, partial: bool = False) -> str:
    """The encoding of ``data`` (``partial``: the bytes are a prefix of the file)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if partial and exc.start >= len(data) - 3 and "unexpected end" in str(exc.reason):
            return "utf-8"
    return _legacy_encoding(data)


def decode(data: bytes, forced: str | None, *, strict: bool = False) -> tuple[str, str, str]:
    """Decode file bytes: ``(text, encoding, note)``; raise Undecodable with the byte offset.

    A file that is UTF-8 but for a few lines (a stray byte, a few lines pasted in cp1251) stays
    UTF-8 (:func:`mostly_utf8`): those lines are decoded one by one and ``note`` says which
    (with ``strict``, such a file is Undecodable instead). ``note`` is "" otherwise.
    """
    if forced is None and not data.startswith(BOMS):
        try:  # most files are UTF-8: decode once, not once to detect and once to read
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            mixed = mostly_utf8(data)
            if mixed is not None:
                text, note = mixed
                if strict:
                    raise Undecodable(note) from None
                check_text(text, "utf-8")
                return text, "utf-8", note
        else:
            check_text(text, "utf-8")
            return text, "utf-8", ""
    encoding = forced or detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise Undecodable(
            f"cannot decode byte {data[exc.start : exc.start + 1]!r} at offset {exc.start} "
            f"with {encoding}"
        ) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    check_text(text, encoding)
    return text, encoding, ""


def mostly_utf8(data: bytes) -> tuple[str, str] | None:
    r"""Bytes that are UTF-8 but for a few lines, decoded line by line: ``(text, note)``; None
    when the file is better read in one legacy encoding.

    A file counts as UTF-8 when it has at least as many non-ASCII lines that are valid UTF-8
    as lines that are not: one bad byte must not turn "Угроза" into "РЈРіСЂРѕР·Р°" in the whole
    file. A bad line that also holds valid UTF-8 has its bad bytes replaced by U+FFFD; a bad
    line with no UTF-8 in it is a line of another encoding (cp1251, cp1252 or latin-1, guessed
    for that line). ``note`` names the lines (1-based) and what was done.

    Examples
    --------
    >>> data = "Угроза\nОДКБ\nкризис".encode() + b"\xff\n" + "Угроза ОДКБ".encode("cp1251")
    >>> text, note = mostly_utf8(data)
    >>> text.splitlines() == ["Угроза", "ОДКБ", "кризис\ufffd", "Угроза ОДКБ"]
    True
    >>> print(note)
    not valid UTF-8 on 2 of 4 lines: read as UTF-8, line 4 in cp1251, the bad bytes of line 3 replaced by U+FFFD
    """
    lines = data.splitlines(keepends=True)
    good, bad = 0, []
    for i, line in enumerate(lines):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            good += 1
        except UnicodeDecodeError:
            bad.append(i)
    if not bad or good < len(bad):
        return None
    pieces = [line.decode("utf-8", errors="replace") for line in lines]
    legacy: dict[str, list[int]] = {}
    replaced = []
    for i in bad:
        if any(c > "\x7f" and c != "\ufffd" for c in pieces[i]):
            replaced.append(i)  # valid UTF-8 around a stray byte: keep it
            continue
        encoding = _legacy_encoding(lines[i])
        pieces[i] = lines[i].decode(encoding)
        legacy.setdefault(encoding, []).append(i)
    done = [f"{_lines(rows)} in {enc}" for enc, rows in legacy.items()]
    if replaced:
        done.append(f"the bad bytes of {_lines(replaced)} replaced by U+FFFD")
    note = f"not valid UTF-8 on {len(bad)} of {len(lines)} lines: read as UTF-8, " + ", ".join(done)
    return "".join(pieces), note


def _lines(rows: list[int]) -> str:
    shown = ", ".join(str(i + 1) for i in rows[:8]) + (" ..." if len(rows) > 8 else "")
    return f"line{'s' if len(rows) > 1 else ''} {shown}"


def check_text(text: str, encoding: str) -> None:
    """Raise Undecodable when decoded text looks binary (NUL or many control characters)."""
    nul = text.find("\x00")
    sample = text[:100_000]
    if nul >= 0:
        position = nul
    elif len(_CONTROL.findall(sample)) > 0.01 * len(sample):
        position = _CONTROL.search(sample).start()
    else:
        return
    offset = len(text[:position].encode(encoding, errors="replace"))
    raise Undecodable(
        f"binary or wrongly encoded data: control byte {text[position]!r} near offset "
        f"{offset} when decoded as {encoding}"
    )
