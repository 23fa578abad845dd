"""Captions anywhere in a text, found from their credit: the layout pass of
:func:`~framing.clean.clean_articles`.

* :func:`credit_ends`: a line that ends in a credit without a photo word ("… (AFP)", "… /
  Handout via REUTERS", "… 2026. © Karen Minasyan, AFP", "… открытым. Фото Reuters"), or
  that only gives an image's source ("Image source: parliament.ge", "Фото из открытых
  источников");
* :func:`captions_over_credits`: a caption that ends in a date over its credit on a line of
  its own ("… in Kyiv on December 8, 2026." over "Genya Savilov/AFP/Getty Images").

Lines ending in a photo word's credit ("Photo: …", "(AP Photo/…)") are
:func:`framing.clean.head.credit_lines`'.
"""

from __future__ import annotations

import re

from .datelines import DATE_PATTERN
from .head import CLOSED, LONG_LINE, NAME

__all__ = ["captions_over_credits", "credit_ends"]

# a caption that ends in a date, and a credit on a line of its own under it
_DATED_END_RE = re.compile(rf"(?<!\w)(?:{DATE_PATTERN})\.?$")
_CREDIT_ONLY_RE = re.compile(
    rf"{NAME}(?: ?/ ?| via | for |, ){NAME}(?:(?: ?/ ?| via ){NAME}){{0,3}}"
)
# a credit after a comma ends with an agency ("Karen Minasyan, AFP"), not a second name
_AGENCIES = (
    "AFP", "AP", "AA", "Reuters", "REUTERS", "EPA", "EPA-EFE", "TASS", "Sputnik", "Anadolu",
    "Getty Images", "Xinhua", "RIA Novosti", "Photolure", "NurPhoto", "Shutterstock", "Alamy",
    "Bloomberg", "Pool",
)  # fmt: skip
_AGENCY_ENDS = tuple(", " + agency for agency in _AGENCIES)


def credit_ends(text: str, skip: dict[int, str]) -> dict[int, str]:
    """Caption lines anywhere in ``text`` that end in a credit without a photo word, or that
    only give the source of an image: ``{start: "caption"}``.

    "… on December 10, 2026 (AFP)", "… (Anush Babajanyan for The Washington Post)", "… (file
    photo)", "… in Moscow. Sergei Kiselev / Moskva News Agency", "…/Handout via REUTERS", "…
    2026. © Karen Minasyan, AFP", "… открытым. Фото Reuters"; "Image source: parliament.ge",
    "Видео: Первый канал", "Фото из открытых источников". The line has no full stop after its
    credit, so a sentence of the body is never one.

    Examples
    --------
    >>> text = "Police in Tbilisi on December 10, 2026 (AFP)\\n\\nThe protest went on (AFP)."
    >>> credit_ends(text, {})
    {0: 'caption'}
    """
    found = {}
    for start in _lines_holding(text, _ASCII_NEEDLES if text.isascii() else _NEEDLES):
        end = text.find("\n", start)
        line = text[start : len(text) if end == -1 else end].strip()
        if (
            line.startswith(_SOURCE_OPENERS)
            and start not in skip
            and len(line) <= 100
            and _SOURCE_LINE_RE.fullmatch(line)
        ):
            found[start] = "caption"  # "Image source: parliament.ge", "Фото из открытых источников"
        elif (
            start not in skip
            and 20 <= len(line) <= 300
            and line[0] != "("  # a note in parentheses of its own, not a caption's credit
            and line[-1] in _CREDIT_LAST
            and _CREDIT_END_RE.search(line) is not None
        ):
            found[start] = "caption"
    return found


def _lines_holding(text: str, needles: tuple[tuple[str, str], ...]) -> list[int]:
    """The starts of the lines of ``text`` that hold one of ``needles``, in order.

    Each needle comes with a character of it that most texts lack, looked for first: a
    search for one character is quicker than one for several."""
    starts = []
    for needle, char in needles:
        pos = text.find(needle) if char in text else -1
        while pos != -1:
            starts.append(text.rfind("\n", 0, pos) + 1)
            pos = text.find(needle, pos + 1)
    if text[-1:] == ")":
        starts.append(text.rfind("\n") + 1)
    return sorted(set(starts)) if len(starts) > 1 else starts


