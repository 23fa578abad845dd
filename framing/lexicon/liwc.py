"""LIWC ``.dic`` dictionaries: a ``%`` header of numbered categories, then words and their ids.

::

    %
    1	threat
    2	alliance
    %
    threat*	1
    ally	2
    mutual defen?e	1 2

Each category becomes a frame; a word listed under several ids is an entry of each. Only
numeric category ids are read.
"""

from __future__ import annotations

import re

from .._errors import FramingError
from .entries import RawFrame

_ID_RE = re.compile(r"[0-9]+")


def parse_liwc(text: str, src: str) -> list[RawFrame]:
    """The frames of a LIWC dictionary's text, in the header's order.

    Parameters
    ----------
    text : str
        The file's text.
    src : str
        The file's path, for messages.

    Returns
    -------
    list of RawFrame

    Raises
    ------
    FramingError
        Naming the line at fault: a missing or unclosed header, a malformed or repeated
        category, a word without ids or with an id the header does not define.

    Examples
    --------
    >>> frames = parse_liwc("%\\n1\\tthreat\\n2\\tally\\n%\\nthreat*\\t1\\nmutual defen?e\\t1 2\\n",
    ...                     "demo.dic")
    >>> [(f.name, [text for text, _ in f.items]) for f in frames]
    [('threat', ['threat*', 'mutual defen?e']), ('ally', ['mutual defen?e'])]
    """
    lines = text.splitlines()
    opened = _header_start(lines, src)
    categories, body = _categories(lines, opened, src)
    items: dict[int, list[tuple[str, str]]] = {cid: [] for cid in categories}
    known = ", ".join(f"{cid} ({nm})" for cid, (nm, _) in categories.items())
    for j in range(body, len(lines)):
        if not lines[j].strip():
            continue
        where = f"{src}, line {j + 1}"
        word, ids = _word_and_ids(lines[j], where)
        for cid in _category_ids(ids, word, categories, known, where):
            items[cid].append((word, where))
    return [
        RawFrame(nm, f"{src}, line {line_no}", items[cid])
        for cid, (nm, line_no) in categories.items()
    ]


def _header_start(lines: list[str], src: str) -> int:
    """The line number (1-based) of the ``%`` that opens the category list."""
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i == len(lines):
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
    return i + 1


def _categories(lines: list[str], opened: int, src: str) -> tuple[dict[int, tuple[str, int]], int]:
    """The header's ``{id: (name, line)}`` and the index of the first line after it."""
    categories: dict[int, tuple[str, int]] = {}
    names: dict[str, int] = {}
    i = opened
    while True:
        if i == len(lines):
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
        cid, cname = _category(line, f"{src}, line {i}")
        if cid in categories:
            raise FramingError(
                f"category id {cid} is used twice (first at line {categories[cid][1]})",
                where=f"{src}, line {i}",
                fix="Give every category its own number.",
            )
        if cname in names:
            raise FramingError(
                f"duplicate frame name {cname!r} (first at line {names[cname]})",
                where=f"{src}, line {i}",
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
    return categories, i


def _category(line: str, where: str) -> tuple[int, str]:
    """The id and name of one ``id<TAB>category`` line of the header."""
    parts = line.split()
    if len(parts) < 2 or not _ID_RE.fullmatch(parts[0]):
        fix = "Write a number, a tab and the category name, e.g. '1\tthreat'."
        if _ID_RE.fullmatch(parts[-1]):
            fix += " If the word lines start here, the '%' line that ends the category list is missing."
        raise FramingError(f"expected 'id<TAB>category', found {line!r}", where=where, fix=fix)
    return int(parts[0]), parts[1]


def _word_and_ids(line: str, where: str) -> tuple[str, list[str]]:
    """Split a word line: at its tab, else the trailing numbers are the ids (a phrase may
    hold spaces)."""
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
    return word, ids


def _category_ids(ids: list[str], word: str, categories: dict, known: str, where: str) -> list[int]:
    """The ids after a word as numbers, each one a category of the header."""
    out = []
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
        out.append(cid)
    return out
