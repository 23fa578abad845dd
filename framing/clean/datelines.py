"""Datelines: ``YEREVAN, Sept 14 (TCW) —`` split off the start of a text (:func:`split_dateline`)."""

from __future__ import annotations

import re

from .text import DASH_CHARS, check_text

__all__ = ["split_dateline"]


def _char_class(chars: str) -> str:
    """A compact regex character class of ``chars`` (runs of code points become ranges)."""
    points = sorted(set(map(ord, chars)))
    parts, i = [], 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        lo, hi = chr(points[i]), chr(points[j])
        parts.append(re.escape(lo) if i == j else f"{re.escape(lo)}-{re.escape(hi)}")
        i = j + 1
    return "[" + "".join(parts) + "]"


_UPPER = _char_class("".join(c for c in map(chr, range(0x10000)) if c.isupper()))
_HS = r"[^\S\n]"  # horizontal white space
_PLACE_WORD = rf"{_UPPER}+(?:[-'’]{_UPPER}+)*\.?"
_PLACE = rf"{_PLACE_WORD}(?:(?:{_HS}+|/){_PLACE_WORD}){{0,3}}"  # at most four words
_REGION = rf"{_UPPER}[\w'’.-]*(?:{_HS}+{_UPPER}[\w'’.-]*){{0,2}}"
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]"
    r"|октябр[яь]|ноябр[яь]|декабр[яь]|янв|фев|мар|апр|июн|июл|авг|сент?|окт|ноя|дек)"
    r"\.?(?![^\W\d_])"
)
_WEEKDAY = r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
_YEAR = rf"\d{{4}}(?:{_HS}*(?:г\.|года?))?"
_DATE = (
    rf"(?:\d{{1,2}}{_HS}+{_MONTH}(?:,?{_HS}+{_YEAR})?"  # 14 сентября [2023 г.]
    rf"|{_MONTH}{_HS}*\d{{1,2}}(?!\d)(?:,?{_HS}+{_YEAR})?"  # Sept. 14[, 2023]
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}"  # 2023-09-14, 14.09.2023
    rf"|{_WEEKDAY})"
)
# Upper-case kickers that open a text like a place but are not one ("CORRECTION - …").
_NOT_PLACES = frozenset(
    """ADVISORY ANALYSIS BREAKING COMMENT COMMENTARY CORRECTED CORRECTION CORRECTS EDITORIAL
    EXCLUSIVE EXPLAINER FACTBOX FEATURE FLASH INTERVIEW LIVE NOTE OPINION PREVIEW REFILE
    REPEAT REVIEW UPDATE UPDATED URGENT WRAPUP АНАЛИЗ АНАЛИТИКА ИНТЕРВЬЮ КОММЕНТАРИЙ МНЕНИЕ
    МОЛНИЯ ОБНОВЛЕНО СРОЧНО ЭКСКЛЮЗИВ""".split()
)
_DASH = rf"(?:{_HS}*(?:[{DASH_CHARS}]|--){_HS}*|{_HS}+-{_HS}+)"
_DATELINE_RE = re.compile(
    rf"\s*(?P<place>{_PLACE})"
    rf"(?:,{_HS}*(?P<region>{_REGION})(?={_HS}*[,(]))?"
    rf"(?:,{_HS}*(?P<date>{_DATE}))?"
    rf"(?:{_HS}*\((?P<source>[^\W\d_][^()\n]{{0,59}})\))?"
    rf"(?P<dash>{_DASH})"
)


def split_dateline(text: str) -> tuple[str, str, str]:
    """Split a dateline off the start of a text: ``(place, source, rest_of_text)``.

    Recognized at the very start of the text (after white space)::

        YEREVAN (Azatutyun) — …                     place, source
        MOSCOW, Sept 14 (TCW) — …                   place, date, source
        MOSCOW, Sept. 14, 2023 (TCW) -- …
        ЕРЕВАН, 14 сентября (Северный курьер) — …
        GORIS, Armenia, Dec 14 (TCW) — …            place, region, date, source
        BOSTON (Diaspora Mirror) - …                a spaced hyphen also counts
        WASHINGTON, March 3 (Reuters) - …
        YEREVAN — …                                 place only

    The place is a run of one to four upper-case words (any cased script; hyphens,
    apostrophes, dots and ``/`` allowed: ``NEW YORK``, ``ST. PETERSBURG``,
    ``САНКТ-ПЕТЕРБУРГ``, ``LONDON/MOSCOW``) with at least three letters and no lower-case
    letter. It must be followed by a comma and a date, by a source in parentheses or
    directly by the dash; a region after the comma (``KUT, Gegharkunik``) counts only when
    a date or a source follows it. So "NATO and the CSTO — two blocs" is no dateline, while
    a short all-caps opening such as "CSTO — the bloc …" is taken for one. Kickers such as
    ``CORRECTION``, ``UPDATE``, ``EXCLUSIVE`` or ``СРОЧНО`` are never places.

    Parameters
    ----------
    text : str
        One article's text.

    Returns
    -------
    place : str
        The place as written (upper case, without region or date), or ``""``.
    source : str
        The source in parentheses as written, or ``""``.
    text : str
        The text after the dateline's dash, or the text unchanged when there is none.

    Examples
    --------
    >>> split_dateline("MOSCOW, Sept. 14, 2023 (TCW) -- Russia said on Thursday ...")
    ('MOSCOW', 'TCW', 'Russia said on Thursday ...')
    >>> split_dateline("YEREVAN — Armenia will not host the drills.")
    ('YEREVAN', '', 'Armenia will not host the drills.')
    >>> split_dateline("NATO and the CSTO — two blocs.")
    ('', '', 'NATO and the CSTO — two blocs.')
    """
    check_text(text, "split_dateline")
    m = _DATELINE_RE.match(text)
    if m is None:
        return "", "", text
    place = m["place"]
    if sum(c.isalpha() for c in place) < 3 or place.split()[0].rstrip(".") in _NOT_PLACES:
        return "", "", text
    source = (m["source"] or "").strip()
    if not source and not m["date"] and m["dash"].strip() == "-":
        return "", "", text  # "MONEY RATES - …": a bare place needs a real dash
    if source:
        words = source.split()
        if len(words) > 5 or (source[0].islower() and len(words) > 1):
            return "", "", text
    return place, source, text[m.end() :]