# what a line of credit_ends holds (an ASCII text holds no "©", "Фото" or "Видео:")
_ASCII_NEEDLES = ((")\n", ")"), (" / ", "/"), (" via ", " "), ("source:", ":"), ("Video:", ":"))
_NEEDLES = (*_ASCII_NEEDLES, ("©", "©"), ("Фото", "Ф"), ("Видео:", "В"))
# a line that only gives the source of an image or a video
_SOURCE_OPENERS = ("Image", "Photo", "Video", "Источник", "Видео", "Фото")
_SOURCE_LINE_RE = re.compile(
    r"(?:(?:Image|Photo|Video) source|Источник (?:фото|изображения)|Видео|Video)\s*:\s*"
    r"(?:[^.!?\n]|\.(?=\S)){2,60}"
    r"|Фото (?:из открытых источников|[\w-]+\.(?:kg|ru|am|ge|az|by|ua|kz|uz|com)(?:\. Иллюстративное)?)"
)
_CREDIT_LAST = frozenset(")ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_CREDIT_END_RE = re.compile(
    rf"(?:\((?:{'|'.join(map(re.escape, _AGENCIES))}|[Ff]ile photo"
    r"|[^()]{0,60}\b(?:Photos?|Handout|Press Service|Press Office|Office|Pool)\b[^()]{0,40}"
    r"|[^()]{2,60} for (?:The |the )?[A-Z][^()]{2,40})\)"
    r"|[.!?] [A-ZА-ЯЁ][\w'’.-]+(?: [A-ZА-ЯЁ][\w'’.-]+){1,3} ?/ ?[A-ZА-ЯЁ][\w .&-]{1,40}"
    r"|(?:/| via )(?:REUTERS|Reuters|AFP|AP|EPA|Anadolu|Handout)"
    r"|[.!?] (?-i:Фото) [A-ZА-ЯЁ][\w.&-]*(?: [A-ZА-ЯЁ][\w.&-]*){0,3}"  # "… открытым. Фото Reuters"
    r"|[.!?] © ?[A-ZА-ЯЁ][\w.'’&-]*(?:(?:,? |/)[A-ZА-ЯЁ][\w.'’&-]*){0,5})$"  # "… 2026. © Name, AFP"
)


def captions_over_credits(text: str, skip: dict[int, str]) -> dict[int, str]:
    """A caption that ends in a date and its credit on the line under it, at the end of a
    paragraph: ``{start: "caption"}`` for both lines.

    "… in Kyiv on December 8, 2026." over "Genya Savilov/AFP/Getty Images", "… Dec. 8,
    2025." over "Press Office/Anadolu via Getty Images", "… on Sunday" over "Claire
    Hollis/NPR". The line above the caption, if any, ends no sentence (a headline, a
    timestamp) or was removed; so a paragraph of the body is never one.

    Examples
    --------
    >>> text = ("Zelensky in Kyiv on December 8, 2026.\\nGenya Savilov/AFP/Getty Images"
    ...         "\\n\\nKyiv said no.")
    >>> captions_over_credits(text, {})
    {0: 'caption', 38: 'caption'}
    """
    found: dict[int, str] = {}
    end = text.find("\n\n")
    if end == -1:
        return found  # one paragraph: the text (a wire's) is no page with a photo
    while True:
        stop = len(text) if end == -1 else end
        credit_at = text.rfind("\n", 0, stop) + 1
        credit = text[credit_at:stop].strip()
        if (
            0 < credit_at
            and 4 <= len(credit) <= 80
            and ("/" in credit or " via " in credit or credit.endswith(_AGENCY_ENDS))
            and _CREDIT_ONLY_RE.fullmatch(credit)
        ):
            at = text.rfind("\n", 0, credit_at - 1) + 1
            caption = text[at : credit_at - 1].strip()
            above = text[text.rfind("\n", 0, max(at - 1, 0)) + 1 : max(at - 1, 0)].strip()
            if (
                at not in skip
                and 20 <= len(caption) <= LONG_LINE
                and _DATED_END_RE.search(caption) is not None
                and (
                    not above or above[-1] not in CLOSED or text.rfind("\n", 0, at - 1) + 1 in skip
                )
            ):
                found[at] = found[credit_at] = "caption"
        if end == -1:
            return found
        end = text.find("\n\n", end + 2)
