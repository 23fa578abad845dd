"""Datelines: ``YEREVAN, Sept 14 (TCW) —`` split off the start of a text (:func:`split_dateline`).

:func:`match_dateline` finds one at the start of a line; :func:`framing.clean.find_layout`
uses it to find the dateline under a caption or byline.
"""

from __future__ import annotations

import re

from .text import DASH_CHARS, check_text

__all__ = ["DATE_PATTERN", "MONTH_PATTERN", "WEEKDAY_PATTERN", "match_dateline", "split_dateline"]


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
#: A date as datelines write it ("Sept. 14", "14 сентября 2023 г.", "14.09.2023", "Monday").
DATE_PATTERN = _DATE
#: A month's name, whole or cut short, in English or Russian ("Sept.", "декабря").
MONTH_PATTERN = _MONTH
#: A weekday's name in English ("Monday").
WEEKDAY_PATTERN = _WEEKDAY
# Upper-case kickers that open a text like a place but are not one ("CORRECTION - …").
_NOT_PLACES = frozenset(
    """ADVISORY ANALYSIS BREAKING COMMENT COMMENTARY CORRECTED CORRECTION CORRECTS EDITORIAL
    EXCLUSIVE EXPLAINER FACTBOX FEATURE FLASH INTERVIEW LIVE NOTE OPINION PREVIEW REFILE
    REPEAT REVIEW UPDATE UPDATED URGENT WRAPUP АНАЛИЗ АНАЛИТИКА ИНТЕРВЬЮ КОММЕНТАРИЙ МНЕНИЕ
    МОЛНИЯ ОБНОВЛЕНО СРОЧНО ЭКСКЛЮЗИВ""".split()
)
_DASH = rf"(?:{_HS}*(?:[{DASH_CHARS}]|--){_HS}*|{_HS}+-{_HS}+)"
_CAPWORD = rf"{_UPPER}[\w.&'’-]*"
_NAMEWORD = rf"{_UPPER}[^\W\d_]+(?:-[^\W\d_]+)*"  # "РИА", "Новости", "Sputnik"
_DATELINE_RE = re.compile(
    rf"\s*(?P<place>{_PLACE})"
    # a region before a date or a source, or before the dash when a sentence follows it
    # ("KYIV, Ukraine — Russia launched …", AP copy run without "(AP)")
    rf"(?:,{_HS}*(?P<region>{_REGION})(?={_HS}*[,(]|{_DASH}(?:{_UPPER}|[«“„\"\d])))?"
    rf"(?:(?:,|\.|(?<=\.)){_HS}*(?P<date>{_DATE}))?"
    rf"(?:(?:{_HS}*\((?P<source>[^\W\d_][^()\n]{{0,59}})\))?(?P<dash>{_DASH})"
    # "МОСКВА, 1 апр — РИА Новости. …": the source after the dash, when there is a date
    rf"(?:(?<=[^\S\n])(?P<after>{_NAMEWORD}(?:{_HS}{_NAMEWORD}){{0,2}})\.(?:{_HS}+|$))?"
    # "MOSCOW, April 1. /TASS/. …"
    rf"|\.?{_HS}*/(?P<slashed>[^\W\d_][^/\n]{{0,59}})/\.?(?:{_HS}+|$)"
    # "ЕРЕВАН, 7 НОЯБРЯ, АРМЕНПРЕСС. …": an agency in capitals after the date
    rf"|[,.]{_HS}*(?P<capsource>{_UPPER}{{3,}}(?:(?:{_HS}|-){_UPPER}{{2,}})?)\.(?:{_HS}+|$)"
    # "ТБИЛИСИ, 8 декабря 2026. EADaily. …": an agency after the date and a full stop
    rf"|\.{_HS}+(?P<dotsource>{_UPPER}[\w.-]*[^\W\d_](?:{_HS}{_NAMEWORD})?)\.(?:{_HS}+|$))"
)
# "Moscow (AFP) - …", "Тбилиси, 5 марта (Новости-Грузия) — …": a place in title case needs a
# source in parentheses and a sentence after the dash
_TITLE_PLACE_RE = re.compile(
    rf"\s*(?P<place>{_UPPER}[^\W\d_]+(?:(?:{_HS}|-){_UPPER}[^\W\d_]+){{0,2}})"
    rf"(?:,{_HS}*(?P<date>{_DATE}))?{_HS}*"
    rf"(?:\((?P<source>{_CAPWORD}(?:{_HS}{_CAPWORD}){{0,2}})\)(?P<dash>{_DASH})"
    rf"|/(?P<slashed>{_CAPWORD}(?:{_HS}{_CAPWORD}){{0,2}})/\.?{_HS}+)"
    rf"(?=(?:{_UPPER}|[«“„\"\d]))"
)
# "(AP) — …": a source without a place
_SOURCE_ONLY_RE = re.compile(
    rf"\s*\((?P<source>{_CAPWORD}(?:{_HS}{_CAPWORD}){{0,2}})\)(?P<dash>{_DASH})"
)
# "Москва. 1 апреля. INTERFAX.RU - …"
_INTERFAX_RE = re.compile(
    rf"\s*(?P<place>{_UPPER}[^\W\d_]+(?:[- ]{_UPPER}?[^\W\d_]+){{0,2}})\.{_HS}+"
    rf"(?P<date>{_DATE})\.{_HS}+(?P<source>(?i:interfax|интерфакс)[\w.-]*)(?P<dash>{_DASH})"
)


_SPACE_RUN = re.compile(r"\s*").match


def match_dateline(text: str) -> tuple[str, str, int] | None:
    """The dateline at the start of ``text``: ``(place, source, end)``, or None.

    ``end`` is where the text after the dateline starts. The rules are those of
    :func:`split_dateline`; ``text`` is not checked.
    """
    start = _SPACE_RUN(text).end()
    first = text[start : start + 1]
    if not (first.isupper() or first == "("):  # every dateline starts so
        return None
    m = _DATELINE_RE.match(text)
    if m is not None:
        found = _checked(m)
        if found is not None:
            return found
    if first != "(" and ("(" in text[start : start + 80] or "/" in text[start : start + 80]):
        m = _TITLE_PLACE_RE.match(text)
        if m is not None and m["place"].split()[0].upper() not in _NOT_PLACES:
            return m["place"], m["source"] or m["slashed"], m.end()
    regex = _SOURCE_ONLY_RE if first == "(" else _INTERFAX_RE
    probe = text[start : start + 200].upper()
    if regex is _SOURCE_ONLY_RE or "NTERFAX" in probe or "НТЕРФАКС" in probe:
        m = regex.match(text)
        if m is not None and m["source"].split()[0].upper() not in _NOT_PLACES:
            return (m["place"] if regex is _INTERFAX_RE else ""), m["source"], m.end()
    return None


def _checked(m: re.Match) -> tuple[str, str, int] | None:
    """``(place, source, end)`` of a match of _DATELINE_RE, or None when it is no dateline."""
    place = m["place"]
    if m["date"] and place.endswith(".") and m.string[m.end("place") : m.start("date")].isspace():
        place = place[:-1]  # "MOSCOW. April 1 (Interfax) -": the dot parts place and date
    if sum(c.isalpha() for c in place) < 3 or place.split()[0].rstrip(".") in _NOT_PLACES:
        return None
    if (m["capsource"] or m["dotsource"]) and not m["date"]:
        return None  # "NATO, CSTO. …": an agency in capitals follows a date
    source = (m["source"] or m["slashed"] or m["capsource"] or m["dotsource"] or "").strip()
    if m["after"] and not source and m["date"]:
        source = m["after"]
        end = m.end()
    else:
        end = m.start("after") if m["after"] else m.end()
    if m["dash"] is not None and not source and not m["date"] and m["dash"].strip() == "-":
        return None  # "MONEY RATES - …": a bare place needs a real dash
    if source:
        words = source.split()
        if len(words) > 5 or (source[0].islower() and len(words) > 1):
            return None
    return place, source, end


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
        MOSCOW, April 1. /TASS/. …                  the source between slashes (TASS)
        МОСКВА, 1 апр — РИА Новости. …              the source after the dash (RIA,
        ЕРЕВАН, 1 апреля — Sputnik. …               Sputnik): with a date only
        (AP) — …                                    a source without a place
        Москва. 1 апреля. INTERFAX.RU - …           Interfax (the place as written)
        MOSCOW. April 1 (Interfax) - …
        ЕРЕВАН, 7 НОЯБРЯ, АРМЕНПРЕСС. …             an agency in capitals after a date
        ЕРЕВАН, 8 ДЕКАБРЯ. АРМЕНПРЕСС. …
        ТБИЛИСИ, 8 декабря 2026. EADaily. …          an agency after a date and a stop
        KYIV, Ukraine — Russia …                    a region before the dash, then a capital
        Moscow (AFP) - …                            a place in title case: a source in
        Тбилиси, 5 марта (Новости-Грузия) — …       parentheses and a capital after the dash
        Yerevan /Mediamax/. …                       or a source between slashes

    The place is a run of one to four upper-case words (any cased script; hyphens,
    apostrophes, dots and ``/`` allowed: ``NEW YORK``, ``ST. PETERSBURG``,
    ``САНКТ-ПЕТЕРБУРГ``, ``LONDON/MOSCOW``) with at least three letters and no lower-case
    letter. It must be followed by a comma and a date, by a source in parentheses or
    directly by the dash; a region after the comma (``KUT, Gegharkunik``) counts only when
    a date or a source follows it, or the dash and a sentence's capital. So "NATO and the
    CSTO — two blocs" is no dateline, while a short all-caps opening such as "CSTO — the bloc
    …" is taken for one. A place in title case (one to three words) counts only with a
    source in parentheses and a capital after the dash. Kickers such as ``CORRECTION``,
    ``UPDATE``, ``EXCLUSIVE`` or ``СРОЧНО`` are never places.

    Parameters
    ----------
    text : str
        One article's text.

    Returns
    -------
    place : str
        The place as written (without region or date), or ``""``.
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
    found = match_dateline(text)
    if found is None:
        return "", "", text
    place, source, end = found
    return place, source, text[end:]
